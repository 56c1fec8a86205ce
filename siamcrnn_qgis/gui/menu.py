"""The SiamCRNN menu (under Raster) and toolbar; each algorithm entry opens its Processing dialog, and
Status… opens the PyTorch / GPU status dialog."""

from __future__ import annotations

from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..i18n import Translatable
from ..paths import icon_path

MENU_TITLE = "&SiamCRNN"


class SiamCRNNMenu(Translatable):
    """Owns the actions it adds, so that ``remove`` takes every one of them away again."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.actions: list[QAction] = []
        self.toolbar = None
        self.status_dialog = None

    def entries(self) -> list[tuple[str, str, object]]:
        return [
            ("createlabels.svg", self.tr("Create training label layer…"), lambda: self.open_algorithm("createlabels")),
            ("train.svg", self.tr("Train change detection model…"), lambda: self.open_algorithm("train")),
            ("detect.svg", self.tr("Detect changes…"), lambda: self.open_algorithm("detect")),
            ("evaluate.svg", self.tr("Evaluate change map…"), lambda: self.open_algorithm("evaluate")),
            ("status.svg", self.tr("Status…"), self.open_status),
        ]

    def add(self) -> None:
        window = self.iface.mainWindow()
        self.toolbar = self.iface.addToolBar(self.tr("SiamCRNN"))
        self.toolbar.setObjectName("SiamCRNNToolbar")
        for icon, text, slot in self.entries():
            action = QAction(QIcon(icon_path(icon)), text, window)
            action.triggered.connect(slot)
            self.iface.addPluginToRasterMenu(MENU_TITLE, action)
            self.toolbar.addAction(action)
            self.actions.append(action)

    def remove(self) -> None:
        for action in self.actions:
            self.iface.removePluginRasterMenu(MENU_TITLE, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions.clear()
        if self.status_dialog is not None:
            self.status_dialog.close()
            self.status_dialog.deleteLater()
            self.status_dialog = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None

    def open_status(self) -> None:
        """One dialog kept for the session, so that an installation in progress stays visible."""
        from .status_dialog import StatusDialog

        if self.status_dialog is None:
            self.status_dialog = StatusDialog(self.iface.mainWindow())
        elif self.status_dialog.task is None:
            self.status_dialog.refresh()
        self.status_dialog.show()
        self.status_dialog.raise_()
        self.status_dialog.activateWindow()

    @staticmethod
    def open_algorithm(algorithm: str) -> None:
        import processing

        processing.execAlgorithmDialog(f"siamcrnn:{algorithm}")
