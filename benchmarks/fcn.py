"""Benchmarks of the fully convolutional SiamCRNN (``ARCHITECTURE=fcn``): detection speed against the patch
model on an in-memory pair, and accuracy on the shared real data sets.

    .venv/bin/python benchmarks/fcn.py speed [--size 1024] [--device cpu]
    .venv/bin/python benchmarks/fcn.py accuracy [taizhou italy levir]

Prints one JSON object per measurement. Data: $SIAMCRNN_TEST_DATA or ../shared/data.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from siamcrnn_qgis.core.device import select_device  # noqa: E402
from siamcrnn_qgis.core.fcn_model import FCNSiamCRNN  # noqa: E402
from siamcrnn_qgis.core.fcn_training import FCNTrainingConfig, TrainingPair, train_fcn_pairs  # noqa: E402
from siamcrnn_qgis.core.inference import detect  # noqa: E402
from siamcrnn_qgis.core.metrics import ChangeMetrics, confusion_matrix  # noqa: E402
from siamcrnn_qgis.core.modelfile import ModelMetadata  # noqa: E402
from siamcrnn_qgis.core.normalisation import compute_statistics  # noqa: E402
from siamcrnn_qgis.core.patch_model import PatchSiamCRNN  # noqa: E402
from siamcrnn_qgis.core.regions import labelled_pixels, split_groups  # noqa: E402
from siamcrnn_qgis.core.sources import ArraySource  # noqa: E402


def data_dir() -> Path:
    return Path(os.environ.get("SIAMCRNN_TEST_DATA", REPO_ROOT.parent / "shared" / "data")).resolve()


def read(path: Path) -> np.ndarray:
    from osgeo import gdal

    dataset = gdal.Open(str(path))
    if dataset is None:
        raise SystemExit(f"cannot read {path}")
    return dataset.ReadAsArray()


def probability_map(model, metadata, t1: np.ndarray, t2: np.ndarray, **options) -> tuple[np.ndarray, object]:
    result = np.full(t1.shape[-2:], np.nan, dtype=np.float32)

    def store(x: int, y: int, probability: np.ndarray) -> None:
        result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability

    summary = detect(model, metadata, ArraySource(t1), ArraySource(t2), store, **options)
    return result, summary


# ----------------------------------------------------------------------------------------------- speed


def speed(size: int, device: str, bands: int = 4, tile_size: int = 1024) -> list[dict]:
    """Pixels per second of both architectures (untrained weights) on a random ``bands``-band pair."""
    rng = np.random.default_rng(0)
    t1 = rng.normal(size=(bands, size, size)).astype(np.float32)
    t2 = (t1 + rng.normal(size=t1.shape)).astype(np.float32)
    info = select_device(device)
    stats1, stats2 = compute_statistics(ArraySource(t1)), compute_statistics(ArraySource(t2))
    rows = []
    for name, model in (("fcn", FCNSiamCRNN(bands, bands, True)), ("patch", PatchSiamCRNN(bands, bands, True))):
        metadata = ModelMetadata(architecture=name, bands_t1=bands, bands_t2=bands,
                                 band_names_t1=[str(b) for b in range(bands)],
                                 band_names_t2=[str(b) for b in range(bands)], shared=True, stats_t1=stats1,
                                 stats_t2=stats2, hyperparameters=model.hyperparameters())
        options = {"tile_size": tile_size, "device": info, "use_training_statistics": True}
        if name == "patch":
            options["batch_size"] = 4096
        probability_map(model.eval(), metadata, t1[:, :256, :256], t2[:, :256, :256], **options)  # warm-up
        _, summary = probability_map(model, metadata, t1, t2, **options)
        rows.append({"benchmark": "detect_speed", "architecture": name, "pixels": summary.pixels,
                     "seconds": round(summary.seconds, 3), "pixels_per_second": round(summary.pixels_per_second),
                     "tile_size": tile_size, "device": info.description})
    rows.append({"benchmark": "detect_speed_ratio", "fcn_over_patch": round(
        rows[0]["pixels_per_second"] / rows[1]["pixels_per_second"], 1)})
    return rows


# -------------------------------------------------------------------------------------------- accuracy


def evaluate(name: str, result, pairs: list[tuple[np.ndarray, np.ndarray, np.ndarray]], device: str) -> dict:
    confusion = np.zeros((2, 2), dtype=np.int64)
    for t1, t2, reference in pairs:
        probability, _ = probability_map(result.model, result.metadata, t1, t2, device=device)
        confusion += confusion_matrix((probability >= 0.5).astype(np.uint8), reference)
    metrics = ChangeMetrics.from_confusion(confusion)
    return {"benchmark": "fcn_accuracy", "dataset": name, "kappa": round(metrics.kappa, 4),
            "f1": round(metrics.f1, 4), "oa": round(metrics.oa, 4), "train_seconds": round(result.seconds, 1),
            "epochs_run": len(result.history), "best_epoch": result.best_epoch,
            "train_pixels": result.train_pixels, "device": result.device.description}


def taizhou(config: FCNTrainingConfig) -> dict:
    """Train on half of the label regions, evaluate on the other half (as the patch model's floor)."""
    folder = data_dir() / "taizhou_landsat7"
    t1, t2 = read(folder / "t1.tif").astype(np.float32), read(folder / "t2.tif").astype(np.float32)
    labels = read(folder / "labels.tif")
    pixels = labelled_pixels(labels, 2)
    held_out = split_groups(pixels, 0.5, np.random.default_rng(0))
    train_labels = labels.copy()
    train_labels[pixels.rows[held_out], pixels.cols[held_out]] = 255
    test_labels = np.full_like(labels, 255)
    test_labels[pixels.rows[held_out], pixels.cols[held_out]] = labels[pixels.rows[held_out], pixels.cols[held_out]]
    result = train_fcn_pairs([TrainingPair(ArraySource(t1), ArraySource(t2), train_labels)], config)
    return evaluate("taizhou_landsat7", result, [(t1, t2, test_labels)], config.device)


def italy(config: FCNTrainingConfig) -> dict:
    """Pseudo-siamese (NIR vs RGB): train on 1 % of the reference pixels drawn at random, evaluate on the rest."""
    folder = data_dir() / "italy_heterogeneous"
    t1, t2 = read(folder / "t1.png").astype(np.float32), read(folder / "t2.png").astype(np.float32)
    reference = (read(folder / "gt.png") > 127).astype(np.uint8)
    if reference.ndim == 3:
        reference = reference[0]
    rng = np.random.default_rng(0)
    chosen = rng.random(reference.shape) < 0.01
    train_labels = np.where(chosen, reference, 255).astype(np.uint8)
    test_labels = np.where(chosen, 255, reference).astype(np.uint8)
    result = train_fcn_pairs([TrainingPair(ArraySource(t1), ArraySource(t2), train_labels)],
                             FCNTrainingConfig(**{**vars(config), "siamese": "separate"}))
    return evaluate("italy_heterogeneous", result, [(t1, t2, test_labels)], config.device)


def levir(config: FCNTrainingConfig) -> dict:
    """Train on the train_* tiles (validation on val_*), evaluate on the test_* tiles."""
    folder = data_dir() / "levir_cd_samples"
    tiles: dict[str, list] = {"train": [], "val": [], "test": []}
    for path in sorted((folder / "A").glob("*.png")):
        t1 = read(path).astype(np.float32)
        t2 = read(folder / "B" / path.name).astype(np.float32)
        label = read(folder / "label" / path.name)
        label = ((label[0] if label.ndim == 3 else label) > 127).astype(np.uint8)
        tiles[path.name.split("_")[0]].append((t1, t2, label))
    result = train_fcn_pairs([TrainingPair(ArraySource(a), ArraySource(b), c) for a, b, c in tiles["train"]], config,
                             validation_pairs=[TrainingPair(ArraySource(a), ArraySource(b), c)
                                               for a, b, c in tiles["val"]])
    return evaluate("levir_cd_samples", result, tiles["test"], config.device)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("speed", "accuracy"))
    parser.add_argument("datasets", nargs="*", default=["taizhou", "italy", "levir"])
    parser.add_argument("--size", type=int, default=1024)
    parser.add_argument("--tile-size", type=int, default=1024)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--epochs", type=int, default=FCNTrainingConfig.epochs)
    parser.add_argument("--crop-size", type=int, default=FCNTrainingConfig.crop_size)
    parser.add_argument("--patience", type=int, default=FCNTrainingConfig.patience)
    parser.add_argument("--crops-per-epoch", type=int, default=FCNTrainingConfig.samples_per_epoch)
    args = parser.parse_args()
    if args.what == "speed":
        rows = speed(args.size, args.device, tile_size=args.tile_size)
    else:
        config = FCNTrainingConfig(device=args.device, epochs=args.epochs, crop_size=args.crop_size,
                                   patience=args.patience, samples_per_epoch=args.crops_per_epoch)
        runners = {"taizhou": taizhou, "italy": italy, "levir": levir}
        rows = []
        for name in args.datasets:
            started = time.perf_counter()
            rows.append(runners[name](config))
            rows[-1]["total_seconds"] = round(time.perf_counter() - started, 1)
            print(json.dumps(rows[-1]), flush=True)
        return
    for row in rows:
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
