"""Sources and per-band statistics: nodata, NaN, zero variance, windows."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.errors import Cancelled, InputError
from siamcrnn_qgis.core.normalisation import BandStatistics, compute_statistics, normalise
from siamcrnn_qgis.core.sources import ArraySource, read_padded


def test_array_source_marks_nodata_nan_and_inf_invalid():
    array = np.arange(2 * 3 * 4, dtype=np.float32).reshape(2, 3, 4)
    array[0, 0, 0] = -9
    array[1, 1, 1] = np.nan
    array[0, 2, 3] = np.inf
    data, valid = ArraySource(array, nodata=-9).read(0, 0, 4, 3)
    assert data.dtype == np.float32 and data.shape == (2, 3, 4)
    assert not valid[0, 0] and not valid[1, 1] and not valid[2, 3]
    assert valid.sum() == 12 - 3


def test_array_source_rejects_windows_outside():
    with pytest.raises(ValueError):
        ArraySource(np.zeros((3, 3))).read(1, 1, 3, 3)


def test_read_padded_fills_outside_with_invalid_zeros():
    source = ArraySource(np.ones((1, 4, 4), dtype=np.float32))
    data, valid = read_padded(source, -2, -1, 5, 3)
    assert data.shape == (1, 3, 5)
    assert valid.sum() == 3 * 2  # columns 2..4 of the padded window are x 0..2, rows 1..2 are y 0..1
    assert np.all(data[:, ~valid] == 0)


def test_statistics_match_numpy_and_ignore_nodata():
    rng = np.random.default_rng(1)
    array = rng.normal(5.0, 2.0, size=(3, 37, 53)).astype(np.float32)
    array[:, 3:9, 4:40] = -9999
    array[1, 20, 20] = np.nan
    source = ArraySource(array, nodata=-9999)
    stats = compute_statistics(source, window_size=16)
    valid = np.all(array != -9999, axis=0) & np.all(np.isfinite(array), axis=0)
    expected = array[:, valid].astype(np.float64)
    assert stats.count == valid.sum()
    np.testing.assert_allclose(stats.mean, expected.mean(axis=1), rtol=1e-10)
    np.testing.assert_allclose(stats.std, expected.std(axis=1), rtol=1e-9)


def test_statistics_do_not_depend_on_the_window_size():
    array = np.random.default_rng(2).uniform(0, 255, size=(2, 50, 41))
    a = compute_statistics(ArraySource(array), window_size=7)
    b = compute_statistics(ArraySource(array), window_size=1024)
    np.testing.assert_allclose(a.mean, b.mean, rtol=1e-12)
    np.testing.assert_allclose(a.std, b.std, rtol=1e-10)


def test_zero_variance_band_gets_unit_std():
    array = np.stack([np.full((5, 5), 7.0), np.arange(25.0).reshape(5, 5)])
    stats = compute_statistics(ArraySource(array))
    assert stats.std[0] == 1.0 and stats.mean[0] == 7.0
    assert np.all(normalise(array, stats)[0] == 0)


def test_no_valid_pixel_is_an_input_error():
    with pytest.raises(InputError, match="no valid pixel"):
        compute_statistics(ArraySource(np.full((1, 4, 4), np.nan)))


def test_statistics_can_be_cancelled():
    with pytest.raises(Cancelled):
        compute_statistics(ArraySource(np.zeros((1, 8, 8))), window_size=4, is_cancelled=lambda: True)


def test_normalise_gives_zero_mean_unit_std_float32():
    array = np.random.default_rng(3).normal(10, 4, size=(2, 30, 30))
    stats = compute_statistics(ArraySource(array))
    result = normalise(array, stats)
    assert result.dtype == np.float32
    np.testing.assert_allclose(result.reshape(2, -1).mean(axis=1), 0, atol=1e-5)
    np.testing.assert_allclose(result.reshape(2, -1).std(axis=1), 1, atol=1e-5)


def test_statistics_round_trip_dict():
    stats = BandStatistics(mean=[1.5, 2.0], std=[0.5, 1.0], count=10)
    assert BandStatistics.from_dict(stats.to_dict()) == stats


def test_normalise_checks_band_count():
    with pytest.raises(InputError, match="3 bands"):
        normalise(np.zeros((3, 2, 2)), BandStatistics([0.0], [1.0], 1))
