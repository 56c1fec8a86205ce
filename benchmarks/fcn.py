"""Benchmarks of the fully convolutional SiamCRNN (``ARCHITECTURE=fcn``): detection speed against the patch
model on an in-memory pair, and accuracy on the shared real data sets.

    .venv/bin/python benchmarks/fcn.py speed [--size 1024] [--device cpu]
    .venv/bin/python benchmarks/fcn.py accuracy [taizhou italy levir] [--architecture patch|fcn|both]

Prints one JSON object per measurement. Data: $SIAMCRNN_TEST_DATA or ../shared/data.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from siamcrnn_qgis.core.architectures import get_architecture  # noqa: E402
from siamcrnn_qgis.core.detection import detect  # noqa: E402
from siamcrnn_qgis.core.device import select_device  # noqa: E402
from siamcrnn_qgis.core.fcn.model import FCNSiamCRNN  # noqa: E402
from siamcrnn_qgis.core.fcn.training import FCNTrainingConfig, TrainingPair, train_fcn_pairs  # noqa: E402
from siamcrnn_qgis.core.metrics import ChangeMetrics, confusion_matrix  # noqa: E402
from siamcrnn_qgis.core.modelfile import ModelMetadata  # noqa: E402
from siamcrnn_qgis.core.normalisation import compute_statistics  # noqa: E402
from siamcrnn_qgis.core.options import TrainingConfig  # noqa: E402
from siamcrnn_qgis.core.patch.model import PATCH_RADIUS, PatchSiamCRNN  # noqa: E402
from siamcrnn_qgis.core.regions import labelled_pixels, split_groups  # noqa: E402
from siamcrnn_qgis.core.sources import ArraySource  # noqa: E402
from siamcrnn_qgis.core.training import train  # noqa: E402


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


def speed(size: int, device: str, precisions: list[str], architectures: tuple[str, ...] = ("fcn", "patch"),
          bands: int = 4, tile_size: int = 1024, patch_tile_size: int = 512) -> list[dict]:
    """Pixels per second of both architectures (untrained weights) on a random ``bands``-band pair, in each
    precision, the two architectures alternating so that both see the same machine load. Each runs with
    its own tile size: the patch network is fastest with 512² tiles here (19,764 px/s against 14,986 with
    1024² tiles, float32, 1024² pair), the fcn network with the largest window that fits."""
    rng = np.random.default_rng(0)
    t1 = rng.normal(size=(bands, size, size)).astype(np.float32)
    t2 = (t1 + rng.normal(size=t1.shape)).astype(np.float32)
    stats1, stats2 = compute_statistics(ArraySource(t1)), compute_statistics(ArraySource(t2))
    rows = []
    for precision in precisions:
        info = select_device(device, precision)
        figures = {}
        models = {"fcn": FCNSiamCRNN(bands, bands, True), "patch": PatchSiamCRNN(bands, bands, True)}
        for name in architectures:
            model = models[name]
            metadata = ModelMetadata(architecture=name, bands_t1=bands, bands_t2=bands,
                                     band_names_t1=[str(b) for b in range(bands)],
                                     band_names_t2=[str(b) for b in range(bands)], shared=True, stats_t1=stats1,
                                     stats_t2=stats2, hyperparameters=model.hyperparameters())
            options = {"tile_size": tile_size, "device": info, "use_training_statistics": True}
            if name == "patch":
                options.update(batch_size=4096, tile_size=patch_tile_size)
            probability_map(model.eval(), metadata, t1[:, :256, :256], t2[:, :256, :256], **options)  # warm-up
            _, summary = probability_map(model, metadata, t1, t2, **options)
            figures[name] = summary.pixels_per_second
            rows.append({"benchmark": "detect_speed", "architecture": name, "precision": precision,
                         "bfloat16": info.bfloat16, "pixels": summary.pixels, "seconds": round(summary.seconds, 3),
                         "pixels_per_second": round(summary.pixels_per_second), "tile_size": options["tile_size"],
                         "device": info.description,
                         "load_average": [round(value, 2) for value in os.getloadavg()]})
        if len(figures) == 2:
            rows.append({"benchmark": "detect_speed_ratio", "precision": precision,
                         "fcn_over_patch": round(figures["fcn"] / figures["patch"], 1)})
    return rows


# -------------------------------------------------------------------------------------------- accuracy


@dataclass
class Dataset:
    """Training pairs, validation pairs (empty: the trainer holds out label regions) and test pairs, each
    ``(t1, t2, labels)`` with labels 0 unchanged, 1 changed, 255 unlabelled."""

    name: str
    train: list
    validation: list
    test: list
    sensors_differ: bool = False


def taizhou_data() -> Dataset:
    """Train on half of the label regions, evaluate on the other half."""
    folder = data_dir() / "taizhou_landsat7"
    t1, t2 = read(folder / "t1.tif").astype(np.float32), read(folder / "t2.tif").astype(np.float32)
    labels = read(folder / "labels.tif")
    pixels = labelled_pixels(labels, 4)
    held_out = split_groups(pixels, 0.5, np.random.default_rng(0))
    train_labels = labels.copy()
    train_labels[pixels.rows[held_out], pixels.cols[held_out]] = 255
    test_labels = np.full_like(labels, 255)
    test_labels[pixels.rows[held_out], pixels.cols[held_out]] = labels[pixels.rows[held_out], pixels.cols[held_out]]
    return Dataset("taizhou_landsat7", [(t1, t2, train_labels)], [], [(t1, t2, test_labels)])


def italy_data() -> Dataset:
    """Pseudo-siamese (NIR vs RGB): train on 1 % of the reference pixels drawn at random, evaluate on the rest
    (the same draw as ``tests/core/test_accuracy.py``)."""
    folder = data_dir() / "italy_heterogeneous"
    t1, t2 = read(folder / "t1.png").astype(np.float32), read(folder / "t2.png").astype(np.float32)
    reference = read(folder / "gt.png")
    reference = ((reference[0] if reference.ndim == 3 else reference) > 127).astype(np.uint8)
    chosen = np.random.default_rng(0).random(reference.shape) < 0.01
    train_labels = np.where(chosen, reference, 255).astype(np.uint8)
    test_labels = np.where(chosen, 255, reference).astype(np.uint8)
    return Dataset("italy_heterogeneous", [(t1, t2, train_labels)], [], [(t1, t2, test_labels)],
                   sensors_differ=True)


def levir_data() -> Dataset:
    """Train on the ``train_*`` and ``val_*`` tiles, evaluate on the ``test_*`` tiles. The only ``val_*``
    tile has no change, so it cannot be the validation set on its own: as on the other data sets, the
    trainer holds out label regions of the four tiles for validation."""
    folder = data_dir() / "levir_cd_samples"
    tiles: dict[str, list] = {"train": [], "val": [], "test": []}
    for path in sorted((folder / "A").glob("*.png")):
        t1 = read(path).astype(np.float32)
        t2 = read(folder / "B" / path.name).astype(np.float32)
        label = read(folder / "label" / path.name)
        label = ((label[0] if label.ndim == 3 else label) > 127).astype(np.uint8)
        tiles[path.name.split("_")[0]].append((t1, t2, label))
    return Dataset("levir_cd_samples", tiles["train"] + tiles["val"], [], tiles["test"])


DATASETS = {"taizhou": taizhou_data, "italy": italy_data, "levir": levir_data}


def train_fcn_on(data: Dataset, config: FCNTrainingConfig):
    if data.sensors_differ:
        config = dataclasses.replace(config, siamese="separate")

    def pairs(items: list) -> list[TrainingPair]:
        return [TrainingPair(ArraySource(a), ArraySource(b), c) for a, b, c in items]

    return train_fcn_pairs(pairs(data.train), config, validation_pairs=pairs(data.validation))


def mosaic(items: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tiles side by side as one pair for the patch trainer (which takes one pair); labels within the patch
    radius of a seam are dropped, so no training patch mixes two tiles."""
    t1 = np.concatenate([a for a, _, _ in items], axis=-1)
    t2 = np.concatenate([b for _, b, _ in items], axis=-1)
    labels = np.concatenate([c for _, _, c in items], axis=-1).copy()
    seam = 0
    for _, _, c in items[:-1]:
        seam += c.shape[-1]
        labels[:, seam - PATCH_RADIUS:seam + PATCH_RADIUS] = 255
    return t1, t2, labels


def train_patch_on(data: Dataset, config: TrainingConfig):
    """The patch trainer on the training and validation tiles together (it holds out label regions itself)."""
    t1, t2, labels = mosaic(data.train + data.validation)  # the patch trainer holds out label regions
    config = dataclasses.replace(config, sensors_differ=data.sensors_differ)
    return train(ArraySource(t1), ArraySource(t2), labels, config)


def evaluate(architecture: str, data: Dataset, result, device: str, precisions: list[str]) -> dict:
    """Kappa, F1 and OA on the test pixels, in each precision; with two precisions also how far the two
    probability maps are apart and the share of test pixels whose class differs."""
    row = {"benchmark": "accuracy", "architecture": architecture, "dataset": data.name,
           "train_seconds": round(result.seconds, 1), "train_device": result.device.description,
           "epochs_run": len(result.history), "best_epoch": result.best_epoch, "train_pixels": result.train_pixels}
    maps: dict[str, list[np.ndarray]] = {}
    for precision in precisions:
        info = select_device(device, precision)
        confusion = np.zeros((2, 2), dtype=np.int64)
        maps[precision] = []
        for t1, t2, reference in data.test:
            probability, _ = probability_map(result.model, result.metadata, t1, t2, device=info)
            confusion += confusion_matrix((probability >= 0.5).astype(np.uint8), reference)
            maps[precision].append(probability)
        metrics = ChangeMetrics.from_confusion(confusion)
        suffix = "" if precision == precisions[0] else f"_{precision}"
        row.update({f"kappa{suffix}": round(metrics.kappa, 4), f"f1{suffix}": round(metrics.f1, 4),
                    f"oa{suffix}": round(metrics.oa, 4), f"detect_device{suffix}": info.description})
        row["test_pixels"] = int(confusion.sum())
    if len(precisions) == 2:
        first, second = maps[precisions[0]], maps[precisions[1]]
        tested = [reference <= 1 for _, _, reference in data.test]
        row["max_probability_difference"] = float(max(np.nanmax(np.abs(a - b)) for a, b in zip(first, second)))
        flipped = sum(int(((a >= 0.5) != (b >= 0.5))[mask].sum()) for a, b, mask in zip(first, second, tested))
        row["class_differs_share"] = flipped / row["test_pixels"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=("speed", "accuracy"))
    parser.add_argument("datasets", nargs="*", default=["taizhou", "italy", "levir"])
    parser.add_argument("--size", type=int, default=1024)
    parser.add_argument("--tile-size", type=int, default=1024, help="fcn tile (core) size")
    parser.add_argument("--patch-tile-size", type=int, default=512, help="patch tile size (the detect default)")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--architecture", choices=("patch", "fcn", "both"), default="both",
                        help="which architecture(s) to measure (default both; accuracy: same protocol)")
    parser.add_argument("--precision", choices=("auto", "bfloat16", "float32", "both"), default="both",
                        help="arithmetic precision of detection (both: float32 and bfloat16, compared)")
    fcn_defaults = get_architecture("fcn").training_defaults
    parser.add_argument("--epochs", type=int, default=fcn_defaults.epochs)
    parser.add_argument("--crop-size", type=int, default=FCNTrainingConfig.crop_size)
    parser.add_argument("--patience", type=int, default=fcn_defaults.patience)
    parser.add_argument("--crops-per-epoch", type=int, default=fcn_defaults.samples_per_epoch)
    args = parser.parse_args()
    precisions = ["float32", "bfloat16"] if args.precision == "both" else [args.precision]
    if args.what == "speed":
        architectures = ("fcn", "patch") if args.architecture == "both" else (args.architecture,)
        for row in speed(args.size, args.device, precisions, architectures, tile_size=args.tile_size,
                         patch_tile_size=args.patch_tile_size):
            print(json.dumps(row), flush=True)
        return
    fcn = FCNTrainingConfig(device=args.device, epochs=args.epochs,
                            crop_size=args.crop_size, patience=args.patience, samples_per_epoch=args.crops_per_epoch)
    patch = TrainingConfig(device=args.device)
    architectures = ("patch", "fcn") if args.architecture == "both" else (args.architecture,)
    for name in args.datasets:
        data = DATASETS[name]()
        for architecture in architectures:
            started = time.perf_counter()
            result = train_patch_on(data, patch) if architecture == "patch" else train_fcn_on(data, fcn)
            row = evaluate(architecture, data, result, args.device, precisions)
            row["total_seconds"] = round(time.perf_counter() - started, 1)
            row["load_average"] = [round(value, 2) for value in os.getloadavg()]
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
