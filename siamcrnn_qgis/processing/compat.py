"""Enum spellings that differ between QGIS 3.22 and QGIS 3.36+/4 (Qt6), resolved once, fully scoped."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsMapLayerProxyModel,
    QgsProcessingParameterDefinition,
    QgsVectorDataProvider,
    QgsWkbTypes,
)


def _first(*getters):
    for getter in getters:
        try:
            return getter()
        except AttributeError:
            continue
    raise AttributeError("none of the enum spellings exists in this QGIS")


PARAMETER_ADVANCED = _first(
    lambda: Qgis.ProcessingParameterFlag.Advanced,
    lambda: QgsProcessingParameterDefinition.Flag.FlagAdvanced,
)

POLYGON_GEOMETRY = _first(
    lambda: Qgis.GeometryType.Polygon,
    lambda: QgsWkbTypes.GeometryType.PolygonGeometry,
)

POLYGON_LAYER_FILTER = _first(
    lambda: Qgis.LayerFilter.PolygonLayer,
    lambda: QgsMapLayerProxyModel.Filter.PolygonLayer,
)

RASTER_LAYER_FILTER = _first(
    lambda: Qgis.LayerFilter.RasterLayer,
    lambda: QgsMapLayerProxyModel.Filter.RasterLayer,
)

NO_GEOMETRY = _first(
    lambda: Qgis.FeatureRequestFlag.NoGeometry,
    lambda: QgsFeatureRequest.Flag.NoGeometry,
)

CAN_CHANGE_ATTRIBUTE_VALUES = _first(
    lambda: Qgis.VectorProviderCapability.ChangeAttributeValues,
    lambda: QgsVectorDataProvider.Capability.ChangeAttributeValues,
)
