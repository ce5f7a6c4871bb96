"""Scale-out and the benchmark: a process pool and a Dask LocalCluster give exactly the default
runner's warehouse; the benchmark command runs end to end on a few documents (its figures are not
asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT
from prefect import flow, task
from prefect.cache_policies import NONE

from flows.bench import make_corpus
from flows.ingest import flow_with_runner, make_task_runner
from transforms.normalize import normalize
from warehouse.schema import ALL_TABLES

VOLATILE = {"load_id", "first_seen", "last_seen", "started_at", "finished_at", "flow_run_id"}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    out = {}
    try:
        for t in ALL_TABLES:
            if t in ("loads", "file_index"):
                continue
            cols = [r[0] for r in con.execute(f"describe {t}").fetchall() if r[0] not in VOLATILE]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[t] = con.execute(f"select {sel} from {t} order by all").fetchall()
    finally:
        con.close()
    return out


@pytest.mark.parametrize("runner", ["process", "dask"])
def test_parallel_runner_gives_the_same_warehouse(prefect_harness, tmp_path, runner):
    src = tmp_path / "in"
    make_corpus(src, 40, 0.5, seed=7)
    thread_flow, _ = flow_with_runner("thread")
    other_flow, extra = flow_with_runner(runner, workers=2)
    a = thread_flow(sources=[str(src)], data_dir=str(tmp_path / "a"), batch_size=7)
    b = other_flow(sources=[str(src)], data_dir=str(tmp_path / "b"), batch_size=7, **extra)
    assert a["documents_written"] == b["documents_written"] > 30
    sa, sb = snapshot(tmp_path / "a" / "warehouse.duckdb"), snapshot(tmp_path / "b" / "warehouse.duckdb")
    for table in sa:
        assert [tuple(str(v).replace(str(tmp_path / "a"), "") for v in r) for r in sa[table]] == \
               [tuple(str(v).replace(str(tmp_path / "b"), "") for v in r) for r in sb[table]], table


@task(cache_policy=NONE)
def _client_seen() -> tuple[int, int, str]:
    """(worker pid, the Prefect client this task run used, that client's API URL)."""
    import os

    from prefect.context import SyncClientContext

    client = SyncClientContext.get().client
    return os.getpid(), id(client), str(client.api_url)


@flow
def _clients_of(n: int) -> list[tuple[int, int, str]]:
    return [_client_seen.submit().result() for _ in range(n)]


@pytest.mark.parametrize("kind", ["process", "dask"])
def test_workers_keep_one_prefect_client_for_all_their_task_runs(prefect_harness, kind):
    """Each task run in a process-pool or Dask worker used to build two Prefect clients of its own
    (each an SSL context loaded with certifi's CA bundle: the bulk of a task run's bookkeeping
    there). Each worker now makes one, for the API of the flow process (the pool's initializer, the
    LocalCluster's worker preload), and every task run it runs uses it."""
    from prefect.settings import PREFECT_API_URL

    runner, _ = make_task_runner(kind, workers=2)
    seen = _clients_of.with_options(task_runner=runner)(6)
    by_worker: dict[int, set[int]] = {}
    for pid, client, _ in seen:
        by_worker.setdefault(pid, set()).add(client)
    assert all(len(clients) == 1 for clients in by_worker.values()), by_worker
    assert {url for *_, url in seen} == {PREFECT_API_URL.value().rstrip("/") + "/"}


def test_synthetic_corpus_is_reproducible_and_mixed(tmp_path):
    make_corpus(tmp_path / "x", 30, 0.5, seed=1)
    make_corpus(tmp_path / "y", 30, 0.5, seed=1)
    xs = sorted((tmp_path / "x").rglob("*.txt"))
    assert [p.read_bytes() for p in xs] == [p.read_bytes() for p in sorted((tmp_path / "y").rglob("*.txt"))]
    families = {normalize(p.read_bytes()).mojibake for p in xs}
    assert "clean" in families and len(families) >= 3


def test_bench_smoke(tmp_path):
    exe = Path(sys.executable).parent / "ree-etl"
    r = subprocess.run([str(exe), "bench", "--docs", "30", "--work-dir", str(tmp_path)],
                       capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-2000:]
    for line in ("end to end", "peak memory", "Prefect task-run overhead", "ftfy.fix_text alone",
                 "ratio end-to-end / ftfy"):
        assert line in r.stdout
