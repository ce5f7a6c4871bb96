"""The curated knowledge base: organizations, people, places, elements, titles, units, triggers.

Knowledge is data: every alias is a row in a CSV or text file under knowledge/, reviewable by a
domain expert. This module only reads the files and compiles them into matchers, once.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import pycountry

KNOWLEDGE = Path(__file__).parent / "knowledge"

# Country names too ambiguous in English prose to match by name alone.
_AMBIGUOUS_COUNTRIES = {"Jersey", "Georgia", "Chad", "Jordan", "Niger", "Guinea", "Turkey", "Mali"}


def trie_regex(words: list[str], not_after: str | None = None) -> str:
    """An alternation of `words` factored into a trie (`Ba(?:ogang|otou)…`): Python's regex
    engine tries a flat 600-way alternation at every position, a trie in one step.

    `not_after` (a character class such as `[\\w-]`) is a left boundary: the character before
    the word must not be in it. It is checked right after the first character
    (`B(?<![\\w-]B)aogang`), so the pattern still starts with a plain character set, which the
    engine scans for quickly; a leading look-behind or `\\b` makes it try every position."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, first: bool = False) -> str:
        end = "" in node
        branches = []
        for ch, child in sorted(node.items()):
            if not ch:
                continue
            head = re.escape(ch)
            if first and not_after:
                head += f"(?<!{not_after}{head})"
            branches.append(head + build(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie, first=True)


def _rows(name: str) -> list[dict[str, str]]:
    with open(KNOWLEDGE / name, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return list(csv.DictReader(lines))


@cache
def demonyms() -> dict[str, str]:
    """The adjective of each country and the country (`Malaysian` → Malaysia), from the knowledge
    base's demonyms.csv."""
    return {r["demonym"]: r["country"] for r in _rows("demonyms.csv")}


def _words(name: str) -> list[str]:
    text = (KNOWLEDGE / name).read_text(encoding="utf-8")
    return [w for ln in text.splitlines() if not ln.startswith("#") for w in [ln.strip()] if w]


@dataclass(frozen=True)
class Entry:
    entity_type: str  # organization | person | place | element | compound
    canonical: str
    kind: str = ""
    elements: tuple[str, ...] = ()


@lru_cache(maxsize=1 << 16)  # bounded: unknown names keep arriving on a long backfill
def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "'")).strip("-")


@lru_cache(maxsize=1 << 16)
def entity_id(entity_type: str, canonical: str) -> str:
    return f"{entity_type}:{slug(canonical)}"


@dataclass(frozen=True, eq=False)  # hashed by identity: one KB per process, cached
class KB:
    aliases: dict[str, Entry]  # surface (exact case) → entry
    gazetteer: re.Pattern[str]
    titles: tuple[str, ...]
    title_re: str  # regex alternation of the titles, as written and in lower case
    surnames: frozenset[str]
    triggers: dict[str, tuple[str, int]]
    trigger_re: re.Pattern[str]
    trigger_low: re.Pattern[str]  # the same for lower-cased text, case-sensitive (faster)
    units: dict[str, tuple[str, str]]  # lower surface → (unit, kind)
    orgs_by_canonical: dict[str, Entry]
    heads_of: dict[str, str]  # person → the country a `President`/`Premier` with no country named leads


def _subdivisions() -> dict[str, str]:
    """States and provinces of the countries rare-earth news covers outside China."""
    out = {}
    for code in ("US", "AU", "CA", "GB", "BR", "MY", "VN", "IN"):
        for sub in pycountry.subdivisions.get(country_code=code) or []:
            name = sub.name.split(",")[0].split("[")[0].strip()
            if name and name not in _AMBIGUOUS_COUNTRIES and len(name.split()) <= 3:
                if code == "IN":  # ISO writes `Tamil Nādu`; English news writes `Tamil Nadu`
                    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
                out[name] = name
    return out


def _countries() -> dict[str, str]:
    out = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and len(name.split()) <= 3 and name not in _AMBIGUOUS_COUNTRIES:
                out[name] = getattr(c, "common_name", None) or c.name
    return out


@cache
def load() -> KB:
    aliases: dict[str, Entry] = {}

    def add(surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if surface and surface not in aliases:
            aliases[surface] = entry

    orgs = {}
    for r in _rows("organizations.csv"):
        e = Entry("organization", r["canonical"], r["kind"])
        orgs[r["canonical"]] = e
        add(r["canonical"], e)
        for a in filter(None, r["aliases"].split("|")):
            add(a, e)
    heads_of = {}
    for r in _rows("people.csv"):
        e = Entry("person", r["canonical"])
        add(r["canonical"], e)
        for a in filter(None, r["aliases"].split("|")):
            add(a, e)
        if r["head_of"]:
            heads_of[r["canonical"]] = r["head_of"]
    for r in _rows("places.csv"):
        e = Entry("place", r["canonical"], r["kind"])
        add(r["canonical"], e)
        for a in filter(None, r["aliases"].split("|")):
            add(a, e)
    for surface, canonical in _countries().items():
        add(surface, Entry("place", canonical, "country"))
    for surface, canonical in _subdivisions().items():
        add(surface, Entry("place", canonical, "province"))
    for r in _rows("elements.csv"):
        e = Entry("element", r["name"], "element", (r["name"],))
        for form in (r["name"], r["name"].capitalize()):
            add(form, e)
        for a in filter(None, r["aliases"].split("|")):
            add(a, e)
    for r in _rows("compounds.csv"):
        els = tuple(filter(None, r["elements"].split("|")))
        e = Entry("compound", r["name"], "compound", els)
        add(r["name"], e)
        for a in filter(None, r["aliases"].split("|")):
            add(a, e)
            add(a[:1].upper() + a[1:], e)  # sentence-initial `Praseodymium-neodymium oxide`

    # Most of the aliases' first letters are lower case too: a leading look-behind rejects
    # positions inside words faster than the per-letter check of trie_regex(not_after=…).
    # `Toronto-based Neo`: `-based` ends a name like a space does.
    gazetteer = re.compile(rf"(?<![\w-])(?:{trie_regex(list(aliases))})(?!\w|-(?!based\b|founded\b|headquartered\b|listed\b|iron\b|boron\b|cobalt\b|nickel\b))")
    titles = tuple(sorted(_words("titles.txt"), key=len, reverse=True))
    # Offices are also written in lower case (`founder and managing director of Adamas`).
    title_re = trie_regex(list(titles) + [t.lower() for t in titles if t.lower() != t])
    surnames = frozenset(" ".join(_words("chinese_surnames.txt")).split())
    triggers = {r["trigger"].lower(): (r["event_type"], int(r["priority"])) for r in _rows("events.csv")}
    trigger_re = re.compile(rf"\b(?:{trie_regex(list(triggers))})\b", re.IGNORECASE)
    # (lower-cased text starts a word at few positions and a letter at most: a leading
    # look-behind skips the others sooner than trie_regex's check after the first letter)
    trigger_low = re.compile(rf"(?<!\w)(?:{trie_regex(list(triggers))})\b")
    units = {r["surface"].lower(): (r["unit"], r["kind"]) for r in _rows("units.csv")}
    return KB(
        aliases, gazetteer, titles, title_re, surnames, triggers, trigger_re, trigger_low, units, orgs, heads_of
    )
