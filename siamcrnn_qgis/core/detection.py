"""Streamed change detection for every architecture: the inputs are checked once against the model, the
options completed with the architecture's defaults, and the architecture hands the probability of change
to a sink region by region (NaN where either date is invalid), so memory never holds the raster."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from .architectures import get_architecture
from .device import DeviceInfo, select_device
from .errors import Cancelled, InputError
from .modelfile import ModelMetadata
from .normalisation import BandStatistics, compute_statistics, normalise
from .options import DetectionOptions
from .sources import ArraySource, RasterSource, check_minimum_size, check_same_grid, read_padded

Sink = Callable[[int, int, np.ndarray], None]
#: Share of the progress bar given to the statistics pass when per-image statistics are computed.
STATISTICS_PROGRESS = 0.05


@dataclass
class DetectionSummary:
    """What a detection run did: pixel counts, time, device, and the tile and batch size it ended with
    (an out-of-memory error on a GPU makes them smaller than asked)."""

    pixels: int
    valid_pixels: int
    seconds: float
    device: DeviceInfo
    batch_size: int
    tiles: int
    tile_size: int = 0
    options: dict = field(default_factory=dict)

    @property
    def pixels_per_second(self) -> float:
        return self.pixels / self.seconds if self.seconds > 0 else 0.0


@dataclass
class WindowDetection:
    """What :func:`detect_window` computed for one window: final probabilities as ``(x, y, probability)``
    regions (NaN where either date is invalid), and the architecture's contributions to pixels that
    neighbouring windows contribute to as well (each with a ``rect``), to be merged once all are there
    (``Architecture.merge_shared``)."""

    regions: list[tuple[int, int, np.ndarray]]
    shared: list = field(default_factory=list)
    tiles: int = 0
    device: str = ""


@dataclass
class DetectionHooks:
    """How a detection run talks to its caller: progress 0..1, a cancel check, and log lines."""

    progress: Callable[[float], None] = lambda fraction: None
    is_cancelled: Callable[[], bool] = lambda: False
    log: Callable[[str], None] = lambda message: None

    def check_cancelled(self) -> None:
        if self.is_cancelled():
            raise Cancelled("change detection cancelled")


def check_inputs(metadata: ModelMetadata, t1: RasterSource, t2: RasterSource) -> None:
    """InputError unless the rasters match each other and the bands the model was trained on."""
    for label, source, expected, names in (
        ("T1", t1, metadata.bands_t1, metadata.band_names_t1),
        ("T2", t2, metadata.bands_t2, metadata.band_names_t2),
    ):
        if source.band_count != expected:
            raise InputError(f"the {label} raster has {source.band_count} band(s) but the model was trained on "
                             f"{expected} ({', '.join(names)}); use a {label} image with the same bands")
    check_same_grid(t1, t2)
    check_minimum_size(t1, get_architecture(metadata.architecture).minimum_size)


def check_options(options: DetectionOptions, minimum_tile: int) -> None:
    if options.tile_size < minimum_tile:
        raise InputError(f"the tile size must be at least {minimum_tile} pixels, got {options.tile_size}")
    if options.batch_size < 1:
        raise InputError(f"the batch size must be at least 1, got {options.batch_size}")


def detect(
    model,
    metadata: ModelMetadata,
    t1: RasterSource,
    t2: RasterSource,
    sink: Sink,
    options: DetectionOptions | None = None,
    *,
    progress: Callable[[float], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    log: Callable[[str], None] | None = None,
    **option_values,
) -> DetectionSummary:
    """Probability of change for every pixel, handed to ``sink(x, y, probability[h, w])`` region by region.

    ``options`` or, for short, its fields as keywords (``tile_size=1024``); fields left None take the
    model's architecture's defaults, and the log says which values were used.
    """
    started = time.perf_counter()
    if options is None:
        options = DetectionOptions(**option_values)
    elif option_values:
        raise TypeError("give either a DetectionOptions or its fields as keywords, not both")
    architecture = get_architecture(metadata.architecture)
    check_inputs(metadata, t1, t2)
    given = options
    options = complete_options(architecture, options)
    hooks = DetectionHooks(progress or (lambda fraction: None), is_cancelled or (lambda: False),
                           log or (lambda message: None))
    hooks.log(options.device.description)
    if options.device.hint:
        hooks.log(options.device.hint)
    hooks.log(describe_options(architecture.name, given, options))
    summary = architecture.detect(model, metadata, t1, t2, sink, options, hooks)
    summary.seconds = time.perf_counter() - started
    summary.options = options.as_dict()
    return summary


def complete_options(architecture, options: DetectionOptions) -> DetectionOptions:
    """``options`` with the architecture's defaults filled in, checked, and the device chosen."""
    options = architecture.resolve_detection(options)
    check_options(options, architecture.minimum_size)
    if not isinstance(options.device, DeviceInfo):
        options = replace(options, device=select_device(options.device, options.precision))
    return options


def resolve_threshold(threshold: float | None, metadata: ModelMetadata) -> float:
    """The change threshold to use with this model: the one given, else the model's own (chosen when it was
    trained; 0.5 in older files). Detect and the cluster both go through here, so they call the same
    pixels changed."""
    if threshold is None:
        return float(metadata.threshold)
    if not 0.0 <= threshold <= 1.0:
        raise InputError(f"the threshold must be between 0 and 1, got {threshold:g}")
    return float(threshold)


def detection_windows(metadata: ModelMetadata, width: int, height: int, options: DetectionOptions,
                      side: int) -> tuple[list[tuple[int, int, int, int]], DetectionOptions]:
    """Windows ``(x, y, width, height)`` of about ``side`` pixels covering a ``width`` × ``height`` raster,
    row by row, each made of whole tiles of :func:`detect`'s grid (so the side is rounded to a multiple of
    the tile side, at least one tile), and the complete options they were cut for (device not chosen)."""
    architecture = get_architecture(metadata.architecture)
    options = architecture.resolve_detection(options)
    check_options(options, architecture.minimum_size)
    if side < 1:
        raise InputError(f"the window size must be at least 1 pixel, got {side}")
    tile = architecture.tile_grid(options)
    step = max(1, round(side / tile)) * tile
    windows = [(x, y, min(step, width - x), min(step, height - y))
               for y in range(0, height, step) for x in range(0, width, step)]
    return windows, options


def detect_window(model, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource,
                  stats: tuple[BandStatistics, BandStatistics], window: tuple[int, int, int, int],
                  options: DetectionOptions, hooks: DetectionHooks | None = None) -> WindowDetection:
    """One window of :func:`detect`'s result computed on its own, e.g. on a cluster worker.

    ``window`` comes from :func:`detection_windows` with the same options, and ``stats`` are the statistics
    detect standardises with (:func:`image_statistics`). The probabilities are then those of a whole
    :func:`detect` run bit for bit, as long as the device, PyTorch and its number of CPU threads are the same.
    """
    architecture = get_architecture(metadata.architecture)
    check_inputs(metadata, t1, t2)
    options = complete_options(architecture, options)
    tile = architecture.tile_grid(options)
    x, y, width, height = window
    aligned = x % tile == 0 and y % tile == 0 and (width % tile == 0 or x + width == t1.width) and (
        height % tile == 0 or y + height == t1.height)
    if width < 1 or height < 1 or x + width > t1.width or y + height > t1.height or not aligned:
        raise ValueError(f"window x={x} y={y} {width}×{height} is not made of whole {tile}-pixel tiles of the "
                         f"{t1.width}×{t1.height} raster")
    result = architecture.detect_window(model, metadata, t1, t2, stats, window, options, hooks or DetectionHooks())
    result.device = options.device.description
    return result


def describe_options(architecture: str, given: DetectionOptions, used: DetectionOptions) -> str:
    """One log line with the tile and batch size used, saying which came from the architecture."""
    def say(value: int, was: int | None, unit: str) -> str:
        return f"{value} {unit}" + ("" if was is not None else f" ({architecture} default)")

    return (f"Tile size {say(used.tile_size, given.tile_size, 'pixels')}, batch size "
            f"{say(used.batch_size, given.batch_size, 'items')}")


def image_statistics(
    metadata: ModelMetadata,
    t1: RasterSource,
    t2: RasterSource,
    use_training_statistics: bool,
    is_cancelled: Callable[[], bool] | None,
) -> tuple[BandStatistics, BandStatistics]:
    """Each image's own statistics (the paper's per-image z-score), or the training ones on request."""
    if use_training_statistics:
        return metadata.stats_t1, metadata.stats_t2
    return (compute_statistics(t1, is_cancelled=is_cancelled, name="T1"),
            compute_statistics(t2, is_cancelled=is_cancelled, name="T2"))


def start_statistics(metadata: ModelMetadata, t1: RasterSource, t2: RasterSource, options: DetectionOptions,
                     hooks: DetectionHooks) -> tuple[tuple[BandStatistics, BandStatistics], float]:
    """The statistics to standardise with, and where on the progress bar the tiles start."""
    stats = image_statistics(metadata, t1, t2, options.use_training_statistics, hooks.is_cancelled)
    tile_start = 0.0 if options.use_training_statistics else STATISTICS_PROGRESS
    hooks.progress(tile_start)
    return stats, tile_start


def prepare_window(source: RasterSource, stats: BandStatistics, x: int, y: int, width: int, height: int,
                   halo: int) -> tuple[np.ndarray, np.ndarray]:
    """Normalised window with a halo, channels last ``[h + 2·halo, w + 2·halo, C]``, invalid pixels 0
    (the mean), plus its valid mask. Outside the raster counts as invalid."""
    data, valid = read_padded(source, x - halo, y - halo, width + 2 * halo, height + 2 * halo)
    data = normalise(data, stats)
    data[:, ~valid] = 0.0
    return np.ascontiguousarray(data.transpose(1, 2, 0)), valid


def predict_arrays(model, metadata: ModelMetadata, t1_array: np.ndarray, t2_array: np.ndarray,
                   **option_values) -> np.ndarray:
    """Whole-image change probability ``[h, w]`` of two in-memory arrays, through :func:`detect`."""
    t1, t2 = ArraySource(t1_array), ArraySource(t2_array)
    result = np.full((t1.height, t1.width), np.nan, dtype=np.float32)

    def store(x: int, y: int, probability: np.ndarray) -> None:
        result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability

    detect(model, metadata, t1, t2, store, **option_values)
    return result
