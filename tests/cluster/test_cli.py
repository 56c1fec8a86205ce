"""``python -m siamcrnn_qgis.cluster``: help, clear errors within a bounded time and without a traceback,
and a whole run on a local cluster it starts itself."""

from __future__ import annotations

import csv
import subprocess
import sys
import time

import numpy as np

from ..conftest import REPO_ROOT
from .conftest import read_outputs, write_pairs


def cli(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "siamcrnn_qgis.cluster", *map(str, arguments)], cwd=REPO_ROOT,
                          capture_output=True, text=True, timeout=timeout)


def test_help_explains_the_command_and_the_pairs_file():
    top = cli("--help")
    assert top.returncode == 0 and "detect" in top.stdout
    detect = cli("detect", "--help")
    assert detect.returncode == 0, detect.stderr
    for words in ("--scheduler ADDRESS", "--local N", "--pairs CSV", "--model FILE", "--out DIR", "--threshold",
                  "t1,t2[,name]", "/vsis3/", "/vsicurl/", "/vsiaz/", "summary.csv", "--recompute"):
        assert words in detect.stdout, words


def main(capsys, *arguments) -> tuple[int, str, str]:
    """The command line's main() in this process (each case in a subprocess would start Python again)."""
    from siamcrnn_qgis.cluster.cli import main as cli_main

    try:
        status = cli_main([str(argument) for argument in arguments])
    except SystemExit as exit:  # argparse's refusals
        status = exit.code
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_an_unreachable_scheduler_is_a_sentence_within_the_timeout(capsys, pair_folder, model_files, tmp_path):
    pairs = write_pairs(tmp_path / "pairs.csv", [f"{pair_folder / 'b_t1.tif'},{pair_folder / 'b_t2.tif'}"])
    started = time.monotonic()
    status, _, err = main(capsys, "detect", "--scheduler", "tcp://127.0.0.1:9", "--timeout", "2", "--pairs", pairs,
                          "--model", model_files["patch"], "--out", tmp_path / "out")
    assert time.monotonic() - started < 20
    assert status == 2
    assert err.startswith("Error: Could not connect to the Dask scheduler at tcp://127.0.0.1:9 within 2 s"), err
    assert "Traceback" not in err and "check the address" in err
    assert not (tmp_path / "out").exists()


def test_bad_arguments_are_refused_with_a_sentence(capsys, pair_folder, model_files, tmp_path):
    pairs = write_pairs(tmp_path / "pairs.csv", [f"{pair_folder / 'b_t1.tif'},{pair_folder / 'b_t2.tif'}"])
    common = ("--pairs", pairs, "--model", model_files["patch"], "--out", tmp_path / "out")
    status, _, err = main(capsys, "detect", "--scheduler", "tcp://127.0.0.1:9", "--local", "2", *common)
    assert status == 2 and "not allowed with argument" in err
    status, _, err = main(capsys, "detect", *common)
    assert status == 2 and "one of the arguments --scheduler --local is required" in err
    for option, value, words in (("--local", "0", "must be at least 1, got 0"),
                                 ("--threshold", "2", "must be between 0 and 1, got 2"),
                                 ("--tile-size", "big", "'big' is not a whole number")):
        status, _, err = main(capsys, "detect", option, value, *(("--local", "1") if option != "--local" else ()),
                              *common)
        assert status == 2 and words in err, err
    status, _, err = main(capsys, "detect", "--local", "1", "--pairs", pairs, "--model", tmp_path / "none.safetensors",
                          "--out", tmp_path / "out")
    assert status == 2 and err.startswith("Error: The model file ") and "does not exist" in err
    (tmp_path / "bad.csv").write_text("t1.tif\n", encoding="utf-8")
    status, _, err = main(capsys, "detect", "--local", "1", "--pairs", tmp_path / "bad.csv", "--model",
                          model_files["patch"], "--out", tmp_path / "out")
    assert status == 2 and "Error: Line 1 of " in err and "has 1 values" in err and "Traceback" not in err


def test_a_whole_run_on_a_local_cluster_it_starts(pair_folder, model_files, references, tmp_path):
    pairs = write_pairs(tmp_path / "pairs.csv", [f"{pair_folder / 'b_t1.tif'},{pair_folder / 'b_t2.tif'},b",
                                                 f"{tmp_path / 'gone.tif'},{pair_folder / 'b_t2.tif'},gone"])
    completed = cli("detect", "--local", "1", "--pairs", pairs, "--model", model_files["patch"], "--out",
                    tmp_path / "out", "--tile-size", "16", "--window-size", "32", "--device", "cpu", timeout=120)
    assert completed.returncode == 1, completed.stderr  # one pair failed
    assert "Started a local Dask cluster of 1 worker process (scheduler tcp://127.0.0.1:" in completed.stderr
    assert "100% 1 of 2 pairs complete, 1 failed" in completed.stderr  # the progress, a line per 10 % off a tty
    assert "1 pairs detected, 0 already complete, 1 failed" in completed.stdout
    assert "Failed: gone: On worker tcp://127.0.0.1:" in completed.stderr and "gone.tif" in completed.stderr
    assert "Traceback" not in completed.stderr
    assert np.array_equal(read_outputs(tmp_path / "out" / "b")["probability"], references["b"]["probability"])
    with open(tmp_path / "out" / "summary.csv", newline="", encoding="utf-8") as handle:
        assert [row["status"] for row in csv.DictReader(handle)] == ["done", "failed"]
