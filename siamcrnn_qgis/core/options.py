"""Training and detection options as plain dataclasses (no torch import), so the Processing algorithms can
build them, and show the architectures' defaults, without importing PyTorch.

Options whose good value depends on the architecture are None by default: None means "the architecture's
own default" (see ``architectures.TrainingDefaults``), and a value given is used exactly as given.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

#: Siamese choice: one branch for both dates, one per date, or shared when the band counts allow.
SIAMESE_CHOICES = ("auto", "shared", "separate")
#: Device choice ('auto' = CUDA, then Apple MPS, then CPU); see ``device.select_device``.
DEVICE_CHOICES = ("auto", "cuda", "mps", "cpu")
#: Arithmetic of detection (and of fcn training); see ``device.select_device``.
PRECISION_CHOICES = ("auto", "bfloat16", "float32")
#: The training options whose default depends on the architecture.
ARCHITECTURE_DEFAULTED = ("epochs", "patience", "batch_size", "learning_rate", "samples_per_epoch",
                          "changed_weight")


@dataclass
class TrainingConfig:
    """Training options. ``epochs`` … ``changed_weight`` left None take the architecture's default.

    ``batch_size`` and ``samples_per_epoch`` count what the architecture trains on (pixels for patch,
    crops for fcn). ``changed_weight`` is the loss weight of the changed class.
    """

    architecture: str = "patch"
    siamese: str = "auto"
    sensors_differ: bool = False
    epochs: int | None = None
    patience: int | None = None
    batch_size: int | None = None
    learning_rate: float | None = None
    validation_fraction: float = 0.2
    seed: int = 42
    device: str = "auto"
    #: one of :data:`PRECISION_CHOICES`
    precision: str = "auto"
    changed_weight: float | None = None
    samples_per_epoch: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {item.name: getattr(self, item.name) for item in fields(self)}


@dataclass
class DetectionOptions:
    """Detection options. ``tile_size`` and ``batch_size`` left None take the architecture's defaults.

    ``tile_size`` is the side in pixels of the part of the raster computed at once; ``batch_size`` how many
    items (pixels for patch) go through the network at once. Neither changes the result beyond float32
    rounding. ``use_training_statistics`` standardises with the training images' statistics instead of
    each image's own.
    """

    tile_size: int | None = None
    batch_size: int | None = None
    device: Any = "auto"  # a name from DEVICE_CHOICES (e.g. 'cuda:1') or a device.DeviceInfo
    precision: str = "auto"
    use_training_statistics: bool = False

    def as_dict(self) -> dict[str, Any]:
        values = {item.name: getattr(self, item.name) for item in fields(self)}
        values["device"] = getattr(self.device, "description", self.device)
        return values
