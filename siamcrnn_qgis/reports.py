"""Self-contained HTML reports (pictures embedded as PNG data URIs) for train, detect and evaluate.

Pure Python + matplotlib (Agg backend, which QGIS ships) and Qt's translation lookup; no osgeo, no torch.
Every heading and label goes through ``tr`` (context ``@default``), so a report follows QGIS's language.
"""

from __future__ import annotations

import base64
import html
import io
import os
import warnings
from datetime import datetime, timezone
from typing import Any, Iterable

from .core.architectures import get_architecture
from .i18n import tr
from .paths import plugin_version

try:
    from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP
except ImportError:  # pragma: no cover - PyQt builds without the marker
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name)
        return text

STYLE = """
body{font-family:sans-serif;margin:1.5em;color:#222;max-width:980px}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.4em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .6em;text-align:right}
th{background:#f0f0f0}td.l,th.l{text-align:left}.small{color:#666;font-size:.85em}.warning{color:#a15c00}img{max-width:100%}
"""


def _escape(value: Any) -> str:
    return html.escape(str(value))


# Translated labels need CJK glyphs: try the usual system fonts first, then matplotlib's own DejaVu Sans.
FONTS = {"font.family": "sans-serif",
         "font.sans-serif": ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", "DejaVu Sans"]}


def _figure_to_img(figure, alt: str) -> str:
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(FONTS), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{_escape(alt)}" src="data:image/png;base64,{encoded}"/>'


def _new_figure(width: float, height: float):
    import matplotlib
    from matplotlib.figure import Figure  # Agg canvas, no pyplot global state (thread-safe enough)

    with matplotlib.rc_context(FONTS):
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


def _h2(text: str) -> str:
    return f"<h2>{_escape(text)}</h2>"


def _page(title: str, body: str) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    footer = tr("SiamCRNN for QGIS {version}").format(version=plugin_version())
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{_escape(title)}</title>'
        f"<style>{STYLE}</style></head><body><h1>{_escape(title)}</h1>{body}"
        f'<p class="small">{_escape(footer)} · {stamp}</p></body></html>'
    )


METRIC_LABELS = (
    ("oa", QT_TRANSLATE_NOOP("@default", "Overall accuracy")), ("kappa", QT_TRANSLATE_NOOP("@default", "Kappa")),
    ("f1", QT_TRANSLATE_NOOP("@default", "F1")), ("precision", QT_TRANSLATE_NOOP("@default", "Precision")),
    ("recall", QT_TRANSLATE_NOOP("@default", "Recall")), ("iou", QT_TRANSLATE_NOOP("@default", "IoU (changed)")),
    ("false_alarm_rate", QT_TRANSLATE_NOOP("@default", "False alarm rate")),
    ("missed_alarm_rate", QT_TRANSLATE_NOOP("@default", "Missed alarm rate")),
)


def _metric_rows(values: dict) -> list[tuple[str, Any]]:
    return [(tr(label), float(values[key])) for key, label in METRIC_LABELS if key in values]


def _confusion_table(tn: int, fp: int, fn: int, tp: int) -> str:
    heads = [_escape(text) for text in (
        tr("predicted unchanged"), tr("predicted changed"), tr("total"), tr("reference unchanged"),
        tr("reference changed"))]
    return (
        f"<table><tr><th></th><th>{heads[0]}</th><th>{heads[1]}</th><th>{heads[2]}</th></tr>"
        f'<tr><th class="l">{heads[3]}</th><td>{tn:,}</td><td>{fp:,}</td><td>{tn + fp:,}</td></tr>'
        f'<tr><th class="l">{heads[4]}</th><td>{fn:,}</td><td>{tp:,}</td><td>{fn + tp:,}</td></tr>'
        f'<tr><th class="l">{heads[2]}</th><td>{tn + fn:,}</td><td>{fp + tp:,}</td><td>{tn + fp + fn + tp:,}</td></tr>'
        "</table>"
    )


def training_curves_figure(history, loss_name: str) -> str:
    """Loss curves and validation kappa/F1/OA per epoch as an embedded picture."""
    figure = _new_figure(9.0, 3.4)
    losses, scores = figure.subplots(1, 2)
    epochs = [record.epoch for record in history]
    losses.plot(epochs, [record.train_loss for record in history], label=tr("training loss"))
    losses.plot(epochs, [record.val_loss for record in history], label=tr("validation loss"))
    losses.set_xlabel(tr("epoch"))
    losses.set_ylabel(tr("loss: {name}").format(name=loss_name))
    losses.legend()
    losses.grid(alpha=0.3)
    for key, label in METRIC_LABELS[:3]:
        scores.plot(epochs, [record.val_metrics.get(key, float("nan")) for record in history], label=tr(label))
    scores.set_xlabel(tr("epoch"))
    scores.set_ylim(0, 1)
    scores.set_title(tr("validation"))
    scores.legend()
    scores.grid(alpha=0.3)
    return _figure_to_img(figure, tr("Training curves"))


def training_report_html(result, model_path: str, seconds: float) -> str:
    """Model file, device, duration, label counts, loss curves and validation metrics of one training run."""
    metadata = result.metadata
    metrics = result.val_metrics
    settings = [
        (tr("Architecture"), metadata.architecture),
        (tr("Branches"), tr("shared (siamese)") if metadata.shared else tr("separate (pseudo-siamese)")),
        (tr("T1 bands"), ", ".join(metadata.band_names_t1)),
        (tr("T2 bands"), ", ".join(metadata.band_names_t2)),
    ] + [(key.replace("_", " "), value) for key, value in sorted(metadata.hyperparameters.items())]
    if result.config is not None:
        used = result.config.as_dict()
        settings += [(tr("Training option: {name}").format(name=name.replace("_", " ")), used[name])
                     for name in ("epochs", "patience", "batch_size", "samples_per_epoch", "learning_rate",
                                  "changed_weight", "validation_fraction", "seed", "precision")]
    notes = "".join(f"<li>{_escape(note)}</li>" for note in result.notes
                    if note != result.device.description)  # the summary names the device
    notes += "".join(f'<li class="warning">{_escape(warning)}</li>' for warning in result.warnings)
    nan = float("nan")
    epochs = "".join(
        f"<tr><td>{r.epoch}</td><td>{r.train_loss:.4f}</td><td>{r.val_loss:.4f}</td>"
        f"<td>{r.val_metrics.get('kappa', nan):.3f}</td><td>{r.val_metrics.get('f1', nan):.3f}</td>"
        f"<td>{r.seconds:.1f}</td></tr>"
        for r in result.history
    )
    epoch_heads = "".join(f"<th>{_escape(text)}</th>" for text in (
        tr("epoch"), tr("training loss"), tr("validation loss"), tr("Kappa"), tr("F1"), tr("seconds")))
    threshold = metadata.threshold
    body = (
        _h2(tr("Summary"))
        + "".join(f'<p class="{css}">{_escape(text)}</p>' for css, text in validation_sentences(result))
        + _table([
            (tr("Model file"), model_path), (tr("Device"), result.device.description),
            (tr("Kappa on the training labels (threshold 0.5)") if averaged_epochs(result)
             else tr("Validation kappa (threshold 0.5)"), f"{metrics.kappa:.3f}"),
            (tr("Decision threshold stored in the model"), f"{threshold:.3g}"),
            (tr("Duration (s)"), f"{seconds:.1f}"), (tr("Epochs run"), len(result.history)),
            _best_epoch_row(result),
            (tr("Labelled pixels, unchanged"), result.label_counts.get("unchanged", 0)),
            (tr("Labelled pixels, changed"), result.label_counts.get("changed", 0)),
            (tr("Training pixels"), result.train_pixels), (tr("Validation pixels"), result.validation_pixels),
        ])
        + _h2(tr("What happened")) + f"<ul>{notes}</ul>"
        + _h2(tr("Training curves"))
        + training_curves_figure(result.history, get_architecture(metadata.architecture).loss_name)
        + _h2(tr("Agreement with the training labels (threshold 0.5)") if averaged_epochs(result)
              else tr("Validation at the best epoch (threshold 0.5)")) + _table(_metric_rows(metrics.as_dict()))
        + _confusion_table(metrics.tn, metrics.fp, metrics.fn, metrics.tp)
        + _h2(tr("Settings")) + _table(settings)
        + _h2(tr("Epochs")) + f"<table><tr>{epoch_heads}</tr>{epochs}</table>"
    )
    return _page(tr("SiamCRNN training report"), body)


def averaged_epochs(result) -> list[int] | None:
    """The first and last epoch whose weights the model averages, None when it kept its best epoch."""
    return result.metadata.provenance.get("averaged_epochs")


def _best_epoch_row(result) -> tuple[str, object]:
    span = averaged_epochs(result)
    if span:
        return (tr("Weights"), tr("mean of epochs {first}–{last}: too few label regions to choose an epoch "
                                  "on").format(first=span[0], last=span[1]))
    return (tr("Best epoch (highest validation kappa)"), result.best_epoch)


#: Validation regions of each class from which the validation kappa is called fair, then rough.
FAIR_REGIONS, ROUGH_REGIONS = 10, 5


def validation_sentences(result) -> list[tuple[str, str]]:
    """What the validation kappa rests on and how far to trust it, the threshold chosen, and what to do
    next, as (css class, sentence) pairs."""
    provenance = result.metadata.provenance
    regions = (provenance.get("regions") or {}).get("validation")
    kappa = result.val_metrics.kappa
    sentences = []
    if regions:
        fewest = min(regions["changed"], regions["unchanged"])
        rests = tr("The validation kappa of {kappa:.3f} rests on {pixels:,} labelled pixels in {changed} changed "
                   "and {unchanged} unchanged regions that training never saw.").format(
            kappa=kappa, pixels=result.validation_pixels, changed=regions["changed"], unchanged=regions["unchanged"])
        if fewest >= FAIR_REGIONS:
            trust = tr("That is a fair estimate of the map's accuracy in areas like the labelled ones; check the "
                       "map where nothing was labelled.")
            css = ""
        elif fewest >= ROUGH_REGIONS:
            trust = tr("That is a rough estimate: a few regions more or fewer would move it. Draw more separate "
                       "regions of both classes to firm it up.")
            css = ""
        else:
            trust = tr("That is not reliable: one class is validated on fewer than {count} regions. Draw more "
                       "separate regions of that class, spread over the scene, and train again.").format(
                count=ROUGH_REGIONS)
            css = "warning"
        if provenance.get("validation_split") == "spatial":
            trust += " " + tr("The labels formed too few separate regions, so validation is the last part of the "
                              "labels from top to bottom.")
        span = averaged_epochs(result)
        if span:
            rests = tr("The labels form too few separate regions to hold some out for validation: a validation "
                       "would have rested on {changed} changed and {unchanged} unchanged regions, too few to choose "
                       "an epoch or a threshold on. So the model was trained on every label, holds the mean of "
                       "the weights of epochs {first}–{last} and keeps the threshold 0.5.").format(
                changed=regions["changed"], unchanged=regions["unchanged"], first=span[0], last=span[1])
            trust = tr("Its kappa of {kappa:.3f} is measured on the training labels and overstates the map's "
                       "accuracy. Draw more separate regions of both classes, spread over the scene, and train "
                       "again.").format(kappa=kappa)
            css = "warning"
        sentences.append((css, rests + " " + trust))
    choice = provenance.get("threshold_choice") or {}
    if choice.get("scene_change_share") is not None:
        sentences.append(("", tr(
            "Detect will call a pixel changed from a probability of {threshold:.3g} (unless you give a threshold): "
            "the best validation kappa once the validation pixels are weighted to the scene's estimated "
            "{share:.1%} of change (at 0.5 that weighted kappa would be {half:.3f}, at {threshold:.3g} it is "
            "{best:.3f}).").format(threshold=result.metadata.threshold, share=choice["scene_change_share"],
                                   half=choice["weighted_kappa_at_0.5"], best=choice["weighted_kappa"])))
    elif choice:
        sentences.append(("", tr("Detect will use the threshold 0.5 unless you give one: {reason}.").format(
            reason=choice.get("reason", ""))))
    return sentences


def probability_histogram_figure(histogram: list[int], threshold: float) -> str:
    """Pixels per change-probability bin (log scale) with the threshold marked."""
    figure = _new_figure(6.5, 3.0)
    axes = figure.subplots()
    bins = len(histogram)
    axes.bar([(i + 0.5) / bins for i in range(bins)], histogram, width=1.0 / bins, color="#7fa7c9",
             edgecolor="#3d5f7d")
    axes.axvline(threshold, color="#e31a1c", label=tr("threshold {threshold:g}").format(threshold=threshold))
    if any(histogram):
        axes.set_yscale("log")
    axes.set_xlabel(tr("change probability"))
    axes.set_ylabel(tr("pixels"))
    axes.legend()
    return _figure_to_img(figure, tr("Histogram of the change probability"))


def detection_report_html(*, summary, model_path: str, threshold: float, changed_pixels: int, valid_pixels: int,
                          changed_area: str, histogram: list[int], pixel_area: str, outputs: dict) -> str:
    """Changed area and share of valid pixels, probability histogram, device and throughput. The areas come
    written in their unit ('28.15 km²'); ``outputs`` maps each output's label to its file."""
    rate = summary.pixels / summary.seconds if summary.seconds > 0 else float("nan")
    rows = [
        (tr("Model"), model_path), (tr("Device"), summary.device.description), (tr("Threshold"), threshold),
        (tr("Pixels"), f"{summary.pixels:,}"), (tr("Valid pixels"), f"{valid_pixels:,}"),
        (tr("Changed pixels"), f"{changed_pixels:,}"),
        (tr("Changed fraction of valid pixels"), f"{(changed_pixels / valid_pixels if valid_pixels else 0):.2%}"),
        (tr("Changed area"), changed_area), (tr("Pixel area"), pixel_area),
        (tr("Inference time (s)"), f"{summary.seconds:.2f}"), (tr("Throughput (pixels/s)"), f"{rate:,.0f}"),
        (tr("Tile size (pixels)"), summary.tile_size), (tr("Final batch size"), summary.batch_size),
    ] + [(key, os.fspath(value)) for key, value in outputs.items() if isinstance(value, str)]
    body = (
        _h2(tr("Summary")) + _table(rows)
        + _h2(tr("Change probability of valid pixels")) + probability_histogram_figure(histogram, threshold)
    )
    return _page(tr("SiamCRNN detection report"), body)


def evaluation_report_html(metrics, change_path: str, reference: str = "", warnings: Iterable[str] = ()) -> str:
    """Confusion matrix and every accuracy measure of a change map against a reference (named, with its
    field); ``warnings`` (e.g. a reference that trained the model) come first."""
    cautions = "".join(f'<p class="warning">{_escape(warning)}</p>' for warning in warnings)
    body = (
        cautions + _h2(tr("Change map")) + "<p>" + _escape(change_path) + "</p>"
        + (_h2(tr("Reference")) + "<p>" + _escape(reference) + "</p>" if reference else "")
        + _h2(tr("Confusion matrix (pixels)")) + _confusion_table(metrics.tn, metrics.fp, metrics.fn, metrics.tp)
        + _h2(tr("Accuracy")) + _table(_metric_rows(metrics.as_dict()))
        + '<p class="small">' + _escape(tr(
            "False alarm rate = FP / (FP + TN); missed alarm rate = FN / (FN + TP). Pixels unlabelled in the "
            "reference or nodata in the change map are not counted.")) + "</p>"
    )
    return _page(tr("SiamCRNN evaluation report"), body)
