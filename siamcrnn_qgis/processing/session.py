"""What the QGIS desktop remembers between SiamCRNN runs, so that the next dialog offers it.

* the model trained or used last in this session (Detect's Model file),
* the T1/T2 pair used last in this session (T1 and T2 of Train and Detect), and the change maps and
  probabilities SiamCRNN wrote, which are never offered as T1 or T2,
* the folder SiamCRNN last saved a model or a label layer in (kept across sessions in QGIS's settings),
  where new label layers and models go by default (next to the project when it has been saved).

Defaults are offered only in the desktop (``desktop`` is set by the plugin's initGui): under qgis_process
and in scripts, a parameter left out stays empty, as before. Everything here runs on the main thread
(algorithm creation, ``prepare``) except the ``remember_*`` calls, which only assign.
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsProcessingUtils, QgsProject, QgsRasterLayer, QgsSettings

from ..io.raster import read_metadata

LAST_FOLDER_SETTING = "siamcrnn/last_output_folder"
OUTPUT_METADATA_KEY = "SIAMCRNN_MODEL"  # written by Detect into each raster it makes

desktop = False  # True while the plugin runs in the QGIS desktop (set by initGui, cleared by unload)
_last_model: str | None = None
_last_pair: tuple[str, str] | None = None
_own_outputs: set[str] = set()


def _key(path: str) -> str:
    return os.path.normcase(os.path.abspath(path.split("|")[0]))


def is_temporary(path: str) -> bool:
    """True for a file in QGIS Processing's temporary folder, which QGIS deletes when it closes."""
    try:
        Path(path).resolve().relative_to(Path(QgsProcessingUtils.tempFolder()).resolve())
    except ValueError:
        return False
    return True


def remember_model(path: str) -> None:
    global _last_model
    _last_model = path


def last_model() -> str | None:
    """The model trained or used last in this session, while its file exists."""
    return _last_model if _last_model and os.path.isfile(_last_model) else None


def remember_pair(t1: str, t2: str) -> None:
    global _last_pair
    _last_pair = (t1, t2)


def last_pair() -> tuple[str, str] | None:
    """The T1/T2 sources used last in this session (whether or not they are still in the project)."""
    return _last_pair


def remember_outputs(*paths: str) -> None:
    _own_outputs.update(_key(path) for path in paths if path)


def is_own_output(source: str) -> bool:
    """A change map or probability raster SiamCRNN wrote (in this session, or earlier: its metadata)."""
    path = source.split("|")[0]
    if _key(path) in _own_outputs:
        return True
    return os.path.isfile(path) and OUTPUT_METADATA_KEY in read_metadata(path)


def remember_folder(path: str) -> None:
    """The folder of a model or label layer the analyst keeps (not a temporary file)."""
    if path and not is_temporary(path):
        QgsSettings().setValue(LAST_FOLDER_SETTING, str(Path(path).resolve().parent))


def output_folder() -> str | None:
    """Where new models and label layers go: next to the saved project, else the folder used last."""
    project = QgsProject.instance().absolutePath()
    if project and os.path.isdir(project):
        return project
    folder = QgsSettings().value(LAST_FOLDER_SETTING, "")
    return folder if folder and os.path.isdir(folder) else None


def default_output_file(stem: str, extension: str) -> str | None:
    """A file name that does not exist yet in :func:`output_folder` (labels.gpkg, labels_2.gpkg, …), for
    the desktop; None (a temporary file) elsewhere or when there is no such folder."""
    folder = output_folder() if desktop else None
    return unused_file(folder, stem, extension) if folder is not None else None


def unused_file(folder: str | os.PathLike, stem: str, extension: str) -> str | None:
    """``folder``/stem.extension, or stem_2.extension and so on when the name is taken; None past 999."""
    for number in range(1, 1000):
        candidate = Path(folder) / f"{stem}{'' if number == 1 else f'_{number}'}.{extension}"
        if not candidate.exists():
            return str(candidate)
    return None


def default_model() -> str | None:
    return last_model() if desktop else None


def _exists(source: str) -> bool:
    path = source.split("|")[0]
    return os.path.isfile(path) or any(layer.source() == source
                                       for layer in QgsProject.instance().mapLayers().values())


def default_pair() -> tuple[str | None, str | None]:
    """T1 and T2 to offer in the desktop: the pair used last; otherwise, when the active layer is one of
    SiamCRNN's own outputs (which QGIS would offer for both), the first two other rasters of the project
    by name (names holding dates or t1/t2 sort in time order). (None, None) leaves QGIS's choice (the active layer)."""
    if not desktop:
        return None, None
    if _last_pair is not None and all(_exists(source) for source in _last_pair):
        return _last_pair
    from qgis.utils import iface

    active = iface.activeLayer() if iface is not None else None
    if not isinstance(active, QgsRasterLayer) or not is_own_output(active.source()):
        return None, None
    layers = sorted(QgsProject.instance().mapLayers().values(), key=lambda layer: layer.name().lower())
    inputs = [layer.id() for layer in layers if isinstance(layer, QgsRasterLayer)
              and layer.providerType() == "gdal" and not is_own_output(layer.source())]
    return (inputs + [None, None])[0], (inputs + [None, None])[1]


def forget() -> None:
    """Back to a fresh session (tests, and the plugin's unload)."""
    global _last_model, _last_pair
    _last_model = _last_pair = None
    _own_outputs.clear()
