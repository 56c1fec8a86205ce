"""Small builders shared by the core tests."""

from __future__ import annotations

import numpy as np

from siamcrnn_qgis.core.modelfile import ModelMetadata
from siamcrnn_qgis.core.normalisation import BandStatistics
from siamcrnn_qgis.core.patch.model import PatchSiamCRNN


def unit_stats(bands: int) -> BandStatistics:
    return BandStatistics(mean=[0.0] * bands, std=[1.0] * bands, count=1)


def make_model(bands_t1: int = 2, bands_t2: int = 3, shared: bool = False, seed: int = 0
               ) -> tuple[PatchSiamCRNN, ModelMetadata]:
    import torch

    torch.manual_seed(seed)
    model = PatchSiamCRNN(bands_t1, bands_t2, shared).eval()
    metadata = ModelMetadata(
        architecture="patch", bands_t1=bands_t1, bands_t2=bands_t2,
        band_names_t1=[f"t1 band {i + 1}" for i in range(bands_t1)],
        band_names_t2=[f"t2 band {i + 1}" for i in range(bands_t2)],
        shared=shared, stats_t1=unit_stats(bands_t1), stats_t2=unit_stats(bands_t2),
        hyperparameters=model.hyperparameters(), provenance={"seed": seed},
    )
    return model, metadata


def synthetic_pair(height: int, width: int, bands_t1: int = 2, bands_t2: int = 3, seed: int = 0
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Two smooth-ish random images and the change map (a square) used to make T2 differ."""
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(height, width)).astype(np.float32)
    change = np.zeros((height, width), dtype=np.uint8)
    change[height // 4: height // 2, width // 3: 2 * width // 3] = 1
    t1 = np.stack([base + 0.1 * rng.normal(size=base.shape) for _ in range(bands_t1)]).astype(np.float32)
    after = base + 3.0 * change
    t2 = np.stack([after + 0.1 * rng.normal(size=base.shape) for _ in range(bands_t2)]).astype(np.float32)
    return t1, t2, change
