"""Choosing the compute device ('auto' = CUDA, then Apple MPS, then CPU) and its arithmetic precision, and
describing both to users."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import torch

from .errors import DeviceError
from .options import DEVICE_CHOICES, PRECISION_CHOICES

# DEVICE_CHOICES and PRECISION_CHOICES live in ``options`` (no torch there). PRECISION 'auto': bfloat16
# autocast on CUDA GPUs that support it, float32 elsewhere, so CPU results stay those of the float32
# network. 'bfloat16': also on the CPU; on this project's AMX CPU detection ran two to three times faster
# than in float32, probabilities moved by up to 0.047 and 0.01–0.14 % of the test pixels changed class on
# the real data sets. 'float32': float32 everywhere.


@dataclass
class DeviceInfo:
    """The torch device to run on, its kind ('cuda', 'mps' or 'cpu'), a sentence for the log, and whether
    the networks run under bfloat16 autocast there."""

    device: torch.device
    kind: str
    description: str
    bfloat16: bool = False

    def autocast(self) -> contextlib.AbstractContextManager:
        """The autocast context for this device's precision (a no-op in float32)."""
        if not self.bfloat16:
            return contextlib.nullcontext()
        return torch.autocast(device_type=self.kind, dtype=torch.bfloat16)


def _mps_available() -> bool:
    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def available_devices() -> list[str]:
    """Kinds usable on this machine, best first; 'cpu' is always there."""
    kinds = []
    if torch.cuda.is_available():
        kinds.append("cuda")
    if _mps_available():
        kinds.append("mps")
    kinds.append("cpu")
    return kinds


def cpu_has_amx() -> bool:
    """Whether this CPU has Intel AMX tiles, on which bfloat16 detection ran two to three times faster
    than float32 (on CPUs without it bfloat16 is likely slower)."""
    probe = getattr(getattr(torch, "cpu", None), "_is_amx_tile_supported", None)
    try:
        return bool(probe is not None and probe())
    except (RuntimeError, AttributeError):
        return False


def uses_bfloat16(device: torch.device, precision: str) -> bool:
    """Whether detection on ``device`` runs under bfloat16 autocast for the given precision choice."""
    if precision == "float32" or device.type not in ("cuda", "cpu"):
        return False
    if device.type == "cuda":
        return bool(torch.cuda.is_bf16_supported())
    return precision == "bfloat16"


def describe_device(device: torch.device) -> str:
    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        props = torch.cuda.get_device_properties(index)
        memory = props.total_memory / 2**30
        return f"Running on {props.name} (CUDA {torch.version.cuda}, {memory:.1f} GiB)"
    if device.type == "mps":
        return "Running on Apple GPU (MPS)"
    return f"Running on CPU, {torch.get_num_threads()} threads"


def select_device(requested: str = "auto", precision: str = "auto") -> DeviceInfo:
    """The device to use. Asking for one that is not there is an error, not a silent fallback to CPU,
    so a user who chose a GPU learns it was not used. ``precision`` is one of :data:`PRECISION_CHOICES`."""
    if precision not in PRECISION_CHOICES:
        raise DeviceError(f"unknown precision {precision!r}; use one of {', '.join(PRECISION_CHOICES)}")
    name = (requested or "auto").strip().lower()
    available = available_devices()
    if name == "auto":
        kind = available[0]
        device = torch.device(kind)
    else:
        kind = name.split(":", 1)[0]
        if kind not in DEVICE_CHOICES:
            raise DeviceError(f"unknown device {requested!r}; use one of {', '.join(DEVICE_CHOICES)}")
        if kind not in available:
            raise DeviceError(f"device {requested!r} is not available on this machine; available: "
                              f"{', '.join(available)} (or 'auto')")
        try:
            device = torch.device(name)
        except RuntimeError as error:
            raise DeviceError(f"device {requested!r} is not valid: {error}") from None
        if kind == "cuda" and device.index is not None and device.index >= torch.cuda.device_count():
            raise DeviceError(f"device {requested!r} does not exist; this machine has "
                              f"{torch.cuda.device_count()} CUDA device(s), cuda:0 to "
                              f"cuda:{torch.cuda.device_count() - 1}")
    bfloat16 = uses_bfloat16(device, precision)
    description = describe_device(device)
    if bfloat16:
        description += ", bfloat16" if kind != "cpu" or cpu_has_amx() else (
            ", bfloat16 (this CPU has no AMX: likely slower than float32)")
    return DeviceInfo(device=device, kind=kind, description=description, bfloat16=bfloat16)


def training_device(requested: str = "auto", precision: str = "auto", bfloat16_by_default: bool = True
                    ) -> DeviceInfo:
    """The device for training. Precision 'auto' trains under bfloat16 autocast on CUDA GPUs that support
    it when the architecture says so (``bfloat16_by_default``; the fcn network does, the small patch
    network trains in float32), and in float32 elsewhere; 'bfloat16' and 'float32' apply to every
    architecture. On this project's AMX CPU, bfloat16 trained the fcn network two to four times faster per
    epoch, with kappas within the spread of float32 runs (higher on two data sets, lower on one)."""
    if precision == "auto" and not bfloat16_by_default:
        precision = "float32"
    return select_device(requested, precision)


def as_device_info(device: str | DeviceInfo) -> DeviceInfo:
    return device if isinstance(device, DeviceInfo) else select_device(device)
