"""Qt6 / QGIS 4 readiness of the plugin's source, checked statically (issue #16).

QGIS 4 is built on Qt6 and PyQt6, which drop what PyQt5 still accepted: unscoped enum members
(``Qt.AlignLeft``), ``exec_``, ``QVariant`` type constants, ``QRegExp``, ``QDesktopWidget``,
``QFontMetrics.width``, ``activated[str]``, compiled resources. No QGIS 4 runs here, so this test reads
every module of ``siamcrnn_qgis`` with ``ast`` and

* resolves every attribute chain rooted at a name imported from ``qgis.PyQt.*`` against PyQt5 (what
  QGIS 3.x gives) AND PyQt6 (what QGIS 4 gives), each in its own interpreter: a spelling that only one
  of them knows fails. Only the static part of a chain is resolved: the walk stops at the first
  attribute that is neither a module nor a class (a method, a signal, an enum member, a constant), so
  ``QIcon(path)`` and ``QgsApplication.processingRegistry().addProvider`` are fine, ``Qt.AlignLeft``
  fails (PyQt6 only has ``Qt.AlignmentFlag.AlignLeft``);
* resolves every attribute chain rooted at a name imported from ``qgis.core`` / ``qgis.gui`` against
  the installed QGIS (3.22) and requires each enum member to be reached through its enum class:
  ``Qgis.MessageLevel.Critical`` passes, ``Qgis.Critical`` fails;
* fails on the Qt5-only constructs listed in ``QT5_ONLY``.

Run as a script (``python test_qt6_names.py PyQt6``) it is the resolver for one binding: chains as JSON
on stdin, one verdict per chain as JSON on stdout.
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE = REPO_ROOT / "siamcrnn_qgis"
BINDINGS = ("PyQt5", "PyQt6")
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis")

# What qgis.PyQt adds on Qt6 builds of QGIS: QAction, QActionGroup and QShortcut moved to QtGui in Qt6,
# and QGIS keeps them importable from qgis.PyQt.QtWidgets so that one import works on 3.x and 4.x
# (qgis/QGIS pull requests 55658 and 57467). Every other name maps qgis.PyQt.QtX -> PyQt6.QtX.
QGIS_PYQT6_RELOCATED = {
    ("QtWidgets", "QAction"): "QtGui",
    ("QtWidgets", "QActionGroup"): "QtGui",
    ("QtWidgets", "QShortcut"): "QtGui",
}

# Version-dependent on purpose: compat.py tries each spelling in `_first(lambda: ..., lambda: ...)` and
# keeps the first that this QGIS has (e.g. Qgis.ProcessingParameterFlag.Advanced exists from QGIS 3.36
# on, not in 3.22). Inside those lambdas a missing attribute is therefore expected and not reported;
# what does resolve must still be scoped, and at least one alternative of each call must resolve.
VERSION_DEPENDENT = {"siamcrnn_qgis/processing/compat.py": "_first"}


@dataclass(frozen=True)
class Chain:
    """``names`` looked up from ``module``: ("Qt", "AlignmentFlag", "AlignLeft") from "QtCore"."""

    where: str  # path:line
    kind: str  # "qt" (qgis.PyQt.<module>) or "qgis" (qgis.core, ...)
    module: str  # "QtCore" for qgis.PyQt.QtCore, "qgis.core" for QGIS
    names: tuple[str, ...]
    optional: bool = False  # one alternative of a VERSION_DEPENDENT call
    group: int = 0  # which VERSION_DEPENDENT call (ast node id) it belongs to

    def spelled(self) -> str:
        return ".".join(self.names) if self.names else self.module


# ---- resolving (also what the per-binding subprocess runs) -----------------------------------------
def is_enum_type(obj) -> bool:
    """An enum class: sip's (PyQt5, QGIS 3.x: metatype sip.enumtype) or Python's (PyQt6, some QGIS)."""
    return inspect.isclass(obj) and (type(obj).__name__ == "enumtype" or issubclass(obj, enum.Enum))


def is_enum_member(value) -> bool:
    return not inspect.isclass(value) and is_enum_type(type(value))


def _enum_holding(owner, member: str) -> str | None:
    """The name of an enum class nested in ``owner`` that has a member called ``member``."""
    for name in sorted(dir(owner)):
        try:
            candidate = getattr(owner, name)
        except Exception:  # noqa: BLE001 - some descriptors raise on class access
            continue
        if is_enum_type(candidate) and candidate is not owner and hasattr(candidate, member):
            return name
    return None


def resolve(root, prefix: str, names) -> str | None:
    """None when the static part of ``prefix.names`` exists and reaches enum members through their enum
    class; otherwise why not (starting with "missing:" when an attribute does not exist)."""
    obj, path = root, prefix
    for name in names:
        if not (inspect.ismodule(obj) or inspect.isclass(obj)):
            return None  # a method, signal, enum member or constant: what follows is not static
        try:
            value = getattr(obj, name)
        except AttributeError:
            holder = _enum_holding(obj, name) if inspect.isclass(obj) else None
            hint = f" (the scoped spelling is {path}.{holder}.{name})" if holder else ""
            return f"missing: {path}.{name} does not exist{hint}"
        if is_enum_member(value) and inspect.isclass(obj) and not is_enum_type(obj):
            holder = next((n for n in sorted(dir(obj)) if getattr(obj, n, None) is type(value)), None)
            scoped = f"{path}.{holder}.{name}" if holder else f"{type(value).__qualname__}.{name}"
            return f"unscoped enum member {path}.{name}: spell it {scoped}"
        obj, path = value, f"{path}.{name}"
    return None


def binding_module(binding: str, module: str, first: str | None):
    if binding == "PyQt6" and first is not None:
        module = QGIS_PYQT6_RELOCATED.get((module, first), module)
    return importlib.import_module(f"{binding}.{module}")


def _resolver_main(binding: str) -> None:
    try:
        importlib.import_module(f"{binding}.QtCore")
    except ImportError as error:
        json.dump({"unavailable": f"{binding} is not importable ({error})"}, sys.stdout)
        return
    chains = json.load(sys.stdin)
    verdicts = []
    for module, names in chains:
        try:
            root = binding_module(binding, module, names[0] if names else None)
        except ImportError as error:
            verdicts.append(f"missing: {binding}.{module} cannot be imported ({error})")
            continue
        verdicts.append(resolve(root, f"{binding}.{module}", names))
    json.dump({"verdicts": verdicts}, sys.stdout)


# ---- reading the package --------------------------------------------------------------------------
def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def _dotted(node: ast.AST) -> tuple[str | None, list[str]]:
    """``Qt.AlignmentFlag.AlignLeft`` -> ("Qt", ["AlignmentFlag", "AlignLeft"]); (None, []) when the
    chain does not start at a plain name (a call, a subscript, ``self``...)."""
    attrs = []
    while isinstance(node, ast.Attribute):
        attrs.insert(0, node.attr)
        node = node.value
    return (node.id, attrs) if isinstance(node, ast.Name) else (None, [])


def chains_in(path: Path, source: str | None = None) -> tuple[list[Chain], list[str]]:
    """The attribute chains rooted at names imported from qgis.PyQt / qgis.core / qgis.gui, and the
    imports this check cannot follow (each "path:line: why")."""
    rel = _relative(path) if source is None else path.as_posix()
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"), filename=rel)
    bound: dict[str, tuple[str, str, str | None]] = {}  # local name -> (kind, module, name in module)
    chains: list[Chain] = []
    problems: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("qgis.PyQt."):
                kind, module = "qt", node.module[len("qgis.PyQt."):]
            elif node.module == "qgis.PyQt":
                kind, module = "qt", None
            elif node.module in QGIS_MODULES:
                kind, module = "qgis", node.module
            else:
                continue
            for alias in node.names:
                if alias.name == "*":
                    problems.append(f"{rel}:{node.lineno}: star import from {node.module} cannot be checked")
                    continue
                local = alias.asname or alias.name
                where = f"{rel}:{node.lineno}"
                if module is None:  # from qgis.PyQt import QtCore
                    bound[local] = (kind, alias.name, None)
                    chains.append(Chain(where, kind, alias.name, ()))
                else:
                    bound[local] = (kind, module, alias.name)
                    chains.append(Chain(where, kind, module, (alias.name,)))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(("qgis.PyQt", "qgis.core", "qgis.gui")):
                    problems.append(f"{rel}:{node.lineno}: 'import {alias.name}' cannot be checked; "
                                    f"use 'from {alias.name.rsplit('.', 1)[0]} import ...'")

    optional_nodes: dict[int, int] = {}  # id(node inside a VERSION_DEPENDENT lambda) -> id(the call)
    wrapper = VERSION_DEPENDENT.get(rel)
    if wrapper:
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == wrapper:
                for argument in call.args:
                    if isinstance(argument, ast.Lambda):
                        for inner in ast.walk(argument.body):
                            optional_nodes[id(inner)] = id(call)

    inner_values = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or id(node) in inner_values:
            continue  # only the longest chain: Qt.AlignmentFlag.AlignLeft, not also Qt.AlignmentFlag
        root, attrs = _dotted(node)
        if root not in bound:
            continue
        kind, module, first = bound[root]
        names = ((first,) if first else ()) + tuple(attrs)
        group = optional_nodes.get(id(node), 0)
        chains.append(Chain(f"{rel}:{node.lineno}", kind, module, names, optional=bool(group), group=group))
    return chains, problems


# ---- constructs Qt6 removed --------------------------------------------------------------------------
QT5_ONLY = {
    "exec_": "exec_() is gone in PyQt6: call exec() (PyQt5 5.15 has it too)",
    "QRegExp": "QRegExp is gone in Qt6: use QRegularExpression",
    "QDesktopWidget": "QDesktopWidget is gone in Qt6: use QScreen (QGuiApplication.screens())",
    "desktop()": "QApplication.desktop() (QDesktopWidget) is gone in Qt6: use QScreen",
    "QFontMetrics.width": "QFontMetrics.width() is gone in Qt6: use horizontalAdvance() (Qt >= 5.11)",
    "signal[str]": "the QString overloads of QComboBox signals are gone in Qt6: use textActivated / "
                   "currentTextChanged or the int signal",
    "resources": "compiled Qt resources (pyrcc, resources_rc) are gone in PyQt6: load files by path",
    "QVariant.": "QVariant type constants are gone in PyQt6: use QMetaType.Type or QGIS's helpers",
    "QVariant()": "a null QVariant() cannot be made in PyQt6: use NULL from qgis.core",
    "PyQt import": "import Qt through qgis.PyQt (it maps to PyQt5 or PyQt6), never PyQt5/PyQt6/sip directly",
    "qApp": "qApp is gone in PyQt6: use QApplication.instance()",
    "qgis.PyQt.Qt": "qgis.PyQt.Qt (the all-in-one module) is gone in PyQt6: import from qgis.PyQt.QtCore etc.",
}
COMBO_STR_SIGNALS = {"activated", "currentIndexChanged", "highlighted"}


def qt5_only_constructs(path: Path, source: str | None = None) -> list[str]:
    """"path:line: why" for each construct that PyQt6 no longer has."""
    rel = _relative(path) if source is None else path.as_posix()
    text = source if source is not None else path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=rel)
    found: list[tuple[int, str]] = []

    def hit(node: ast.AST, key: str) -> None:
        found.append((node.lineno, QT5_ONLY[key]))

    metrics = {"QFontMetrics", "QFontMetricsF"}
    metrics_vars = set()  # names assigned a QFontMetrics(...) or a widget's fontMetrics()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            func = node.value.func
            if (isinstance(func, ast.Name) and func.id in metrics) or \
                    (isinstance(func, ast.Attribute) and func.attr == "fontMetrics"):
                metrics_vars.update(target.id for target in node.targets if isinstance(target, ast.Name))
    qvariant_names = {"QVariant"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            qvariant_names.update(a.asname for a in node.names if a.name == "QVariant" and a.asname)

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(m.split(".")[0] in {"PyQt5", "PyQt6", "sip"} for m in modules):
                hit(node, "PyQt import")
            if any(m == "qgis.PyQt.Qt" for m in modules):
                hit(node, "qgis.PyQt.Qt")
            names = [a.name for a in node.names] + modules
            if any(n.split(".")[-1].endswith("_rc") for n in names):
                hit(node, "resources")
            for alias in node.names:
                if alias.name.startswith("QRegExp"):
                    hit(node, "QRegExp")
                elif alias.name in ("QDesktopWidget", "qApp"):
                    hit(node, alias.name)
        elif isinstance(node, ast.Name):
            if node.id == "exec_":
                hit(node, "exec_")
            elif node.id.startswith("QRegExp"):
                hit(node, "QRegExp")
            elif node.id in ("QDesktopWidget", "qApp"):
                hit(node, node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "exec_":
            hit(node, "exec_")
        elif isinstance(node, ast.Attribute):
            value = node.value
            if node.attr == "exec_":
                hit(node, "exec_")
            elif node.attr.startswith("QRegExp") or node.attr == "QDesktopWidget":
                hit(node, "QRegExp" if node.attr.startswith("QRegExp") else "QDesktopWidget")
            elif isinstance(value, ast.Name) and value.id in qvariant_names:
                hit(node, "QVariant.")
            elif node.attr == "width" and (
                (isinstance(value, ast.Name) and (value.id in metrics or value.id in metrics_vars))
                or (isinstance(value, ast.Call) and (
                    (isinstance(value.func, ast.Name) and value.func.id in metrics)
                    or (isinstance(value.func, ast.Attribute) and value.func.attr == "fontMetrics")))
            ):
                hit(node, "QFontMetrics.width")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "desktop" and not node.args:
                hit(node, "desktop()")
            elif isinstance(func, ast.Name) and func.id in qvariant_names and not node.args:
                hit(node, "QVariant()")
        elif isinstance(node, ast.Subscript):
            if isinstance(node.value, ast.Attribute) and node.value.attr in COMBO_STR_SIGNALS and \
                    isinstance(node.slice, ast.Name) and node.slice.id == "str":
                hit(node, "signal[str]")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if "pyrcc" in node.value or "resources_rc" in node.value:
                hit(node, "resources")
    return [f"{rel}:{line}: {why}" for line, why in sorted(set(found))]


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


# ---- verdicts ----------------------------------------------------------------------------------------
def _skip_or_fail(reason: str) -> None:
    import pytest

    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason + " — under CI=true this is a failure")
    pytest.skip(reason)


def qt_verdicts(chains: list[Chain], binding: str) -> list[str | None]:
    """One verdict per chain, from a fresh interpreter that imports only ``binding`` (PyQt5 and PyQt6 are
    never loaded into one process, nor next to this session's QgsApplication)."""
    payload = json.dumps([[c.module, list(c.names)] for c in chains])
    completed = subprocess.run([sys.executable, __file__, binding], input=payload, capture_output=True,
                               text=True, cwd=REPO_ROOT, timeout=300)
    assert completed.returncode == 0, f"{binding} resolver failed:\n{completed.stderr}"
    answer = json.loads(completed.stdout)
    if "unavailable" in answer:
        _skip_or_fail(answer["unavailable"] + ("; make setup installs python3-pyqt6, which this check of the "
                                               "Qt6 names needs" if binding == "PyQt6" else ""))
    return answer["verdicts"]


def qgis_verdicts(chains: list[Chain]) -> list[str | None]:
    verdicts = []
    for chain in chains:
        root = importlib.import_module(chain.module)
        verdicts.append(resolve(root, chain.module, chain.names))
    return verdicts


def failures(chains: list[Chain], verdicts: list[str | None], label: str) -> list[str]:
    """Report lines; inside VERSION_DEPENDENT lambdas a missing attribute is expected (see above) but
    each such call needs one alternative that resolves."""
    lines, resolved_groups, groups = [], set(), {}
    for chain, verdict in zip(chains, verdicts):
        if chain.optional:
            groups.setdefault(chain.group, chain.where)
            if verdict is None:
                resolved_groups.add(chain.group)
            if verdict is None or verdict.startswith("missing:"):
                continue
        if verdict is not None:
            lines.append(f"{chain.where}: {chain.spelled()}: {label}: {verdict}")
    for group, where in groups.items():
        if group not in resolved_groups:
            lines.append(f"{where}: {label}: no alternative of this version-dependent lookup exists")
    return lines


def check_qt_names(chains: list[Chain]) -> list[str]:
    qt = [c for c in chains if c.kind == "qt"]
    lines = []
    for binding in BINDINGS:
        lines += failures(qt, qt_verdicts(qt, binding), binding)
    return sorted(set(lines))


def check_qgis_names(chains: list[Chain]) -> list[str]:
    qgis = [c for c in chains if c.kind == "qgis"]
    from qgis.core import Qgis

    return sorted(failures(qgis, qgis_verdicts(qgis), f"QGIS {Qgis.QGIS_VERSION.split('-')[0]}"))


def package_chains() -> list[Chain]:
    chains, problems = [], []
    for path in package_files():
        found, unreadable = chains_in(path)
        chains += found
        problems += unreadable
    assert problems == [], "\n".join(problems)
    return chains


# ---- the tests ---------------------------------------------------------------------------------------
def test_no_qt5_only_constructs_in_package():
    offenders = [line for path in package_files() for line in qt5_only_constructs(path)]
    assert offenders == [], "Qt5-only constructs (gone in QGIS 4 / PyQt6):\n" + "\n".join(offenders)


def test_qt_names_resolve_in_pyqt5_and_pyqt6():
    chains = package_chains()
    assert any(c.kind == "qt" and len(c.names) >= 3 for c in chains), "found no Qt enum chain: reader broken?"
    offenders = check_qt_names(chains)
    assert offenders == [], "Qt names that PyQt5 or PyQt6 lacks:\n" + "\n".join(offenders)


def test_qgis_enums_are_scoped():
    chains = package_chains()
    assert any(c.kind == "qgis" and c.optional for c in chains), "compat.py's _first lambdas not found"
    offenders = check_qgis_names(chains)
    assert offenders == [], "QGIS enum members not reached through their enum class:\n" + "\n".join(offenders)


# The checker itself: what it must catch, and what it must let through.
BAD_SOURCE = '''\
from qgis.PyQt.QtCore import Qt, QVariant, QRegExp
from qgis.PyQt.QtGui import QAction, QFontMetrics
from qgis.PyQt.QtWidgets import QMessageBox, QDialog, QDesktopWidget
from qgis.core import Qgis, QgsTask
import resources_rc
from PyQt5.QtCore import QTimer
x = Qt.AlignLeft
b = QMessageBox.Ok
d = QDialog()
d.exec_()
t = QVariant.Int
combo.activated[str].connect(print)
w = QFontMetrics(font).width("text")
fm = widget.fontMetrics()
w2 = fm.width("text")
level = Qgis.Critical
flag = QgsTask.CanCancel
n = QVariant()
subprocess.run(["pyrcc5", "resources.qrc"])
'''
GOOD_SOURCE = '''\
from qgis.PyQt.QtCore import Qt, QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDialogButtonBox, QMessageBox, QSizePolicy
from qgis.core import Qgis, QgsApplication, QgsTask
icon = QIcon("a.svg")
action = QAction(icon, "text", None)
align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
role = QDialogButtonBox.ButtonRole.ActionRole
icon_kind = QMessageBox.Icon.Warning
policy = QSizePolicy.Policy.Expanding
text = QCoreApplication.translate("ctx", "text")
QgsApplication.processingRegistry().providers()
level = Qgis.MessageLevel.Critical
flag = QgsTask.Flag.CanCancel
rows = change.width
dialog.exec()
'''


def test_checker_flags_qt5_only_constructs():
    lines = qt5_only_constructs(Path("bad.py"), BAD_SOURCE)
    flagged = {int(line.split(":")[1]) for line in lines}
    # 1 QRegExp, 3 QDesktopWidget, 5 resources_rc, 6 PyQt5, 10 exec_, 11 QVariant.Int, 12 activated[str],
    # 13 and 15 QFontMetrics.width, 18 QVariant(), 19 pyrcc
    assert flagged == {1, 3, 5, 6, 10, 11, 12, 13, 15, 18, 19}, "\n".join(lines)
    assert qt5_only_constructs(Path("good.py"), GOOD_SOURCE) == []


def test_checker_resolves_names_in_both_bindings():
    bad, problems = chains_in(Path("bad.py"), BAD_SOURCE)
    good, _ = chains_in(Path("good.py"), GOOD_SOURCE)
    assert problems == []
    reported = check_qt_names(bad)
    by_line = {int(line.split(":")[1]) for line in reported}
    # 1 QRegExp (PyQt6), 2 QtGui.QAction (PyQt5 only has it in QtWidgets: a Qt6-only spelling),
    # 3 QDesktopWidget, 7 Qt.AlignLeft, 8 QMessageBox.Ok, 11 QVariant.Int
    assert by_line == {1, 2, 3, 7, 8, 11}, "\n".join(reported)
    assert any("Qt.AlignmentFlag.AlignLeft" in line for line in reported), "\n".join(reported)
    assert any(line.startswith("bad.py:2:") and "PyQt5" in line for line in reported), "\n".join(reported)
    assert check_qt_names(good) == []


def test_checker_requires_scoped_qgis_enums():
    bad, _ = chains_in(Path("bad.py"), BAD_SOURCE)
    good, _ = chains_in(Path("good.py"), GOOD_SOURCE)
    reported = check_qgis_names(bad)
    assert {int(line.split(":")[1]) for line in reported} == {16, 17}, "\n".join(reported)
    assert any("Qgis.MessageLevel.Critical" in line for line in reported), "\n".join(reported)
    assert check_qgis_names(good) == []


def test_checker_tolerates_only_version_dependent_lookups():
    source = '''\
from qgis.core import Qgis, QgsProcessingParameterDefinition
A = _first(lambda: Qgis.NoSuchEnumYet.Advanced, lambda: QgsProcessingParameterDefinition.Flag.FlagAdvanced)
B = _first(lambda: Qgis.NoSuchEnumYet.Advanced, lambda: Qgis.NoSuchEnumEither.Advanced)
C = _first(lambda: QgsProcessingParameterDefinition.FlagAdvanced)
D = Qgis.NoSuchEnumYet.Advanced
'''
    chains, _ = chains_in(Path("siamcrnn_qgis/processing/compat.py"), source)
    reported = check_qgis_names(chains)
    # 2 passes (one alternative exists); 3 has none; 4 is unscoped even inside _first; 5 is outside _first
    assert {int(line.split(":")[1]) for line in reported} == {3, 4, 5}, "\n".join(reported)


if __name__ == "__main__":
    _resolver_main(sys.argv[1])
