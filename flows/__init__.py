"""Thin Prefect orchestration and the `ree-etl` command line."""
