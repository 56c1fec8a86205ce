"""Fixtures shared by the Processing tests."""

from __future__ import annotations

import pytest

from ..conftest import require_data


@pytest.fixture(scope="module")
def taizhou() -> dict:
    """Paths of the Taizhou Landsat-7 pair and its analyst labels (polygons and raster)."""
    folder = require_data("taizhou_landsat7")
    return {name: str(folder / name) for name in ("t1.tif", "t2.tif", "labels.gpkg", "labels.tif")}
