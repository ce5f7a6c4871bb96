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

import bisect
import calendar
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from transforms.kb import KB, KNOWLEDGE, Entry, demonyms, entity_id, load, trie_regex

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
_GOVERNMENT_LEVELS = ("Municipal", "Provincial", "County", "Regional")  # `Heyuan Municipal Government`
_ORG_HEADS = (
    r"Rare[ -]Earths?(?: Group| Company| Development| Co\.,? Ltd\.?| Co\.?)?|Mining(?: Company| Group| Co\.,? Ltd\.?| Co\.?)?|Group|"
    r"Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Limited|Co\.,? Ltd\.?|Co\.|Holdings|Resources|"
    r"SARL|SAS|S\.A\.|S\.p\.A\.|SpA|AG|B\.V\.|N\.V\.|Oyj|ASA|AS|A/S|"
    r"Materials|Metals|Magnetics|Technolog(?:y|ies)|Commission|Center|Centre|Institute|"
    r"University|Association|Bureau|Administration|Agency|Economic Development|Exchanges?|Steel|Magnets?|"
    r"Party Committee|Management Committee|People[’']s Government|Securities|Bank|Board|Council|Authority|"
    rf"(?:{'|'.join(_GOVERNMENT_LEVELS)}) Government|"
    r"Fund|Union|Court|Miner[íi]a|Minera|Mineração|JSC|PJSC|Bhd|Berhad|GmbH|"
    r"Partners|Capital|Ventures|Army|Tbk|Aerospace|Electronics|Chemicals?|Engineering|Laborator(?:y|ies)|Branch|"
    r"Organi[sz]ation"
)
_CAPWORD = r"(?:[A-Z][\w&.-]*|&|\([A-Z][a-z]+\))"  # `IREL (India) Limited`
_SP = r"[^\S\n]+"  # spaces, never a line break: a name does not run from one line into the next
# `\b` then a capitalised word, written as the capital first and the boundary check after it,
# so that the engine scans for capitals (see kb.trie_regex).
_ORG_PATTERN = re.compile(
    rf"((?:[A-Z](?<!\w[A-Z])[\w&.-]*|&(?<=\w&)){_SP}(?:{_CAPWORD}{_SP}){{0,4}}(?:{_ORG_HEADS})"
    # `University of Science and Technology`, `Administration for Market Regulation`
    # (one `and` in it: `… Science and Technology and China Rare Earth Group` is two names)
    rf"(?:{_SP}(?:of|for){_SP}(?!the\b)[A-Z][\w-]+(?:{_SP}[A-Z][\w-]+){{0,2}}"
    rf"(?:{_SP}(?:and|&){_SP}[A-Z][\w-]+(?:{_SP}[A-Z][\w-]+){{0,2}})?)?)"
    rf"(?![\w-])"
)
_QUOTED_TITLE_GOES_ON = re.compile(r" [A-Z][^”\n]{0,60}”")  # (the quote closes after more words)
_LEGAL_FORMS = r"(?:Co\.,? Ltd\.?|Co\.|Inc\.|Limited|Ltd\.|Corporation|Corp\.)"
_LEGAL_WORDS = ("Co.", "Ltd", "Inc.", "Limited", "Corporation", "Corp.")
_LEGAL_FORM = re.compile(_LEGAL_FORMS)
_AND_LEGAL_NAME = re.compile(rf"((?:[A-Z](?<!\w[A-Z])[\w&-]*{_SP}){{1,5}}and{_SP}(?:[A-Z][\w&-]*{_SP}){{1,3}}{_LEGAL_FORMS})$")


def _and_legal_names(text: str) -> list[re.Match[str]]:
    """Names with `and` that a legal form closes, read back from each legal form (found by str
    search first: a scan from every capital would cost every document)."""
    if " and " not in text or not any(w in text for w in _LEGAL_WORDS):
        return []
    return [m for lf in _LEGAL_FORM.finditer(text)
            if (m := _AND_LEGAL_NAME.search(text, max(0, lf.start() - 120), lf.end())) is not None]
_FUND_ADJECTIVES = {"Global", "Western", "Strategic", "Critical", "Green", "Regional", "Provincial",
                    "Central", "Domestic", "Local", "Advanced", "Smart"}  # (`Critical Minerals
# Infrastructure Fund`, `Strategic Innovation Fund`: a fund's name opens with them)
_ORG_STOP = {
    "The", "In", "At", "For", "During", "From", "As", "With", "Why", "This", "That", "A", "An",
    "And", "Of", "On", "By", "To", "Its", "Their", "Our", "Global", "Western", "Chinese",
    "American", "Strategic", "Key", "Major", "New", "Heavy", "Light", "Critical",
    "Two", "Three", "One", "Both", "Leading", "Top", "Largest", "Meanwhile", "But",
    "While", "Led", "If", "When", "Under", "Rare", "Earth", "Earths", "China", "U.S.", "US",
    "Implications", "Spread", "Again", "Highlights", "Domestic", "Foreign", "Other",
    "All", "Many", "Some", "Several", "Local", "Regional", "Provincial", "Central",
    "World-Class", "High-End", "High-Performance", "Building", "Green", "Advanced", "Smart",
    # (a company's relation to the one named next: `Subsidiary Guangxi Rare Earth Development cut …`)
    "Subsidiary", "Affiliate", "Parent", "Rival", "Peer", "Sister", "Partner", "Customer", "Supplier",
}
# `PERTH, July 22, 2025 — …`, `OSLO — …`: a capitalised place opening a paragraph
_DATELINE_PLACE = re.compile(
    r"([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,2})(?:(?P<dated>,(?= (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*\.? \d)|(?= [—–] \S))|,)")
_NOT_DATELINES = {"UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "NEWS", "EDITORIAL", "WATCH",
                  "VIDEO", "LIVE", "UPDATED", "CORRECTION", "NOTE", "Q", "A"}
# Found from the (rare) suffix, the name read leftwards: scanning for every capital is slower.
_COUNTY_SUFFIX = re.compile(r"(?:County|District|Banner|[Pp]rovince|Prefecture|Oblast|Krai|Region|department|region|district|(?<= )port)\b")
_COUNTY_WORDS = ("County", "District", "Banner", "rovince", "Prefecture", "Oblast", "Krai", "Region", " department", " region",
                 " district", " port ", " port,", " port.")
_LOWER_SUFFIXES = ("department", "region", "district", "port")
# `Hudspeth County`, `Pyrénées-Atlantiques department`, `Liangshan Yi Autonomous Prefecture`, `Kunene Region`
_CAP_WORD = r"[A-ZÀ-Ý][^\W\d_A-Z]+(?:-[A-ZÀ-Ý][^\W\d_A-Z]+)?"
_COUNTY_HEAD = re.compile(rf"(?<![\w-])(?:{_CAP_WORD} ){{1,2}}(?:and {_CAP_WORD} )?(?:Autonomous )?$")
_SITE_TAIL = re.compile(r"[^\S\n]+(?:Airpark|Airport|Air Base|Industrial Park|Business Park|Technology Park)\b")
_SITE_STARTS = (" A", " I", " B", " T")
_DESCRIPTORS = (" company ", " firm ", " miner ", " maker ", " producer ", " manufacturer ", " startup ",
                " refiner ", " explorer ", " developer ", " supplier ", " agency ", " bank ", " lender ")
# one scan for all of them (quicker than a str.find loop per word); the space after is looked at,
# not taken, so that `… maker company X` finds both as the loops did
_DESCRIPTOR_RE = re.compile(rf" (?:{'|'.join(d.strip() for d in _DESCRIPTORS)})(?= )")
_CAP_NAME = re.compile(r"[A-Z][\w’'&-]*(?: [A-Z][\w’'&-]*){0,3}")
_PLACE_OF = [(f"{w} of", kind) for w, kind in (("town", "city"), ("city", "city"), ("village", "city"),
                                                 ("port", "city"), ("county", "county"), ("district", "county"),
                                                 ("province", "province"), ("region", "province"),
                                                 ("towns", "city"), ("cities", "city"), ("counties", "county"),
                                                 ("districts", "county"), ("provinces", "province"),
                                                 ("regions", "province"))]
_THE_ADJ = re.compile(r"\bthe [a-z]+ $")  # `the northern province of`
_AND_PLACE = re.compile(rf"(?:,| and|, and) ({_CAP_WORD}(?: {_CAP_WORD})?)(?![\w-]| [A-Z])")
_LOCAL_HEADS = ((" Mayor ", "city"), (" Governor ", "county"))
_PLURAL_UNIT_KIND = {"counties": "county", "districts": "county", "provinces": "province", "prefectures": "prefecture",
                     "cities": "city"}
_PLURAL_UNIT_WORDS = tuple(f" {w}" for w in _PLURAL_UNIT_KIND)
_PLURAL_UNITS = re.compile(rf"{_CAP_WORD}(?:, {_CAP_WORD})*,? and {_CAP_WORD} (?P<unit>{'|'.join(_PLURAL_UNIT_KIND)})\b")
_CAP_NAME_IN_LIST = re.compile(_CAP_WORD)
# `about 120 kilometres southwest of Mbeya`: a town a distance is measured from
_DISTANCE_OF = re.compile(r"(?<=\d )(?:kilomet(?:re|er)s|km|miles) (?:(?:north|south)(?:-?(?:east|west))?|east|west) of ")
_PLACE_BEFORE_HEAD = re.compile(rf"(?<= )({_CAP_WORD})$")
_NOT_HEAD_PLACES = {"Former", "Acting", "Then", "Interim", "City", "County", "Town", "State", "Provincial",
                    "Municipal", "Lieutenant", "Executive", "Party", "Regional"}
# (`plant at`, `plant in`, `mine at` … found from the rarer first word)
_SITE_AT = (" plant ", " site ", " facility ", " refinery ", " factory ", " smelter ", " mine ", " near ")
_AT_IN = ("at ", "in ")
# `its Kumagaya plant`: a plant named after its town
_TOWN_PLANT = re.compile(rf"(?<![\w-])(?:its|their|the) ({_CAP_WORD})$")
_PLANT_WORDS = ("plant", "factory", "works", "smelter", "refinery")
_DEPOSIT_WORDS = (" deposit", " mine", " orebody", " prospect", " project", " mining area", " Mine", " Deposit")
_NAMED_SITE = re.compile(rf"(?<![\w’'-])(?:[Tt]he|[Ii]ts|[Tt]heir) ((?:{_CAP_WORD} ){{0,2}}{_CAP_WORD}) "
                         r"(?:(?:rare[ -]earths?|REE|heavy rare earths?|ionic[ -]clay|lithium|niobium|monazite) )?$")
_SITE_BEFORE = re.compile(r"\b(?:deposit|mine|field|prospect)s?,?$")
_CALENDAR = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)
_TOWN_BEFORE_IN = re.compile(rf"\b(?:to|at|from|near) ({_CAP_WORD}(?: {_CAP_WORD})?)$")
_OFFICE_OF = [("Mayor of", "city"), ("Governor of", "province")]
_ORG_HEAD_AFTER = re.compile(r"[^\S\n]+(?:[A-Z][\w-]*[^\S\n]+){0,3}(?:Group|Company|Corporation|Bank|Municipal|Province|City)\b")
_IN_PLACE = re.compile(rf"({_CAP_WORD}(?: {_CAP_WORD})?)(?![\w-]| [A-Z])")
_PLACE_DASH = re.compile(rf"(?<![\w-])({_CAP_WORD})-$")
_ZONE_TAIL = re.compile(r"(?:[^\S\n]+[A-Z][\w-]*){0,5}[^\S\n]+(?:Zone|Park|District)\b")
_GATHERING_TAIL = re.compile(
    r"(?:[^\S\n]+[A-Z][\w-]*){0,4}[^\S\n]+(?:Forum|Conference|Summit|Expo|Exhibition|Fair|Congress|Week)\b")
_FACILITY_TAIL = re.compile(r"(?:[^\S\n]+[A-Z][\w-]*){0,2}[^\S\n]+(?:Plant|Refinery|Facility|Project|Mine|Complex)\b")
_STUDY_GROUP = re.compile(r" Theoretical Study Cent(?:er|re) Group\b")
_LAW_TAIL = re.compile(r"[^\S\n]+(?:Act|Law|Regulation|Directive|Strategy|Initiative)\b")
# `Fundo Soberano de Angola`, `Banco Nacional de Desenvolvimento`, `Société Générale`
_WORDISH = r"[\w-]"
_ROMANCE_HEADS = ("Fundo", "Banco", "Companhia", "Empresa", "Sociedade", "Instituto", "Compañía", "Société",
                  "Ministério", "Agência")
_ROMANCE_ORG = re.compile(
    rf"(?:{trie_regex(list(_ROMANCE_HEADS), not_after=_WORDISH)})"
    r"(?: (?:de|da|do|das|dos|del|de la|des|du|y|e))?(?: [A-Z][\w-]+(?: (?:de|da|do|del|des|du|e|y))?){1,5}"
    r"(?<=[a-z])(?![\w-])")
# a word of the name, not `Denver-based` (`Ministry of Mining Industry and Geology and Denver-based Valor`)
_OF_WORD = r"[A-Z](?:\w|-(?!(?:based|owned|listed|backed|run|led|headquartered)\b))+"
_OF_WORDS = ["University", "Institute", "Academy", "Ministry", "Department", "Bureau", "Chamber", "Office", "Cabinet",
             "Council", "Committee"]
_OF_HEADS = tuple(w + link for w in _OF_WORDS for link in (" of", " for"))  # (`Ministry for Economic Affairs`)
# the words after a body's `of`: `Natural Resources`, `Industry and Information Technology` (a comma
# only inside a list closed by `and`: `Mining, Blue Economy and Maritime Affairs`)
_OF_NAMES = rf"(?: {_OF_WORD}){{1,4}}(?:(?:, {_OF_WORD}(?: {_OF_WORD}){{0,2}}){{0,3}} (?:and|&)(?: {_OF_WORD}){{1,3}})?"
_OF_ORG = re.compile(
    # (`Party Working Committee of the High-Tech Zone`, `Management Committee of …`: a body's kind before its head)
    r"(?<![\w-])(?:(?:Party|Working|Management|Standing|Administrative|Municipal|Provincial|Federal) ){0,3}"
    rf"(?:{trie_regex(_OF_WORDS, not_after=_WORDISH)}) (?:of|for)(?: the)?{_OF_NAMES}"
    rf"(?: at(?: [A-Z][a-z]+){{1,2}})?(?![\w-])"
)
_OF_TAIL = re.compile(rf" of({_OF_NAMES})(?![\w-])")  # what follows a body's head word
# `Development and Reform Commission`, `Natural Resources and Planning Bureau`: from the head
_BODY_WORDS = ("Commission", "Committee", "Bureau", "Administration", "Department", "Office", "Center", "Centre")
_BODY_HEAD = re.compile(rf" (?:{'|'.join(_BODY_WORDS)})(?![\w-])")
_UNIT_WORDS = ("Department", "Bureau", "Division", "Office")
_UNIT_HEAD = re.compile(r"\bthe ((?:[A-Z][\w-]+ ){0,3}[A-Z][\w-]+)$")
_AND_NAME = re.compile(r"(?<![\w-])((?:[A-Z][\w-]+ ){1,2})and(?: [A-Z][\w-]+){1,2}$")
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Prof"}
_RANKS = {"Comrade", "Colonel", "Lieutenant", "Major", "Captain", "General", "Brigadier", "Admiral", "Commander", "Marshal"}
# ranks that open a name alone (`Field Marshal Asim Munir`; not `General`, `Major` or `Captain`, which
# open other words: `General Motors`)
_RANK_LEADS = ["Field Marshal", "Major General", "Lieutenant General", "Brigadier General", "Lieutenant Colonel",
               "Colonel", "Admiral", "Vice Admiral", "Rear Admiral", "Air Marshal", "Air Chief Marshal"]
_ABBREVIATIONS = {"Co.", "Corp.", "Inc.", "Ltd.", "Bros.", "St.", "Mt.", "No.", "Dept.", "Intl."}
_SPEECH_WORDS = ["said", "says", "told", "added", "adds", "noted", "notes", "stated", "explained",
                 "emphasized", "emphasised", "stressed"]


@dataclass(slots=True)  # not frozen: built ~100 times per document, and frozen init is slow
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


def _described_names(text: str) -> list[re.Match[str]]:
    """The capitalised words right after `company`, `firm`, `miner`, `maker` …"""
    return [m for d in _DESCRIPTOR_RE.finditer(text) if (m := _CAP_NAME.match(text, d.end() + 1))]


def _in_portfolio(text: str, pos: int) -> bool:
    """Whether `pos` is inside the portfolio of an office (`Minister of Industry and …`)."""
    w0 = max(0, pos - 60)
    window = text[w0:pos]
    if not ("Minister" in window or "Secretary" in window or "Commissioner" in window):
        return False
    m = _portfolio_tail().search(text, w0, pos)
    # right after `of`, only a portfolio word goes on with it: `Party Secretary of Baogang Group`
    # names the group
    return m is not None and (not m.group().endswith(("of ", "for ")) or _portfolio_head().match(text, pos) is not None)


_OFFICE_AFTER = re.compile(r" (?:Minister|Secretary|Commissioner)\b")


@cache
def _portfolio_run() -> re.Pattern[str]:
    """Portfolio words only: `Natural Resources`, `Industry and Trade`."""
    words = portfolio_alternation()
    return re.compile(rf"(?:{words})(?:,? (?:and |& )?(?:{words}))*")


@cache
def _portfolio_head() -> re.Pattern[str]:
    return re.compile(rf"(?:the )?{portfolio_alternation()}")


@cache
def _portfolio_tail() -> re.Pattern[str]:
    """An office's portfolio read up to a position: its words are portfolio words, so a name after
    it (`Minister for Industry Sébastien Martin and Carester`) ends it."""
    words = portfolio_alternation()
    return re.compile(rf"\b(?:Minister|Secretary|Commissioner) (?:of|for) (?:(?:the )?{words},? (?:and |& )?)*$")


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


# Stop words that begin a company's own name when its legal form ends it (`Rare Earths Norway AS`,
# `China Railway Materials Co., Ltd.`), and `Rare` before a word other than `Earth` (`Rare Element …`)
_NAME_FIRST_WORDS = ("Rare", "Earth", "Earths", "China")


def _two_names(surface: str, aliases: dict[str, Entry]) -> bool:
    """`Hyundai Motor Company and Kia Corporation`, `Baogang Group and China Railway Materials Co.,
    Ltd.`: two organizations, when a side of the `and` is a name of its own (known, or closed by a
    head word such as `Company` or `Group`)."""
    left, _, right = surface.partition(" and ")
    lw, rw = left.split(), right.split()
    known = lambda name: (e := aliases.get(name)) is not None and e.entity_type == "organization"
    return (lw[-1] in _NAME_ENDS or any(known(" ".join(lw[i:])) for i in range(len(lw)))
            or any(known(" ".join(rw[:k])) for k in range(1, len(rw))))


_NAME_ENDS = {"Group", "Company", "Corporation", "Corp.", "Inc.", "Ltd.", "Limited", "Holdings"}


_TITLE_SMALL_WORDS = {"of", "the", "for", "and", "in", "on", "to", "a", "an", "with"}


def _in_quoted_title(text: str, a: int, b: int) -> bool:
    """`a:b` lies inside a quoted title: it opens the quote and more capitalised words follow
    before the quote closes (`“Cerium-Based Rare Earth Polishing Powder”`), or curly quotes stand
    around words that are all capitalised but the small ones (`“Technical Specification for the
    Recycling of … Scrap”`)."""
    if text[a - 1 : a] == "“" and _QUOTED_TITLE_GOES_ON.match(text, b):
        return True
    left = text.rfind("“", max(0, a - 120), a)
    right = text.find("”", b, b + 80)
    if left == -1 or right == -1 or "”" in text[left:a] or "“" in text[b:right]:
        return False
    words = text[left + 1 : right].split()
    return len(words) >= 3 and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)


def _clean_org(surface: str, start: int, owned: bool = False) -> tuple[str, int] | None:
    """Drop leading stop words and anything up to a possessive; None when nothing is left."""
    words = surface.split()
    offset = 0
    for i, w in enumerate(words[:-1]):  # `Apple CEO Tim Cook. MP Materials`: a sentence ended
        if w.endswith(".") and len(w) > 2 and "." not in w[:-1] and w not in _ABBREVIATIONS:
            offset = sum(len(x) + 1 for x in words[: i + 1])
            words = words[i + 1 :]
            break
    legal = None  # `Rare Earths Norway AS`, `Rare Element Resources Ltd.`: a company's own first words
    # (`owned`: after `Baogang’s`, `the` or `its`, `Rare Earth Steel Plate Company` is the unit's own name)
    while words:
        w = words[0]
        if owned and w == "Rare" and words[1:2] in (["Earth"], ["Earths"]) and len(words) >= 4:
            break
        if w in _NAME_FIRST_WORDS:
            if w == "Rare" and words[1:2] not in (["Earth"], ["Earths"]):
                break
            if legal is None:  # (looked at only when such a word opens the name)
                # (`China Huadian Corporation Inner Mongolia Branch`: a company's branch in a place)
                legal = any(_LEGAL_SUFFIX.match(" ".join(words[: len(words) - k])) is not None
                            for k in ((0, 2, 3, 4) if words[-1] == "Branch" else (0,)))
            if legal:
                break
        if (w in _ORG_STOP and not (w in _FUND_ADJECTIVES and words[-1] == "Fund")
                or w.endswith(("’s", "'s", "’", ",", "-based", "-owned", "-listed", "-backed", "-run")) or not w[:1].isupper()
                or w.endswith(".") and w[:-1] in _ORG_STOP):
            owned = w.endswith(("’s", "'s")) or w in ("The", "Its")
            offset += len(w) + 1
            words = words[1:]
            continue
        break
    if len(words) > 2 and words[0] in ("Group", "Company", "Corporation"):
        offset += len(words[0]) + 1  # (`China Rare Earth Group Yunnan Rare Earth Company` read past the
        words = words[1:]  # stop words as `Group Yunnan …`: the next name starts after the head word)
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
    cands: list[tuple[int, int, int, Mention]] = []  # (start, -length, priority, mention)
    add = cands.append
    aliases = kb.aliases
    has_branch = " Branch" in text

    for m in kb.gazetteer.finditer(text):
        surface = m.group()
        a, b = m.span()
        if text.startswith("$", b):
            continue  # the `US` of `US$42 million` is a currency
        e: Entry = aliases[surface]
        if text.startswith(".", b) and surface[surface.rfind(" ") + 1 :] + "." in _ABBREVIATIONS:
            b += 1  # `Critical Metals Corp.`: the abbreviation's point is part of the name
            surface = text[a:b]
        if e.entity_type == "organization" and _in_portfolio(text, a):
            continue  # `Minister for Business, Mineral Resources and Justice`: an office
        if (e.entity_type == "place" and text[b : b + 2] in _SITE_STARTS
                and (site := _SITE_TAIL.match(text, b))):  # `England Airpark` is a site, not England
            add((a, a - site.end(), 0, Mention(a, site.end(), text[a : site.end()], "place",
                                               text[a : site.end()], "site", False)))
            continue
        if e.entity_type == "organization" and has_branch and (br := _BRANCH_TAIL.match(text, b)):
            # `Bank of China’s Inner Mongolia Branch`, `Bank of China Inner Mongolia Branch`: one branch
            name = f"{e.canonical} {br.group(1)} Branch"
            add((a, a - br.end(), 0, Mention(a, br.end(), text[a : br.end()], "organization", name, e.kind, False)))
            continue
        if e.entity_type == "compound":
            for el in e.elements:
                add((a, a - b, 0, Mention(a, b, surface, "element", el, "compound")))
            add((a, a - b, 0, Mention(a, b, surface, "compound", e.canonical, "compound")))
            continue
        add((a, a - b, 0, Mention(a, b, surface, e.entity_type, e.canonical, e.kind)))

    has_suffix = any(w in text for w in _COUNTY_WORDS)  # str search is far quicker than the regex scan
    for suffix in _COUNTY_SUFFIX.finditer(text) if has_suffix else ():  # `Hudspeth County`, `Huambo province`
        if (head := _COUNTY_HEAD.search(text, max(0, suffix.start() - 45), suffix.start())) is None:
            continue
        words = text[head.start() : suffix.end()].split()
        a, b = head.start(), suffix.end()
        while len(words) > 2 and words[0] in _ORG_STOP:  # `In Pingyuan County`
            a = text.index(words[1], a + len(words[0]))
            words = words[1:]
        if "and" in words[:-1] and "Autonomous" not in words:  # `Baogang Group and Keshiketeng Banner`:
            k = words.index("and") + 1  # two names (not `Xiangxi Tujia and Miao Autonomous Prefecture`)
            a = text.index(words[k], a + sum(len(w) + 1 for w in words[:k]) - 1)
            words = words[k:]
        if len(words) > 2 and " ".join(words) not in aliases and " ".join(words[1:]) in aliases:
            a = text.index(words[1], a + len(words[0]))  # `… the West Keshiketeng Banner …`: the known name
            words = words[1:]
        if words[0] in _ORG_STOP or words[-1] in _LOWER_SUFFIXES and (
                text[suffix.start() - 1] != " " or words[0] in _portfolio_set()) or words[-2] == "Administrative":
            continue  # (`the Commerce department` is a ministry; `… Special Administrative Region`)
        name = text[a:b]
        if "Autonomous" in words:  # `Liangshan Yi Autonomous Prefecture` is Liangshan, `Tibet Autonomous
            # Region` Tibet (`Xiangxi Tujia and Miao Autonomous Prefecture` is Xiangxi: the peoples' names follow)
            before = words[: words.index("and") if "and" in words else words.index("Autonomous")]
            head = " ".join(before[:-1] if len(before) > 1 else before)
            unknown, kind = head, "prefecture" if words[-1] == "Prefecture" else "region"
            if words[-1] == "County":  # `Jianghua Yao Autonomous County` is the `Jianghua County` named
                unknown, kind = f"{head} County", "county"  # later, as an unknown county keeps its word
        elif words[-1] in ("County", "District", "Banner", "Krai"):  # an unknown county keeps its whole name
            head, unknown = " ".join(words[:-1]), name  # (so does a krai: `Perm Krai`, not the city Perm)
            kind = "province" if words[-1] == "Krai" else "county"
        else:  # `Huambo province` is Huambo, `the Karaganda region` Karaganda, `the Tamdy district` Tamdy
            head = unknown = " ".join(words[:-1])
            kind = {"district": "county", "port": "city"}.get(words[-1], "province")  # (`Shimizu port`)
        known = aliases.get(head)
        if known is not None and known.entity_type != "place":
            if kind == "province":
                continue  # (a known organization before the word: no place)
            known = None
        elif known is not None and words[-1] in ("County", "District") and known.kind != "county":
            known = None  # `Xinfeng County` is the county the KB knows as Xinfeng, not a city of the name
        add((a, a - b, 1, Mention(a, b, name, "place", known.canonical if known else unknown,
                                  known.kind if known else kind, known is not None)))

    def add_town(a: int, b: int, kind: str = "city") -> None:
        """A place the knowledge base does not know, read from its context (ranked after people)."""
        add((a, a - b, 4, Mention(a, b, text[a:b], "place", text[a:b], kind, False)))

    def new_town(name: str) -> bool:
        """No name the knowledge base knows, and no word that only stands where a town would."""
        return name not in aliases and name not in _NOT_TOWNS

    # `in Mianning and Dechang counties`: each of a list before a plural unit word
    for u in _PLURAL_UNITS.finditer(text) if any(w in text for w in _PLURAL_UNIT_WORDS) else ():
        kind = _PLURAL_UNIT_KIND[u.group("unit")]
        for n in _CAP_NAME_IN_LIST.finditer(text, u.start(), u.start("unit")):
            if n.group() not in aliases and n.group() not in _ORG_STOP:
                add_town(*n.span(), kind)

    # `in Benson, North Carolina`, `at Marion, Indiana`: a town named before its state or country
    for a, b, _ in _places_before_regions(text, cands, aliases):
        add_town(a, b)

    # `a French company based in Lyon`, `Lyon-based`: where a company is based is a place
    for a, b, name in _based_in(text):
        if name not in aliases and name.split()[0] not in _ORG_STOP:
            add_town(a, b)

    # `35 kilometres west of the town of Khorixas`: a place the knowledge base does not know
    # (`the northern provinces of Oudomxay and Luang Namtha`: each of a list)
    for kw, kind in _PLACE_OF:
        for i, j in _word_hits(text, kw):
            if (text[j : j + 1] == " " and (text[i - 4 : i] == "the " or _THE_ADJ.search(text, max(0, i - 20), i))
                    and (m := _IN_PLACE.match(text, j + 1)) and m.group(1) not in aliases):
                add_town(*m.span(1), kind)
                k = m.end()
                while kw.endswith("s of") and (n := _AND_PLACE.match(text, k)) and n.group(1) not in aliases:
                    add_town(*n.span(1), kind)
                    k = n.end()

    # `Liu Hong, Vice Mayor of Weihai`: a mayor's city (a governor's province) the knowledge base
    # does not know
    for kw, kind in _OFFICE_OF if any(f"{w} " in text for w, _ in _OFFICE_OF) else ():
        for _, j in _word_hits(text, kw):
            if (text[j : j + 1] == " " and (m := _IN_PLACE.match(text, j + 1)) and new_town(m.group(1))
                    and m.group(1).split()[0] not in _ORG_STOP and not _ORG_HEAD_AFTER.match(text, m.end())):
                add_town(*m.span(1), kind)

    for d in _DISTANCE_OF.finditer(text) if " of " in text and ("kilomet" in text or " km " in text or " miles " in text) else ():
        if (m := _IN_PLACE.match(text, d.end())) and new_town(m.group(1)):
            a, b = m.span(1)
            add_town(a, b)

    # `trucked to Tengchong in Yunnan province`: a town before the known region it lies in
    i = text.find(" in ")
    while i != -1:
        if (text[i + 4 : i + 5].isupper() and (r := _IN_PLACE.match(text, i + 4))
                and (e := aliases.get(r.group(1))) is not None and e.entity_type == "place"
                and e.kind in ("province", "state", "country", "region")
                and (m := _TOWN_BEFORE_IN.search(text, max(0, i - 40), i))
                and new_town(name := m.group(1)) and name not in _ORG_STOP
                and name.split()[0] not in _CALENDAR):  # (`from January in China`)
            add_town(*m.span(1))
        i = text.find(" in ", i + 4)

    # `the pilot plant site at Ulefoss`, `near Sundance in Crook County`: a site's town
    for kw in _SITE_AT:
        i = text.find(kw)
        while i != -1:
            j = i + len(kw)
            if kw == " near " or text.startswith(_AT_IN, j):
                j += 0 if kw == " near " else 3
                if ((m := _IN_PLACE.match(text, j)) and new_town(m.group(1))
                        and (kw != " near " or text.startswith((" in ", ", ", ". "), m.end()))):
                    a, b = m.span(1)
                    add_town(a, b)
            i = text.find(kw, j)

    # `Nome Mayor Bjørn Sæbø`, `Kwale Governor Fatuma Achani`: the town or county a local head governs
    for kw, kind in _LOCAL_HEADS:
        i = text.find(kw)
        while i != -1:
            j = i + len(kw)
            if (text[j : j + 1].isupper() and (m := _PLACE_BEFORE_HEAD.search(text, max(0, i - 30), i))
                    and new_town(name := m.group(1)) and name not in _title_words(kb)
                    and name not in _ORG_STOP and name not in _NOT_HEAD_PLACES
                    and m.start() > 0 and text[m.start() - 1] not in ".\n"
                    and not any(c[3].entity_type == "place" and c[3].surface.startswith(name + " ") for c in cands)):
                add_town(*m.span(1), kind)
            i = text.find(kw, j)

    for w in _PLANT_WORDS:
        for i, _ in _word_hits(text, w):
            if (text[i - 1 : i] == " " and (m := _TOWN_PLANT.search(text, max(0, i - 40), i - 1))
                    and new_town(name := m.group(1)) and name not in _ORG_STOP
                    and name not in demonyms()):  # (`its Malaysian plant`)
                a, b = m.span(1)
                add_town(a, b)

    # `a large rare earth deposit, named Zhana Kazakhstan,`: the deposit's name is a place
    for kw in (" named ", " called "):  # (found from the word: str search beats a regex scan)
        i = text.find(kw)
        while i != -1:
            if _SITE_BEFORE.search(text, max(0, i - 12), i) and (m := _CAP_NAME.match(text, i + len(kw))):
                a, b = m.span()
                add((a, a - b, 1, Mention(a, b, m.group(), "place", m.group(), "mine", False)))
            i = text.find(kw, i + 1)

    # `the Khalzan Buregtei rare earth deposit`, `the Matamulas monazite project`: a deposit, mine or
    # project the knowledge base does not know yet, named before the word (found from the word; not
    # over a name already found: `the Lynas …`)
    for kw in _DEPOSIT_WORDS:
        i = text.find(kw)
        while i != -1:
            if (not text[i + len(kw) : i + len(kw) + 1].isalpha()
                    and (m := _NAMED_SITE.search(text, max(0, i - 70), i + 1))
                    and new_town(name := m.group(1)) and name.split()[0] not in _ORG_STOP
                    and name not in demonyms()
                    and not any(m.start(1) <= c[0] < m.end(1) for c in cands)):
                add_town(*m.span(1), "mine")
            i = text.find(kw, i + 1)

    heading_starts: list[int] = []
    heading_ends: list[int] = []
    for a, b, line in _line_spans(text):
        # a wire dateline: `PERTH, July 22, 2025 — …`
        if line[1:2].isupper() and (m := _DATELINE_PLACE.match(line)):
            name = m.group(1).title()
            e = aliases.get(name)
            if e is not None and e.entity_type == "place":
                add((a, -len(m.group(1)), 0, Mention(a, a + len(m.group(1)), m.group(1), "place",
                                                     e.canonical, e.kind)))
            elif (e is None and m.group("dated") is not None and len(name) >= 3
                  and len(line) > 80 and m.group(1) not in _NOT_DATELINES):  # a place we do not know
                add((a, -len(m.group(1)), 0, Mention(a, a + len(m.group(1)), m.group(1), "place",
                                                     name, "city", False)))
        if _is_heading(line):
            heading_starts.append(a)
            heading_ends.append(b)

    def in_heading(pos: int) -> bool:
        i = bisect.bisect_right(heading_starts, pos) - 1
        return i >= 0 and pos < heading_ends[i]

    # `China Rare Earth Resources and Technology Co., Ltd.`: a legal name with `and` in it (the
    # pattern below stops at the `and`: two names unless a legal form closes them)
    # (one name after all when an abbreviation follows it: `Korea Mine Rehabilitation and Mineral
    # Resources Corporation (KOMIR)`, though a `Mineral Resources` is known)
    and_named = [m for m in _and_legal_names(text)
                 if not _two_names(m.group(1), aliases) or _ABBR_DEF.match(text, m.end(1))]
    for m in itertools.chain(and_named, _ORG_PATTERN.finditer(text)):
        cleaned = _clean_org(m.group(1), m.start(1), text.endswith(("’s ", "'s ", "the ", "its "), 0, m.start(1)))
        if text.startswith(" (", m.end()) and (whole := _spelled_by_abbreviation(text, m)) is not None:
            cleaned = whole  # `Missouri-based U.S. Strategic Metals (USSM)`: the words its letters stand for
        if cleaned is None or (heading_starts and in_heading(m.start())):
            continue
        if zone := _ZONE_TAIL.match(text, m.end()):  # `Baotou Rare Earth High-Tech … Zone`: a place
            a, b = cleaned[1], zone.end()
            add((a, a - b, 1, Mention(a, b, text[a:b], "place", text[a:b], "zone", False)))
            continue
        if (_GATHERING_TAIL.match(text, m.end()) or _FACILITY_TAIL.match(text, m.end())
                or _LAW_TAIL.match(text, m.end())):
            continue  # `… Industry Forum`, `Korean Metals Plant`, `Critical Raw Materials Act`
        if _in_portfolio(text, m.start()):
            continue  # `Vice Minister of Industry and Information Technology`: an office
        surface, start = cleaned
        if _OFFICE_AFTER.match(text, start + len(surface)) and _portfolio_run().fullmatch(surface):
            continue  # `Energy and Natural Resources Minister Alparslan Bayraktar`: an office's portfolio
        if surface.endswith(" Board") and f"Board {word_after(text, start + len(surface))}" in kb.titles:
            surface = surface[: -len(" Board")]  # `Northern Rare Earth Board Secretary Wang Jiang`: an office
        if _in_quoted_title(text, start, start + len(surface)):
            continue  # `“Cerium-Based Rare Earth Polishing Powder”`, `“Technical Specification for the
            # Recycling of Rare Earth Permanent Magnet Scrap”`: words of a quoted title
        known = aliases.get(surface)
        if known is None and " for " in surface and (
                (k := aliases.get(surface.split(" for ")[0])) is not None and k.entity_type == "organization"):
            # `the European Commission for Prosperity and Industrial Strategy`: a commissioner's
            # portfolio after a known body's name
            surface, known = surface.split(" for ")[0], k
        if surface.endswith("Party Committee") and (study := _STUDY_GROUP.match(text, start + len(surface))):
            surface, known = surface + study.group(), None  # `the Baogang Group Party Committee Theoretical
            # Study Center Group`: the committee's study group, one body (not the committee and a group)
        canonical = known.canonical if known and known.entity_type == "organization" else surface
        end = start + len(surface)
        add((start, start - end, 1, Mention(start, end, surface, "organization", canonical, "", bool(known))))

    # `the national geological exploration company Kazgeology`, `German magnet maker Vacuumschmelze`
    title_words = _title_words(kb)
    for m in _described_names(text):
        words = []
        for w in m.group().split():
            if w in title_words or w in _ORG_STOP:
                break
            words.append(w)
        name = " ".join(words)
        known = aliases.get(name)
        if len(name) < 3 or known is not None and known.entity_type != "organization" or (
                heading_starts and in_heading(m.start())):
            continue
        a, b = m.start(), m.start() + len(name)
        add((a, a - b, 1, Mention(a, b, name, "organization", known.canonical if known else name, "",
                                  known is not None)))

    for m in _ROMANCE_ORG.finditer(text) if any(h in text for h in _ROMANCE_HEADS) else ():
        a, b = m.span()  # `Fundo Soberano de Angola`
        known = aliases.get(m.group())
        canonical = known.canonical if known and known.entity_type == "organization" else m.group()
        add((a, a - b, 1, Mention(a, b, m.group(), "organization", canonical, "", bool(known))))

    # `the University of Texas at El Paso`; str search first: the regex scans are slower
    spans = []
    for m in _OF_ORG.finditer(text) if any(h in text for h in _OF_HEADS) else ():
        name = m.group()
        if name.startswith("Committee") or "Committee of" in name and "Committee" in name[name.index(" of ") :]:
            continue  # a committee by the kind of body it is (`Party Working Committee of …`), and
            # not `the Standing Committee of the Jiangxi Provincial Party Committee`: the inner body
        a, b = m.span()
        if " and " in name and _title_at(kb).match(text, a + name.rindex(" and ") + 5):
            b = a + name.rindex(" and ")  # (`Committee of the High-Tech Zone and Secretary of …`)
        spans.append((a, b))
    for h in _BODY_HEAD.finditer(text) if any(h in text for h in _BODY_WORDS) else ():
        if (" and " in text[max(0, h.start() - 40) : h.start()]
                and (n := _AND_NAME.search(text, max(0, h.start() - 60), h.start()))
                and n.group(1).strip() not in aliases  # `Lynas and European Commission` are two
                and word_before(text, n.start()) not in title_words):  # so are `Prime Minister
            spans.append((n.start(), h.end()))  # Kristen Michal and European Commission`
    # `the Raw Materials Industry Department of MIIT`: a unit named before its parent's name
    org_starts: set[int] | None = None
    for word in _UNIT_WORDS if any(f" {w}" in text for w in _UNIT_WORDS) else ():
        for i, j in _word_hits(text, word):
            if text[i - 1] == " " and (u := _UNIT_HEAD.search(text, max(0, i - 61), i - 1)):
                if org_starts is None:
                    org_starts = {c[0] for c in cands if c[3].entity_type == "organization"}
                if i not in org_starts:  # (not before a known `Department of Defense`)
                    if (of := _OF_TAIL.match(text, j)) and of.group(1).strip() not in aliases:
                        j = of.end()  # `the Guangdong Provincial Department of Natural Resources`: its
                        # portfolio (not a parent the knowledge base knows: `… Department of MIIT`)
                    spans.append((u.start(1), j))
    for a, b in spans:
        if heading_starts and in_heading(a):
            continue
        surface = text[a:b]
        known = aliases.get(surface)
        canonical = known.canonical if known and known.entity_type == "organization" else surface
        add((a, a - b, 1, Mention(a, b, surface, "organization", canonical, "", bool(known))))

    for m in _chinese_name_pattern(kb).finditer(text):
        if _given_ok(m.group(2)) and not (heading_starts and in_heading(m.start())):
            a, b = m.span()
            add((a, a - b, 2, Mention(a, b, m.group(), "person", m.group(), "", False)))

    for a, b, name in _titled_names(text, kb):
        while (words := name.split())[0] in _RANKS and len(words) > 2:  # `spokesman Colonel Naw Bu`
            a += len(words[0]) + 1
            name = text[a:b]
        if set(name.replace("-", " ").split()) & title_words or name.split()[0] in _HONORIFICS:
            continue  # `Mr Cuzzubbo`: the surname alone resolves to the full name
        if _portfolio_run().fullmatch(name):
            continue  # `Minister for Business, Mineral Resources, Justice and …`: a portfolio's words
        if heading_starts and in_heading(a) and text.count(name) < 2:
            continue  # `Ganzhou Party Secretary Conducts Research on …`: a headline's words, no name
        add((a, a - b, 3, Mention(a, b, name, "person", name, "", False)))

    cands.sort(key=lambda c: c[:3])
    chosen: list[Mention] = []
    taken_until = -1
    last_span = (-1, -1)
    for _, _, _, mention in cands:
        span = (mention.start, mention.end)
        if mention.kind == "compound" and span == last_span:
            chosen.append(mention)
            continue
        if mention.start < taken_until:
            continue
        chosen.append(mention)
        taken_until = mention.end
        last_span = span

    mentions = _abbreviations(text, _places_of_bodies(chosen, aliases))
    mentions = _companies_named_after_places(text, _same_organizations(_jurisdiction_references(text, mentions)))
    mentions = _prefix_references(text, mentions, kb)
    return _branch_references(text, _resolve_short_references(text, _first_word_references(text, mentions, kb)), kb)


# a known company's regional branch after its name: `’s Inner Mongolia Branch`, ` Yunnan Branch`
_BRANCH_TAIL = re.compile(r"(?:[’']s)? ((?:[A-Z][\w-]+ ){0,2}[A-Z][\w-]+) Branch\b")


# First words that do not name a company on their own (`General Motors` … `General Manager`)
_NOT_SHORT_NAMES = _ORG_STOP | {
    "General", "National", "International", "United", "Department", "Ministry", "University", "Bank",
    "State", "Invest", "First", "Royal", "Standard", "Energy", "Mining", "Group", "Northern", "Southern",
    "Eastern", "Western", "Central", "Great", "Saudi", "Office", "Institute", "Academy", "Council",
    "Board", "Commission", "Agency", "Bureau", "Party", "People’s", "People's", "Export-Import", "Japan",
    "Korea", "Vice", "Deputy", "Chief", "Senior", "Defense", "Defence", "Metals", "Materials",
}


def _chinese_name_word(w: str, kb: KB) -> bool:
    """A word of a Chinese company's own name (`Guangsheng`, `Huadian`, `Tianjiao`): pinyin, not a
    generic word (`Rare`, `Steel`) or a name the knowledge base knows (`Baotou`, `China`)."""
    return len(w) >= 4 and bool(_PINYIN.match(w)) and w not in _NOT_SHORT_NAMES and w not in kb.aliases


def _branch_references(text: str, mentions: list[Mention], kb: KB) -> list[Mention]:
    """`China Huadian Corporation Inner Mongolia Branch` … `Huadian Inner Mongolia General Manager`:
    a word of the company's Chinese name and the branch's place name the branch (not the place)."""
    if " Branch" not in text:  # (a str search first: most articles name no branch)
        return mentions
    branches = {m.canonical: m for m in mentions if m.entity_type == "organization" and m.canonical.endswith(" Branch")}
    if not branches:
        return mentions
    found = []
    for b in branches.values():
        words = b.canonical.split()[:-1]
        for n in (2, 1):  # the branch's place: its last one or two words
            place = kb.aliases.get(" ".join(words[-n:]))
            if place is None or place.entity_type != "place" or len(words) <= n:
                continue
            for w in words[:-n]:
                if _chinese_name_word(w, kb):
                    short = f"{w} {' '.join(words[-n:])}"
                    found += [Mention(i, j, short, "organization", b.canonical, b.kind, b.from_kb)
                              for i, j in _word_hits(text, short)]
            break
    if not found:
        return mentions
    kept = [m for m in mentions if not any(f.start <= m.start < f.end for f in found)]
    return sorted(kept + found, key=lambda m: (m.start, m.entity_type))


def _outside(mentions: list[Mention], candidates: list[Mention]) -> list[Mention]:
    """The candidates that start inside none of `mentions` (in text order, not overlapping)."""
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    out = []
    for c in candidates:
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0 or c.start >= ends[k]:
            out.append(c)
    return out


@cache
def _title_at(kb: KB) -> re.Pattern[str]:
    return re.compile(rf"(?:{kb.title_re})(?![\w-])")


def _name_goes_on(text: str, j: int, kb: KB) -> bool:
    """Whether a capitalised word that is no title follows `text[:j]` (`MP Materials` goes on from
    `MP`; `Torngat President …` does not from `Torngat`)."""
    after = text[j : j + 2]
    return len(after) == 2 and after[0] == " " and after[1].isupper() and not _title_at(kb).match(text, j + 1)


def _prefix_references(text: str, mentions: list[Mention], kb: KB) -> list[Mention]:
    """`Xinjiang Nonferrous` … `Xinjiang Nonferrous Metal Industry (Group) Co., Ltd.`, `Rare Element
    will contribute` … `Rare Element Resources Ltd.`: the first two or more words of a company's
    name the knowledge base does not know, found elsewhere in the article (before it too: in the
    highlights) are that company. The prefix must hold a word of its own (not `Rare Earths`), be
    no known name and start no other organization's name; it takes the place of the shorter
    mentions inside it (`Xinjiang` the place, `Rare Earths Norway` read as a person)."""
    owners: dict[str, Mention | None] = {}
    for m in mentions:
        if m.entity_type != "organization" or m.from_kb:
            continue
        words = m.surface.split()
        for k in range(2, len(words)):
            prefix = words[:k]
            last = prefix[-1]
            if (not last[:1].isupper() or last in _ORG_STOP or last.endswith((",", ".", "’s", "'s"))
                    or all(w in _ORG_STOP or w in _NOT_SHORT_NAMES for w in prefix)):
                continue
            name = " ".join(prefix)
            if name in owners and owners[name] is not None and owners[name].canonical != m.canonical:
                owners[name] = None  # (two organizations start so: neither)
            else:
                owners.setdefault(name, m)
    if not owners:
        return mentions
    orgs = [m for m in mentions if m.entity_type == "organization"]
    headline_end = text.find("\n")  # (a headline capitalises every word: `Rare Earths Norway Secures …`)
    candidates: list[Mention] = []
    for name, owner in sorted(owners.items(), key=lambda kv: -len(kv[0])):  # the longest first
        if owner is None or name in kb.aliases or all(f" {w.lower()}" in text for w in name.split()):
            continue  # (`critical minerals`, `supply chains` in lower case too: words, not a name)
        rest = owner.surface[len(name) :]
        for i, j in _word_hits(text, name):
            if ((j > headline_end and _name_goes_on(text, j, kb))
                    or text.startswith(rest, j)  # (the full name, in a headline)
                    or any(o.start <= i < o.end or i <= o.start < j for o in orgs)
                    or any(c.start <= i < c.end for c in candidates)  # (`China Railway` in `China Railway Materials`)
                    or i > headline_end and _is_heading(_line_at(text, i))):
                continue  # (inside the full name, or the start of a longer one; a section heading)
            candidates.append(Mention(i, j, name, "organization", owner.canonical, owner.kind, False))
    if not candidates:
        return mentions
    candidates.sort(key=lambda c: c.start)
    kept = [m for m in mentions if not any(c.start <= m.start and m.end <= c.end for c in candidates)]
    return sorted(kept + candidates, key=lambda m: (m.start, m.entity_type))


def _line_at(text: str, pos: int) -> str:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return text[a : b if b != -1 else len(text)]


def _first_word_references(text: str, mentions: list[Mention], kb: KB) -> list[Mention]:
    """`MP Materials` … `MP signed`, `Ionic Rare Earths` … `Ionic also owns`: the first word of a
    company's name, alone later in the article, is that company (when it starts no other
    organization's name here and is no known name of anything else)."""
    firsts: dict[str, set[str]] = {}
    first_at: dict[str, Mention] = {}
    for m in mentions:
        if m.entity_type == "organization" and " " in m.surface:
            w = m.surface.split()[0]
            if w == "PT" and m.surface.count(" ") >= 2:  # `PT Timah Tbk` … `Timah shares rose`
                w = m.surface.split()[1]
            elif (m.surface.count(" ") >= 2 and (e := kb.aliases.get(w)) is not None and e.entity_type == "place"
                  and (w2 := next((x for x in m.surface.split()[1:4] if x not in _NOT_SHORT_NAMES), None))
                  and _chinese_name_word(w2, kb)):
                w = w2  # `Guangdong Guangsheng Rare Earth Co., Ltd.` … `Guangsheng Chairman …`,
                # `Baotou Rare Earth Tianjiao Technology` … `Tianjiao`: the name after its province or
                # city (and generic words; a Chinese one: not `Baotou Steel Union`'s `Steel`)
            firsts.setdefault(w, set()).add(m.canonical)
            first_at.setdefault(w, m)
    owners = {w: first_at[w] for w, cs in firsts.items()
              if len(cs) == 1 and len(w) >= 2 and w[0].isupper() and w not in _NOT_SHORT_NAMES
              and w not in kb.aliases and w not in kb.surnames and not w.endswith((".", ",", "’s", "'s"))
              and w not in _title_words(kb)}
    if not owners:
        return mentions
    candidates = []
    for w, owner in owners.items():
        for i, j in _word_hits(text, w, owner.end):
            if not _name_goes_on(text, j, kb):
                candidates.append(Mention(i, j, w, "organization", owner.canonical, owner.kind, owner.from_kb))
    extra = _outside(mentions, candidates)
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: (m.start, m.entity_type))


# `the Regional Party Committee`, `Chairman of the Autonomous Region`: a body or place named in
# full earlier in the article (`Guangxi Zhuang Autonomous Region Party Committee`, `Guangxi`)
_LEVEL = r"(?:Autonomous Regional|Autonomous Region|Regional|Provincial|Municipal|Prefectural|County|City|Banner)"
_JURISDICTION_REF = re.compile(
    rf"(?<=\bthe )(?:({_LEVEL}) Party Committee|(Autonomous Region|Province|Municipality|Region|Prefecture)(?![\w-]))")


def _jurisdiction_references(text: str, mentions: list[Mention]) -> list[Mention]:
    if "the " not in text or not any(w in text for w in ("Party Committee", "Region", "Province", "Municipality",
                                                          "Prefecture")):
        return mentions
    refs = list(_JURISDICTION_REF.finditer(text))
    if not refs:
        return mentions
    out = []
    i = 0
    for ref in refs:
        a, b = ref.span()
        while i < len(mentions) and mentions[i].start < a:
            out.append(mentions[i])
            i += 1
        # what this replaces: the `Party Committee` the organization pattern found inside it
        while i < len(mentions) and mentions[i].start < b:
            i += 1
        if ref.group(1):
            prior = next((m for m in reversed(out) if m.entity_type == "organization"
                          and m.canonical.endswith("Party Committee") and m.canonical != "Party Committee"
                          and (ref.group(1) in m.canonical or ref.group(1) in ("Regional", "Autonomous Regional")
                               and "Autonomous Region" in m.canonical)), None)
            canonical = prior.canonical if prior else ref.group()
            out.append(Mention(a, b, ref.group(), "organization", canonical, prior.kind if prior else "",
                               prior.from_kb if prior else False))
        else:
            kinds = ("city",) if ref.group(2) == "Municipality" else ("province", "region")
            prior = next((m for m in reversed(out) if m.entity_type == "place" and m.kind in kinds), None)
            if prior is not None:
                out.append(Mention(a, b, ref.group(), "place", prior.canonical, prior.kind, prior.from_kb))
    out += mentions[i:]
    return out


@cache
def _folded_aliases() -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for k, e in load().aliases.items():
        out.setdefault(k.casefold(), e)
    return out


_GROUP_SUFFIX = re.compile(r"(.+?)\s+(?:Group|Holdings?)$")  # `Serra Verde Group`: the known Serra Verde
# a Chinese company's trade before its legal form: `Baotou Huamei Rare Earth High-Tech Co., Ltd.`, the known
# `Baotou Huamei Rare Earth`
_TRADE_SUFFIX = re.compile(r"(.+?)\s+(?:High-Tech|Hi-Tech|Technology|New Materials?|Industrial)$")
_LEGAL_SUFFIX = re.compile(
    r"(.+?),?\s+(?:Limited|Ltd\.?|Inc\.?|Incorporated|Corp\.?|Corporation|Plc|PLC|plc|LLC|Co\.,?\s*Ltd\.?|Co\.|AG|"
    r"SA|S\.A\.|N\.V\.|NV|ASA|AS|A/S|AB|GmbH|JSC|PJSC|Bhd|Berhad|Pty\.?\s+Ltd\.?)$")


def _known_as(name: str, aliases: dict[str, Entry]) -> Entry | None:
    return aliases.get(name) or _folded_aliases().get(name.casefold())


def _same_organizations(mentions: list[Mention]) -> list[Mention]:
    """A known organization's name with its legal form (`Ionic Rare Earths Limited`) is that
    organization; one the knowledge base does not know, named in full once and shorter elsewhere
    (`Guangxi Guosheng Rare Earth` … `Guangxi Guosheng Rare Earth Development Co., Ltd.`), is one
    organization whose canonical name is the full one."""
    new = {m.canonical for m in mentions if m.entity_type == "organization" and not m.from_kb}
    if not new:
        return mentions
    aliases = load().aliases
    for m in mentions:  # `Ionic Rare Earths Limited`: the known `Ionic Rare Earths` (`JL MAG` too)
        if m.entity_type != "organization" or m.from_kb:
            continue
        legal = _LEGAL_SUFFIX.match(m.canonical) or _GROUP_SUFFIX.match(m.canonical)
        base = legal.group(1) if legal else m.canonical
        e = _known_as(base, aliases) if legal else None
        if e is None and (trade := _TRADE_SUFFIX.match(base)):
            e = _known_as(trade.group(1), aliases)
        if e is not None and e.entity_type == "organization":
            m.canonical, m.kind, m.from_kb = e.canonical, e.kind, True
    new = {m.canonical for m in mentions if m.entity_type == "organization" and not m.from_kb}
    if len(new) < 2:
        return mentions
    # (a Chinese company's name opens with its city: `Tianhe Magnetic Materials` … `Baotou Tianhe
    # Magnetic Materials Technology Co., Ltd.`)
    unplaced = {}
    for n in new:
        first, _, rest = n.partition(" ")
        if rest and (e := aliases.get(first)) is not None and e.entity_type == "place":
            unplaced[n] = rest
    longer = {}
    for short in new:
        if " " not in short:
            continue
        heads = (short + " ", short + ",")
        if short.endswith(" University"):  # (`Inner Mongolia University` is not `… University of
            heads = (short + ",",)  # Science and Technology`: another university)
        full = [n for n in new if n.startswith(heads)
                or n in unplaced and (unplaced[n] == short or unplaced[n].startswith(heads))]
        if full:
            longer[short] = max(full, key=len)
    for m in mentions:
        if m.entity_type == "organization" and not m.from_kb and m.canonical in longer:
            m.canonical = longer[m.canonical]
    return mentions


def _companies_named_after_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """`Namibia Critical Metals and JOGMEC Agree …` in a headline read as the place Namibia and the
    known company Critical Metals: one company when the article names it in full elsewhere
    (`Namibia Critical Metals Inc.`). Also a known parent's name right before a subsidiary's that
    opens with its province or city: one company."""
    full = {}
    for m in mentions:
        if m.entity_type == "organization" and " " in m.surface:
            full.setdefault(m.surface, m)
    aliases = load().aliases
    out: list[Mention] = []
    skip = False
    for m, n in zip(mentions, mentions[1:] + [None]):
        if skip:
            skip = False
            continue
        if (n is not None and m.entity_type == "place" and n.entity_type == "organization" and n.start == m.end + 1
                and text[m.end] == " "):
            joined = text[m.start : n.end]
            whole = next((o for name, o in full.items() if o.start != m.start
                          and name.startswith(joined) and name[len(joined) : len(joined) + 1] in ("", " ", ",")), None)
            if whole is not None:
                out.append(Mention(m.start, n.end, joined, "organization", whole.canonical, whole.kind, whole.from_kb))
                skip = True
                continue
        if n is not None and _subsidiary_of(text, m, n, aliases):
            joined = text[m.start : n.end]
            out.append(Mention(m.start, n.end, joined, "organization", joined, "", False))
            skip = True
            continue
        out.append(m)
    return out


def _subsidiary_of(text: str, m: Mention, n: Mention, aliases: dict[str, Entry]) -> bool:
    """A known parent `m` right before `n`, the two one subsidiary's name: `China Rare Earth Group
    Jiangxi Longnan Separation Company` (a name the knowledge base does not know, opening with its
    province or city) or `CRRC Zhuzhou` (a known group's acronym and a city). The parent is no
    organization of its own there, nor the city a place."""
    if not (m.entity_type == "organization" and m.from_kb and n.start == m.end + 1 and text[m.end] == " "):
        return False
    if n.entity_type == "organization":
        e = aliases.get(n.surface.split()[0])
        return (not n.from_kb and e is not None and e.entity_type == "place"
                and e.kind in ("province", "city", "region"))
    return (m.surface.isupper() and n.entity_type == "place" and n.kind == "city"
            and not text[n.end : n.end + 2].strip(" ,.;:)”’'\n").istitle())  # (not `CRRC Zhuzhou Plant`)


_COMPASS_BEFORE = re.compile(r"(?<=, )(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)? $")
_TOWN_BEFORE = re.compile(rf"(?<![\w’'-])({_CAP_WORD}(?: {_CAP_WORD})?), $")  # `Bitterfeld-Wolfen, Saxony-Anhalt`


def _based_in(text: str) -> list[tuple[int, int, str]]:
    """`based in Lyon`, `headquartered in Lyon`, `Lyon-based` (found from the rare word: str search
    is far quicker than a regex scan for capitals)."""
    out = []
    for word in ("based", "headquartered"):
        i = text.find(word)
        while i != -1:
            j = i + len(word)
            if text.startswith(" in ", j) and (i == 0 or not _is_word_char(text[i - 1])) and (
                    m := _IN_PLACE.match(text, j + 4)):
                out.append((m.start(1), m.end(1), m.group(1)))
            elif (word == "based" and text[i - 1 : i] == "-" and not text[j : j + 1].isalnum()
                  and (m := _PLACE_DASH.search(text, max(0, i - 40), i))):
                a = m.start(1)  # (not a sentence's first word: `Cloud-based tools`)
                if a > 0 and text[a - 1] not in "\n“\"" and text[a - 2 : a] != ". ":
                    out.append((a, m.end(1), m.group(1)))
            i = text.find(word, j)
    return out


def _places_before_regions(text: str, cands: list, aliases: dict[str, Entry]) -> list[tuple[int, int, str]]:
    out = []
    regions = [c[3] for c in cands if c[3].entity_type == "place" and c[3].kind in ("province", "country", "region")]
    chinese = _chinese_name_pattern(load())
    taken = {(c[3].start, c[3].end) for c in cands}
    for r in regions:
        at = r.start  # (`in Telemark, southern Norway`: a compass word before the region)
        if text[at - 1 : at] == " " and text[at - 2 : at - 1] != "," and (d := _COMPASS_BEFORE.search(text, max(0, at - 20), at)):
            at = d.start()
        if at < 3 or text[at - 2 : at] != ", " or text.startswith(("’s", "'s"), r.end):
            continue  # (`Carlos Salazar, Mexico’s ambassador`: a person in apposition)
        m = _TOWN_BEFORE.search(text, max(0, at - 30), at)
        if m is None:
            continue
        a, b = m.span(1)
        name = m.group(1)
        before = text[max(0, a - 2) : a]
        if (name in aliases or name.split()[0] in _ORG_STOP or name in _NOT_TOWNS or (a, b) in taken
                or a == 0 or before in (". ", "\n") or text[a - 1] == "\n"
                or (c := chinese.fullmatch(name)) and _given_ok(c.group(2))):
            continue  # known already, a stop word, a sentence's first word (`However, China`), a
            # Chinese name (`Shen Xiaoming Meets Chen Dexin, Hunan and …`)
        out.append((a, b, name))
    return out


_NOT_TOWNS = {"However", "Meanwhile", "Today", "Yesterday", "Instead", "Still", "Also", "Further", "Moreover",
              "Separately", "Elsewhere", "Globally", "Overall", "Currently", "Previously", "Similarly",
              "West", "East", "North", "South", "Main", "Central", "New", "Old"}  # (`the West Mine’s expansion`)
_ABBR_DEF = re.compile(r"\s*\(([A-Z](?:[A-Za-z&]|[’'](?=[a-z])){1,9})\)")  # `(SRC)`, `(Ma’aden)`


def _spelled_by_abbreviation(text: str, m: re.Match[str]) -> tuple[str, int] | None:
    """The last words of a name whose initials are the abbreviation defined right after it (`U.S.
    Strategic Metals (USSM)`: `U.S.` gives `US`), with where they start; None when none are."""
    if (d := _ABBR_DEF.match(text, m.end())) is None:
        return None
    abbr = d.group(1).upper()
    words = list(re.finditer(r"\S+", m.group(1)))
    for k in range(len(words) - 1):  # (at least two words)
        if "".join(w.group().replace(".", "") if w.group().count(".") > 1 else w.group()[0]
                   for w in words[k:]).upper() == abbr:
            return m.group(1)[words[k].start() :], m.start(1) + words[k].start()
    return None


def _abbreviations(text: str, mentions: list[Mention]) -> list[Mention]:
    """`the Saskatchewan Research Council (SRC) … SRC President …`: the abbreviation defined in
    brackets after an organization names it wherever else it stands in the article, the headline
    and highlights above the definition included."""
    defined = {}
    for m in mentions:
        if (m.entity_type == "organization" and "(" in text[m.end : m.end + 2]
                and (d := _ABBR_DEF.match(text, m.end)) and d.group(1) not in defined):
            defined[d.group(1)] = m
    if not defined:
        return mentions
    for m in mentions:  # (`development bank BNDES` read as a name of its own)
        if (m.entity_type == "organization" and not m.from_kb and m.surface == m.canonical
                and (owner := defined.get(m.surface)) is not None and owner is not m):
            m.canonical, m.kind = owner.canonical, owner.kind
    extra = _outside(mentions, [
        Mention(hit.start(), hit.end(), abbr, "organization", owner.canonical, owner.kind, owner.from_kb)
        for abbr, owner in defined.items()
        for hit in re.finditer(rf"(?<![\w(-]){re.escape(abbr)}(?![\w-])", text)
        if not owner.start <= hit.start() < owner.end])  # (a headline above the definition too)
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: (m.start, m.entity_type))


_BODY_HEADS = ("Party Committee", "Management Committee", "People’s Government", "People's Government",
               *(f"{level} Government" for level in _GOVERNMENT_LEVELS))


def _places_of_bodies(mentions: list[Mention], aliases: dict[str, Entry]) -> list[Mention]:
    """`Jiangxi Provincial Party Committee` also names the place Jiangxi (a mention inside it)."""
    out = []
    for m in mentions:
        out.append(m)
        if m.entity_type == "organization" and m.surface.endswith(_BODY_HEADS):
            words = m.surface.split()
            for k in (3, 2, 1):
                e = aliases.get(" ".join(words[:k]))
                if e is not None and e.entity_type == "place" and k < len(words):
                    surface = " ".join(words[:k])
                    out.append(Mention(m.start, m.start + len(surface), surface, "place", e.canonical, e.kind))
                    break
            else:  # `Baiyin Municipal Party Committee`: the city the knowledge base does not know yet
                k = words.index("Municipal") if "Municipal" in words[1:3] else 0
                if k and all(w[:1].isupper() for w in words[:k]):
                    surface = " ".join(words[:k])
                    out.append(Mention(m.start, m.start + len(surface), surface, "place", surface, "city", False))
    return out


@cache
def _chinese_name_pattern(kb: KB) -> re.Pattern[str]:
    """A pinyin surname, a space and a capitalised word (checked against pinyin afterwards)."""
    surnames = [s for s in kb.surnames if re.fullmatch(r"[A-Z][a-zü]{0,6}", s)]
    lead = trie_regex(surnames, not_after=r"\w")
    return re.compile(rf"({lead}) ([A-Z][a-zü]{{1,12}})(?![\w-])")


# Capitals of the Latin alphabets (`Šefčovič`, `Ó Briain`): Python's `re` has no \p{Lu}.
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_NAME_WORD = (rf"[{_UPPER}][^\W\d_]*(?:[’'](?:[{_UPPER}][^\W\d_]+|[a-z]{{2,}}))?"  # O’Leary, Ng’oma
              r"(?:-[a-z]{2,}(?![\w-]))?")  # Korean given names: Duk-geun, Young-hwan
_NAME = rf"({_NAME_WORD}(?:[ -]{_NAME_WORD}){{1,2}})"
# after a title: also four words (`Chief Minister Wan Rosdy Wan Ismail`) and initials (`D. Singh`)
# `D. Singh`, `R. J. Simpson`, `R.J. Simpson` (not `U.S.` or `U.K.`, nor a sentence that follows
# initials: `… in the U.S. He said`)
_INITIALS = r"(?<![\w.])(?!U\.[SKN]\.)(?:[A-Z]\. ?){1,2}(?!(?:He|She|It|We|They|The|This|That|Its|His|Her|Their|In|On|At)\b)"
# `Bernardo da Veiga`, `Ursula von der Leyen`: a family name's lower-case particle
_PARTICLES = ("da", "de", "do", "dos", "das", "di", "du", "van", "von", "der", "den", "del", "della", "la", "le",
              "bin", "binti", "ter", "ten")
_PARTICLE = rf"(?:(?:{'|'.join(_PARTICLES)}) ){{0,2}}"
_TITLED_NAME = rf"({_INITIALS}{_NAME_WORD}(?: {_NAME_WORD})?|{_NAME_WORD}(?:(?:-| {_PARTICLE}){_NAME_WORD}){{1,3}})"


def _titled_names(text: str, kb: KB) -> list[tuple[int, int, str]]:
    """Names next to a title or a speech verb: `<title|verb> Name`, then `Name, <title>` and
    `Name <verb>`. The second kind is found from its (rarer) anchor, the name read leftwards."""
    before, comma_title, name_end = _person_patterns(kb)
    out = []
    pos = 0  # overlapping: `said Apple CEO Tim Cook` holds `CEO Tim Cook`
    while m := before.search(text, pos):
        out.append((m.start(1), m.end(1), m.group(1)))
        pos = m.start(1)
    anchors = [(m.start(), m.end()) for m in comma_title.finditer(text)]
    for pos, end in _speech_words(text):  # `\s+said`: the name ends before the spaces
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        anchors.append((pos, end))
    anchors.sort()
    resume = 0
    for pos, end in anchors:
        if pos < resume or pos == 0 or not _is_letter(text[pos - 1]):
            continue
        m = name_end.search(text, max(resume, pos - 80), pos)
        if m is None:
            continue
        g = 1 if m.group(1) else 2
        a, name = m.start(g), m.group(g)
        if name.split(" ", 1)[0] in _NOT_NAME_LEADS:
            continue  # `The European Chamber said`: a body, no person; `At Tianhe Magnetics, General
            # Manager Zhao Min`: the place of what follows
        while name.count(" ") >= 2 and (first := name.split(" ", 1)[0]) in _portfolio_set():
            a, name = a + len(first) + 1, name.split(" ", 1)[1]  # `… and Construction Yersayin Nagaspayev said`
        out.append((a, m.end(g), name))
        resume = end
    return out


_NOT_NAME_LEADS = {"The", "At", "In", "For", "During", "From", "With", "On", "By", "Under", "After", "Before"}


def _speech_words(text: str) -> list[tuple[int, int]]:
    """Spans of `\\s(?:said|told|…)\\b`, found with str.find (a regex scan stops at every space)."""
    return [(i - 1, j) for w in _SPEECH_WORDS for i, j in _word_hits(text, w, 1) if text[i - 1].isspace()]


@cache
def _portfolio_words() -> list[str]:
    path = KNOWLEDGE / "portfolio_words.txt"
    return [w for w in path.read_text(encoding="utf-8").split("\n") if w[:1].isupper()]  # (not the # lines)


@cache
def _portfolio_set() -> frozenset[str]:
    return frozenset(_portfolio_words())


@cache
def portfolio_alternation(not_after: str | None = _WORDISH) -> str:
    """The portfolio words (`Industry`, `Information Technology`, …) as one regex alternation, for
    the patterns here and in `facts` that read an office's portfolio."""
    return trie_regex(_portfolio_words(), not_after=not_after)


@cache
def _person_patterns(kb: KB) -> tuple[re.Pattern[str], ...]:
    # `\b` first, not `not_after`: the words begin with most lower-case letters, so a scan for
    # their first letters would stop nearly everywhere (measured: 76 µs a document against 132)
    lead = trie_regex(list(kb.titles) + [t.lower() for t in kb.titles] + _SPEECH_WORDS + _RANK_LEADS)
    # `Minister of Investment, Trade and Industry Tengku Zafrul Aziz`: with no comma, the name
    # begins at the first word that is not a portfolio's (state offices only: `General Manager of
    # Energy Fuels Mark Chalmers` would lose a company word to the name)
    words = portfolio_alternation()
    portfolio = (rf"\s+(?:of|for)(?:\s+(?:the\s+)?(?:{words})(?![\w-]),?(?:\s+(?:and|&)(?=\s))?){{1,6}}"
                 rf"(?=\s+(?!(?:{words})(?![\w-])))")  # all of the portfolio, never part of it
    comma_office = (rf"(?:(?:\s+(?:of|for)(?:\s+[A-Z][\w’'-]*,?(?:\s+and)?){{1,5}})?,"
                    rf"(?=\s+(?:{_TITLED_NAME[1:]}\s*(?:,|\.(?:\s|$))))")  # (or a sentence's end:
    # `… with Shimizu and the mayor of Nakatsugawa, Masaki Kondo.`)
    return (
        # `CEO Amanda Lacaze`, `said Amanda Lacaze`, `Minister of Mining, Kenneth Zikhale Ng’oma`
        # `The company’s chief executive, Barbara Humpton, told …`: an apposition
        # (a comma after the office only when the name it opens is closed by one too)
        re.compile(rf"\b(?:(?:{lead}){comma_office}?|(?:Minister|Secretary|Commissioner){portfolio})"
                   rf"\s+{_TITLED_NAME}(?![\w-])"),
        # `, the U.S. Secretary of Energy`: up to two capitalised words may name the office's place
        # (`, a deputy director of …`: an office of several, in lower case)
        re.compile(rf",\s+(?:the\s+|an?\s+(?=[a-z]))?(?:[A-Z][\w.’'-]*\s+){{0,2}}?(?:{kb.title_re})\b"),
        re.compile(rf"(?=[{_UPPER}])\b(?:{_NAME}|({_INITIALS}{_NAME_WORD}))$"),
    )


def word_before(text: str, pos: int) -> str:
    """The word ending right before `pos` (whitespace-separated), or ''."""
    words = text[max(0, pos - 30) : pos].split()
    return words[-1] if words else ""


def word_after(text: str, pos: int) -> str:
    """The word starting right after `pos` (whitespace-separated), or ''."""
    words = text[pos : pos + 30].split()
    return words[0] if words else ""


def _is_word_char(ch: str) -> bool:  # `\w`
    return ch.isalnum() or ch == "_"


def _is_letter(ch: str) -> bool:  # `[^\W\d_]`
    return ch.isalnum() and not ch.isdecimal()


def _word_hits(text: str, word: str, start: int = 0) -> Iterator[tuple[int, int]]:
    r"""Spans of `word` standing as a whole word, `(?<![\w-])word(?![\w-])`, found with str.find
    (quicker than a regex scan when the word is rare)."""
    n = len(text)
    i = text.find(word, start)
    while i != -1:
        j = i + len(word)
        if ((i == 0 or not _is_word_char(text[i - 1]) and text[i - 1] != "-")
                and (j == n or not _is_word_char(text[j]) and text[j] != "-")):
            yield i, j
        i = text.find(word, j)


def _resolve_short_references(text: str, mentions: list[Mention]) -> list[Mention]:
    """`Li visited …` after `Li Xiao` → a mention of Li Xiao (Chinese names: the surname;
    other names: the last word)."""
    people = [m for m in mentions if m.entity_type == "person" and " " in m.canonical]
    if not people:
        return mentions
    candidates = []
    keys: dict[str, list[Mention]] = {}
    kb = load()
    for p in people:
        parts = p.canonical.split()
        key = parts[0] if parts[0] in kb.surnames else parts[-1]
        k = len(parts) - 1
        while k > 1 and parts[k - 1] in _PARTICLES:  # `da Veiga`, and `Da Veiga said` opening a sentence
            k -= 1
        if k < len(parts) - 1:
            key = " ".join(parts[k:])
            keys.setdefault(key[0].upper() + key[1:], []).append(p)
        keys.setdefault(key, []).append(p)
        if len(parts) >= 3 and k == len(parts) - 1:  # `Nik Nazmi said` after `Nik Nazmi Nik Ahmad`
            keys.setdefault(" ".join(parts[:2]), []).append(p)  # (Malay names: given name and father's)
    owner_of = {}
    for key, owners in keys.items():
        if len({o.canonical for o in owners}) == 1:  # two people share the name: leave it
            owner_of[key] = owners[0]
    if not owner_of:
        return mentions
    for m in mentions:  # (`Da Veiga said` read as a name of its own)
        if m.entity_type == "person" and m.canonical == m.surface and (o := owner_of.get(m.surface)) is not None:
            m.canonical, m.from_kb = o.canonical, o.from_kb
    for key, owner in owner_of.items():  # not before a capital: `Li Xiao` is no `Li`
        for i, j in _word_hits(text, key, owner.start):
            if not (text[j : j + 1] == " " and "A" <= text[j + 1 : j + 2] <= "Z"):
                candidates.append(Mention(i, j, key, "person", owner.canonical, "", owner.from_kb))
    # `“We will not export raw monazite,” Bahlil said`: a given name alone before a speech verb
    # (Indonesian usage, and first names in quotes' attributions) when one person has it
    firsts: dict[str, set[str]] = {}
    for p in people:
        parts = p.canonical.split()
        if parts[0] not in kb.surnames and len(parts[0]) >= 3 and parts[0][0].isupper():
            firsts.setdefault(parts[0], set()).add(p.canonical)
    for key, owners in firsts.items():
        if len(owners) != 1 or key in keys:
            continue
        owner = next(p for p in people if p.canonical in owners)
        candidates += [Mention(i, j, key, "person", owner.canonical, "", owner.from_kb)
                       for i, j in _word_hits(text, key, owner.end) if _SPEECH_AFTER.match(text, j)]
    return sorted(mentions + _outside(mentions, candidates), key=lambda m: (m.start, m.entity_type))


_SPEECH_AFTER = re.compile(r" (?:said|says|told|added|stressed|noted)\b")
