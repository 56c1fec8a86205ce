"""SiamCRNN model files: the safetensors layout (8-byte little-endian header length, a JSON header,
raw little-endian tensor bytes) with our metadata as JSON under one ``__metadata__`` key.

Written and read here without pickle or ``torch.load``, so opening any file can never run code.
"""

from __future__ import annotations

import json
import math
import os
import secrets
import struct
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch import nn

from .architectures import get_architecture
from .errors import InputError, ModelFileError
from .normalisation import BandStatistics

FORMAT_VERSION = 1
METADATA_KEY = "siamcrnn"
#: Our headers are a few tens of kilobytes; anything far larger is not one of our files.
MAX_HEADER_BYTES = 64 * 2**20

_DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
    "BOOL": torch.bool,
}
_DTYPE_NAMES = {dtype: name for name, dtype in _DTYPES.items()}
_PICKLE_HINT = ("this looks like a pickle/PyTorch checkpoint; SiamCRNN only loads its own .safetensors "
                "model files, never pickles")


@dataclass
class ModelMetadata:
    """Everything needed to rebuild, check and document a trained model; stored in the file header."""

    architecture: str
    bands_t1: int
    bands_t2: int
    band_names_t1: list[str]
    band_names_t2: list[str]
    shared: bool
    stats_t1: BandStatistics
    stats_t2: BandStatistics
    hyperparameters: dict = field(default_factory=dict)
    provenance: dict = field(default_factory=dict)
    format_version: int = FORMAT_VERSION
    #: Detect's default decision threshold: chosen on the validation regions when the model was trained
    #: (core/thresholds.py); 0.5 in files made before the plugin chose one.
    threshold: float = 0.5

    def to_dict(self) -> dict:
        data = asdict(self)
        data["stats_t1"] = self.stats_t1.to_dict()
        data["stats_t2"] = self.stats_t2.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ModelMetadata:
        """Metadata from its JSON form; ModelFileError naming what is missing or malformed."""
        if not isinstance(data, dict):
            raise ModelFileError("the model file's SiamCRNN metadata is not a JSON object; the file is damaged")
        version = data.get("format_version")
        if not isinstance(version, int):
            raise ModelFileError("the model file's metadata has no format version; the file is damaged")
        if version > FORMAT_VERSION:
            raise ModelFileError(f"this model file was made by a newer version of the plugin (model format "
                                 f"{version}, this plugin reads up to {FORMAT_VERSION}); update the plugin")
        threshold = data.get("threshold", 0.5)
        if not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
            raise ModelFileError(f"the model file's decision threshold {threshold!r} is not between 0 and 1; the "
                                 "file is damaged")
        try:
            return cls(
                architecture=str(data["architecture"]),
                format_version=version,
                hyperparameters=dict(data.get("hyperparameters", {})),
                bands_t1=int(data["bands_t1"]),
                bands_t2=int(data["bands_t2"]),
                band_names_t1=[str(n) for n in data["band_names_t1"]],
                band_names_t2=[str(n) for n in data["band_names_t2"]],
                shared=bool(data["shared"]),
                stats_t1=BandStatistics.from_dict(data["stats_t1"]),
                stats_t2=BandStatistics.from_dict(data["stats_t2"]),
                provenance=dict(data.get("provenance", {})),
                threshold=float(data.get("threshold", 0.5)),
            )
        except KeyError as error:
            raise ModelFileError(f"the model file's metadata lacks {error.args[0]!r}; the file is damaged") from None
        except (TypeError, ValueError) as error:
            raise ModelFileError(f"the model file's metadata is malformed ({error}); the file is damaged") from None


def save_model(path: str | os.PathLike, model: nn.Module, metadata: ModelMetadata) -> None:
    """Write weights and metadata to ``path`` atomically (temporary file in the same folder, then rename)."""
    path = Path(path)
    tensors = {name: tensor.detach().to("cpu").contiguous() for name, tensor in model.state_dict().items()}
    header: dict = {"__metadata__": {"format": "pt", METADATA_KEY: json.dumps(metadata.to_dict())}}
    offset = 0
    for name in sorted(tensors):
        tensor = tensors[name]
        if tensor.dtype not in _DTYPE_NAMES:
            raise InputError(f"cannot save tensor {name!r} of type {tensor.dtype}")
        size = tensor.numel() * tensor.element_size()
        header[name] = {"dtype": _DTYPE_NAMES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + size]}
        offset += size
    header_bytes = json.dumps(header, separators=(",", ":")).encode("utf-8")
    header_bytes += b" " * (-len(header_bytes) % 8)
    descriptor, temporary = _create_temporary(path)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(struct.pack("<Q", len(header_bytes)))
            handle.write(header_bytes)
            for name in sorted(tensors):
                handle.write(_tensor_bytes(tensors[name]))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new hidden file beside ``path``, opened for writing, whose permissions follow the umask like every
    other output (mode 0o666 less the umask, which ``os.open`` applies itself; ``tempfile.mkstemp`` would
    make it 0o600, private to its owner). O_EXCL: never an existing file, nor one another writer made."""
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temporary, flags, 0o666), str(temporary)
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file beside {path}")


def _tensor_bytes(tensor: torch.Tensor) -> bytes:
    # flattened first: a channels_last 1×1 kernel counts as contiguous yet its last stride is not 1
    raw = tensor.reshape(-1).view(torch.uint8) if tensor.dtype != torch.bool else tensor.to(torch.uint8)
    data = raw.numpy().tobytes()
    if sys.byteorder == "big" and tensor.element_size() > 1:
        data = np.frombuffer(data, dtype=f">u{tensor.element_size()}").astype(f"<u{tensor.element_size()}").tobytes()
    return data


def _read_header(handle, path: Path, file_size: int) -> tuple[dict, int]:
    """The JSON header and where the tensor data starts, checking sizes before reading anything large."""
    head = handle.read(8)
    if head[:2] in (b"\x80\x02", b"\x80\x03", b"\x80\x04", b"\x80\x05") or head[:4] == b"PK\x03\x04":
        raise ModelFileError(f"{path.name}: {_PICKLE_HINT}")
    if len(head) < 8:
        raise ModelFileError(f"{path.name} is not a SiamCRNN model file (only {file_size} bytes; the file is "
                             "empty or truncated)")
    (header_size,) = struct.unpack("<Q", head)
    if header_size < 2 or header_size > MAX_HEADER_BYTES:
        raise ModelFileError(f"{path.name} is not a SiamCRNN model file (its first bytes are not a "
                             "safetensors header)")
    raw = handle.read(min(header_size, file_size - 8))
    if not raw.lstrip().startswith(b"{"):
        raise ModelFileError(f"{path.name} is not a SiamCRNN model file (its header is not JSON)")
    if len(raw) < header_size:
        raise ModelFileError(f"{path.name} is truncated: its header says {header_size} bytes but the file "
                             f"has only {file_size - 8} after the length; copy or save the model again")
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ModelFileError(f"{path.name} is not a SiamCRNN model file (its header is not valid JSON)") from None
    if not isinstance(header, dict):
        raise ModelFileError(f"{path.name} is not a SiamCRNN model file (its header is not a JSON object)")
    return header, 8 + header_size


def _metadata_from_header(header: dict, path: Path) -> ModelMetadata:
    extra = header.get("__metadata__")
    if not isinstance(extra, dict) or METADATA_KEY not in extra:
        raise ModelFileError(f"{path.name} is a safetensors file but not a SiamCRNN model (it has no SiamCRNN "
                             "metadata); train a model with this plugin")
    try:
        data = json.loads(extra[METADATA_KEY])
    except (TypeError, json.JSONDecodeError):
        raise ModelFileError(f"{path.name}: the SiamCRNN metadata is not valid JSON; the file is damaged") from None
    metadata = ModelMetadata.from_dict(data)
    try:
        get_architecture(metadata.architecture)
    except InputError:
        raise ModelFileError(f"{path.name} holds a {metadata.architecture!r} network, which this version of "
                             "the plugin does not know; update the plugin") from None
    return metadata


def _open_checked(path: str | os.PathLike) -> tuple[Path, int]:
    path = Path(path)
    if not path.is_file():
        raise ModelFileError(f"model file not found: {path}")
    return path, path.stat().st_size


def read_metadata(path: str | os.PathLike) -> ModelMetadata:
    """The metadata of a model file, reading only its header."""
    path, file_size = _open_checked(path)
    with path.open("rb") as handle:
        header, _ = _read_header(handle, path, file_size)
    return _metadata_from_header(header, path)


def _whole_numbers(value, count: int | None = None) -> list[int] | None:
    """``value`` as a list of non-negative Python integers (JSON booleans and floats are not), or None."""
    if not isinstance(value, list) or (count is not None and len(value) != count):
        return None
    if not all(type(item) is int and item >= 0 for item in value):
        return None
    return value


def _read_tensors(handle, header: dict, data_start: int, file_size: int, path: Path) -> dict[str, torch.Tensor]:
    """Every tensor of the header, each checked in exact integer arithmetic before anything is allocated: its
    shape × element size equals its span, the span lies inside the file, and no two spans overlap."""
    entries = {name: entry for name, entry in header.items() if name != "__metadata__"}
    data_size = file_size - data_start
    spans = []
    for name, entry in entries.items():
        try:
            dtype = _DTYPES[entry["dtype"]]
            shape = _whole_numbers(entry["shape"])
            offsets = _whole_numbers(entry["data_offsets"], 2)
        except (KeyError, TypeError, ValueError):
            shape = offsets = None
        if shape is None or offsets is None:
            raise ModelFileError(f"{path.name}: the header entry of tensor {name!r} is malformed; the file is "
                                 "damaged")
        begin, end = offsets
        # math.prod over Python ints is exact (np.prod in int64 wraps: [2**32, 2**32] gave 0). No dimension
        # can exceed the file's byte count, which also keeps empty tensors' shapes within torch's int64.
        expected = math.prod(shape) * dtype.itemsize
        if max(shape, default=0) > file_size or begin > end or end - begin != expected:
            raise ModelFileError(f"{path.name}: tensor {name!r} has inconsistent size in the header; the file "
                                 "is damaged")
        if end > data_size:
            raise ModelFileError(f"{path.name} is truncated: tensor {name!r} should end at byte {data_start + end} "
                                 f"but the file has {file_size}; copy or save the model again")
        spans.append((begin, end, name, dtype, shape))
    previous_end, previous_name = 0, None
    for begin, end, name, _, _ in sorted(spans):
        if begin < end:
            if begin < previous_end:
                raise ModelFileError(f"{path.name}: tensors {previous_name!r} and {name!r} overlap in the file; "
                                     "the file is damaged")
            previous_end, previous_name = end, name
    tensors = {}
    for begin, end, name, dtype, shape in sorted(spans):
        handle.seek(data_start + begin)
        raw = bytearray(handle.read(end - begin))
        if sys.byteorder == "big" and len(raw) and dtype.itemsize > 1:
            raw = bytearray(np.frombuffer(raw, dtype=f"<u{dtype.itemsize}").astype(f">u{dtype.itemsize}").tobytes())
        if len(raw) == 0:
            tensor = torch.empty(shape, dtype=dtype)
        else:
            tensor = torch.frombuffer(raw, dtype=torch.uint8 if dtype == torch.bool else dtype)
            tensor = (tensor.to(torch.bool) if dtype == torch.bool else tensor).reshape(shape)
        tensors[name] = tensor
    return tensors


def load_model(path: str | os.PathLike, device: str | torch.device = "cpu") -> tuple[nn.Module, ModelMetadata]:
    """The network a model file holds, with its weights loaded strictly, in eval mode on ``device``."""
    path, file_size = _open_checked(path)
    with path.open("rb") as handle:
        header, data_start = _read_header(handle, path, file_size)
        metadata = _metadata_from_header(header, path)
        tensors = _read_tensors(handle, header, data_start, file_size, path)
    architecture = get_architecture(metadata.architecture)
    try:
        # first without memory (meta tensors): metadata asking for 40 million bands must not allocate 25 GB
        # before its weights are found not to match the file's
        with torch.device("meta"):
            expected = architecture.build_model(metadata.bands_t1, metadata.bands_t2, metadata.shared,
                                                metadata.hyperparameters).state_dict()
    except InputError as error:
        raise ModelFileError(f"{path.name}: the metadata describes a network that cannot be built ({error})") from None
    missing = sorted(set(expected) - set(tensors))
    extra = sorted(set(tensors) - set(expected))
    wrong = sorted(name for name in set(expected) & set(tensors) if expected[name].shape != tensors[name].shape)
    problems = []
    if missing:
        problems.append(f"missing weights {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
    if extra:
        problems.append(f"unexpected weights {', '.join(extra[:5])}{' …' if len(extra) > 5 else ''}")
    for name in wrong[:5]:
        problems.append(f"{name} has shape {list(tensors[name].shape)} but the metadata's network needs "
                        f"{list(expected[name].shape)}")
    if problems:
        raise ModelFileError(f"{path.name}: the weights do not match the network its metadata describes "
                             f"({'; '.join(problems)}); the file is damaged or was edited")
    model = architecture.build_model(metadata.bands_t1, metadata.bands_t2, metadata.shared, metadata.hyperparameters)
    model.load_state_dict({name: tensors[name].to(expected[name].dtype) for name in expected}, strict=True)
    model.eval()
    return model.to(device), metadata
