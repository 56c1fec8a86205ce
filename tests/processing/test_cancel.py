"""Cancel during train and during detect: no output file is left, and the next run succeeds."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .common import files_in, run


class CancelAt(QgsProcessingFeedback):
    """Cancels once progress reaches a percentage; records when."""

    def __init__(self, percent: float) -> None:
        super().__init__()
        self.percent = percent
        self.cancelled_at = None

    def setProgress(self, progress: float) -> None:  # noqa: N802 (QGIS API)
        super().setProgress(progress)
        if progress >= self.percent and self.cancelled_at is None:
            self.cancelled_at = time.perf_counter()
            self.cancel()


def test_cancel_training_leaves_nothing_and_next_run_succeeds(qgis_app, taizhou, tmp_path):
    parameters = {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABEL_RASTER": taizhou["labels.tif"], "EPOCHS": 40,
        "OUTPUT_MODEL": tmp_path / "model.safetensors", "OUTPUT_REPORT": tmp_path / "report.html",
    }
    feedback = CancelAt(10)
    with pytest.raises(QgsProcessingException):
        run("train", parameters, feedback=feedback)
    assert feedback.cancelled_at is not None
    assert time.perf_counter() - feedback.cancelled_at < 5
    assert files_in(tmp_path) == []
    results = run("train", {**parameters, "EPOCHS": 2})
    assert files_in(tmp_path) == ["model.safetensors", "report.html"]
    assert results["OUTPUT_MODEL"] == str(tmp_path / "model.safetensors")


def test_cancel_detection_leaves_nothing_and_next_run_succeeds(qgis_app, taizhou, tmp_path):
    model_folder = tmp_path / "model"
    model_folder.mkdir()
    model = run("train", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABEL_RASTER": taizhou["labels.tif"], "EPOCHS": 1,
        "OUTPUT_MODEL": model_folder / "model.safetensors",
    })["OUTPUT_MODEL"]
    out = tmp_path / "out"
    out.mkdir()
    parameters = {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": model, "TILE_SIZE": 64, "BATCH_SIZE": 512,
        "OUTPUT_PROBABILITY": out / "p.tif", "OUTPUT_CHANGE": out / "c.tif", "OUTPUT_POLYGONS": out / "polygons.gpkg",
    }
    feedback = CancelAt(30)
    with pytest.raises(QgsProcessingException):
        run("detect", parameters, feedback=feedback)
    assert feedback.cancelled_at is not None
    assert time.perf_counter() - feedback.cancelled_at < 5
    assert files_in(out) == []
    run("detect", parameters)
    assert files_in(out) == ["c.qml", "c.tif", "p.qml", "p.tif", "polygons.gpkg", "polygons.qml"]
