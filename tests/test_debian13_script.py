"""make test-debian13 skips with its reason where it cannot run, and fails instead under CI=true."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "test-debian13.sh"


def run(env: dict, user: str | None = None) -> subprocess.CompletedProcess:
    command = ["/bin/bash", str(SCRIPT)]
    if user is not None:
        command = ["runuser", "-u", user, "--", *command]
    return subprocess.run(command, env={"QGIS": "3.44", **env}, capture_output=True, text=True, timeout=60)


def cannot_run_cases() -> list[tuple[dict, str | None, str]]:
    """(environment, user to run as, the reason expected) for what this machine can simulate."""
    if os.geteuid() != 0:
        return [({"PATH": os.environ["PATH"]}, None, "needs root")]
    # root, with a PATH without debootstrap (Debian puts it in /usr/sbin)
    cases = [({"PATH": "/usr/bin:/bin"}, None, "debootstrap is not installed")] \
        if not Path("/usr/bin/debootstrap").exists() else []
    if shutil.which("runuser"):
        cases.append(({"PATH": os.environ["PATH"]}, "nobody", "needs root"))
    return cases


@pytest.mark.parametrize(("env", "user", "reason"), cannot_run_cases())
def test_skips_with_the_reason(env, user, reason):
    completed = run(env, user)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("test-debian13: SKIPPED: " + reason), completed.stdout


@pytest.mark.parametrize(("env", "user", "reason"), cannot_run_cases())
def test_fails_under_ci(env, user, reason):
    completed = run({**env, "CI": "true"}, user)
    assert completed.returncode == 1
    assert completed.stderr.startswith("test-debian13: FAILED: " + reason), completed.stderr


def test_unknown_variant_is_refused():
    completed = run({"PATH": os.environ["PATH"], "QGIS": "3.34"})
    assert completed.returncode == 2
    assert "QGIS=3.34 is not a variant; use QGIS=3.40 (Debian 13) or QGIS=3.44 (trixie-backports)" in completed.stderr
