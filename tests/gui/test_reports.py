"""The HTML reports of train, detect and evaluate, from small fake results: every item issue 6 asks for
is in the page, pictures are embedded PNGs, and the page stands alone."""

from __future__ import annotations

import base64
import re
from types import SimpleNamespace

import pytest

from siamcrnn_qgis import reports

DEVICE = SimpleNamespace(description="Running on CPU, 2 threads")
METRICS = SimpleNamespace(tn=900, fp=30, fn=20, tp=50, as_dict=lambda: {
    "oa": 0.95, "kappa": 0.6321, "f1": 0.6667, "precision": 0.625, "recall": 0.7143, "iou": 0.5,
    "false_alarm_rate": 0.0323, "missed_alarm_rate": 0.2857})


def embedded_pngs(page: str) -> list[bytes]:
    found = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    return [base64.b64decode(data) for data in found]


def assert_standalone(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>")
    assert '<meta charset="utf-8">' in page
    assert not re.search(r'(src|href)="(?!data:)', page), "no external files"


@pytest.fixture
def training_result():
    history = [SimpleNamespace(epoch=e, train_loss=0.7 / e, val_loss=0.8 / e, seconds=1.5,
                               val_metrics={"kappa": 0.2 * e, "f1": 0.25 * e, "oa": 0.8 + 0.05 * e})
               for e in (1, 2, 3)]
    metadata = SimpleNamespace(architecture="patch", shared=True, band_names_t1=["b1", "b2"],
                               band_names_t2=["b1", "b2"], hyperparameters={"learning_rate": 0.0002, "epochs": 3})
    from siamcrnn_qgis.core.options import TrainingConfig

    config = TrainingConfig(epochs=3, patience=8, batch_size=256, learning_rate=1e-3, samples_per_epoch=2048,
                            changed_weight=1.0)
    return SimpleNamespace(metadata=metadata, val_metrics=METRICS, history=history, device=DEVICE, best_epoch=3,
                           label_counts={"unchanged": 12345, "changed": 678}, train_pixels=10000,
                           validation_pixels=3023, config=config,
                           notes=["Validation: 3023 pixels in whole label regions held out from training"],
                           warnings=["7 labelled pixels are nodata in T1 or T2 and were left out"])


def test_training_report(qgis_app, training_result):
    page = reports.training_report_html(training_result, "/data/model.safetensors", 12.34)
    assert_standalone(page)
    for expected in ("SiamCRNN training report", "/data/model.safetensors", "Running on CPU, 2 threads",
                     "12.3", "Labelled pixels, unchanged", "12345", "Labelled pixels, changed", "678",
                     "Training curves", "Best epoch", "Overall accuracy", "Kappa", "0.6321", "predicted changed",
                     "pseudo-siamese" if not training_result.metadata.shared else "shared (siamese)",
                     "Validation: 3023 pixels in whole label regions held out from training",
                     '<li class="warning">7 labelled pixels are nodata', "Training option: samples per epoch",
                     "<td>2048</td>"):
        assert expected in page, expected
    pngs = embedded_pngs(page)
    assert len(pngs) == 1 and pngs[0].startswith(b"\x89PNG") and len(pngs[0]) > 5000
    assert page.count("<tr><td>") >= 3, "one row per epoch"


def test_detection_report(qgis_app):
    summary = SimpleNamespace(pixels=147456, seconds=2.0, device=DEVICE, batch_size=4096, tile_size=512)
    histogram = [5000] + [100] * 18 + [2000]
    page = reports.detection_report_html(
        summary=summary, model_path="/m.safetensors", threshold=0.5, changed_pixels=2500, valid_pixels=100000,
        changed_area="22.50 ha", histogram=histogram, pixel_area="90 m²",
        outputs={"Change map": "/out/change.tif", "CHANGED_AREA": 225000.0})
    assert_standalone(page)
    for expected in ("SiamCRNN detection report", "Running on CPU, 2 threads", "Changed area", "22.50 ha",
                     "90 m²", '<td class="l">Change map</td>', "2.50%", "Throughput (pixels/s)", "73,728",
                     "/out/change.tif", "Change probability of valid pixels"):
        assert expected in page, expected
    assert len(embedded_pngs(page)) == 1


def test_detection_report_with_nothing_valid(qgis_app):
    summary = SimpleNamespace(pixels=0, seconds=0.0, device=DEVICE, batch_size=1, tile_size=512)
    page = reports.detection_report_html(
        summary=summary, model_path="m", threshold=0.5, changed_pixels=0, valid_pixels=0, changed_area="0 m²",
        histogram=[0] * 20, pixel_area="1 m²", outputs={})
    assert "0.00%" in page and len(embedded_pngs(page)) == 1


def test_evaluation_report(qgis_app):
    page = reports.evaluation_report_html(METRICS, "/out/change.tif")
    assert_standalone(page)
    for label in ("Overall accuracy", "Kappa", "F1", "Precision", "Recall", "IoU (changed)", "False alarm rate",
                  "Missed alarm rate"):
        assert f'<td class="l">{label}</td>' in page, label
    for value in ("0.9500", "0.6321", "0.0323", "0.2857"):
        assert value in page
    for cell in ("<td>900</td>", "<td>30</td>", "<td>20</td>", "<td>50</td>", "<td>1,000</td>"):
        assert cell in page, cell
    assert "/out/change.tif" in page


def test_report_escapes_paths(qgis_app):
    page = reports.evaluation_report_html(METRICS, "/tmp/<b>&change.tif")
    assert "&lt;b&gt;&amp;change.tif" in page
