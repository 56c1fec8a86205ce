"""Calling GDAL the same way whether or not somebody turned its Python exceptions on.

QGIS and other plugins share one GDAL; ``gdal.UseExceptions()`` is process-wide in GDAL < 3.7, so the io
layer never changes it. Every call goes through :func:`gdal_call`, which silences GDAL's printing for
this thread, and turns both failure styles (``None`` / error code, or ``RuntimeError``) into
:class:`GdalError` carrying GDAL's own message. Callers wrap that message into an ``InputError``
that says which file and what to do.

Python bindings before GDAL 3.8 do not keep a dataset alive while one of its bands or layers is used:
always hold the dataset in a variable as long as its bands are in use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from osgeo import gdal, osr

T = TypeVar("T")
UNKNOWN = "unknown GDAL error"


class GdalError(Exception):
    """A GDAL call failed; ``str()`` is GDAL's message."""


@contextmanager
def quiet_gdal() -> Iterator[None]:
    """Keep GDAL from printing errors for this thread (the handler stack is per thread)."""
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    gdal.ErrorReset()
    try:
        yield
    finally:
        gdal.PopErrorHandler()


def gdal_call(function: Callable[..., T], *args: Any, error_code: bool = False, **kwargs: Any) -> T:
    """Call a GDAL/OGR function quietly; raise GdalError when it returns None (or a non-zero
    error code when ``error_code``) or raises. Returns the function's result otherwise."""
    with quiet_gdal():
        try:
            result = function(*args, **kwargs)
        except RuntimeError as exc:
            raise GdalError(str(exc) or UNKNOWN) from None
        failed = result is None or (error_code and result != 0)
        if failed:
            raise GdalError(gdal.GetLastErrorMsg() or UNKNOWN)
    return result


def flush_cache(dataset: gdal.Dataset) -> None:
    """Write a dataset's dirty blocks and drop its blocks from GDAL's cache; GdalError when that fails
    (``FlushCache`` returns nothing before GDAL 3.7, so the error state is checked)."""
    with quiet_gdal():
        try:
            dataset.FlushCache()
        except RuntimeError as exc:
            raise GdalError(str(exc) or UNKNOWN) from None
        if gdal.GetLastErrorType() >= gdal.CE_Failure:
            raise GdalError(gdal.GetLastErrorMsg() or UNKNOWN)


def is_plain_path(path: str) -> bool:
    """A file path, not a GDAL virtual path (/vsizip/...) or connection string (GPKG:file:table)."""
    return not path.startswith("/vsi") and re.match(r"^[A-Za-z][A-Za-z0-9_]+:", path) is None


def open_dataset(path: str, flags: int) -> gdal.Dataset:
    """gdal.OpenEx with quiet errors; GdalError with GDAL's message when it cannot be opened."""
    if is_plain_path(path) and not os.path.exists(path):
        raise GdalError("the file does not exist")
    try:
        return gdal_call(gdal.OpenEx, path, flags)
    except GdalError as exc:
        if str(exc) == UNKNOWN:
            raise GdalError("GDAL does not recognise its format") from None
        raise


def spatial_ref(wkt: str) -> osr.SpatialReference | None:
    """SpatialReference from WKT with x = easting/longitude axis order, or None for an empty string."""
    if not wkt:
        return None
    srs = osr.SpatialReference()
    with quiet_gdal():
        try:
            error = srs.ImportFromWkt(wkt)
        except RuntimeError:
            error = 1
    if error != 0:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def crs_label(wkt: str) -> str:
    """Short name of a CRS for messages: 'EPSG:32651', else its name, else 'no CRS'."""
    srs = spatial_ref(wkt)
    if srs is None:
        return "no CRS"
    if not srs.GetAuthorityCode(None):
        with quiet_gdal():
            try:
                srs.AutoIdentifyEPSG()
            except RuntimeError:
                pass
    name, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    if name and code:
        return f"{name}:{code}"
    return srs.GetName() or "unnamed CRS"


def same_crs(wkt_a: str, wkt_b: str) -> bool:
    """True when both are empty, or both describe the same CRS (axis order aside)."""
    if not wkt_a or not wkt_b:
        return not wkt_a and not wkt_b
    if wkt_a == wkt_b:
        return True
    srs_a, srs_b = spatial_ref(wkt_a), spatial_ref(wkt_b)
    if srs_a is None or srs_b is None:
        return False
    return bool(srs_a.IsSame(srs_b, ["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES"]))


def transformation(source_wkt: str, target_wkt: str) -> osr.CoordinateTransformation:
    """Coordinate transformation between two CRS in traditional GIS (x, y) order; GdalError if none."""
    source, target = spatial_ref(source_wkt), spatial_ref(target_wkt)
    if source is None or target is None:
        raise GdalError("a CRS could not be read")
    return gdal_call(osr.CoordinateTransformation, source, target)
