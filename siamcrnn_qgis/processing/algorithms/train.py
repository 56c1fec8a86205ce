"""siamcrnn:train — train SiamCRNN on a T1/T2 pair from label polygons or a label raster."""

from __future__ import annotations

import os
import time

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...core.architectures import architecture_names, get_architecture
from ...core.options import SIAMESE_CHOICES, TrainingConfig
from ...io.writer import all_or_nothing, atomic_file, check_output_path
from ...reports import training_report_html
from ..base import cancel_flag, raise_if_cancelled
from ..pair import PairAlgorithm, architecture_defaults
from ..session import default_output_file, remember_model

# the built-in architectures' titles, for pylupdate (shown through TrainAlgorithm.architecture_title)
ARCHITECTURE_TITLES = (QT_TRANSLATE_NOOP("TrainAlgorithm", "Patch SiamCRNN (paper)"),
                       QT_TRANSLATE_NOOP("TrainAlgorithm", "Fully convolutional SiamCRNN"))


class TrainAlgorithm(PairAlgorithm):
    ALGORITHM_ID = "train"
    ICON = "train.svg"

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
        left_empty = self.tr("Left empty, the architecture's default is used ({defaults}); the log and the "
                             "report say which value was used.")
        return (
            self.tr(
                "Trains a SiamCRNN network (convolutional branches for each date, stacked LSTMs over the two "
                "dates, fully connected layers) to tell changed from unchanged pixels, using polygons you drew "
                "(Create training label layer) or a label raster. A part of the labelled regions is held out "
                "for validation; training stops early when the validation kappa stops improving, and the best "
                "weights are saved in one .safetensors model file with the normalisation statistics."
            )
            + " " + self.tr(
                "With the patch architecture, when the labels form so few separate regions that a class would "
                "be validated on fewer than 5, nothing is held out: every label trains for all epochs, the model "
                "keeps the mean of the weights of the second half of the epochs and the threshold 0.5, and the "
                "kappa reported is measured on the training labels."
            )
            + self.parameters_help({
                **self.pair_help(),
                self.LABELS: self.tr("the polygons you drew, with 0 (unchanged) or 1 (changed) in the label "
                                     "field; they are rasterised onto T1's grid. Give these or a label raster."),
                self.LABEL_FIELD: self.tr("the integer field of the label polygons holding 0 or 1 (default "
                                          "change)."),
                self.LABEL_RASTER: self.tr("instead of polygons: a raster with 0 = unchanged, 1 = changed, any "
                                           "other value or nodata = unlabelled."),
                self.ARCHITECTURE: self.tr(
                    "Patch SiamCRNN (paper), on the command line patch: the paper's network, each pixel "
                    "classified from its 5×5 neighbourhood. Fully convolutional SiamCRNN, on the command line "
                    "fcn: ResNet encoders, a ConvLSTM per level and an FPN decoder; it detects 10–14× faster "
                    "than patch (measured on a 2-core CPU) and learns from wide context, best on a GPU. "
                    "Architectures added by other plugins are listed too."),
                self.SIAMESE: self.tr("auto shares one branch between the dates when both have the same "
                                      "number of bands (siamese); separate gives each date its own branch "
                                      "(pseudo-siamese), for different sensors such as SAR and optical."),
                self.EPOCHS: self.tr("training stops after at most this many passes.") + " " + left_empty.format(
                    defaults=architecture_defaults("epochs")),
                self.BATCH_SIZE: self.tr("pixels (patch) or 256×256 crops (fcn) per training step.") + " "
                + left_empty.format(defaults=architecture_defaults("batch_size")),
                self.LEARNING_RATE: self.tr("the optimiser's step size; the paper uses 2e-4 with batches of "
                                            "1024.") + " " + left_empty.format(
                    defaults=architecture_defaults("learning_rate")),
                self.VALIDATION_FRACTION: self.tr("the share of labelled regions held out to measure the model "
                                                  "and stop training."),
                self.OUTPUT_MODEL: self.tr(
                    "the model file (.safetensors) for Detect. In the QGIS desktop it is offered as "
                    "model.safetensors next to the saved project, or in the folder where SiamCRNN last saved a "
                    "model or labels (model_2.safetensors and so on when the name is taken). A temporary file "
                    "is deleted when QGIS closes, and the log then says so."),
                self.OUTPUT_REPORT: self.tr("HTML report: loss curves, validation accuracy, label counts, the "
                                            "options used, device and duration."),
                self.SAMPLES_PER_EPOCH: self.tr("class-balanced draws per epoch, so training time does not "
                                                "grow with the number of labels.") + " " + left_empty.format(
                    defaults=architecture_defaults("samples_per_epoch")),
                self.PATIENCE: self.tr("epochs without a better validation kappa before training stops.") + " "
                + left_empty.format(defaults=architecture_defaults("patience")),
                self.CHANGED_WEIGHT: self.tr("how much more an error on a changed pixel counts in the loss.")
                + " " + left_empty.format(defaults=architecture_defaults(
                    "changed_weight", unset=self.tr("unchanged/changed ratio"))),
                self.SEED: self.tr("the same seed and inputs give the same model."),
            })
            + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_pair_parameters()
        self.add_label_parameters()
        self.architectures = architecture_names()
        self.addParameter(QgsProcessingParameterEnum(
            self.ARCHITECTURE, self.tr("Architecture"), [self.architecture_title(name) for name in self.architectures],
            defaultValue=0))
        siamese = QgsProcessingParameterEnum(self.SIAMESE, self.tr("Branches"), list(SIAMESE_CHOICES),
                                             defaultValue="auto")
        siamese.setUsesStaticStrings(True)
        self.addParameter(siamese)
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        defaults = TrainingConfig()
        # None default + optional: left empty, the architecture's own default is used
        for key, label, kind, low, high, advanced in (
            (self.EPOCHS, self.tr("Maximum epochs"), integer, 1, 10000, False),
            (self.BATCH_SIZE, self.tr("Batch size"), integer, 1, 1 << 20, False),
            (self.LEARNING_RATE, self.tr("Learning rate"), double, 1e-7, 1.0, False),
            (self.SAMPLES_PER_EPOCH, self.tr("Samples per epoch"), integer, 2, 1 << 24, True),
            (self.PATIENCE, self.tr("Patience (epochs)"), integer, 1, 10000, True),
            (self.CHANGED_WEIGHT, self.tr("Changed class weight"), double, 0.01, 100.0, True),
        ):
            parameter = QgsProcessingParameterNumber(key, label, kind, None, True, low, high)
            if advanced:
                self.add_advanced_parameter(parameter)
            else:
                self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterNumber(
            self.VALIDATION_FRACTION, self.tr("Validation fraction"), double,
            defaults.validation_fraction, False, 0.05, 0.5))
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.SEED, self.tr("Random seed"), integer, defaults.seed, False, 0, 2**31 - 1))
        self.add_device_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MODEL, self.tr("Model file"), self.tr("SiamCRNN model (*.safetensors)"),
            default_output_file("model", "safetensors")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Training report"), self.tr("HTML files (*.html)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.VAL_KAPPA, self.tr("Validation kappa")))
        self.addOutput(QgsProcessingOutputNumber(self.VAL_F1, self.tr("Validation F1")))

    def architecture_title(self, name: str) -> str:
        """The readable name shown in the form; the command line takes the name itself (patch, fcn)."""
        return self.tr(get_architecture(name).title)

    def architecture_name(self, parameters: dict, context: QgsProcessingContext) -> str:
        """ARCHITECTURE as a registered name: given as a name (patch, fcn: the command line, scripts) or as
        the index of the form's choice."""
        value = parameters.get(self.ARCHITECTURE)
        if isinstance(value, str) and value.strip() in self.architectures:
            return value.strip()
        return self.architectures[self.parameterAsEnum(parameters, self.ARCHITECTURE, context)]

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> tuple[bool, str]:  # noqa: N802
        value = parameters.get(self.ARCHITECTURE)
        if isinstance(value, str) and value.strip() in self.architectures:  # a name: as the form's index
            parameters = {**parameters, self.ARCHITECTURE: self.architectures.index(value.strip())}
        elif value is not None and not self.parameterDefinition(self.ARCHITECTURE).checkValueIsAcceptable(value):
            return False, self.tr("Architecture (ARCHITECTURE) must be one of {names}, not {value}.").format(
                names=", ".join(self.architectures), value=value)
        return super().checkParameterValues(parameters, context)

    def prepare(self, parameters, context, feedback) -> None:
        self.pair = self.resolve_pair(parameters, context)
        self.resolve_labels(parameters, context, feedback)
        if self.label_vector is None and self.label_raster is None:
            raise QgsProcessingException(self.tr(
                "Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), exactly one of the two."))
        self.labels_record = self.labels_provenance(parameters, context)

    def labels_provenance(self, parameters, context) -> dict:
        """Which labels the model learns from, for its file: Evaluate warns when they are the reference."""
        if self.label_raster is not None:
            return {"source": self.label_raster}
        layer = self.parameterAsVectorLayer(parameters, self.LABELS, context)
        path, layer_name = self.label_vector
        source = layer.source() if layer is not None and layer.providerType() == "ogr" else (
            f"{path}|layername={layer_name}" if layer_name else path)
        return {"source": source, "field": self.parameterAsString(parameters, self.LABEL_FIELD, context) or "change"}

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
            architecture=self.architecture_name(parameters, context),
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
            t1=os.path.basename(self.pair.t1.split("|")[0]), t2=os.path.basename(self.pair.t2.split("|")[0]),
            labels=self.labels_record)
        raise_if_cancelled(feedback)
        with all_or_nothing() as published:  # the report failing or a late cancel restores the older files
            with atomic_file(model_path) as temporary:  # so that an older model is kept until the end
                save_model(temporary, result.model, result.metadata)
            published.append(model_path)
            metrics = result.val_metrics.as_dict()
            span = result.metadata.provenance.get("averaged_epochs")
            if span:
                feedback.pushInfo(self.tr(
                    "Weights averaged over epochs {first}–{last}: on the training labels kappa "
                    "{kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}.").format(
                    first=span[0], last=span[1], kappa=metrics["kappa"], f1=metrics["f1"], oa=metrics["oa"]))
            else:
                feedback.pushInfo(self.tr(
                    "Best epoch {epoch}: validation kappa {kappa:.3f}, F1 {f1:.3f}, overall accuracy {oa:.3f}."
                ).format(epoch=result.best_epoch, kappa=metrics["kappa"], f1=metrics["f1"], oa=metrics["oa"]))
            outputs = {self.OUTPUT_MODEL: model_path, self.VAL_KAPPA: metrics["kappa"], self.VAL_F1: metrics["f1"]}
            if report_path:
                with atomic_file(report_path) as temporary:
                    with open(temporary, "w", encoding="utf-8") as handle:
                        handle.write(training_report_html(result, model_path, time.perf_counter() - started))
                published.append(report_path)
                outputs[self.OUTPUT_REPORT] = report_path
            raise_if_cancelled(feedback)
        feedback.pushInfo(self.tr("Saved the model to {path}.").format(path=model_path))
        remember_model(model_path)
        self.warn_if_temporary(model_path, feedback, self.OUTPUT_MODEL)
        feedback.setProgress(100)
        return outputs
