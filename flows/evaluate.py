"""`ree-etl eval-facts` and `ree-etl eval-repair`: the quality figures we publish, measured.

eval-facts scores extraction against a gold YAML file (format in tests/data/gold_seeds.yaml's
header). A gold fact given as a list of spellings is one fact; `optional` facts are neither
rewarded nor punished. Scoring per kind:
* organizations / people / places / elements: an extracted entity matches a gold fact when its
  canonical name or any of its surfaces in the document is one of the gold spellings;
* roles: one fact per (person, title); the organization must match too (gold null = none);
* events: the type is one of the gold types, the dates agree (`--MM-DD` when the year is not
  stated), every gold person is a participant and every gold organization is among them;
* metrics: value and unit agree; quotes: the speaker agrees and one text contains the other.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from transforms.extract import extract
from transforms.normalize import normalize

KINDS = ("organizations", "people", "places", "elements", "roles", "events", "metrics", "quotes")
_TYPE = {"organizations": "organization", "people": "person", "places": "place",
         "elements": "element"}


def _norm(s: object) -> str:
    return re.sub(r"\s+", " ", str(s).replace("’", "'").replace("‘", "'")).strip().lower()


def _groups(items: list | None) -> list[set[str]]:
    out = []
    for it in items or []:
        out.append({_norm(x) for x in (it if isinstance(it, list) else [it])})
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.misses += other.misses
        self.extras += other.extras

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score_entities(kind: str, gold: dict, facts, doc: str) -> Score:
    s = Score()
    etype = _TYPE[kind]
    spec = gold.get(kind) or {}
    required, optional = _groups(spec.get("required")), _groups(spec.get("optional"))
    names: dict[str, set[str]] = defaultdict(set)
    for m in facts.mentions:
        if m.entity_type == etype:
            names[m.canonical] |= {_norm(m.canonical), _norm(m.surface)}
    matched = set()
    for g in required:
        hit = [c for c, forms in names.items() if forms & g]
        if hit:
            s.tp += 1
            matched.update(hit)
        else:
            s.fn += 1
            s.misses.append(f"{doc} {kind}: {min(g)}")
    for c, forms in names.items():
        if c in matched or any(forms & g for g in optional):
            continue
        s.fp += 1
        s.extras.append(f"{doc} {kind}: {c}")
    return s


def _org_ok(gold_org: list | None, pred: str | None) -> bool:
    if not gold_org:
        return pred is None
    return pred is not None and _norm(pred) in {_norm(x) for x in gold_org} or (
        pred is not None and any(_norm(x) in _norm(pred) for x in gold_org)
    )


def _score_roles(gold: dict, facts, doc: str) -> Score:
    s = Score()
    pred = {(_norm(r.person), _norm(r.title)): r for r in facts.roles}
    used = set()
    for g in gold.get("roles") or []:
        for title in g["titles"]:
            key = (_norm(g["person"]), _norm(title))
            r = pred.get(key)
            if r is not None and _org_ok(g.get("organization"), r.organization):
                s.tp += 1
                used.add(key)
            else:
                s.fn += 1
                s.misses.append(f"{doc} role: {g['person']} / {title} / {g.get('organization')}"
                                f" (got {r.organization if r else 'nothing'})")
    for key, r in pred.items():
        if key not in used:
            s.fp += 1
            s.extras.append(f"{doc} role: {r.person} / {r.title} / {r.organization}")
    return s


def _date_ok(gold: str | None, date, md: str | None) -> bool:
    if gold is None:
        return date is None and md is None
    gold = str(gold)
    if gold.startswith("--"):
        return md == gold
    return date is not None and str(date) == gold


def _score_events(gold: dict, facts, doc: str) -> Score:
    s = Score()
    preds = list(facts.events)
    used: set[int] = set()
    for g in gold.get("events") or []:
        types = {_norm(t) for t in g["type"]}
        gp = {_norm(p) for p in g.get("people") or []}
        gorgs = _groups(g.get("organizations"))
        hit = None
        for i, e in enumerate(preds):
            if i in used or _norm(e.event_type) not in types:
                continue
            if not _date_ok(g.get("start"), e.start_date, e.start_md):
                continue
            if "end" in g and not _date_ok(g.get("end"), e.end_date, e.end_md):
                continue
            if not gp <= {_norm(p) for p in e.people}:
                continue
            porgs = {_norm(o) for o in e.organizations}
            if not all(any(x in porgs or any(x in o for o in porgs) for x in og) for og in gorgs):
                continue
            hit = i
            break
        if hit is None:
            s.fn += 1
            s.misses.append(f"{doc} event: {g['type']} {g.get('start')}")
        else:
            s.tp += 1
            used.add(hit)
    for i, e in enumerate(preds):
        if i not in used:
            s.fp += 1
            s.extras.append(f"{doc} event: {e.event_type} {e.start_md} {e.people} {e.trigger!r}")
    return s


# Words too common in a measure to say two measures agree (`year` of `year on year`).
_MEASURE_STOP = frozenset({
    "the", "of", "and", "in", "to", "for", "a", "an", "by", "with", "on", "at", "from", "than", "more",
    "less", "its", "their", "about", "year", "years", "per", "over", "under", "as", "is", "was", "be",
    "that", "this", "it",
})


def measure_words(measure: str | None) -> set[str]:
    """The content words of a metric's measure, lower case, a plural `s` dropped."""
    return {w.rstrip("s") for w in re.findall(r"[a-z][a-z-]+", _norm(measure or ""))
            if w not in _MEASURE_STOP and len(w) > 2}


def measures_agreeing(gold: dict, facts) -> tuple[int, int]:
    """Of the gold's required metrics that were found (value and unit), how many were found with a
    measure that shares a content word with the gold's measure (`revenue rise` for `revenue
    growth`): a loose check, not part of F1, of whether the measure says what was measured."""
    agree = total = 0
    for g in ((gold.get("metrics") or {}).get("required") or []):
        found = [m for m in facts.metrics if m.unit == g["unit"]
                 and abs(m.value - float(g["value"])) <= 1e-6 * max(1, abs(m.value))]
        if found:
            total += 1
            agree += any(measure_words(m.measure) & measure_words(str(g.get("measure"))) for m in found)
    return agree, total


def _score_metrics(gold: dict, facts, doc: str) -> Score:
    s = Score()
    spec = gold.get("metrics") or {}
    req, opt = spec.get("required") or [], spec.get("optional") or []
    preds = {(round(m.value, 6), m.unit): m for m in facts.metrics}

    def same(g: dict, key: tuple) -> bool:
        return key[1] == g["unit"] and abs(key[0] - float(g["value"])) <= 1e-6 * max(1, abs(key[0]))

    used = set()
    for g in req:
        hit = [k for k in preds if same(g, k)]
        if hit:
            s.tp += 1
            used.update(hit)
        else:
            s.fn += 1
            s.misses.append(f"{doc} metric: {g['value']} {g['unit']} ({g.get('measure')})")
    for k, m in preds.items():
        if k in used or any(same(g, k) for g in opt):
            continue
        s.fp += 1
        s.extras.append(f"{doc} metric: {m.value} {m.unit} {m.text!r}")
    return s


def _score_quotes(gold: dict, facts, doc: str) -> Score:
    s = Score()
    used = set()

    def clean(t: str) -> str:
        return re.sub(r"[^\w ]+", "", _norm(t))

    for g in gold.get("quotes") or []:
        hit = None
        for i, q in enumerate(facts.quotes):
            if i in used or _norm(q.speaker or "") != _norm(g["speaker"]):
                continue
            a, b = clean(q.quote), clean(g["text"])
            if a in b or b in a:
                hit = i
                break
        if hit is None:
            s.fn += 1
            s.misses.append(f"{doc} quote: {g['speaker']}: {g['text'][:40]}")
        else:
            s.tp += 1
            used.add(hit)
    for i, q in enumerate(facts.quotes):
        if i not in used:
            s.fp += 1
            s.extras.append(f"{doc} quote: {q.speaker}: {q.quote[:50]}")
    return s


def evaluate_facts(gold_file: Path, source: Path) -> tuple[dict[str, Score], dict[str, object]]:
    """Score extraction on the gold's files. Returns per-kind scores and document checks."""
    gold_all = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    scores = {k: Score() for k in KINDS}
    checks: dict[str, object] = {"title": [0, 0], "encoding": [0, 0], "measure": [0, 0], "docs": 0,
                                 "seconds": 0.0}
    for name, gold in gold_all.items():
        raw = (source / name).read_bytes()
        t0 = time.perf_counter()
        doc = normalize(raw)
        facts = extract(doc.text)
        checks["seconds"] += time.perf_counter() - t0
        checks["docs"] += 1
        checks["title"][1] += 1
        checks["title"][0] += int((doc.title or None) == gold.get("title"))
        checks["encoding"][1] += 1
        checks["encoding"][0] += int(doc.mojibake == gold.get("encoding"))
        for kind in ("organizations", "people", "places", "elements"):
            scores[kind].add(_score_entities(kind, gold, facts, name))
        scores["roles"].add(_score_roles(gold, facts, name))
        scores["events"].add(_score_events(gold, facts, name))
        scores["metrics"].add(_score_metrics(gold, facts, name))
        agree, total = measures_agreeing(gold, facts)
        checks["measure"][0] += agree
        checks["measure"][1] += total
        scores["quotes"].add(_score_quotes(gold, facts, name))
    return scores, checks


def overall(scores: dict[str, Score]) -> Score:
    total = Score()
    for s in scores.values():
        total.add(s)
    return total


def eval_facts_cli(args: argparse.Namespace) -> int:
    gold = args.gold
    source = args.source
    if source is None:
        for cand in (gold.parent.parent / "samples", Path(__file__).resolve().parent.parent / "samples"):
            if cand.is_dir():
                source = cand
                break
    scores, checks = evaluate_facts(gold, source)
    print(f"gold: {gold}   documents: {source}")
    print(f"{'kind':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}")
    for kind, s in [*scores.items(), ("overall", overall(scores))]:
        print(f"{kind:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}")
    print(f"titles right: {checks['title'][0]}/{checks['title'][1]}   "
          f"encoding family right: {checks['encoding'][0]}/{checks['encoding'][1]}   "
          f"metric measures agreeing: {checks['measure'][0]}/{checks['measure'][1]}")
    docs = checks["docs"]
    print(f"normalize+extract: {docs / checks['seconds']:.0f} documents/s on this core")
    misses = [m for s in scores.values() for m in s.misses]
    extras = [m for s in scores.values() for m in s.extras]
    if misses:
        print("\nmissed:\n  " + "\n  ".join(misses))
    if extras:
        print("\nextra (false positives):\n  " + "\n  ".join(extras))
    return 0


def eval_repair_cli(args: argparse.Namespace) -> int:
    from flows.repair_eval import evaluate_repair, load_clean_texts
    from transforms.corrupt import FAMILIES

    texts = load_clean_texts(args.source)
    result = evaluate_repair(texts, repeat=args.repeat, seed=args.seed)
    print(f"{len(texts)} clean texts x {args.repeat} variants per family "
          f"({result['chars'] / 1e6:.2f} MB per family)")
    hdr = f"{'family':<15}{'docs exact':>12}{'chars restored':>16}{'residual marks':>16}{'MB/s':>8}{'ftfy MB/s':>11}{'ftfy exact':>12}"
    print(hdr)
    for fam in FAMILIES:
        r = result["families"][fam]
        print(f"{fam:<15}{r['exact']:>11.1%} {r['restored']:>15.2%} {r['marks']:>15} "
              f"{r['mbps']:>7.2f} {r['ftfy_mbps']:>10.2f} {r['ftfy_exact']:>11.1%}")
    c = result["clean"]
    print(f"clean inputs: {c['docs']} documents, {c['changed']} changed (false changes), "
          f"{c['mbps']:.2f} MB/s")
    return 0
