"""A real `prefect server` on a free local port, a real `ree-etl serve` process registering the
scheduled deployment, runs triggered through Prefect's client, results read back from the API."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from flows.serve import wait_healthy

EXE = Path(sys.executable).parent / "ree-etl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = open(home / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host",
                             "127.0.0.1", "--port", str(port)], env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        assert wait_healthy(url, 180), (home / "server.log").read_text()[-3000:]
        yield url
    finally:
        stop(proc)


def summary_of(api: str, flow_run_id) -> dict[str, int]:
    """The run's artifacts, through the server's REST API (the 3.8 sync client sends nulls the
    artifacts filter endpoint rejects)."""
    import httpx

    r = httpx.post(f"{api}/artifacts/filter", json={
        "artifacts": {"flow_run_id": {"any_": [str(flow_run_id)]}}, "limit": 50, "offset": 0,
        "sort": "CREATED_DESC"}, timeout=30)
    r.raise_for_status()
    by_key = {a["key"]: a for a in r.json()}
    assert {"ingest-summary", "data-quality"} <= set(by_key)
    table = by_key["ingest-summary"]["data"]
    table = json.loads(table) if isinstance(table, str) else table
    assert "Residual mojibake marks" in by_key["data-quality"]["data"]
    return {row["measure"]: int(row["value"]) for row in table}


def test_serve_deployment_runs_against_a_real_server(server, tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    landing = tmp_path / "landing"
    landing.mkdir()
    samples = sorted((ROOT / "samples").glob("*.txt"))
    for p in samples[:3]:
        shutil.copy(p, landing / p.name)
    data = tmp_path / "data"
    api = f"{server}/api"
    env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    log = open(tmp_path / "serve.log", "w")
    serve = subprocess.Popen([str(EXE), "serve", "--source", str(landing), "--data-dir", str(data),
                              "--interval", "3600", "--name", "test"], env=env, stdout=log,
                             stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with temporary_settings({PREFECT_API_URL: api}), get_client(sync_client=True) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    dep = client.read_deployment_by_name("ingest_articles/test")
                    break
                except Exception:
                    assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()[-3000:]
                    time.sleep(1)
            assert dep.schedules and dep.schedules[0].schedule.interval.total_seconds() == 3600

            run_ids = []

            def trigger() -> dict[str, int]:
                run = run_deployment("ingest_articles/test", timeout=300)
                assert run.state.is_completed(), (run.state, (tmp_path / "serve.log").read_text()[-3000:])
                run_ids.append(run.id)
                return summary_of(api, run.id)

            first = trigger()
            # The interval schedule may already have loaded the landing folder once.
            assert first["files seen"] == 3
            assert first["rows in documents"] == 3

            for p in samples[3:]:  # two new files dropped between runs
                shutil.copy(p, landing / p.name)
            second = trigger()
            assert (second["files new"], second["files unchanged (skipped)"]) == (2, 3)
            assert second["rows in documents"] == 5

            mtimes = {p: p.stat().st_mtime_ns for p in (data / "lake").rglob("*.parquet")}
            third = trigger()
            assert (third["files new"], third["files unchanged (skipped)"]) == (0, 5)
            assert {p: p.stat().st_mtime_ns for p in (data / "lake").rglob("*.parquet")} == mtimes

            # The run name says what the run did.
            assert client.read_flow_run(run_ids[1]).name == "ingest: 2 new, 3 unchanged, 0 quarantined"
    finally:
        stop(serve)
