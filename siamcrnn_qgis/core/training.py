"""Training for every architecture: the options completed with the architecture's defaults and checked,
the labels checked, the validation split by whole label regions, progress events and notes, early
stopping on the validation kappa with the best weights kept (or, when the validation rests on too few
regions, the weights of the later epochs averaged), and the model file's metadata."""

from __future__ import annotations

import copy
import datetime
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .architectures import get_architecture
from .device import DeviceInfo
from .errors import InputError
from .metrics import ChangeMetrics
from .modelfile import FORMAT_VERSION, ModelMetadata
from .normalisation import BandStatistics
from .options import PRECISION_CHOICES, TrainingConfig
from .regions import LabelledPixels, split_groups, split_spatially
from .sources import RasterSource, check_minimum_size, check_same_grid
from .thresholds import ThresholdChoice, choose_threshold

#: Fewer labelled pixels of a class than this cannot be split into training and validation.
MIN_PIXELS_PER_CLASS = 10
#: A class validated on fewer label regions than this gets a warning: its kappa is uncertain, and no epoch
#: and no threshold is chosen on it (see :func:`averaging_start`).
FEW_REGIONS = 5


@dataclass
class EpochRecord:
    epoch: int
    train_loss: float
    val_loss: float
    val_metrics: dict
    seconds: float


@dataclass
class ProgressEvent:
    """Progress of a training run. ``note`` events carry a sentence for the user's log (``warning`` when
    something was not as asked); end-of-epoch events carry the losses and validation metrics."""

    epoch: int
    epochs: int
    batch: int
    batches: int
    fraction: float
    message: str
    train_loss: float | None = None
    val_loss: float | None = None
    val_metrics: dict | None = None
    note: bool = False
    warning: bool = False


@dataclass
class TrainingResult:
    model: object  # torch.nn.Module
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
    warnings: list[str] = field(default_factory=list)
    config: TrainingConfig | None = None
    threshold: ThresholdChoice | None = None


Progress = Callable[[ProgressEvent], None]


def train(
    t1: RasterSource,
    t2: RasterSource,
    labels: np.ndarray,
    config: TrainingConfig,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> TrainingResult:
    """Train the configured architecture on labelled pixels (0 unchanged, 1 changed, others ignored).

    Options left None take the architecture's defaults; the first progress note says which values were
    used, and the model's metadata records them.
    """
    architecture = get_architecture(config.architecture)
    resolved = architecture.resolve_training(config)
    check_config(resolved)
    architecture.check_training(resolved)
    labels = np.asarray(labels)
    check_label_grid(t1, t2, labels, architecture.minimum_size)
    check_label_counts(int((labels == 0).sum()), int((labels == 1).sum()))
    log = TrainingLog(resolved.epochs, progress or (lambda event: None))
    log.say(describe_config(architecture.name, config, resolved))
    return architecture.train(t1, t2, labels, resolved, log, is_cancelled)


def describe_config(architecture: str, given: TrainingConfig, used: TrainingConfig) -> str:
    """One log line with the schedule used, marking the values that came from the architecture."""
    unit = get_architecture(architecture).training_defaults.batch_unit

    def value(name: str, text: str) -> str:
        return text + ("" if getattr(given, name) is not None else "*")

    weight = "by class ratio" if used.changed_weight is None else f"{used.changed_weight:g}"
    return (f"Training {architecture}: {value('epochs', f'at most {used.epochs} epochs')}, "
            f"{value('patience', f'patience {used.patience}')}, "
            f"{value('batch_size', f'batches of {used.batch_size} {unit}')}, "
            f"{value('samples_per_epoch', f'{used.samples_per_epoch} {unit} per epoch')}, "
            f"{value('learning_rate', f'learning rate {used.learning_rate:g}')}, "
            f"{value('changed_weight', f'changed class weight {weight}')} (* = {architecture} default)")


def check_config(config: TrainingConfig) -> None:
    """InputError listing every option out of range (``config`` already completed with defaults)."""
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
    if config.changed_weight is not None and not config.changed_weight > 0:
        problems.append(f"changed weight must be positive (got {config.changed_weight})")
    if config.precision not in PRECISION_CHOICES:
        problems.append(f"precision must be one of {', '.join(PRECISION_CHOICES)} (got {config.precision!r})")
    if problems:
        raise InputError("invalid training options: " + "; ".join(problems))


def check_label_grid(t1: RasterSource, t2: RasterSource, labels: np.ndarray, minimum_size: int) -> None:
    """The images share one grid large enough for the network, and the labels cover it pixel for pixel."""
    check_same_grid(t1, t2)
    check_minimum_size(t1, minimum_size)
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


def check_both_classes(**sets: np.ndarray) -> None:
    """After nodata pixels are left out, every named set of classes still holds both classes."""
    for name, classes in sets.items():
        if np.unique(classes).size < 2:
            raise InputError(f"after leaving out nodata pixels the {name} set lacks a class; label more "
                             "pixels of both classes where both images have data")


def provenance(config: TrainingConfig, info: DeviceInfo, **extra) -> dict:
    """Seed, date, device, versions and the options used, for the model file's metadata."""
    import torch

    from ..paths import plugin_version

    return {
        "seed": config.seed,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "device": info.description,
        "versions": {"plugin": plugin_version(), "torch": torch.__version__, "numpy": np.__version__,
                     "python": platform.python_version()},
        "config": config.as_dict(),
        **extra,
    }


def thin_validation(facts: dict) -> bool:
    """Whether the validation of a class rests on fewer than :data:`FEW_REGIONS` label regions
    (``facts``: a :class:`TrainingLog`'s, after :func:`count_regions`)."""
    held = (facts.get("regions") or {}).get("validation")
    return bool(held) and min(held["changed"], held["unchanged"]) < FEW_REGIONS


def pool_thin_validation(epochs: int, log: TrainingLog) -> int | None:
    """When the validation of a class would rest on fewer than :data:`FEW_REGIONS` regions: the first epoch
    whose weights are averaged, after noting that every label trains; None to keep the validation split.

    With so few validation regions the best epoch and the threshold follow the noise of one or two regions
    (docs/suggestions.md: one retraining in ten lost more than 0.2 of kappa after correct labels were
    added, stopped after a few epochs by a validation kappa of 0 on one changed region, or given a
    threshold of 0.99), and the labels held out are missed by training. So such a run trains on every
    label for every epoch, keeps the mean of the weights of the second half (stochastic weight averaging)
    and the threshold 0.5 it was trained for (:func:`build_result`); its 'validation' figures are then
    measured on the training labels.
    """
    if not thin_validation(log.facts):
        return None
    start = epochs // 2 + 1
    log.say(f"So every labelled pixel trains, all {epochs} epochs run, the model keeps the mean of the weights "
            f"of epochs {start}–{epochs} and the threshold 0.5, and the kappa reported is measured on the "
            "training labels (it overstates the map's accuracy)")
    log.facts["averaged_epochs"] = [start, epochs]
    log.facts["validation_split"] = "none"
    return start


class EarlyStopping:
    """The best epoch so far (highest validation kappa, then lowest validation loss) with its weights and
    metrics, the history of every epoch, and whether training has gone ``patience`` epochs without
    improving on the best.

    With ``average_from`` (:func:`pool_thin_validation`) it never stops early, and :meth:`restore_best` leaves
    the mean of the weights of the epochs from ``average_from`` on; the architecture then measures that
    model on the validation and stores it with :meth:`averaged_metrics`.

    Kappa rather than the loss: on held-out regions the loss is soon dominated by a few confidently wrong
    pixels and reaches its minimum after one or two epochs, long before the map stops improving (Taizhou:
    best epoch 2, kappa 0.71 on the evaluation regions; by kappa, epoch 5 and 0.79; docs/accuracy.md)."""

    def __init__(self, patience: int, epochs: int, batches: int, report: Progress,
                 average_from: int | None = None) -> None:
        self.average_from = average_from
        #: The running mean of the averaged epochs' weights (float32), and how many it holds.
        self.average: dict | None = None
        self.averaged = 0
        self.patience = patience
        self.epochs = epochs
        self.batches = batches
        self.report = report
        self.loss: tuple[float, float] = (np.inf, np.inf)
        self.epoch = 0
        self.state: dict | None = None
        self.metrics: ChangeMetrics | None = None
        self.waited = 0
        self.history: list[EpochRecord] = []
        #: The best epoch's validation probabilities and their classes (for the decision threshold).
        self.probability: np.ndarray | None = None
        self.classes: np.ndarray | None = None

    def end_epoch(self, epoch: int, train_loss: float, val_loss: float, metrics: ChangeMetrics, model,
                  started: float, probability: np.ndarray | None = None, classes: np.ndarray | None = None) -> bool:
        """Record one epoch, keep the weights (and the validation probabilities, with their classes) if it
        is the best, report it; True when training should stop."""
        record = EpochRecord(epoch, train_loss, val_loss, metrics.as_dict(), time.perf_counter() - started)
        self.history.append(record)
        # the highest validation kappa (at 0.5), the lower loss between equal kappas
        criterion = (-round(float(metrics.kappa), 6), record.val_loss)
        if criterion < self.loss:
            self.loss, self.epoch, self.metrics, self.waited = criterion, record.epoch, metrics, 0
            self.state = copy.deepcopy(model.state_dict())
            self.probability, self.classes = probability, classes
        else:
            self.waited += 1
        if self.average_from is not None and epoch >= self.average_from:
            self._add_to_average(model.state_dict())
        stopping = self.average_from is None and self.waited >= self.patience
        self.report(ProgressEvent(
            epoch, self.epochs, self.batches, self.batches, epoch / self.epochs if not stopping else 1.0,
            f"epoch {epoch}: train loss {train_loss:.4f}, validation loss {val_loss:.4f}, kappa "
            f"{metrics.kappa:.3f}" + (" — stopping early" if stopping else ""),
            train_loss=train_loss, val_loss=val_loss, val_metrics=record.val_metrics))
        return stopping

    def _add_to_average(self, state: dict) -> None:
        self.averaged += 1
        if self.average is None:
            self.average = {key: value.detach().to("cpu", copy=True).float() if value.is_floating_point()
                            else value.detach().to("cpu", copy=True) for key, value in state.items()}
            return
        for key, value in state.items():
            if value.is_floating_point():
                self.average[key] += (value.detach().to("cpu").float() - self.average[key]) / self.averaged
            else:  # counters such as BatchNorm's batches seen: the last
                self.average[key] = value.detach().to("cpu", copy=True)

    def restore_best(self, model) -> None:
        """Leave the best epoch's weights (or the averaged weights) in ``model``, on the CPU, in eval mode."""
        if self.average is not None:
            model.load_state_dict({key: value.to(self.state[key].dtype) for key, value in self.average.items()})
        else:
            model.load_state_dict(self.state)
        model.to("cpu").eval()

    def averaged_metrics(self, metrics: ChangeMetrics, probability: np.ndarray, classes: np.ndarray) -> None:
        """The averaged model's validation metrics and probabilities, which stand for the 'best epoch' (the
        last one) from now on."""
        self.metrics, self.probability, self.classes = metrics, probability, classes
        self.epoch = self.history[-1].epoch


@dataclass
class TrainingLog:
    """The notes and warnings of a training run; :meth:`say` and :meth:`warn` also report them as progress."""

    epochs: int
    report: Progress
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Figures about the run for the model file's provenance (e.g. the validation regions per class).
    facts: dict = field(default_factory=dict)

    #: The progress fraction last reported, which notes carry so that progress never goes backwards.
    fraction: float = 0.0

    def __post_init__(self) -> None:
        forward = self.report

        def report(event: ProgressEvent) -> None:
            self.fraction = max(self.fraction, event.fraction)
            forward(event)

        self.report = report

    def say(self, message: str) -> None:
        self.notes.append(message)
        self.report(ProgressEvent(0, self.epochs, 0, 0, self.fraction, message, note=True))

    def device(self, info: DeviceInfo) -> None:
        """The device line, and the precision hint below it when there is one."""
        self.say(info.description)
        if info.hint:
            self.say(info.hint)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        self.report(ProgressEvent(0, self.epochs, 0, 0, self.fraction, message, note=True, warning=True))


def split_roles(pixels: LabelledPixels, fraction: float, rng: np.random.Generator, log: TrainingLog,
                reach: int, **consequence: str) -> np.ndarray:
    """Role of each labelled pixel: 1 validation, 0 training, -1 unused (buffer of a spatial split).

    ``pixels`` must be grouped with the architecture's ``reach`` so that no two groups lie closer.
    ``consequence``: what the warning about too few validation regions says follows (:func:`count_regions`).
    """
    validation = split_groups(pixels, fraction, rng)
    if validation is not None:
        log.say(f"Validation: {int(validation.sum())} pixels in whole label regions held out from training")
        role = validation.astype(np.int8)
        count_regions(pixels, role, log, **consequence)
        return role
    buffer = reach
    role = split_spatially(pixels, fraction, buffer)
    while buffer > 1 and np.unique(pixels.classes[role == 0]).size < 2:  # small images: a narrower buffer
        buffer //= 2
        role = split_spatially(pixels, fraction, buffer)
    log.warn("The labels form too few separate regions to hold whole regions out for validation, so the "
             f"last {fraction:.0%} of each class (top to bottom) is used for validation and "
             f"{int((role == -1).sum())} training pixels within {buffer} pixels of it are left out; draw more "
             "separate regions for a more reliable validation")
    count_regions(pixels, role, log, **consequence)
    log.facts["validation_split"] = "spatial"
    return role


#: What too few validation regions mean for an architecture that validates on them all the same.
UNCERTAIN = "so the validation kappa and the threshold chosen on it are uncertain"


def count_regions(pixels: LabelledPixels, role: np.ndarray, log: TrainingLog, consequence: str = UNCERTAIN) -> dict:
    """Label regions of each class in validation and in training, noted in ``log.facts``; a warning when the
    validation of a class rests on fewer than :data:`FEW_REGIONS` regions, saying ``consequence``."""
    counts = {}
    for part, value in (("validation", 1), ("training", 0)):
        counts[part] = {name: int(np.unique(pixels.groups[(role == value) & (pixels.classes == label)]).size)
                        for label, name in ((0, "unchanged"), (1, "changed"))}
    earlier = log.facts.get("regions")  # several image pairs: the regions of all of them
    if earlier:
        counts = {part: {name: counts[part][name] + earlier[part][name] for name in counts[part]} for part in counts}
    log.facts["regions"] = counts
    log.facts.setdefault("validation_split", "regions")
    held = counts["validation"]
    log.say(f"Validation rests on {held['changed']} changed and {held['unchanged']} unchanged label regions")
    few = [name for name in ("changed", "unchanged") if held[name] < FEW_REGIONS]
    if few:
        verb = "rests" if consequence == UNCERTAIN else "would rest"
        log.warn(f"Validation {verb} on only {held[few[0]]} {few[0]} region(s), {consequence}; draw more "
                 f"separate {few[0]} regions (at least {2 * FEW_REGIONS} of each class, spread over the scene)")
    return counts


def scene_sample(width: int, height: int, rng: np.random.Generator, cells: int, cell: int = 256,
                 count: int = 20000) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of up to ``count`` pixels drawn at random within up to ``cells`` random squares of
    ``cell`` pixels, for the share of change of the scene (bounded reads however large the scene is)."""
    across, down = -(-width // cell), -(-height // cell)
    chosen = rng.choice(across * down, size=min(cells, across * down), replace=False)
    rows, cols = [], []
    per_cell = max(1, count // chosen.size)
    for index in np.sort(chosen):
        y, x = int(index // across) * cell, int(index % across) * cell
        h, w = min(cell, height - y), min(cell, width - x)
        flat = rng.choice(h * w, size=min(per_cell, h * w), replace=False)
        rows.append(y + flat // w)
        cols.append(x + flat % w)
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    order = np.lexsort((cols, rows))
    return rows[order], cols[order]


def build_result(*, architecture: str, model, t1: RasterSource, t2: RasterSource, shared: bool,
                 stats: tuple[BandStatistics, BandStatistics], hyperparameters: dict, config: TrainingConfig,
                 info: DeviceInfo, label_counts: dict, train_pixels: int, validation_pixels: int,
                 best: EarlyStopping, log: TrainingLog, started: float, scene_probability: np.ndarray | None = None,
                 scene_map_probability: np.ndarray | None = None, **provenance_extra) -> TrainingResult:
    """The model file's metadata and the training result, alike for every architecture.

    The decision threshold is chosen from the best epoch's validation probabilities,
    ``scene_probability``, the network's probabilities on a sample of the scene's pixels, and
    ``scene_map_probability``, what detection outputs on (some of) them (core/thresholds.py).
    """
    if best.average is not None:
        choice = ThresholdChoice(0.5, None, None, None, "every label trained, so none was held out to choose a "
                                                        "threshold on")
    elif best.probability is None or best.classes is None:
        choice = ThresholdChoice(0.5, None, None, None, f"the {architecture} architecture reports no validation "
                                                        "probabilities to choose a threshold on")
    else:
        choice = choose_threshold(best.probability, best.classes, scene_probability, scene_map_probability)
    log.say(describe_threshold(choice))
    metadata = ModelMetadata(
        architecture=architecture,
        format_version=FORMAT_VERSION,
        hyperparameters=hyperparameters,
        bands_t1=t1.band_count,
        bands_t2=t2.band_count,
        band_names_t1=list(t1.band_names),
        band_names_t2=list(t2.band_names),
        shared=shared,
        stats_t1=stats[0],
        stats_t2=stats[1],
        provenance=provenance(
            config, info, label_counts=label_counts, train_pixels=train_pixels,
            validation_pixels=validation_pixels, epochs_run=len(best.history), best_epoch=best.epoch,
            validation_metrics=best.metrics.as_dict(), threshold_choice=choice.as_dict(), **log.facts,
            notes=list(log.notes), warnings=list(log.warnings), **provenance_extra,
        ),
        threshold=choice.threshold,
    )
    return TrainingResult(
        model=model, metadata=metadata, history=best.history, best_epoch=best.epoch, device=info,
        label_counts=label_counts, train_pixels=train_pixels, validation_pixels=validation_pixels,
        seconds=time.perf_counter() - started, val_metrics=best.metrics, notes=log.notes,
        warnings=log.warnings, config=config, threshold=choice,
    )


def describe_threshold(choice: ThresholdChoice) -> str:
    """The log line saying which decision threshold the model file carries, and why."""
    if choice.prior is None:
        return f"Decision threshold 0.5: {choice.reason}"
    return (f"Decision threshold {choice.threshold:.3g}, chosen on the validation regions for a scene about "
            f"{choice.prior:.1%} changed (estimated from the model's probabilities on the scene); detection uses "
            "it unless you give a threshold")


def class_counts(labels: Sequence[np.ndarray]) -> dict:
    """Labelled pixels of each class over one or more label rasters."""
    return {"unchanged": sum(int((np.asarray(item) == 0).sum()) for item in labels),
            "changed": sum(int((np.asarray(item) == 1).sum()) for item in labels)}
