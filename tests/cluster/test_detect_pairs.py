"""Many pairs on a local Dask cluster of two worker processes: the same probabilities as siamcrnn:detect bit
for bit, a failing pair alone, a worker killed mid-run, cancel, resume."""

from __future__ import annotations

import csv
import json
import os
import re
import signal
import socket
import time

import numpy as np
import pytest
from osgeo import gdal

from siamcrnn_qgis.cluster.pairs import read_pairs
from siamcrnn_qgis.cluster.run import LOCK_FILE, ClusterSettings, RunCancelled, RunHooks
from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.core.options import DetectionOptions

from .conftest import bounded_detect, final_names, read_outputs, write_pairs


def settings(tile_size: int = 16, window_size: int = 32, **values) -> ClusterSettings:
    return ClusterSettings(detection=DetectionOptions(tile_size=tile_size, device="cpu"), window_size=window_size,
                           **values)


def pairs_csv(folder, pair_folder, names=("a", "b", "warped")):
    rows = {"a": "a_t1.tif,a_t2.tif,a", "b": "b_t1.tif,b_t2.tif,b", "warped": "a_t1.tif,warped_t2.tif,warped"}
    path = write_pairs(pair_folder / f"pairs-{'-'.join(names)}.csv", [rows[name] for name in names])
    return read_pairs(path)


def test_pairs_equal_single_machine_detect_bit_for_bit(client, pair_folder, model_files, references, tmp_path):
    lines = []
    summary = bounded_detect(client, pairs_csv(tmp_path, pair_folder), model_files["patch"], tmp_path / "out",
                           settings(), RunHooks(log=lines.append, warn=lines.append))
    assert [outcome.status for outcome in summary.outcomes] == ["done", "done", "done"]
    assert summary.windows == 6 + 4 + 6  # 70×60, 48×40 and 70×60 px in windows of 32 px
    for name in ("a", "b", "warped"):
        got, expected = read_outputs(tmp_path / "out" / name), references[name]
        assert np.array_equal(got["probability"], expected["probability"]), name
        assert np.array_equal(got["change"], expected["change"]), name
        assert (got["probability"] == -1).sum() == (expected["probability"] == -1).sum()
    assert any("warped: T2 was warped onto T1's grid" in line for line in lines)
    assert final_names(tmp_path / "out") == sorted(
        [f"{name}/{file}" for name in ("a", "b", "warped") for file in (
            "probability.tif", "probability.qml", "change.tif", "change.qml", "detection.json")] + ["summary.csv"])
    dataset = gdal.Open(str(tmp_path / "out" / "a" / "probability.tif"))
    assert dataset.GetMetadataItem("SIAMCRNN_THRESHOLD") == "0.45"  # the model's, as Detect uses it
    assert dataset.GetMetadataItem("SIAMCRNN_TILE_SIZE") == "16"
    assert dataset.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE") == "DEFLATE"
    assert dataset.GetRasterBand(1).GetNoDataValue() == -1
    with open(tmp_path / "out" / "summary.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(row["name"], row["status"]) for row in rows] == [("a", "done"), ("b", "done"), ("warped", "done")]
    changed = int((references["a"]["change"] == 1).sum())
    assert int(rows[0]["changed_pixels"]) == changed and int(rows[0]["valid_pixels"]) == 70 * 60
    assert float(rows[0]["changed_area"]) == pytest.approx(changed * 30 * 30)
    manifest = json.loads((tmp_path / "out" / "a" / "detection.json").read_text())
    assert manifest["threshold"] == 0.45 and manifest["tile_size"] == 16 and manifest["windows"] == 6
    # every worker that ran a window let glibc keep its freed memory (see test_tasks.py)
    tuned = client.run(lambda: __import__("siamcrnn_qgis.cluster.tasks", fromlist=["x"])._ALLOCATOR["tuned"])
    assert set(tuned.values()) == {True}, tuned


def test_fcn_windows_blend_across_workers_bit_for_bit(client, pair_folder, model_files, references, tmp_path):
    summary = bounded_detect(client, pairs_csv(tmp_path, pair_folder, ("a",)), model_files["fcn"], tmp_path / "out",
                           settings(tile_size=32, window_size=32))
    assert summary.count("done") == 1 and summary.windows == 6
    assert {cost.bytes_shared > 0 for cost in summary.windows_costs} == {True}  # seams between windows
    got = read_outputs(tmp_path / "out" / "a")
    assert np.array_equal(got["probability"], references["fcn"]["probability"])
    assert np.array_equal(got["change"], references["fcn"]["change"])


def test_a_pair_whose_input_is_missing_fails_alone(client, pair_folder, model_files, references, tmp_path):
    missing = pair_folder / "nowhere" / "t1.tif"
    path = write_pairs(tmp_path / "pairs.csv", [f"{missing},{pair_folder / 'a_t2.tif'},lost",
                                                f"{pair_folder / 'b_t1.tif'},{pair_folder / 'b_t2.tif'},b"])
    warnings = []
    summary = bounded_detect(client, read_pairs(path), model_files["patch"], tmp_path / "out", settings(),
                           RunHooks(warn=warnings.append))
    lost, b = summary.outcomes
    assert (lost.status, b.status) == ("failed", "done")
    assert re.match(r"On worker tcp://127\.0\.0\.1:\d+ \(.+\): Could not open .*nowhere/t1\.tif as a raster: the "
                    r"file does not exist", lost.message), lost.message
    assert any(warning.startswith("lost: failed. On worker tcp://127.0.0.1:") for warning in warnings)
    assert np.array_equal(read_outputs(tmp_path / "out" / "b")["probability"], references["b"]["probability"])
    assert final_names(tmp_path / "out" / "lost") == [] and not list((tmp_path / "out").rglob(".siamcrnn-parts*"))
    with open(tmp_path / "out" / "summary.csv", newline="", encoding="utf-8") as handle:
        rows = {row["name"]: row for row in csv.DictReader(handle)}
    assert rows["lost"]["status"] == "failed" and "nowhere/t1.tif" in rows["lost"]["message"]


def test_a_worker_killed_mid_run_changes_nothing(client, pair_folder, model_files, references, tmp_path):
    pids = client.run(os.getpid)
    killed = {}

    def kill_a_busy_worker(_fraction: float, _status: str) -> None:
        if killed:
            return
        for address, keys in client.processing().items():
            if any("siamcrnn-window" in str(key) for key in keys):
                os.kill(pids[address], signal.SIGKILL)
                killed[address] = list(keys)
                return

    summary = bounded_detect(client, pairs_csv(tmp_path, pair_folder, ("a", "b")), model_files["patch"],
                           tmp_path / "out", settings(window_size=16), RunHooks(progress=kill_a_busy_worker))
    assert killed, "no window was running when the progress was reported"
    assert [outcome.status for outcome in summary.outcomes] == ["done", "done"], summary.outcomes
    assert summary.windows == 20 + 9
    for name in ("a", "b"):
        got = read_outputs(tmp_path / "out" / name)
        assert np.array_equal(got["probability"], references[name]["probability"]), name
        assert np.array_equal(got["change"], references[name]["change"]), name
    assert not list((tmp_path / "out").rglob(".siamcrnn-parts*"))


@pytest.mark.parametrize("how", ["cancel button", "ctrl-c"])
def test_cancel_mid_run_leaves_no_output_then_a_rerun_completes(how, client, pair_folder, model_files, references,
                                                                  tmp_path):
    state = {"cancel": False}

    def cancel_after_a_window(_fraction: float, status: str) -> None:
        found = re.search(r"(\d+) of \d+ windows", status)
        if found and int(found.group(1)) >= 1 and not state["cancel"]:
            state["cancel"] = True
            if how == "ctrl-c":
                raise KeyboardInterrupt  # what Python raises in the client's main thread on Ctrl-C

    pairs = pairs_csv(tmp_path, pair_folder, ("a", "b"))
    started = time.monotonic()
    with pytest.raises(RunCancelled, match="0 of 2 pairs were complete"):
        bounded_detect(client, pairs, model_files["patch"], tmp_path / "out", settings(window_size=16),
                     RunHooks(progress=cancel_after_a_window,
                              is_cancelled=lambda: state["cancel"] and how == "cancel button"))
    assert time.monotonic() - started < 60
    assert final_names(tmp_path / "out") == []
    assert sorted(path.name for path in (tmp_path / "out").rglob("*") if path.is_file()) == []
    summary = bounded_detect(client, pairs, model_files["patch"], tmp_path / "out", settings(window_size=16))
    assert [outcome.status for outcome in summary.outcomes] == ["done", "done"]
    assert np.array_equal(read_outputs(tmp_path / "out" / "a")["probability"], references["a"]["probability"])


def test_a_rerun_skips_complete_pairs_and_redoes_changed_ones(client, pair_folder, model_files, tmp_path):
    pairs = pairs_csv(tmp_path, pair_folder, ("a", "b"))
    out = tmp_path / "out"
    bounded_detect(client, pairs, model_files["patch"], out, settings())
    times = {path: path.stat().st_mtime_ns for path in out.rglob("*.tif")}
    lines = []
    again = bounded_detect(client, pairs, model_files["patch"], out, settings(), RunHooks(log=lines.append))
    assert [outcome.status for outcome in again.outcomes] == ["skipped", "skipped"] and again.windows == 0
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*.tif")} == times
    assert again.outcomes[0].changed_pixels > 0 and again.outcomes[0].valid_pixels == 70 * 60
    assert any("2 of 2 pairs are already complete" in line for line in lines)
    (out / "b" / "change.tif").unlink()  # an incomplete pair is redone, and so is one with other settings
    lines.clear()
    third = bounded_detect(client, pairs, model_files["patch"], out, settings(threshold=0.4),
                           RunHooks(log=lines.append))
    assert [outcome.status for outcome in third.outcomes] == ["done", "done"]
    assert any("a: recomputed" in line and "threshold 0.45 → 0.4" in line for line in lines)
    assert gdal.Open(str(out / "a" / "change.tif")).GetMetadataItem("SIAMCRNN_THRESHOLD") == "0.4"


def test_one_run_at_a_time_per_output_folder(client, pair_folder, model_files, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_FILE).write_text(f"{socket.gethostname()} {os.getpid()}", encoding="utf-8")
    with pytest.raises(InputError, match="Another run .* is writing into"):
        bounded_detect(client, pairs_csv(tmp_path, pair_folder, ("b",)), model_files["patch"], out, settings())
    (out / LOCK_FILE).write_text(f"{socket.gethostname()} 999999999", encoding="utf-8")  # a run that ended
    assert bounded_detect(client, pairs_csv(tmp_path, pair_folder, ("b",)), model_files["patch"], out,
                        settings()).count("done") == 1
    assert not (out / LOCK_FILE).exists()
