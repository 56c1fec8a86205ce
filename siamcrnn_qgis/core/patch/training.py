"""Training the patch SiamCRNN from sparse labels: the labelled pixels' 5×5 patches cut once into memory,
class-balanced draws per epoch, weighted BCE with Adam, validation on whole held-out label regions."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch
from torch import nn

from ..branches import resolve_shared
from ..detection import prepare_window
from ..device import DeviceInfo, training_device
from ..errors import Cancelled
from ..metrics import ChangeMetrics
from ..normalisation import BandStatistics, compute_statistics
from ..options import TrainingConfig
from ..regions import labelled_pixels
from ..smoothing import neighbourhood, neighbourhood_mean
from ..sources import RasterSource
from ..training import (
    EarlyStopping,
    ProgressEvent,
    TrainingLog,
    TrainingResult,
    build_result,
    check_both_classes,
    pool_thin_validation,
    scene_sample,
    split_roles,
)
from .detection import PatchRunner, gather_patches
from .model import PATCH_RADIUS, PatchSiamCRNN

#: Squares of 256² pixels the scene sample for the decision threshold is drawn from.
SCENE_CELLS = 16
#: Scene-sample pixels (at most) whose smoothed probability tells the thresholds of the best plateau apart.
SCENE_MAP_PIXELS = 2000
#: Validation pixels (at most) the decision threshold is chosen on.
THRESHOLD_PIXELS = 5000
#: Side of the window the probability map is averaged over (core/smoothing.py), stored in the model file.
SMOOTHING = 5
#: Labelled pixels are read in blocks of this many rows and columns (bounds memory, not results).
READ_BLOCK = 256
#: Validation is capped so an epoch's cost does not grow with the label count either.
MAX_VALIDATION_PIXELS = 20000


@dataclass
class PatchSet:
    """Normalised patch pairs of labelled pixels with their classes, in memory as torch tensors."""

    x1: torch.Tensor
    x2: torch.Tensor
    classes: np.ndarray
    rows: np.ndarray
    cols: np.ndarray

    def subset(self, index: np.ndarray) -> PatchSet:
        selected = torch.from_numpy(index)
        return PatchSet(self.x1[selected], self.x2[selected], self.classes[index], self.rows[index],
                        self.cols[index])

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


def train_patch(t1: RasterSource, t2: RasterSource, labels: np.ndarray, config: TrainingConfig, log: TrainingLog,
                is_cancelled: Callable[[], bool] | None = None) -> TrainingResult:
    """Train the patch network (``Architecture.train``: options complete and checked, labels checked)."""
    from . import ARCHITECTURE

    started = time.perf_counter()
    shared = resolve_shared(config.siamese, t1.band_count, t2.band_count, config.sensors_differ)
    info = training_device(config.device, config.precision, ARCHITECTURE.train_in_bfloat16)
    log.device(info)
    stats = (compute_statistics(t1, is_cancelled=is_cancelled, name="T1"),
             compute_statistics(t2, is_cancelled=is_cancelled, name="T2"))
    rng = np.random.default_rng(config.seed)
    pixels = labelled_pixels(labels, ARCHITECTURE.reach)
    role = split_roles(pixels, config.validation_fraction, rng, log, ARCHITECTURE.reach,
                       consequence="too few to choose an epoch or a threshold on")
    average_from = pool_thin_validation(config.epochs, log)
    if average_from is not None:
        role = np.zeros_like(role)  # every label trains, and the figures are measured on them
    used = np.nonzero(role >= 0)[0]
    x1, x2, kept = extract_patches(t1, t2, stats, pixels.rows[used], pixels.cols[used], is_cancelled)
    if kept.size < used.size:
        log.warn(f"{used.size - kept.size} labelled pixels are nodata in T1 or T2 and were left out")
    patches = PatchSet(x1, x2, pixels.classes[used][kept], pixels.rows[used][kept], pixels.cols[used][kept])
    is_validation = role[used][kept] == 1
    train_set = patches.subset(np.nonzero(~is_validation)[0])
    val_set = patches.subset(np.nonzero(is_validation if average_from is None else ~is_validation)[0])
    check_both_classes(training=train_set.classes, validation=val_set.classes)
    if len(val_set) > MAX_VALIDATION_PIXELS:
        val_set = val_set.subset(np.sort(rng.choice(len(val_set), MAX_VALIDATION_PIXELS, replace=False)))
    if average_from is None:
        log.say(f"{len(train_set)} training and {len(val_set)} validation pixels "
                f"({int((train_set.classes == 1).sum())} and {int((val_set.classes == 1).sum())} changed)")
    else:
        log.say(f"{len(train_set)} training pixels ({int((train_set.classes == 1).sum())} changed), the figures "
                f"measured on {len(val_set)} of them")

    with torch.random.fork_rng(devices=[info.device] if info.kind == "cuda" else []):
        torch.manual_seed(config.seed)
        model = PatchSiamCRNN(t1.band_count, t2.band_count, shared)
        best = _fit(model, train_set, val_set, config, info, rng, log, is_cancelled, average_from)
    scene_probability = scene_map = None
    if average_from is None:  # a threshold to choose
        scene_probability, scene_rows, scene_cols = scene_sample_probability(model, info, t1, t2, stats, rng,
                                                                             is_cancelled)
        mapped = rng.choice(scene_rows.size, min(scene_rows.size, SCENE_MAP_PIXELS), replace=False)
        scene_map = smoothed_probability(model, info, t1, t2, stats, PatchSet(
            torch.empty(0), torch.empty(0), np.empty(0), scene_rows[mapped], scene_cols[mapped]), SMOOTHING,
            is_cancelled)
        # the threshold is chosen on the validation probabilities as detection will compute them: smoothed
        sample = val_set.subset(np.sort(rng.choice(len(val_set), min(len(val_set), THRESHOLD_PIXELS),
                                                   replace=False)))
        best.probability = smoothed_probability(model, info, t1, t2, stats, sample, SMOOTHING, is_cancelled)
        best.classes = sample.classes
    unchanged, changed = pixels.counts
    return build_result(
        architecture=ARCHITECTURE.name, model=model, t1=t1, t2=t2, shared=shared, stats=stats,
        hyperparameters={**model.hyperparameters(), "smoothing": SMOOTHING}, config=config, info=info,
        label_counts={"unchanged": unchanged, "changed": changed}, train_pixels=len(train_set),
        validation_pixels=len(val_set) if average_from is None else 0, best=best, log=log, started=started,
        scene_probability=scene_probability,
        scene_map_probability=scene_map,
    )


def scene_sample_probability(model: PatchSiamCRNN, info: DeviceInfo, t1: RasterSource, t2: RasterSource,
                             stats: tuple[BandStatistics, BandStatistics], rng: np.random.Generator,
                             is_cancelled: Callable[[], bool] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The trained network's change probability on a sample of the scene's valid pixels (for the
    threshold), with their rows and columns."""
    rows, cols = scene_sample(t1.width, t1.height, rng, SCENE_CELLS)
    x1, x2, kept = extract_patches(t1, t2, stats, rows, cols, is_cancelled)
    return PatchRunner(model, info, 4096).predict(x1, x2, is_cancelled), rows[kept], cols[kept]


def smoothed_probability(model: PatchSiamCRNN, info: DeviceInfo, t1: RasterSource, t2: RasterSource,
                         stats: tuple[BandStatistics, BandStatistics], pixels: PatchSet, size: int,
                         is_cancelled: Callable[[], bool] | None) -> np.ndarray:
    """The change probability detection gives at the pixels: the mean over the ``size``² window around
    each pixel of the network's probabilities at its valid pixels."""
    runner = PatchRunner(model, info, 4096)
    if size <= 1:
        return runner.predict(pixels.x1, pixels.x2, is_cancelled)
    rows, cols = neighbourhood(pixels.rows, pixels.cols, t1.width, t1.height, size)
    x1, x2, kept = extract_patches(t1, t2, stats, rows, cols, is_cancelled)
    known = runner.predict(x1, x2, is_cancelled)
    return neighbourhood_mean(pixels.rows, pixels.cols, rows[kept], cols[kept], known, t1.width, size)


def _fit(model: PatchSiamCRNN, train_set: PatchSet, val_set: PatchSet, config: TrainingConfig,
         info: DeviceInfo, rng: np.random.Generator, log: TrainingLog,
         is_cancelled: Callable[[], bool] | None, average_from: int | None = None) -> EarlyStopping:
    """The epoch loop; leaves the best epoch's weights (or, from ``average_from`` on, the mean of every
    epoch's weights) in ``model`` (on the CPU, eval mode)."""
    model.to(info.device).to(memory_format=torch.channels_last)
    optimiser = torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    runner = PatchRunner(model, info, max(config.batch_size, 4096))
    samples = config.samples_per_epoch
    batches = -(-samples // config.batch_size)
    best = EarlyStopping(config.patience, config.epochs, batches, log.report, average_from)
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
                    log.warn(f"Out of GPU memory: each training batch is now computed in {parts} parts "
                             "(same gradients)")
            total_loss += loss_value * index.numel()
            log.report(ProgressEvent(epoch, config.epochs, batch + 1, batches,
                                     ((epoch - 1) * batches + batch + 1) / (config.epochs * batches),
                                     f"epoch {epoch}/{config.epochs}, batch {batch + 1}/{batches}",
                                     train_loss=loss_value))
        model.eval()  # validation without dropout
        probability = runner.predict(val_set.x1, val_set.x2, is_cancelled)
        val_loss = validation_loss(probability, val_set.classes, config.changed_weight)
        metrics = ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), val_set.classes)
        if best.end_epoch(epoch, total_loss / samples, val_loss, metrics, model, epoch_started, probability,
                          val_set.classes):
            break
    best.restore_best(model)
    if best.average is not None:
        probability = PatchRunner(model, info, max(config.batch_size, 4096)).predict(val_set.x1, val_set.x2,
                                                                                    is_cancelled)
        best.averaged_metrics(ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), val_set.classes),
                              probability, val_set.classes)
    return best
