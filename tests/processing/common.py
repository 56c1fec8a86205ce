"""Helpers for running the algorithms in tests and reading what they wrote."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal


def run(algorithm: str, parameters: dict, feedback=None, context=None) -> dict:
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = context or QgsProcessingContext()
    feedback = feedback or QgsProcessingFeedback()
    return processing.run(f"siamcrnn:{algorithm}", {k: str(v) if isinstance(v, Path) else v
                                                     for k, v in parameters.items()},
                          context=context, feedback=feedback)


def read(path) -> np.ndarray:
    dataset = gdal.Open(str(path))
    assert dataset is not None, path
    return dataset.ReadAsArray()


def kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa between two 0/1 maps over pixels valid (0/1) in both."""
    valid = np.isin(a, (0, 1)) & np.isin(b, (0, 1))
    a, b = a[valid].astype(bool), b[valid].astype(bool)
    observed = np.mean(a == b)
    expected = a.mean() * b.mean() + (1 - a.mean()) * (1 - b.mean())
    return float((observed - expected) / (1 - expected))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir())
