"""Dask worker preload: one Prefect client for every task run a worker runs.

Dask runs each task in a copy of the context of the coroutine that starts it, and those
coroutines descend from the worker's start-up, where preloads run. A Prefect client entered
here is therefore in the context of every task run of the worker, and Prefect's own lookup
returns it instead of building two clients per task run (the task's context, then the task
engine's), each loading certifi's CA bundle into a new SSL context.

Start workers of an existing cluster with it (the API URL of the flow's Prefect server):
    dask worker tcp://scheduler:8786 --preload flows.dask_worker http://host:4200/api
`--task-runner dask` without `--dask-address` gives it to its LocalCluster."""

from __future__ import annotations

import click


@click.command()
@click.argument("api_url")
def dask_setup(worker, api_url: str) -> None:  # (Dask passes its worker first)
    from flows.ingest import _one_client_per_worker

    _one_client_per_worker(api_url)
