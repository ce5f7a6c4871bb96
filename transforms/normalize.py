"""One file's bytes → a normalized document: decoded, repaired, split, identified by content."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from transforms.decode import decode_bytes
from transforms.repair import Repair, Residual, repair
from transforms.structure import split


def doc_id_for(text: str) -> str:
    """The same article in any encoding repairs to the same text, hence the same id."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    doc_id: str
    text: str
    title: str | None
    highlights: list[str]
    body: str
    published_on: date | None
    encoding: str
    mojibake: str
    repairs: list[Repair] = field(default_factory=list)
    residuals: list[Residual] = field(default_factory=list)


def normalize(raw: bytes) -> Document:
    """Decode, repair and split. Raises transforms.decode.NotText for bytes that are no text."""
    decoded = decode_bytes(raw)
    repaired = repair(decoded.text)
    parts = split(repaired.text)
    families = repaired.families
    return Document(
        doc_id=doc_id_for(repaired.text),
        text=repaired.text,
        title=parts.title,
        highlights=parts.highlights,
        body=parts.body,
        published_on=parts.published_on,
        encoding=decoded.encoding,
        mojibake="+".join(families) if families else "clean",
        repairs=repaired.repairs,
        residuals=repaired.residuals,
    )
