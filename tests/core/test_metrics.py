"""Change metrics against hand-computed cases."""

from __future__ import annotations

import numpy as np
import pytest

from siamcrnn_qgis.core.metrics import ChangeMetrics, confusion_matrix


def test_confusion_matrix_layout_and_sparse_reference():
    reference = np.array([0, 0, 0, 1, 1, 255, 1, 0])
    predicted = np.array([0, 1, 0, 1, 0, 1, 1, 255])
    cm = confusion_matrix(predicted, reference)
    assert cm.dtype == np.int64
    assert cm.tolist() == [[2, 1], [1, 2]]  # [[TN, FP], [FN, TP]]; the 255s are ignored


def test_hand_computed_case():
    # TN=50, FP=10, FN=5, TP=35 (N=100)
    m = ChangeMetrics.from_confusion(np.array([[50, 10], [5, 35]]))
    assert (m.tn, m.fp, m.fn, m.tp) == (50, 10, 5, 35)
    assert m.oa == pytest.approx(0.85)
    # p_e = (45*40 + 55*60) / 100^2 = 0.51; kappa = (0.85 - 0.51) / 0.49
    assert m.kappa == pytest.approx(0.34 / 0.49)
    assert m.precision == pytest.approx(35 / 45)
    assert m.recall == pytest.approx(35 / 40)
    assert m.f1 == pytest.approx(70 / 85)
    assert m.iou == pytest.approx(35 / 50)
    assert m.false_alarm_rate == pytest.approx(10 / 60)
    assert m.missed_alarm_rate == pytest.approx(5 / 40)


def test_perfect_and_inverted_maps():
    reference = np.array([[0, 1], [1, 0]])
    perfect = ChangeMetrics.from_maps(reference, reference)
    assert perfect.kappa == pytest.approx(1.0) and perfect.f1 == 1.0 and perfect.oa == 1.0
    inverted = ChangeMetrics.from_maps(1 - reference, reference)
    assert inverted.kappa == pytest.approx(-1.0) and inverted.oa == 0.0


def test_undefined_ratios_are_zero():
    m = ChangeMetrics.from_confusion(np.array([[10, 0], [0, 0]]))  # no change anywhere, none predicted
    assert m.oa == 1.0
    assert m.precision == m.recall == m.f1 == m.iou == m.missed_alarm_rate == 0.0
    assert m.kappa == 0.0
    empty = ChangeMetrics.from_confusion(np.zeros((2, 2)))
    assert empty.oa == 0.0 and empty.kappa == 0.0


def test_as_dict_has_every_field():
    d = ChangeMetrics.from_confusion(np.array([[1, 2], [3, 4]])).as_dict()
    assert set(d) == {"oa", "kappa", "f1", "precision", "recall", "iou", "false_alarm_rate",
                      "missed_alarm_rate", "tn", "fp", "fn", "tp"}
