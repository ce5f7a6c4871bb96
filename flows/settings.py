"""Settings for `run` and `serve`: command line > environment > config file > defaults.

Config file (TOML; `--config FILE`, else `$REE_ETL_CONFIG`, else `./ree-etl.toml` if present):

    sources = ["/srv/landing"]      # REE_ETL_SOURCES (paths separated by ':')
    data_dir = "/srv/ree-data"      # REE_ETL_DATA_DIR
    cron = "*/15 * * * *"           # REE_ETL_CRON      (serve only; or interval)
    interval = 900                  # REE_ETL_INTERVAL  (seconds, serve only)
    batch_size = 500                # REE_ETL_BATCH_SIZE
    max_bytes = 20971520            # REE_ETL_MAX_BYTES
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

KEYS = {"sources": list, "data_dir": str, "cron": str, "interval": float, "batch_size": int,
        "max_bytes": int}
DEFAULTS = {"data_dir": "data", "batch_size": 500, "max_bytes": 20 * 1024 * 1024}


def resolve(cli: dict, config: Path | None = None) -> dict:
    """Merge settings; `cli` holds only what the user typed (None = not given)."""
    path = config or (Path(os.environ["REE_ETL_CONFIG"]) if os.environ.get("REE_ETL_CONFIG") else None)
    if path is None and Path("ree-etl.toml").exists():
        path = Path("ree-etl.toml")
    file_values: dict = {}
    if path is not None:
        with open(path, "rb") as fh:
            file_values = tomllib.load(fh)
        unknown = set(file_values) - set(KEYS)
        if unknown:
            raise ValueError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    out = dict(DEFAULTS)
    for key, typ in KEYS.items():
        env = os.environ.get(f"REE_ETL_{key.upper()}")
        for value in (file_values.get(key), env, cli.get(key)):
            if value is None:
                continue
            if typ is list and isinstance(value, str):
                value = [v for v in value.split(":") if v]
            elif typ is not list:
                value = typ(value)
            out[key] = value
    return out
