"""The decision threshold a model file carries: chosen on the validation regions for the scene's share of
change rather than for the 50 % that class-balanced training assumes.

Training draws both classes equally often, so the network's probabilities are calibrated for a scene
that is half changed. Real scenes are a few percent changed, and the analyst's labels have a mix of their
own (often a third changed boxes). The threshold is therefore chosen in two steps:

1. the scene's share of change is estimated from the network's probabilities on a sample of the scene's
   pixels, by the EM prior adjustment of Saerens, Latinne and Decaestecker (Neural Computation 14(1),
   2002): the posteriors are re-weighted for a candidate prior and the prior set to their mean, until it
   settles;
2. the validation pixels' classes are weighted so that they hold that share of change, and the
   thresholds within 0.005 of the best weighted kappa form the best plateau (only thresholds of at least
   0.5 when the scene is less than half changed: a smaller share of change can only raise the threshold
   of a network trained for a half-changed scene);
3. of those, the threshold is the one at which the detected map of the scene sample is changed in the
   estimated share: analysts label clear cases, which a confident network separates equally well over a
   wide range of thresholds, and only the scene tells those thresholds apart.

Pure numpy, so that it is tested anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Thresholds tried, in logit steps of 0.1 between probabilities 0.01 and 0.995.
CANDIDATES = 1.0 / (1.0 + np.exp(-np.arange(-46, 53) / 10.0))  # integer steps: 0.5 itself is one of them
#: The share of change estimated for the scene is kept within these bounds.
PRIOR_BOUNDS = (0.002, 0.5)
#: Thresholds whose weighted kappa is within this of the best form the best plateau.
PLATEAU = 0.005
#: With fewer validation pixels than this of either class, the threshold stays at 0.5.
MIN_VALIDATION_PIXELS = 20


@dataclass(frozen=True)
class ThresholdChoice:
    """The threshold, the scene's estimated share of change it was chosen for, and the validation kappa
    (weighted to that share) at the threshold and at 0.5. ``reason`` says why 0.5 was kept, if it was."""

    threshold: float
    prior: float | None
    kappa: float | None
    kappa_at_half: float | None
    reason: str = ""

    def as_dict(self) -> dict:
        return {"threshold": self.threshold, "scene_change_share": self.prior, "weighted_kappa": self.kappa,
                "weighted_kappa_at_0.5": self.kappa_at_half, "reason": self.reason}


def estimate_prior(probability: np.ndarray, trained_prior: float = 0.5, iterations: int = 200,
                   tolerance: float = 1e-6) -> float:
    """The share of change of the pixels whose (balanced-training) change probabilities are given."""
    p = np.clip(np.asarray(probability, dtype=np.float64).ravel(), 1e-6, 1 - 1e-6)
    p = p[np.isfinite(p)]
    if p.size == 0:
        raise ValueError("no probabilities to estimate the share of change from")
    prior = trained_prior
    for _ in range(iterations):
        changed = prior / trained_prior * p
        unchanged = (1 - prior) / (1 - trained_prior) * (1 - p)
        updated = float(np.mean(changed / (changed + unchanged)))
        if abs(updated - prior) < tolerance:
            prior = updated
            break
        prior = updated
    return float(np.clip(prior, *PRIOR_BOUNDS))


def weighted_kappa(predicted: np.ndarray, classes: np.ndarray, prior: float) -> np.ndarray:
    """Kappa of each row of ``predicted`` (bool ``[T, N]``) with the classes weighted to ``prior`` changed."""
    changed = classes == 1
    w1 = prior / max(int(changed.sum()), 1)
    w0 = (1 - prior) / max(int((~changed).sum()), 1)
    tp = w1 * (predicted & changed).sum(axis=1)
    fn = w1 * (~predicted & changed).sum(axis=1)
    fp = w0 * (predicted & ~changed).sum(axis=1)
    tn = w0 * (~predicted & ~changed).sum(axis=1)
    total = tp + fn + fp + tn
    agreement = (tp + tn) / total
    chance = ((tp + fp) * (tp + fn) + (tn + fn) * (tn + fp)) / total**2
    with np.errstate(invalid="ignore", divide="ignore"):
        kappa = np.where(chance < 1, (agreement - chance) / (1 - chance), 0.0)
    return kappa


def choose_threshold(val_probability: np.ndarray, val_classes: np.ndarray,
                     scene_probability: np.ndarray | None,
                     scene_map_probability: np.ndarray | None = None) -> ThresholdChoice:
    """The decision threshold for a model: see the module's text. ``scene_probability`` is the network's
    probability on a sample of the scene's pixels, ``scene_map_probability`` what detection outputs there
    (smoothed; the same when None). Falls back to 0.5, with the reason, when the validation pixels are too
    few or the scene sample is empty."""
    probability = np.asarray(val_probability, dtype=np.float64).ravel()
    classes = np.asarray(val_classes).ravel()
    keep = np.isfinite(probability) & (classes <= 1)
    probability, classes = probability[keep], classes[keep]
    counts = int((classes == 0).sum()), int((classes == 1).sum())
    if min(counts) < MIN_VALIDATION_PIXELS:
        return ThresholdChoice(0.5, None, None, None,
                               f"the validation regions hold {counts[1]} changed and {counts[0]} unchanged samples, "
                               f"fewer than the {MIN_VALIDATION_PIXELS} of each class a threshold is chosen on")
    if scene_probability is None or not np.isfinite(np.asarray(scene_probability, dtype=np.float64)).any():
        return ThresholdChoice(0.5, None, None, None, "no scene pixels to estimate the share of change from")
    prior = estimate_prior(scene_probability)
    # Balanced training calibrates for a half-changed scene; for a scene with less change the prior shift
    # can only raise the threshold, so thresholds below 0.5 are not considered then.
    grid = CANDIDATES[CANDIDATES >= 0.5] if prior < 0.5 else CANDIDATES
    candidates = np.append(grid, 0.5)
    kappas = weighted_kappa(probability[None, :] >= candidates[:, None], classes, prior)
    ordered = np.argsort(candidates[:-1])
    kappas_sorted, thresholds = kappas[:-1][ordered], candidates[:-1][ordered]
    best = float(kappas_sorted.max())
    # Among the thresholds on the best plateau (within PLATEAU of the best), the one whose map of the scene
    # sample is changed in the share estimated for the scene: a confident network separates the validation
    # boxes equally well over a wide range of thresholds, and only the scene tells them apart.
    plateau = thresholds[kappas_sorted >= best - PLATEAU]
    scene_map = np.asarray(scene_probability if scene_map_probability is None else scene_map_probability,
                           dtype=np.float64)
    scene_map = scene_map[np.isfinite(scene_map)]
    shares = (scene_map[None, :] >= plateau[:, None]).mean(axis=1)
    threshold = float(plateau[int(np.argmin(np.abs(shares - prior)))])
    chosen = float(weighted_kappa(probability[None, :] >= threshold, classes, prior)[0])
    return ThresholdChoice(round(threshold, 4), round(prior, 4), round(chosen, 4), round(float(kappas[-1]), 4))
