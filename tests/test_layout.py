"""The layers' import rules (core: torch + numpy only; io: no qgis, no torch) and the repository layout."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "siamcrnn_qgis"

BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def __init__(self, names): self.names = names
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in self.names:
            raise ImportError(f'{name} is blocked for this test')
        return None
sys.meta_path.insert(0, Block(set(sys.argv[1].split(','))))
import importlib, pkgutil
package = importlib.import_module(sys.argv[2])
for module in pkgutil.walk_packages(package.__path__, sys.argv[2] + '.'):
    importlib.import_module(module.name)
print('imported', sys.argv[2])
"""


def modules_in(subpackage: str) -> list[Path]:
    return sorted((PACKAGE / subpackage).rglob("*.py"))


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize(
    ("subpackage", "blocked"),
    [("core", "qgis,osgeo,PyQt5,processing"), ("io", "qgis,torch,PyQt5,processing"),
     ("cluster", "qgis,PyQt5,processing")],
)
def test_layer_imports_with_forbidden_packages_blocked(subpackage, blocked):
    completed = subprocess.run(
        [sys.executable, "-c", BLOCKER, blocked, f"siamcrnn_qgis.{subpackage}"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert f"imported siamcrnn_qgis.{subpackage}" in completed.stdout


@pytest.mark.parametrize(("subpackage", "forbidden"), [("core", {"qgis", "osgeo", "PyQt5"}),
                                                       ("io", {"qgis", "torch", "PyQt5"}),
                                                       ("cluster", {"qgis", "PyQt5"})])
def test_no_forbidden_import_statement_even_inside_functions(subpackage, forbidden):
    offenders = {
        str(path.relative_to(REPO_ROOT)): sorted(imported_roots(path) & forbidden) for path in modules_in(subpackage)
    }
    assert {path: roots for path, roots in offenders.items() if roots} == {}


def test_package_import_does_not_import_torch():
    code = ("import sys, siamcrnn_qgis, siamcrnn_qgis.core, siamcrnn_qgis.io, siamcrnn_qgis.cluster; "
            "print(sorted({'torch', 'dask', 'distributed'} & set(sys.modules)))")
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True)
    assert completed.stdout.strip() == "[]", completed.stderr


def test_qt_only_through_qgis_pyqt():
    offenders = [
        str(path.relative_to(REPO_ROOT)) for path in PACKAGE.rglob("*.py")
        if imported_roots(path) & {"PyQt5", "PyQt6", "PySide2", "PySide6"}
    ]
    assert offenders == []


def test_no_committed_copies_of_shared_files_in_package():
    assert not (PACKAGE / "metadata.txt").exists()
    assert not (PACKAGE / "resources").exists()
    assert not (PACKAGE / "i18n").exists()


@pytest.mark.parametrize(("architecture", "other"), [("patch", "fcn"), ("fcn", "patch")])
def test_architectures_never_import_each_other(architecture, other):
    """core/patch and core/fcn build on core's shared modules only, so either can change or go alone."""
    offenders = {}
    for path in modules_in(f"core/{architecture}"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                if node.level == 1:
                    names = [f"{architecture}.{module}"]
                elif node.level == 2:
                    names = [module] if module else [alias.name for alias in node.names]
                else:
                    names = [module.removeprefix("siamcrnn_qgis.core.")]
            elif isinstance(node, ast.Import):
                names = [alias.name.removeprefix("siamcrnn_qgis.core.") for alias in node.names]
            if any(name == other or name.startswith(other + ".") for name in names):
                offenders.setdefault(str(path.relative_to(REPO_ROOT)), []).append(node.lineno)
    assert offenders == {}


def test_shared_core_modules_name_no_architecture():
    """The engine reaches the architectures only through the registry (core/architectures.py)."""
    for path in modules_in("core"):
        if path.parent.name in ("patch", "fcn") or path.name == "architectures.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert ".patch" not in source and ".fcn" not in source, path
