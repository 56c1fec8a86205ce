"""Detection window by window (what cluster workers run) gives detect's probabilities bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.architectures import get_architecture
from siamcrnn_qgis.core.detection import (
    detect_window,
    detection_windows,
    image_statistics,
    predict_arrays,
    resolve_threshold,
)
from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.core.normalisation import compute_statistics, merge_moments, statistics_windows, window_moments
from siamcrnn_qgis.core.options import DetectionOptions
from siamcrnn_qgis.core.sources import ArraySource

from .helpers import make_model, synthetic_pair


def fcn_model(bands_t1: int, bands_t2: int):
    import torch

    from siamcrnn_qgis.core.fcn.model import FCNSiamCRNN
    from siamcrnn_qgis.core.modelfile import ModelMetadata

    from .helpers import unit_stats

    torch.manual_seed(1)
    model = FCNSiamCRNN(bands_t1, bands_t2, shared=False).eval()
    metadata = ModelMetadata(architecture="fcn", bands_t1=bands_t1, bands_t2=bands_t2,
                             band_names_t1=["a"] * bands_t1, band_names_t2=["b"] * bands_t2, shared=False,
                             stats_t1=unit_stats(bands_t1), stats_t2=unit_stats(bands_t2),
                             hyperparameters=model.hyperparameters())
    return model, metadata


def by_windows(model, metadata, t1, t2, options: DetectionOptions, side: int, bands: int | None = None):
    """The whole raster from its windows: final regions, then the shared pixels merged in horizontal
    bands of ``bands`` rows (as the cluster's assembler does), every pixel written exactly once."""
    stats = image_statistics(metadata, t1, t2, options.use_training_statistics, None)
    windows, _ = detection_windows(metadata, t1.width, t1.height, options, side)
    result = np.full((t1.height, t1.width), np.inf, dtype=np.float32)
    shared = []

    def put(x: int, y: int, probability: np.ndarray) -> None:
        target = result[y:y + probability.shape[0], x:x + probability.shape[1]]
        assert np.isinf(target).all(), "a pixel was handed out twice"
        target[...] = probability

    for window in windows:
        detected = detect_window(model, metadata, t1, t2, stats, window, options)
        for region in detected.regions:
            put(*region)
        shared.extend(detected.shared)
    architecture = get_architecture(metadata.architecture)
    rows = bands or t1.height
    for y in range(0, t1.height, rows):
        regions, shared = architecture.merge_shared(shared, (0, y, t1.width, min(rows, t1.height - y)))
        for region in regions:
            put(*region)
    assert shared == []
    assert not np.isinf(result).any(), "some pixels were never handed out"
    return result, windows


@pytest.mark.parametrize("smoothing", [1, 5])  # 5: as Train makes patch models, a 5×5 mean over neighbours
def test_patch_windows_equal_detect_bit_for_bit(smoothing):
    model, metadata = make_model(2, 3)
    metadata.hyperparameters["smoothing"] = smoothing
    t1, t2, _ = synthetic_pair(30, 40, 2, 3)
    t1[:, 3:6, 7:9] = np.nan  # nodata inside a window and across a tile edge
    options = DetectionOptions(tile_size=8, batch_size=40, device="cpu")  # a tile's batches: 40 + 24 pixels
    whole = predict_arrays(model, metadata, t1, t2, tile_size=8, batch_size=40, device="cpu")
    for side, expected_windows in ((20, 6), (100, 1)):  # 20 is rounded to 16: whole tiles
        result, windows = by_windows(model, metadata, ArraySource(t1), ArraySource(t2), options, side)
        assert len(windows) == expected_windows
        assert np.array_equal(result, whole, equal_nan=True)
    assert np.isnan(result[3:6, 7:9]).all()


def test_fcn_windows_with_shared_seams_equal_detect_bit_for_bit():
    model, metadata = fcn_model(2, 1)
    t1, t2, _ = synthetic_pair(96, 80, 2, 1, seed=3)
    options = DetectionOptions(tile_size=32, device="cpu")
    whole = predict_arrays(model, metadata, t1, t2, tile_size=32, device="cpu")
    result, windows = by_windows(model, metadata, ArraySource(t1), ArraySource(t2), options, 64, bands=20)
    assert [w[:2] for w in windows] == [(0, 0), (64, 0), (0, 64), (64, 64)]  # a corner where 4 windows meet
    assert np.array_equal(result, whole, equal_nan=True)
    # the result depends on where tiles meet: windows that were not made of detect's tiles would differ
    other = predict_arrays(model, metadata, t1, t2, tile_size=64, device="cpu")
    assert not np.array_equal(other, whole, equal_nan=True)


def test_fcn_window_shares_only_the_blend_strips():
    model, metadata = fcn_model(2, 1)
    t1, t2, _ = synthetic_pair(100, 90, 2, 1, seed=3)
    source1, source2 = ArraySource(t1), ArraySource(t2)
    stats = image_statistics(metadata, source1, source2, False, None)
    detected = detect_window(model, metadata, source1, source2, stats, (64, 0, 26, 64),
                             DetectionOptions(tile_size=32, device="cpu"))
    (x, y, probability), = detected.regions
    assert (x, y, probability.shape) == (80, 0, (48, 10))  # 16 px kept back along the left and bottom edges
    assert detected.tiles == 2 and "CPU" in detected.device
    assert all(piece.rect.x < 80 or piece.rect.y1 > 48 for piece in detected.shared)


def test_windows_are_made_of_whole_tiles():
    model, metadata = make_model(2, 3)
    windows, used = detection_windows(metadata, 50, 40, DetectionOptions(tile_size=8), 20)
    assert used.tile_size == 8 and used.batch_size == 4096
    assert {w[2] for w in windows} == {16, 2} and windows[0] == (0, 0, 16, 16)
    _, fcn_metadata = fcn_model(1, 1)
    fcn_windows, _ = detection_windows(fcn_metadata, 200, 100, DetectionOptions(tile_size=40), 100)
    assert fcn_windows[0] == (0, 0, 128, 100)  # tiles of 40 are cores of 64: one window of two cores
    t1, t2, _ = synthetic_pair(40, 50, 2, 3)
    stats = image_statistics(metadata, ArraySource(t1), ArraySource(t2), True, None)
    with pytest.raises(ValueError, match="whole 8-pixel tiles"):
        detect_window(model, metadata, ArraySource(t1), ArraySource(t2), stats, (4, 0, 8, 8),
                      DetectionOptions(tile_size=8, device="cpu"))
    with pytest.raises(InputError, match="window size must be at least 1"):
        detection_windows(metadata, 50, 40, DetectionOptions(), 0)


def test_statistics_measured_apart_merge_to_the_same_bits():
    rng = np.random.default_rng(5)
    data = (rng.normal(size=(3, 70, 90)) * 1000 + 5e4).astype(np.float32)
    data[1, 10:20, 5:60] = np.nan
    source = ArraySource(data)
    moments = [window_moments(source, *window) for window in statistics_windows(90, 70, 32)]
    merged = merge_moments(moments, 3, "T1")
    assert merged == compute_statistics(source, window_size=32)
    assert merged.count == 70 * 90 - 10 * 55
    with pytest.raises(InputError, match="T2 has no valid pixel"):
        merge_moments([None, None], 3, "T2")


def test_threshold_default_is_the_models_own():
    _, metadata = make_model(1, 1)
    assert resolve_threshold(None, metadata) == 0.5  # files made before models carried one
    metadata.threshold = 0.37
    assert resolve_threshold(None, metadata) == 0.37 and resolve_threshold(0.3, metadata) == 0.3
    with pytest.raises(InputError, match="between 0 and 1"):
        resolve_threshold(1.5, metadata)
