"""Character tables for mojibake repair.

UTF-8 text that was decoded with a single-byte code page turns every non-ASCII character into
two to four characters of that code page, one per byte. Reversing it means mapping each character
back to its byte. Two code-page *families* matter in rare-earth news scrapes:

* **thai** — bytes read as TIS-620 / ISO-8859-11 / Windows-874. `China’s` (E2 80 99) becomes
  `Chinaโ€™s` when Windows-874 kept 0x80 as `€` and 0x99 fell back to Windows-1252 `™` (the
  "hybrid" form), `Chinaโs` when the decoder threw 0x80–0x9F away (the "lossy" form).
* **cp1252** — bytes read as Windows-1252 / Latin-1 (`Chinaâ€™s`). ftfy repairs most of it; the
  lossy case where an undefined byte (0x81 0x8D 0x8F 0x90 0x9D) was dropped is ours: `”` (E2 80 9D)
  arrives as a bare `â€`.

For each family this module builds the char → byte map and a table of *lossy signatures*: the
bytes that survive when the droppable bytes of a plausible character are removed, mapped to the
characters that could have produced them. Only characters in `PLAUSIBLE` (what English-language
news actually contains, with a prior weight) are ever guessed; anything else is left alone and
reported as unrecoverable.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache

# Characters we are willing to *infer* when bytes are missing, with a prior weight (higher wins
# when context does not decide). Curly quotes and dashes dominate English news.
PLAUSIBLE: dict[str, int] = {
    "\u2019": 100, "\u201c": 60, "\u201d": 60, "\u2018": 25, "\u2013": 50, "\u2014": 50,
    "\u2026": 40, "\u2022": 30, "\u2122": 25, "\u00a9": 25, "\u00ae": 15, "\u00b0": 15,
    "\u20ac": 20, "\u00a3": 15, "\u00a5": 10, "\u20b9": 5, "\u20a9": 2, "\u00b3": 10, "\u00b2": 10, "\u00b1": 5,
    "\u00d7": 5, "\u00bd": 5, "\u00bc": 3, "\u00be": 3, "\u00b7": 5, "\u00a7": 3, "\u00a0": 8,
    "\u2032": 3, "\u2033": 3, "\u2030": 3, "\u2020": 2, "\u2021": 1, "\u2264": 3, "\u2265": 3,
    "\u2248": 3, "\u2192": 2, "\u00b5": 3, "\u00ab": 3, "\u00bb": 3, "\u2039": 1, "\u203a": 1,
    "\u201e": 1, "\u201a": 1, "\u2212": 2, "\u2010": 1, "\u2011": 1, "\u00e9": 20, "\u00e8": 8,
    "\u00e0": 8, "\u00e1": 8, "\u00e2": 3, "\u00e4": 5, "\u00e7": 5, "\u00ea": 3, "\u00ed": 5,
    "\u00f1": 5, "\u00f3": 5, "\u00f6": 5, "\u00fa": 3, "\u00fc": 5, "\u00ef": 2, "\u00f4": 2,
}

QUOTE_CHARS = {"\u2018", "\u2019", "\u201c", "\u201d"}
DASH_CHARS = {"\u2013", "\u2014"}


def _single_byte_map(decoders: list[tuple[str, range | list[int]]]) -> dict[str, int]:
    """char → byte for the non-ASCII characters a list of (codec, bytes) decoders produce."""
    out: dict[str, int] = {}
    for codec, byte_values in decoders:
        for b in byte_values:
            try:
                ch = bytes([b]).decode(codec)
            except UnicodeDecodeError:
                continue
            out.setdefault(ch, b)
    return out


_CP874_UNDEFINED = [
    b for b in range(0x80, 0x100) if bytes([b]).decode("cp874", errors="replace") == "\ufffd"
]
_CP1252_UNDEFINED = [0x81, 0x8D, 0x8F, 0x90, 0x9D]


@dataclass(frozen=True)
class Family:
    """A code page family: how its characters map back to bytes and which bytes it loses."""

    name: str
    to_byte: dict[str, int]
    # Bytes a lossy decoder of this family drops. Each entry is one decoder's dropped set; a
    # sequence is explained by one decoder at a time.
    dropped_sets: tuple[frozenset[int], ...]
    lossy: dict[bytes, list[str]] = field(default_factory=dict, compare=False)


def _signatures(ch: str, dropped_sets: tuple[frozenset[int], ...]) -> set[bytes]:
    """The byte strings `ch` leaves behind under each lossy decoder (when it loses anything)."""
    raw = ch.encode("utf-8")
    out = set()
    for dropped in dropped_sets:
        survivors = raw[:1] + bytes(b for b in raw[1:] if b not in dropped)
        if len(survivors) < len(raw):
            out.add(survivors)
    return out


def _lossy_table(dropped_sets: tuple[frozenset[int], ...]) -> dict[bytes, list[str]]:
    """Surviving bytes → plausible characters (best prior first) that lose bytes that way.

    A signature that an implausible *letter* also produces (a lone `ร` = C3 + a lost byte could be
    any of À…ß) maps to an empty list: guessing there would invent text.
    """
    table: dict[bytes, set[str]] = {}
    for ch in PLAUSIBLE:
        for sig in _signatures(ch, dropped_sets):
            table.setdefault(sig, set()).add(ch)
    for cp in range(0xC0, 0x800):
        ch = chr(cp)
        if ch in PLAUSIBLE or not unicodedata.category(ch).startswith("L"):
            continue
        for sig in _signatures(ch, dropped_sets):
            if sig in table:
                table[sig] = set()
    return {k: sorted(v, key=lambda c: -PLAUSIBLE[c]) for k, v in table.items()}


@cache
def thai_family() -> Family:
    # ISO-8859-11 gives the Thai letters and NBSP; Windows-874 adds € … ‘ ’ “ ” • – —; the bytes
    # Windows-874 leaves undefined come back through Windows-1252 in the hybrid form, or as C1
    # control characters from a sloppy decoder.
    to_byte = _single_byte_map(
        [
            ("iso8859_11", range(0xA0, 0x100)),
            ("cp874", range(0x80, 0xA0)),
            ("cp1252", _CP874_UNDEFINED),
            ("latin-1", range(0x80, 0xA0)),
        ]
    )
    dropped = (
        frozenset(range(0x80, 0xA0)),  # ISO-8859-11 / TIS-620: C1 range gone
        frozenset(b for b in _CP874_UNDEFINED if b < 0xC0),  # Windows-874: undefined gone
    )
    return Family("thai", to_byte, dropped, _lossy_table(dropped))


@cache
def cp1252_family() -> Family:
    to_byte = _single_byte_map([("cp1252", range(0x80, 0x100)), ("latin-1", range(0x80, 0xA0))])
    dropped = (frozenset(_CP1252_UNDEFINED),)
    return Family("cp1252", to_byte, dropped, _lossy_table(dropped))


def utf8_length(lead: int) -> int:
    """How many bytes a UTF-8 sequence starting with `lead` has (0 when it cannot lead)."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def is_continuation(b: int) -> bool:
    return 0x80 <= b <= 0xBF

