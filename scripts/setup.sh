#!/usr/bin/env bash
# make setup: system packages (apt), then .venv from the Python that QGIS's bindings belong to.
# Idempotent: every step checks first and does nothing when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

# python3-pyqt6 is for tests/gui/test_qt6_names.py only (the Qt names the plugin uses must exist in PyQt6,
# what QGIS 4 runs on); the plugin itself never imports it. python3-setuptools builds `pip install .`
# (tests/test_packaging.py); Debian 13 does not pull it in with the rest. debootstrap builds the Debian 13
# root of `make test-debian13`, which .ci/run runs after `make test`.
APT_PACKAGES="qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-matplotlib xvfb \
pyqt5-dev-tools qttools5-dev-tools python3-venv python3-pip python3-pyqt6 python3-setuptools debootstrap"

# Said before anything starts: PyPI's torch wheel for Linux x86_64 is the CUDA build, and pip fetches it with
# its NVIDIA libraries, so a fresh .venv (Debian 13, Python 3.13: no local wheel) downloads several GB.
if ! { [ -x .venv/bin/python ] && .venv/bin/python -c "import torch" >/dev/null 2>&1; } \
        && [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then
    . /etc/os-release 2>/dev/null || true
    echo "make setup: PyTorch is not installed in .venv yet. torch from PyPI (requirements.txt) is a CUDA" \
         "build on Linux x86_64: with its NVIDIA libraries it is several GB to download and install" \
         "(${PRETTY_NAME:-this system}), unless pip's configuration offers another build (a local wheel" \
         "or another index, as pip config list shows)."
fi

missing=""
for pkg in $APT_PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        SUDO=""
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo"
    else
        echo "make setup: these system packages are missing:$missing" >&2
        echo "Install them as root, then run 'make setup' again:" >&2
        echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
        exit 1
    fi
    echo "Installing system packages:$missing"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The interpreter QGIS embeds is the one whose dist-packages hold the qgis module.
QGIS_PYTHON=""
for candidate in /usr/bin/python3 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c "import qgis.core" >/dev/null 2>&1; then
        QGIS_PYTHON=$(command -v "$candidate")
        break
    fi
done
if [ -z "$QGIS_PYTHON" ]; then
    echo "make setup: no Python interpreter can import qgis.core; is python3-qgis installed?" >&2
    exit 1
fi

want_version=$("$QGIS_PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
if [ -x .venv/bin/python ]; then
    have_version=$(.venv/bin/python -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo none)
    if [ "$have_version" != "$want_version" ] || ! .venv/bin/python -c "import qgis.core" >/dev/null 2>&1; then
        echo ".venv was made from another Python ($have_version, QGIS uses $want_version): recreating it"
        rm -rf .venv
    fi
fi
if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv from $QGIS_PYTHON (with --system-site-packages, so qgis and osgeo are visible)"
    "$QGIS_PYTHON" -m venv --system-site-packages .venv
fi

stamp=.venv/.requirements.sha256
want_hash=$(sha256sum requirements.txt | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want_hash" ]; then
    echo "Installing pinned requirements into .venv"
    .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
    echo "$want_hash" > "$stamp"
fi
.venv/bin/python -c "import torch, qgis.core, osgeo.gdal; print('setup ok: torch', torch.__version__, '| QGIS', qgis.core.Qgis.QGIS_VERSION, '| GDAL', osgeo.gdal.__version__)"
