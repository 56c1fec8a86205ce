"""The benchmark scripts still run (tiny sizes; the figures themselves come from `make bench`)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT


def run_script(*arguments: str) -> str:
    completed = subprocess.run([sys.executable, *arguments], cwd=REPO_ROOT, capture_output=True, text=True,
                               timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


def test_fcn_speed_benchmark_compares_both_architectures_in_both_precisions():
    rows = [json.loads(line) for line in run_script(
        "benchmarks/fcn.py", "speed", "--size", "96", "--device", "cpu", "--precision", "both").splitlines()]
    speeds = [row for row in rows if row["benchmark"] == "detect_speed"]
    assert [(row["architecture"], row["precision"]) for row in speeds] == [
        ("fcn", "float32"), ("patch", "float32"), ("fcn", "bfloat16"), ("patch", "bfloat16")]
    assert [row["tile_size"] for row in speeds] == [1024, 512, 1024, 512]
    assert all(row["pixels"] == 96 * 96 and row["pixels_per_second"] > 0 for row in speeds)
    assert [row["bfloat16"] for row in speeds] == [False, False, True, True]
    ratios = [row for row in rows if row["benchmark"] == "detect_speed_ratio"]
    assert len(ratios) == 2 and all(row["fcn_over_patch"] > 0 for row in ratios)


def test_core_throughput_runs_on_torch_and_numpy(tmp_path):
    output = tmp_path / "figures.json"
    run_script("benchmarks/core_throughput.py", "--devices", "cpu", "--seconds", "0.2", "--fcn-size", "96",
               "--json", str(output))
    rows = json.loads(output.read_text())
    assert {row["architecture"] for row in rows} == {"patch", "fcn"}
    assert all(row["pixels_per_second"] > 0 and row["precision"] == "fp32" for row in rows)


def test_detection_with_polygons_memory_benchmark_runs():
    output = run_script("benchmarks/run.py", "--quick", "--only", "polygons", "--polygon-sizes", "128", "160",
                        "--polygon-tile-size", "64")
    assert "peak RSS, detect 128² with" in output and "polygons (fcn, tile 64)" in output
    assert "peak RSS growth 128² → 160², with polygons" in output


def test_active_learning_seed_reach_and_table():
    """The simulated analyst's parts that need no training: the seed boxes, when a curve reaches a kappa,
    and the table (the run itself trains dozens of models: see docs/suggestions.md)."""
    import numpy as np

    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    from active_learning import UNLABELLED, boxes_to_reach, seed_labels, table

    reference = np.zeros((200, 250), np.uint8)
    reference[10:100, 10:200] = 1
    labels = seed_labels(reference, 15, np.random.default_rng(0))
    labelled = labels != UNLABELLED
    assert labelled.sum() == 15 * 15 * 15 and (labels[labelled] == reference[labelled]).all()
    assert 5 * 15 * 15 * 0.5 <= (labels == 1).sum() <= 5 * 15 * 15
    assert boxes_to_reach([0.5, 0.7, 0.8], 0.6, 10) == 5.0 and boxes_to_reach([0.5, 0.6], 0.7, 10) is None
    rows = [{"set": name, "rounds": 2, "boxes": 10,
             "kappa": {"suggest": [0.5, 0.8, 0.9], "random": [0.5, 0.6, 0.7], "stratified": [0.5, 0.7, 0.8]}}
            for name in ("a", "b")]
    text = table(rows)
    assert "| **mean** | suggest | 0.500 | 0.800 | 0.900 | +0.200 | 7 of 20 |" in text


def test_active_learning_docs_name_every_merged_run():
    """--from-json over runs made one set at a time: the docs' line names each command and sums the time."""
    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    from active_learning import describe

    facts = {"date": "2026-12-03", "commit": "abc1234", "cpu": "Some CPU", "cores": 2, "torch": "2.13.0+cpu",
             "load_average": [2.0, 2.0, 1.9], "minutes": 13.4}
    one = describe([(facts, "active_learning.py --sets italy")])
    assert one.endswith("13 min. Command: `active_learning.py --sets italy`.")
    two = describe([(facts, "active_learning.py --sets italy"),
                    ({**facts, "commit": "def5678", "minutes": 22.9}, "active_learning.py --sets levir")])
    assert "at commit abc1234, def5678 on Some CPU (2 cores" in two
    assert "36 min in 2 runs. Commands: `active_learning.py --sets italy`; `active_learning.py --sets levir`." in two


def test_active_learning_variants_keep_half_of_the_boxes_for_each_predicted_class():
    """The benchmark's variants of the suggestions: ``balanced`` and ``weighted`` take half of the boxes
    from each predicted class, and ``weighted`` favours uncertain boxes over sure ones."""
    import numpy as np

    sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
    from active_learning import UNLABELLED, next_boxes

    probability = np.full((150, 300), 0.02, np.float32)
    probability[:, 150:] = 0.98  # right half predicted changed, sure
    probability[:, 120:150] = 0.3  # an uncertain unchanged strip
    probability[:, 150:180] = 0.7  # and an uncertain changed strip
    labels = np.full(probability.shape, UNLABELLED, np.uint8)
    for strategy in ("balanced", "weighted", "suggest", "stratified"):
        chosen = next_boxes(strategy, probability, 0.5, labels, 15, 8, np.random.default_rng(1))
        assert len(chosen) == 8
        if strategy != "suggest":
            assert sum(box.predicted for box in chosen) == 4, strategy
    rng = np.random.default_rng(2)
    uncertain = [sum(1 for box in next_boxes("weighted", probability, 0.5, labels, 15, 8, rng)
                     if 105 <= box.x <= 180) for _ in range(10)]
    randomly = [sum(1 for box in next_boxes("stratified", probability, 0.5, labels, 15, 8, rng)
                    if 105 <= box.x <= 180) for _ in range(10)]
    assert np.mean(uncertain) > np.mean(randomly) + 1
