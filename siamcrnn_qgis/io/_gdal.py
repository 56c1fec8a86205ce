"""How the plugin calls GDAL, OGR and OSR: exceptions on for its own calls, never for anybody else's.

QGIS and other plugins share one GDAL and one set of Python bindings, so the process-wide
``gdal.UseExceptions()`` / ``DontUseExceptions()`` setting is theirs, never the plugin's. Every io function
that touches GDAL runs inside :func:`plugin_gdal` (as the :func:`uses_gdal` decorator):

* GDAL >= 3.7: ``gdal/ogr/osr.ExceptionMgr`` switch exceptions on for this thread until the block ends and
  then restore what was there, so nothing outside sees a change. Saying how errors are wanted also keeps
  GDAL >= 3.9 from warning that "Neither gdal.UseExceptions() nor gdal.DontUseExceptions() has been
  explicitly called" (GDAL 4 turns exceptions on by default).
* GDAL 3.6 (Debian 12) has no per-thread setting: the process-wide one is left as it is, whichever it is,
  and :func:`gdal_call` turns both failure styles (``None`` / error code, or ``RuntimeError``) into one.

Either way GDAL's own printing is silenced for this thread, and failures come out as :class:`GdalError`
carrying GDAL's message; callers wrap it into an ``InputError`` that says which file and what to do.

Python bindings before GDAL 3.8 do not keep a dataset alive while one of its bands or layers is used:
always hold the dataset in a variable as long as its bands are in use.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

from osgeo import gdal, ogr, osr

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
UNKNOWN = "unknown GDAL error"
#: GDAL >= 3.7: each module's exception setting can be scoped to a block and thread (ExceptionMgr).
SCOPED_EXCEPTIONS = all(hasattr(module, "ExceptionMgr") for module in (gdal, ogr, osr))


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


@contextmanager
def plugin_gdal() -> Iterator[None]:
    """The plugin's GDAL error handling for the enclosed calls: exceptions on for this thread only where
    GDAL can scope them (>= 3.7), the process-wide setting untouched otherwise, errors not printed."""
    with ExitStack() as stack:
        if SCOPED_EXCEPTIONS:
            for module in (gdal, ogr, osr):
                stack.enter_context(module.ExceptionMgr(useExceptions=True))
        stack.enter_context(quiet_gdal())
        yield


def uses_gdal(function: F) -> F:
    """Run ``function`` inside :func:`plugin_gdal` (what every io function touching GDAL is decorated with)."""

    @functools.wraps(function)
    def scoped(*args: Any, **kwargs: Any) -> Any:
        with plugin_gdal():
            return function(*args, **kwargs)

    return scoped  # type: ignore[return-value]


def gdal_call(function: Callable[..., T], *args: Any, error_code: bool = False, **kwargs: Any) -> T:
    """Call a GDAL/OGR function quietly; raise GdalError when it returns None (or a non-zero
    error code when ``error_code``) or raises. Returns the function's result otherwise."""
    with plugin_gdal():
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
    with plugin_gdal():
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
    """gdal.OpenEx with quiet errors; GdalError with GDAL's message when it cannot be opened (the same
    message whether GDAL raised it or returned None: with exceptions on, OpenEx reports an unknown format
    as "... not recognized as being in a supported file format")."""
    if is_plain_path(path) and not os.path.exists(path):
        raise GdalError("the file does not exist")
    try:
        return gdal_call(gdal.OpenEx, path, flags)
    except GdalError as exc:
        if str(exc) == UNKNOWN or "not recognized as" in str(exc):
            raise GdalError("GDAL does not recognise its format") from None
        raise


@uses_gdal
def spatial_ref(wkt: str) -> osr.SpatialReference | None:
    """SpatialReference from WKT with x = easting/longitude axis order, or None for an empty string."""
    if not wkt:
        return None
    srs = osr.SpatialReference()
    try:
        error = srs.ImportFromWkt(wkt)
    except RuntimeError:
        error = 1
    if error != 0:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


@uses_gdal
def crs_label(wkt: str) -> str:
    """Short name of a CRS for messages: 'EPSG:32651', else its name, else 'no CRS'."""
    srs = spatial_ref(wkt)
    if srs is None:
        return "no CRS"
    if not srs.GetAuthorityCode(None):
        try:
            srs.AutoIdentifyEPSG()
        except RuntimeError:
            pass
    name, code = srs.GetAuthorityName(None), srs.GetAuthorityCode(None)
    if name and code:
        return f"{name}:{code}"
    return srs.GetName() or "unnamed CRS"


@uses_gdal
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


@uses_gdal
def transformation(source_wkt: str, target_wkt: str) -> osr.CoordinateTransformation:
    """Coordinate transformation between two CRS in traditional GIS (x, y) order; GdalError if none."""
    source, target = spatial_ref(source_wkt), spatial_ref(target_wkt)
    if source is None or target is None:
        raise GdalError("a CRS could not be read")
    return gdal_call(osr.CoordinateTransformation, source, target)
