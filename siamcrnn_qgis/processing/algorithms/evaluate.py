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
from ...io.changemaps import TRAINING_LABELS_KEY
from ...io.labels import rasterize_labels, read_label_raster
from ...io.raster import GdalRasterSource, read_metadata
from ...io.writer import atomic_file, check_output_path
from ...reports import evaluation_report_html
from ..base import SiamCRNNAlgorithm, same_source

WINDOW_ROWS = 512
GRID_OWNER = "the change map"  # whose grid the reference is rasterised onto, in the log
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
                "in the reference and valid in the change map count, so sparse references work. When the "
                "reference is the layer the model was trained on, the figures are optimistic, and the log and "
                "the report say so."
            )
            + self.parameters_help({
                self.CHANGE: self.tr("the change map made by Detect; the reference is compared on its grid."),
                self.REFERENCE: self.tr("reference polygons with 0 (unchanged) or 1 (changed) in the reference "
                                        "field, rasterised onto the change map's grid. Give these or a "
                                        "reference raster."),
                self.REFERENCE_FIELD: self.tr("the integer field of the reference polygons holding 0 or 1 "
                                              "(default change)."),
                self.REFERENCE_RASTER: self.tr("instead of polygons: 0 = unchanged, 1 = changed (a 0/255 mask "
                                               "is read as 255 = changed); nodata is ignored."),
                self.OUTPUT_REPORT: self.tr("HTML report with the confusion matrix and every measure."),
            })
            + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.CHANGE, self.tr("Change map")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.REFERENCE, self.tr("Reference polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.REFERENCE_FIELD, self.tr("Reference field"), "change", self.REFERENCE,
            QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.REFERENCE_RASTER, self.tr("Reference raster"), optional=True))
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
        if self.reference_raster is not None:
            self.reference_source, self.reference_field = self.reference_raster, ""
            self.reference_title = self.reference_raster
        else:
            layer = self.parameterAsVectorLayer(parameters, self.REFERENCE, context)
            path, layer_name = self.reference_vector
            self.reference_source = layer.source() if layer is not None and layer.providerType() == "ogr" else (
                f"{path}|layername={layer_name}" if layer_name else path)
            self.reference_field = self.parameterAsString(parameters, self.REFERENCE_FIELD, context) or "change"
            self.reference_title = self.tr("{layer} (field {field})").format(
                layer=layer.name() if layer is not None else path, field=self.reference_field)

    def training_reference_warning(self) -> str:
        """A warning when the reference is the labels the change map's model was trained on; '' otherwise."""
        metadata = read_metadata(self.change_source.split("|")[0])
        trained_on = metadata.get(TRAINING_LABELS_KEY, "")
        if not trained_on or not same_source(trained_on, self.reference_source):
            return ""
        return self.tr(
            "The reference {reference} holds the labels the model was trained on, so these figures are "
            "optimistic: they say how well the model fits its own labels, not how well it maps change elsewhere. "
            "Evaluate against labels the model has not seen, for example polygons drawn after training.").format(
            reference=self.reference_title)

    def process(self, parameters, context, feedback, workdir) -> dict:
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report_path:
            check_output_path(report_path)
        warning = self.training_reference_warning()
        if warning:
            feedback.pushWarning(warning)
        with GdalRasterSource(self.change_source) as change:
            if change.band_count != 1 or not change.dtype.lower().startswith(("byte", "uint", "int")):
                raise QgsProcessingException(self.tr(
                    "The change map (CHANGE) must be a one-band integer raster (0 unchanged, 1 changed) such as "
                    "Detect's Change map (OUTPUT_CHANGE); {path} has {bands} band(s) of type {dtype}.").format(
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
                    handle.write(evaluation_report_html(metrics, change_path=self.change_source,
                                                        reference=self.reference_title,
                                                        warnings=[warning] if warning else []))
            outputs[self.OUTPUT_REPORT] = report_path
        feedback.setProgress(100)
        return outputs

    def read_reference(self, parameters, context, feedback, grid, workdir) -> np.ndarray:
        if self.reference_vector is not None:
            path, layer_name = self.reference_vector
            field = self.parameterAsString(parameters, self.REFERENCE_FIELD, context) or "change"
            reference, report = rasterize_labels(path, grid, field=field, layer_name=layer_name or None,
                                                 grid_owner=GRID_OWNER)
        else:
            reference, report = read_label_raster(self.reference_raster, grid, workdir, grid_owner=GRID_OWNER)
        for message in report.messages:  # they include the pixel counts
            feedback.pushInfo(message)
        return reference
