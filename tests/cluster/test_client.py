"""Connecting to a scheduler, and the interpreter a local cluster's workers are spawned with."""

from __future__ import annotations

import sys

import pytest

from siamcrnn_qgis.cluster import client as client_module
from siamcrnn_qgis.core.errors import InputError


def test_workers_get_an_interpreter_of_this_very_python(tmp_path, monkeypatch):
    """QGIS's sys.executable may be the first python3 on the PATH (a pyenv one): workers spawned with it
    could not import this Python's modules."""
    impostor = tmp_path / "python3"
    impostor.write_text("#!/bin/sh\necho '{\"version\": \"3.99.0\", \"prefix\": \"/elsewhere\"}'\n",
                        encoding="utf-8")
    impostor.chmod(0o755)
    monkeypatch.setattr(sys, "executable", str(impostor))
    spawned = []
    monkeypatch.setattr(client_module.multiprocessing, "set_executable", spawned.append)

    def not_started(**options):
        raise RuntimeError("the cluster itself is not started here")

    monkeypatch.setattr("distributed.LocalCluster", not_started)
    with pytest.raises(RuntimeError, match="not started here"):
        client_module.start_local_cluster(1)
    assert spawned and spawned[0] != str(impostor) and "python" in spawned[0]
    monkeypatch.setattr("siamcrnn_qgis.dependencies.find_python_interpreter", lambda: None)
    with pytest.raises(InputError, match="Cannot find a Python interpreter of the Python QGIS runs"):
        client_module.start_local_cluster(1)


def test_a_malformed_address_is_a_sentence():
    with pytest.raises(InputError, match="Could not connect to the Dask scheduler at nowhere://x within 1 s"):
        with client_module.dask_client("nowhere://x", timeout=1):
            pass
