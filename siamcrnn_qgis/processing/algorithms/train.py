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

from ...core.architectures import architecture_names
from ...core.options import SIAMESE_CHOICES, TrainingConfig
from ...io.labels import rasterize_labels, read_label_raster
from ...io.writer import all_or_nothing, atomic_file, check_output_path
from ...reports import training_report_html
from ..base import cancel_flag, raise_if_cancelled
from ..pair import PairAlgorithm, architecture_defaults


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
                "for validation; training stops early when the validation kappa stops improving, and the best "
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
                                                        "CPU) and learns from wide context, best on a GPU.")
            + "</li><li><b>SIAMESE</b>: " + self.tr("auto shares one branch when both dates have the same number "
                                                   "of bands; separate (pseudo-siamese) for different sensors, "
                                                   "e.g. SAR vs optical.")
            + "</li><li>" + self.tr("Options left empty take the chosen architecture's own default, and the log "
                                    "and the report say which values were used:")
            + "<ul><li><b>EPOCHS</b>: " + self.tr("at most this many epochs ({defaults}).").format(
                defaults=architecture_defaults("epochs"))
            + "</li><li><b>BATCH_SIZE</b>: " + self.tr("pixels (patch) or 256×256 crops (fcn) per step "
                                                       "({defaults}).").format(
                defaults=architecture_defaults("batch_size"))
            + "</li><li><b>LEARNING_RATE</b>: " + self.tr("step size of the optimiser ({defaults}; the paper "
                                                          "uses 2e-4 with batch 1024).").format(
                defaults=architecture_defaults("learning_rate"))
            + "</li><li><b>SAMPLES_PER_EPOCH</b>: " + self.tr("class-balanced draws per epoch, so training time "
                                                              "does not grow with the label count "
                                                              "({defaults}).").format(
                defaults=architecture_defaults("samples_per_epoch"))
            + "</li><li><b>PATIENCE</b>: " + self.tr("epochs without a better validation kappa before stopping "
                                                     "({defaults}).").format(
                defaults=architecture_defaults("patience"))
            + "</li><li><b>CHANGED_WEIGHT</b>: " + self.tr("loss weight of the changed class ({defaults}).").format(
                defaults=architecture_defaults("changed_weight", unset=self.tr("unchanged/changed ratio")))
            + "</li></ul>"
            + "</li><li><b>VALIDATION_FRACTION</b>: " + self.tr("share of labelled regions held out.")
            + "</li><li><b>SEED</b>: " + self.tr("the same seed and inputs give the same model.")
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
            (self.ARCHITECTURE, self.tr("Architecture"), architecture_names(), "patch"),
            (self.SIAMESE, self.tr("Branches"), SIAMESE_CHOICES, "auto"),
        ):
            parameter = QgsProcessingParameterEnum(key, label, list(options), defaultValue=default)
            parameter.setUsesStaticStrings(True)
            self.addParameter(parameter)
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        defaults = TrainingConfig()
        # None default + optional: left empty, the architecture's own default is used
        for key, label, kind, low, high, advanced in (
            (self.EPOCHS, self.tr("Maximum epochs"), integer, 1, 10000, False),
            (self.BATCH_SIZE, self.tr("Batch size"), integer, 1, 1 << 20, False),
            (self.LEARNING_RATE, self.tr("Learning rate"), double, 1e-7, 1.0, False),
            (self.SAMPLES_PER_EPOCH, self.tr("Class-balanced samples per epoch"), integer, 2, 1 << 24, True),
            (self.PATIENCE, self.tr("Early stopping patience (epochs)"), integer, 1, 10000, True),
            (self.CHANGED_WEIGHT, self.tr("Loss weight of the changed class"), double, 0.01, 100.0, True),
        ):
            parameter = QgsProcessingParameterNumber(key, label, kind, None, True, low, high)
            if advanced:
                self.add_advanced_parameter(parameter)
            else:
                self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterNumber(
            self.VALIDATION_FRACTION, self.tr("Validation fraction of labelled regions"), double,
            defaults.validation_fraction, False, 0.05, 0.5))
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), integer, defaults.seed, False, 0, 2**31 - 1))
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
            epochs=self.optional_number(parameters, self.EPOCHS, context),
            batch_size=self.optional_number(parameters, self.BATCH_SIZE, context),
            learning_rate=self.optional_number(parameters, self.LEARNING_RATE, context),
            validation_fraction=self.parameterAsDouble(parameters, self.VALIDATION_FRACTION, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            samples_per_epoch=self.optional_number(parameters, self.SAMPLES_PER_EPOCH, context),
            patience=self.optional_number(parameters, self.PATIENCE, context),
            changed_weight=self.optional_number(parameters, self.CHANGED_WEIGHT, context),
            device=self.device_name(parameters, context),
            precision=self.precision_name(parameters, context),
        )
        started = time.perf_counter()

        pair = self.open_pair(self.pair, workdir, feedback)
        try:
            labels = self.read_labels(parameters, context, feedback, pair.grid, workdir)
            feedback.setProgress(2)

            def on_progress(event) -> None:
                if event.note:  # notes and warnings of the engine, as they happen
                    (feedback.pushWarning if event.warning else feedback.pushInfo)(event.message)
                    return
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
            labels, report = rasterize_labels(path, grid, field=field, layer_name=layer_name or None)
        else:
            labels, report = read_label_raster(self.label_raster, grid, workdir)
        for message in report.messages:
            feedback.pushInfo(message)
        feedback.pushInfo(self.tr("Labelled pixels: {unchanged} unchanged, {changed} changed.").format(
            unchanged=report.unchanged_pixels, changed=report.changed_pixels))
        return labels
