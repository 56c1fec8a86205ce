"""Helpers for running the algorithms in tests and reading what they wrote."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal


def recording_feedback():
    """A QgsProcessingFeedback that keeps every line it is given: ``lines`` in order, and the ``infos``
    and ``warnings`` apart."""
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.lines: list[str] = []
            self.infos: list[str] = []
            self.warnings: list[str] = []

        def pushInfo(self, info: str) -> None:  # noqa: N802 (QGIS API)
            self.lines.append(info)
            self.infos.append(info)
            super().pushInfo(info)

        def pushWarning(self, warning: str) -> None:  # noqa: N802
            self.lines.append(warning)
            self.warnings.append(warning)
            super().pushWarning(warning)

    return Recording()


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


def changed_fraction(path) -> float:
    """The share of 1s among the valid (not nodata) pixels of a change raster, read back with GDAL."""
    dataset = gdal.Open(str(path))
    assert dataset is not None, path
    band = dataset.GetRasterBand(1)
    values, nodata = band.ReadAsArray(), band.GetNoDataValue()
    valid = values != nodata if nodata is not None else np.ones(values.shape, bool)
    assert valid.any(), f"{path} has no valid pixel"
    return float(np.count_nonzero(values[valid] == 1) / np.count_nonzero(valid))


def kappa(a: np.ndarray, b: np.ndarray) -> float:
    """Cohen's kappa between two 0/1 maps over pixels valid (0/1) in both."""
    valid = np.isin(a, (0, 1)) & np.isin(b, (0, 1))
    a, b = a[valid].astype(bool), b[valid].astype(bool)
    observed = np.mean(a == b)
    expected = a.mean() * b.mean() + (1 - a.mean()) * (1 - b.mean())
    return float((observed - expected) / (1 - expected))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir())


def italy_inputs(folder: Path) -> dict:
    """The Italy pair (1-band NIR vs 3-band RGB PNGs) and a label raster of 1 % of its reference pixels."""
    from ..conftest import require_data

    data = require_data("italy_heterogeneous")
    gt = read(data / "gt.png")
    rng = np.random.default_rng(1)
    labels = np.full(gt.shape, 255, dtype=np.uint8)
    chosen = rng.random(gt.shape) < 0.01
    labels[chosen] = (gt[chosen] > 127).astype(np.uint8)
    out = Path(folder) / "labels_1pct.tif"
    dataset = gdal.GetDriverByName("GTiff").Create(str(out), gt.shape[1], gt.shape[0], 1, gdal.GDT_Byte)
    dataset.GetRasterBand(1).WriteArray(labels)
    dataset.GetRasterBand(1).SetNoDataValue(255)
    dataset = None
    return {"t1": str(data / "t1.png"), "t2": str(data / "t2.png"), "gt": str(data / "gt.png"), "labels": str(out)}
