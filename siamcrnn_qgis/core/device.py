"""Choosing the compute device ('auto' = CUDA, then Apple MPS, then CPU) and describing it to users."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .errors import DeviceError

DEVICE_CHOICES = ("auto", "cuda", "mps", "cpu")


@dataclass
class DeviceInfo:
    """The torch device to run on, its kind ('cuda', 'mps' or 'cpu') and a sentence for the log."""

    device: torch.device
    kind: str
    description: str


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


def describe_device(device: torch.device) -> str:
    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        props = torch.cuda.get_device_properties(index)
        memory = props.total_memory / 2**30
        return f"Running on {props.name} (CUDA {torch.version.cuda}, {memory:.1f} GiB)"
    if device.type == "mps":
        return "Running on Apple GPU (MPS)"
    return f"Running on CPU, {torch.get_num_threads()} threads"


def select_device(requested: str = "auto") -> DeviceInfo:
    """The device to use. Asking for one that is not there is an error, not a silent fallback to CPU,
    so a user who chose a GPU learns it was not used."""
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
    return DeviceInfo(device=device, kind=kind, description=describe_device(device))


def as_device_info(device: str | DeviceInfo) -> DeviceInfo:
    return device if isinstance(device, DeviceInfo) else select_device(device)
