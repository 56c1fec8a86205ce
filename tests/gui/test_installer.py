"""The PyTorch installer task with a fake pip (a Python one-liner): output, progress, failure, cancel.
Nothing is downloaded."""

from __future__ import annotations

import sys
import time

import pytest

from siamcrnn_qgis.gui import installer
from siamcrnn_qgis.gui.installer import InstallPlan, PipInstallTask, plan_installation

FAKE_PIP_OK = (
    "import sys, time\n"
    "for line in ('Looking in indexes: https://download.pytorch.org/whl/cpu', 'Collecting torch',\n"
    "             'Downloading torch-2.13.0+cpu.whl (200 MB)', 'Installing collected packages: torch',\n"
    "             'Successfully installed torch-2.13.0+cpu'):\n"
    "    print(line, flush=True); time.sleep(0.05)\n"
)
FAKE_PIP_FAILS = (
    "import sys\n"
    "print('Collecting torch', flush=True)\n"
    "print('ERROR: No matching distribution found for torch', file=sys.stderr)\n"
    "sys.exit(1)\n"
)
FAKE_PIP_HANGS = "import time\nprint('Collecting torch', flush=True)\ntime.sleep(120)\n"


def fake_plan(tmp_path, script: str) -> InstallPlan:
    return InstallPlan("cpu", [sys.executable, "-c", script], tmp_path / "deps", tmp_path / "constraints.txt")


def run_task(task: PipInstallTask, finished: list, timeout: float = 30.0, cancel_when=None) -> None:
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + timeout
    while not finished:
        QCoreApplication.processEvents()
        if cancel_when is not None and cancel_when():
            task.cancel()
            cancel_when = None
        assert time.monotonic() < deadline, "the task did not finish"
        time.sleep(0.02)


def test_plan_writes_constraints_and_targets_the_folder(qgis_app, tmp_path):
    import numpy

    from siamcrnn_qgis.dependencies import qgis_identity

    plan = plan_installation("cuda", folder=tmp_path / "python3.11", python="/opt/qgis/bin/python3",
                             identify=lambda python: qgis_identity())  # as if it were QGIS's own
    assert plan.command[0] == "/opt/qgis/bin/python3"
    assert plan.command[plan.command.index("--target") + 1] == str(tmp_path / "python3.11")
    assert plan.folder.is_dir()
    lines = plan.constraints.read_text().splitlines()
    assert f"numpy=={numpy.__version__}" in lines and len(lines) > 10  # and every other installed distribution
    assert plan.command[plan.command.index("--constraint") + 1] == str(plan.constraints)
    assert "--index-url" in plan.command
    assert "/opt/qgis/bin/python3 -m pip install" in plan.command_line()


def test_plan_without_interpreter_gives_the_manual_command(qgis_app, tmp_path, monkeypatch):
    monkeypatch.setattr(installer.dependencies, "find_python_interpreter", lambda: None)
    with pytest.raises(RuntimeError, match="Cannot find the Python interpreter.*pip install --upgrade"):
        plan_installation("cpu", folder=tmp_path / "deps")


def test_task_success_reports_output_and_progress(qgis_app, tmp_path):
    finished, lines = [], []
    task = PipInstallTask(fake_plan(tmp_path, FAKE_PIP_OK), on_finished=finished.append)
    task.output_line.connect(lines.append)
    run_task(task, finished)
    assert finished == [task]
    assert task.succeeded and not task.cancelled and task.returncode == 0
    assert "Successfully installed torch-2.13.0+cpu" in task.output
    assert lines[-1] == "Successfully installed torch-2.13.0+cpu"


def test_task_failure_shows_pip_message_and_manual_command(qgis_app, tmp_path):
    finished = []
    task = PipInstallTask(fake_plan(tmp_path, FAKE_PIP_FAILS), on_finished=finished.append)
    run_task(task, finished)
    assert not task.succeeded and not task.cancelled and task.returncode == 1
    message = task.failure_message()
    assert "exit status 1" in message
    assert "ERROR: No matching distribution found for torch" in message
    assert sys.executable in message, "the command to run by hand"


def test_task_cancel_kills_pip(qgis_app, tmp_path):
    finished = []
    task = PipInstallTask(fake_plan(tmp_path, FAKE_PIP_HANGS), on_finished=finished.append)
    started = time.monotonic()
    run_task(task, finished, timeout=20, cancel_when=lambda: "Collecting torch" in task.lines)
    assert time.monotonic() - started < 15, "cancel must not wait for pip to end"
    assert task.cancelled and not task.succeeded
    assert task.wait_for_process(5) is not None and task.returncode != 0, "pip was killed"
    assert "cancelled" in task.failure_message()


def test_task_with_missing_program(qgis_app, tmp_path):
    finished = []
    plan = InstallPlan("cpu", [str(tmp_path / "no-such-python"), "-m", "pip"], tmp_path, tmp_path / "c.txt")
    task = PipInstallTask(plan, on_finished=finished.append)
    run_task(task, finished)
    assert not task.succeeded
    assert "could not be started" in task.failure_message()


def test_dialog_runs_and_reports_install(qgis_app, tmp_path, monkeypatch):
    from siamcrnn_qgis.gui import status_dialog
    from siamcrnn_qgis.gui.status import gather_status

    monkeypatch.setattr(status_dialog.dependencies, "add_dependency_folder_to_path", lambda folder=None: folder)
    dialog = status_dialog.StatusDialog(status=gather_status(nvidia_driver=False))
    finished = []
    task = dialog.start_install(fake_plan(tmp_path, FAKE_PIP_FAILS))
    assert not dialog.install_button.isEnabled() and dialog.cancel_button.isEnabled()
    task.on_finished = lambda done: (dialog.install_finished(done), finished.append(done))
    run_task_started(finished)
    assert dialog.task is None and dialog.install_button.isEnabled()
    assert "ERROR: No matching distribution" in dialog.log.toPlainText()
    assert "exit status 1" in dialog.last_message.text()
    dialog.last_message.close()

    finished.clear()
    task = dialog.start_install(fake_plan(tmp_path, FAKE_PIP_OK))
    task.on_finished = lambda done: (dialog.install_finished(done), finished.append(done))
    run_task_started(finished)
    assert dialog.progress.value() == 100
    assert "Restart QGIS" in dialog.last_message.text()
    dialog.last_message.close()
    dialog.deleteLater()


def run_task_started(finished: list, timeout: float = 30.0) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while not finished:
        QCoreApplication.processEvents()
        assert time.monotonic() < deadline, "the task did not finish"
        time.sleep(0.02)
