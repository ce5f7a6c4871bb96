"""The warehouse schema, read from the SQL files so that SQL stays the single source of truth."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import duckdb
import polars as pl

SQL_DIR = Path(__file__).parent / "sql"

# Tables replaced per document on every load.
DOC_TABLES = (
    "documents", "repairs", "residuals", "mentions", "roles", "events", "metrics", "quotes",
)
ALL_TABLES = (*DOC_TABLES, "entities", "sources", "quarantine", "file_index", "loads")

_TYPES = {
    "VARCHAR": pl.Utf8,
    "INTEGER": pl.Int32,
    "BIGINT": pl.Int64,
    "DOUBLE": pl.Float64,
    "DATE": pl.Date,
    "TIMESTAMP": pl.Datetime("us"),
    "BOOLEAN": pl.Boolean,
    "VARCHAR[]": pl.List(pl.Utf8),
}


def schema_sql() -> str:
    return (SQL_DIR / "schema.sql").read_text(encoding="utf-8")


def views_sql() -> str:
    return (SQL_DIR / "views.sql").read_text(encoding="utf-8")


@cache
def polars_schema(table: str) -> dict[str, pl.DataType]:
    """Column → Polars type for a warehouse table, as DuckDB reads schema.sql."""
    con = duckdb.connect(":memory:")
    try:
        con.execute(schema_sql())
        rows = con.execute(f"DESCRIBE {table}").fetchall()
    finally:
        con.close()
    return {name: _TYPES[typ] for name, typ, *_ in rows}


def frame(table: str, rows: list[dict], load_id: str) -> pl.DataFrame:
    """Rows (dicts) as a frame with exactly the table's columns and types."""
    schema = polars_schema(table)
    cols = {c: [r.get(c) for r in rows] for c in schema if c != "load_id"}
    cols["load_id"] = [load_id] * len(rows)
    return pl.DataFrame(cols, schema=schema)
