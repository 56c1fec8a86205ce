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
