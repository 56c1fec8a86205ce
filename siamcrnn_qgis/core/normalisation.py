"""Per-band z-score normalisation over a whole image, as in the paper, computed in one streamed pass
that ignores invalid pixels."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass

import numpy as np

from .errors import Cancelled, InputError
from .sources import RasterSource

#: Below this standard deviation a band is treated as constant (divided by 1 instead).
MIN_STD = 1e-12
#: Side of the windows the statistics are measured on (and merged in, row by row).
STATISTICS_WINDOW = 1024


@dataclass
class BandStatistics:
    """Mean and standard deviation per band, and how many valid pixels they were computed from."""

    mean: list[float]
    std: list[float]
    count: int

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> BandStatistics:
        mean = [float(v) for v in data["mean"]]
        std = [float(v) for v in data["std"]]
        if len(mean) != len(std):
            raise ValueError(f"{len(mean)} means but {len(std)} standard deviations")
        return cls(mean=mean, std=std, count=int(data["count"]))


@dataclass
class WindowMoments:
    """The valid-pixel count, mean and sum of squared deviations per band of one window (float64): what
    :func:`merge_moments` combines. Windows can be measured anywhere (another process, another machine)
    and merged later; merged in the same order they give the same statistics bit for bit."""

    count: int
    mean: np.ndarray
    m2: np.ndarray


def statistics_windows(width: int, height: int, window_size: int = STATISTICS_WINDOW
                       ) -> list[tuple[int, int, int, int]]:
    """The (x, y, width, height) windows :func:`compute_statistics` reads, in the order it merges them."""
    if window_size < 1:
        raise InputError(f"the statistics window size must be at least 1, got {window_size}")
    return [(x, y, min(window_size, width - x), min(window_size, height - y))
            for y in range(0, height, window_size) for x in range(0, width, window_size)]


def window_moments(source: RasterSource, x: int, y: int, width: int, height: int) -> WindowMoments | None:
    """The moments of one window's valid pixels; None when it has none."""
    data, valid = source.read(x, y, width, height)
    values = data[:, valid].astype(np.float64)
    n = values.shape[1]
    if n == 0:
        return None
    window_mean = values.mean(axis=1)
    return WindowMoments(n, window_mean, ((values - window_mean[:, None]) ** 2).sum(axis=1))


def merge_moments(moments: Iterable[WindowMoments | None], bands: int, name: str = "the image") -> BandStatistics:
    """Band statistics from window moments, merged in the order given with Chan's pairwise update in
    float64 (accurate on large rasters, where a running sum of squares would not be). A constant band
    gets std 1.0; InputError when no window had a valid pixel."""
    count = 0
    mean = np.zeros(bands, dtype=np.float64)
    m2 = np.zeros(bands, dtype=np.float64)
    for window in moments:
        if window is None:
            continue
        n = window.count
        total = count + n
        delta = window.mean - mean
        mean += delta * (n / total)
        m2 += window.m2 + delta**2 * (count * n / total)
        count = total
    if count == 0:
        raise InputError(f"{name} has no valid pixel (every pixel is nodata, NaN or infinite): check its "
                         "nodata value, or that the right file and bands were chosen")
    std = np.sqrt(m2 / count)
    std[std < MIN_STD] = 1.0
    return BandStatistics(mean=mean.tolist(), std=std.tolist(), count=int(count))


def compute_statistics(
    source: RasterSource, window_size: int = STATISTICS_WINDOW, is_cancelled: Callable[[], bool] | None = None,
    name: str = "the image",
) -> BandStatistics:
    """Mean and population std per band over the valid pixels, reading the raster window by window
    (:func:`statistics_windows`, merged by :func:`merge_moments`). ``name`` ('T1', 'T2') says which image
    an error is about."""
    windows = statistics_windows(source.width, source.height, window_size)

    def measured() -> Iterator[WindowMoments | None]:
        for window in windows:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("cancelled while computing image statistics")
            yield window_moments(source, *window)

    return merge_moments(measured(), source.band_count, name)


def normalise(array: np.ndarray, stats: BandStatistics) -> np.ndarray:
    """Z-score ``[bands, h, w]`` with the statistics, as float32. Callers set invalid pixels to 0."""
    if array.shape[0] != len(stats.mean):
        raise InputError(f"the image has {array.shape[0]} bands but the statistics have {len(stats.mean)}")
    mean = np.asarray(stats.mean, dtype=np.float64).reshape(-1, 1, 1)
    std = np.asarray(stats.std, dtype=np.float64).reshape(-1, 1, 1)
    return ((array - mean) / std).astype(np.float32)
