"""Installing PyTorch from inside QGIS: pip in a QgsTask, with progress, cancel and pip's own message on
failure. The command is built by :mod:`siamcrnn_qgis.dependencies`; this module only runs it."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .. import dependencies
from ..i18n import Translatable, tr

# pip's stages as they appear in its output, with the progress reached when each begins
PIP_STAGES = (("Looking in indexes", 2.0), ("Collecting", 5.0), ("Downloading", 10.0),
              ("Installing collected packages", 85.0), ("Successfully installed", 99.0))
OUTPUT_TAIL_LINES = 40


@dataclass
class InstallPlan:
    """What will run: the pip command, the folder it installs into and the constraints file it obeys."""

    variant: str
    command: list[str]
    folder: Path
    constraints: Path

    def command_line(self) -> str:
        return dependencies.format_command(self.command)


def plan_installation(variant: str, folder: str | os.PathLike | None = None, python: str | None = None,
                      identify=dependencies.interpreter_identity) -> InstallPlan:
    """Build the pip command for a CPU or CUDA build with QGIS's own interpreter (a given ``python`` that
    is another Python is refused); writes the constraints file that pins numpy."""
    if python is not None:
        problem = dependencies.interpreter_mismatch(python, identify=identify)
        if problem:
            raise RuntimeError(problem)
    python = python or dependencies.find_python_interpreter()
    target = Path(folder) if folder is not None else dependencies.dependency_folder()
    if python is None:
        manual = dependencies.pip_install_command("python3", variant, target)
        raise RuntimeError(tr(
            "Cannot find the Python interpreter QGIS uses (looked for one of Python {version} next to {prefix}). "
            "Install PyTorch in a terminal with QGIS's Python: {command}").format(
            version=sys.version.split()[0],
            prefix=sys.exec_prefix, command=dependencies.format_command(manual)))
    target.mkdir(parents=True, exist_ok=True)
    constraints = dependencies.write_constraints_file(target)
    command = dependencies.pip_install_command(python, variant, target, constraints)
    return InstallPlan(variant, command, target, constraints)


class PipInstallTask(Translatable, QgsTask):
    """Runs one pip command in the background. Cancelling kills pip. Each output line is emitted as
    ``output_line`` (queued to the receiver's thread); ``on_finished(task)`` is called on the main thread
    with ``succeeded``, ``cancelled``, ``returncode`` and ``output`` set."""

    output_line = pyqtSignal(str)

    def __init__(self, plan: InstallPlan, on_finished: Callable[[PipInstallTask], None] | None = None) -> None:
        super().__init__(tr("Installing PyTorch ({variant} build)").format(variant=plan.variant),
                         QgsTask.Flag.CanCancel)
        self.plan = plan
        self.on_finished = on_finished
        self.lines: list[str] = []
        self.returncode: int | None = None
        self.error: str | None = None
        self.succeeded = False
        self.cancelled = False
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def output_tail(self) -> str:
        return "\n".join(self.lines[-OUTPUT_TAIL_LINES:])

    def run(self) -> bool:  # worker thread: no widgets, no QgsProject here
        try:
            with self._lock:
                if self.isCanceled():
                    return False
                self._process = subprocess.Popen(
                    self.plan.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    text=True, encoding="utf-8", errors="replace", bufsize=1,
                    creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
                )
        except OSError as error:
            self.error = str(error)
            return False
        lines: queue.Queue[str | None] = queue.Queue()
        reader = threading.Thread(target=self._read_output, args=(self._process.stdout, lines), daemon=True)
        reader.start()
        finished_reading = False
        while not finished_reading:
            if self.isCanceled():
                self._kill()
            try:
                line = lines.get(timeout=0.2)
            except queue.Empty:
                continue
            if line is None:
                finished_reading = True
            else:
                self._take_line(line)
        self.returncode = self._process.wait()
        reader.join(timeout=5)
        if self.isCanceled():
            return False
        return self.returncode == 0

    @staticmethod
    def _read_output(stream, lines: queue.Queue) -> None:
        for line in stream:
            lines.put(line.rstrip())
        stream.close()
        lines.put(None)

    def _take_line(self, line: str) -> None:
        self.lines.append(line)
        for prefix, progress in PIP_STAGES:
            if line.lstrip().startswith(prefix) and progress > self.progress():
                self.setProgress(progress)
        self.output_line.emit(line)

    def cancel(self) -> None:
        super().cancel()
        self._kill()

    def _kill(self) -> None:
        with self._lock:
            process = self._process
        if process is not None and process.poll() is None:
            process.kill()

    def wait_for_process(self, timeout: float = 10.0) -> int | None:
        """The exit status once pip has ended (tests, and the dialog's close)."""
        deadline = time.monotonic() + timeout
        while self._process is None or self._process.poll() is None:
            if time.monotonic() > deadline:
                return None
            time.sleep(0.05)
        return self._process.returncode

    def finished(self, result: bool) -> None:  # main thread
        self.succeeded = bool(result)
        self.cancelled = self.isCanceled()
        if self.on_finished is not None:
            self.on_finished(self)

    def failure_message(self) -> str:
        """What went wrong, pip's last lines, and the command to run by hand."""
        if self.cancelled:
            return self.tr("The installation was cancelled; pip was stopped.")
        if self.error:
            reason = self.tr("pip could not be started: {error}").format(error=self.error)
        else:
            reason = self.tr("pip failed with exit status {code}:").format(code=self.returncode)
        return self.tr("{reason}\n\n{output}\n\nYou can run the same command in a terminal:\n{command}").format(
            reason=reason, output=self.output_tail(), command=self.plan.command_line())
