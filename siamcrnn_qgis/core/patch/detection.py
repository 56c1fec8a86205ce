"""Patch SiamCRNN detection: tiles with a halo of the patch radius, a background reader one tile ahead,
batched 5×5 patches, and the probability of change per pixel handed to the sink tile by tile."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from ..detection import DetectionHooks, DetectionSummary, Sink, WindowDetection, prepare_window, start_statistics
from ..device import DeviceInfo
from ..errors import Cancelled, DeviceError
from ..modelfile import ModelMetadata
from ..normalisation import BandStatistics
from ..options import DetectionOptions
from ..smoothing import box_mean
from ..sources import RasterSource
from .model import PATCH_RADIUS, PATCH_SIZE


@dataclass
class _Tile:
    """A tile to classify: ``width`` × ``height`` pixels (the core of side ``tile size`` plus ``margin`` on
    every side for the smoothing window) whose top-left core pixel is ``(x, y)``."""

    x: int
    y: int
    width: int
    height: int
    t1: np.ndarray  # normalised, channels last [h + 2r, w + 2r, C1], invalid pixels 0
    t2: np.ndarray
    valid: np.ndarray  # [h, w] both dates valid at the centre pixel
    margin: int = 0

    def finished(self, probability: np.ndarray, smoothing: int) -> np.ndarray:
        """The core's probability: the window mean of the classified pixels when smoothing."""
        return box_mean(probability, smoothing) if self.margin else probability

    @property
    def core_valid(self) -> np.ndarray:
        m = self.margin
        return self.valid[m:self.valid.shape[0] - m, m:self.valid.shape[1] - m]


def detect_patch(model: nn.Module, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource, sink: Sink,
                 options: DetectionOptions, hooks: DetectionHooks) -> DetectionSummary:
    """Patch-network detection: each pixel from the 5×5 patches centred on it, tile by tile, then (for
    models trained with smoothing) the mean over the smoothing window around it (core/smoothing.py)."""
    info = options.device
    stats, tile_start = start_statistics(metadata, t1, t2, options, hooks)
    runner = PatchRunner(model, info, options.batch_size, hooks.log)
    windows = tile_windows((0, 0, t1.width, t1.height), options.tile_size)
    total = t1.width * t1.height
    done = 0
    valid_pixels = 0

    def hand_over(tile: _Tile, core: np.ndarray) -> None:
        nonlocal done, valid_pixels
        sink(tile.x, tile.y, core)
        valid_pixels += int(tile.core_valid.sum())
        done += core.size
        hooks.progress(tile_start + (1.0 - tile_start) * done / total)

    run_tiles(runner, t1, t2, stats, windows, model_smoothing(metadata), hand_over, hooks.is_cancelled)
    return DetectionSummary(pixels=total, valid_pixels=valid_pixels, seconds=0.0, device=info,
                            batch_size=runner.batch_size, tiles=len(windows), tile_size=options.tile_size)


def detect_patch_window(model: nn.Module, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource,
                        stats: tuple[BandStatistics, BandStatistics], window: tuple[int, int, int, int],
                        options: DetectionOptions, hooks: DetectionHooks) -> WindowDetection:
    """The tiles of one window of whole tiles, exactly as :func:`detect_patch` computes them: a pixel
    depends only on its own patches (and, smoothed, on its neighbours', which every tile reads around its
    core), so windows share no pixel."""
    x, y, width, height = window
    probability = np.empty((height, width), dtype=np.float32)
    runner = PatchRunner(model, options.device, options.batch_size, hooks.log)
    tiles = tile_windows(window, options.tile_size)
    done = 0

    def store(tile: _Tile, core: np.ndarray) -> None:
        nonlocal done
        probability[tile.y - y:tile.y - y + core.shape[0], tile.x - x:tile.x - x + core.shape[1]] = core
        done += core.size
        hooks.progress(done / (width * height))

    run_tiles(runner, t1, t2, stats, tiles, model_smoothing(metadata), store, hooks.is_cancelled)
    return WindowDetection(regions=[(x, y, probability)], tiles=len(tiles))


def tile_windows(area: tuple[int, int, int, int], tile_size: int) -> list[tuple[int, int, int, int]]:
    """The tiles of ``area`` (x, y, width, height) on the grid anchored at the raster origin, row by row;
    the last row and column may be smaller."""
    x0, y0, width, height = area
    return [(x, y, min(tile_size, x0 + width - x), min(tile_size, y0 + height - y))
            for y in range(y0, y0 + height, tile_size) for x in range(x0, x0 + width, tile_size)]


def run_tiles(runner: PatchRunner, t1: RasterSource, t2: RasterSource,
              stats: tuple[BandStatistics, BandStatistics], windows: list[tuple[int, int, int, int]],
              smoothing: int, hand_over: Callable[[_Tile, np.ndarray], None], is_cancelled: Callable[[], bool]
              ) -> None:
    """Each tile's core probability ``[h, w]`` (smoothed over ``smoothing``² when it is above 1) to
    ``hand_over``, in order, read one tile ahead on a background thread."""
    in_flight: list[tuple[_Tile, Callable[[], np.ndarray]]] = []
    margin = smoothing // 2

    def finish_oldest() -> None:
        tile, finish = in_flight.pop(0)
        hand_over(tile, tile.finished(finish(), smoothing))

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="siamcrnn-read") as reader:
        pending = reader.submit(read_tile, t1, t2, stats, windows[0], margin)
        for index in range(len(windows)):
            tile = pending.result()
            if index + 1 < len(windows):
                pending = reader.submit(read_tile, t1, t2, stats, windows[index + 1], margin)
            in_flight.append((tile, runner.start_tile(tile, is_cancelled)))
            # On a GPU the next tile is queued before the previous one goes to the sink, so writing
            # overlaps compute; on the CPU there is no idle core to overlap with.
            while len(in_flight) > runner.tiles_in_flight:
                finish_oldest()
        while in_flight:
            finish_oldest()


def read_tile(t1: RasterSource, t2: RasterSource, stats: tuple[BandStatistics, BandStatistics],
              window: tuple[int, int, int, int], margin: int = 0) -> _Tile:
    """The window's core plus ``margin`` pixels on every side (outside the raster: invalid), each with the
    patch radius around it."""
    x, y, width, height = window
    width, height = width + 2 * margin, height + 2 * margin
    a1, valid1 = prepare_window(t1, stats[0], x - margin, y - margin, width, height, PATCH_RADIUS)
    a2, valid2 = prepare_window(t2, stats[1], x - margin, y - margin, width, height, PATCH_RADIUS)
    inner = np.s_[PATCH_RADIUS:PATCH_RADIUS + height, PATCH_RADIUS:PATCH_RADIUS + width]
    return _Tile(x, y, width, height, a1, a2, valid1[inner] & valid2[inner], margin)


def model_smoothing(metadata: ModelMetadata) -> int:
    """Side of the smoothing window a patch model was trained with (1 = none, as in files of version 0.1)."""
    return int(metadata.hyperparameters.get("smoothing", 1))


_OFFSETS = np.arange(PATCH_SIZE)


def gather_patches(padded: np.ndarray | torch.Tensor, rows: np.ndarray | torch.Tensor,
                   cols: np.ndarray | torch.Tensor) -> torch.Tensor:
    """Patches ``[N, C, 5, 5]`` (channels-last memory) centred on ``(rows, cols)`` of the un-padded
    window, from a channels-last window padded by the patch radius: numpy arrays, or tensors on one
    device (a GPU cuts its own patches)."""
    if isinstance(padded, torch.Tensor):
        offsets = torch.arange(PATCH_SIZE, device=padded.device)
        patches = padded[rows[:, None, None] + offsets[None, :, None], cols[:, None, None] + offsets[None, None, :]]
        return patches.permute(0, 3, 1, 2)
    patches = padded[rows[:, None, None] + _OFFSETS[None, :, None], cols[:, None, None] + _OFFSETS[None, None, :]]
    return torch.from_numpy(patches).permute(0, 3, 1, 2)


class PatchRunner:
    """Runs the patch network over batches on one device, halving the batch on CUDA out-of-memory."""

    def __init__(self, model: nn.Module, info: DeviceInfo, batch_size: int,
                 log: Callable[[str], None] | None = None) -> None:
        self.info = info
        self.batch_size = batch_size
        self.log = log
        # channels_last suits both cuDNN and oneDNN on these small patches (measured ~1.3× on CPU).
        self.model = model.to(info.device).eval().to(memory_format=torch.channels_last)

    @property
    def tiles_in_flight(self) -> int:
        """Tiles queued on the device before the oldest is handed over: 1 on GPUs, 0 on the CPU."""
        return 0 if self.info.kind == "cpu" else 1

    def _transfer(self, array: torch.Tensor) -> torch.Tensor:
        if self.info.kind == "cuda":
            return array.pin_memory().to(self.info.device, non_blocking=True)
        return array.to(self.info.device)

    def _logits(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        """Change probability of patch pairs already on the device, float32, not synchronised."""
        with torch.inference_mode(), self.info.autocast():
            return torch.sigmoid(self.model(x1, x2).float())

    def _forward(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        return self._logits(self._transfer(x1), self._transfer(x2)).cpu()

    def predict(self, x1: torch.Tensor, x2: torch.Tensor, is_cancelled: Callable[[], bool] | None = None
                ) -> np.ndarray:
        """Change probabilities of patch pairs already in memory ``[N, C, 5, 5]``."""
        out = np.empty(x1.shape[0], dtype=np.float32)

        def run(start: int, stop: int) -> None:
            out[start:stop] = self._forward(x1[start:stop], x2[start:stop]).numpy()

        self._batched(x1.shape[0], run, is_cancelled)
        return out

    def start_tile(self, tile: _Tile, is_cancelled: Callable[[], bool] | None = None
                   ) -> Callable[[], np.ndarray]:
        """Start a tile; the returned function gives its probability ``[h, w]`` (NaN where either date is
        invalid). The CPU computes it here; a GPU gets the two windows (25× smaller than their patches),
        cuts the patches itself and runs asynchronously until the function is called."""
        probability = np.full((tile.height, tile.width), np.nan, dtype=np.float32)
        rows, cols = np.nonzero(tile.valid)
        if self.info.kind == "cpu":
            out = np.empty(rows.size, dtype=np.float32)

            def run_cpu(start: int, stop: int) -> None:
                out[start:stop] = self._forward(gather_patches(tile.t1, rows[start:stop], cols[start:stop]),
                                                gather_patches(tile.t2, rows[start:stop], cols[start:stop])
                                                ).numpy()

            self._batched(rows.size, run_cpu, is_cancelled)
            probability[rows, cols] = out
            return lambda: probability

        window1, window2 = self._transfer(torch.from_numpy(tile.t1)), self._transfer(torch.from_numpy(tile.t2))
        device_rows = self._transfer(torch.from_numpy(rows))
        device_cols = self._transfer(torch.from_numpy(cols))
        result = torch.empty(rows.size, dtype=torch.float32, device=self.info.device)

        def run_device(start: int, stop: int) -> None:
            r, c = device_rows[start:stop], device_cols[start:stop]
            result[start:stop] = self._logits(gather_patches(window1, r, c), gather_patches(window2, r, c))

        self._batched(rows.size, run_device, is_cancelled)
        if self.info.kind != "cuda":
            host = result.cpu()
            probability[rows, cols] = host.numpy()
            return lambda: probability
        host = torch.empty(rows.size, dtype=torch.float32, pin_memory=True)
        host.copy_(result, non_blocking=True)
        copied = torch.cuda.Event()
        copied.record()

        def finish() -> np.ndarray:
            copied.synchronize()
            probability[rows, cols] = host.numpy()
            return probability

        return finish

    def _batched(self, count: int, run: Callable[[int, int], None],
                 is_cancelled: Callable[[], bool] | None) -> None:
        """``run(start, stop)`` over batches of ``count`` items, halving the batch on out-of-memory."""
        start = 0
        while start < count:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("change detection cancelled")
            stop = min(start + self.batch_size, count)
            try:
                run(start, stop)
            except torch.cuda.OutOfMemoryError:
                self._halve_batch()
                continue
            start = stop

    def _halve_batch(self) -> None:
        if self.info.kind == "cuda":
            torch.cuda.empty_cache()
        if self.batch_size == 1:
            raise DeviceError(f"{self.info.description}: out of memory even with a batch of one pixel; close "
                              "other programs using the GPU or choose the CPU") from None
        self.batch_size = max(1, self.batch_size // 2)
        if self.log:
            self.log(f"Out of GPU memory: batch size halved to {self.batch_size}")
