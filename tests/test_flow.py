"""End to end through real Prefect flow runs, real Parquet files and a real DuckDB file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
from conftest import ROOT

from flows.ingest import ingest_articles
from transforms import corrupt
from warehouse.schema import ALL_TABLES

CONTRACT = {
    "documents": ["doc_id", "source_path", "title", "published_on", "text", "body", "encoding",
                  "repair_count"],
    "sources": ["source_path", "raw_sha256", "doc_id", "first_seen", "last_seen"],
    "repairs": ["doc_id", "start", "end", "before", "after", "rule", "confidence"],
    "entities": ["entity_id", "entity_type", "name"],
    "mentions": ["doc_id", "entity_id", "surface", "start", "end"],
    "roles": ["doc_id", "person", "title", "organization"],
    "events": ["doc_id", "event_type", "start_date", "end_date", "date_text", "people",
               "organizations", "location"],
    "metrics": ["doc_id", "value", "unit", "measure", "approximate", "text"],
    "quotes": ["doc_id", "speaker", "quote"],
    "quarantine": ["source_path", "raw_sha256", "reason", "detail"],
    "loads": ["load_id", "started_at", "finished_at", "status"],
}


def counts(data: Path) -> dict[str, int]:
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in ALL_TABLES}
    finally:
        con.close()


def test_samples_fill_every_contract_table_and_rerun_adds_nothing(prefect_harness, samples_copy, tmp_path):
    data = tmp_path / "data"
    s = ingest_articles(sources=[str(samples_copy)], data_dir=str(data))
    assert (s["files_seen"], s["files_new"], s["files_quarantined"]) == (5, 5, 0)
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    for table, cols in CONTRACT.items():
        have = {r[0] for r in con.execute(f"describe {table}").fetchall()}
        assert set(cols) | {"load_id"} <= have | ({"load_id"} if table == "loads" else set()), table
        if table not in ("quarantine",):
            assert con.execute(f"select count(*) from {table}").fetchone()[0] > 0, table
    # Every row carries the load that wrote it, and that load is recorded.
    for table in ("documents", "mentions", "repairs", "metrics"):
        orphans = con.execute(
            f"select count(*) from {table} where load_id not in (select load_id from loads)"
        ).fetchone()[0]
        assert orphans == 0
    docs = con.execute("select doc_id, text, repair_count, encoding, mojibake from documents").fetchall()
    assert len(docs) == 5
    for doc_id, text, repair_count, encoding, mojibake in docs:
        n = con.execute("select count(*) from repairs where doc_id = ?", [doc_id]).fetchone()[0]
        assert n == repair_count
        assert encoding == "utf-8"
    assert sorted(m for *_, m in docs) == ["clean", "clean", "thai-lossy", "thai-lossy", "thai-lossy"]
    # Offsets point at the surface text.
    bad = con.execute(
        "select count(*) from mentions m join documents d using (doc_id) "
        "where substr(d.text, m.start + 1, m.\"end\" - m.start) <> m.surface"
    ).fetchone()[0]
    assert bad == 0
    con.close()
    # The lake holds the same rows as the warehouse.
    lake_docs = pl.read_parquet(data / "lake" / "documents" / "*.parquet")
    assert lake_docs.height == 5
    assert list((data / "raw").rglob("*")) and len([p for p in (data / "raw").rglob("*") if p.is_file()]) == 5

    before = counts(data)
    parquet_mtimes = {p: p.stat().st_mtime_ns for p in (data / "lake").rglob("*.parquet")}
    s2 = ingest_articles(sources=[str(samples_copy)], data_dir=str(data))
    assert (s2["files_new"], s2["files_unchanged"]) == (0, 5)
    after = counts(data)
    assert {t: n for t, n in after.items() if t != "loads"} == {t: n for t, n in before.items() if t != "loads"}
    assert after["loads"] == before["loads"] + 1  # the run log records every run
    assert {p: p.stat().st_mtime_ns for p in (data / "lake").rglob("*.parquet")} == parquet_mtimes


def test_same_article_in_three_encodings_is_one_document(prefect_harness, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    clean = (ROOT / "samples" / "000_17cc1e7cf9897122.txt").read_text(encoding="utf-8")
    (src / "clean.txt").write_text(clean, encoding="utf-8")
    (src / "hybrid.txt").write_text(corrupt.thai_hybrid(clean), encoding="utf-8")
    (src / "lossy.txt").write_text(corrupt.thai_lossy(clean), encoding="utf-8")
    (src / "utf16.txt").write_bytes(clean.encode("utf-16"))
    data = tmp_path / "data"
    ingest_articles(sources=[str(src)], data_dir=str(data))
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    rows = con.execute("select source_path, mojibake, encoding from sources order by source_path").fetchall()
    assert [(Path(p).name, m, e) for p, m, e in rows] == [
        ("clean.txt", "clean", "utf-8"), ("hybrid.txt", "thai-hybrid", "utf-8"),
        ("lossy.txt", "thai-lossy", "utf-8"), ("utf16.txt", "clean", "utf-16-le"),
    ]


def test_changed_file_replaces_its_document_rows(prefect_harness, tmp_path):
    src = tmp_path / "in"
    shutil.copytree(ROOT / "samples", src)
    data = tmp_path / "data"
    ingest_articles(sources=[str(src)], data_dir=str(data))
    target = src / "004_114193651511d9f5.txt"
    target.write_text(target.read_text(encoding="utf-8") + "\nMP Materials CEO James Litinsky said nothing.\n",
                      encoding="utf-8")
    s = ingest_articles(sources=[str(src)], data_dir=str(data))
    assert (s["files_new"], s["files_unchanged"]) == (1, 4)
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    # The edited article is a new document; the old version stays as history of its source.
    assert con.execute("select count(*) from documents").fetchone()[0] == 6
    assert con.execute("select count(*) from sources where source_path = ?", [str(target)]).fetchone()[0] == 2
    assert con.execute("select count(*) from roles where person = 'James Litinsky'").fetchone()[0] == 1


def test_cli_run_and_readonly_sql(tmp_path):
    """The README's commands as a user types them: a real `ree-etl` process, ephemeral API."""
    data = tmp_path / "data"
    exe = Path(sys.executable).parent / "ree-etl"
    run = subprocess.run([str(exe), "run", "--data-dir", str(data)], capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "5 seen, 5 new, 0 unchanged, 0 quarantined" in run.stdout
    assert str(data / "warehouse.duckdb") in run.stdout
    q = subprocess.run([str(exe), "sql", "select count(*) from documents", "--data-dir", str(data)],
                       capture_output=True, text=True, timeout=120)
    assert q.returncode == 0 and "\n5" in q.stdout
    w = subprocess.run([str(exe), "sql", "delete from documents", "--data-dir", str(data)],
                       capture_output=True, text=True, timeout=120)
    assert w.returncode != 0 and "read-only" in w.stderr
    q = subprocess.run([str(exe), "sql", "select count(*) from documents", "--data-dir", str(data)],
                       capture_output=True, text=True, timeout=120)
    assert "\n5" in q.stdout
