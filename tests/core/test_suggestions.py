"""Suggest where to label next: ranking, spacing, class share, exclusions and streaming, on probability fields
whose uncertain region is known, and through detection with a small model (cancel, progress)."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.errors import Cancelled, InputError
from siamcrnn_qgis.core.options import DetectionOptions
from siamcrnn_qgis.core.sources import ArraySource
from siamcrnn_qgis.core.suggestions import SuggestionScorer, check_settings, suggest_labels, uncertainty

from .helpers import make_model, synthetic_pair

THRESHOLD = 0.3
UNSURE = np.s_[10:60, 10:110]  # probability just under the threshold: the model cannot tell
CHANGED = np.s_[80:110, 10:40]  # confidently changed


def probability_field() -> np.ndarray:
    probability = np.full((120, 120), 0.02, np.float32)  # confidently unchanged
    probability[UNSURE] = 0.28
    probability[CHANGED] = 0.95
    return probability


def inside(box, region) -> bool:
    rows, cols = region
    return (rows.start <= box.y and box.y + box.size <= rows.stop
            and cols.start <= box.x and box.x + box.size <= cols.stop)


def gap(a, b) -> int:
    """Pixels between two boxes' edges (the larger of the row and column gaps; negative when they overlap)."""
    return max(abs(a.x - b.x), abs(a.y - b.y)) - a.size


def scorer_for(probability, box=10, labelled=None) -> SuggestionScorer:
    scorer = SuggestionScorer(probability.shape[1], probability.shape[0], box, THRESHOLD, labelled)
    scorer.add(0, 0, probability)
    return scorer


def test_uncertainty_is_one_at_the_threshold_and_zero_at_the_ends():
    values = uncertainty(np.array([0.0, 0.15, 0.3, 0.65, 1.0, np.nan]), 0.3)
    np.testing.assert_allclose(values[:5], [0.0, 0.5, 1.0, 0.5, 0.0], atol=1e-6)
    assert np.isnan(values[5])


def test_uncertain_region_ranks_first_then_the_reserved_changed_share():
    chosen = scorer_for(probability_field()).select(6, min_distance=5)
    assert [item.rank for item in chosen] == [1, 2, 3, 4, 5, 6]
    # a quarter of 6 (rounded: 2) is kept for the predicted-changed class, the rest is the unsure region
    assert all(inside(item, UNSURE) and item.predicted == 0 for item in chosen[:4])
    assert all(inside(item, CHANGED) and item.predicted == 1 for item in chosen[4:])
    assert chosen[0].score == pytest.approx(0.28 / THRESHOLD, abs=1e-5)
    assert chosen[0].probability == pytest.approx(0.28, abs=1e-6)
    assert chosen[0].score > chosen[4].score
    for index, item in enumerate(chosen):
        assert all(gap(item, other) >= 5 for other in chosen[index + 1:]), "boxes keep the minimum distance"


def test_minimum_distance_spreads_the_boxes():
    near = scorer_for(probability_field()).select(4, min_distance=0, class_share=0.0)
    far = scorer_for(probability_field()).select(4, min_distance=45, class_share=0.0)
    assert all(inside(item, UNSURE) for item in near)
    assert min(gap(a, b) for i, a in enumerate(near) for b in near[i + 1:]) >= 0
    assert min(gap(a, b) for i, a in enumerate(far) for b in far[i + 1:]) >= 45
    assert sum(inside(item, UNSURE) for item in far) < 4, "45 pixels apart, not all fit in the unsure region"


def test_boxes_split_between_the_predicted_classes_rank_lower():
    probability = np.full((60, 60), 0.02, np.float32)
    probability[4:14, 4:14] = 0.25  # pure predicted unchanged, uncertainty 0.83
    probability[30:50, 30:50] = 0.25
    probability[30:50, 30:50:2] = 0.36  # every other column predicted changed: mean uncertainty 0.87
    best = scorer_for(probability).select(1, min_distance=0, class_share=0.0)[0]
    assert (best.x, best.y, best.predicted) == (4, 4, 0)
    assert best.score == pytest.approx(0.25 / THRESHOLD, abs=1e-5)


def test_never_on_labels_or_nodata():
    probability = probability_field()
    probability[10:60, 10:60] = np.nan  # half the unsure region is nodata
    labelled = np.zeros(probability.shape, bool)
    labelled[10:60, 60:95] = True  # and most of the other half is labelled
    chosen = scorer_for(probability, labelled=labelled).select(12, min_distance=2)
    assert len(chosen) == 12
    for item in chosen:
        window = np.s_[item.y:item.y + item.size, item.x:item.x + item.size]
        assert np.isfinite(probability[window]).all() and not labelled[window].any()
    assert any(inside(item, np.s_[10:60, 95:110]) for item in chosen), "the free unsure strip is still found"


def test_streamed_tiles_give_the_same_suggestions_as_one_region():
    probability = probability_field()
    whole = scorer_for(probability, box=12).select(8, min_distance=3)
    tiled = SuggestionScorer(120, 120, 12, THRESHOLD)
    for y in range(0, 120, 32):
        for x in range(0, 120, 32):
            tiled.add(x, y, probability[y:y + 32, x:x + 32])
    assert tiled.select(8, min_distance=3) == whole


def test_box_sides_that_no_small_count_divides_still_fit_exactly():
    scorer = scorer_for(probability_field(), box=13)  # prime: one cell per box
    chosen = scorer.select(3, min_distance=0)
    assert all(item.size == 13 and item.x + 13 <= 120 and item.y + 13 <= 120 for item in chosen)


@pytest.mark.parametrize(("count", "box", "gap_", "message"), [
    (0, 10, 0, "at least 1, got 0"),
    (5, 2, 0, "at least 3 pixels"),
    (5, 130, 0, "larger than the 120×100 image; choose a box size of at most 100"),
    (5, 10, -1, "cannot be negative"),
])
def test_bad_settings_say_what_to_change(count, box, gap_, message):
    with pytest.raises(InputError, match=message):
        check_settings(count, box, gap_, 120, 100)


def test_through_detection_with_progress_and_cancel():
    t1, t2, _ = synthetic_pair(40, 48)
    model, metadata = make_model()
    fractions = []
    chosen = suggest_labels(model, metadata, ArraySource(t1), ArraySource(t2), 4, 8, 2,
                            options=DetectionOptions(tile_size=16, device="cpu"), progress=fractions.append)
    assert len(chosen) == 4 and fractions[-1] == pytest.approx(1.0)
    assert all(0 <= item.score <= 1 and item.predicted in (0, 1) for item in chosen)
    with pytest.raises(Cancelled):
        suggest_labels(model, metadata, ArraySource(t1), ArraySource(t2), 4, 8, 2, is_cancelled=lambda: True)


def test_nothing_fits_is_an_error_naming_the_fix():
    t1, t2, _ = synthetic_pair(20, 20)
    model, metadata = make_model()
    with pytest.raises(InputError, match="choose a smaller box size"):
        suggest_labels(model, metadata, ArraySource(t1), ArraySource(t2), 3, 10, 0,
                       labelled=np.ones((20, 20), bool))
