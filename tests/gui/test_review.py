"""Review suggestions, headless: the order of the boxes, Changed / Unchanged / Skip / Back, the answers in
the layer's edit buffer (undo, save, reload), refused layers, and what Train again writes and fills in.
The panel runs here once on an offscreen map canvas, and in the real window in test_review_window.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr, osr

from siamcrnn_qgis.gui.review import (
    ReviewError,
    ReviewSession,
    default_pair,
    suggestion_layer_problem,
    train_parameters,
    training_labels_path,
)
from tests.io.builders import ORIGIN_X, ORIGIN_Y, PIXEL, polygon, utm_grid, write_raster, write_vector

# rank, predicted, probability, change, box (columns x0, rows y0 of a 6-pixel square on the 40 × 30 grid)
BOXES = [(3, 1, 0.61, None, (2, 2)), (1, 0, 0.48, None, (12, 2)), (2, 1, 0.55, None, (22, 2)),
         (5, 0, 0.30, None, (2, 14)), (4, 1, 0.70, None, (12, 14))]


def write_suggestions(path: Path, boxes=BOXES, epsg: int = 32651, change_type: int = ogr.OFTInteger,
                      boolean: bool = False) -> Path:
    """A layer as Suggest where to label next writes it: rank, score, predicted, probability, change;
    ``boolean``: predicted and change as boolean fields, as an analyst's own table may hold them."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    layer = source.CreateLayer("suggestions", srs, ogr.wkbPolygon)
    for name, kind in (("rank", ogr.OFTInteger), ("score", ogr.OFTReal), ("predicted", ogr.OFTInteger),
                       ("probability", ogr.OFTReal), ("change", change_type)):
        definition = ogr.FieldDefn(name, kind)
        if boolean and name in ("predicted", "change"):
            definition.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(definition)
    for rank, predicted, probability, change, (x, y) in boxes:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(polygon(x, y, x + 6, y + 6)))
        feature.SetField("rank", rank)
        feature.SetField("score", 1.0 / rank)
        feature.SetField("predicted", predicted)
        feature.SetField("probability", probability)
        if change is not None:
            feature.SetField("change", change)
        layer.CreateFeature(feature)
    source = None
    return path


def load(path: Path, name: str = "suggestions"):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), name, "ogr")
    assert layer.isValid(), path
    return layer


def changes(path: Path) -> dict[int, int | None]:
    """rank → change, read back from the file with OGR."""
    source = ogr.Open(str(path))
    layer = source.GetLayer(0)
    return {feature.GetField("rank"): feature.GetField("change") for feature in layer}


def test_boxes_are_reviewed_in_rank_order_and_answers_go_into_the_layer(qgis_app, tmp_path):
    path = write_suggestions(tmp_path / "suggestions.gpkg")
    layer = load(path)
    session = ReviewSession(layer)
    assert [session.suggestion(fid).rank for fid in session.order] == [1, 2, 3, 4, 5]
    current = session.current()
    assert (current.rank, current.predicted, current.probability, current.change) == (1, 0, pytest.approx(0.48), None)
    assert current.extent.xMinimum() == pytest.approx(ORIGIN_X + 12 * PIXEL)
    assert current.extent.yMaximum() == pytest.approx(ORIGIN_Y - 2 * PIXEL)
    assert session.progress_text() == "1 of 5, 0 labelled"

    session.mark_changed()  # rank 1
    session.mark_unchanged()  # rank 2
    session.skip()  # rank 3 stays NULL
    assert session.current().rank == 4 and session.progress_text() == "4 of 5, 2 labelled"
    assert layer.isEditable() and layer.isModified()
    session.back()
    assert session.current().rank == 3 and session.current().change is None
    session.back()
    assert session.current().rank == 2 and session.current().change == 0
    session.mark_changed()  # a second thought: rank 2 is changed after all
    assert session.current().rank == 3
    for _ in range(3):
        session.skip()
    assert session.done and session.current() is None
    assert session.progress_text() == "Done: 5 boxes, 2 labelled (2 changed, 0 unchanged)"
    with pytest.raises(ReviewError, match="Back"):
        session.mark_changed()
    session.back()
    assert session.current().rank == 5 and not session.done
    session.back()
    session.back()
    session.back()
    session.back()
    session.back()  # never before the first box
    assert session.current().rank == 1

    assert changes(path) == {rank: None for rank in range(1, 6)}  # nothing written until saved
    session.save()
    assert changes(path) == {1: 1, 2: 1, 3: None, 4: None, 5: None}
    assert layer.isEditable() and not session.unsaved  # saved, still in edit mode like Save Layer Edits
    reloaded = ReviewSession(load(path))
    assert reloaded.current().rank == 3  # where the review left off: the best-ranked unanswered box
    assert reloaded.progress().labelled == 2
    assert reloaded.go_to_first_unanswered() and reloaded.current().rank == 3


def test_every_answer_is_one_undo_step(qgis_app, tmp_path):
    layer = load(write_suggestions(tmp_path / "suggestions.gpkg"))
    session = ReviewSession(layer)
    session.mark_changed()
    session.mark_unchanged()
    stack = layer.undoStack()
    assert [stack.text(index) for index in range(stack.count())] == ["Suggestion 1: changed", "Suggestion 2: unchanged"]
    stack.undo()
    assert session.answers()[session.order[1]] is None and session.answers()[session.order[0]] == 1
    stack.undo()
    assert session.progress().labelled == 0
    stack.redo()
    assert session.progress().labelled == 1
    layer.rollBack()
    assert session.progress().labelled == 0 and not layer.isEditable()


def test_a_fully_answered_layer_opens_at_its_end(qgis_app, tmp_path):
    boxes = [(rank, 1, 0.5, rank % 2, box) for rank, _, _, _, box in BOXES]
    session = ReviewSession(load(write_suggestions(tmp_path / "answered.gpkg", boxes)))
    assert session.done and not session.go_to_first_unanswered()
    assert session.progress() == type(session.progress())(position=6, total=5, changed=3, unchanged=2)


def test_boolean_predicted_and_change_fields_are_reviewed_like_numbers(qgis_app, tmp_path):
    # QGIS 3.30+ reads a delimited-text column of 0s and 1s as boolean; a GeoPackage can hold one too
    path = write_suggestions(tmp_path / "boolean.gpkg", boolean=True)
    layer = load(path)
    assert layer.fields().field("change").typeName().lower().startswith("bool")
    assert suggestion_layer_problem(layer) is None
    session = ReviewSession(layer)
    first = session.order[0]
    assert session.suggestion(first).rank == 1 and session.suggestion(first).predicted == 0  # False read as 0
    session.mark_changed()
    session.mark_unchanged()
    session.save()
    again = ReviewSession(load(path, "again"))
    assert again.answers()[first] == 1 and again.answers()[again.order[1]] == 0
    assert again.progress().labelled == 2


def test_layers_without_the_suggestion_fields_are_refused_with_the_reason(qgis_app, tmp_path):
    labels = load(write_vector(tmp_path / "labels.gpkg", [(polygon(0, 0, 4, 4), 1)]), "labels")
    message = suggestion_layer_problem(labels)
    assert message.startswith("labels has no field rank, score, predicted, probability.")
    assert "Suggest where to label next" in message
    with pytest.raises(ReviewError, match="no field rank"):
        ReviewSession(labels)
    points = load(write_vector(tmp_path / "points.gpkg", [("POINT (500010 3599990)", 1)]), "points")
    assert suggestion_layer_problem(points).startswith("points does not hold polygons.")
    text = load(write_suggestions(tmp_path / "text.gpkg", change_type=ogr.OFTString), "text")
    assert suggestion_layer_problem(text).startswith("In text, the field change holds text, not numbers.")
    assert suggestion_layer_problem(None).startswith("No suggestion layer is chosen.")
    table = tmp_path / "suggestions.csv"  # the delimited text provider cannot edit
    table.write_text("wkt;rank;score;predicted;probability;change\n"
                     f"{polygon(0, 0, 6, 6)};1;0.9;1;0.6;0\n", encoding="utf-8")
    from qgis.core import QgsVectorLayer

    read_only = QgsVectorLayer(f"file://{table}?delimiter=;&wktField=wkt&crs=EPSG:32651", "table", "delimitedtext")
    assert read_only.isValid()
    assert suggestion_layer_problem(read_only) == ("table cannot be edited (read-only file or format): save it as a "
                                                   "GeoPackage first.")
    empty = load(write_suggestions(tmp_path / "empty.gpkg", []), "empty")
    assert suggestion_layer_problem(empty) is None
    with pytest.raises(ReviewError, match="empty holds no suggestions"):
        ReviewSession(empty)


def test_train_again_merges_the_answers_with_the_earlier_labels(qgis_app, tmp_path):
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsRasterLayer

    from siamcrnn_qgis.io.labels import rasterize_labels

    rng = np.random.default_rng(0)
    t1 = write_raster(tmp_path / "t1.tif", rng.integers(0, 255, (3, 30, 40)).astype(np.uint8))
    t2 = write_raster(tmp_path / "t2.tif", rng.integers(0, 255, (3, 30, 40)).astype(np.uint8))
    # earlier labels in geographic coordinates (reprojected), with a NULL and a 2 that are no labels
    earlier_path = tmp_path / "earlier.gpkg"
    source = osr.SpatialReference()
    source.ImportFromEPSG(32651)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_degrees = osr.CoordinateTransformation(source, target)

    def in_degrees(wkt: str) -> str:
        geometry = ogr.CreateGeometryFromWkt(wkt)
        geometry.Transform(to_degrees)
        return geometry.ExportToWkt()

    write_vector(earlier_path, [(in_degrees(polygon(30, 20, 36, 26)), 0), (in_degrees(polygon(30, 10, 34, 14)), None),
                                (in_degrees(polygon(20, 20, 24, 24)), 2)], epsg=4326, field="label")
    layer = load(write_suggestions(tmp_path / "suggestions.gpkg"))
    session = ReviewSession(layer)
    with pytest.raises(ReviewError, match="No box has been answered"):
        session.write_training_labels(str(tmp_path / "none.gpkg"))
    session.mark_changed()  # rank 1: columns 12–18, rows 2–8
    session.mark_unchanged()  # rank 2: columns 22–28, rows 2–8
    earlier = load(earlier_path, "earlier")
    with pytest.raises(ReviewError, match="earlier has no field change"):
        session.write_training_labels(str(tmp_path / "wrong.gpkg"), earlier)
    assert not (tmp_path / "wrong.gpkg").exists()

    path = training_labels_path(layer)
    assert path == str(tmp_path / "reviewed_labels.gpkg")
    assert session.write_training_labels(path, earlier, "label") == 3
    assert training_labels_path(layer) == str(tmp_path / "reviewed_labels_2.gpkg")  # never over an earlier one
    assert Path(path).with_suffix(".qml").exists()  # loads styled like Create training label layer's
    labels, report = rasterize_labels(path, utm_grid())
    assert (labels == 1).sum() == 36 and (labels[2:8, 12:18] == 1).all()
    assert (labels == 0).sum() == 72 and (labels[2:8, 22:28] == 0).all()
    assert (labels[20:26, 30:36] == 0).sum() >= 30  # the earlier polygon, back in UTM (within a pixel)

    project = QgsProject.instance()
    rasters = [QgsRasterLayer(str(t1), "t1"), QgsRasterLayer(str(t2), "t2")]
    merged = load(Path(path), "merged")
    project.addMapLayers([*rasters, merged])
    try:
        parameters = train_parameters(*rasters, merged)
        assert parameters == {"T1": rasters[0].id(), "T2": rasters[1].id(), "LABELS": merged.id(),
                              "LABEL_FIELD": "change"}
        assert train_parameters(None, rasters[1], path) == {"T2": rasters[1].id(), "LABELS": path,
                                                            "LABEL_FIELD": "change"}
        from qgis.core import QgsApplication

        train = QgsApplication.processingRegistry().createAlgorithmById("siamcrnn:train")
        context = QgsProcessingContext()
        context.setProject(project)
        complete = {**parameters, "OUTPUT_MODEL": str(tmp_path / "model.safetensors")}  # the dialog offers one
        assert train.checkParameterValues(complete, context) == (True, "")
        assert train.prepareAlgorithm(complete, context, QgsProcessingFeedback())
        assert train.label_vector[0] == path and train.labels_record["field"] == "change"
        assert [Path(source.split("|")[0]).name for source in (train.pair.t1, train.pair.t2)] == ["t1.tif", "t2.tif"]
    finally:
        project.removeMapLayers([layer.id() for layer in (*rasters, merged)])


def test_the_pair_offered_is_the_last_one_used_else_the_first_two_images_by_name(qgis_app, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer

    from siamcrnn_qgis.processing import session

    paths = [write_raster(tmp_path / f"{name}.tif", np.zeros((1, 30, 40), np.uint8)) for name in ("a", "b", "c")]
    project = QgsProject()
    layers = [QgsRasterLayer(str(path), name) for path, name in zip(paths, ("2021", "2019", "2020"))]
    project.addMapLayers(layers)
    session.forget()
    try:
        assert [layer.name() for layer in default_pair(project)] == ["2019", "2020"]
        session.remember_pair(str(paths[2]), str(paths[0]))
        assert [layer.name() for layer in default_pair(project)] == ["2020", "2021"]
        session.remember_pair(str(tmp_path / "gone.tif"), str(paths[0]))
        assert [layer.name() for layer in default_pair(project)] == ["2019", "2020"]
    finally:
        session.forget()
    assert default_pair(QgsProject()) == (None, None)


class Desktop:
    """What the panel asks of QGIS's iface, with a real map canvas (offscreen)."""

    def __init__(self) -> None:
        from qgis.gui import QgsMapCanvas, QgsMessageBar

        self.canvas, self.bar = QgsMapCanvas(), QgsMessageBar()
        self.canvas.resize(600, 400)

    def mapCanvas(self):  # noqa: N802 (QGIS API)
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar

    def activeLayer(self):  # noqa: N802
        return None


def test_the_panel_offers_only_suggestion_layers_and_says_why_another_is_refused(qgis_app, tmp_path):
    """The panel headless (the real window: test_review_window.py): its lists, a refused layer's message in
    the panel, the buttons and the map following an answer."""
    from qgis.core import QgsProject

    from siamcrnn_qgis.gui.review_dock import ReviewDock

    project = QgsProject.instance()
    suggestions = load(write_suggestions(tmp_path / "suggestions.gpkg"))
    labels = load(write_vector(tmp_path / "labels.gpkg", [(polygon(0, 0, 4, 4), 1)]), "labels")
    project.addMapLayers([labels, suggestions])
    desktop = Desktop()
    dock = ReviewDock(desktop)
    try:
        choices = [dock.layer_combo.layer(index) for index in range(dock.layer_combo.count())]
        assert [layer.name() for layer in choices if layer is not None] == ["suggestions"]
        assert dock.labels_combo.currentLayer() is labels and dock.field_combo.currentField() == "change"
        assert dock.layer_combo.currentLayer() is suggestions and dock.position.text() == "1 of 5, 0 labelled"
        assert [button.shortcut().toString() for button in (dock.changed_button, dock.unchanged_button,
                                                            dock.skip_button, dock.back_button, dock.date_button)] \
            == ["C", "U", "S", "B", "T"]
        assert dock.changed_button.isEnabled() and not dock.back_button.isEnabled()
        assert not dock.save_button.isEnabled()

        dock.changed_button.click()
        assert dock.session.answers()[dock.session.order[0]] == 1 and dock.position.text() == "2 of 5, 1 labelled"
        assert dock.save_button.isEnabled() and dock.back_button.isEnabled()
        box = dock.session.current().extent
        assert desktop.canvas.extent().contains(box) and desktop.canvas.extent().width() >= 2.9 * box.width()

        dock.choose_layer(labels)  # as if picked: the panel says why and offers nothing to press
        assert dock.session is None and dock.message.text().startswith("labels has no field rank")
        assert not dock.changed_button.isEnabled() and not dock.train_button.isEnabled()
        assert dock.position.text() == "No suggestion layer"
    finally:
        dock.remove()
        suggestions.rollBack()
        project.removeMapLayers([labels.id(), suggestions.id()])
        dock.deleteLater()


def test_a_removed_panel_ignores_the_project_until_it_is_deleted(qgis_app, tmp_path):
    """The plugin's unload (or a test) removes the panel, and Qt deletes it later: meanwhile the project's
    layers may go, which once made its layer lists call into a deleted canvas (a crash in a later test)."""
    from qgis.core import QgsProject, QgsRasterLayer

    from siamcrnn_qgis.gui.review_dock import ReviewDock

    def raster_layer(path: Path):
        return QgsRasterLayer(str(write_raster(path, np.zeros((1, 30, 40), np.uint8))), path.stem)

    project = QgsProject.instance()
    suggestions = load(write_suggestions(tmp_path / "suggestions.gpkg"))
    project.addMapLayers([suggestions])
    t1 = project.addMapLayer(raster_layer(tmp_path / "t1.tif"))
    dock = ReviewDock(Desktop())
    calls = []
    dock.show_state = lambda *args, **kwargs: calls.append(args)
    dock.t1_combo.setLayer(None)
    assert calls, "the T1 list's signal reaches the panel while it is in use"
    dock.remove()
    calls.clear()
    project.removeMapLayers([suggestions.id(), t1.id()])
    project.addMapLayer(raster_layer(tmp_path / "t1b.tif"))
    assert calls == []
    project.clear()
    dock.deleteLater()
