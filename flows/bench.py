"""`ree-etl bench`: a reproducible synthetic corpus through the real pipeline, beside ftfy.

The corpus recombines sentences of the bundled samples and the held-out clean texts, with
organizations, people, numbers and dates varied, and a given share of the files corrupted in the
Thai and Windows-1252 families. The pipeline is the real flow (files → raw/ → Parquet → DuckDB);
ftfy.fix_text runs on the same texts in the same process for the ratio.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Self

import psutil
from prefect import flow, task
from prefect.cache_policies import NONE

from flows.ingest import Opaque, make_task_runner
from transforms import corrupt

ROOT = Path(__file__).resolve().parent.parent
ORGS = ["Baogang Group", "Lynas Rare Earths", "MP Materials", "China Rare Earth Group",
        "JL Mag Rare-Earth", "Northern Rare Earth", "Shenghe Resources", "Iluka Resources",
        "Arafura Rare Earths", "Neo Performance Materials", "Gansu Rare Earth Company"]
PEOPLE = ["Meng Fanying", "Li Xiao", "Amanda Lacaze", "James Litinsky", "Zhou Jingmin",
          "Ao Hong", "Ma Xianfeng", "Lü Feng", "Wang Hui", "Chen Jie"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
FAMILY_MIX = ["thai-lossy", "thai-lossy", "thai-hybrid", "cp1252", "cp1252-sloppy", "double-cp1252"]
_SENT = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")


def _sentences() -> list[str]:
    from transforms.normalize import normalize

    out = []
    for p in [*sorted((ROOT / "samples").glob("*.txt")),
              *sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))]:
        body = normalize(p.read_bytes()).body
        for para in body.split("\n"):
            out += [s for s in _SENT.split(para) if len(s.split()) >= 6]
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    for org in ORGS:
        if org in sentence:
            sentence = sentence.replace(org, rng.choice(ORGS))
    for person in PEOPLE:
        if person in sentence:
            sentence = sentence.replace(person, rng.choice(PEOPLE))
    sentence = re.sub(r"\b\d+(?:\.\d+)?\b(?![-–]\d)",
                      lambda m: str(rng.randint(2, 999)) if not re.fullmatch(r"20\d\d", m.group())
                      else m.group(), sentence)
    return re.sub("|".join(MONTHS), lambda m: rng.choice(MONTHS), sentence)


def make_corpus(folder: Path, docs: int, mojibake_share: float, seed: int = 0) -> int:
    """Write `docs` article files; returns their total size in bytes."""
    rng = random.Random(seed)
    pool = _sentences()
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(docs):
        org, person = rng.choice(ORGS), rng.choice(PEOPLE)
        title = f"{org} {rng.choice(['Expands', 'Reviews', 'Signs', 'Targets'])} Rare Earth Plans"
        bullets = [_vary(rng.choice(pool), rng) for _ in range(3)]
        body = [_vary(rng.choice(pool), rng) for _ in range(rng.randint(6, 12))]
        lead = (f"On {rng.choice(MONTHS)} {rng.randint(1, 28)}, 2025, {org} Chairman {person} met "
                f"officials in {rng.choice(['Baotou', 'Ganzhou', 'Kalgoorlie', 'Inner Mongolia'])}.")
        text = (f"{title}\n\nHighlights\n" + "".join(f"- {b}\n" for b in bullets) + "\n"
                + lead + " " + " ".join(body) + f"\n© 2025 Rare Earth Exchanges™ – doc {i}\n")
        if rng.random() < mojibake_share:
            text = corrupt.FAMILIES[rng.choice(FAMILY_MIX)](text)
        data = text.encode("utf-8")
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"doc{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


class TreeRSS:
    """Samples the memory of this process and all its descendants (worker processes, the
    ephemeral Prefect server) every second; `peak_mb` is the largest sum seen. Each process
    counts its proportional set size (PSS: pages shared between processes are divided among
    them), so the sum is what the tree really holds."""

    def __init__(self, interval: float = 1.0) -> None:
        self.interval, self.peak_mb = interval, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> float:
        me = psutil.Process()
        total = 0
        for p in [me, *me.children(recursive=True)]:
            try:
                total += p.memory_full_info().pss
            except psutil.Error:
                pass
        return total / 2**20

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def ftfy_docs_per_s(folder: Path, limit: int = 2000) -> tuple[float, int]:
    """ftfy.fix_text on (up to `limit` of) the same files' texts."""
    import ftfy

    files = sorted(folder.rglob("*.txt"))[:limit]
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in files]
    t0 = time.perf_counter()
    for t in texts:
        ftfy.fix_text(t)
    return len(texts) / (time.perf_counter() - t0), len(texts)


@task(name="noop", cache_policy=NONE)
def _noop(payload: Opaque) -> int:
    return len(payload.value)


@flow(name="task-overhead-probe")
def _probe(count: int) -> tuple[float, float]:
    """(seconds per task run submitted to the runner and waited for, as the transform-batch runs
    are; seconds per task run called in the flow process, as discover and load-duckdb are)."""
    _noop.submit(Opaque([0])).result()  # warm the runner (processes start on first use)
    t0 = time.perf_counter()
    for _ in range(count):
        _noop.submit(Opaque(list(range(1000)))).result()
    t1 = time.perf_counter()
    for _ in range(count):
        _noop(Opaque(list(range(1000))))
    return (t1 - t0) / count, (time.perf_counter() - t1) / count


def task_overhead_seconds(kind: str, address: str | None, workers: int | None,
                          n: int = 40) -> tuple[float, float]:
    """Prefect's cost of one task run on this runner: a flow runs `n` tasks that do nothing (with
    a payload like the pipeline's), submitted and waited for one at a time, then `n` called in
    the flow process. Returns (submitted, called) seconds per task run."""
    runner, _ = make_task_runner(kind, address, workers)
    return (_probe if runner is None else _probe.with_options(task_runner=runner))(n)


def per_core_docs_per_s(folder: Path, limit: int = 2000) -> tuple[float, float, int]:
    """Normalize, and extract facts (extract + row building), one document after another on
    one core, on (up to `limit` of) the same files: (normalize docs/s, extract docs/s, n)."""
    from transforms.extract import extract, fact_rows
    from transforms.normalize import normalize

    raws = [p.read_bytes() for p in sorted(folder.rglob("*.txt"))[:limit]]
    t0 = time.perf_counter()
    docs = [normalize(r) for r in raws]
    t1 = time.perf_counter()
    for d in docs:
        fact_rows(d.doc_id, extract(d.text, d.published_on.year if d.published_on else None))
    t2 = time.perf_counter()
    return len(docs) / (t1 - t0), len(docs) / (t2 - t1), len(docs)


def bench_cli(args: argparse.Namespace) -> int:
    from flows.ingest import flow_with_runner, shared_prefect_api

    work = Path(args.work_dir) if args.work_dir else Path(tempfile.mkdtemp(prefix="ree-bench-"))
    corpus, data = work / "corpus", work / "data"
    if data.exists():
        shutil.rmtree(data)
    t0 = time.perf_counter()
    if not (corpus.exists() and len(list(corpus.rglob("*.txt"))) == args.docs):
        shutil.rmtree(corpus, ignore_errors=True)
        size = make_corpus(corpus, args.docs, args.mojibake_share, args.seed)
    else:
        size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB, {args.mojibake_share:.0%} mojibake "
          f"({time.perf_counter() - t0:.1f}s to generate) in {corpus}")

    flow, extra = flow_with_runner(args.task_runner, args.dask_address, args.workers)
    with shared_prefect_api(args.task_runner), TreeRSS() as tree:
        s = flow(sources=[str(corpus)], data_dir=str(data), batch_size=args.batch_size, **extra)
    secs = s["seconds"]
    n = s["documents_written"]
    mb = s["bytes_read"] / 1e6
    print(f"\n{'stage':<15}{'seconds':>9}{'docs/s':>10}{'MB/s':>8}")
    for stage in ("read", "normalize", "extract", "write_parquet", "load_duckdb"):
        t = s["stage_seconds"].get(stage, 0.0)
        print(f"{stage:<15}{t:>9.2f}{n / t if t else 0:>10.0f}{mb / t if t else 0:>8.2f}")
    print(f"{'end to end':<15}{secs:>9.2f}{n / secs:>10.0f}{mb / secs:>8.2f}   "
          "(files in → DuckDB loaded, inside the flow run: Prefect start-up excluded)")
    print("(stage seconds are summed over batches; batches in flight at once overlap, so the "
          "stages can add up to more than the end-to-end time)")
    print(f"peak memory: {tree.peak_mb:.0f} MB summed over the process tree (flow, workers, "
          f"Prefect server; PSS); peak RSS of the largest single process {_peak_rss_mb():.0f} MB")
    with shared_prefect_api(args.task_runner):
        submitted, called = task_overhead_seconds(args.task_runner, args.dask_address, args.workers)
    batches = -(-args.docs // args.batch_size)
    # per batch one transform-batch run on the runner; discover and each batch's load-duckdb run
    # in the flow process
    cost = batches * submitted + (1 + batches) * called
    print(f"Prefect task-run overhead: {submitted * 1000:.1f} ms per task run on the "
          f"{args.task_runner} runner, {called * 1000:.1f} ms in the flow process (no-op probe); "
          f"{batches} + {1 + batches} task runs → {cost:.1f}s = {cost / secs:.1%} of end to end")
    ftfy_rate, ftfy_n = ftfy_docs_per_s(corpus)
    print(f"ftfy.fix_text alone: {ftfy_rate:.0f} docs/s (on {ftfy_n} of the same texts)")
    print(f"ratio end-to-end / ftfy: {n / secs / ftfy_rate:.2f}x")
    norm_rate, extract_rate, core_n = per_core_docs_per_s(corpus)
    print(f"one core, one document at a time (on {core_n} of the same files): normalize "
          f"{norm_rate:.0f} docs/s, extract facts {extract_rate:.0f} docs/s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0
