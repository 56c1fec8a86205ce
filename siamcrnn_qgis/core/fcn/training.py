"""Training the fully convolutional SiamCRNN from sparse labels: random crops around labelled pixels with
flips and 90° rotations, cross-entropy over labelled pixels (unlabelled ignored) with a class weight plus
an optional Lovász-softmax term, AdamW, early stopping on the loss over held-out label regions.

Crops are read from the sources batch by batch (one batch ahead, in a background thread), so memory does
not grow with the raster. Several image pairs can be trained on together, e.g. dataset tiles.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812 (torch convention)

from ..branches import resolve_shared
from ..detection import prepare_window
from ..device import DeviceInfo, training_device
from ..errors import Cancelled, InputError
from ..metrics import ChangeMetrics
from ..normalisation import BandStatistics, compute_statistics
from ..options import ARCHITECTURE_DEFAULTED, TrainingConfig
from ..regions import UNLABELLED, labelled_pixels
from ..sources import RasterSource
from ..training import (
    EarlyStopping,
    ProgressEvent,
    TrainingLog,
    TrainingResult,
    build_result,
    check_both_classes,
    check_config,
    check_label_counts,
    check_label_grid,
    class_counts,
    scene_sample,
    split_roles,
)
from .detection import HALO, FCNRunner, Rect, read_window
from .model import DEFAULT_DEPTH, DEFAULT_WIDTH, OUTPUT_STRIDE, RESNET_STAGES, WIDTHS, FCNSiamCRNN

#: Unlabelled pixels in the training targets.
IGNORE = UNLABELLED
#: Validation pixels in the training targets: ignored by the loss and blanked out of the input crops, so
#: the network never sees what it is validated on.
HIDDEN = 254
#: Validation pixels are predicted in windows whose cores are the cells of a grid this wide.
VALIDATION_CELL = 512
#: The scene sample for the decision threshold: pixels of this many random windows of this side.
SCENE_CELLS, SCENE_CELL = 4, 256


@dataclass
class FCNTrainingConfig(TrainingConfig):
    """:class:`TrainingConfig` with the fully convolutional network's own options.

    ``batch_size`` counts crops and ``samples_per_epoch`` crops per epoch; ``changed_weight`` None (the
    default) weights the changed class by the unchanged/changed ratio of the training pixels (1 to 10).
    """

    architecture: str = "fcn"
    depth: int = DEFAULT_DEPTH
    width: int = DEFAULT_WIDTH
    crop_size: int = 256
    lovasz_weight: float = 0.75
    weight_decay: float = 1e-4


def fcn_config(config: TrainingConfig) -> FCNTrainingConfig:
    """FCN options from generic ones: every option left None takes the fcn default, every value given is
    kept exactly. ``changed_weight`` stays None when left empty (weighted by the class ratio)."""
    from . import ARCHITECTURE

    values = config.as_dict()
    if not isinstance(config, FCNTrainingConfig):
        values = {**dataclasses.asdict(FCNTrainingConfig()), **values}
    defaults = ARCHITECTURE.training_defaults
    for name in ARCHITECTURE_DEFAULTED:
        if values[name] is None:
            values[name] = getattr(defaults, name)
    values["architecture"] = ARCHITECTURE.name
    return FCNTrainingConfig(**values)


def check_fcn_config(config: FCNTrainingConfig) -> None:
    """The generic checks plus the fcn network's own options."""
    check_config(config)
    problems = []
    if config.depth not in RESNET_STAGES:
        problems.append(f"encoder depth must be one of {', '.join(map(str, RESNET_STAGES))} (got {config.depth})")
    if config.width not in WIDTHS:
        problems.append(f"encoder width must be one of {', '.join(map(str, WIDTHS))} (got {config.width})")
    if config.crop_size < 2 * OUTPUT_STRIDE or config.crop_size % OUTPUT_STRIDE:
        problems.append(f"crop size must be a multiple of {OUTPUT_STRIDE} of at least {2 * OUTPUT_STRIDE} "
                        f"(got {config.crop_size})")
    if config.lovasz_weight < 0:
        problems.append(f"the Lovász weight must not be negative (got {config.lovasz_weight})")
    if config.weight_decay < 0:
        problems.append(f"the weight decay must not be negative (got {config.weight_decay})")
    if problems:
        raise InputError("invalid training options: " + "; ".join(problems))


@dataclass
class TrainingPair:
    """One co-registered image pair with its labels (0 unchanged, 1 changed, anything else unlabelled)."""

    t1: RasterSource
    t2: RasterSource
    labels: np.ndarray


@dataclass
class _PreparedPair:
    t1: RasterSource
    t2: RasterSource
    stats: tuple[BandStatistics, BandStatistics]
    train_labels: np.ndarray  # uint8: class of training pixels, HIDDEN at validation pixels, IGNORE elsewhere
    train_pixels: tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, cols, classes
    val_pixels: tuple[np.ndarray, np.ndarray, np.ndarray]


# ---------------------------------------------------------------------------------------------- losses


def lovasz_softmax(probabilities: torch.Tensor, targets: torch.Tensor) -> torch.Tensor:
    """Lovász-softmax loss (Berman et al., 2018): a convex surrogate of 1 − IoU, averaged over the classes
    present. ``probabilities`` ``[N, K]`` for labelled pixels, ``targets`` ``[N]`` class indices."""
    losses = []
    for label in range(probabilities.shape[1]):
        foreground = (targets == label).float()
        if foreground.sum() == 0:
            continue
        errors = (foreground - probabilities[:, label]).abs()
        errors, order = torch.sort(errors, descending=True)
        foreground = foreground[order]
        total = foreground.sum()
        intersection = total - foreground.cumsum(0)
        union = total + (1.0 - foreground).cumsum(0)
        jaccard = 1.0 - intersection / union
        gradient = torch.cat([jaccard[:1], jaccard[1:] - jaccard[:-1]])
        losses.append(torch.dot(errors, gradient))
    if not losses:
        return probabilities.sum() * 0.0
    return torch.stack(losses).mean()


def change_loss(logits: torch.Tensor, targets: torch.Tensor, changed_weight: float,
                lovasz_weight: float) -> torch.Tensor:
    """Class-weighted cross-entropy over labelled pixels (targets ≠ IGNORE) + ``lovasz_weight`` × Lovász.

    ``logits`` ``[N, 2, H, W]``, ``targets`` ``[N, H, W]`` (int64).
    """
    weight = torch.tensor([1.0, changed_weight], device=logits.device, dtype=torch.float32)
    loss = F.cross_entropy(logits.float(), targets, weight=weight, ignore_index=IGNORE)
    if lovasz_weight > 0:
        labelled = targets != IGNORE
        probabilities = torch.softmax(logits.float(), dim=1).permute(0, 2, 3, 1)[labelled]
        loss = loss + lovasz_weight * lovasz_softmax(probabilities, targets[labelled])
    return loss


# -------------------------------------------------------------------------------------------- sampling


def crop_shape(config: FCNTrainingConfig, pairs: Sequence[_PreparedPair]) -> tuple[int, int]:
    """Crop height and width: the configured size, smaller when a raster is smaller."""
    height = min([config.crop_size] + [pair.t1.height for pair in pairs])
    width = min([config.crop_size] + [pair.t1.width for pair in pairs])
    return height, width


@dataclass
class _CropSpec:
    """Where a crop is read and how it is augmented (quarter turns, then a left-right flip)."""

    pair: int
    y: int
    x: int
    rotation: int
    flip: bool


def sample_crops(pairs: Sequence[_PreparedPair], count: int, shape: tuple[int, int],
                 rng: np.random.Generator) -> list[_CropSpec]:
    """``count`` crops, each around a training pixel drawn class-balanced over all pairs."""
    height, width = shape
    rotations = 4 if height == width else 2  # a quarter turn would change a non-square crop's shape
    owners = [np.full(pair.train_pixels[0].size, index) for index, pair in enumerate(pairs)]
    owner = np.concatenate(owners)
    position = np.concatenate([np.arange(pair.train_pixels[0].size) for pair in pairs])
    classes = np.concatenate([pair.train_pixels[2] for pair in pairs])
    members_of = [np.nonzero(classes == label)[0] for label in (0, 1)]
    specs = []
    for crop in range(count):
        members = members_of[crop % 2]
        pick = members[rng.integers(members.size)]
        pair = pairs[owner[pick]]
        row, col = pair.train_pixels[0][position[pick]], pair.train_pixels[1][position[pick]]
        y = int(np.clip(row - rng.integers(height), 0, pair.t1.height - height))
        x = int(np.clip(col - rng.integers(width), 0, pair.t1.width - width))
        specs.append(_CropSpec(int(owner[pick]), y, x, int(rng.integers(rotations)) * (4 // rotations),
                               bool(rng.integers(2))))
    return [specs[i] for i in rng.permutation(count)]


def _augment(array: np.ndarray, spec: _CropSpec) -> np.ndarray:
    """Rotate by quarter turns and flip left-right the last two axes."""
    array = np.rot90(array, spec.rotation, axes=(-2, -1))
    if spec.flip:
        array = array[..., ::-1]
    return np.ascontiguousarray(array)


def read_batch(pairs: Sequence[_PreparedPair], specs: Sequence[_CropSpec], shape: tuple[int, int]
               ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Normalised, augmented T1/T2 crops ``[N, C, h, w]`` and targets ``[N, h, w]`` (IGNORE where
    unlabelled, held out for validation, or nodata in either date). Validation pixels read as nodata
    (0, the mean) in both dates."""
    height, width = shape
    x1, x2, targets = [], [], []
    for spec in specs:
        pair = pairs[spec.pair]
        a1, valid1 = prepare_window(pair.t1, pair.stats[0], spec.x, spec.y, width, height, 0)
        a2, valid2 = prepare_window(pair.t2, pair.stats[1], spec.x, spec.y, width, height, 0)
        target = pair.train_labels[spec.y:spec.y + height, spec.x:spec.x + width].copy()
        hidden = target == HIDDEN
        a1[hidden] = 0.0
        a2[hidden] = 0.0
        target[hidden | ~(valid1 & valid2)] = IGNORE
        x1.append(_augment(a1.transpose(2, 0, 1), spec))
        x2.append(_augment(a2.transpose(2, 0, 1), spec))
        targets.append(_augment(target, spec))
    return (torch.from_numpy(np.stack(x1)), torch.from_numpy(np.stack(x2)),
            torch.from_numpy(np.stack(targets).astype(np.int64)))


# ------------------------------------------------------------------------------------------ validation


def predict_pixels(runner: FCNRunner, pair: _PreparedPair, rows: np.ndarray, cols: np.ndarray, cell: int,
                   is_cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """Change probability at the given pixels: each grid cell of side ``cell`` holding some of them runs
    once as the core of a window with the detection halo."""
    probability = np.empty(rows.size, dtype=np.float32)
    keys = (rows // cell) * (pair.t1.width // cell + 1) + cols // cell
    for key in np.unique(keys):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled("training cancelled")
        members = np.nonzero(keys == key)[0]
        y, x = int(rows[members[0]] // cell * cell), int(cols[members[0]] // cell * cell)
        core = Rect(x, y, min(cell, pair.t1.width - x), min(cell, pair.t1.height - y))
        window = read_window(pair.t1, pair.t2, pair.stats, core, HALO)
        result = runner.probability(window.t1, window.t2)
        probability[members] = result[rows[members] - window.window.y, cols[members] - window.window.x]
    return probability


def validation_scores(probability: np.ndarray, classes: np.ndarray, changed_weight: float,
                      lovasz_weight: float) -> tuple[float, ChangeMetrics]:
    """The training loss over the validation pixels, and their metrics at probability 0.5."""
    p = torch.from_numpy(np.clip(probability.astype(np.float64), 1e-7, 1 - 1e-7))
    logits = torch.stack([torch.zeros_like(p), torch.log(p) - torch.log1p(-p)], dim=1).float()
    targets = torch.from_numpy(classes.astype(np.int64))
    loss = change_loss(logits[:, :, None, None], targets[:, None, None], changed_weight, lovasz_weight)
    metrics = ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), classes)
    return float(loss), metrics


# ---------------------------------------------------------------------------------------------- setup


def _prepare(pair: TrainingPair, fraction: float, rng: np.random.Generator, log: TrainingLog,
             is_cancelled: Callable[[], bool] | None, hold_out: bool) -> _PreparedPair:
    """Statistics and the training/validation roles of one pair's labelled pixels (nodata left out).

    ``hold_out`` False makes every labelled pixel a training pixel; True splits by label regions, grouped
    with the fcn network's reach so that no validation pixel lies within it of a training pixel.
    """
    from . import ARCHITECTURE

    labels = np.asarray(pair.labels)
    stats = (compute_statistics(pair.t1, is_cancelled=is_cancelled),
             compute_statistics(pair.t2, is_cancelled=is_cancelled))
    pixels = labelled_pixels(labels, ARCHITECTURE.reach)
    role = (split_roles(pixels, fraction, rng, log, ARCHITECTURE.reach) if hold_out
            else np.zeros(pixels.rows.size, dtype=np.int8))
    valid = _valid_at(pair, pixels.rows, pixels.cols)
    if not valid.all():
        log.warn(f"{int((~valid).sum())} labelled pixels are nodata in T1 or T2 and were left out")
    train_labels = np.full(labels.shape, IGNORE, dtype=np.uint8)
    training = (role == 0) & valid
    validation = (role == 1) & valid
    train_labels[pixels.rows[training], pixels.cols[training]] = pixels.classes[training]
    train_labels[pixels.rows[validation], pixels.cols[validation]] = HIDDEN
    return _PreparedPair(
        pair.t1, pair.t2, stats, train_labels,
        (pixels.rows[training], pixels.cols[training], pixels.classes[training]),
        (pixels.rows[validation], pixels.cols[validation], pixels.classes[validation]),
    )


def _valid_at(pair: TrainingPair, rows: np.ndarray, cols: np.ndarray, block: int = 512) -> np.ndarray:
    """Whether both dates are valid at the given pixels, reading one block of the raster at a time."""
    valid = np.zeros(rows.size, dtype=bool)
    keys = (rows // block) * (pair.t1.width // block + 1) + cols // block
    for key in np.unique(keys):
        members = np.nonzero(keys == key)[0]
        r, c = rows[members], cols[members]
        y, x = int(r.min()), int(c.min())
        height, width = int(r.max()) - y + 1, int(c.max()) - x + 1
        _, valid1 = pair.t1.read(x, y, width, height)
        _, valid2 = pair.t2.read(x, y, width, height)
        valid[members] = valid1[r - y, c - x] & valid2[r - y, c - x]
    return valid


def pooled_statistics(stats: Sequence[BandStatistics]) -> BandStatistics:
    """Statistics of several images taken together (count-weighted means and variances)."""
    counts = np.array([s.count for s in stats], dtype=np.float64)
    means = np.array([s.mean for s in stats], dtype=np.float64)
    variances = np.array([s.std for s in stats], dtype=np.float64) ** 2
    total = counts.sum()
    mean = (counts[:, None] * means).sum(axis=0) / total
    variance = (counts[:, None] * (variances + (means - mean) ** 2)).sum(axis=0) / total
    return BandStatistics(mean=mean.tolist(), std=np.sqrt(variance).tolist(), count=int(total))


def _check_pairs(pairs: Sequence[TrainingPair]) -> None:
    if not pairs:
        raise InputError("training needs at least one image pair")
    first = pairs[0]
    for index, pair in enumerate(pairs):
        if (pair.t1.band_count, pair.t2.band_count) != (first.t1.band_count, first.t2.band_count):
            raise InputError(f"pair {index + 1} has {pair.t1.band_count}+{pair.t2.band_count} bands (T1+T2) but "
                             f"pair 1 has {first.t1.band_count}+{first.t2.band_count}; all pairs must come from "
                             "the same sensors")


# ------------------------------------------------------------------------------------------- training


def train_fcn_pairs(
    pairs: Sequence[TrainingPair],
    config: TrainingConfig,
    progress: Callable[[ProgressEvent], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    validation_pairs: Sequence[TrainingPair] = (),
    log: TrainingLog | None = None,
) -> TrainingResult:
    """Train the fully convolutional network on one or more image pairs from the same sensors.

    Validation uses ``validation_pairs`` when given (all their labelled pixels), otherwise a share of the
    label regions of each training pair, held out from training. Options left None take the fcn
    defaults. ``log`` (from :func:`~..training.train`) or ``progress`` receive the notes and progress.
    """
    from . import ARCHITECTURE

    started = time.perf_counter()
    config = fcn_config(config)
    check_fcn_config(config)
    _check_pairs(list(pairs) + list(validation_pairs))
    for pair in list(pairs) + list(validation_pairs):
        check_label_grid(pair.t1, pair.t2, np.asarray(pair.labels), ARCHITECTURE.minimum_size)
    # one tile may hold a single class (e.g. no change in it); the pairs together need both
    label_counts = class_counts([pair.labels for pair in pairs])
    check_label_counts(label_counts["unchanged"], label_counts["changed"])
    first = pairs[0]
    shared = resolve_shared(config.siamese, first.t1.band_count, first.t2.band_count, config.sensors_differ)
    info = training_device(config.device, config.precision, ARCHITECTURE.train_in_bfloat16)
    log = log or TrainingLog(config.epochs, progress or (lambda event: None))
    log.device(info)
    rng = np.random.default_rng(config.seed)
    hold_out = not validation_pairs
    prepared = [_prepare(pair, config.validation_fraction, rng, log, is_cancelled, hold_out) for pair in pairs]
    validating = prepared if hold_out else [
        _prepare(pair, 0.0, rng, log, is_cancelled, False) for pair in validation_pairs]
    train_classes = np.concatenate([pair.train_pixels[2] for pair in prepared])
    val_classes = np.concatenate([pair.val_pixels[2] if hold_out else pair.train_pixels[2] for pair in validating])
    check_both_classes(training=train_classes, validation=val_classes)
    unchanged, changed = int((train_classes == 0).sum()), int((train_classes == 1).sum())
    if config.changed_weight is None:
        config = dataclasses.replace(config, changed_weight=float(np.clip(unchanged / changed, 1.0, 10.0)))
        log.say(f"Changed class weighted {config.changed_weight:.2f}, the ratio of unchanged to changed "
                "training pixels (between 1 and 10)")
    log.say(f"{train_classes.size} training and {val_classes.size} validation pixels "
            f"({changed} and {int((val_classes == 1).sum())} changed)")

    with torch.random.fork_rng(devices=[info.device] if info.kind == "cuda" else []):
        torch.manual_seed(config.seed)
        model = FCNSiamCRNN(first.t1.band_count, first.t2.band_count, shared, depth=config.depth,
                            width=config.width)
        best = _fit(model, prepared, validating, hold_out, config, info, rng, log.report, is_cancelled)
    scene_probability = scene_sample_probability(model, info, prepared[0], rng, is_cancelled)

    hyperparameters = {**model.hyperparameters(), "crop_size": config.crop_size,
                       "lovasz_weight": config.lovasz_weight, "changed_weight": config.changed_weight}
    return build_result(
        architecture=ARCHITECTURE.name, model=model, t1=first.t1, t2=first.t2, shared=shared,
        stats=(pooled_statistics([pair.stats[0] for pair in prepared]),
               pooled_statistics([pair.stats[1] for pair in prepared])),
        hyperparameters=hyperparameters, config=config, info=info, label_counts=label_counts,
        train_pixels=int(train_classes.size), validation_pixels=int(val_classes.size), best=best, log=log,
        started=started, image_pairs=len(pairs), scene_probability=scene_probability,
    )


def scene_sample_probability(model: FCNSiamCRNN, info: DeviceInfo, pair: _PreparedPair, rng: np.random.Generator,
                             is_cancelled: Callable[[], bool] | None) -> np.ndarray:
    """The trained network's change probability on a sample of the first pair's pixels, from a few
    windows (for the decision threshold)."""
    rows, cols = scene_sample(pair.t1.width, pair.t1.height, rng, SCENE_CELLS, SCENE_CELL)
    valid = _valid_at(pair, rows, cols)
    rows, cols = rows[valid], cols[valid]
    probability = predict_pixels(FCNRunner(model, info), pair, rows, cols, SCENE_CELL, is_cancelled)
    model.to("cpu").eval()
    return probability


def _fit(model: FCNSiamCRNN, pairs: list[_PreparedPair], validating: list[_PreparedPair], hold_out: bool,
         config: FCNTrainingConfig, info: DeviceInfo, rng: np.random.Generator,
         report: Callable[[ProgressEvent], None], is_cancelled: Callable[[], bool] | None) -> EarlyStopping:
    """The epoch loop; leaves the best epoch's weights in ``model`` (on the CPU, eval mode)."""
    runner = FCNRunner(model, info)  # moves the model to the device, channels_last
    optimiser = torch.optim.AdamW(model.parameters(), lr=config.learning_rate, weight_decay=config.weight_decay)
    shape = crop_shape(config, pairs)
    batches = math.ceil(config.samples_per_epoch / config.batch_size)
    best = EarlyStopping(config.patience, config.epochs, batches, report)

    def to_device(tensor: torch.Tensor) -> torch.Tensor:
        if info.kind == "cuda":
            tensor = tensor.pin_memory()
        tensor = tensor.to(info.device, non_blocking=True)
        return tensor.contiguous(memory_format=torch.channels_last) if tensor.ndim == 4 else tensor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="siamcrnn-crops") as reader:
        for epoch in range(1, config.epochs + 1):
            epoch_started = time.perf_counter()
            model.train()
            specs = sample_crops(pairs, batches * config.batch_size, shape, rng)
            plan = [specs[i * config.batch_size:(i + 1) * config.batch_size] for i in range(batches)]
            upcoming = reader.submit(read_batch, pairs, plan[0], shape)
            total_loss = 0.0
            for batch in range(batches):
                x1, x2, targets = upcoming.result()
                if batch + 1 < batches:
                    upcoming = reader.submit(read_batch, pairs, plan[batch + 1], shape)
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled("training cancelled")
                with info.autocast():
                    logits = model(to_device(x1), to_device(x2))
                loss = change_loss(logits, to_device(targets), config.changed_weight, config.lovasz_weight)
                optimiser.zero_grad(set_to_none=True)
                loss.backward()
                optimiser.step()
                total_loss += loss.item()
                report(ProgressEvent(epoch, config.epochs, batch + 1, batches,
                                     ((epoch - 1) * batches + batch + 1) / (config.epochs * batches),
                                     f"epoch {epoch}/{config.epochs}, batch {batch + 1}/{batches}",
                                     train_loss=loss.item()))
            model.eval()
            probabilities, classes = [], []
            for pair in validating:
                rows, cols, pair_classes = pair.val_pixels if hold_out else pair.train_pixels
                if rows.size:
                    probabilities.append(predict_pixels(runner, pair, rows, cols, VALIDATION_CELL, is_cancelled))
                    classes.append(pair_classes)
            probability, classes = np.concatenate(probabilities), np.concatenate(classes)
            val_loss, metrics = validation_scores(probability, classes, config.changed_weight,
                                                  config.lovasz_weight)
            if best.end_epoch(epoch, total_loss / batches, val_loss, metrics, model, epoch_started, probability,
                              classes):
                break
    best.restore_best(model)
    return best
