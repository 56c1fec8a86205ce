"""Change polygons from a change map."""

from __future__ import annotations

import os

import numpy as np
import pytest
from osgeo import ogr

from siamcrnn_qgis.core.errors import InputError
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
    with pytest.raises(InputError, match=r"no vector format writes files ending in '\.xyz'"):
        polygonize_changes(change_map, tmp_path / "changes.xyz")


def test_no_change_gives_an_empty_layer(tmp_path):
    empty = write_raster(tmp_path / "none.tif", np.zeros((5, 5), np.uint8), nodata=255)
    assert polygonize_changes(empty, tmp_path / "none.gpkg") == (0, 0.0)
    assert ogr.Open(str(tmp_path / "none.gpkg")).GetLayer(0).GetFeatureCount() == 0
