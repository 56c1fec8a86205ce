#!/usr/bin/env python3
"""Detection of one pair on local Dask clusters of 1 and 2 single-threaded workers, against the same
detection on one machine with one thread (``benchmarks/run.py --only cluster``, part of ``make bench``).

    python benchmarks/cluster.py [--size 4096] [--architecture patch|fcn] [--window-size 2048] [--json out]

Figures, each with the machine (CPU, cores, load):

- ``speedup_2_workers``: wall time with 1 worker / wall time with 2 (a 2-core machine cannot show more);
- ``scheduler_overhead_share``: on 1 worker, the idle time between one window's end and the next one's
  start (the scheduler's and the client's part: task dispatch, (de)serialisation, result hand-over), as a
  share of the windows' compute time, from Dask's task stream;
- ``cluster_over_single``: wall time with 1 worker / single-machine detect with 1 thread, i.e. everything
  the distribution adds (statistics as tasks, part files, assembly, scheduling);
- bytes per window: read from the inputs (in their own data type, halo included), written as part files
  (and read back by the assembly), and handed over as shared seam pixels (fcn only);
- the assembly's time (writing the pair's GeoTIFFs) as a share of the windows' compute;
- whether every probability equals the single-machine one (it must);
- ``hardware_speedup_2_processes``: the same single-machine detect of a ``--size``/2 pair, run in two plain
  processes at once (no Dask), against one alone. This is what the machine's second core gives this
  workload by itself (shared caches, memory bandwidth, a virtual machine's cores on one physical core), the
  ceiling of any scheduler; ``scaling_efficiency`` is ``speedup_2_workers`` over it, Dask's own share.

The pair is the synthetic 4-band uint16 sample of ``scripts/sample_data.py`` at ``--size``; the model is
untrained (speed does not depend on the weights). Each cluster is warmed up on a small pair first, so that
loading PyTorch and the model in the workers is not counted.
"""

from __future__ import annotations

import argparse
import json
import logging
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from core_throughput import machine  # noqa: E402
from run import RESULTS, sample_pair, untrained_model  # noqa: E402


def single_machine(pair: dict, model: Path, out: Path, options) -> tuple[float, np.ndarray]:
    """Detect on this process with one thread, writing the GeoTIFFs as siamcrnn:detect does."""
    import torch

    from siamcrnn_qgis.core.detection import detect, resolve_threshold
    from siamcrnn_qgis.core.modelfile import load_model
    from siamcrnn_qgis.io.changemaps import ChangeMaps
    from siamcrnn_qgis.io.raster import GdalRasterSource

    torch.set_num_threads(1)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    network, metadata = load_model(model)
    with GdalRasterSource(pair["t1"]) as t1, GdalRasterSource(pair["t2"]) as t2:
        maps = ChangeMaps(out / "probability.tif", out / "change.tif", t1.grid, resolve_threshold(None, metadata))
        with maps:
            detect(network, metadata, t1, t2, maps.write, options)
            maps.finalize()
            maps.publish()
    seconds = time.perf_counter() - started
    return seconds, read(out / "probability.tif")


def read(path: Path) -> np.ndarray:
    from osgeo import gdal

    return gdal.Open(str(path)).ReadAsArray()


def plain_processes(count: int, size: int, architecture: str, out: Path) -> float:
    """Wall time of ``count`` single-machine detects of the ``size``² sample pair run at once, each in a
    process of its own with one thread (this script's ``--single-only``)."""
    started = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, __file__, "--single-only", "--size", str(size),
                                   "--architecture", architecture, "--json", str(out / f"plain-{count}-{index}.json")])
                 for index in range(count)]
    if any(process.wait() != 0 for process in processes):
        raise SystemExit("a plain single-machine detect failed (see above)")
    return time.perf_counter() - started


def on_cluster(workers: int, pair: dict, warm_up: dict, model: Path, out: Path, settings) -> dict:
    """Warm a fresh local cluster up on a small pair, then time the pair; the task stream's window gaps."""
    from distributed import Client, LocalCluster, get_task_stream

    from siamcrnn_qgis.cluster.pairs import PairSpec
    from siamcrnn_qgis.cluster.run import detect_pairs

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        detect_pairs(client, [PairSpec("warm-up", warm_up["t1"], warm_up["t2"])], model, out / "warm-up", settings)
        with get_task_stream(client=client) as stream:
            started = time.perf_counter()
            summary = detect_pairs(client, [PairSpec("pair", pair["t1"], pair["t2"])], model, out / "run", settings)
            seconds = time.perf_counter() - started
    assert summary.count("done") == 1, summary.outcomes
    compute = {}
    for task in stream.data:
        for part in task["startstops"]:
            if part["action"] == "compute":
                compute[task["key"]] = (part["start"], part["stop"], task["worker"])
    windows = sorted(value for key, value in compute.items() if "siamcrnn-window" in str(key))
    gaps = [after[0] - before[1] for before, after in zip(windows, windows[1:]) if before[2] == after[2]]
    costs = summary.windows_costs
    return {"workers": workers, "seconds": round(seconds, 2), "windows": len(costs),
            "assembly_seconds": round(summary.outcomes[0].assembly_seconds, 2),
            "window_compute_seconds": [round(cost.seconds, 3) for cost in costs],
            "window_gaps_seconds": [round(gap, 4) for gap in gaps],
            "bytes_read": [cost.bytes_read for cost in costs], "bytes_written": [cost.bytes_written for cost in costs],
            "bytes_shared": [cost.bytes_shared for cost in costs],
            "probability": read(out / "run" / "pair" / "probability.tif")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=4096, help="side of the pair in pixels")
    parser.add_argument("--architecture", choices=("patch", "fcn"), default="patch")
    parser.add_argument("--tile-size", type=int, default=None, help="default: the architecture's")
    parser.add_argument("--window-size", type=int, default=None, help="default: the cluster's (2048)")
    parser.add_argument("--warm-up-size", type=int, default=256, help="side of the pair each cluster is warmed on")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    parser.add_argument("--single-only", action="store_true", help=argparse.SUPPRESS)  # for plain_processes
    args = parser.parse_args()

    from siamcrnn_qgis.cluster.run import DEFAULT_WINDOW_SIZE, ClusterSettings
    from siamcrnn_qgis.core.options import DetectionOptions

    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.ERROR)
    options = DetectionOptions(tile_size=args.tile_size, device="cpu", precision="float32")
    settings = ClusterSettings(detection=options, window_size=args.window_size or DEFAULT_WINDOW_SIZE,
                               recompute=True)  # an earlier run's outputs must not be skipped
    pair, warm_up = sample_pair(args.size), sample_pair(args.warm_up_size)
    name = "untrained-fcn" if args.architecture == "fcn" else "untrained"  # the files run.py makes
    model = untrained_model(RESULTS / "data" / f"{name}.safetensors", args.architecture)
    out = RESULTS / "data" / f"cluster-{args.size}-{args.architecture}"
    if args.single_only:
        seconds, _ = single_machine(pair, model, out / f"single-{Path(args.json).stem}", options)
        args.json.write_text(json.dumps({"seconds": seconds}))
        return
    at_start = machine()
    print(f"single-machine detect of {args.size}² ({args.architecture}, 1 thread) …", flush=True)
    single_seconds, reference = single_machine(pair, model, out / "single", options)
    runs = []
    for workers in (1, 2):
        print(f"local cluster of {workers} single-threaded worker(s) …", flush=True)
        runs.append(on_cluster(workers, pair, warm_up, model, out / f"workers-{workers}", settings))
    one, two = runs
    half = max(256, args.size // 2)
    print(f"plain single-machine detects of {half}², one alone then two at once (no Dask) …", flush=True)
    sample_pair(half)
    alone, together = (plain_processes(count, half, args.architecture, out) for count in (1, 2))
    hardware = 2 * alone / together
    compute = statistics.fmean(one["window_compute_seconds"])
    gaps = one["window_gaps_seconds"]
    per_window = {key: statistics.fmean(one[key]) for key in ("bytes_read", "bytes_written", "bytes_shared")}
    window_pixels = args.size * args.size / one["windows"]
    row = {
        "benchmark": "cluster", "size": args.size, "architecture": args.architecture,
        "window_size": settings.window_size, "windows": one["windows"],
        "single_machine_seconds": round(single_seconds, 2),
        "single_machine_pixels_per_second": round(args.size**2 / single_seconds),
        "seconds_1_worker": one["seconds"], "seconds_2_workers": two["seconds"],
        "speedup_2_workers": round(one["seconds"] / two["seconds"], 3),
        "hardware_speedup_2_processes": round(hardware, 3),
        "scaling_efficiency": round(one["seconds"] / two["seconds"] / hardware, 3),
        "plain_seconds_1_and_2_processes": [round(alone, 2), round(together, 2)],
        "window_compute_seconds_mean_2_workers": round(statistics.fmean(two["window_compute_seconds"]), 3),
        "cluster_over_single": round(one["seconds"] / single_seconds, 3),
        "window_compute_seconds_mean": round(compute, 3),
        "assembly_seconds_1_worker": one["assembly_seconds"],
        "assembly_share": round(one["assembly_seconds"] / sum(one["window_compute_seconds"]), 4),
        "window_gap_seconds_mean": round(statistics.fmean(gaps), 4) if gaps else None,
        "scheduler_overhead_share": round(statistics.fmean(gaps) / compute, 5) if gaps else None,
        "bytes_per_window": {key: round(value) for key, value in per_window.items()},
        "bytes_moved_per_window_pixel": round((per_window["bytes_read"] + 2 * per_window["bytes_written"]
                                               + per_window["bytes_shared"]) / window_pixels, 2),
        "identical_to_single_machine": all(np.array_equal(run["probability"], reference) for run in runs),
        "machine_at_start": at_start, "machine": machine(),
    }
    for key in ("window_compute_seconds", "window_gaps_seconds"):
        row[f"{key}_1_worker"] = one[key]
    print(json.dumps({key: value for key, value in row.items() if not key.startswith("window_compute_seconds_1")
                      and not key.startswith("window_gaps_seconds_1")}, indent=1))
    if args.json:
        args.json.write_text(json.dumps(row, indent=1))


if __name__ == "__main__":
    main()
