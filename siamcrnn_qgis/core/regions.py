"""Connected regions of labelled pixels, and the validation split that keeps whole regions apart.

Works on runs of labelled pixels rather than on pixels, with numpy only, so a label raster with tens of
thousands of labelled pixels is grouped in milliseconds and no dense label image is allocated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Label values: 0 unchanged, 1 changed; anything else is unlabelled, and label rasters use 255 for it.
UNCHANGED, CHANGED, UNLABELLED = 0, 1, 255


def _runs(mask: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Row, start column and end column (exclusive) of every horizontal run of True, row-major."""
    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)
    return rows, starts, ends


def _merge(count: int, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Component id (0..k-1, in order of first appearance) of each of ``count`` nodes joined by edges."""
    parent = np.arange(count)
    while True:
        low = np.minimum(parent[first], parent[second])
        updated = parent.copy()
        np.minimum.at(updated, first, low)
        np.minimum.at(updated, second, low)
        while True:  # pointer jumping until every node points at a root
            jumped = updated[updated]
            if np.array_equal(jumped, updated):
                break
            updated = jumped
        if np.array_equal(updated, parent):
            break
        parent = updated
    _, ids = np.unique(parent, return_inverse=True)
    return ids.reshape(-1)


def connected_components(mask: np.ndarray, reach: int = 1) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns (``np.nonzero`` order) and component ids of the True pixels of ``mask``.

    Two pixels are connected when their Chebyshev distance is at most ``reach``: 1 gives the usual
    8-connectivity; 4 joins pixels whose 5×5 patches overlap.
    """
    mask = np.asarray(mask, dtype=bool)
    run_rows, starts, ends = _runs(mask)
    count = run_rows.size
    if count == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    scale = mask.shape[1] + 2 * reach + 2
    start_keys = run_rows * scale + starts
    reach_keys = run_rows * scale + ends - 1 + reach  # last column a neighbour run may start at
    first, second = [], []
    for row_step in range(0, reach + 1):
        target = (run_rows + row_step) * scale
        if row_step == 0:
            low = np.arange(1, count + 1)
        else:
            low = np.searchsorted(reach_keys, target + starts, side="left")
        high = np.searchsorted(start_keys, target + ends - 1 + reach, side="right")
        sizes = np.maximum(high - low, 0)
        source = np.repeat(np.arange(count), sizes)
        offsets = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        first.append(source)
        second.append(np.repeat(low, sizes) + offsets)
    run_ids = _merge(count, np.concatenate(first), np.concatenate(second))
    lengths = ends - starts
    rows = np.repeat(run_rows, lengths)
    cols = np.repeat(starts, lengths) + (np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths))
    return rows, cols, np.repeat(run_ids, lengths)


@dataclass
class LabelledPixels:
    """Every labelled pixel (0 unchanged, 1 changed) with its position, class and leak-free group."""

    rows: np.ndarray
    cols: np.ndarray
    classes: np.ndarray
    groups: np.ndarray

    @property
    def counts(self) -> tuple[int, int]:
        return int((self.classes == 0).sum()), int((self.classes == 1).sum())


def labelled_pixels(labels: np.ndarray, reach: int) -> LabelledPixels:
    """Labelled pixels grouped so that pixels of two groups are always more than ``reach`` apart (the
    architecture's reach: 4 for the patch network, whose 5×5 patches then never overlap)."""
    labels = np.asarray(labels)
    rows, cols, groups = connected_components((labels == 0) | (labels == 1), reach=max(1, reach))
    return LabelledPixels(rows, cols, labels[rows, cols].astype(np.uint8), groups)


def split_groups(pixels: LabelledPixels, fraction: float, rng: np.random.Generator) -> np.ndarray | None:
    """Validation mask over the pixels made of whole groups, aiming at ``fraction`` of each class.

    Returns None when no such split leaves both classes in training and in validation.
    """
    group_count = int(pixels.groups.max()) + 1
    per_group = np.zeros((group_count, 2), dtype=np.int64)
    np.add.at(per_group, (pixels.groups, pixels.classes.astype(np.int64)), 1)
    target = fraction * per_group.sum(axis=0)
    chosen = np.zeros(group_count, dtype=bool)
    taken = np.zeros(2, dtype=np.int64)
    for group in rng.permutation(group_count):
        counts = per_group[group]
        present = counts > 0
        wanted = present & (taken < target)
        fits = np.all(taken[present] + counts[present] <= 1.25 * target[present] + 1)
        if wanted.any() and fits:
            chosen[group] = True
            taken += counts
    remaining = per_group.sum(axis=0) - taken
    if np.any(taken == 0) or np.any(remaining == 0):
        return None
    return chosen[pixels.groups]


def split_spatially(pixels: LabelledPixels, fraction: float, reach: int) -> np.ndarray:
    """Fallback split: the last ``fraction`` of each class in row-major order becomes validation, and
    training pixels within ``reach`` of a validation pixel are left out (marked -1).

    Returns an int8 array: 1 validation, 0 training, -1 unused.
    """
    role = np.zeros(pixels.rows.size, dtype=np.int8)
    for label in (0, 1):
        members = np.nonzero(pixels.classes == label)[0]  # already in row-major order
        count = max(1, int(round(fraction * members.size)))
        role[members[members.size - count:]] = 1
    buffer = reach
    validation = role == 1
    top, left = pixels.rows.min(), pixels.cols.min()
    near = np.zeros((pixels.rows.max() - top + 1 + 2 * buffer, pixels.cols.max() - left + 1 + 2 * buffer), bool)
    for dy in range(-buffer, buffer + 1):
        for dx in range(-buffer, buffer + 1):
            near[pixels.rows[validation] - top + buffer + dy, pixels.cols[validation] - left + buffer + dx] = True
    touching = near[pixels.rows - top + buffer, pixels.cols - left + buffer] & ~validation
    role[touching] = -1
    return role
