"""raw/: a content-addressed copy of every input file's bytes, kept even when the file fails."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def raw_path(raw_dir: Path, sha256: str) -> Path:
    return raw_dir / sha256[:2] / sha256


def keep(raw_dir: Path, sha256: str, data: bytes, sync: bool = True) -> Path:
    """Store bytes under their hash (idempotent; written to a temporary name, then renamed).
    With sync=False the caller calls `sync_all` once for the batch (one flush, not one a file)."""
    path = raw_path(raw_dir, sha256)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{sha256}-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        if sync:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)
    return path


def keep_file(raw_dir: Path, src: Path) -> tuple[str, Path]:
    """Store a file too large to hold in memory: hashed and copied in 1 MiB chunks."""
    h = hashlib.sha256()
    raw_dir.mkdir(parents=True, exist_ok=True)
    tmp = raw_dir / f".tmp-large-{os.getpid()}"
    with open(src, "rb") as fin, open(tmp, "wb") as fout:
        while chunk := fin.read(1 << 20):
            h.update(chunk)
            fout.write(chunk)
        fout.flush()
        os.fsync(fout.fileno())
    sha = h.hexdigest()
    path = raw_path(raw_dir, sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, path)
    return sha, path


def sync_all() -> None:
    """Flush every written raw file to disk before the batch's facts are loaded."""
    os.sync()
