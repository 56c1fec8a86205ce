"""What the Status dialog shows, gathered without any window: PyTorch, GPUs, CPU threads and the device
'auto' picks. torch is imported only here, inside the function, and its absence is a normal answer."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from .. import dependencies
from ..i18n import tr


@dataclass
class GpuInfo:
    name: str
    memory_bytes: int
    capability: str = ""


@dataclass
class RuntimeStatus:
    """The answers shown in SiamCRNN › Status; plain data, so tests need no window."""

    python_version: str
    python_interpreter: str | None
    dependency_folder: str
    torch_version: str | None = None
    torch_location: str | None = None
    torch_error: str | None = None
    cuda_build: str | None = None
    cuda_available: bool = False
    mps_available: bool = False
    gpus: list[GpuInfo] = field(default_factory=list)
    cpu_count: int | None = None
    torch_threads: int | None = None
    nvidia_driver: bool = False
    auto_device: str = ""
    auto_reason: str = ""
    install_recommended: bool = False
    install_reason: str = ""
    dask_version: str | None = None

    @property
    def torch_installed(self) -> bool:
        return self.torch_version is not None


def gather_status(nvidia_driver: bool | None = None) -> RuntimeStatus:
    """Inspect this QGIS's Python; ``nvidia_driver`` overrides the driver detection (tests)."""
    status = RuntimeStatus(
        python_version=sys.version.split()[0],
        python_interpreter=dependencies.find_python_interpreter(),
        dependency_folder=str(dependencies.dependency_folder()),
        cpu_count=os.cpu_count(),
        nvidia_driver=dependencies.nvidia_gpu_present() if nvidia_driver is None else nvidia_driver,
        dask_version=dependencies.dask_version(),
    )
    torch = _import_torch(status)
    if torch is None:
        status.auto_device = tr("none: SiamCRNN cannot run without PyTorch")
        status.auto_reason = status.torch_error or tr("PyTorch is not installed.")
        status.install_recommended = True
        status.install_reason = tr("PyTorch is not installed in the Python that QGIS uses.")
        return status
    _inspect_torch(torch, status)
    return status


def _import_torch(status: RuntimeStatus):
    if not dependencies.torch_available():
        return None
    try:
        import torch
    except Exception as error:  # a broken install (missing DLL, wrong Python): report it, do not crash
        status.torch_error = tr("PyTorch is present but cannot be imported: {error}").format(error=error)
        return None
    return torch


def _inspect_torch(torch, status: RuntimeStatus) -> None:
    status.torch_version = str(torch.__version__)
    status.torch_location = os.path.dirname(getattr(torch, "__file__", "") or "")
    status.cuda_build = getattr(torch.version, "cuda", None)
    status.torch_threads = torch.get_num_threads()
    status.cuda_available = bool(torch.cuda.is_available())
    backend = getattr(torch.backends, "mps", None)
    status.mps_available = bool(backend is not None and backend.is_available())
    if status.cuda_available:
        for index in range(torch.cuda.device_count()):
            props = torch.cuda.get_device_properties(index)
            status.gpus.append(GpuInfo(props.name, int(props.total_memory), f"{props.major}.{props.minor}"))

    from ..core.device import select_device

    status.auto_device = select_device("auto").description
    if status.cuda_available:
        status.auto_reason = tr("CUDA is available, so 'auto' uses the first NVIDIA GPU.")
    elif status.mps_available:
        status.auto_reason = tr("No CUDA GPU; the Apple GPU (MPS) is available, so 'auto' uses it.")
    elif status.nvidia_driver and status.cuda_build is None:
        status.auto_reason = tr("An NVIDIA GPU is present, but this PyTorch is a CPU-only build, so 'auto' "
                                "uses the CPU. Install the CUDA build to use the GPU.")
    elif status.nvidia_driver:
        status.auto_reason = tr("An NVIDIA driver is present, but PyTorch (CUDA {cuda}) cannot use it (driver "
                                "too old or GPU unsupported), so 'auto' uses the CPU.").format(cuda=status.cuda_build)
    else:
        status.auto_reason = tr("No GPU usable by PyTorch was found, so 'auto' uses the CPU.")
    if status.nvidia_driver and status.cuda_build is None and sys.platform != "darwin":
        status.install_recommended = True
        status.install_reason = tr("An NVIDIA GPU is present, but the installed PyTorch is a CPU-only build.")


def status_rows(status: RuntimeStatus) -> list[tuple[str, str]]:
    """The status as (label, value) rows, for the dialog and for copying into a bug report."""
    yes, no = tr("yes"), tr("no")
    rows = [
        (tr("PyTorch"), status.torch_version or tr("not installed")),
    ]
    if status.torch_location:
        rows.append((tr("PyTorch location"), status.torch_location))
    if status.torch_installed:
        rows += [
            (tr("CUDA build"), status.cuda_build or tr("none (CPU-only build)")),
            (tr("CUDA available"), yes if status.cuda_available else no),
            (tr("Apple GPU (MPS) available"), yes if status.mps_available else no),
        ]
    for index, gpu in enumerate(status.gpus):
        rows.append((tr("GPU {index}").format(index=index),
                     tr("{name}, {memory:.1f} GiB, compute capability {capability}").format(
                         name=gpu.name, memory=gpu.memory_bytes / 2**30, capability=gpu.capability)))
    rows.append((tr("NVIDIA driver detected"), yes if status.nvidia_driver else no))
    rows.append((tr("CPU threads"), tr("{threads} used by PyTorch, {cores} logical CPUs").format(
        threads=status.torch_threads if status.torch_threads is not None else "–",
        cores=status.cpu_count or "?")))
    rows += [
        (tr("Device for 'auto'"), status.auto_device),
        (tr("Why"), status.auto_reason),
        (tr("Dask (only for Detect changes over many pairs)"), status.dask_version or tr(
            "not installed; to install it: {command}").format(command=dependencies.dask_install_command())),
        (tr("Python"), status.python_version),
        (tr("Python interpreter for pip"), status.python_interpreter or tr("not found")),
        (tr("Plugin's dependency folder"), status.dependency_folder),
    ]
    return rows


def status_text(status: RuntimeStatus) -> str:
    return "\n".join(f"{label}: {value}" for label, value in status_rows(status))
