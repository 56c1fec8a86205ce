"""Self-contained HTML reports (pictures embedded as PNG data URIs) for train, detect and evaluate.

Pure Python + matplotlib (Agg backend, which QGIS ships); no qgis, no osgeo, no torch import.
"""

from __future__ import annotations

import base64
import html
import io
import os
from datetime import datetime, timezone
from typing import Any, Iterable

from .paths import plugin_version

STYLE = """
body{font-family:sans-serif;margin:1.5em;color:#222;max-width:980px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.4em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}
th{background:#f0f0f0}td.l,th.l{text-align:left}.small{color:#666;font-size:.85em}img{max-width:100%}
"""


def _escape(value: Any) -> str:
    return html.escape(str(value))


def _figure_to_img(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="chart" src="data:image/png;base64,{encoded}"/>'


def _new_figure(width: float, height: float):
    from matplotlib.figure import Figure  # Agg canvas, no pyplot global state (thread-safe enough)

    return Figure(figsize=(width, height))


def _table(rows: Iterable[tuple[Any, Any]], header: tuple[str, str] | None = None) -> str:
    out = ["<table>"]
    if header:
        out.append(f'<tr><th class="l">{_escape(header[0])}</th><th>{_escape(header[1])}</th></tr>')
    for key, value in rows:
        shown = f"{value:.4f}" if isinstance(value, float) else _escape(value)
        out.append(f'<tr><td class="l">{_escape(key)}</td><td>{shown}</td></tr>')
    out.append("</table>")
    return "".join(out)


def _page(title: str, body: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{_escape(title)}</h1>{body}"
        f'<p class="small">SiamCRNN for QGIS {_escape(plugin_version())} · {stamp}</p></body></html>'
    )


METRIC_LABELS = (
    ("oa", "Overall accuracy"), ("kappa", "Kappa"), ("f1", "F1"), ("precision", "Precision"),
    ("recall", "Recall"), ("iou", "IoU (changed)"), ("false_alarm_rate", "False alarm rate"),
    ("missed_alarm_rate", "Missed alarm rate"),
)


def _metric_rows(values: dict) -> list[tuple[str, Any]]:
    return [(label, float(values[key])) for key, label in METRIC_LABELS if key in values]


def _confusion_table(tn: int, fp: int, fn: int, tp: int) -> str:
    return (
        "<table><tr><th></th><th>predicted unchanged</th><th>predicted changed</th><th>total</th></tr>"
        f'<tr><th class="l">reference unchanged</th><td>{tn:,}</td><td>{fp:,}</td><td>{tn + fp:,}</td></tr>'
        f'<tr><th class="l">reference changed</th><td>{fn:,}</td><td>{tp:,}</td><td>{fn + tp:,}</td></tr>'
        f'<tr><th class="l">total</th><td>{tn + fn:,}</td><td>{fp + tp:,}</td><td>{tn + fp + fn + tp:,}</td></tr>'
        "</table>"
    )


def training_curves_figure(history) -> str:
    """Loss curves and validation kappa/F1 per epoch as an embedded picture."""
    figure = _new_figure(9.0, 3.4)
    losses, scores = figure.subplots(1, 2)
    epochs = [record.epoch for record in history]
    losses.plot(epochs, [record.train_loss for record in history], label="training loss")
    losses.plot(epochs, [record.val_loss for record in history], label="validation loss")
    losses.set_xlabel("epoch")
    losses.set_ylabel("weighted BCE")
    losses.legend()
    losses.grid(alpha=0.3)
    for key in ("kappa", "f1", "oa"):
        scores.plot(epochs, [record.val_metrics.get(key, float("nan")) for record in history], label=key)
    scores.set_xlabel("epoch")
    scores.set_ylim(0, 1)
    scores.set_title("validation")
    scores.legend()
    scores.grid(alpha=0.3)
    return _figure_to_img(figure)


def training_report_html(result, model_path: str, seconds: float) -> str:
    metadata = result.metadata
    metrics = result.val_metrics
    settings = [
        ("Architecture", metadata.architecture),
        ("Branches", "shared (siamese)" if metadata.shared else "separate (pseudo-siamese)"),
        ("T1 bands", ", ".join(metadata.band_names_t1)),
        ("T2 bands", ", ".join(metadata.band_names_t2)),
    ] + [(key.replace("_", " "), value) for key, value in sorted(metadata.hyperparameters.items())]
    epochs = "".join(
        f"<tr><td>{r.epoch}</td><td>{r.train_loss:.4f}</td><td>{r.val_loss:.4f}</td>"
        f"<td>{r.val_metrics.get('kappa', float('nan')):.3f}</td><td>{r.val_metrics.get('f1', float('nan')):.3f}</td>"
        f"<td>{r.seconds:.1f}</td></tr>"
        for r in result.history
    )
    body = (
        "<h2>Summary</h2>"
        + _table([
            ("Model file", model_path), ("Device", result.device.description), ("Duration (s)", f"{seconds:.1f}"),
            ("Epochs run", len(result.history)), ("Best epoch (lowest validation loss)", result.best_epoch),
            ("Labelled pixels, unchanged", result.label_counts.get("unchanged", 0)),
            ("Labelled pixels, changed", result.label_counts.get("changed", 0)),
            ("Training pixels", result.train_pixels), ("Validation pixels", result.validation_pixels),
        ])
        + "<h2>Training curves</h2>" + training_curves_figure(result.history)
        + "<h2>Validation at the best epoch (threshold 0.5)</h2>" + _table(_metric_rows(metrics.as_dict()))
        + _confusion_table(metrics.tn, metrics.fp, metrics.fn, metrics.tp)
        + "<h2>Settings</h2>" + _table(settings)
        + "<h2>Epochs</h2><table><tr><th>epoch</th><th>training loss</th><th>validation loss</th>"
        + f"<th>kappa</th><th>F1</th><th>seconds</th></tr>{epochs}</table>"
    )
    return _page("SiamCRNN training report", body)


def probability_histogram_figure(histogram: list[int], threshold: float) -> str:
    figure = _new_figure(6.5, 3.0)
    axes = figure.subplots()
    bins = len(histogram)
    axes.bar([(i + 0.5) / bins for i in range(bins)], histogram, width=1.0 / bins, color="#7fa7c9",
             edgecolor="#3d5f7d")
    axes.axvline(threshold, color="#e31a1c", label=f"threshold {threshold:g}")
    axes.set_yscale("log")
    axes.set_xlabel("change probability")
    axes.set_ylabel("pixels")
    axes.legend()
    return _figure_to_img(figure)


def detection_report_html(*, summary, model_path: str, threshold: float, changed_pixels: int, valid_pixels: int,
                          changed_area: float, histogram: list[int], pixel_area: float, outputs: dict) -> str:
    rate = summary.pixels / summary.seconds if summary.seconds > 0 else float("nan")
    rows = [
        ("Model", model_path), ("Device", summary.device.description), ("Threshold", threshold),
        ("Pixels", f"{summary.pixels:,}"), ("Valid pixels", f"{valid_pixels:,}"),
        ("Changed pixels", f"{changed_pixels:,}"),
        ("Changed fraction of valid pixels", f"{(changed_pixels / valid_pixels if valid_pixels else 0):.2%}"),
        ("Changed area (map units²)", f"{changed_area:,.6g}"), ("Pixel area (map units²)", f"{pixel_area:g}"),
        ("Inference time (s)", f"{summary.seconds:.2f}"), ("Throughput (pixels/s)", f"{rate:,.0f}"),
        ("Final batch size", summary.batch_size),
    ] + [(key, os.fspath(value)) for key, value in outputs.items() if isinstance(value, str)]
    body = (
        "<h2>Summary</h2>" + _table(rows)
        + "<h2>Change probability of valid pixels</h2>" + probability_histogram_figure(histogram, threshold)
    )
    return _page("SiamCRNN detection report", body)


def evaluation_report_html(metrics, change_path: str) -> str:
    body = (
        "<h2>Change map</h2><p>" + _escape(change_path) + "</p>"
        + "<h2>Confusion matrix (pixels)</h2>" + _confusion_table(metrics.tn, metrics.fp, metrics.fn, metrics.tp)
        + "<h2>Accuracy</h2>" + _table(_metric_rows(metrics.as_dict()))
        + '<p class="small">False alarm rate = FP / (FP + TN); missed alarm rate = FN / (FN + TP). '
        "Pixels unlabelled in the reference or nodata in the change map are not counted.</p>"
    )
    return _page("SiamCRNN evaluation report", body)
