"""The plugin's GDAL calls say how they want errors, and never change anybody else's setting.

QGIS and other plugins share the process's GDAL bindings. Whatever they chose (exceptions on, off, or
nothing, which GDAL >= 3.9 warns about), the plugin's io functions must give the same results and the same
messages, leave gdal/ogr/osr's setting as it was, and never be the call that makes GDAL 3.9+ warn that
"Neither gdal.UseExceptions() nor gdal.DontUseExceptions() has been explicitly called". Each setting runs
in a fresh interpreter, because the setting and that warning (given once) are process-wide.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from osgeo import gdal

from .gdal_call_sites import call_sites, decorated

REPO_ROOT = Path(__file__).resolve().parents[2]
IO_PACKAGE = REPO_ROOT / "siamcrnn_qgis" / "io"

CHILD = r'''
import json, os, sys, warnings
from pathlib import Path
sys.path.insert(0, sys.argv[1])
setting, folder = sys.argv[2], Path(sys.argv[3])
warnings.simplefilter("always")
from osgeo import gdal, ogr, osr
if setting == "on":
    gdal.UseExceptions(); ogr.UseExceptions(); osr.UseExceptions()
elif setting == "off":
    gdal.DontUseExceptions(); ogr.DontUseExceptions(); osr.DontUseExceptions()
import numpy as np
from siamcrnn_qgis.core.errors import InputError
from siamcrnn_qgis.io._gdal import plugin_gdal
from siamcrnn_qgis.io.labels import create_label_layer, rasterize_labels
from siamcrnn_qgis.io.raster import GdalRasterSource, read_grid
from tests.io.builders import srs_wkt, write_raster

def modes():
    specified = getattr(gdal, "_UserHasSpecifiedIfUsingExceptions", lambda: None)()
    return [m.GetUseExceptions() for m in (gdal, ogr, osr)] + [specified]

before = modes()
with plugin_gdal():  # the inputs, written the plugin's way so that only the calls below are tested
    t1 = write_raster(folder / "t1.tif", np.arange(64 * 48, dtype=np.float32).reshape(48, 64))
    truncated = write_raster(folder / "truncated.tif", np.ones((256, 256), dtype=np.float32))
    utm = srs_wkt(32651)  # osr.SpatialReference() itself warns when nothing is specified
(folder / "text.tif").write_text("not a raster")
with open(truncated, "r+b") as handle:
    handle.truncate(os.path.getsize(truncated) // 2)

def outcome(call):
    try:
        result = call()
    except InputError as error:
        return "InputError: " + str(error).replace(str(folder), "<tmp>")
    return result

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    grid = read_grid(t1)
    results = {
        "grid": outcome(lambda: [grid.width, grid.height, list(grid.geotransform)]),
        "read": outcome(lambda: float(GdalRasterSource(t1).read(0, 0, 64, 48)[0].sum())),
        "text file": outcome(lambda: read_grid(folder / "text.tif")),
        "missing file": outcome(lambda: read_grid(folder / "missing.tif")),
        "truncated file": outcome(lambda: GdalRasterSource(truncated).read(0, 0, 256, 256)),
        "label layer": outcome(lambda: Path(create_label_layer(folder / "labels.gpkg", utm)).name),
        "wrong field": outcome(lambda: rasterize_labels(folder / "labels.gpkg", grid, field="nosuchfield")),
    }
warned = [f"{w.category.__name__}: {w.message} ({w.filename}:{w.lineno})" for w in caught
          if issubclass(w.category, (DeprecationWarning, FutureWarning))]
after = modes()
# Can this interpreter's GDAL warn at all? (3.9+: a bare call with nothing specified does, once.)
gdal_warns = None
if setting == "unset" and hasattr(gdal, "_WarnIfUserHasNotSpecifiedIfUsingExceptions"):
    with warnings.catch_warnings(record=True) as bare:
        warnings.simplefilter("always")
        gdal.OpenEx(str(folder / "missing.tif"))
    gdal_warns = any("UseExceptions" in str(w.message) for w in bare)
json.dump({"before": before, "after": after, "results": results, "warned": warned,
           "gdal_warns": gdal_warns}, sys.stdout)
'''


def run_child(setting: str, folder: Path) -> dict:
    folder.mkdir()
    completed = subprocess.run(
        [sys.executable, "-c", CHILD, str(REPO_ROOT), setting, str(folder)],
        capture_output=True, text=True, timeout=120, cwd=REPO_ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, dict]:
    base = tmp_path_factory.mktemp("gdal_settings")
    return {setting: run_child(setting, base / setting) for setting in ("on", "off", "unset")}


@pytest.mark.parametrize("setting", ["on", "off", "unset"])
def test_process_wide_setting_is_left_as_it_was(outcomes, setting):
    outcome = outcomes[setting]
    assert outcome["after"] == outcome["before"], outcome
    expected = {"on": 1, "off": 0, "unset": 0}[setting]
    assert outcome["before"][:3] == [expected] * 3, outcome


@pytest.mark.parametrize("setting", ["on", "off", "unset"])
def test_plugin_calls_raise_no_deprecation_or_future_warning(outcomes, setting):
    outcome = outcomes[setting]
    assert outcome["warned"] == [], outcome["warned"]
    if setting == "unset" and outcome["gdal_warns"] is not None:
        # This GDAL does warn about a call made with nothing specified: the check above could fail.
        assert outcome["gdal_warns"] is True


def test_errors_are_the_plugins_messages_whatever_the_setting(outcomes):
    results = {setting: outcome["results"] for setting, outcome in outcomes.items()}
    assert results["on"] == results["off"] == results["unset"], json.dumps(results, indent=1)
    result = results["off"]
    assert result["grid"] == [64, 48, [500000.0, 10.0, 0.0, 3600000.0, 0.0, -10.0]]
    assert result["read"] == pytest.approx(sum(range(64 * 48)), rel=1e-6)
    assert result["text file"] == (
        "InputError: Could not open <tmp>/text.tif as a raster: GDAL does not recognise its format; check "
        "the file is a readable GeoTIFF, PNG, JPEG or other raster format GDAL supports."
    )
    assert result["missing file"].startswith("InputError: Could not open <tmp>/missing.tif as a raster: "
                                             "the file does not exist")
    assert result["truncated file"].startswith("InputError: Could not read pixels 0,0 to 256,256 of "
                                               "<tmp>/truncated.tif: ")
    assert result["truncated file"].endswith("the file may be damaged or truncated.")
    assert result["label layer"] == "labels.gpkg"
    assert result["wrong field"].startswith("InputError: The label layer labels.gpkg (layer labels) has no "
                                            "field 'nosuchfield'")


def test_this_process_keeps_its_setting_across_plugin_calls(tmp_path):
    """In the test process itself, on whatever setting it has (QGIS's, or none)."""
    from siamcrnn_qgis.io.raster import read_grid

    from .builders import write_raster

    before = gdal.GetUseExceptions()
    import numpy as np

    path = write_raster(tmp_path / "a.tif", np.zeros((4, 4), dtype=np.float32))
    assert read_grid(path).width == 4
    assert gdal.GetUseExceptions() == before


def test_every_gdal_call_site_in_io_says_how_it_wants_errors():
    sites = [(path, function, name) for path in sorted(IO_PACKAGE.glob("*.py")) if path.name != "_gdal.py"
             for function, name in call_sites(path)]
    assert len(sites) > 20, "the reader found too few GDAL call sites: is it broken?"
    missing = [f"{path.relative_to(REPO_ROOT)}:{function.lineno}: {name}" for path, function, name in sites
               if not decorated(function)]
    assert missing == [], "GDAL call sites without @uses_gdal:\n" + "\n".join(missing)


def test_call_site_reader_finds_gdal_calls_and_only_them():
    source = '''
from osgeo import gdal
def opens(path):
    return gdal.OpenEx(path)
def reads(band):
    return band.ReadAsArray()
def callback_inside(dataset):
    def report(done, message, data):
        dataset.FlushCache()
        return 1
    return report
def pure(path: gdal.Dataset) -> gdal.Dataset:
    return os.path.join(path, CONSTANT.upper())
'''
    names = [name for _, name in call_sites(Path("x.py"), source)]
    assert names == ["opens", "reads", "callback_inside"]
