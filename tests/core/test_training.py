"""Training: input checks, region split, reproducibility, cancel, progress, and a model that learns."""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch

from siamcrnn_qgis.core.detection import predict_arrays
from siamcrnn_qgis.core.errors import Cancelled, InputError
from siamcrnn_qgis.core.metrics import ChangeMetrics
from siamcrnn_qgis.core.modelfile import load_model, save_model
from siamcrnn_qgis.core.options import TrainingConfig
from siamcrnn_qgis.core.patch.training import balanced_indices
from siamcrnn_qgis.core.regions import connected_components, labelled_pixels, split_groups, split_spatially
from siamcrnn_qgis.core.sources import ArraySource
from siamcrnn_qgis.core.training import EarlyStopping, train

from .helpers import synthetic_pair

FAST = dict(epochs=3, samples_per_epoch=512, batch_size=128, device="cpu")


def sparse_labels(change: np.ndarray, seed: int = 0, fraction: float = 0.05) -> np.ndarray:
    rng = np.random.default_rng(seed)
    labels = np.full(change.shape, 255, dtype=np.uint8)
    pick = rng.random(change.shape) < fraction
    labels[pick] = change[pick]
    labels[change.shape[0] // 4 + 2, change.shape[1] // 2] = 1
    return labels


@pytest.fixture(scope="module")
def pair():
    t1, t2, change = synthetic_pair(48, 64, 2, 3, seed=2)
    return t1, t2, change, sparse_labels(change)


def run(pair, **options):
    t1, t2, _, labels = pair
    return train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(**{**FAST, **options}))


def test_result_fields_and_metadata(pair):
    events = []
    result = train(ArraySource(pair[0]), ArraySource(pair[1]), pair[3], TrainingConfig(**FAST), events.append)
    metadata = result.metadata
    assert metadata.architecture == "patch" and not metadata.shared  # 2 vs 3 bands: pseudo-siamese
    assert (metadata.bands_t1, metadata.bands_t2) == (2, 3)
    assert len(metadata.stats_t1.mean) == 2 and len(metadata.stats_t2.std) == 3
    assert result.label_counts == {"unchanged": int((pair[3] == 0).sum()), "changed": int((pair[3] == 1).sum())}
    assert result.train_pixels + result.validation_pixels <= sum(result.label_counts.values())
    assert 1 <= result.best_epoch <= len(result.history) <= 3
    assert metadata.provenance["seed"] == 42 and metadata.provenance["best_epoch"] == result.best_epoch
    assert set(metadata.provenance["versions"]) >= {"torch", "numpy", "plugin"}
    record = result.history[0]
    assert record.train_loss > 0 and record.val_loss > 0 and "kappa" in record.val_metrics
    assert isinstance(result.val_metrics, ChangeMetrics)
    batches = [e for e in events if e.batch and e.train_loss is not None and e.val_loss is None]
    assert len(batches) == 3 * 4
    epoch_ends = [e for e in events if e.val_loss is not None]
    assert [e.epoch for e in epoch_ends] == [1, 2, 3] and epoch_ends[-1].val_metrics is not None
    fractions = [e.fraction for e in events]
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] == pytest.approx(1.0)
    assert any("validation" in e.message for e in events)


def test_fixed_seed_gives_identical_weights(pair):
    first, second = run(pair, epochs=2), run(pair, epochs=2)
    for name, tensor in first.model.state_dict().items():
        assert torch.equal(tensor, second.model.state_dict()[name]), name
    third = run(pair, epochs=2, seed=7)
    assert not torch.equal(first.model.out.weight, third.model.out.weight)


def test_cancel_raises(pair):
    calls = []

    def cancel_soon():
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(Cancelled):
        train(ArraySource(pair[0]), ArraySource(pair[1]), pair[3], TrainingConfig(**FAST), is_cancelled=cancel_soon)


def test_learns_a_simple_change_and_round_trips(pair, tmp_path):
    t1, t2, change, labels = pair
    result = run(pair, epochs=8, samples_per_epoch=768, patience=8)
    probability = predict_arrays(result.model, result.metadata, t1, t2, device="cpu")
    reference = change.copy()
    reference[labels != 255] = 255
    assert ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), reference).kappa > 0.8
    save_model(tmp_path / "m.safetensors", result.model, result.metadata)
    loaded, metadata = load_model(tmp_path / "m.safetensors")
    again = predict_arrays(loaded, metadata, t1, t2, device="cpu")
    np.testing.assert_array_equal(again, probability)


def test_labelled_nodata_pixels_are_dropped(pair):
    t1, t2, change, labels = pair
    t1 = t1.copy()
    rows, cols = np.nonzero(labels == 0)
    t1[:, rows[:7], cols[:7]] = np.nan
    result = train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(**FAST))
    assert result.train_pixels + result.validation_pixels <= (labels != 255).sum() - 7
    assert any("7 labelled pixels are nodata" in warning for warning in result.warnings)


def test_input_errors(pair):
    t1, t2, change, labels = pair
    with pytest.raises(InputError, match="label raster is 63×48"):
        train(ArraySource(t1), ArraySource(t2), labels[:, :-1], TrainingConfig(**FAST))
    only_unchanged = np.where(labels == 1, 255, labels).astype(np.uint8)
    with pytest.raises(InputError, match=r"\d+ unchanged \(0\) and 0 changed \(1\)"):
        train(ArraySource(t1), ArraySource(t2), only_unchanged, TrainingConfig(**FAST))
    with pytest.raises(InputError, match="same pixel grid"):
        train(ArraySource(t1), ArraySource(t2[:, :-1]), labels, TrainingConfig(**FAST))
    with pytest.raises(InputError, match="Unknown architecture 'vit'"):
        train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(architecture="vit"))
    with pytest.raises(InputError, match="Invalid training options: epochs must be at least 1"):
        train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(epochs=0))
    with pytest.raises(InputError, match="equal band counts"):
        train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(siamese="shared", **FAST))


def test_balanced_indices():
    classes = np.array([0] * 90 + [1] * 10)
    index = balanced_indices(classes, 40, np.random.default_rng(0))
    assert index.size == 40 and (classes[index] == 1).sum() == 20
    assert np.unique(index[classes[index] == 0]).size == 20  # no repeats when a class is large enough


def test_groups_keep_overlapping_patches_together():
    labels = np.full((30, 30), 255, dtype=np.uint8)
    labels[2:5, 2:5] = 0
    labels[2:5, 8:11] = 1  # 4 columns from the first block: 5×5 patches share a column → same group
    labels[10:12, 2:4] = 0  # 6 rows below it: patches apart → own group
    labels[20:23, 20:23] = 1
    labels[20, 2] = 0
    pixels = labelled_pixels(labels, reach=4)
    assert np.unique(pixels.groups).size == 4
    first = pixels.groups[(pixels.rows == 2) & (pixels.cols == 2)][0]
    assert np.all(pixels.groups[pixels.rows < 5] == first)
    assert np.all(pixels.groups[pixels.rows == 10] != first)


def test_split_by_groups_and_spatial_fallback():
    labels = np.full((60, 60), 255, dtype=np.uint8)
    for i in range(6):
        labels[i * 10:i * 10 + 3, 0:3] = 0
        labels[i * 10:i * 10 + 3, 30:33] = 1
    pixels = labelled_pixels(labels, 4)
    validation = split_groups(pixels, 0.35, np.random.default_rng(0))
    assert validation is not None
    for group in np.unique(pixels.groups):  # whole groups only
        assert np.unique(validation[pixels.groups == group]).size == 1
    assert set(pixels.classes[validation]) == {0, 1} and set(pixels.classes[~validation]) == {0, 1}

    one_each = np.full((40, 40), 255, dtype=np.uint8)
    one_each[5:35, 5:10] = 0
    one_each[5:35, 25:30] = 1
    pixels = labelled_pixels(one_each, 4)
    assert split_groups(pixels, 0.2, np.random.default_rng(0)) is None
    role = split_spatially(pixels, 0.2, 4)
    for label in (0, 1):
        assert (role[pixels.classes == label] == 1).sum() == 30
    val_rows = pixels.rows[role == 1]
    train_rows = pixels.rows[role == 0]
    assert train_rows.max() < val_rows.min() - 4  # a buffer: no patch shared across the split


def test_spatial_fallback_is_reported():
    t1, t2, change = synthetic_pair(40, 40, 3, 3, seed=1)
    labels = np.full((40, 40), 255, dtype=np.uint8)
    labels[2:38, 2:8] = 0
    labels[2:38, 30:36] = 1
    result = train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(**{**FAST, "epochs": 1}))
    assert result.metadata.shared  # equal band counts: siamese by default
    assert any("too few separate regions" in warning for warning in result.warnings)


def test_averaging_keeps_the_mean_of_the_later_epochs_and_never_stops_early():
    metrics = ChangeMetrics.from_maps(np.array([0, 1], np.uint8), np.array([0, 1], np.uint8))

    def epochs(stopper: EarlyStopping, model: torch.nn.Linear) -> list[bool]:
        stops = []
        for epoch in range(1, 7):
            with torch.no_grad():
                model.weight.fill_(float(epoch))
                model.bias.fill_(-float(epoch))
            stops.append(stopper.end_epoch(epoch, 1.0, 1.0, metrics, model, time.perf_counter()))
            if stops[-1]:
                break
        stopper.restore_best(model)
        return stops

    plain, model = EarlyStopping(1, 6, 1, lambda event: None), torch.nn.Linear(2, 1)
    assert epochs(plain, model) == [False, True]  # epoch 2 is no better: patience 1 stops
    assert float(model.weight[0, 0]) == 1.0 and plain.epoch == 1
    averaging, model = EarlyStopping(1, 6, 1, lambda event: None, average_from=4), torch.nn.Linear(2, 1)
    assert epochs(averaging, model) == [False] * 6
    assert averaging.averaged == 3
    assert torch.allclose(model.weight, torch.full_like(model.weight, 5.0))  # mean of epochs 4, 5, 6
    assert torch.allclose(model.bias, torch.full_like(model.bias, -5.0))


def test_too_few_validation_regions_average_the_weights_and_keep_one_half():
    t1, t2, _ = synthetic_pair(40, 40, 3, 3, seed=1)
    labels = np.full((40, 40), 255, dtype=np.uint8)  # one region per class: validation on 1 region each
    labels[2:38, 2:8] = 0
    labels[2:38, 30:36] = 1
    result = train(ArraySource(t1), ArraySource(t2), labels,
                   TrainingConfig(**{**FAST, "epochs": 5, "patience": 1}))
    provenance = result.metadata.provenance
    assert len(result.history) == 5 and result.best_epoch == 5  # every epoch, whatever the patience
    assert provenance["averaged_epochs"] == [3, 5]
    assert result.metadata.threshold == 0.5 and result.threshold.prior is None
    assert "none was held out to choose a threshold on" in provenance["threshold_choice"]["reason"]
    assert any("keeps the mean of the weights of epochs 3–5" in note for note in result.notes)
    assert any("Validation would rest on only 1" in warning and "too few to choose an epoch" in warning
               for warning in result.warnings)
    labelled = int((labels != 255).sum())
    assert result.train_pixels == labelled and result.validation_pixels == 0  # every label trains

    grid = np.full((72, 72), 255, dtype=np.uint8)  # 81 squares 9 pixels apart: many regions per class
    for i in range(9):
        for j in range(9):
            grid[1 + 8 * i:4 + 8 * i, 1 + 8 * j:4 + 8 * j] = (i + j) % 2
    t1, t2, _ = synthetic_pair(72, 72, 3, 3, seed=1)
    many = train(ArraySource(t1), ArraySource(t2), grid, TrainingConfig(**{**FAST, "validation_fraction": 0.3}))
    assert min(many.metadata.provenance["regions"]["validation"].values()) >= 5
    assert "averaged_epochs" not in many.metadata.provenance  # the best epoch is kept


def test_connected_components_eight_connectivity():
    mask = np.array([[1, 0, 0, 1],
                     [0, 1, 0, 1],
                     [0, 0, 0, 0],
                     [1, 1, 0, 1]], dtype=bool)
    rows, cols, ids = connected_components(mask)
    assert list(zip(rows.tolist(), cols.tolist())) == list(zip(*np.nonzero(mask)))
    assert ids.tolist() == [0, 1, 0, 1, 2, 2, 3]


def test_cuda_out_of_memory_splits_training_batches(pair, monkeypatch):
    """A training batch that does not fit (simulated) is computed in slices with the same gradient."""
    from siamcrnn_qgis.core.patch.model import PatchSiamCRNN
    from siamcrnn_qgis.core.patch.training import train_step

    original = PatchSiamCRNN.forward

    def forward(self, x1, x2):
        if self.training and x1.shape[0] > 20:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory (simulated)")
        return original(self, x1, x2)

    events = []
    t1, t2, _, labels = pair
    monkeypatch.setattr(PatchSiamCRNN, "forward", forward)
    result = train(ArraySource(t1), ArraySource(t2), labels, TrainingConfig(**FAST), events.append)
    assert len(result.history) >= 1
    messages = [e.message for e in events if "Out of GPU memory" in e.message]
    assert messages and "parts" in messages[-1]

    monkeypatch.setattr(PatchSiamCRNN, "forward", original)
    torch.manual_seed(0)
    model = PatchSiamCRNN(2, 2, shared=True).eval()  # eval: no dropout, so both ways see the same network
    x1, x2 = torch.randn(40, 2, 5, 5), torch.randn(40, 2, 5, 5)
    targets = (torch.arange(40) % 3 == 0).float()
    gradients = []
    for parts in (1, 4):
        optimiser = torch.optim.SGD(model.parameters(), lr=0.0)
        train_step(model, optimiser, x1, x2, targets, 5.0, parts)
        gradients.append([p.grad.clone() for p in model.parameters()])
    for whole, sliced in zip(*gradients):
        # a batch of 40 against 4 of 10: float32 kernels block and sum differently, so compare at each
        # gradient's own scale (a wrong slice or weight would be off by a large part of it)
        scale = float(whole.abs().max())
        torch.testing.assert_close(whole, sliced, rtol=1e-5, atol=1e-5 * scale)


def test_bfloat16_training_on_request(pair):
    """PRECISION=bfloat16 trains the patch network under autocast (also on the CPU) and still learns."""
    t1, t2, change, labels = pair
    events = []
    result = train(ArraySource(t1), ArraySource(t2), labels,
                   TrainingConfig(**{**FAST, "epochs": 8, "samples_per_epoch": 768, "patience": 8,
                                     "precision": "bfloat16"}), events.append)
    assert result.device.bfloat16 and "bfloat16" in result.device.description
    assert result.notes[0].startswith("Training patch:") and result.notes[1] == result.device.description
    assert result.metadata.provenance["device"] == result.device.description
    losses = [record.train_loss for record in result.history]
    assert losses[-1] < 0.5 * losses[0], losses  # it learns, as the float32 run does
    probability = predict_arrays(result.model, result.metadata, t1, t2, device="cpu")  # float32 detection
    reference = change.copy()
    reference[labels != 255] = 255  # judged on the pixels it was not trained on
    assert ChangeMetrics.from_maps((probability >= 0.5).astype(np.uint8), reference).kappa > 0.8
    with pytest.raises(InputError, match="precision must be one of auto, bfloat16, float32"):
        train(ArraySource(pair[0]), ArraySource(pair[1]), pair[3], TrainingConfig(**{**FAST, "precision": "fp8"}))
