"""Where the plugin's files are, whether it runs from the source checkout or an installed folder.

In the checkout, ``metadata.txt``, ``resources/`` and ``i18n/`` sit beside the package; ``make deploy``
and ``make package`` copy them into the package folder. Everything looks them up through here.
"""

from __future__ import annotations

import configparser
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def plugin_root() -> Path:
    """The folder holding metadata.txt and resources/: the package itself once installed."""
    if (PACKAGE_DIR / "metadata.txt").is_file():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


def resources_path(*parts: str) -> Path:
    return plugin_root().joinpath("resources", *parts)


def icon_path(name: str) -> str:
    return str(resources_path("icons", name))


def style_path(name: str) -> Path:
    return resources_path("styles", name)


def i18n_path(*parts: str) -> Path:
    return plugin_root().joinpath("i18n", *parts)


@lru_cache(maxsize=1)
def metadata() -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(plugin_root() / "metadata.txt", encoding="utf-8")
    return dict(parser["general"]) if parser.has_section("general") else {}


def plugin_version() -> str:
    return metadata().get("version", "unknown")
