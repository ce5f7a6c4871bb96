"""`ree-etl serve` (a scheduled deployment served by this process) and `ree-etl ui`."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request

from flows.cli import settings_from
from flows.ingest import flow_with_runner, shared_prefect_api

DEPLOYMENT_FLOW = "ingest_articles"


def serve_cli(args: argparse.Namespace) -> int:
    st = settings_from(args)
    cron, interval = st.get("cron"), st.get("interval")
    if not cron and not interval:
        interval = 900
    flow, extra = flow_with_runner(args.task_runner, args.dask_address, args.workers)
    params = {"sources": st.get("sources"), "data_dir": os.path.abspath(st["data_dir"]),
              "batch_size": st["batch_size"], "max_bytes": st["max_bytes"],
              # A scheduled run that finds the previous one still going waits for it.
              "wait_seconds": 600.0, **extra}
    api = os.environ.get("PREFECT_API_URL") or "Prefect's ephemeral API (no UI)"
    when = f"cron {cron!r}" if cron else f"every {interval:g}s"
    print(f"serving deployment {DEPLOYMENT_FLOW}/{args.name} ({when}) → {api}", flush=True)
    with shared_prefect_api(args.task_runner):
        flow.serve(name=args.name, cron=cron, interval=None if cron else interval,
                   parameters=params, limit=1, print_starting_message=True)
    return 0


def wait_healthy(url: str, timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def ui_cli(args: argparse.Namespace) -> int:
    url = f"http://{args.host}:{args.port}"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_API_URL": f"{url}/api"}
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", args.host,
                             "--port", str(args.port)], env=env)
    try:
        if not wait_healthy(url):
            print(f"ree-etl ui: the Prefect server did not answer on {url}", file=sys.stderr)
            proc.terminate()
            return 1
        print(f"\nPrefect UI: {url}\nPoint runs at it from another shell:\n"
              f"  export PREFECT_API_URL={url}/api\n  .venv/bin/ree-etl run   # or: ree-etl serve\n"
              "Ctrl-C stops the server.", flush=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return 0
