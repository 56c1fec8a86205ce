"""Change polygons from a change map: the areas of value 1, with their area, in any OGR vector format.

Streamed end to end, so memory does not grow with the raster: GDAL polygonises a VRT band of the change
GeoTIFF that is 1 where the map is 1 and 0 elsewhere (nothing is loaded whole; the file's blocks are
dropped from GDAL's cache as the scan moves down), into a scratch GeoPackage on disk beside the output;
the polygons are then copied one by one into the output with their area, dropping those below the
minimum area. The output is written under a hidden temporary name and published atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

from osgeo import gdal, ogr

from ..core.errors import Cancelled, InputError
from ._gdal import GdalError, gdal_call, is_plain_path, spatial_ref, uses_gdal
from .raster import RasterGrid, open_raster
from .writer import atomic_file, companion_path, write_style_sidecar

#: Share of the progress range spent polygonising (the rest copies the polygons with their area).
_POLYGONIZE_SHARE = 0.8
_FEATURES_PER_CHECK = 500  # polygons copied between two progress reports / cancel checks


@uses_gdal
def vector_driver(path: str | os.PathLike) -> gdal.Driver:
    """The GDAL vector driver that creates files with ``path``'s extension (GeoPackage for .gpkg)."""
    extension = Path(path).suffix.lower().lstrip(".")
    for i in range(gdal.GetDriverCount()):
        driver = gdal.GetDriver(i)
        metadata = driver.GetMetadata() or {}
        if (
            metadata.get("DCAP_VECTOR") == "YES"
            and metadata.get("DCAP_CREATE") == "YES"
            and extension in metadata.get("DMD_EXTENSIONS", "").lower().split()
        ):
            return driver
    raise InputError(
        f"no vector format writes files ending in '.{extension}' ({path}): use .gpkg (GeoPackage), "
        ".shp, .geojson or .fgb"
    )


@uses_gdal
def _changed_pixels(path: str, grid: RasterGrid) -> gdal.Dataset:
    """A VRT over band 1 of the change map that is 1 where the map is 1 and 0 elsewhere (0, nodata, any
    other value): the band GDAL polygonises, and its own mask. Nothing is read until GDAL asks for it."""
    source = os.path.abspath(path) if is_plain_path(path) else path  # the VRT has no folder of its own
    xml = (
        f'<VRTDataset rasterXSize="{grid.width}" rasterYSize="{grid.height}">'
        f"<GeoTransform>{', '.join(repr(value) for value in grid.geotransform)}</GeoTransform>"
        '<VRTRasterBand dataType="Byte" band="1"><ComplexSource>'
        f'<SourceFilename relativeToVRT="0">{escape(source)}</SourceFilename><SourceBand>1</SourceBand>'
        # integers below 0 map to 0, 0 → 0, 1 → 1, 2 and above (255 = nodata included) → 0
        "<LUT>0:0,1:1,2:0</LUT>"
        "</ComplexSource></VRTRasterBand></VRTDataset>"
    )
    return gdal_call(gdal.OpenEx, xml, gdal.OF_RASTER | gdal.OF_READONLY)


@uses_gdal
def _polygonize(
    changed: gdal.Dataset,
    layer: ogr.Layer,
    progress: Callable[[float], object] | None,
    is_cancelled: Callable[[], bool] | None,
) -> None:
    """gdal.Polygonize of the changed pixels into ``layer`` (8-connected), reporting progress, stopping
    with Cancelled when asked, and dropping the VRT's blocks from GDAL's cache at each new block row."""
    band = changed.GetRasterBand(1)
    height = changed.RasterYSize
    block_rows = max(1, band.GetBlockSize()[1])
    state = {"row": 0, "cancelled": False}

    def report(complete: float, _message: str, _data: object) -> int:
        if is_cancelled is not None and is_cancelled():
            state["cancelled"] = True
            return 0  # GDAL stops polygonising
        row = int(complete * height) // block_rows
        if row != state["row"]:
            state["row"] = row
            changed.FlushCache()  # the change map's blocks read so far (of the VRT's source) leave the cache
        if progress is not None:
            progress(_POLYGONIZE_SHARE * complete)
        return 1

    layer.StartTransaction()
    try:
        gdal_call(gdal.Polygonize, band, band, layer, 0, ["8CONNECTED=8"], callback=report, error_code=True)
    except GdalError:
        if state["cancelled"]:
            raise Cancelled() from None
        raise
    gdal_call(layer.CommitTransaction, error_code=True)
    changed.FlushCache()


@uses_gdal
def polygonize_changes(
    change_raster_path: str | os.PathLike,
    output_path: str | os.PathLike,
    min_area: float = 0.0,
    layer_name: str = "changes",
    log: Callable[[str], object] | None = None,
    progress: Callable[[float], object] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> tuple[int, float]:
    """Write the 8-connected areas of value 1 of a change map as polygons with fields 'change' (= 1) and
    'area' (map units²), dropping those smaller than ``min_area``, in the raster's CRS, atomically, with the
    'change_polygons.qml' style beside the file. Returns the number of polygons written and their area.

    ``progress`` receives the fraction done (0..1); when ``is_cancelled`` returns True the work stops with
    :class:`Cancelled` and the output is left as it was."""
    driver = vector_driver(output_path)
    path = str(change_raster_path)
    grid = RasterGrid.from_dataset(open_raster(path))
    try:
        changed = _changed_pixels(path, grid)
    except GdalError as exc:
        raise InputError(f"could not vectorise {change_raster_path}: {exc}") from None

    count, total_area, dropped = 0, 0.0, 0
    with atomic_file(output_path) as temporary:
        scratch_path = companion_path(temporary, ".polygons.gpkg")  # removed with the temporary on failure
        scratch = scratch_layer = output = layer = None
        try:
            scratch = gdal_call(gdal.GetDriverByName("GPKG").Create, scratch_path, 0, 0, 0, gdal.GDT_Unknown)
            scratch_layer = gdal_call(scratch.CreateLayer, "polygons", None, ogr.wkbPolygon, ["SPATIAL_INDEX=NO"])
            scratch_layer.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
            try:
                _polygonize(changed, scratch_layer, progress, is_cancelled)
            except GdalError as exc:
                raise InputError(f"could not vectorise {change_raster_path}: {exc}") from None
            changed = None

            output = gdal_call(driver.Create, temporary, 0, 0, 0, gdal.GDT_Unknown)
            layer = gdal_call(output.CreateLayer, layer_name, spatial_ref(grid.crs_wkt), ogr.wkbPolygon)
            layer.CreateField(ogr.FieldDefn("change", ogr.OFTInteger))
            layer.CreateField(ogr.FieldDefn("area", ogr.OFTReal))
            definition = layer.GetLayerDefn()
            total = max(1, scratch_layer.GetFeatureCount())
            layer.StartTransaction()
            scratch_layer.ResetReading()
            for seen, polygon in enumerate(scratch_layer, start=1):
                if seen % _FEATURES_PER_CHECK == 0:
                    if is_cancelled is not None and is_cancelled():
                        raise Cancelled()
                    if progress is not None:
                        progress(_POLYGONIZE_SHARE + (1 - _POLYGONIZE_SHARE) * seen / total)
                geometry = polygon.GetGeometryRef()
                area = geometry.GetArea()
                if area < min_area:
                    dropped += 1
                    continue
                feature = ogr.Feature(definition)
                feature.SetGeometry(geometry)
                feature.SetField("change", 1)
                feature.SetField("area", area)
                gdal_call(layer.CreateFeature, feature, error_code=True)
                count += 1
                total_area += area
            gdal_call(layer.CommitTransaction, error_code=True)
        except GdalError as exc:
            raise InputError(f"could not write the change polygons to {output_path}: {exc}") from None
        finally:
            layer = output = scratch_layer = scratch = changed = None
            for suffix in ("", "-journal", "-wal", "-shm"):  # SQLite's companions too
                Path(scratch_path + suffix).unlink(missing_ok=True)
    if progress is not None:
        progress(1.0)
    write_style_sidecar(output_path, "change_polygons.qml")
    if log is not None:
        units = "square degrees" if grid.is_geographic else "map units²" if grid.has_crs else "pixels"
        log(
            f"Vectorised {count:,} change polygon{'s' if count != 1 else ''} "
            f"({total_area:.10g} {units} in all) into {output_path}"
            + (f"; {dropped:,} smaller than {min_area:g} {units} dropped" if dropped else "")
        )
    return count, total_area
