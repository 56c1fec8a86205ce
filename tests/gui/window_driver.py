"""What the session scripts run inside the real QGIS desktop share (desktop_session.py, review_session.py):
their parameters, the report they write, and stepping through a flow that yields how long to wait (letting
QGIS draw and work) before going on. run_desktop() in desktop.py puts this folder on PYTHONPATH."""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

PARAMS = json.loads(open(os.environ["SIAMCRNN_WINDOW_PARAMS"], encoding="utf-8").read())
REPORT = {"errors": [], "steps": []}


def save_report():
    with open(PARAMS["report"], "w", encoding="utf-8") as handle:
        json.dump(REPORT, handle, indent=1)


def true_colour(layer):
    """Red, green, blue = bands 3, 2, 1 of the 4-band sample (blue, green, red, NIR)."""
    renderer = layer.renderer()
    renderer.setRedBand(3)
    renderer.setGreenBand(2)
    renderer.setBlueBand(1)
    layer.setDefaultContrastEnhancement()


def step(steps):
    """Advance the flow to its next wait; report and quit at the end or on an error."""
    try:
        delay = next(steps)
    except StopIteration:
        finish()
        return
    except Exception:
        REPORT["errors"].append(traceback.format_exc())
        finish()
        return
    QTimer.singleShot(delay, lambda: step(steps))


def finish():
    save_report()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(200, QgsApplication.instance().quit)


def start(flow):
    """Run the generator function ``flow`` once QGIS's window is up."""
    QTimer.singleShot(500, lambda: step(flow()))
