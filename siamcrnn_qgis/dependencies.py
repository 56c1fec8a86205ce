"""PyTorch as an optional dependency: is it importable, where does the plugin install it, and how.

The plugin installs PyTorch with pip into a folder of its own, one per Python version
(``<QGIS settings dir>/python/dependencies/siamcrnn/python3.11``), and puts that folder on ``sys.path``
before anything imports torch. A constraints file pins QGIS's own numpy so that pip never replaces it.
No qgis import at module level and never a torch import here: this runs before torch may exist.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

TORCH_REQUIREMENT = "torch>=2.1"
PYTORCH_INDEX = "https://download.pytorch.org/whl"
CUDA_WHEEL_TAG = "cu126"  # CUDA 12.6 wheels: run on NVIDIA drivers >= 525 (Maxwell to Blackwell)
VARIANTS = ("cpu", "cuda")


# ---- is torch there? ------------------------------------------------------------------------------
def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


@lru_cache(maxsize=1)
def torch_version() -> str | None:
    if not torch_available():
        return None
    import torch

    return str(torch.__version__)


def nvidia_gpu_present() -> bool:
    """An NVIDIA driver is installed (nvidia-smi on PATH, or the Linux kernel driver loaded), whether or
    not the installed torch can use it."""
    return shutil.which("nvidia-smi") is not None or Path("/proc/driver/nvidia").is_dir()


# ---- where the plugin installs it -----------------------------------------------------------------
def python_tag(version_info=None) -> str:
    """'python3.11': wheels are built per Python version, so each version gets its own folder."""
    version_info = version_info or sys.version_info
    return f"python{version_info[0]}.{version_info[1]}"


def qgis_settings_dir() -> Path:
    """The active QGIS profile folder (desktop and qgis_process); the home folder when QGIS is absent."""
    try:
        from qgis.core import QgsApplication

        path = QgsApplication.qgisSettingsDirPath()
    except ImportError:
        path = ""
    return Path(path) if path else Path.home() / ".siamcrnn"


def dependency_folder(settings_dir: str | os.PathLike | None = None) -> Path:
    """The folder pip installs into and the plugin puts on sys.path, for the running Python version."""
    base = Path(settings_dir) if settings_dir is not None else qgis_settings_dir()
    return base / "python" / "dependencies" / "siamcrnn" / python_tag()


def add_dependency_folder_to_path(folder: str | os.PathLike | None = None) -> Path | None:
    """Put the dependency folder first on sys.path when it exists (idempotent); returns it if added.

    First, so that a CUDA build installed there wins over a CPU-only torch of the system. Call this before
    anything imports torch: the plugin does it in classFactory and initProcessing.
    """
    path = Path(folder) if folder is not None else dependency_folder()
    if not path.is_dir():
        return None
    entry = str(path)
    if entry not in sys.path:
        sys.path.insert(0, entry)
        importlib.invalidate_caches()
        torch_version.cache_clear()
    return path


# ---- how to install it ----------------------------------------------------------------------------
def find_python_interpreter(platform: str | None = None, executable: str | None = None,
                            exec_prefix: str | None = None) -> str | None:
    """The Python interpreter of QGIS's Python, to run pip with; None when it cannot be found.

    On Windows and macOS ``sys.executable`` is the QGIS program itself (running it would start another
    QGIS), so the interpreter is looked for next to ``sys.exec_prefix`` instead.
    """
    platform = platform or sys.platform
    executable = executable if executable is not None else sys.executable
    prefix = Path(exec_prefix if exec_prefix is not None else sys.exec_prefix)
    major_minor = python_tag()[len("python"):]
    if executable and Path(executable).name.lower().startswith("python") and Path(executable).is_file():
        return executable
    if platform.startswith("win"):
        candidates = [prefix / "python.exe", prefix / "python3.exe", prefix.parent / "bin" / "python.exe",
                      prefix / "bin" / "python.exe"]
    else:
        names = [f"python{major_minor}", "python3", "python"]
        folders = [prefix / "bin", prefix]
        if platform == "darwin" and executable:  # QGIS.app/Contents/MacOS/QGIS -> QGIS.app/Contents/MacOS/bin
            folders.append(Path(executable).parent / "bin")
        candidates = [folder / name for folder in folders for name in names]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    return None


def numpy_version() -> str | None:
    """The numpy QGIS runs with, which pip must keep."""
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover - Python < 3.8
        return None
    try:
        return version("numpy")
    except PackageNotFoundError:
        pass
    if importlib.util.find_spec("numpy") is None:
        return None
    import numpy

    return str(numpy.__version__)


def write_constraints_file(folder: str | os.PathLike) -> Path:
    """constraints.txt beside the dependency folder: numpy==<QGIS's version> (empty without numpy)."""
    path = Path(folder).parent / f"constraints-{Path(folder).name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    version = numpy_version()
    path.write_text(f"numpy=={version}\n" if version else "", encoding="utf-8")
    return path


def index_url(variant: str, platform: str | None = None) -> str | None:
    """PyTorch's wheel index for a build: CPU-only or CUDA. macOS wheels on PyPI already include MPS."""
    platform = platform or sys.platform
    if variant not in VARIANTS:
        raise ValueError(f"unknown PyTorch build {variant!r}; use one of {', '.join(VARIANTS)}")
    if platform == "darwin":
        if variant == "cuda":
            raise ValueError("PyTorch has no CUDA build for macOS; use the 'cpu' build (it includes MPS)")
        return None
    return f"{PYTORCH_INDEX}/{'cpu' if variant == 'cpu' else CUDA_WHEEL_TAG}"


def pip_install_command(python: str, variant: str, folder: str | os.PathLike,
                        constraints: str | os.PathLike | None = None, platform: str | None = None) -> list[str]:
    """The pip command line installing torch (CPU or CUDA build) into the dependency folder."""
    command = [python, "-m", "pip", "install", "--upgrade", "--no-input", "--disable-pip-version-check",
               "--progress-bar", "off", "--target", str(folder)]
    if constraints is not None:
        command += ["--constraint", str(constraints)]
    url = index_url(variant, platform)
    if url:
        command += ["--index-url", url]
    return command + [TORCH_REQUIREMENT]


def format_command(command: list[str], platform: str | None = None) -> str:
    """A command line to paste into a terminal (cmd.exe quoting on Windows, POSIX shell elsewhere)."""
    platform = platform or sys.platform
    return subprocess.list2cmdline(command) if platform.startswith("win") else shlex.join(command)


def default_variant() -> str:
    return "cuda" if nvidia_gpu_present() and sys.platform != "darwin" else "cpu"


def install_command(variant: str | None = None) -> str:
    """The command a user can paste into a terminal to install torch where the plugin looks for it."""
    python = find_python_interpreter() or "python3"
    return format_command(pip_install_command(python, variant or default_variant(), dependency_folder()))


def missing_torch_message() -> str:
    from .i18n import tr

    return tr(
        "PyTorch is not installed in the Python that QGIS uses, so SiamCRNN cannot run. Install it from "
        "Raster › SiamCRNN › Status (Install PyTorch), or in a terminal with: {command} — then restart QGIS."
    ).format(command=install_command())
