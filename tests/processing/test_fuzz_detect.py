"""Fuzzing detection with random small rasters (sizes 1..40, five data types, nodata, NaN, 1..4 bands)
written as real GeoTIFFs and read through io into core: either a valid change probability or a
SiamCRNNError with a sentence, and never a file left behind under the output's name or a temporary one."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from siamcrnn_qgis.core.detection import detect
from siamcrnn_qgis.core.errors import SiamCRNNError
from siamcrnn_qgis.core.modelfile import load_model, save_model
from siamcrnn_qgis.io.raster import GdalRasterSource
from siamcrnn_qgis.io.writer import GeoTiffWriter

from ..core.helpers import make_model
from ..io.builders import write_raster
from .common import files_in, read

DTYPES = ["uint8", "uint16", "int16", "float32", "float64"]


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("fuzz_models")
    paths = {}
    for bands in (1, 2, 3, 4):
        model, metadata = make_model(bands, bands, shared=True)
        save_model(folder / f"{bands}.safetensors", model, metadata)
        paths[bands] = load_model(folder / f"{bands}.safetensors")
    return paths


@st.composite
def rasters(draw):
    bands = draw(st.integers(1, 4))
    height, width = draw(st.integers(1, 40)), draw(st.integers(1, 40))
    dtype = np.dtype(draw(st.sampled_from(DTYPES)))
    if dtype.kind == "f":
        low, high = draw(st.sampled_from([(-1.0, 1.0), (0.0, 1e4), (-3e38, 3e38)]))
    else:
        info = np.iinfo(dtype)
        low, high = float(info.min), float(info.max)
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    arrays = [rng.uniform(low, high, size=(bands, height, width)).astype(dtype) for _ in range(2)]
    nodata = draw(st.sampled_from([None, 0]))
    holes = draw(st.sampled_from(["none", "some", "all"]))
    for array in arrays:
        if holes != "none":
            mask = rng.random((height, width)) < (0.3 if holes == "some" else 1.0)
            fill = np.nan if dtype.kind == "f" and nodata is None else 0
            array[:, mask] = fill
    return arrays, nodata, bands


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(rasters(), st.integers(5, 48), st.integers(32, 512))  # batch 1 is only slow, not wrong
def test_random_rasters(models, drawn, tile_size, batch_size):
    (a1, a2), nodata, bands = drawn
    model, metadata = models[bands]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        inputs, out = folder / "in", folder / "out"
        inputs.mkdir()
        out.mkdir()
        t1_path = write_raster(inputs / "t1.tif", a1, nodata=nodata)
        t2_path = write_raster(inputs / "t2.tif", a2, nodata=nodata)
        try:
            with GdalRasterSource(t1_path) as t1, GdalRasterSource(t2_path) as t2:
                with GeoTiffWriter(out / "p.tif", t1.grid, "float32", -1.0) as writer:
                    detect(model, metadata, t1, t2,
                           lambda x, y, p: writer.write(x, y, np.where(np.isnan(p), -1.0, p)),
                           tile_size=tile_size, batch_size=batch_size, device="cpu")
                    writer.finalize()
        except SiamCRNNError as error:
            assert str(error).strip()
            assert files_in(out) == []
            return
        assert files_in(out) == ["p.tif"]
        probability = read(out / "p.tif")
        valid = probability != -1.0
        assert ((probability[valid] >= 0) & (probability[valid] <= 1)).all()
