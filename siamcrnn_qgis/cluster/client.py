"""A Dask client for a run: connected to a scheduler, or to a local cluster of worker processes started
here (closed again afterwards), with a clear sentence when the scheduler cannot be reached."""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import multiprocessing.spawn
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..core.errors import InputError

#: Seconds to wait for a scheduler to answer.
CONNECT_TIMEOUT = 10.0


def require_dask() -> None:
    from ..dependencies import dask_available, dask_install_command

    if not dask_available():
        raise InputError(f"Dask is not installed, and running on a cluster needs it: install it with "
                         f"{dask_install_command()}")


@contextmanager
def dask_client(scheduler: str | None, local_workers: int | None = None, timeout: float = CONNECT_TIMEOUT,
                log: Callable[[str], None] = lambda message: None, quiet: bool = True) -> Iterator:
    """A ``distributed.Client``: of the scheduler at ``scheduler`` (``tcp://host:8786`` or ``host:8786``), or,
    when it is empty, of a new local cluster of ``local_workers`` single-threaded worker processes on
    127.0.0.1 (as many as there are cores when None), closed on exit. Logs the dashboard's address when
    there is one. ``quiet`` keeps Dask's own log at errors only (worker restarts are expected here)."""
    require_dask()
    from distributed import Client

    if quiet:
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.ERROR)
    cluster = None
    if scheduler and scheduler.strip():
        address = scheduler.strip()
        try:
            client = Client(address, timeout=timeout, set_as_default=False)
        except (OSError, ValueError, TypeError) as error:
            raise InputError(f"could not connect to the Dask scheduler at {address} within {timeout:g} s ({error}): "
                             "check the address (tcp://HOST:8786), that the scheduler runs (dask scheduler) and "
                             "that this machine can reach its port") from None
        log(f"Connected to the Dask scheduler at {client.scheduler.address}")
    else:
        cluster = start_local_cluster(local_workers or os.cpu_count() or 1, quiet)
        client = Client(cluster, set_as_default=False)
        count = len(cluster.workers)
        log(f"Started a local Dask cluster of {count} worker process{'es' if count != 1 else ''} "
            f"(scheduler {cluster.scheduler_address})")
    try:
        if has_dashboard(client):
            log(f"Dask dashboard: {client.dashboard_link}")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def has_dashboard(client) -> bool:
    """Whether the scheduler serves the dashboard (it serves an HTTP page either way, but the dashboard
    itself only with bokeh installed)."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return False
        return bool(client.run_on_scheduler(lambda: importlib.util.find_spec("bokeh") is not None))
    except Exception:  # noqa: BLE001 (an old or locked-down scheduler: no address to show)
        return False


def start_local_cluster(workers: int, quiet: bool = True):
    """``workers`` single-threaded worker processes on 127.0.0.1 (each of its own PyTorch CPU thread),
    with the dashboard when bokeh is installed. Started from QGIS, whose executable is not a Python
    interpreter on every platform, the workers are spawned with QGIS's Python interpreter."""
    from distributed import LocalCluster

    if workers < 1:
        raise InputError(f"a local cluster needs at least 1 worker, got {workers}")
    from ..dependencies import dependency_folder, find_python_interpreter

    # Embedded in QGIS, sys.executable is QGIS itself or the first python3 on the PATH (maybe another Python,
    # whose workers could not load this one's modules): the interpreter must report this Python's identity.
    interpreter = find_python_interpreter()
    if interpreter is None:
        raise InputError(f"cannot find a Python interpreter of the Python QGIS runs ({sys.version.split()[0]}, "
                         f"looked in {sys.base_exec_prefix}), which a local cluster's workers run in: give the "
                         "address of a Dask scheduler instead")
    if interpreter != multiprocessing.spawn.get_executable():
        multiprocessing.set_executable(interpreter)
    environment = {}
    if dependency_folder().is_dir():
        environment["SIAMCRNN_DEPENDENCY_FOLDER"] = str(dependency_folder())
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address="127.0.0.1:0", env=environment,
                        silence_logs=logging.CRITICAL if quiet else logging.WARNING)
