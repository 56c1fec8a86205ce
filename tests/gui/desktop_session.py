"""Runs inside the real QGIS desktop (``qgis --code desktop_session.py``), driven by test_desktop_window.py.

Opens the sample pair, runs siamcrnn:detect through Processing with its outputs loaded and styled, shows
the Processing Toolbox filtered to the SiamCRNN entries, grabs the main window to a PNG, writes what it
saw to a JSON report and quits QGIS. Parameters come from the JSON file named by SIAMCRNN_WINDOW_PARAMS.
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QModelIndex, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

PARAMS = json.loads(open(os.environ["SIAMCRNN_WINDOW_PARAMS"], encoding="utf-8").read())
REPORT = {"errors": []}


def save_report():
    with open(PARAMS["report"], "w", encoding="utf-8") as handle:
        json.dump(REPORT, handle, indent=1)


def true_colour(layer):
    """Red, green, blue = bands 3, 2, 1 of the 4-band sample (blue, green, red, NIR)."""
    renderer = layer.renderer()
    renderer.setRedBand(3)
    renderer.setGreenBand(2)
    renderer.setBlueBand(1)
    layer.setDefaultContrastEnhancement()


def visible_tree_texts(view, parent=None, depth=0):
    model = view.model()
    parent = parent if parent is not None else QModelIndex()
    texts = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        texts.append(str(model.data(index)))
        if view.isExpanded(index) and depth < 3:
            texts += visible_tree_texts(view, index, depth + 1)
    return texts


def prepare():
    window = iface.mainWindow()
    window.resize(*PARAMS.get("size", (1600, 1000)))
    REPORT["plugin_loaded"] = "siamcrnn_qgis" in plugins
    provider = QgsApplication.processingRegistry().providerById("siamcrnn")
    REPORT["provider"] = provider.name() if provider is not None else None
    REPORT["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider is not None else []

    t1 = iface.addRasterLayer(PARAMS["t1"], "T1 (earlier date)")
    t2 = iface.addRasterLayer(PARAMS["t2"], "T2 (later date)")
    for layer in (t1, t2):
        true_colour(layer)
    QgsProject.instance().layerTreeRoot().findLayer(t1.id()).setItemVisibilityChecked(False)

    import processing

    results = processing.runAndLoadResults("siamcrnn:detect", {
        "T1": PARAMS["t1"], "T2": PARAMS["t2"], "MODEL": PARAMS["model"], "THRESHOLD": 0.5,
        "OUTPUT_PROBABILITY": PARAMS["probability"], "OUTPUT_CHANGE": PARAMS["change"],
    })
    REPORT["results"] = {key: value for key, value in results.items() if isinstance(value, (str, float, int))}
    styled = {}
    probability = change_layer = None
    root = QgsProject.instance().layerTreeRoot()
    for key in ("OUTPUT_CHANGE", "OUTPUT_PROBABILITY"):
        layers = [layer for layer in QgsProject.instance().mapLayers().values()
                  if layer.source() == results.get(key)]
        if not layers:
            continue
        layer = layers[0]
        renderer = layer.renderer()
        styled[key] = {"name": layer.name(), "renderer": renderer.type()}
        if renderer.type() == "paletted":
            styled[key]["classes"] = {str(int(c.value)): c.color.name() for c in renderer.classes()}
        if key == "OUTPUT_PROBABILITY":  # keep it in the legend, show the imagery under the change map
            root.findLayer(layer.id()).setItemVisibilityChecked(False)
            probability = layer
        else:
            change_layer = layer
    REPORT["styled"] = styled

    toolbox = plugins["processing"].toolbox
    toolbox.show()
    toolbox.raise_()
    toolbox.searchBox.setText("SiamCRNN")
    toolbox.algorithmTree.expandAll()
    REPORT["toolbox"] = visible_tree_texts(toolbox.algorithmTree)

    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:  # more room for the legend of the styled outputs
        browser.hide()
    for layer in (t1, probability):
        if layer is not None:
            root.findLayer(layer.id()).setExpanded(False)
    if change_layer is not None:
        iface.setActiveLayer(change_layer)

    canvas = iface.mapCanvas()
    canvas.setExtent(t1.extent())
    canvas.refresh()


def grab():
    try:
        pixmap = iface.mainWindow().grab()
        REPORT["screenshot_saved"] = pixmap.save(PARAMS["screenshot"], "PNG")
        REPORT["screenshot_size"] = [pixmap.width(), pixmap.height()]
    except Exception:  # report, then still quit
        REPORT["errors"].append(traceback.format_exc())
    finish()


def finish():
    save_report()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(200, QgsApplication.instance().quit)


def start():
    try:
        prepare()
    except Exception:
        REPORT["errors"].append(traceback.format_exc())
    # let the canvas render (it draws in background threads) and the dock widgets lay out
    QTimer.singleShot(int(PARAMS.get("render_ms", 4000)), grab)


QTimer.singleShot(500, start)
