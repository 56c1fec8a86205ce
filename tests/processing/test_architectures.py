"""The architecture interface: a third architecture defined only in this module trains and detects through
the Processing algorithms, and architecture-dependent options are used exactly as given or, left empty,
take the architecture's own defaults (in the log and the model file)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from osgeo import gdal

from siamcrnn_qgis.core.architectures import (
    Architecture,
    DetectionDefaults,
    TrainingDefaults,
    architecture_names,
    register_architecture,
    unregister_architecture,
)

from .common import kappa, read, recording_feedback, run

# ------------------------------------------------------------------ a test-only third architecture


class TinyArchitecture(Architecture):
    """A siamese 1×1 convolution per date, then a 1×1 convolution of the absolute feature difference."""

    name = "tiny1x1"
    title = "Tiny 1×1 siamese network (test)"
    loss_name = "binary cross-entropy"
    training_defaults = TrainingDefaults(epochs=30, patience=5, batch_size=512, learning_rate=0.05,
                                         samples_per_epoch=2048, changed_weight=1.0, batch_unit="pixels")
    detection_defaults = DetectionDefaults(tile_size=128, batch_size=1)
    minimum_size = 1
    reach = 1

    def build_model(self, bands_t1, bands_t2, shared, hyperparameters):
        import torch
        from torch import nn

        class Tiny(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.branch = nn.Conv2d(bands_t1, 8, 1)
                self.head = nn.Conv2d(8, 1, 1)

            def forward(self, x1, x2):
                return self.head(torch.abs(self.branch(x1) - self.branch(x2)))[:, 0]

        return Tiny()

    def train(self, t1, t2, labels, config, log, is_cancelled):
        import torch

        from siamcrnn_qgis.core.device import training_device
        from siamcrnn_qgis.core.metrics import ChangeMetrics
        from siamcrnn_qgis.core.normalisation import compute_statistics, normalise
        from siamcrnn_qgis.core.regions import labelled_pixels
        from siamcrnn_qgis.core.training import EarlyStopping, build_result, split_roles

        started = time.perf_counter()
        info = training_device(config.device, config.precision, self.train_in_bfloat16)
        stats = (compute_statistics(t1), compute_statistics(t2))
        x1 = normalise(t1.read(0, 0, t1.width, t1.height)[0], stats[0])
        x2 = normalise(t2.read(0, 0, t2.width, t2.height)[0], stats[1])
        pixels = labelled_pixels(labels, self.reach)
        role = split_roles(pixels, config.validation_fraction, np.random.default_rng(config.seed), log, self.reach)
        features = [torch.from_numpy(np.ascontiguousarray(x[:, pixels.rows, pixels.cols].T[:, :, None, None]))
                    for x in (x1, x2)]
        targets = torch.from_numpy(pixels.classes.astype(np.float32))
        train_index, val_index = (torch.from_numpy(np.nonzero(role == value)[0]) for value in (0, 1))
        torch.manual_seed(config.seed)
        model = self.build_model(t1.band_count, t2.band_count, True, {})
        optimiser = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
        best = EarlyStopping(config.patience, config.epochs, 1, log.report)
        loss = torch.nn.functional.binary_cross_entropy_with_logits
        for epoch in range(1, config.epochs + 1):
            epoch_started = time.perf_counter()
            step = loss(model(features[0][train_index], features[1][train_index]).flatten(), targets[train_index])
            optimiser.zero_grad()
            step.backward()
            optimiser.step()
            with torch.no_grad():
                logits = model(features[0][val_index], features[1][val_index]).flatten()
            metrics = ChangeMetrics.from_maps((logits >= 0).numpy().astype(np.uint8),
                                              pixels.classes[val_index.numpy()])
            if best.end_epoch(epoch, step.item(), float(loss(logits, targets[val_index])), metrics, model,
                              epoch_started):
                break
        best.restore_best(model)
        return build_result(
            architecture=self.name, model=model, t1=t1, t2=t2, shared=True, stats=stats, hyperparameters={},
            config=config, info=info, label_counts=dict(zip(("unchanged", "changed"), pixels.counts)),
            train_pixels=len(train_index), validation_pixels=len(val_index), best=best, log=log, started=started)

    def detect(self, model, metadata, t1, t2, sink, options, hooks):
        import torch

        from siamcrnn_qgis.core.detection import DetectionSummary, prepare_window, start_statistics

        stats, _ = start_statistics(metadata, t1, t2, options, hooks)
        size, tiles, valid_pixels = options.tile_size, 0, 0
        for y in range(0, t1.height, size):
            for x in range(0, t1.width, size):
                hooks.check_cancelled()
                width, height = min(size, t1.width - x), min(size, t1.height - y)
                a1, valid1 = prepare_window(t1, stats[0], x, y, width, height, 0)
                a2, valid2 = prepare_window(t2, stats[1], x, y, width, height, 0)
                with torch.no_grad():
                    logits = model.eval()(*(torch.from_numpy(a.transpose(2, 0, 1)[None].copy()) for a in (a1, a2)))
                probability = torch.sigmoid(logits[0]).numpy()
                valid = valid1 & valid2
                probability[~valid] = np.nan
                sink(x, y, probability)
                tiles, valid_pixels = tiles + 1, valid_pixels + int(valid.sum())
                hooks.progress((y * t1.width + x + width * height) / (t1.width * t1.height))
        return DetectionSummary(pixels=t1.width * t1.height, valid_pixels=valid_pixels, seconds=0.0,
                                device=options.device, batch_size=options.batch_size, tiles=tiles, tile_size=size)


@pytest.fixture
def tiny_architecture():
    architecture = register_architecture(TinyArchitecture())
    yield architecture
    unregister_architecture(architecture.name)


def test_a_third_architecture_trains_from_polygons_and_detects(qgis_app, taizhou, tiny_architecture, tmp_path):
    from siamcrnn_qgis.core.modelfile import read_metadata

    assert architecture_names()[:2] == ["patch", "fcn"] and "tiny1x1" in architecture_names()
    feedback = recording_feedback()
    trained = run("train", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABELS": taizhou["labels.gpkg"], "LABEL_FIELD": "change",
        "ARCHITECTURE": "tiny1x1", "DEVICE": "cpu", "OUTPUT_MODEL": tmp_path / "tiny.safetensors",
        "OUTPUT_REPORT": tmp_path / "tiny.html",
    }, feedback=feedback)
    metadata = read_metadata(trained["OUTPUT_MODEL"])
    assert metadata.architecture == "tiny1x1"
    assert metadata.provenance["config"]["learning_rate"] == 0.05  # the architecture's own default
    assert any(line.startswith("Training tiny1x1: at most 30 epochs*") for line in feedback.lines)
    feedback = recording_feedback()
    detected = run("detect", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "MODEL": trained["OUTPUT_MODEL"], "DEVICE": "cpu",
        "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    }, feedback=feedback)
    assert "Tile size 128 pixels (tiny1x1 default), batch size 1 items (tiny1x1 default)" in feedback.lines
    change, labels = read(detected["OUTPUT_CHANGE"]), read(taizhou["labels.tif"])
    assert change.shape == (400, 400)
    assert kappa(change, labels) > 0.6  # a linear model of the differences; chance would give 0


# ------------------------------------------------------------- options given exactly, or defaults


@pytest.fixture(scope="module")
def small_taizhou(tmp_path_factory, taizhou) -> dict:
    """The top-left 64×64 pixels of Taizhou and of its label raster, so large fcn batches stay cheap."""
    folder = tmp_path_factory.mktemp("small")
    paths = {}
    for name in ("t1.tif", "t2.tif", "labels.tif"):
        paths[name] = str(folder / name)
        gdal.Translate(paths[name], taizhou[name], srcWin=[0, 0, 64, 64])
    labels = read(paths["labels.tif"])
    assert (labels == 0).sum() >= 10 and (labels == 1).sum() >= 10, "the crop must hold both classes"
    return paths


def test_fcn_takes_given_batch_size_and_weight_exactly(qgis_app, small_taizhou, tmp_path):
    """256 and 1 are the patch defaults: given for fcn, they are still used as given."""
    from siamcrnn_qgis.core.modelfile import read_metadata

    feedback = recording_feedback()
    trained = run("train", {
        "T1": small_taizhou["t1.tif"], "T2": small_taizhou["t2.tif"], "LABEL_RASTER": small_taizhou["labels.tif"],
        "ARCHITECTURE": "fcn", "EPOCHS": 1, "BATCH_SIZE": 256, "SAMPLES_PER_EPOCH": 256, "CHANGED_WEIGHT": 1,
        "DEVICE": "cpu", "OUTPUT_MODEL": tmp_path / "fcn.safetensors",
    }, feedback=feedback)
    metadata = read_metadata(trained["OUTPUT_MODEL"])
    used = metadata.provenance["config"]
    assert (used["batch_size"], used["changed_weight"], used["samples_per_epoch"]) == (256, 1.0, 256)
    assert used["patience"] == 6 and used["learning_rate"] == 1e-3  # left empty: fcn's defaults
    assert metadata.hyperparameters["changed_weight"] == 1.0
    assert any("batches of 256 crops, 256 crops per epoch" in line and "changed class weight 1 (" in line
               for line in feedback.lines)

    feedback = recording_feedback()
    detected = run("detect", {
        "T1": small_taizhou["t1.tif"], "T2": small_taizhou["t2.tif"], "MODEL": trained["OUTPUT_MODEL"],
        "DEVICE": "cpu", "OUTPUT_PROBABILITY": tmp_path / "p.tif", "OUTPUT_CHANGE": tmp_path / "c.tif",
    }, feedback=feedback)
    assert "Tile size 1024 pixels (fcn default), batch size 1 items (fcn default)" in feedback.lines
    dataset = gdal.Open(detected["OUTPUT_PROBABILITY"])
    assert dataset.GetMetadataItem("SIAMCRNN_TILE_SIZE") == "1024"


def test_patch_defaults_apply_when_left_empty(qgis_app, small_taizhou, tmp_path):
    from siamcrnn_qgis.core.modelfile import read_metadata

    trained = run("train", {
        "T1": small_taizhou["t1.tif"], "T2": small_taizhou["t2.tif"], "LABEL_RASTER": small_taizhou["labels.tif"],
        "EPOCHS": 2, "DEVICE": "cpu", "OUTPUT_MODEL": tmp_path / "patch.safetensors",
    })
    used = read_metadata(trained["OUTPUT_MODEL"]).provenance["config"]
    assert (used["epochs"], used["batch_size"], used["samples_per_epoch"], used["changed_weight"]) == \
        (2, 256, 2048, 1.0)
