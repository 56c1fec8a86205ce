"""The decision threshold chosen at training time (core/thresholds.py), on cases whose answer is known."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.metrics import ChangeMetrics
from siamcrnn_qgis.core.thresholds import (
    CANDIDATES,
    MIN_VALIDATION_PIXELS,
    PLATEAU,
    choose_threshold,
    estimate_prior,
    weighted_kappa,
)


def balanced_posterior(classes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """What a network trained on balanced classes outputs when the evidence is x ~ N(±1, 1): σ(2x)."""
    x = rng.normal(np.where(classes == 1, 1.0, -1.0), 1.0)
    return 1.0 / (1.0 + np.exp(-2.0 * x))


@pytest.mark.parametrize("prior", [0.02, 0.05, 0.2, 0.5])
def test_the_share_of_change_is_recovered_from_balanced_posteriors(prior):
    rng = np.random.default_rng(1)
    classes = (rng.random(200_000) < prior).astype(np.uint8)
    estimate = estimate_prior(balanced_posterior(classes, rng))
    assert estimate == pytest.approx(classes.mean(), abs=0.01)


def test_a_rare_change_raises_the_threshold_and_scores_better_on_the_scene():
    rng = np.random.default_rng(2)
    # validation as an analyst labels it: a third changed; the scene: 4 % changed
    val_classes = (rng.random(3000) < 1 / 3).astype(np.uint8)
    scene_classes = (rng.random(100_000) < 0.04).astype(np.uint8)
    scene = balanced_posterior(scene_classes, rng)
    choice = choose_threshold(balanced_posterior(val_classes, rng), val_classes, scene)
    assert choice.prior == pytest.approx(0.04, abs=0.01)
    assert choice.threshold > 0.6
    assert choice.kappa > choice.kappa_at_half
    # and on the scene itself the chosen threshold beats 0.5 by a clear margin
    at_choice = ChangeMetrics.from_maps((scene >= choice.threshold).astype(np.uint8), scene_classes).kappa
    at_half = ChangeMetrics.from_maps((scene >= 0.5).astype(np.uint8), scene_classes).kappa
    assert at_choice > at_half + 0.05


def test_a_scene_with_little_change_never_lowers_the_threshold_below_one_half():
    # validation that would prefer 0.3: changed pixels at 0.35, unchanged at 0.1
    classes = np.array([0] * 200 + [1] * 100, dtype=np.uint8)
    probability = np.r_[np.full(200, 0.1), np.full(100, 0.35)]
    rng = np.random.default_rng(6)
    scene = balanced_posterior((rng.random(20_000) < 0.05).astype(np.uint8), rng)
    choice = choose_threshold(probability, classes, scene)
    assert choice.prior < 0.5 and choice.threshold >= 0.5


def test_one_half_is_a_candidate_so_the_choice_is_never_worse_than_it_beyond_the_plateau():
    assert (CANDIDATES == 0.5).sum() == 1
    # validation that 0.5 separates perfectly and the next grid step above it (0.525) does not:
    # changed pixels at 0.51, unchanged at 0.2, in a scene with little change
    classes = np.array([0] * 300 + [1] * 100, dtype=np.uint8)
    probability = np.r_[np.full(300, 0.2), np.full(100, 0.51)]
    rng = np.random.default_rng(8)
    scene = balanced_posterior((rng.random(20_000) < 0.1).astype(np.uint8), rng)
    choice = choose_threshold(probability, classes, scene)
    assert choice.kappa_at_half == pytest.approx(1.0)
    assert choice.kappa >= choice.kappa_at_half - PLATEAU
    assert 0.5 <= choice.threshold <= 0.51


def test_a_half_changed_scene_keeps_the_threshold_near_one_half():
    rng = np.random.default_rng(3)
    val_classes = (rng.random(4000) < 0.5).astype(np.uint8)
    scene_classes = (rng.random(50_000) < 0.5).astype(np.uint8)
    choice = choose_threshold(balanced_posterior(val_classes, rng), val_classes,
                              balanced_posterior(scene_classes, rng))
    assert 0.35 < choice.threshold < 0.65


def test_too_few_validation_pixels_keep_one_half_and_say_why():
    classes = np.array([0] * 500 + [1] * (MIN_VALIDATION_PIXELS - 1), dtype=np.uint8)
    choice = choose_threshold(np.linspace(0, 1, classes.size), classes, np.full(100, 0.2))
    assert choice.threshold == 0.5 and choice.prior is None
    assert f"hold {MIN_VALIDATION_PIXELS - 1} changed and 500 unchanged samples" in choice.reason


def test_no_scene_sample_keeps_one_half():
    classes = np.array([0, 1] * 100, dtype=np.uint8)
    choice = choose_threshold(np.linspace(0, 1, classes.size), classes, np.full(4, np.nan))
    assert choice.threshold == 0.5 and "no scene pixels" in choice.reason


def test_among_equally_good_thresholds_the_scene_share_of_change_decides():
    # clear-cut validation boxes: every threshold between 0.02 and 0.98 scores kappa 1 on them
    classes = np.array([0] * 100 + [1] * 100, dtype=np.uint8)
    probability = np.r_[np.full(100, 0.02), np.full(100, 0.98)]
    rng = np.random.default_rng(5)
    scene_classes = (rng.random(50_000) < 0.2).astype(np.uint8)
    scene = balanced_posterior(scene_classes, rng)  # the scene is about 20 % changed
    scene_map = rng.random(20_000)  # a map whose changed share is 1 - threshold
    choice = choose_threshold(probability, classes, scene, scene_map)
    assert choice.prior == pytest.approx(0.2, abs=0.02)
    assert choice.kappa == pytest.approx(1.0)
    assert 1 - choice.threshold == pytest.approx(choice.prior, abs=0.03)


def test_weighted_kappa_with_the_validation_share_is_plain_kappa():
    rng = np.random.default_rng(4)
    classes = (rng.random(500) < 0.3).astype(np.uint8)
    predicted = rng.random(500) < 0.35
    plain = ChangeMetrics.from_maps(predicted.astype(np.uint8), classes).kappa
    assert weighted_kappa(predicted[None], classes, classes.mean())[0] == pytest.approx(plain, abs=1e-9)
