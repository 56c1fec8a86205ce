"""Training SiamCRNN from sparse labels: class-balanced sampling with a per-epoch cap, a validation split
by whole label regions, weighted BCE with Adam, early stopping on validation loss, best weights kept."""

from __future__ import annotations

import contextlib
import copy
import datetime
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
from torch import nn

from .architectures import get_architecture
from .config import TrainingConfig
from .device import PRECISION_CHOICES, DeviceInfo, training_device
from .errors import Cancelled, InputError
from .inference import PatchRunner, gather_patches, prepare_window
from .metrics import ChangeMetrics
from .modelfile import FORMAT_VERSION, ModelMetadata
from .normalisation import BandStatistics, compute_statistics
from .patch_model import PATCH_RADIUS, PATCH_SIZE, PatchSiamCRNN, resolve_shared
from .regions import LabelledPixels, labelled_pixels, split_groups, split_spatially
from .sources import RasterSource, check_minimum_size, check_same_grid

#: Fewer labelled pixels of a class than this cannot be split into training and validation.
MIN_PIXELS_PER_CLASS = 10
#: Labelled pixels are read in blocks of this many rows and columns (bounds memory, not results).
READ_BLOCK = 256
#: Validation is capped so an epoch's cost does not grow with the label count either.
MAX_VALIDATION_PIXELS = 20000


@dataclass
class EpochRecord:
    epoch: int
    train_loss: float
    val_loss: float
    val_metrics: dict
    seconds: float


@dataclass
class ProgressEvent:
    epoch: int
    epochs: int
    batch: int
    batches: int
    fraction: float
    message: str
    train_loss: float | None = None
    val_loss: float | None = None
    val_metrics: dict | None = None


@dataclass
class TrainingResult:
    model: nn.Module
    metadata: ModelMetadata
    history: list[EpochRecord]
    best_epoch: int
    device: DeviceInfo
    label_counts: dict
    train_pixels: int
    validation_pixels: int
    seconds: float
    val_metrics: ChangeMetrics
    notes: list[str] = field(default_factory=list)


Progress = Callable[[ProgressEvent], None]


def train(
    t1: RasterSource,
    t2: RasterSource,
    labels: np.ndarray,
    config: TrainingConfig,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> TrainingResult:
    """Train the configured architecture on labelled pixels (0 unchanged, 1 changed, others ignored)."""
    trainer = get_architecture(config.architecture).resolve("train")
    return trainer(t1, t2, labels, config, progress, is_cancelled)


def check_config(config: TrainingConfig) -> None:
    problems = []
    if config.epochs < 1:
        problems.append(f"epochs must be at least 1 (got {config.epochs})")
    if config.patience < 1:
        problems.append(f"patience must be at least 1 (got {config.patience})")
    if config.batch_size < 1:
        problems.append(f"batch size must be at least 1 (got {config.batch_size})")
    if config.samples_per_epoch < 2:
        problems.append(f"samples per epoch must be at least 2 (got {config.samples_per_epoch})")
    if not config.learning_rate > 0:
        problems.append(f"learning rate must be positive (got {config.learning_rate})")
    if not 0 < config.validation_fraction < 1:
        problems.append(f"validation fraction must be between 0 and 1 (got {config.validation_fraction})")
    if not config.changed_weight > 0:
        problems.append(f"changed weight must be positive (got {config.changed_weight})")
    if config.precision not in PRECISION_CHOICES:
        problems.append(f"precision must be one of {', '.join(PRECISION_CHOICES)} (got {config.precision!r})")
    if problems:
        raise InputError("invalid training options: " + "; ".join(problems))


def check_labels(t1: RasterSource, t2: RasterSource, labels: np.ndarray) -> None:
    check_label_grid(t1, t2, labels)
    check_label_counts(int((labels == 0).sum()), int((labels == 1).sum()))


def check_label_grid(t1: RasterSource, t2: RasterSource, labels: np.ndarray) -> None:
    """The images share one grid large enough for a patch, and the labels cover it pixel for pixel."""
    check_same_grid(t1, t2)
    check_minimum_size(t1, PATCH_SIZE)
    if labels.ndim != 2 or labels.shape != (t1.height, t1.width):
        raise InputError(f"the label raster is {labels.shape[-1] if labels.ndim else 0}×"
                         f"{labels.shape[0] if labels.ndim else 0} pixels but the images are "
                         f"{t1.width}×{t1.height}; rasterise the labels on the images' grid")


def check_label_counts(unchanged: int, changed: int) -> None:
    """Enough labelled pixels of each class to train on."""
    if unchanged < MIN_PIXELS_PER_CLASS or changed < MIN_PIXELS_PER_CLASS:
        raise InputError(f"training needs at least {MIN_PIXELS_PER_CLASS} labelled pixels of each class, but "
                         f"the labels have {unchanged} unchanged (0) and {changed} changed (1) pixels; "
                         "draw more samples of the missing class")


@dataclass
class PatchSet:
    """Normalised patch pairs of labelled pixels with their classes, in memory as torch tensors."""

    x1: torch.Tensor
    x2: torch.Tensor
    classes: np.ndarray

    def subset(self, index: np.ndarray) -> PatchSet:
        selected = torch.from_numpy(index)
        return PatchSet(self.x1[selected], self.x2[selected], self.classes[index])

    def __len__(self) -> int:
        return self.classes.size


def extract_patches(
    t1: RasterSource, t2: RasterSource, stats: tuple[BandStatistics, BandStatistics], rows: np.ndarray,
    cols: np.ndarray, is_cancelled: Callable[[], bool] | None = None,
) -> tuple[torch.Tensor, torch.Tensor, np.ndarray]:
    """Patches around the given pixels, reading only the bounding box of each block's pixels.

    Returns both dates' patches and the indices of the pixels kept: pixels invalid in either date are
    dropped. Pixels are kept in their given order.
    """
    blocks = (rows // READ_BLOCK) * (t1.width // READ_BLOCK + 1) + cols // READ_BLOCK
    parts1, parts2, kept = [], [], []
    for block in np.unique(blocks):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("training cancelled while reading the labelled pixels")
        members = np.nonzero(blocks == block)[0]
        r, c = rows[members], cols[members]
        y, x = int(r.min()), int(c.min())
        height, width = int(r.max()) - y + 1, int(c.max()) - x + 1
        a1, valid1 = prepare_window(t1, stats[0], x, y, width, height, PATCH_RADIUS)
        a2, valid2 = prepare_window(t2, stats[1], x, y, width, height, PATCH_RADIUS)
        local_r, local_c = r - y, c - x
        good = valid1[local_r + PATCH_RADIUS, local_c + PATCH_RADIUS] & valid2[local_r + PATCH_RADIUS,
                                                                               local_c + PATCH_RADIUS]
        parts1.append(gather_patches(a1, local_r[good], local_c[good]))
        parts2.append(gather_patches(a2, local_r[good], local_c[good]))
        kept.append(members[good])
    order = np.argsort(np.concatenate(kept), kind="stable")
    x1 = torch.cat(parts1)[torch.from_numpy(order)].contiguous(memory_format=torch.channels_last)
    x2 = torch.cat(parts2)[torch.from_numpy(order)].contiguous(memory_format=torch.channels_last)
    return x1, x2, np.concatenate(kept)[order]


def balanced_indices(classes: np.ndarray, count: int, rng: np.random.Generator) -> np.ndarray:
    """``count`` indices, half from each class, without repeats unless a class has too few pixels."""
    picks = []
    for label, share in ((0, count - count // 2), (1, count // 2)):
        members = np.nonzero(classes == label)[0]
        picks.append(rng.choice(members, size=share, replace=share > members.size))
    index = np.concatenate(picks)
    return index[rng.permutation(index.size)]


def train_step(model: nn.Module, optimiser: torch.optim.Optimizer, x1: torch.Tensor, x2: torch.Tensor,
               targets: torch.Tensor, changed_weight: float, parts: int = 1,
               autocast: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext) -> float:
    """One optimiser step on a batch, computed in ``parts`` slices whose gradients add up to the whole
    batch's weighted BCE gradient, so a batch too large for the GPU can still be stepped. The forward pass
    runs inside ``autocast()`` (the device's precision); the loss and the step are float32."""
    optimiser.zero_grad(set_to_none=True)
    weights = 1.0 + (changed_weight - 1.0) * targets
    normaliser = weights.sum()
    total = 0.0
    for piece in torch.arange(targets.numel(), device=targets.device).chunk(parts):
        with autocast():
            logits = model(x1[piece], x2[piece])
        losses = nn.functional.binary_cross_entropy_with_logits(logits.float(), targets[piece], reduction="none")
        loss = (losses * weights[piece]).sum() / normaliser
        loss.backward()
        total += float(loss.detach())
    optimiser.step()
    return total


def validation_loss(probability: np.ndarray, classes: np.ndarray, changed_weight: float) -> float:
    """The training loss's expectation under balanced sampling: per-class mean BCE, weighted."""
    p = np.clip(probability.astype(np.float64), 1e-7, 1 - 1e-7)
    unchanged = -np.log(1 - p[classes == 0]).mean()
    changed = -np.log(p[classes == 1]).mean()
    return float((unchanged + changed_weight * changed) / (1.0 + changed_weight))


def provenance(config: TrainingConfig, info: DeviceInfo, **extra) -> dict:
    from ..paths import plugin_version

    return {
        "seed": config.seed,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "device": info.description,
        "versions": {"plugin": plugin_version(), "torch": torch.__version__, "numpy": np.__version__,
                     "python": platform.python_version()},
        "config": {k: v for k, v in vars(config).items()},
        **extra,
    }


class EarlyStopping:
    """The best epoch so far (lowest validation loss) with its weights and metrics, and whether training
    has gone ``patience`` epochs without improving on it."""

    def __init__(self, patience: int) -> None:
        self.patience = patience
        self.loss = np.inf
        self.epoch = 0
        self.state: dict | None = None
        self.metrics: ChangeMetrics | None = None
        self.waited = 0

    def update(self, record: EpochRecord, metrics: ChangeMetrics, model: nn.Module) -> bool:
        """Take one epoch's result; True when training should stop."""
        if record.val_loss < self.loss:
            self.loss, self.epoch, self.metrics, self.waited = record.val_loss, record.epoch, metrics, 0
            self.state = copy.deepcopy(model.state_dict())
        else:
            self.waited += 1
        return self.waited >= self.patience

    @staticmethod
    def event(record: EpochRecord, metrics: ChangeMetrics, epochs: int, batches: int, stopping: bool
              ) -> ProgressEvent:
        """The end-of-epoch progress event with its log line."""
        return ProgressEvent(record.epoch, epochs, batches, batches, record.epoch / epochs if not stopping else 1.0,
                             f"epoch {record.epoch}: train loss {record.train_loss:.4f}, validation loss "
                             f"{record.val_loss:.4f}, kappa {metrics.kappa:.3f}"
                             + (" — stopping early" if stopping else ""),
                             train_loss=record.train_loss, val_loss=record.val_loss, val_metrics=record.val_metrics)


def training_log(config: TrainingConfig, report: Progress) -> tuple[list[str], Callable[[str], None]]:
    """The notes of a training run and ``say(message)``, which adds a note and reports it as progress."""
    notes: list[str] = []

    def say(message: str) -> None:
        notes.append(message)
        report(ProgressEvent(0, config.epochs, 0, 0, 0.0, message))

    return notes, say


def train_patch(
    t1: RasterSource,
    t2: RasterSource,
    labels: np.ndarray,
    config: TrainingConfig,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> TrainingResult:
    """:func:`train` for the patch network."""
    started = time.perf_counter()
    check_config(config)
    labels = np.asarray(labels)
    check_labels(t1, t2, labels)
    shared = resolve_shared(config.siamese, t1.band_count, t2.band_count, config.sensors_differ)
    info = training_device(config.device, "patch", config.precision)
    report = progress or (lambda event: None)
    notes, say = training_log(config, report)
    say(info.description)
    stats = (compute_statistics(t1, is_cancelled=is_cancelled, name="T1"),
             compute_statistics(t2, is_cancelled=is_cancelled, name="T2"))
    rng = np.random.default_rng(config.seed)
    pixels = labelled_pixels(labels, PATCH_RADIUS)
    role = split_roles(pixels, config.validation_fraction, rng, say)
    used = np.nonzero(role >= 0)[0]
    x1, x2, kept = extract_patches(t1, t2, stats, pixels.rows[used], pixels.cols[used], is_cancelled)
    if kept.size < used.size:
        say(f"{used.size - kept.size} labelled pixels are nodata in T1 or T2 and were left out")
    patches = PatchSet(x1, x2, pixels.classes[used][kept])
    is_validation = role[used][kept] == 1
    train_set = patches.subset(np.nonzero(~is_validation)[0])
    val_set = patches.subset(np.nonzero(is_validation)[0])
    for name, subset in (("training", train_set), ("validation", val_set)):
        if np.unique(subset.classes).size < 2:
            raise InputError(f"after leaving out nodata pixels the {name} set lacks a class; label more "
                             "pixels of both classes where both images have data")
    if len(val_set) > MAX_VALIDATION_PIXELS:
        val_set = val_set.subset(np.sort(rng.choice(len(val_set), MAX_VALIDATION_PIXELS, replace=False)))
    say(f"{len(train_set)} training and {len(val_set)} validation pixels "
        f"({int((train_set.classes == 1).sum())} and {int((val_set.classes == 1).sum())} changed)")

    with torch.random.fork_rng(devices=[info.device] if info.kind == "cuda" else []):
        torch.manual_seed(config.seed)
        model = PatchSiamCRNN(t1.band_count, t2.band_count, shared)
        history, best_epoch, best_metrics = _fit(model, train_set, val_set, config, info, rng, report,
                                                 is_cancelled)
    unchanged, changed = pixels.counts
    metadata = ModelMetadata(
        architecture="patch",
        format_version=FORMAT_VERSION,
        hyperparameters=model.hyperparameters(),
        bands_t1=t1.band_count,
        bands_t2=t2.band_count,
        band_names_t1=list(t1.band_names),
        band_names_t2=list(t2.band_names),
        shared=shared,
        stats_t1=stats[0],
        stats_t2=stats[1],
        provenance=provenance(
            config, info,
            label_counts={"unchanged": unchanged, "changed": changed},
            train_pixels=len(train_set), validation_pixels=len(val_set),
            epochs_run=len(history), best_epoch=best_epoch, validation_metrics=best_metrics.as_dict(),
        ),
    )
    return TrainingResult(
        model=model, metadata=metadata, history=history, best_epoch=best_epoch, device=info,
        label_counts={"unchanged": unchanged, "changed": changed}, train_pixels=len(train_set),
        validation_pixels=len(val_set), seconds=time.perf_counter() - started, val_metrics=best_metrics,
        notes=notes,
    )


def split_roles(pixels: LabelledPixels, fraction: float, rng: np.random.Generator,
           say: Callable[[str], None]) -> np.ndarray:
    """Role of each labelled pixel: 1 validation, 0 training, -1 unused (buffer of a spatial split)."""
    validation = split_groups(pixels, fraction, rng)
    if validation is not None:
        say(f"validation: {int(validation.sum())} pixels in whole label regions held out from training")
        return validation.astype(np.int8)
    role = split_spatially(pixels, fraction, PATCH_RADIUS)
    say("the labels form too few separate regions to hold whole regions out for validation, so the last "
        f"{fraction:.0%} of each class (top to bottom) is used for validation and "
        f"{int((role == -1).sum())} training pixels next to it are left out; draw more separate regions "
        "for a more reliable validation")
    return role


def _fit(model: PatchSiamCRNN, train_set: PatchSet, val_set: PatchSet, config: TrainingConfig,
         info: DeviceInfo, rng: np.random.Generator, report: Progress,
         is_cancelled: Callable[[], bool] | None) -> tuple[list[EpochRecord], int, ChangeMetrics]:
    """The epoch loop; leaves the best epoch's weights in ``model`` (on the CPU, eval mode)."""
    model.to(info.device).to(memory_format=torch.channels_last)
    optimiser = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    runner = PatchRunner(model, info, max(config.batch_size, 4096))
    samples = config.samples_per_epoch
    batches = -(-samples // config.batch_size)
    history: list[EpochRecord] = []
    best = EarlyStopping(config.patience)
    parts = 1  # slices per training batch; doubled on CUDA out-of-memory
    for epoch in range(1, config.epochs + 1):
        epoch_started = time.perf_counter()
        model.train()
        order = balanced_indices(train_set.classes, samples, rng)
        total_loss = 0.0
        for batch in range(batches):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("training cancelled")
            index = torch.from_numpy(order[batch * config.batch_size:(batch + 1) * config.batch_size])
            targets = torch.from_numpy(train_set.classes[index.numpy()].astype(np.float32)).to(info.device)
            x1, x2 = train_set.x1[index].to(info.device), train_set.x2[index].to(info.device)
            while True:
                try:
                    loss_value = train_step(model, optimiser, x1, x2, targets, config.changed_weight, parts,
                                            info.autocast)
                    break
                except torch.cuda.OutOfMemoryError:
                    if parts >= targets.numel():
                        raise
                    parts *= 2
                    if info.kind == "cuda":
                        torch.cuda.empty_cache()
                    report(ProgressEvent(epoch, config.epochs, batch, batches,
                                         ((epoch - 1) * batches + batch) / (config.epochs * batches),
                                         f"Out of GPU memory: each training batch is now computed in {parts} "
                                         "parts (same gradients)"))
            total_loss += loss_value * index.numel()
            report(ProgressEvent(epoch, config.epochs, batch + 1, batches,
                                 ((epoch - 1) * batches + batch + 1) / (config.epochs * batches),
                                 f"epoch {epoch}/{config.epochs}, batch {batch + 1}/{batches}",
                                 train_loss=loss_value))
        model.eval()  # validation without dropout
        probability = runner.predict(val_set.x1, val_set.x2, is_cancelled)
        val_loss = validation_loss(probability, val_set.classes, config.changed_weight)
        metrics = ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), val_set.classes)
        record = EpochRecord(epoch, total_loss / samples, val_loss, metrics.as_dict(),
                             time.perf_counter() - epoch_started)
        history.append(record)
        stopping = best.update(record, metrics, model)
        report(best.event(record, metrics, config.epochs, batches, stopping))
        if stopping:
            break
    model.load_state_dict(best.state)
    model.to("cpu").eval()
    return history, best.epoch, best.metrics
