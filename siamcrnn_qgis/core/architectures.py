"""The one interface every network architecture implements, and the registry that names them.

An architecture is a subclass of :class:`Architecture` registered with :func:`register_architecture`.
The engine (``training.train``, ``detection.detect``, ``modelfile``) and the Processing algorithms only
ever talk to this interface, so adding an architecture means one package and one registration call.

The built-in architectures live in ``core/patch`` and ``core/fcn``; their packages register themselves
on import and import PyTorch only inside the methods below, so listing the architectures (as the
Processing dialogs do) never needs PyTorch.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .errors import InputError

if TYPE_CHECKING:
    import numpy as np

    from .detection import DetectionHooks, DetectionSummary, Sink, WindowDetection
    from .modelfile import ModelMetadata
    from .normalisation import BandStatistics
    from .options import DetectionOptions, TrainingConfig
    from .sources import RasterSource
    from .training import TrainingLog, TrainingResult

#: Packages holding the built-in architectures, imported on the first registry look-up.
BUILTIN_PACKAGES = ("siamcrnn_qgis.core.patch", "siamcrnn_qgis.core.fcn")


@dataclass(frozen=True)
class TrainingDefaults:
    """An architecture's own training schedule, used for every option the user leaves empty.

    ``changed_weight`` None weights the changed class by the ratio of unchanged to changed training pixels.
    ``batch_unit`` says what one batch item is ("pixels", "crops"), for help texts and logs.
    """

    epochs: int
    patience: int
    batch_size: int
    learning_rate: float
    samples_per_epoch: int
    changed_weight: float | None
    batch_unit: str


@dataclass(frozen=True)
class DetectionDefaults:
    """An architecture's own detection settings, used where the user leaves them empty. ``box_size`` is the
    side in pixels of the boxes Suggest where to label next proposes: about what an analyst labels at a
    glance, and several times what the network looks at around a pixel."""

    tile_size: int
    batch_size: int
    box_size: int = 16


class Architecture(ABC):
    """A network family: its name, its defaults and limits, and how it builds, trains and detects.

    ``reach`` is how far, in pixels, the input around a pixel influences its prediction (the receptive
    field that matters): labelled regions closer than this are never split between training and
    validation. ``minimum_size`` is the smallest image side the network can work on.
    ``train_in_bfloat16`` is what precision 'auto' does for training on GPUs that support bfloat16.
    """

    name: str
    title: str
    loss_name: str
    training_defaults: TrainingDefaults
    detection_defaults: DetectionDefaults
    minimum_size: int
    reach: int
    train_in_bfloat16: bool = False

    @abstractmethod
    def build_model(self, bands_t1: int, bands_t2: int, shared: bool, hyperparameters: dict) -> Any:
        """The untrained network a model file's metadata describes (a ``torch.nn.Module``)."""

    @abstractmethod
    def train(self, t1: RasterSource, t2: RasterSource, labels: np.ndarray, config: TrainingConfig,
              log: TrainingLog, is_cancelled: Callable[[], bool] | None) -> TrainingResult:
        """Train on one pair; ``config`` arrives complete (see :meth:`resolve_training`) and checked, the
        labels checked against the grid; ``log`` takes notes and warnings and reports progress."""

    @abstractmethod
    def detect(self, model: Any, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource, sink: Sink,
               options: DetectionOptions, hooks: DetectionHooks) -> DetectionSummary:
        """Probability of change over the whole pair, handed to ``sink`` region by region; the inputs are
        already checked against the model and ``options`` are complete (see :meth:`resolve_detection`)."""

    def tile_grid(self, options: DetectionOptions) -> int:
        """The side of the tiles :meth:`detect` cuts the raster into (anchored at its top-left corner) with
        these complete options. Windows detected apart (:meth:`detect_window`) are made of whole tiles."""
        return options.tile_size

    def detect_window(self, model: Any, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource,
                      stats: tuple[BandStatistics, BandStatistics], window: tuple[int, int, int, int],
                      options: DetectionOptions, hooks: DetectionHooks) -> WindowDetection:
        """One window ``(x, y, width, height)`` of whole tiles of :meth:`detect`'s result, computed on its own
        (on another process or machine) with the statistics detect standardises with: the same
        probabilities, and contributions to pixels neighbouring windows share (see :meth:`merge_shared`).
        Architectures that can run on a cluster implement it."""
        self.check_windowed()
        raise NotImplementedError

    def inference_model(self, model: Any) -> Any:
        """``model`` made ready for many :meth:`detect_window` calls (a worker does this once); the same
        results as ``model``. By default the model itself."""
        return model

    def check_windowed(self) -> None:
        """InputError unless this architecture implements :meth:`detect_window` (can run on a cluster)."""
        if type(self).detect_window is Architecture.detect_window:
            raise InputError(f"the {self.name} architecture cannot detect a raster window by window, so it cannot "
                             "run on a cluster; use Detect changes on one machine")

    def merge_shared(self, pieces: list, region: tuple[int, int, int, int]
                     ) -> tuple[list[tuple[int, int, np.ndarray]], list]:
        """The final probabilities over ``region`` from the shared pieces of :meth:`detect_window` (every
        piece covering the region must be given), as ``(x, y, probability)`` regions, and what is left of
        the pieces outside it. Architectures whose windows share no pixels return no piece."""
        if pieces:
            raise NotImplementedError(f"the {self.name} architecture returned shared pieces but cannot merge them")
        return [], []

    def resolve_training(self, config: TrainingConfig) -> TrainingConfig:
        """``config`` with every option left empty (None) set to this architecture's default."""
        defaults = self.training_defaults
        filled = {name: getattr(defaults, name) for name in ("epochs", "patience", "batch_size", "learning_rate",
                                                             "samples_per_epoch", "changed_weight")
                  if getattr(config, name) is None}
        return replace(config, architecture=self.name, **filled)

    def check_training(self, config: TrainingConfig) -> None:
        """InputError for options only this architecture has (the generic ones are checked already);
        architectures with options of their own extend this."""
        if config.architecture != self.name:
            raise InputError(f"these training options are for the {config.architecture!r} architecture, "
                             f"not {self.name!r}")

    def resolve_detection(self, options: DetectionOptions) -> DetectionOptions:
        """``options`` with the tile and batch size left empty set to this architecture's defaults."""
        defaults = self.detection_defaults
        return replace(options,
                       tile_size=defaults.tile_size if options.tile_size is None else options.tile_size,
                       batch_size=defaults.batch_size if options.batch_size is None else options.batch_size)


_REGISTRY: dict[str, Architecture] = {}
_builtins_loaded = False


def _registry() -> dict[str, Architecture]:
    global _builtins_loaded
    if not _builtins_loaded:
        _builtins_loaded = True
        for package in BUILTIN_PACKAGES:
            importlib.import_module(package)
    return _REGISTRY


def register_architecture(architecture: Architecture) -> Architecture:
    """Make ``architecture`` known under its name (model files store that name). Returns it, so a module
    can write ``ARCHITECTURE = register_architecture(MyArchitecture())``."""
    if not isinstance(architecture, Architecture):
        raise TypeError(f"{architecture!r} is not an Architecture")
    if not architecture.name or not architecture.name.isidentifier():
        raise ValueError(f"an architecture name must be a short identifier, got {architecture.name!r}")
    _REGISTRY[architecture.name] = architecture
    return architecture


def unregister_architecture(name: str) -> None:
    """Forget an architecture (tests and plugins that add their own use this on unload)."""
    _REGISTRY.pop(name, None)


def get_architecture(name: str) -> Architecture:
    """The registered architecture, or InputError listing the known names."""
    registry = _registry()
    try:
        return registry[name]
    except KeyError:
        known = ", ".join(sorted(registry))
        raise InputError(f"unknown architecture {name!r}; this plugin knows: {known}") from None


def architecture_names() -> list[str]:
    """Registered names, the built-ins first in their fixed order (patch is the default), then the rest."""
    registry = _registry()
    builtin = [package.rsplit(".", 1)[1] for package in BUILTIN_PACKAGES]
    return [name for name in builtin if name in registry] + sorted(set(registry) - set(builtin))
