"""Enum spellings that differ between QGIS 3.22 and QGIS 3.36+/4 (Qt6), resolved once, fully scoped."""

from __future__ import annotations

from qgis.core import Qgis, QgsProcessingAlgorithm, QgsProcessingParameterDefinition


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
PARAMETER_OPTIONAL = _first(
    lambda: Qgis.ProcessingParameterFlag.Optional,
    lambda: QgsProcessingParameterDefinition.Flag.FlagOptional,
)


def algorithm_flags_without(flags, *names: str):
    """Remove algorithm flags by their member name (e.g. 'FlagNoThreading'), whatever the enum."""
    for name in names:
        short = name[4:] if name.startswith("Flag") else name
        flag = _first(
            lambda short=short: getattr(Qgis.ProcessingAlgorithmFlag, short),
            lambda name=name: getattr(QgsProcessingAlgorithm.Flag, name),
        )
        flags &= ~flag
    return flags
