"""Outputs that appear complete or not at all: GeoTIFFs, any file through :func:`atomic_file`, style sidecars.

Everything is written under a hidden temporary name in the output's own folder and renamed with
``os.replace`` once complete, so a failed, cancelled or killed run never leaves a partial file under the
final name, and an existing output is replaced only by a finished one.

Inside :func:`all_or_nothing` the outputs of a run are also replaced as a set: each older file (with its
sidecars) is renamed to a hidden backup when its new version is published, and the backups are deleted
only once the whole block has succeeded; when it fails, the new files are removed and the backups put
back, so a run leaves either all its old outputs or all its new ones.
"""

from __future__ import annotations

import glob
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from osgeo import gdal

from ..core.errors import InputError
from ..paths import style_path
from ._gdal import GdalError, flush_cache, gdal_call, uses_gdal

if TYPE_CHECKING:
    from typing import Self  # Python 3.11; only for type checkers (QGIS may run Python 3.9)

    from .raster import RasterGrid

_GDAL_TYPES = {"float32": gdal.GDT_Float32, "uint8": gdal.GDT_Byte}
OVERVIEW_THRESHOLD = 1024  # build overviews when a side is longer than this many pixels


def check_output_path(path: str | os.PathLike) -> None:
    """InputError, before any heavy work, when ``path`` cannot become an output file."""
    target = Path(path)
    if str(path).strip() == "":
        raise InputError("no output file given: choose where to save the result")
    if target.is_dir():
        raise InputError(f"the output {target} is a folder: give a file name inside it instead")
    folder = target.parent
    if folder.exists() and not folder.is_dir():
        raise InputError(f"the output folder {folder} is a file, not a folder: choose a file name inside an "
                         "existing folder")
    if not folder.is_dir():
        raise InputError(f"the output folder {folder} does not exist: create it or choose another folder")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".siamcrnn-write-test-"):
            pass
    except OSError as exc:
        raise InputError(
            f"cannot write in the output folder {folder} ({exc.strerror or exc}): "
            "choose a folder you can write to"
        ) from None
    if target.exists() and not os.access(target, os.W_OK):
        raise InputError(f"the existing output {target} is read-only: remove it or choose another name")


def _temporary_name(path: Path) -> Path:
    """A hidden name in the same folder (so os.replace is atomic) that keeps the extension GDAL keys on.

    Temporary files for the same output left by processes that no longer run (killed outright, so they
    could not clean up) are removed first."""
    remove_stale_temporaries(path)
    return path.with_name(f".{path.stem}.partial-{os.getpid()}-{uuid.uuid4().hex[:8]}{path.suffix}")


def _process_running(pid: int) -> bool:
    """Whether a process with this id exists (True when that cannot be told, so nothing is removed)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            kernel32.CloseHandle(handle)
            return True
        return ctypes.get_last_error() != 87  # ERROR_INVALID_PARAMETER: no such process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. another user's process
        return True
    return True


def remove_stale_temporaries(path: str | os.PathLike) -> list[Path]:
    """Delete the hidden temporary files of ``path`` (and their GDAL companions), and the backups of its
    older versions (see :func:`all_or_nothing`), whose writing process is gone; returns what was removed."""
    final = Path(path)
    stale = []
    for prefix in (f".{final.stem}.partial-", f".{final.name}.previous-", f".{final.name}.aux.xml.previous-"):
        for candidate in map(Path, glob.glob(glob.escape(str(final.with_name(prefix))) + "*")):
            pid_text = candidate.name[len(prefix):].split("-", 1)[0]
            if pid_text.isdigit() and not _process_running(int(pid_text)):
                stale.append(candidate)
    _remove(stale)
    return stale


def _split_temporary(temporary: Path) -> tuple[str, str]:
    """A temporary name's unique base and its extension: ('.out.partial-12-ab34cd56', '.tif')."""
    name = temporary.name
    end = name.find(".", name.rindex(".partial-") + len(".partial-"))
    return (name, "") if end < 0 else (name[:end], name[end:])


def companion_path(temporary: str | os.PathLike, extension: str) -> str:
    """A scratch file's path beside a temporary output of :func:`atomic_file` (``extension`` appended to
    its unique base), deleted with the temporary when the output fails, and by the next write of the
    output after a killed run. The caller deletes it before the output is published (else it would be
    published beside it)."""
    base, _ = _split_temporary(Path(temporary))
    return str(Path(temporary).with_name(base + extension))


def _companions(temporary: Path) -> list[Path]:
    """The temporary file and what GDAL wrote beside it (.aux.xml, shapefile .dbf/.shx/.prj, GPKG -wal)."""
    base, _ = _split_temporary(temporary)
    return [Path(p) for p in glob.glob(glob.escape(str(temporary.with_name(base))) + "*")]


def _remove(paths: list[Path]) -> None:
    for leftover in paths:
        try:
            leftover.unlink()
        except FileNotFoundError:
            pass


def new_file_mode(folder: str | os.PathLike) -> int | None:
    """The permission bits an ordinary new file gets in ``folder``: 0o666 less the umask (or as the folder's
    default ACL says). Learnt by creating a probe file with ``os.open(..., 0o666)``, which applies the umask
    itself: reading the umask with ``os.umask`` means setting it, which races with other threads creating
    files. None on Windows (no such bits) or when the probe cannot be made."""
    if os.name == "nt":
        return None
    probe = Path(folder) / f".siamcrnn-mode-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    try:
        descriptor = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    except OSError:
        return None
    try:
        return os.fstat(descriptor).st_mode & 0o777
    finally:
        os.close(descriptor)
        probe.unlink(missing_ok=True)


def _follow_umask(paths: list[Path]) -> None:
    """Give files made by GDAL the permissions of any new file there: GDAL opens most with 0o666 (so the
    umask applies), but the GeoPackage driver's SQLite uses 0o644, which ignores a umask of 0o002."""
    if not paths:
        return
    mode = new_file_mode(paths[0].parent)
    if mode is None:
        return
    for path in paths:
        try:
            if path.stat().st_mode & 0o777 != mode:
                os.chmod(path, mode)
        except OSError:  # e.g. a file system without permission bits: leave it as it was made
            pass


def _backup_name(path: Path) -> Path:
    """A hidden name beside ``path`` for its older version while a new one is being published."""
    return path.with_name(f".{path.name}.previous-{os.getpid()}-{uuid.uuid4().hex[:8]}")


class _Replacement:
    """What one publish did: the files it put in place and the older files it moved aside."""

    def __init__(self) -> None:
        self.placed: list[Path] = []
        self.backups: list[tuple[Path, Path]] = []  # (final name, hidden backup)

    def move_aside(self, path: Path) -> None:
        if os.path.lexists(path):
            backup = _backup_name(path)
            os.replace(path, backup)
            self.backups.append((path, backup))

    def undo(self) -> None:
        """Remove the new files and put the older ones back; best effort, as it runs while another error
        is on its way (a backup that cannot be put back stays, hidden, beside its output)."""
        for path in self.placed:
            try:
                path.unlink()
            except OSError:
                pass
        for final, backup in reversed(self.backups):
            try:
                os.replace(backup, final)
            except OSError:
                pass
        self.placed, self.backups = [], []

    def drop_backups(self) -> None:
        _remove([backup for _, backup in self.backups])
        self.backups = []


def _publish(temporary: Path, final: Path) -> None:
    """Rename the temporary file and its companions onto the final name, replacing older versions; their
    permissions follow the umask like any new file's.

    The older versions (and a stale PAM sidecar, which would override the new file) are first moved to
    hidden backups; inside :func:`all_or_nothing` those stay until the whole set is published."""
    if not temporary.exists():
        _remove(_companions(temporary))
        raise InputError(f"could not save {final}: its temporary file {temporary.name} has disappeared")
    base, _ = _split_temporary(temporary)
    parts = _companions(temporary)
    _follow_umask(parts)
    moves = [(part, final.with_name(final.stem + part.name[len(base) :])) for part in parts]
    moves.sort(key=lambda move: move[0] != temporary)
    displaced = [target for _, target in moves]
    stale_sidecar = final.with_name(final.name + ".aux.xml")
    if stale_sidecar not in displaced:
        displaced.append(stale_sidecar)
    replacement = _Replacement()
    try:
        for target in displaced:
            replacement.move_aside(target)
        for source, target in moves:
            os.replace(source, target)
            replacement.placed.append(target)
    except OSError as exc:
        replacement.undo()
        _remove(_companions(temporary))
        raise InputError(
            f"could not save {final} ({exc.strerror or exc}); if the file is open in QGIS or another "
            "program, close it or choose another name"
        ) from None
    active = _ACTIVE_SET.get()
    if active is not None:
        active._replacements.append(replacement)
    else:
        replacement.drop_backups()


@contextmanager
def atomic_file(path: str | os.PathLike) -> Iterator[str]:
    """Yield a temporary path beside ``path``; on success it (with any companion files) becomes ``path``,
    on an exception it is deleted and ``path`` is left as it was."""
    final = Path(path)
    check_output_path(final)
    temporary = _temporary_name(final)
    try:
        yield str(temporary)
    except BaseException:
        _remove(_companions(temporary))
        raise
    if not temporary.exists():
        raise InputError(f"nothing was written for {final}")
    _publish(temporary, final)


def discard_outputs(paths: list[str | os.PathLike]) -> None:
    """Delete outputs a failed or cancelled run had already completed, with their style sidecars and
    GDAL companions, so that the run leaves nothing behind."""
    for path in filter(None, paths):
        final = Path(path)
        companions = [final.with_suffix(".qml"), final.with_name(final.name + ".aux.xml")]
        if final.suffix.lower() == ".shp":
            companions += [final.with_suffix(extension) for extension in (".shx", ".dbf", ".prj", ".cpg")]
        _remove([final, *companions])


class OutputSet(list):
    """The outputs of one :func:`all_or_nothing` block (a list of paths the caller appends to), with what
    their publishing replaced."""

    def __init__(self) -> None:
        super().__init__()
        self._replacements: list[_Replacement] = []

    def _roll_back(self) -> None:
        placed = {path for replacement in self._replacements for path in replacement.placed}
        discard_outputs([path for path in self if Path(path) not in placed])  # written without publishing
        for replacement in reversed(self._replacements):
            replacement.undo()
        self._replacements = []

    def _commit(self) -> None:
        for replacement in self._replacements:
            replacement.drop_backups()
        self._replacements = []


#: The :class:`OutputSet` being published in this thread (each thread has its own context).
_ACTIVE_SET: ContextVar[OutputSet | None] = ContextVar("siamcrnn_output_set", default=None)


@contextmanager
def all_or_nothing() -> Iterator[OutputSet]:
    """Publish the outputs written inside the block as one set, and yield a list for the caller to append
    each output to once it is complete.

    Every file published inside the block (:func:`atomic_file`, :meth:`GeoTiffWriter.publish`, style
    sidecars) keeps the older file it replaces as a hidden backup. If the block fails (error, cancel), the
    new files (and any appended output) are deleted and the older files restored; when it succeeds the
    backups are deleted. Blocks may be nested: an inner block's outputs then belong to the outer set."""
    outputs = OutputSet()
    token = _ACTIVE_SET.set(outputs)
    try:
        yield outputs
    except BaseException:
        _ACTIVE_SET.reset(token)
        outputs._roll_back()
        raise
    _ACTIVE_SET.reset(token)
    parent = _ACTIVE_SET.get()
    if parent is not None:
        parent._replacements.extend(outputs._replacements)
        parent.extend(outputs)
    else:
        outputs._commit()


def write_style_sidecar(output_path: str | os.PathLike, style_name: str) -> str:
    """Copy the named style of resources/styles next to the output as '<name>.qml', the file QGIS
    applies when the output is opened (also from qgis_process results). Returns the sidecar's path."""
    source = style_path(style_name)
    if not source.is_file():
        raise FileNotFoundError(f"style {style_name} is missing from {source.parent}; reinstall the plugin")
    sidecar = Path(output_path).with_suffix(".qml")
    with atomic_file(sidecar) as temporary:
        shutil.copyfile(source, temporary)
    return str(sidecar)


@uses_gdal
def _build_overviews(dataset: gdal.Dataset, method: str, levels: list[int]) -> None:
    """Build internal overviews with the dataset's blocks dropped from GDAL's block cache after each
    chunk GDAL reports, so that memory stays bounded by a chunk (a row of blocks) and does not grow with
    the raster (GDAL would otherwise keep every full-resolution block it read, up to GDAL_CACHEMAX).

    Only this dataset's blocks are touched: GDAL's process-wide cache size (shared with QGIS and any other
    run at the same time) is never changed. GdalError when GDAL fails."""
    band = dataset.GetRasterBand(1)

    def drop_blocks(_complete: float, _message: str, _data: object) -> int:
        try:
            band.FlushCache()  # a band's flush writes its dirty blocks and drops them; nothing else
            for i in range(band.GetOverviewCount()):
                band.GetOverview(i).FlushCache()
        except RuntimeError:  # GDAL exceptions on and a write failed: stop, BuildOverviews reports it
            return 0
        return 1

    gdal_call(dataset.BuildOverviews, method, levels, callback=drop_blocks, error_code=True)


class GeoTiffWriter:
    """A single-band tiled, DEFLATE-compressed GeoTIFF on ``grid``, written window by window.

    Writes go to a hidden temporary file; :meth:`finalize` adds overviews and statistics and renames it
    to ``path``; :meth:`abort` (or an exception inside ``with``) deletes it. Leaving the ``with`` block
    without finalizing also aborts.
    """

    @uses_gdal
    def __init__(
        self,
        path: str | os.PathLike,
        grid: RasterGrid,
        dtype: str = "float32",
        nodata: float = float("nan"),
        band_name: str = "",
        overviews: bool = True,
    ):
        if dtype not in _GDAL_TYPES:
            raise ValueError(f"dtype must be one of {sorted(_GDAL_TYPES)}, not {dtype!r}")
        self.path = Path(path)
        check_output_path(self.path)
        self.grid, self.dtype, self.nodata, self.overviews = grid, dtype, nodata, overviews
        self.temporary_path = _temporary_name(self.path)
        self._complete = self._published = False
        options = [
            "TILED=YES",
            "BLOCKXSIZE=256",
            "BLOCKYSIZE=256",
            "COMPRESS=DEFLATE",
            f"PREDICTOR={3 if dtype == 'float32' else 2}",
            "BIGTIFF=IF_SAFER",
        ]
        driver = gdal.GetDriverByName("GTiff")
        try:
            self._dataset = gdal_call(
                driver.Create,
                str(self.temporary_path),
                grid.width,
                grid.height,
                1,
                _GDAL_TYPES[dtype],
                options,
            )
        except GdalError as exc:
            _remove(_companions(self.temporary_path))
            raise InputError(f"could not create {self.path}: {exc}") from None
        self._dataset.SetGeoTransform(grid.geotransform)
        if grid.crs_wkt:
            self._dataset.SetProjection(grid.crs_wkt)
        band = self._dataset.GetRasterBand(1)
        band.SetNoDataValue(nodata)
        if band_name:
            band.SetDescription(band_name)

    @uses_gdal
    def set_metadata(self, metadata: dict[str, object]) -> None:
        """GDAL metadata items of the dataset (e.g. SIAMCRNN_MODEL=<path>)."""
        self._require_open().SetMetadata({str(k): str(v) for k, v in metadata.items()})

    @uses_gdal
    def write(self, x: int, y: int, array: np.ndarray) -> None:
        """Write a [height, width] window whose top-left pixel is (x, y)."""
        band = self._require_open().GetRasterBand(1)
        data = np.ascontiguousarray(array, dtype=self.dtype)
        height, width = data.shape
        if x < 0 or y < 0 or x + width > self.grid.width or y + height > self.grid.height:
            raise ValueError(f"window {x},{y} {width}x{height} is outside {self.path}'s grid")
        try:
            gdal_call(band.WriteArray, data, int(x), int(y), error_code=True)
            # Compress and write the window's blocks now, so GDAL's block cache does not hold the whole
            # output until it is closed (memory bounded by the window, not by the raster).
            flush_cache(self._dataset)
        except GdalError as exc:
            raise InputError(
                f"could not write to {self.path}: {exc}; check the disk has free space"
            ) from None

    @uses_gdal
    def finalize(self, style: str | None = None, publish: bool = True) -> str:
        """Overviews, statistics, close, rename onto the final path, then the style sidecar; returns the
        final path. With ``publish=False`` the complete file stays under its temporary name until
        :meth:`publish`, so several outputs can be completed first and then renamed together."""
        dataset = self._require_open()
        try:
            if self.overviews and max(self.grid.width, self.grid.height) > OVERVIEW_THRESHOLD:
                levels, size = [], max(self.grid.width, self.grid.height)
                while size > 256:
                    levels.append(2 ** (len(levels) + 1))
                    size //= 2
                _build_overviews(dataset, "NEAREST" if self.dtype == "uint8" else "AVERAGE", levels)
            self._compute_statistics(dataset.GetRasterBand(1))
            dataset.FlushCache()
        except GdalError as exc:
            self.abort()
            raise InputError(f"could not finish {self.path}: {exc}; check the disk has free space") from None
        finally:
            del dataset
        self._dataset = None
        self._complete = True
        return self.publish(style) if publish else str(self.temporary_path)

    def publish(self, style: str | None = None) -> str:
        """Rename the finalized file onto the final path, then write the style sidecar; the final path."""
        if not self._complete:
            raise ValueError(f"{self.path} must be finalized before it is published")
        _publish(self.temporary_path, self.path)
        self._complete, self._published = False, True
        if style:
            write_style_sidecar(self.path, style)
        return str(self.path)

    @staticmethod
    @uses_gdal
    def _compute_statistics(band: gdal.Band) -> None:
        """Approximate statistics (from overviews when there are some), stored in the file for QGIS;
        skipped when there is no valid pixel."""
        try:
            gdal_call(band.ComputeStatistics, True)
        except GdalError:
            pass

    def abort(self) -> None:
        """Drop everything written so far; the final path is left untouched."""
        self._dataset = None
        self._complete = False
        _remove(_companions(self.temporary_path))

    def _require_open(self) -> gdal.Dataset:
        if self._dataset is None:
            raise ValueError(f"{self.path} was already finalized or aborted")
        return self._dataset

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if self._dataset is not None or self._complete:
            self.abort()
