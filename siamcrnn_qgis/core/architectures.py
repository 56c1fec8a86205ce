"""Registry of network architectures, so model files, training and detection dispatch on the name
stored in metadata ('patch' now; a fully convolutional 'fcn' can register itself later).

Entries hold dotted import paths, resolved on first use, so this module imports nothing heavy and no
import cycle can form between the registry and the modules it names.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from .errors import InputError


@dataclass(frozen=True)
class Architecture:
    """Where the pieces of one architecture live, as ``"module:function"`` strings.

    ``build_model(bands_t1, bands_t2, shared, hyperparameters) -> nn.Module``;
    ``train(t1, t2, labels, config, progress, is_cancelled) -> TrainingResult`` (optional);
    ``detect(model, metadata, t1, t2, sink, **options) -> DetectionSummary`` (optional).
    """

    name: str
    build_model: str
    train: str | None = None
    detect: str | None = None

    def resolve(self, role: str) -> Callable:
        target = getattr(self, role)
        if target is None:
            raise InputError(f"the {self.name!r} architecture does not support {role} yet")
        module_name, _, function_name = target.partition(":")
        return getattr(importlib.import_module(module_name), function_name)


_REGISTRY: dict[str, Architecture] = {}


def register_architecture(architecture: Architecture) -> None:
    _REGISTRY[architecture.name] = architecture


def get_architecture(name: str) -> Architecture:
    """The registered architecture, or InputError listing the known names."""
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise InputError(f"unknown architecture {name!r}; this plugin knows: {known}") from None


def architecture_names() -> list[str]:
    return sorted(_REGISTRY)


register_architecture(
    Architecture(
        name="patch",
        build_model="siamcrnn_qgis.core.patch_model:build_patch_model",
        train="siamcrnn_qgis.core.training:train_patch",
        detect="siamcrnn_qgis.core.inference:detect_patch",
    )
)
register_architecture(
    Architecture(
        name="fcn",
        build_model="siamcrnn_qgis.core.fcn_model:build_fcn_model",
        train="siamcrnn_qgis.core.fcn_training:train_fcn",
        detect="siamcrnn_qgis.core.fcn_inference:detect_fcn",
    )
)
