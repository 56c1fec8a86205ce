"""Where to label next: boxes where the model is least sure, spread over the scene, on both predicted classes.

The change probability streams in region by region (from :func:`detection.detect`); each region is folded
into a coarse grid of cells whose side divides the box side, so memory grows with the raster divided by
the cell area, never with the raster itself. A candidate box is a square of whole cells lying inside the
raster, on valid pixels only and on no labelled pixel. Its score is the mean uncertainty of its pixels
(1 at the model's threshold, 0 at probability 0 or 1), lowered for boxes that straddle the predicted class
edge (one value of ``change`` labels a whole box). Boxes are chosen greedily by score with a minimum gap
between them, a share of the count kept for each predicted class.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .detection import detect
from .errors import InputError
from .modelfile import ModelMetadata
from .options import DetectionOptions
from .sources import RasterSource

#: Share of the suggestions kept for each predicted class when both have candidates: a model sure that
#: nothing changed still gets changed-looking boxes checked, and the other way round.
CLASS_SHARE = 0.25
#: Weight of the class-edge penalty: a box half predicted changed keeps 1 − EDGE_PENALTY of its score.
EDGE_PENALTY = 0.5
#: Cells per box side tried in this order; the first that divides the box side sets the cell (the step
#: between candidate boxes).
CELLS_PER_BOX = (3, 4, 5, 2)


@dataclass(frozen=True)
class Suggestion:
    """One box to label: its top-left pixel and side, rank (1 = most informative), score, the model's
    guess (1 when most of its pixels are predicted changed) and its mean change probability."""

    rank: int
    x: int
    y: int
    size: int
    score: float
    predicted: int
    probability: float


def check_settings(count: int, box_size: int, min_distance: int, width: int, height: int) -> None:
    """InputError for a count below 1, a box below 3 pixels or larger than the image, a negative gap."""
    if count < 1:
        raise InputError(f"the number of suggestions must be at least 1, got {count}; ask for 1 or more boxes")
    if box_size < 3:
        raise InputError(f"the box size must be at least 3 pixels, got {box_size}")
    if box_size > min(width, height):
        raise InputError(f"a box of {box_size}×{box_size} pixels is larger than the {width}×{height} image; "
                         f"choose a box size of at most {min(width, height)} pixels")
    if min_distance < 0:
        raise InputError(f"the minimum distance between suggestions cannot be negative, got {min_distance}")


def uncertainty(probability: np.ndarray, threshold: float) -> np.ndarray:
    """1 where the probability is at the threshold, falling linearly to 0 at 0 and at 1 (NaN stays NaN)."""
    below = np.clip((probability - 0.0) / max(threshold, 1e-6), 0.0, 1.0)
    above = np.clip((1.0 - probability) / max(1.0 - threshold, 1e-6), 0.0, 1.0)
    return np.where(probability < threshold, below, above)


class SuggestionScorer:
    """A detection sink that folds the probability into box-sized statistics, then picks the boxes.

    ``labelled`` is an optional ``[height, width]`` mask of pixels labelled already (no box may touch one);
    pixels where the probability is NaN (nodata in either date) are never in a box either.
    """

    def __init__(self, width: int, height: int, box_size: int, threshold: float,
                 labelled: np.ndarray | None = None) -> None:
        self.width, self.height, self.box_size, self.threshold = width, height, box_size, float(threshold)
        self.cells_per_box = next((k for k in CELLS_PER_BOX if box_size % k == 0), 1)
        self.cell = box_size // self.cells_per_box
        shape = (-(-height // self.cell), -(-width // self.cell))
        self.valid = np.zeros(shape, np.float64)
        self.uncertain = np.zeros(shape, np.float64)
        self.changed = np.zeros(shape, np.float64)
        self.probability = np.zeros(shape, np.float64)
        self.labelled = np.zeros(shape, np.float64)
        if labelled is not None:
            if labelled.shape != (height, width):
                raise InputError(f"the labels are {labelled.shape[1]}×{labelled.shape[0]} pixels, the image "
                                 f"{width}×{height}")
            self._fold(self.labelled, 0, 0, np.asarray(labelled, bool).astype(np.float64))

    def _fold(self, target: np.ndarray, x: int, y: int, values: np.ndarray) -> None:
        rows = (y + np.arange(values.shape[0])) // self.cell
        cols = (x + np.arange(values.shape[1])) // self.cell
        index = rows[:, None] * target.shape[1] + cols[None, :]
        target += np.bincount(index.ravel(), weights=values.ravel(), minlength=target.size).reshape(target.shape)

    def add(self, x: int, y: int, probability: np.ndarray) -> None:
        """The sink: one region of probabilities (NaN = invalid) with top-left pixel ``(x, y)``."""
        valid = np.isfinite(probability)
        filled = np.where(valid, probability, 0.0).astype(np.float64)
        self._fold(self.valid, x, y, valid.astype(np.float64))
        self._fold(self.uncertain, x, y, np.where(valid, uncertainty(filled, self.threshold), 0.0))
        self._fold(self.changed, x, y, (valid & (filled >= self.threshold)).astype(np.float64))
        self._fold(self.probability, x, y, filled)

    def _box_sums(self, cells: np.ndarray) -> np.ndarray:
        """Sums over every k × k block of cells (k cells per box), top-left cell first."""
        k = self.cells_per_box
        total = np.pad(cells, ((1, 0), (1, 0))).cumsum(0).cumsum(1)
        return total[k:, k:] - total[:-k, k:] - total[k:, :-k] + total[:-k, :-k]

    def candidates(self) -> dict[str, np.ndarray]:
        """Every admissible box: its top-left pixel, score, predicted class and mean probability."""
        cell, area = self.cell, float(self.box_size ** 2)
        rows = (self.height - self.box_size) // cell + 1  # boxes lying wholly inside the raster
        cols = (self.width - self.box_size) // cell + 1
        sums = {name: self._box_sums(getattr(self, name))[:rows, :cols]
                for name in ("valid", "uncertain", "changed", "probability", "labelled")}
        admissible = (sums["valid"] >= area - 0.5) & (sums["labelled"] < 0.5)
        r, c = np.nonzero(admissible)
        changed_share = sums["changed"][r, c] / area
        score = sums["uncertain"][r, c] / area * (1.0 - EDGE_PENALTY * (1.0 - np.abs(2.0 * changed_share - 1.0)))
        return {"x": c * cell, "y": r * cell, "row": r, "col": c, "score": score,
                "predicted": (changed_share >= 0.5).astype(np.int64),
                "probability": sums["probability"][r, c] / area}

    def select(self, count: int, min_distance: int, scores: np.ndarray | None = None,
               class_share: float = CLASS_SHARE) -> list[Suggestion]:
        """Up to ``count`` boxes, best first, at least ``min_distance`` pixels apart (edge to edge), with
        ``class_share`` of ``count`` kept for each predicted class while that class has candidates.

        ``scores`` replaces the uncertainty scores in the choice (a benchmark draws random ones); the
        suggestions still report the uncertainty score. The rank follows the order of choice.
        """
        found = self.candidates()
        order_by = found["score"] if scores is None else np.asarray(scores)
        if order_by.shape != found["score"].shape:
            raise ValueError(f"{order_by.size} scores given for {found['score'].size} candidate boxes")
        order = np.argsort(-order_by, kind="stable")
        reserved = int(round(class_share * count))
        available = np.bincount(found["predicted"], minlength=2)
        # the most boxes of one class while the other class can still get its reserved share
        limit = [count - min(reserved, int(available[1 - c])) for c in (0, 1)]
        chosen = self._greedy(found, order, count, min_distance, limit)
        if len(chosen) < count and max(limit) < count:  # the reserved class ran out of spaced boxes
            chosen = self._greedy(found, order, count, min_distance, [count, count], chosen)
        return [Suggestion(rank=rank, x=int(found["x"][i]), y=int(found["y"][i]), size=self.box_size,
                           score=float(found["score"][i]), predicted=int(found["predicted"][i]),
                           probability=float(found["probability"][i]))
                for rank, i in enumerate(chosen, start=1)]

    def _greedy(self, found: dict, order: np.ndarray, count: int, min_distance: int, limit: list[int],
                start: list[int] | None = None) -> list[int]:
        rows = (self.height - self.box_size) // self.cell + 1
        cols = (self.width - self.box_size) // self.cell + 1
        blocked = np.zeros((rows, cols), bool)
        # another box's top-left cell must be this far (in cells) from a chosen one's, on rows or columns
        reach = -(-(self.box_size + min_distance) // self.cell)
        chosen: list[int] = []
        taken = [0, 0]

        def take(index: int) -> None:
            r, c = found["row"][index], found["col"][index]
            blocked[max(0, r - reach + 1):r + reach, max(0, c - reach + 1):c + reach] = True
            chosen.append(index)
            taken[found["predicted"][index]] += 1

        for index in start or []:
            take(index)
        for index in order:
            if len(chosen) >= count:
                break
            kind = found["predicted"][index]
            if taken[kind] >= limit[kind] or blocked[found["row"][index], found["col"][index]]:
                continue
            take(int(index))
        return chosen


def suggest_labels(model, metadata: ModelMetadata, t1: RasterSource, t2: RasterSource, count: int,
                   box_size: int, min_distance: int, labelled: np.ndarray | None = None,
                   options: DetectionOptions | None = None, *, threshold: float | None = None,
                   progress: Callable[[float], None] | None = None, is_cancelled: Callable[[], bool] | None = None,
                   log: Callable[[str], None] | None = None) -> list[Suggestion]:
    """The ``count`` most informative boxes of ``box_size`` pixels to label next over the pair, streamed
    tile by tile through :func:`detection.detect` (same checks, options, progress and cancel)."""
    check_settings(count, box_size, min_distance, t1.width, t1.height)
    scorer = SuggestionScorer(t1.width, t1.height, box_size,
                              metadata.threshold if threshold is None else threshold, labelled)
    detect(model, metadata, t1, t2, scorer.add, options or DetectionOptions(), progress=progress,
           is_cancelled=is_cancelled, log=log)
    suggestions = scorer.select(count, min_distance)
    if not suggestions:
        raise InputError(f"no box of {box_size}×{box_size} pixels lies wholly on valid, unlabelled pixels of both "
                         "images; choose a smaller box size")
    return suggestions
