"""Styling outputs loaded into QGIS: one post-processor object per output layer.

QGIS keeps only a raw pointer to a post-processor, so the algorithm instance holds each one
(``keep_post_processor``) until Processing has handled the results; one instance per output, never a
shared one (a shared instance would style only the last layer).
"""

from __future__ import annotations

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsVectorLayer,
)

from ..paths import style_path

CHANGE_FIELD_VALUE_MAP = {"map": [{"Unchanged": 0}, {"Changed": 1}]}
# processing.run()/runAndLoadResults() delete the algorithm copy before the results are loaded, so the
# algorithm alone cannot keep its post-processors alive: each one waits here until it has styled its layer.
_PENDING: set = set()


class StyleOutputLayer(QgsProcessingLayerPostProcessorInterface):
    """Apply a QML style from resources/styles to the loaded layer; optionally make it ready to draw."""

    def __init__(self, style_name: str, ready_to_draw: bool = False) -> None:
        super().__init__()
        self.style_name = style_name
        self.ready_to_draw = ready_to_draw

    def postProcessLayer(self, layer: QgsMapLayer, context: QgsProcessingContext,  # noqa: N802 (QGIS API)
                         feedback: QgsProcessingFeedback) -> None:
        message, ok = layer.loadNamedStyle(str(style_path(self.style_name)))
        if not ok:
            feedback.reportError(f"Could not apply the style {self.style_name} to {layer.name()}: {message}")
        if isinstance(layer, QgsVectorLayer):
            index = layer.fields().indexOf("change")
            if index >= 0:
                layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", CHANGE_FIELD_VALUE_MAP))
            if self.ready_to_draw:
                self._start_drawing(layer)
        self._unique_name(layer)
        layer.triggerRepaint()
        _PENDING.discard(self)

    @staticmethod
    def _unique_name(layer: QgsMapLayer) -> None:
        """A second run's 'Change map (t1 → t2)' becomes 'Change map (t1 → t2) 2', so the layer lists tell
        the runs apart."""
        project = layer.project() or QgsProject.instance()
        taken = {other.name() for other in project.mapLayers().values() if other.id() != layer.id()}
        name, number = layer.name(), 2
        while name in taken:
            name = f"{layer.name()} {number}"
            number += 1
        layer.setName(name)

    @staticmethod
    def _start_drawing(layer: QgsVectorLayer) -> None:
        from qgis.utils import iface  # None under qgis_process and in tests

        if iface is None:
            return
        iface.setActiveLayer(layer)
        layer.startEditing()


def style_output(algorithm, context: QgsProcessingContext, output_path: str, style_name: str,
                 ready_to_draw: bool = False, name: str | None = None) -> None:
    """Attach a style post-processor to an output that Processing will load, kept alive by the algorithm;
    ``name`` names the layer (so that two runs' outputs can be told apart)."""
    if not context.willLoadLayerOnCompletion(output_path):
        return
    processor = StyleOutputLayer(style_name, ready_to_draw)
    algorithm.keep_post_processor(processor)
    _PENDING.add(processor)
    details = context.layerToLoadOnCompletionDetails(output_path)
    details.setPostProcessor(processor)
    if name:
        details.name = name
