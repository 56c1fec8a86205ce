"""Builders of small real GDAL rasters and OGR layers for the io tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal, gdal_array, ogr, osr

from siamcrnn_qgis.io.raster import RasterGrid

# A 40 × 30 grid of 10 m pixels in UTM 51N, near the Taizhou data.
ORIGIN_X, ORIGIN_Y, PIXEL = 500000.0, 3600000.0, 10.0
UTM_GT = (ORIGIN_X, PIXEL, 0.0, ORIGIN_Y, 0.0, -PIXEL)


def srs_wkt(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def utm_grid(width: int = 40, height: int = 30) -> RasterGrid:
    return RasterGrid(width, height, UTM_GT, srs_wkt(32651))


def write_raster(
    path: Path,
    array: np.ndarray,
    geotransform=UTM_GT,
    epsg: int | None = 32651,
    nodata: float | None = None,
    driver: str = "GTiff",
    alpha: bool = False,
) -> Path:
    """Write [bands, h, w] or [h, w] ``array`` as a raster (PNG through a MEM copy)."""
    array = array if array.ndim == 3 else array[None]
    bands, height, width = array.shape
    data_type = gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype)
    target = gdal.GetDriverByName("GTiff" if driver == "GTiff" else "MEM")
    dataset = target.Create(str(path) if driver == "GTiff" else "", width, height, bands, data_type)
    if geotransform is not None:
        dataset.SetGeoTransform(geotransform)
    if epsg is not None:
        dataset.SetProjection(srs_wkt(epsg))
    for i in range(bands):
        band = dataset.GetRasterBand(i + 1)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        band.WriteArray(array[i])
    if alpha:
        dataset.GetRasterBand(bands).SetColorInterpretation(gdal.GCI_AlphaBand)
    if driver != "GTiff":
        gdal.GetDriverByName(driver).CreateCopy(str(path), dataset)
    dataset = None
    return path


def polygon(x0: float, y0: float, x1: float, y1: float) -> str:
    """WKT rectangle in pixel units of the UTM test grid (x = column, y = row from the top)."""
    xa, xb = ORIGIN_X + x0 * PIXEL, ORIGIN_X + x1 * PIXEL
    ya, yb = ORIGIN_Y - y0 * PIXEL, ORIGIN_Y - y1 * PIXEL
    return f"POLYGON (({xa} {ya}, {xb} {ya}, {xb} {yb}, {xa} {yb}, {xa} {ya}))"


def write_vector(
    path: Path,
    features: list[tuple[str | None, object]],
    epsg: int | None = 32651,
    field: str = "change",
    field_type: int = ogr.OFTInteger,
    layer: str = "labels",
    driver: str = "GPKG",
) -> Path:
    """A layer with one attribute field; each feature is (WKT or None, value or None)."""
    datasource = ogr.GetDriverByName(driver).CreateDataSource(str(path))
    srs = None
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
    out = datasource.CreateLayer(layer, srs, ogr.wkbUnknown)
    out.CreateField(ogr.FieldDefn(field, field_type))
    for wkt, value in features:
        feature = ogr.Feature(out.GetLayerDefn())
        if wkt is not None:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        if value is not None:
            feature.SetField(field, value)
        out.CreateFeature(feature)
    datasource = None
    return path
