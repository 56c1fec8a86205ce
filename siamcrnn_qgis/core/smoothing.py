"""Spatial regularisation of a change-probability map: each pixel's probability replaced by the mean over
the valid pixels of the square window centred on it.

The patch network classifies every pixel from its own 5×5 patch, so its map is speckled, most of all on
SAR and VHR pairs; averaging over a small window removes isolated false alarms and fills pinholes in
changed areas (docs/accuracy.md has the measurements). The sums run over the window in one fixed order
for every pixel, so a pixel's value does not depend on how the raster was cut into tiles.
"""

from __future__ import annotations

import numpy as np


def box_mean(probability: np.ndarray, size: int) -> np.ndarray:
    """Mean of the finite values of each ``size``² window of ``probability`` ``[h + 2r, w + 2r]`` (NaN =
    invalid, r = size // 2), for the ``[h, w]`` centre; NaN where the centre pixel itself is invalid."""
    if size <= 1:
        return probability.copy()
    radius = size // 2
    valid = np.isfinite(probability)
    values = np.where(valid, probability, 0.0).astype(np.float32)
    counts = valid.astype(np.float32)
    height, width = probability.shape[0] - 2 * radius, probability.shape[1] - 2 * radius
    total = np.zeros((height, width), dtype=np.float32)
    count = np.zeros((height, width), dtype=np.float32)
    for dy in range(size):
        for dx in range(size):
            total += values[dy:dy + height, dx:dx + width]
            count += counts[dy:dy + height, dx:dx + width]
    result = total / np.maximum(count, 1.0)
    result[~valid[radius:radius + height, radius:radius + width]] = np.nan
    return result


def neighbourhood_mean(rows: np.ndarray, cols: np.ndarray, known_rows: np.ndarray, known_cols: np.ndarray,
                       known_values: np.ndarray, width: int, size: int) -> np.ndarray:
    """The same window mean at scattered pixels, from probabilities known at other scattered pixels (the
    valid neighbours; pixels missing from ``known_*`` count as invalid)."""
    radius = size // 2
    keys = known_rows.astype(np.int64) * width + known_cols
    order = np.argsort(keys)
    keys, values = keys[order], known_values[order]
    total = np.zeros(rows.size, dtype=np.float64)
    count = np.zeros(rows.size, dtype=np.int64)
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            r, c = rows + dy, cols + dx
            inside = (r >= 0) & (c >= 0) & (c < width)
            wanted = r.astype(np.int64) * width + c
            at = np.clip(np.searchsorted(keys, wanted), 0, max(keys.size - 1, 0))
            found = inside & (keys.size > 0) & (keys[at] == wanted) if keys.size else np.zeros(rows.size, bool)
            total[found] += values[at[found]]
            count[found] += 1
    with np.errstate(invalid="ignore"):
        return np.where(count > 0, total / np.maximum(count, 1), np.nan).astype(np.float32)


def neighbourhood(rows: np.ndarray, cols: np.ndarray, width: int, height: int, size: int
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Every pixel (unique, row-major) within the ``size``² windows centred on the given pixels."""
    radius = size // 2
    offsets = np.arange(-radius, radius + 1)
    r = (rows[:, None, None] + offsets[None, :, None]).repeat(size, axis=2).ravel()
    c = (cols[:, None, None] + offsets[None, None, :]).repeat(size, axis=1).ravel()
    inside = (r >= 0) & (r < height) & (c >= 0) & (c < width)
    keys = np.unique(r[inside].astype(np.int64) * width + c[inside])
    return keys // width, keys % width
