"""Change polygons from a change map: the areas of value 1, with their area, in any OGR vector format."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

from ..core.errors import InputError
from ._gdal import GdalError, gdal_call, spatial_ref
from .raster import RasterGrid, open_raster
from .writer import atomic_file, write_style_sidecar

_ROWS_PER_READ = 1024


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


def _binary_change_raster(band: gdal.Band, grid: RasterGrid) -> gdal.Dataset:
    """An in-memory byte raster, 1 where the change map is 1 and 0 elsewhere (nodata included)."""
    binary = gdal.GetDriverByName("MEM").Create("", grid.width, grid.height, 1, gdal.GDT_Byte)
    binary.SetGeoTransform(grid.geotransform)
    for y in range(0, grid.height, _ROWS_PER_READ):
        rows = min(_ROWS_PER_READ, grid.height - y)
        block = gdal_call(band.ReadAsArray, 0, y, grid.width, rows)
        binary.GetRasterBand(1).WriteArray((block == 1).astype(np.uint8), 0, y)
    return binary


def polygonize_changes(
    change_raster_path: str | os.PathLike,
    output_path: str | os.PathLike,
    min_area: float = 0.0,
    layer_name: str = "changes",
    log: Callable[[str], object] | None = None,
) -> tuple[int, float]:
    """Write the 8-connected areas of value 1 of a change map as polygons with fields 'change' (= 1) and
    'area' (map units²), dropping those smaller than ``min_area``, in the raster's CRS, atomically, with the
    'change_polygons.qml' style beside the file. Returns the number of polygons written and their area."""
    driver = vector_driver(output_path)
    dataset = open_raster(change_raster_path)
    grid = RasterGrid.from_dataset(dataset)
    try:
        binary = _binary_change_raster(dataset.GetRasterBand(1), grid)
        memory = ogr.GetDriverByName("Memory").CreateDataSource("polygons")
        polygons = memory.CreateLayer("polygons", None, ogr.wkbPolygon)
        polygons.CreateField(ogr.FieldDefn("change", ogr.OFTInteger))
        mask = binary.GetRasterBand(1)
        gdal_call(gdal.Polygonize, mask, mask, polygons, 0, ["8CONNECTED=8"], error_code=True)
    except GdalError as exc:
        raise InputError(f"could not vectorise {change_raster_path}: {exc}") from None
    del dataset

    count, total_area, dropped = 0, 0.0, 0
    with atomic_file(output_path) as temporary:
        try:
            output = gdal_call(driver.Create, temporary, 0, 0, 0, gdal.GDT_Unknown)
            layer = gdal_call(output.CreateLayer, layer_name, spatial_ref(grid.crs_wkt), ogr.wkbPolygon)
            layer.CreateField(ogr.FieldDefn("change", ogr.OFTInteger))
            layer.CreateField(ogr.FieldDefn("area", ogr.OFTReal))
            layer.StartTransaction()
            for polygon in polygons:
                geometry = polygon.GetGeometryRef()
                area = geometry.GetArea()
                if area < min_area:
                    dropped += 1
                    continue
                feature = ogr.Feature(layer.GetLayerDefn())
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
            layer = output = None
    write_style_sidecar(output_path, "change_polygons.qml")
    if log is not None:
        units = "square degrees" if grid.is_geographic else "map units²" if grid.has_crs else "pixels"
        log(
            f"Vectorised {count:,} change polygon{'s' if count != 1 else ''} "
            f"({total_area:.10g} {units} in all) into {output_path}"
            + (f"; {dropped:,} smaller than {min_area:g} {units} dropped" if dropped else "")
        )
    return count, total_area
