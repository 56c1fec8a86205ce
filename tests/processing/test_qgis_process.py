"""The algorithms and the shipped .model3 through the qgis_process command line (how scripts and
servers call the plugin)."""

from __future__ import annotations

from osgeo import gdal

from ..conftest import REPO_ROOT
from .common import italy_inputs

MODEL3 = REPO_ROOT / "resources" / "models" / "train_and_detect.model3"


def test_train_detect_evaluate_on_the_command_line(qgis_cli, taizhou, tmp_path):
    trained = qgis_cli.run("siamcrnn:train", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABEL_RASTER": taizhou["labels.tif"], "EPOCHS": 4,
        "ARCHITECTURE": "patch", "SIAMESE": "shared", "DEVICE": "cpu",
        "OUTPUT_MODEL": tmp_path / "model.safetensors",
    })["results"]
    assert trained["VAL_KAPPA"] > 0.7
    detected = qgis_cli.run("siamcrnn:detect", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": trained["OUTPUT_MODEL"], "THRESHOLD": 0.5,
        "T1_BANDS": [1, 2, 3, 4, 5, 6], "OUTPUT_PROBABILITY": tmp_path / "p.tif",
        "OUTPUT_CHANGE": tmp_path / "c.tif",
    })["results"]
    assert gdal.Open(detected["OUTPUT_CHANGE"]).RasterXSize == 400
    assert (tmp_path / "c.qml").is_file() and (tmp_path / "p.qml").is_file()
    evaluated = qgis_cli.run("siamcrnn:evaluate", {
        "CHANGE": detected["OUTPUT_CHANGE"], "REFERENCE": taizhou["labels.gpkg"], "REFERENCE_FIELD": "change",
    })["results"]
    assert evaluated["KAPPA"] > 0.7


def test_createlabels_on_the_command_line(qgis_cli, taizhou, tmp_path):
    result = qgis_cli.run("siamcrnn:createlabels", {"T1": taizhou["t1.tif"], "OUTPUT": tmp_path / "l.gpkg"})
    assert result["results"]["OUTPUT"] == str(tmp_path / "l.gpkg")


def test_shipped_model3_runs(qgis_cli, taizhou, tmp_path):
    completed = qgis_cli.call("help", str(MODEL3))
    assert completed.returncode == 0, completed.stderr
    for name in ("t1", "t2", "labels", "reference", "epochs", "train:Model", "detect:Change map"):
        assert name in completed.stdout
    result = qgis_cli.run(str(MODEL3), {
        "t1": taizhou["t1.tif"], "t2": taizhou["t2.tif"], "labels": taizhou["labels.gpkg"],
        "reference": taizhou["labels.gpkg"], "epochs": 3,
        "train:Model": tmp_path / "model.safetensors", "train:Training report": tmp_path / "training.html",
        "detect:Change probability": tmp_path / "probability.tif", "detect:Change map": tmp_path / "change.tif",
        "evaluate:Evaluation report": tmp_path / "evaluation.html",
    })["results"]
    assert gdal.Open(str(tmp_path / "change.tif")).RasterXSize == 400
    assert (tmp_path / "model.safetensors").is_file() and (tmp_path / "probability.tif").is_file()
    assert "reference changed" in (tmp_path / "evaluation.html").read_text(encoding="utf-8")
    assert result["detect:Change map"] == str(tmp_path / "change.tif")


def test_italy_png_pair_on_the_command_line(qgis_cli, tmp_path):
    italy = italy_inputs(tmp_path)
    trained = qgis_cli.run("siamcrnn:train", {
        "T1": italy["t1"], "T2": italy["t2"], "LABEL_RASTER": italy["labels"], "EPOCHS": 3,
        "OUTPUT_MODEL": tmp_path / "italy.safetensors",
    })["results"]
    detected = qgis_cli.run("siamcrnn:detect", {
        "T1": italy["t1"], "T2": italy["t2"], "MODEL": trained["OUTPUT_MODEL"],
        "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    })["results"]
    change = gdal.Open(detected["OUTPUT_CHANGE"])
    assert (change.RasterXSize, change.RasterYSize) == (412, 300)
    evaluated = qgis_cli.run("siamcrnn:evaluate", {"CHANGE": detected["OUTPUT_CHANGE"],
                                                   "REFERENCE_RASTER": italy["gt"]})["results"]
    assert 0.5 < evaluated["OA"] <= 1 and -1 <= evaluated["KAPPA"] <= 1


def test_zipped_rasters_on_the_command_line(qgis_cli, tmp_path):
    """/vsizip/ paths as a script passes them: T1 and T2 inside a zip, T2 on another grid."""
    from ..io.builders import write_raster
    from .test_bad_inputs import BANDS, pair_arrays, save_test_model, zipped

    t1, t2 = pair_arrays()
    t1_path = write_raster(tmp_path / "t1.tif", t1)
    t2_path = write_raster(tmp_path / "t2.tif", t2, geotransform=(500005.0, 10.0, 0.0, 3600000.0, 0.0, -10.0))
    t1_zip, t2_zip = zipped(tmp_path, str(t1_path), str(t2_path))
    model = save_test_model(tmp_path / "model.safetensors", BANDS, BANDS)
    detected = qgis_cli.run("siamcrnn:detect", {
        "T1": t1_zip, "T2": t2_zip, "MODEL": model, "TILE_SIZE": 16, "DEVICE": "cpu",
        "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    })["results"]
    change = gdal.Open(detected["OUTPUT_CHANGE"])
    assert (change.RasterXSize, change.RasterYSize) == (32, 32)
    assert change.GetGeoTransform() == gdal.Open(str(t1_path)).GetGeoTransform()
