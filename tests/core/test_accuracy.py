"""Accuracy floors on real data (the issue's acceptance tests); each trains with the default options."""

from __future__ import annotations

import time

import numpy as np
import pytest

from siamcrnn_qgis.core.detection import predict_arrays
from siamcrnn_qgis.core.metrics import ChangeMetrics
from siamcrnn_qgis.core.options import TrainingConfig
from siamcrnn_qgis.core.regions import connected_components
from siamcrnn_qgis.core.sources import ArraySource
from siamcrnn_qgis.core.training import train
from tests.conftest import require_data

gdal = pytest.importorskip("osgeo.gdal")


def read(path) -> np.ndarray:
    dataset = gdal.Open(str(path))
    assert dataset is not None, path
    return dataset.ReadAsArray()


def kappa_on_held_out(result, t1, t2, reference) -> ChangeMetrics:
    probability = predict_arrays(result.model, result.metadata, t1, t2, device="cpu")
    return ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), reference)


def test_italy_heterogeneous_one_percent_of_pixels():
    """Pseudo-siamese NIR vs RGB: train on 1 % of the reference drawn at random, evaluate on the rest."""
    folder = require_data("italy_heterogeneous")
    t1, t2 = read(folder / "t1.png"), read(folder / "t2.png")
    change = (read(folder / "gt.png") > 0).astype(np.uint8)
    picked = np.random.default_rng(0).random(change.shape) < 0.01
    labels = np.full(change.shape, 255, dtype=np.uint8)
    labels[picked] = change[picked]
    started = time.perf_counter()
    result = train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(sensors_differ=True, device="cpu"))
    seconds = time.perf_counter() - started
    assert not result.metadata.shared
    held_out = np.where(picked, 255, change).astype(np.uint8)
    metrics = kappa_on_held_out(result, t1, t2, held_out)
    print(f"italy: {int(picked.sum())} labels, trained in {seconds:.1f} s, {len(result.history)} epochs, "
          f"kappa {metrics.kappa:.4f}")
    assert metrics.kappa >= 0.75


def test_taizhou_half_of_the_regions():
    """Siamese Landsat-7: train on half of the labelled regions of each class, evaluate on the other half."""
    folder = require_data("taizhou_landsat7")
    t1, t2, labels = read(folder / "t1.tif"), read(folder / "t2.tif"), read(folder / "labels.tif")
    rng = np.random.default_rng(0)
    training = np.full(labels.shape, 255, dtype=np.uint8)
    held_out = np.full(labels.shape, 255, dtype=np.uint8)
    for label in (0, 1):
        rows, cols, regions = connected_components(labels == label)
        count = int(regions.max()) + 1
        assert count >= 10
        chosen = np.isin(regions, rng.permutation(count)[: count // 2])
        training[rows[chosen], cols[chosen]] = label
        held_out[rows[~chosen], cols[~chosen]] = label
    started = time.perf_counter()
    result = train(ArraySource(t1), ArraySource(t2), training, TrainingConfig(device="cpu"))
    seconds = time.perf_counter() - started
    assert result.metadata.shared
    metrics = kappa_on_held_out(result, t1, t2, held_out)
    print(f"taizhou: trained in {seconds:.1f} s, {len(result.history)} epochs, kappa {metrics.kappa:.4f}")
    assert metrics.kappa >= 0.85
