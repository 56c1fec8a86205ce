"""Detection of many pairs on a Dask cluster, driven from one client (the command line or QGIS).

Each pair becomes a small graph (see :mod:`.tasks`): a plan, the statistics of groups of windows merged
exactly, one task per window, and an assembly that publishes the pair's probability and change
GeoTIFFs and its manifest together. Pairs are independent: one that fails (an input a worker cannot
read) is reported and the others go on. A pair whose manifest matches the run's settings is complete and
is skipped, so a rerun resumes where a run stopped. A cancel (QGIS, Ctrl-C) sets an event the tasks
watch, cancels every future and removes the parts folders: no output appears under a final name.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import socket
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..core.architectures import get_architecture
from ..core.errors import Cancelled, InputError, SiamCRNNError
from ..core.options import DetectionOptions
from . import tasks
from .pairs import PairSpec

#: Side of the windows in pixels (rounded to whole tiles of the architecture).
DEFAULT_WINDOW_SIZE = 2048
SUMMARY_FILE = "summary.csv"
LOCK_FILE = ".siamcrnn-detectmany.lock"
#: How long a cancel waits for the running tasks to notice it, before removing their parts folders.
CANCEL_GRACE_SECONDS = 20.0
#: How often the client looks at its futures (and at the cancel flag).
POLL_SECONDS = 0.1
SUMMARY_COLUMNS = ("name", "status", "t1", "t2", "probability", "change", "valid_pixels", "changed_pixels",
                   "changed_fraction", "changed_area", "seconds", "workers", "message")


class RunCancelled(Cancelled):  # noqa: N818 (a Cancelled, named like it)
    """The run was cancelled; ``kept`` of ``total`` pairs were complete and stay."""

    def __init__(self, kept: int, total: int) -> None:
        super().__init__(f"cancelled: {kept} of {total} pairs were complete and are kept (a rerun skips them); "
                         "nothing else was written under a final name")
        self.kept, self.total = kept, total

    def __reduce__(self):
        return type(self), (self.kept, self.total)


@dataclass
class ClusterSettings:
    """What to detect with: the threshold (None = the model's default, as Detect), the detection options
    (None fields = the architecture's defaults), the window side, and whether to redo complete pairs."""

    threshold: float | None = None
    detection: DetectionOptions = field(default_factory=DetectionOptions)
    window_size: int = DEFAULT_WINDOW_SIZE
    recompute: bool = False


@dataclass
class RunHooks:
    """How a run talks to its caller: progress (0..1 and a status line), log lines, warnings, cancel."""

    progress: Callable[[float, str], None] = lambda fraction, status: None
    log: Callable[[str], None] = lambda message: None
    warn: Callable[[str], None] = lambda message: None
    is_cancelled: Callable[[], bool] = lambda: False


@dataclass
class PairOutcome:
    """How one pair ended: 'done', 'skipped' (complete before this run), 'failed' or 'cancelled'."""

    pair: PairSpec
    status: str
    message: str = ""
    probability: str = ""
    change: str = ""
    valid_pixels: int = 0
    changed_pixels: int = 0
    changed_area: float = 0.0
    seconds: float = 0.0
    workers: str = ""
    assembly_seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return self.status in ("done", "skipped")

    def row(self) -> dict[str, object]:
        fraction = self.changed_pixels / self.valid_pixels if self.valid_pixels else ""
        return {"name": self.pair.name, "status": self.status, "t1": self.pair.t1, "t2": self.pair.t2,
                "probability": self.probability, "change": self.change, "valid_pixels": self.valid_pixels,
                "changed_pixels": self.changed_pixels,
                "changed_fraction": f"{fraction:.6g}" if fraction != "" else "",
                "changed_area": f"{self.changed_area:.10g}", "seconds": f"{self.seconds:.1f}",
                "workers": self.workers, "message": self.message}


@dataclass
class RunSummary:
    outcomes: list[PairOutcome]
    summary_path: str
    seconds: float
    windows: int = 0
    windows_costs: list = field(default_factory=list)  # a tasks.WindowCost per window, for the benchmarks

    def count(self, status: str) -> int:
        return sum(outcome.status == status for outcome in self.outcomes)


class _Pair:
    """The client's view of one pair while it runs."""

    def __init__(self, spec: PairSpec, order: int) -> None:
        self.spec = spec
        self.order = order
        self.plan: tasks.PairPlan | None = None
        self.futures: list = []
        self.windows_done = 0
        self.started = time.monotonic()
        self.outcome: PairOutcome | None = None

    def progress(self) -> float:
        if self.outcome is not None:
            return 1.0
        if self.plan is None:
            return 0.0
        return 0.05 + 0.85 * self.windows_done / max(1, len(self.plan.windows))


def detect_pairs(client, pairs: list[PairSpec], model_path: str | os.PathLike, out_dir: str | os.PathLike,
                 settings: ClusterSettings | None = None, hooks: RunHooks | None = None) -> RunSummary:
    """Detect every pair on the cluster behind ``client``; each pair's outputs go to ``out_dir/<name>/``
    and one row per pair to ``out_dir/summary.csv``. Raises Cancelled (after cleaning up) when cancelled."""
    from ..core.detection import detection_windows, resolve_threshold
    from ..core.modelfile import read_metadata

    settings = settings or ClusterSettings()
    hooks = hooks or RunHooks()
    started = time.monotonic()
    folder = Path(os.path.abspath(out_dir))  # the workers' working folder is not this process's
    if folder.exists() and not folder.is_dir():
        raise InputError(f"the output folder {folder} is a file: choose a folder")
    folder.mkdir(parents=True, exist_ok=True)
    from ..io.writer import check_output_path

    check_output_path(folder / SUMMARY_FILE)
    metadata = read_metadata(model_path)
    architecture = get_architecture(metadata.architecture)
    architecture.check_windowed()
    threshold = resolve_threshold(settings.threshold, metadata)
    source = ("given" if settings.threshold is not None else "the model's, chosen when it was trained"
              if "threshold_choice" in metadata.provenance else "the default for model files without a threshold of "
              "their own")
    hooks.log(f"Threshold {threshold:.3g} ({source})")
    _, options = detection_windows(metadata, 1, 1, settings.detection, settings.window_size)  # checks them
    digest = hashlib.sha256(Path(model_path).read_bytes()).hexdigest()
    identity_base = {"model_sha256": digest, "threshold": threshold, "tile_size": options.tile_size,
                     "precision": options.precision, "use_training_statistics": options.use_training_statistics}

    with run_lock(folder):
        outcomes: dict[str, PairOutcome] = {}
        todo: list[_Pair] = []
        for order, spec in enumerate(pairs):
            identity = {"t1": spec.t1, "t2": spec.t2, **identity_base}
            manifest = tasks.read_manifest(folder / spec.name)
            if not settings.recompute and manifest is not None and _complete(folder / spec.name, manifest, identity):
                outcomes[spec.name] = _skipped(spec, folder, manifest)
                continue
            if manifest is not None and not settings.recompute:
                hooks.log(f"{spec.name}: recomputed, its outputs were made with other settings "
                          f"({_differences(manifest, identity)})")
            todo.append(_Pair(spec, order))
        if outcomes:
            hooks.log(f"{len(outcomes)} of {len(pairs)} pairs are already complete and are skipped "
                      "(recompute them with --recompute / RECOMPUTE)")
        costs = []
        if todo:
            model_copy = tasks.ModelCopy.make(os.path.abspath(model_path), folder)
            try:
                run = _Run(client, folder, model_copy, metadata, threshold, options, settings, hooks, identity_base)
                costs = run.execute(todo, total=len(pairs), skipped=len(outcomes))
            finally:
                Path(model_copy.path).unlink(missing_ok=True)
        outcomes.update({pair.spec.name: pair.outcome for pair in todo})
        ordered = [outcomes[spec.name] for spec in pairs]
        summary_path = write_summary(folder / SUMMARY_FILE, ordered)
    return RunSummary(ordered, summary_path, time.monotonic() - started, sum(len(p.plan.windows) for p in todo
                                                                          if p.plan is not None), costs)


class _Run:
    """Submits each pair's tasks as its plan arrives, follows their futures, and cancels them all."""

    def __init__(self, client, folder: Path, model: tasks.ModelCopy, metadata, threshold: float,
                 options: DetectionOptions, settings: ClusterSettings, hooks: RunHooks, identity: dict) -> None:
        self.client, self.folder, self.metadata, self.threshold = client, folder, metadata, threshold
        self.options, self.settings, self.hooks, self.identity = options, settings, hooks, identity
        self.architecture = get_architecture(metadata.architecture)
        self.token = uuid.uuid4().hex[:10]
        self.cancel_event = f"siamcrnn-cancel-{self.token}"
        self.model = model
        self.pending: dict = {}  # future -> (pair, stage)
        self.costs: list = []

    def execute(self, pairs: list[_Pair], total: int, skipped: int) -> list:
        from distributed import Event, as_completed

        self.pairs, self.total, self.skipped = pairs, total, skipped
        self.event = Event(self.cancel_event, client=self.client)
        self.completed = as_completed(loop=self.client.loop)
        try:
            self._check_workers()
            for pair in pairs:
                future = self.client.submit(
                    tasks.plan_pair, pair.spec, str(self.folder), self.token, self.metadata, self.settings.detection,
                    self.settings.window_size, key=self._key("plan", pair), priority=1_000_000 + total - pair.order)
                self._follow(future, pair, "plan")
            self._report()
            while self.pending:
                if self.hooks.is_cancelled():
                    raise Cancelled()
                self._wait()
        except (Cancelled, KeyboardInterrupt):
            self._cancel()
            raise RunCancelled(self._complete_count(), self.total) from None
        finally:
            self.pending.clear()
        return self.costs

    # ---- submitting -------------------------------------------------------------------------------------
    def _key(self, stage: str, pair: _Pair, index: int | str = "") -> str:
        return f"siamcrnn-{stage}-{pair.spec.name}-{index}-{self.token}"

    def _follow(self, future, pair: _Pair, stage: str) -> None:
        pair.futures.append(future)
        self.pending[future] = (pair, stage)
        self.completed.add(future)

    def _submit_pair(self, pair: _Pair, plan: tasks.PairPlan) -> None:
        submit, base = self.client.submit, (self.total - pair.order) * 10
        stats: list = [None, None]
        if plan.statistics:
            for date, path in enumerate((plan.t1, plan.t2)):
                groups = [submit(tasks.measure_statistics, path, group, priority=base + 2,
                                 key=self._key(f"statistics-t{date + 1}", pair, number))
                          for number, group in enumerate(plan.statistics)]
                bands = self.metadata.bands_t1 if date == 0 else self.metadata.bands_t2
                stats[date] = submit(tasks.merge_statistics, bands, f"T{date + 1}", *groups, priority=base + 2,
                                     key=self._key(f"merge-statistics-t{date + 1}", pair))
                pair.futures.extend(groups + [stats[date]])
        light = replace(plan, windows=[], statistics=[])  # each window task gets its window, not the whole list
        windows = [submit(tasks.detect_window_task, light, self.model, stats[0], stats[1], index, window,
                          self.cancel_event, priority=base, key=self._key("window", pair, index))
                   for index, window in enumerate(plan.windows)]
        for future in windows:
            self._follow(future, pair, "window")
        identity = {"t1": pair.spec.t1, "t2": pair.spec.t2, **self.identity}
        provenance = {"SIAMCRNN_MODEL": self.model.source, "SIAMCRNN_THRESHOLD": f"{self.threshold:g}",
                      "SIAMCRNN_TILE_SIZE": str(self.architecture.tile_grid(plan.options))}
        assembly = submit(tasks.assemble_pair, plan, self.metadata, self.threshold, identity, provenance,
                          self.cancel_event, *windows, priority=base + 5, key=self._key("assembly", pair))
        self._follow(assembly, pair, "assembly")

    # ---- following --------------------------------------------------------------------------------------
    def _wait(self) -> None:
        finished = self.completed.next_batch(block=False)
        if not finished:
            time.sleep(POLL_SECONDS)
            return
        for future in finished:
            if future not in self.pending:
                continue  # a failed pair's future, cancelled since
            pair, stage = self.pending.pop(future)
            if pair.outcome is not None:
                continue
            if future.status == "error":
                self._fail(pair, failure_message(future.exception()))
            elif future.status == "cancelled":
                self._fail(pair, f"Its tasks were cancelled on the scheduler ({cancel_reason(future)}); rerun to do it")
            elif stage == "plan":
                plan = future.result()
                pair.plan = plan
                pair.futures.remove(future)  # released: else Dask would rerun it if its worker died
                for message in plan.messages:
                    self.hooks.log(f"{pair.spec.name}: {message}")
                for warning in plan.warnings:
                    self.hooks.warn(f"{pair.spec.name}: {warning}")
                self._submit_pair(pair, plan)
            elif stage == "window":
                pair.windows_done += 1  # its report (with shared pixels) stays on the workers for the assembly
            else:
                self._finish(pair, future.result())
        self._report()

    def _finish(self, pair: _Pair, result: tasks.PairResult) -> None:
        self.costs.extend(result.windows)
        workers = sorted({cost.worker for cost in result.windows} | {result.worker})
        pair.outcome = PairOutcome(pair.spec, "done", "", result.probability, result.change, result.valid_pixels,
                                   result.changed_pixels, result.changed_area, time.monotonic() - pair.started,
                                   "; ".join(workers), result.assembly_seconds)
        fraction = result.changed_pixels / result.valid_pixels if result.valid_pixels else 0.0
        self.hooks.log(f"{pair.spec.name}: done, {result.changed_pixels:,} of {result.valid_pixels:,} valid pixels "
                       f"changed ({fraction:.2%}) in {pair.outcome.seconds:.1f} s")
        pair.futures.clear()

    def _fail(self, pair: _Pair, message: str) -> None:
        pair.outcome = PairOutcome(pair.spec, "failed", message, seconds=time.monotonic() - pair.started)
        self.hooks.warn(f"{pair.spec.name}: failed. {message}")
        self.client.cancel(pair.futures)
        for future in pair.futures:
            self.pending.pop(future, None)
        pair.futures.clear()
        tasks.remove_parts(self.folder / pair.spec.name)

    def _report(self) -> None:
        done = sum(pair.outcome is not None and pair.outcome.status == "done" for pair in self.pairs)
        failed = sum(pair.outcome is not None and pair.outcome.status == "failed" for pair in self.pairs)
        windows = sum(len(pair.plan.windows) for pair in self.pairs if pair.plan is not None)
        windows_done = sum(pair.windows_done for pair in self.pairs)
        fraction = (self.skipped + sum(pair.progress() for pair in self.pairs)) / max(1, self.total)
        status = f"{done + self.skipped} of {self.total} pairs complete"
        status += f", {failed} failed" if failed else ""
        status += f"; {windows_done} of {windows} windows" if windows else ""
        self.hooks.progress(fraction, status)

    # ---- cancelling -------------------------------------------------------------------------------------
    def _cancel(self) -> None:
        """Stop everything: the tasks that run see the event and stop (or do not publish), the others are
        cancelled; then the parts folders of the unfinished pairs are removed."""
        unfinished = [pair for pair in self.pairs if pair.outcome is None]
        try:
            self.event.set()
            futures = [future for pair in unfinished for future in pair.futures]
            running = [future for future in futures if self._is_running(future)]
            queued = [future for future in futures if future not in running]
            self.client.cancel(queued)
            deadline = time.monotonic() + CANCEL_GRACE_SECONDS
            while any(not future.done() for future in running) and time.monotonic() < deadline:
                time.sleep(POLL_SECONDS)
            self.client.cancel(futures)
        except Exception:  # noqa: BLE001 (a scheduler gone away must not hide the cancel)
            pass
        for pair in unfinished:
            if pair.outcome is None:  # an assembly may have published just before the cancel
                manifest = tasks.read_manifest(self.folder / pair.spec.name)
                if manifest is not None and manifest.get("model_sha256") == self.identity["model_sha256"]:
                    pair.outcome = _skipped(pair.spec, self.folder, manifest, "done")
                    continue
                pair.outcome = PairOutcome(pair.spec, "cancelled", "Cancelled before it was complete")
            tasks.remove_parts(self.folder / pair.spec.name)

    def _is_running(self, future) -> bool:
        try:
            processing = self.client.processing()
        except Exception:  # noqa: BLE001
            return False
        return any(future.key in keys for keys in processing.values())

    def _complete_count(self) -> int:
        return self.skipped + sum(pair.outcome is not None and pair.outcome.status == "done" for pair in self.pairs)

    def _check_workers(self) -> None:
        try:
            self.client.wait_for_workers(1, timeout=30)
        except TimeoutError:
            raise InputError(f"the Dask scheduler at {self.client.scheduler.address} has no worker: start workers "
                             "with `dask worker <scheduler address>` on the machines that should compute") from None
        answers = self.client.run(tasks.check_worker, str(self.folder), str(self.options.device),
                                  self.options.precision, on_error="return")
        problems = []
        for address, answer in sorted(answers.items()):
            if isinstance(answer, BaseException):
                problems.append(worker_problem(address, answer))
            else:
                self.hooks.log(f"Worker {answer['worker']}: {answer['device']}; SiamCRNN {answer['siamcrnn']}, "
                               f"PyTorch {answer['torch']}, GDAL {answer['gdal']}")
        if problems:
            raise InputError(" ".join(problems))


def failure_message(error: BaseException) -> str:
    """A sentence for a pair's failure from the exception its task raised."""
    from distributed import KilledWorker

    if isinstance(error, SiamCRNNError):
        return str(error)
    if isinstance(error, KilledWorker):
        return (f"The workers running its task {error.task} died {error.allowed_failures + 1} times (killed, or out "
                "of memory?): give the workers more memory, or use a smaller window or tile size")
    return f"Unexpected error on a worker: {type(error).__name__}: {error}"


def cancel_reason(future) -> str:
    """Why the scheduler cancelled a future, in Dask's words."""
    try:
        future.result(timeout=1)
    except BaseException as error:  # noqa: BLE001 (the cancellation, whatever its class)
        return str(error).strip() or type(error).__name__
    return "no reason given"


def worker_problem(address: str, error: BaseException) -> str:
    if isinstance(error, (ImportError, AttributeError)):
        return (f"Worker {address} cannot run SiamCRNN ({type(error).__name__}: {error}): install the same "
                "version of this package, PyTorch and GDAL's Python bindings on every worker (pip install .).")
    return failure_message(error) + "."


def _complete(folder: Path, manifest: dict, identity: dict) -> bool:
    same = all(manifest.get(key) == value for key, value in identity.items())
    return same and all((folder / name).is_file() for name in manifest.get("outputs", ()))


def _differences(manifest: dict, identity: dict) -> str:
    changed = [f"{key} {manifest.get(key)!r} → {value!r}" for key, value in identity.items()
               if manifest.get(key) != value]
    return ", ".join(changed) or "its outputs are missing"


def _skipped(spec: PairSpec, folder: Path, manifest: dict, status: str = "skipped") -> PairOutcome:
    return PairOutcome(spec, status, "", str(folder / spec.name / tasks.PROBABILITY_FILE),
                       str(folder / spec.name / tasks.CHANGE_FILE), int(manifest.get("valid_pixels", 0)),
                       int(manifest.get("changed_pixels", 0)), float(manifest.get("changed_area", 0.0)),
                       workers=str(manifest.get("worker", "")))


def write_summary(path: Path, outcomes: list[PairOutcome]) -> str:
    """One row per pair, in the pairs' order, published atomically."""
    from ..io.writer import atomic_file

    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(outcome.row() for outcome in outcomes)
    with atomic_file(path) as temporary:
        Path(temporary).write_text(text.getvalue(), encoding="utf-8")
    return str(path)


@contextmanager
def run_lock(folder: Path) -> Iterator[None]:
    """One run at a time per output folder: a lock file naming the host and process that holds it (taken
    over when that process no longer runs on this host)."""
    from ..io.writer import _process_running

    path = folder / LOCK_FILE
    me = f"{socket.gethostname()} {os.getpid()}"
    for _attempt in range(2):
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            owner = path.read_text(encoding="utf-8", errors="replace").strip() if path.exists() else ""
            host, _, pid = owner.partition(" ")
            if host == socket.gethostname() and pid.isdigit() and not _process_running(int(pid)):
                path.unlink(missing_ok=True)
                continue
            raise InputError(f"another run ({owner or 'unknown'}) is writing into {folder}: wait for it to end, or "
                             f"delete {path} if that run is no longer going") from None
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(me)
        break
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
