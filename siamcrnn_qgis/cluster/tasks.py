"""What runs on the Dask workers: the tasks of one pair's graph, each a composition of ``io`` and ``core``.

plan (open and check the inputs, put T2 on T1's grid, cut the windows) → statistics of groups of windows
(merged exactly, in :func:`~siamcrnn_qgis.core.normalisation.compute_statistics`'s order) → detection of
each window (its final probabilities saved as a part file, pixels shared with neighbouring windows
returned) → assembly (the probability and change GeoTIFFs with overviews, styles and provenance, and the
pair's manifest, published together).

Every intermediate file lives in the pair's hidden parts folder, on storage all workers share, and every
file is written under a temporary name first, so a worker killed mid-task (whose task Dask reruns
elsewhere) leaves nothing half-written that another task would read. Engine errors come back as
:class:`PairError` naming the worker, so the client can fail that pair alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from ..core.errors import Cancelled, SiamCRNNError
from ..core.modelfile import ModelMetadata
from ..core.normalisation import BandStatistics, WindowMoments
from ..core.options import DetectionOptions
from .pairs import PairSpec

if os.environ.get("SIAMCRNN_DEPENDENCY_FOLDER"):  # a local cluster started from QGIS: its PyTorch first
    from ..dependencies import add_dependency_folder_to_path

    add_dependency_folder_to_path(os.environ["SIAMCRNN_DEPENDENCY_FOLDER"])

#: A pair's hidden parts folder is this prefix and the run's token: a plan task that Dask reruns (its
#: result lost with a worker) keeps its run's parts, and removes only those of runs that ended.
PARTS_PREFIX = ".siamcrnn-parts-"
MANIFEST = "detection.json"
PROBABILITY_FILE = "probability.tif"
CHANGE_FILE = "change.tif"
#: Statistics windows (1024² each) measured by one task.
STATISTICS_GROUP = 16
#: How often a running task asks the scheduler whether the run was cancelled.
CANCEL_POLL_SECONDS = 1.0
#: glibc's mallopt parameters, and the values :func:`keep_freed_memory` sets: blocks under 32 MiB (glibc's
#: own ceiling for its adaptive threshold) come from the heap, which keeps up to 256 MiB of freed memory.
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD_BYTES, TRIM_THRESHOLD_BYTES = 32 * 1024 * 1024, 256 * 1024 * 1024
_ALLOCATOR = {"tuned": None}


class PairError(SiamCRNNError):
    """A pair cannot be completed; the message names the worker and says what was wrong."""


def worker_name() -> str:
    """'tcp://10.0.0.5:40123 (node12)' for the worker running this task; the host's name elsewhere."""
    try:
        from distributed import get_worker

        return f"{get_worker().address} ({socket.gethostname()})"
    except (ImportError, ValueError):
        return socket.gethostname()


@contextmanager
def on_worker() -> Iterator[None]:
    """Engine, file-system and memory errors become a :class:`PairError` naming this worker; a cancel
    goes through as it is."""
    try:
        yield
    except (Cancelled, PairError):
        raise
    except SiamCRNNError as error:
        raise PairError(f"On worker {worker_name()}: {error}") from None
    except MemoryError:
        raise PairError(f"On worker {worker_name()}: out of memory; use a smaller window or tile size, or "
                          "workers with more memory") from None
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise PairError(f"On worker {worker_name()}: {error.strerror or error}{where}; check that every worker "
                          "can read the inputs and write into the output folder") from None


def cancel_flag(event_name: str | None) -> Callable[[], bool]:
    """Whether the run's cancel event is set, asked of the scheduler at most every CANCEL_POLL_SECONDS."""
    if not event_name:
        return lambda: False
    from distributed import Event

    event = Event(event_name)
    state = {"asked": 0.0, "set": False}

    def is_cancelled() -> bool:
        now = time.monotonic()
        if not state["set"] and now - state["asked"] >= CANCEL_POLL_SECONDS:
            state["asked"] = now
            state["set"] = bool(event.is_set())
        return state["set"]

    return is_cancelled


def keep_freed_memory() -> bool:
    """Let glibc reuse freed memory in this worker process, as in a process of its own; once per process.

    Dask's nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (its
    ``distributed.nanny.pre-spawn-environ``), to hand freed memory back to the system early. Setting it
    also freezes glibc's mmap threshold at 128 KiB, so every tensor PyTorch allocates for a tile is a fresh
    ``mmap`` whose pages the kernel faults in and zeroes, and returns with ``munmap``. That made each window
    7–10 % slower than the same tiles in ``siamcrnn:detect``, and more with two workers sharing the memory
    bus. A window's memory is bounded (a few tiles' tensors), so keeping it in the heap costs little.
    Returns whether the setting took (False where there is no glibc, for example on macOS or Windows)."""
    if _ALLOCATOR["tuned"] is None:
        tuned = False
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            tuned = bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and \
                bool(libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
        except (OSError, AttributeError):
            pass
        _ALLOCATOR["tuned"] = tuned
    return _ALLOCATOR["tuned"]


# ---- the model, copied into the output folder every worker shares -------------------------------------------
@dataclass(frozen=True)
class ModelCopy:
    """Where the workers read the run's model: a copy in the (shared) output folder, so the model file
    itself need not be on shared storage, and a worker that comes back after a crash finds it again
    (data scattered through Dask keeps a single replica and is lost with its worker)."""

    source: str
    path: str
    digest: str

    @classmethod
    def make(cls, source: str | os.PathLike, folder: Path) -> ModelCopy:
        data = Path(source).read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        path = folder / f".siamcrnn-model-{digest[:16]}.safetensors"
        for stale in folder.glob(".siamcrnn-model-*"):  # left by a run that was killed (one run per folder)
            if stale != path:
                stale.unlink(missing_ok=True)
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            temporary = path.with_name(f"{path.name}.partial-{uuid.uuid4().hex[:8]}")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        return cls(str(source), str(path), digest)


_MODELS: dict[str, tuple] = {}
_MODELS_LOCK = threading.Lock()


def worker_model(copy: ModelCopy) -> tuple:
    """(model, metadata) of the run's model, loaded once per worker process, after checking that the copy
    it reads is the client's model, byte for byte."""
    from ..core.architectures import get_architecture
    from ..core.modelfile import load_model

    with _MODELS_LOCK:
        if copy.digest not in _MODELS:
            if hashlib.sha256(Path(copy.path).read_bytes()).hexdigest() != copy.digest:
                raise PairError(f"On worker {worker_name()}: the model copy {copy.path} is not the model the run "
                                "was started with; is another run writing into this output folder?")
            _MODELS.clear()  # one model per run: keep memory for the windows
            model, metadata = load_model(copy.path, device="cpu")
            _MODELS[copy.digest] = get_architecture(metadata.architecture).inference_model(model), metadata
        return _MODELS[copy.digest]


# ---- the plan of a pair ------------------------------------------------------------------------------------
@dataclass
class PairPlan:
    """What the tasks of one pair need: the paths every worker reads (T2 may be a VRT in the parts folder),
    the grid, the windows, the statistics windows in groups, and what preparing the pair said."""

    pair: PairSpec
    folder: str
    token: str
    t1: str
    t2: str
    grid: object  # io.raster.RasterGrid
    windows: list[tuple[int, int, int, int]]
    statistics: list[list[tuple[int, int, int, int]]]
    options: DetectionOptions
    messages: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def parts(self) -> Path:
        return Path(self.folder) / f"{PARTS_PREFIX}{self.token}"


def remove_parts(folder: str | os.PathLike, keep: str | None = None) -> None:
    """Delete a pair folder's parts folders, except run ``keep``'s."""
    for parts in Path(folder).glob(f"{PARTS_PREFIX}*"):
        if parts.name != f"{PARTS_PREFIX}{keep}":
            shutil.rmtree(parts, ignore_errors=True)


def plan_pair(pair: PairSpec, out_dir: str, token: str, metadata: ModelMetadata, options: DetectionOptions,
              window_size: int) -> PairPlan:
    """Open both images, check them against the model, put T2 on T1's grid and cut the windows; the parts
    folders of earlier runs are removed."""
    from ..core.detection import check_inputs, detection_windows
    from ..core.normalisation import statistics_windows
    from ..io.raster import GdalRasterSource, prepare_pair

    with on_worker():
        folder = Path(out_dir) / pair.name
        parts = folder / f"{PARTS_PREFIX}{token}"
        remove_parts(folder, keep=token)
        parts.mkdir(parents=True, exist_ok=True)
        prepared = prepare_pair(pair.t1, pair.t2, parts, log=lambda _message: None)
        with GdalRasterSource(prepared.t1_path) as t1, GdalRasterSource(prepared.t2_path) as t2:
            check_inputs(metadata, t1, t2)
        grid = prepared.grid
        windows, used = detection_windows(metadata, grid.width, grid.height, options, window_size)
        measured = statistics_windows(grid.width, grid.height)
        groups = [measured[i:i + STATISTICS_GROUP] for i in range(0, len(measured), STATISTICS_GROUP)]
        return PairPlan(pair, str(folder), token, prepared.t1_path, prepared.t2_path, grid, windows,
                        [] if options.use_training_statistics else groups, used, prepared.messages,
                        prepared.warnings)


# ---- statistics ----------------------------------------------------------------------------------------
def measure_statistics(path: str, windows: list[tuple[int, int, int, int]]) -> list[WindowMoments | None]:
    from ..core.normalisation import window_moments
    from ..io.raster import GdalRasterSource

    keep_freed_memory()
    with on_worker(), GdalRasterSource(path) as source:
        return [window_moments(source, *window) for window in windows]


def merge_statistics(bands: int, name: str, *groups: list[WindowMoments | None]) -> BandStatistics:
    from ..core.normalisation import merge_moments

    with on_worker():
        return merge_moments((moments for group in groups for moments in group), bands, name)


# ---- one window --------------------------------------------------------------------------------------------
@dataclass
class WindowReport:
    """What a window task did: its part files ``(x, y, width, height, file name)``, the pixels it shares
    with neighbouring windows, and its cost."""

    index: int
    regions: list[tuple[int, int, int, int, str]]
    shared: list
    seconds: float
    bytes_read: int
    bytes_written: int
    worker: str
    device: str

    def cost(self) -> WindowCost:
        shared = sum(sum(value.nbytes for value in vars(piece).values() if isinstance(value, np.ndarray))
                     for piece in self.shared)
        return WindowCost(self.index, self.seconds, self.bytes_read, self.bytes_written, shared, self.worker,
                          self.device)


@dataclass
class WindowCost:
    """What one window cost: compute seconds (inside the task), bytes read from the inputs, written as
    part files, and handed to the assembly as shared pixels; where it ran."""

    index: int
    seconds: float
    bytes_read: int
    bytes_written: int
    bytes_shared: int
    worker: str
    device: str


class CountingSource:
    """A raster source that counts the bytes it reads (in the file's own data type)."""

    def __init__(self, source) -> None:
        self.source = source
        self.width, self.height = source.width, source.height
        self.band_count, self.band_names = source.band_count, source.band_names
        self.item_size = np.dtype(source.dtype).itemsize
        self.bytes_read = 0

    def read(self, x: int, y: int, width: int, height: int) -> tuple[np.ndarray, np.ndarray]:
        self.bytes_read += width * height * self.band_count * self.item_size
        return self.source.read(x, y, width, height)


def detect_window_task(plan: PairPlan, model_copy: ModelCopy, stats_t1: BandStatistics | None,
                       stats_t2: BandStatistics | None, index: int, window: tuple[int, int, int, int],
                       cancel_event: str | None) -> WindowReport:
    """Detect the plan's window number ``index`` and save its final probabilities in the parts folder."""
    from ..core.detection import DetectionHooks, detect_window
    from ..io.raster import GdalRasterSource

    keep_freed_memory()
    with on_worker():
        started = time.perf_counter()
        model, metadata = worker_model(model_copy)
        stats = (stats_t1, stats_t2) if stats_t1 is not None else (metadata.stats_t1, metadata.stats_t2)
        hooks = DetectionHooks(is_cancelled=cancel_flag(cancel_event))
        with GdalRasterSource(plan.t1) as t1, GdalRasterSource(plan.t2) as t2:
            sources = CountingSource(t1), CountingSource(t2)
            detected = detect_window(model, metadata, *sources, stats, window, plan.options, hooks)
        regions, written = [], 0
        for number, (x, y, probability) in enumerate(detected.regions):
            name = f"window-{index}-{number}.npy"
            written += save_array(plan.parts / name, probability)
            regions.append((x, y, probability.shape[1], probability.shape[0], name))
        return WindowReport(index, regions, detected.shared, time.perf_counter() - started,
                            sum(source.bytes_read for source in sources), written, worker_name(), detected.device)


def save_array(path: Path, array: np.ndarray) -> int:
    """``array`` as a .npy file, complete or not at all; its size in bytes."""
    temporary = path.with_name(f".{path.stem}.partial-{uuid.uuid4().hex[:8]}.npy")
    try:
        np.save(temporary, array, allow_pickle=False)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path.stat().st_size


# ---- the pair's outputs ------------------------------------------------------------------------------------
@dataclass
class PairResult:
    probability: str
    change: str
    valid_pixels: int
    changed_pixels: int
    changed_area: float
    assembly_seconds: float
    worker: str
    windows: list[WindowCost] = field(default_factory=list)


def assemble_pair(plan: PairPlan, metadata: ModelMetadata, threshold: float, identity: dict,
                  provenance: dict[str, str], cancel_event: str | None, *reports: WindowReport) -> PairResult:
    """The probability and change GeoTIFFs from the windows' part files and shared pixels, then the pair's
    manifest; all three published as one set, unless the run was cancelled. The parts folder is removed."""
    from ..core.architectures import get_architecture
    from ..io.changemaps import ChangeMaps
    from ..io.writer import all_or_nothing, atomic_file

    keep_freed_memory()
    with on_worker():
        started = time.perf_counter()
        is_cancelled = cancel_flag(cancel_event)
        folder = Path(plan.folder)
        with all_or_nothing() as published:
            maps = ChangeMaps(folder / PROBABILITY_FILE, folder / CHANGE_FILE, plan.grid, threshold)
            with maps:
                for report in sorted(reports, key=lambda report: report.index):
                    if is_cancelled():
                        raise Cancelled()
                    for x, y, _width, _height, name in report.regions:
                        maps.write(x, y, np.load(plan.parts / name, allow_pickle=False))
                for x, y, probability in merged_seams(get_architecture(metadata.architecture), plan, reports):
                    maps.write(x, y, probability)
                maps.set_metadata(provenance)
                maps.finalize()
                if is_cancelled():
                    raise Cancelled()
                published.extend(maps.publish())
            area = maps.changed * plan.grid.pixel_area
            result = PairResult(published[0], published[1], maps.valid, maps.changed, area,
                                time.perf_counter() - started, worker_name())
            manifest = {**identity, "outputs": [PROBABILITY_FILE, CHANGE_FILE], **asdict(result),
                        "windows": len(reports), "finished": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
            with atomic_file(folder / MANIFEST) as temporary:
                Path(temporary).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
            published.append(str(folder / MANIFEST))
        shutil.rmtree(plan.parts, ignore_errors=True)
        result.windows = [report.cost() for report in sorted(reports, key=lambda report: report.index)]
        return result


def merged_seams(architecture, plan: PairPlan, reports: tuple[WindowReport, ...]
                 ) -> Iterator[tuple[int, int, np.ndarray]]:
    """The final probabilities of the pixels several windows share, one band of windows at a time."""
    pieces = [piece for report in reports for piece in report.shared]
    width, height = plan.grid.width, plan.grid.height
    starts = sorted({window[1] for window in plan.windows})

    def crosses(piece, top: int, bottom: int) -> bool:
        return piece.rect.y < bottom and piece.rect.y + piece.rect.height > top

    for top, bottom in zip(starts, starts[1:] + [height]):
        inside = [piece for piece in pieces if crosses(piece, top, bottom)]
        if not inside:
            continue
        pieces = [piece for piece in pieces if not crosses(piece, top, bottom)]
        regions, left = architecture.merge_shared(inside, (0, top, width, bottom - top))
        pieces.extend(left)
        yield from regions
    if pieces:
        raise PairError(f"On worker {worker_name()}: {len(pieces)} shared piece(s) of {plan.pair.name} were "
                          "left outside the raster; this is a bug, please report it")


def read_manifest(folder: str | os.PathLike) -> dict | None:
    """A pair folder's manifest, or None when there is none (or it cannot be read)."""
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# ---- checks before a run ---------------------------------------------------------------------------------
def check_worker(out_dir: str, device: str, precision: str, dask_worker=None) -> dict[str, str]:
    """Run on every worker (``Client.run``) before anything else: its versions and device, and whether it
    can write into the output folder (PairError when it cannot)."""
    name = f"{dask_worker.address} ({socket.gethostname()})" if dask_worker is not None else worker_name()
    with on_worker():
        import torch
        from osgeo import gdal

        from ..core.device import select_device
        from ..paths import plugin_version

        try:
            with tempfile.NamedTemporaryFile(dir=out_dir, prefix=".siamcrnn-write-test-"):
                pass
        except OSError as error:
            raise PairError(f"Worker {name} cannot write into the output folder {out_dir} "
                              f"({error.strerror or error}): the output folder must be on storage every worker "
                              "can write to, under the same path") from None
        return {"worker": name, "siamcrnn": plugin_version(), "torch": str(torch.__version__),
                "gdal": str(gdal.__version__), "device": select_device(device, precision).description}
