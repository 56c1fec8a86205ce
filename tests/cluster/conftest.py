"""A local Dask cluster of two worker processes for the cluster tests, small real pairs, model files,
and single-machine siamcrnn:detect references to compare with bit for bit."""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from ..conftest import require_data

#: Every cluster test must end well within this (the CI budget); the fixture's start is bounded too.
TIMEOUT = 120


@pytest.fixture(scope="session")
def dask_cluster():
    """Two single-threaded worker processes (nanny-managed, so a killed one comes back) on 127.0.0.1."""
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.CRITICAL, timeout=TIMEOUT)
    client = Client(cluster, timeout=TIMEOUT, set_as_default=False)
    client.wait_for_workers(2, timeout=TIMEOUT)
    yield cluster, client
    client.close(timeout=30)
    cluster.close(timeout=30)


@pytest.fixture
def client(dask_cluster):
    cluster, client = dask_cluster
    client.wait_for_workers(2, timeout=TIMEOUT)  # after a test that killed one, its nanny brings it back
    return client


def crop(source: Path, target: Path, window: tuple[int, int, int, int]) -> str:
    from osgeo import gdal

    dataset = gdal.Translate(str(target), str(source), srcWin=list(window))
    assert dataset is not None
    dataset = None
    return str(target)


@pytest.fixture(scope="session")
def pair_folder(tmp_path_factory) -> Path:
    """Crops of the Taizhou Landsat-7 pair (6 bands, EPSG:32651): 'a' 70×60 px, 'b' 48×40 px elsewhere,
    and 'warped', whose T2 is 'a''s reprojected to WGS 84 (so T2 is put back on T1's grid)."""
    from osgeo import gdal

    data = require_data("taizhou_landsat7")
    folder = tmp_path_factory.mktemp("pairs")
    for date in ("t1", "t2"):
        crop(data / f"{date}.tif", folder / f"a_{date}.tif", (100, 120, 70, 60))
        crop(data / f"{date}.tif", folder / f"b_{date}.tif", (250, 300, 48, 40))
    warped = gdal.Warp(str(folder / "warped_t2.tif"), str(folder / "a_t2.tif"), dstSRS="EPSG:4326")
    assert warped is not None
    warped = None
    return folder


def bounded_detect(client, pairs, model, out, settings, hooks=None):
    """detect_pairs, cancelled (so the test fails instead of hanging) if it is still going after TIMEOUT s."""
    from dataclasses import replace

    from siamcrnn_qgis.cluster.run import RunHooks, detect_pairs

    hooks = hooks or RunHooks()
    deadline = time.monotonic() + TIMEOUT
    asked = hooks.is_cancelled
    return detect_pairs(client, pairs, model, out, settings,
                        replace(hooks, is_cancelled=lambda: asked() or time.monotonic() > deadline))


def bounded(feedback=None):
    """A Processing feedback cancelled after TIMEOUT s (the run then fails instead of hanging)."""
    from qgis.core import QgsProcessingFeedback

    feedback = feedback or QgsProcessingFeedback()
    timer = threading.Timer(TIMEOUT, feedback.cancel)
    timer.daemon = True
    timer.start()
    return feedback


def write_pairs(path: Path, rows: list[str]) -> Path:
    path.write_text("t1,t2,name\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def model_files(tmp_path_factory) -> dict[str, str]:
    """Untrained, seeded patch and fcn models for 6-band pairs (the weights do not matter for equality), with
    a threshold of their own, as Train writes."""
    import torch

    from siamcrnn_qgis.core.fcn.model import FCNSiamCRNN
    from siamcrnn_qgis.core.modelfile import ModelMetadata, save_model
    from siamcrnn_qgis.core.normalisation import BandStatistics
    from siamcrnn_qgis.core.patch.model import PatchSiamCRNN

    folder = tmp_path_factory.mktemp("models")
    stats = BandStatistics(mean=[60.0] * 6, std=[20.0] * 6, count=1)
    paths = {}
    for name, network in (("patch", PatchSiamCRNN), ("fcn", FCNSiamCRNN)):
        torch.manual_seed(3)
        model = network(6, 6, shared=True)
        paths[name] = str(folder / f"{name}.safetensors")
        # the patch model smooths over 5×5 as Train's do, so windows must read their neighbours' pixels
        hyperparameters = {**model.hyperparameters(), **({"smoothing": 5} if name == "patch" else {})}
        save_model(paths[name], model, ModelMetadata(
            architecture=name, bands_t1=6, bands_t2=6, band_names_t1=["b"] * 6, band_names_t2=["b"] * 6,
            shared=True, stats_t1=stats, stats_t2=stats, hyperparameters=hyperparameters, threshold=0.45))
    return paths


def single_machine_detect(qgis_app, t1: str, t2: str, model: str, folder: Path, **parameters) -> dict:
    """siamcrnn:detect through Processing on one thread (the workers' count: CPU kernels may round
    differently with another number of threads), as arrays."""
    import torch
    from osgeo import gdal

    from ..processing.common import run

    folder.mkdir(parents=True, exist_ok=True)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        run("detect", {"T1": t1, "T2": t2, "MODEL": model, "DEVICE": "cpu", **parameters,
                       "OUTPUT_PROBABILITY": str(folder / "probability.tif"),
                       "OUTPUT_CHANGE": str(folder / "change.tif")})
    finally:
        torch.set_num_threads(threads)
    return {name: gdal.Open(str(folder / f"{name}.tif")).ReadAsArray() for name in ("probability", "change")}


@pytest.fixture(scope="session")
def references(qgis_app, pair_folder, model_files, tmp_path_factory) -> dict:
    """Single-machine siamcrnn:detect of each pair with the patch model (tile 16), and of 'a' with fcn (32)."""
    out = tmp_path_factory.mktemp("references")
    found = {}
    for name, t2 in (("a", "a_t2.tif"), ("b", "b_t2.tif"), ("warped", "warped_t2.tif")):
        t1 = "b_t1.tif" if name == "b" else "a_t1.tif"
        found[name] = single_machine_detect(qgis_app, str(pair_folder / t1), str(pair_folder / t2),
                                            model_files["patch"], out / name, TILE_SIZE=16)
    found["fcn"] = single_machine_detect(qgis_app, str(pair_folder / "a_t1.tif"), str(pair_folder / "a_t2.tif"),
                                         model_files["fcn"], out / "fcn", TILE_SIZE=32)
    return found


def read_outputs(folder: Path) -> dict[str, np.ndarray]:
    from osgeo import gdal

    return {name: gdal.Open(str(folder / f"{name}.tif")).ReadAsArray() for name in ("probability", "change")}


def final_names(folder: Path) -> list[str]:
    """Every file under ``folder`` that is not hidden (hidden = temporaries, parts, backups, the lock)."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*")
                  if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts))


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
