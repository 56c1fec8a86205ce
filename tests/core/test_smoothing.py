"""The probability map's window mean (core/smoothing.py): its definition, nodata, tiling, and the scattered
form training uses to choose the threshold on what detection will output."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.detection import predict_arrays
from siamcrnn_qgis.core.smoothing import box_mean, neighbourhood, neighbourhood_mean

from .helpers import make_model, synthetic_pair


def reference_mean(probability: np.ndarray, size: int) -> np.ndarray:
    """The definition, pixel by pixel: mean of the finite values of the window, NaN at invalid centres."""
    radius = size // 2
    height, width = probability.shape
    out = np.full((height, width), np.nan)
    for r in range(height):
        for c in range(width):
            if np.isfinite(probability[r, c]):
                window = probability[max(0, r - radius):r + radius + 1, max(0, c - radius):c + radius + 1]
                out[r, c] = np.nanmean(window)
    return out


@pytest.fixture()
def speckled():
    rng = np.random.default_rng(0)
    probability = rng.random((23, 31)).astype(np.float32)
    probability[rng.random(probability.shape) < 0.1] = np.nan
    return probability


@pytest.mark.parametrize("size", [3, 5])
def test_box_mean_is_the_mean_of_the_valid_pixels_of_each_window(speckled, size):
    radius = size // 2
    padded = np.pad(speckled, radius, constant_values=np.nan)
    result = box_mean(padded, size)
    np.testing.assert_array_equal(np.isnan(result), np.isnan(speckled))
    np.testing.assert_allclose(result, reference_mean(speckled, size), rtol=1e-6, atol=1e-6)


def test_box_mean_of_size_one_changes_nothing(speckled):
    np.testing.assert_array_equal(box_mean(speckled, 1), speckled)


def test_scattered_means_agree_with_the_map(speckled):
    size = 5
    expected = reference_mean(speckled, size)
    rng = np.random.default_rng(1)
    valid_rows, valid_cols = np.nonzero(np.isfinite(speckled))
    pick = rng.choice(valid_rows.size, 40, replace=False)
    rows, cols = valid_rows[pick], valid_cols[pick]
    near_rows, near_cols = neighbourhood(rows, cols, speckled.shape[1], speckled.shape[0], size)
    assert len(set(zip(near_rows.tolist(), near_cols.tolist()))) == near_rows.size  # unique
    known = np.isfinite(speckled[near_rows, near_cols])  # what extract_patches keeps
    result = neighbourhood_mean(rows, cols, near_rows[known], near_cols[known],
                                speckled[near_rows[known], near_cols[known]], speckled.shape[1], size)
    np.testing.assert_allclose(result, expected[rows, cols], rtol=1e-6, atol=1e-6)


def smoothing_model():
    model, metadata = make_model(2, 3, shared=False, seed=1)
    metadata.hyperparameters = {**metadata.hyperparameters, "smoothing": 5}
    return model, metadata


@pytest.mark.parametrize("tile_size", [5, 16, 29])
def test_a_smoothing_model_gives_the_same_map_whatever_the_tiles(tile_size):
    model, metadata = smoothing_model()
    t1, t2, _ = synthetic_pair(37, 53, 2, 3, seed=5)
    t1[:, 10:13, 20:24] = np.nan
    whole = predict_arrays(model, metadata, t1, t2, device="cpu", tile_size=512)
    tiled = predict_arrays(model, metadata, t1, t2, device="cpu", tile_size=tile_size)
    np.testing.assert_array_equal(np.isnan(tiled), np.isnan(whole))
    assert np.nanmax(np.abs(tiled - whole)) <= 1e-6


def test_a_smoothing_model_outputs_the_window_mean_of_the_unsmoothed_map():
    model, metadata = smoothing_model()
    plain_model, plain = make_model(2, 3, shared=False, seed=1)
    t1, t2, _ = synthetic_pair(37, 53, 2, 3, seed=5)
    t2[:, 30:33, 50:53] = np.nan
    unsmoothed = predict_arrays(plain_model, plain, t1, t2, device="cpu")
    smoothed = predict_arrays(model, metadata, t1, t2, device="cpu", tile_size=16)
    np.testing.assert_allclose(smoothed, reference_mean(unsmoothed, 5), rtol=1e-5, atol=1e-6)
