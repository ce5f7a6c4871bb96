"""The `ingest_articles` flow: discover → read & hash → normalize → extract → Parquet → DuckDB.

Tasks run per batch of documents, never per document (a task run costs milliseconds of
bookkeeping, a document about a millisecond of work). A batch's four file-side stages share one
task, `transform-batch`: it takes file paths and hands back Parquet paths and counts, so that on a
process pool or a Dask cluster no bytes, documents or rows travel between tasks. (As separate
tasks they did: 10,000 documents ran at 258 docs/s on a 2-worker LocalCluster against 260 on
threads, with half as much CPU time again.) Each stage's seconds are
logged per batch and summed for the run. Loads run in the flow process, one transaction per batch,
in order. Raw bytes are kept before anything can fail; a file that cannot become a document is
quarantined with a reason and never stops the others.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import stat
import time
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Self
from uuid import uuid4

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL

from transforms.decode import NotText
from transforms.extract import extract, fact_rows, row_id
from transforms.normalize import Document, normalize
from transforms.repair import mojibake_marks
from warehouse import lake, rawstore
from warehouse.load import (
    WAREHOUSE_FILE,
    committed_lake_files,
    connect,
    file_index,
    known_hashes,
    load_batch,
    record_load,
    table_counts,
)
from warehouse.schema import frame

DEFAULT_SOURCES = [Path(__file__).resolve().parent.parent / "samples"]
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_BATCH = 500
SUMMARY_TABLES = ("documents", "sources", "repairs", "entities", "mentions", "roles", "events",
                  "metrics", "quotes", "quarantine")


class RunLocked(RuntimeError):
    """Another run holds the data directory."""


@dataclass(slots=True)
class Candidate:
    path: str
    size: int
    mtime_ns: int


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    unchanged: int = 0
    problems: list[dict] = field(default_factory=list)  # quarantine rows found while walking
    seen: int = 0


class Opaque:
    """A payload Prefect passes to a task without walking into it (it visits every list item and
    dataclass field of a task's parameters looking for futures: for a batch's 1,000 file
    candidates or index rows that is most of a task's bookkeeping)."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value


@dataclass
class Batch:
    key: str
    files: list[tuple[Candidate, str, bytes]] = field(default_factory=list)
    documents: list[tuple[Candidate, str, Document]] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    index_rows: list[tuple[str, int, int, str]] = field(default_factory=list)
    reseen: list[tuple[Candidate, str]] = field(default_factory=list)  # same bytes, new mtime
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for the benchmark
    bytes: int = 0


@dataclass
class Staged:
    """What a batch left on disk, and its counts: all the flow needs to load it."""

    key: str
    files: dict[str, Path]
    index_rows: list[tuple[str, int, int, str]]
    quarantine: list[dict]
    counts: Counter
    families: Counter
    residual_marks: int
    no_facts: int
    seconds: dict[str, float]
    bytes: int


# --- lock -------------------------------------------------------------------------------------


class DataDirLock:
    """An exclusive flock on <data-dir>/.lock: released by the kernel if the process dies."""

    def __init__(self, data_dir: Path, wait_seconds: float = 0.0) -> None:
        self.path = data_dir / ".lock"
        self.wait = wait_seconds
        self.fh = None

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.fh = open(self.path, "a+")
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return self
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.fh.close()
                    raise RunLocked(
                        f"another ree-etl run is using {self.path.parent}; "
                        "it was left untouched (retry later or pass --wait SECONDS)"
                    ) from None
                time.sleep(0.2)

    def __exit__(self, *exc: object) -> None:
        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()


# --- tasks ------------------------------------------------------------------------------------


def _walk(root: Path, problems: list[dict]) -> Iterator[str]:
    """Regular files under root, following links but never the same directory twice. Paths
    come out one at a time as strings: a million Path objects held at once cost ~300 MB."""
    if root.is_file():
        yield str(root)
        return
    if not root.exists():
        problems.append(_q(str(root), None, "unreadable", "source does not exist", 0, None))
        return
    seen_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            problems.append(_q(dirpath, None, "loop", "directory reached twice through a link", 0, None))
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for f in sorted(filenames):
            if not f.startswith("."):
                yield os.path.join(dirpath, f)


def _q(path: str, sha: str | None, reason: str, detail: str, size: int, raw_path: str | None) -> dict:
    return {"source_path": path, "raw_sha256": sha, "reason": reason, "detail": detail,
            "size_bytes": size, "raw_path": raw_path, "first_seen": datetime.now()}


@task(name="discover", cache_policy=NONE)
def discover(sources: list[str], known_files: Opaque) -> Discovery:
    """List input files; skip those whose path, size and mtime match the last load
    (`known_files`: path → (size, mtime_ns, sha256), the warehouse's file_index)."""
    d = Discovery()
    index = known_files.value
    for src in sources:
        for path in _walk(Path(src), d.problems):
            d.seen += 1
            try:
                st = os.stat(path)
            except OSError as e:
                d.problems.append(_q(path, None, "unreadable", f"cannot stat: {e.strerror}", 0, None))
                continue
            if not stat.S_ISREG(st.st_mode):
                d.problems.append(_q(path, None, "unreadable", "not a regular file", 0, None))
                continue
            prior = index.get(path)
            if prior and prior[0] == st.st_size and prior[1] == st.st_mtime_ns:
                d.unchanged += 1
                continue
            d.candidates.append(Candidate(path, st.st_size, st.st_mtime_ns))
    return d


def read_batch(cands: list[Candidate], data_dir: str, max_bytes: int,
               known: set[tuple[str, str]], problems: list[dict]) -> Batch:
    """Read bytes, hash them, keep them under raw/ before anything else can fail."""
    t0 = time.perf_counter()
    raw_dir = Path(data_dir) / "raw"
    batch = Batch(key="", quarantine=list(problems))
    for c in cands:
        try:
            if c.size > max_bytes:
                sha, kept = rawstore.keep_file(raw_dir, Path(c.path))
                batch.quarantine.append(_q(c.path, sha, "too_large",
                                           f"{c.size} bytes is over the {max_bytes}-byte limit",
                                           c.size, str(kept)))
                batch.index_rows.append((c.path, c.size, c.mtime_ns, sha))
                continue
            data = Path(c.path).read_bytes()
        except OSError as e:
            batch.quarantine.append(_q(c.path, None, "unreadable", f"cannot read: {e.strerror}", c.size, None))
            continue
        sha = hashlib.sha256(data).hexdigest()
        rawstore.keep(raw_dir, sha, data, sync=False)
        if (c.path, sha) in known:
            batch.reseen.append((c, sha))
            batch.index_rows.append((c.path, c.size, c.mtime_ns, sha))
            continue
        batch.files.append((c, sha, data))
    if batch.files or batch.reseen:
        rawstore.sync_all()
    batch.seconds["read"] = time.perf_counter() - t0
    batch.bytes = sum(len(d) for _, _, d in batch.files)
    return batch


def normalize_batch(batch: Batch, data_dir: str) -> Batch:
    """Decode, repair and split each file; quarantine what is not text."""
    t0 = time.perf_counter()
    raw_dir = Path(data_dir) / "raw"
    for c, sha, data in batch.files:
        try:
            doc = normalize(data)
        except NotText as e:
            batch.quarantine.append(_q(c.path, sha, e.reason, e.detail, c.size,
                                       str(rawstore.raw_path(raw_dir, sha))))
        else:
            batch.documents.append((c, sha, doc))
        batch.index_rows.append((c.path, c.size, c.mtime_ns, sha))
    batch.files = []
    keys = sorted(r[3] or r[0] for r in batch.index_rows) + sorted(q["source_path"] for q in batch.quarantine)
    batch.key = hashlib.sha256("".join(keys).encode()).hexdigest()[:16]
    batch.seconds["normalize"] = time.perf_counter() - t0
    return batch


def extract_batch(batch: Batch) -> dict[str, list[dict]]:
    """Rows for every warehouse table from one batch of normalized documents."""
    t0 = time.perf_counter()
    now = datetime.now()
    rows: dict[str, list[dict]] = {t: [] for t in ("documents", "sources", "repairs", "residuals",
                                                    "entities", "mentions", "roles", "events",
                                                    "metrics", "quotes", "quarantine")}
    seen_docs: set[str] = set()
    entities: dict[str, dict] = {}
    for c, sha, doc in batch.documents:
        rows["sources"].append({"source_path": c.path, "raw_sha256": sha, "doc_id": doc.doc_id,
                                "size_bytes": c.size, "encoding": doc.encoding,
                                "mojibake": doc.mojibake, "first_seen": now, "last_seen": now})
        if doc.doc_id in seen_docs:
            continue
        seen_docs.add(doc.doc_id)
        facts = extract(doc.text, doc.published_on.year if doc.published_on else None)
        rows["documents"].append({
            "doc_id": doc.doc_id, "source_path": c.path, "title": doc.title,
            "published_on": doc.published_on, "text": doc.text, "body": doc.body,
            "encoding": doc.encoding, "repair_count": len(doc.repairs), "mojibake": doc.mojibake,
            "highlights": doc.highlights, "residual_count": len(doc.residuals), "year": facts.year,
        })
        for r in doc.repairs:
            rows["repairs"].append({"repair_id": row_id(doc.doc_id, "repair", r.start, r.end),
                                    "doc_id": doc.doc_id, "start": r.start, "end": r.end,
                                    "before": r.before, "after": r.after, "rule": r.rule,
                                    "confidence": r.confidence})
        for r in doc.residuals:
            rows["residuals"].append({"doc_id": doc.doc_id, "start": r.start, "end": r.end,
                                      "text": r.text, "rule": r.rule})
        fr = fact_rows(doc.doc_id, facts)
        for e in fr.pop("entities"):
            entities.setdefault(e["entity_id"], e)
        for table, trows in fr.items():
            rows[table].extend(trows)
    rows["entities"] = list(entities.values())
    rows["quarantine"] = list(batch.quarantine)
    batch.seconds["extract"] = time.perf_counter() - t0
    return rows


def write_parquet(batch: Batch, rows: dict[str, list[dict]], data_dir: str, load_id: str) -> Staged:
    """Write each table's rows for the batch to lake/<table>/batch-<key>.parquet, atomically."""
    t0 = time.perf_counter()
    lake_dir = Path(data_dir) / "lake"
    files = {}
    for table, trows in rows.items():
        if trows:
            files[table] = lake.write_table(lake_dir, table, batch.key, frame(table, trows, load_id))
    counts = Counter({t: len(r) for t, r in rows.items()})
    counts["new"] = len(batch.documents) + sum(1 for q in batch.quarantine if q.get("raw_sha256"))
    counts["reseen"] = len(batch.reseen)
    with_facts = {r["doc_id"] for r in rows["mentions"]}
    batch.seconds["write_parquet"] = time.perf_counter() - t0
    return Staged(
        key=batch.key, files=files, index_rows=batch.index_rows, quarantine=batch.quarantine,
        counts=counts, families=Counter(doc.mojibake for _, _, doc in batch.documents),
        residual_marks=sum(mojibake_marks(doc.text) for _, _, doc in batch.documents),
        no_facts=sum(1 for d in rows["documents"] if d["doc_id"] not in with_facts),
        seconds=dict(batch.seconds), bytes=batch.bytes,
    )


@task(name="transform-batch", retries=2, retry_delay_seconds=[1, 5], cache_policy=NONE)
def transform_batch(payload: Opaque, data_dir: str, max_bytes: int, load_id: str) -> Staged:
    """One batch from files to Parquet: read and keep the raw bytes, normalize, extract, write.

    The stages share one task so that a worker process or Dask worker sends back only the small
    `Staged` summary, never the batch's bytes or rows; a retry redoes the batch, which is
    idempotent (raw/ is content-addressed, Parquet files are named by the batch's content)."""
    cands, known, problems = payload.value  # list[Candidate], {(path, sha)}, quarantine rows
    batch = normalize_batch(read_batch(cands, data_dir, max_bytes, known, problems), data_dir)
    staged = write_parquet(batch, extract_batch(batch), data_dir, load_id)
    get_run_logger().info(
        "batch %s: %d files, %d documents, %d quarantined; %s", staged.key, len(cands),
        staged.counts["documents"], len(staged.quarantine),
        ", ".join(f"{k} {v:.2f}s" for k, v in staged.seconds.items()))
    return staged


@task(name="load-duckdb", retries=2, retry_delay_seconds=[1, 5], cache_policy=NONE)
def load_warehouse(con: Opaque, staged: Opaque, data_dir: str, load_id: str,
                   load_row: dict | None = None) -> None:
    """Stage the batch's Parquet files and delete-insert them in one DuckDB transaction (with
    the run's `loads` row last, for the final batch). `con` is the run's one connection: closing
    a DuckDB connection checkpoints the database, which per batch cost more than the load."""
    st: Staged = staged.value
    load_batch(con.value, Path(data_dir) / "lake", st.files, st.index_rows, load_id, load_row)


# --- flow -------------------------------------------------------------------------------------


def make_task_runner(kind: str = "thread", address: str | None = None, workers: int | None = None):
    """thread  — Prefect's default thread pool: one core does the Python work; DuckDB loads and
                 Parquet writes overlap it (they release the GIL).
    process — Prefect's ProcessPoolTaskRunner: batches transformed in `workers` processes
              (default: one per core) while the flow process loads DuckDB.
    dask    — prefect-dask: a Dask cluster at `address`, else a LocalCluster of `workers`
              single-threaded processes.
    Returns (task runner or None for the default, batches to keep in flight)."""
    workers = workers or os.cpu_count() or 1
    if kind == "thread":
        return None, 2
    api_url = _flow_api_url()  # (workers keep one Prefect client for it, made at worker start)
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        runner = ProcessPoolTaskRunner(max_workers=workers,
                                       initializer=_one_client_per_worker if api_url else None,
                                       initargs=(api_url,) if api_url else ())
    elif kind == "dask":
        from prefect_dask import DaskTaskRunner

        if address:
            runner = DaskTaskRunner(address=address)
        else:
            preload = {"preload": ["flows.dask_worker"], "preload_argv": [api_url]} if api_url else {}
            runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                                    "processes": True, "dashboard_address": None,
                                                    **preload})
    else:
        raise ValueError(f"unknown task runner {kind!r} (thread, process or dask)")
    # Batches in flight: one per worker and one more, so that workers stay busy while the flow
    # loads; memory stays bounded by the batch size, not the corpus.
    return runner, workers + 1


def _one_client_per_worker(api_url: str) -> None:
    """Run once in each process-pool or Dask worker (the latter: flows/dask_worker.py): one
    Prefect client for every task run it runs.

    Without it, each task run in a worker built two clients of its own (the task's context, then
    the task engine's), each loading certifi's CA bundle into a new SSL context: about 40% of a
    task run's cost on this runner (seen with py-spy in the overhead probe of `ree-etl bench`).
    The client is made for the API the flow process uses (`api_url`, read when the runner is
    made), kept entered for the worker's life and found by Prefect's own lookup."""
    from prefect.context import SyncClientContext
    from prefect.settings import temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api_url}):
        context = SyncClientContext()
    context.__enter__()  # (spawned workers end with os._exit: nothing to close)


def _flow_api_url() -> str | None:
    """The Prefect API this process uses: its settings' (`prefect_test_harness`, a profile), else
    the environment's (set by shared_prefect_api after Prefect read its settings)."""
    return PREFECT_API_URL.value() or os.environ.get("PREFECT_API_URL")


@contextmanager
def shared_prefect_api(kind: str) -> Iterator[None]:
    """Worker processes talk to this process's Prefect API.

    With no PREFECT_API_URL, Prefect starts an ephemeral API server in each process that needs
    one — so each process-pool or Dask worker started a server of its own (seen with `ps` during
    `ree-etl bench --task-runner process`: one uvicorn child per worker, ~4 s of CPU and ~200 MB
    each, with the workers' task runs recorded away from the flow's server). For those runners,
    start the ephemeral server here and give its URL to the workers through the environment
    (Dask workers inherit it at start; the process pool passes os.environ with every task)."""

    if kind == "thread" or _flow_api_url():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # the same instance the flow's own client uses
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def flow_with_runner(kind: str = "thread", address: str | None = None, workers: int | None = None):
    """The ingest flow on the chosen task runner (see make_task_runner).
    Returns (flow, extra parameters)."""
    runner, in_flight = make_task_runner(kind, address, workers)
    flow_obj = ingest_articles if runner is None else ingest_articles.with_options(task_runner=runner)
    return flow_obj, {"max_in_flight": in_flight}


def _chunks(items: list, n: int) -> list[list]:
    return [items[i : i + n] for i in range(0, len(items), n)]


def _verdict_hook(flow_obj, flow_run_obj, state) -> None:
    from prefect.logging import get_logger

    get_logger("ree-etl").info("ingest_articles %s: %s → %s", flow_run_obj.name, state.name,
                               state.message or "")


@flow(name="ingest_articles", on_completion=[_verdict_hook], on_failure=[_verdict_hook])
def ingest_articles(
    sources: list[str] | None = None,
    data_dir: str = "data",
    batch_size: int = DEFAULT_BATCH,
    max_bytes: int = DEFAULT_MAX_BYTES,
    wait_seconds: float = 0.0,
    max_in_flight: int = 2,
) -> dict:
    """Load new and changed article files into the Parquet lake and the DuckDB warehouse."""
    logger = get_run_logger()
    started = datetime.now()
    t0 = time.perf_counter()
    srcs = [str(Path(s).resolve()) for s in (sources or DEFAULT_SOURCES)]
    data = Path(data_dir).resolve()
    load_id = f"{started:%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
    with DataDirLock(data, wait_seconds), connect(data) as con:  # one connection per run
        removed = lake.remove_orphans(data / "lake", committed_lake_files(con))
        known = known_hashes(con)
        if removed:
            logger.warning("removed %d Parquet file(s) left by an interrupted run", len(removed))
        found = discover(srcs, Opaque(file_index(con)))
        stats = Counter(seen=found.seen, unchanged=found.unchanged)
        reasons: Counter[str] = Counter()
        families: Counter[str] = Counter()
        residual_marks = 0
        no_facts = 0
        chunks = _chunks(found.candidates, batch_size) or ([[]] if found.problems else [])
        window = max(1, max_in_flight)
        stage_seconds: Counter[str] = Counter()
        pending: deque = deque()

        def finish(fut, last: bool) -> None:
            nonlocal residual_marks, no_facts, load_row
            st: Staged = fut.result()
            for q in st.quarantine:
                logger.warning("quarantined %s: %s (%s)", q["source_path"], q["reason"], q["detail"])
                reasons[q["reason"]] += 1
            stats["new"] += st.counts["new"]
            stats["unchanged"] += st.counts["reseen"]
            stats["quarantined"] += len(st.quarantine)
            for table in ("documents", "repairs", "mentions", "roles", "events", "metrics",
                          "quotes", "entities"):
                stats[table] += st.counts[table]
            families.update(st.families)
            residual_marks += st.residual_marks
            no_facts += st.no_facts
            stage_seconds.update(st.seconds)
            stats["bytes"] += st.bytes
            # The run's `loads` row goes into the last batch's transaction, written last.
            load_row = make_load_row() if last else None
            if st.files or st.index_rows or load_row:
                t_load = time.perf_counter()
                load_warehouse(Opaque(con), Opaque(st), str(data), load_id, load_row)
                stage_seconds["load_duckdb"] += time.perf_counter() - t_load

        def make_load_row() -> dict:
            return {
                "load_id": load_id, "flow_run_id": str(flow_run.get_id() or ""),
                "started_at": started, "finished_at": datetime.now(),
                "status": "completed" if stats["new"] or stats["quarantined"] else "empty",
                "files_seen": stats["seen"], "files_new": stats["new"],
                "files_unchanged": stats["unchanged"], "files_quarantined": stats["quarantined"],
                "documents": stats["documents"], "repairs": stats["repairs"],
                "entities": stats["entities"], "mentions": stats["mentions"],
                "roles": stats["roles"], "events": stats["events"], "metrics": stats["metrics"],
                "quotes": stats["quotes"], "quarantined": stats["quarantined"],
            }

        load_row: dict | None = None
        for i, cands in enumerate(chunks):
            problems = found.problems if i == 0 else []
            mine = {(c.path, h) for c in cands for h in known.get(c.path, ())}
            work = Opaque((cands, mine, problems))
            pending.append(transform_batch.submit(work, str(data), max_bytes, load_id))
            if len(pending) >= window and i < len(chunks) - 1:
                finish(pending.popleft(), last=False)
        while pending:
            fut = pending.popleft()
            finish(fut, last=not pending)
        if load_row is None:  # nothing new: the run still goes into the log
            record_load(con, make_load_row())
        totals = table_counts(con, SUMMARY_TABLES)
    seconds = time.perf_counter() - t0
    summary = {
        "load_id": load_id, "files_seen": stats["seen"], "files_new": stats["new"],
        "files_unchanged": stats["unchanged"], "files_quarantined": stats["quarantined"],
        "documents_written": stats["documents"], "quarantine_reasons": dict(reasons),
        "mojibake_families": dict(families), "residual_mojibake_marks": residual_marks,
        "documents_without_facts": no_facts, "totals": totals,
        "warehouse": str(data / WAREHOUSE_FILE), "seconds": round(seconds, 2),
        "stage_seconds": dict(stage_seconds), "bytes_read": stats["bytes"],
    }
    _artifacts(summary)
    _rename_run(summary)
    if stats["seen"] and stats["quarantined"] == stats["seen"]:
        logger.warning("every input file was quarantined: nothing was loaded")
    logger.info("loaded %s new file(s), %s unchanged, %s quarantined into %s",
                stats["new"], stats["unchanged"], stats["quarantined"], summary["warehouse"])
    return summary


def _artifacts(s: dict) -> None:
    create_table_artifact(
        key="ingest-summary",
        table=[
            {"measure": "files seen", "value": s["files_seen"]},
            {"measure": "files new", "value": s["files_new"]},
            {"measure": "files unchanged (skipped)", "value": s["files_unchanged"]},
            {"measure": "files quarantined", "value": s["files_quarantined"]},
            {"measure": "documents written", "value": s["documents_written"]},
            *({"measure": f"rows in {t}", "value": n} for t, n in s["totals"].items()),
        ],
        description=f"Load {s['load_id']} → {s['warehouse']}",
    )
    fam = "\n".join(f"| {k} | {v} |" for k, v in sorted(s["mojibake_families"].items())) or "| – | 0 |"
    reasons = "\n".join(f"| {k} | {v} |" for k, v in sorted(s["quarantine_reasons"].items())) or "| – | 0 |"
    create_markdown_artifact(
        key="data-quality",
        markdown=(
            f"# Data quality, load `{s['load_id']}`\n\n"
            f"Warehouse: `{s['warehouse']}`\n\n"
            "## Documents by repair family\n\n| family | documents |\n|---|---|\n" + fam + "\n\n"
            f"Residual mojibake marks after repair: **{s['residual_mojibake_marks']}**  \n"
            f"Documents with no facts: **{s['documents_without_facts']}**\n\n"
            "## Quarantine reasons\n\n| reason | files |\n|---|---|\n" + reasons + "\n"
        ),
        description="Repair families, residual mojibake, empty documents, quarantine reasons",
    )


def _rename_run(s: dict) -> None:
    run_id = flow_run.get_id()
    if not run_id:
        return
    from prefect.client.orchestration import get_client

    name = (f"ingest: {s['files_new']} new, {s['files_unchanged']} unchanged, "
            f"{s['files_quarantined']} quarantined")
    with get_client(sync_client=True) as client:
        client.update_flow_run(run_id, name=name)
