"""Accuracy of a binary change map against a (possibly sparse) reference.

Ratios whose denominator is zero (e.g. precision when nothing is predicted changed) are reported as
0.0 rather than NaN, so reports and JSON stay plain numbers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np


def confusion_matrix(predicted: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """2×2 int64 ``[[TN, FP], [FN, TP]]``: rows are the reference (0/1), columns the prediction (0/1).

    Pixels whose reference or prediction is neither 0 nor 1 (unlabelled, nodata) are ignored.
    """
    predicted = np.asarray(predicted)
    reference = np.asarray(reference)
    if predicted.shape != reference.shape:
        raise ValueError(f"prediction shape {predicted.shape} differs from reference shape {reference.shape}")
    keep = ((reference == 0) | (reference == 1)) & ((predicted == 0) | (predicted == 1))
    codes = 2 * reference[keep].astype(np.int64) + predicted[keep].astype(np.int64)
    return np.bincount(codes, minlength=4).reshape(2, 2).astype(np.int64)


def _ratio(numerator: float, denominator: float) -> float:
    return float(numerator) / float(denominator) if denominator else 0.0


@dataclass
class ChangeMetrics:
    """Standard change-detection scores; 'positive' means changed. Undefined ratios are 0.0."""

    oa: float
    kappa: float
    f1: float
    precision: float
    recall: float
    iou: float
    false_alarm_rate: float
    missed_alarm_rate: float
    tn: int
    fp: int
    fn: int
    tp: int

    @classmethod
    def from_confusion(cls, cm: np.ndarray) -> ChangeMetrics:
        tn, fp, fn, tp = (int(v) for v in np.asarray(cm, dtype=np.int64).reshape(4))
        total = tn + fp + fn + tp
        oa = _ratio(tp + tn, total)
        expected = _ratio((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn), total * total)
        kappa = _ratio(oa - expected, 1.0 - expected) if expected < 1.0 else 0.0
        precision = _ratio(tp, tp + fp)
        recall = _ratio(tp, tp + fn)
        return cls(
            oa=oa,
            kappa=kappa,
            f1=_ratio(2 * tp, 2 * tp + fp + fn),
            precision=precision,
            recall=recall,
            iou=_ratio(tp, tp + fp + fn),
            false_alarm_rate=_ratio(fp, fp + tn),
            missed_alarm_rate=_ratio(fn, fn + tp),
            tn=tn, fp=fp, fn=fn, tp=tp,
        )

    @classmethod
    def from_maps(cls, predicted: np.ndarray, reference: np.ndarray) -> ChangeMetrics:
        return cls.from_confusion(confusion_matrix(predicted, reference))

    def as_dict(self) -> dict:
        return asdict(self)
