"""scripts/find-qgis-process picks the qgis_process that works: the plain one on QGIS 3.40+, the real binary
behind Debian 12's wrapper (which passes --noversioncheck, rejected by qgis_process 3.22)."""

from __future__ import annotations

import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "find-qgis-process"


def fake(folder: Path, name: str, works: bool) -> Path:
    path = folder / name
    path.write_text("#!/bin/sh\n" + ("echo 'QGIS 3.99.0'\n" if works else
                                     "echo 'Unknown option --noversioncheck' >&2\nexit 1\n"))
    path.chmod(0o755)
    return path


def find(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["/bin/bash", str(SCRIPT)], env={"PATH": str(folder)}, capture_output=True, text=True)


def test_plain_qgis_process_is_chosen_when_it_works(tmp_path):
    """QGIS 3.40 and later (Debian 13, 3.44 LTR from trixie-backports)."""
    plain = fake(tmp_path, "qgis_process", works=True)
    fake(tmp_path, "qgis_process.bin", works=True)
    assert find(tmp_path).stdout.strip() == str(plain)


def test_debian12_wrapper_is_passed_over_for_the_real_binary(tmp_path):
    fake(tmp_path, "qgis_process", works=False)
    real = fake(tmp_path, "qgis_process.bin", works=True)
    assert find(tmp_path).stdout.strip() == str(real)
