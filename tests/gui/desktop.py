"""Running the real QGIS desktop under Xvfb for the window tests: the plugin deployed into a fresh profile,
a session script given with ``qgis --code``, its JSON report read back. Skipped (with the reason) where
the qgis program or Xvfb is missing; under CI=true that is a failure."""

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


def run_desktop(script: Path, params: dict, tmp_path: Path, display: str, time_limit_s: float,
                path_first: list[str] | None = None) -> dict:
    """Start QGIS on ``display`` with the plugin and ``script`` (parameters in ``params``, which names the
    report file as ``report``), wait until it has written its report and quit; return the report."""
    qgis, _ = require_desktop()
    profiles = tmp_path / "qgis"
    deploy_profile(profiles)
    (tmp_path / "params.json").write_text(json.dumps(params), encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "XDG_RUNTIME_DIR": str(runtime),
           "SIAMCRNN_WINDOW_PARAMS": str(tmp_path / "params.json"),
           "PATH": os.pathsep.join([*(path_first or []), os.environ.get("PATH", "")]),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent), sysconfig.get_paths()["purelib"],
                                                       os.environ.get("PYTHONPATH")]))}
    log = tmp_path / "qgis.log"
    started = time.monotonic()
    report_path = Path(params["report"])
    with log.open("w") as output:
        desktop = subprocess.Popen(
            [qgis, "--nologo", "--noversioncheck", "--profiles-path", str(profiles), "--code", str(script)],
            env=env, stdout=output, stderr=subprocess.STDOUT)
        while desktop.poll() is None and not report_path.exists():
            if time.monotonic() - started > time_limit_s:
                desktop.kill()
                pytest.fail(f"QGIS did not finish in {time_limit_s} s:\n" + log.read_text()[-4000:])
            time.sleep(0.5)
        try:
            desktop.wait(timeout=30)  # it quits by itself once the report is written
        except subprocess.TimeoutExpired:
            desktop.kill()
    assert report_path.exists(), "the session script wrote no report:\n" + log.read_text()[-4000:]
    report = json.loads(report_path.read_text())
    assert not report["errors"], "\n".join(report["errors"])
    return report


def keep_pictures(params: dict, pictures: dict[str, str]) -> None:
    """Copies of the pictures into SIAMCRNN_SCREENSHOTS=<folder> (how the docs/ pictures are made)."""
    if os.environ.get("SIAMCRNN_SCREENSHOTS"):
        for key, name in pictures.items():
            shutil.copyfile(params[key], Path(os.environ["SIAMCRNN_SCREENSHOTS"]) / name)
