"""The `ree-etl` command line."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _defaults_env() -> None:
    # No telemetry to the internet, and a quiet ephemeral API unless the user set their own.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ree-etl",
        description="Rare-earth news → repaired text → facts → Parquet → DuckDB, as Prefect flows.",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser("run", help="run the ingest flow once now and print a summary")
    serve = sub.add_parser(
        "serve", help="long-running: register a scheduled deployment and run it (Prefect serve)")
    for p_ in (run, serve):
        p_.add_argument("--source", action="append", type=Path, metavar="DIR",
                        help="folder (or file) of raw article files; repeatable "
                             "(default: the bundled samples/)")
        p_.add_argument("--data-dir", type=Path, metavar="DIR",
                        help="where raw/, lake/ and warehouse.duckdb live (default: ./data)")
        p_.add_argument("--batch-size", type=int, metavar="N",
                        help="documents per batch; one transform task and one load task "
                             "per batch (default: 500)")
        p_.add_argument("--max-bytes", type=int, metavar="N",
                        help="files larger than this are quarantined as too_large "
                             "(default: 20 MiB)")
        p_.add_argument("--config", type=Path, metavar="FILE",
                        help="TOML settings file (default: $REE_ETL_CONFIG or ./ree-etl.toml); "
                             "environment REE_ETL_* overrides it, options override both")
        p_.add_argument("--task-runner", choices=["thread", "process", "dask"], default="thread",
                        help="where batch tasks run: threads here, worker processes here "
                             "(all cores), or a Dask cluster")
        p_.add_argument("--workers", type=int, metavar="N",
                        help="processes for --task-runner process / a local Dask cluster "
                             "(default: one per core)")
        p_.add_argument("--dask-address", metavar="tcp://HOST:8786",
                        help="existing Dask scheduler (default: a LocalCluster)")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run on the same data dir (default: exit)")
    sched = serve.add_mutually_exclusive_group()
    sched.add_argument("--cron", metavar="EXPR", help='cron schedule, e.g. "*/15 * * * *"')
    sched.add_argument("--interval", type=float, metavar="SECONDS",
                       help="run every SECONDS (default: 900 when no cron is given)")
    serve.add_argument("--name", default="scheduled", help="deployment name (default: scheduled)")

    ui = sub.add_parser("ui", help="start a local Prefect server and print the UI address")
    ui.add_argument("--port", type=int, default=4200, help="port (default: 4200)")
    ui.add_argument("--host", default="127.0.0.1", help="host (default: 127.0.0.1)")

    sql = sub.add_parser("sql", help="run a read-only SQL query on the warehouse")
    sql.add_argument("query", help='e.g. "select count(*) from documents"')
    sql.add_argument("--data-dir", type=Path, default=Path("data"), metavar="DIR",
                     help="data directory holding warehouse.duckdb (default: ./data)")
    sql.add_argument("--limit", type=int, default=200, metavar="N", help="rows to print (default: 200)")

    ev = sub.add_parser("eval-repair", help="corrupt clean texts per mojibake family, repair, score")
    ev.add_argument("--source", action="append", type=Path, metavar="DIR",
                    help="folder of clean UTF-8 texts (default: tests/data/clean)")
    ev.add_argument("--seed", type=int, default=0, help="random seed for the corpus variations")
    ev.add_argument("--repeat", type=int, default=20, metavar="N",
                    help="variants generated per clean text (default: 20)")

    b = sub.add_parser("bench", help="synthetic corpus through the real pipeline, beside ftfy")
    b.add_argument("--docs", type=int, default=2000, metavar="N", help="documents (default: 2000)")
    b.add_argument("--mojibake-share", type=float, default=0.5, metavar="F",
                   help="share of files corrupted in the Thai / Windows-1252 families (default: 0.5)")
    b.add_argument("--batch-size", type=int, default=1000, metavar="N",
                   help="documents per batch (default: 1000)")
    b.add_argument("--seed", type=int, default=0, help="corpus random seed (default: 0)")
    b.add_argument("--work-dir", metavar="DIR",
                   help="where the corpus and data go (default: a temporary folder)")
    b.add_argument("--keep", action="store_true", help="keep the corpus and warehouse afterwards")
    b.add_argument("--task-runner", choices=["thread", "process", "dask"], default="thread",
                   help="where batch tasks run (default: thread)")
    b.add_argument("--workers", type=int, metavar="N",
                   help="processes for process / local dask (default: one per core)")
    b.add_argument("--dask-address", metavar="tcp://HOST:8786",
                   help="existing Dask scheduler (default: a LocalCluster)")

    ef = sub.add_parser("eval-facts", help="precision / recall / F1 per fact kind against gold")
    ef.add_argument("--gold", type=Path, required=True, metavar="FILE", help="gold YAML file")
    ef.add_argument("--source", type=Path, metavar="DIR",
                    help="folder with the gold's files (default: the gold file's folder/../samples "
                         "or the bundled samples)")
    return p


def main(argv: list[str] | None = None) -> int:
    _defaults_env()
    args = _parser().parse_args(argv)
    if args.command == "run":
        return _run(args)
    if args.command == "sql":
        return _sql(args)
    if args.command == "serve":
        from flows.serve import serve_cli

        return serve_cli(args)
    if args.command == "ui":
        from flows.serve import ui_cli

        return ui_cli(args)
    if args.command == "bench":
        from flows.bench import bench_cli

        return bench_cli(args)
    if args.command == "eval-repair":
        from flows.evaluate import eval_repair_cli

        return eval_repair_cli(args)
    if args.command == "eval-facts":
        from flows.evaluate import eval_facts_cli

        return eval_facts_cli(args)
    return 2


def settings_from(args: argparse.Namespace) -> dict:
    from flows.settings import resolve

    cli = {
        "sources": [str(s) for s in args.source] if args.source else None,
        "data_dir": str(args.data_dir) if args.data_dir else None,
        "batch_size": args.batch_size, "max_bytes": args.max_bytes,
        "cron": getattr(args, "cron", None), "interval": getattr(args, "interval", None),
    }
    return resolve(cli, args.config)


def _run(args: argparse.Namespace) -> int:
    from flows.ingest import RunLocked, flow_with_runner, shared_prefect_api

    st = settings_from(args)
    flow_fn, extra = flow_with_runner(args.task_runner, args.dask_address, args.workers)
    try:
        with shared_prefect_api(args.task_runner):
            s = flow_fn(sources=st.get("sources"), data_dir=st["data_dir"],
                        batch_size=st["batch_size"], max_bytes=st["max_bytes"],
                        wait_seconds=args.wait, **extra)
    except RunLocked as e:
        print(f"ree-etl: {e}", file=sys.stderr)
        return 3
    print_summary(s)
    return 0


def print_summary(s: dict) -> None:
    print(f"load {s['load_id']} finished in {s['seconds']:.2f}s")
    print(f"  files: {s['files_seen']} seen, {s['files_new']} new, "
          f"{s['files_unchanged']} unchanged, {s['files_quarantined']} quarantined")
    for reason, n in sorted(s["quarantine_reasons"].items()):
        print(f"    quarantined as {reason}: {n}")
    print(f"  documents written this run: {s['documents_written']}")
    print("  rows in the warehouse:")
    for table, n in s["totals"].items():
        print(f"    {table:<11} {n}")
    print(f"  warehouse: {s['warehouse']}")


def _sql(args: argparse.Namespace) -> int:
    import duckdb

    from warehouse.query import format_table, run_query

    try:
        cols, rows = run_query(args.data_dir, args.query, args.limit)
    except (duckdb.Error, FileNotFoundError) as e:
        print(f"ree-etl sql: {e}", file=sys.stderr)
        return 1
    if cols:
        print(format_table(cols, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
