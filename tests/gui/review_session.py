"""Runs inside the real QGIS desktop (``qgis --code review_session.py``), driven by test_review_window.py.

An analyst reviews suggested boxes: a saved project with the sample pair, its label polygons and a
suggestion layer; Raster › SiamCRNN › Review suggestions… from the menu; what the panel offers; C typed
into a text field; the keys C, T, U, S, B and C again pressed on the map, Ctrl+Z; a screenshot of the main
window on a box; Skip to the end; Train again, and what the Train dialog is filled with; the next round's
suggestion layer taken up. What it saw goes to a JSON report.
"""

from qgis.core import NULL, QgsPalLayerSettings, QgsProject, QgsVectorLayerSimpleLabeling
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QLineEdit
from qgis.utils import iface
from window_driver import PARAMS, REPORT, start, true_colour


def numbered_outlines(layer):
    """Outlines numbered by rank (as a suggestion layer is styled)."""
    symbol = layer.renderer().symbol()
    symbol.symbolLayer(0).setFillColor(QColor(0, 0, 0, 0))
    symbol.symbolLayer(0).setStrokeColor(QColor(40, 40, 40))
    symbol.symbolLayer(0).setStrokeWidth(0.5)
    settings = QgsPalLayerSettings()
    settings.fieldName = "rank"
    text = settings.format()
    text.setColor(QColor(255, 255, 255))
    text.setSize(11)
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setColor(QColor(0, 0, 0))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def visibility(*layers):
    root = QgsProject.instance().layerTreeRoot()
    return [root.findLayer(layer.id()).itemVisibilityChecked() for layer in layers]


def panel_state(dock):
    return {"preview": [layer.name() for layer in dock.preview.layers()], "preview_title": dock.preview_group.title(),
            "position": dock.position.text(), "details": dock.details.text(), "answer": dock.answer_label.text(),
            "date": dock.date_label.text(), "message": dock.message.text(),
            "rank": dock.session.current().rank if dock.session and dock.session.current() else None}


def answers(layer):
    return {str(feature["rank"]): None if feature["change"] in (None, NULL) else int(feature["change"])
            for feature in layer.getFeatures()}


def press(key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed on the map, in the active main window (Xvfb has no window manager to activate it)."""
    QApplication.setActiveWindow(iface.mainWindow())
    canvas = iface.mapCanvas()
    canvas.setFocus()
    QTest.keyClick(canvas, key, modifier)


def flow():
    window = iface.mainWindow()
    window.move(0, 0)
    window.resize(*PARAMS["size"])
    project = QgsProject.instance()
    project.write(PARAMS["project"])
    t1 = iface.addRasterLayer(PARAMS["t1"], "t1")
    t2 = iface.addRasterLayer(PARAMS["t2"], "t2")
    for layer in (t1, t2):
        true_colour(layer)
    labels = iface.addVectorLayer(PARAMS["labels"], "labels", "ogr")
    labels.loadNamedStyle(PARAMS["labels_style"])  # green and red, as Create training label layer's
    suggestions = iface.addVectorLayer(PARAMS["suggestions"], "Suggestions (t1 → t2)", "ogr")
    numbered_outlines(suggestions)
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:  # more room for the legend
        browser.hide()
    yield 500

    # --- from the menu
    action = next(action for action in window.findChildren(type(iface.actionPan()))
                  if action.text() == "Review suggestions…")
    action.trigger()
    yield 800
    dock = window.findChild(QDockWidget, "SiamCRNNReviewDock")
    REPORT["dock"] = {"visible": dock.isVisible(),
                      "right": window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea}
    REPORT["offered"] = {name: (combo.currentLayer().name() if combo.currentLayer() else None) for name, combo in (
        ("suggestions", dock.layer_combo), ("t1", dock.t1_combo), ("t2", dock.t2_combo),
        ("labels", dock.labels_combo))}
    REPORT["label_field"] = dock.field_combo.currentField()
    REPORT["suggestion_choices"] = [dock.layer_combo.itemText(index) for index in range(dock.layer_combo.count())]
    REPORT["start"] = panel_state(dock)
    extent = iface.mapCanvas().extent()
    REPORT["canvas_extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
    REPORT["visible_start"] = visibility(t1, t2)
    preview = dock.preview.extent()
    REPORT["preview_extent"] = [preview.xMinimum(), preview.yMinimum(), preview.xMaximum(), preview.yMaximum()]

    # --- typed into a text field (the status bar's coordinate box), C is a letter, not an answer
    QApplication.setActiveWindow(window)
    line = next(edit for edit in window.statusBar().findChildren(QLineEdit) if edit.isVisible() and edit.isEnabled())
    line.setFocus()
    QTest.keyClick(line, Qt.Key.Key_C)
    yield 300
    REPORT["typed"] = {"text": line.text(), "answers": answers(suggestions)}
    line.clear()

    # --- the keys, on the map
    steps = []
    control = Qt.KeyboardModifier.ControlModifier
    for name, key, modifier in (("C", Qt.Key.Key_C, None), ("T", Qt.Key.Key_T, None), ("U", Qt.Key.Key_U, None),
                                ("S", Qt.Key.Key_S, None), ("B", Qt.Key.Key_B, None), ("C", Qt.Key.Key_C, None),
                                ("Ctrl+Z", Qt.Key.Key_Z, control)):
        press(key, modifier or Qt.KeyboardModifier.NoModifier)
        yield 300
        steps.append({"key": name, "state": panel_state(dock), "answers": answers(suggestions),
                      "visible": visibility(t1, t2), "editable": suggestions.isEditable()})
    REPORT["keys"] = steps

    # --- the screenshot: on box 4, T2 shown
    dock.session.go_to(dock.session.order.index(next(fid for fid in dock.session.order
                                                      if dock.session.suggestion(fid).rank == 4)))
    dock.show_state(zoom=True)
    yield int(PARAMS.get("render_ms", 4000))
    REPORT["screenshot_state"] = panel_state(dock)
    pixmap = window.grab()
    REPORT["screenshot_saved"] = pixmap.save(PARAMS["screenshot"], "PNG")

    # --- to the end, then Train again
    presses = 0
    while dock.session.current() is not None and presses < 3 * len(dock.session.order):
        press(Qt.Key.Key_S)
        presses += 1
        yield 200
    REPORT["skip_presses"] = presses
    REPORT["done"] = {**panel_state(dock), "skipped_visible": dock.skipped_button.isVisible(),
                      "train_enabled": dock.train_button.isEnabled(), "unsaved": dock.session.unsaved}
    dock.train_button.click()
    yield 1500
    dialog = dock.train_dialog
    wrappers = dialog.mainWidget().wrappers
    values = {key: wrappers[key].parameterValue() for key in ("T1", "T2", "LABELS", "LABEL_FIELD")}
    names = {key: project.mapLayer(value).name() if isinstance(value, str) and project.mapLayer(value) else str(value)
             for key, value in values.items()}
    REPORT["train_dialog"] = {"visible": dialog.isVisible(), "title": dialog.windowTitle(), **names}
    merged = [layer for layer in project.mapLayers().values() if layer.name() == "Training labels (reviewed)"]
    REPORT["merged"] = {"layers": len(merged), "source": merged[0].source().split("|")[0] if merged else None,
                        "features": merged[0].featureCount() if merged else None}
    REPORT["after_train_again"] = {"unsaved": dock.session.unsaved, "message": dock.message.text()}
    dialog.close()

    # --- the next round's suggestions, added once this review is over, are taken up
    iface.addVectorLayer(PARAMS["next_suggestions"], "Suggestions, round 2", "ogr")
    yield 500
    REPORT["next_round"] = {"layer": dock.layer_combo.currentLayer().name(), **panel_state(dock)}


start(flow)
