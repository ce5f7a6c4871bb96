"""Facts built on entity mentions: roles, events with dates, metrics with units, quotes.

Rules are written for how rare-earth news is phrased, not for five files:
* roles — `<Org> <Title> and <Title> <Person>` (`Baogang Group General Manager and Party Vice
  Secretary Li Xiao`), `<Person>, <Title> and <Title> of <Org>` (`Ma Xianfeng, Party Secretary and
  Chairman of China Mobile Inner Mongolia`), `<Title> <Person>` with the person's organization taken
  from the sentence;
* events — one per sentence from the strongest trigger (events.csv), dated from the sentence
  (`From March 31 to April 1`), with the year from the article; mentions of the same event
  (`This meeting signals …`) are merged into the dated one;
* metrics — numbers with a currency or unit (`~RMB 1.71 million` → 1710000 CNY approximate,
  `A$79.1 per kilogram` → 79.1 AUD/kg) or a counted noun (`46 valid patents`); years, ordinals and
  list numbers (`No. 204`) are not metrics;
* quotes — quoted clauses attributed by a speech verb (`“…,” Meng said`), pronouns resolved to the
  last named person; scare quotes and quoted names (`“Five Key Tasks”`) are not quotes.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from transforms.entities import (
    _RANK_LEADS,
    _RANKS,
    Mention,
    _is_heading,
    _word_hits,
    portfolio_alternation,
    word_before,
)
from transforms.kb import KB, demonyms, load, trie_regex

MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
       r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"  # not the `20` of `April 2025`
_YEAR = r"(?:19|20)\d\d"
_DATE1 = rf"(?P<{{p}}m>{_MON})\.?\s+(?P<{{p}}d>{_DAY})(?:,?\s+(?P<{{p}}y>{_YEAR}))?"
_DATE2 = rf"(?P<{{p}}d2>{_DAY})\s+(?P<{{p}}m2>{_MON})(?:,?\s+(?P<{{p}}y2>{_YEAR}))?"
_ONE = "(?:" + _DATE1 + "|" + _DATE2 + ")"
DATE_RANGE = re.compile(
    r"(?=[FfJjMmAaSsOoNnDd0-9])\b(?:from\s+)?" + _ONE.format(p="a")
    + r"(?:\s*(?:to|through|until|–|-|—)\s*(?:" + _ONE.format(p="b")
    + r"|(?P<bday>" + _DAY + r")\b(?:,?\s+(?P<byr>" + _YEAR + r"))?)"
    # `March 6 and 7, 2025`: two days in a row, the second a bare day before a year or a clause's end
    + r"|\s+and\s+(?P<cday>" + _DAY + r")\b(?:,?\s+(?P<cyr>" + _YEAR + r")|(?=\s*[,.;)]|\s+(?:in|at|to|with|for)\s)))?",
    re.IGNORECASE,
)
# The same on lower-cased text, case-sensitive: several times faster than IGNORECASE.
_DATE_RANGE_LOW = re.compile(DATE_RANGE.pattern.replace("FfJjMmAaSsOoNnDd", "fjmasond").replace(
    _MON, _MON.lower()))
ISO_DATE = re.compile(r"((?:2(?<!\w2)0|1(?<!\w1)9)\d\d)-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|Copyright)\s*((?:19|20)\d\d)", re.IGNORECASE)


def lowered(text: str) -> str | None:
    """`text.lower()` when it keeps every offset (it does unless a letter such as `İ` expands)."""
    low = text.lower()
    return low if len(low) == len(text) else None


_MONTH_NUMBER = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
_NON_DIGIT = re.compile(r"\D")


def _month(name: str) -> int:
    return _MONTH_NUMBER[name[:3].lower()]


def _mk(year: int | None, month: int, day: int) -> tuple[date | None, str]:
    md = f"--{month:02d}-{day:02d}"
    if year is None:
        return None, md
    try:
        return date(year, month, day), md
    except ValueError:
        return None, md


@dataclass
class DateSpan:
    start: date | None
    end: date | None
    start_md: str
    end_md: str | None
    text: str
    pos: int
    stop: int = -1  # end offset of the match


def date_matches(text: str, low: str | None = None) -> list[re.Match[str]]:
    low = low if low is not None else lowered(text)
    return list(_DATE_RANGE_LOW.finditer(low) if low is not None else DATE_RANGE.finditer(text))


def find_dates(text: str, year: int | None, matches: list[re.Match[str]] | None = None) -> list[DateSpan]:
    """Dates and ranges; a missing year comes from `year` (the article's), else stays unknown."""
    out = []
    for m in matches if matches is not None else date_matches(text):
        g = m.groupdict()
        am, ad, ay = (g["am"] or g["am2"]), (g["ad"] or g["ad2"]), (g["ay"] or g["ay2"])
        a_month, a_day = _month(am), int(_NON_DIGIT.sub("", ad))
        bm, bd = (g["bm"] or g["bm2"]), (g["bd"] or g["bd2"] or g["bday"] or g["cday"])
        by = g["by"] or g["by2"] or g["byr"] or g["cyr"]
        end_year = int(by) if by else None
        start_year = int(ay) if ay else (end_year if end_year else year)
        s, smd = _mk(start_year, a_month, a_day)
        e = emd = None
        if bd:
            b_month = _month(bm) if bm else a_month
            e, emd = _mk(end_year or start_year, b_month, int(_NON_DIGIT.sub("", bd)))
        out.append(DateSpan(s, e, smd, emd, text[m.start() : m.end()].strip(), m.start(), m.end()))
    if "-" in text:
        for m in ISO_DATE.finditer(text):
            d, md = _mk(int(m[1]), int(m[2]), int(m[3]))
            out.append(DateSpan(d, None, md, None, m.group(), m.start(), m.end()))
    spans: list[DateSpan] = []
    for d in sorted(out, key=lambda d: d.pos):
        last = spans[-1] if spans else None
        if (last is not None and last.end_md is None and d.end_md is None
                and _RAN_UNTIL.fullmatch(text, last.stop, d.pos)):  # `on August 8 and ran until August 10`
            last.end, last.end_md, last.text, last.stop = d.start, d.start_md, text[last.pos : d.stop], d.stop
        else:
            spans.append(d)
    return spans


_RAN_UNTIL = re.compile(r"\s+and\s+(?:ran|runs|continued|continues|lasted|lasts|closed|ended)\s+(?:until|through|till|to|on)\s+")


def article_year(text: str, matches: list[re.Match[str]] | None = None) -> int | None:
    """The year an article states: an explicit full date first, else its copyright line."""
    for m in matches if matches is not None else date_matches(text):
        y = m["ay"] or m["ay2"] or m["by"] or m["by2"] or m["byr"] or m["cyr"]  # (`from May 6 to 8, 2025`)
        if y:
            return int(y)
    if m := ISO_DATE.search(text):
        return int(m[1])
    if m := COPYRIGHT_YEAR.search(text):
        return int(m[1])
    if m := _EDITION_YEAR.search(text):  # `The 2025 China Baotou Rare Earth Industry Forum opened …`
        return int(m[1])
    return None


# a yearly gathering named with its year: the article reports that edition
_EDITION_YEAR = re.compile(r"\b[Tt]he (20\d\d) (?:[A-Z][\w’'-]*\s+){1,8}(?:Forum|Conference|Summit|Expo|Exhibition|Fair|Congress)\b")


# --- sentences --------------------------------------------------------------------------------

_ABBREV = re.compile(r"(?:\b(?:No|Co|Ltd|Inc|Corp|Mr|Mrs|Ms|Dr|St|vs|Jr|Sr|Gen|Gov|Sen|Rep)|\b[A-Z])\.$")


_SENTENCE_END = re.compile(r"[.!?][”’\"')]*\s+(?=[A-Z“\"‘(])")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split at line breaks and at . ! ? followed by space and a capital/quote."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        for m in _SENTENCE_END.finditer(line):
            if _ABBREV.search(line[max(0, m.start() - 6) : m.start() + 1]):
                continue
            end = pos + m.end()
            spans.append((start, end))
            start = end
        if start < pos + len(line):
            spans.append((start, pos + len(line)))
        pos += len(line) + 1
    return [(s, e) for s, e in spans if text[s:e].strip()]


# --- roles ------------------------------------------------------------------------------------

# Titles of state or party office that belong to no company.
_DEPUTY_OF = {"Vice Chairman": ("Chairman", "Chairwoman"), "Vice Chairwoman": ("Chairman", "Chairwoman"),
              "Executive Vice Chairman": ("Chairman", "Chairwoman")}  # (of a place's government)
_COMPANY_TOO = {"President", "Vice President", "Senior Vice President", "Executive Vice President"}
_STATE_TITLES = {
    "General Secretary", "President", "Premier", "Vice Premier", "Minister", "Vice Minister",
    "Deputy Minister", "Governor", "Vice Governor", "Mayor", "Vice Mayor", "Senator",
    "Representative", "Secretary of Defense", "Secretary of Energy", "Secretary of Commerce",
    "Prime Minister", "Deputy Prime Minister", "Deputy Mayor", "Chief Minister", "Treasurer", "Ambassador",
    "Cabinet Secretary",
}
_BODY_KINDS = {"party body", "company unit", "media", "party"}
_JOINT_SUBJECT = re.compile(r"(?:[A-Z][\w’'&.-]*\s+){1,4}(?:and|&)\s+[A-Z]")
_FROM_THE_COMPANY = re.compile(r"\b(?:from|with|to|in) the (?:company|group)\b")
_PARENT_BEFORE = re.compile(r"\b(?:(?:subsidiary|unit|division|arm|affiliate|part) of|(?:owned|controlled) by)\s+(?:the\s+)?$")


@dataclass
class Role:
    person: str
    title: str
    organization: str | None
    start: int
    end: int


def _title_chain(kb: KB) -> str:
    t = rf"(?:{kb.title_re})(?![\w-])"  # (not the `chair` of `…, chaired the meeting`)
    return rf"({t}(?:\s*(?:,|and|&)\s*{t})*)"


_PORTFOLIO_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+) $")  # (`Mines` of `Mines Secretary`)
_POSSESSIVE_GAP = re.compile(r"(?:’s|'s|[’'](?= ))?\s*")  # (`Laos’ Minister`, `Lynas’ CEO`)
_LEVEL_GAP = re.compile(r"\s+(?:Municipal|Provincial|Regional|Prefectural|County|City|District|Banner)\s+")
_PORTFOLIO_GAP = re.compile(r"(?:’s|'s)\s+(?:[A-Z][a-z]+\s+(?:and\s+)?){1,3}")


@cache
def _title_of_the(kb: KB) -> re.Pattern[str]:
    return re.compile(rf"{_title_chain(kb)}\s+of\s+(?:the\s+)?$")


@cache
def _role_patterns(kb: KB) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    chain = _title_chain(kb)
    return (
        re.compile(rf"{chain}(?P<portfolio>\s+(?:of|for)\s+(?:[A-Z][\w’'-]*,?\s+(?:and\s+)?){{0,4}}[A-Z][\w’'-]*)?"
                   r"\s*,?\s*$"),
        re.compile(rf"^\s*,\s*(?:(?:the|an?|its)\s+(?:[a-z][\w-]*\s+){{0,3}}?|the\s+(?:company|group|firm)[’']s\s+)?"
                   rf"(?:former\s+|acting\s+)?"
                   rf"(?:(?:a\s+)?[Mm]ember\s+of\s+the\s+(?:(?:[A-Z][\w-]*|of|the)\s+){{1,9}}and\s+)?{chain}"
                   rf"(?:\s+(?:of|at)\s+(?:the\s+)?)?"),
        re.compile(kb.title_re),
    )


def _nearest_title(before: re.Pattern[str], left: str) -> re.Match[str] | None:
    """The office before a name. A portfolio read across a comma may have swallowed somebody
    else's office and the title of this one (`Chairman of Xiamen Tungsten, and Longyan Mayor Li
    Zhen`): then the office after the last comma, when there is one."""
    m = before.search(left)
    if (m is not None and m.group("portfolio") and ", " in m.group("portfolio")
            and (near := before.search(left, left.rindex(", ") + 2)) is not None):
        return near
    return m


def find_roles(text: str, mentions: list[Mention], sents: list[tuple[int, int]], kb: KB) -> list[Role]:
    before, after, _ = _role_patterns(kb)
    orgish = [m for m in mentions if m.entity_type in ("organization", "place")]
    people = [m for m in mentions if m.entity_type == "person"]
    roles: list[Role] = []

    def org_ending_at(pos: int, state_office: bool = False) -> Mention | None:
        near = [o for o in orgish if pos - 40 <= o.end <= pos]
        for o in near:
            gap = text[o.end : pos]
            if _POSSESSIVE_GAP.fullmatch(gap) and (
                    o.entity_type == "organization" or o.kind in ("county", "city", "province")
                    or o.kind in ("country", "region") and gap[:1] in "’'"):  # `Malawi’s Minister of Mining`
                return o
        # `Baotou Municipal Party Committee Secretary`: the title begins inside the body's name
        covering = next((o for o in orgish if o.entity_type == "organization" and o.start < pos < o.end), None)
        if covering is not None:
            return covering
        for o in near:  # only when nothing ends right before the title
            gap = text[o.end : pos]
            if o.entity_type == "place" and (
                    o.kind in ("county", "city", "province") and _LEVEL_GAP.fullmatch(gap)  # `Chongzuo Municipal`
                    or state_office and _PORTFOLIO_GAP.fullmatch(gap)):  # `Northern Ireland’s Economy Minister`
                return o
        return None

    def place_or_org_at(pos: int) -> Mention | None:
        return next((o for o in orgish if o.start == pos), None)

    def org_starting_at(pos: int) -> Mention | None:
        for o in orgish:
            if o.start == pos and o.entity_type == "organization":
                return o
            if o.start == pos and o.kind in ("county", "city", "province"):
                return o
        return None

    def titles_after(p: Mention) -> tuple[list[str], Mention | None]:
        """The offices told after a name: `Ma Xianfeng, Party Secretary and Chairman of …`."""
        right = text[p.end : p.end + 200]
        titles: list[str] = []
        org: Mention | None = None
        if m := after.match(right):
            titles = _split_titles(m.group(1), kb)
            org = org_starting_at(p.end + m.end())
            if (org is None and (j := place_or_org_at(p.end + m.end())) is not None
                    and text.startswith(("’s ", "'s "), j.end)):
                org = org_starting_at(j.end + 3) or j  # `a state secretary at Germany’s Federal Ministry for …`
            if (org is None and m.group().endswith("of ")
                    and (pf := _portfolio_after().match(text, p.end + m.end()))):
                org = _ministry(kb, "of " + pf.group(), orgish, titles)  # `Vice Minister of Industry and …`
            if (org is None and m.group().rstrip().endswith(("of", "of the"))
                    and (body := _UNNAMED_BODY.match(text, p.end + m.end()))
                    and (mt := _more_titles(kb).match(text, body.end(), body.end() + 120))
                    and (org := org_starting_at(mt.end())) is not None):
                # `Deputy Secretary of the Party Committee and Chairwoman of the Inner
                # Mongolia Autonomous Region`: both offices are of the place named last
                titles += _split_titles(mt.group(1), kb)
            if org is None and (head := _INSTITUTION_AFTER.match(text, p.end + m.end())):
                # `Wang Jianguo, Party Secretary of the university`: the university named last
                org = _last_named(orgish, head.group(1).title(), p.start)
            if org is None and (gov := _GOVERNMENT_AFTER.match(text, p.end + m.end())):
                # `Ma Xiangyun, Vice Chairman of the regional government`: the region named last
                org = _last_place(orgish, _GOVERNMENT_KINDS[gov.group(1)], p.start)
        elif ((m := _COMMA_THE.match(right)) and (j := place_or_org_at(p.end + m.end()))
              and (tm := _title_after_jurisdiction(kb).match(text, j.end, j.end + 200))
              and (tm.group(2) or not _NAME_NEXT.match(text, tm.end()))):
            # `Chris Wright, the U.S. Secretary of Energy`: the place names the office (not `Marc
            # Ferracci, Solvay CEO Philippe Kehren`: that office is the next name's)
            titles = _split_titles(tm.group(1), kb)
            # (or the place alone when no body follows: `the U.S. Under Secretary of State for …`)
            org = (org_starting_at(tm.end()) if tm.group(2) else None) or j
        return titles, org

    prev_end = 0
    for p in people:
        s0 = next((s for s, e in sents if s <= p.start < e), 0)
        # a title before a name never reaches back over another person's name: `France’s Minister
        # for Industry Sébastien Martin and Carester President Frédéric Carencotte`
        s0, prev_end = max(s0, prev_end), p.end
        left = text[s0 : p.start]
        if (left.endswith(_RANK_ENDS) and (rank := _RANK_BEFORE.search(left))
                and not ((t := before.search(left)) and t.end(1) > rank.start())):
            left = left[: rank.start()]  # `KIA spokesman Colonel Naw Bu`: the office before the rank
            # (not the `General` of `First Deputy Director General Kirill Komarov`: a title's word)
        org: Mention | None = None
        titles: list[str] = []
        start = p.start
        j = next((o for o in reversed(orgish) if o.end <= p.start and o.start >= s0), None)
        if (j is not None and not text[j.end : p.start].strip()
                and (m := _title_of_the(kb).search(text, s0, j.start))):
            # `Vice Chairman of the Autonomous Region Liu Lei`: the office of the place before the name
            titles = _split_titles(m.group(1), kb)
            start = m.start()
            org = j
        elif m := _nearest_title(before, left):
            titles = _split_titles(m.group(1), kb)
            start = s0 + m.start()
            org = org_ending_at(start, any(t in _STATE_TITLES for t in titles))
            if org is not None:
                start = org.start
            elif m.group("portfolio"):  # `Vice Minister of Industry and …`: that ministry
                org = _ministry(kb, m.group("portfolio"), orgish, titles)
            elif inst := _INSTITUTION_BEFORE.search(text, max(s0, start - 16), start):
                org = _last_named(orgish, inst.group(1).title(), start)
            elif unit := _PLACE_UNIT_BEFORE.search(text, max(s0, start - 12), start):
                org = _last_named(orgish, unit.group(1), start, "place")  # `Banner Party Secretary Bao Yuming`
            elif of := _OF_AFTER_NAME.match(text, p.end):
                org = org_starting_at(of.end())  # `Professor Yan Chunhua of Peking University`
            elif pw := _PORTFOLIO_WORD_BEFORE.search(text, max(s0, start - 30), start):
                # `India’s Ministry of Mines opened bids … Mines Secretary V. L. Kantha Rao said …`:
                # the ministry of that portfolio, named in this sentence or the one before
                prev = max((a for a, _ in sents if a < s0), default=s0)
                org = next((o for o in orgish if o.entity_type == "organization" and prev <= o.start < start
                            and o.canonical in (f"Ministry of {pw[1]}", f"Department of {pw[1]}")), None)
            # `Professor Zhao Wenyu, Director of the university’s School …`: his offices told after too
            more, more_org = titles_after(p)
            roles += [Role(p.canonical, t, more_org.canonical if more_org else None, p.start, p.end) for t in more]
        else:
            titles, org = titles_after(p)
        for t in titles:
            organization = org.canonical if org is not None else None
            roles.append(Role(p.canonical, t, organization, start, p.end))
        # `…, Deputy Secretary of the Ganzhou Municipal Party Committee and Mayor of Ganzhou`
        # (`… and Chairman Meng Fanying` is somebody else: the further office needs its `of`)
        while org is not None and titles and (m := _more_titles(kb).match(text, org.end, org.end + 120)):
            titles = _split_titles(m.group(1), kb)
            org = org_starting_at(m.end())
            for t in titles if org is not None else ():
                roles.append(Role(p.canonical, t, org.canonical, start, p.end))

    # A title without an organization takes the person's organization from another role in the
    # article, else the nearest company named earlier in the sentence, else the company the
    # article is about (never for state titles).
    main_org = _main_organization(mentions, _headline(text))
    places_named = {o.canonical for o in orgish if o.entity_type == "place"}
    known = {}
    for r in roles:
        if r.organization and r.title not in _STATE_TITLES:
            known.setdefault(r.person, r.organization)
    for r in roles:
        # (a title after `Workshop`, `Plant` …: a company's office, whatever the title: `Workshop director`)
        state = r.title in _STATE_TITLES and not _UNIT_BEFORE_TITLE.search(text, max(0, r.start - 12), r.start)
        if r.organization or state or _cabinet_office(text, r):
            continue
        if r.person in known:
            r.organization = known[r.person]
            continue
        if r.title in _DEPUTY_OF and (head := next((o.organization for o in roles if o.title in _DEPUTY_OF[r.title]
                                                    and o.organization in places_named), None)):
            r.organization = head  # `Vice Chairman Huang Zhiqiang` where `Wang Lixia, Chairwoman of the
            continue  # Autonomous Region` leads the meeting: the deputy of that government
        s0 = next((s for s, e in sents if s <= r.start < e), 0)
        prior = [o for o in orgish if o.entity_type == "organization" and s0 <= o.start < r.start
                 and o.kind not in _BODY_KINDS and not _listing(text, o)  # (`(Nasdaq: USAR)`)
                 # (`the group’s Party Committee Theoretical Study Center Group held …, chaired by
                 # Party Secretary and Chairman Meng Fanying`: a body inside the company, not his employer)
                 and not _INNER_BODY.match(o.canonical)
                 # (`At Sichuan Jiangtong Rare Earth Co., Ltd., a subsidiary of Jiangxi Copper, General
                 # Manager Yang Hai`: the parent named in passing is not the one meant)
                 and not _PARENT_BEFORE.search(text, max(s0, o.start - 30), o.start)
                 # (`At Zibo Jiahua, which Shenghe bought from Neo …, Huang … met plant manager Sun
                 # Wei`: companies in an aside are not the setting)
                 and not _inside(_ASIDE, text, o.start, s0, r.start)]
        if prior:
            r.organization = prior[-1].canonical
        elif ((ref := _THE_INSTITUTION.search(text, max((a for a, _ in sents if a < s0), default=s0), r.start))
              and (inst := _last_named(orgish, ref.group(1).title(), r.start)) is not None):
            r.organization = inst.canonical  # `…, the institute said. Deputy Director Gao Wei, who led the
            # project team, said …`: the institute's
        elif subject := _subject_before(text, s0, sents, orgish):
            r.organization = subject  # `5. JL Mag opened a line … Chairman Cai Baogui called it …`
        elif main_org:  # `where General Manager Lü Feng presented`: the article's company
            r.organization = main_org
    # `President and Chief Executive Officer Mark Chalmers`: a company's president, as the office
    # named with it (a state title only when it stands alone)
    chain_org = {(r.person, r.start): r.organization for r in roles
                 if r.organization and r.title not in _STATE_TITLES}
    for r in roles:
        if r.title in _COMPANY_TOO and r.organization is None and (r.person, r.start) in chain_org:
            r.organization = chain_org[(r.person, r.start)]
    _state_office_places(text, roles, sents, orgish, kb)
    seen = set()
    out = []
    for r in roles:
        if r.organization and r.organization.endswith("Party Committee") and r.title.startswith("Party Committee "):
            r.title = r.title[len("Party Committee ") :]  # `Baotou Municipal Party Committee Secretary`
        key = (r.person, r.title, r.organization)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


@cache
def _demonyms() -> tuple[re.Pattern[str], dict[str, str]]:
    country = demonyms()
    return re.compile(rf"\b({trie_regex(list(country))})\s+(?:[A-Z][a-z]+\s+){{0,2}}$"), country  # `French Industry`


_COUNTRY_BEFORE = re.compile(r"(?:[’']s)?\s+(?:[A-Z][a-z]+\s+){0,2}$")  # (after the country's name)
_HEADS = {"Prime Minister", "Premier", "President", "Chief Minister", "Governor"}
_LOCAL_OFFICES = {"Mayor": ("city",), "Vice Mayor": ("city",), "Deputy Mayor": ("city",),
                  "Governor": ("province",), "Vice Governor": ("province",)}


_MINISTER_OF = re.compile(r"(?:,\s+(?:the\s+)?)?(?:(?:Vice |Deputy )?Minister|Cabinet Secretary) (?:of|for) [A-Z]")  # (`Name, Minister of …`)
_FEDERATIONS = {"Germany", "United States", "Australia", "Canada", "Brazil", "India", "Malaysia", "Russia",
                "Mexico", "Austria", "Switzerland", "Belgium", "Nigeria", "Argentina"}


def _country_counts(orgish: list[Mention]) -> dict[str, int]:
    """How often the article names each country."""
    counts: dict[str, int] = {}
    for o in orgish:
        if o.entity_type == "place" and o.kind == "country":
            counts[o.canonical] = counts.get(o.canonical, 0) + 1
    return counts


def _federal_country(orgish: list[Mention]) -> str | None:
    """The federation an article names most: whose `Federal Minister` it is."""
    counts = {c: n for c, n in _country_counts(orgish).items() if c in _FEDERATIONS}
    return max(counts, key=counts.get) if counts else None


def _main_country(orgish: list[Mention]) -> str | None:
    """The country an article is about: the only one it names, or one named at least twice as
    often as any other (`… Madagascar …` five times, `Australia’s Base Resources` once)."""
    counts = _country_counts(orgish)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or len(ranked) > 1 and ranked[0] < 2 * ranked[1]:
        return None
    return max(counts, key=counts.get)


_LED_BY_BEFORE = re.compile(r",\s+led by\s+$")


def _state_office_places(text: str, roles: list[Role], sents: list[tuple[int, int]],
                         orgish: list[Mention], kb: KB) -> None:
    """The country or city of a state office named without one: `Malaysian Prime Minister Anwar
    Ibrahim`, a minister in the same sentence as his prime minister, `Mayor Li Hong` in an article
    about Ganzhou (the city named last before)."""
    pending = [r for r in roles if r.organization is None and r.title in _STATE_TITLES]
    if not pending:
        return
    demonym, country = _demonyms()
    countries = {o.end: o for o in orgish if o.entity_type == "place" and o.kind == "country"}
    for r in pending:
        if (led := _LED_BY_BEFORE.search(text, max(0, r.start - 12), r.start)) and (body := next(
                (o for o in orgish if o.end == led.start() and o.entity_type == "organization"), None)):
            r.organization = body.canonical  # `a delegation from … Ministry of Mining Industry and
            # Geology, led by Deputy Minister Bakhodir Yusupov`: the office is the body's
        elif (text.endswith("Regional ", 0, r.start)
              and (region := _last_place(orgish, ("province", "state"), r.start))):
            r.organization = region.canonical  # `Regional Minister … Mercedes Gómez` in an article
            # about Castilla-La Mancha: the region's government, not the country's
        elif d := demonym.search(text, max(0, r.start - 45), r.start):
            r.organization = country[d.group(1)]
        elif (c := _COUNTRY_BEFORE.search(text, max(0, r.start - 45), r.start)) and c.start() in countries:
            r.organization = countries[c.start()].canonical  # `U.S. Ambassador Jonathan Henick`
        elif (w := word_before(text, r.start)) and (place := next(
                (o for o in orgish if o.entity_type == "place" and o.kind in ("county", "city", "province")
                 and (o.surface == w or o.surface.startswith(w + " "))), None)):
            r.organization = place.canonical  # `Kwale Governor Fatuma Achani` in an article naming Kwale County
    for r in pending:  # `Western Australian Premier Roger Cook` … `Premier Roger Cook toured`
        if r.organization is None:
            r.organization = next((o.organization for o in roles if o.person == r.person and o.title == r.title
                                   and o.organization), None)
    for r in pending:
        if r.organization is not None:
            continue
        s0 = next((s for s, e in sents if s <= r.start < e), r.start)
        # (the head of that government named first: `Resources Minister Madeleine King toured … with
        # Northern Territory Chief Minister …` is not the territory's minister)
        peer = next((o.organization for o in roles if o is not r and o.organization and o.title in _HEADS
                     and s0 <= o.start < r.start and (e := kb.aliases.get(o.organization)) is not None
                     and e.entity_type == "place" and e.kind in ("country", "province")), None)
        if peer is not None:
            r.organization = peer  # `the Prime Minister … with Minister of Trade …`: one government
        elif r.title in _HEADS and r.person in kb.heads_of:
            r.organization = kb.heads_of[r.person]  # `President Donald Trump`: the knowledge base's
        elif r.title in _LOCAL_OFFICES:
            # the city whose party committee leads the visit (`Secretary of the Ganzhou Municipal
            # Party Committee … in Longnan City. Vice Mayor Xie Xiaoyun`), else the one named last
            named = [o for o in reversed(orgish) if o.start < r.start
                     and o.entity_type == "place" and o.kind in _LOCAL_OFFICES[r.title]]
            led = next((o.canonical for o in named if r.title.endswith("Mayor") and any(
                x.organization == f"{o.canonical} Municipal Party Committee" for x in roles)), None)
            r.organization = led or next((o.canonical for o in named), None)
        elif r.title == "Premier" and _main_country(orgish) != "China" and (
                region := _last_place(orgish, ("province", "state"), r.start) or next(
                    (o for o in orgish if o.entity_type == "place" and o.kind in ("province", "state")), None)):
            r.organization = region.canonical  # `Premier Scott Moe` in an article about Saskatchewan:
            # the premier of a province or state (China's is the knowledge base's, above)
        elif "Federal " in text[max(0, r.start - 8) : r.start + 8]:
            r.organization = _federal_country(orgish)  # `Federal Minister for Economic Affairs …`
        elif ((_MINISTER_OF.match(text, r.start) or _MINISTER_OF.match(text, r.end)
               or r.title in ("Prime Minister", "Deputy Prime Minister"))
              and (main := _main_country(orgish)) is not None):
            r.organization = main  # `Minister of Energy …` in an article about one country


@cache
def _portfolio_after() -> re.Pattern[str]:
    """A portfolio read forwards: `Industry and Information Technology`."""
    words = portfolio_alternation(None)
    return re.compile(rf"(?:{words}),?(?:\s+(?:and\s+|&\s+)?(?:{words})(?![\w-]))*")


@cache
def _portfolio_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{portfolio_alternation(None)})\s+$")


def _cabinet_office(text: str, r: Role) -> bool:
    """`Commerce Secretary Howard Lutnick`: a secretary of a portfolio holds a state office, so no
    company of the article is his."""
    return r.title == "Secretary" and _portfolio_before().search(text, max(0, r.start - 20), r.start) is not None


_LIST_MARK = re.compile(r"\s*(?:\d+[.)]\s+|[-•*]\s+)?")


_DATELINE_OPENING = re.compile(r"[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2}(?:, [A-Z][a-z]+\.? \d{1,2}(?:, \d{4})?)? [—–] ")


def _subject_before(text: str, s0: int, sents: list[tuple[int, int]], orgish: list[Mention]) -> str | None:
    """The company that opens the sentence before the one at `s0` (its subject)."""
    prev = next((s for s, e in sents if e <= s0 and text[e:s0].strip() == ""), None)
    if prev is None:
        return None
    head = _LIST_MARK.match(text, prev).end()
    if d := _DATELINE_OPENING.match(text, head):  # `PERTH, October 22 — Arafura Rare Earths Ltd said …`
        head = d.end()
    if _JOINT_SUBJECT.match(text, head):
        return None  # `Hyundai and Kia will also provide …`: two companies, neither is `the company`
    if text.startswith("At ", head) and (comma := text.find(",", head, s0)) != -1:
        # `At the Longnan County mining area of Ganzhou Rare Earth Group, Ye asked …`: the company
        # the visit was at, named in the opening phrase
        return next((o.canonical for o in orgish if head < o.start < comma and o.entity_type == "organization"
                     and o.kind not in _BODY_KINDS | {"government"}), None)
    if text.startswith(("Its ", "Their "), head):
        # `… Jinmeng Rare Earth Company. Its extraction workshop replaced …`: the company named last in
        # the sentence before (none there, `The company produced …`: no guess)
        before = next((a for a, e in sents if e <= prev and text[e:prev].strip() == ""), prev)
        return next((o.canonical for o in reversed(orgish) if before <= o.start and o.end <= prev
                     and o.entity_type == "organization" and o.kind not in _BODY_KINDS | {"government"}), None)
    if _FROM_THE_COMPANY.search(text, head, s0):
        return None  # `Apple separately committed $500 million to buy magnets from the company.`: the
        # subject deals with the article's company, whose officer the next bare title more likely is
    return next((o.canonical for o in orgish if o.start == head and o.entity_type == "organization"
                 and o.kind not in _BODY_KINDS | {"government"}), None)


def _ministry(kb: KB, portfolio: str, named: list[Mention] = (), titles: list[str] = ()) -> Mention | None:
    """The ministry a `Minister of <portfolio>` heads, when the knowledge base knows it or the
    article names it (`Kazakhstan’s Ministry of Industry and Construction`); a `Secretary of
    <portfolio>` heads a department (`Deputy Secretary of Defense`: the Department of Defense)."""
    head = "Department " if titles and titles[-1].endswith("Secretary") else "Ministry "
    name = head + " ".join(portfolio.split())
    e = kb.aliases.get(name)
    if e is None or e.entity_type != "organization":
        return next((o for o in named if o.entity_type == "organization" and o.canonical == name), None)
    return Mention(-1, -1, e.canonical, "organization", e.canonical)


def _headline(text: str) -> tuple[int, int]:
    """Where the headline's words start and where it ends: the first line, or in a page with no
    title line (`Highlights` first, as the samples are) the first highlight."""
    end = text.find("\n")
    if not text.startswith("Highlights") or end == -1:
        return 0, end
    start = end + 1
    while text.startswith("\n", start):  # (blank lines after `Highlights`)
        start += 1
    start = _LIST_MARK.match(text, start).end()
    end = text.find("\n", start)
    return start, end if end != -1 else len(text)


def _main_organization(mentions: list[Mention], headline: tuple[int, int] = (0, 0)) -> str | None:
    """The most-mentioned company of the article, when one clearly leads (`headline`: where the
    headline's words start and end, as `_headline` gives them)."""
    title_start, title_end = headline
    counts: dict[str, int] = {}
    for m in mentions:
        if m.entity_type == "organization" and m.kind not in _BODY_KINDS | {"government", "exchange"}:
            counts[m.canonical] = counts.get(m.canonical, 0) + 1
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
        return ranked[0][0]
    # a tie among the most named: the one company of the headline (`Ionic Rare Earths Opens …`)
    first = next((m for m in mentions if m.entity_type == "organization"), None)
    if first is not None and first.start < title_end:
        headline = {m.canonical for m in mentions if m.start < title_end and m.canonical in counts}
        # (or the headline's subject: `- Arafura Rare Earths signed … with Hyundai Motor and Kia`)
        if (len(headline) == 1 or first.start == title_start) and counts.get(first.canonical) == ranked[0][1]:
            return first.canonical
    return None


_COPULA_BEFORE = re.compile(r"\b(?:(?:is|was|are|were|be|remains|remained|becomes|became)\s+"
                            # (or what the speaker named something: `called Ngualla “the first of many”`,
                            # `described the deal as “a turning point”`)
                            r"|(?:called|calls|described|describes|termed|terms|dubbed|dubs)\s+(?!(?:for|on)\s)"
                            r"(?:[\w’'-]+\s+){1,4}(?:as\s+)?)$")
_DIRECTIVE_TO = re.compile(r"\b(?:asked|urged|called on|required|instructed|told|directed)\s+(?:[\w’'-]+\s+){1,6}?to\s+$")
_RELATIVE_CLAUSE = re.compile(r",\s+who\s[^,]*,")  # `Sarah Jones, who toured the plant with Mann, said`
_ASIDE = re.compile(r",\s+(?:which|whose)\s[^,]*,")  # `At Zibo Jiahua, which Shenghe bought from Neo, …`


def _inside(clause: re.Pattern[str], text: str, pos: int, start: int = 0, end: int | None = None) -> bool:
    """`pos` lies in a `clause` found in `text[start:end]`."""
    return any(c.start() < pos < c.end() for c in clause.finditer(text, start, len(text) if end is None else end))


def _in_relative_clause(left: str, pos: int) -> bool:
    """`Sarah Jones, who toured the plant with Mann, said …`: Mann is not the speaker."""
    return ", who" in left and _inside(_RELATIVE_CLAUSE, left, pos)


_NAME_NEXT = re.compile(r"\s+[A-Z]")
_COMMA_THE = re.compile(r"\s*,\s*(?:the\s+)?")
_INNER_BODY = re.compile(r"(?:Party|Standing|Theoretical|Discipline|Leading) ")  # a body named without its owner
_UNIT_BEFORE_TITLE = re.compile(r"\b(?:[Ww]orkshop|[Pp]lant|[Ff]actory|[Mm]ine|[Ss]melter) $")
_RANK_ENDS = tuple(f"{r} " for r in _RANKS)
# one rank (`Major General`, `Field Marshal`, `Comrade`): `Director General Major General Syed Abbas`
# holds the office `Director General` before the rank
_RANK_BEFORE = re.compile(rf"(?:{'|'.join(sorted(set(_RANK_LEADS) | _RANKS, key=len, reverse=True))}) $")
# `of the university`: an institution named before by its full name (not `the company`, which is
# the article's company when no other is near)
_INSTITUTIONS = "university|institute|academy|college"  # a body a later `the institute` refers back to
_INSTITUTION_AFTER = re.compile(rf"(?:the\s+)?({_INSTITUTIONS}|bank|fund|branch)\b(?![\w-])")  # (and `…’s`)
# `university Vice President Wang Li`, `Bureau Director Liu Hongbo`: of the one named before
_PLACE_UNIT_BEFORE = re.compile(r"(?<![\w-])(Banner|County|Prefecture) $")  # (the one named before)
_GOVERNMENT_AFTER = re.compile(r"(regional|provincial|municipal|city|county) government\b")
_GOVERNMENT_KINDS = {"regional": ("province", "region"), "provincial": ("province",), "municipal": ("city",),
                     "city": ("city",), "county": ("county",)}
_OF_AFTER_NAME = re.compile(r" of (?:the )?(?=[A-Z])")
_INSTITUTION_BEFORE = re.compile(rf"\b((?i:{_INSTITUTIONS})|Bureau|Administration|Commission)"
                                  r"(?:[’']s)? $")  # (`Institute President Zhang Anwen`, `university President …`)
_THE_INSTITUTION = re.compile(rf"\bthe ({_INSTITUTIONS})(?:[’']s)?\b")


def _last_place(orgish: list[Mention], kinds: tuple[str, ...], before: int) -> Mention | None:
    """The last place of one of `kinds` named before `before` (`the regional government`: the region)."""
    return next((o for o in reversed(orgish)
                 if o.end <= before and o.entity_type == "place" and o.kind in kinds), None)


def _last_named(orgish: list[Mention], head: str, before: int, kind: str = "organization") -> Mention | None:
    """The last organization (or place) before `before` whose name holds the word `head`
    (`University`, `Banner`)."""
    return next((o for o in reversed(orgish) if o.end <= before and o.entity_type == kind
                 and head in o.canonical.split()), None)


_UNNAMED_BODY = re.compile(r"(?:Party |Standing )*(?:Committee|Government|Congress)(?=\s+and\s)")


@cache
def _title_after_jurisdiction(kb: KB) -> re.Pattern[str]:
    return re.compile(rf"(?:’s|'s)?\s+{_title_chain(kb)}(\s+(?:of|at)\s+(?:the\s+)?)?")


@cache
def _more_titles(kb: KB) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:,\s*)?and\s+(?:the\s+)?{_title_chain(kb)}\s+(?:of|at)\s+(?:the\s+)?")


def _split_titles(chain: str, kb: KB) -> list[str]:
    canonical = _canonical_titles(kb)
    return [canonical.get(t, t) for t in _role_patterns(kb)[2].findall(chain)]


@cache
def _canonical_titles(kb: KB) -> dict[str, str]:
    return {t.lower(): t for t in kb.titles} | _TITLE_ABBREVIATIONS


_TITLE_ABBREVIATIONS = {"Sen.": "Senator", "Gov.": "Governor", "Rep.": "Representative"}


# --- events -----------------------------------------------------------------------------------

_FAMILY = {"visit": "visit", "inspection": "visit", "award": "ceremony", "opening": "ceremony"}  # one event, two names


def _family(ev: Event) -> str:
    """An event's kind, with the kinds that name one event twice as one (an inspection is a visit)."""
    return _FAMILY.get(ev.event_type, ev.event_type)


_DECREE = re.compile(r"\s+(?:an?|the)\s+(?:[A-Z][\w-]*\s+|executive\s+|presidential\s+){0,3}(?:decree|order|law|regulations?|directive)\b")
_INFINITIVES = {"inspect", "visit", "meet", "sign"}  # `a delegation to Ganzhou to inspect …`
_LIST_WORD = re.compile(r"\b(?:and|or|for|of|to)\s+$", re.IGNORECASE)


@dataclass
class Event:
    event_type: str
    start_date: date | None
    end_date: date | None
    start_md: str | None
    end_md: str | None
    date_text: str | None
    people: list[str]
    organizations: list[str]
    location: str | None
    trigger: str
    start: int
    end: int
    sentence: int
    definite: bool = False  # `at the ceremony`: refers back to an event already named
    also: tuple[str, ...] = ()  # other kinds the sentence names: `announced … during a visit`
    reported: bool = False  # dated by who told of it: `has signed …, the company said on July 24`


_PLACE_RANK = {"county": 0, "city": 0, "mine": 0, "province": 2}
_DEFINITE = ("the ", "this ", "that ", "The ", "This ", "That ")


def find_events(text: str, mentions: list[Mention], sents: list[tuple[int, int]], roles: list[Role],
                year: int | None, kb: KB, skip: list[tuple[int, int]],
                dates: list[DateSpan] | None = None, low: str | None = None) -> list[Event]:
    """One event per sentence with a trigger; `dates` are the document's (find_dates), `low`
    its lowered() text, both computed here when not given."""
    low = low if low is not None else lowered(text)
    dates = dates if dates is not None else find_dates(text, year)
    date_pos = [d.pos for d in dates]
    date_starts = set(date_pos)
    mention_starts = [m.start for m in mentions]
    person_org = {}
    for r in roles:
        if r.organization and r.title not in _STATE_TITLES:
            person_org.setdefault(r.person, r.organization)
    events: list[Event] = []
    hits: dict[int, list[re.Match[str]]] = {}
    main_org_of = cache(lambda: _main_organization(mentions, _headline(text)))  # only when asked

    starts = [s for s, _ in sents]
    for m in kb.trigger_low.finditer(low) if low is not None else kb.trigger_re.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0:
            hits.setdefault(i, []).append(m)
    for i in sorted(hits):
        s, e = sents[i]
        if any(a <= s < b for a, b in skip):
            continue
        best = None
        kinds: list[str] = []
        accepted: list[tuple[str, int, re.Match[str]]] = []
        earlier: list[tuple[str, re.Match[str]]] = []
        j = bisect.bisect_left(date_pos, s)
        d_in = dates[j] if j < len(dates) and dates[j].pos < e else None
        at = _AT_GATHERING.search(text, s, e) if len(hits[i]) > 1 else None
        back = _AFTER_EVENT.match(text, s) if len(hits[i]) > 1 else None
        for m in hits[i]:
            word = m.group().lower()  # (the match may be on `low`)
            if at is not None and at.start(1) <= m.start() < at.end(1):
                continue  # `At the opening ceremony, 28 projects were signed`: the setting, not the event
            if back is not None and m.start() < back.end():
                continue  # `After the inspection, Zhang chaired a symposium`: the event told before
            if word == "agreed" and text.startswith(" that", m.end()) and not _the_two(text, s, e):
                continue  # `the panel agreed that the standard was “advanced and practical”`: a view
            if (before := _NO_EVENT_AFTER.get(word)) is not None and before.search(text, max(s, m.start() - 20), m.start()):
                continue  # `At the 38th meeting of …`, `a winning partner`: see _NO_EVENT_AFTER
            if (after := _EVENT_ONLY_BEFORE.get(word)) is not None and not after.match(
                    text, m.end(), min(e, m.end() + _AFTER_REACH)):
                continue  # `is committed to safety`, `unveiled a plan`, `named CEO`: no event
            if text.endswith(("before the ", "after the ", "Before the ", "After the "), max(s, m.start() - 11), m.start()):
                continue  # `met Yoji Muto before the signing`, `The day after the inspection, …`: the
                # signing, the inspection are told as when, not as news
            if _AFTER_AN.search(text, max(s, m.start() - 30), m.start()):
                earlier.append((kb.triggers[word][0], m))  # `fined … on November 27, after a two-week
                continue  # inspection`: an event before the one the sentence dates, its day untold
            if (_LIST_WORD.search(text[max(s, m.start() - 5) : m.start()])
                    and not (m.group() in _INFINITIVES and text[m.start() - 3 : m.start()] == "to ")
                    and word != "held talks"):  # (`led a delegation to Xinjiang and held talks`)
                continue  # "training and assessment": a noun in a list, not an event
            if text.startswith(" call", m.end()) or text[m.start() - 3 : m.start()] == "in ":
                continue  # a `conference call` is not a gathering, `in talks` not an event yet
            if m.group() == "talks" and (_ONGOING.search(text, s, e) or d_in is None
                                         and not text[max(s, m.start() - 5) : m.start()].endswith(("held ", "the "))):
                continue  # `talks … were continuing`, `offtake talks … were in the final stage`: no meeting on a day
            if (m.group().endswith(" on") and m.end() + 1 not in date_starts
                    and not (d_in is not None and _WEEKDAY.match(text, m.end() + 1))):
                continue  # `said on September 3, 2025 that …` is a statement only with its date
                # (or a weekday in a sentence that has one: `MONTREAL, March 4 — … announced on Wednesday`)
            if word in _STATEMENT_TRIGGERS and not (
                    (on := _TO_BODY_ON.match(text, _statement_end(text, m))) is not None
                    and (on.end() in date_starts or d_in is not None and _WEEKDAY.match(text, on.end()))):
                continue  # `said in a filing to the Shenzhen Stock Exchange on August 18`: dated by its own `on`
            if _SPIRIT_OF.search(text, max(s, m.start() - 60), m.start()):
                continue  # `studied the spirit of the Central Economic Work Conference`: what was studied
            if text[m.start()].isupper() and _BODY_AFTER_TRIGGER.match(text, m.end()):
                continue  # `Foreign Investment Review Board`: a body's name, no review
            if text[m.start() - 6 : m.start()] == "under " and word in _STATUS_NOUNS:
                continue  # `construction … remained under review`: a state of things, no event
            if _NEGATED.search(text, max(s, m.start() - 16), m.start()):
                continue  # `has not yet signed a … deal`: nothing happened
            if word in _MEANS_NOUNS and _MEANS_BEFORE.search(text, max(s, m.start() - 80), m.start()):
                continue  # `backed by an $18.4 million Department of Defense award`, `under their supply
                # agreement`: what the news rests on, not what it reports
            if d_in is None and word in _DATED_TRIGGERS:
                continue  # `the loan will fund …`: a loan is an event when the sentence dates it
            if d_in is None and _PLANNED.search(text, max(s, m.start() - 40), m.start()):
                continue  # `plan to sign an agreement before the end of the year`: not yet an event
            if _CONDITION.search(text, max(s, m.start() - 60), m.start()):
                continue  # `approval would depend on a detailed environmental impact assessment`: a condition
            bids = word in ("opened", "opens") and _OPENED_BIDS.match(text, m.end()) is not None
            if word in ("opened", "opens") and not bids and _NOT_OPENED.match(text, m.end()):
                continue  # `opened an investigation`: no plant was opened
            if (after := _NO_EVENT_BEFORE.get(word)) is not None and after.match(text, m.end()):
                continue  # `enough to meet Japan’s demand`: see _NO_EVENT_BEFORE
            etype, prio = kb.triggers[word]
            if etype == "ceremony" and _OPENING.search(text, max(s, m.start() - 9), m.start()):
                etype = "opening ceremony"  # `attended the opening ceremony`: part of the gathering before
            if etype == "agreement" and _DECREE.match(text, m.end()):
                etype = "announcement"  # `signed a State Council decree to promulgate …`
            if bids:
                etype = "announcement"  # `opened bids for six rare earth blocks`: an auction announced
            kinds.append(etype)
            accepted.append((etype, prio, m))
            if best is None or prio < best[1]:
                best = (etype, prio, m)
        if best is None and not earlier:
            continue
        if heading_line(text, s, e):
            continue  # `… Forum Opens, 28 Projects Signed`: the headline of what the body reports
        in_sentence = [x for x in dates[j:] if x.pos < e and x.stop <= e
                       and not _PERIOD_END.search(text, max(s, x.pos - 24), x.pos)] if d_in is not None else []
        # `NEW YORK, September 24, 2025 — X said it had signed … on September 22`: the dateline
        # dates the report, not the event, when the sentence has a date of its own
        # (not a date the news points to: `which will take effect on October 1`)
        own = [x for x in in_sentence if not _is_dateline(text, x)
               and not _TAKES_EFFECT.search(text, max(s, x.pos - 30), x.pos)]
        day = next(iter(own), None) or next(iter(in_sentence), None)
        # who and what the sentence names (the same for every event it tells)
        inside = mentions[bisect.bisect_left(mention_starts, s) : bisect.bisect_left(mention_starts, e)]
        named = _unique(m.canonical for m in inside if m.entity_type == "person")
        orgs = _unique(m.canonical for m in inside if m.entity_type == "organization"
                       and kb.orgs_by_canonical.get(m.canonical, None) is None
                       or (m.entity_type == "organization"
                           and kb.orgs_by_canonical[m.canonical].kind != "media" and not _listing(text, m)))
        orgs += [person_org[p] for p in named if p in person_org and person_org[p] not in orgs]
        if (_THE_COMPANY.search(text, s, e) and (main_org := main_org_of()) is not None
                and main_org not in orgs):
            orgs.append(main_org)  # `the company had signed a supply agreement with Ford`
        if (not orgs and (ref := _THE_INSTITUTION.search(text, s, e))
                and (inst := _last_named(mentions, ref.group(1).title(), s)) is not None):
            orgs.append(inst.canonical)  # `two of the institute’s projects won first prizes`: the
            # institute named last before
        places = [m for m in inside if m.entity_type == "place"
                  and not text.endswith(("outside ", "beyond "), max(0, m.start - 8), m.start)]  # (`outside China`)
        plan = _events_by_date(accepted, own) or ([(best[0], best[2], day)] if best is not None else [])
        if len(plan) == 1 and plan[0][0] != "visit" and plan[0][2] is not None and (tour := next(
                (m for etype, _, m in accepted if etype == "visit" and m.end() < plan[0][2].pos
                 and _DURING_A.search(text, max(s, m.start() - 30), m.start())), None)):
            # `The agreement was signed in Astana during a visit from April 8 to 10 by a German business
            # delegation`: the dates after the visit are its, an event of its own (the agreement is
            # undated here); not `announced the guarantees on October 2 during a visit to …`: one event
            plan = [(plan[0][0], plan[0][1], None), ("visit", tour, plan[0][2])]
        if len(plan) == 1 and plan[0][0] == "agreement" and day is not None and (gathering := next(
                (m for etype, _, m in accepted if _FAMILY.get(etype, etype) == "meeting"
                 and _SIGNED_AT.search(text, max(s, m.start() - 120), m.start())), None)):
            plan.append(("meeting", gathering, day))  # `28 projects … were signed at the 2025 Baotou
            # Rare Earth Industry Investment Promotion Conference`: the conference of that day too
        for etype, trig, d in plan + [(etype, trig, None) for etype, trig in earlier]:
            if etype == "opening ceremony":
                host = next((h for h in reversed(events) if _family(h) == "meeting"), None)
                etype = host.event_type if host is not None else "ceremony"
            people = list(named)
            # the most specific place; among equals, the one named as where (`in Baotou`)
            where = ("in ", "at ", "to ") if etype in ("visit", "inspection") else ("in ", "at ")  # (`delegation to Baotou`)
            # (not where visitors came from: `a delegation from Uzbekistan’s Ministry … visited Baogang`)
            there = places if etype not in ("visit", "inspection") else [
                m for m in places if not text.endswith("from ", max(s, m.start - 5), m.start)]
            location = min([m for m in there if m.kind not in ("country", "region")],
                           default=there[0] if there else None, key=lambda m: (
                _PLACE_RANK.get(m.kind, 1), text[max(s, m.start - 3) : m.start] not in where, m.start))
            # officials of the place met: `Keshiketeng Banner Party Secretary` (not of a place an
            # announcement concerns: a licence for a mine in Kwale County is not its governor's act)
            if (location is not None and etype != "announcement"
                    and not any(r.start <= location.start < r.end for r in roles)):
                # (not when the place only names somebody's office: `Vice Chairman of the Autonomous Region`)
                people += [r.person for r in roles if r.organization == location.canonical
                           and r.person not in people]
            if d is not None and not people and not orgs and _is_dateline(text, d):
                continue  # `BEIJING, Dec 20 (Reuters) - … as more export licences were approved`: the
                # wire's date and nobody acting, no event
            if d is not None and d.start is not None and d.end is None and _is_dateline(text, d):
                d = _on_weekday(d, text, s, e)  # `March 28, 2026 — … said on Friday`: March 27
            # `…, Shanghai Metals Market (SMM) said on December 12`: a price agency (media, no party
            # to others' news) that is itself the one saying, when nobody else acts
            source = ([m.canonical for m in inside if m.entity_type == "organization"
                       and _SOURCE_GAP.fullmatch(text, m.end, trig.start())][-1:]
                      if not orgs and not people and trig.group().endswith(" on") else [])
            events.append(Event(
                etype, d.start if d else None, d.end if d else None, d.start_md if d else None,
                d.end_md if d else None, d.text if d else None, people, list(orgs) + source,
                location.canonical if location else None, text[trig.start() : trig.end()], s, e, i,
                text[max(s, trig.start() - 5) : trig.start()].endswith(_DEFINITE)
                or _OPENING.search(text, max(s, trig.start() - 9), trig.start()) is not None
                or _THE_DEAL_AFTER.match(text, trig.end()) is not None  # `signed the agreement`
                or _THE_DELEGATION.search(text, s, trig.start()) is not None,  # `The delegation visited …`
                tuple(k for k in kinds if k != etype),
                d is not None and etype != "announcement" and any(  # (`said on Tuesday` under a dateline)
                    a.group().endswith(" on") and (a.end() + 1 == d.pos or _WEEKDAY.match(text, a.end() + 1))
                    for _, _, a in accepted),
            ))
    announcements = [ev for ev in events if ev.event_type == "announcement"]
    if announcements and "nnouncement" in text:
        for a in _THE_ANNOUNCEMENT.finditer(text):
            i = bisect.bisect_right(starts, a.start()) - 1
            if i < 0 or i in hits:
                continue
            ev = min(announcements, key=lambda x: (abs(x.sentence - i), x.sentence > i))
            ns, ne = sents[i]
            for m in mentions[bisect.bisect_left(mention_starts, ns) : bisect.bisect_left(mention_starts, ne)]:
                if m.entity_type == "person" and m.canonical not in ev.people:
                    ev.people.append(m.canonical)
    for k, ev in enumerate(events):
        # `The Work Conference was held in Baotou. Meng Fanying delivered a work report.`: a
        # gathering that names nobody takes the people of the next sentence when it has no event
        if not ev.people and ev.event_type in ("meeting", "ceremony") and ev.sentence + 1 not in hits:
            ns, ne = sents[ev.sentence + 1] if ev.sentence + 1 < len(sents) else (len(text), len(text))
            nxt = mentions[bisect.bisect_left(mention_starts, ns) : bisect.bisect_left(mention_starts, ne)]
            ev.people = _unique(m.canonical for m in nxt if m.entity_type == "person")
        # `… a delegation from Hoa Phat Group … led by its Vice Chairman Tran Tuan Duong. … The next
        # day, the delegation visited …`: who led the delegation named before
        if not ev.people and (ref := _THE_DELEGATION.search(text, ev.start, ev.end)) is not None and (
                led := [m.end() for m in _DELEGATION_LED_BY.finditer(text, 0, ev.start) if m.group(1) == ref.group(1)]):
            ev.people = [p.canonical for p in mentions[bisect.bisect_left(mention_starts, led[-1]):
                                                       bisect.bisect_left(mention_starts, led[-1] + 60)]
                         if p.entity_type == "person"][:1]
        # `She was accompanied by …`, `… received the delegation`: the sentences right after a
        # visit or meeting that name who went along (and have no event of their own)
        if ev.event_type in ("visit", "inspection", "meeting", "opening", "ceremony"):
            spoke = ev.event_type == "meeting" and _SPEECH_IN.search(text, ev.start, ev.end) is not None
            for nxt_i in (ev.sentence + 1, ev.sentence + 2):
                if nxt_i >= len(sents) or nxt_i in hits:
                    break
                ns, ne = sents[nxt_i]
                if not (_ATTENDANCE.search(text, ns, ne) or spoke and _SPOKE_NEXT.match(text, ns)):
                    continue  # (`… inspection on May 9th … Per Baogang Daily, … Meng was accompanied by …`)
                for m in mentions[bisect.bisect_left(mention_starts, ns) : bisect.bisect_left(mention_starts, ne)]:
                    if m.entity_type == "person" and m.canonical not in ev.people:
                        ev.people.append(m.canonical)
                        if (o := person_org.get(m.canonical)) and o not in ev.organizations:
                            ev.organizations.append(o)
        # `… a partnership with the Pentagon. Under the agreement, signed on July 9, …`: the
        # parties of `the agreement` were named in the sentence before
        if (ev.event_type == "agreement" and ev.sentence > 0
                and (ev.definite or _THE_AGREEMENT.search(text, ev.start, ev.end))):
            ps, pe = sents[ev.sentence - 1]
            for m in mentions[bisect.bisect_left(mention_starts, ps) : bisect.bisect_left(mention_starts, pe)]:
                if (m.entity_type == "organization" and m.canonical not in ev.organizations
                        and m.kind != "media" and not _listing(text, m)):  # (not `(ASX: SGQ)`)
                    ev.organizations.append(m.canonical)
        # `“…,” Hu Zhibin said after the ceremony`: the signing ceremony of the agreement before
        # (not when a ceremony was named after the agreement: `held a commissioning ceremony …
        # attended the ceremony` is that one)
        # (`… Whitfield told reporters after the ceremony`: that one, however far back)
        if (ev.event_type == "ceremony" and ev.definite and ev.start_md is None
                and (deal := next((h for h in reversed(events[:k]) if h.event_type in ("agreement", "ceremony",
                                                                                    "opening")), None)) is not None
                and deal.event_type == "agreement" and (ev.sentence - deal.sentence <= 3
                                                        or _AFTER_CEREMONY.search(text, ev.start, ev.end))):
            deal.people += [p for p in ev.people if p not in deal.people]
            ev.event_type = _TOLD_BEFORE  # dropped below
            continue
        # `Rainbow signed an agreement on October 21 … Mantashe welcomed the agreement on
        # October 22`: `the agreement` alone refers to the one signed, on another day
        if (ev.event_type == "agreement" and ev.definite and ev.trigger.lower() in _AGREEMENT_NOUNS
                and any(h.event_type == "agreement" for h in events[:k])):
            ev.event_type = _TOLD_BEFORE  # dropped below
            continue
        # `… granted a licence to Kilima on August 12. Joho handed over the licence at a ceremony …`:
        # the ceremony of the grant told just before
        if (ev.event_type == "ceremony" and ev.start_md is None and k > 0
                and (grant := events[k - 1]).sentence == ev.sentence - 1 and grant.event_type == "announcement"):
            _absorb(grant, ev)
            ev.event_type = _TOLD_BEFORE  # dropped below
            continue
        # `… held talks with Huang Changgeng … The two sides agreed that …`: what the talks agreed
        # (`The two sides` a few sentences on, after who attended and what each said, too)
        if (ev.event_type == "agreement" and ev.trigger.lower() in ("agreed", "agree") and ev.start_md is None
                and k > 0 and ((talks := events[k - 1]).sentence == ev.sentence - 1
                               or _the_two(text, ev.start, ev.end) and ev.sentence - talks.sentence <= _SIDES_SAID)
                and _family(talks) == "meeting"):
            talks.organizations += [o for o in ev.organizations if o not in talks.organizations]
            ev.event_type = _TOLD_BEFORE  # dropped below
            continue
        # `… met Hwang Young-sik in Ulaanbaatar. The two signed a memorandum …`, `After the meeting,
        # the two ministers signed …`: signed by those who met, at that meeting (not when the signers
        # are named: `… signed … on behalf of the two sides`)
        if (ev.event_type == "agreement" and ev.start_md is None and k > 0
                and (talks := events[k - 1]).sentence == ev.sentence - 1
                and _family(talks) == "meeting" and not ev.people and _the_two(text, ev.start, ev.end)):
            ev.people += [p for p in talks.people if p not in ev.people]
            ev.organizations += [o for o in talks.organizations if o not in ev.organizations]
            if talks.start_md:
                _take_day(ev, talks)
                continue
        # `Northern Rare Earth and Baotou Steel Union agreed … The two companies' boards approved …`:
        # the bodies of the event told just before
        if (not ev.organizations and k > 0 and (prev := events[k - 1]).sentence == ev.sentence - 1
                and _THE_TWO_COMPANIES.search(text, ev.start, ev.end)):
            ev.organizations = list(prev.organizations)
        # `Earlier that day, the delegation visited …`, `After the meeting, … signed`: the day
        # of the event told before
        if ev.start_md is None and (same := _SAME_DAY.search(text, ev.start, ev.end)
                                    or _AFTER_EVENT.match(text, ev.start, ev.end)
                                    or _AFTER_THE.search(text, ev.start, ev.end)):
            prev = next((h for h in reversed(events[:k]) if h.start_md), None)
            if prev is not None:
                if same.re is _SAME_DAY:
                    shift = 1 if same.group(1) else _day_count(same.group("days"))
                else:  # (`The day after the forum`: the day after it)
                    shift = 1 if same.re is _AFTER_THE and _A_DAY.search(text, ev.start, same.start()) else 0
                ev.start_md, ev.start_date = _shift_md(prev.start_md, prev.start_date, shift)
                ev.date_text = same.group().strip()
                continue
        # `Tim Ayres met Yoji Muto before the signing`: on the day of the signing (told anywhere)
        if ev.start_md is None and (before := _BEFORE_THE.search(text, ev.start, ev.end)):
            kind = kb.triggers.get(before.group(1), ("", 0))[0]
            # (the first dated one on its own day before one dated by who told of it)
            if (host := min((h for h in events if h.start_md and h.event_type == kind),
                            key=lambda h: h.reported, default=None)) is not None:
                # `The day before the signing, … toured the project`: the day before it
                day_before = _A_DAY.search(text, ev.start, before.start())
                ev.start_md, ev.start_date = _shift_md(host.start_md, host.start_date, -1 if day_before else 0)
                ev.date_text = text[day_before.start() if day_before else before.start() : before.end()]
                continue
        # `… read out the commendation decision, and 12 advanced units were awarded`: the awards of
        # the conference reported just before
        if (ev.start_md is None and ev.event_type == "award"
                and (host := next((h for h in reversed(events[:k]) if h.start_md), None)) is not None
                and host.event_type == "meeting"  # (the last dated event before it)
                and host.trigger.lower() in ("conference", "meeting", "forum", "summit", "symposium")):
            _take_day(ev, host)
            continue
        # `At the conference, Baogang signed …`: an undated event inside a dated gathering
        if ev.start_md is None and (at := _AT_GATHERING.search(text, ev.start, ev.end)):
            host = next((h for h in reversed(events[:k]) if h.start_md
                         and _family(h) in ("meeting", "ceremony")
                         and at.group(1).lower() in (h.trigger.lower(), "meeting", "ceremony")), None)
            if host is not None:
                _take_day(ev, host)
    # `has announced an internal transformation`: an announcement is an event when it is dated
    # (so are takeovers and openings: `completed its takeover of … on October 22`)
    # (an undated one may first fold into the dated one it tells of: `On November 14, the fund said it
    # had chosen … . Svyrydenko and Black announced the selection …`, who announced it)
    return [ev for ev in _merge_events([ev for ev in events if ev.event_type != _TOLD_BEFORE], text)
            if ev.event_type not in _DATED_ONLY or ev.start_md]


_NOT_OPENED = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:investigation|probe|inquiry|case|consultation|"
                         r"review|talks|trading|fire)\b")
_OPENED_BIDS = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:bids|bidding|tenders?|auctions?)\b")
_SOURCE_GAP = re.compile(r"(?: \([A-Z]{2,6}\))? ")  # `Shanghai Metals Market (SMM) said on`
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+$")
_NOT_MET = re.compile(r"\s+(?:\w+[’']s\s+|the\s+|its\s+|their\s+|our\s+|all\s+)?(?:[a-z-]+\s+){0,2}(?:demand|needs|targets?|specifications|"
                      r"requirements|standards|criteria|expectations|deadlines?|goals?)\b")
_PERIOD_END = re.compile(r"\b(?:year|quarter|half|months|period)\s+(?:to|ended|ending)\s+$")  # `for the year to June 30`
_WEEKDAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_DATED_ONLY = {"announcement", "acquisition", "opening"}
# (not the year a body was founded: `the National Wealth Fund, set up in 2024, committed …`)
_IN_YEAR = re.compile(r"\b(?<!set up )(?<!founded )(?<!established )(?<!created )in ((?:19|20)\d\d)\b(?![-–/])")
_NEGATED = re.compile(r"\b(?:not|never|yet to)\s+(?:yet\s+)?$")
_MEANS_NOUNS = {"award", "awards", "agreement", "contract", "loan", "grant"}
_MEANS_BEFORE = re.compile(r"\b(?:(?:backed|funded|financed|supported) by|[Uu]nder)\s+(?:an?|the|their|its|this)\s+"
                           r"(?:[^.;,]|\.(?=\d)){0,60}$")  # (`an $18.4 million … award`)
_STATEMENT_TRIGGERS = {"in a filing", "in a statement", "said in"}  # (`said in Kuala Lumpur on January 7`)
_TO_BODY_ON = re.compile(r"(?:\s+(?:to|with|in)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,5}[A-Z][\w&.-]*)?\s+on\s+")
_DATED_TRIGGERS = {"loan", "lent",  # `closed a $620 million direct loan to Vulcan on Nov. 3`
                   "started production", "began production", "commenced production",  # (not `began production in 2019`)
                   "started trial production", "began trial production", "commenced trial production",
                   "shipped the first", "shipped its first",  # (`shipped the first magnets … on October 29`)
                   "first shipment",  # (`On October 7, the first shipment of … left the port of Karachi`)
                   "renewed",  # (`renewed the licence … on March 2, 2026`; not `renewed calls for …`)
                   "said it had",  # (`On November 14, the fund said it had chosen …`)
                   "rejected",  # (`rejected the environmental permit … on October 30`)
                   "issued", "fined"}  # (`issued the Interim Measures … on August 22`, `fined three companies … on November 27`)
_MONEY_WORDS = r"(?:about\s+|up\s+to\s+)?[A-Z]{0,3}[$€£¥]\s?[\d.,]+(?:\s?(?:million|billion|bn|m))?"
_COMMITTED_TO = re.compile(  # `committed $500 million to buy magnets`, `committed £45 million in loans to Pensana`
    rf"\s+(?:{_MONEY_WORDS}\s+(?:(?:in|of)\s+(?:loans?|funding|financing|equity|grants?)\s+)?to\s+"
    r"(?:(?:buy|purchase|acquire)\b|(?=[A-Z]))|to\s+(?:buy|purchase|acquire)\b)")
_PLAQUE_AFTER = re.compile(r"\s+(?:the|a|its|their)\s+(?:[\w’'-]+\s+){0,3}?plaques?\b")
_SPIRIT_OF = re.compile(r"\b(?:spirit|guidelines?|decisions?) of the (?:[\w’'-]+\s+){0,6}$")
# and words that tell of none before what follows them (`enough to meet Japan’s demand`), or after
# what comes before them: `At the 38th meeting of Baogang’s Party Committee Standing Committee this
# year, Meng … led executives in studying …` (the setting of a standing body's study), `a winning
# partner` (who will win, no award)
_NTH_MEETING = re.compile(r"\b[Aa]t (?:the|its) \d+(?:st|nd|rd|th) $")
_SINCE = re.compile(r"\s+since\b")  # `reviewed 1,260 contracts signed since 2023`: contracts of a period
_NO_EVENT_BEFORE = {"meet": _NOT_MET, "meets": _NOT_MET, "met": _NOT_MET, "signed": _SINCE}
_NO_EVENT_AFTER = {"meeting": _NTH_MEETING, "winning": _ARTICLE_BEFORE}
# `named Bayan Obo’s East Mine a national “smart mine” demonstration project`, `was named a
# national green factory`: a designation by the state, an award (not `named CEO`, `a deposit, named …`)
_NAMED_AN_HONOUR = re.compile(r"[\s\S]*?\b(?:an?|as an?|as one of the|among the)\s+(?:first\s+batch\s+of\s+)?"
                              r"(?:national|provincial|municipal|state-level|national-level|provincial-level)\b")
# words that tell of an event only before what follows them (within the sentence and _AFTER_REACH
# characters): `committed $500 million to buy magnets from …` is a purchase agreement, `committed
# £45 million to Pensana` a financing one, `unveiled the laboratory’s plaque` a ceremony, `named …
# a national …` an award
_EVENT_ONLY_BEFORE = {"committed": _COMMITTED_TO, "unveiled": _PLAQUE_AFTER, "named": _NAMED_AN_HONOUR}
_AFTER_REACH = 90
_BODY_AFTER_TRIGGER = re.compile(r" (?:Board|Commission|Committee|Office|Agency|Authority|Bureau|Council|Panel|Tribunal)\b")
_STATUS_NOUNS = {"review", "discussion", "negotiation", "negotiations", "consideration", "investigation"}


def _statement_end(text: str, m: re.Match[str]) -> int:
    """Where a statement trigger's `to …`/`in …` phrase starts: `said in` keeps its `in` for the
    place (`said in Kuala Lumpur on …`) unless a filing or statement follows it."""
    if m.group().lower() != "said in":
        return m.end()
    at = m.end() - 3
    for w in (" in a filing", " in a statement"):
        if text.startswith(w, at):
            return at + len(w)
    return at


_THE_DEAL_AFTER = re.compile(r"\s+(?:the\s+(?:agreement|deal|memorandum|contract|MoU)\b"
                             r"|for\s+the\s+(?:buyer|seller|company|group|two\s+sides)\b|on\s+behalf\s+of\b)")  # (`signed for the buyer`)
_THE_AGREEMENT = re.compile(r"\b[Uu]nder the (?:agreement|deal|partnership|contract)\b")
_RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|ago)\b")
_PERIOD_BEFORE = re.compile(r"\b(?:first|last|past|next|previous|coming|final|recent|within)\s+$")
_THE_DELEGATION = re.compile(r"\b[Tt]he (?:[a-z]+ ){0,3}(delegation|team)\b")  # (`The team toured …`: the research team)
_DELEGATION_LED_BY = re.compile(r"\b(delegation|team)\b[^.\n]{0,120}?\bled by\s+")  # `a delegation from Hoa Phat … led by`
# `At the symposium, Shang Wenchang said … . Wu Juhai said …`: the next speakers spoke there too
_SPOKE = "said|stressed|noted|pointed out|emphasized|introduced"
_SPOKE_NEXT = re.compile(rf"(?:[A-Z][\w’'-]+ ){{1,3}}(?:{_SPOKE}|added)\b")
_SPEECH_IN = re.compile(rf"\b(?:{_SPOKE})\b")
# `The announcement was made in Brasília, with Minister …`: who was at the announcement told before
_THE_ANNOUNCEMENT = re.compile(r"\b(?:[Tt]he|this|This) announcement\b")
_ATTENDANCE = re.compile(
    r"\b(?:(?:was|were) accompanied by|accompanied (?:him|her|them|the (?:delegation|research|inspection|"
    r"visit|tour|investigation))|received the "
    r"(?:delegation|guests|visitors)|(?:was|were) present|joined the (?:visit|inspection|talks|meeting)"
    r"|attended(?= and\b|[,.]| it\b| the (?:opening|ceremony|event|signing)\b))")
# what something waits on: `depend on a detailed environmental impact assessment`, `subject to a review`
_CONDITION = re.compile(r"\b(?:depends?|depended|depending|conditional|contingent|subject)\s+(?:on|upon|to)\s+"
                        r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}$")
_PLANNED = re.compile(
    r"\b(?:(?:will|would|proposed|pending|awaiting|seeking|negotiating)\s+(?:to\s+)?"
    # (a word that is also a noun only with `to`: `presented the plan at the meeting` is no plan to meet)
    r"|(?:plans?|planned|planning|intends?|intended|expects?|expected|aims?|hopes?|"
    r"is set|are set|is due|are due)\s+to\s+)(?:[\w-]+\s+){0,3}$")
_ONGOING = re.compile(r"\b(?:continuing|ongoing|continue|continues)\b")
_SAME_DAY = re.compile(
    r"\b(?:(?:earlier|later) (?:that|the same) (?:day|morning|afternoon|evening)|on the same day|"
    r"(?:on )?the (?:morning|afternoon|evening) of the same day|"
    r"that (?:morning|afternoon|evening)|in the (?:morning|afternoon|evening)(?! of\b)|"
    r"(?:on )?the (next|following) (?:day|morning|afternoon|evening)|the same day|(?P<days>\d\d?|two|three|four|five|six|seven|eight|nine|ten) days later)\b",
    re.IGNORECASE)
_AFTER_EVENT = re.compile(r"\s*After the (?:meeting|talks|ceremony|signing|visit|inspection|forum|conference)\b")
# `toured the plant with Myers after the opening`: on the opening's day
_AFTER_AN = re.compile(r"\bafter an?\s+(?:[\w-]+\s+){0,3}$")
_DURING_A = re.compile(r"\bduring an? (?:[\w-]+ ){0,2}$")  # `during a three-day visit`
_A_DAY = re.compile(r"\b(?:[Tt]he|[Aa]|[Oo]ne) day $")  # `The day before the signing`, `the day after the forum`
_BEFORE_THE = re.compile(r"\b[Bb]efore the (meeting|talks|ceremony|signing|forum|conference|symposium)\b")
_AFTER_THE = re.compile(r"\b[Aa]fter the (?:opening|meeting|talks|ceremony|signing|forum|conference|symposium|visit|inspection)\b")
_THE_TWO = re.compile(r"\s*(?:The|Both) (?:two(?: sides| parties| leaders| ministers| companies| men| women)?|sides)\b")
_THE_TWO_COMPANIES = re.compile(r"\b[Tt]he two companies\b")
_THE_TWO_OF = re.compile(r"\b(?:[Tt]he|[Bb]oth) two (?:sides|parties|leaders|ministers|companies|countries|governments)\b")


def _the_two(text: str, start: int, end: int) -> bool:
    """`The two signed …`, `After the meeting, the two ministers signed …`: those told of before."""
    return _THE_TWO.match(text, start) is not None or _THE_TWO_OF.search(text, start, end) is not None
_SIDES_SAID = 5  # sentences from talks to `The two sides agreed` (who attended, what each said)
_TOLD_BEFORE = "(told before)"  # the type of an event mention folded into one named earlier, then dropped
_AFTER_CEREMONY = re.compile(r"\b[Aa]fter the (?:signing )?ceremony\b")
_AGREEMENT_NOUNS = {"agreement", "deal", "partnership", "contract"}
_THE_COMPANY = re.compile(r"\bthe (?:company|group)\b")


_ON_WEEKDAY = re.compile(r"\bon (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _on_weekday(d: DateSpan, text: str, s: int, e: int) -> DateSpan:
    """The dateline's day `d` moved to the weekday the sentence names, the last one on or before it
    (`GANZHOU, March 28, 2026 — … said on Friday`: Friday, March 27); `d` itself when the sentence
    names no weekday, or two."""
    days = {m.group(1) for m in _ON_WEEKDAY.finditer(text, s, e)}
    if len(days) != 1 or d.start is None:
        return d
    (day,) = days
    start = d.start - timedelta(days=(d.start.weekday() - _WEEKDAYS.index(day)) % 7)
    return DateSpan(start, None, start.strftime("--%m-%d"), None, day, d.pos, d.stop)


def _is_dateline(text: str, d: DateSpan) -> bool:
    """`NEW YORK, September 24, 2025 —`: a date at a line's start, after an upper-case place."""
    line_start = text.rfind("\n", 0, d.pos) + 1
    return bool(_DATELINE_HEAD.fullmatch(text, line_start, d.pos) and _DASH_AFTER.match(text, d.stop))


_TAKES_EFFECT = re.compile(r"\b(?:take|takes|took|come|comes) (?:effect|into force) (?:on |from )?$|\beffective (?:on |from )?$")
_DATELINE_HEAD = re.compile(r"(?:[A-Z][A-Z .'-]*,\s*)?")
_DASH_AFTER = re.compile(r"\s*(?:\([A-Z][\w .&]*\)\s*)?[—–-]")  # (`BEIJING, Dec 20 (Reuters) -`)


def _take_day(ev: Event, other: Event) -> None:
    """`ev` happened on `other`'s day (or days)."""
    ev.start_date, ev.end_date, ev.start_md, ev.end_md, ev.date_text = (
        other.start_date, other.end_date, other.start_md, other.end_md, other.date_text)


def _day_count(days: str | None) -> int:
    """The N of `N days later` (`Six days later` → 6), 0 when there is none."""
    return 0 if days is None else int(days) if days.isdigit() else _WORDNUM[days.lower()]


def _shift_md(md: str, day: date | None, shift: int) -> tuple[str, date | None]:
    """`--10-14` (and its full date when known) moved by `shift` days."""
    if not shift:
        return md, day
    if day is not None:
        day = date.fromordinal(day.toordinal() + shift)
        return f"--{day.month:02d}-{day.day:02d}", day
    moved = date.fromordinal(date(2001, int(md[2:4]), int(md[5:7])).toordinal() + shift)  # not leap
    return f"--{moved.month:02d}-{moved.day:02d}", None


# a signing's setting named in full: `signed at the 2025 Baotou … Conference`, `signed a memorandum
# of understanding at the Future Minerals Forum`
_SIGNED_AT = re.compile(r"\bsigned\s+(?:(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,6}?)?at\s+the\s+(?:[\w’'-]+\s+){0,10}$")
_AT_GATHERING = re.compile(
    r"\b(?:[Aa]t|[Dd]uring|on the sidelines of) the (?:opening |closing )?"
    r"(conference|meeting|ceremony|forum|summit|symposium|talks)\b")
_OPENING = re.compile(r"\b(?:opening|closing) $")


def heading_line(text: str, s: int, e: int) -> bool:
    """Whether the sentence text[s:e] is a whole headline line (title case, no full stop)."""
    return ((s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e : e + 1] == "\n"
            or text[e:].lstrip(" ")[:1] in ("\n", "")) and _is_heading(text[s:e]))


def _unique(items) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _listing(text: str, m: Mention) -> bool:
    """`(ASX: LYC)`, `said in a filing to the Shenzhen Stock Exchange`: the exchange a company is
    listed on or reports to, no party to the news."""
    return m.kind == "exchange" and (text.startswith((":", "-listed"), m.end)  # (`the Nasdaq-listed owner`)
                                     or _FILED_TO.search(text, max(0, m.start - 30), m.start) is not None)


_FILED_TO = re.compile(r"\b(?:filing|filed|listed|listing)\s+(?:to|with|on)\s+(?:the\s+)?$")


_TOURED_THE_SITE = re.compile(r"\b(?:toured|visited|inspected)\s+the\s+(?:new\s+)?"
                              r"(?:plant|site|facility|factory|line|centre|center|refinery)\b")


def _events_by_date(accepted: list[tuple[str, int, re.Match[str]]],
                    own: list[DateSpan]) -> list[tuple[str, re.Match[str], DateSpan]]:
    """`held its safety conference … on July 2, and on July 4 it signed a supply agreement`: one
    event per day when a sentence dates its events on different days, each trigger taking the
    date nearest to it (empty when the sentence tells of one day)."""
    if len({x.start_md for x in own}) < 2:
        return []
    best: dict[int, tuple[str, int, re.Match[str]]] = {}
    for etype, prio, m in accepted:
        k = min(range(len(own)), key=lambda i: own[i].pos - m.end() if own[i].pos >= m.end() else m.start() - own[i].stop)
        if k not in best or prio < best[k][1]:
            best[k] = (etype, prio, m)
    if len(best) < 2:
        return []
    return [(etype, m, own[k]) for k, (etype, _, m) in sorted(best.items())]


def _merge_events(events: list[Event], text: str = "") -> list[Event]:
    """Fold undated mentions of an event into the dated one of the same kind that shares a
    participant or names none (`This meeting signals …`), and same-kind mentions in adjacent
    sentences; dated events on different days stay apart."""
    merged, told = _fold_dated([ev for ev in events if ev.start_md])
    leftovers: list[Event] = []
    later: list[Event] = []
    said_later = [i for w in _LATER_WORDS for i, j in _word_hits(text, w) if _LATER.match(text, j)]
    for ev in (ev for ev in events if not ev.start_md):
        if any(ev.start <= i < ev.end for i in said_later):
            later.append(ev)  # `Zhou Wenping later met with a delegation from Zhenghai`: another event
            continue
        target = _dated_target(ev, merged, told, text) or _leftover_target(ev, leftovers)
        if target is None:
            leftovers.append(ev)
        else:
            _absorb(target, ev)
    _fold_leftovers(leftovers, merged, told, text)
    return sorted(merged + leftovers + later, key=lambda ev: ev.start)


_LATER_WORDS = ("later", "subsequently", "afterwards")  # (found with str search, then read on)
_LATER = re.compile(r"\s+(?!(?:that|the\s+same|in\s+the)\b)[a-z]")


_NOT_ANNOUNCED = {"visit", "meeting"}  # (`SRC said on October 28 that it had cast its first metal`;
# `the Premier visited the facility that afternoon`: what was said is not the visit)


def _fold_dated(dated: list[Event]) -> tuple[list[Event], dict[int, list[int]]]:
    """One event a day and kind, and the sentences each was told in (highlights, body)."""
    merged: list[Event] = []
    told: dict[int, list[int]] = {}
    # `St George has signed an offtake agreement with REalloys …, the company said on July 24`, then
    # `Under the agreement, signed in Perth on July 23, …`: the day it was told of is the announcement's,
    # the agreement the one its own signing dates
    for ev in dated:
        if ev.reported and ev.organizations and any(
                _family(m) == _family(ev) and not m.reported and m.start_md != ev.start_md and m.organizations
                and set(ev.organizations) & set(m.organizations)
                for m in dated):
            ev.event_type = "announcement"
    for ev in dated:
        twin = next((m for m in merged if _family(m) == _family(ev) and m.start_md == ev.start_md), None) or next(
            (m for m in merged if _family(m) == _family(ev) == "visit" and ev.definite and m.end_md
             and m.start_md < ev.start_md <= m.end_md), None)  # `visited … from November 24 to 25 …
        # On November 25, the delegation toured …`: a day of that visit
        if twin:
            _absorb(twin, ev)
            told[id(twin)].append(ev.sentence)
        else:
            merged.append(ev)
            told[id(ev)] = [ev.sentence]
    # `… stake, announced on July 10, 2025` (highlights) and `agreed on July 10, 2025 to buy …`
    # (body): the announcement is how the day's agreement was made known, one event (not when it
    # names a party the agreement lacks: a ministry's approval on the day a deal with another firm is signed)
    for ev in [m for m in merged if m.event_type == "announcement"]:
        other = next((m for m in merged if m.event_type != "announcement" and m.start_md == ev.start_md
                      and _family(m) not in _NOT_ANNOUNCED
                      and ev.organizations and set(ev.organizations) <= set(m.organizations)), None)
        if other is not None:
            _absorb(other, ev)
            told[id(other)] += told[id(ev)]
            merged.remove(ev)
    return merged, told


def _dated_target(ev: Event, merged: list[Event], told: dict[int, list[int]], text: str) -> Event | None:
    """The dated event an undated mention tells of: the first rule here that names one."""
    # (`The U.S. Department of Defense awarded Ucore $18.4 million in 2023`: not the 2025 ceremony)
    # (`The conference reviewed safety work in 2025`: the definite one is the conference named before)
    year = None if ev.definite else _IN_YEAR.search(text, ev.start, ev.end)
    same = [m for m in merged if _family(m) == _family(ev)
            and not (year and m.start_date is not None and int(year.group(1)) != m.start_date.year)]
    if target := next((m for m in same if _shared_people(ev, m)), None):
        return target  # somebody in common
    # (an agreement with a party the dated one lacks is another agreement: `Apple separately agreed
    # to buy …` beside the Pentagon's deal)
    if target := next((m for m in same if _told_next_to(ev, m, told)
                       and not _new_party(ev, m)), None):
        return target  # told in the next sentence
    if not ev.people and len(same) == 1:  # the one dated event of its kind, when no one is named
        mine, its = set(ev.organizations), set(same[0].organizations)
        if (mine <= its  # (not `Vulcan also signed … with ReElement`: a new party, another agreement)
                # `- Baogang Group's Party Committee holds a theoretical study session …` and the
                # body's dated session of that committee: one meeting
                or _family(ev) == "meeting" and mine & its and not _new_party(ev, same[0])
                # `- Baogang Group's Discipline Inspection Commission finished a month-long audit of
                # procurement at Hefeng …` (every body of the dated audit, and the group): that audit
                or _family(ev) != "agreement" and its and its <= mine):
            return same[0]
    if (ev.people and len(same) == 1 and not same[0].people and _family(ev) == "agreement"
            and set(ev.organizations) <= set(same[0].organizations)):
        return same[0]  # `Anthony Mavunde, who signed for the government, …`: who signed the one dated
        # agreement, which named no one
    if ev.event_type == "ceremony" and len(same) == 1 and same[0].event_type == "opening":
        return same[0]  # `cut the ribbon`: at the opening
    if ev.event_type == "agreement" and ev.organizations and (approval := next(
            (m for m in merged if m.event_type == "announcement" and set(ev.organizations) <= set(m.organizations)
             and _told_next_to(ev, m, told)), None)):
        return approval  # `… agreed to raise the price …`, then `The two companies' boards approved the
        # new price on December 29`: the agreement made on the day it was approved
    if (ev.event_type in ("visit", "inspection")
            and len(opened := [m for m in merged if m.event_type in ("opening", "ceremony")]) == 1
            and set(ev.organizations) & set(opened[0].organizations)
            and _TOURED_THE_SITE.search(text, ev.start, ev.end)):
        return opened[0]  # `opened its plant … on September 18`, `…, who toured the plant with
        # Mann, said …`: the tour of the plant opened that day, one event
    if ev.definite and same:  # `attended the meeting`: the last one named
        return next((m for m in reversed(same) if m.start < ev.start), same[0])
    return _stop_of_tour(ev, merged, text)


def _stop_of_tour(ev: Event, merged: list[Event], text: str) -> Event | None:
    """`From November 12 to 14, Huang visited Leshan Shenghe … and Zibo Jiahua … At Zibo Jiahua,
    …, Huang reviewed … and met …`: what the visitor did at one of the places of a visit told
    before is part of that visit (a sentence set `At` one of its organizations, a visitor named; or,
    after a visit of days, `From June 9 to 10, Zeng led a delegation to … At Pingyuan Guangsheng …,
    Zeng reviewed …`, any place told before another dated event)."""
    if not text.startswith("At ", ev.start):
        return None
    setting = text[ev.start + 3 : ev.start + 80].split(",", 1)[0]
    return next((m for m in merged if _family(m) == "visit" and m.start < ev.start and _shared_people(ev, m)
                 and (any(o.startswith(setting) for o in set(ev.organizations) & set(m.organizations))
                      or m.end_md is not None and not any(m.start < o.start < ev.start for o in merged))), None)


def _told_next_to(ev: Event, dated: Event, told: dict[int, list[int]]) -> bool:
    """`ev` is told in the sentence before or after one that told `dated` (highlights or body)."""
    return any(abs(x - ev.sentence) == 1 for x in told[id(dated)])


def _shared_people(ev: Event, other: Event) -> bool:
    """Somebody in common, and (for meetings) no body each names that the other does not: Meng at
    the Standing Committee's meeting and Meng meeting China Telecom's manager are two meetings."""
    return bool(set(ev.people) & set(other.people)) and not (_family(ev) == "meeting" and _new_party(ev, other))


def _leftover_target(ev: Event, leftovers: list[Event]) -> Event | None:
    """An undated mention of an undated event told before: the same kind and somebody in common,
    `the meeting` named before, or no new party and next to it, or no people and a body in common."""
    return next((m for m in reversed(leftovers) if _family(m) == _family(ev)
                 and (set(m.people) & set(ev.people)
                      or ev.definite  # `said at the meeting`: the meeting named before
                      or not _new_party(ev, m) and (
                          abs(m.sentence - ev.sentence) <= 1
                          or not m.people and not ev.people
                          and set(m.organizations) & set(ev.organizations)
                          # `- A magnetic materials unit won a … award` (no one named, as a
                          # highlight may put it) and the body's award: one
                          or not (m.people or m.organizations)))), None)


def _fold_leftovers(leftovers: list[Event], merged: list[Event], told: dict[int, list[int]], text: str) -> None:
    """Undated events that are a dated one after all, folded into it (in place)."""
    for ev in list(leftovers):
        # `• … signed a memorandum …` in the highlights, with people only the body's signing (read
        # later) gave the dated event: that event
        # (`Minister … visited the Ulefoss site with …` in the highlights, `announced the guarantees on
        # October 2 during a visit to …` in the body: the announcement's visit)
        # (`Anwar Ibrahim said in Kuala Lumpur on January 7 …` then `“…,” Anwar told a business forum`:
        # the gathering the dated statement was made at)
        if ev.people and (target := next((m for m in merged if _family(m) == _family(ev)
                                          and _shared_people(ev, m)), None)
                          or next((m for m in merged if ev.event_type in m.also
                                   and set(ev.people) <= set(m.people)), None)
                          or next((m for m in merged if m.event_type == "announcement" and _family(ev) == "meeting"
                                   and set(ev.people) <= set(m.people)
                                   and _told_next_to(ev, m, told)), None)) is not None:
            _absorb(target, ev)
            leftovers.remove(ev)
        # (`- Northern Rare Earth and Shenghe signed a supply agreement …` in the highlights, whose
        # parties the day's signing took only from a later sentence: that signing)
        elif (not ev.people and ev.organizations
              and len(same := [m for m in merged if m.event_type == ev.event_type]) == 1
              and set(ev.organizations) <= set(same[0].organizations)
              and not _IN_YEAR.search(text, ev.start, ev.end)):  # (`awarded … in 2023`: another)
            _absorb(same[0], ev)
            leftovers.remove(ev)


def _new_party(ev: Event, other: Event) -> bool:
    """An agreement naming a party the other lacks is another agreement (`Apple separately agreed
    to buy …` beside the Pentagon's deal), however near; not when the other names only one side
    (`customers have signed long-term contracts, Solvay says`: the parties are told later). A
    meeting is another meeting when each names a body the other does not (`the Standing Committee
    met …` beside `Meng met the chairman of Inner Mongolia Power Group on December 8`)."""
    if ev.event_type == "meeting" == other.event_type:
        return bool(set(ev.organizations) - set(other.organizations)) and bool(
            set(other.organizations) - set(ev.organizations))
    return (ev.event_type == "agreement" and len(other.organizations) >= 2
            and bool(set(ev.organizations) - set(other.organizations)))


def _absorb(into: Event, other: Event) -> None:
    into.people = _unique(into.people + other.people)
    into.organizations = _unique(into.organizations + other.organizations)
    into.location = into.location or other.location
    into.also = into.also + tuple(k for k in other.also if k not in into.also)
    # The most specific type wins: a visit that is called an inspection elsewhere stays a visit
    # when the dated sentence says visit.
    if into.start_md is None and other.start_md is not None:
        into.event_type = other.event_type
    if into.event_type == "opening" and other.event_type == "ceremony":
        into.event_type = "ceremony"  # `opened … on April 9` and its opening ceremony: one ceremony


# --- metrics ----------------------------------------------------------------------------------

_CURRENCY = [
    (r"US\$|USD\s?|\$", "USD"), (r"A\$|AUD\s?|AU\$", "AUD"), (r"C\$|CAD\s?", "CAD"),
    (r"HK\$|HKD\s?", "HKD"), (r"RMB\s?|CNY\s?|¥", "CNY"), (r"€|EUR\s?", "EUR"), (r"£|GBP\s?", "GBP"),
    (r"R\$\s?|BRL\s?", "BRL"), (r"R(?=\d[\d,.]*\s?(?:billion|million|bn|m)\b)", "ZAR"), (r"S\$|SGD\s?", "SGD"), (r"NZ\$|NZD\s?", "NZD"), (r"₹\s?|INR\s?", "INR"),
    (r"₩\s?|KRW\s?", "KRW"), (r"Rp\s?", "IDR"), (r"CHF\s?", "CHF"), (r"RM(?=\s?\d)|MYR\s?", "MYR"), (r"SEK\s?", "SEK"),
    (r"NOK\s?", "NOK"), (r"DKK\s?", "DKK"), (r"ZAR\s?", "ZAR"), (r"JPY\s?", "JPY"), (r"KZT\s?", "KZT"),
]
# `RMB 2.3 billion` is found by its code; `5 billion tenge` by the word after the number
_CURRENCY_WORDS = {"yuan": "CNY", "dollars": "USD", "rand": "ZAR", "tenge": "KZT", "rupees": "INR",
                   "euros": "EUR", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "ringgit": "MYR",
                   "won": "KRW", "riyals": "SAR", "dirhams": "AED", "reais": "BRL", "rupiah": "IDR", "baht": "THB"}
_SPACED_CURRENCY_WORDS = tuple(f" {w}" for w in _CURRENCY_WORDS)  # (` rand`, not `brand`)
# Codes whose first letters are common capitals: scanned for only when str search finds one
_RARE_CODES = ("VND", "IDR", "THB", "PHP", "RUB", "MXN", "CLP", "PEN", "TWD", "MNT")
_CUR_PREFIX = "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(_CURRENCY))


def _first_chars(patterns: list[str]) -> str:
    r"""The characters the patterns' top-level alternatives begin with (`US\$|USD\s?|\$` → `U$`):
    the money scan's look-ahead, derived so that a currency added above is never skipped (`BRL`
    and `GBP` once were, when the set was written by hand)."""
    chars = set()
    for p in patterns:
        depth, start, i = 0, True, 0
        while i < len(p):
            c = p[i]
            if start:
                chars.add(p[i + 1] if c == "\\" else c)
                start = False
            if c == "\\":
                i += 2
                continue
            depth += (c == "(") - (c == ")")
            start = c == "|" and depth == 0
            i += 1
    return "".join(sorted(chars))


_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


def _num(not_after: str) -> str:
    """_NUM, not preceded by a character of the class `not_after`. The check sits after the
    first digit so that the pattern starts with `\\d`, which the engine scans for quickly."""
    first = rf"\d(?<!{not_after}\d)"
    return rf"(?P<num>{first}(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?|\d*(?:\.\d+)?))"


_MULT = r"(?:\s?(?P<mult>(?i:trillion|billion|million|thousand|crore|lakh)|bn|mn|M|B|k)\b)?"
_APPROX_BEFORE = re.compile(
    r"(?:~\s?|\b(?:about|approximately|around|nearly|almost|roughly|some|close to|an estimated)\s+)$",
    re.IGNORECASE,
)
_WORDNUM = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "twenty": 20, "thirty": 30, "hundred": 100,
}
_DIGIT = re.compile(r"\d")
_WORDNUM_RE = re.compile(r"\b(?:" + "|".join(_WORDNUM) + r")\b", re.IGNORECASE)
_MULTS = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6,
          "m": 1e6, "thousand": 1e3, "k": 1e3, "crore": 1e7, "lakh": 1e5}
_RATE_DEN = {"day": "day", "year": "year", "annum": "year", "month": "month", "hour": "hour",
             "week": "week", "quarter": "quarter", "kilogram": "kg", "kg": "kg", "tonne": "tonne",
             "ton": "tonne", "t": "tonne", "pound": "lb", "lb": "lb", "share": "share",
             "litre": "L", "liter": "L", "l": "L"}  # (`15 milligrams per litre`, `15 mg/L`)
_NOT_BEFORE_NOW = r"(?!\s+(?:earlier|ago|before)\b)"  # `A$84.5 million a year earlier` has no rate
# `annual` earlier in the clause, no number, clause end or money in between
_EARLIER_ANNUAL = re.compile(r"\bannual\s+(?:[a-z-]+\s+|[A-Z][\w’'-]*\s+){1,9}(?:to|of|at|reach(?:ed|es)?)\s+(?:about\s+|some\s+)?$")
_LATER_YEARLY = re.compile(
    r"(?:\s+(?:of|in)\s+[A-Za-z][\w’'-]*(?:,?\s+[A-Za-z][\w’'-]*){0,6})?\s+(?:annually|per annum|"
    r"(?:per|an?|each|in a) (?P<per>year|month|week|day|quarter|hour))\b" + _NOT_BEFORE_NOW
)
_STOP_MEASURE = {"in", "of", "by", "for", "to", "and", "or", "the", "a", "an", "with", "while",
                 "from", "at", "on", "per", "versus", "plus", "than", "as", "its", "their"}


@dataclass
class Metric:
    value: float
    unit: str
    measure: str | None
    approximate: bool
    text: str
    entity: str | None
    start: int
    end: int


@cache
def _metric_patterns() -> tuple[list[re.Pattern[str]], tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """Money, quantities (two scans: digits, number words; for lower-cased text) and counted
    nouns."""
    kb = load()
    units = trie_regex(list(kb.units))
    den = trie_regex(list(_RATE_DEN))
    rate = rf"(?:(?:\s?(?:/|per\s+|a\s+)|-(?:a|per)-)(?P<den>(?i:{den}))\b{_NOT_BEFORE_NOW})?"  # (`5,000-tonne-a-year`)  # (`per Tonne` in a headline)
    num, count_num = _num(r"[\w.,]"), _num(r"[\w.#$€£¥/,-]")
    wordnum = trie_regex(list(_WORDNUM))
    money = [
        re.compile(rf"(?=[{re.escape(_first_chars([p for p, _ in _CURRENCY]))}])(?<![A-Za-z])(?:{_CUR_PREFIX})"
                   rf"\s?{_NUM}{_MULT}{rate}"),
        re.compile(rf"{num}{_MULT}\s(?P<yuan>{'|'.join(_CURRENCY_WORDS)})\b{rate}"),
        re.compile(rf"(?<![A-Za-z])(?P<code>{'|'.join(_RARE_CODES)})\s?{_NUM}{_MULT}{rate}"),  # `VND 2.6 trillion`
    ]
    tail = rf"(?:\s?|-)(?P<unit>{units})(?![\w³²]){rate}"
    qty_mult = r"(?:\s(?P<mult>million|billion|thousand))?"  # `1.2 million tonnes` (lower-cased)
    qty = (re.compile(num + qty_mult + tail), re.compile(rf"(?<![\w.,])(?P<word>{wordnum}){qty_mult}{tail}"))
    count = re.compile(
        rf"{count_num}(?:\s(?P<mult>million|billion|thousand))?\s+(?P<noun>(?:[A-Z][a-z]+\s+(?=[a-z]))?(?:[a-z][a-z-]+\s+){{0,3}}?(?:[a-z][a-z-]+s|people|staff|personnel))\b"
    )
    return money, qty, count


def find_metrics(text: str, mentions: list[Mention], sents: list[tuple[int, int]], kb: KB,
                 skip: list[tuple[int, int]], low: str | None = None) -> list[Metric]:
    money, qty, count = _metric_patterns()
    low = low if low is not None else text.lower()
    if len(low) != len(text):  # lower-casing moved offsets: match case-insensitively instead
        low, qty = text, tuple(re.compile(q.pattern, re.IGNORECASE) for q in qty)
    found: list[Metric] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken) and not any(x <= a < y for x, y in skip)

    if not _DIGIT.search(text) and not _WORDNUM_RE.search(text):
        return found
    money_hits = [m for m in money[0].finditer(text)]
    if any(w in text for w in _SPACED_CURRENCY_WORDS):
        money_hits += money[1].finditer(text)
    if any(c in text for c in _RARE_CODES):
        money_hits += money[2].finditer(text)
    for m in money_hits:
        if not free(m.start(), m.end()):
            continue
        g = m.groupdict()
        if g.get("yuan") == "won" and not g.get("mult"):
            continue  # (`120 billion won`; not `the 5 won awards`)
        cur = next((_CURRENCY[i][1] for i in range(len(_CURRENCY)) if g.get(f"c{i}")), None)
        if g.get("code"):
            cur = g["code"]
        elif g.get("yuan"):
            cur = _CURRENCY_WORDS[m.group("yuan")]
        elif cur == "CNY" and text[m.start()] == "¥" and (
                _JAPAN.search(_sentence_at(text, sents, m.start()))
                or _JAPAN.search(text) and not _CHINESE_MONEY.search(text)):
            cur = "JPY"  # `¥20 billion` in a sentence about Japan
        value = _number(m.group("num")) * _MULTS.get((m.group("mult") or "").lower(), 1)
        unit = cur + (f"/{_RATE_DEN[m.group('den').lower()]}" if m.group("den") else "")
        if (not m.group("den") and text.startswith(" each", m.end())
                and " shares" in _sentence_at(text, sents, m.start())):
            unit += "/share"  # `The shares … were bought … at A$0.021 each`
        found.append(_metric(text, m, value, unit, mentions, sents))
        taken.append((m.start(), m.end()))
    qty_hits = sorted([*qty[0].finditer(low), *qty[1].finditer(low)], key=lambda m: m.start())
    for m in qty_hits:
        if not free(m.start(), m.end()):
            continue
        g = m.groupdict()
        num, u, den = g.get("num"), g["unit"].lower(), g["den"]
        if u == "t" and not num:
            continue
        if not num and _VAGUE_BEFORE.search(low, max(0, m.start() - 12), m.start()):
            continue  # `several hundred years`: no figure
        value = _number(num) if num else float(_WORDNUM[g["word"].lower()])
        value *= _MULTS.get((g.get("mult") or "").lower(), 1)
        unit = kb.units[u][0] + (f"/{_RATE_DEN[den.lower()]}" if den else "")
        if not den and kb.units[u][1] == "quantity":
            if later := _LATER_YEARLY.match(text, m.end()):  # `400 kilograms of metal a month`
                unit += "/" + (later.group("per") or "year")  # `1,000 tonnes of magnets annually`
            elif _OF_ANNUAL.match(low, m.end()):  # `adds 20,000 tonnes of annual capacity`
                unit += "/year"
            elif _EARLIER_ANNUAL.search(text, max(0, m.start() - 90), m.start()):
                unit += "/year"  # `its annual recovery … to 3,000 tonnes`
            elif (_OF_IT.match(low, m.end()) and found and found[-1].unit.startswith(unit + "/")
                  and not any(found[-1].start < a <= m.start() for a, _ in sents)):
                unit = found[-1].unit  # `12,500 tonnes of oxides a year, about 4,500 tonnes of it …`: a share of that rate
        if _is_year(num) and kb.units[u][1] != "percent":
            continue
        if u == "year" and low.startswith(" plan", m.end()):
            continue  # the Five-Year Plan is a name
        if kb.units[u][1] == "time" and (_PERIOD_BEFORE.search(low, max(0, m.start() - 12), m.start())
                                         or _RELATIVE_AFTER.match(low, m.end())):
            continue  # `in the first ten months`: a reporting period, `two days later` a day told, not a measure
        found.append(_metric(text, m, value, unit, mentions, sents))
        taken.append((m.start(), m.end()))
    for m in count.finditer(text):
        if not free(m.start(), m.end()) or _is_year(m.group("num")):
            continue
        before = text[max(0, m.start() - 4) : m.start()]
        if _LIST_NUMBER.search(before):
            continue
        if kb.units.get(m.group("noun").lower(), ("", ""))[1] == "time" or m.group("noun") == "times":
            continue  # `within 15 days`: a span of time the pass above left out is no count either,
            # nor `12 times the permitted level` (how many times, not how many things)
        value = _number(m.group("num")) * _MULTS.get(m.group("mult") or "", 1)
        found.append(_metric(text, m, value, "count", mentions, sents,
                             measure=m.group("noun")))
        taken.append((m.start(), m.end()))
    for m in _OF_THEM.finditer(text) if " of them" in text else ():  # `612 of them were for inventions`
        if free(m.start(), m.end()) and not _is_year(m.group("num")):
            found.append(_metric(text, m, _number(m.group("num")), "count", mentions, sents, measure="of them"))
            taken.append((m.start(), m.end()))
    # `double its number of certified robot technicians to 60 by June`: a count named before its figure
    for n in _NUMBER_OF.finditer(text) if "number of " in text else ():
        m = _FIGURE.match(text, n.start("num"))
        if free(m.start(), m.end()) and not _is_year(m.group()):
            found.append(_metric(text, m, _number(m.group()), "count", mentions, sents, measure=n.group("noun")))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    _share_rates(text, found)
    return _ranges(text, found, skip)


_OF_THEM = re.compile(r"(?<![\w.,$€£¥])(?P<num>\d[\d,]*)(?= of them\b)")
_NUMBER_OF = re.compile(r"\bnumber of (?P<noun>[a-z][\w -]{2,60}?) (?:to|at|reached|rose to|fell to) "
                        r"(?P<num>\d[\d,]*)(?![\d.]|\s*(?:%|percent))")
_FIGURE = re.compile(r"\d[\d,]*")


# `between 560,000 and 565,000 yuan per tonne`, `$800 to $850 per kilogram`: the low end of a range
_RANGE_LOW = re.compile(r"(?P<w>between|from)?\s*(?P<cur>[A-Z]{0,3}[$€£¥])?(?P<num>\d[\d,]*(?:\.\d+)?)"
                        r"\s*(?P<j>and|to|[–-])\s*$")


def _ranges(text: str, found: list[Metric], skip: list[tuple[int, int]]) -> list[Metric]:
    """The low end of a range takes the unit of the high end it is written with."""
    out = list(found)
    for b in found:
        r = _RANGE_LOW.search(text, max(0, b.start - 40), b.start)
        if (r is None or _is_year(r["num"]) or r["j"] == "and" and r["w"] != "between"
                or (r["cur"] or "") != re.sub(r"[\d,. ].*", "", b.text)  # (the same currency sign, or none)
                or any(x <= r.start("num") < y for x, y in skip)):
            continue
        a = next((m for m in found if m.start <= r.start("num") < m.end), None)
        if a is not None:
            if a.unit == b.unit.split("/")[0] and "/" in b.unit:  # (`$800` read alone as dollars)
                a.unit, a.measure = b.unit, b.measure
            continue
        high = _number(_NUM_RE.search(b.text)["num"])  # (the number the metric was read from)
        scale = b.value / high if high else 1  # (`between 1.5 and 2 million tonnes`: the multiplier too)
        a0 = r.start("cur") if r["cur"] else r.start("num")
        out.append(Metric(_number(r["num"]) * scale, b.unit, b.measure, b.approximate,
                          text[a0 : r.end("num")], b.entity, a0, r.end("num")))
    return sorted(out, key=lambda x: x.start)


_NUM_RE = re.compile(_NUM)


_JAPAN = re.compile(r"\b(?:Japan|Tokyo|yen\b)")
_CHINESE_MONEY = re.compile(r"\b(?:RMB|CNY|yuan)\b")  # `¥` in an article about Japan that never names yuan
_VAGUE_BEFORE = re.compile(r"\b(?:several|many|few|some)\s+$")  # `several hundred years`
# `process 1,200 tonnes of ore a year and produce 10 tonnes of oxides`: the rate is both's, unless
# the second has a period of its own (`… and produced 8,600 tonnes in 2025`)
_OWN_PERIOD = re.compile(r"[^.;]{0,60}?\b(?:in (?:19|20)\d\d|last year|this year|in the first)\b")
# (a past period right after the amount: `1.2 million tonnes in the first eleven months`)
_TOTAL_OVER = re.compile(r"\s+(?:(?:in|during|over)\s+the\s+first\b|(?:in|during)\s+(?:19|20)\d\d\b|last\s+year\b)")
_OF_PER = r"\s+of\s+[\w\s-]{1,40}?\s+(?:a|per|each)\s+(?:year|month|week|day|quarter)"  # ` of ore a year`
_RATE_AND = re.compile(_OF_PER + r"\s+and\s+(?:[a-z]+\s+){0,2}(?:about\s+|some\s+)?")
# `process 400 tonnes of magnets and recover 100 tonnes of oxides a year`: the rate is both's
_AND_NEXT = re.compile(r"\s+of\s+[\w\s-]{1,40}?\s+and\s+(?:[a-z]+\s+){0,2}(?:about\s+|some\s+)?")
# `1,900 tonnes of oxides a year, of which about 1,100 tonnes will be NdPr oxide`
_OF_IT = re.compile(r"\s+of (?:it|them|which|that)\b")
_OF_ANNUAL = re.compile(r"\s+of\s+(?:new\s+|additional\s+|extra\s+)?(?:annual|yearly)\s+(?:[a-z-]+\s+)?"
                        r"(?:capacity|output|production)\b")
_RAISED_TO = re.compile(
    r"\b(?:bring(?:s|ing)?|brought|ris(?:e|es|ing)|grow(?:s|ing)?|climb(?:s|ing)?|rais(?:e|es|ed|ing)|lift(?:s|ed|ing)?|tak(?:e|es|ing)|took|expand(?:s|ed|ing)?|"
    r"increas(?:e|es|ed|ing)|boost(?:s|ed|ing)?)\b[^.;]{0,60}\bto\s+(?:about\s+|around\s+)?$")
_AND_TO = re.compile(r",?\s+and\s+[^.;\d]{0,50}\bto\s+(?:about\s+|around\s+)?")  # `… and the total to`
_STAGED = re.compile(rf"(?:{_OF_PER})?"
                     r"\s+(?:at first|initially|at the start|in (?:the|its) first (?:phase|stage))\s*,?\s+"
                     r"(?:and|then|rising to|expandable to)\s+(?:up to\s+|about\s+)?")  # `… at first and 5,000 tonnes later`
_UP_FROM = re.compile(r",?\s+(?:up|down|rising|falling|compared\s+with)\s+(?:from\s+)?")
_REACH = re.compile(r"\breach(?:es|ed|ing)?\s+(?:about\s+|around\s+)?$")
_OF_WHICH = re.compile(r"(?:,\s+of\s+which|,?\s+containing|,?\s+including)\s+"
                       r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+)?$")


_CURRENCY_CODE = re.compile(r"[A-Z]{3}")
_PAREN_RATE = re.compile(r"\)\s*(?:/|per\s+|a\s+)(tonne|ton|kilogram|kg|pound|lb|share)\b", re.IGNORECASE)


def _share_rates(text: str, metrics: list[Metric]) -> None:
    for a, b in itertools.pairwise(metrics):
        # `630,000 yuan ($87,000) per tonne`: the rate after a converted amount is both's
        if (_CURRENCY_CODE.fullmatch(a.unit) and _CURRENCY_CODE.fullmatch(b.unit)
                and text[a.end : b.start].strip() == "(" and (per := _PAREN_RATE.match(text, b.end))):
            den = _RATE_DEN[per.group(1).lower()]
            a.unit, b.unit = f"{a.unit}/{den}", f"{b.unit}/{den}"
            b.measure = a.measure  # (the same price, converted)
            continue
        if "/" in a.unit and "/" not in b.unit and a.unit.split("/")[0] == b.unit:
            gap = text[a.end : b.start]
            if (len(gap) < 90 and "." not in gap and _OF_WHICH.search(gap)
                    or _RATE_AND.fullmatch(text, a.end, b.start)  # `… of ore a year and produce 10 tonnes`
                    and not _OWN_PERIOD.match(text, b.end)):  # (`… and produced 8,600 tonnes in 2025`)
                b.unit = a.unit
            elif _UP_FROM.fullmatch(text, a.end, b.start):  # `A$72.4 per kilogram, up from A$58.1`:
                b.unit, b.measure = a.unit, a.measure  # the same measure, earlier
        elif ("/" not in a.unit and "/" in b.unit and b.unit.split("/")[0] == a.unit
              and _AND_NEXT.fullmatch(text, a.end, b.start)):
            a.unit = b.unit
    for i, b in enumerate(metrics):  # `capacity reached 40,000 tonnes a year … to reach 60,000 tonnes by 2027`
        # (the last amount of the same unit before, past others: `2,000 tonnes a year, enough for
        # 1.5 million motors, and can be expanded to 5,000 tonnes`)
        a = next((m for m in reversed(metrics[:i]) if m.unit.split("/")[0] == b.unit), None) if "/" not in b.unit else None
        if (a is not None and "/" in a.unit and b.start - a.end < 250
                and not _TOTAL_OVER.match(text, b.end)  # (`exports reached 1.2 million tonnes in the first
                # eleven months`: a total over a period of its own)
                and (_REACH.search(text, max(0, b.start - 20), b.start)
                     # `… of annual capacity, bringing the base to 40,000 tonnes and the total to 60,000`
                     or b.start - a.end < 160 and _RAISED_TO.search(text, a.end, b.start)
                     or b.start - a.end < 120 and (_AND_TO.fullmatch(text, a.end, b.start)
                                                   or _STAGED.fullmatch(text, a.end, b.start)))):
            b.unit = a.unit
    # `Capacity to Reach 40,000 Tonnes` in the headline, `40,000 tonnes` a year below: one figure
    # (only the headline's: in the body, `30,000 tonnes for 2025` beside `30,000 tonnes a year` is a quota)
    title_end = text.find("\n")
    rated = {(m.value, m.unit.split("/")[0]): m.unit for m in metrics
             if "/" in m.unit and not _CURRENCY_CODE.fullmatch(m.unit.split("/")[0])}
    for m in metrics if rated else ():
        if m.start < title_end and "/" not in m.unit and (m.value, m.unit) in rated:
            m.unit = rated[(m.value, m.unit)]


def _sentence_at(text: str, sents: list[tuple[int, int]], pos: int) -> str:
    return next((text[a:b] for a, b in sents if a <= pos < b), text)


_LIST_NUMBER = re.compile(r"(?:No\.|#|Nos\.)\s*$")
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d")
_MEASURE_WORDS = re.compile(r"[A-Za-z][\w-]*|[,;:.()—–]")
_WORDS = re.compile(r"[A-Za-z][\w-]*")
_MEASURE_WORDS_S = re.compile(r"[A-Za-z][\w-]*(?:[’'](?:s\b)?)?|[,;:.()—–]")  # (`China’s` one word)


def _is_year(num: str | None) -> bool:
    return bool(num) and _YEAR_NUMBER.fullmatch(num) is not None


def _number(s: str) -> float:
    return float(s.replace(",", ""))


def _metric(text: str, m: re.Match[str], value: float, unit: str, mentions: list[Mention],
            sents: list[tuple[int, int]], measure: str | None = None) -> Metric:
    s0, e0 = next(((s, e) for s, e in sents if s <= m.start() < e), (0, len(text)))
    if measure is None:
        measure = _measure(text[m.end() : e0], text[s0 : m.start()], unit)
    orgs = [x for x in mentions if x.entity_type == "organization" and s0 <= x.start < m.start()
            and not _listing(text, x)]
    approx = _APPROX_BEFORE.search(text[max(0, m.start() - 16) : m.start()]) is not None
    surface = text[m.start() : m.end()].strip()
    return Metric(value, unit, measure, approx, surface,
                  orgs[-1].canonical if orgs else None, m.start(), m.start() + len(surface))


def _measure(right: str, left: str, unit: str = "") -> str | None:
    """What is measured. The noun named before the figure in its clause, or the verb that tells
    it (`net profit … rose`, `revenue … reached`, `produced` → output), joined to the noun phrase
    after the figure (`capacity of rare earth oxides`); a percentage's change or share (`revenue
    rise` for `revenue rose 12%`, `share of sales` for `70% of its sales`, `TREO grade` for `4.13%
    TREO`). Without such a noun: the noun phrase after the figure (`in annual savings`), else the
    clause before it (`three alarms calibrated in …`)."""
    words = _MEASURE_WORDS_S.findall(right)
    prep = "of"
    if len(words) > 1 and words[0] in ("in", "of"):
        of, prep = words[0] == "of", words[0]
        words = words[1:]
        while len(words) > 1 and (words[0] in _DETERMINERS or words[0].endswith(("’s", "'s"))):
            words = words[1:]  # `70% of its sales`, `… of China’s imports`
    else:
        of = False
    if _PERIOD_WORDS.match(" ".join(words[:3])):
        words = []  # `up 18% year on year`: when, not what
    phrase = []
    for w in words:
        if w in ",;:.()—–" or w in _STOP_MEASURE or w in _PHRASE_END:
            break
        phrase.append(w)
        if len(phrase) == 4:
            break
    noun = _measure_noun(left, unit)
    if unit == "percent":
        change = _CHANGE_BEFORE.search(left, max(0, len(left) - 60)) or (phrase and _CHANGE_NOUN.get(phrase[0].lower()))
        if change:
            way = change if isinstance(change, str) else _CHANGE_WORDS[change.group(1).lower()]
            return f"{noun} {way}" if noun else " ".join(phrase) if phrase else way
        if phrase and " ".join(phrase).lower() in _GRADES:
            return f"{' '.join(phrase)} grade"  # `4.13% TREO`, `1.2% total rare earth oxides`
        if phrase == ["capacity"] and of:
            return "capacity utilization"  # `ran at 85% of capacity`
        if phrase and of:
            return "share of " + " ".join(phrase)  # `about 70% of its sales`
    if noun and phrase and not any(w.lower().rstrip("s") in noun for w in phrase):
        return f"{noun} {prep} {' '.join(phrase)}"  # `capacity … 3,000 tonnes of rare earth oxides`
    if noun:
        return noun
    if not phrase and "/" in unit and _CURRENCY_CODE.fullmatch(unit.split("/")[0]):
        return "price"  # `Dysprosium oxide held at US$230 per kilogram`
    if phrase:
        return " ".join(phrase)
    lw = _WORDS.findall(left)[-5:]
    while lw and lw[-1].lower() in _STOP_MEASURE:
        lw.pop()
    return " ".join(lw) or None


_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "a", "an"}
_PERIOD_WORDS = re.compile(r"(?:year|quarter|month) (?:on|over) (?:year|quarter|month)|year-on-year|"
                           r"quarter-on-quarter|a year|from a year|than a year|last year|this year")
# words that end the noun phrase after a figure (`… tonnes of magnet blanks last year`)
_PHRASE_END = {"went", "were", "was", "is", "are", "will", "would", "could", "can", "has", "have", "had",
                "came", "comes", "rose", "fell", "said", "says", "according", "go", "goes", "annually",
                "once", "each", "now", "already", "so", "which", "who", "when", "where", "after", "before", "over",
                "across", "within", "since", "during", "until", "through", "last", "this", "next", "up", "down"}
_GRADES = {"treo", "reo", "total rare earth oxides", "total rare earth oxide", "rare earth oxides", "tree"}
# a change told before a percentage: `rose 12.6%`, `up 18%`, `cut … by 42%`
_CHANGE_WORDS = {**dict.fromkeys(("up", "rose", "rise", "rises", "risen", "rising", "increased", "increase",
                                  "increases", "grew", "grown", "growing", "gained", "gain", "jumped",
                                  "climbed", "higher", "surged", "soared", "growth"), "rise"),
                 **dict.fromkeys(("down", "fell", "fallen", "falls", "falling", "dropped", "declined",
                                  "decline", "decreased", "decrease", "slipped", "lower", "slumped",
                                  "plunged", "cut", "reduced", "reduction", "lowered"), "fall")}
_CHANGE_BEFORE = re.compile(
    rf"\b({'|'.join(_CHANGE_WORDS)})(?:\s+(?:by|of))?(?:\s+(?:[a-z]+\s+){{0,4}}?by)?"
    r"\s+(?:about|around|nearly|almost|some|roughly|more than|over|just over|an estimated)?\s*$")
_CHANGE_NOUN = {"rise": "rise", "increase": "rise", "growth": "growth", "gain": "rise", "jump": "rise",
                "fall": "fall", "decline": "fall", "drop": "fall", "decrease": "fall", "cut": "fall",
                "reduction": "fall"}
# what a figure measures, named before it in its clause (the nearest), or the verb that tells it
_MEASURE_NOUNS = (
    "net profit", "profit", "net income", "earnings", "EBITDA", "revenue", "revenues", "sales", "turnover",
    "output value", "output", "production", "exports", "imports", "shipments", "capacity", "prices",
    "price", "share price", "shares", "costs", "cost", "investment", "funding", "financing", "loan",
    "grant", "subsidy", "savings", "consumption", "emissions", "reserves", "resources", "resource",
    "grade", "purity", "recovery", "utilisation", "utilization", "stake", "market share", "value",
    "quota", "demand", "supply", "volume", "inventory", "inventories", "stockpile", "spending", "budget",
    "dividend", "tariff", "tariffs", "tax", "fine", "penalty", "orders", "order", "output capacity",
    "loss", "net loss", "target", "power use", "energy use", "water use", "gas use", "electricity use",
    "electricity consumption", "utilization rate", "utilisation rate")
# a verb that tells what a figure measures, and which figures it tells: money ($), percentages (%),
# quantities (q): `invest` tells an amount of money, `covering 1,200 km2` no share
_MEASURE_VERBS = {
    **dict.fromkeys(("produced", "produce", "produces", "producing"), ("output", "%q$")),
    **dict.fromkeys(("invest", "invests", "invested", "investing"), ("investment", "$")),
    **dict.fromkeys(("spend", "spent", "spends"), ("spending", "$")),
    "exported": ("exports", "%q$"), "imported": ("imports", "%q$"), "sold": ("sales", "%q$"),
    "shipped": ("shipments", "%q$"), "raised": ("funds raised", "$"), "raise": ("funds raised", "$"),
    "lend": ("loan", "$"), "lent": ("loan", "$"), "fined": ("fine", "$"), "paid": ("payment", "$"),
    "pay": ("payment", "$"), "bought": ("purchases", "q$"), "buy": ("purchases", "%q$"),
    "buys": ("purchases", "%q$"), "saved": ("savings", "q$"), "save": ("savings", "q$"),
    "saves": ("savings", "q$"), "worth": ("value", "$"), "valued": ("value", "$"),
    "cover": ("share covered", "%"), "covers": ("share covered", "%"),
    **dict.fromkeys(("aims", "aimed", "aim", "targets", "targeted"), ("target", "%q$"))}
_MEASURE_MODIFIERS = (
    "net", "gross", "operating", "annual", "yearly", "total", "separation", "processing", "refining",
    "production", "magnet", "oxide", "metal", "market", "average", "first-half", "half-year", "quarterly",
    "full-year", "initial", "additional", "combined", "designed", "planned", "installed", "nameplate",
    "rare earth", "smelting", "recycling", "mining", "ore", "selling", "spot", "export", "import",
    "first-phase", "expanded", "new", "current", "contract", "government", "federal", "state",
    "research", "environmental", "energy", "water", "power", "carbon")
# (on lower-cased text; not the tax of `profit after tax`)
_MEASURE_RE = re.compile(rf"\b(?<!after )(?<!before )(?<!pre-)(?:{trie_regex([n.lower() for n in _MEASURE_NOUNS] + list(_MEASURE_VERBS))})\b")
_MODIFIER_BEFORE = re.compile(rf"\b(?:{trie_regex(list(_MEASURE_MODIFIERS))})\s+$")


_NO_MEASURE_NOUN = {"year", "month", "week", "day", "hour", "minute", "km", "m", "km2", "hectare", "mu"}
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'&.-]*\s+$")


def _measure_noun(left: str, unit: str) -> str | None:
    """The measure named last in `left` (its clause, at most 80 characters before the figure) that
    can tell a figure in `unit` (none for a span of time or a distance: `a 10-year offtake`)."""
    base = unit.split("/")[0]
    kind = ("%" if unit == "percent" else "$" if _CURRENCY_CODE.fullmatch(base) or base == "cent"
            else "" if base in _NO_MEASURE_NOUN else "q")
    if not kind:
        return None
    start = max((left.rfind(c) for c in ";:—–"), default=-1) + 1
    w0 = max(start, len(left) - 80)
    if w0 and left[w0 - 1].isalnum():  # (from the next whole word: not the `supply` of `oversupply`)
        w0 = left.find(" ", w0) + 1 or len(left)
    window = left[w0:]
    low = window.lower()
    last = None
    for m in _MEASURE_RE.finditer(low):
        verb = _MEASURE_VERBS.get(m.group())
        if verb is not None and kind not in verb[1]:
            continue
        at = w0 + m.start()
        if not (left[at].isupper() and _CAPITAL_BEFORE.search(left, max(0, at - 40), at)):
            last = m  # (not a word of a name: `Arafura Resources`, `Northern Rare Earth’s Value`)
    if last is None:
        return None
    said = window[last.start() : last.end()]
    said = said if said.isupper() else said.lower()  # (`Revenue rose`; `EBITDA`)
    if said in _MEASURE_VERBS:
        return _MEASURE_VERBS[said][0]
    mod = _MODIFIER_BEFORE.search(low, max(0, last.start() - 20), last.start())
    return f"{mod.group().strip()} {said}" if mod else said


# --- quotes -----------------------------------------------------------------------------------

# “double”, "straight" and ‘single’ quotes (a ’ before a letter is an apostrophe: `company’s`)
_QUOTE = re.compile(r"“([^”\n]{3,600})”|\"([^\"\n]{3,600})\"|‘(?<![\w’]‘)((?:[^‘’\n]|’(?=\w)){3,600})’(?!\w)")
_SAID = re.compile(
    r"\b(?:said|says|saying|told|tells|added|adds|noted|notes|stated|states|explained|explains|"
    r"declared|remarked|warned|warns|argued|argues|emphasized|emphasizes|emphasised|stressed|"
    r"stresses|urged|urges|insisted|insists|called for|calls for|called on|calls on|called|"
    r"calls|asked|asks|described|describes|wrote|writes|pledged|pledges|praised|praises|hailed|hails|"
    r"pointed out|points out)\b"
)
_AFTER_QUOTE = re.compile(  # `,” Meng said` / `,” said Meng` / `,” she said`
    r"\s*,?\s*(?:(?P<v1>[A-Za-z]+)\s+(?P<who>[A-Z][\w-]+(?: [A-Z][\w-]+)?)|"
    r"(?P<who2>[A-Z][\w-]+(?: [A-Z][\w-]+)?|[Ss]he|[Hh]e|[Tt]hey)\s+(?P<v2>[a-z]+))"
)
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prof)\.? ")
_PRONOUN = re.compile(r"\b(?:she|he|they)\b", re.IGNORECASE)


@dataclass
class Quote:
    speaker: str | None
    quote: str
    start: int
    end: int


def find_quotes(text: str, mentions: list[Mention], sents: list[tuple[int, int]],
                skip: list[tuple[int, int]], roles: list[Role] | None = None) -> list[Quote]:
    roles = roles or []
    people = [m for m in mentions if m.entity_type == "person"]
    quotes: list[Quote] = []
    last_speaker: str | None = None
    last_end = -1
    for m in _QUOTE.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        body = m.group(m.lastindex).strip()
        words = body.split()
        if len(words) < 3 or all(w[:1].isupper() or not w[:1].isalpha() for w in words):
            continue  # scare quotes and quoted names are not quotes
        s0, e0 = next(((s, e) for s, e in sents if s <= m.start() < e), (0, len(text)))
        # A sentence that quotes may run past the sentence split inside the quote.
        e0 = max(e0, next((e for s, e in sents if s <= m.end() - 1 < e), e0))
        right = text[m.end() : min(e0 + 1, m.end() + 80)]
        left = text[s0 : m.start()]
        speaker = None
        full_clause = body[-1:] in ".,!?" or len(words) >= 8
        line_start = text.rfind("\n", 0, m.start()) + 1
        if text[m.start() - 1 : m.start()] in (" ", ":") and (qa := _QA_SPEAKER.fullmatch(text, line_start, m.start())):
            # an interview: `Cai Baogui: “Our customers …”`
            speaker = next((p.canonical for p in people if p.start == qa.start(1) and p.end == qa.end(1)), None)
        r = _AFTER_QUOTE.match(right)
        if speaker is None and r and _SAID.fullmatch(r.group("v1") or r.group("v2") or ""):
            who_pos = m.end() + (r.start("who") if r.group("who") else r.start("who2"))
            if h := _HONORIFIC.match(text, who_pos):  # `,” Mr Cuzzubbo said`
                who_pos = h.end()
            speaker = _person_at(people, who_pos) or (
                _last_person(people, m.start(), text, sents) if _PRONOUN.fullmatch(r.group("who2") or "") else None
            )
        if speaker is None and r and r.group("v1") and _SAID.fullmatch(r.group("v1")):
            # `,” said Apple CEO Tim Cook`: the first person named after the verb
            after_verb = m.end() + r.start("who")
            speaker = next((p.canonical for p in people
                            if after_verb <= p.start < min(e0, after_verb + 60)), None)
        if speaker is None:  # `“…,” Northern Rare Earth General Manager Liu Pei said`
            for p in people:
                if (m.end() <= p.start < min(e0, m.end() + 120)
                        and _SAID.match(text, p.end + 1)
                        and text[m.end() : p.start].count(" ") <= 8):
                    speaker = p.canonical
                    break
        if speaker is None:
            verb = None
            for v in _SAID.finditer(left):
                verb = v
            # A short quoted phrase after a verb is a quote when it is a list of words the
            # speaker chose (`focus on “specialization, refinement, and innovation”`), not a
            # term (`the push for “new quality productivity”`).
            # (or a phrase the speaker says something is: `said that safety is “the lifeline of the
            # enterprise”`, `talent is “the first resource”`; three words when they open with an article)
            phrase_ok = (len(words) >= 6 or "," in body.rstrip(",") or body[-1:] in ".!?"
                         or (len(words) >= 4 or len(words) == 3 and words[0].lower() in ("the", "a", "an"))
                         and _COPULA_BEFORE.search(left) is not None  # (`would be “a vital part”`)
                         # (or what the speaker asked others to do: `asked each workshop to “leave no blind spots”`)
                         or len(words) >= 3 and _DIRECTIVE_TO.search(left) is not None)
            between = left[verb.end():] if verb is not None else ""
            # (or further in the speaker's own `that` clause, with nobody else named in between:
            # `He Yadong told a press conference … that China … would approve applications “…”`)
            reach = len(between.split()) <= 12 or (
                len(between.split()) <= 40 and (" that " in between or body[-1:] in ".!?")  # (or ending
                # the sentence: `Meng said Baogang valued … and hoped the two companies would “… production.”`)
                and not any(s0 + verb.end() <= p.start < m.start() for p in people))
            if verb is not None and phrase_ok and reach:
                subject = [p for p in people if s0 <= p.start < s0 + verb.start()
                           and not _in_relative_clause(left, p.start - s0)
                           and not text.startswith(("’s ", "'s "), p.end)  # (`studied Xi Jinping’s letter and called for “…”`)
                           and not _LED_BY.search(text, max(s0, p.start - 20), p.start)]  # (`met with a
                # delegation led by Wang Lei and asked the company to “…”`: who led it is not who asked)
                if subject:
                    speaker = subject[-1].canonical
                elif any(s0 <= p.start < s0 + verb.start() for p in people):
                    pass  # (only people in a possessive or a relative clause: the subject is no one named)
                elif _PRONOUN.search(left[: verb.start()]):
                    speaker = _last_person(people, m.start(), text, sents)
                else:  # `The company’s CEO calls …`: the person who holds that title here
                    speaker = _holder_of_title(left[: verb.start()], roles)
        if speaker is None and full_clause and last_speaker and 0 <= m.start() - last_end < 40:
            speaker = last_speaker  # a quote continued after its attribution
        if speaker is None:
            continue
        quotes.append(Quote(speaker, body.rstrip(",").strip(), m.start(m.lastindex),
                            m.start(m.lastindex) + len(body.rstrip(",").strip())))
        last_speaker, last_end = speaker, max(m.end(), e0)
    if len(quotes) < 2:
        return quotes
    # `called the award “a win for Wyoming.”` in the highlights, the whole sentence in the body:
    # one quote, the longer telling
    core = [q.quote.rstrip(".!?,;:").casefold() for q in quotes]
    # (and the same words told twice, in the highlights and the body: the first telling)
    return [q for i, q in enumerate(quotes)
            if not any(j != i and o.speaker == q.speaker and core[i] in core[j]
                       and (len(core[j]) > len(core[i]) or j < i) for j, o in enumerate(quotes))]


_LED_BY = re.compile(r"\b(?:led|headed|accompanied|joined)\s+by\s+$")
_QA_SPEAKER = re.compile(r"\s*([^\n:“”\"]{3,40}):\s*")


def _holder_of_title(text: str, roles: list[Role]) -> str | None:
    for r in roles:
        if re.search(rf"\b{re.escape(r.title)}\b", text):
            return r.person
    return None


def _person_at(people: list[Mention], pos: int) -> str | None:
    return next((p.canonical for p in people if p.start == pos), None)


def _last_person(people: list[Mention], pos: int, text: str, sents: list[tuple[int, int]]) -> str | None:
    """Who `he`/`she` before `pos` is: the last person named, unless that person is whom the one
    named before them in the same sentence met or handed something to (`Huang … met plant manager
    Sun Wei. He urged …`: Huang)."""
    prior = [p for p in people if p.start < pos]
    if not prior:
        return None
    last = prior[-1]
    if len(prior) > 1 and (_MET_BEFORE.search(text, max(0, last.start - 40), last.start)
                           or _GIVEN_TO.search(text, max(0, last.start - 90), last.start)):
        subject = next((p for p in reversed(prior[:-1]) if p.canonical != last.canonical), None)
        sentence_start = next((a for a, b in sents if a <= last.start < b), 0)
        if subject is not None and subject.start >= sentence_start:
            return subject.canonical
    return last.canonical


# a person named as whom somebody met: `met plant manager Sun Wei`, `held talks with Li Jie`
_MET_BEFORE = re.compile(r"\b(?:met|meets|met with|meets with|talks with|received|accompanied by|joined by)"
                         r"(?:\s+[A-Za-z-]+){0,3}?\s+$")
# or as whom somebody handed something: `presented the licence to Ionic Rare Earths Managing Director Tim Harrison`
_GIVEN_TO = re.compile(r"\b(?:presented|handed|gave|awarded)\s+(?:[\w’'-]+\s+){0,4}?to\s+(?:[\w’'.-]+\s+){0,5}$")


@dataclass
class Facts:
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    year: int | None = None
