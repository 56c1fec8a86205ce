"""setuptools hook of pyproject.toml: the installed engine gets metadata.txt and the QML styles inside the
package, where siamcrnn_qgis.paths looks for them once installed (the outputs' style sidecars), and leaves
out the modules that only the QGIS plugin uses."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: Top-level modules of the package that need QGIS: the plugin's, not the engine's.
PLUGIN_ONLY = {"plugin", "i18n", "reports"}


class BuildEngine(build_py):
    def find_package_modules(self, package, package_dir):
        modules = super().find_package_modules(package, package_dir)
        return [module for module in modules if not (package == "siamcrnn_qgis" and module[1] in PLUGIN_ONLY)]

    def run(self):
        super().run()
        target = Path(self.build_lib) / "siamcrnn_qgis"
        shutil.copy2(ROOT / "metadata.txt", target / "metadata.txt")
        shutil.copytree(ROOT / "resources" / "styles", target / "resources" / "styles", dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildEngine})
