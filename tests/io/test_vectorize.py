"""Change polygons from a change map."""

from __future__ import annotations

import os

import numpy as np
import pytest
from osgeo import gdal, ogr

from siamcrnn_qgis.core.errors import Cancelled, InputError
from siamcrnn_qgis.io.vectorize import polygonize_changes

from .builders import PIXEL, write_raster


@pytest.fixture
def change_map(tmp_path):
    """0 = unchanged, 1 = changed, 255 = nodata: a 1-pixel blob, a 2×2 blob, a diagonal pair, a 4×5 blob."""
    data = np.zeros((20, 20), np.uint8)
    data[1, 1] = 1
    data[5:7, 5:7] = 1
    data[10, 10] = data[11, 11] = 1  # touch at a corner: one polygon with 8-connectivity
    data[14:18, 2:7] = 1
    data[0:3, 15:20] = 255
    return write_raster(tmp_path / "change.tif", data, nodata=255)


def _features(path):
    dataset = ogr.Open(str(path))
    layer = dataset.GetLayer(0)
    rows = [(f.GetField("change"), f.GetField("area")) for f in layer]
    return layer.GetName(), layer.GetSpatialRef().GetAuthorityCode(None), sorted(rows, key=lambda r: r[1])


def test_polygons_of_changed_pixels_with_area(change_map, tmp_path):
    messages = []
    output = tmp_path / "out" / "changes.gpkg"
    output.parent.mkdir()
    count, area = polygonize_changes(change_map, output, log=messages.append)
    pixel = PIXEL * PIXEL
    assert count == 4 and area == pytest.approx((1 + 4 + 2 + 20) * pixel)
    name, epsg, rows = _features(output)
    assert name == "changes" and epsg == "32651"
    assert [r[1] for r in rows] == pytest.approx([pixel, 2 * pixel, 4 * pixel, 20 * pixel])
    assert {r[0] for r in rows} == {1}
    assert sorted(os.listdir(output.parent)) == ["changes.gpkg", "changes.qml"]
    assert "Vectorised 4 change polygons" in messages[0]


def test_min_area_drops_small_polygons(change_map, tmp_path):
    messages = []
    count, area = polygonize_changes(
        change_map, tmp_path / "big.gpkg", min_area=3 * PIXEL * PIXEL, log=messages.append
    )
    assert count == 2 and area == pytest.approx(24 * PIXEL * PIXEL)
    assert "2 smaller than 300" in messages[0]


def test_other_formats_by_extension(change_map, tmp_path):
    count, _ = polygonize_changes(change_map, tmp_path / "changes.shp")
    assert count == 4
    assert {"changes.shp", "changes.dbf", "changes.shx", "changes.prj", "changes.qml"} <= set(
        os.listdir(tmp_path)
    )
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".")]
    with pytest.raises(InputError, match=r"No vector format writes files ending in '\.xyz'"):
        polygonize_changes(change_map, tmp_path / "changes.xyz")


def test_no_change_gives_an_empty_layer(tmp_path):
    empty = write_raster(tmp_path / "none.tif", np.zeros((5, 5), np.uint8), nodata=255)
    assert polygonize_changes(empty, tmp_path / "none.gpkg") == (0, 0.0)
    assert ogr.Open(str(tmp_path / "none.gpkg")).GetLayer(0).GetFeatureCount() == 0


def _noise_change_map(path, side, fraction=0.03, seed=0):
    """A side × side change map, written in strips, with ``fraction`` of scattered changed pixels (many
    small polygons) and a nodata border."""
    rng = np.random.default_rng(seed)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), side, side, 1, gdal.GDT_Byte,
                                                   ["TILED=YES", "COMPRESS=DEFLATE"])
    dataset.SetGeoTransform((500000.0, PIXEL, 0.0, 3600000.0, 0.0, -PIXEL))
    band = dataset.GetRasterBand(1)
    band.SetNoDataValue(255)
    for y in range(0, side, 256):
        rows = (rng.random((256, side)) < fraction).astype(np.uint8)
        rows[:, :3] = 255
        band.WriteArray(rows, 0, y)
        dataset.FlushCache()
    dataset = None
    return path


def test_progress_rises_to_one_and_results_match_the_pixels(tmp_path, gdal_exceptions):
    path = _noise_change_map(tmp_path / "noise.tif", 512)
    fractions = []
    count, area = polygonize_changes(path, tmp_path / "noise.gpkg", progress=fractions.append)
    assert len(fractions) > 3 and fractions[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in fractions) and fractions == sorted(fractions)
    changed = int((gdal.Open(str(path)).ReadAsArray() == 1).sum())
    assert area == pytest.approx(changed * PIXEL * PIXEL, rel=1e-9)  # every changed pixel, nothing else
    assert count > 1000


@pytest.mark.parametrize("when", [0.0, 0.85], ids=["polygonising", "writing-areas"])
def test_cancel_stops_and_leaves_the_older_output(tmp_path, when, gdal_exceptions):
    path = _noise_change_map(tmp_path / "noise.tif", 512)
    output = tmp_path / "changes.gpkg"
    output.write_bytes(b"an older polygon file")
    progress = []

    def cancelled() -> bool:
        return bool(progress) and progress[-1] >= when

    with pytest.raises(Cancelled):
        polygonize_changes(path, output, progress=progress.append, is_cancelled=cancelled)
    assert progress and progress[-1] < 1.0
    assert (0.8 <= progress[-1]) == (when > 0)  # stopped in the phase asked for
    assert output.read_bytes() == b"an older polygon file"
    assert sorted(os.listdir(tmp_path)) == ["changes.gpkg", "noise.tif"]


_PEAK_MEMORY = """
import resource, sys
from siamcrnn_qgis.io.vectorize import polygonize_changes
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
count, _ = polygonize_changes(sys.argv[1], sys.argv[2], min_area=150)
print(count, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024)
"""


def test_memory_does_not_grow_with_the_number_of_polygons(tmp_path):
    """3072² pixels, about 250,000 polygons before the minimum area: polygonising streams them to disk
    (a full-size copy of the map and a layer of every polygon in memory took 130 MiB more here)."""
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    path = _noise_change_map(tmp_path / "noise.tif", 3072)
    completed = subprocess.run([sys.executable, "-c", _PEAK_MEMORY, str(path), str(tmp_path / "noise.gpkg")],
                               cwd=REPO_ROOT, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    count, growth_mib = completed.stdout.split()
    assert int(count) > 20000
    assert float(growth_mib) < 48
