"""SiamCRNN › Status: PyTorch, GPU and device information, and Install PyTorch when it is missing or is a
CPU-only build on a machine with an NVIDIA GPU."""

from __future__ import annotations

import html

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QGuiApplication, QIcon
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from .. import dependencies
from ..i18n import Translatable
from ..paths import icon_path
from .installer import PipInstallTask, plan_installation
from .status import RuntimeStatus, gather_status, status_rows, status_text


class StatusDialog(Translatable, QDialog):
    def __init__(self, parent=None, status: RuntimeStatus | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SiamCRNN status"))
        self.setWindowIcon(QIcon(icon_path("status.svg")))
        self.resize(640, 560)
        self.task: PipInstallTask | None = None
        self.status = status

        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)

        self.install_group = QGroupBox(self.tr("Install PyTorch"))
        self.install_reason = QLabel()
        self.install_reason.setWordWrap(True)
        self.variant = QComboBox()
        self.variant.addItem(self.tr("CPU build (works everywhere; smaller download)"), "cpu")
        self.variant.addItem(self.tr("CUDA build for NVIDIA GPUs (large download, about 3 GB)"), "cuda")
        self.install_button = QPushButton(QIcon(icon_path("status.svg")), self.tr("Install PyTorch"))
        self.install_button.clicked.connect(self.start_install)
        self.cancel_button = QPushButton(self.tr("Cancel installation"))
        self.cancel_button.clicked.connect(self.cancel_install)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(2000)
        row = QHBoxLayout()
        row.addWidget(self.variant, 1)
        row.addWidget(self.install_button)
        row.addWidget(self.cancel_button)
        group_layout = QVBoxLayout(self.install_group)
        group_layout.addWidget(self.install_reason)
        group_layout.addLayout(row)
        group_layout.addWidget(self.progress)
        group_layout.addWidget(self.log)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.refresh_button = buttons.addButton(self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.install_group)
        layout.addWidget(buttons)
        self.show_status(status or gather_status())

    # ---- information ------------------------------------------------------------------------------
    def refresh(self) -> None:
        dependencies.add_dependency_folder_to_path()
        self.show_status(gather_status())

    def show_status(self, status: RuntimeStatus) -> None:
        self.status = status
        cells = "".join(
            f"<tr><th align='left' valign='top'>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>"
            for label, value in status_rows(status)
        )
        self.browser.setHtml(f"<table cellpadding='3'>{cells}</table>")
        self.install_group.setVisible(status.install_recommended or self.task is not None)
        self.install_reason.setText(status.install_reason)
        cuda_index = self.variant.findData("cuda")
        self.variant.setCurrentIndex(cuda_index if status.nvidia_driver else self.variant.findData("cpu"))
        self._set_running(self.task is not None)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(status_text(self.status))

    # ---- installation ---------------------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        self.install_button.setEnabled(not running)
        self.variant.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running or self.progress.value() > 0)

    def start_install(self, plan=None) -> PipInstallTask | None:
        """Plan and start pip in a QgsTask (``plan`` given by tests); None when it could not start."""
        if self.task is not None:
            return self.task
        if not plan:  # clicked(bool) passes False
            try:
                plan = plan_installation(self.variant.currentData())
            except (RuntimeError, ValueError, OSError) as error:
                QMessageBox.warning(self, self.tr("Install PyTorch"), str(error))
                return None
        self.log.clear()
        self.log.appendPlainText("$ " + plan.command_line())
        self.progress.setValue(0)
        self.task = PipInstallTask(plan, on_finished=self.install_finished)
        self.task.output_line.connect(self.log.appendPlainText)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self._set_running(True)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def cancel_install(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def install_finished(self, task: PipInstallTask) -> None:
        self.task = None
        self._set_running(False)
        if task.succeeded:
            self.progress.setValue(100)
            dependencies.add_dependency_folder_to_path(task.plan.folder)
            self.log.appendPlainText(self.tr("PyTorch was installed into {folder}.").format(folder=task.plan.folder))
            self._message(QMessageBox.Icon.Information, self.tr(
                "PyTorch was installed into {folder}. Restart QGIS to use it.").format(folder=task.plan.folder))
        else:
            message = task.failure_message()
            self.log.appendPlainText(message)
            self._message(QMessageBox.Icon.Warning if task.cancelled else QMessageBox.Icon.Critical, message)

    def _message(self, icon, text: str) -> None:
        """A message box that does not block (tests drive the dialog without a user)."""
        box = QMessageBox(icon, self.tr("Install PyTorch"), text, QMessageBox.StandardButton.Ok, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy the command
        box.open()
        self.last_message = box
