#!/usr/bin/env python3
"""Regenerate resources/models/train_and_detect.model3 with the PyQGIS model API (run with the
plugin importable; QGIS validates the model as it is built). The .model3 is committed; this script
documents how it was made and rebuilds it when the algorithms' parameters change.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_model3.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QPointF  # noqa: E402
from qgis.testing import start_app  # noqa: E402

OUTPUT = ROOT / "resources" / "models" / "train_and_detect.model3"


def source(parameter: str) -> list:
    return [QgsProcessingModelChildParameterSource.fromModelParameter(parameter)]


def child_output(child: str, output: str) -> list:
    return [QgsProcessingModelChildParameterSource.fromChildOutput(child, output)]


def add_input(model: QgsProcessingModelAlgorithm, definition, x: float) -> None:
    component = QgsProcessingModelParameter(definition.name())
    component.setPosition(QPointF(x, 60))
    model.addModelParameter(definition, component)


def add_child(model, algorithm_id: str, child_id: str, description: str, sources: dict, outputs: dict,
              y: float) -> None:
    child = QgsProcessingModelChildAlgorithm(algorithm_id)
    child.setChildId(child_id)
    child.setDescription(description)
    child.setPosition(QPointF(300, y))
    for name, value in sources.items():
        child.addParameterSources(name, value)
    model_outputs = {}
    for name, label in outputs.items():
        output = QgsProcessingModelOutput(label)
        output.setChildId(child_id)
        output.setChildOutputName(name)
        model_outputs[label] = output
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)


def build() -> QgsProcessingModelAlgorithm:
    model = QgsProcessingModelAlgorithm("Train, detect and evaluate", "SiamCRNN", "siamcrnn")
    model.setHelpContent({
        "ALG_DESC": "Trains SiamCRNN on label polygons drawn over a T1/T2 pair, detects change over the whole "
                    "pair, and evaluates the change map against separate reference polygons.",
    })
    add_input(model, QgsProcessingParameterRasterLayer("t1", "T1 image (earlier date)"), 60)
    add_input(model, QgsProcessingParameterRasterLayer("t2", "T2 image (later date)"), 260)
    polygon = [QgsProcessing.SourceType.TypeVectorPolygon]
    add_input(model, QgsProcessingParameterFeatureSource("labels", "Training label polygons", polygon), 460)
    add_input(model, QgsProcessingParameterFeatureSource("reference", "Reference polygons for evaluation",
                                                         polygon), 660)
    epochs = QgsProcessingParameterNumber("epochs", "Maximum training epochs",
                                          QgsProcessingParameterNumber.Type.Integer, 60, False, 1, 10000)
    add_input(model, epochs, 860)
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    add_child(model, "siamcrnn:train", "train", "Train", {
        "T1": source("t1"), "T2": source("t2"), "LABELS": source("labels"), "LABEL_FIELD": [static("change")],
        "EPOCHS": source("epochs"),
    }, {"OUTPUT_MODEL": "Model", "OUTPUT_REPORT": "Training report"}, 200)
    add_child(model, "siamcrnn:detect", "detect", "Detect", {
        "T1": source("t1"), "T2": source("t2"), "MODEL": child_output("train", "OUTPUT_MODEL"),
    }, {"OUTPUT_PROBABILITY": "Change probability", "OUTPUT_CHANGE": "Change map"}, 340)
    add_child(model, "siamcrnn:evaluate", "evaluate", "Evaluate", {
        "CHANGE": child_output("detect", "OUTPUT_CHANGE"), "REFERENCE": source("reference"),
        "REFERENCE_FIELD": [static("change")],
    }, {"OUTPUT_REPORT": "Evaluation report"}, 480)
    model.updateDestinationParameters()
    return model


def main() -> int:
    start_app()
    sys.path.append(str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from siamcrnn_qgis import classFactory

    if QgsApplication.processingRegistry().providerById("siamcrnn") is None:
        classFactory(None).initProcessing()
    model = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(OUTPUT)):
        print(f"could not write {OUTPUT}", file=sys.stderr)
        return 1
    print(OUTPUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
