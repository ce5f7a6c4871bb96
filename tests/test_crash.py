"""A real `ree-etl run` process SIGKILLed at several points; the next run must end with exactly
the rows of an uninterrupted run, and no partial Parquet file is ever visible."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from conftest import DATA, ROOT

from flows.ingest import ingest_articles
from warehouse.schema import ALL_TABLES

EXE = Path(sys.executable).parent / "ree-etl"
KILL_POINTS = [
    "lake-before-rename:2",    # a Parquet file written under its temporary name, not renamed
    "lake-after-rename:13",    # second batch, part of its tables renamed into the lake
    "load-mid-transaction:3",  # inside the DuckDB transaction, after some delete-inserts
    "load-before-commit:2",    # second batch fully staged, COMMIT not reached
    "load-after-commit:2",     # two batches committed, the run's `loads` row not yet written
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("crash") / "in"
    src.mkdir()
    for p in [*(ROOT / "samples").glob("*.txt"), *(DATA / "clean").glob("*.txt")]:
        shutil.copy(p, src / p.name)
    return src


def counts(data: Path) -> dict[str, int]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ALL_TABLES if t not in ("loads",)}
    finally:
        con.close()


def content(data: Path) -> set[tuple]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return set(con.execute("select doc_id, text from documents").fetchall()) | set(
            con.execute("select mention_id, entity_id, start from mentions").fetchall())
    finally:
        con.close()


@pytest.fixture(scope="module")
def baseline(prefect_harness, corpus, tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("base") / "data"
    ingest_articles(sources=[str(corpus)], data_dir=str(data), batch_size=3)
    return data


def assert_lake_complete(data: Path) -> None:
    for p in (data / "lake").rglob("*.parquet"):
        pl.read_parquet(p)  # raises on a partial file


@pytest.mark.parametrize("kill_at", KILL_POINTS)
def test_kill_then_rerun_matches_uninterrupted(baseline, corpus, tmp_path, kill_at, api_env):
    data = tmp_path / "data"
    env = {**api_env, "REE_ETL_KILL_AT": kill_at}
    run = subprocess.run([str(EXE), "run", "--source", str(corpus), "--data-dir", str(data),
                          "--batch-size", "3"], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == -signal.SIGKILL, (run.returncode, run.stderr[-2000:])
    assert_lake_complete(data)
    again = subprocess.run([str(EXE), "run", "--source", str(corpus), "--data-dir", str(data),
                            "--batch-size", "3"], env=api_env, capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert counts(data) == counts(baseline)
    assert content(data) == content(baseline)
    assert not list((data / "lake").rglob("*.partial"))
    lake_docs = pl.read_parquet(data / "lake" / "documents" / "*.parquet")
    assert lake_docs["doc_id"].n_unique() == counts(baseline)["documents"]
