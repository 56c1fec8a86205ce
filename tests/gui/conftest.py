"""Fixtures of the window tests."""

from __future__ import annotations

import os
import subprocess

import pytest

from .desktop import SCREEN, require_desktop


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
