"""Cancel during train and during detect: the run stops at the next step (no batch trained, no tile written
after the cancel), no output file is left, and the next run succeeds. The stop is checked by what happened
after the cancel, not by the time it took, which depends on the machine's load."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from .common import files_in, run


class CancelAt(QgsProcessingFeedback):
    """Cancels once progress reaches a percentage; records the progress it cancelled at and every progress
    value reported after that (each one means another batch or tile was completed)."""

    def __init__(self, percent: float) -> None:
        super().__init__()
        self.percent = percent
        self.cancelled_at: float | None = None
        self.after: list[float] = []

    def setProgress(self, progress: float) -> None:  # noqa: N802 (QGIS API)
        super().setProgress(progress)
        if self.cancelled_at is not None:
            self.after.append(progress)
        elif progress >= self.percent:
            self.cancelled_at = progress
            self.cancel()


def test_cancel_training_leaves_nothing_and_next_run_succeeds(qgis_app, taizhou, tmp_path):
    parameters = {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABEL_RASTER": taizhou["labels.tif"], "EPOCHS": 40,
        "OUTPUT_MODEL": tmp_path / "model.safetensors", "OUTPUT_REPORT": tmp_path / "report.html",
    }
    feedback = CancelAt(10)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("train", parameters, feedback=feedback)
    assert feedback.cancelled_at is not None and feedback.cancelled_at < 20, "cancelled early in the 40 epochs"
    assert feedback.after == [], "no batch was trained after the cancel"
    assert files_in(tmp_path) == []
    results = run("train", {**parameters, "EPOCHS": 2})
    assert files_in(tmp_path) == ["model.safetensors", "report.html"]
    assert results["OUTPUT_MODEL"] == str(tmp_path / "model.safetensors")


def test_cancel_detection_leaves_nothing_and_next_run_succeeds(qgis_app, taizhou, tmp_path, monkeypatch):
    from siamcrnn_qgis.io.writer import GeoTiffWriter

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
    writes = []  # for each tile written: whether the run had been cancelled by then
    write = GeoTiffWriter.write

    def counted(self, x, y, values):
        writes.append(feedback.isCanceled())
        return write(self, x, y, values)

    monkeypatch.setattr(GeoTiffWriter, "write", counted)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run("detect", parameters, feedback=feedback)
    monkeypatch.undo()
    assert feedback.cancelled_at is not None and feedback.cancelled_at < 60
    tiles = 2 * 7 * 7  # a probability and a change tile for each 64² tile of the 400² pair
    assert 0 < len(writes) < tiles and not any(writes), "tiles were written up to the cancel, none after"
    assert feedback.after == []
    assert files_in(out) == []
    run("detect", parameters)
    assert files_in(out) == ["c.qml", "c.tif", "p.qml", "p.tif", "polygons.gpkg", "polygons.qml"]
