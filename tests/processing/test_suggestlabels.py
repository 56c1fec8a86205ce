"""siamcrnn:suggestlabels through Processing and qgis_process: the layer it writes (fields, CRS, boxes, style),
never on labels or nodata, a valid LABELS input to Train as it is (all NULL: the usual "no labels" refusal;
some filled: trained on), cancel, and bad inputs. Inputs are 48 × 48 rasters and an untrained model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException

from ..io.builders import ORIGIN_X, ORIGIN_Y, PIXEL, polygon, srs_wkt, write_raster, write_vector
from .common import files_in, recording_feedback, run
from .test_bad_inputs import Recorder, fast_training, pair_arrays, save_test_model  # noqa: F401 (fixture)

SIZE = 48
NODATA = np.s_[:, 30:48, 0:18]  # bottom-left corner of T1 is nodata
LABELLED = (30, 2, 46, 18)  # top-right: already labelled (pixel x0, y0, x1, y1)


@dataclass
class Inputs:
    t1: str
    t2: str
    labels: str
    model: str


@pytest.fixture(scope="module")
def inputs(qgis_app, tmp_path_factory) -> Inputs:
    folder = tmp_path_factory.mktemp("suggest_inputs")
    t1, t2 = pair_arrays(size=SIZE)
    t1[NODATA] = -9999
    return Inputs(t1=str(write_raster(folder / "t1.tif", t1, nodata=-9999)),
                  t2=str(write_raster(folder / "t2.tif", t2)),
                  labels=str(write_vector(folder / "labels.gpkg", [(polygon(*LABELLED), 0)])),
                  model=save_test_model(folder / "model.safetensors", 3, 3))


def parameters(inputs: Inputs, out: Path, **changes) -> dict:
    return {"T1": inputs.t1, "T2": inputs.t2, "MODEL": inputs.model, "COUNT": 6, "BOX_SIZE": 6,
            "MIN_DISTANCE": 1, "DEVICE": "cpu", "OUTPUT": out / "suggestions.gpkg", **changes}


def read_boxes(path: str) -> list[dict]:
    """Each feature's fields and its box in pixels of the test grid (x0, y0, x1, y1)."""
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    boxes = []
    for feature in layer:
        xmin, xmax, ymin, ymax = feature.GetGeometryRef().GetEnvelope()
        boxes.append({**{name: feature.GetField(name) for name in ("rank", "score", "predicted", "probability",
                                                                   "change")},
                      "null": feature.IsFieldNull("change"),
                      "pixels": tuple(round(v, 6) for v in ((xmin - ORIGIN_X) / PIXEL, (ORIGIN_Y - ymax) / PIXEL,
                                                            (xmax - ORIGIN_X) / PIXEL, (ORIGIN_Y - ymin) / PIXEL))})
    return boxes


def test_layer_is_ranked_boxes_off_labels_and_nodata(inputs, tmp_path):
    feedback = recording_feedback()
    results = run("suggestlabels", parameters(inputs, tmp_path, LABELS=inputs.labels), feedback=feedback)
    path = results["OUTPUT"]
    assert path == str(tmp_path / "suggestions.gpkg")
    assert files_in(tmp_path) == ["suggestions.gpkg", "suggestions.qml"]
    dataset = ogr.Open(path)
    layer = dataset.GetLayer(0)
    assert layer.GetName() == "suggestions"
    definition = layer.GetLayerDefn()
    types = {definition.GetFieldDefn(i).GetName(): definition.GetFieldDefn(i).GetType()
             for i in range(definition.GetFieldCount())}
    assert types == {"rank": ogr.OFTInteger, "score": ogr.OFTReal, "predicted": ogr.OFTInteger,
                     "probability": ogr.OFTReal, "change": ogr.OFTInteger}
    assert layer.GetSpatialRef().IsSame(ogr.osr.SpatialReference(srs_wkt(32651)))
    boxes = read_boxes(path)
    assert [box["rank"] for box in boxes] == [1, 2, 3, 4, 5, 6]
    assert all(box["null"] for box in boxes), "change is left NULL for the analyst"
    assert all(box["predicted"] in (0, 1) and 0 <= box["probability"] <= 1 and 0 <= box["score"] <= 1
               for box in boxes)
    x0, y0, x1, y1 = LABELLED
    for box in boxes:
        bx0, by0, bx1, by1 = box["pixels"]
        assert (bx1 - bx0, by1 - by0) == (6, 6) and 0 <= bx0 and bx1 <= SIZE and 0 <= by0 and by1 <= SIZE
        assert bx1 <= x0 or bx0 >= x1 or by1 <= y0 or by0 >= y1, f"{box} overlaps the labels"
        assert bx0 >= 18 or by1 <= 30, f"{box} overlaps the nodata corner"
    assert any("6 suggestions" in line for line in feedback.infos)


def test_all_null_layer_is_refused_by_train_as_no_labels(inputs, tmp_path):
    suggestions = run("suggestlabels", parameters(inputs, tmp_path))["OUTPUT"]
    with pytest.raises(QgsProcessingException, match=r"(?i)none of the 6 features of .* can be used as a label"):
        run("train", {"T1": inputs.t1, "T2": inputs.t2, "LABELS": suggestions, "EPOCHS": 1,
                      "OUTPUT_MODEL": tmp_path / "model.safetensors"})
    assert not (tmp_path / "model.safetensors").exists()


def test_filled_in_suggestions_train_a_model(inputs, tmp_path, fast_training):  # noqa: F811 (fixture)
    suggestions = run("suggestlabels", parameters(inputs, tmp_path, COUNT=10, BOX_SIZE=5, MIN_DISTANCE=2))["OUTPUT"]
    dataset = ogr.Open(suggestions, 1)
    layer = dataset.GetLayer(0)
    for index, feature in enumerate(layer):
        if index < 9:  # the analyst could tell nine boxes; the last one stays NULL
            feature.SetField("change", index % 2)
            layer.SetFeature(feature)
    dataset = layer = None
    feedback = recording_feedback()
    results = run("train", {"T1": inputs.t1, "T2": inputs.t2, "LABELS": suggestions, "EPOCHS": 1,
                            "OUTPUT_MODEL": tmp_path / "model.safetensors"}, feedback=feedback)
    assert Path(results["OUTPUT_MODEL"]).is_file()
    assert any("Rasterised 9 label features" in line for line in feedback.lines), feedback.lines
    assert any("1 feature with values other than 0 and 1 (or NULL)" in line for line in feedback.lines)


def test_cancel_leaves_no_output_and_the_next_run_works(inputs, tmp_path):
    feedback = Recorder(cancel_at=1)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("suggestlabels", parameters(inputs, tmp_path), feedback=feedback)
    assert files_in(tmp_path) == []
    run("suggestlabels", parameters(inputs, tmp_path))
    assert files_in(tmp_path) == ["suggestions.gpkg", "suggestions.qml"]


@pytest.mark.parametrize(("changes", "message"), [
    pytest.param({"COUNT": 0}, "the number of suggestions must be at least 1, got 0", id="count-0"),
    pytest.param({"BOX_SIZE": 60}, "a box of 60×60 pixels is larger than the 48×48 image; choose a box size of at "
                 "most 48", id="box-larger-than-image"),
    pytest.param({"MODEL": "model_1_4"}, "the T1 raster has 3 band(s) but the model was trained on 1",
                 id="model-bands"),
    pytest.param({"LABELS": "labels", "LABEL_RASTER": "t1"}, "not both", id="labels-twice"),
    pytest.param({"OUTPUT": "suggestions.shp"}, "must be a GeoPackage file ending in .gpkg", id="output-not-gpkg"),
    pytest.param({"LABELS": "everything"}, "choose a smaller box size", id="no-box-fits"),
])
def test_bad_inputs_say_what_to_change(inputs, tmp_path, changes, message):
    extra = {"model_1_4": save_test_model(tmp_path / "m.safetensors", 1, 4), "labels": inputs.labels,
             "t1": inputs.t1, "suggestions.shp": str(tmp_path / "suggestions.shp"),
             "everything": str(write_vector(tmp_path / "all.gpkg", [(polygon(0, 0, SIZE, SIZE), 1)]))}
    changes = {key: extra.get(value, value) if isinstance(value, str) else value for key, value in changes.items()}
    feedback = Recorder()
    with pytest.raises(QgsProcessingException) as raised:
        run("suggestlabels", parameters(inputs, tmp_path, **changes), feedback=feedback)
    # errors of the worker are the exception's message; those found on the main thread go to the log
    assert message.lower() in (str(raised.value) + "\n" + feedback.text).lower()
    assert not (tmp_path / "suggestions.gpkg").exists()


def test_fewer_boxes_than_asked_are_written_with_a_warning(inputs, tmp_path):
    feedback = recording_feedback()
    results = run("suggestlabels", parameters(inputs, tmp_path, COUNT=100, BOX_SIZE=10, MIN_DISTANCE=5),
                  feedback=feedback)
    found = len(read_boxes(results["OUTPUT"]))
    assert 1 <= found < 100
    assert any(f"Only {found} of the 100 boxes asked for fit" in line for line in feedback.warnings)


def test_suggestions_on_the_command_line(qgis_cli, inputs, tmp_path):
    result = qgis_cli.run("siamcrnn:suggestlabels", {
        "T1": inputs.t1, "T2": inputs.t2, "MODEL": inputs.model, "LABELS": inputs.labels, "COUNT": 2,
        "OUTPUT": tmp_path / "s.gpkg"})["results"]
    assert result["OUTPUT"] == str(tmp_path / "s.gpkg")
    boxes = read_boxes(result["OUTPUT"])
    assert [box["rank"] for box in boxes] == [1, 2] and all(box["null"] for box in boxes)
    assert {box["pixels"][2] - box["pixels"][0] for box in boxes} == {15}, "the patch architecture's box size"
    assert (tmp_path / "s.qml").is_file()
