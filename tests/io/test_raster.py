"""Grids, windowed reads and T1/T2 alignment with real GDAL files and the shared data."""

from __future__ import annotations

import os
import threading
from dataclasses import replace

import numpy as np
import pytest
from osgeo import gdal

from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.io.raster import (
    UNREFERENCED_GEOTRANSFORM,
    GdalRasterSource,
    align_to_grid,
    prepare_pair,
    read_grid,
)
from tests.conftest import require_data

from .builders import UTM_GT, srs_wkt, utm_grid, write_raster


def test_read_grid_of_a_georeferenced_geotiff(data_dir):
    grid = read_grid(data_dir / "taizhou_landsat7" / "t1.tif")
    assert (grid.width, grid.height) == (400, 400)
    assert grid.has_crs and grid.crs_name == "EPSG:32651" and not grid.is_geographic
    assert grid.pixel_area == pytest.approx(900.0)
    assert grid.extent == pytest.approx((203325.0, 3592935.0, 215325.0, 3604935.0))


def test_a_png_without_georeferencing_gets_the_grid_qgis_draws_it_on(data_dir):
    grid = read_grid(data_dir / "italy_heterogeneous" / "t1.png")
    assert not grid.has_crs and grid.crs_name == "no CRS"
    assert grid.geotransform == UNREFERENCED_GEOTRANSFORM
    assert grid.extent == (0.0, -300.0, 412.0, 0.0)  # QGIS shows t1.png over 0,-300 : 412,0


def test_geographic_grid_is_recognised(tmp_path):
    path = write_raster(tmp_path / "geo.tif", np.zeros((4, 4), np.uint8), (120, 0.01, 0, 32, 0, -0.01), 4326)
    assert read_grid(path).is_geographic


def test_not_a_raster_is_an_input_error_naming_the_file(tmp_path, gdal_exceptions):
    text = tmp_path / "notes.txt"
    text.write_text("not a raster")
    with pytest.raises(InputError, match=r"Could not open .*notes\.txt as a raster: .*check the file"):
        read_grid(text)
    with pytest.raises(InputError, match="does not exist"):
        GdalRasterSource(tmp_path / "missing.tif")
    with pytest.raises(InputError, match=r"GTIFF_DIR:9:.*as a raster"):  # a GDAL connection string
        read_grid(f"GTIFF_DIR:9:{tmp_path / 'missing.tif'}")


def test_truncated_geotiff_is_an_input_error(tmp_path, gdal_exceptions):
    full = write_raster(tmp_path / "full.tif", np.arange(40000, dtype=np.float32).reshape(200, 200))
    broken = tmp_path / "broken.tif"
    broken.write_bytes(full.read_bytes()[:5000])
    with pytest.raises(InputError, match="broken.tif"):
        with GdalRasterSource(broken) as source:
            source.read(0, 0, 200, 200)


def test_same_grid_tolerates_rounding_but_not_shifts_or_other_crs():
    grid = utm_grid()
    nudged = replace(grid, geotransform=(UTM_GT[0] + 1e-4, *UTM_GT[1:]))
    shifted = replace(grid, geotransform=(UTM_GT[0] + 5.0, *UTM_GT[1:]))
    assert grid.same_grid(nudged)
    assert not grid.same_grid(shifted)
    assert not grid.same_grid(replace(grid, crs_wkt=srs_wkt(32650)))
    assert not grid.same_grid(replace(grid, width=41))


def test_nodata_nan_and_infinity_are_invalid(tmp_path):
    data = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    data[0, 0, 0] = -9999
    data[1, 1, 1] = np.nan
    data[0, 2, 3] = np.inf
    data[1, 2, 0] = -np.inf
    path = write_raster(tmp_path / "f.tif", data, nodata=-9999)
    with GdalRasterSource(path) as source:
        assert source.nodata == [-9999.0, -9999.0] and source.dtype == "float32"
        values, valid = source.read(0, 0, 4, 3)
    expected = np.ones((3, 4), bool)
    expected[0, 0] = expected[1, 1] = expected[2, 3] = expected[2, 0] = False
    assert values.dtype == np.float32 and values.shape == (2, 3, 4)
    np.testing.assert_array_equal(valid, expected)
    np.testing.assert_array_equal(values[:, valid], data[:, valid])


def test_values_too_large_for_float32_are_invalid(tmp_path):
    path = write_raster(tmp_path / "f64.tif", np.array([[1e300, 2.5]], dtype=np.float64))
    with GdalRasterSource(path) as source:
        values, valid = source.read(0, 0, 2, 1)
    assert valid.tolist() == [[False, True]] and values[0, 0, 1] == 2.5


def test_large_uint16_and_float32_values_are_exact(tmp_path):
    uint16 = np.array([[65535, 65534, 40001, 0]], dtype=np.uint16)
    float32 = np.array([[3.0e38, -1.5e38, 16777216.0, 1e-30]], dtype=np.float32)
    for name, data in (("u16.tif", uint16), ("f32.tif", float32)):
        with GdalRasterSource(write_raster(tmp_path / name, data)) as source:
            values, valid = source.read(0, 0, 4, 1)
        assert valid.all()
        np.testing.assert_array_equal(values[0], data.astype(np.float32))
    assert GdalRasterSource(tmp_path / "u16.tif").dtype == "uint16"


def test_integer_nodata_is_compared_in_the_band_type(tmp_path):
    data = np.array([[65535, 65534, 1]], dtype=np.uint16)
    with GdalRasterSource(write_raster(tmp_path / "n.tif", data, nodata=65535)) as source:
        assert source.read(0, 0, 3, 1)[1].tolist() == [[False, True, True]]


def test_band_selection_names_and_order(tmp_path):
    data = np.stack([np.full((2, 2), v, np.uint8) for v in (10, 20, 30)])
    path = write_raster(tmp_path / "rgb.tif", data)
    dataset = gdal.Open(str(path), gdal.GA_Update)
    dataset.GetRasterBand(2).SetDescription("nir")
    dataset = None
    with GdalRasterSource(path, bands=[3, 2]) as source:
        assert source.band_count == 2 and source.band_names == ["Band 3", "nir"]
        assert source.read(0, 0, 2, 2)[0][:, 0, 0].tolist() == [30.0, 20.0]


@pytest.mark.parametrize("bands", [[4], [0], [1, 5], []])
def test_band_out_of_range_names_the_band_count(tmp_path, bands):
    path = write_raster(tmp_path / "rgb.tif", np.zeros((3, 2, 2), np.uint8))
    with pytest.raises(InputError, match="which has 3 bands: choose band numbers from 1 to 3"):
        GdalRasterSource(path, bands=bands)


def test_alpha_band_masks_and_is_not_a_data_band(tmp_path):
    data = np.full((4, 2, 3), 100, np.uint8)
    data[3, 0, 1] = 0  # transparent pixel
    path = write_raster(tmp_path / "rgba.tif", data, alpha=True)
    with GdalRasterSource(path) as source:
        assert source.band_count == 3
        values, valid = source.read(0, 0, 3, 2)
    assert valid.tolist() == [[True, False, True], [True, True, True]]


def test_per_dataset_mask_band_marks_invalid_pixels(tmp_path):
    path = write_raster(tmp_path / "masked.tif", np.ones((2, 3, 3), np.uint8))
    dataset = gdal.Open(str(path), gdal.GA_Update)
    dataset.CreateMaskBand(gdal.GMF_PER_DATASET)
    mask = np.full((3, 3), 255, np.uint8)
    mask[1, :] = 0
    dataset.GetRasterBand(1).GetMaskBand().WriteArray(mask)
    dataset = None
    with GdalRasterSource(path) as source:
        _, valid = source.read(0, 0, 3, 3)
    assert valid.tolist() == [[True] * 3, [False] * 3, [True] * 3]


def test_reads_from_another_thread_and_windows_are_checked(data_dir):
    source = GdalRasterSource(data_dir / "taizhou_landsat7" / "t1.tif")
    results = {}
    thread = threading.Thread(target=lambda: results.update(window=source.read(100, 50, 64, 32)))
    thread.start()
    thread.join()
    values, valid = results["window"]
    direct = gdal.Open(str(data_dir / "taizhou_landsat7" / "t1.tif")).ReadAsArray(100, 50, 64, 32)
    np.testing.assert_array_equal(values, direct.astype(np.float32))
    assert valid.all() and source.band_count == 6
    with pytest.raises(ValueError, match="outside"):
        source.read(390, 0, 20, 10)
    source.close()
    with pytest.raises(ValueError, match="closed"):
        source.read(0, 0, 1, 1)


def test_pair_on_the_same_grid_is_left_alone(data_dir, tmp_path):
    logged = []
    folder = data_dir / "taizhou_landsat7"
    pair = prepare_pair(folder / "t1.tif", folder / "t2.tif", tmp_path, log=logged.append)
    assert pair.t2_path == str(folder / "t2.tif") and not pair.warnings
    assert "share one pixel grid" in pair.messages[0] and logged == pair.messages
    assert not any(tmp_path.iterdir())


def _t2_in_web_mercator(data_dir, path, **warp):
    source = str(data_dir / "taizhou_landsat7" / "t2.tif")
    gdal.Warp(str(path), source, dstSRS="EPSG:3857", xRes=60, yRes=60, resampleAlg="bilinear", **warp)
    return path


def test_t2_in_another_crs_and_resolution_is_warped_onto_t1(data_dir, tmp_path):
    folder = data_dir / "taizhou_landsat7"
    t2 = _t2_in_web_mercator(data_dir, tmp_path / "t2_3857.tif", dstNodata=0)
    before = sorted(p.name for p in folder.iterdir())
    pair = prepare_pair(folder / "t1.tif", t2, tmp_path / "work", log=lambda _: None)
    assert pair.t2_path.endswith(".vrt") and pair.t2_path.startswith(str(tmp_path / "work"))
    assert read_grid(pair.t2_path).same_grid(read_grid(folder / "t1.tif"))
    message = " ".join(pair.messages)
    assert "EPSG:3857 → EPSG:32651" in message and "pixel size" in message and "unchanged" in message
    with GdalRasterSource(pair.t2_path) as warped, GdalRasterSource(folder / "t2.tif") as original:
        values, valid = warped.read(0, 0, 400, 400)
        reference, _ = original.read(0, 0, 400, 400)
    assert valid.mean() > 0.99
    correlation = np.corrcoef(values[:, valid].ravel(), reference[:, valid].ravel())[0, 1]
    assert correlation > 0.9
    assert sorted(p.name for p in folder.iterdir()) == before  # inputs untouched


def test_t2_covering_part_of_t1_warns_and_outside_is_nodata(data_dir, tmp_path):
    folder = data_dir / "taizhou_landsat7"
    t2 = tmp_path / "t2_west.tif"
    gdal.Translate(str(t2), str(folder / "t2.tif"), srcWin=[0, 0, 200, 400])
    t2_3857 = tmp_path / "t2_west_3857.tif"
    gdal.Warp(str(t2_3857), str(t2), dstSRS="EPSG:3857", dstNodata=0)
    pair = prepare_pair(folder / "t1.tif", t2_3857, tmp_path, log=lambda _: None)
    assert any("covers only" in w for w in pair.warnings)
    with GdalRasterSource(pair.t2_path) as warped:
        _, valid = warped.read(0, 0, 400, 400)
    assert valid[:, :190].mean() > 0.99 and not valid[:, 210:].any()


def test_t1_and_t2_without_overlap_is_an_error(data_dir, tmp_path):
    far = write_raster(tmp_path / "far.tif", np.ones((3, 10, 10), np.uint8), (700000, 30, 0, 3000000, 0, -30))
    with pytest.raises(InputError, match=r"T1 and T2 do not overlap: T1 covers x 203325 .* in EPSG:32651"):
        prepare_pair(data_dir / "taizhou_landsat7" / "t1.tif", far, tmp_path)


def test_png_pair_is_paired_pixel_for_pixel_with_a_warning(data_dir, tmp_path):
    folder = data_dir / "italy_heterogeneous"
    logged = []
    pair = prepare_pair(folder / "t1.png", folder / "t2.png", tmp_path, log=logged.append)
    assert pair.t2_path == str(folder / "t2.png") and not pair.grid.has_crs
    assert "pixel for pixel" in pair.warnings[0] and logged[-1].startswith("Warning: ")
    with GdalRasterSource(pair.t1_path) as t1, GdalRasterSource(pair.t2_path) as t2:
        assert (t1.band_count, t2.band_count) == (1, 3)


def test_png_pair_of_different_sizes_is_an_error():
    folder = require_data("yellowriver_sar")
    with pytest.raises(InputError, match=r"257 × 289 .* 450 × 280: give both images the same size"):
        prepare_pair(folder / "A" / "t1.png", folder / "B" / "t1.png", "unused")


def test_align_nearest_keeps_the_data_type_and_marks_outside_with_nodata(tmp_path):
    data = np.arange(1, 13, dtype=np.uint8).reshape(3, 4)
    coarse = write_raster(tmp_path / "coarse.tif", data, (500000.0, 20, 0, 3600000.0, 0, -20), nodata=0)
    grid = utm_grid(10, 8)
    aligned = align_to_grid(coarse, grid, tmp_path / "work", "nearest")
    with GdalRasterSource(aligned) as source:
        assert source.dtype == "uint8" and source.nodata == [0.0]
        values, valid = source.read(0, 0, 10, 8)
    assert values[0, 0, 0] == 1 and values[0, 0, 2] == 2 and values[0, 5, 7] == 12
    assert not valid[:, 8:].any() and not valid[6:, :].any() and valid[:6, :8].all()


def test_aligned_vrt_finds_a_source_given_by_a_relative_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_raster(tmp_path / "coarse.tif", np.ones((2, 2), np.uint8), (500000.0, 20, 0, 3600000.0, 0, -20))
    aligned = align_to_grid("coarse.tif", utm_grid(4, 4), "work", "nearest", nodata=0)
    monkeypatch.chdir(tmp_path / "work")
    with GdalRasterSource(os.path.abspath(os.path.join("..", aligned))) as source:
        assert source.read(0, 0, 4, 4)[1].all()


@pytest.mark.parametrize("options", [["TILED=YES"], ["BLOCKYSIZE=3"]], ids=["tiled", "striped"])
def test_windows_cover_the_raster_once_along_its_blocks(tmp_path, options):
    dataset = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "r.tif"), 1300, 1100, 1, gdal.GDT_Byte, options)
    block = tuple(dataset.GetRasterBand(1).GetBlockSize())
    assert block == ((256, 256) if options == ["TILED=YES"] else (1300, 3))
    dataset = None
    with GdalRasterSource(tmp_path / "r.tif") as source:
        assert source.block_size == block
        windows = list(source.windows(512))
    covered = np.zeros((1100, 1300), np.int32)
    for x, y, width, height in windows:
        covered[y:y + height, x:x + width] += 1
        assert x % block[0] == 0 and y % block[1] == 0
        assert width * height <= 2 * 512 * 512
    assert (covered == 1).all()


# ---- rasters GDAL opens by other names than a local path ------------------------------------------------
def _zipped(folder, *paths):
    """A real zip archive holding the files (stored at its top level) and the /vsizip/ path of each."""
    import zipfile

    archive = folder / "inputs.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as handle:
        for path in paths:
            handle.write(path, arcname=path.name)
    return [f"/vsizip/{archive}/{path.name}" for path in paths]


def test_zipped_t2_on_another_grid_is_warped_like_the_plain_file(data_dir, tmp_path):
    folder = data_dir / "taizhou_landsat7"
    t2 = _t2_in_web_mercator(data_dir, tmp_path / "t2_3857.tif", dstNodata=0)
    (zipped,) = _zipped(tmp_path, t2)
    plain = prepare_pair(folder / "t1.tif", t2, tmp_path / "plain", log=lambda _: None)
    pair = prepare_pair(folder / "t1.tif", zipped, tmp_path / "zip", log=lambda _: None)
    assert pair.t2_path.endswith(".vrt") and os.path.basename(pair.t2_path).startswith("t2_3857_on_grid_")
    with GdalRasterSource(pair.t2_path) as warped, GdalRasterSource(plain.t2_path) as reference:
        values, valid = warped.read(0, 0, 400, 400)
        expected, expected_valid = reference.read(0, 0, 400, 400)
    assert valid.mean() > 0.99
    np.testing.assert_array_equal(valid, expected_valid)
    np.testing.assert_array_equal(values[:, valid], expected[:, valid])


def test_connection_string_t2_on_another_grid_is_warped(tmp_path):
    """GTIFF_DIR:1:<file> names the first image of a GeoTIFF: no folder may be put in front of it."""
    data = np.arange(1, 13, dtype=np.uint8).reshape(3, 4)
    coarse = write_raster(tmp_path / "coarse.tif", data, (500000.0, 20, 0, 3600000.0, 0, -20), nodata=0)
    aligned = align_to_grid(f"GTIFF_DIR:1:{coarse}", utm_grid(10, 8), tmp_path / "work", "nearest")
    assert os.path.basename(aligned).startswith("coarse_on_grid_")
    with GdalRasterSource(aligned) as source:
        values, valid = source.read(0, 0, 10, 8)
    assert values[0, 0, 0] == 1 and values[0, 5, 7] == 12 and valid[:6, :8].all() and not valid[:, 8:].any()


# ---- each band's own nodata value ---------------------------------------------------------------------
def _bands_with_their_own_nodata(path):
    """A 2-band uint16 GeoTIFF on 20 m pixels, band 1 nodata 0, band 2 nodata 9999 (a GeoTIFF tag holds
    one value for all bands, so GDAL keeps the per-band values in the .aux.xml beside it, as for any file
    opened read-only). Band 1 has its nodata at (0, 0) and a valid 9999 at (3, 3); band 2 has its nodata at
    (1, 1) and a valid 0 at (2, 2)."""
    first, second = np.full((4, 4), 10, np.uint16), np.full((4, 4), 20, np.uint16)
    first[0, 0], first[3, 3], second[1, 1], second[2, 2] = 0, 9999, 9999, 0
    write_raster(path, np.stack([first, second]), (500000.0, 20, 0, 3600000.0, 0, -20))
    dataset = gdal.Open(str(path))  # read-only: the values go to the PAM sidecar, per band
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # GDAL warns that the GeoTIFF tag cannot hold both
    try:
        dataset.GetRasterBand(1).SetNoDataValue(0)
        dataset.GetRasterBand(2).SetNoDataValue(9999)
        dataset = None
    finally:
        gdal.PopErrorHandler()
    dataset = gdal.Open(str(path))
    assert [dataset.GetRasterBand(n).GetNoDataValue() for n in (1, 2)] == [0.0, 9999.0]
    return path


def _expected_validity():
    valid = np.ones((4, 4), bool)
    valid[0, 0] = valid[1, 1] = False  # each band's own nodata; band 2's 0 and band 1's 9999 are data
    return valid


def test_each_band_is_masked_with_its_own_nodata(tmp_path):
    path = _bands_with_their_own_nodata(tmp_path / "two.tif")
    with GdalRasterSource(path) as source:
        assert source.nodata == [0.0, 9999.0]
        values, valid = source.read(0, 0, 4, 4)
    np.testing.assert_array_equal(valid, _expected_validity())
    assert values[0, 3, 3] == 9999 and values[1, 2, 2] == 0


def test_nearest_alignment_keeps_each_band_s_own_nodata(tmp_path):
    path = _bands_with_their_own_nodata(tmp_path / "two.tif")
    aligned = align_to_grid(path, utm_grid(10, 10), tmp_path / "work", "nearest")  # 10 m: 2 × 2 each
    with GdalRasterSource(aligned) as source:
        assert source.nodata == [0.0, 9999.0] and source.dtype == "uint16"
        values, valid = source.read(0, 0, 10, 10)
    np.testing.assert_array_equal(valid[:8:2, :8:2], _expected_validity())
    np.testing.assert_array_equal(valid[1:8:2, 1:8:2], _expected_validity())
    assert not valid[:, 8:].any() and not valid[8:, :].any()  # outside the raster
    assert values[1, 4, 4] == 0 and values[0, 6, 6] == 9999  # data equal to the other band's nodata


def test_bilinear_alignment_masks_each_band_with_its_own_nodata(tmp_path):
    """On 10 m pixels every value is a blend of 20 m neighbours: band 1's nodata is never blended in (its
    pixel stays nodata) but its 9999 is data; band 2's 9999 is never blended in but its 0 is data."""
    path = _bands_with_their_own_nodata(tmp_path / "two.tif")
    aligned = align_to_grid(path, utm_grid(8, 8), tmp_path / "work", "bilinear")
    with GdalRasterSource(aligned) as source:
        values, valid = source.read(0, 0, 8, 8)
    assert not valid[0, 0] and valid[2:, 2:].all()
    first, second = values[0][valid], values[1][valid]
    assert first.min() >= 10 and first.max() > 1000  # 9999 of band 1 is blended in, 0 is not
    assert second.max() <= 20 and second.min() < 10  # 0 of band 2 is blended in, 9999 is not
