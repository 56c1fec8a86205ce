"""Run the plugin's algorithms through the qgis_process command line, isolated from the user's profile.

Shared by `make demo` and the tests: the plugin is assembled into a plugins folder (as `make deploy`
would), a private QGIS configuration folder enables it, and QGIS's embedded Python is given the
packages of the running interpreter's environment (torch) through PYTHONPATH.
"""

from __future__ import annotations

import json
import os
import subprocess
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_qgis_process() -> str:
    return subprocess.run(
        [str(ROOT / "scripts" / "find-qgis-process")], check=True, capture_output=True, text=True
    ).stdout.strip()


class QgisProcess:
    def __init__(self, workdir: Path, executable: str | None = None, plugins: Path | None = None) -> None:
        """Use the plugin already in `plugins`, or assemble it from the checkout into workdir/plugins."""
        self.executable = executable or find_qgis_process()
        self.config = workdir / "qgis-config"
        self.config.mkdir(parents=True, exist_ok=True)
        if plugins is None:
            import sys

            sys.path.insert(0, str(ROOT / "scripts"))
            from build_plugin import assemble

            plugins = workdir / "plugins"
            plugins.mkdir(parents=True, exist_ok=True)
            assemble(plugins)
        self.plugins = plugins
        self.env = dict(os.environ)
        self.env.update(
            QT_QPA_PLATFORM="offscreen",
            QGIS_PLUGINPATH=str(self.plugins),
            QGIS_CUSTOM_CONFIG_PATH=str(self.config),
            PYTHONPATH=os.pathsep.join(
                filter(None, [sysconfig.get_paths()["purelib"], os.environ.get("PYTHONPATH", "")])
            ),
        )
        self.call("plugins", "enable", "siamcrnn_qgis")

    def call(self, *args: str, timeout: float = 1800) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.executable, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def run(self, algorithm: str, parameters: dict, timeout: float = 1800) -> dict:
        """Run an algorithm with --json; return the parsed result, raise RuntimeError with the log on failure."""
        arguments = []
        for key, value in parameters.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                arguments.append(f"--{key}={item}")
        completed = self.call("--json", "run", algorithm, *arguments, timeout=timeout)
        if completed.returncode != 0:
            raise RuntimeError(
                f"qgis_process run {algorithm} failed ({completed.returncode}):\n"
                f"{completed.stdout[-4000:]}\n{completed.stderr[-4000:]}"
            )
        start = completed.stdout.find("{")
        return json.loads(completed.stdout[start:])
