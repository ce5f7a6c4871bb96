"""Make mojibake on purpose: clean text → each corruption family seen in scraped news.

Used by `ree-etl eval-repair`, the benchmark corpus and the tests. Every family is UTF-8 bytes
decoded with the wrong code page, differing in what the decoder did with bytes it had no
character for.
"""

from __future__ import annotations

_CP874_UNDEF = {b for b in range(0x80, 0x100) if bytes([b]).decode("cp874", "replace") == "\ufffd"}
_CP1252_UNDEF = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_ISO11_UNDEF = {b for b in range(0x80, 0x100) if bytes([b]).decode("iso8859_11", "replace") == "\ufffd"}


def _per_byte(data: bytes, decode) -> str:
    return "".join(decode(b) if b >= 0x80 else chr(b) for b in data)


def thai_lossy(text: str) -> str:
    """UTF-8 read as ISO-8859-11 / TIS-620, with 0x80–0x9F and undefined bytes dropped."""
    return _per_byte(text.encode("utf-8"), lambda b: "" if b < 0xA0 or b in _ISO11_UNDEF
                     else bytes([b]).decode("iso8859_11"))


def thai_hybrid(text: str) -> str:
    """UTF-8 read as Windows-874; its undefined bytes read as Windows-1252 (else kept as C1)."""
    def dec(b: int) -> str:
        if b not in _CP874_UNDEF:
            return bytes([b]).decode("cp874")
        if b not in _CP1252_UNDEF:
            return bytes([b]).decode("cp1252")
        return chr(b)

    return _per_byte(text.encode("utf-8"), dec)


def cp874(text: str) -> str:
    """UTF-8 read as Windows-874 with undefined bytes dropped."""
    return _per_byte(text.encode("utf-8"), lambda b: "" if b in _CP874_UNDEF else bytes([b]).decode("cp874"))


def cp1252(text: str) -> str:
    """UTF-8 read as Windows-1252 with undefined bytes dropped (`”` → `â€`)."""
    return _per_byte(text.encode("utf-8"), lambda b: "" if b in _CP1252_UNDEF else bytes([b]).decode("cp1252"))


def cp1252_sloppy(text: str) -> str:
    """UTF-8 read as Windows-1252, undefined bytes kept as U+0081 …."""
    return _per_byte(text.encode("utf-8"), lambda b: chr(b) if b in _CP1252_UNDEF else bytes([b]).decode("cp1252"))


def latin1(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def double_cp1252(text: str) -> str:
    return cp1252_sloppy(cp1252_sloppy(text))


FAMILIES = {
    "thai-lossy": thai_lossy,
    "thai-hybrid": thai_hybrid,
    "cp874": cp874,
    "cp1252": cp1252,
    "cp1252-sloppy": cp1252_sloppy,
    "latin1": latin1,
    "double-cp1252": double_cp1252,
}
