"""The fully convolutional SiamCRNN: network shapes and branches, blended tiled detection, training,
model files. Kept small (64-pixel crops, a few batches) so the module runs in a minute or two."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from siamcrnn_qgis.core.detection import DetectionHooks, detect
from siamcrnn_qgis.core.device import select_device
from siamcrnn_qgis.core.errors import Cancelled, InputError
from siamcrnn_qgis.core.fcn.detection import (
    BLEND,
    BlendAccumulator,
    Rect,
    blend_region,
    blend_weights,
    detect_fcn,
    final_region,
    split_cores,
)
from siamcrnn_qgis.core.fcn.model import ConvLSTM, FCNSiamCRNN, build_fcn_model, folded_copy
from siamcrnn_qgis.core.fcn.training import (
    FCNTrainingConfig,
    TrainingPair,
    fcn_config,
    lovasz_softmax,
    train_fcn_pairs,
)
from siamcrnn_qgis.core.metrics import ChangeMetrics
from siamcrnn_qgis.core.modelfile import ModelMetadata, load_model, read_metadata, save_model
from siamcrnn_qgis.core.normalisation import compute_statistics
from siamcrnn_qgis.core.options import DetectionOptions, TrainingConfig
from siamcrnn_qgis.core.regions import labelled_pixels, split_groups
from siamcrnn_qgis.core.sources import ArraySource
from siamcrnn_qgis.core.training import train
from tests.conftest import require_data


def random_model(bands_t1: int = 3, bands_t2: int = 3, shared: bool = True, seed: int = 0) -> FCNSiamCRNN:
    """An untrained network with non-trivial batch-norm statistics, in eval mode."""
    torch.manual_seed(seed)
    model = FCNSiamCRNN(bands_t1, bands_t2, shared)
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.weight.data.uniform_(0.5, 1.5)
            module.running_var.uniform_(0.5, 2.0)
            module.running_mean.uniform_(-0.2, 0.2)
    return model.eval()


def metadata_for(model: FCNSiamCRNN, t1: np.ndarray, t2: np.ndarray) -> ModelMetadata:
    return ModelMetadata(
        architecture="fcn", bands_t1=model.bands_t1, bands_t2=model.bands_t2,
        band_names_t1=[f"a{i}" for i in range(model.bands_t1)], band_names_t2=[f"b{i}" for i in range(model.bands_t2)],
        shared=model.shared, stats_t1=compute_statistics(ArraySource(t1)), stats_t2=compute_statistics(ArraySource(t2)),
        hyperparameters=model.hyperparameters(),
    )


def run_detection(model, metadata, t1, t2, valid1=None, **options) -> np.ndarray:
    """Whole-raster probability through detect(), checking every pixel is handed out exactly once."""
    result = np.full(t1.shape[1:], np.nan, dtype=np.float32)
    written = np.zeros(t1.shape[1:], dtype=np.int32)

    def sink(x: int, y: int, probability: np.ndarray) -> None:
        result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability
        written[y:y + probability.shape[0], x:x + probability.shape[1]] += 1

    source1, source2 = ArraySource(t1, valid=valid1), ArraySource(t2)
    if "halo" in options:  # the fcn's own context width is no option of the generic detect()
        halo = options.pop("halo")
        resolved = DetectionOptions(tile_size=options.pop("tile_size", 1024), batch_size=1,
                                    device=select_device("cpu"))
        detect_fcn(model, metadata, source1, source2, sink, resolved, DetectionHooks(), halo=halo)
    else:
        options.setdefault("device", "cpu")
        detect(model, metadata, source1, source2, sink, **options)
    assert np.all(written == 1)
    return result


@pytest.fixture(scope="module")
def synthetic_pair():
    rng = np.random.default_rng(5)
    t1 = rng.normal(size=(3, 75, 109)).astype(np.float32)
    t2 = (t1 + 0.5 * rng.normal(size=t1.shape)).astype(np.float32)
    return t1, t2


@pytest.fixture(scope="module")
def taizhou():
    gdal = pytest.importorskip("osgeo.gdal")
    folder = require_data("taizhou_landsat7")
    t1 = gdal.Open(str(folder / "t1.tif")).ReadAsArray().astype(np.float32)
    t2 = gdal.Open(str(folder / "t2.tif")).ReadAsArray().astype(np.float32)
    labels = gdal.Open(str(folder / "labels.tif")).ReadAsArray()
    pixels = labelled_pixels(labels, 4)
    held_out = split_groups(pixels, 0.5, np.random.default_rng(0))
    train_labels = labels.copy()
    train_labels[pixels.rows[held_out], pixels.cols[held_out]] = 255
    test_labels = np.full_like(labels, 255)
    test_labels[pixels.rows[held_out], pixels.cols[held_out]] = labels[pixels.rows[held_out], pixels.cols[held_out]]
    return t1, t2, train_labels, test_labels


@pytest.fixture(scope="module")
def trained(taizhou):
    """A small fcn trained on half of Taizhou's label regions (the other half is for evaluation)."""
    t1, t2, train_labels, _ = taizhou
    config = FCNTrainingConfig(crop_size=64, batch_size=8, samples_per_epoch=32, epochs=3, device="cpu", seed=3)
    events = []
    result = train(ArraySource(t1), ArraySource(t2), train_labels, config, progress=events.append)
    return result, events


# ----------------------------------------------------------------------------------------------- network


def test_logits_have_the_input_size_for_any_size():
    model = random_model(4, 2, shared=False)
    with torch.no_grad():
        for height, width in ((37, 53), (64, 64), (5, 7), (33, 97)):
            logits = model(torch.randn(2, 4, height, width), torch.randn(2, 2, height, width))
            assert logits.shape == (2, 2, height, width)
            assert torch.isfinite(logits).all()


def test_shared_and_separate_encoders():
    shared = FCNSiamCRNN(3, 3, shared=True)
    separate = FCNSiamCRNN(3, 3, shared=False)
    assert len(shared.encoders) == 1 and len(separate.encoders) == 2
    def count(module):
        return sum(p.numel() for p in module.parameters())

    assert count(separate) == count(shared) + count(shared.encoders[0])
    pseudo = FCNSiamCRNN(1, 3, shared=False)
    assert pseudo.encoders[0].stem[0].in_channels == 1 and pseudo.encoders[1].stem[0].in_channels == 3
    with pytest.raises(InputError, match="need equal band counts"):
        FCNSiamCRNN(1, 3, shared=True)


def test_depths_18_and_34():
    blocks = {depth: sum(len(stage) for stage in FCNSiamCRNN(3, 3, True, depth=depth).encoders[0].stages)
              for depth in (18, 34)}
    assert blocks == {18: 8, 34: 16}
    assert build_fcn_model(3, 3, True, {"depth": 34}).depth == 34
    with pytest.raises(InputError, match="depth"):
        FCNSiamCRNN(3, 3, True, depth=50)


def test_widths_scale_every_level_and_files_without_a_width_are_resnets_own():
    narrow = FCNSiamCRNN(3, 3, True, width=16)
    assert [stage[0].conv1.out_channels for stage in narrow.encoders[0].stages] == [16, 32, 64, 128]
    assert narrow.hidden_channels == 32 and narrow.classifier.in_channels == 32
    assert narrow.hyperparameters()["width"] == 16
    assert narrow(torch.zeros(1, 3, 70, 90), torch.zeros(1, 3, 70, 90)).shape == (1, 2, 70, 90)
    # a 0.1 model file records depth and 128 ConvLSTM channels but no width: ResNet's own 64
    old = build_fcn_model(3, 3, True, {"depth": 18, "hidden_channels": 128, "output_stride": 32})
    assert old.width == 64 and old.encoders[0].stem[0].out_channels == 64
    assert build_fcn_model(3, 3, True, narrow.hyperparameters()).width == 16
    with pytest.raises(InputError, match="width 16 with 128 ConvLSTM channels"):
        build_fcn_model(3, 3, True, {"width": 16, "hidden_channels": 128})
    with pytest.raises(InputError, match="width must be one of 16, 32, 64"):
        FCNSiamCRNN(3, 3, True, width=24)
    with pytest.raises(InputError, match="encoder width must be one of"):
        train_fcn_pairs([], FCNTrainingConfig(width=48))


def test_convlstm_equals_one_gate_convolution_over_input_and_hidden():
    """Skipping the hidden part on the first step (zero state) changes nothing."""
    torch.manual_seed(1)
    cell = ConvLSTM(5, hidden_channels=4)
    x1, x2 = torch.randn(2, 5, 9, 11), torch.randn(2, 5, 9, 11)
    weight = torch.cat([cell.input_gates.weight, cell.hidden_gates.weight], dim=1)
    hidden = state = torch.zeros(2, 4, 9, 11)
    for x in (x1, x2):
        gates = torch.nn.functional.conv2d(torch.cat([x, hidden], 1), weight, cell.input_gates.bias, padding=1)
        i, f, o, g = gates.chunk(4, dim=1)
        state = torch.sigmoid(f) * state + torch.sigmoid(i) * torch.tanh(g)
        hidden = torch.sigmoid(o) * torch.tanh(state)
    with torch.no_grad():
        torch.testing.assert_close(cell(x1, x2), hidden)


def test_lovasz_softmax_on_hand_computed_cases():
    targets = torch.tensor([0, 0, 1, 1])
    perfect = torch.tensor([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    assert lovasz_softmax(perfect, targets).item() == pytest.approx(0.0)
    assert lovasz_softmax(1.0 - perfect, targets).item() == pytest.approx(1.0)
    # One changed pixel predicted 0.5, every other pixel exact: in each class that pixel has the only
    # error (0.5) and is sorted first. Unchanged: it is background, so the Jaccard loss of predicting it
    # unchanged is 1 − 2/3; changed: it is foreground, so missing it costs 1 − 1/2.
    half = torch.tensor([[1.0, 0.0], [1.0, 0.0], [0.5, 0.5], [0.0, 1.0]])
    assert lovasz_softmax(half, targets).item() == pytest.approx((0.5 / 3 + 0.5 / 2) / 2)


# ---------------------------------------------------------------------------------------------- blending


def test_blend_weights_sum_to_one_and_final_regions_tile_the_raster():
    width, height, core = 150, 97, 64
    total = np.zeros((height, width))
    emitted = np.zeros((height, width), dtype=int)
    for part in split_cores(Rect(0, 0, width, height), core):
        region = blend_region(part, width, height)
        total[region.slices(Rect(0, 0, width, height))] += blend_weights(part, region, width, height)
        emitted[final_region(part, width, height).slices(Rect(0, 0, width, height))] += 1
    np.testing.assert_allclose(total, 1.0, atol=1e-6)
    assert np.all(emitted == 1)
    assert BLEND < core


def test_accumulator_hands_out_each_pixel_once_and_frees_it():
    accumulator = BlendAccumulator()
    ones = np.ones((10, 10), dtype=np.float32)
    accumulator.add(Rect(0, 0, 10, 10), ones * 0.2, ones, np.ones((10, 10), bool))
    accumulator.add(Rect(5, 5, 10, 10), ones * 0.6, ones, np.ones((10, 10), bool))
    first = accumulator.take(Rect(0, 0, 8, 8))
    assert first[0, 0] == pytest.approx(0.2) and first[7, 7] == pytest.approx(0.4)
    assert accumulator.pending_pixels == 100 + 100 - 64 - 9
    accumulator.take(Rect(8, 0, 7, 15))
    accumulator.take(Rect(0, 8, 8, 7))
    assert accumulator.pending_pixels == 0


def test_tiled_detection_equals_whole_image_when_the_halo_covers_the_raster(synthetic_pair):
    t1, t2 = synthetic_pair
    model = random_model()
    metadata = metadata_for(model, t1, t2)
    whole = run_detection(model, metadata, t1, t2, tile_size=4096)
    tiled = run_detection(model, metadata, t1, t2, tile_size=32, halo=128)
    np.testing.assert_allclose(tiled, whole, atol=1e-6)


def test_detection_of_odd_sizes_covers_every_pixel():
    model = random_model(2, 1, shared=False)
    rng = np.random.default_rng(3)
    for height, width in ((45, 71), (33, 33), (7, 130)):
        t1 = rng.normal(size=(2, height, width)).astype(np.float32)
        t2 = rng.normal(size=(1, height, width)).astype(np.float32)
        probability = run_detection(model, metadata_for(model, t1, t2), t1, t2, tile_size=40)
        assert probability.shape == (height, width)
        assert np.all((probability >= 0) & (probability <= 1))


def test_nodata_in_either_date_gives_nan(synthetic_pair):
    t1, t2 = synthetic_pair
    t2 = t2.copy()
    t2[:, 10:20, 30:40] = np.nan
    valid1 = np.ones(t1.shape[1:], dtype=bool)
    valid1[50:60, 0:5] = False
    model = random_model()
    probability = run_detection(model, metadata_for(model, t1, t2), t1, t2, valid1=valid1, tile_size=64)
    invalid = np.zeros(t1.shape[1:], dtype=bool)
    invalid[10:20, 30:40] = invalid[50:60, 0:5] = True
    assert np.array_equal(np.isnan(probability), invalid)


def test_detection_reports_progress_and_can_be_cancelled(synthetic_pair):
    t1, t2 = synthetic_pair
    model = random_model()
    metadata = metadata_for(model, t1, t2)
    fractions = []
    summary = detect(model, metadata, ArraySource(t1), ArraySource(t2), lambda *args: None, device="cpu",
                         tile_size=32, progress=fractions.append)
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    assert summary.pixels == summary.valid_pixels == t1.shape[1] * t1.shape[2]
    assert summary.tiles == 3 * 4
    with pytest.raises(Cancelled):
        detect(model, metadata, ArraySource(t1), ArraySource(t2), lambda *args: None, device="cpu",
                   tile_size=32, is_cancelled=lambda: len(fractions) > 0)


# ---------------------------------------------------------------------------------------------- training


def test_empty_options_take_fcn_defaults_and_given_ones_are_kept_exactly():
    config = fcn_config(TrainingConfig(architecture="fcn", epochs=5, seed=7))
    assert (config.epochs, config.seed, config.batch_size, config.crop_size) == (5, 7, 4, 256)
    assert config.changed_weight is None  # weighted by the class ratio of the training pixels
    # values that equal the patch defaults are values too, not "unset"
    given = fcn_config(TrainingConfig(architecture="fcn", batch_size=256, changed_weight=1.0, epochs=40,
                                      samples_per_epoch=2048, patience=8, learning_rate=1e-3))
    assert (given.batch_size, given.changed_weight, given.samples_per_epoch, given.patience) == (256, 1.0, 2048, 8)
    with pytest.raises(InputError, match="crop size must be a multiple of 32"):
        train(ArraySource(np.zeros((1, 8, 8))), ArraySource(np.zeros((1, 8, 8))), np.zeros((8, 8)),
              FCNTrainingConfig(crop_size=100))


def _tiny_case():
    rng = np.random.default_rng(11)
    t1 = rng.normal(size=(2, 70, 90)).astype(np.float32)
    t2 = t1.copy()
    t2[:, 20:40, 30:60] += 3.0
    labels = np.full((70, 90), 255, dtype=np.uint8)
    labels[22:38, 32:58] = 1
    for y, x in ((2, 2), (50, 5), (5, 70), (55, 75), (45, 40)):
        labels[y:y + 10, x:x + 10] = 0
    return t1, t2, labels


def test_fixed_seed_gives_identical_weights():
    t1, t2, labels = _tiny_case()
    config = FCNTrainingConfig(crop_size=64, batch_size=2, samples_per_epoch=4, epochs=1, device="cpu", seed=5)
    first = train(ArraySource(t1), ArraySource(t2), labels, config).model.state_dict()
    second = train(ArraySource(t1), ArraySource(t2), labels, config).model.state_dict()
    for name, tensor in first.items():
        assert torch.equal(tensor, second[name]), name


def test_training_on_several_pairs_with_validation_pairs_and_cancel():
    t1, t2, labels = _tiny_case()
    pairs = [TrainingPair(ArraySource(t1), ArraySource(t2), labels),
             TrainingPair(ArraySource(t1 * 2 + 1), ArraySource(t2 * 2 + 1), labels)]
    validation = [TrainingPair(ArraySource(t1[:, ::-1].copy()), ArraySource(t2[:, ::-1].copy()), labels[::-1])]
    config = FCNTrainingConfig(crop_size=64, batch_size=2, samples_per_epoch=2, epochs=1, device="cpu",
                               siamese="separate")
    result = train_fcn_pairs(pairs, config, validation_pairs=validation)
    assert not result.metadata.shared
    assert result.metadata.provenance["image_pairs"] == 2
    assert result.validation_pixels == int(((labels == 0) | (labels == 1)).sum())
    assert result.metadata.stats_t1.count == 2 * 70 * 90
    events = []
    with pytest.raises(Cancelled):
        train_fcn_pairs(pairs, config, progress=events.append,
                        is_cancelled=lambda: any(event.batch for event in events))
    assert [event.batch for event in events if event.batch] == [1]


def test_quick_training_reaches_a_sensible_accuracy_on_taizhou(trained, taizhou):
    result, events = trained
    t1, t2, _, test_labels = taizhou
    assert result.metadata.architecture == "fcn"
    assert result.metadata.hyperparameters["crop_size"] == 64
    assert result.history and 1 <= result.best_epoch <= len(result.history)
    assert any(event.val_loss is not None for event in events)
    probability = run_detection(result.model, result.metadata, t1, t2, tile_size=256)
    kappa = ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), test_labels).kappa
    assert kappa >= 0.7


def test_tile_size_changes_probabilities_by_at_most_1e3_away_from_edges(trained, taizhou):
    result, _ = trained
    t1, t2, _, _ = taizhou
    whole = run_detection(result.model, result.metadata, t1, t2, tile_size=512)
    for tile_size in (128, 224):
        tiled = run_detection(result.model, result.metadata, t1, t2, tile_size=tile_size)
        interior = np.s_[32:-32, 32:-32]
        assert np.abs(tiled - whole)[interior].max() <= 1e-3, tile_size


def test_bfloat16_detection_stays_close_to_float32(trained, taizhou):
    """PRECISION=bfloat16 on the CPU: the trained model's probabilities move a little, classes barely."""
    result, _ = trained
    t1, t2, _, _ = taizhou
    exact = run_detection(result.model, result.metadata, t1, t2, tile_size=512)
    fast = run_detection(result.model, result.metadata, t1, t2, tile_size=512, device=select_device("cpu", "bfloat16"))
    difference = np.abs(fast - exact)
    assert 0 < difference.max() <= 0.05
    assert np.mean((fast >= 0.5) != (exact >= 0.5)) <= 0.005
    tiled = run_detection(result.model, result.metadata, t1, t2, tile_size=128,
                          device=select_device("cpu", "bfloat16"))
    assert np.abs(tiled - fast)[32:-32, 32:-32].max() <= 1e-2  # bfloat16 rounding, not seams


def test_model_file_round_trip(trained, taizhou, tmp_path):
    result, _ = trained
    t1, t2, _, _ = taizhou
    path = tmp_path / "fcn.safetensors"
    save_model(path, result.model, result.metadata)
    assert read_metadata(path).hyperparameters["depth"] == 18
    model, metadata = load_model(path)
    assert metadata.architecture == "fcn" and metadata.shared
    window = np.s_[:, 100:228, 50:178]
    before = run_detection(result.model, result.metadata, t1[window], t2[window], tile_size=128)
    after = run_detection(model, metadata, t1[window], t2[window], tile_size=128)
    np.testing.assert_array_equal(before, after)


def test_a_pair_with_one_class_is_fine_when_the_pairs_together_have_both():
    """LEVIR-like tiles: one tile has no change at all; only the pairs together must hold both classes."""
    t1, t2, labels = _tiny_case()
    unchanged_only = np.where(labels == 1, 255, labels).astype(np.uint8)
    config = FCNTrainingConfig(crop_size=64, batch_size=2, samples_per_epoch=2, epochs=1, device="cpu")
    result = train_fcn_pairs([TrainingPair(ArraySource(t1), ArraySource(t2), labels),
                              TrainingPair(ArraySource(t1), ArraySource(t2), unchanged_only)], config)
    assert result.label_counts == {"unchanged": 2 * int((labels == 0).sum()), "changed": int((labels == 1).sum())}
    with pytest.raises(InputError, match="0 changed"):
        train_fcn_pairs([TrainingPair(ArraySource(t1), ArraySource(t2), unchanged_only)] * 2, config)


def test_folded_copy_computes_the_same_without_batch_norms_and_leaves_the_model_alone():
    torch.manual_seed(3)
    model = FCNSiamCRNN(3, 1, False)
    with torch.no_grad():  # batch statistics and affine terms far from their initial values
        for module in model.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                module.weight.uniform_(0.5, 1.5)
                module.bias.uniform_(-0.5, 0.5)
        model(torch.randn(2, 3, 96, 96) * 3 + 1, torch.randn(2, 1, 96, 96))
    model.eval()
    folded = folded_copy(model)
    assert not any(isinstance(m, torch.nn.BatchNorm2d) for m in folded.modules())
    assert sum(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules()) > 20
    x1, x2 = torch.randn(1, 3, 100, 70), torch.randn(1, 1, 100, 70)
    with torch.inference_mode():
        expected, got = torch.softmax(model(x1, x2), 1), torch.softmax(folded(x1, x2), 1)
    assert torch.allclose(expected, got, atol=1e-5)
    assert next(folded.parameters()).data_ptr() != next(model.parameters()).data_ptr()


# --------------------------------------------------------------- threads and the validation split


class ThreadRecordingSource(ArraySource):
    """An in-memory raster that notes which thread read it, like a GDAL dataset must be read from one."""

    def __init__(self, array: np.ndarray) -> None:
        super().__init__(array)
        self.threads: set[int] = set()

    def read(self, x, y, width, height):
        import threading

        self.threads.add(threading.get_ident())
        return super().read(x, y, width, height)


def test_out_of_memory_on_the_fcn_path_reads_on_one_thread_and_gives_the_same_result(synthetic_pair,
                                                                                       monkeypatch):
    """After a (simulated) CUDA out-of-memory error the cores are halved; their windows are still read on
    the reader thread, and with a halo covering the raster the probabilities do not move."""
    import threading

    from siamcrnn_qgis.core.fcn import detection

    t1, t2 = synthetic_pair
    model = random_model()
    metadata = metadata_for(model, t1, t2)
    hooks, device = DetectionHooks(), select_device("cpu")
    options = DetectionOptions(tile_size=64, batch_size=1, device=device, use_training_statistics=True)

    def detect_with(source1, source2) -> np.ndarray:
        result = np.full(t1.shape[1:], np.nan, dtype=np.float32)

        def sink(x, y, probability):
            result[y:y + probability.shape[0], x:x + probability.shape[1]] = probability

        detection.detect_fcn(model, metadata, source1, source2, sink, options, hooks, halo=128)
        return result

    expected = detect_with(ArraySource(t1), ArraySource(t2))
    original, failures = detection.FCNRunner.probability, []

    def probability(self, a1, a2):
        if not failures:  # the first window does not fit
            failures.append(a1.shape)
            raise torch.cuda.OutOfMemoryError("CUDA out of memory (simulated)")
        return original(self, a1, a2)

    monkeypatch.setattr(detection.FCNRunner, "probability", probability)
    source1, source2 = ThreadRecordingSource(t1), ThreadRecordingSource(t2)
    halved = detect_with(source1, source2)
    assert failures, "the simulated out-of-memory error was never raised"
    assert len(source1.threads | source2.threads) == 1
    assert threading.get_ident() not in source1.threads
    np.testing.assert_allclose(halved, expected, atol=1e-5)


def test_fcn_never_sees_its_validation_pixels_in_training_crops():
    from siamcrnn_qgis.core.fcn import ARCHITECTURE
    from siamcrnn_qgis.core.fcn.training import IGNORE, _CropSpec, _prepare, read_batch
    from siamcrnn_qgis.core.training import TrainingLog

    rng = np.random.default_rng(0)
    t1 = rng.normal(size=(2, 200, 200)).astype(np.float32) + 5.0
    t2 = t1 + 1.0
    labels = np.full((200, 200), 255, dtype=np.uint8)
    for index, x in enumerate(range(4, 196, 48)):  # 4 columns of boxes, 44 px apart: separate regions
        for y in (4, 104):
            labels[y:y + 8, x:x + 8] = (index + y // 100) % 2
    labels[32:40, 4:12] = 1  # 20 px below a box: within the fcn reach, so always on the same side
    assert ARCHITECTURE.reach > 20
    log = TrainingLog(1, lambda event: None)
    prepared = _prepare(TrainingPair(ArraySource(t1), ArraySource(t2), labels), 0.3, np.random.default_rng(1), log,
                        None, hold_out=True)
    val_rows, val_cols, _ = prepared.val_pixels
    train_rows, train_cols, _ = prepared.train_pixels
    assert val_rows.size and train_rows.size
    assert (labels[4:12, 4:12] == 0).all() and (labels[32:40, 4:12] == 1).all()
    first_box_validation = ((val_rows < 12) & (val_cols < 12)).any()
    assert first_box_validation == ((val_rows >= 32) & (val_rows < 40) & (val_cols < 12)).any()
    x1, x2, targets = read_batch([prepared], [_CropSpec(0, 0, 0, 0, False)], (200, 200))
    hidden = np.zeros((200, 200), dtype=bool)
    hidden[val_rows, val_cols] = True
    assert np.all(x1[0][:, hidden].numpy() == 0) and np.all(x2[0][:, hidden].numpy() == 0)
    assert np.all(targets[0].numpy()[hidden] == IGNORE)
    assert np.all(x1[0][:, train_rows, train_cols].numpy() != 0)
    assert np.all(targets[0].numpy()[train_rows, train_cols] == labels[train_rows, train_cols])
