#!/usr/bin/env python3
"""One end-to-end ``siamcrnn:detect`` through QGIS Processing, in this (fresh) process: read the T1/T2
GeoTIFFs → image statistics → normalise → infer → write the probability and change GeoTIFFs (tiled,
DEFLATE, overviews) and, with ``--polygons``, the change polygons (GeoPackage). Prints one JSON object:
pixels/s, seconds and the peak resident memory of the process.

    python benchmarks/detect_end_to_end.py T1.tif T2.tif MODEL.safetensors OUTPUT_FOLDER [--tile-size 512]
        [--polygons] [--threshold 0.5]

``benchmarks/run.py`` calls it once per raster size, each in its own process, so ``ru_maxrss`` is the peak
of that run alone.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))


def start_qgis():
    """Headless QGIS with Processing and the SiamCRNN provider; returns what must stay alive."""
    from qgis.core import QgsApplication
    from qgis.testing import start_app

    app = start_app()
    plugins = str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    from siamcrnn_qgis import classFactory

    plugin = classFactory(None)
    plugin.initProcessing()
    return app, plugin


def polygon_count(path: str) -> int:
    from osgeo import ogr

    dataset = ogr.Open(path)
    return dataset.GetLayer(0).GetFeatureCount()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("t1", type=Path)
    parser.add_argument("t2", type=Path)
    parser.add_argument("model", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--tile-size", type=int, default=512)
    parser.add_argument("--batch-size", type=int, default=4096)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--polygons", action="store_true", help="also write OUTPUT_POLYGONS (changes.gpkg)")
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()

    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    app, plugin = start_qgis()  # noqa: F841 (kept alive until the end)
    import processing
    from osgeo import gdal
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        lines: list[str] = []

        def pushInfo(self, info: str) -> None:  # noqa: N802 (QGIS API)
            self.lines.append(info)

    args.output.mkdir(parents=True, exist_ok=True)
    feedback = Log()
    polygons = {"OUTPUT_POLYGONS": str(args.output / "changes.gpkg")} if args.polygons else {}
    load_before = os.getloadavg()
    started = time.perf_counter()
    cpu_started = time.process_time()
    results = processing.run("siamcrnn:detect", {
        "T1": str(args.t1), "T2": str(args.t2), "MODEL": str(args.model),
        "OUTPUT_PROBABILITY": str(args.output / "probability.tif"), "OUTPUT_CHANGE": str(args.output / "change.tif"),
        "TILE_SIZE": args.tile_size, "BATCH_SIZE": args.batch_size, "DEVICE": args.device,
        "THRESHOLD": args.threshold, **polygons,
    }, context=QgsProcessingContext(), feedback=feedback)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    probability = gdal.Open(results["OUTPUT_PROBABILITY"])
    width, height = probability.RasterXSize, probability.RasterYSize
    structure = probability.GetMetadata("IMAGE_STRUCTURE")
    band = probability.GetRasterBand(1)
    print(json.dumps({
        "pixels": width * height, "width": width, "height": height, "seconds": round(seconds, 2),
        "pixels_per_second": round(width * height / seconds),
        "cpu_share": round(cpu_seconds / seconds / (os.cpu_count() or 1), 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "tile_size": args.tile_size, "batch_size": args.batch_size, "threshold": args.threshold,
        "changed_fraction": round(results["CHANGED_FRACTION"], 4),
        "polygons": polygon_count(results["OUTPUT_POLYGONS"]) if args.polygons else None,
        "output": {"compression": structure.get("COMPRESSION"), "block": band.GetBlockSize(),
                   "overviews": band.GetOverviewCount()},
        "log": [line for line in feedback.lines if "pixels/s" in line or "Running on" in line
                or "Vectorised" in line],
        "load_average_before": [round(v, 2) for v in load_before],
        "load_average_after": [round(v, 2) for v in os.getloadavg()],
    }))
    plugin.unload()


if __name__ == "__main__":
    main()
