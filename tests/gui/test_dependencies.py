"""Where PyTorch is installed and how pip is called: folder per Python version, interpreter choice per
platform, the numpy constraint, the CPU / CUDA index URLs. Nothing is downloaded."""

from __future__ import annotations

import os
import shutil
import subprocess
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
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    missing = tmp_path / "absent"
    assert dependencies.add_dependency_folder_to_path(missing) is None
    assert str(missing) not in sys.path
    folder = tmp_path / "deps"
    (folder / "siamcrnn_fake_dependency").mkdir(parents=True)
    (folder / "siamcrnn_fake_dependency" / "__init__.py").write_text("VALUE = 7\n")
    assert dependencies.add_dependency_folder_to_path(folder) == folder
    assert dependencies.add_dependency_folder_to_path(folder) == folder
    assert sys.path.count(str(folder)) == 1 and sys.path[-1] == str(folder), "last: QGIS's packages win"
    finders = [f for f in sys.meta_path if isinstance(f, dependencies.TorchFirst)]
    assert [f.folder for f in finders] == [str(folder)], "one torch-first finder, however often it is added"
    import siamcrnn_fake_dependency

    assert siamcrnn_fake_dependency.VALUE == 7
    del sys.modules["siamcrnn_fake_dependency"]


IMPORT_AFTER_ADDING = """
import sys
from siamcrnn_qgis.dependencies import add_dependency_folder_to_path
add_dependency_folder_to_path(sys.argv[1])
import jinja2, torch
print(jinja2.__version__, jinja2.__file__)
print(torch.__version__, torch.__file__)
"""


def fake_package(folder: Path, name: str, version: str, extra: dict | None = None) -> Path:
    package = folder / name
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(f"__version__ = {version!r}\n")
    for module, text in (extra or {}).items():
        (package / module).write_text(text)
    return package


def test_the_dependency_folder_never_shadows_packages_qgis_already_has(tmp_path):
    """What pip brought along with torch (here an older fake jinja2; jinja2 is installed system-wide, as it
    is with QGIS on Debian) does not replace the interpreter's own; the folder's torch, however, is the one
    imported (a CUDA build installed there must win over a CPU-only torch of the system), submodules too."""
    import jinja2

    folder = tmp_path / "deps"
    fake_package(folder, "jinja2", "0.0-fake")
    fake_package(folder, "torch", "0.0-fake-cuda", {"cuda.py": "BUILD = 'folder'\n"})
    script = IMPORT_AFTER_ADDING + "import torch.cuda\nprint(torch.cuda.BUILD)"
    completed = subprocess.run([sys.executable, "-c", script, str(folder)], cwd=Path(dependencies.__file__).parents[1],
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    jinja_line, torch_line, build = completed.stdout.splitlines()
    assert jinja_line == f"{jinja2.__version__} {jinja2.__file__}", "the interpreter's own jinja2"
    assert torch_line == f"0.0-fake-cuda {folder / 'torch' / '__init__.py'}" and build == "folder"


def test_a_folder_without_torch_leaves_the_systems_torch(tmp_path):
    import torch

    folder = tmp_path / "deps"
    fake_package(folder, "jinja2", "0.0-fake")
    completed = subprocess.run([sys.executable, "-c", IMPORT_AFTER_ADDING, str(folder)],
                               cwd=Path(dependencies.__file__).parents[1], capture_output=True, text=True,
                               timeout=120)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.splitlines()[1] == f"{torch.__version__} {torch.__file__}"


QGIS_PYTHON = ((3, 12, 4), "/qgis/prefix")  # the Python the (imagined) QGIS runs


def reports(*interpreters: Path, as_qgis=QGIS_PYTHON, others=((3, 11, 7), "/home/me/.pyenv/versions/3.11.7")):
    """A stand-in for running each candidate: the given files report QGIS's Python, any other file another."""
    chosen = {str(path) for path in interpreters}
    return lambda python: as_qgis if python in chosen else others


def find(platform: str, executable: Path, exec_prefix: Path, *qgis_pythons: Path) -> str | None:
    return dependencies.find_python_interpreter(platform, str(executable), str(exec_prefix), expected=QGIS_PYTHON,
                                                identify=reports(*qgis_pythons))


def test_interpreter_on_linux_is_sys_executable_when_it_is_qgis_python(tmp_path):
    python = _touch(tmp_path / "bin" / "python3.11")
    assert find("linux", python, tmp_path, python) == str(python)


def test_a_python_first_on_path_that_is_another_python_is_skipped(tmp_path):
    """sys.executable is a pyenv shim found first on PATH (3.11.7); QGIS runs the one under its prefix."""
    shim = _touch(tmp_path / "home" / ".pyenv" / "shims" / "python3")
    own = _touch(tmp_path / "usr" / "bin" / "python3")
    assert find("linux", shim, tmp_path / "usr", own) == str(own)
    assert find("linux", shim, tmp_path / "usr") is None  # nothing matches: refuse rather than guess


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_interpreter_is_never_the_qgis_binary(tmp_path, platform):
    if platform == "win32":  # OSGeo4W: C:\OSGeo4W\bin\qgis-bin.exe, exec_prefix C:\OSGeo4W\apps\Python312
        qgis_binary = _touch(tmp_path / "bin" / "qgis-bin.exe")
        prefix = tmp_path / "apps" / "Python312"
        expected = _touch(prefix / "python.exe")
        _touch(prefix / "python3.exe")  # another interpreter there, but not QGIS's: skipped
    else:  # QGIS.app/Contents/MacOS/QGIS, Python in the app's framework
        qgis_binary = _touch(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "QGIS")
        prefix = tmp_path / "QGIS.app" / "Contents" / "Frameworks" / "Python.framework" / "Versions" / "Current"
        _touch(prefix / "bin" / "python3.12")
        expected = _touch(prefix / "bin" / "python3")
    found = find(platform, qgis_binary, prefix, expected, qgis_binary)
    assert found == str(expected)
    assert found != str(qgis_binary)


def test_interpreter_on_macos_next_to_the_app_binary(tmp_path):
    qgis_binary = _touch(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "QGIS")
    expected = _touch(tmp_path / "QGIS.app" / "Contents" / "MacOS" / "bin" / "python3")
    assert find("darwin", qgis_binary, tmp_path / "nowhere", expected) == str(expected)


def test_interpreter_not_found_is_none(tmp_path):
    qgis_binary = _touch(tmp_path / "qgis-bin.exe")
    assert find("win32", qgis_binary, tmp_path / "apps") is None


def test_a_real_python3_first_on_path_is_not_chosen(tmp_path, monkeypatch):
    """Really run: a python3 script first on PATH that reports another version; the interpreter chosen is
    this Python's own, and the install plan names it."""
    from siamcrnn_qgis.gui.installer import plan_installation

    shims = tmp_path / "shims"
    shims.mkdir()
    shim = shims / "python3"
    shim.write_text("#!/bin/sh\necho 3 99 1\necho /opt/other-python\n")
    shim.chmod(0o755)
    monkeypatch.setenv("PATH", f"{shims}{os.pathsep}{os.environ['PATH']}")
    assert shutil.which("python3") == str(shim)
    found = dependencies.find_python_interpreter("linux", str(shim), sys.exec_prefix)
    assert found is not None and found != str(shim)
    assert dependencies.interpreter_identity(found) == ((tuple(sys.version_info[:3])), sys.prefix)
    plan = plan_installation("cpu", folder=tmp_path / "deps", python=found)
    assert plan.command[0] == found
    with pytest.raises(RuntimeError, match=r"is Python 3\.99\.1 \(/opt/other-python\), but QGIS runs Python"):
        plan_installation("cpu", folder=tmp_path / "deps", python=str(shim))


def test_constraints_pin_every_distribution_the_interpreter_has(tmp_path, monkeypatch):
    import importlib.metadata

    import jinja2
    import numpy

    folder = dependencies.dependency_folder(tmp_path)
    ours = folder / "siamcrnn_fake_dist-1.0.dist-info"  # what an earlier install put there: may be upgraded
    ours.mkdir(parents=True)
    (ours / "METADATA").write_text("Metadata-Version: 2.1\nName: siamcrnn-fake-dist\nVersion: 1.0\n")
    monkeypatch.setattr(sys, "path", [*sys.path, str(folder)])
    assert importlib.metadata.version("siamcrnn-fake-dist") == "1.0"
    constraints = dependencies.write_constraints_file(folder)
    lines = constraints.read_text().splitlines()
    assert f"numpy=={numpy.__version__}" in lines and f"jinja2=={jinja2.__version__}" in lines
    expected = {dependencies.re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower()
                for d in importlib.metadata.distributions() if d.metadata["Name"]}
    expected -= {"torch", "siamcrnn-fake-dist"}
    pinned = {line.split("=", 1)[0] for line in lines}
    assert pinned == expected, (sorted(expected - pinned)[:5], sorted(pinned - expected)[:5])
    assert not [line for line in lines if line.startswith("torch=")], "torch itself may be replaced (CUDA)"
    assert [line.split("=", 1)[0] for line in lines] == sorted(pinned) and len(pinned) > 10  # one line each
    assert not constraints.is_relative_to(folder), "outside the folder on sys.path"


def test_constraint_lines_for_odd_versions():
    assert dependencies.constraint_lines({
        "numpy": "1.24.2", "torch": "2.13.0+cpu", "python-apt": "2.6.0", "local": "2.0+cpu", "debian": "1.0-ubuntu1",
        "nonsense": "unknown", "injected": "1.0; os_name == 'nt'", "bad-name-": "1.0",
    }) == ["debian===1.0-ubuntu1", "local==2.0+cpu", "nonsense===unknown", "numpy==1.24.2", "python-apt==2.6.0"]


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


# ---- Triton beside a system LLVM (QGIS 3.40 desktop on Debian 13 died on signal 11 in Train) -------------
MESA_MAPS = """\
55d0c2a4e000-55d0c2a5a000 r--p 00000000 08:01 1316 /usr/bin/qgis.bin
7f3a10000000-7f3a12b4c000 r-xp 00000000 08:01 2270 /usr/lib/x86_64-linux-gnu/libLLVM.so.19.1
7f3a14000000-7f3a14021000 rw-p 00000000 00:00 0
7f3a16000000-7f3a16a00000 r-xp 00000000 08:01 2291 /usr/lib/x86_64-linux-gnu/libgallium-25.0.7-1.so
"""


def _maps(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "maps"
    path.write_text(text)
    return path


def test_triton_is_kept_out_when_a_system_llvm_is_loaded(tmp_path, monkeypatch):
    monkeypatch.delitem(sys.modules, "triton", raising=False)  # restored by monkeypatch afterwards
    said = dependencies.keep_triton_from_system_llvm(_maps(tmp_path, MESA_MAPS), triton_installed=True)
    assert said is not None and "/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1" in said and "Triton" in said
    assert sys.modules["triton"] is None
    with pytest.raises(ImportError):
        import triton  # noqa: F401
    import importlib.util

    assert importlib.util.find_spec("triton") is None  # what torch._native asks: "not installed"
    assert dependencies.keep_triton_from_system_llvm(_maps(tmp_path, MESA_MAPS), triton_installed=True) is None


def test_triton_is_left_alone_without_a_system_llvm_or_without_triton(tmp_path, monkeypatch):
    monkeypatch.delitem(sys.modules, "triton", raising=False)
    plain = MESA_MAPS.replace("libLLVM.so.19.1", "libz.so.1")
    # Triton's own library carries LLVM inside; it is no system LLVM
    own = plain + "7f3a18000000-7f3a1c000000 r-xp 00000000 08:01 99 /venv/site-packages/triton/_C/libtriton.so\n"
    assert dependencies.keep_triton_from_system_llvm(_maps(tmp_path, own), triton_installed=True) is None
    assert dependencies.keep_triton_from_system_llvm(_maps(tmp_path, MESA_MAPS), triton_installed=False) is None
    assert dependencies.keep_triton_from_system_llvm(tmp_path / "no-maps", triton_installed=True) is None  # Windows
    assert "triton" not in sys.modules


def test_a_loaded_llvm_is_seen_in_the_real_process_map(tmp_path):
    if not Path(dependencies.PROCESS_MAPS).exists():
        pytest.skip("no /proc/self/maps on this system")
    libraries = sorted(Path("/usr/lib").glob("*/libLLVM*.so*")) + sorted(Path("/usr/lib").glob("libLLVM*.so*"))
    if not libraries:
        pytest.skip("no system LLVM library to load (Mesa's OpenGL brings one)")
    script = ("import ctypes, sys; from siamcrnn_qgis import dependencies as d; assert d.system_llvm_loaded() is None; "
              f"ctypes.CDLL({str(libraries[0])!r}); print(d.system_llvm_loaded())")
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                           cwd=Path(__file__).resolve().parents[2])
    assert found.returncode == 0, found.stderr
    assert Path(found.stdout.strip()).resolve() == libraries[0].resolve()
