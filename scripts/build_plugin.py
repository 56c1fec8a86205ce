#!/usr/bin/env python3
"""Assemble the installable plugin folder from the checkout (the one source of truth).

    build_plugin.py --dest PLUGINS_DIR        -> PLUGINS_DIR/siamcrnn_qgis/ (replaced if present)
    build_plugin.py --zip dist/siamcrnn_qgis.zip

The folder gets the Python package, metadata.txt, LICENSE, resources/ and the compiled translations
(i18n/*.qm, see `make transcompile`); no tests, caches or translation sources.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "siamcrnn_qgis"
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo", ".*")


def assemble(dest_parent: Path) -> Path:
    target = dest_parent / PACKAGE
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / PACKAGE, target, ignore=IGNORE)
    shutil.copy2(ROOT / "metadata.txt", target / "metadata.txt")
    shutil.copy2(ROOT / "LICENSE", target / "LICENSE")
    shutil.copytree(ROOT / "resources", target / "resources", ignore=IGNORE)
    (target / "i18n").mkdir()
    for compiled in sorted((ROOT / "i18n").glob("*.qm")):
        shutil.copy2(compiled, target / "i18n" / compiled.name)
    return target


def build_zip(zip_path: Path) -> Path:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as staging:
        folder = assemble(Path(staging))
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                archive.write(path, path.relative_to(staging).as_posix())
    return zip_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--dest", type=Path, help="plugins folder to install into")
    group.add_argument("--zip", type=Path, help="zip file to write")
    args = parser.parse_args()
    if args.dest:
        args.dest.mkdir(parents=True, exist_ok=True)
        print(assemble(args.dest))
    else:
        print(build_zip(args.zip))
    return 0


if __name__ == "__main__":
    sys.exit(main())
