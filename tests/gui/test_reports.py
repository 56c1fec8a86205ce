"""The HTML reports of train, detect and evaluate, from small fake results: every item issue 6 asks for
is in the page, pictures are embedded PNGs, and the page stands alone."""

from __future__ import annotations

import base64
import re
from types import SimpleNamespace

import pytest

from siamcrnn_qgis import reports

DEVICE = SimpleNamespace(description="Running on CPU, 2 threads")
METRICS = SimpleNamespace(tn=900, fp=30, fn=20, tp=50, kappa=0.6321, as_dict=lambda: {
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
                               band_names_t2=["b1", "b2"], hyperparameters={"learning_rate": 0.0002, "epochs": 3},
                               threshold=0.83, provenance={
                                   "regions": {"validation": {"changed": 12, "unchanged": 15},
                                               "training": {"changed": 50, "unchanged": 61}},
                                   "threshold_choice": {"threshold": 0.83, "scene_change_share": 0.046,
                                                        "weighted_kappa": 0.71, "weighted_kappa_at_0.5": 0.52}})
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
                     "<td>2048</td>", "Decision threshold stored in the model", "0.83",
                     "rests on 3,023 labelled pixels in 12 changed and 15 unchanged regions", "a fair estimate",
                     "from a probability of 0.83", "estimated 4.6% of change", "at 0.5 that weighted kappa would be "
                     "0.520"):
        assert expected in page, expected
    pngs = embedded_pngs(page)
    assert len(pngs) == 1 and pngs[0].startswith(b"\x89PNG") and len(pngs[0]) > 5000
    assert page.count("<tr><td>") >= 3, "one row per epoch"


@pytest.mark.parametrize(("changed", "unchanged", "split", "expected", "warned"), [
    (10, 30, "regions", "a fair estimate", False),
    (6, 30, "regions", "a rough estimate", False),
    (3, 30, "regions", "not reliable: one class is validated on fewer than 5 regions", True),
    (12, 12, "spatial", "validation is the last part of the labels from top to bottom", False),
])
def test_the_report_says_how_far_to_trust_the_validation_kappa(qgis_app, training_result, changed, unchanged,
                                                                split, expected, warned):
    training_result.metadata.provenance.update(
        regions={"validation": {"changed": changed, "unchanged": unchanged}}, validation_split=split)
    page = reports.training_report_html(training_result, "/data/model.safetensors", 1.0)
    assert expected in page
    assert ('<p class="warning">The validation kappa' in page) is warned


def test_a_model_with_averaged_weights_says_so(qgis_app, training_result):
    training_result.metadata.provenance.update(
        regions={"validation": {"changed": 2, "unchanged": 9}, "training": {"changed": 8, "unchanged": 30}},
        averaged_epochs=[21, 40], threshold_choice={"threshold": 0.5, "scene_change_share": None, "reason": (
            "every label trained, so none was held out to choose a threshold on")})
    training_result.metadata.threshold = 0.5
    page = reports.training_report_html(training_result, "/data/model.safetensors", 12.34)
    for expected in ('<td class="l">Weights</td>', "mean of epochs 21–40: too few label regions to choose an epoch on",
                     "Agreement with the training labels (threshold 0.5)", "Kappa on the training labels",
                     "would have rested on 2 changed and 9 unchanged regions",
                     "trained on every label, holds the mean of the weights of epochs 21–40 and keeps the "
                     "threshold 0.5", "measured on the training labels and overstates",
                     "none was held out to choose a threshold on"):
        assert expected in page, expected
    for absent in ("Best epoch", "Validation at the best epoch", "Validation kappa", "training never saw"):
        assert absent not in page, absent


def test_a_model_without_a_threshold_choice_says_detect_uses_one_half(qgis_app, training_result):
    training_result.metadata.provenance["threshold_choice"] = {
        "threshold": 0.5, "scene_change_share": None, "reason": "the validation regions hold 4 changed and 90 "
                                                                "unchanged samples"}
    training_result.metadata.threshold = 0.5
    page = reports.training_report_html(training_result, "/data/model.safetensors", 1.0)
    assert "Detect will use the threshold 0.5 unless you give one: the validation regions hold 4 changed" in page


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
