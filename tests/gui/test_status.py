"""The status information (a plain function, no window) and the Status dialog built on it."""

from __future__ import annotations

import sys

from siamcrnn_qgis.gui import status as status_module
from siamcrnn_qgis.gui.status import gather_status, status_rows, status_text


def test_status_with_torch(qgis_app):
    import torch

    status = gather_status(nvidia_driver=False)
    assert status.torch_version == torch.__version__
    assert status.cuda_available == torch.cuda.is_available()
    assert status.torch_threads == torch.get_num_threads()
    assert status.auto_device.startswith("Running on")
    assert status.auto_reason
    assert status.python_interpreter and "python" in status.python_interpreter.lower()
    assert status.dependency_folder.endswith(f"python{sys.version_info[0]}.{sys.version_info[1]}")
    if not torch.cuda.is_available():
        assert status.auto_device.startswith("Running on CPU")
        assert not status.install_recommended
    labels = [label for label, _ in status_rows(status)]
    assert {"PyTorch", "CUDA available", "CPU threads", "Device for 'auto'", "Why"} <= set(labels)
    assert "PyTorch: " + torch.__version__ in status_text(status)
    import distributed

    assert dict(status_rows(status))["Dask (only for Detect changes over many pairs)"] == distributed.__version__


def test_cpu_build_with_nvidia_driver_recommends_cuda(qgis_app):
    import torch

    if torch.version.cuda is not None or sys.platform == "darwin":
        return  # this machine's torch is a CUDA build: nothing to recommend
    status = gather_status(nvidia_driver=True)
    assert status.install_recommended
    assert "CPU-only" in status.install_reason
    assert "CPU-only build" in status.auto_reason


def test_status_without_torch(qgis_app, monkeypatch):
    monkeypatch.setattr(status_module.dependencies, "torch_available", lambda: False)
    status = gather_status(nvidia_driver=False)
    assert status.torch_version is None and not status.torch_installed
    assert status.install_recommended
    assert dict(status_rows(status))["PyTorch"] == "not installed"
    assert "CUDA available" not in dict(status_rows(status))
    monkeypatch.setattr(status_module.dependencies, "dask_available", lambda: False)
    dask = dict(status_rows(gather_status(nvidia_driver=False)))["Dask (only for Detect changes over many pairs)"]
    assert dask.startswith("not installed; to install it: ") and "dask[distributed]" in dask


def test_status_with_broken_torch(qgis_app, monkeypatch):
    monkeypatch.setattr(status_module.dependencies, "torch_available", lambda: True)
    monkeypatch.setitem(sys.modules, "torch", None)  # import torch raises ImportError
    status = gather_status(nvidia_driver=False)
    assert status.torch_version is None
    assert "cannot be imported" in status.torch_error
    assert status.auto_reason == status.torch_error


def test_dialog_shows_status_and_hides_installer_when_not_needed(qgis_app):
    from siamcrnn_qgis.gui.status_dialog import StatusDialog

    status = gather_status(nvidia_driver=False)
    status.install_recommended = False
    dialog = StatusDialog(status=status)
    assert status.torch_version in dialog.browser.toPlainText()
    assert "Device for 'auto'" in dialog.browser.toPlainText()
    assert dialog.install_group.isHidden()
    dialog.copy_to_clipboard()
    from qgis.PyQt.QtGui import QGuiApplication

    assert "PyTorch:" in QGuiApplication.clipboard().text()
    dialog.deleteLater()


def test_dialog_offers_install_with_cuda_preselected_for_nvidia(qgis_app, monkeypatch):
    from siamcrnn_qgis.gui.status_dialog import StatusDialog

    monkeypatch.setattr(status_module.dependencies, "torch_available", lambda: False)
    dialog = StatusDialog(status=gather_status(nvidia_driver=True))
    assert not dialog.install_group.isHidden()
    assert dialog.variant.currentData() == "cuda"
    assert dialog.install_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.show_status(gather_status(nvidia_driver=False))
    assert dialog.variant.currentData() == "cpu"
    dialog.deleteLater()


def test_menu_has_status_entry(qgis_app):
    from siamcrnn_qgis.gui.menu import SiamCRNNMenu

    entries = SiamCRNNMenu(None).entries()
    assert [icon for icon, _, _ in entries][-1] == "status.svg"
    assert entries[-1][1] == "Status…"


def test_status_names_qgis_python_when_sys_executable_is_another_python(qgis_app, tmp_path, monkeypatch):
    """In the QGIS desktop on Linux sys.executable can be whatever python3 comes first on PATH (here one
    reporting 3.99.0): the Status dialog still names an interpreter of QGIS's own Python for pip."""
    from siamcrnn_qgis import dependencies

    shim = tmp_path / "python3"
    shim.write_text("#!/bin/sh\necho 3 99 0\necho /opt/another-python\n")
    shim.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(shim))
    status = gather_status(nvidia_driver=False)
    assert status.python_interpreter not in (None, str(shim))
    assert dependencies.interpreter_identity(status.python_interpreter) == (tuple(sys.version_info[:3]), sys.prefix)
    assert dict(status_rows(status))["Python interpreter for pip"] == status.python_interpreter
