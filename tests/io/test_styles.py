"""The shipped QML styles load in QGIS with the intended renderers, and sidecars are picked up."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.suggestions import Suggestion
from siamcrnn_qgis.io.labels import create_label_layer, write_suggestion_layer
from siamcrnn_qgis.io.writer import GeoTiffWriter
from siamcrnn_qgis.paths import style_path

from .builders import srs_wkt, utm_grid

qgis_core = pytest.importorskip("qgis.core")


@pytest.fixture(scope="module")
def qgis_app():
    from qgis.testing import start_app

    return start_app()


@pytest.fixture
def change_raster(tmp_path):
    with GeoTiffWriter(tmp_path / "change.tif", utm_grid(), "uint8", nodata=255) as writer:
        writer.write(0, 0, np.eye(30, 40, dtype=np.uint8))
        return writer.finalize(style="change.qml")


@pytest.mark.parametrize(
    ("style", "renderer"), [("probability.qml", "singlebandpseudocolor"), ("change.qml", "paletted")]
)
def test_raster_styles_load(qgis_app, change_raster, style, renderer):
    layer = qgis_core.QgsRasterLayer(change_raster, "result")
    flags = int(layer.flags())
    message, ok = layer.loadNamedStyle(str(style_path(style)))
    assert ok, message
    assert layer.renderer().type() == renderer and int(layer.flags()) == flags


def test_change_palette_hides_unchanged_and_shows_changed_red(qgis_app, change_raster):
    layer = qgis_core.QgsRasterLayer(change_raster, "change")  # the sidecar written by finalize applies
    classes = {c.value: c.color for c in layer.renderer().classes()}
    assert classes[0].alpha() == 0 and classes[1].name() == "#e31a1c"


def test_probability_ramp_spans_0_to_1(qgis_app, change_raster):
    layer = qgis_core.QgsRasterLayer(change_raster, "p")
    layer.loadNamedStyle(str(style_path("probability.qml")))
    renderer = layer.renderer()
    assert (renderer.classificationMin(), renderer.classificationMax()) == (0.0, 1.0)
    items = renderer.shader().rasterShaderFunction().colorRampItemList()
    assert items[0].color.alpha() == 0 and items[-1].value == 1.0


def test_change_polygon_style(qgis_app, tmp_path):
    from siamcrnn_qgis.io.vectorize import polygonize_changes

    with GeoTiffWriter(tmp_path / "c.tif", utm_grid(), "uint8", nodata=255) as writer:
        writer.write(0, 0, np.ones((30, 40), np.uint8))
        writer.finalize()
    polygonize_changes(tmp_path / "c.tif", tmp_path / "polygons.gpkg")
    layer = qgis_core.QgsVectorLayer(str(tmp_path / "polygons.gpkg"), "polygons", "ogr")
    assert layer.isValid() and layer.renderer().type() == "singleSymbol"
    properties = layer.renderer().symbol().symbolLayer(0).properties()
    assert properties["style"] == "no" and properties["outline_width"] == "0.6"
    assert properties["outline_color"].startswith("227,26,28")


def test_label_layer_is_categorised_with_a_value_map(qgis_app, tmp_path):
    path = create_label_layer(tmp_path / "labels.gpkg", srs_wkt(32651))
    layer = qgis_core.QgsVectorLayer(f"{path}|layername=labels", "labels", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:32651"
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "change"
    categories = {str(c.value()): c.label() for c in renderer.categories()}
    assert categories == {"0": "Unchanged", "1": "Changed"}
    widget = layer.editorWidgetSetup(layer.fields().indexOf("change"))
    assert widget.type() == "ValueMap"
    assert widget.config()["map"] == [{"Unchanged": 0}, {"Changed": 1}]
    assert layer.dataProvider().defaultValueClause(layer.fields().indexOf("change")) == "0"


def test_suggestion_layer_is_numbered_and_coloured_by_predicted_class(qgis_app, tmp_path):
    boxes = [Suggestion(rank=1, x=2, y=3, size=5, score=0.9, predicted=1, probability=0.55),
             Suggestion(rank=2, x=20, y=10, size=5, score=0.7, predicted=0, probability=0.3)]
    path = write_suggestion_layer(tmp_path / "suggestions.gpkg", utm_grid(), boxes)
    layer = qgis_core.QgsVectorLayer(path, "suggestions", "ogr")
    assert layer.isValid() and layer.crs().authid() == "EPSG:32651" and layer.featureCount() == 2
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "predicted"
    colours = {str(c.value()): c.symbol().symbolLayer(0).properties()["outline_color"] for c in renderer.categories()}
    assert colours["1"].startswith("227,26,28") and colours["0"].startswith("51,160,44")
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "rank"
    first = next(layer.getFeatures())
    assert first["rank"] == 1 and first["change"] == qgis_core.NULL
    xmin, ymin = utm_grid().geotransform[0] + 2 * 10, utm_grid().geotransform[3] - 8 * 10
    assert first.geometry().boundingBox().toString(0) == f"{xmin:.0f},{ymin:.0f} : {xmin + 50:.0f},{ymin + 50:.0f}"
