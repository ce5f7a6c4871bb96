"""Entity mentions with offsets: organizations, people, places, rare-earth elements.

Three sources, in order of trust:
1. the knowledge base (`Baogang` → Baogang Group, `the Pentagon` → U.S. Department of Defense,
   `Pr-Nd` → praseodymium + neodymium);
2. patterns for names the knowledge base does not know yet: organizations by their head word
   (`Wuhai Mining Company`, `Hefeng Rare Earth`, `Baogang’s Metrology Center`), Chinese personal
   names by surname + a pinyin given name (`Meng Fanying`), other people by an adjacent title
   (`CEO Amanda Lacaze`) or a speech verb (`Amanda Lacaze said`);
3. short references resolved to a name seen earlier in the same document (`Li visited` → Li Xiao).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.kb import KB, Entry, entity_id, load, trie_regex

_PINYIN = re.compile(
    r"^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu"
    r"|ua|uo|ui|ue|üe|a|e|i|o|u|v|ü))+$",
    re.IGNORECASE,
)
# English words that happen to spell pinyin and follow a surname-looking word in headlines.
_NOT_GIVEN = {
    "rare", "mining", "group", "company", "mobile", "daily", "ran", "hang", "long", "man",
    "bang", "sun", "dong", "gang", "change", "tie", "pin", "tan", "pan", "fan", "den", "hen",
    "ten", "men", "zen", "bin", "tin", "din", "gin", "sin", "pen", "bun", "gun", "nun",
}
_ORG_HEADS = (
    r"Rare[ -]Earths?(?: Group| Company| Co\.?)?|Mining(?: Company| Group| Co\.?)?|Group|"
    r"Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|Co\.,? Ltd\.?|Holdings|Resources|"
    r"Materials|Metals|Magnetics|Technolog(?:y|ies)|Commission|Center|Centre|Institute|"
    r"University|Association|Bureau|Administration|Agency|Exchanges?|Steel|Magnets?"
)
_CAPWORD = r"(?:[A-Z][\w&.-]*|&)"
_ORG_PATTERN = re.compile(
    rf"\b((?:{_CAPWORD}\s+){{1,5}}(?:{_ORG_HEADS})(?:\s+of\s+(?!the\b)[A-Z][\w-]+)?)(?![\w-])"
)
_ORG_STOP = {
    "The", "In", "At", "For", "During", "From", "As", "With", "Why", "This", "That", "A", "An",
    "And", "Of", "On", "By", "To", "Its", "Their", "Our", "Global", "Western", "Chinese",
    "American", "Strategic", "Key", "Major", "New", "Heavy", "Light", "Critical", "National",
    "Two", "Three", "One", "Both", "Leading", "Top", "Largest", "State", "Meanwhile", "But",
    "While", "Led", "If", "When", "Under", "Rare", "Earth", "Earths", "China", "U.S.", "US",
    "Implications", "Spread", "Again", "Highlights", "Domestic", "Foreign", "Other",
    "All", "Many", "Some", "Several", "Local", "Regional", "Provincial", "Central",
}
_SPEECH_WORDS = ["said", "says", "told", "added", "adds", "noted", "notes", "stated", "explained",
                 "emphasized", "emphasised", "stressed"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    entity_type: str
    canonical: str
    kind: str = ""
    from_kb: bool = True

    @property
    def entity_id(self) -> str:
        return entity_id(self.entity_type, self.canonical)


def _is_heading(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 16 or line.rstrip().endswith((".", ":", "?", "!")):
        return False
    return sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _line_spans(text: str) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return spans


def _clean_org(surface: str, start: int) -> tuple[str, int] | None:
    """Drop leading stop words and anything up to a possessive; None when nothing is left."""
    words = surface.split()
    offset = 0
    while words:
        w = words[0]
        if w in _ORG_STOP or w.endswith(("’s", "'s", "’", ",")) or not w[:1].isupper():
            offset += len(w) + 1
            words = words[1:]
            continue
        break
    if len(words) < 2:
        return None
    cleaned = surface[offset:]
    return cleaned, start + offset


@cache
def _title_words(kb: KB) -> frozenset[str]:
    return frozenset({w for t in kb.titles for w in t.split()} | {"Party", "Group", "Company"})


def _given_ok(given: str) -> bool:
    return given.lower() not in _NOT_GIVEN and bool(_PINYIN.match(given)) and len(given) >= 2


def find_mentions(text: str, kb: KB | None = None) -> list[Mention]:
    """All entity mentions in `text`, non-overlapping except compounds' element mentions."""
    kb = kb or load()
    cands: list[tuple[int, int, Mention]] = []  # (priority, -length, mention)

    for m in kb.gazetteer.finditer(text):
        e: Entry = kb.aliases[m.group()]
        if e.entity_type == "compound":
            for el in e.elements:
                cands.append((0, 0, Mention(m.start(), m.end(), m.group(), "element", el, "compound")))
            cands.append((0, 0, Mention(m.start(), m.end(), m.group(), "compound", e.canonical, "compound")))
            continue
        cands.append((0, 0, Mention(m.start(), m.end(), m.group(), e.entity_type, e.canonical, e.kind)))

    headings = [(s, e) for s, e, line in _line_spans(text) if _is_heading(line)]

    def in_heading(pos: int) -> bool:
        return any(s <= pos < e for s, e in headings)

    for m in _ORG_PATTERN.finditer(text):
        cleaned = _clean_org(m.group(1), m.start(1))
        if cleaned is None or in_heading(m.start()):
            continue
        surface, start = cleaned
        known = kb.aliases.get(surface)
        canonical = known.canonical if known and known.entity_type == "organization" else surface
        cands.append((1, 0, Mention(start, start + len(surface), surface, "organization", canonical, "", bool(known))))

    for m in re.finditer(r"\b([A-Z][a-zü]{0,6}) ([A-Z][a-zü]{1,12})(?![\w-])", text):
        sur, given = m.group(1), m.group(2)
        if sur in kb.surnames and _given_ok(given) and not in_heading(m.start()):
            cands.append((2, 0, Mention(m.start(), m.end(), m.group(), "person", m.group(), "", False)))

    for pat in _person_patterns(kb):
        for m in pat.finditer(text):
            if set(m.group(1).replace("-", " ").split()) & _title_words(kb):
                continue
            cands.append((3, 0, Mention(m.start(1), m.end(1), m.group(1), "person", m.group(1), "", False)))

    cands.sort(key=lambda c: (c[2].start, -(c[2].end - c[2].start), c[0]))
    chosen: list[Mention] = []
    taken_until = -1
    last_span = (-1, -1)
    for _, _, mention in cands:
        span = (mention.start, mention.end)
        if mention.kind == "compound" and span == last_span:
            chosen.append(mention)
            continue
        if mention.start < taken_until:
            continue
        chosen.append(mention)
        taken_until = mention.end
        last_span = span

    return _resolve_short_references(text, chosen)


@cache
def _person_patterns(kb: KB) -> tuple[re.Pattern[str], ...]:
    """Names next to a title or a speech verb: one scan for `<title|verb> Name`, one for
    `Name, <title>` / `Name <verb>`."""
    word = r"[A-Z][^\W\d_]*(?:[’'][A-Z][^\W\d_]+)?"  # O’Leary, D'Souza
    name = rf"({word}(?:[ -]{word}){{1,2}})"
    speech = trie_regex(_SPEECH_WORDS)
    return (
        re.compile(rf"\b(?:{kb.title_re}|{speech})\s+{name}(?![\w-])"),
        re.compile(rf"(?=[A-Z])\b{name}(?:,\s+(?:the\s+)?(?:{kb.title_re})\b|\s+(?:{speech})\b)"),
    )


def _resolve_short_references(text: str, mentions: list[Mention]) -> list[Mention]:
    """`Li visited …` after `Li Xiao` → a mention of Li Xiao (Chinese names: the surname;
    other names: the last word)."""
    people = [m for m in mentions if m.entity_type == "person" and " " in m.canonical]
    if not people:
        return mentions
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    keys: dict[str, list[Mention]] = {}
    kb = load()
    for p in people:
        parts = p.canonical.split()
        key = parts[0] if parts[0] in kb.surnames else parts[-1]
        keys.setdefault(key, []).append(p)
    for key, owners in keys.items():
        if len({o.canonical for o in owners}) > 1:
            continue  # two people share the name: leave short references unresolved
        owner = owners[0]
        for m in re.finditer(rf"\b{re.escape(key)}\b(?![\w-]| [A-Z])", text):
            if m.start() < owner.start:
                continue
            if any(s <= m.start() < e for s, e in taken):
                continue
            extra.append(Mention(m.start(), m.end(), m.group(), "person", owner.canonical, "", owner.from_kb))
    return sorted(mentions + extra, key=lambda m: (m.start, m.entity_type))
