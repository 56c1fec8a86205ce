"""`pip install .` gives a worker the engine (core, io, cluster) without QGIS."""

from __future__ import annotations

import configparser
import json
import re
import shutil
import subprocess
import sys
import sysconfig
import venv

from .conftest import REPO_ROOT

CHECK = """
import importlib.abc, importlib.metadata, json, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'processing'):
            raise ImportError(f'{name} is blocked for this test')
sys.meta_path.insert(0, Block())
import siamcrnn_qgis, siamcrnn_qgis.cluster.cli, siamcrnn_qgis.cluster.client, siamcrnn_qgis.cluster.run
import siamcrnn_qgis.cluster.tasks, siamcrnn_qgis.core.detection, siamcrnn_qgis.io.changemaps
from siamcrnn_qgis.paths import plugin_version, style_path
from siamcrnn_qgis.io.writer import write_style_sidecar
sidecar = write_style_sidecar(sys.argv[1] + '/out.tif', 'change.qml')
try:
    import siamcrnn_qgis.processing
    plugin_modules = True
except ModuleNotFoundError:
    plugin_modules = False
print(json.dumps({'file': siamcrnn_qgis.__file__, 'version': plugin_version(), 'sidecar': sidecar,
                  'styles': sorted(p.name for p in style_path('x').parent.iterdir()),
                  'qgis': [m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5')],
                  'plugin_modules': plugin_modules, 'requires': importlib.metadata.requires('siamcrnn-qgis')}))
"""


def test_pip_install_gives_the_engine_without_qgis(tmp_path):
    source = tmp_path / "source"  # pip builds in the tree: build from a copy, not the checkout
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "metadata.txt", "LICENSE"):
        shutil.copy2(REPO_ROOT / name, source / name)
    shutil.copytree(REPO_ROOT / "siamcrnn_qgis", source / "siamcrnn_qgis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "resources" / "styles", source / "resources" / "styles")
    (source / "docs").mkdir()
    shutil.copy2(REPO_ROOT / "docs" / "cluster.md", source / "docs" / "cluster.md")
    environment = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(environment)
    python = environment / "bin" / "python"
    # no network here: torch and Dask come from the project's .venv below, setuptools from the system
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation",
                                "--disable-pip-version-check", "--quiet", str(source)],
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stderr[-3000:]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": sysconfig.get_paths()["purelib"], "HOME": str(tmp_path)}
    completed = subprocess.run([str(python), "-c", CHECK, str(tmp_path)], cwd=tmp_path, env=env,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr[-3000:]
    found = json.loads(completed.stdout.strip().splitlines()[-1])
    assert found["file"].startswith(str(environment)), found["file"]
    assert found["qgis"] == [] and found["plugin_modules"] is False
    # every style the io layer writes beside its outputs (change maps, labels, suggestions) comes along
    assert found["styles"] == sorted(path.name for path in (REPO_ROOT / "resources" / "styles").glob("*.qml"))
    assert {"change.qml", "labels.qml", "probability.qml", "suggestions.qml"} <= set(found["styles"])
    assert found["sidecar"] == str(tmp_path / "out.qml")
    metadata = configparser.ConfigParser()
    metadata.read(REPO_ROOT / "metadata.txt")
    assert found["version"] == metadata["general"]["version"]
    pyproject = (REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^version = "([^"]+)"', pyproject, re.M).group(1) == found["version"]
    names = {re.match(r"[\w.-]+", requirement).group(0) for requirement in found["requires"]}
    assert names == {"numpy", "torch", "dask"}
    command = subprocess.run([str(environment / "bin" / "siamcrnn-cluster"), "detect", "--help"], env=env,
                             capture_output=True, text=True, timeout=60)
    assert command.returncode == 0 and "--scheduler ADDRESS" in command.stdout, command.stderr


def test_requirements_pin_dask_and_setup_installs_them():
    pins = dict(line.split("==") for line in (REPO_ROOT / "requirements.txt").read_text().splitlines()
                if "==" in line and not line.startswith("#"))
    assert {"dask[distributed]", "distributed"} <= set(pins), pins
    assert pins["dask[distributed]"] == pins["distributed"]
    import dask
    import distributed

    assert (dask.__version__, distributed.__version__) == (pins["dask[distributed]"], pins["distributed"])
    assert "-r requirements.txt" in (REPO_ROOT / "scripts" / "setup.sh").read_text()
    assert sys.version_info >= (3, 9)
