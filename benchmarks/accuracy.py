#!/usr/bin/env python3
"""Accuracy of the plugin's defaults on every development set, through the Processing algorithms, the
path an analyst takes (``make bench-accuracy``).

For each set and architecture: ``siamcrnn:train`` with ``LABEL_RASTER`` = the set's training labels,
``SEED=0`` and every other parameter left at its default, then ``siamcrnn:detect`` with its defaults, then
the change map scored on the set's evaluation labels (the same confusion matrix as ``siamcrnn:evaluate``).

    .venv/bin/python benchmarks/accuracy.py [SET ...] [--architecture patch|fcn|both] [--json FILE]
                                            [--update-docs] [--keep DIR] [--option NAME=VALUE ...]

Sets: taizhou, italy, yellowriver, lpem12, lpem13 (``train_labels.tif`` / ``eval_labels.tif`` in each
folder), levir (the ``train_*`` and ``val_*`` tiles, side by side, train; each ``test_*`` tile is detected
on its own and the confusion matrices of the seven are added). Data: $SIAMCRNN_TEST_DATA or
../shared/data. Prints one JSON line per run and a table; ``--update-docs`` rewrites the marked table in
docs/accuracy.md. ``--option NAME=VALUE`` (experiments, see "What was tried" there) replaces one training
option that Processing does not expose, e.g. ``--option width=16`` for fcn's encoder width; each row
records them, and the docs table is not rewritten from such a run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(HERE))

from core_throughput import machine  # noqa: E402
from detect_end_to_end import start_qgis  # noqa: E402

from siamcrnn_qgis.core.metrics import ChangeMetrics, confusion_matrix  # noqa: E402
from siamcrnn_qgis.core.modelfile import read_metadata  # noqa: E402

#: The reference kappas of issue 14: a plain reimplementation of the paper's training (all training labels,
#: 60 epochs of 4,096 class-balanced samples, no hold-out, threshold 0.5; CPU, seed 0).
REFERENCE_KAPPA = {"taizhou": 0.789, "italy": 0.741, "yellowriver": 0.040, "lpem12": 0.515, "lpem13": 0.844}
FOLDERS = {"taizhou": "taizhou_landsat7", "italy": "italy_heterogeneous", "yellowriver": "yellowriver_sar_optical",
           "lpem12": "lpem12_sar", "lpem13": "lpem13_sar", "levir": "levir_cd_samples"}
SETS = tuple(FOLDERS)
DOCS = REPO_ROOT / "docs" / "accuracy.md"
START, END = "<!-- bench-accuracy:start -->", "<!-- bench-accuracy:end -->"


def data_dir() -> Path:
    return Path(os.environ.get("SIAMCRNN_TEST_DATA", REPO_ROOT.parent / "shared" / "data")).resolve()


@dataclass
class Case:
    """One training pair with its label raster, and the pairs to detect with their evaluation labels."""

    name: str
    t1: str
    t2: str
    train_labels: str
    tests: list  # (t1, t2, eval_labels) paths


def read(path: str) -> np.ndarray:
    from osgeo import gdal

    dataset = gdal.Open(path)
    if dataset is None:
        raise SystemExit(f"Cannot read {path}: is SIAMCRNN_TEST_DATA set to the shared data folder?")
    return dataset.ReadAsArray()


def write_tif(path: Path, array: np.ndarray) -> str:
    from osgeo import gdal

    array = array if array.ndim == 3 else array[None]
    kind = {np.dtype(np.uint8): gdal.GDT_Byte}.get(array.dtype, gdal.GDT_Float32)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[2], array.shape[1], array.shape[0], kind)
    for band, values in enumerate(array, start=1):
        dataset.GetRasterBand(band).WriteArray(values)
    dataset = None
    return str(path)


def case(name: str, workdir: Path) -> Case:
    folder = data_dir() / FOLDERS[name]
    if not folder.exists():
        raise SystemExit(f"{folder} not found: set SIAMCRNN_TEST_DATA to the shared data folder")
    if name != "levir":
        suffix = ".png" if name == "italy" else ".tif"
        t1, t2 = str(folder / f"t1{suffix}"), str(folder / f"t2{suffix}")
        return Case(name, t1, t2, str(folder / "train_labels.tif"), [(t1, t2, str(folder / "eval_labels.tif"))])
    # LEVIR: one training pair of the train_* and val_* tiles side by side; labels within the patch reach of
    # a seam are left unlabelled, so that no training sample spans two tiles.
    parts, tests = [], []
    for path in sorted((folder / "A").glob("*.png")):
        label = read(str(folder / "label" / path.name))
        label = ((label[0] if label.ndim == 3 else label) > 127).astype(np.uint8)
        if path.name.startswith("test_"):
            reference = write_tif(workdir / f"eval_{path.stem}.tif", label)
            tests.append((str(path), str(folder / "B" / path.name), reference))
        else:
            parts.append((read(str(path)), read(str(folder / "B" / path.name)), label))
    labels = np.concatenate([label for _, _, label in parts], axis=-1)
    seam = 0
    for _, _, label in parts[:-1]:
        seam += label.shape[-1]
        labels[:, seam - 4:seam + 4] = 255
    return Case(name, write_tif(workdir / "train_t1.tif", np.concatenate([a for a, _, _ in parts], axis=-1)),
                write_tif(workdir / "train_t2.tif", np.concatenate([b for _, b, _ in parts], axis=-1)),
                write_tif(workdir / "train_labels.tif", labels), tests)


def run_algorithm(name: str, parameters: dict) -> tuple[dict, list[str]]:
    """``processing.run`` with a feedback that keeps the log (its lines are returned)."""
    import processing
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines: list[str] = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.lines.append("WARNING " + warning)

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.lines.append("ERROR " + error)

    feedback = Recorder()
    return processing.run(name, parameters, feedback=feedback), feedback.lines


def measure(item: Case, architecture: str, workdir: Path) -> dict:
    started = time.perf_counter()
    model = str(workdir / f"{item.name}-{architecture}.safetensors")
    trained, log = run_algorithm("siamcrnn:train", {
        "T1": item.t1, "T2": item.t2, "LABEL_RASTER": item.train_labels, "ARCHITECTURE": architecture,
        "SEED": 0, "OUTPUT_MODEL": model})
    train_seconds = time.perf_counter() - started
    confusion = np.zeros((2, 2), dtype=np.int64)
    detect_started = time.perf_counter()
    threshold = None
    for index, (t1, t2, reference) in enumerate(item.tests):
        change = str(workdir / f"{item.name}-{architecture}-{index}-change.tif")
        _, detect_log = run_algorithm("siamcrnn:detect", {
            "T1": t1, "T2": t2, "MODEL": model, "OUTPUT_CHANGE": change,
            "OUTPUT_PROBABILITY": str(workdir / f"{item.name}-{architecture}-{index}-probability.tif")})
        threshold = threshold or next((line for line in detect_log if line.startswith("Threshold")), None)
        confusion += confusion_matrix(read(change).astype(np.uint8), read(reference).astype(np.uint8))
    metrics = ChangeMetrics.from_confusion(confusion)
    row = {"set": item.name, "architecture": architecture, "kappa": round(metrics.kappa, 4),
           "f1": round(metrics.f1, 4), "precision": round(metrics.precision, 4), "recall": round(metrics.recall, 4),
           "train_seconds": round(train_seconds, 1), "detect_seconds": round(time.perf_counter() - detect_started, 1),
           "validation_kappa": round(trained["VAL_KAPPA"], 4), "evaluated_pixels": int(confusion.sum()),
           "reference_kappa": REFERENCE_KAPPA.get(item.name), "threshold": read_metadata(model).threshold,
           "threshold_line": threshold,
           "training_log": [line for line in log if not line.startswith("Epoch ")],
           "load_average": [round(value, 2) for value in os.getloadavg()]}
    return row


def override_training_options(options: dict) -> None:
    """Make every training run of this process use ``options`` on top of its resolved configuration
    (the engine's own ``resolve_training`` of each architecture, so the checks still apply)."""
    import dataclasses

    from siamcrnn_qgis.core.architectures import get_architecture

    for name in ("patch", "fcn"):
        architecture = get_architecture(name)
        resolve = architecture.resolve_training

        def resolve_with(config, resolve=resolve):
            resolved = resolve(config)
            known = {field.name for field in dataclasses.fields(resolved)}
            return dataclasses.replace(resolved, **{key: value for key, value in options.items() if key in known})

        architecture.resolve_training = resolve_with


def parse_options(pairs: list[str]) -> dict:
    options = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if not value:
            raise SystemExit(f"--option {pair}: write NAME=VALUE, e.g. width=16")
        options[name] = json.loads(value) if value[0].isdigit() or value in ("true", "false") else value
    return options


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def table(rows: list[dict], architectures: list[str]) -> str:
    """Markdown table: one line per set, kappa (F1, training time) per architecture, the reference kappa."""
    header = "| set | reference kappa | " + " | ".join(f"{name}: kappa · F1 · P · R · training" for name in
                                                     architectures) + " |"
    lines = [header, "|" + "---|" * (2 + len(architectures))]
    by = {(row["set"], row["architecture"]): row for row in rows}
    for name in dict.fromkeys(row["set"] for row in rows):
        reference = REFERENCE_KAPPA.get(name)
        cells = [name, f"{reference:.3f}" if reference is not None else "—"]
        for architecture in architectures:
            row = by.get((name, architecture))
            cells.append("—" if row is None else (
                f"**{row['kappa']:.3f}** · {row['f1']:.3f} · {row['precision']:.3f} · {row['recall']:.3f} · "
                f"{row['train_seconds']:.0f} s"))
        lines.append("| " + " | ".join(cells) + " |")
    means = ["mean of the five sets with a reference", f"{np.mean(list(REFERENCE_KAPPA.values())):.3f}"]
    for architecture in architectures:
        kappas = [by[(name, architecture)]["kappa"] for name in REFERENCE_KAPPA if (name, architecture) in by]
        means.append(f"**{np.mean(kappas):.3f}**" if len(kappas) == len(REFERENCE_KAPPA) else "—")
    lines.append("| " + " | ".join(means) + " |")
    return "\n".join(lines)


def update_docs(rows: list[dict], architectures: list[str], facts: dict, command: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{DOCS} lacks the {START} … {END} markers")
    block = (f"{START}\nMeasured {facts['date']} at commit {facts['commit']} on {facts['cpu']} "
             f"({facts['cores']} cores, torch {facts['torch']}, QGIS {facts['qgis']}, GDAL {facts['gdal']}), "
             f"load average at the end {facts['load_average']}. Command: `{command}`.\n\n"
             f"{table(rows, architectures)}\n{END}")
    head, rest = text.split(START, 1)
    DOCS.write_text(head + block + rest.split(END, 1)[1], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sets", nargs="*", default=list(SETS), metavar="SET", help=", ".join(SETS))
    parser.add_argument("--architecture", choices=("patch", "fcn", "both"), default="both")
    parser.add_argument("--json", type=Path, help="also write the rows and the machine to this file")
    parser.add_argument("--update-docs", action="store_true", help="rewrite the table in docs/accuracy.md")
    parser.add_argument("--keep", type=Path, help="keep models and maps in this folder (default: deleted)")
    parser.add_argument("--from-json", type=Path, nargs="+", metavar="FILE",
                        help="measure nothing: print (and with --update-docs write) the table of these --json files")
    parser.add_argument("--option", action="append", default=[], metavar="NAME=VALUE",
                        help="an experiment: replace this training option (e.g. width=16); repeatable")
    args = parser.parse_args()
    options = parse_options(args.option)
    if options and args.update_docs:
        parser.error("--update-docs rewrites the table of the defaults; an --option run is an experiment")
    if args.from_json:
        results = [json.loads(path.read_text(encoding="utf-8")) for path in args.from_json]
        rows = [row for result in results for row in result["rows"]]
        architectures = list(dict.fromkeys(row["architecture"] for row in rows))
        print(table(rows, architectures))
        if args.update_docs:
            update_docs(rows, architectures, results[0]["machine"], "make bench-accuracy")
        return
    sets = args.sets or list(SETS)
    unknown = sorted(set(sets) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    architectures = ["patch", "fcn"] if args.architecture == "both" else [args.architecture]
    app, plugin = start_qgis()
    if options:
        override_training_options(options)
    from osgeo import gdal
    from qgis.core import Qgis

    rows = []
    with tempfile.TemporaryDirectory(prefix="siamcrnn-accuracy-") as scratch:
        workdir = args.keep or Path(scratch)
        workdir.mkdir(parents=True, exist_ok=True)
        for name in sets:
            item = case(name, workdir)
            for architecture in architectures:
                row = {**measure(item, architecture, workdir), "options": options}
                rows.append(row)
                print(json.dumps(row), flush=True)
    facts = {**machine(), "qgis": Qgis.QGIS_VERSION, "gdal": gdal.__version__, "commit": commit(),
             "date": datetime.date.today().isoformat(),
             "load_average": [round(value, 2) for value in os.getloadavg()]}
    print(table(rows, architectures))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"machine": facts, "rows": rows}, indent=1), encoding="utf-8")
    if args.update_docs:
        command = ("make bench-accuracy" + ("" if args.architecture == "both" else f" ARCHITECTURE={args.architecture}")
                   if set(sets) == set(SETS) else "benchmarks/accuracy.py " + " ".join(sys.argv[1:]))
        update_docs(rows, architectures, facts, command)
    plugin.unload()


if __name__ == "__main__":
    main()
