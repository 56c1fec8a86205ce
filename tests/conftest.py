"""Shared fixtures: the real data folder, a headless QGIS application, the assembled plugin."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _tests_choose_gdal_errors() -> None:
    """The test helpers (tests/io/builders.py, ...) call GDAL directly in GDAL 3's default mode, exceptions
    off. Saying so, when nobody has said anything yet, keeps GDAL >= 3.9 from warning about the tests' own
    calls. The plugin never relies on it: tests/io/test_gdal_errors.py runs its calls in fresh interpreters
    with exceptions on, off and not chosen."""
    try:
        from osgeo import gdal, ogr, osr
    except ImportError:  # the engine's tests also run where there is no GDAL
        return
    if hasattr(gdal, "_UserHasSpecifiedIfUsingExceptions") and not gdal._UserHasSpecifiedIfUsingExceptions():
        for module in (gdal, ogr, osr):
            module.DontUseExceptions()


_tests_choose_gdal_errors()


def _test_data_dir() -> Path:
    return Path(os.environ.get("SIAMCRNN_TEST_DATA", REPO_ROOT.parent / "shared" / "data")).resolve()


def require_data(*parts: str) -> Path:
    """Path of a file or folder of the shared test data; skip visibly when absent (fail under CI=true)."""
    path = _test_data_dir().joinpath(*parts)
    if not path.exists():
        reason = (
            f"test data not found: {path} (set SIAMCRNN_TEST_DATA to the folder holding "
            "taizhou_landsat7/, italy_heterogeneous/, yellowriver_sar/, levir_cd_samples/)"
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason + " — under CI=true missing data is a failure")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return require_data()


@pytest.fixture(scope="session")
def qgis_app():
    """A headless QgsApplication with Processing initialised and the SiamCRNN provider registered."""
    from qgis.testing import start_app

    app = start_app()
    import sys

    from qgis.core import QgsApplication

    plugins = str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins")
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    from siamcrnn_qgis import classFactory

    plugin = None
    if QgsApplication.processingRegistry().providerById("siamcrnn") is None:
        plugin = classFactory(None)
        plugin.initProcessing()
    yield app
    registry = QgsApplication.processingRegistry()
    if plugin is not None and registry.providerById("siamcrnn") is plugin.provider:
        plugin.unload()


@pytest.fixture(scope="session")
def qgis_cli(tmp_path_factory):
    """qgis_process with the assembled plugin enabled in a private configuration folder."""
    import sys

    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from qgis_cli import QgisProcess

    return QgisProcess(tmp_path_factory.mktemp("qgis_process"))


@pytest.fixture(scope="session")
def sample(tmp_path_factory) -> dict:
    """The project's own synthetic sample (what `make demo` uses), generated once per session."""
    import sys

    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from sample_data import generate

    return {name: str(path) for name, path in generate(tmp_path_factory.mktemp("sample")).items()}
