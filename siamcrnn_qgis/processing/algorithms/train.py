"""siamcrnn:train — train SiamCRNN on a T1/T2 pair from label polygons or a label raster."""

from __future__ import annotations

import os
import time

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ...core.config import TrainingConfig
from ...io.labels import rasterize_labels, read_label_raster
from ...io.writer import all_or_nothing, atomic_file, check_output_path
from ...reports import training_report_html
from ..base import cancel_flag, raise_if_cancelled
from ..pair import PairAlgorithm

ARCHITECTURES = ("patch", "fcn")
SIAMESE_CHOICES = ("auto", "shared", "separate")


class TrainAlgorithm(PairAlgorithm):
    ALGORITHM_ID = "train"
    ICON = "train.svg"

    LABELS = "LABELS"
    LABEL_FIELD = "LABEL_FIELD"
    LABEL_RASTER = "LABEL_RASTER"
    ARCHITECTURE = "ARCHITECTURE"
    SIAMESE = "SIAMESE"
    EPOCHS = "EPOCHS"
    BATCH_SIZE = "BATCH_SIZE"
    LEARNING_RATE = "LEARNING_RATE"
    VALIDATION_FRACTION = "VALIDATION_FRACTION"
    SEED = "SEED"
    SAMPLES_PER_EPOCH = "SAMPLES_PER_EPOCH"
    PATIENCE = "PATIENCE"
    CHANGED_WEIGHT = "CHANGED_WEIGHT"
    OUTPUT_MODEL = "OUTPUT_MODEL"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    VAL_KAPPA = "VAL_KAPPA"
    VAL_F1 = "VAL_F1"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Train change detection model")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Trains a SiamCRNN network (siamese convolutional branches, stacked LSTMs over the two dates, "
                "fully connected layers) to tell changed from unchanged pixels, using polygons you drew "
                "(Create training label layer) or a label raster. A part of the labelled regions is held out "
                "for validation; training stops early when the validation loss stops improving, and the best "
                "weights are saved in one .safetensors model file with the normalisation statistics."
            )
            + "<h3>" + self.tr("Parameters") + "</h3><ul>" + self.pair_help()
            + "<li><b>LABELS</b>: " + self.tr("polygon layer whose LABEL_FIELD is 0 (unchanged) or 1 (changed); "
                                             "rasterised onto T1's grid. Or give LABEL_RASTER instead.")
            + "</li><li><b>LABEL_RASTER</b>: " + self.tr("raster with 0 = unchanged, 1 = changed, anything else "
                                                         "or nodata = unlabelled.")
            + "</li><li><b>ARCHITECTURE</b>: " + self.tr("patch: the paper's network, each pixel classified "
                                                        "from its 5×5 neighbourhood; fcn: fully convolutional "
                                                        "(ResNet encoders, ConvLSTM per level, FPN decoder), "
                                                        "detects 10–14× faster than patch (measured on a 2-core "
                                                        "CPU) and learns from wide context, best on a GPU; "
                                                        "BATCH_SIZE then counts 256×256 crops and "
                                                        "values left at their defaults take the fcn's own.")
            + "</li><li><b>SIAMESE</b>: " + self.tr("auto shares one branch when both dates have the same number "
                                                   "of bands; separate (pseudo-siamese) for different sensors, "
                                                   "e.g. SAR vs optical.")
            + "</li><li><b>EPOCHS</b>, <b>BATCH_SIZE</b>, <b>LEARNING_RATE</b>: "
            + self.tr("training schedule (Adam; the paper uses batch 1024 and 2e-4).")
            + "</li><li><b>VALIDATION_FRACTION</b>: " + self.tr("share of labelled regions held out.")
            + "</li><li><b>SEED</b>: " + self.tr("the same seed and inputs give the same model.")
            + "</li><li><b>SAMPLES_PER_EPOCH</b>, <b>PATIENCE</b>, <b>CHANGED_WEIGHT</b>: "
            + self.tr("advanced: class-balanced draws per epoch (training time does not grow with the label "
                      "count), epochs without a better validation loss before stopping, and the weight of the "
                      "changed class in the cross-entropy.")
            + "</li><li><b>OUTPUT_MODEL</b>: " + self.tr("the model file (.safetensors) for Detect.")
            + "</li><li><b>OUTPUT_REPORT</b>: " + self.tr("HTML report: loss curves, validation metrics, label "
                                                          "counts, device, duration.")
            + "</li></ul>" + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_pair_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LABELS, self.tr("Label polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LABEL_FIELD, self.tr("Label field (0 unchanged, 1 changed)"), "change", self.LABELS,
            QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LABEL_RASTER, self.tr("Label raster (instead of polygons)"), optional=True))
        for key, label, options, default in (
            (self.ARCHITECTURE, self.tr("Architecture"), ARCHITECTURES, "patch"),
            (self.SIAMESE, self.tr("Branches"), SIAMESE_CHOICES, "auto"),
        ):
            parameter = QgsProcessingParameterEnum(key, label, list(options), defaultValue=default)
            parameter.setUsesStaticStrings(True)
            self.addParameter(parameter)
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        defaults = TrainingConfig()
        for key, label, kind, default, low, high in (
            (self.EPOCHS, self.tr("Maximum epochs"), integer, defaults.epochs, 1, 10000),
            (self.BATCH_SIZE, self.tr("Batch size"), integer, defaults.batch_size, 1, 1 << 20),
            (self.LEARNING_RATE, self.tr("Learning rate"), double, defaults.learning_rate, 1e-7, 1.0),
            (self.VALIDATION_FRACTION, self.tr("Validation fraction of labelled regions"), double,
             defaults.validation_fraction, 0.05, 0.5),
        ):
            self.addParameter(QgsProcessingParameterNumber(key, label, kind, default, False, low, high))
        for key, label, kind, default, low, high in (
            (self.SEED, self.tr("Random seed"), integer, defaults.seed, 0, 2**31 - 1),
            (self.SAMPLES_PER_EPOCH, self.tr("Class-balanced samples per epoch"), integer,
             defaults.samples_per_epoch, 2, 1 << 24),
            (self.PATIENCE, self.tr("Early stopping patience (epochs)"), integer, defaults.patience, 1, 10000),
            (self.CHANGED_WEIGHT, self.tr("Loss weight of the changed class"), double, defaults.changed_weight,
             0.01, 100.0),
        ):
            self.add_advanced_parameter(QgsProcessingParameterNumber(key, label, kind, default, False, low, high))
        self.add_device_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MODEL, self.tr("Model file"), self.tr("SiamCRNN model (*.safetensors)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Training report"), self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.VAL_KAPPA, self.tr("Validation kappa")))
        self.addOutput(QgsProcessingOutputNumber(self.VAL_F1, self.tr("Validation F1")))

    def prepare(self, parameters, context, feedback) -> None:
        self.pair = self.resolve_pair(parameters, context)
        self.label_vector = self.vector_source(parameters, self.LABELS, context, feedback)
        self.label_raster = self.raster_source(parameters, self.LABEL_RASTER, context, required=False)
        if (self.label_vector is None) == (self.label_raster is None):
            raise QgsProcessingException(self.tr(
                "Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), exactly one of the two."))

    def process(self, parameters, context, feedback, workdir) -> dict:
        from ...core.device import training_device
        from ...core.modelfile import save_model
        from ...core.training import train

        model_path = self.parameterAsFileOutput(parameters, self.OUTPUT_MODEL, context)
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if not model_path.lower().endswith(".safetensors"):
            model_path += ".safetensors"
        for path in filter(None, (model_path, report_path)):
            check_output_path(path)
        config = TrainingConfig(
            architecture=self.parameterAsEnumString(parameters, self.ARCHITECTURE, context),
            siamese=self.parameterAsEnumString(parameters, self.SIAMESE, context),
            epochs=self.parameterAsInt(parameters, self.EPOCHS, context),
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            learning_rate=self.parameterAsDouble(parameters, self.LEARNING_RATE, context),
            validation_fraction=self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            samples_per_epoch=self.parameterAsInt(parameters, self.SAMPLES_PER_EPOCH, context),
            patience=self.parameterAsInt(parameters, self.PATIENCE, context),
            changed_weight=self.parameterAsDouble(parameters, self.CHANGED_WEIGHT, context),
            device=self.device_name(parameters, context),
            precision=self.precision_name(parameters, context),
        )
        device = training_device(config.device, config.architecture, config.precision)
        feedback.pushInfo(device.description)
        started = time.perf_counter()

        pair = self.open_pair(self.pair, workdir, feedback)
        try:
            labels = self.read_labels(parameters, context, feedback, pair.grid, workdir)
            feedback.setProgress(2)

            def on_progress(event) -> None:
                feedback.setProgress(2 + 96 * event.fraction)
                if event.val_loss is not None and event.batch == event.batches:
                    kappa = (event.val_metrics or {}).get("kappa", float("nan"))
                    feedback.pushInfo(self.tr(
                        "Epoch {epoch}/{epochs}: training loss {train:.4f}, validation loss {val:.4f}, "
                        "validation kappa {kappa:.3f}").format(
                        epoch=event.epoch, epochs=event.epochs, train=event.train_loss, val=event.val_loss,
                        kappa=kappa))

            result = train(pair.t1, pair.t2, labels, config, progress=on_progress, is_cancelled=cancel_flag(feedback))
        finally:
            pair.close()
        result.metadata.provenance.update(
            t1=os.path.basename(self.pair.t1.split("|")[0]), t2=os.path.basename(self.pair.t2.split("|")[0]))
        raise_if_cancelled(feedback)
        with all_or_nothing() as published:  # the report failing or a late cancel restores the older files
            with atomic_file(model_path) as temporary:  # so that an older model is kept until the end
                save_model(temporary, result.model, result.metadata)
            published.append(model_path)
            metrics = result.val_metrics.as_dict()
            feedback.pushInfo(self.tr(
                "Best epoch {epoch}: validation kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.").format(
                epoch=result.best_epoch, kappa=metrics["kappa"], f1=metrics["f1"], oa=metrics["oa"]))
            outputs = {self.OUTPUT_MODEL: model_path, self.VAL_KAPPA: metrics["kappa"], self.VAL_F1: metrics["f1"]}
            if report_path:
                with atomic_file(report_path) as temporary:
                    with open(temporary, "w", encoding="utf-8") as handle:
                        handle.write(training_report_html(result, model_path, time.perf_counter() - started))
                published.append(report_path)
                outputs[self.OUTPUT_REPORT] = report_path
            raise_if_cancelled(feedback)
        feedback.pushInfo(self.tr("Saved the model to {path}.").format(path=model_path))
        feedback.setProgress(100)
        return outputs

    def read_labels(self, parameters, context, feedback, grid, workdir):
        if self.label_vector is not None:
            path, layer_name = self.label_vector
            field = self.parameterAsString(parameters, self.LABEL_FIELD, context) or "change"
            labels, report = rasterize_labels(path, grid, field=field, layer_name=layer_name or None, workdir=workdir)
        else:
            labels, report = read_label_raster(self.label_raster, grid, workdir)
        for message in report.messages:
            feedback.pushInfo(message)
        feedback.pushInfo(self.tr("Labelled pixels: {unchanged} unchanged, {changed} changed.").format(
            unchanged=report.unchanged_pixels, changed=report.changed_pixels))
        return labels
