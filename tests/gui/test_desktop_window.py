"""The real QGIS desktop under Xvfb: the plugin deployed into a temporary profile, the sample pair opened,
siamcrnn:detect run with styled outputs, the Processing Toolbox showing SiamCRNN, and a screenshot.

Skipped (with the reason) where the qgis program or Xvfb is missing; under CI=true that is a failure.
SIAMCRNN_WINDOW_MODEL=<model.safetensors> reuses a trained model instead of training a quick one, and
SIAMCRNN_SCREENSHOT=<file.png> keeps a copy of the screenshot (how docs/screenshot.png is made).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SESSION_SCRIPT = Path(__file__).with_name("desktop_session.py")
TIME_LIMIT_S = 240
SCREEN = (1600, 1000)


def require_desktop() -> tuple[str, str]:
    qgis, xvfb = shutil.which("qgis"), shutil.which("Xvfb")
    missing = [name for name, path in (("qgis (the QGIS desktop)", qgis), ("Xvfb", xvfb)) if path is None]
    if missing:
        reason = f"cannot start a QGIS window: {' and '.join(missing)} not found on PATH (make setup installs them)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " — under CI=true this is a failure")
        pytest.skip(reason)
    return qgis, xvfb


@pytest.fixture
def x_display(tmp_path):
    """A private Xvfb server on a display number it picks itself (-displayfd): no clash with others."""
    _, xvfb = require_desktop()
    read_end, write_end = os.pipe()
    with (tmp_path / "xvfb.log").open("w") as log:
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=log)
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start: " + (tmp_path / "xvfb.log").read_text()[-2000:])
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def model_file(qgis_app, sample, tmp_path) -> str:
    given = os.environ.get("SIAMCRNN_WINDOW_MODEL")
    if given:
        return given
    import processing

    path = str(tmp_path / "quick.safetensors")
    processing.run("siamcrnn:train", {"T1": sample["t1"], "T2": sample["t2"], "LABELS": sample["labels"],
                                      "EPOCHS": 1, "OUTPUT_MODEL": path})
    return path


def deploy_profile(root: Path) -> Path:
    """A fresh profile with the assembled plugin enabled, English UI, no version check."""
    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from build_plugin import assemble

    profile = root / "profiles" / "default"
    assemble(profile / "python" / "plugins")
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[PythonPlugins]\nsiamcrnn_qgis=true\nprocessing=true\n\n"
        "[locale]\noverrideFlag=true\nuserLocale=en_US\n\n"
        "[qgis]\ncheckVersion=false\n", encoding="utf-8")
    return profile


def test_desktop_window_shows_styled_change_map_and_toolbox(x_display, model_file, sample, tmp_path):
    qgis, _ = require_desktop()
    profiles = tmp_path / "qgis"
    deploy_profile(profiles)
    params = {
        "t1": sample["t1"], "t2": sample["t2"], "model": model_file,
        "probability": str(tmp_path / "probability.tif"), "change": str(tmp_path / "change.tif"),
        "screenshot": str(tmp_path / "screenshot.png"), "report": str(tmp_path / "report.json"),
        "size": list(SCREEN),
    }
    (tmp_path / "params.json").write_text(json.dumps(params), encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "SIAMCRNN_WINDOW_PARAMS": str(tmp_path / "params.json"),
           "PYTHONPATH": os.pathsep.join(filter(None, [sysconfig.get_paths()["purelib"],
                                                       os.environ.get("PYTHONPATH")]))}
    log = tmp_path / "qgis.log"
    started = time.monotonic()
    with log.open("w") as output:
        desktop = subprocess.Popen(
            [qgis, "--nologo", "--noversioncheck", "--profiles-path", str(profiles), "--code", str(SESSION_SCRIPT)],
            env=env, stdout=output, stderr=subprocess.STDOUT)
        report_path = Path(params["report"])
        while desktop.poll() is None and not report_path.exists():
            if time.monotonic() - started > TIME_LIMIT_S:
                desktop.kill()
                pytest.fail(f"QGIS did not finish in {TIME_LIMIT_S} s:\n" + log.read_text()[-4000:])
            time.sleep(0.5)
        try:
            desktop.wait(timeout=30)  # it quits by itself once the report is written
        except subprocess.TimeoutExpired:
            desktop.kill()
    assert report_path.exists(), "the session script wrote no report:\n" + log.read_text()[-4000:]
    report = json.loads(report_path.read_text())
    assert not report["errors"], "\n".join(report["errors"])

    assert report["plugin_loaded"] and report["provider"] == "SiamCRNN change detection"
    assert "siamcrnn:detect" in report["algorithms"]
    assert {"Detect changes", "Train change detection model"} <= set(report["toolbox"]), report["toolbox"]
    change = report["styled"]["OUTPUT_CHANGE"]
    assert change["renderer"] == "paletted" and change["classes"]["1"] == "#e31a1c", change
    assert report["styled"]["OUTPUT_PROBABILITY"]["renderer"] == "singlebandpseudocolor", report["styled"]

    screenshot = Path(params["screenshot"])
    assert report["screenshot_saved"] and screenshot.stat().st_size > 50_000
    check_screenshot(screenshot)
    if os.environ.get("SIAMCRNN_SCREENSHOT"):
        shutil.copyfile(screenshot, os.environ["SIAMCRNN_SCREENSHOT"])


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
