"""Per-band z-score normalisation over a whole image, as in the paper, computed in one streamed pass
that ignores invalid pixels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np

from .errors import Cancelled, InputError
from .sources import RasterSource

#: Below this standard deviation a band is treated as constant (divided by 1 instead).
MIN_STD = 1e-12


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


def compute_statistics(
    source: RasterSource, window_size: int = 1024, is_cancelled: Callable[[], bool] | None = None,
    name: str = "the image",
) -> BandStatistics:
    """Mean and population std per band over the valid pixels, reading the raster window by window.

    Windows are merged with Chan's pairwise update in float64, which stays accurate on large rasters
    where a running sum of squares would not. A constant band gets std 1.0. ``name`` ('T1', 'T2')
    says which image an error is about.
    """
    if window_size < 1:
        raise InputError(f"the statistics window size must be at least 1, got {window_size}")
    bands = source.band_count
    count = 0
    mean = np.zeros(bands, dtype=np.float64)
    m2 = np.zeros(bands, dtype=np.float64)
    for y in range(0, source.height, window_size):
        for x in range(0, source.width, window_size):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("cancelled while computing image statistics")
            width = min(window_size, source.width - x)
            height = min(window_size, source.height - y)
            data, valid = source.read(x, y, width, height)
            values = data[:, valid].astype(np.float64)
            n = values.shape[1]
            if n == 0:
                continue
            window_mean = values.mean(axis=1)
            window_m2 = ((values - window_mean[:, None]) ** 2).sum(axis=1)
            total = count + n
            delta = window_mean - mean
            mean += delta * (n / total)
            m2 += window_m2 + delta**2 * (count * n / total)
            count = total
    if count == 0:
        raise InputError(f"{name} has no valid pixel (every pixel is nodata, NaN or infinite): check its "
                         "nodata value, or that the right file and bands were chosen")
    std = np.sqrt(m2 / count)
    std[std < MIN_STD] = 1.0
    return BandStatistics(mean=mean.tolist(), std=std.tolist(), count=int(count))


def normalise(array: np.ndarray, stats: BandStatistics) -> np.ndarray:
    """Z-score ``[bands, h, w]`` with the statistics, as float32. Callers set invalid pixels to 0."""
    if array.shape[0] != len(stats.mean):
        raise InputError(f"the image has {array.shape[0]} bands but the statistics have {len(stats.mean)}")
    mean = np.asarray(stats.mean, dtype=np.float64).reshape(-1, 1, 1)
    std = np.asarray(stats.std, dtype=np.float64).reshape(-1, 1, 1)
    return ((array - mean) / std).astype(np.float32)
