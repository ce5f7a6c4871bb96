"""DuckDB loads: stage a batch's Parquet files, delete-insert by key, write `loads` — one transaction.

After the COMMIT the batch is in the warehouse with its `loads` row; before it, nothing of it is.
A run killed in between leaves the previous state, and the next run redoes the batch.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from warehouse import faults
from warehouse.schema import DOC_TABLES, schema_sql, views_sql

WAREHOUSE_FILE = "warehouse.duckdb"


def connect(data_dir: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = data_dir / WAREHOUSE_FILE
    if read_only:
        if not path.exists():
            raise FileNotFoundError(f"no warehouse at {path}: run `ree-etl run` first")
        return duckdb.connect(str(path), read_only=True)
    data_dir.mkdir(parents=True, exist_ok=True)
    # Bounded buffer cache: memory follows the batch, not the warehouse (default is 80% of RAM).
    # Checkpoint every 256 MB of WAL, not DuckDB's 16 MB: a checkpoint rewrites the key indexes, so
    # its cost grows with the warehouse; at a million documents the default checkpointed every
    # other batch (100 batch loads into the 1M warehouse: 67 s default, 46 s with 256 MB).
    con = duckdb.connect(
        str(path), config={"memory_limit": "512MB", "checkpoint_threshold": "256MB"}
    )
    con.execute("SET enable_progress_bar = false")  # no bars in the flow's log
    con.execute(schema_sql())
    con.execute(views_sql())
    return con


def committed_lake_files(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT path FROM lake_files").fetchall()}


def file_index(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int, str]]:
    rows = con.execute("SELECT source_path, size_bytes, mtime_ns, raw_sha256 FROM file_index")
    return {p: (s, m, h) for p, s, m, h in rows.fetchall()}


def known_hashes(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """source_path → raw_sha256 values already loaded as a source or quarantined."""
    rows = con.execute(
        "SELECT source_path, raw_sha256 FROM sources "
        "UNION SELECT source_path, raw_sha256 FROM quarantine WHERE raw_sha256 IS NOT NULL"
    ).fetchall()
    out: dict[str, set[str]] = {}
    for p, h in rows:
        out.setdefault(p, set()).add(h)
    return out


def _q(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def load_batch(
    con: duckdb.DuckDBPyConnection,
    lake_dir: Path,
    files: dict[str, Path],
    file_index_rows: list[tuple[str, int, int, str]],
    load_id: str,
    load_row: dict | None = None,
) -> None:
    """Load one batch's Parquet files (table → path) in a single transaction.

    `load_row`, when given, is written last in the same transaction; the flow passes it with the
    final batch so that a `loads` row exists only for a load whose every batch committed.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        docs = files.get("documents")
        if docs is not None:
            keys = f"(SELECT doc_id FROM read_parquet({_q(docs)}))"
            # Deleting scans a fact table; only documents already loaded need it (documents has
            # a primary-key index, so finding them is cheap). New documents skip the scans.
            seen = con.execute(f"SELECT count(*) FROM documents WHERE doc_id IN {keys}").fetchone()[0]
            for table in DOC_TABLES:
                if seen:
                    con.execute(f"DELETE FROM {table} WHERE doc_id IN {keys}")
                if table in files:
                    con.execute(
                        f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet({_q(files[table])})"
                    )
                faults.point("load-mid-transaction")
        if "entities" in files:
            con.execute(
                "INSERT INTO entities BY NAME SELECT * FROM read_parquet("
                f"{_q(files['entities'])}) ON CONFLICT (entity_id) DO UPDATE SET "
                "name = excluded.name, entity_type = excluded.entity_type, kb = excluded.kb"
            )
        if "sources" in files:
            con.execute(
                "INSERT INTO sources BY NAME SELECT * FROM read_parquet("
                f"{_q(files['sources'])}) ON CONFLICT (source_path, raw_sha256) DO UPDATE SET "
                "last_seen = excluded.last_seen, doc_id = excluded.doc_id"
            )
        if "quarantine" in files:
            q = f"read_parquet({_q(files['quarantine'])})"
            con.execute(
                "DELETE FROM quarantine WHERE (source_path, coalesce(raw_sha256, '')) IN "
                f"(SELECT (source_path, coalesce(raw_sha256, '')) FROM {q})"
            )
            con.execute(f"INSERT INTO quarantine BY NAME SELECT * FROM {q}")
        if file_index_rows:
            # One set-based statement (executemany inserts row by row).
            idx = pa.table({
                "source_path": [r[0] for r in file_index_rows],
                "size_bytes": pa.array([r[1] for r in file_index_rows], pa.int64()),
                "mtime_ns": pa.array([r[2] for r in file_index_rows], pa.int64()),
                "raw_sha256": pa.array([r[3] for r in file_index_rows], pa.string()),
                "load_id": [load_id] * len(file_index_rows),
            })
            con.register("_file_index_batch", idx)
            con.execute("INSERT OR REPLACE INTO file_index SELECT * FROM _file_index_batch")
            con.unregister("_file_index_batch")
        for path in files.values():
            n = con.execute(f"SELECT count(*) FROM read_parquet({_q(path)})").fetchone()[0]
            con.execute(
                "INSERT OR REPLACE INTO lake_files VALUES (?, ?, ?)",
                [str(path.relative_to(lake_dir)), load_id, n],
            )
        if load_row is not None:
            _insert_load(con, load_row)
        faults.point("load-before-commit")
        con.execute("COMMIT")
        faults.point("load-after-commit")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def record_load(con: duckdb.DuckDBPyConnection, load_row: dict) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        _insert_load(con, load_row)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _insert_load(con: duckdb.DuckDBPyConnection, row: dict) -> None:
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO loads ({cols}) VALUES ({marks})", list(row.values()))


def table_counts(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

