#!/usr/bin/env python3
"""The performance benchmarks of the plugin (``make bench`` = ``--all``, ``make bench-quick`` = ``--quick``).

1. model-only throughput of the patch network on in-memory arrays (``core_throughput.py``, CPU threads =
   cores, and CUDA bf16 with host→device transfer when there is a GPU; the fcn architecture too);
2. end-to-end ``siamcrnn:detect`` through Processing on a generated 2048×2048 4-band uint16 GeoTIFF pair,
   and its ratio to (1);
3. peak resident memory of end-to-end detection on 1024² and (``--all``) 4096² pairs, each in a fresh
   process, and its growth;
4. training throughput and time on ``italy_heterogeneous`` with 1 % of its reference pixels;
5. (``--all`` or ``--only polygons``) peak resident memory of end-to-end detection *with* change polygons
   on 1024² and 4096² pairs, each in a fresh process, and its growth. An untrained fcn network (3-5× faster
   than the patch network; memory does not depend on the weights) with tiles of 256 (``--polygon-tile-size``),
   so that the 1024² pair already has tiles whose 128-pixel context is not cut off by the raster's edge
   (with 512² tiles every tile of a 1024² raster touches an edge and reads a smaller window than the inner
   tiles of a larger raster do, which alone made the fcn's peak 40 % higher at 4096²). The threshold is
   the 90th percentile of a first 1024² run's probabilities, so that about a tenth of the pixels are
   changed, in landscape-shaped patches;
6. (``--all`` or ``--only cluster``) ``cluster.py``: one pair on local Dask clusters of 1 and 2 single-threaded
   workers against one-thread detection on this machine (speed-up, the scheduler's idle time per window,
   bytes per window), at 4096² with ``--all`` and 2048² otherwise (``--cluster-size``), with the fcn network
   (``--cluster-architecture``);
7. the machine (CPU, cores, threads, GPU, versions, load average) beside every figure.

Prints a table and writes ``benchmarks/results/bench-<time>.json``. Inputs are generated once into
``benchmarks/results/data`` with ``scripts/sample_data.py``; the model file is an untrained patch network
(speed does not depend on the weights). Timings on a shared machine are noisy: compare the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
RESULTS = HERE / "results"
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(HERE))

from core_throughput import machine  # noqa: E402


def full_machine() -> dict:
    """:func:`core_throughput.machine` plus the QGIS and GDAL versions."""
    from osgeo import gdal
    from qgis.core import Qgis

    return {**machine(), "qgis": Qgis.QGIS_VERSION, "gdal": gdal.__version__}


def sample_pair(size: int) -> dict[str, Path]:
    """The synthetic 4-band uint16 pair of ``size`` × ``size`` pixels, generated once and kept."""
    folder = RESULTS / "data" / f"sample-{size}"
    paths = {"t1": folder / "t1.tif", "t2": folder / "t2.tif"}
    if not all(path.exists() for path in paths.values()):
        sys.path.insert(0, str(REPO_ROOT / "scripts"))
        from osgeo import gdal
        from sample_data import generate

        gdal.UseExceptions()
        folder.mkdir(parents=True, exist_ok=True)
        print(f"generating the {size}×{size} sample pair in {folder} …", flush=True)
        generate(folder, size=size)
    return paths


def untrained_model(path: Path, architecture: str = "patch") -> Path:
    """A model file for 4-band pairs with untrained (seeded) weights, of the patch or the fcn network."""
    if path.exists():
        return path
    import torch

    from siamcrnn_qgis.core.fcn.model import FCNSiamCRNN
    from siamcrnn_qgis.core.modelfile import ModelMetadata, save_model
    from siamcrnn_qgis.core.normalisation import BandStatistics
    from siamcrnn_qgis.core.patch.model import PatchSiamCRNN

    torch.manual_seed(0)
    model = (FCNSiamCRNN if architecture == "fcn" else PatchSiamCRNN)(4, 4, shared=True)
    names = ["blue", "green", "red", "nir"]
    stats = BandStatistics(mean=[1000.0] * 4, std=[500.0] * 4, count=1)
    metadata = ModelMetadata(architecture=architecture, bands_t1=4, bands_t2=4, band_names_t1=names,
                             band_names_t2=names, shared=True, stats_t1=stats, stats_t2=stats,
                             hyperparameters=model.hyperparameters(),
                             provenance={"note": "untrained, for benchmarks"})
    path.parent.mkdir(parents=True, exist_ok=True)
    save_model(path, model, metadata)
    return path


def model_only(seconds: float) -> list[dict]:
    """(1) in a fresh process (its own threads and memory)."""
    output = RESULTS / "core_throughput.json"
    subprocess.run([sys.executable, str(HERE / "core_throughput.py"), "--seconds", str(seconds),
                    "--json", str(output)], check=True)
    return json.loads(output.read_text())


def end_to_end(size: int, tile_size: int) -> dict:
    """(2)/(3) one detection of a ``size``² pair in a fresh process."""
    pair = sample_pair(size)
    model = untrained_model(RESULTS / "data" / "untrained.safetensors")
    output = RESULTS / "data" / f"detect-{size}"
    print(f"end-to-end detection of {size}×{size} …", flush=True)
    completed = subprocess.run(
        [sys.executable, str(HERE / "detect_end_to_end.py"), str(pair["t1"]), str(pair["t2"]), str(model),
         str(output), "--tile-size", str(tile_size)], check=True, capture_output=True, text=True)
    figure = json.loads(completed.stdout.strip().splitlines()[-1])
    return {"benchmark": "end_to_end_detect", "size": size, **figure, "machine": full_machine()}


def _detect(pair: dict[str, Path], model: Path, output: Path, tile_size: int, *options: str) -> dict:
    completed = subprocess.run(
        [sys.executable, str(HERE / "detect_end_to_end.py"), str(pair["t1"]), str(pair["t2"]), str(model),
         str(output), "--tile-size", str(tile_size), *options], check=True, capture_output=True, text=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def polygons_memory(sizes: list[int], tile_size: int) -> list[dict]:
    """(5) detection with OUTPUT_POLYGONS at each size, each in a fresh process."""
    from osgeo import gdal

    model = untrained_model(RESULTS / "data" / "untrained-fcn.safetensors", "fcn")
    first = sample_pair(sizes[0])
    print(f"choosing the threshold on {sizes[0]}×{sizes[0]} …", flush=True)
    calibration = RESULTS / "data" / f"polygons-threshold-{sizes[0]}"
    _detect(first, model, calibration, tile_size)
    probability = gdal.Open(str(calibration / "probability.tif")).ReadAsArray()
    threshold = float(np.quantile(probability[probability >= 0], 0.9))
    rows = []
    for size in sizes:
        print(f"end-to-end detection with polygons of {size}×{size} (threshold {threshold:.6g}) …", flush=True)
        figure = _detect(sample_pair(size), model, RESULTS / "data" / f"detect-polygons-{size}", tile_size,
                         "--polygons", "--threshold", repr(threshold))
        rows.append({"benchmark": "end_to_end_detect_polygons", "size": size, "architecture": "fcn",
                     **figure, "machine": full_machine()})
        print(f"  {size}²: {figure['polygons']:,} polygons, peak RSS {figure['peak_rss_mib']:,.0f} MiB", flush=True)
    return rows


def training() -> dict:
    """(4) core ``train()`` on italy_heterogeneous with 1 % of the reference pixels (seeded), as the
    accuracy test does."""
    import numpy as np
    from osgeo import gdal

    from siamcrnn_qgis.core.options import TrainingConfig
    from siamcrnn_qgis.core.sources import ArraySource
    from siamcrnn_qgis.core.training import train

    folder = Path(os.environ.get("SIAMCRNN_TEST_DATA", REPO_ROOT.parent / "shared" / "data")) / "italy_heterogeneous"
    if not folder.exists():
        return {"benchmark": "training", "skipped": f"no data at {folder} (set SIAMCRNN_TEST_DATA)"}
    t1, t2, gt = (gdal.Open(str(folder / name)).ReadAsArray() for name in ("t1.png", "t2.png", "gt.png"))
    change = (gt > 0).astype(np.uint8)
    picked = np.random.default_rng(0).random(change.shape) < 0.01
    labels = np.full(change.shape, 255, dtype=np.uint8)
    labels[picked] = change[picked]
    config = TrainingConfig(sensors_differ=True, device="cpu")
    print("training on italy_heterogeneous (1 % of the pixels) …", flush=True)
    load = os.getloadavg()
    started = time.perf_counter()
    result = train(ArraySource(t1), ArraySource(t2), labels, config)
    seconds = time.perf_counter() - started
    samples = len(result.history) * config.samples_per_epoch
    epoch_seconds = sum(record.seconds for record in result.history)
    return {"benchmark": "training", "dataset": "italy_heterogeneous 1 %", "labels": int(picked.sum()),
            "seconds": round(seconds, 2), "epochs": len(result.history),
            "samples_per_second": round(samples / epoch_seconds), "samples": samples,
            "kappa_validation": round(result.val_metrics.kappa, 4),
            "machine": {**full_machine(), "load_average_before": [round(v, 2) for v in load]}}


def cluster(size: int, architecture: str) -> dict:
    """(6) ``cluster.py`` in a fresh process (it starts its own local clusters)."""
    output = RESULTS / f"cluster-{size}-{architecture}.json"
    # at least 2 × 2 windows, so that one worker runs several in a row (the idle time between them is measured)
    subprocess.run([sys.executable, str(HERE / "cluster.py"), "--size", str(size), "--architecture", architecture,
                    "--window-size", str(min(2048, size // 2)), "--json", str(output)], check=True)
    return json.loads(output.read_text())


def table(model_rows: list[dict], detect_rows: list[dict], training_row: dict,
          polygon_rows: list[dict] | None = None, cluster_rows: list[dict] | None = None) -> str:
    lines = [f"{'figure':64s} {'value':>16s}  load (1 min)"]

    def add(label: str, value: str, row: dict | None = None) -> None:
        load = f"{row['machine']['load_average'][0]:.1f}" if row else ""
        lines.append(f"{label:64s} {value:>16s}  {load}")

    for row in model_rows:
        add(f"model-only {row['architecture']}, {row['path'][:32]}, {row['precision']}",
            f"{row['pixels_per_second']:,} px/s", row)
    by_size = {row["size"]: row for row in detect_rows}
    for size, row in sorted(by_size.items()):
        add(f"end-to-end detect {size}² (tile {row['tile_size']})", f"{row['pixels_per_second']:,} px/s", row)
        add(f"  peak RSS, {size}² in a fresh process", f"{row['peak_rss_mib']:,.0f} MiB")
    cpu_network = next((row for row in model_rows if row["architecture"] == "patch"
                        and "CPU" in row["device"] and row["path"].startswith("network")), None)
    if 2048 in by_size and cpu_network:
        add("  end-to-end 2048² / model-only (CPU network)",
            f"{by_size[2048]['pixels_per_second'] / cpu_network['pixels_per_second']:.0%}")
    if 1024 in by_size and 4096 in by_size:
        add("  peak RSS growth 1024² → 4096²",
            f"{by_size[4096]['peak_rss_mib'] / by_size[1024]['peak_rss_mib'] - 1:+.1%}")
    for row in polygon_rows or []:
        add(f"peak RSS, detect {row['size']}² with {row['polygons']:,} polygons (fcn, tile {row['tile_size']})",
            f"{row['peak_rss_mib']:,.0f} MiB", row)
    if polygon_rows and len(polygon_rows) >= 2:
        add(f"  peak RSS growth {polygon_rows[0]['size']}² → {polygon_rows[-1]['size']}², with polygons",
            f"{polygon_rows[-1]['peak_rss_mib'] / polygon_rows[0]['peak_rss_mib'] - 1:+.1%}")
    for row in cluster_rows or []:
        add(f"cluster {row['size']}² ({row['architecture']}): 1 → 2 single-threaded workers",
            f"{row['speedup_2_workers']:.2f}×", row)
        share = row["scheduler_overhead_share"]
        add("  scheduler idle time between windows / window compute", "-" if share is None else f"{share:.3%}")
        add("  1-worker cluster / one-thread detect on this machine", f"{row['cluster_over_single']:.3f}")
        add("  bytes moved per window pixel", f"{row['bytes_moved_per_window_pixel']:.1f} B")
        add("  probabilities identical to one-machine detect", str(row["identical_to_single_machine"]))
    if "skipped" in training_row:
        lines.append(f"training: skipped ({training_row['skipped']})")
    else:
        add("training italy_heterogeneous 1 %", f"{training_row['samples_per_second']:,} samples/s", training_row)
        add(f"  time ({training_row['epochs']} epochs)", f"{training_row['seconds']:.1f} s")
    rows = model_rows + detect_rows + (polygon_rows or []) + (cluster_rows or []) + (
        [training_row] if "machine" in training_row else [])
    if rows:
        some = rows[-1]["machine"]
        lines.append(f"machine: {some['cpu']}, {some['cores']} cores, torch threads {some['torch_threads']}, "
                     f"GPU {some['gpu'] or 'none'}, torch {some['torch']}, QGIS {some.get('qgis', '-')}, "
                     f"GDAL {some.get('gdal', '-')}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--all", action="store_true", help="everything, including the 4096² detection")
    mode.add_argument("--quick", action="store_true", help="without the 4096² detection")
    parser.add_argument("--seconds", type=float, default=None, help="minimum time per model-only figure")
    parser.add_argument("--tile-size", type=int, default=512)
    parser.add_argument("--only", choices=("model", "detect", "memory", "training", "polygons", "cluster"),
                        action="append",
                        help="run only these parts (repeatable)")
    parser.add_argument("--polygon-sizes", type=int, nargs="+", default=[1024, 4096],
                        help="raster sides of the detection-with-polygons memory figure")
    parser.add_argument("--polygon-tile-size", type=int, default=256)
    parser.add_argument("--cluster-size", type=int, default=None, help="default 4096 with --all, else 2048")
    parser.add_argument("--cluster-architecture", choices=("patch", "fcn"), default="fcn")
    args = parser.parse_args()
    parts = set(args.only or ("model", "detect", "memory", "training") + (("polygons", "cluster") if args.all else ()))
    seconds = args.seconds if args.seconds is not None else (30.0 if args.all else 15.0)
    started = time.perf_counter()
    RESULTS.mkdir(parents=True, exist_ok=True)

    model_rows = model_only(seconds) if "model" in parts else []
    detect_rows = []
    sizes = ([2048] if "detect" in parts else []) + ([1024] + ([4096] if args.all else []) if "memory" in parts else [])
    for size in sizes:
        detect_rows.append(end_to_end(size, args.tile_size))
        print(f"  {size}²: {detect_rows[-1]['pixels_per_second']:,} px/s, peak RSS "
              f"{detect_rows[-1]['peak_rss_mib']:,.0f} MiB", flush=True)
    training_row = training() if "training" in parts else {"skipped": "not asked for"}
    polygon_rows = polygons_memory(args.polygon_sizes, args.polygon_tile_size) if "polygons" in parts else []
    cluster_size = args.cluster_size or (4096 if args.all else 2048)
    cluster_rows = [cluster(cluster_size, args.cluster_architecture)] if "cluster" in parts else []

    report = {"mode": "all" if args.all else "quick", "seconds": round(time.perf_counter() - started, 1),
              "command": " ".join([Path(sys.executable).name, *sys.argv]), "model_only": model_rows,
              "end_to_end": detect_rows, "training": training_row, "polygons": polygon_rows,
              "cluster": cluster_rows}
    path = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=1))
    print()
    print(table(model_rows, detect_rows, training_row, polygon_rows, cluster_rows))
    print(f"\nwritten {path}")


if __name__ == "__main__":
    main()
