"""The four algorithms through processing.run on real data: Taizhou (GeoTIFF + label polygons) and
Italy (unreferenced PNGs, 1 band vs 3 bands); outputs, styles, grids, reprojection."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from siamcrnn_qgis.core.modelfile import read_metadata
from siamcrnn_qgis.core.thresholds import PLATEAU

from .common import files_in, italy_inputs, kappa, read, recording_feedback, run

EPOCHS = 10


@pytest.fixture(scope="module")
def taizhou_model(qgis_app, taizhou, tmp_path_factory):
    folder = tmp_path_factory.mktemp("taizhou_model")
    results = run("train", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABELS": taizhou["labels.gpkg"], "LABEL_FIELD": "change",
        "EPOCHS": EPOCHS, "SEED": 7, "OUTPUT_MODEL": folder / "model.safetensors",
        "OUTPUT_REPORT": folder / "report.html",
    })
    return folder, results


@pytest.fixture(scope="module")
def taizhou_detection(qgis_app, taizhou, taizhou_model, tmp_path_factory):
    folder = tmp_path_factory.mktemp("taizhou_detect")
    results = run("detect", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": taizhou_model[1]["OUTPUT_MODEL"],
        "OUTPUT_PROBABILITY": folder / "probability.tif", "OUTPUT_CHANGE": folder / "change.tif",
        "OUTPUT_POLYGONS": folder / "changes.gpkg", "MIN_AREA": 2700, "OUTPUT_REPORT": folder / "detect.html",
        "TILE_SIZE": 128,
    })
    return folder, results


def test_createlabels_makes_a_drawable_geopackage(qgis_app, taizhou, tmp_path):
    results = run("createlabels", {"T1": taizhou["t1.tif"], "OUTPUT": tmp_path / "labels.gpkg"})
    dataset = ogr.Open(results["OUTPUT"])
    layer = dataset.GetLayer("labels")
    assert layer.GetFeatureCount() == 0
    field = layer.GetLayerDefn().GetFieldDefn(layer.GetLayerDefn().GetFieldIndex("change"))
    assert field.GetType() == ogr.OFTInteger
    assert layer.GetSpatialRef().GetAuthorityCode(None) == "32651"
    assert (tmp_path / "labels.qml").is_file()


def test_train_from_polygons(taizhou_model):
    folder, results = taizhou_model
    assert results["VAL_KAPPA"] > 0.7
    assert 0.7 < results["VAL_F1"] <= 1
    assert files_in(folder) == ["model.safetensors", "report.html"]
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in report
    for text in ("Labelled pixels, changed", "Running on CPU", "Kappa", str(folder / "model.safetensors"),
                 "Decision threshold stored in the model", "unchanged regions that training never saw",
                 "weighted to the scene"):
        assert text in report
    metadata = read_metadata(folder / "model.safetensors")
    choice = metadata.provenance["threshold_choice"]
    assert 0 < metadata.threshold < 1 and metadata.threshold == choice["threshold"]
    assert 0.002 <= choice["scene_change_share"] <= 0.5
    # 0.5 is on the grid, so the choice (on the best plateau) is never worse than it by more than the
    # plateau's width, plus the rounding of the stored figures
    assert choice["weighted_kappa"] >= choice["weighted_kappa_at_0.5"] - PLATEAU - 1e-4
    regions = metadata.provenance["regions"]
    assert min(regions["validation"].values()) >= 1 and min(regions["training"].values()) >= 1


def test_detect_outputs_are_styled_georeferenced_geotiffs(taizhou, taizhou_detection):
    folder, results = taizhou_detection
    t1 = gdal.Open(taizhou["t1.tif"])
    for name, data_type, nodata in (("probability.tif", gdal.GDT_Float32, -1), ("change.tif", gdal.GDT_Byte, 255)):
        dataset = gdal.Open(str(folder / name))
        band = dataset.GetRasterBand(1)
        assert band.DataType == data_type
        assert band.GetNoDataValue() == nodata
        assert dataset.GetGeoTransform() == t1.GetGeoTransform()
        assert osr.SpatialReference(dataset.GetProjection()).IsSame(osr.SpatialReference(t1.GetProjection()))
        assert (dataset.RasterXSize, dataset.RasterYSize) == (400, 400)
        structure = dataset.GetMetadata("IMAGE_STRUCTURE")
        assert structure.get("COMPRESSION") == "DEFLATE"
        assert band.GetBlockSize()[0] == 256
        assert (folder / name.replace(".tif", ".qml")).is_file()
    probability, change = read(folder / "probability.tif"), read(folder / "change.tif")
    assert np.all((probability >= 0) & (probability <= 1))
    threshold = read_metadata(gdal.Open(str(folder / "change.tif")).GetMetadataItem("SIAMCRNN_MODEL")).threshold
    np.testing.assert_array_equal(change, (probability >= threshold).astype(np.uint8))
    assert gdal.Open(str(folder / "change.tif")).GetMetadataItem("SIAMCRNN_THRESHOLD") == f"{threshold:g}"
    changed = int((change == 1).sum())
    assert results["CHANGED_AREA"] == pytest.approx(changed * 900.0)
    assert results["CHANGED_FRACTION"] == pytest.approx(changed / change.size)
    assert 0.01 < results["CHANGED_FRACTION"] < 0.6


def test_an_explicit_threshold_wins_over_the_models(taizhou, taizhou_model, taizhou_detection, tmp_path):
    model = taizhou_model[1]["OUTPUT_MODEL"]
    # 0.5 is one of the thresholds Train may choose (it chose it in a Debian 13 root): give another one then
    given = 0.5 if read_metadata(model).threshold != 0.5 else 0.6
    feedback = recording_feedback()
    run("detect", {"T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": model, "THRESHOLD": given,
                   "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"}, feedback=feedback)
    probability = read(taizhou_detection[0] / "probability.tif")
    change = read(tmp_path / "c.tif")
    np.testing.assert_array_equal(change, (probability >= given).astype(np.uint8))
    assert (change != read(taizhou_detection[0] / "change.tif")).any()  # the model's own threshold lost
    assert f"Threshold {given:g} (given)." in feedback.infos


def test_detect_polygons_respect_min_area(taizhou_detection):
    folder, results = taizhou_detection
    dataset = ogr.Open(results["OUTPUT_POLYGONS"])  # keep the dataset alive while its layer is read
    areas = [feature.GetField("area") for feature in dataset.GetLayer(0)]
    assert areas and min(areas) >= 2700
    assert (folder / "changes.qml").is_file()


def test_detect_report(taizhou_detection):
    folder, _ = taizhou_detection
    report = (folder / "detect.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in report and "Throughput" in report and "Changed area" in report


@pytest.mark.parametrize("reference", ["REFERENCE", "REFERENCE_RASTER"])
def test_evaluate_against_polygons_or_raster(taizhou, taizhou_detection, reference, tmp_path):
    folder, _ = taizhou_detection
    parameters = {"CHANGE": folder / "change.tif", "OUTPUT_REPORT": tmp_path / "evaluation.html"}
    parameters[reference] = taizhou["labels.gpkg"] if reference == "REFERENCE" else taizhou["labels.tif"]
    results = run("evaluate", parameters)
    assert results["KAPPA"] > 0.75
    assert results["OA"] > 0.9
    for key in ("F1", "PRECISION", "RECALL", "IOU"):
        assert 0.5 < results[key] <= 1
    assert 0 <= results["FALSE_ALARM_RATE"] < 0.2 and 0 <= results["MISSED_ALARM_RATE"] < 0.3
    assert "reference changed" in (tmp_path / "evaluation.html").read_text(encoding="utf-8")


def test_reprojected_t2_lands_on_t1_grid_and_agrees(taizhou, taizhou_model, taizhou_detection, tmp_path):
    warped = tmp_path / "t2_3857.tif"
    gdal.Warp(str(warped), taizhou["t2.tif"], dstSRS="EPSG:3857", xRes=25, yRes=25, resampleAlg="bilinear")
    feedback_log = []

    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            feedback_log.append(info)
            super().pushInfo(info)

    results = run("detect", {
        "T1": taizhou["t1.tif"], "T2": warped, "MODEL": taizhou_model[1]["OUTPUT_MODEL"],
        "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    }, feedback=Recorder())
    change = gdal.Open(results["OUTPUT_CHANGE"])
    assert change.GetGeoTransform() == gdal.Open(taizhou["t1.tif"]).GetGeoTransform()
    assert any("warp" in line.lower() or "onto t1" in line.lower() for line in feedback_log), feedback_log
    assert kappa(change.ReadAsArray(), read(taizhou_detection[0] / "change.tif")) >= 0.9


def test_styles_applied_when_loaded(qgis_app, taizhou, taizhou_model, tmp_path):
    import processing
    from qgis.core import QgsProject

    QgsProject.instance().clear()
    processing.runAndLoadResults("siamcrnn:detect", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": taizhou_model[1]["OUTPUT_MODEL"],
        "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"), "OUTPUT_CHANGE": str(tmp_path / "c.tif"),
    })
    processing.runAndLoadResults("siamcrnn:createlabels", {"T1": taizhou["t1.tif"],
                                                           "OUTPUT": str(tmp_path / "l.gpkg")})
    layers = {layer.source().split("|")[0]: layer for layer in QgsProject.instance().mapLayers().values()}
    assert layers[str(tmp_path / "p.tif")].renderer().type() == "singlebandpseudocolor"
    assert layers[str(tmp_path / "c.tif")].renderer().type() == "paletted"
    labels = layers[str(tmp_path / "l.gpkg")]
    assert labels.renderer().type() == "categorizedSymbol"
    widget = labels.editorWidgetSetup(labels.fields().indexOf("change"))
    assert widget.type() == "ValueMap"
    QgsProject.instance().clear()


@pytest.fixture(scope="module")
def italy(tmp_path_factory):
    return italy_inputs(tmp_path_factory.mktemp("italy"))


def test_italy_heterogeneous_png_pair(qgis_app, italy, tmp_path):
    from qgis.core import QgsProcessingFeedback

    warnings = []

    class Recorder(QgsProcessingFeedback):
        def pushWarning(self, warning):  # noqa: N802
            warnings.append(warning)
            super().pushWarning(warning)

    trained = run("train", {
        "T1": italy["t1"], "T2": italy["t2"], "LABEL_RASTER": italy["labels"], "SIAMESE": "auto",
        "EPOCHS": 8, "OUTPUT_MODEL": tmp_path / "italy.safetensors",
    }, feedback=Recorder())
    assert any("CRS" in warning for warning in warnings), warnings
    from siamcrnn_qgis.core.modelfile import read_metadata

    metadata = read_metadata(trained["OUTPUT_MODEL"])
    assert (metadata.bands_t1, metadata.bands_t2, metadata.shared) == (1, 3, False)
    detected = run("detect", {
        "T1": italy["t1"], "T2": italy["t2"], "MODEL": trained["OUTPUT_MODEL"],
        "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    })
    assert gdal.Open(detected["OUTPUT_CHANGE"]).RasterXSize == 412
    evaluated = run("evaluate", {"CHANGE": detected["OUTPUT_CHANGE"], "REFERENCE_RASTER": italy["gt"]})
    assert evaluated["KAPPA"] > 0.5
