"""Fixtures of the io tests."""

from __future__ import annotations

import pytest
from osgeo import gdal


@pytest.fixture(params=[False, True], ids=["gdal-exceptions-off", "gdal-exceptions-on"])
def gdal_exceptions(request):
    """Run a test with GDAL's Python exceptions off and on: the io layer must behave the same."""
    before = gdal.GetUseExceptions()
    try:
        gdal.UseExceptions() if request.param else gdal.DontUseExceptions()
    except RuntimeError as exc:  # osr/ogr exceptions were switched on process-wide before
        pytest.skip(f"cannot switch GDAL exceptions here: {exc}")
    yield request.param
    if before:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()
