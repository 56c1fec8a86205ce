"""Label polygons and label rasters onto T1's grid; new label layers."""

from __future__ import annotations

import os

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.io.labels import (
    create_label_layer,
    parse_layer_source,
    rasterize_labels,
    read_label_raster,
)
from siamcrnn_qgis.io.raster import RasterGrid, read_grid

from .builders import ORIGIN_X, ORIGIN_Y, PIXEL, polygon, srs_wkt, utm_grid, write_raster, write_vector


def _rasterize(tmp_path, features, **options):
    vector_options = {k: options.pop(k) for k in ("epsg", "field_type") if k in options}
    path = write_vector(tmp_path / "labels.gpkg", features, **vector_options)
    return rasterize_labels(path, options.pop("grid", utm_grid()), **options)


def test_taizhou_polygons_reproduce_the_label_raster(data_dir):
    folder = data_dir / "taizhou_landsat7"
    grid = read_grid(folder / "t1.tif")
    labels, report = rasterize_labels(f"{folder / 'labels.gpkg'}|layername=labels", grid)
    reference = gdal.Open(str(folder / "labels.tif")).ReadAsArray()
    labelled = (labels != 255) | (reference != 255)
    agreement = float((labels[labelled] == reference[labelled]).mean())
    print(f"labels.gpkg vs labels.tif agreement over labelled pixels: {agreement:.4f}")
    assert agreement >= 0.99
    assert report.features_total == report.features_used == 149
    assert (report.unchanged_pixels, report.changed_pixels) == (
        int((reference == 0).sum()),
        int((reference == 1).sum()),
    )
    assert report.messages[0].startswith("Rasterised 149 label features")


def test_source_string_options_are_parsed_and_layer_name_overrides(tmp_path):
    assert parse_layer_source('/d/l.gpkg|layername=labels|subset="change" = 1') == (
        "/d/l.gpkg",
        {"layername": "labels", "subset": '"change" = 1'},
    )
    path = write_vector(tmp_path / "l.gpkg", [(polygon(0, 0, 2, 2), 1), (polygon(5, 5, 7, 7), 0)])
    labels, report = rasterize_labels(
        f'{path}|layername=wrong|subset="change" = 1', utm_grid(), layer_name="labels"
    )
    assert report.features_total == 1 and report.changed_pixels == 4 and report.unchanged_pixels == 0
    with pytest.raises(InputError, match="has no layer named 'wrong'; its layers are: labels"):
        rasterize_labels(f"{path}|layername=wrong", utm_grid())


def test_empty_layer_is_an_error(tmp_path):
    with pytest.raises(InputError, match="has no features: draw polygons with change = 0"):
        _rasterize(tmp_path, [])


def test_only_one_class_is_reported_not_refused(tmp_path):
    labels, report = _rasterize(tmp_path, [(polygon(0, 0, 3, 2), 1)])
    assert (report.changed_pixels, report.unchanged_pixels) == (6, 0)
    assert set(np.unique(labels)) == {1, 255}


def test_missing_field_lists_the_fields(tmp_path):
    path = write_vector(tmp_path / "l.gpkg", [(polygon(0, 0, 1, 1), 1)], field="klass")
    with pytest.raises(InputError, match=r"has no field 'change'; its fields are: klass \(Integer\)"):
        rasterize_labels(path, utm_grid())


def test_text_field_is_refused_with_a_fix(tmp_path):
    with pytest.raises(InputError, match=r"is a String field, but labels must be an integer field.*to_int"):
        _rasterize(tmp_path, [(polygon(0, 0, 1, 1), "1")], field_type=ogr.OFTString)


def test_real_field_with_integral_values_is_accepted(tmp_path):
    features = [(polygon(0, 0, 1, 1), 1.0), (polygon(2, 0, 3, 1), 0.0), (polygon(4, 0, 5, 1), 0.5)]
    labels, report = _rasterize(tmp_path, features, field_type=ogr.OFTReal)
    assert (report.changed_pixels, report.unchanged_pixels, report.features_other_values) == (1, 1, 1)
    assert labels[0, 4] == 255


def test_values_other_than_0_and_1_and_null_are_ignored_and_counted(tmp_path):
    features = [
        (polygon(0, 0, 2, 2), 1),
        (polygon(3, 0, 5, 2), 2),
        (polygon(6, 0, 8, 2), -1),
        (polygon(9, 0, 10, 1), None),
    ]
    labels, report = _rasterize(tmp_path, features)
    assert report.features_other_values == 3 and report.features_used == 1
    assert (labels[:2, 3:] == 255).all()
    assert any("3 features with values other than 0 and 1 (or NULL)" in m for m in report.messages)


def test_features_without_geometry_are_counted(tmp_path):
    _, report = _rasterize(tmp_path, [(polygon(0, 0, 2, 2), 1), (None, 0)])
    assert report.features_null_geometry == 1 and report.features_used == 1


def test_nothing_usable_explains_why(tmp_path):
    with pytest.raises(InputError, match=r"None of the 2 features .*2 have values other than 0 and 1"):
        _rasterize(tmp_path, [(polygon(0, 0, 2, 2), 5), (polygon(3, 0, 5, 2), 7)])


def test_self_intersecting_polygon_is_repaired(tmp_path):
    x0, y0, x1, y1 = ORIGIN_X, ORIGIN_Y, ORIGIN_X + 10 * PIXEL, ORIGIN_Y - 10 * PIXEL
    bowtie = f"POLYGON (({x0} {y0}, {x1} {y1}, {x1} {y0}, {x0} {y1}, {x0} {y0}))"
    labels, report = _rasterize(tmp_path, [(bowtie, 1)])
    assert report.features_invalid_repaired == 1 and report.features_used == 1
    assert 30 <= report.changed_pixels <= 60  # two triangles of 25 px² each
    assert labels[5, 0] == 1 and labels[0, 5] == 255  # left triangle in, top triangle out


def test_labels_in_geographic_crs_are_reprojected(tmp_path):
    utm, geographic = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32651)
    geographic.ImportFromEPSG(4326)
    for srs in (utm, geographic):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    features_utm = [(polygon(2, 2, 12, 8), 1), (polygon(20, 10, 30, 25), 0)]
    to_geographic = osr.CoordinateTransformation(utm, geographic)
    features_geo = []
    for wkt, value in features_utm:
        geometry = ogr.CreateGeometryFromWkt(wkt)
        geometry.Segmentize(PIXEL / 4)  # keep the edges straight in UTM after the round trip
        geometry.Transform(to_geographic)
        features_geo.append((geometry.ExportToWkt(), value))
    expected, _ = _rasterize(tmp_path, features_utm)
    (tmp_path / "labels.gpkg").unlink()
    labels, report = _rasterize(tmp_path, features_geo, epsg=4326)
    assert report.reprojected and any("EPSG:4326 to T1's EPSG:32651" in m for m in report.messages)
    assert (labels == expected).mean() > 0.995
    assert 119 < float(features_geo[0][0].split("((")[1].split()[0]) < 124  # longitude first


def test_multipart_polygons_burn_every_part(tmp_path):
    a, b = polygon(0, 0, 2, 2)[8:], polygon(10, 10, 13, 12)[8:]
    labels, report = _rasterize(tmp_path, [(f"MULTIPOLYGON ({a}, {b})", 1)])
    assert report.changed_pixels == 4 + 6 and labels[0, 0] == 1 and labels[11, 12] == 1


def test_sub_pixel_polygon_marks_the_pixel_it_is_in(tmp_path):
    labels, report = _rasterize(tmp_path, [(polygon(5.1, 7.1, 5.4, 7.4), 1)])
    assert report.changed_pixels == 1 and labels[7, 5] == 1
    assert report.features_touching_rule == 1


def test_thin_sliver_marks_the_pixels_it_touches(tmp_path):
    labels, report = _rasterize(tmp_path, [(polygon(2.1, 4.6, 12.0, 4.9), 0)])
    assert report.features_touching_rule == 1
    assert (labels[4, 2:12] == 0).all() and report.unchanged_pixels == 10


def test_overlapping_classes_leave_the_overlap_unlabelled(tmp_path):
    labels, report = _rasterize(tmp_path, [(polygon(0, 0, 4, 4), 0), (polygon(2, 2, 6, 6), 1)])
    assert report.conflict_pixels == 4 and (labels[2:4, 2:4] == 255).all()
    assert (report.unchanged_pixels, report.changed_pixels) == (12, 12)


def test_labels_entirely_outside_t1_is_an_error(tmp_path):
    with pytest.raises(InputError, match=r"lie entirely outside T1: they cover x .* T1 covers x 500000"):
        _rasterize(tmp_path, [(polygon(100, 100, 110, 110), 1), (polygon(-50, 0, -40, 5), 0)])


def test_labels_partly_outside_are_clipped_and_counted(tmp_path):
    features = [(polygon(-5, 0, 3, 2), 1), (polygon(10, 10, 12, 12), 0), (polygon(100, 0, 110, 2), 0)]
    labels, report = _rasterize(tmp_path, features)
    assert (report.features_partly_outside, report.features_outside, report.features_used) == (1, 1, 2)
    assert report.changed_pixels == 6 and report.unchanged_pixels == 4
    assert any("partly outside T1" in m for m in report.messages)


def test_grid_without_crs_takes_coordinates_as_qgis_draws_the_image(tmp_path):
    grid = RasterGrid(20, 10, (0.0, 1.0, 0.0, 0.0, 0.0, -1.0), "")
    square = "POLYGON ((2 -1, 5 -1, 5 -3, 2 -3, 2 -1))"  # columns 2-4, rows 1-2
    labels, report = _rasterize(tmp_path, [(square, 1)], epsg=None, grid=grid)
    assert report.changed_pixels == 6 and (labels[1:3, 2:5] == 1).all()
    assert "T1 has no CRS" in report.messages[0]


def test_label_raster_with_nodata_255(data_dir, tmp_path):
    folder = data_dir / "taizhou_landsat7"
    labels, report = read_label_raster(folder / "labels.tif", read_grid(folder / "t1.tif"), tmp_path)
    reference = gdal.Open(str(folder / "labels.tif")).ReadAsArray()
    np.testing.assert_array_equal(labels, reference)
    assert report.changed_pixels == int((reference == 1).sum()) and not any(tmp_path.iterdir())


def test_gt_png_with_0_and_255_reads_255_as_changed(data_dir, tmp_path):
    folder = data_dir / "italy_heterogeneous"
    labels, report = read_label_raster(folder / "gt.png", read_grid(folder / "t1.png"), tmp_path)
    raw = gdal.Open(str(folder / "gt.png")).ReadAsArray()
    assert report.changed_pixels == int((raw == 255).sum()) > 0
    assert report.unchanged_pixels == int((raw == 0).sum()) and set(np.unique(labels)) == {0, 1}
    assert "255 = changed" in report.messages[0]


def test_label_raster_other_values_are_ignored_and_counted(tmp_path):
    data = np.array([[0, 1, 255, 7], [3, 0, 1, 1]], dtype=np.uint8)
    path = write_raster(tmp_path / "l.tif", data, geotransform=(500000.0, 10, 0, 3600000.0, 0, -10))
    labels, report = read_label_raster(path, utm_grid(4, 2), tmp_path)
    assert labels.tolist() == [[0, 1, 255, 255], [255, 0, 1, 1]]
    assert report.other_value_pixels == 2 and any("2 pixels with values other" in m for m in report.messages)


def test_label_raster_on_another_grid_is_resampled_with_nearest(tmp_path):
    data = np.array([[0, 1], [1, 255]], dtype=np.uint8)
    path = write_raster(tmp_path / "coarse.tif", data, (500000.0, 20, 0, 3600000.0, 0, -20), nodata=255)
    labels, report = read_label_raster(path, utm_grid(6, 4), tmp_path / "work")
    assert labels[:2, :2].tolist() == [[0, 0], [0, 0]] and labels[0, 2] == 1 and labels[3, 3] == 255
    assert (labels[:, 4:] == 255).all()  # outside the label raster
    assert any("nearest neighbour" in m for m in report.messages)


def test_zipped_label_raster_on_another_grid_is_resampled(tmp_path):
    import zipfile

    data = np.array([[0, 1], [1, 255]], dtype=np.uint8)
    path = write_raster(tmp_path / "coarse.tif", data, (500000.0, 20, 0, 3600000.0, 0, -20), nodata=255)
    with zipfile.ZipFile(tmp_path / "labels.zip", "w") as archive:
        archive.write(path, arcname="coarse.tif")
    zipped, _ = read_label_raster(f"/vsizip/{tmp_path / 'labels.zip'}/coarse.tif", utm_grid(6, 4), tmp_path / "a")
    plain, _ = read_label_raster(path, utm_grid(6, 4), tmp_path / "b")
    np.testing.assert_array_equal(zipped, plain)
    assert zipped[0, 2] == 1 and (zipped[:, 4:] == 255).all()


def test_label_raster_without_crs_of_another_size_is_an_error(data_dir, tmp_path):
    grid = RasterGrid(100, 100, (0.0, 1.0, 0.0, 0.0, 0.0, -1.0), "")
    with pytest.raises(InputError, match="images without a CRS can only be paired pixel for pixel"):
        read_label_raster(data_dir / "italy_heterogeneous" / "gt.png", grid, tmp_path)


def test_label_raster_without_any_label_is_an_error(tmp_path):
    path = write_raster(tmp_path / "empty.tif", np.full((2, 2), 255, np.uint8), nodata=255)
    with pytest.raises(InputError, match="no pixel with 0 .* or 1"):
        read_label_raster(path, utm_grid(2, 2), tmp_path)


def _label_file(path, array, tiled: bool, nodata=None):
    """A GeoTIFF label raster on the UTM test grid, tiled 256 × 256 or in one-row strips."""
    height, width = array.shape
    options = ["TILED=YES", "COMPRESS=DEFLATE"] if tiled else []
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), width, height, 1, gdal.GDT_Byte, options)
    dataset.SetGeoTransform((ORIGIN_X, PIXEL, 0.0, ORIGIN_Y, 0.0, -PIXEL))
    dataset.SetProjection(srs_wkt(32651))
    if nodata is not None:
        dataset.GetRasterBand(1).SetNoDataValue(nodata)
    dataset.GetRasterBand(1).WriteArray(array)
    dataset = None
    return path


@pytest.mark.parametrize("tiled", [True, False], ids=["tiled", "striped"])
def test_label_raster_larger_than_a_window_is_read_in_full(tmp_path, tiled):
    """Values on every side of the window edges, nodata 7, other values counted; in a second raster the
    only 255s lie in the last window, and a 0/255 reference is still recognised from the whole raster."""
    rng = np.random.default_rng(3)
    data = rng.choice(np.array([0, 1, 255, 7, 42], np.uint8), size=(1100, 1300), p=[0.4, 0.3, 0.1, 0.1, 0.1])
    path = _label_file(tmp_path / "labels.tif", data, tiled, nodata=7)
    labels, report = read_label_raster(path, utm_grid(1300, 1100), tmp_path)
    expected = np.full(data.shape, 255, np.uint8)
    expected[data == 0], expected[data == 1] = 0, 1
    np.testing.assert_array_equal(labels, expected)
    assert (report.unchanged_pixels, report.changed_pixels) == (int((data == 0).sum()), int((data == 1).sum()))
    assert report.other_value_pixels == int((data == 42).sum())

    reference = np.zeros((1100, 1300), np.uint8)
    reference[-5:, -5:] = 255
    path = _label_file(tmp_path / "gt.tif", reference, tiled)
    labels, report = read_label_raster(path, utm_grid(1300, 1100), tmp_path)
    assert report.changed_pixels == 25 and (labels[-5:, -5:] == 1).all() and labels.sum() == 25
    assert "255 = changed" in report.messages[0]


def test_label_raster_is_read_with_memory_of_a_window_plus_the_labels(tmp_path):
    """A 3072² label raster: the whole band as float32 would be 36 MiB; the labels themselves are 9 MiB."""
    import tracemalloc

    side = 3072
    data = np.tile(np.array([[0, 1, 255, 1]], np.uint8), (side, side // 4))
    path = _label_file(tmp_path / "big.tif", data, tiled=True, nodata=255)
    del data
    tracemalloc.start()
    try:
        labels, report = read_label_raster(path, utm_grid(side, side), tmp_path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert labels.nbytes == side * side and report.changed_pixels == side * side // 2
    assert peak - labels.nbytes < 8 * 2**20


def test_create_label_layer(tmp_path):
    target = tmp_path / "my labels.gpkg"
    target.write_bytes(b"an older file")
    path = create_label_layer(target, srs_wkt(32651))
    assert path == str(target)
    dataset = ogr.Open(path)
    layer = dataset.GetLayerByName("labels")
    definition = layer.GetLayerDefn().GetFieldDefn(layer.GetLayerDefn().GetFieldIndex("change"))
    assert (
        definition.GetType() == ogr.OFTInteger
        and not definition.IsNullable()
        and definition.GetDefault() == "0"
    )
    assert ogr.GT_Flatten(layer.GetGeomType()) == ogr.wkbMultiPolygon and layer.GetFeatureCount() == 0
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "32651"
    dataset = None
    assert sorted(os.listdir(tmp_path)) == ["my labels.gpkg", "my labels.qml"]


def test_create_label_layer_checks_the_path(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        create_label_layer(tmp_path / "missing" / "l.gpkg", "")
    with pytest.raises(InputError, match="must be a GeoPackage"):
        create_label_layer(tmp_path / "l.shp", "")
    assert not any(tmp_path.iterdir())


def test_buffer_repairs_when_make_valid_is_unavailable(tmp_path, monkeypatch):
    def unavailable(self):
        raise RuntimeError("MakeValid() is only available if GEOS >= 3.8")

    monkeypatch.setattr(ogr.Geometry, "MakeValid", unavailable)
    ring = [(0, 0), (6, 0), (6, 6), (3, 6), (3, 3), (6, 3), (6, 6), (0, 6), (0, 0)]  # touches itself
    coordinates = ", ".join(f"{ORIGIN_X + x * PIXEL} {ORIGIN_Y - y * PIXEL}" for x, y in ring)
    labels, report = _rasterize(tmp_path, [(f"POLYGON (({coordinates}))", 1)])
    assert report.features_invalid_repaired == 1 and report.changed_pixels > 0


def test_geometry_that_cannot_be_repaired_is_skipped_and_counted(tmp_path):
    a, b = f"{ORIGIN_X} {ORIGIN_Y}", f"{ORIGIN_X + 50} {ORIGIN_Y - 50}"
    collapsed = f"POLYGON (({a}, {b}, {a}, {a}))"  # a polygon with no area
    labels, report = _rasterize(tmp_path, [(collapsed, 0), (polygon(10, 10, 12, 12), 1)])
    assert report.features_skipped_invalid == 1 and report.features_used == 1
    assert any("could not be repaired: skipped" in m for m in report.messages)
