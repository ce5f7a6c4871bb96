"""Every example question in warehouse/questions runs on a warehouse loaded from the samples."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from conftest import ROOT

from flows.ingest import ingest_articles

QUESTIONS = sorted((ROOT / "warehouse" / "questions").glob("*.sql"))


@pytest.fixture(scope="module")
def warehouse(prefect_harness, tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("q") / "data"
    ingest_articles(sources=[str(ROOT / "samples")], data_dir=str(data))
    return data / "warehouse.duckdb"


def run(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_there_are_questions():
    assert len(QUESTIONS) >= 6


@pytest.mark.parametrize("path", QUESTIONS, ids=[p.stem for p in QUESTIONS])
def test_question_answers(warehouse, path):
    rows = run(warehouse, path.read_text(encoding="utf-8"))
    assert rows, f"{path.name} answered nothing on the samples"


def test_specific_answers(warehouse):
    q = lambda name: run(warehouse, (ROOT / "warehouse" / "questions" / name).read_text())
    execs = {(p, t) for p, t, _ in q("01_baogang_executives.sql")}
    assert {("Li Xiao", "General Manager"), ("Meng Fanying", "Party Secretary")} <= execs
    meetings = q("02_who_met_whom.sql")
    assert any(w == "2025-11-25" and "Ma Xianfeng" in people for w, _, people, _, _ in meetings)
    figures = {(o, v, u) for o, _, v, u, _ in q("03_claimed_figures.sql")}
    assert ("Hefeng Rare Earth", 1_710_000.0, "CNY") in figures
    elements = {e for e, _ in q("04_elements_and_export_controls.sql")}
    assert {"dysprosium", "terbium", "lutetium"} <= elements
    speakers = {s for s, *_ in q("05_who_said_what.sql")}
    assert speakers == {"Li Xiao", "Meng Fanying"}


def test_declarative_checks(warehouse):
    """unique / not null / accepted values, against the real warehouse (dbt-style)."""
    checks = {
        "unique doc_id": "select count(*) - count(distinct doc_id) from documents",
        "unique entity_id": "select count(*) - count(distinct entity_id) from entities",
        **{f"unique {t}.{c}": f"select count(*) - count(distinct {c}) from {t}"
           for t, c in [("repairs", "repair_id"), ("mentions", "mention_id"), ("roles", "role_id"),
                        ("events", "event_id"), ("metrics", "metric_id"), ("quotes", "quote_id")]},
        "mentions resolve": "select count(*) from mentions where entity_id not in (select entity_id from entities)",
        "entity types": "select count(*) from entities where entity_type not in "
                        "('organization','person','place','element','compound')",
        "not null ids": "select count(*) from mentions where doc_id is null or entity_id is null",
        "sources resolve": "select count(*) from sources where doc_id not in (select doc_id from documents)",
        "repair offsets": "select count(*) from repairs r join documents d using (doc_id) "
                          "where substr(d.text, r.start + 1, r.\"end\" - r.start) <> r.after",
    }
    for name, sql in checks.items():
        assert run(warehouse, sql) == [(0,)], name
