"""Shared fixtures: the real data folder, a headless QGIS application, the assembled plugin."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _test_data_dir() -> Path:
    return Path(os.environ.get("SIAMCRNN_TEST_DATA", REPO_ROOT.parent / "shared" / "data")).resolve()


def require_data(*parts: str) -> Path:
    """Path of a file or folder of the shared test data; skip visibly when absent (fail under CI=true)."""
    path = _test_data_dir().joinpath(*parts)
    if not path.exists():
        reason = (
            f"test data not found: {path} (set SIAMCRNN_TEST_DATA to the folder holding "
            "taizhou_landsat7/, italy_heterogeneous/, yellowriver_sar/, levir_cd_samples/)"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " — under CI=true missing data is a failure")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require_data()
