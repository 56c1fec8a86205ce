"""Outputs appear complete or not at all: GeoTiffWriter, atomic_file, check_output_path, sidecars."""

from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import replace

import numpy as np
import pytest
from osgeo import gdal

from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.io.writer import (
    GeoTiffWriter,
    all_or_nothing,
    atomic_file,
    check_output_path,
    remove_stale_temporaries,
    write_style_sidecar,
)

from .builders import utm_grid, write_raster


def _names(folder) -> list[str]:
    return sorted(os.listdir(folder))


def test_geotiff_is_written_under_a_temporary_name_then_renamed(tmp_path):
    grid = utm_grid(300, 200)
    target = tmp_path / "probability.tif"
    writer = GeoTiffWriter(target, grid, "float32", nodata=-1.0, band_name="change probability")
    temporary = writer.temporary_path
    assert temporary.parent == tmp_path and temporary.name.startswith(".probability.partial-")
    writer.set_metadata({"SIAMCRNN_MODEL": "/models/m.siamcrnn", "SIAMCRNN_THRESHOLD": 0.5})
    writer.write(0, 0, np.full((200, 256), 0.25, np.float32))
    writer.write(256, 0, np.full((200, 44), 0.75, np.float32))
    assert _names(tmp_path) == [temporary.name]  # nothing under the final name yet
    assert writer.finalize(style="probability.qml") == str(target)
    assert _names(tmp_path) == ["probability.qml", "probability.tif"]

    dataset = gdal.Open(str(target))
    band = dataset.GetRasterBand(1)
    assert (dataset.RasterXSize, dataset.RasterYSize) == (300, 200)
    assert dataset.GetGeoTransform() == pytest.approx(grid.geotransform)
    assert replace(grid, crs_wkt=dataset.GetProjection()).same_grid(grid)
    assert band.DataType == gdal.GDT_Float32 and band.GetNoDataValue() == -1.0
    assert band.GetBlockSize() == [256, 256] and band.GetDescription() == "change probability"
    structure = dataset.GetMetadata("IMAGE_STRUCTURE")
    assert structure["COMPRESSION"] == "DEFLATE" and structure["PREDICTOR"] == "3"
    assert dataset.GetMetadataItem("SIAMCRNN_MODEL") == "/models/m.siamcrnn"
    assert band.GetOverviewCount() == 0  # small raster
    assert band.GetMetadataItem("STATISTICS_MAXIMUM") is not None
    values = band.ReadAsArray()
    assert values[0, 0] == 0.25 and values[-1, -1] == 0.75


def test_large_uint8_output_gets_internal_nearest_overviews(tmp_path):
    grid = utm_grid(1100, 300)
    with GeoTiffWriter(tmp_path / "change.tif", grid, "uint8", nodata=255) as writer:
        writer.write(0, 0, np.tile(np.array([0, 1, 255], np.uint8), (300, 1100 // 3 + 1))[:, :1100])
        writer.finalize()
    dataset = gdal.Open(str(tmp_path / "change.tif"))
    band = dataset.GetRasterBand(1)
    assert dataset.GetMetadata("IMAGE_STRUCTURE")["PREDICTOR"] == "2"
    assert band.GetOverviewCount() >= 2 and band.GetNoDataValue() == 255
    assert set(np.unique(band.GetOverview(0).ReadAsArray())) <= {0, 1, 255}  # nearest, no blending
    assert _names(tmp_path) == ["change.tif"]  # overviews are internal, no .ovr
    overview = gdal.Open(f"GTIFF_DIR:2:{tmp_path / 'change.tif'}")
    assert overview.GetMetadata("IMAGE_STRUCTURE")["COMPRESSION"] == "DEFLATE"


def test_exception_while_writing_leaves_nothing_and_keeps_the_old_output(tmp_path):
    target = tmp_path / "change.tif"
    target.write_bytes(b"previous result")
    with pytest.raises(RuntimeError, match="cancelled"):
        with GeoTiffWriter(target, utm_grid(), "uint8", nodata=255) as writer:
            writer.write(0, 0, np.zeros((30, 40), np.uint8))
            raise RuntimeError("cancelled")
    assert _names(tmp_path) == ["change.tif"] and target.read_bytes() == b"previous result"


def test_abort_and_unfinalized_exit_leave_nothing(tmp_path):
    writer = GeoTiffWriter(tmp_path / "a.tif", utm_grid(), "float32", nodata=float("nan"))
    writer.write(0, 0, np.zeros((30, 40), np.float32))
    with pytest.raises(ValueError, match="outside"):
        writer.write(30, 0, np.zeros((30, 40), np.float32))
    writer.abort()
    with GeoTiffWriter(tmp_path / "b.tif", utm_grid(), "float32", nodata=float("nan")):
        pass
    assert _names(tmp_path) == []
    with pytest.raises(ValueError, match="already finalized or aborted"):
        writer.write(0, 0, np.zeros((1, 1), np.float32))


def test_existing_output_is_replaced_on_success_and_stale_aux_removed(tmp_path):
    target = tmp_path / "change.tif"
    target.write_bytes(b"previous result")
    (tmp_path / "change.tif.aux.xml").write_text("<PAMDataset/>")
    with GeoTiffWriter(target, utm_grid(), "uint8", nodata=255) as writer:
        writer.write(0, 0, np.ones((30, 40), np.uint8))
        writer.finalize()
    assert gdal.Open(str(target)).ReadAsArray().min() == 1
    assert "change.tif.aux.xml" not in _names(tmp_path)


def test_nan_nodata_for_probabilities(tmp_path):
    with GeoTiffWriter(tmp_path / "p.tif", utm_grid(), "float32", nodata=float("nan")) as writer:
        block = np.full((30, 40), np.nan, np.float32)
        block[0, 0] = 0.9
        writer.write(0, 0, block)
        writer.finalize()
    assert np.isnan(gdal.Open(str(tmp_path / "p.tif")).GetRasterBand(1).GetNoDataValue())


def test_check_output_path_errors(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="does not exist: create it"):
        check_output_path(tmp_path / "missing" / "out.tif")
    with pytest.raises(InputError, match="is a folder"):
        check_output_path(tmp_path)
    check_output_path(tmp_path / "out.tif")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(InputError, match="Cannot write in the output folder .*Permission denied"):
        check_output_path(tmp_path / "out.tif")
    assert _names(tmp_path) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind")
def test_read_only_folder_is_refused(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        with pytest.raises(InputError, match="Cannot write in the output folder"):
            GeoTiffWriter(locked / "out.tif", utm_grid(), "uint8", nodata=255)
    finally:
        locked.chmod(0o755)


def test_atomic_file_publishes_on_success_only(tmp_path):
    target = tmp_path / "report.html"
    with atomic_file(target) as temporary:
        assert os.path.dirname(temporary) == str(tmp_path) and temporary.endswith(".html")
        with open(temporary, "w") as handle:
            handle.write("<html>new</html>")
        assert not target.exists()
    assert target.read_text() == "<html>new</html>"
    with pytest.raises(KeyError):
        with atomic_file(target) as temporary:
            with open(temporary, "w") as handle:
                handle.write("half")
            raise KeyError("boom")
    assert target.read_text() == "<html>new</html>" and _names(tmp_path) == ["report.html"]


def test_atomic_file_without_extension_and_with_companions(tmp_path):
    target = tmp_path / "model"
    with atomic_file(target) as temporary:
        with open(temporary, "wb") as handle:
            handle.write(b"weights")
        with open(temporary + ".aux.xml", "w") as handle:
            handle.write("<x/>")
    assert _names(tmp_path) == ["model", "model.aux.xml"]


def test_style_sidecar_sits_beside_the_output(tmp_path):
    sidecar = write_style_sidecar(tmp_path / "result.v2.tif", "change.qml")
    assert sidecar == str(tmp_path / "result.v2.qml")
    assert "paletted" in (tmp_path / "result.v2.qml").read_text()
    with pytest.raises(FileNotFoundError, match="style nothing.qml is missing"):
        write_style_sidecar(tmp_path / "x.tif", "nothing.qml")


def _dead_pid() -> int:
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_temporaries_of_killed_runs_are_removed_by_the_next_write(tmp_path):
    """A process killed outright leaves its hidden temporary file; the next write of that output removes it,
    and leaves alone the temporaries of running processes and of other outputs."""
    dead = _dead_pid()
    stale = [tmp_path / f".probability.partial-{dead}-0123abcd.tif",
             tmp_path / f".probability.partial-{dead}-0123abcd.tif.aux.xml"]
    alive = tmp_path / f".probability.partial-{os.getpid()}-89abcdef.tif"  # this process: still writing
    other = tmp_path / f".change.partial-{dead}-0123abcd.tif"  # another output's: left to its own next write
    for path in [*stale, alive, other]:
        path.write_bytes(b"partial")
    with GeoTiffWriter(tmp_path / "probability.tif", utm_grid(20, 10), "float32", nodata=-1.0) as writer:
        writer.write(0, 0, np.zeros((10, 20), np.float32))
        writer.finalize()
    assert _names(tmp_path) == sorted([alive.name, other.name, "probability.tif"])
    assert remove_stale_temporaries(tmp_path / "change.tif") == [other]
    assert not other.exists() and alive.exists()


@pytest.fixture(params=[(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=["022", "002", "077"])
def umask(request):
    """The process umask for one test (restored after) and the mode a new output should then have."""
    value, expected = request.param
    previous = os.umask(value)
    yield expected
    os.umask(previous)


def _modes(folder) -> dict[str, str]:
    return {name: oct(os.stat(os.path.join(folder, name)).st_mode & 0o777) for name in _names(folder)}


@pytest.mark.skipif(os.name == "nt", reason="no umask permission bits on Windows")
def test_every_output_follows_the_umask(tmp_path, umask):
    """GeoTIFF, style sidecar, report, GeoPackage (whose SQLite creates files 0o644 whatever the umask) and
    shapefile: each output gets 0o666 less the umask, like any file the user's programs make."""
    from siamcrnn_qgis.io.vectorize import polygonize_changes

    from .builders import write_raster

    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    out.mkdir()
    with GeoTiffWriter(out / "change.tif", utm_grid(20, 20), "uint8", nodata=255) as writer:
        writer.write(0, 0, np.eye(20, dtype=np.uint8))
        writer.finalize(style="change.qml")
    with atomic_file(out / "report.html") as temporary:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write("<html></html>")
    change = write_raster(inputs / "change.tif", np.eye(20, dtype=np.uint8), nodata=255)
    polygonize_changes(change, out / "polygons.gpkg")
    polygonize_changes(change, out / "polygons.shp")
    modes = _modes(out)
    assert {"change.tif", "change.qml", "report.html", "polygons.gpkg", "polygons.shp", "polygons.dbf"} <= set(modes)
    assert modes == dict.fromkeys(modes, oct(umask))


# ---- overviews and GDAL's process-wide block cache ------------------------------------------------------
@pytest.fixture
def cache_max():
    """GDAL's cache limit set to a recognisable value for the test, and put back afterwards."""
    before = gdal.GetCacheMax()
    gdal.SetCacheMax(300 * 2**20)
    yield 300 * 2**20
    gdal.SetCacheMax(before)


def _large_output(path, dtype="uint8"):
    """A finalized GeoTiffWriter output large enough to get overviews (side > OVERVIEW_THRESHOLD)."""
    with GeoTiffWriter(path, utm_grid(1100, 300), dtype, nodata=255) as writer:
        writer.write(0, 0, np.tile(np.array([0, 1, 255], np.uint8), (300, 1100 // 3 + 1))[:, :1100])
        return writer.finalize()


def _around_overview_builds(monkeypatch, around):
    """Make the writer call ``around(build, *args, **kwargs)`` instead of each BuildOverviews it runs
    through gdal_call (the SWIG class itself is left alone: patching it from threads is not safe)."""
    from siamcrnn_qgis.io import writer

    original = writer.gdal_call

    def calling(function, *args, **kwargs):
        if getattr(function, "__name__", "") == "BuildOverviews":
            return around(lambda *a, **k: original(function, *a, **k), *args, **kwargs)
        return original(function, *args, **kwargs)

    monkeypatch.setattr(writer, "gdal_call", calling)


def test_concurrent_overview_builds_leave_gdal_cache_limit_as_it_was(tmp_path, monkeypatch, cache_max):
    """Two detections finishing at once: the second starts finalizing once the first is building its
    overviews, and the first ends first (the order in which saving and restoring the process-wide limit
    loses it)."""
    arrivals, limits, problems = [], [], []
    first_started, second_started, first_done = threading.Event(), threading.Event(), threading.Event()
    lock = threading.Lock()

    def overlapping(build, *args, **kwargs):
        with lock:
            order = len(arrivals)
            arrivals.append(order)
        if order == 0:
            first_started.set()
            if not second_started.wait(60):
                problems.append("the second build never started")
        if order == 1:
            second_started.set()
            if not first_done.wait(60):
                problems.append("the first build never finished")
        limits.append(gdal.GetCacheMax())
        try:
            return build(*args, **kwargs)
        finally:
            if order == 0:
                first_done.set()

    _around_overview_builds(monkeypatch, overlapping)

    def finish(name):
        try:
            _large_output(tmp_path / name)
        except Exception as exc:  # reported below, in the test's thread
            problems.append(repr(exc))

    threads = [threading.Thread(target=finish, args=(f"change{i}.tif",)) for i in range(2)]
    threads[0].start()
    if not first_started.wait(60):
        problems.append("the first build never started")
    threads[1].start()
    for thread in threads:
        thread.join()
    assert problems == [] and arrivals == [0, 1]
    assert gdal.GetCacheMax() == cache_max
    assert limits == [cache_max, cache_max]  # nobody else's blocks were squeezed meanwhile either
    for i in range(2):
        dataset = gdal.Open(str(tmp_path / f"change{i}.tif"))  # held while its band is used
        band = dataset.GetRasterBand(1)
        assert band.GetOverviewCount() >= 2
        assert set(np.unique(band.GetOverview(0).ReadAsArray())) <= {0, 1, 255}


def test_overviews_do_not_keep_the_raster_in_gdal_block_cache(tmp_path, monkeypatch, cache_max):
    """With a cache limit far above the raster, building overviews still leaves GDAL's block cache holding
    little more than a row of blocks, not the 16 MiB full-resolution band."""
    cached_after_build = []

    def measured(build, *args, **kwargs):
        result = build(*args, **kwargs)
        cached_after_build.append(gdal.GetCacheUsed())
        return result

    _around_overview_builds(monkeypatch, measured)
    side = 2048
    with GeoTiffWriter(tmp_path / "p.tif", utm_grid(side, side), "float32", nodata=-1.0) as writer:
        for y in range(0, side, 512):
            for x in range(0, side, 512):
                writer.write(x, y, np.full((512, 512), (x + y) / (2 * side), np.float32))
        writer.finalize()
    assert len(cached_after_build) == 1
    assert cached_after_build[0] < 8 * 2**20  # the band alone is 16 MiB
    dataset = gdal.Open(str(tmp_path / "p.tif"))
    overview = dataset.GetRasterBand(1).GetOverview(0).ReadAsArray()
    assert overview.shape == (side // 2, side // 2)
    np.testing.assert_allclose(overview[0, 0], 0.0, atol=1e-7)
    np.testing.assert_allclose(overview[-1, -1], (1536 + 1536) / (2 * side), rtol=1e-6)


# ---- several outputs published as one set ---------------------------------------------------------------
def _old_outputs(folder):
    """Outputs of an earlier run: two GeoTIFFs (values 7 and 8), their styles, a PAM sidecar, a report."""
    write_raster(folder / "probability.tif", np.full((30, 40), 7, np.uint8), nodata=255)
    write_raster(folder / "change.tif", np.full((30, 40), 8, np.uint8), nodata=255)
    (folder / "probability.qml").write_text("old probability style")
    (folder / "change.qml").write_text("old change style")
    (folder / "change.tif.aux.xml").write_text("<PAMDataset>old</PAMDataset>")
    (folder / "report.html").write_text("old report")
    return {name: (folder / name).read_bytes() for name in _names(folder)}


def _new_writers(folder):
    writers = []
    for name in ("probability.tif", "change.tif"):
        writer = GeoTiffWriter(folder / name, utm_grid(), "uint8", nodata=255)
        writer.write(0, 0, np.ones((30, 40), np.uint8))
        writer.finalize(publish=False)
        writers.append(writer)
    return writers


def _value(path) -> int:
    return int(gdal.Open(str(path)).ReadAsArray()[0, 0])


def test_second_publish_failing_keeps_every_older_output(tmp_path):
    old = _old_outputs(tmp_path)
    probability, change = _new_writers(tmp_path)
    with pytest.raises(InputError, match="Could not save .*change.tif"):
        with all_or_nothing() as published:
            published.append(probability.publish(style="probability.qml"))
            assert _value(tmp_path / "probability.tif") == 1  # the new one is in place meanwhile
            change.temporary_path.unlink()  # e.g. removed by another program: it cannot be published
            published.append(change.publish(style="change.qml"))
    assert {name: (tmp_path / name).read_bytes() for name in _names(tmp_path)} == old
    assert _value(tmp_path / "probability.tif") == 7 and _value(tmp_path / "change.tif") == 8


def test_second_rename_failing_keeps_every_older_output(tmp_path, monkeypatch):
    """The operating system refuses the second output's rename (e.g. the file is locked on Windows)."""
    old = _old_outputs(tmp_path)
    probability, change = _new_writers(tmp_path)
    rename = os.replace

    def refusing(source, target):
        if os.fspath(source) == str(change.temporary_path):
            raise PermissionError(13, "Permission denied")
        return rename(source, target)

    with pytest.raises(InputError, match="Could not save .*change.tif .*Permission denied"):
        with all_or_nothing() as published:
            published.append(probability.publish(style="probability.qml"))
            monkeypatch.setattr(os, "replace", refusing)
            published.append(change.publish(style="change.qml"))
    monkeypatch.undo()
    assert {name: (tmp_path / name).read_bytes() for name in _names(tmp_path)} == old


def test_failure_after_the_last_publish_restores_the_whole_older_set(tmp_path):
    old = _old_outputs(tmp_path)
    probability, change = _new_writers(tmp_path)
    with pytest.raises(RuntimeError, match="cancelled"):
        with all_or_nothing() as published:
            published.append(probability.publish(style="probability.qml"))
            published.append(change.publish(style="change.qml"))
            with atomic_file(tmp_path / "report.html") as temporary:
                with open(temporary, "w") as handle:
                    handle.write("new report")
            published.append(str(tmp_path / "report.html"))
            assert (tmp_path / "report.html").read_text() == "new report"
            raise RuntimeError("cancelled")
    assert {name: (tmp_path / name).read_bytes() for name in _names(tmp_path)} == old


def test_successful_set_replaces_every_output_and_leaves_no_backup(tmp_path):
    _old_outputs(tmp_path)
    probability, change = _new_writers(tmp_path)
    with all_or_nothing() as published:
        published.append(probability.publish(style="probability.qml"))
        with all_or_nothing() as inner:  # a nested set belongs to the outer one
            inner.append(change.publish(style="change.qml"))
        with atomic_file(tmp_path / "report.html") as temporary:
            with open(temporary, "w") as handle:
                handle.write("new report")
        published.append(str(tmp_path / "report.html"))
    assert published == [str(tmp_path / "probability.tif"), str(tmp_path / "change.tif"),
                         str(tmp_path / "report.html")]
    assert _names(tmp_path) == ["change.qml", "change.tif", "probability.qml", "probability.tif", "report.html"]
    assert _value(tmp_path / "probability.tif") == 1 and _value(tmp_path / "change.tif") == 1
    assert "paletted" in (tmp_path / "change.qml").read_text()
    assert (tmp_path / "report.html").read_text() == "new report"


def test_backups_of_a_killed_run_are_removed_by_the_next_write(tmp_path):
    dead = _dead_pid()
    stale = tmp_path / f".change.tif.previous-{dead}-0123abcd"
    stale_sidecar = tmp_path / f".change.tif.aux.xml.previous-{dead}-0123abcd"
    alive = tmp_path / f".change.tif.previous-{os.getpid()}-89abcdef"
    for path in (stale, stale_sidecar, alive):
        path.write_bytes(b"an older change map")
    with GeoTiffWriter(tmp_path / "change.tif", utm_grid(20, 10), "uint8", nodata=255) as writer:
        writer.write(0, 0, np.zeros((10, 20), np.uint8))
        writer.finalize()
    assert _names(tmp_path) == sorted([alive.name, "change.tif"])

