"""Split a repaired article into title, highlights and body, without its web boilerplate.

The scrapes are plain text pasted from article pages: an optional headline line, an optional
"Highlights" block of bullet lines, the article, then site furniture ("Spread the word:",
"Leave a Reply", "0 Comments", the `© 2025 Rare Earth Exchanges™ – …` footer) and inline link
markers ("(opens in a new tab)"). `documents.text` keeps all of it; `body` is the article alone.
The patterns live in knowledge/boilerplate.yaml so a reviewer can add a site's furniture without
touching code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import yaml

_KNOWLEDGE = Path(__file__).parent / "knowledge"
_BULLET = re.compile(r"^\s*(?:[•\-\*–·▪●]|\d+[.)])\s+")
_HIGHLIGHTS = re.compile(r"(?i)^\s*(highlights|key (points|takeaways)|at a glance)\s*:?\s*$")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_DATELINE = re.compile(
    rf"^(?:(?:published|posted|updated)\s*(?:on)?:?\s*)?(?P<m>{_MONTHS})\s+(?P<d>\d{{1,2}}),\s*"
    r"(?P<y>(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)

# State-media pages: `Release time: 2025-10-15 08:30  Source: Baogang Daily`, `2025-10-15 Xinhua`
_META_LINE = re.compile(
    r"^(?:(?:release|publish(?:ed)?|post(?:ed)?|update(?:d)?|issue)\s*(?:time|date)?\s*:?\s*|"
    r"(?:source|date|time)\s*:\s*[^\n]{0,40}?)?"
    r"(?P<iso>(?P<y>(?:19|20)\d\d)-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d))(?:\s+\d{1,2}:\d\d(?::\d\d)?)?"
    r"(?:\s+[^\n]{0,60})?$",
    re.IGNORECASE,
)


def _dateline(line: str) -> date | None | bool:
    """The date of a date line (`May 3, 2025`, `Release time: 2025-10-15 08:30 Source: …`);
    False when the line is no date line."""
    if m := _DATELINE.match(line):
        return _date(m)
    if len(line) <= 120 and (m := _META_LINE.match(line)):
        try:
            return date(int(m["y"]), int(m["mo"]), int(m["d"]))
        except ValueError:
            return None
    return False


@cache
def _patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = yaml.safe_load((_KNOWLEDGE / "boilerplate.yaml").read_text(encoding="utf-8"))
    return [re.compile(p) for p in data["line"]], [re.compile(p) for p in data["inline"]]


@cache
def boilerplate_line() -> re.Pattern[str]:
    """The `line` patterns as one alternation (one match call per line instead of one each)."""
    parts = [f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})" for p in
             (q.pattern for q in _patterns()[0])]
    return re.compile("|".join(parts))


@dataclass
class Structure:
    title: str | None
    highlights: list[str] = field(default_factory=list)
    body: str = ""
    published_on: date | None = None


def _looks_like_title(line: str) -> bool:
    s = line.strip()
    words = s.split()
    return (
        3 <= len(words) <= 30
        and not s.endswith((".", ":", ";", ","))
        and not _BULLET.match(line)
        and not _HIGHLIGHTS.match(line)
        and sum(w[:1].isupper() for w in words) >= len(words) / 2
    )


def _paragraph(line: str) -> bool:
    """A line of running prose (state-media reports put it right under the headline)."""
    s = line.strip()
    return len(s.split()) >= 25 and s.endswith((".", ".”", ".\"", "?", "!"))


def split(text: str) -> Structure:
    """Title, highlights, body and a publication date when a dateline states one."""
    _, inline_pats = _patterns()
    is_boilerplate = boilerplate_line().match
    lines = text.split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    title = None
    published = None
    if i < len(lines) and _looks_like_title(lines[i]):
        nxt = next((ln for ln in lines[i + 1 :] if ln.strip()), "")
        blank_after = i + 1 < len(lines) and not lines[i + 1].strip()
        if blank_after or _HIGHLIGHTS.match(nxt) or _dateline(nxt.strip()) is not False or _paragraph(nxt):
            title = lines[i].strip()
            i += 1
    highlights: list[str] = []
    body_lines: list[str] = []
    in_highlights = False
    for line in lines[i:]:
        s = line.strip()
        if published is None and (when := _dateline(s)) is not False:
            published = when
            continue
        if _HIGHLIGHTS.match(s) and not highlights:
            in_highlights = True
            continue
        if in_highlights:
            if not s:
                continue
            if _BULLET.match(line):
                highlights.append(_BULLET.sub("", line, count=1).strip())
                continue
            in_highlights = False
        if is_boilerplate(s):
            continue
        for p in inline_pats:
            line = p.sub("", line)
        body_lines.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(body_lines)).strip()
    return Structure(title, highlights, body, published)


def _date(m: re.Match[str]) -> date | None:
    month = _MONTHS.lower().split("|").index(m["m"].lower()) + 1
    try:
        return date(int(m["y"]), month, int(m["d"]))
    except ValueError:
        return None
