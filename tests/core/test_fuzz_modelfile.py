"""Fuzzing the model loader: random bytes, random headers and mutated real files give a ModelFileError
(with a sentence) and nothing else — no other exception, no crash, no hang, no code run."""

from __future__ import annotations

import json
import struct
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from siamcrnn_qgis.core.errors import ModelFileError
from siamcrnn_qgis.core.modelfile import load_model, save_model

from .helpers import make_model

FUZZ = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def real_model(tmp_path_factory) -> bytes:
    model, metadata = make_model(1, 2, shared=False)
    path = tmp_path_factory.mktemp("fuzz") / "model.safetensors"
    save_model(path, model, metadata)
    return path.read_bytes()


def load_bytes(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.safetensors"
        path.write_bytes(content)
        try:
            load_model(path)
        except ModelFileError as error:
            assert str(error).strip()


def split(content: bytes) -> tuple[dict, bytes]:
    (size,) = struct.unpack("<Q", content[:8])
    return json.loads(content[8:8 + size]), content[8 + size:]


def join(header: dict, data: bytes) -> bytes:
    text = json.dumps(header).encode()
    return struct.pack("<Q", len(text)) + text + data


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes(content):
    load_bytes(content)


@FUZZ
@given(st.binary(min_size=8, max_size=8), st.binary(max_size=512))
def test_random_header_length_and_body(length, body):
    load_bytes(length + body)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
METADATA_KEYS = ["architecture", "bands_t1", "bands_t2", "band_names_t1", "band_names_t2", "shared", "stats_t1",
                 "stats_t2", "hyperparameters", "format_version", "provenance"]


@FUZZ
@given(st.sampled_from(METADATA_KEYS), JSON)
def test_one_metadata_field_replaced(real_model, key, value):
    header, data = split(real_model)
    metadata = json.loads(header["__metadata__"]["siamcrnn"])
    metadata[key] = value
    header["__metadata__"]["siamcrnn"] = json.dumps(metadata)
    load_bytes(join(header, data))


@FUZZ
@given(st.data())
def test_one_tensor_entry_mutated(real_model, data):
    header, weights = split(real_model)
    name = data.draw(st.sampled_from(sorted(k for k in header if k != "__metadata__")))
    field = data.draw(st.sampled_from(["dtype", "shape", "data_offsets"]))
    header[name][field] = data.draw(JSON | st.lists(st.integers(-5, 10**12), max_size=5))
    load_bytes(join(header, weights))


#: Dimensions around the limits of fixed-width arithmetic: np.prod(shape, dtype=np.int64) wrapped for
#: [2**32, 2**32] (2**64 elements: 0) and [2**62, 4], so such headers matched an empty span.
EDGE_DIMENSIONS = st.sampled_from([0, 1, 2, 4, 32, 2**16, 2**31, 2**32, 2**62, 2**63, 2**64]) | st.integers(-1, 2**70)


@FUZZ
@example(shape=[2**32, 2**32], begin=0, length=0)
@example(shape=[2**62, 4], begin=0, length=0)
@example(shape=[2**31, 2**31, 4], begin=0, length=0)
@example(shape=[2**63], begin=0, length=0)
@example(shape=[0, 2**64], begin=0, length=0)
@example(shape=[2**32, 2**32, 0], begin=2**64, length=0)
@example(shape=[1, 32], begin=2**64 - 64, length=128)
@given(shape=st.lists(EDGE_DIMENSIONS, max_size=5),
       begin=st.sampled_from([0, 64, 2**63, 2**64]) | st.integers(0, 2**66),
       length=st.sampled_from([0, 4, 128, 2**64]) | st.integers(0, 2**66))
def test_shapes_and_offsets_that_overflow_fixed_width_arithmetic(real_model, shape, begin, length):
    header, weights = split(real_model)
    header["out.weight"]["shape"] = shape
    header["out.weight"]["data_offsets"] = [begin, begin + length]
    load_bytes(join(header, weights))


@FUZZ
@given(st.data())
def test_bytes_flipped_or_cut(real_model, data):
    content = bytearray(real_model)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, min(len(content) - 1, 4000)))
        content[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(content)))
    load_bytes(bytes(content[:cut]))
