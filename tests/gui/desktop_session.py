"""Runs inside the real QGIS desktop (``qgis --code desktop_session.py``), driven by test_desktop_window.py.

The flow of a new analyst, through the real dialogs: a saved project with the sample pair and its label
polygons; Create training label layer; the Train dialog (its defaults, a screenshot, Run); the Detect
dialog (the model just trained and the pair offered, the polygons output typed in, a screenshot, Run);
the results loaded, named and styled; Evaluate against the training labels; the PyTorch installer's
interpreter with another python3 first on PATH; the Processing Toolbox; a screenshot of the main window.
What it saw goes to a JSON report, then QGIS quits. Parameters come from the JSON file named by
SIAMCRNN_WINDOW_PARAMS.
"""

import shutil
import sys
import time

from qgis.core import QgsApplication, QgsProcessingFeedback, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QModelIndex
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QCheckBox, QDockWidget, QLineEdit, QScrollArea, QTextEdit
from qgis.utils import iface, plugins
from window_driver import PARAMS, REPORT, start, true_colour

DIALOG_SIZE = (1100, 940)


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


def value_text(value):
    """A destination wrapper's value as text (a QgsProcessingOutputLayerDefinition or a string)."""
    sink = getattr(value, "sink", None)
    return sink.staticValue() if sink is not None else value


def dialog_log(dialog):
    return "\n".join(edit.toPlainText() for edit in dialog.findChildren(QTextEdit) if "Algorithm" in
                     edit.toPlainText())


def open_dialog(algorithm_id, parameters=None):
    import processing

    dialog = processing.createAlgorithmDialog(algorithm_id, parameters or {})
    dialog.resize(*DIALOG_SIZE)
    dialog.show()
    dialog.raise_()
    return dialog


def run_dialog(dialog, seconds):
    """Press Run; wait (letting QGIS work) until the algorithm has finished and its results are loaded."""
    finished = {}
    dialog.algorithmFinished.connect(lambda ok, results: finished.update(ok=ok, results=dict(results),
                                                                        log=dialog_log(dialog)))
    dialog.runAlgorithm()
    deadline = time.monotonic() + seconds
    while not finished and time.monotonic() < deadline:
        yield 200
    if not finished:
        raise RuntimeError(f"{dialog.windowTitle()} did not finish in {seconds} s:\n{dialog_log(dialog)[-3000:]}")
    REPORT["steps"].append(f"{dialog.windowTitle()}: {'ok' if finished['ok'] else 'failed'}")
    return finished


def layers_named(prefix):
    return [layer for layer in QgsProject.instance().mapLayers().values() if layer.name().startswith(prefix)]


def flow():
    window = iface.mainWindow()
    window.resize(*PARAMS["size"])
    REPORT["plugin_loaded"] = "siamcrnn_qgis" in plugins
    provider = QgsApplication.processingRegistry().providerById("siamcrnn")
    REPORT["provider"] = provider.name() if provider is not None else None
    REPORT["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider is not None else []
    from siamcrnn_qgis.processing import session

    REPORT["desktop_session"] = session.desktop

    project = QgsProject.instance()
    project.write(PARAMS["project"])  # a saved project: new labels and models are offered next to it
    t1 = iface.addRasterLayer(PARAMS["t1"], "t1")
    t2 = iface.addRasterLayer(PARAMS["t2"], "t2")
    for layer in (t1, t2):
        true_colour(layer)
    labels = iface.addVectorLayer(PARAMS["labels"], "labels", "ogr")
    iface.setActiveLayer(t2)
    yield 300

    # --- Create training label layer: offered next to the project, added in edit mode, named after T1
    import processing

    fresh = QgsApplication.processingRegistry().createAlgorithmById("siamcrnn:createlabels")  # as a dialog has it
    created = processing.runAndLoadResults("siamcrnn:createlabels", {
        "T1": t1.id(), "OUTPUT": fresh.parameterDefinition("OUTPUT").defaultValue()})
    new_labels = layers_named("Training labels")
    REPORT["createlabels"] = {"output": created["OUTPUT"], "layers": [layer.name() for layer in new_labels],
                              "editable": bool(new_labels and new_labels[0].isEditable())}
    for layer in new_labels:
        layer.rollBack()
        project.removeMapLayer(layer.id())

    # --- Train, through its dialog
    dialog = open_dialog("siamcrnn:train", {"T1": t1.id(), "T2": t2.id(), "LABELS": labels.id(),
                                            "EPOCHS": 2, "SAMPLES_PER_EPOCH": 1024, "DEVICE": "cpu"})
    wrappers = dialog.mainWidget().wrappers
    REPORT["train_defaults"] = {"OUTPUT_MODEL": value_text(wrappers["OUTPUT_MODEL"].parameterValue())}
    REPORT["train_architectures"] = [wrappers["ARCHITECTURE"].wrappedWidget().itemText(i)
                                     for i in range(wrappers["ARCHITECTURE"].wrappedWidget().count())]
    yield 1000
    for area in dialog.findChildren(QScrollArea):  # down to the outputs: the model file offered
        area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    yield 500
    REPORT["train_dialog_saved"] = dialog.grab().save(PARAMS["train_dialog"], "PNG")
    trained = yield from run_dialog(dialog, 150)
    REPORT["train"] = {"ok": trained["ok"], "model": trained["results"].get("OUTPUT_MODEL"),
                       "log": trained["log"][-6000:]}
    dialog.close()

    # --- Detect, through its dialog: what it offers, then the polygons typed in as an analyst does
    iface.setActiveLayer(t2)
    dialog = open_dialog("siamcrnn:detect")
    wrappers = dialog.mainWidget().wrappers
    polygons_box = wrappers["OUTPUT_POLYGONS"].wrappedWidget()
    offered = {key: value_text(wrappers[key].parameterValue()) for key in ("T1", "T2", "MODEL")}
    REPORT["detect_defaults"] = {key: project.mapLayer(value).name() if project.mapLayer(value) else value
                                 for key, value in offered.items()}  # layers by name
    line = polygons_box.findChild(QLineEdit)
    line.clear()
    QTest.keyClicks(line, PARAMS["polygons"])
    open_box = next(box for box in polygons_box.findChildren(QCheckBox) if "Open output" in box.text())
    REPORT["polygons_open_after_running"] = {"enabled": open_box.isEnabled(), "checked": open_box.isChecked(),
                                             "value": value_text(wrappers["OUTPUT_POLYGONS"].parameterValue())}
    dialog.setParameters({"OUTPUT_PROBABILITY": PARAMS["probability"], "OUTPUT_CHANGE": PARAMS["change"],
                          "DEVICE": "cpu"})
    yield 1500
    REPORT["detect_dialog_saved"] = dialog.grab().save(PARAMS["detect_dialog"], "PNG")
    detected = yield from run_dialog(dialog, 150)
    REPORT["detect"] = {"ok": detected["ok"], "log": detected["log"][-6000:],
                        "results": {k: v for k, v in detected["results"].items() if isinstance(v, (str, float, int))}}
    dialog.close()

    styled = {}
    root = project.layerTreeRoot()
    for layer in project.mapLayers().values():
        entry = {"name": layer.name(), "source": layer.source().split("|")[0]}
        if isinstance(layer, QgsRasterLayer):
            entry["renderer"] = layer.renderer().type()
            if entry["renderer"] == "paletted":
                entry["classes"] = {str(int(c.value)): c.color.name() for c in layer.renderer().classes()}
        elif isinstance(layer, QgsVectorLayer):
            entry["renderer"] = layer.renderer().type()
            entry["features"] = layer.featureCount()
            symbol_layer = layer.renderer().symbol().symbolLayer(0) if entry["renderer"] == "singleSymbol" else None
            entry["outline"] = symbol_layer.strokeColor().name() if symbol_layer is not None else None
        styled[layer.id()] = entry
    REPORT["layers"] = list(styled.values())

    # --- Evaluate against the very labels the model learnt from: a warning, and the reference named
    feedback = Recorder()
    evaluation = processing.run("siamcrnn:evaluate", {"CHANGE": PARAMS["change"], "REFERENCE": labels.id(),
                                                      "OUTPUT_REPORT": PARAMS["evaluation"]}, feedback=feedback)
    REPORT["evaluate"] = {"warnings": feedback.warnings, "kappa": evaluation["KAPPA"]}

    # --- the PyTorch installer with another python3 first on PATH (set by the test)
    from siamcrnn_qgis import dependencies
    from siamcrnn_qgis.gui.installer import plan_installation

    plan = plan_installation("cpu", folder=PARAMS["dependencies"])
    REPORT["installer"] = {"python3_on_path": shutil.which("python3"), "sys_executable": sys.executable,
                           "plan_python": plan.command[0], "qgis_python": list(sys.version_info[:3]),
                           "plan_python_reports": dependencies.interpreter_identity(plan.command[0])}

    # --- the main window: T2 with the change polygons, the legend, the SiamCRNN algorithms in the toolbox
    for layer in project.mapLayers().values():
        node = root.findLayer(layer.id())
        visible = layer.id() == t2.id() or layer.name().startswith("Change polygons")
        node.setItemVisibilityChecked(visible)
        node.setExpanded(layer.name().startswith("Change"))
    toolbox = plugins["processing"].toolbox
    toolbox.show()
    toolbox.raise_()
    toolbox.searchBox.setText("SiamCRNN")
    toolbox.algorithmTree.expandAll()
    REPORT["toolbox"] = visible_tree_texts(toolbox.algorithmTree)
    browser = window.findChild(QDockWidget, "Browser")
    if browser is not None:  # more room for the legend
        browser.hide()
    polygons = layers_named("Change polygons")
    if polygons:
        iface.setActiveLayer(polygons[0])
    canvas = iface.mapCanvas()
    canvas.setExtent(t1.extent())
    canvas.refresh()
    yield int(PARAMS.get("render_ms", 4000))  # the canvas draws in background threads
    pixmap = window.grab()
    REPORT["screenshot_saved"] = pixmap.save(PARAMS["screenshot"], "PNG")
    REPORT["screenshot_size"] = [pixmap.width(), pixmap.height()]


class Recorder(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings = []

    def pushWarning(self, warning):  # noqa: N802 (QGIS API)
        self.warnings.append(warning)
        super().pushWarning(warning)


start(flow)
