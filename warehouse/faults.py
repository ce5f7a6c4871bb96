"""Fault injection for the crash tests: `REE_ETL_KILL_AT=<point>[:<n>]` SIGKILLs this process the
n-th time (default 1st) execution reaches <point>. Unset, it costs one dict lookup."""

from __future__ import annotations

import os
import signal

_hits: dict[str, int] = {}


def point(name: str) -> None:
    spec = os.environ.get("REE_ETL_KILL_AT")
    if not spec:
        return
    target, _, nth = spec.partition(":")
    if target != name:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
