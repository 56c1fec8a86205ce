"""The SiamCRNN menu (under Raster) and toolbar; each algorithm entry opens its Processing dialog, Review
suggestions… the panel for answering Suggest where to label next, and Status… the PyTorch / GPU status
dialog."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
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
        self.review_dock = None

    def entries(self) -> list[tuple[str, str, object]]:
        return [
            ("createlabels.svg", self.tr("Create training label layer…"), lambda: self.open_algorithm("createlabels")),
            ("train.svg", self.tr("Train change detection model…"), lambda: self.open_algorithm("train")),
            ("detect.svg", self.tr("Detect changes…"), lambda: self.open_algorithm("detect")),
            ("evaluate.svg", self.tr("Evaluate change map…"), lambda: self.open_algorithm("evaluate")),
            ("review.svg", self.tr("Review suggestions…"), self.open_review),
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
        if self.review_dock is not None:
            self.iface.removeDockWidget(self.review_dock)
            self.review_dock.remove()
            self.review_dock.deleteLater()
            self.review_dock = None
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

    def open_review(self) -> None:
        """The Review suggestions panel, docked on the right; one for the session."""
        from .review_dock import ReviewDock

        if self.review_dock is None:
            self.review_dock = ReviewDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.review_dock)
        self.review_dock.show()
        self.review_dock.raise_()

    @staticmethod
    def open_algorithm(algorithm: str) -> None:
        import processing

        processing.execAlgorithmDialog(f"siamcrnn:{algorithm}")
