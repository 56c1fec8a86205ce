"""The QGIS plugin object: registers the Processing provider (also under qgis_process) and, in the
desktop, the SiamCRNN menu and toolbar."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication


class SiamCRNNPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface  # None under qgis_process: only used in initGui
        self.provider = None
        self.translator = None
        self.menu = None

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        """Called by QGIS (desktop and qgis_process) for plugins with hasProcessingProvider=yes."""
        if self.provider is not None:
            return
        from .dependencies import add_dependency_folder_to_path
        from .i18n import install_translator
        from .processing.provider import SiamCRNNProvider

        add_dependency_folder_to_path()
        if self.translator is None:
            self.translator = install_translator()
        self.provider = SiamCRNNProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        from .gui.menu import SiamCRNNMenu
        from .processing import session

        session.desktop = True  # the dialogs now offer the model, pair and folder used last

        self.menu = SiamCRNNMenu(self.iface)
        self.menu.add()

    def unload(self) -> None:
        if self.menu is not None:
            from .processing import session

            session.desktop = False
            session.forget()
            self.menu.remove()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
