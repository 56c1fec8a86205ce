"""siamcrnn:createlabels — an empty GeoPackage polygon layer to draw training labels on."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
)

from ...io.labels import create_label_layer
from ...io.raster import read_grid
from ..base import SiamCRNNAlgorithm
from ..session import default_output_file
from ..styling import style_output


class CreateLabelsAlgorithm(SiamCRNNAlgorithm):
    ALGORITHM_ID = "createlabels"
    ICON = "createlabels.svg"
    NEEDS_TORCH = False

    T1 = "T1"
    OUTPUT = "OUTPUT"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Create training label layer")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Creates an empty GeoPackage polygon layer in the CRS of the T1 image, with an integer field "
                "<b>change</b> (0 = unchanged, 1 = changed), a value map (Unchanged / Changed) and a green/red "
                "style. In QGIS it is added to the project in edit mode: draw polygons over areas you know "
                "changed and areas you know did not, save, then use the layer as the label polygons of Train."
            )
            + self.parameters_help({
                self.T1: self.tr("the earlier image; its CRS becomes the layer's CRS."),
                self.OUTPUT: self.tr(
                    "the GeoPackage to create. In the QGIS desktop it is offered as labels.gpkg next to the "
                    "saved project, or in the folder where SiamCRNN last saved labels or a model "
                    "(labels_2.gpkg and so on when the name is taken). A temporary file is deleted when QGIS "
                    "closes, and the log then says so."),
            })
            + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer(self.T1, self.tr("T1 image (earlier date)")))
        output = QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Training labels"), QgsProcessing.SourceType.TypeVectorPolygon
        )
        output.setDefaultValue(default_output_file("labels", "gpkg") or QgsProcessing.TEMPORARY_OUTPUT)
        self.addParameter(output)

    def prepare(self, parameters, context, feedback) -> None:
        self.t1_source = self.raster_source(parameters, self.T1, context)
        layer = self.parameterAsRasterLayer(parameters, self.T1, context)
        self.layer_title = self.tr("Training labels ({image})").format(image=layer.name() if layer else "T1")

    def process(self, parameters, context, feedback, workdir) -> dict:
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if not output.lower().endswith(".gpkg"):
            raise QgsProcessingException(
                self.tr("Training labels (OUTPUT) must be a GeoPackage file ending in .gpkg, not {path}.").format(
                    path=output)
            )
        grid = read_grid(self.t1_source)
        if not grid.has_crs:
            feedback.pushWarning(
                self.tr("T1 has no CRS: draw the labels in the image's pixel coordinates (as QGIS shows it).")
            )
        path = create_label_layer(output, grid.crs_wkt)
        feedback.pushInfo(self.tr("Created the label layer {path}.").format(path=path))
        self.warn_if_temporary(path, feedback, self.OUTPUT)
        style_output(self, context, path, "labels.qml", ready_to_draw=True, name=self.layer_title)
        return {self.OUTPUT: path}
