"""Windowed raster readers the engine consumes: the :class:`RasterSource` protocol and an in-memory
:class:`ArraySource`. ``io`` provides a GDAL-backed source with the same protocol."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from .errors import InputError


@runtime_checkable
class RasterSource(Protocol):
    """A raster read window by window.

    ``read`` returns float32 ``[bands, h, w]`` and a bool valid mask ``[h, w]`` that is False where any
    band is nodata, NaN or ±Inf. The window always lies inside the raster.
    """

    width: int
    height: int
    band_count: int
    band_names: list[str]

    def read(self, x: int, y: int, width: int, height: int) -> tuple[np.ndarray, np.ndarray]: ...


class ArraySource:
    """A :class:`RasterSource` over an array in memory, ``[bands, h, w]`` or ``[h, w]``.

    Pixels equal to ``nodata`` in any band, NaN or ±Inf, or False in ``valid`` are invalid.
    """

    def __init__(
        self,
        array: np.ndarray,
        nodata: float | None = None,
        valid: np.ndarray | None = None,
        band_names: list[str] | None = None,
    ) -> None:
        array = np.asarray(array)
        if array.ndim == 2:
            array = array[np.newaxis]
        if array.ndim != 3:
            raise InputError(f"a raster array must be [bands, height, width] or [height, width], got shape "
                             f"{array.shape}")
        self.array = array
        self.band_count, self.height, self.width = (int(n) for n in array.shape)
        if self.band_count < 1 or self.height < 1 or self.width < 1:
            raise InputError(f"a raster array must not be empty, got shape {array.shape}")
        self.nodata = nodata
        if valid is not None:
            valid = np.asarray(valid, dtype=bool)
            if valid.shape != (self.height, self.width):
                raise InputError(f"the valid mask has shape {valid.shape}, the raster is "
                                 f"{self.height}×{self.width}")
        self.valid = valid
        if band_names is None:
            band_names = [f"band {i + 1}" for i in range(self.band_count)]
        if len(band_names) != self.band_count:
            raise InputError(f"{len(band_names)} band names given for {self.band_count} bands")
        self.band_names = list(band_names)

    def read(self, x: int, y: int, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
        check_window(self, x, y, width, height)
        window = self.array[:, y:y + height, x:x + width]
        valid = np.ones((height, width), dtype=bool)
        if self.nodata is not None:
            valid &= ~np.any(window == self.nodata, axis=0)
        data = window.astype(np.float32, copy=True)
        valid &= np.all(np.isfinite(data), axis=0)
        if self.valid is not None:
            valid &= self.valid[y:y + height, x:x + width]
        return data, valid


def check_window(source: RasterSource, x: int, y: int, width: int, height: int) -> None:
    """Raise ValueError unless the window is non-empty and lies inside the raster (a caller's bug)."""
    if width < 1 or height < 1 or x < 0 or y < 0 or x + width > source.width or y + height > source.height:
        raise ValueError(f"window x={x} y={y} {width}×{height} is outside the "
                         f"{source.width}×{source.height} raster")


def read_padded(source: RasterSource, x: int, y: int, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
    """Read a window that may extend past the raster edges; outside pixels are 0 and invalid."""
    data = np.zeros((source.band_count, height, width), dtype=np.float32)
    valid = np.zeros((height, width), dtype=bool)
    x0, y0 = max(x, 0), max(y, 0)
    x1, y1 = min(x + width, source.width), min(y + height, source.height)
    if x1 > x0 and y1 > y0:
        inner, inner_valid = source.read(x0, y0, x1 - x0, y1 - y0)
        data[:, y0 - y:y1 - y, x0 - x:x1 - x] = inner
        valid[y0 - y:y1 - y, x0 - x:x1 - x] = inner_valid
    return data, valid


def check_same_grid(t1: RasterSource, t2: RasterSource) -> None:
    """Raise InputError unless both dates have the same pixel size."""
    if (t1.width, t1.height) != (t2.width, t2.height):
        raise InputError(f"T1 is {t1.width}×{t1.height} pixels but T2 is {t2.width}×{t2.height}; both dates "
                         "must be on the same pixel grid (align them first)")


def check_minimum_size(source: RasterSource, size: int) -> None:
    """Raise InputError when the images are smaller than the ``size`` × ``size`` pixels the network needs
    around each pixel: no pixel would have a neighbourhood of real data."""
    if source.width < size or source.height < size:
        raise InputError(f"the images are {source.width} × {source.height} pixels, smaller than the {size} × "
                         f"{size} patch each pixel is classified from; use images at least {size} × {size} "
                         "pixels large (larger images give better results)")
