"""SiamCRNN change detection for QGIS.

QGIS calls :func:`classFactory`; the plugin class is imported lazily so that importing this package
(for example by the tests, or by ``siamcrnn_qgis.core`` on a machine without QGIS) costs nothing.
"""


def classFactory(iface):  # noqa: N802 (name fixed by QGIS)
    """Entry point QGIS calls with its interface object (None under qgis_process)."""
    from .dependencies import add_dependency_folder_to_path

    add_dependency_folder_to_path()  # a PyTorch the plugin installed, before anything imports torch
    from .plugin import SiamCRNNPlugin

    return SiamCRNNPlugin(iface)
