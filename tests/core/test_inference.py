"""Streamed detection: tiling invariance, nodata, validation, out-of-memory halving, cancel, progress."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from siamcrnn_qgis.core.architectures import get_architecture
from siamcrnn_qgis.core.detection import detect, predict_arrays
from siamcrnn_qgis.core.device import DeviceInfo, select_device, training_device
from siamcrnn_qgis.core.errors import Cancelled, DeviceError, InputError
from siamcrnn_qgis.core.sources import ArraySource

from .helpers import make_model, synthetic_pair

HEIGHT, WIDTH = 37, 53  # odd sizes: partial tiles on both edges


@pytest.fixture(scope="module")
def case():
    model, metadata = make_model(2, 3, shared=False, seed=1)
    t1, t2, _ = synthetic_pair(HEIGHT, WIDTH, 2, 3, seed=5)
    t1[0, 0, 0] = np.nan  # a corner
    t1[1, 10, 20] = -9999
    t2[:, 30:33, 52] = -9999  # a strip on the right edge
    whole = run(model, metadata, t1, t2, tile_size=64, batch_size=100000)
    return model, metadata, t1, t2, whole


def run(model, metadata, t1, t2, **options):
    result = np.full((HEIGHT, WIDTH), -1.0, dtype=np.float32)

    def sink(x, y, probability):
        assert probability.dtype == np.float32
        result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability

    summary = detect(model, metadata, ArraySource(t1, nodata=-9999), ArraySource(t2, nodata=-9999), sink,
                     device="cpu", **options)
    return result, summary


def test_whole_image_covers_every_pixel_and_marks_nodata(case):
    *_, (whole, summary) = case
    assert np.all(whole != -1.0)
    nodata = np.zeros((HEIGHT, WIDTH), dtype=bool)
    nodata[0, 0] = nodata[10, 20] = True
    nodata[30:33, 52] = True
    np.testing.assert_array_equal(np.isnan(whole), nodata)
    assert np.all((whole[~nodata] >= 0) & (whole[~nodata] <= 1))
    assert summary.pixels == HEIGHT * WIDTH and summary.valid_pixels == HEIGHT * WIDTH - 5
    assert summary.tiles == 1


@pytest.mark.parametrize(("tile_size", "batch_size"), [(5, 61), (16, 1000), (17, 64), (32, 4096), (50, 333)])
def test_tiles_and_batches_do_not_change_results(case, tile_size, batch_size):
    model, metadata, t1, t2, (whole, _) = case
    tiled, summary = run(model, metadata, t1, t2, tile_size=tile_size, batch_size=batch_size)
    np.testing.assert_array_equal(np.isnan(tiled), np.isnan(whole))
    assert np.nanmax(np.abs(tiled - whole)) <= 1e-6
    assert summary.tiles == -(-HEIGHT // tile_size) * -(-WIDTH // tile_size)


def test_predict_arrays_uses_the_same_path(case):
    model, metadata, t1, t2, _ = case
    clean1, clean2, _ = synthetic_pair(HEIGHT, WIDTH, 2, 3, seed=5)
    expected, _ = run(model, metadata, clean1, clean2, tile_size=64)
    result = predict_arrays(model, metadata, clean1, clean2, tile_size=8, batch_size=50, device="cpu")
    assert np.max(np.abs(result - expected)) <= 1e-6


def test_matches_the_network_on_hand_built_patches(case):
    model, metadata, _, _, _ = case
    t1, t2, _ = synthetic_pair(9, 9, 2, 3, seed=9)
    result = predict_arrays(model, metadata, t1, t2, device="cpu", use_training_statistics=True)
    padded1 = np.pad(t1, ((0, 0), (2, 2), (2, 2)))
    padded2 = np.pad(t2, ((0, 0), (2, 2), (2, 2)))
    for y, x in [(0, 0), (4, 4), (8, 3)]:
        with torch.inference_mode():
            logit = model(torch.from_numpy(padded1[None, :, y:y + 5, x:x + 5]),
                          torch.from_numpy(padded2[None, :, y:y + 5, x:x + 5]))
        assert result[y, x] == pytest.approx(torch.sigmoid(logit).item(), abs=1e-6)


def test_band_count_mismatch_names_the_bands(case):
    model, metadata, t1, t2, _ = case
    with pytest.raises(InputError, match=r"T2 raster has 2 band\(s\).*3 \(t2 band 1, t2 band 2, t2 band 3\)"):
        predict_arrays(model, metadata, t1, t1, device="cpu")


def test_invalid_options_and_sizes(case):
    model, metadata, t1, t2, _ = case
    with pytest.raises(InputError, match="same pixel grid"):
        predict_arrays(model, metadata, t1, t2[:, :-1], device="cpu")
    with pytest.raises(InputError, match="tile size"):
        predict_arrays(model, metadata, t1, t2, tile_size=4, device="cpu")
    with pytest.raises(InputError, match="batch size"):
        predict_arrays(model, metadata, t1, t2, batch_size=0, device="cpu")


def test_out_of_memory_halves_the_batch(case, monkeypatch):
    model, metadata, t1, t2, (whole, _) = case
    forward = type(model).forward
    sizes = []

    def limited(self, x1, x2):
        sizes.append(x1.shape[0])
        if x1.shape[0] > 300:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory (simulated)")
        return forward(self, x1, x2)

    monkeypatch.setattr(type(model), "forward", limited)
    messages = []
    result, summary = run(model, metadata, t1, t2, tile_size=64, batch_size=2048, log=messages.append)
    assert summary.batch_size == 256
    assert sizes[:4] == [HEIGHT * WIDTH - 5, 1024, 512, 256]  # one tile of valid pixels, then halvings
    assert sum("halved to 256" in m for m in messages) == 1
    assert np.nanmax(np.abs(result - whole)) <= 1e-6


def test_gpu_path_cuts_patches_on_the_device_with_the_same_results(case):
    """The accelerator path (windows sent to the device, patches cut there, tiles queued one ahead),
    run here on the CPU under another device kind so it is exercised without a GPU."""
    model, metadata, t1, t2, (whole, _) = case
    if torch.cuda.is_available():
        info = select_device("cuda")
    else:
        info = DeviceInfo(device=torch.device("cpu"), kind="mps", description="CPU posing as an accelerator")
    result = np.full((HEIGHT, WIDTH), -1.0, dtype=np.float32)

    def sink(x, y, probability):
        result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability

    detect(model, metadata, ArraySource(t1, nodata=-9999), ArraySource(t2, nodata=-9999), sink, tile_size=16,
           batch_size=100, device=info)
    np.testing.assert_array_equal(np.isnan(result), np.isnan(whole))
    tolerance = 1e-2 if info.kind == "cuda" else 1e-6  # bf16 autocast on CUDA
    assert np.nanmax(np.abs(result - whole)) <= tolerance


def test_out_of_memory_at_batch_one_is_a_device_error(case, monkeypatch):
    model, metadata, t1, t2, _ = case

    def broken(self, x1, x2):
        raise torch.cuda.OutOfMemoryError("simulated")

    monkeypatch.setattr(type(model), "forward", broken)
    with pytest.raises(DeviceError, match="out of memory"):
        run(model, metadata, t1, t2, batch_size=4)


def test_cancel_and_progress(case):
    model, metadata, t1, t2, _ = case
    fractions = []
    run(model, metadata, t1, t2, tile_size=16, progress=fractions.append)
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    calls = []

    def cancel_on_third_check():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        run(model, metadata, t1, t2, tile_size=16, batch_size=16, is_cancelled=cancel_on_third_check)


def test_training_statistics_on_request(case):
    model, metadata, t1, t2, (whole, _) = case
    own, _ = run(model, metadata, t1, t2, use_training_statistics=True)
    assert np.nanmax(np.abs(own - whole)) > 1e-4  # unit statistics differ from the images' own


def test_device_selection():
    info = select_device("cpu")
    assert info.kind == "cpu" and "CPU" in info.description and "thread" in info.description
    assert select_device("auto").kind in {"cuda", "mps", "cpu"}
    with pytest.raises(DeviceError, match="Unknown device"):
        select_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(DeviceError, match="not available.*available: .*cpu"):
            select_device("cuda")


def test_precision_choices():
    assert not select_device("cpu").bfloat16  # auto: float32 on the CPU, results as the float32 network
    assert not select_device("cpu", "float32").bfloat16
    info = select_device("cpu", "bfloat16")
    assert info.bfloat16 and "bfloat16" in info.description
    with pytest.raises(DeviceError, match="Unknown precision 'half'.*auto, bfloat16, float32"):
        select_device("cpu", "half")
    fcn, patch = get_architecture("fcn").train_in_bfloat16, get_architecture("patch").train_in_bfloat16
    assert fcn and not patch
    assert not training_device("cpu", "auto", fcn).bfloat16
    assert not training_device("cpu", "auto", patch).bfloat16
    assert training_device("cpu", "bfloat16", patch).bfloat16
    if torch.cuda.is_available() and torch.cuda.is_bf16_supported():
        assert select_device("cuda").bfloat16 and training_device("cuda", "auto", fcn).bfloat16
        assert not training_device("cuda", "auto", patch).bfloat16


def test_bfloat16_on_the_cpu_stays_close_to_float32(case):
    model, metadata, t1, t2, (whole, _) = case
    result = np.full((HEIGHT, WIDTH), -1.0, dtype=np.float32)

    def sink(x, y, probability):
        result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability

    detect(model, metadata, ArraySource(t1, nodata=-9999), ArraySource(t2, nodata=-9999), sink, tile_size=16,
           batch_size=100, device=select_device("cpu", "bfloat16"))
    np.testing.assert_array_equal(np.isnan(result), np.isnan(whole))
    difference = np.nanmax(np.abs(result - whole))
    assert 0 < difference <= 0.05  # it did compute in bfloat16, and stayed close
