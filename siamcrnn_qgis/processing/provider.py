"""The ``siamcrnn`` Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import Translatable
from ..paths import icon_path, plugin_version
from .algorithms import ALGORITHMS


class SiamCRNNProvider(Translatable, QgsProcessingProvider):
    """Registers the create labels, train, detect, detect over many pairs and evaluate algorithms."""

    def id(self) -> str:
        return "siamcrnn"

    def name(self) -> str:
        return self.tr("SiamCRNN change detection")

    def longName(self) -> str:  # noqa: N802 (QGIS API)
        return f"{self.name()} {plugin_version()}"

    def icon(self) -> QIcon:
        return QIcon(icon_path("siamcrnn.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path("siamcrnn.svg")

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm_class in ALGORITHMS:
            self.addAlgorithm(algorithm_class())

    def supportedOutputRasterLayerExtensions(self) -> list[str]:  # noqa: N802
        return ["tif"]

    def supportedOutputVectorLayerExtensions(self) -> list[str]:  # noqa: N802
        return ["gpkg", "shp", "geojson", "fgb"]

    def defaultVectorFileExtension(self, hasGeometry: bool = True) -> str:  # noqa: N802, N803
        return "gpkg"

    def defaultRasterFileExtension(self) -> str:  # noqa: N802
        return "tif"
