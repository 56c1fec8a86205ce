"""The real QGIS desktop under Xvfb, as a new analyst meets it: the plugin deployed into a fresh profile,
a saved project with the sample pair and its label polygons, then Create training label layer, the Train
and Detect dialogs run for real (their defaults checked, screenshots taken), the outputs loaded, named and
styled, Evaluate against the training labels, the PyTorch installer's interpreter with another python3
first on PATH, and the main window with the change polygons (desktop_session.py does the clicking).

Skipped (with the reason) where the qgis program or Xvfb is missing; under CI=true that is a failure.
SIAMCRNN_SCREENSHOTS=<folder> keeps copies of the three pictures (how docs/screenshot.png,
docs/train_dialog.png and docs/detect_dialog.png are made).
"""

from __future__ import annotations

from pathlib import Path

from .desktop import SCREEN, keep_pictures, run_desktop

SESSION_SCRIPT = Path(__file__).with_name("desktop_session.py")
TIME_LIMIT_S = 360


PICTURES = {"screenshot": "screenshot.png", "train_dialog": "train_dialog.png", "detect_dialog": "detect_dialog.png"}


def other_python3(folder: Path) -> Path:
    """A python3 that is another Python (as a pyenv shim of another version would be), to put first on PATH."""
    folder.mkdir()
    shim = folder / "python3"
    shim.write_text("#!/bin/sh\necho 3 99 0\necho /opt/another-python\n")
    shim.chmod(0o755)
    return folder


def test_a_new_analyst_trains_detects_and_evaluates_in_the_real_window(x_display, sample, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    params = {
        "t1": sample["t1"], "t2": sample["t2"], "labels": sample["labels"],
        "project": str(project / "analysis.qgz"), "probability": str(tmp_path / "probability.tif"),
        "change": str(tmp_path / "change.tif"), "polygons": str(tmp_path / "changes.gpkg"),
        "evaluation": str(tmp_path / "evaluation.html"), "dependencies": str(tmp_path / "deps" / "python3"),
        "report": str(tmp_path / "report.json"), "size": list(SCREEN),
        **{key: str(tmp_path / name) for key, name in PICTURES.items()},
    }
    report = run_desktop(SESSION_SCRIPT, params, tmp_path, x_display, TIME_LIMIT_S,
                         path_first=[str(other_python3(tmp_path / "shims"))])

    assert report["plugin_loaded"] and report["provider"] == "SiamCRNN change detection"
    assert report["desktop_session"]
    assert "siamcrnn:detect" in report["algorithms"]
    assert {"Detect changes", "Train change detection model"} <= set(report["toolbox"]), report["toolbox"]

    # 1. labels and models are offered as files next to the saved project, not as temporary files
    assert report["createlabels"] == {"output": str(project / "labels.gpkg"), "layers": ["Training labels (t1)"],
                                      "editable": True}
    assert report["train_defaults"]["OUTPUT_MODEL"] == str(project / "model.safetensors")
    assert report["train"]["ok"] and report["train"]["model"] == str(project / "model.safetensors")
    assert "temporary file" not in report["train"]["log"]
    assert report["train_architectures"][:2] == ["Patch SiamCRNN (paper)", "Fully convolutional SiamCRNN"]
    # 2. and 5. Detect offers the model just trained and the pair, not the active layer twice
    assert report["detect_defaults"]["MODEL"] == str(project / "model.safetensors")
    assert [report["detect_defaults"][key] for key in ("T1", "T2")] == ["t1", "t2"], report["detect_defaults"]
    # 3. polygons typed in are made and loaded, styled
    assert report["polygons_open_after_running"] == {"enabled": True, "checked": True, "value": params["polygons"]}
    assert report["detect"]["ok"] and report["detect"]["results"]["OUTPUT_POLYGONS"] == params["polygons"]
    # 4. outputs named after their pair
    layers = {entry["name"]: entry for entry in report["layers"]}
    assert {"Change map (t1 → t2)", "Change probability (t1 → t2)", "Change polygons (t1 → t2)"} <= set(layers)
    change = layers["Change map (t1 → t2)"]
    assert change["renderer"] == "paletted" and change["classes"]["1"] == "#e31a1c", change
    assert layers["Change probability (t1 → t2)"]["renderer"] == "singlebandpseudocolor"
    polygons = layers["Change polygons (t1 → t2)"]
    assert polygons["source"] == params["polygons"] and polygons["features"] > 0
    assert polygons["outline"] == "#e31a1c", polygons
    # 9. the log: areas in ha, the device said once
    detect_log = report["detect"]["log"]
    assert " ha; " in detect_log and "map units²" not in detect_log and "e+0" not in detect_log, detect_log
    assert detect_log.count("Running on CPU") == 1 and report["train"]["log"].count("Running on CPU") == 1
    # 6. evaluating against the training labels is called optimistic
    assert any("optimistic" in warning for warning in report["evaluate"]["warnings"]), report["evaluate"]
    assert "labels (field change)" in Path(params["evaluation"]).read_text(encoding="utf-8")
    # 11. with another python3 first on PATH, pip would run with QGIS's own interpreter
    installer = report["installer"]
    assert installer["python3_on_path"] == str(tmp_path / "shims" / "python3")
    assert installer["plan_python"] != installer["python3_on_path"], installer
    assert installer["plan_python_reports"][0] == installer["qgis_python"], installer

    assert report["screenshot_saved"] and report["train_dialog_saved"] and report["detect_dialog_saved"]
    check_screenshot(Path(params["screenshot"]))
    check_dialog(Path(params["train_dialog"]))
    check_dialog(Path(params["detect_dialog"]))
    keep_pictures(params, PICTURES)


def check_dialog(path: Path) -> None:
    """A dialog as large as it was made, with text in it (not a blank or black window)."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert image.width() >= 900 and image.height() >= 600, (path, image.width(), image.height())
    dark = 0  # text: dark pixels on the light dialog (a blank or unpainted window has none or only those)
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            rgb = image.pixel(x, y)
            dark += max((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255) < 110
    assert 1500 < dark < image.width() * image.height() / 8, f"{path.name}: {dark} dark samples, not a dialog"


def check_screenshot(path: Path) -> None:
    """Big, colourful (imagery, toolbar icons) and with the change map's red in it."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert image.width() >= 1200 and image.height() >= 700, (image.width(), image.height())
    colours, red = set(), 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            rgb = image.pixel(x, y)
            r, g, b = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
            colours.add((r >> 3, g >> 3, b >> 3))
            if abs(r - 0xE3) < 12 and abs(g - 0x1A) < 16 and abs(b - 0x1C) < 16:
                red += 1
    assert len(colours) > 500, f"only {len(colours)} colours: an empty or blank window?"
    assert red > 200, f"only {red} sampled pixels of the change map's red"
