"""The patch network: shapes, initialisation, siamese vs pseudo-siamese branches."""

from __future__ import annotations

import math

import pytest
import torch

from siamcrnn_qgis.core.branches import resolve_shared
from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.core.patch.model import PATCH_SIZE, DSCNNBranch, PatchSiamCRNN


def test_forward_gives_one_logit_per_pixel():
    torch.manual_seed(0)
    model = PatchSiamCRNN(1, 3, shared=False).eval()
    logits = model(torch.randn(7, 1, PATCH_SIZE, PATCH_SIZE), torch.randn(7, 3, PATCH_SIZE, PATCH_SIZE))
    assert logits.shape == (7,)
    assert torch.isfinite(logits).all()


def test_branch_layers_match_the_paper():
    branch = DSCNNBranch(4)
    convs = [m for m in branch.layers if isinstance(m, torch.nn.Conv2d)]
    assert [(c.in_channels, c.out_channels, c.kernel_size) for c in convs] == [
        (4, 16, (3, 3)), (16, 16, (3, 3)), (16, 32, (3, 3)), (32, 32, (3, 3)), (32, 64, (3, 3)), (64, 64, (5, 5))]
    assert [c.padding for c in convs] == [(1, 1)] * 5 + [(0, 0)]
    dropouts = [m.p for m in branch.layers if isinstance(m, torch.nn.Dropout)]
    assert dropouts == [0.2, 0.3, 0.5]
    assert branch(torch.zeros(2, 4, 5, 5)).shape == (2, 64)


def test_convolutions_are_he_normal_with_bias_point_one():
    torch.manual_seed(0)
    branch = DSCNNBranch(32)
    conv = [m for m in branch.layers if isinstance(m, torch.nn.Conv2d)][4]  # 3×3, 32 -> 64: many weights
    fan_in = conv.in_channels * 9
    assert conv.weight.std().item() == pytest.approx(math.sqrt(2.0 / fan_in), rel=0.05)
    assert abs(conv.weight.mean().item()) < 0.01
    for layer in branch.layers:
        if isinstance(layer, torch.nn.Conv2d):
            assert torch.all(layer.bias == 0.1)


def test_recurrent_head():
    model = PatchSiamCRNN(2, 2, shared=True)
    assert (model.lstm1.input_size, model.lstm1.hidden_size) == (64, 128)
    assert (model.lstm2.input_size, model.lstm2.hidden_size) == (128, 64)
    assert (model.fc.in_features, model.fc.out_features, model.out.out_features) == (64, 32, 1)
    assert model.dropout.p == 0.5


def test_shared_model_has_one_branch():
    shared = PatchSiamCRNN(3, 3, shared=True)
    separate = PatchSiamCRNN(3, 3, shared=False)
    branch_params = sum(p.numel() for p in DSCNNBranch(3).parameters())
    shared_count = sum(p.numel() for p in shared.parameters())
    separate_count = sum(p.numel() for p in separate.parameters())
    assert separate_count - shared_count == branch_params
    assert len(shared.branches) == 1


def test_shared_branch_treats_dates_alike():
    torch.manual_seed(0)
    model = PatchSiamCRNN(3, 3, shared=True).eval()
    x = torch.randn(5, 3, 5, 5)
    with torch.no_grad():
        f1, f2 = model.features(x, x.clone())
    # Both dates go through the branch as one batch of 10; float32 kernels may compute its two halves in
    # different blocks (AMD EPYC without AMX did), so equal means equal to float32 rounding at the output's
    # scale, not bit for bit (values just above 0 after the ReLU defeat a purely relative tolerance).
    scale = float(f1.abs().max())
    assert scale > 0
    torch.testing.assert_close(f1, f2, rtol=1e-5, atol=1e-5 * scale)
    other = model.features(x, torch.randn(5, 3, 5, 5))[1]
    assert (other - f1).abs().max() > 100 * 1e-5 * scale, "a different date gives different features"


def test_separate_branches_accept_different_band_counts():
    torch.manual_seed(0)
    model = PatchSiamCRNN(1, 4, shared=False).eval()
    assert model(torch.randn(3, 1, 5, 5), torch.randn(3, 4, 5, 5)).shape == (3,)


def test_shared_requires_equal_band_counts():
    with pytest.raises(InputError, match="need equal band counts"):
        PatchSiamCRNN(1, 3, shared=True)


@pytest.mark.parametrize(
    ("siamese", "b1", "b2", "differ", "expected"),
    [("auto", 3, 3, False, True), ("auto", 3, 3, True, False), ("auto", 1, 3, False, False),
     ("shared", 4, 4, True, True), ("separate", 3, 3, False, False)],
)
def test_resolve_shared(siamese, b1, b2, differ, expected):
    assert resolve_shared(siamese, b1, b2, differ) is expected


def test_resolve_shared_errors():
    with pytest.raises(InputError, match="equal band counts"):
        resolve_shared("shared", 1, 3)
    with pytest.raises(InputError, match="Unknown siamese option"):
        resolve_shared("twins", 3, 3)
