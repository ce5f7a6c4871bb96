"""The Parquet lake: lake/<table>/batch-<key>.parquet, written to a temporary name and renamed.

A rename within one directory is atomic on POSIX, so a reader (or the next run after a crash)
sees either the whole file or none of it. A batch's files are named by the hash of its input
files, so re-processing the same batch after a crash overwrites rather than duplicates.
"""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl

from warehouse import faults


def write_table(lake_dir: Path, table: str, batch_key: str, df: pl.DataFrame) -> Path:
    """Write one table's rows for a batch atomically; return the final path."""
    out_dir = lake_dir / table
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"batch-{batch_key}.parquet"
    tmp = out_dir / f".tmp-{batch_key}-{os.getpid()}.partial"  # not *.parquet: never globbed
    df.write_parquet(tmp, compression="zstd", statistics=True)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    faults.point("lake-before-rename")
    os.replace(tmp, final)
    faults.point("lake-after-rename")
    _fsync_dir(out_dir)
    return final


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_orphans(lake_dir: Path, committed: set[str]) -> list[Path]:
    """Delete temporary files and batch files no committed load lists (left by a killed run)."""
    removed = []
    if not lake_dir.exists():
        return removed
    for path in lake_dir.glob("*/*.parquet"):
        rel = str(path.relative_to(lake_dir))
        if rel not in committed:
            path.unlink(missing_ok=True)
            removed.append(path)
    for path in lake_dir.glob("*/.tmp-*.partial"):
        path.unlink(missing_ok=True)
        removed.append(path)
    return removed
