"""Text → repaired text, with one audit row per change.

Three layers run in order, each only on text that shows its family's marks:

1. **cp1252-lossy** (ours): `”` is E2 80 9D and 0x9D is undefined in Windows-1252, so a strict
   decoder drops it and `”` arrives as a bare `â€`. ftfy then reads the following space as a
   lost NBSP and makes a dagger out of it (`â€ ` → `†`), so this layer must run first.
2. **ftfy** `fix_encoding` — the field's standard repair for Windows-1252 / Latin-1 / double
   encodings. Curly quotes are kept: the text must stay faithful.
3. **thai** (ours): UTF-8 read as TIS-620 / Windows-874. The hybrid form is exactly reversible
   (`โ€™` → `’`). In the lossy form the surviving lead byte tells the family (`โ` = E2 xx xx) and
   context tells the character: `Chinaโs` → `China’s`, `2024โ2025` → `2024–2025`,
   `updateโtightening` → `update—tightening`, `Exchangesโข` → `Exchanges™`, a line-leading
   `โข` → `•`. What cannot be told apart (a lone `ร` could be any of À…ß; a Chinese character
   that lost a byte) is left exactly as it was and reported as a residual — never invented.

Genuine Thai, Chinese, accented Latin, math and emoji are never changed: a run of Thai letters is
only treated as mojibake when every letter in it is explained as a UTF-8 byte, and a document whose
Thai is mostly genuine is left alone.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import ftfy
from ftfy.badness import BADNESS_RE

from transforms.chardata import (
    DASH_CHARS,
    PLAUSIBLE,
    QUOTE_CHARS,
    Family,
    cp1252_family,
    is_continuation,
    thai_family,
    utf8_length,
)


@dataclass(frozen=True)
class Repair:
    """One change: `start`/`end` are offsets of `after` in the repaired text."""

    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float


@dataclass(frozen=True)
class Residual:
    """Text that looks like mojibake but cannot be restored without inventing characters."""

    start: int
    end: int
    text: str
    rule: str


@dataclass
class RepairResult:
    text: str
    repairs: list[Repair] = field(default_factory=list)
    residuals: list[Residual] = field(default_factory=list)

    @property
    def families(self) -> list[str]:
        """Mojibake families repaired (`thai-exact` alone means only whole sequences were seen)."""
        rules = {r.rule for r in self.repairs}
        fams = {{"ftfy": "cp1252", "cp1252-exact": "cp1252", "cp1252-lossy": "cp1252"}.get(r, r) for r in rules}
        if "thai-hybrid" in fams:  # Windows-874 with its gaps read as Windows-1252
            fams.discard("cp874")
        if "cp874" in fams:  # Windows-874 (€ … ‘ ’ “ ” • – — kept): lost bytes are its gaps
            fams -= {"thai-lossy", "thai-exact"}
        if fams & {"thai-lossy", "thai-hybrid"}:
            fams.discard("thai-exact")
        return sorted({"thai" if f == "thai-exact" else f for f in fams})


@dataclass(frozen=True)
class _Edit:
    """A change in the coordinates of a layer's input."""

    start: int
    end: int
    after: str
    rule: str
    confidence: float


# --- unit parsing ---------------------------------------------------------------------------


@dataclass
class _Unit:
    start: int  # offsets into the run
    end: int
    kind: str  # exact | lossy | dead | literal
    chars: list[str]  # exact: [char]; lossy: candidates best first


def _acceptable_exact(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat not in ("Cc", "Cn", "Co", "Cs")


def _parse_run(run: str, fam: Family) -> list[_Unit]:
    bs = [fam.to_byte[c] for c in run]
    n = len(bs)
    units: list[_Unit] = []
    i = 0
    while i < n:
        need = utf8_length(bs[i])
        if not need:
            units.append(_Unit(i, i + 1, "literal", [run[i]]))
            i += 1
            continue
        if i + need <= n and all(is_continuation(b) for b in bs[i + 1 : i + need]):
            try:
                ch = bytes(bs[i : i + need]).decode("utf-8")
            except UnicodeDecodeError:
                ch = ""
            if ch and _acceptable_exact(ch):
                units.append(_Unit(i, i + need, "exact", [ch]))
                i += need
                continue
        k = 0
        while k < need - 1 and i + 1 + k < n and is_continuation(bs[i + 1 + k]):
            k += 1
        for m in range(k, -1, -1):
            cands = fam.lossy.get(bytes(bs[i : i + 1 + m]))
            if cands is not None:
                units.append(_Unit(i, i + 1 + m, "lossy" if cands else "dead", cands))
                i += 1 + m
                break
        else:
            units.append(_Unit(i, i + 1 + k, "dead", []))
            i += 1 + k
    return units


# --- context ---------------------------------------------------------------------------------

_APOS_AFTER = re.compile(r"(?:s|t|re|ve|ll|d|m)(?![^\W\d_])", re.IGNORECASE)
_PINYIN_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z][a-z]{0,3}$")
_PINYIN_AFTER = re.compile(r"(?:a|ai|an|ang|ao|e|ei|en|eng|er|o|ou)(?![^\W\d_])")
_CURRENCY = set("$€£¥₹")
_OPENERS = set("([{/")
_CLOSERS_AFTER = set(".,;:!?)]}")


class _Quotes:
    """Which quotes are open, so that a closing mark matches its opener (reset per paragraph)."""

    def __init__(self) -> None:
        self.stack: list[str] = []

    def open(self) -> list[str]:
        return ["\u2018", "\u201c"] if "\u201c" in self.stack else ["\u201c", "\u2018"]

    def close(self) -> list[str]:
        if self.stack:
            return ["\u201d", "\u2019"] if self.stack[-1] == "\u201c" else ["\u2019", "\u201d"]
        return ["\u201d", "\u2019"]

    def note(self, ch: str) -> None:
        if ch in ("\u201c", "\u2018"):
            self.stack.append(ch)
        elif ch == "\u201d" and "\u201c" in self.stack:
            while self.stack and self.stack.pop() != "\u201c":
                pass
        elif ch == "\u2019" and self.stack and self.stack[-1] == "\u2018":
            self.stack.pop()


@cache
def _element_names() -> frozenset[str]:
    path = Path(__file__).parent / "knowledge" / "elements.csv"
    return frozenset(ln.split(",")[0] for ln in path.read_text(encoding="utf-8").splitlines()[1:])


_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")


def _prefer(prev: str, nxt: str, after: str, quotes: _Quotes, next_is_mark: bool,
            before: str = "") -> list[str]:
    """Characters in order of preference for a lost punctuation mark, from its neighbours."""
    p_space = prev == "" or prev.isspace() or prev in _OPENERS
    n_space = nxt == "" or nxt.isspace()
    if (prev.isdigit() or prev in _CURRENCY) and (nxt.isdigit() or nxt in _CURRENCY):
        return ["\u2013", "\u2014"]
    if prev.isalpha() and _APOS_AFTER.match(after):
        return ["\u2019"]
    if prev.isalpha() and _PINYIN_AFTER.match(after) and _PINYIN_BEFORE.search(before):
        return ["\u2019"]  # `Ji’an`, `Xi’an`: the mark between two syllables of a Chinese place name
    if p_space and n_space:
        return ["\u2013", "\u2014"]
    if p_space:
        return quotes.open()
    if prev.isalpha() and nxt.isalpha():
        lw, nw = _LAST_WORD.search(before), _FIRST_WORD.search(after)
        elements = _element_names()
        if lw and nw and lw.group(1).lower() in elements and nw.group(1).lower() in elements:
            return ["\u2013", "\u2014"]  # neodymium–praseodymium joins a pair, not a clause
        if lw and lw.group(1)[0].isupper() and nxt.isupper():
            return ["\u2013", "\u2014"]  # so do two names: `China–Eurasia Expo`, `Niobium–Rare Earth Project`
    if prev.isalnum() or prev in ".,!?;:%)\u2019\u201d\u2122":
        if n_space or nxt in _CLOSERS_AFTER or next_is_mark:
            if quotes.stack:
                return quotes.close()
            if prev in "sS":
                return ["\u2019", "\u201d"]
            if next_is_mark and prev.isalpha():
                return ["\u2014", "\u201d"]
            return ["\u201d", "\u2019"]
        if prev in "\u201d\u2019" or prev.isalnum():
            return ["\u2014", "\u2013"]
    return []


def _choose(cands: list[str], prev: str, nxt: str, after: str, quotes: _Quotes,
            next_is_mark: bool, before: str = "") -> tuple[str, float]:
    if len(cands) == 1:
        return cands[0], 0.95
    cs = set(cands)
    if "\u2022" in cs and "\u2122" in cs:
        return ("\u2122", 0.85) if (prev.isalnum() or prev in ")\u00ae") else ("\u2022", 0.85)
    if nxt.isdigit() and (money := [c for c in cands if unicodedata.category(c) == "Sc"]):
        return money[0], 0.8  # `₹7,280 crore`: before a number, the currency sign (not `‹`)
    if cs & (QUOTE_CHARS | DASH_CHARS):
        for ch in _prefer(prev, nxt, after, quotes, next_is_mark, before):
            if ch in cs:
                return ch, 0.8
    return cands[0], 0.5


# --- layers -----------------------------------------------------------------------------------


_THAI_LETTER = re.compile("[\u0e01-\u0e5b]")
_LATIN_LETTER = re.compile("[A-Za-z]")
_THAI_RUN_CACHE: dict[str, re.Pattern[str]] = {}


def _runs_regex(fam: Family) -> re.Pattern[str]:
    pat = _THAI_RUN_CACHE.get(fam.name)
    if pat is None:
        domain = "".join(re.escape(c) for c in sorted(fam.to_byte))
        pat = _THAI_RUN_CACHE[fam.name] = re.compile(f"[{domain}]+")
    return pat


# What Windows-874 reads from 0x80–0x9F (€ … ‘ ’ “ ” • – —); ISO-8859-11 drops those bytes.
_CP874_MARKS = frozenset(bytes([b]).decode("cp874") for b in range(0x80, 0xA0)
                         if bytes([b]).decode("cp874", "replace") != "\ufffd")


def _thai_layer(text: str) -> tuple[list[_Edit], list[Residual]]:
    if not _THAI_LETTER.search(text):
        return [], []
    fam = thai_family()
    parsed = []
    genuine = explained = 0
    for m in _runs_regex(fam).finditer(text):
        run = m.group()
        units = _parse_run(run, fam)
        letters = len(_THAI_LETTER.findall(run))
        good = any(u.kind in ("exact", "lossy") for u in units)
        thai_literal = any(u.kind == "literal" and _THAI_LETTER.match(run[u.start]) for u in units)
        is_mojibake = good and not thai_literal
        if is_mojibake:
            explained += letters
        elif letters >= 2:
            genuine += letters
        parsed.append((m.start(), run, units, is_mojibake, letters))
    # A Thai-language document (its unexplained Thai outweighs the mojibake, and Thai outweighs
    # Latin letters) is left alone; in an English article the unexplained runs are residuals.
    if genuine > explained and genuine > len(_LATIN_LETTER.findall(text)):
        return [], []

    edits: list[_Edit] = []
    residuals: list[Residual] = []
    quotes = _Quotes()
    last_end = 0
    for start, run, units, is_mojibake, letters in parsed:
        if "\n" in text[last_end:start]:
            quotes = _Quotes()
        last_end = start + len(run)
        if not is_mojibake or any(u.kind == "dead" for u in units):
            # A run holding an unrecoverable sequence is left whole: a mark repaired next to it
            # would read as its missing byte on the next pass (`ๅฝ` + `”` is a valid, wrong
            # character), and repair must be idempotent.
            if len(run) == 1 and (ch := _lexicon_letter(text, start, run, fam)):
                edits.append(_Edit(start, start + 1, ch, "thai-lexicon", 0.9))
                continue
            if letters:
                residuals.append(Residual(start, start + len(run), run, "thai-unrecoverable"))
            continue
        out_prev = text[start - 1] if start else ""
        for idx, u in enumerate(units):
            raw = run[u.start : u.end]
            nxt_unit = units[idx + 1] if idx + 1 < len(units) else None
            if nxt_unit is not None:
                nxt = run[nxt_unit.start]
                after = run[nxt_unit.start :]
                next_is_mark = nxt_unit.kind in ("lossy", "exact")
            else:
                nxt = text[start + len(run)] if start + len(run) < len(text) else ""
                after = text[start + len(run) : start + len(run) + 24]
                next_is_mark = False
            if u.kind == "literal":
                out_prev = raw
                quotes.note(raw)
                continue
            if u.kind == "exact":
                ch, conf = u.chars[0], 1.0
                rule = ("thai-hybrid" if any(c not in _CP874_MARKS and not _THAI_LETTER.match(c) for c in raw)
                        else "cp874" if any(c in _CP874_MARKS for c in raw) else "thai-exact")
            else:
                before = text[max(0, start + u.start - 24) : start + u.start]
                ch, conf = _choose(u.chars, out_prev, nxt, after, quotes, next_is_mark, before)
                # `โ€` (’ without its last byte): Windows-874 kept 0x80, so not TIS-620
                rule = "cp874" if any(c in _CP874_MARKS for c in raw) else "thai-lossy"
            quotes.note(ch)
            if ch != raw:
                edits.append(_Edit(start + u.start, start + u.end, ch, rule, conf))
            out_prev = ch
    return edits, residuals


_WORD_LEFT = re.compile(r"[^\W\d_]+$")
_WORD_RIGHT = re.compile(r"[^\W\d_]+")


def _lexicon_letter(text: str, start: int, run: str, fam: Family) -> str | None:
    """`Eskiลehir`: a letter whose second byte was lost (`ş` is C5 9F; `ล` alone could be any of
    ŀ…ş) inside a Latin word, restored when exactly one candidate makes a word of a name the
    knowledge base knows (`Eskişehir`). Never a guess: else it stays a residual."""
    lead = fam.to_byte.get(run)
    if lead is None or not 0xC2 <= lead <= 0xDF:
        return None
    left = _WORD_LEFT.search(text, max(0, start - 30), start)
    right = _WORD_RIGHT.match(text, start + 1)
    if left is None or right is None or not left.group().isascii() or not right.group().isascii():
        return None
    words = _lexicon()
    found = {ch for ch in _lost_second_byte(lead, fam.dropped_sets)
             if (left.group() + ch + right.group()).lower() in words}
    if len({c.lower() for c in found}) != 1:
        return None  # (none, or two letters that both make a known word)
    if len(found) == 1:
        return found.pop()
    lower = right.group()[0].islower()  # both cases spell it: `Eskişehir`, not `EskiŞehir`
    return next(c for c in found if c.islower() == lower)


@cache
def _lost_second_byte(lead: int, dropped_sets: tuple[frozenset[int], ...]) -> tuple[str, ...]:
    """The letters whose UTF-8 is `lead` + a byte this family's lossy decoders drop."""
    dropped = set().union(*dropped_sets)
    out = []
    for b in sorted(dropped):
        try:
            ch = bytes([lead, b]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if ch.isalpha():
            out.append(ch)
    return tuple(out)


@cache
def _lexicon() -> frozenset[str]:
    """Words of the knowledge base's names that hold a non-ASCII letter (lower case)."""
    from transforms.kb import load  # (here: the knowledge base is not needed to repair most text)

    return frozenset(w.lower() for name in load().aliases for w in re.findall(r"[^\W\d_]+", name)
                     if not w.isascii())


def _cp1252_lossy_layer(text: str) -> list[_Edit]:
    """`”` that lost its undefined last byte (`â€` + a space or letter) → `”`, before ftfy.

    Only where the mark stands alone after ASCII: inside a run of deeper mojibake, or before a
    U+FFFD that stands for the lost byte, ftfy's own handling is the right one.
    """
    if _PUNCTUATION_LEAD not in text:
        return []
    fam = cp1252_family()
    edits: list[_Edit] = []
    quotes = _Quotes()
    for m in _runs_regex(fam).finditer(text):
        run, start = m.group(), m.start()
        for u in _parse_run(run, fam):
            if u.kind != "lossy" or u.end - u.start < 2:
                continue
            end = start + u.end
            nxt = text[end] if end < len(text) else ""
            prev = text[start + u.start - 1] if start + u.start else ""
            if nxt in "?" and nxt or not nxt.isascii() or (prev and not prev.isascii()):
                continue
            ch, conf = _choose(u.chars, prev, nxt, text[end : end + 24], quotes, False,
                               text[max(0, start + u.start - 24) : start + u.start])
            quotes.note(ch)
            edits.append(_Edit(start + u.start, end, ch, "cp1252-lossy", conf))
    return edits


def _cp1252_residue_layer(text: str, letters: bool = False) -> list[_Edit]:
    """Whole Windows-1252 sequences ftfy left behind (it gives up on a line that mixes fixed
    and broken text: `© 2025 Rare Earth Exchangesâ„¢`). Only sequences that decode to a
    character news text plausibly contains are changed; with `letters` (the text held
    Windows-1252 mojibake of punctuation, `â€`), also a letter's two bytes in an ASCII word."""
    if not _CP1252_MARKS.search(text):
        return []
    fam = cp1252_family()
    edits: list[_Edit] = []
    for m in _runs_regex(fam).finditer(text):
        run, start = m.group(), m.start()
        for u in _parse_run(run, fam):
            if u.kind != "exact":
                continue
            prev = text[start + u.start - 1] if start + u.start else ""
            nxt = text[start + u.end : start + u.end + 1]
            whole = u.end - u.start >= 3 and u.chars[0] in PLAUSIBLE and prev.isascii()
            # `EskiÅŸehir`, `Åšwinoujście`: a letter's two bytes in an ASCII word (ftfy gave up on its
            # line), in text that shows the mojibake elsewhere (not ftfy's `DrÃ¥ber` alone), and not
            # before what follows a capital in real text (ftfy's own cases: `SELKÄ EDELLÄ`, `ZZAJÉ’s`)
            letter = (letters and u.end - u.start == 2 and u.chars[0].isalpha()
                      and run[u.start + 1] not in _AFTER_A_LETTER
                      and prev.isascii() and not prev.isdigit() and nxt.isascii() and nxt.isalpha())
            if whole or letter:
                edits.append(_Edit(start + u.start, start + u.end, u.chars[0], "cp1252-exact", 0.9))
    return edits


_PUNCTUATION_LEAD = "\u00e2\u20ac"  # `â€`: how Windows-1252 mojibake of ‘ ’ “ ” – — … begins
# characters that follow a letter in real text (a no-break space, quotes, dashes, dots): a capital
# before one of them is that capital, not a letter's lead byte
_AFTER_A_LETTER = frozenset("\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00b4\u00b7")
_CP1252_MARKS = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


# Any single-byte mojibake holds a lead-byte character outside ASCII, common punctuation and Thai
# (Â-ô in Windows-1252/Latin-1, box drawing in cp437, ∆√ in MacRoman …): text without one cannot
# be something ftfy fixes, and skipping its badness scan is most of the cost of clean text.
_FTFY_CANDIDATE = re.compile("[^\x00-\x7f\u2010-\u2027\u2122\u20ac\u00a0\u00a9\u00ae\u00b0\u0e00-\u0e7f]")


_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_BADNESS_WIDTH = 7  # the longest match of ftfy's badness pattern (tests/test_repair.py checks it)


def is_bad(text: str) -> bool:
    """ftfy.badness.is_bad, exactly, but searched only around non-ASCII characters.

    Every one of ftfy's badness patterns holds a non-ASCII character and spans at most seven
    characters, and none has an anchor or a look-around, so a match lies within six characters of
    a non-ASCII run. ftfy scans the whole text with its 4,000-character pattern: 0.46 ms on a
    2,400-character article; this, 0.09 ms on the same texts.
    """
    search = BADNESS_RE.search
    n = len(text)
    for m in _NON_ASCII_RUN.finditer(text):
        a, b = m.span()
        if search(text, max(a - _BADNESS_WIDTH + 1, 0), min(b + _BADNESS_WIDTH - 1, n)):
            return True
    return False


def _ftfy_layer(text: str) -> list[_Edit]:
    """ftfy.fix_encoding, gated by ftfy's own badness test; then line by line where still bad.

    The second pass exists because one line that does not round-trip makes fix_encoding give up
    on the whole text (`Exchangesâ„¢` stayed broken beside a line it could not re-encode).
    """
    if text.isascii() or not _FTFY_CANDIDATE.search(text) or not is_bad(text):
        return []
    fixed = ftfy.fix_encoding(text)
    if is_bad(fixed):
        lines = fixed.split("\n")
        fixed = "\n".join(ftfy.fix_encoding(ln) if is_bad(ln) else ln for ln in lines)
    return _diff_edits(text, fixed, "ftfy", 0.9) if fixed != text else []


_TOKENS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


def _diff_edits(a: str, b: str, rule: str, confidence: float) -> list[_Edit]:
    """Edits turning a into b, aligned on runs of ASCII / non-ASCII (mojibake never spans ASCII
    letters, so this is exact and far faster than a character diff)."""
    ta = [m.group() for m in _TOKENS.finditer(a)]
    tb = [m.group() for m in _TOKENS.finditer(b)]
    offs_a = [0]
    for t in ta:
        offs_a.append(offs_a[-1] + len(t))
    odd = bool(ta) and ta[0] >= "\x80"  # ASCII runs at odd positions: the text opens with non-ASCII
    if (len(ta) == len(tb) and (not tb or (tb[0] >= "\x80") == odd)
            and all(x == y for x, y in zip(ta[odd::2], tb[odd::2]))):
        # the usual case: every ASCII run kept, only the runs between them changed, one for one
        opcodes = [("replace", i, i + 1, i, i + 1) for i in range(len(ta)) if ta[i] != tb[i]]
    else:
        opcodes = difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    edits = []
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            continue
        before, after = a[offs_a[i1] : offs_a[i2]], "".join(tb[j1:j2])
        # trim the common prefix/suffix so the edit covers only what changed
        k = 0
        while k < min(len(before), len(after)) and before[k] == after[k]:
            k += 1
        e = 0
        while e < min(len(before), len(after)) - k and before[-1 - e] == after[-1 - e]:
            e += 1
        edits.append(_Edit(offs_a[i1] + k, offs_a[i2] - e, after[k : len(after) - e], rule, confidence))
    return edits


# --- composition ------------------------------------------------------------------------------


def _apply(text: str, edits: list[_Edit]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """Apply sorted, non-overlapping edits; return the new text and (in_s, in_e, out_s, out_e)."""
    out: list[str] = []
    spans = []
    pos = 0
    shift = 0
    for e in edits:
        out.append(text[pos : e.start])
        out.append(e.after)
        spans.append((e.start, e.end, e.start + shift, e.start + shift + len(e.after)))
        shift += len(e.after) - (e.end - e.start)
        pos = e.end
    out.append(text[pos:])
    return "".join(out), spans


def _mapper(spans: list[tuple[int, int, int, int]]):
    """Map an offset in a layer's input to its output, given the layer's edit spans."""

    def f(x: int, is_end: bool = False) -> int:
        shift = 0
        for in_s, in_e, out_s, out_e in spans:
            if x < in_s or (x == in_s and not is_end):
                break
            if x < in_e or (x == in_e and is_end):
                return out_e if is_end else out_s
            shift = out_e - in_e
        return x + shift

    return f


def repair(text: str) -> RepairResult:
    """Repair mojibake in `text`; every change is explained by a `Repair` row."""
    # Records of changes as (start, end, before, after, rule, conf) in current-text coordinates.
    records: list[list] = []
    residuals: list[Residual] = []
    current = text
    residue = partial(_cp1252_residue_layer, letters=_PUNCTUATION_LEAD in text)
    for layer in (_cp1252_lossy_layer, _ftfy_layer, residue, _thai_layer):
        result = layer(current)
        edits, new_res = result if isinstance(result, tuple) else (result, [])
        if not edits:
            residuals = residuals + new_res
            continue
        edits.sort(key=lambda e: e.start)
        new_text, spans = _apply(current, edits)
        f = _mapper(spans)
        records = [[f(r[0]), f(r[1], True), *r[2:]] for r in records]
        residuals = [
            Residual(f(r.start), f(r.end, True), r.text, r.rule) for r in residuals
        ] + list(_shift_residuals(new_res, spans))
        for e, (in_s, in_e, out_s, out_e) in zip(edits, spans, strict=True):
            records.append([out_s, out_e, current[in_s:in_e], e.after, e.rule, e.confidence])
        current = new_text
    records.sort(key=lambda r: r[0])
    repairs = [Repair(*r) for r in records]
    return RepairResult(current, repairs, sorted(residuals, key=lambda r: r.start))


def _shift_residuals(res: list[Residual], spans: list[tuple[int, int, int, int]]):
    f = _mapper(spans)
    for r in res:
        yield Residual(f(r.start), f(r.end, True), r.text, r.rule)


# --- measurement helpers ----------------------------------------------------------------------

_MARKS = re.compile(
    _CP1252_MARKS.pattern + "|\ufffd|(?<=[A-Za-z0-9 ])[\u0e01-\u0e5b]|[\u0e01-\u0e5b](?=[A-Za-z0-9 ])"
)


def mojibake_marks(text: str) -> int:
    """Residual mojibake marks: cp1252 lead/continuation pairs, U+FFFD, Thai letters touching Latin."""
    return len(_MARKS.findall(text))
