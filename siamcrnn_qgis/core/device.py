"""Choosing the compute device ('auto' = CUDA, then Apple MPS, then CPU) and its arithmetic precision, and
describing both to users."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import torch

from .errors import DeviceError
from .options import DEVICE_CHOICES, PRECISION_CHOICES

# DEVICE_CHOICES and PRECISION_CHOICES live in ``options`` (no torch there). PRECISION 'auto': bfloat16
# autocast on CUDA GPUs that support it, float32 elsewhere, so CPU results stay those of the float32
# network. 'bfloat16': also on the CPU, which pays off on CPUs with native bfloat16 arithmetic (see
# :func:`cpu_bfloat16`): detection ran two to three times faster than float32 on an Intel Xeon with AMX
# and 1.84× (fcn) / 1.91× (patch) faster on an AMD EPYC with AVX-512 BF16; where bfloat16 is emulated it
# is likely slower. Probabilities moved by up to 0.047 and 0.01–0.14 % of the test pixels changed class
# on the real data sets. 'float32': float32 everywhere.

#: What bfloat16 on the CPU changed, measured: detection in bfloat16 against float32 with six trained models.
BFLOAT16_EFFECT = ("in detection with six trained models bfloat16 moved kappa by at most 0.0012 and probabilities "
                   "by at most 0.047, and 0.01–0.14 % of the pixels changed class")

#: How much faster bfloat16 detection ran than float32, per kind of native support (measured: Intel Xeon
#: with AMX, 2 cores: 2.3–2.4×; AMD EPYC with AVX-512 BF16, 2 cores: fcn 1.84×, patch 1.91×).
_BFLOAT16_SPEED = {"amx": "two to three times as fast as float32 on such CPUs",
                   "avx512_bf16": "about twice as fast as float32 on such CPUs"}


@dataclass(frozen=True)
class CpuBfloat16:
    """Whether this CPU computes bfloat16 natively: ``kind`` is 'amx' (Intel AMX tiles, Sapphire Rapids and
    later), 'avx512_bf16' (AVX-512 BF16 instructions: AMD Zen 4 and later, Intel Cooper Lake) or None
    (bfloat16 is emulated in float32 arithmetic, or nothing could tell). ``source`` says who answered:
    'torch' (its CPU capability probe), 'cpuinfo' (the Linux kernel's /proc/cpuinfo flags) or None."""

    kind: str | None = None
    source: str | None = None

    @property
    def native(self) -> bool:
        return self.kind is not None

    @property
    def label(self) -> str | None:
        """'AMX', 'AVX-512 BF16' or None, for the log."""
        return {"amx": "AMX", "avx512_bf16": "AVX-512 BF16"}.get(self.kind or "")


#: The CPU features that make bfloat16 native, best first, with the CpuBfloat16 kind each gives.
_BF16_FEATURES = (("amx_bf16", "amx"), ("avx512_bf16", "avx512_bf16"))


def _torch_cpu_features() -> dict[str, bool]:
    """What PyTorch's own CPU probe (cpuinfo: CPUID and the OS's register support) says about each feature
    of :data:`_BF16_FEATURES`; a feature it cannot tell is left out. ``torch.cpu.get_capabilities()``
    (torch ≥ 2.10) knows both; older versions have ``_is_amx_tile_supported`` and
    ``_is_avx512_bf16_supported``. (``torch.ops.mkldnn._is_mkldnn_bf16_supported()`` is no help: it is
    also true on AVX-512 CPUs that only emulate bfloat16.)"""
    cpu = getattr(torch, "cpu", None)
    features: dict[str, bool] = {}
    capabilities = getattr(cpu, "get_capabilities", None)
    if capabilities is not None:
        try:
            known = capabilities()
            features = {name: bool(known[name]) for name, _ in _BF16_FEATURES if name in known}
        except Exception:  # noqa: BLE001 (a private probe: any failure means "cannot tell")
            features = {}
    for name, probe_name in (("amx_bf16", "_is_amx_tile_supported"), ("avx512_bf16", "_is_avx512_bf16_supported")):
        probe = getattr(cpu, probe_name, None)
        if name in features or probe is None:
            continue
        try:
            features[name] = bool(probe())
        except Exception:  # noqa: BLE001
            continue
    return features


def _cpuinfo_flags(path: str | os.PathLike = "/proc/cpuinfo") -> set[str] | None:
    """The CPU flags the Linux kernel lists (first 'flags' line); None where there is no such file."""
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            for line in handle:
                key, _, value = line.partition(":")
                if key.strip() == "flags":
                    return set(value.split())
    except OSError:
        return None
    return None


def detect_cpu_bfloat16(torch_features: Callable[[], dict[str, bool]] = _torch_cpu_features,
                        cpuinfo: Callable[[], set[str] | None] = _cpuinfo_flags) -> CpuBfloat16:
    """Native bfloat16 arithmetic of this CPU, asking PyTorch first and /proc/cpuinfo for what it cannot
    tell (both injectable, for tests)."""
    features = torch_features()
    for name, kind in _BF16_FEATURES:
        if features.get(name):
            return CpuBfloat16(kind, "torch")
    if all(name in features for name, _ in _BF16_FEATURES):
        return CpuBfloat16(None, "torch")
    flags = cpuinfo()
    if flags is None:
        return CpuBfloat16(None, "torch" if features else None)
    for name, kind in _BF16_FEATURES:
        if name not in features and name in flags:
            return CpuBfloat16(kind, "cpuinfo")
    return CpuBfloat16(None, "cpuinfo")


@lru_cache(maxsize=1)
def cpu_bfloat16() -> CpuBfloat16:
    """:func:`detect_cpu_bfloat16` for this machine, asked once."""
    return detect_cpu_bfloat16()


@dataclass
class DeviceInfo:
    """The torch device to run on, its kind ('cuda', 'mps' or 'cpu'), a sentence for the log, whether the
    networks run under bfloat16 autocast there, and a hint for the log ('' when there is none: see
    :func:`precision_hint`)."""

    device: torch.device
    kind: str
    description: str
    bfloat16: bool = False
    hint: str = ""

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
        description += ", bfloat16" if kind != "cpu" else _cpu_bfloat16_words(cpu_bfloat16())
    info = DeviceInfo(device=device, kind=kind, description=description, bfloat16=bfloat16)
    info.hint = precision_hint(info, precision)
    return info


def _cpu_bfloat16_words(support: CpuBfloat16) -> str:
    if support.native:
        return f", bfloat16 (native on this CPU: {support.label})"
    return (", bfloat16 (not native on this CPU, which has neither AMX nor AVX-512 BF16: emulated, likely "
            "slower than float32)")


def precision_hint(info: DeviceInfo, precision: str, support: CpuBfloat16 | None = None) -> str:
    """A line for the log when the CPU computes bfloat16 natively but float32 was chosen (or 'auto', which
    is float32 on the CPU): how much faster bfloat16 would be and how much results move. '' otherwise."""
    if info.kind != "cpu" or info.bfloat16 or precision not in ("auto", "float32"):
        return ""
    support = support or cpu_bfloat16()
    if not support.native:
        return ""
    speed = _BFLOAT16_SPEED.get(support.kind or "", "about twice as fast as float32")
    return (f"This CPU computes bfloat16 natively ({support.label}): with PRECISION=bfloat16 detection runs "
            f"{speed}; {BFLOAT16_EFFECT}.")


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
