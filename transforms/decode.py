"""Bytes → text, or a reason why the bytes are not a text document.

Order matters: a BOM is proof, so it wins; UTF-16 without a BOM is recognised by its NUL bytes on
alternating positions before NUL bytes are taken as a sign of binary junk; strict UTF-8 is tried
before any guessing because a valid UTF-8 file of any length is almost never anything else; only
then is a detector (charset-normalizer) asked, for Windows-1252, Latin-1, GB18030/GBK, Big5 ….
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import charset_normalizer

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


class NotText(Exception):
    """The bytes cannot become a document. `reason` is a stable code, `detail` one human line."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff]")


def _control_share(text: str) -> float:
    """Share of control and private-use characters (binary junk decoded as text)."""
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _utf16_without_bom(raw: bytes) -> str | None:
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_nul = raw[0::2].count(0) / (len(raw) // 2)
    odd_nul = raw[1::2].count(0) / (len(raw) // 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes) -> Decoded:
    """Decode a file's bytes. Raises NotText(reason, detail) for empty, binary or undecodable."""
    if not raw.strip():
        raise NotText("empty", f"{len(raw)} bytes, no text")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom) :].decode(enc)
            except UnicodeDecodeError as e:
                raise NotText("undecodable", f"{enc} BOM but invalid {enc} at byte {e.start}") from e
            return _checked(text, enc + ("-sig" if enc == "utf-8" else ""))
    enc16 = _utf16_without_bom(raw)
    if enc16:
        try:
            return _checked(raw.decode(enc16), enc16)
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        raise NotText("binary", f"NUL bytes ({raw.count(0)} of {len(raw)}): not a text file")
    try:
        return _checked(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as e:
        if e.end == len(raw) and e.reason == "unexpected end of data" and _valid_utf8(raw[: e.start]):
            # A half-written file: valid UTF-8 cut inside a character. It will be loaded when
            # the writer finishes (new bytes, new hash); until then it is quarantined.
            raise NotText("truncated", f"UTF-8 cut off inside a character at byte {e.start}") from e
    if _looks_western(raw):
        return _checked(raw.decode("cp1252"), "cp1252")
    best = charset_normalizer.from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise NotText("undecodable", "not UTF-8 and no character set fits the bytes")
    return _checked(str(best), best.encoding)


def _valid_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return bool(raw.strip())


_WESTERN_RUN = re.compile(r"[^\x00-\x7f]+")


def _looks_western(raw: bytes) -> bool:
    """Windows-1252 prose: accented letters stand alone among ASCII (`façade`, `Zürich`).

    Detectors often call short Western text Windows-1250 (`crème` → `crčme`). Double-byte Chinese
    read as Windows-1252 gives runs of two or more accented letters, so it is not taken here.
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    for m in _WESTERN_RUN.finditer(text):
        if sum(1 for c in m.group() if c.isalpha()) > 1:
            return False
    return True


def _checked(text: str, encoding: str) -> Decoded:
    share = _control_share(text)
    if share > 0.05:
        raise NotText("binary", f"{share:.0%} control characters after decoding as {encoding}")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise NotText("empty", f"only whitespace after decoding as {encoding}")
    return Decoded(text, encoding)
