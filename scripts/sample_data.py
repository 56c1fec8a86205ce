#!/usr/bin/env python3
"""Generate the project's own synthetic bi-temporal sample, deterministically (same bytes every run).

A 4-band uint16 GeoTIFF pair (10 m pixels, EPSG:32633 / UTM 33N) of a made-up landscape — water,
vegetation, bare soil and built-up areas — where T2 differs from T1 by new buildings on former
vegetation, cleared and re-vegetated fields, a shrinking lake, a different illumination and noise;
plus a full reference change raster and a GeoPackage of analyst-style label polygons (field
``change``: 0 unchanged, 1 changed) covering a small part of the scene. It is synthetic: it shows the
workflow, it says nothing about accuracy on real imagery.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr

EPSG = 32633
PIXEL = 10.0
ORIGIN = (500_000.0, 5_200_000.0)
# Reflectance x 10000 of blue, green, red, near-infrared for each cover class.
SIGNATURES = {
    "water": (600, 700, 450, 250),
    "vegetation": (450, 800, 500, 3500),
    "soil": (1100, 1400, 1700, 2300),
    "urban": (1500, 1550, 1650, 1900),
}
BAND_NAMES = ("blue", "green", "red", "nir")


def smooth_field(rng: np.random.Generator, size: int, scale: float) -> np.ndarray:
    """Gaussian-filtered white noise (in the Fourier domain), standardised."""
    noise = rng.standard_normal((size, size))
    fy = np.fft.fftfreq(size)[:, None]
    fx = np.fft.fftfreq(size)[None, :]
    kernel = np.exp(-((fx**2 + fy**2) * (scale**2) * 2 * np.pi**2))
    field = np.real(np.fft.ifft2(np.fft.fft2(noise) * kernel))
    return (field - field.mean()) / field.std()


def land_cover(rng: np.random.Generator, size: int) -> np.ndarray:
    elevation = smooth_field(rng, size, 40)
    moisture = smooth_field(rng, size, 18)
    cover = np.full((size, size), 1, dtype=np.uint8)  # vegetation
    cover[moisture > 0.8] = 2  # soil
    cover[elevation < -1.2] = 0  # water
    for _ in range(size // 40):  # built-up blocks
        y, x = rng.integers(0, size - 40, 2)
        h, w = rng.integers(12, 40, 2)
        block = cover[y:y + h, x:x + w]
        block[block != 0] = 3
    return cover


def render(cover: np.ndarray, rng: np.random.Generator, gain: float, offset: float, noise: float) -> np.ndarray:
    names = list(SIGNATURES)
    signatures = np.array([SIGNATURES[name] for name in names], dtype=np.float64)  # [class, band]
    image = signatures[cover].transpose(2, 0, 1)  # [band, y, x]
    texture = smooth_field(rng, cover.shape[0], 2.0)
    image = image * (1 + 0.08 * texture) * gain + offset
    image += rng.normal(0, noise, image.shape)
    return np.clip(image, 0, 10000).astype(np.uint16)


def changes(cover: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """T2 cover and the change mask."""
    size = cover.shape[0]
    after = cover.copy()
    for _ in range(14):  # new buildings on vegetation or soil
        y, x = rng.integers(0, size - 30, 2)
        h, w = rng.integers(6, 30, 2)
        block = after[y:y + h, x:x + w]
        block[(block == 1) | (block == 2)] = 3
    for _ in range(8):  # fields cleared, or bare soil re-vegetated
        y, x = rng.integers(0, size - 50, 2)
        h, w = rng.integers(15, 50, 2)
        block = after[y:y + h, x:x + w]
        cleared = block == 1
        block[block == 2] = 1
        block[cleared] = 2
    lake = (cover == 0) & (smooth_field(rng, size, 6) > 0.9)  # parts of the lake dried out
    after[lake] = 2
    return after, (after != cover)


def write_geotiff(path: Path, array: np.ndarray, srs: osr.SpatialReference, nodata=None, names=None) -> None:
    bands = array.shape[0] if array.ndim == 3 else 1
    data_type = gdal.GDT_UInt16 if array.dtype == np.uint16 else gdal.GDT_Byte
    dataset = gdal.GetDriverByName("GTiff").Create(
        str(path), array.shape[-1], array.shape[-2], bands, data_type, ["COMPRESS=DEFLATE", "TILED=YES"]
    )
    dataset.SetGeoTransform((ORIGIN[0], PIXEL, 0.0, ORIGIN[1], 0.0, -PIXEL))
    dataset.SetProjection(srs.ExportToWkt())
    for index in range(bands):
        band = dataset.GetRasterBand(index + 1)
        band.WriteArray(array[index] if array.ndim == 3 else array)
        if nodata is not None:
            band.SetNoDataValue(nodata)
        if names:
            band.SetDescription(names[index])
    dataset = None


def label_polygons(change: np.ndarray, rng: np.random.Generator, count: int) -> list[tuple[int, list]]:
    """Small rectangles lying entirely inside changed or entirely inside unchanged land, like an analyst draws."""
    size = change.shape[0]
    polygons: list[tuple[int, list]] = []
    wanted = {0: count, 1: count}
    attempts = 0
    while any(wanted.values()) and attempts < 20000:
        attempts += 1
        h, w = rng.integers(3, 9, 2)
        y, x = rng.integers(0, size - h), rng.integers(0, size - w)
        window = change[y:y + h, x:x + w]
        value = 1 if window.all() else 0 if not window.any() else None
        if value is None or not wanted[value]:
            continue
        wanted[value] -= 1
        x0, y0 = ORIGIN[0] + x * PIXEL, ORIGIN[1] - y * PIXEL
        x1, y1 = x0 + w * PIXEL, y0 - h * PIXEL
        polygons.append((value, [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]))
    return polygons


def write_labels(path: Path, polygons: list[tuple[int, list]], srs: osr.SpatialReference) -> None:
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("labels", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("change", ogr.OFTInteger))
    for value, ring_points in polygons:
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in ring_points:
            ring.AddPoint_2D(x, y)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("change", value)
        feature.SetGeometry(polygon)
        layer.CreateFeature(feature)
    dataset = None


def generate(folder: Path, size: int = 384, seed: int = 2020, labels_per_class: int = 40) -> dict[str, Path]:
    """Write t1.tif, t2.tif, reference.tif and labels.gpkg into folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    before = land_cover(rng, size)
    after, change = changes(before, rng)
    paths = {name: folder / f"{name}.tif" for name in ("t1", "t2", "reference")}
    paths["labels"] = folder / "labels.gpkg"
    for path in paths.values():
        path.unlink(missing_ok=True)
    write_geotiff(paths["t1"], render(before, rng, 1.0, 0.0, 40.0), srs, names=BAND_NAMES)
    write_geotiff(paths["t2"], render(after, rng, 1.12, 90.0, 60.0), srs, names=BAND_NAMES)
    write_geotiff(paths["reference"], change.astype(np.uint8), srs, nodata=255)
    write_labels(paths["labels"], label_polygons(change, rng, labels_per_class), srs)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the synthetic SiamCRNN sample pair.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--size", type=int, default=384)
    args = parser.parse_args()
    gdal.UseExceptions()
    for name, path in generate(args.folder, args.size).items():
        print(f"{name}: {path}")


if __name__ == "__main__":
    main()
