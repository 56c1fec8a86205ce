#!/usr/bin/env python3
"""Do the suggestions save labels? A simulated analyst on the development sets with a full reference.

For each set and seed: a seed of 5 boxes in changed areas and 10 in unchanged areas, drawn at random from
the reference; then ``--rounds`` rounds in which each strategy adds ``--boxes`` boxes, labels their pixels
from the reference (as a careful analyst would), retrains with Train's defaults (patch architecture, seed
as given) and detects. Strategies: ``suggest`` (Suggest where to label next, its defaults), ``random``
(uniformly random admissible boxes) and ``stratified`` (random boxes, half predicted changed and half
unchanged); ``--strategies`` can add two variants of the suggestions, ``balanced`` (the suggestions with
half of the boxes kept for each predicted class) and ``weighted`` (random boxes, half per predicted class,
drawn with probability proportional to the suggestions' score). Kappa is scored at the end of the run
on the reference pixels that no strategy labelled in any round, so all strategies and rounds are scored
on the same pixels. The core API is called directly (no Processing) with the same defaults as Train and
Detect.

    .venv/bin/python benchmarks/active_learning.py [--sets italy lpem12 ...] [--rounds 2] [--boxes 10]
                                                   [--seeds 0 1] [--strategies ...] [--json FILE]
                                                   [--update-docs]

Sets: italy, yellowriver, lpem12, lpem13, levir (the 11 LEVIR tiles side by side). Data:
$SIAMCRNN_TEST_DATA or ../shared/data. ``--update-docs`` rewrites the marked table in docs/suggestions.md
and the plot docs/suggestions.png.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(HERE))

from accuracy import commit, data_dir, read  # noqa: E402
from core_throughput import machine  # noqa: E402

from siamcrnn_qgis.core.architectures import get_architecture  # noqa: E402
from siamcrnn_qgis.core.detection import detect  # noqa: E402
from siamcrnn_qgis.core.metrics import ChangeMetrics, confusion_matrix  # noqa: E402
from siamcrnn_qgis.core.options import TrainingConfig  # noqa: E402
from siamcrnn_qgis.core.sources import ArraySource  # noqa: E402
from siamcrnn_qgis.core.suggestions import SuggestionScorer  # noqa: E402
from siamcrnn_qgis.core.training import train  # noqa: E402

FOLDERS = {"italy": "italy_heterogeneous", "yellowriver": "yellowriver_sar_optical", "lpem12": "lpem12_sar",
           "lpem13": "lpem13_sar", "levir": "levir_cd_samples"}
STRATEGIES = ("suggest", "random", "stratified")
VARIANTS = ("balanced", "weighted")
SEED_CHANGED, SEED_UNCHANGED = 5, 10
DOCS = REPO_ROOT / "docs" / "suggestions.md"
PLOT = REPO_ROOT / "docs" / "suggestions.png"
START, END = "<!-- bench-active-learning:start -->", "<!-- bench-active-learning:end -->"
UNLABELLED = 255


def load(name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """T1, T2 as float32 [bands, h, w] and the reference 0/1 [h, w]."""
    folder = data_dir() / FOLDERS[name]
    if not folder.exists():
        raise SystemExit(f"{folder} not found: set SIAMCRNN_TEST_DATA to the shared data folder")

    def bands(array: np.ndarray) -> np.ndarray:
        return (array if array.ndim == 3 else array[None]).astype(np.float32)

    if name == "levir":
        tiles = sorted((folder / "A").glob("*.png"))
        t1 = np.concatenate([bands(read(str(p))) for p in tiles], axis=-1)
        t2 = np.concatenate([bands(read(str(folder / "B" / p.name))) for p in tiles], axis=-1)
        labels = [read(str(folder / "label" / p.name)) for p in tiles]
        reference = np.concatenate([(lab[0] if lab.ndim == 3 else lab) > 127 for lab in labels], axis=-1)
        return t1, t2, reference.astype(np.uint8)
    if name == "italy":
        gt = read(str(folder / "gt.png"))
        gt = gt[0] if gt.ndim == 3 else gt
        return bands(read(str(folder / "t1.png"))), bands(read(str(folder / "t2.png"))), (gt > 127).astype(np.uint8)
    return (bands(read(str(folder / "t1.tif"))), bands(read(str(folder / "t2.tif"))),
            (read(str(folder / "reference.tif")) == 1).astype(np.uint8))


def box_share(mask: np.ndarray, box: int) -> np.ndarray:
    """Share of ``mask`` in every box, indexed by its top-left pixel."""
    total = np.pad(mask.astype(np.float64), ((1, 0), (1, 0))).cumsum(0).cumsum(1)
    return (total[box:, box:] - total[:-box, box:] - total[box:, :-box] + total[:-box, :-box]) / box ** 2


def seed_labels(reference: np.ndarray, box: int, rng: np.random.Generator) -> np.ndarray:
    """5 boxes mostly in changed areas and 10 wholly in unchanged areas, not touching, labelled from the
    reference pixel by pixel."""
    share = box_share(reference, box)
    labels = np.full(reference.shape, UNLABELLED, np.uint8)
    free = np.ones_like(share, bool)
    for wanted, count in ((share >= 0.5, SEED_CHANGED), (share == 0.0, SEED_UNCHANGED)):
        for _ in range(count):
            rows, cols = np.nonzero(wanted & free)
            if rows.size == 0:
                break
            pick = rng.integers(rows.size)
            y, x = int(rows[pick]), int(cols[pick])
            labels[y:y + box, x:x + box] = reference[y:y + box, x:x + box]
            free[max(0, y - 2 * box):y + 2 * box, max(0, x - 2 * box):x + 2 * box] = False
    return labels


def fit_and_detect(t1: ArraySource, t2: ArraySource, labels: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    """Train with the defaults on ``labels``, then the probability of change over the scene and the
    model's threshold."""
    result = train(t1, t2, labels, TrainingConfig(seed=seed, device="cpu"))
    probability = np.full((t1.height, t1.width), np.nan, np.float32)

    def store(x: int, y: int, values: np.ndarray) -> None:
        probability[y:y + values.shape[0], x:x + values.shape[1]] = values

    detect(result.model, result.metadata, t1, t2, store, device="cpu")
    return probability, float(result.metadata.threshold)


def next_boxes(strategy: str, probability: np.ndarray, threshold: float, labels: np.ndarray, box: int,
               count: int, rng: np.random.Generator) -> list:
    """The boxes a strategy labels next, through the same candidates (inside, valid, unlabelled, spaced)."""
    scorer = SuggestionScorer(probability.shape[1], probability.shape[0], box, threshold, labels != UNLABELLED)
    scorer.add(0, 0, probability)
    if strategy == "suggest":
        return scorer.select(count, box)
    if strategy == "balanced":
        return scorer.select(count, box, class_share=0.5)
    score = scorer.candidates()["score"]
    keys = rng.random(score.size)
    if strategy == "weighted":  # weighted sampling without replacement: the largest u ** (1 / score)
        keys = np.log(np.maximum(keys, 1e-300)) / np.maximum(score, 1e-6)
    return scorer.select(count, box, scores=keys, class_share=0.0 if strategy == "random" else 0.5)


def run_set(name: str, seed: int, rounds: int, boxes: int, strategies: tuple[str, ...] = STRATEGIES) -> dict:
    t1_array, t2_array, reference = load(name)
    t1, t2 = ArraySource(t1_array), ArraySource(t2_array)
    box = get_architecture("patch").detection_defaults.box_size
    rng = np.random.default_rng(seed)
    started = time.perf_counter()
    seed_map = seed_labels(reference, box, rng)
    probability, threshold = fit_and_detect(t1, t2, seed_map, seed)
    maps = {strategy: [probability >= threshold] for strategy in strategies}
    labels = {strategy: seed_map.copy() for strategy in strategies}
    state = {strategy: (probability, threshold) for strategy in strategies}
    predicted_changed = {strategy: [] for strategy in strategies}
    for _ in range(rounds):
        for strategy in strategies:
            chosen = next_boxes(strategy, *state[strategy], labels[strategy], box, boxes, rng)
            for item in chosen:
                window = np.s_[item.y:item.y + item.size, item.x:item.x + item.size]
                labels[strategy][window] = reference[window]
            predicted_changed[strategy].append(sum(item.predicted for item in chosen))
            state[strategy] = fit_and_detect(t1, t2, labels[strategy], seed)
            maps[strategy].append(state[strategy][0] >= state[strategy][1])
    unlabelled = np.logical_and.reduce([labels[strategy] == UNLABELLED for strategy in strategies])
    truth = reference[unlabelled]
    kappas = {strategy: [round(ChangeMetrics.from_confusion(confusion_matrix(
        change[unlabelled].astype(np.uint8), truth)).kappa, 4) for change in maps[strategy]]
        for strategy in strategies}
    return {"set": name, "seed": seed, "rounds": rounds, "boxes": boxes, "box_size": box,
            "seed_labelled_pixels": int((seed_map != UNLABELLED).sum()),
            "labelled_changed_share": {s: round(float((labels[s] == 1).sum() / (labels[s] != UNLABELLED).sum()), 4)
                                       for s in strategies},
            "predicted_changed_boxes": predicted_changed, "kappa": kappas,
            "evaluated_pixels": int(unlabelled.sum()), "seconds": round(time.perf_counter() - started, 1),
            "load_average": [round(value, 2) for value in os.getloadavg()]}


def boxes_to_reach(curve: list[float], target: float, boxes: int) -> float | None:
    """Added boxes after which ``curve`` first reaches ``target`` (linear between rounds), None if never."""
    if curve[0] >= target:
        return 0.0
    for index in range(1, len(curve)):
        if curve[index] >= target:
            low, high = curve[index - 1], curve[index]
            return boxes * (index - 1 + (target - low) / (high - low))
    return None


def strategies_of(rows: list[dict]) -> list[str]:
    """The strategies every row measured, in the order of STRATEGIES + VARIANTS."""
    return [s for s in STRATEGIES + VARIANTS if all(s in row["kappa"] for row in rows)]


def mean_curves(rows: list[dict]) -> dict[str, list[float]]:
    return {s: np.mean([row["kappa"][s] for row in rows], axis=0).tolist() for s in strategies_of(rows)}


def table(rows: list[dict]) -> str:
    """Per set (seeds averaged) and for the mean: kappa per round of each strategy, the gain of the
    suggestions over random at the last round, and the boxes they needed to reach random's final kappa."""
    boxes, strategies = rows[0]["boxes"], strategies_of(rows)
    lines = ["| set | strategy | " + " | ".join(f"+{boxes * r} boxes" for r in range(rows[0]["rounds"] + 1))
             + " | suggest − random, last round | boxes suggest needed for random's final kappa |",
             "|" + "---|" * (rows[0]["rounds"] + 5)]
    groups = {name: [row for row in rows if row["set"] == name] for name in dict.fromkeys(r["set"] for r in rows)}
    if len(groups) > 1:
        groups["mean"] = rows
    for name, members in groups.items():
        curves = mean_curves(members) if name != "mean" else {
            s: np.mean([mean_curves(group)[s] for key, group in groups.items() if key != "mean"], axis=0).tolist()
            for s in strategies}
        gain = curves["suggest"][-1] - curves["random"][-1]
        needed = boxes_to_reach(curves["suggest"], curves["random"][-1], boxes)
        total = boxes * rows[0]["rounds"]
        for strategy in strategies:
            extra = (f" {gain:+.3f} | {'never' if needed is None else f'{needed:.0f} of {total}'} |"
                     if strategy == "suggest" else " | |")
            label = f"**{name}**" if name == "mean" else name
            lines.append(f"| {label} | {strategy} | " + " | ".join(f"{k:.3f}" for k in curves[strategy]) + " |"
                         + extra)
    return "\n".join(lines)


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    names = list(dict.fromkeys(row["set"] for row in rows))
    figure, axes = pyplot.subplots(1, len(names) + (len(names) > 1), figsize=(3.2 * (len(names) + 1), 3.0),
                                   squeeze=False)
    boxes, strategies = rows[0]["boxes"], strategies_of(rows)
    groups = [(name, [row for row in rows if row["set"] == name]) for name in names]
    if len(names) > 1:
        groups.append(("mean of the sets", None))
    for axis, (name, members) in zip(axes[0], groups):
        curves = mean_curves(members) if members else {
            s: np.mean([mean_curves([r for r in rows if r["set"] == n])[s] for n in names], axis=0) for s in strategies}
        for strategy, style in zip(strategies, ("-o", "--s", ":^", "-.d", "-x")):
            axis.plot([boxes * r for r in range(len(curves[strategy]))], curves[strategy], style, label=strategy)
        axis.set_title(name)
        axis.set_xlabel("boxes added to the seed")
        axis.grid(alpha=0.3)
    axes[0][0].set_ylabel("kappa")
    axes[0][0].legend()
    figure.tight_layout()
    figure.savefig(path, dpi=90)


def describe(runs: list[tuple[dict, str]]) -> str:
    """Where and how the table was measured: one run, or the runs merged by ``--from-json``."""
    def distinct(key: str) -> str:
        return ", ".join(dict.fromkeys(str(facts[key]) for facts, _ in runs))

    first = runs[0][0]
    minutes = sum(facts["minutes"] for facts, _ in runs)
    commands = "; ".join(f"`{command}`" for _, command in runs)
    loads = "; ".join(str(facts["load_average"]) for facts, _ in runs)
    return (f"Measured {distinct('date')} at commit {distinct('commit')} on {distinct('cpu')} "
            f"({first['cores']} cores, torch {distinct('torch')}), load average at the end {loads}, "
            f"{minutes:.0f} min{f' in {len(runs)} runs' if len(runs) > 1 else ''}. "
            f"Command{'s' if len(runs) > 1 else ''}: {commands}.")


def update_docs(rows: list[dict], runs: list[tuple[dict, str]]) -> None:
    text = DOCS.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{DOCS} lacks the {START} … {END} markers")
    block = f"{START}\n{describe(runs)}\n\n{table(rows)}\n{END}"
    head, rest = text.split(START, 1)
    DOCS.write_text(head + block + rest.split(END, 1)[1], encoding="utf-8")
    plot(rows, PLOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="+", default=list(FOLDERS), choices=list(FOLDERS), metavar="SET")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--boxes", type=int, default=10, help="boxes each strategy adds per round")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--strategies", nargs="+", default=list(STRATEGIES), choices=STRATEGIES + VARIANTS,
                        help="suggest, random and stratified are always run; balanced and weighted are variants")
    parser.add_argument("--json", type=Path, help="also write the rows and the machine to this file")
    parser.add_argument("--update-docs", action="store_true", help="rewrite docs/suggestions.md's table and plot")
    parser.add_argument("--from-json", type=Path, nargs="+", metavar="FILE",
                        help="measure nothing: print (and with --update-docs write) the table of these files")
    args = parser.parse_args()
    if args.from_json:
        results = [json.loads(path.read_text(encoding="utf-8")) for path in args.from_json]
        rows = [row for result in results for row in result["rows"]]
        print(table(rows))
        if args.update_docs:
            update_docs(rows, [(result["machine"], result["command"]) for result in results])
        return
    started = time.perf_counter()
    command = "benchmarks/active_learning.py " + " ".join(sys.argv[1:])
    strategies = tuple(dict.fromkeys(list(STRATEGIES) + args.strategies))
    rows = []
    for name in args.sets:
        for seed in args.seeds:
            row = run_set(name, seed, args.rounds, args.boxes, strategies)
            rows.append(row)
            print(json.dumps(row), flush=True)
            facts = {**machine(), "commit": commit(), "date": datetime.date.today().isoformat(),
                     "load_average": [round(value, 2) for value in os.getloadavg()],
                     "minutes": (time.perf_counter() - started) / 60}
            if args.json:  # after every set, so that an interrupted run keeps what it measured
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps({"machine": facts, "command": command, "rows": rows}, indent=1),
                                     encoding="utf-8")
    print(table(rows))
    if args.update_docs:
        update_docs(rows, [(facts, command)])


if __name__ == "__main__":
    main()
