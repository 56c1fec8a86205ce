"""Streamed detection with the fully convolutional SiamCRNN: overlapping windows on a grid anchored at
the raster origin, blended with raised-cosine weights so tiles leave no seams.

Each tile has a *core* (the raster is cut into cores of the tile size) and a *window* = core plus a
context halo on every side, clipped to the raster. A tile's probabilities count with weight 1 inside its
core, fading as cos² over ``BLEND`` pixels centred on each core edge shared with a neighbour, which
fades in as sin² over the same pixels (the weights sum to one), and 0 beyond. So every weighted pixel
has at least ``halo - BLEND/2`` pixels of real context, and window origins are multiples of the
network's stride: a pixel's result depends on the tile size only through far context.

Output is handed to the sink region by region as soon as no later tile can contribute to it, so memory
holds one window plus strips ``BLEND`` pixels wide, never the raster.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from ..detection import DetectionHooks, DetectionSummary, Sink, WindowDetection, prepare_window, start_statistics
from ..device import DeviceInfo
from ..errors import DeviceError, InputError
from ..modelfile import ModelMetadata
from ..normalisation import BandStatistics
from ..options import DetectionOptions
from ..sources import RasterSource
from .model import OUTPUT_STRIDE, FCNSiamCRNN, folded_copy

#: Context read around each core on every side (a multiple of the network's stride). On a trained
#: Taizhou model the largest change with the tile size was 4e-2 with 64, 3e-3 with 96, 2e-4 with 128.
HALO = 128
#: Width of the cross-fade between neighbouring tiles, centred on their common core edge.
BLEND = 32


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def x1(self) -> int:
        return self.x + self.width

    @property
    def y1(self) -> int:
        return self.y + self.height

    def intersect(self, other: Rect) -> Rect | None:
        x0, y0 = max(self.x, other.x), max(self.y, other.y)
        x1, y1 = min(self.x1, other.x1), min(self.y1, other.y1)
        return Rect(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None

    def slices(self, origin: Rect) -> tuple[slice, slice]:
        """Where this rectangle lies inside an array covering ``origin``."""
        return slice(self.y - origin.y, self.y1 - origin.y), slice(self.x - origin.x, self.x1 - origin.x)


def core_size_for(tile_size: int) -> int:
    """The tile size rounded up to the network's stride, so window origins stay stride-aligned."""
    if tile_size < 1:
        raise InputError(f"the tile size must be at least 1 pixel, got {tile_size}")
    return max(OUTPUT_STRIDE, math.ceil(tile_size / OUTPUT_STRIDE) * OUTPUT_STRIDE)


def split_cores(area: Rect, core: int) -> list[Rect]:
    """``area`` cut into cores of side ``core`` (the last row and column may be smaller), row by row."""
    return [Rect(x, y, min(core, area.x1 - x), min(core, area.y1 - y))
            for y in range(area.y, area.y1, core) for x in range(area.x, area.x1, core)]


def window_for(core: Rect, width: int, height: int, halo: int) -> Rect:
    x0, y0 = max(0, core.x - halo), max(0, core.y - halo)
    return Rect(x0, y0, min(width, core.x1 + halo) - x0, min(height, core.y1 + halo) - y0)


def _axis_weight(start: int, stop: int, core_start: int, core_stop: int, size: int) -> np.ndarray:
    """1-D blending weight over pixels ``[start, stop)`` for a core ``[core_start, core_stop)``."""
    centres = np.arange(start, stop, dtype=np.float64) + 0.5
    weight = np.ones(stop - start, dtype=np.float64)
    half = BLEND / 2
    if core_start > 0:
        t = np.clip((centres - (core_start - half)) / BLEND, 0.0, 1.0)
        weight *= np.sin(0.5 * np.pi * t) ** 2
    if core_stop < size:
        t = np.clip((centres - (core_stop - half)) / BLEND, 0.0, 1.0)
        weight *= np.cos(0.5 * np.pi * t) ** 2
    return weight


def blend_region(core: Rect, width: int, height: int) -> Rect:
    """Pixels a tile contributes to: its core widened by half the blend on edges shared with a neighbour."""
    half = BLEND // 2
    x0 = core.x - half if core.x > 0 else 0
    y0 = core.y - half if core.y > 0 else 0
    x1, y1 = min(core.x1 + half, width), min(core.y1 + half, height)
    return Rect(x0, y0, x1 - x0, y1 - y0)


def blend_weights(core: Rect, region: Rect, width: int, height: int) -> np.ndarray:
    wy = _axis_weight(region.y, region.y1, core.y, core.y1, height)
    wx = _axis_weight(region.x, region.x1, core.x, core.x1, width)
    return np.outer(wy, wx).astype(np.float32)


def final_region(core: Rect, width: int, height: int) -> Rect:
    """What is complete once this tile is blended in (tiles run row by row): the core shifted up and left
    by half the blend, reaching the raster edge on the last row and column."""
    half = BLEND // 2
    x0 = core.x - half if core.x > 0 else 0
    y0 = core.y - half if core.y > 0 else 0
    x1 = core.x1 - half if core.x1 < width else width
    y1 = core.y1 - half if core.y1 < height else height
    return Rect(x0, y0, x1 - x0, y1 - y0)


@dataclass
class _Piece:
    rect: Rect
    weighted: np.ndarray  # Σ weight × probability
    weight: np.ndarray
    valid: np.ndarray  # both dates valid
    order: tuple[int, ...] = ()  # where its tile comes in detect's order: pixels sum their pieces in it


class BlendAccumulator:
    """Weighted probabilities of overlapping tiles, handed out region by region once complete."""

    def __init__(self) -> None:
        self.pieces: list[_Piece] = []

    def add(self, rect: Rect, probability: np.ndarray, weight: np.ndarray, valid: np.ndarray,
            order: tuple[int, ...] = ()) -> None:
        self.pieces.append(_Piece(rect, probability * weight, weight, valid, order))

    def take(self, region: Rect) -> np.ndarray:
        """The blended probability over ``region``, NaN where a date is invalid; what was taken is dropped
        from memory."""
        weighted = np.zeros((region.height, region.width), dtype=np.float32)
        weight = np.zeros_like(weighted)
        valid = np.zeros(weighted.shape, dtype=bool)
        kept = []
        for piece in self.pieces:
            overlap = piece.rect.intersect(region)
            if overlap is None:
                kept.append(piece)
                continue
            inside, source = overlap.slices(region), overlap.slices(piece.rect)
            weighted[inside] += piece.weighted[source]
            weight[inside] += piece.weight[source]
            valid[inside] = piece.valid[source]
            kept.extend(_subtract(piece, overlap))
        self.pieces = kept
        valid &= weight > 0
        probability = np.full(weighted.shape, np.nan, dtype=np.float32)
        probability[valid] = weighted[valid] / weight[valid]
        return probability

    @property
    def pending_pixels(self) -> int:
        return sum(piece.rect.width * piece.rect.height for piece in self.pieces)


def _subtract(piece: _Piece, hole: Rect) -> list[_Piece]:
    """The parts of ``piece`` outside ``hole`` (which lies inside it), as up to four copied rectangles."""
    r = piece.rect
    parts = [
        Rect(r.x, r.y, r.width, hole.y - r.y),  # above
        Rect(r.x, hole.y1, r.width, r.y1 - hole.y1),  # below
        Rect(r.x, hole.y, hole.x - r.x, hole.height),  # left
        Rect(hole.x1, hole.y, r.x1 - hole.x1, hole.height),  # right
    ]
    kept = []
    for part in parts:
        if part.width > 0 and part.height > 0:
            rows, cols = part.slices(r)
            kept.append(_Piece(part, piece.weighted[rows, cols].copy(), piece.weight[rows, cols].copy(),
                               piece.valid[rows, cols].copy(), piece.order))
    return kept


@dataclass
class _Window:
    core: Rect
    window: Rect
    t1: np.ndarray  # normalised, channels last [h, w, C1], invalid pixels 0
    t2: np.ndarray
    valid: np.ndarray  # [h, w] both dates valid


def read_window(t1: RasterSource, t2: RasterSource, stats: tuple[BandStatistics, BandStatistics], core: Rect,
                halo: int) -> _Window:
    window = window_for(core, t1.width, t1.height, halo)
    a1, valid1 = prepare_window(t1, stats[0], window.x, window.y, window.width, window.height, 0)
    a2, valid2 = prepare_window(t2, stats[1], window.x, window.y, window.width, window.height, 0)
    return _Window(core, window, a1, a2, valid1 & valid2)


class FCNRunner:
    """Runs the fully convolutional network on one window at a time on one device."""

    def __init__(self, model: nn.Module, info: DeviceInfo) -> None:
        self.info = info
        self.model = model.to(info.device).eval().to(memory_format=torch.channels_last)

    def _transfer(self, array: np.ndarray) -> torch.Tensor:
        # [h, w, C] → [1, C, h, w] viewed in channels_last memory, without a copy
        tensor = torch.from_numpy(array).permute(2, 0, 1).unsqueeze(0)
        if self.info.kind == "cuda":
            return tensor.pin_memory().to(self.info.device, non_blocking=True)
        return tensor.to(self.info.device)

    def probability(self, t1: np.ndarray, t2: np.ndarray) -> np.ndarray:
        """Change probability ``[h, w]`` of normalised channels-last windows ``[h, w, C]``."""
        with torch.inference_mode(), self.info.autocast():
            logits = self.model(self._transfer(t1), self._transfer(t2))
            probability = torch.softmax(logits.float(), dim=1)[0, 1]
        return probability.cpu().numpy()


def detect_fcn(model: nn.Module, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource, sink: Sink,
               options: DetectionOptions, hooks: DetectionHooks, halo: int = HALO) -> DetectionSummary:
    """Fully convolutional detection over blended windows.

    ``options.tile_size`` is the core side (rounded up to a multiple of 32); each window adds ``halo``
    pixels of context per side. One window runs at a time, so ``options.batch_size`` is not used; on CUDA
    out-of-memory the core side is halved instead and the run goes on. Every read of the rasters happens
    on one background thread (GDAL datasets are not thread-safe), one window ahead of the network.
    """
    check_halo(halo)
    stats, tile_start = start_statistics(metadata, t1, t2, options, hooks)
    width, height = t1.width, t1.height
    blender = CoreBlender(model, t1, t2, stats, options, hooks, halo)
    tiles = split_cores(Rect(0, 0, width, height), blender.core_size)
    total = width * height
    done = valid_pixels = 0

    def hand_over(core: Rect) -> None:
        nonlocal done, valid_pixels
        region = final_region(core, width, height)
        probability = blender.accumulator.take(region)
        sink(region.x, region.y, probability)
        valid_pixels += int(np.count_nonzero(~np.isnan(probability)))
        done += region.width * region.height
        hooks.progress(tile_start + (1.0 - tile_start) * done / total)

    blender.run(tiles, hand_over)
    return DetectionSummary(pixels=total, valid_pixels=valid_pixels, seconds=0.0, device=options.device,
                            batch_size=1, tiles=blender.windows_run, tile_size=blender.core_size)


def detect_fcn_window(model: nn.Module, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource,
                      stats: tuple[BandStatistics, BandStatistics], window: tuple[int, int, int, int],
                      options: DetectionOptions, hooks: DetectionHooks, halo: int = HALO) -> WindowDetection:
    """The cores of one window of whole cores, blended exactly as :func:`detect_fcn` blends them. Pixels
    within half the blend of an edge shared with another window also get that window's tiles: they are
    returned as pieces for :func:`merge_fcn_pieces`, the rest as the window's final region."""
    check_halo(halo)
    area = Rect(*window)
    blender = CoreBlender(model, t1, t2, stats, options, hooks, halo)
    cores = split_cores(area, blender.core_size)
    done = 0

    def count(core: Rect) -> None:
        nonlocal done
        done += core.width * core.height
        hooks.progress(done / (area.width * area.height))

    blender.run(cores, count)
    half = BLEND // 2
    x0, y0 = area.x + half if area.x > 0 else 0, area.y + half if area.y > 0 else 0
    x1 = area.x1 - half if area.x1 < t1.width else t1.width
    y1 = area.y1 - half if area.y1 < t1.height else t1.height
    regions = []
    if x1 > x0 and y1 > y0:
        regions.append((x0, y0, blender.accumulator.take(Rect(x0, y0, x1 - x0, y1 - y0))))
    return WindowDetection(regions=regions, shared=blender.accumulator.pieces, tiles=blender.windows_run)


def merge_fcn_pieces(pieces: list[_Piece], region: tuple[int, int, int, int]
                     ) -> tuple[list[tuple[int, int, np.ndarray]], list[_Piece]]:
    """The blended probabilities over ``region`` from the pieces windows left (every piece covering it),
    summed in detect's order, and the parts of the pieces outside it."""
    accumulator = BlendAccumulator()
    accumulator.pieces = sorted(pieces, key=lambda piece: piece.order)
    area = Rect(*region)
    regions = []
    while True:
        overlap = next(filter(None, (piece.rect.intersect(area) for piece in accumulator.pieces)), None)
        if overlap is None:
            return regions, accumulator.pieces
        regions.append((overlap.x, overlap.y, accumulator.take(overlap)))


def inference_model(model: nn.Module) -> nn.Module:
    """The network detection runs: a batch-norm-folded copy of an FCNSiamCRNN, made once (a copy already
    folded is used as it is, so a worker folds its model once for all its windows)."""
    if isinstance(model, FCNSiamCRNN) and not getattr(model, "siamcrnn_folded", False):
        model = folded_copy(model)
        model.siamcrnn_folded = True
    return model


def check_halo(halo: int) -> None:
    if halo < BLEND // 2 or halo % OUTPUT_STRIDE:
        raise InputError(f"the halo must be a multiple of {OUTPUT_STRIDE} of at least {BLEND // 2} pixels, "
                         f"got {halo}")


class CoreBlender:
    """Runs cores through the network into a :class:`BlendAccumulator`, in the order given, each core's
    window read one ahead on a background thread; on CUDA out-of-memory the core side is halved (for the
    rest of the run) and the core is run as smaller cores."""

    def __init__(self, model: nn.Module, t1: RasterSource, t2: RasterSource,
                 stats: tuple[BandStatistics, BandStatistics], options: DetectionOptions, hooks: DetectionHooks,
                 halo: int) -> None:
        self.info = options.device
        self.runner = FCNRunner(inference_model(model), self.info)
        self.t1, self.t2, self.stats, self.hooks, self.halo = t1, t2, stats, hooks, halo
        self.core_size = core_size_for(options.tile_size)
        self.accumulator = BlendAccumulator()
        self.windows_run = 0

    def run(self, cores: list[Rect], after: Callable[[Rect], None]) -> None:
        """Blend each core in, then call ``after(core)``."""
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="siamcrnn-read") as reader:

            def read(core: Rect) -> Future:
                return reader.submit(read_window, self.t1, self.t2, self.stats, core, self.halo)

            upcoming = read(cores[0])
            for index, core in enumerate(cores):
                window = upcoming.result()
                if index + 1 < len(cores):
                    upcoming = read(cores[index + 1])
                self._blend(core, window, read)
                after(core)

    def _blend(self, core: Rect, window: _Window, read: Callable[[Rect], Future]) -> None:
        """Run ``core`` into the accumulator, split into smaller cores after an out-of-memory error (their
        windows read on the reader thread too)."""
        width, height = self.t1.width, self.t1.height
        pending: list[tuple[Rect, _Window | None]] = [(core, window)]
        part_index = 0
        while pending:
            part, window = pending.pop(0)
            self.hooks.check_cancelled()
            if max(part.width, part.height) > self.core_size:
                pending = [(smaller, None) for smaller in split_cores(part, self.core_size)] + pending
                continue
            window = window or read(part).result()
            try:
                probability = self.runner.probability(window.t1, window.t2)
            except torch.cuda.OutOfMemoryError:
                self.core_size = _halve_core(self.core_size, self.info, self.hooks.log)
                pending.insert(0, (part, window))
                continue
            region = blend_region(part, width, height)
            inside = region.slices(window.window)
            self.accumulator.add(region, probability[inside], blend_weights(part, region, width, height),
                                 window.valid[inside], order=(core.y, core.x, part_index))
            part_index += 1
            self.windows_run += 1


def _halve_core(core_size: int, info: DeviceInfo, log: Callable[[str], None] | None) -> int:
    if info.kind == "cuda":
        torch.cuda.empty_cache()
    if core_size <= OUTPUT_STRIDE:
        raise DeviceError(f"{info.description}: out of memory even with {OUTPUT_STRIDE}-pixel tiles; close "
                          "other programs using the GPU or choose the CPU") from None
    core_size = max(OUTPUT_STRIDE, (core_size // 2) // OUTPUT_STRIDE * OUTPUT_STRIDE)
    if log:
        log(f"Out of GPU memory: tile size halved to {core_size} pixels")
    return core_size
