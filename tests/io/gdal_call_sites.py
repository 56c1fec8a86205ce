"""Where siamcrnn_qgis/io calls GDAL, read with ``ast``: the functions that must run inside plugin_gdal().

GDAL's Python API is CamelCase (``band.ReadAsArray``, ``layer.CreateFeature``), the plugin's own code
snake_case, so a function whose body names ``gdal``/``ogr``/``osr``/``gdal_array`` or reads a CamelCase
attribute of anything but a few standard-library roots is taken as a GDAL call site. Nested functions
belong to the function around them (GDAL calls them back from inside that function's call).
"""

from __future__ import annotations

import ast
from pathlib import Path

GDAL_MODULES = {"gdal", "ogr", "osr", "gdal_array"}
NOT_GDAL = {"os", "stat", "np", "errno", "ctypes", "kernel32", "sys", "math", "re", "uuid", "functools",
            "shutil", "tempfile", "signal", "Path", "threading"}
DECORATOR = "uses_gdal"


def _root(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _body_nodes(function: ast.FunctionDef):
    """The function's own statements and expressions: not annotations, not nested functions."""
    stack = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        if isinstance(node, ast.AnnAssign):
            stack.extend(n for n in (node.target, node.value) if n is not None)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def calls_gdal(function: ast.FunctionDef) -> bool:
    for node in _body_nodes(function):
        if isinstance(node, ast.Name) and node.id in GDAL_MODULES:
            return True
        if isinstance(node, ast.Attribute) and node.attr[:1].isupper() and node.attr != node.attr.upper() \
                and _root(node) not in NOT_GDAL:
            return True
    return False


def is_generator(function: ast.FunctionDef) -> bool:
    return any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in _body_nodes(function))


def decorated(function: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == DECORATOR for d in function.decorator_list)


def call_sites(path: Path, source: str | None = None) -> list[tuple[ast.FunctionDef, str]]:
    """(function, "Class.name") of each top-level function or method whose own body (with the functions
    nested in it) calls GDAL."""
    tree = ast.parse(source if source is not None else path.read_text(encoding="utf-8"))
    found = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.FunctionDef):
                nested = [n for n in ast.walk(child) if isinstance(n, ast.FunctionDef)]
                if any(calls_gdal(n) for n in nested):
                    found.append((child, prefix + child.name))

    visit(tree, "")
    return found
