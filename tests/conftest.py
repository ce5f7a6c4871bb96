from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DATA = Path(__file__).resolve().parent / "data"
# ftfy's own test cases (rspeer/python-ftfy, Apache-2.0), bundled: see its SOURCE.md
FTFY_CASES = DATA / "ftfy-test-cases"

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")


@pytest.fixture(scope="session")
def prefect_harness():
    """A real, temporary Prefect API (SQLite) for every flow run in the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def api_env(prefect_harness) -> dict[str, str]:
    """Environment for child `ree-etl` processes that report to the harness's Prefect API
    (instead of each starting its own temporary server)."""
    from prefect.settings import get_current_settings

    return {**os.environ, "PREFECT_API_URL": str(get_current_settings().api.url)}


@pytest.fixture
def samples_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "in"
    shutil.copytree(SAMPLES, dst)
    return dst
