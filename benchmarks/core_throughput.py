#!/usr/bin/env python3
"""Model-only detection throughput of the core engine on in-memory arrays (torch + numpy only, no QGIS or
GDAL, so it also runs on a CUDA machine without them).

    python benchmarks/core_throughput.py [--seconds 20] [--devices cpu,cuda] [--json out.json]

Per device: the patch network on patches already cut (``network``), and the streamed path on one
in-memory tile (``tile``: window → patches → probabilities; on CUDA this includes the host→device
transfer of the windows, with bf16 autocast); the fcn architecture's streamed detection when it is
registered. Each figure carries the machine it was measured on and the load average at that moment.
Untrained weights: the speed does not depend on them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import torch

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from siamcrnn_qgis.core.architectures import architecture_names, get_architecture  # noqa: E402
from siamcrnn_qgis.core.detection import detect  # noqa: E402
from siamcrnn_qgis.core.device import select_device  # noqa: E402
from siamcrnn_qgis.core.modelfile import ModelMetadata  # noqa: E402
from siamcrnn_qgis.core.normalisation import BandStatistics  # noqa: E402
from siamcrnn_qgis.core.patch.detection import PatchRunner, _Tile  # noqa: E402
from siamcrnn_qgis.core.patch.model import PATCH_RADIUS, PatchSiamCRNN  # noqa: E402
from siamcrnn_qgis.core.sources import ArraySource  # noqa: E402

BANDS = 4


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    """What a figure was measured on: CPU, cores, threads, GPU, library versions and the load right now."""
    gpu = torch.cuda.get_device_name(0) if torch.cuda.is_available() else None
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "torch_interop_threads": torch.get_num_interop_threads(),
        "gpu": gpu,
        "torch": torch.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "load_average": [round(value, 2) for value in os.getloadavg()],
    }


def timed(run, pixels: int, seconds: float, warm_up: int = 1) -> dict:
    """Repeat ``run()`` (``pixels`` per call) for at least ``seconds``; best and mean pixels/s."""
    for _ in range(warm_up):
        run()
    durations = []
    started, cpu_started = time.perf_counter(), time.process_time()
    while not durations or time.perf_counter() - started < seconds:
        begin = time.perf_counter()
        run()
        durations.append(time.perf_counter() - begin)
    cpu_share = (time.process_time() - cpu_started) / (time.perf_counter() - started) / torch.get_num_threads()
    return {"pixels_per_second": round(pixels * len(durations) / sum(durations)),
            "best_pixels_per_second": round(pixels / min(durations)), "repeats": len(durations),
            "cpu_share": round(cpu_share, 3)}


def synchronised(device: torch.device, run):
    def call():
        result = run()
        if device.type == "cuda":
            torch.cuda.synchronize()
        return result
    return call


def patch_network(device: str, seconds: float, batch_size: int) -> list[dict]:
    """The patch network alone, then one in-memory tile through the streamed path."""
    info = select_device(device)
    torch.manual_seed(0)
    model = PatchSiamCRNN(BANDS, BANDS, shared=True)
    runner = PatchRunner(model, info, batch_size)
    precision = "bf16 autocast" if info.bfloat16 else "fp32"
    count = batch_size * (4 if info.kind == "cpu" else 64)
    generator = torch.Generator().manual_seed(1)
    x1 = torch.randn(count, BANDS, 5, 5, generator=generator).contiguous(memory_format=torch.channels_last)
    x2 = torch.randn(count, BANDS, 5, 5, generator=generator).contiguous(memory_format=torch.channels_last)
    rows = []
    if info.kind != "cpu":
        # Patches already on the device: the network's own speed.
        d1, d2 = x1.to(info.device), x2.to(info.device)

        def network():
            for start in range(0, count, batch_size):
                runner._logits(d1[start:start + batch_size], d2[start:start + batch_size])
    else:
        def network():
            runner.predict(x1, x2)
    figure = timed(synchronised(info.device, network), count, seconds)
    rows.append({"benchmark": "model_only", "architecture": "patch", "path": "network on cut patches",
                 "device": info.description, "precision": precision, "batch_size": batch_size, "pixels": count,
                 **figure, "machine": machine()})

    side = 256 if info.kind == "cpu" else 1024
    rng = np.random.default_rng(2)
    padded = side + 2 * PATCH_RADIUS
    tile = _Tile(0, 0, side, side, rng.standard_normal((padded, padded, BANDS), dtype=np.float32),
                 rng.standard_normal((padded, padded, BANDS), dtype=np.float32), np.ones((side, side), dtype=bool))
    tiles = 1 if info.kind == "cpu" else 4

    def stream():
        # As detection does: the next tile is queued before the previous one is collected.
        previous = None
        for _ in range(tiles):
            current = runner.start_tile(tile)
            if previous is not None:
                previous()
            previous = current
        previous()

    figure = timed(stream, tiles * side * side, seconds)
    transfer = "incl. host→device transfer of the windows" if info.kind != "cpu" else "patches cut on the CPU"
    rows.append({"benchmark": "model_only", "architecture": "patch", "path": f"in-memory tile, {transfer}",
                 "device": info.description, "precision": precision, "batch_size": batch_size,
                 "tile": side, "pixels": tiles * side * side, **figure, "machine": machine()})
    return rows


def fcn_detection(device: str, seconds: float, size: int) -> list[dict]:
    """The fcn architecture's streamed detection on an in-memory pair, when it is registered."""
    if "fcn" not in architecture_names():
        return []
    info = select_device(device)
    torch.manual_seed(0)
    architecture = get_architecture("fcn")
    model = architecture.build_model(BANDS, BANDS, True, {})
    rng = np.random.default_rng(3)
    t1 = rng.standard_normal((BANDS, size, size), dtype=np.float32)
    t2 = rng.standard_normal((BANDS, size, size), dtype=np.float32)
    stats = BandStatistics(mean=[0.0] * BANDS, std=[1.0] * BANDS, count=size * size)
    names = [f"band {i + 1}" for i in range(BANDS)]
    metadata = ModelMetadata(architecture="fcn", bands_t1=BANDS, bands_t2=BANDS, band_names_t1=names,
                             band_names_t2=names, shared=True, stats_t1=stats, stats_t2=stats,
                             hyperparameters=model.hyperparameters())

    def run():
        detect(model.eval(), metadata, ArraySource(t1), ArraySource(t2), lambda x, y, p: None, device=info,
               use_training_statistics=True, tile_size=size)  # one window: the network, not the context

    figure = timed(synchronised(info.device, run), size * size, seconds)
    precision = "bf16 autocast" if info.bfloat16 else "fp32"
    return [{"benchmark": "model_only", "architecture": "fcn",
             "path": "streamed detection of an in-memory pair, one window", "device": info.description,
             "precision": precision, "pixels": size * size, **figure, "machine": machine()}]


def measure(devices: list[str], seconds: float, batch_size: int, gpu_batch_size: int, fcn_size: int
            ) -> list[dict]:
    rows = []
    for device in devices:
        rows += patch_network(device, seconds, batch_size if device == "cpu" else gpu_batch_size)
        rows += fcn_detection(device, seconds, fcn_size)
    return rows


def default_devices() -> list[str]:
    return ["cpu"] + (["cuda"] if torch.cuda.is_available() else [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--devices", default=",".join(default_devices()), help="comma-separated, e.g. cpu,cuda")
    parser.add_argument("--seconds", type=float, default=20.0, help="minimum time per figure")
    parser.add_argument("--batch-size", type=int, default=4096, help="CPU batch (the detect default)")
    parser.add_argument("--gpu-batch-size", type=int, default=65536,
                        help="GPU batch: small batches leave a GPU waiting on kernel launches")
    parser.add_argument("--fcn-size", type=int, default=1024, help="side of the fcn's in-memory pair")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="torch CPU threads (default: cores)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    rows = measure([d.strip() for d in args.devices.split(",") if d.strip()], args.seconds, args.batch_size,
                   args.gpu_batch_size, args.fcn_size)
    for row in rows:
        print(f"{row['architecture']:6s} {row['device'][:40]:40s} {row['precision']:14s} "
              f"{row['pixels_per_second']:>12,} px/s  {row['path']}  (load {row['machine']['load_average'][0]})")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
