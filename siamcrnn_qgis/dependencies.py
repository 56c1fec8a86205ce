"""Is PyTorch importable, and if not, what should the user run? No qgis, no torch import at module level."""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache

TORCH_REQUIREMENT = "torch>=2.1"


def torch_available() -> bool:
    return importlib.util.find_spec("torch") is not None


def install_command() -> str:
    """The pip command a user can paste into a terminal to make torch importable by QGIS's Python."""
    python = "python3" if sys.platform.startswith("linux") else "<QGIS's python>"
    return f'{python} -m pip install --user "{TORCH_REQUIREMENT}"'


def missing_torch_message() -> str:
    return (
        "PyTorch is not installed in the Python that QGIS uses, so SiamCRNN cannot run. "
        "Install it from the SiamCRNN › Status dialog (Install PyTorch), or in a terminal with: "
        f"{install_command()} — then restart QGIS."
    )


@lru_cache(maxsize=1)
def torch_version() -> str | None:
    if not torch_available():
        return None
    import torch

    return str(torch.__version__)
