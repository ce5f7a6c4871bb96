"""Hostile input: every bad file quarantined with its reason, the good ones loaded, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
from conftest import ROOT

from flows.ingest import DataDirLock

EXE = Path(sys.executable).parent / "ree-etl"


def make_bad_folder(folder: Path) -> dict[str, str | None]:
    """Bad inputs mixed with the samples; name → expected quarantine reason (None: loads)."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in (ROOT / "samples").glob("*.txt"):
        (folder / p.name).write_bytes(p.read_bytes())
    clean = (ROOT / "samples" / "000_17cc1e7cf9897122.txt").read_text(encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n\t ")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 40)
    (folder / "random-high.dat").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(5000)))
    (folder / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(2000))
    # Valid UTF-8 cut off inside a multi-byte character: a file still being written.
    (folder / "half.txt").write_bytes(clean.encode("utf-8")[: clean.encode("utf-8").index("’".encode()) + 1])
    (folder / "big.log").write_bytes(b"2025-01-01 INFO all good\n" * 50_000)  # 1.25 MB > limit
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "loop").mkdir()
    (folder / "loop" / "back").symlink_to(folder, target_is_directory=True)
    os.mkfifo(folder / "pipe.txt")
    # Not bad: other encodings of real text still load.
    (folder / "utf16-nobom.txt").write_bytes(clean.encode("utf-16-le"))
    (folder / "latin.txt").write_bytes("Société Générale à Zürich signed a rare earth deal with Lynas.\n".encode("cp1252"))
    return {
        "empty.txt": "empty", "blank.txt": "empty", "junk.bin": "binary", "random-high.dat": "binary",
        "png.txt": "binary", "half.txt": "truncated", "big.log": "too_large",
        "dangling.txt": "unreadable", "loop/back": "loop", "pipe.txt": "unreadable",
        "utf16-nobom.txt": None, "latin.txt": None,
    }


def test_bad_inputs_are_quarantined_and_the_rest_loads(tmp_path):
    src = tmp_path / "in"
    expected = make_bad_folder(src)
    data = tmp_path / "data"
    run = subprocess.run([str(EXE), "run", "--source", str(src), "--data-dir", str(data),
                          "--max-bytes", "1000000"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    q = {Path(p).relative_to(src).as_posix() if p.startswith(str(src)) else p: (r, d, sha, raw)
         for p, r, d, sha, raw in con.execute(
             "select source_path, reason, detail, raw_sha256, raw_path from quarantine").fetchall()}
    for name, reason in expected.items():
        if reason is None:
            assert name not in q
            continue
        assert name in q, (name, sorted(q))
        got_reason, detail, sha, raw_path = q[name]
        assert got_reason == reason, (name, got_reason, detail)
        assert detail
        if reason in ("empty", "binary", "truncated", "too_large"):  # readable: bytes kept
            assert sha and Path(raw_path).read_bytes() == (src / name).read_bytes()
    assert len(q) == sum(r is not None for r in expected.values())
    # The 5 samples + UTF-16 copy of sample 000 (same document) + the cp1252 file.
    assert con.execute("select count(*) from documents").fetchone()[0] == 6
    enc = dict(con.execute("select split_part(source_path, '/', -1), encoding from sources").fetchall())
    assert enc["utf16-nobom.txt"] == "utf-16-le" and enc["latin.txt"] == "cp1252"
    assert "Société Générale" in con.execute(
        "select text from documents d join sources s using (doc_id) where s.source_path like '%latin.txt'"
    ).fetchone()[0]
    con.close()
    # The summary and the log name what happened.
    assert "10 quarantined" in run.stdout
    assert "quarantined as binary: 3" in run.stdout
    assert "half.txt" in run.stderr + run.stdout

    # A second run: nothing new, nothing duplicated.
    again = subprocess.run([str(EXE), "run", "--source", str(src), "--data-dir", str(data),
                            "--max-bytes", "1000000"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    assert con.execute("select count(*) from quarantine").fetchone()[0] == len(q)
    assert con.execute("select count(*) from documents").fetchone()[0] == 6
    con.close()


def test_everything_quarantined_still_completes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(b"")
    (src / "b.bin").write_bytes(b"\x00\x01\x02" * 100)
    run = subprocess.run([str(EXE), "run", "--source", str(src), "--data-dir", str(tmp_path / "d")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "2 seen, 2 new, 0 unchanged, 2 quarantined" in run.stdout
    assert "every input file was quarantined" in run.stderr + run.stdout


def test_second_concurrent_run_exits_with_a_clear_message(tmp_path):
    data = tmp_path / "data"
    with DataDirLock(data):
        run = subprocess.run([str(EXE), "run", "--data-dir", str(data)], capture_output=True,
                             text=True, timeout=300)
    assert run.returncode == 3
    assert "another ree-etl run is using" in run.stderr
    ok = subprocess.run([str(EXE), "run", "--data-dir", str(data)], capture_output=True, text=True,
                        timeout=300)
    assert ok.returncode == 0, ok.stderr


def test_missing_source_folder_is_reported_not_fatal(tmp_path):
    run = subprocess.run([str(EXE), "run", "--source", str(tmp_path / "nowhere"), "--data-dir",
                          str(tmp_path / "d")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0
    assert "quarantined as unreadable: 1" in run.stdout
