"""siamcrnn:suggestlabels — boxes where labels would teach the model most, ranked, as a label layer to fill in."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterNumber,
    QgsProcessingParameterVectorDestination,
)

from ...core.regions import UNLABELLED
from ...io.labels import write_suggestion_layer
from ...io.writer import check_output_path
from ..base import cancel_flag, progress_callback, raise_if_cancelled
from ..pair import PairAlgorithm, architecture_defaults
from ..session import remember_model
from ..styling import style_output


class SuggestLabelsAlgorithm(PairAlgorithm):
    ALGORITHM_ID = "suggestlabels"
    ICON = "suggestlabels.svg"

    COUNT = "COUNT"
    BOX_SIZE = "BOX_SIZE"
    MIN_DISTANCE = "MIN_DISTANCE"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Suggest where to label next")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Runs a trained model over the T1/T2 pair, tile by tile as Detect changes does, and proposes "
                "square boxes where a label would teach it most: where its change probability is closest to "
                "its threshold, so it is least sure. Boxes lie wholly on valid pixels of both dates, never "
                "touch the labels drawn so far, keep a minimum distance from each other, and a quarter of "
                "them at least goes to each predicted class; boxes split between the two predicted classes "
                "rank lower, because one value labels a whole box. The result is a label layer: set its "
                "<b>change</b> field to 0 (unchanged) or 1 (changed) for the boxes you can tell, leave the "
                "others empty (NULL, ignored by Train), and train again with it, alone or appended to your "
                "labels. In QGIS it is added in edit mode, numbered by rank, red where the model guesses "
                "changed and green where it guesses unchanged."
            )
            + self.parameters_help({
                **self.pair_help(),
                self.MODEL: self.model_help(),
                self.LABELS: self.tr("optional: the label polygons drawn so far; no box touches them."),
                self.LABEL_FIELD: self.tr("the integer field of the label polygons holding 0 or 1 (default "
                                          "change); polygons where it is empty do not count as labels."),
                self.LABEL_RASTER: self.tr("optional, instead of polygons: the label raster used so far (0 = "
                                           "unchanged, 1 = changed, other values and nodata = unlabelled)."),
                self.COUNT: self.tr("how many boxes to suggest, at least 1. Fewer are written, with a warning, "
                                    "when no more fit."),
                self.BOX_SIZE: self.tr(
                    "the side of each box in pixels, at most the image's shorter side. Left empty, the model's "
                    "architecture chooses ({boxes}).").format(boxes=architecture_defaults("box_size", detection=True)),
                self.MIN_DISTANCE: self.tr("the smallest gap in pixels between two boxes. Left empty, one box "
                                           "side, so the suggestions spread over the scene."),
                self.OUTPUT: self.tr("a GeoPackage polygon layer in T1's CRS, one box per suggestion, with the "
                                     "fields rank (1 = most informative), score (0–1, higher is more "
                                     "informative), predicted (the model's guess, 0 or 1), probability (its "
                                     "mean change probability in the box) and change (empty, for you)."),
            })
            + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_pair_parameters()
        self.add_model_parameter()
        self.add_label_parameters()
        integer = QgsProcessingParameterNumber.Type.Integer
        # no minimum: a count below 1 gets the engine's sentence, which says what to give instead
        self.addParameter(QgsProcessingParameterNumber(self.COUNT, self.tr("Number of suggestions"), integer, 20))
        # None default + optional: left empty, the architecture's box size and a gap of one box
        self.addParameter(QgsProcessingParameterNumber(
            self.BOX_SIZE, self.tr("Box size (pixels)"), integer, None, True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_DISTANCE, self.tr("Minimum distance between boxes (pixels)"), integer, None, True))
        self.add_device_parameter()
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Label suggestions"), QgsProcessing.SourceType.TypeVectorPolygon))

    def prepare(self, parameters, context, feedback) -> None:
        self.pair = self.resolve_pair(parameters, context)
        self.resolve_labels(parameters, context, feedback)
        remember_model(self.parameterAsFile(parameters, self.MODEL, context))

    def process(self, parameters, context, feedback, workdir) -> dict:
        from ...core.architectures import get_architecture
        from ...core.modelfile import load_model
        from ...core.options import DetectionOptions
        from ...core.suggestions import check_settings, suggest_labels

        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".gpkg"):
            raise QgsProcessingException(self.tr(
                "Label suggestions (OUTPUT) must be a GeoPackage file ending in .gpkg, not {path}.").format(
                path=output))
        check_output_path(output)
        model, metadata = load_model(self.parameterAsFile(parameters, self.MODEL, context), device="cpu")
        count = self.parameterAsInt(parameters, self.COUNT, context)
        box_size = self.optional_number(parameters, self.BOX_SIZE, context)
        if box_size is None:
            box_size = get_architecture(metadata.architecture).detection_defaults.box_size
        min_distance = self.optional_number(parameters, self.MIN_DISTANCE, context)
        min_distance = box_size if min_distance is None else min_distance
        pair = self.open_pair(self.pair, workdir, feedback)
        try:
            check_settings(count, box_size, min_distance, pair.grid.width, pair.grid.height)
            labelled = None
            if self.label_vector is not None or self.label_raster is not None:
                labelled = self.read_labels(parameters, context, feedback, pair.grid, workdir) != UNLABELLED
            feedback.pushInfo(self.tr("Boxes of {size}×{size} pixels, at least {gap} pixels apart.").format(
                size=box_size, gap=min_distance))
            options = DetectionOptions(device=self.device_name(parameters, context),
                                       precision=self.precision_name(parameters, context))
            suggestions = suggest_labels(model, metadata, pair.t1, pair.t2, count, box_size, min_distance, labelled,
                                         options, progress=progress_callback(feedback, 0, 95),
                                         is_cancelled=cancel_flag(feedback), log=feedback.pushInfo)
        finally:
            pair.close()
        raise_if_cancelled(feedback)
        write_suggestion_layer(output, pair.grid, suggestions)
        changed = sum(item.predicted for item in suggestions)
        feedback.pushInfo(self.tr(
            "{count} suggestions ({changed} predicted changed, {unchanged} predicted unchanged), scores "
            "{best:.3f} to {worst:.3f}, in {path}.").format(
            count=len(suggestions), changed=changed, unchanged=len(suggestions) - changed,
            best=suggestions[0].score, worst=suggestions[-1].score, path=output))
        if len(suggestions) < count:
            feedback.pushWarning(self.tr(
                "Only {found} of the {count} boxes asked for fit on valid, unlabelled pixels at this distance "
                "from each other; choose a smaller box size or minimum distance for more.").format(
                found=len(suggestions), count=count))
        self.warn_if_temporary(output, feedback, self.OUTPUT)
        style_output(self, context, output, "suggestions.qml", ready_to_draw=True,
                     name=self.output_name(self.tr("Label suggestions")))
        feedback.setProgress(100)
        return {self.OUTPUT: output}
