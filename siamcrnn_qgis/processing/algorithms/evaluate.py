"""siamcrnn:evaluate — accuracy of a change map against reference polygons or a reference raster."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...core.errors import Cancelled
from ...core.metrics import ChangeMetrics, confusion_matrix
from ...io.labels import rasterize_labels, read_label_raster
from ...io.raster import GdalRasterSource
from ...io.writer import atomic_file, check_output_path
from ...reports import evaluation_report_html
from ..base import SiamCRNNAlgorithm

WINDOW_ROWS = 512
METRIC_OUTPUTS = (
    ("OA", "oa", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "Overall accuracy")),
    ("KAPPA", "kappa", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "Cohen's kappa")),
    ("F1", "f1", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "F1 score")),
    ("PRECISION", "precision", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "Precision")),
    ("RECALL", "recall", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "Recall")),
    ("IOU", "iou", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "Intersection over union (changed class)")),
    ("FALSE_ALARM_RATE", "false_alarm_rate", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "False alarm rate")),
    ("MISSED_ALARM_RATE", "missed_alarm_rate", QT_TRANSLATE_NOOP("EvaluateAlgorithm", "Missed alarm rate")),
)


class EvaluateAlgorithm(SiamCRNNAlgorithm):
    ALGORITHM_ID = "evaluate"
    ICON = "evaluate.svg"
    NEEDS_TORCH = False

    CHANGE = "CHANGE"
    REFERENCE = "REFERENCE"
    REFERENCE_FIELD = "REFERENCE_FIELD"
    REFERENCE_RASTER = "REFERENCE_RASTER"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Evaluate change map")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Compares a change map (0 unchanged, 1 changed) with a reference and reports the confusion "
                "matrix, overall accuracy, Cohen's kappa, F1, precision, recall, IoU of the changed class, "
                "false-alarm rate (FP / (FP + TN)) and missed-alarm rate (FN / (FN + TP)). Only pixels labelled "
                "in the reference and valid in the change map count, so sparse references work."
            )
            + "<h3>" + self.tr("Parameters") + "</h3><ul><li><b>CHANGE</b>: "
            + self.tr("the change map made by Detect (its grid is used).")
            + "</li><li><b>REFERENCE</b>, <b>REFERENCE_FIELD</b>: "
            + self.tr("reference polygons with 0/1 in the field (default change), rasterised onto the change "
                      "map's grid; or REFERENCE_RASTER.")
            + "</li><li><b>REFERENCE_RASTER</b>: "
            + self.tr("0 = unchanged, 1 = changed (a 0/255 mask is read as 255 = changed); nodata ignored.")
            + "</li><li><b>OUTPUT_REPORT</b>: " + self.tr("HTML report with the confusion matrix.")
            + "</li></ul>" + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.CHANGE, self.tr("Change map")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REFERENCE, self.tr("Reference polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.REFERENCE_FIELD, self.tr("Reference field (0 unchanged, 1 changed)"), "change", self.REFERENCE,
            QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REFERENCE_RASTER, self.tr("Reference raster (instead of polygons)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Evaluation report"), self.tr("HTML files (*.html)"), optional=True))
        for key, _, label in METRIC_OUTPUTS:
            self.addOutput(QgsProcessingOutputNumber(key, self.tr(label)))

    def prepare(self, parameters, context, feedback) -> None:
        self.change_source = self.raster_source(parameters, self.CHANGE, context)
        self.reference_vector = self.vector_source(parameters, self.REFERENCE, context, feedback)
        self.reference_raster = self.raster_source(parameters, self.REFERENCE_RASTER, context, required=False)
        if (self.reference_vector is None) == (self.reference_raster is None):
            raise QgsProcessingException(self.tr(
                "Give the reference either as polygons (REFERENCE) or as a raster (REFERENCE_RASTER), exactly "
                "one of the two."))

    def process(self, parameters, context, feedback, workdir) -> dict:
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            check_output_path(report_path)
        with GdalRasterSource(self.change_source) as change:
            if change.band_count != 1 or not change.dtype.lower().startswith(("byte", "uint", "int")):
                raise QgsProcessingException(self.tr(
                    "CHANGE must be a one-band integer change map (0 unchanged, 1 changed) such as Detect's "
                    "OUTPUT_CHANGE; {path} has {bands} band(s) of type {dtype}.").format(
                    path=self.change_source, bands=change.band_count, dtype=change.dtype))
            reference = self.read_reference(parameters, context, feedback, change.grid, workdir)
            matrix = np.zeros((2, 2), dtype=np.int64)
            for row in range(0, change.height, WINDOW_ROWS):
                if feedback.isCanceled():
                    raise Cancelled()
                rows = min(WINDOW_ROWS, change.height - row)
                values, valid = change.read(0, row, change.width, rows)
                predicted = np.where(valid, values[0], 255).astype(np.uint8)
                matrix += confusion_matrix(predicted, reference[row:row + rows])
                feedback.setProgress(90 * (row + rows) / change.height)
        metrics = ChangeMetrics.from_confusion(matrix)
        if matrix.sum() == 0:
            raise QgsProcessingException(self.tr(
                "No pixel is both labelled in the reference and valid in the change map: check that they "
                "cover the same area."))
        values = metrics.as_dict()
        feedback.pushInfo(self.tr(
            "Confusion matrix (rows reference, columns prediction): TN {tn}, FP {fp}, FN {fn}, TP {tp}.").format(
            tn=metrics.tn, fp=metrics.fp, fn=metrics.fn, tp=metrics.tp))
        outputs = {}
        for key, attribute, label in METRIC_OUTPUTS:
            outputs[key] = values[attribute]
            feedback.pushInfo(f"{self.tr(label)} ({key}): {values[attribute]:.4f}")
        if report_path:
            with atomic_file(report_path) as temporary:
                with open(temporary, "w", encoding="utf-8") as handle:
                    handle.write(evaluation_report_html(metrics, change_path=self.change_source))
            outputs[self.OUTPUT_REPORT] = report_path
        feedback.setProgress(100)
        return outputs

    def read_reference(self, parameters, context, feedback, grid, workdir) -> np.ndarray:
        if self.reference_vector is not None:
            path, layer_name = self.reference_vector
            field = self.parameterAsString(parameters, self.REFERENCE_FIELD, context) or "change"
            reference, report = rasterize_labels(path, grid, field=field, layer_name=layer_name or None)
        else:
            reference, report = read_label_raster(self.reference_raster, grid, workdir)
        for message in report.messages:
            feedback.pushInfo(message)
        feedback.pushInfo(self.tr("Reference pixels: {unchanged} unchanged, {changed} changed.").format(
            unchanged=report.unchanged_pixels, changed=report.changed_pixels))
        return reference
