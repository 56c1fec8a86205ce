"""Model files: round trip, metadata, and every kind of bad file named in the error."""

from __future__ import annotations

import json
import os
import pickle
import struct

import numpy as np
import pytest
import torch

from siamcrnn_qgis.core.errors import ModelFileError
from siamcrnn_qgis.core.modelfile import FORMAT_VERSION, load_model, read_metadata, save_model
from siamcrnn_qgis.core.patch.model import PatchSiamCRNN

from .helpers import make_model


@pytest.fixture()
def saved(tmp_path):
    model, metadata = make_model(2, 3, shared=False, seed=3)
    path = tmp_path / "model.safetensors"
    save_model(path, model, metadata)
    return path, model, metadata


def _header(path):
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    return json.loads(raw[8:8 + size]), raw[8 + size:]


def _write(path, header: dict, data: bytes) -> None:
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + data)


def test_round_trip_gives_identical_outputs(saved):
    path, model, metadata = saved
    loaded, loaded_metadata = load_model(path)
    assert loaded_metadata == metadata
    assert not loaded.training
    x1, x2 = torch.randn(11, 2, 5, 5), torch.randn(11, 3, 5, 5)
    with torch.inference_mode():
        assert torch.equal(model(x1, x2), loaded(x1, x2))


def test_shared_and_channels_last_models_round_trip(tmp_path):
    model, metadata = make_model(4, 4, shared=True)
    model = model.to(memory_format=torch.channels_last)
    save_model(tmp_path / "m.safetensors", model, metadata)
    loaded, _ = load_model(tmp_path / "m.safetensors")
    for name, tensor in model.state_dict().items():
        assert torch.equal(tensor, loaded.state_dict()[name]), name
    x = torch.randn(3, 4, 5, 5).contiguous(memory_format=torch.channels_last)
    with torch.inference_mode():
        assert torch.equal(model(x, x), loaded.to(memory_format=torch.channels_last)(x, x))


def test_file_is_safetensors_with_our_metadata(saved):
    path, model, metadata = saved
    header, data = _header(path)
    assert header["__metadata__"]["format"] == "pt"
    stored = json.loads(header["__metadata__"]["siamcrnn"])
    assert stored["format_version"] == FORMAT_VERSION and stored["architecture"] == "patch"
    entry = header["lstm1.weight_ih_l0"]
    assert entry["dtype"] == "F32" and entry["shape"] == [512, 64]
    begin, end = entry["data_offsets"]
    values = np.frombuffer(data[begin:end], dtype="<f4").reshape(512, 64)
    np.testing.assert_array_equal(values, model.lstm1.weight_ih_l0.detach().numpy())
    assert read_metadata(path) == metadata


def test_save_is_atomic(tmp_path, monkeypatch):
    model, metadata = make_model()
    path = tmp_path / "model.safetensors"
    path.write_bytes(b"previous")

    def fail(*args):
        raise OSError("disk full")

    monkeypatch.setattr("siamcrnn_qgis.core.modelfile.os.fsync", fail)
    with pytest.raises(OSError):
        save_model(path, model, metadata)
    assert path.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["model.safetensors"]


def test_missing_file(tmp_path):
    with pytest.raises(ModelFileError, match="not found"):
        load_model(tmp_path / "nothing.safetensors")


def test_truncated_file(saved):
    path = saved[0]
    raw = path.read_bytes()
    path.write_bytes(raw[:-100])
    with pytest.raises(ModelFileError, match="truncated"):
        load_model(path)
    path.write_bytes(raw[:40])
    with pytest.raises(ModelFileError, match="truncated"):
        load_model(path)


@pytest.mark.parametrize(
    "content", [b"", b"abc", b"GIF89a this is an image, not a model", b"\x10\0\0\0\0\0\0\0not json!!!!!!!!"]
)
def test_not_a_model_file(tmp_path, content):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(content)
    with pytest.raises(ModelFileError, match="not a SiamCRNN model file"):
        load_model(path)


def test_plain_safetensors_without_our_metadata(tmp_path):
    path = tmp_path / "other.safetensors"
    _write(path, {"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}, b"\0\0\0\0")
    with pytest.raises(ModelFileError, match="not a SiamCRNN model"):
        load_model(path)


def test_torch_checkpoint_is_refused(tmp_path):
    path = tmp_path / "model.pt"
    torch.save(PatchSiamCRNN(1, 1, True).state_dict(), path)
    with pytest.raises(ModelFileError, match="pickle/PyTorch checkpoint"):
        load_model(path)


class _Trap:
    """Unpickling this writes a sentinel file: it proves whether a loader unpickles."""

    def __init__(self, sentinel):
        self.sentinel = str(sentinel)

    def __reduce__(self):
        return (open, (self.sentinel, "w"))


def test_malicious_pickle_never_runs(tmp_path):
    sentinel = tmp_path / "pwned"
    path = tmp_path / "evil.safetensors"
    path.write_bytes(pickle.dumps(_Trap(sentinel), protocol=4))
    with pytest.raises(ModelFileError, match="never pickles"):
        load_model(path)
    with pytest.raises(ModelFileError):
        read_metadata(path)
    assert not sentinel.exists()
    pickle.loads(path.read_bytes()).close()  # the trap works: unpickling does create the file
    assert sentinel.exists()


def _edit_metadata(path, **changes):
    header, data = _header(path)
    stored = json.loads(header["__metadata__"]["siamcrnn"])
    stored.update(changes)
    header["__metadata__"]["siamcrnn"] = json.dumps(stored)
    _write(path, header, data)


def test_newer_format_version(saved):
    path = saved[0]
    _edit_metadata(path, format_version=FORMAT_VERSION + 1)
    with pytest.raises(ModelFileError, match="newer version of the plugin"):
        load_model(path)


def test_the_decision_threshold_round_trips_and_older_files_read_as_one_half(saved, tmp_path):
    path, model, metadata = saved
    assert read_metadata(path).threshold == 0.5  # made without a threshold choice
    metadata.threshold = 0.8125
    save_model(tmp_path / "with.safetensors", model, metadata)
    assert read_metadata(tmp_path / "with.safetensors").threshold == 0.8125
    header, data = _header(tmp_path / "with.safetensors")
    stored = json.loads(header["__metadata__"]["siamcrnn"])
    del stored["threshold"]  # as in files written by version 0.1
    header["__metadata__"]["siamcrnn"] = json.dumps(stored)
    _write(tmp_path / "old.safetensors", header, data)
    assert read_metadata(tmp_path / "old.safetensors").threshold == 0.5


@pytest.mark.parametrize("value", [0, 1, 1.7, -0.2, "high", None])
def test_a_threshold_outside_zero_to_one_is_refused(saved, value):
    path = saved[0]
    _edit_metadata(path, threshold=value)
    with pytest.raises(ModelFileError, match="decision threshold .* is not between 0 and 1"):
        read_metadata(path)


def test_unknown_architecture(saved):
    path = saved[0]
    _edit_metadata(path, architecture="transformer")
    with pytest.raises(ModelFileError, match="'transformer' network"):
        read_metadata(path)


def test_weights_do_not_match_metadata(saved):
    path = saved[0]
    _edit_metadata(path, bands_t1=5)
    with pytest.raises(ModelFileError, match=r"branches\.0\.layers\.0\.weight has shape \[16, 2, 3, 3\]"):
        load_model(path)


def test_missing_and_extra_weights(saved):
    path = saved[0]
    header, data = _header(path)
    header["surplus"] = header.pop("out.bias")
    _write(path, header, data)
    with pytest.raises(ModelFileError, match="missing weights out.bias.*unexpected weights surplus"):
        load_model(path)


def test_header_sizes_are_checked_before_allocating(saved):
    path = saved[0]
    header, data = _header(path)
    header["out.weight"]["shape"] = [100000, 100000]
    _write(path, header, data)
    with pytest.raises(ModelFileError, match="inconsistent size"):
        load_model(path)
    header["out.weight"]["shape"] = [1, 32]
    header["out.weight"]["data_offsets"] = [10**12, 10**12 + 128]
    _write(path, header, data)
    with pytest.raises(ModelFileError, match="truncated"):
        load_model(path)


@pytest.mark.parametrize(("shape", "offsets"), [
    ([2**32, 2**32], [0, 0]),  # 2**64 elements: np.prod(dtype=int64) wrapped to 0, matching an empty span
    ([2**62, 4], [0, 0]),  # 2**64 bytes in float32: wrapped to 0 as well
    ([2**31, 2**31, 4], [0, 0]),
    ([0, 2**40], [0, 0]),  # no element, yet a dimension no file of this size can describe
    ([True, 32], [0, 128]),  # JSON booleans are not dimensions
    ([1.0, 32], [0, 128]),
    (["1", 32], [0, 128]),
    ([1, -32], [0, 128]),
    ([1, 32], [128, 0]),
    ([1, 32], [0.0, 128]),
    ([1, 32], [-128, 0]),
    ([1, 32], [2**64, 2**64 + 128]),
    ([1, 32], [0, 128, 256]),
    ("32", [0, 128]),
    ([1] * 100, [0, 4]),
])
def test_sizes_are_exact_and_bounded_by_the_file(saved, shape, offsets):
    """Every tensor's header is checked with exact integers against its bytes and the file before anything
    is allocated; a header that would overflow 64-bit arithmetic is a damaged file, not a huge tensor."""
    path = saved[0]
    header, data = _header(path)
    header["out.weight"]["shape"] = shape
    header["out.weight"]["data_offsets"] = offsets
    _write(path, header, data)
    with pytest.raises(ModelFileError, match="out.weight"):
        load_model(path)


def test_overlapping_tensors_are_refused(saved):
    path = saved[0]
    header, data = _header(path)
    header["out.bias"]["data_offsets"] = list(header["out.weight"]["data_offsets"])
    header["out.bias"]["data_offsets"][1] = header["out.bias"]["data_offsets"][0] + 4
    _write(path, header, data)
    with pytest.raises(ModelFileError, match="overlap"):
        load_model(path)


def test_metadata_asking_for_a_huge_network_is_refused_without_building_it(saved):
    """A billion bands would need 576 GB for the first convolution alone: the network is sized on the meta
    device and compared with the file's weights before any memory is allocated for it (hypothesis found
    bands_t1=43889439, which tried to allocate 25 GB)."""
    path = saved[0]
    header, data = _header(path)
    metadata = json.loads(header["__metadata__"]["siamcrnn"])
    metadata["bands_t1"] = 10**9
    header["__metadata__"]["siamcrnn"] = json.dumps(metadata)
    _write(path, header, data)
    with pytest.raises(ModelFileError, match="do not match the network"):
        load_model(path)


@pytest.mark.skipif(os.name == "nt", reason="no umask permission bits on Windows")
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_saved_model_follows_the_umask(tmp_path, umask, expected):
    """Like every other output, not 0o600 (what tempfile.mkstemp gave it), so a shared folder's group can
    read the model; replacing an existing file does not keep the old one's mode."""
    model, metadata = make_model()
    path = tmp_path / "model.safetensors"
    path.write_bytes(b"previous")
    path.chmod(0o600)
    previous = os.umask(umask)
    try:
        save_model(path, model, metadata)
    finally:
        os.umask(previous)
    assert oct(path.stat().st_mode & 0o777) == oct(expected)
    assert [p.name for p in tmp_path.iterdir()] == ["model.safetensors"]
    assert read_metadata(path) == metadata
