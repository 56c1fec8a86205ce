"""PyTorch as an optional dependency: is it importable, where does the plugin install it, and how.

The plugin installs PyTorch with pip into a folder of its own, one per Python version
(``<QGIS settings dir>/python/dependencies/siamcrnn/python3.11``), and adds that folder at the end of
``sys.path`` before anything imports torch, so nothing in it (jinja2, sympy, typing_extensions, …) can
shadow a package QGIS or another plugin already uses; only PyTorch's own packages are taken from the
folder first (:class:`TorchFirst`), so that a CUDA build installed there wins over a CPU-only torch of the
system. The constraints file pins every distribution the interpreter already has, so pip installs only
versions compatible with them (or an older torch that is) and never a second, different copy.
No qgis import at module level and never a torch import here: this runs before torch may exist.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.util
import os
import re
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


#: Top-level packages that come with PyTorch itself (the CUDA build brings nvidia.* and triton): imported
#: from the dependency folder first when it has them. Nothing else there is.
TORCH_PACKAGES = frozenset({"torch", "torchgen", "functorch", "triton", "nvidia"})


class TorchFirst(importlib.abc.MetaPathFinder):
    """Finds PyTorch's own top-level packages in the dependency folder before the rest of ``sys.path``
    (None when the folder does not have them, so the normal search goes on); their submodules then come
    from the same place through the package's ``__path__``."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def find_spec(self, fullname, path=None, target=None):
        if path is not None or fullname not in TORCH_PACKAGES:
            return None
        return importlib.machinery.PathFinder.find_spec(fullname, [self.folder])


def add_dependency_folder_to_path(folder: str | os.PathLike | None = None) -> Path | None:
    """Add the dependency folder at the end of sys.path when it exists (idempotent); returns it if added.

    At the end, so that what pip brought along with torch never replaces a package QGIS (or another plugin)
    imports; a :class:`TorchFirst` finder still takes torch itself from the folder, so that a CUDA build
    installed there wins over a CPU-only torch of the system. Call this before anything imports torch: the
    plugin does it in classFactory and initProcessing.
    """
    path = Path(folder) if folder is not None else dependency_folder()
    if not path.is_dir():
        return None
    entry = str(path)
    changed = False
    if entry not in sys.path:
        sys.path.append(entry)
        changed = True
    if not any(isinstance(finder, TorchFirst) and finder.folder == entry for finder in sys.meta_path):
        sys.meta_path.insert(0, TorchFirst(entry))
        changed = True
    if changed:
        importlib.invalidate_caches()
        torch_version.cache_clear()
    return path


# ---- Triton beside a system LLVM ------------------------------------------------------------------
PROCESS_MAPS = "/proc/self/maps"


def system_llvm_loaded(maps_path: str | os.PathLike = PROCESS_MAPS) -> str | None:
    """The path of a shared LLVM library (``libLLVM…so``) already mapped into this process, or None (also
    where the process map cannot be read, as on Windows and macOS). In the QGIS desktop on Linux it is
    Mesa's OpenGL driver (llvmpipe, radeonsi) that brings one."""
    try:
        with open(maps_path, encoding="utf-8", errors="replace") as maps:
            for line in maps:
                path = line.rstrip("\n").split(maxsplit=5)[-1]
                if os.path.basename(path).startswith("libLLVM") and ".so" in path:
                    return path
    except OSError:
        return None
    return None


def keep_triton_from_system_llvm(maps_path: str | os.PathLike = PROCESS_MAPS,
                                 triton_installed: bool | None = None) -> str | None:
    """Keep Triton from loading in this process when a system LLVM is already loaded; returns what was done,
    as a sentence for the log, or None when nothing was needed.

    PyPI's CUDA builds of PyTorch bring Triton, their GPU kernel compiler, and import it the first time an
    optimiser is made (torch._dynamo asks whether Triton is there). Triton's library carries its own LLVM,
    whose start-up code crashes the whole process (segmentation fault) when another LLVM, such as Mesa's
    in the QGIS desktop, is loaded already: seen on Debian 13 with QGIS 3.40, training from the Toolbox.
    SiamCRNN never compiles kernels, and PyTorch works without Triton, so it is marked as absent
    (``sys.modules["triton"] = None``: an import of it then raises ImportError, which PyTorch handles).
    Nothing changes where Triton is not installed, is imported already, or no system LLVM is loaded;
    call this on the main thread before each run, since Mesa may load after the plugin.
    """
    if "triton" in sys.modules:
        return None
    if triton_installed is None:
        try:
            triton_installed = importlib.util.find_spec("triton") is not None
        except (ImportError, ValueError):
            triton_installed = False
    if not triton_installed:
        return None
    llvm = system_llvm_loaded(maps_path)
    if llvm is None:
        return None
    sys.modules["triton"] = None
    return (f"Triton (PyTorch's GPU kernel compiler, which SiamCRNN does not use) is kept from loading in "
            f"this QGIS: its own LLVM crashes QGIS when another one is loaded already ({llvm}, from the "
            f"OpenGL driver). PyTorch runs without it.")


# ---- how to install it ----------------------------------------------------------------------------
#: What an interpreter says about itself: the Python version and sys.prefix.
_IDENTITY_SCRIPT = "import sys; print(*sys.version_info[:3]); print(sys.prefix)"
Identity = tuple[tuple[int, int, int], str]


@lru_cache(maxsize=32)
def interpreter_identity(python: str) -> Identity | None:
    """(version, sys.prefix) that ``python`` reports when run; None when it does not run as a Python."""
    try:
        completed = subprocess.run([python, "-c", _IDENTITY_SCRIPT], capture_output=True, text=True, timeout=30,
                                   stdin=subprocess.DEVNULL, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        version, prefix = completed.stdout.strip().splitlines()[:2]
        major, minor, micro = (int(part) for part in version.split())
    except (OSError, subprocess.SubprocessError, ValueError):
        return None
    return (major, minor, micro), prefix


def qgis_identity() -> Identity:
    """The version and prefix of the Python QGIS runs: pip must run with an interpreter that has both."""
    return tuple(sys.version_info[:3]), sys.prefix


def same_interpreter(found: Identity | None, expected: Identity) -> bool:
    if found is None:
        return False
    return tuple(found[0]) == tuple(expected[0]) and \
        os.path.normcase(os.path.realpath(found[1])) == os.path.normcase(os.path.realpath(expected[1]))


def interpreter_candidates(platform: str, executable: str, exec_prefix: str) -> list[Path]:
    """Where QGIS's own interpreter can be, most likely first. ``sys.executable`` comes first only when it
    is named python (on Linux it may also be whatever python3 comes first on PATH); on Windows and macOS it
    is the QGIS program itself (running it would start another QGIS), so there the folders next to
    ``sys.exec_prefix`` are searched."""
    prefix = Path(exec_prefix)
    major_minor = python_tag()[len("python"):]
    candidates = []
    if executable and Path(executable).name.lower().startswith("python"):
        candidates.append(Path(executable))
    if platform.startswith("win"):
        candidates += [prefix / "python.exe", prefix / "python3.exe", prefix.parent / "bin" / "python.exe",
                       prefix / "bin" / "python.exe"]
    else:
        names = [f"python{major_minor}", "python3", "python"]
        folders = [prefix / "bin", prefix]
        if platform == "darwin" and executable:  # QGIS.app/Contents/MacOS/QGIS -> QGIS.app/Contents/MacOS/bin
            folders.append(Path(executable).parent / "bin")
        candidates += [folder / name for folder in folders for name in names]
    return candidates


def find_python_interpreter(platform: str | None = None, executable: str | None = None,
                            exec_prefix: str | None = None, expected: Identity | None = None,
                            identify=interpreter_identity) -> str | None:
    """QGIS's own Python interpreter, to run pip with: the first candidate (:func:`interpreter_candidates`)
    that reports the same version and ``sys.prefix`` as the Python QGIS runs. None when there is none, so
    that torch is never installed for another Python (a pyenv shim first on PATH, another minor version),
    where it would never import. ``identify`` runs a candidate (tests give a stand-in)."""
    platform = platform or sys.platform
    executable = executable if executable is not None else sys.executable
    expected = expected or qgis_identity()
    for candidate in interpreter_candidates(platform, executable, exec_prefix or sys.exec_prefix):
        if candidate.is_file() and same_interpreter(identify(str(candidate)), expected):
            return str(candidate)
    return None


def interpreter_mismatch(python: str, expected: Identity | None = None, identify=interpreter_identity) -> str:
    """Why ``python`` cannot install packages for QGIS's Python, in a sentence; '' when it can."""
    expected = expected or qgis_identity()
    found = identify(python)
    if same_interpreter(found, expected):
        return ""
    from .i18n import tr

    wanted = "{}.{}.{}".format(*expected[0])
    if found is None:
        return tr("{python} does not run as a Python interpreter, so it cannot install PyTorch for QGIS's Python "
                  "{version} ({prefix}).").format(python=python, version=wanted, prefix=expected[1])
    return tr("{python} is Python {found} ({found_prefix}), but QGIS runs Python {version} ({prefix}): PyTorch "
              "installed with it would not import in QGIS. Use the python of QGIS's own installation.").format(
        python=python, found="{}.{}.{}".format(*found[0]), found_prefix=found[1], version=wanted, prefix=expected[1])


#: A PEP 440 version, optionally with a local label ('2.13.0+cpu'), case-insensitive as pip reads it.
_PEP440 = re.compile(
    r"^v?(\d+!)?\d+(\.\d+)*([-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?\d*)?"
    r"([-_.]?(post|rev|r)[-_.]?\d*|-\d+)?([-_.]?dev[-_.]?\d*)?(\+[a-z0-9]+([-_.][a-z0-9]+)*)?$",
    re.IGNORECASE,
)
#: What a constraints file line may hold (anything else, e.g. a space or ';', would change its meaning).
_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
_ANY_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+!_-]*$")
#: Distributions pip may install even if the interpreter has them: the one the installer is asked for
#: (a CUDA build replacing a CPU-only torch is the point of installing it).
NOT_CONSTRAINED = frozenset({"torch"})


def installed_distributions(exclude_folder: str | os.PathLike | None = None) -> dict[str, str]:
    """{normalised name: version} of every distribution this interpreter can import (the first of each name
    along sys.path: the one that wins), leaving out those installed in ``exclude_folder`` (the plugin's own
    dependency folder, whose contents pip may replace) and those with damaged metadata."""
    excluded = Path(exclude_folder).resolve() if exclude_folder is not None else None
    found: dict[str, str] = {}
    for distribution in importlib.metadata.distributions():
        try:
            name, version = distribution.metadata["Name"], distribution.version
            key = re.sub(r"[-_.]+", "-", name).lower()
            if key in found or not version:
                continue
            if excluded is not None:
                site = Path(distribution.locate_file("")).resolve()  # the folder the distribution is in
                if site == excluded or excluded in site.parents:
                    continue
        except Exception:  # noqa: BLE001 (another package's damaged .dist-info must not stop the install)
            continue
        found[key] = str(version)
    return found


def numpy_version() -> str | None:
    """The numpy QGIS runs with, which pip must keep."""
    version = installed_distributions().get("numpy")
    if version is not None or importlib.util.find_spec("numpy") is None:
        return version
    import numpy  # a numpy without metadata (some system packages)

    return str(numpy.__version__)


def constraint_lines(distributions: dict[str, str]) -> list[str]:
    """'name==version' for each distribution except :data:`NOT_CONSTRAINED`, sorted. A version that is not
    PEP 440 is pinned as the arbitrary string it is ('name===version'), which still lets pip install no
    other; a name or version that cannot be written on a line safely is left out."""
    lines = []
    for name, version in sorted(distributions.items()):
        if name in NOT_CONSTRAINED or not _NAME.match(name) or not _ANY_VERSION.match(version):
            continue
        lines.append(f"{name}{'==' if _PEP440.match(version) else '==='}{version}")
    return lines


def write_constraints_file(folder: str | os.PathLike) -> Path:
    """constraints-<python tag>.txt beside the dependency folder: every distribution the interpreter already
    has (numpy, jinja2, sympy, typing_extensions, …; the dependency folder's own and torch excepted), pinned
    to its version. pip then installs nothing that would differ from a package QGIS or another plugin
    uses: it picks versions (of torch too) that go with them, or says which requirement conflicts."""
    path = Path(folder).parent / f"constraints-{Path(folder).name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    distributions = installed_distributions(exclude_folder=folder)
    if "numpy" not in distributions and numpy_version() is not None:
        distributions["numpy"] = numpy_version()
    path.write_text("".join(f"{line}\n" for line in constraint_lines(distributions)), encoding="utf-8")
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


# ---- Dask: optional, only running on a cluster (siamcrnn:detectmany) needs it ----------------------------
DASK_REQUIREMENT = "dask[distributed]>=2024.1"


def dask_available() -> bool:
    return importlib.util.find_spec("dask") is not None and importlib.util.find_spec("distributed") is not None


def dask_version() -> str | None:
    """The installed Dask's version (that of distributed, which runs the cluster), or None."""
    if not dask_available():
        return None
    try:
        return importlib.metadata.version("distributed")
    except importlib.metadata.PackageNotFoundError:
        return "unknown version"


def dask_install_command() -> str:
    """The command a user can paste into a terminal to install Dask where the plugin looks for packages."""
    python = find_python_interpreter() or "python3"
    return format_command([python, "-m", "pip", "install", "--target", str(dependency_folder()), DASK_REQUIREMENT])


def missing_dask_message() -> str:
    from .i18n import tr

    return tr(
        "Dask is not installed in the Python that QGIS uses, so this algorithm cannot run pairs on a cluster "
        "(every other algorithm works without it). Install it in a terminal with: {command} — then restart QGIS."
    ).format(command=dask_install_command())
