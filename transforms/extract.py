"""Text → fact rows for the warehouse tables, each with provenance (doc_id, character offsets)."""

from __future__ import annotations

import bisect
import hashlib

from transforms import facts as F
from transforms.entities import find_mentions
from transforms.kb import load
from transforms.structure import boilerplate_line


def row_id(*parts: object) -> str:
    """Deterministic row key: a hash of the document, the span and the kind of fact."""
    return _hash_key("\x1f".join(map(str, parts)))


def _hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Lines of site furniture (`0 Comments`, the © footer): no events, metrics or quotes there."""
    is_boilerplate = boilerplate_line().match
    spans, pos = [], 0
    for line in text.split("\n"):
        if is_boilerplate(line.strip()):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def extract(text: str, year: int | None = None) -> F.Facts:
    """All facts of one document. `year` overrides the year read from the article."""
    kb = load()
    mentions = find_mentions(text, kb)
    sents = F.sentences(text)
    low = F.lowered(text)
    date_matches = F.date_matches(text, low)
    year = year if year is not None else F.article_year(text, date_matches)
    dates = F.find_dates(text, year, date_matches)
    skip = boilerplate_spans(text)
    roles = F.find_roles(text, mentions, sents, kb)
    events = F.find_events(text, mentions, sents, roles, year, kb, skip, dates, low)
    # a date's numbers are no metrics (`July 9 with officials`)
    metrics = F.find_metrics(text, mentions, sents, kb, skip + [(d.pos, d.stop) for d in dates], low)
    quotes = F.find_quotes(text, mentions, sents, skip, roles)
    return F.Facts(mentions, roles, events, metrics, quotes, sents, year)


def fact_rows(doc_id: str, facts: F.Facts) -> dict[str, list[dict]]:
    """Rows for entities, mentions, roles, events, metrics and quotes."""
    sent_starts = [s for s, _ in facts.sentences]
    entities: dict[str, dict] = {}
    mentions = []
    for m in facts.mentions:
        eid = m.entity_id
        entities.setdefault(eid, {"entity_id": eid, "entity_type": m.entity_type,
                                  "name": m.canonical, "kb": m.from_kb})
        sentence = _sentence_of(sent_starts, m.start)
        mentions.append({
            # = row_id(doc_id, eid, m.start, m.end), spelled out: this runs ~60 times a document
            "mention_id": _hash_key(f"{doc_id}\x1f{eid}\x1f{m.start}\x1f{m.end}"),
            "doc_id": doc_id, "entity_id": eid,
            "surface": m.surface, "start": m.start, "end": m.end, "sentence": sentence,
        })
    roles = [
        {"role_id": row_id(doc_id, "role", r.person, r.title, r.organization), "doc_id": doc_id,
         "person": r.person, "title": r.title, "organization": r.organization,
         "start": r.start, "end": r.end}
        for r in facts.roles
    ]
    events = [
        {"event_id": row_id(doc_id, "event", e.start, e.event_type), "doc_id": doc_id,
         "event_type": e.event_type, "start_date": e.start_date, "end_date": e.end_date,
         "start_md": e.start_md, "end_md": e.end_md,
         "date_text": e.date_text, "people": e.people, "organizations": e.organizations,
         "location": e.location, "trigger": e.trigger, "start": e.start, "end": e.end}
        for e in facts.events
    ]
    metrics = [
        {"metric_id": row_id(doc_id, "metric", m.start, m.end), "doc_id": doc_id,
         "value": m.value, "unit": m.unit, "measure": m.measure, "approximate": m.approximate,
         "text": m.text, "entity": m.entity, "start": m.start, "end": m.end}
        for m in facts.metrics
    ]
    quotes = [
        {"quote_id": row_id(doc_id, "quote", q.start), "doc_id": doc_id, "speaker": q.speaker,
         "quote": q.quote, "start": q.start, "end": q.end}
        for q in facts.quotes
    ]
    return {"entities": list(entities.values()), "mentions": mentions, "roles": roles,
            "events": events, "metrics": metrics, "quotes": quotes}


def _sentence_of(starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)

