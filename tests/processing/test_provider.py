"""The plugin loads headless and under qgis_process, from the checkout and from the package zip, and
without torch it still registers every algorithm and explains how to install PyTorch."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from ..conftest import REPO_ROOT

ALGORITHM_IDS = {"siamcrnn:createlabels", "siamcrnn:train", "siamcrnn:detect", "siamcrnn:detectmany",
                 "siamcrnn:evaluate", "siamcrnn:suggestlabels"}


def test_provider_registered_with_all_algorithms(qgis_app):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("siamcrnn")
    assert provider is not None
    assert provider.name() == "SiamCRNN change detection"
    assert not provider.icon().isNull()
    ids = {algorithm.id() for algorithm in provider.algorithms()}
    assert ids == ALGORITHM_IDS
    for algorithm in provider.algorithms():
        assert algorithm.shortHelpString().strip()
        assert "IEEE" in algorithm.shortHelpString()
        assert not algorithm.icon().isNull(), algorithm.id()
        assert algorithm.createInstance().name() == algorithm.name()


def test_advanced_parameters_and_no_hidden_from_modeler(qgis_app):
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    registry = QgsApplication.processingRegistry()
    detect = registry.algorithmById("siamcrnn:detect")
    advanced = {
        p.name() for p in detect.parameterDefinitions()
        if p.flags() & QgsProcessingParameterDefinition.Flag.FlagAdvanced
    }
    assert {"DEVICE", "PRECISION", "TILE_SIZE", "BATCH_SIZE"} <= advanced
    for algorithm_id in ALGORITHM_IDS:
        algorithm = registry.algorithmById(algorithm_id)
        for parameter in algorithm.parameterDefinitions():
            assert not parameter.flags() & QgsProcessingParameterDefinition.Flag.FlagHidden


_RESTORED: list = []


def test_unload_removes_provider(qgis_app):
    from qgis.core import QgsApplication

    from siamcrnn_qgis.plugin import SiamCRNNPlugin

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("siamcrnn")
    registry.removeProvider(existing)
    try:
        plugin = SiamCRNNPlugin(None)
        plugin.initProcessing()
        assert registry.providerById("siamcrnn") is not None
        plugin.unload()
        assert registry.providerById("siamcrnn") is None
    finally:  # the session's provider again, for the tests after this one (kept alive: QGIS holds a pointer)
        from siamcrnn_qgis.processing.provider import SiamCRNNProvider

        _RESTORED.append(SiamCRNNProvider())
        registry.addProvider(_RESTORED[-1])
        assert registry.algorithmById("siamcrnn:train") is not None


def test_qgis_process_lists_provider(qgis_cli):
    completed = qgis_cli.call("list")
    assert completed.returncode == 0, completed.stderr
    listed = {line.split()[0] for line in completed.stdout.splitlines() if line.strip().startswith("siamcrnn:")}
    assert listed == ALGORITHM_IDS


def test_qgis_process_help_shows_parameters(qgis_cli):
    completed = qgis_cli.call("help", "siamcrnn:detect")
    assert completed.returncode == 0, completed.stderr
    for name in ("T1", "T2", "MODEL", "THRESHOLD", "OUTPUT_PROBABILITY", "OUTPUT_CHANGE", "CHANGED_AREA"):
        assert name in completed.stdout


def test_package_zip_loads_in_qgis_process(tmp_path):
    dist = tmp_path / "dist"  # not the checkout's dist/: tests write only into temporary folders
    subprocess.run(["make", "-s", "package", f"DIST={dist}", f"PYTHON={sys.executable}"], cwd=REPO_ROOT, check=True,
                   capture_output=True)
    zip_path = dist / "siamcrnn_qgis.zip"
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "plugins")
    assert "siamcrnn_qgis/metadata.txt" in names
    assert "siamcrnn_qgis/resources/icons/siamcrnn.svg" in names
    assert "siamcrnn_qgis/LICENSE" in names
    assert not [name for name in names if "__pycache__" in name or "/tests/" in name or name.endswith(".ts")]
    assert {"siamcrnn_qgis/i18n/siamcrnn_fr.qm", "siamcrnn_qgis/i18n/siamcrnn_zh_CN.qm"} <= set(names)

    sys.path.insert(0, str(REPO_ROOT / "scripts"))
    from qgis_cli import QgisProcess

    cli = QgisProcess(tmp_path / "work", plugins=tmp_path / "plugins")
    completed = cli.call("list")
    assert "siamcrnn:detect" in completed.stdout, completed.stderr


NO_TORCH = r"""
import importlib.abc, sys
class BlockTorch(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] == 'torch':
            raise ImportError('torch is blocked for this test')
        return None
sys.meta_path.insert(0, BlockTorch())
import importlib.util
original_find_spec = importlib.util.find_spec
importlib.util.find_spec = lambda name, *a, **k: None if name == 'torch' else original_find_spec(name, *a, **k)
from qgis.testing import start_app
app = start_app()
from qgis.core import QgsApplication
sys.path.append(QgsApplication.pkgDataPath() + '/python/plugins')
from processing.core.Processing import Processing
Processing.initialize()
import processing
from qgis.core import QgsApplication, QgsProcessingException
from siamcrnn_qgis import classFactory
plugin = classFactory(None)
plugin.initProcessing()
provider = QgsApplication.processingRegistry().providerById('siamcrnn')
print('ALGORITHMS', sorted(a.id() for a in provider.algorithms()))
ok, message = QgsApplication.processingRegistry().algorithmById('siamcrnn:train').canExecute()
print('CANEXECUTE', ok, message)
try:
    processing.run('siamcrnn:detect', {'T1': sys.argv[1], 'T2': sys.argv[1], 'MODEL': sys.argv[2],
                   'OUTPUT_PROBABILITY': 'TEMPORARY_OUTPUT', 'OUTPUT_CHANGE': 'TEMPORARY_OUTPUT'})
except QgsProcessingException as error:
    print('ERROR', error)
"""


def test_without_torch_plugin_loads_and_explains(sample, tmp_path):
    model = tmp_path / "model.safetensors"
    model.write_bytes(b"not needed: the run must stop before reading it")
    completed = subprocess.run(
        [sys.executable, "-c", NO_TORCH, sample["t1"], str(model)], cwd=REPO_ROOT, capture_output=True, text=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=300,
    )
    out = completed.stdout
    assert ("ALGORITHMS ['siamcrnn:createlabels', 'siamcrnn:detect', 'siamcrnn:detectmany', 'siamcrnn:evaluate', "
            "'siamcrnn:suggestlabels', 'siamcrnn:train']") in out, (
        completed.stderr[-3000:]
    )
    assert "CANEXECUTE False PyTorch is not installed" in out
    assert "pip install" in out
    run_log = out.split("CANEXECUTE", 1)[1].split("\n", 1)[1]
    assert "PyTorch is not installed" in run_log and "ERROR" in run_log, out + completed.stderr[-3000:]
    assert "Traceback" not in out


@pytest.mark.parametrize("key", ["hasProcessingProvider", "qgisMinimumVersion", "supportsQt6", "about", "tags",
                                 "homepage", "tracker", "repository"])
def test_metadata_fields(key):
    from siamcrnn_qgis.paths import metadata

    value = metadata().get(key.lower())
    assert value, key
    if key == "about":
        assert "PyTorch" in value
    expected = {"hasProcessingProvider": "yes", "qgisMinimumVersion": "3.22", "supportsQt6": "True"}
    if key in expected:
        assert value == expected[key]
