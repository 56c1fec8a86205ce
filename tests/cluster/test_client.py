"""Connecting to a scheduler, and the interpreter a local cluster's workers are spawned with."""

from __future__ import annotations

import sys

import pytest

from siamcrnn_qgis.cluster import client as client_module
from siamcrnn_qgis.core.errors import InputError


def test_workers_get_an_interpreter_of_this_very_python(tmp_path, monkeypatch):
    impostor = tmp_path / "python3"  # e.g. a pyenv python3 first on the PATH, as QGIS's sys.executable
    impostor.write_text("#!/bin/sh\necho 3.99.0 (another build)\n", encoding="utf-8")
    impostor.chmod(0o755)
    real = client_module.worker_interpreter()
    assert real is not None
    monkeypatch.setattr(sys, "executable", str(impostor))
    found = client_module.worker_interpreter()
    assert found is not None and found != str(impostor)
    monkeypatch.setattr(client_module.subprocess, "run", lambda *a, **k: pytest.fail("no interpreter asked"))
    monkeypatch.setattr(sys, "executable", "/opt/qgis/bin/qgis")
    monkeypatch.setattr(sys, "base_exec_prefix", str(tmp_path / "nowhere"))
    monkeypatch.setattr("siamcrnn_qgis.dependencies.find_python_interpreter", lambda: None)
    assert client_module.worker_interpreter() is None
    with pytest.raises(InputError, match="cannot find a Python interpreter of the Python QGIS runs"):
        client_module.start_local_cluster(1)


def test_a_malformed_address_is_a_sentence():
    with pytest.raises(InputError, match="could not connect to the Dask scheduler at nowhere://x within 1 s"):
        with client_module.dask_client("nowhere://x", timeout=1):
            pass
