"""The fully convolutional architecture behind the same algorithms: trained from label polygons through
siamcrnn:train (ARCHITECTURE=fcn), then detected through the qgis_process command line."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.modelfile import read_metadata

from .common import changed_fraction, kappa, read, run


@pytest.fixture(scope="module")
def fcn_model(qgis_app, taizhou, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fcn")
    results = run("train", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABELS": taizhou["labels.gpkg"], "LABEL_FIELD": "change",
        "ARCHITECTURE": "fcn", "EPOCHS": 1, "BATCH_SIZE": 4, "DEVICE": "cpu",
        "OUTPUT_MODEL": folder / "fcn.safetensors", "OUTPUT_REPORT": folder / "report.html",
    })
    return results


def test_train_fcn_from_polygons(fcn_model):
    from siamcrnn_qgis.core.modelfile import read_metadata

    metadata = read_metadata(fcn_model["OUTPUT_MODEL"])
    assert metadata.architecture == "fcn"
    assert metadata.shared and metadata.bands_t1 == metadata.bands_t2 == 6
    assert metadata.hyperparameters["depth"] == 18
    assert metadata.provenance["label_counts"]["changed"] > 0
    assert metadata.provenance["epochs_run"] == 1
    # one epoch of 16 crops already separates the classes: 0.36–0.72 over seeds 1–6 (0.56 with the default
    # seed); a network that learnt nothing, or a kappa computed on the wrong pixels, stays near 0
    assert fcn_model["VAL_KAPPA"] > 0.2
    assert fcn_model["VAL_F1"] > 0.3
    with open(fcn_model["OUTPUT_REPORT"], encoding="utf-8") as report:
        assert "fcn" in report.read()


def test_detect_fcn_on_the_command_line(qgis_cli, taizhou, fcn_model, tmp_path):
    detected = qgis_cli.run("siamcrnn:detect", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": fcn_model["OUTPUT_MODEL"], "DEVICE": "cpu",
        "TILE_SIZE": 160, "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    })["results"]
    probability = read(detected["OUTPUT_PROBABILITY"])
    change = read(detected["OUTPUT_CHANGE"])
    assert probability.shape == change.shape == (400, 400)
    assert np.all((probability >= 0) & (probability <= 1))
    assert set(np.unique(change)) <= {0, 1}
    threshold = read_metadata(fcn_model["OUTPUT_MODEL"]).threshold  # the model's own, chosen by Train
    assert np.array_equal(change, (probability >= threshold).astype(np.uint8))
    assert detected["CHANGED_FRACTION"] == pytest.approx(changed_fraction(detected["OUTPUT_CHANGE"]), abs=1e-12)
    assert kappa(change, read(taizhou["labels.tif"])) > 0.2  # against the analyst labels it was trained on


def test_detect_precision_choice(fcn_model, taizhou, tmp_path):
    """PRECISION=bfloat16 through Processing (also on the CPU): close to the float32 result."""
    outputs = {}
    for precision in ("float32", "bfloat16"):
        outputs[precision] = run("detect", {
            "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": fcn_model["OUTPUT_MODEL"], "DEVICE": "cpu",
            "PRECISION": precision, "OUTPUT_PROBABILITY": tmp_path / f"p-{precision}.tif",
            "OUTPUT_CHANGE": tmp_path / f"c-{precision}.tif",
        })
    exact = read(outputs["float32"]["OUTPUT_PROBABILITY"])
    fast = read(outputs["bfloat16"]["OUTPUT_PROBABILITY"])
    assert 0 < np.abs(fast - exact).max() <= 0.05
    assert np.mean(read(outputs["float32"]["OUTPUT_CHANGE"]) != read(outputs["bfloat16"]["OUTPUT_CHANGE"])) <= 0.005
