"""Fixtures of the io tests."""

from __future__ import annotations

import pytest
from osgeo import gdal


@pytest.fixture(params=[False, True], ids=["gdal-exceptions-off", "gdal-exceptions-on"])
def gdal_exceptions(request):
    """Run a test with GDAL's Python exceptions off and on: the io layer must behave the same."""
    before = gdal.GetUseExceptions()
    if request.param:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()
    yield request.param
    if before:
        gdal.UseExceptions()
    else:
        gdal.DontUseExceptions()
