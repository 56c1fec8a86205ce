"""What a new analyst meets in the dialogs and the log (issue #18): help in on-screen labels, short
parameter labels, readable architecture names, the desktop's remembered model, pair and folder, temporary
outputs said plainly, T1 = T2 refused, outputs named after their pair, readable areas, and Evaluate's
warning when the reference trained the model. On a 64 × 64 crop of Taizhou, so training takes seconds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from osgeo import gdal, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .common import recording_feedback, run

ALGORITHMS = ("createlabels", "train", "detect", "evaluate")
LABEL_LENGTH = 30  # a batch-table column header shows about this many characters


@pytest.fixture(scope="module")
def crop(qgis_app, taizhou, tmp_path_factory) -> dict:
    """The top-left 64 × 64 pixels of Taizhou, its label raster, and a patch model trained on them."""
    folder = tmp_path_factory.mktemp("crop")
    paths = {}
    for name in ("t1.tif", "t2.tif", "labels.tif"):
        paths[name] = str(folder / name)
        gdal.Translate(paths[name], taizhou[name], srcWin=[0, 0, 64, 64])
    paths["model"] = run("train", {
        "T1": paths["t1.tif"], "T2": paths["t2.tif"], "LABEL_RASTER": paths["labels.tif"], "EPOCHS": 1,
        "SAMPLES_PER_EPOCH": 256, "DEVICE": "cpu", "OUTPUT_MODEL": folder / "crop.safetensors",
    })["OUTPUT_MODEL"]
    paths["labels.gpkg"] = taizhou["labels.gpkg"]
    return paths


@pytest.fixture
def desktop(monkeypatch, tmp_path):
    """The plugin as in the QGIS desktop (remembered choices offered), in a fresh session and project."""
    from qgis.core import QgsProject, QgsSettings

    from siamcrnn_qgis.processing import session

    session.forget()
    QgsSettings().remove(session.LAST_FOLDER_SETTING)
    QgsProject.instance().clear()
    monkeypatch.setattr(session, "desktop", True)
    yield session
    session.forget()
    QgsSettings().remove(session.LAST_FOLDER_SETTING)
    QgsProject.instance().clear()


def algorithm(name: str):
    """A fresh instance, as a dialog creates it (so its defaults are computed now)."""
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().createAlgorithmById(f"siamcrnn:{name}")


def default(name: str, parameter: str):
    """A parameter's default in a fresh dialog of the algorithm."""
    alg = algorithm(name)
    return alg.parameterDefinition(parameter).defaultValue()


def cancelled_detect(parameters: dict) -> None:
    """Run Detect only as far as its preparation: cancelled before any tile is computed."""
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException):
        run("detect", parameters, feedback=feedback)


# ---- texts ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ALGORITHMS)
def test_help_lists_every_parameter_by_its_label_in_form_order(qgis_app, name):
    from qgis.core import QgsProcessingParameterDefinition

    alg = algorithm(name)
    text = alg.shortHelpString()
    advanced = QgsProcessingParameterDefinition.Flag.FlagAdvanced
    definitions = alg.parameterDefinitions()
    basic = [d for d in definitions if not d.flags() & advanced]
    expected = ([d for d in basic if not d.isDestination()] + [d for d in basic if d.isDestination()]
                + [d for d in definitions if d.flags() & advanced])
    positions = []
    for definition in expected:
        item = re.search(rf"<li><b>{re.escape(definition.description())}</b> \({definition.name()}\): (.+?)</li>",
                         text)
        assert item and len(item.group(1)) > 20, f"{definition.name()} is not documented by its label"
        positions.append(item.start())
    assert positions == sorted(positions), "the help does not follow the form's order"
    if any(d.flags() & advanced for d in definitions):
        assert text.index("Advanced parameters") < positions[-1]
    words = re.sub(r"\([A-Z0-9_]+\)", "", text)  # ids only in parentheses after their label
    for definition in definitions:
        if "_" in definition.name():
            assert definition.name() not in words, f"{definition.name()} is used as a word in the help"
    assert "AMX" not in text and "bfloat16 on Intel" not in text


@pytest.mark.parametrize("name", ALGORITHMS)
def test_parameter_labels_are_short(qgis_app, name):
    alg = algorithm(name)
    for definition in alg.parameterDefinitions():
        assert len(definition.description()) <= LABEL_LENGTH, definition.description()


def test_architecture_shows_readable_names_and_takes_patch_or_fcn(qgis_app, crop):
    train = algorithm("train")
    assert train.parameterDefinition("ARCHITECTURE").options()[:2] == [
        "Patch SiamCRNN (paper)", "Fully convolutional SiamCRNN"]
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    for value, expected in (("fcn", "fcn"), (" patch ", "patch"), (1, "fcn"), ("0", "patch")):
        assert train.architecture_name({"ARCHITECTURE": value}, context) == expected
        ok, message = train.checkParameterValues({"T1": crop["t1.tif"], "T2": crop["t2.tif"],
                                                  "LABEL_RASTER": crop["labels.tif"], "ARCHITECTURE": value,
                                                  "OUTPUT_MODEL": "TEMPORARY_OUTPUT"},
                                                 context)
        assert ok, message
    ok, message = train.checkParameterValues({"T1": crop["t1.tif"], "T2": crop["t2.tif"],
                                              "ARCHITECTURE": "transformer"}, context)
    assert not ok and message.startswith("Architecture (ARCHITECTURE) must be one of patch, fcn")


def test_engine_errors_are_sentences():
    from siamcrnn_qgis.core.errors import InputError, as_sentence

    assert str(InputError("could not open x.tif as a raster")) == "Could not open x.tif as a raster."
    assert str(InputError("notes.safetensors is not a model")) == "notes.safetensors is not a model."
    assert as_sentence("the file is damaged; copy it again.") == "The file is damaged; copy it again."
    assert as_sentence("fcn_model: bad") == "fcn_model: bad."


@pytest.mark.parametrize("epsg, pixel, area, expected", [
    (32651, 30.0, 900.0 * 9, "8,100 m²"),
    (32651, 30.0, 900.0 * 3_127_500 / 900, "312.75 ha"),
    (32651, 30.0, 28_147_500.0, "28.15 km²"),
    (2263, 1.0, 107_639.1, "1.00 ha"),  # US survey feet: 107,639 ft² is one hectare
    (4326, 0.001, 0.0025, "0.002500 square degrees"),
    (None, 1.0, 1234.0, "1,234 pixels"),
])
def test_areas_in_a_readable_unit(qgis_app, epsg, pixel, area, expected):
    from siamcrnn_qgis.io.raster import RasterGrid

    wkt = ""
    if epsg is not None:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        wkt = srs.ExportToWkt()
    grid = RasterGrid(10, 10, (0.0, pixel, 0.0, 0.0, 0.0, -pixel), wkt)
    detect = algorithm("detect")
    assert detect.area_text(area, grid) == expected


# ---- logs and reports -------------------------------------------------------------------------------------
def test_detect_log_has_readable_areas_and_says_each_thing_once(qgis_app, crop, tmp_path):
    feedback = recording_feedback()
    run("detect", {"T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"], "DEVICE": "cpu",
                   "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
                   "OUTPUT_POLYGONS": tmp_path / "c.gpkg", "MIN_AREA": 1800,
                   "OUTPUT_REPORT": tmp_path / "report.html"}, feedback=feedback)
    log = "\n".join(feedback.lines)
    assert "e+0" not in log and "map units²" not in log
    assert re.search(r"of 4,096 valid pixels changed \(\d+\.\d\d%\), [\d,.]+ (m²|ha);", log), log
    assert re.search(r"\d+ change polygons, [\d,.]+ (m²|ha) in all, in .*c\.gpkg\. Polygons smaller than "
                     r"1,800 m² were left out\.", log), log
    assert sum("change polygons" in line for line in feedback.lines) == 1
    assert sum(line.startswith("Running on CPU") for line in feedback.lines) == 1
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "OUTPUT_PROBABILITY" not in report and '<td class="l">Change probability</td>' in report
    assert '<td class="l">Pixel area</td><td>900 m²</td>' in report


def test_train_log_and_report_say_labels_and_device_once(qgis_app, taizhou, crop, tmp_path):
    feedback = recording_feedback()
    run("train", {"T1": crop["t1.tif"], "T2": crop["t2.tif"], "LABEL_RASTER": crop["labels.tif"], "EPOCHS": 1,
                  "SAMPLES_PER_EPOCH": 256, "DEVICE": "cpu", "OUTPUT_MODEL": tmp_path / "m.safetensors",
                  "OUTPUT_REPORT": tmp_path / "r.html"}, feedback=feedback)
    counts = [line for line in feedback.lines if "unchanged" in line and "changed" in line and "pixel" in line
              and "training and" not in line]
    assert len(counts) == 1 and re.search(r"[\d,]+ unchanged and [\d,]+ changed pixels", counts[0]), counts
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert report.count("Running on CPU") == 1


# ---- outputs kept, offered again, named, loaded -----------------------------------------------------------
def test_a_temporary_model_or_label_layer_is_said_to_vanish(qgis_app, crop):
    feedback = recording_feedback()
    results = run("train", {"T1": crop["t1.tif"], "T2": crop["t2.tif"], "LABEL_RASTER": crop["labels.tif"],
                            "EPOCHS": 1, "SAMPLES_PER_EPOCH": 256, "DEVICE": "cpu",
                            "OUTPUT_MODEL": "TEMPORARY_OUTPUT"}, feedback=feedback)  # as the dialog gives it
    warning = [w for w in feedback.warnings if results["OUTPUT_MODEL"] in w]
    assert warning and "deletes when it closes" in warning[0] and "Model file (OUTPUT_MODEL)" in warning[0]
    feedback = recording_feedback()
    results = run("createlabels", {"T1": crop["t1.tif"], "OUTPUT": "TEMPORARY_OUTPUT"}, feedback=feedback)
    assert any(results["OUTPUT"] in w and "Training labels (OUTPUT)" in w for w in feedback.warnings)


def test_a_kept_model_is_not_warned_about(qgis_app, crop, tmp_path):
    feedback = recording_feedback()
    run("createlabels", {"T1": crop["t1.tif"], "OUTPUT": tmp_path / "labels.gpkg"}, feedback=feedback)
    assert not feedback.warnings


def test_desktop_offers_the_last_model_and_pair(desktop, crop, tmp_path):
    assert default("detect", "MODEL") is None
    cancelled_detect({"T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"],
                      "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"})
    detect = algorithm("detect")
    assert detect.parameterDefinition("MODEL").defaultValue() == crop["model"]
    for name in ("detect", "train"):
        alg = algorithm(name)
        assert (alg.parameterDefinition("T1").defaultValue(), alg.parameterDefinition("T2").defaultValue()) == \
            (crop["t1.tif"], crop["t2.tif"])
    desktop.desktop = False  # qgis_process and scripts: nothing remembered is offered
    assert default("detect", "MODEL") is None


def test_outside_the_desktop_nothing_is_offered(qgis_app, crop, tmp_path):
    from siamcrnn_qgis.processing import session

    assert not session.desktop
    cancelled_detect({"T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"],
                      "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"})
    detect = algorithm("detect")
    assert detect.parameterDefinition("MODEL").defaultValue() is None
    assert detect.parameterDefinition("T1").defaultValue() is None
    assert default("train", "OUTPUT_MODEL") is None


def test_desktop_saves_new_models_and_labels_next_to_the_project_without_overwriting(desktop, crop, tmp_path):
    from qgis.core import QgsProject

    assert default("createlabels", "OUTPUT") == "TEMPORARY_OUTPUT"
    project = tmp_path / "project"
    project.mkdir()
    assert QgsProject.instance().write(str(project / "analysis.qgz"))
    assert default("createlabels", "OUTPUT") == str(project / "labels.gpkg")
    run("createlabels", {"T1": crop["t1.tif"], "OUTPUT": default("createlabels", "OUTPUT")})
    assert default("createlabels", "OUTPUT") == str(project / "labels_2.gpkg")
    assert default("train", "OUTPUT_MODEL") == \
        str(project / "model.safetensors")

    QgsProject.instance().clear()  # no saved project: the folder SiamCRNN saved in last
    assert default("train", "OUTPUT_MODEL") == \
        str(project / "model.safetensors")


def test_outputs_are_never_offered_as_t1_or_t2(desktop, crop, tmp_path, monkeypatch):
    import qgis.utils
    from qgis.core import QgsProject, QgsRasterLayer

    run("detect", {"T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"], "DEVICE": "cpu",
                   "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"})
    desktop.forget()  # a new session: only the output's own metadata tells it apart
    layers = [QgsRasterLayer(path, name) for path, name in
              ((crop["t1.tif"], "t1"), (crop["t2.tif"], "t2"), (str(tmp_path / "c.tif"), "Change map"))]
    QgsProject.instance().addMapLayers(layers)

    class Interface:  # the active layer is the change map, as after a detect run
        @staticmethod
        def activeLayer():  # noqa: N802 (QGIS API)
            return layers[2]

    monkeypatch.setattr(qgis.utils, "iface", Interface())
    detect = algorithm("detect")
    assert (detect.parameterDefinition("T1").defaultValue(), detect.parameterDefinition("T2").defaultValue()) == \
        (layers[0].id(), layers[1].id())


@pytest.mark.parametrize("t2_bands", [None, [1, 2, 3]])
def test_t1_and_t2_the_same_image_is_refused(qgis_app, crop, tmp_path, t2_bands):
    feedback = recording_feedback()
    parameters = {"T1": crop["t1.tif"], "T2": crop["t1.tif"], "MODEL": crop["model"],
                  "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"}
    if t2_bands:
        parameters.update(T1_BANDS=t2_bands, T2_BANDS=t2_bands)
    with pytest.raises(QgsProcessingException):
        run("detect", parameters, feedback=feedback)
    assert not list(tmp_path.iterdir())


def test_the_same_file_with_other_bands_is_a_pair(qgis_app, crop):
    """One file holding both dates (bands 1-2 and 3-4) is a pair; the same bands twice are not."""
    from qgis.core import QgsProcessingContext

    detect = algorithm("detect")
    context = QgsProcessingContext()
    parameters = {"T1": crop["t1.tif"], "T2": crop["t1.tif"], "T1_BANDS": [1, 2], "T2_BANDS": [3, 4]}
    sources = detect.resolve_pair(parameters, context)
    assert (sources.t1_bands, sources.t2_bands) == ([1, 2], [3, 4])
    with pytest.raises(QgsProcessingException, match="T1 and T2 are the same layer or file"):
        detect.resolve_pair({"T1": crop["t1.tif"], "T2": crop["t1.tif"]}, context)


def test_loaded_outputs_are_named_after_their_pair(qgis_app, crop, tmp_path):
    import processing
    from qgis.core import QgsProject

    QgsProject.instance().clear()
    processing.runAndLoadResults("siamcrnn:detect", {
        "T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"], "DEVICE": "cpu",
        "OUTPUT_PROBABILITY": str(tmp_path / "p.tif"), "OUTPUT_CHANGE": str(tmp_path / "c.tif"),
        "OUTPUT_POLYGONS": str(tmp_path / "c.gpkg")})
    names = {Path(layer.source().split("|")[0]).name: layer.name()
             for layer in QgsProject.instance().mapLayers().values()}
    assert names == {"p.tif": "Change probability (t1 → t2)", "c.tif": "Change map (t1 → t2)",
                     "c.gpkg": "Change polygons (t1 → t2)"}
    polygons = next(layer for layer in QgsProject.instance().mapLayers().values() if layer.name().startswith(
        "Change polygons"))
    assert polygons.renderer().symbol().symbolLayer(0).strokeColor().name() == "#e31a1c"
    processing.runAndLoadResults("siamcrnn:detect", {  # the same pair again: told apart by a number
        "T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"], "DEVICE": "cpu",
        "OUTPUT_PROBABILITY": str(tmp_path / "p2.tif"), "OUTPUT_CHANGE": str(tmp_path / "c2.tif")})
    names = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())
    assert names == ["Change map (t1 → t2)", "Change map (t1 → t2) 2", "Change polygons (t1 → t2)",
                     "Change probability (t1 → t2)", "Change probability (t1 → t2) 2"]
    QgsProject.instance().clear()


def test_polygons_are_made_and_loaded_by_default_in_the_dialog(qgis_app):
    detect = algorithm("detect")
    polygons = detect.parameterDefinition("OUTPUT_POLYGONS")
    assert polygons.createByDefault() and polygons.flags() & polygons.Flag.FlagOptional


# ---- evaluating against the training labels --------------------------------------------------------------
def test_evaluate_warns_when_the_reference_trained_the_model(qgis_app, crop, tmp_path):
    run("detect", {"T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"], "DEVICE": "cpu",
                   "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"})
    feedback = recording_feedback()
    run("evaluate", {"CHANGE": tmp_path / "c.tif", "REFERENCE_RASTER": crop["labels.tif"],
                     "OUTPUT_REPORT": tmp_path / "same.html"}, feedback=feedback)
    assert any("the labels the model was trained on" in w and "optimistic" in w for w in feedback.warnings)
    assert not any("T1" in line for line in feedback.lines), feedback.lines
    report = (tmp_path / "same.html").read_text(encoding="utf-8")
    assert "optimistic" in report and crop["labels.tif"] in report

    feedback = recording_feedback()
    run("evaluate", {"CHANGE": tmp_path / "c.tif", "REFERENCE": crop["labels.gpkg"], "REFERENCE_FIELD": "change",
                     "OUTPUT_REPORT": tmp_path / "other.html"}, feedback=feedback)
    assert not feedback.warnings
    assert any("onto the change map's grid" in line for line in feedback.lines)
    report = (tmp_path / "other.html").read_text(encoding="utf-8")
    assert "optimistic" not in report and "labels (field change)" in report


def test_evaluate_refuses_a_probability_raster_as_the_change_map(qgis_app, crop, tmp_path):
    run("detect", {"T1": crop["t1.tif"], "T2": crop["t2.tif"], "MODEL": crop["model"], "DEVICE": "cpu",
                   "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif"})
    with pytest.raises(QgsProcessingException, match=r"The change map \(CHANGE\) must be a one-band integer raster "
                                                     r".*Change map \(OUTPUT_CHANGE\); .*p\.tif has 1 band\(s\) of "
                                                     r"type float32\."):
        run("evaluate", {"CHANGE": tmp_path / "p.tif", "REFERENCE_RASTER": crop["labels.tif"]})
