#!/usr/bin/env python3
"""make demo: generate the synthetic sample, then train -> detect -> evaluate through qgis_process."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from qgis_cli import QgisProcess  # noqa: E402
from sample_data import generate  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=ROOT / "demo-output")
    parser.add_argument("--qgis-process", default=None)
    args = parser.parse_args()
    out = args.output.resolve()
    print(f"Generating the synthetic sample (deterministic) in {out / 'sample'}")
    sample = generate(out / "sample")
    qgis = QgisProcess(out / ".qgis", args.qgis_process)
    print(f"qgis_process: {qgis.executable}")
    listing = qgis.call("list").stdout
    if "siamcrnn:train" not in listing:
        print("The siamcrnn provider is not listed by qgis_process list.", file=sys.stderr)
        return 1

    steps = [
        ("siamcrnn:train", {
            "T1": sample["t1"], "T2": sample["t2"], "LABELS": sample["labels"], "LABEL_FIELD": "change",
            "OUTPUT_MODEL": out / "model.safetensors", "OUTPUT_REPORT": out / "training_report.html",
        }),
        ("siamcrnn:detect", {
            "T1": sample["t1"], "T2": sample["t2"], "MODEL": out / "model.safetensors",
            "OUTPUT_PROBABILITY": out / "probability.tif", "OUTPUT_CHANGE": out / "change.tif",
            "OUTPUT_POLYGONS": out / "changes.gpkg", "MIN_AREA": 500,
            "OUTPUT_REPORT": out / "detection_report.html",
        }),
        ("siamcrnn:evaluate", {
            "CHANGE": out / "change.tif", "REFERENCE_RASTER": sample["reference"],
            "OUTPUT_REPORT": out / "evaluation_report.html",
        }),
    ]
    results = {}
    for algorithm, parameters in steps:
        print(f"\n== {algorithm}")
        started = time.perf_counter()
        result = qgis.run(algorithm, {key: str(value) for key, value in parameters.items()})
        results[algorithm] = result["results"]
        print(f"   done in {time.perf_counter() - started:.1f} s")
        for key, value in sorted(result["results"].items()):
            shown = f"{value:.4f}" if isinstance(value, float) else value
            print(f"   {key:<20} {shown}")
    evaluation = results["siamcrnn:evaluate"]
    print(
        "\nAccuracy of the change map against the full synthetic reference: "
        f"OA {evaluation['OA']:.4f}, kappa {evaluation['KAPPA']:.4f}, F1 {evaluation['F1']:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
