"""``python -m siamcrnn_qgis.cluster detect``: change detection over many pairs on a Dask cluster, outside
QGIS. Exit status 0 when every pair is complete, 1 when some failed, 2 for bad arguments or a scheduler
that cannot be reached, 130 when cancelled (Ctrl-C)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from typing import TextIO

from ..core.errors import Cancelled, InputError, SiamCRNNError, as_sentence

EXIT_OK, EXIT_FAILED_PAIRS, EXIT_BAD_INPUT, EXIT_CANCELLED = 0, 1, 2, 130

EPILOG = """\
pairs.csv holds one pair per line: t1,t2[,name] (an optional header line names the columns). Relative
paths are relative to the CSV file; GDAL names such as /vsis3/bucket/t1.tif, /vsicurl/https://host/t1.tif
or /vsiaz/container/t1.tif work when every worker can read them. Each pair's outputs go to
OUT/<name>/probability.tif and change.tif (with .qml styles and a detection.json manifest), and one row
per pair to OUT/summary.csv. OUT must be on storage the workers and this machine share. A rerun skips the
pairs that are complete. See docs/cluster.md.

examples:
  python -m siamcrnn_qgis.cluster detect --local 4 --pairs pairs.csv --model model.safetensors --out results
  python -m siamcrnn_qgis.cluster detect --scheduler tcp://head:8786 --pairs pairs.csv \\
      --model model.safetensors --out /shared/results
"""


def number(convert: Callable[[str], float], what: str, fits: Callable[[float], bool], rule: str
           ) -> Callable[[str], float]:
    """An argparse type: ``convert`` the text, then check the value ``fits`` (``rule`` says how)."""

    def parse(text: str) -> float:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if not fits(value):
            raise argparse.ArgumentTypeError(f"must be {rule}, got {text}")
        return value

    return parse


positive_int = number(int, "a whole number", lambda value: value >= 1, "at least 1")
probability = number(float, "a number", lambda value: 0.0 <= value <= 1.0, "between 0 and 1")
seconds = number(float, "a number of seconds", lambda value: value > 0, "more than 0")


def build_parser() -> argparse.ArgumentParser:
    from ..core.options import DEVICE_CHOICES, PRECISION_CHOICES

    parser = argparse.ArgumentParser(prog="python -m siamcrnn_qgis.cluster",
                                     description="SiamCRNN change detection over many image pairs on a Dask cluster.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    detect = commands.add_parser(
        "detect", help="detect changes over the pairs of a CSV file", epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Detect changes over every pair of a CSV file, window by window on a Dask cluster; each "
                    "probability equals that of siamcrnn:detect on one machine.")
    where = detect.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", metavar="ADDRESS", help="address of a running Dask scheduler (tcp://HOST:8786)")
    where.add_argument("--local", metavar="N", type=positive_int,
                       help="start a local cluster of N single-threaded worker processes on this machine")
    detect.add_argument("--pairs", required=True, metavar="CSV", help="the pairs: one t1,t2[,name] line each")
    detect.add_argument("--model", required=True, metavar="FILE", help="a .safetensors model file made by Train")
    detect.add_argument("--out", required=True, metavar="DIR", help="output folder (created if needed)")
    detect.add_argument("--threshold", type=probability, default=None,
                        help="probability from which a pixel is called changed (default: as siamcrnn:detect)")
    detect.add_argument("--tile-size", type=positive_int, default=None,
                        help="tile side in pixels, as in siamcrnn:detect (default: the architecture's)")
    detect.add_argument("--batch-size", type=positive_int, default=None,
                        help="pixels per batch, as in siamcrnn:detect (default: the architecture's)")
    detect.add_argument("--window-size", type=positive_int, default=None,
                        help="side of the windows each task detects, rounded to whole tiles (default 2048)")
    detect.add_argument("--device", default="auto", help=f"{', '.join(DEVICE_CHOICES)} or cuda:N, chosen on each "
                                                         "worker (default auto: its GPU, else its CPU)")
    detect.add_argument("--precision", default="auto", choices=PRECISION_CHOICES, help="as in siamcrnn:detect")
    detect.add_argument("--use-training-statistics", action="store_true",
                        help="standardise with the training images' statistics instead of each image's own")
    detect.add_argument("--recompute", action="store_true", help="redo the pairs that are already complete")
    detect.add_argument("--timeout", type=seconds, default=10.0,
                        help="seconds to wait for the scheduler to answer (default 10)")
    detect.add_argument("--quiet", action="store_true", help="no progress bar and no log lines, only errors")
    detect.add_argument("--verbose", action="store_true", help="also show Dask's own log")
    return parser


class ProgressBar:
    """A one-line progress bar on a terminal (a line every 10 % elsewhere), and log lines above it."""

    def __init__(self, stream: TextIO, quiet: bool = False) -> None:
        self.stream, self.quiet = stream, quiet
        self.tty = stream.isatty()
        self.shown = ""
        self.last_tenth = -1
        self.started = time.monotonic()

    def update(self, fraction: float, status: str) -> None:
        if self.quiet:
            return
        fraction = min(max(fraction, 0.0), 1.0)
        if self.tty:
            filled = int(30 * fraction)
            line = f"[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {status}"
            self.stream.write("\r" + line.ljust(len(self.shown)))
            self.shown = line
        elif int(fraction * 10) > self.last_tenth:
            self.last_tenth = int(fraction * 10)
            self.stream.write(f"{fraction:4.0%} {status} ({time.monotonic() - self.started:.0f} s)\n")
        self.stream.flush()

    def log(self, message: str) -> None:
        if self.quiet:
            return
        if self.tty and self.shown:
            self.stream.write("\r" + " " * len(self.shown) + "\r")
        self.stream.write(message + "\n")
        if self.tty and self.shown:
            self.stream.write(self.shown)
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.shown and not self.quiet:
            self.stream.write("\n")
            self.stream.flush()
        self.shown = ""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    bar = ProgressBar(sys.stderr, args.quiet)
    try:
        return run_detect(args, bar)
    except Cancelled as cancelled:
        bar.close()
        print(as_sentence(str(cancelled)) or "Cancelled.", file=sys.stderr)
        return EXIT_CANCELLED
    except KeyboardInterrupt:
        bar.close()
        print("Cancelled before any pair was started; nothing was written.", file=sys.stderr)
        return EXIT_CANCELLED
    except SiamCRNNError as error:
        bar.close()
        print(f"Error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT


def run_detect(args: argparse.Namespace, bar: ProgressBar) -> int:
    from ..core.options import DetectionOptions
    from .client import dask_client
    from .pairs import read_pairs
    from .run import DEFAULT_WINDOW_SIZE, ClusterSettings, RunHooks, detect_pairs

    if not os.path.isfile(args.model):
        raise InputError(f"the model file {args.model} does not exist: give a .safetensors file made by Train")
    pairs = read_pairs(args.pairs)
    settings = ClusterSettings(
        threshold=args.threshold, window_size=args.window_size or DEFAULT_WINDOW_SIZE, recompute=args.recompute,
        detection=DetectionOptions(tile_size=args.tile_size, batch_size=args.batch_size, device=args.device,
                                   precision=args.precision, use_training_statistics=args.use_training_statistics))
    hooks = RunHooks(progress=bar.update, log=bar.log, warn=lambda message: bar.log(f"Warning: {message}"))
    with dask_client(args.scheduler, args.local, args.timeout, log=bar.log, quiet=not args.verbose) as client:
        try:
            summary = detect_pairs(client, pairs, args.model, args.out, settings, hooks)
        finally:
            bar.close()
    done, skipped, failed = summary.count("done"), summary.count("skipped"), summary.count("failed")
    if not args.quiet:
        print(f"{done} pairs detected, {skipped} already complete, {failed} failed in {summary.seconds:.1f} s; "
              f"summary: {summary.summary_path}")
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            print(f"Failed: {outcome.pair.name}: {as_sentence(outcome.message)}", file=sys.stderr)
    return EXIT_FAILED_PAIRS if failed else EXIT_OK
