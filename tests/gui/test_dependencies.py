"""Where PyTorch is installed and how pip is called: folder per Python version, interpreter choice per
platform, the numpy constraint, the CPU / CUDA index URLs. Nothing is downloaded."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from siamcrnn_qgis import dependencies


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    return path


def test_dependency_folder_is_per_python_version(tmp_path):
    folder = dependencies.dependency_folder(tmp_path)
    version = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    assert folder == tmp_path / "python" / "dependencies" / "siamcrnn" / version
    assert dependencies.python_tag((3, 9, 18)) == "python3.9"


def test_dependency_folder_follows_the_qgis_profile(qgis_app):
    from qgis.core import QgsApplication

    assert str(dependencies.dependency_folder()).startswith(str(Path(QgsApplication.qgisSettingsDirPath())))


def test_add_dependency_folder_to_path(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", list(sys.path))
    missing = tmp_path / "absent"
    assert dependencies.add_dependency_folder_to_path(missing) is None
    assert str(missing) not in sys.path
    folder = tmp_path / "deps"
    (folder / "siamcrnn_fake_dependency").mkdir(parents=True)
    (folder / "siamcrnn_fake_dependency" / "__init__.py").write_text("VALUE = 7\n")
    assert dependencies.add_dependency_folder_to_path(folder) == folder
    assert dependencies.add_dependency_folder_to_path(folder) == folder
    assert sys.path.count(str(folder)) == 1 and sys.path[0] == str(folder), "first, so a CUDA build wins"
    import siamcrnn_fake_dependency

    assert siamcrnn_fake_dependency.VALUE == 7
    del sys.modules["siamcrnn_fake_dependency"]


def test_interpreter_on_linux_is_sys_executable_when_it_is_python(tmp_path):
    python = _touch(tmp_path / "bin" / "python3.11")
    assert dependencies.find_python_interpreter("linux", str(python), str(tmp_path)) == str(python)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_interpreter_is_never_the_qgis_binary(tmp_path, platform):
    if platform == "win32":  # OSGeo4W: C:\OSGeo4W\bin\qgis-bin.exe, exec_prefix C:\OSGeo4W\apps\Python312
        qgis_binary = _touch(tmp_path / "bin" / "qgis-bin.exe")
        prefix = tmp_path / "apps" / "Python312"
        expected = _touch(prefix / "python.exe")
    else:  # QGIS.app/Contents/MacOS/QGIS, Python in the app's framework
        qgis_binary = _touch(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "QGIS")
        prefix = tmp_path / "QGIS.app" / "Contents" / "Frameworks" / "Python.framework" / "Versions" / "Current"
        expected = _touch(prefix / "bin" / "python3")
    found = dependencies.find_python_interpreter(platform, str(qgis_binary), str(prefix))
    assert found == str(expected)
    assert found != str(qgis_binary)


def test_interpreter_on_macos_next_to_the_app_binary(tmp_path):
    qgis_binary = _touch(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "QGIS")
    expected = _touch(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "bin" / "python3")
    assert dependencies.find_python_interpreter("darwin", str(qgis_binary), str(tmp_path / "nowhere")) == str(expected)


def test_interpreter_not_found_is_none(tmp_path):
    qgis_binary = _touch(tmp_path / "qgis-bin.exe")
    assert dependencies.find_python_interpreter("win32", str(qgis_binary), str(tmp_path / "apps")) is None


def test_constraints_pin_qgis_numpy(tmp_path):
    import numpy

    folder = dependencies.dependency_folder(tmp_path)
    constraints = dependencies.write_constraints_file(folder)
    assert constraints.read_text().strip() == f"numpy=={numpy.__version__}"
    assert not constraints.is_relative_to(folder), "outside the folder on sys.path"


def test_pip_command_cpu_and_cuda(tmp_path):
    folder, constraints = tmp_path / "deps", tmp_path / "constraints.txt"
    cpu = dependencies.pip_install_command("/usr/bin/python3", "cpu", folder, constraints, platform="linux")
    assert cpu[:4] == ["/usr/bin/python3", "-m", "pip", "install"]
    assert cpu[cpu.index("--target") + 1] == str(folder)
    assert cpu[cpu.index("--constraint") + 1] == str(constraints)
    assert cpu[cpu.index("--index-url") + 1] == "https://download.pytorch.org/whl/cpu"
    assert cpu[-1].startswith("torch")
    cuda = dependencies.pip_install_command("python.exe", "cuda", folder, constraints, platform="win32")
    assert cuda[cuda.index("--index-url") + 1].startswith("https://download.pytorch.org/whl/cu")
    mac = dependencies.pip_install_command("python3", "cpu", folder, constraints, platform="darwin")
    assert "--index-url" not in mac, "macOS wheels on PyPI carry MPS"
    with pytest.raises(ValueError, match="macOS"):
        dependencies.pip_install_command("python3", "cuda", folder, platform="darwin")
    with pytest.raises(ValueError, match="unknown PyTorch build"):
        dependencies.pip_install_command("python3", "rocm", folder)


def test_manual_command_quoting():
    command = ["C:\\Program Files\\QGIS\\apps\\Python312\\python.exe", "-m", "pip", "install", "torch"]
    assert dependencies.format_command(command, "win32").startswith('"C:\\Program Files\\QGIS')
    assert dependencies.format_command(["/opt/my python/python3", "-m"], "linux") == "'/opt/my python/python3' -m"


def test_missing_torch_message_names_the_command(qgis_app):
    message = dependencies.missing_torch_message()
    assert "pip install" in message and "--target" in message and "Status" in message


def test_nvidia_detection(monkeypatch, tmp_path):
    monkeypatch.setattr(dependencies.shutil, "which", lambda name: None)
    monkeypatch.setattr(dependencies, "Path", lambda path: tmp_path / "no-driver")
    assert dependencies.nvidia_gpu_present() is False
    monkeypatch.setattr(dependencies.shutil, "which", lambda name: "/usr/bin/nvidia-smi")
    assert dependencies.nvidia_gpu_present() is True
