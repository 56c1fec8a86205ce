"""Bad input, faults and cancel through the Processing algorithms: every case gives a message that says
what was wrong and how to fix it (or the documented recovery), no output is left behind, and the next
run works. Inputs are 32 × 32 rasters built in tmp_path, so the whole table runs in seconds."""

from __future__ import annotations

import json
import os
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from ..io.builders import PIXEL, UTM_GT, polygon, write_raster, write_vector
from .common import changed_fraction, files_in, read, run

SIZE = 32
BANDS = 3


class Recorder(QgsProcessingFeedback):
    """Keeps every message Processing and the algorithm report; optionally cancels at a progress value."""

    def __init__(self, cancel_at: float | None = None) -> None:
        super().__init__()
        self.messages: list[str] = []
        self.cancel_at = cancel_at

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802,N803 (QGIS API)
        self.messages.append(error)
        super().reportError(error, fatalError)

    def pushInfo(self, info: str) -> None:  # noqa: N802
        self.messages.append(info)
        super().pushInfo(info)

    def pushWarning(self, warning: str) -> None:  # noqa: N802
        self.messages.append(warning)
        super().pushWarning(warning)

    def setProgress(self, progress: float) -> None:  # noqa: N802
        super().setProgress(progress)
        if self.cancel_at is not None and progress >= self.cancel_at:
            self.cancel()

    @property
    def text(self) -> str:
        return "\n".join(self.messages)


# ---- inputs ---------------------------------------------------------------------------------------------
def pair_arrays(bands: int = BANDS, size: int = SIZE, dtype=np.float32, seed: int = 0):
    rng = np.random.default_rng(seed)
    t1 = (100 + 20 * rng.normal(size=(bands, size, size))).astype(dtype)
    t2 = t1.copy()
    t2[:, 8:20, 8:20] += np.asarray(60, dtype=dtype)
    return t1, t2


LABELS = [  # (pixel rectangle, class): several regions of each class, so a validation split exists
    ((9, 9, 19, 19), 1), ((10, 22, 18, 28), 1), ((1, 1, 6, 6), 0), ((22, 22, 30, 30), 0), ((24, 2, 30, 8), 0),
]


@dataclass
class World:
    folder: Path
    t1: str
    t2: str
    labels: str
    label_raster: str
    model: str
    model_1_4: str


def save_test_model(path: Path, bands_t1: int, bands_t2: int) -> str:
    from siamcrnn_qgis.core.modelfile import save_model

    from ..core.helpers import make_model

    model, metadata = make_model(bands_t1, bands_t2, shared=bands_t1 == bands_t2)
    save_model(path, model, metadata)
    return str(path)


@pytest.fixture(scope="module")
def world(qgis_app, tmp_path_factory) -> World:
    folder = tmp_path_factory.mktemp("inputs")
    t1, t2 = pair_arrays()
    labels = np.full((SIZE, SIZE), 255, np.uint8)
    for (x0, y0, x1, y1), value in LABELS:
        labels[y0:y1, x0:x1] = value
    return World(
        folder=folder,
        t1=str(write_raster(folder / "t1.tif", t1)),
        t2=str(write_raster(folder / "t2.tif", t2)),
        labels=str(write_vector(folder / "labels.gpkg", [(polygon(*box), value) for box, value in LABELS])),
        label_raster=str(write_raster(folder / "labels.tif", labels, nodata=255)),
        model=save_test_model(folder / "model.safetensors", BANDS, BANDS),
        model_1_4=save_test_model(folder / "model_1_4.safetensors", 1, 4),
    )


@pytest.fixture()
def fast_training(monkeypatch):
    """Epochs of 256 samples instead of 2048: enough to prove a training run completes."""
    import dataclasses

    from siamcrnn_qgis.core.patch import PatchArchitecture

    monkeypatch.setattr(PatchArchitecture, "training_defaults",
                        dataclasses.replace(PatchArchitecture.training_defaults, samples_per_epoch=256))


def detect_parameters(world: World, out: Path, **changes) -> dict:
    return {"T1": world.t1, "T2": world.t2, "MODEL": world.model, "TILE_SIZE": 16, "BATCH_SIZE": 256,
            "OUTPUT_PROBABILITY": out / "probability.tif", "OUTPUT_CHANGE": out / "change.tif", **changes}


def train_parameters(world: World, out: Path, **changes) -> dict:
    return {"T1": world.t1, "T2": world.t2, "LABELS": world.labels, "EPOCHS": 1,
            "OUTPUT_MODEL": out / "model.safetensors", "OUTPUT_REPORT": out / "report.html", **changes}


def raster(tmp: Path, name: str, array: np.ndarray, **options) -> str:
    return str(write_raster(tmp / name, array, **options))


def labels_layer(tmp: Path, features, name: str = "labels.gpkg", **options) -> str:
    return str(write_vector(tmp / name, features, **options))


def geographic_gt() -> tuple:
    return (121.0, 0.0001, 0.0, 28.6, 0.0, -0.0001)


def bowtie(x0, y0, x1, y1) -> str:
    """A self-intersecting quadrilateral (invalid polygon) over the pixel rectangle."""
    from ..io.builders import ORIGIN_X, ORIGIN_Y

    xa, xb = ORIGIN_X + x0 * PIXEL, ORIGIN_X + x1 * PIXEL
    ya, yb = ORIGIN_Y - y0 * PIXEL, ORIGIN_Y - y1 * PIXEL
    return f"POLYGON (({xa} {ya}, {xb} {yb}, {xb} {ya}, {xa} {yb}, {xa} {ya}))"


def model_header(path: str) -> tuple[dict, bytes]:
    raw = Path(path).read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    return json.loads(raw[8:8 + size]), raw[8 + size:]


def write_model(path: Path, header: dict, data: bytes) -> str:
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + data)
    return str(path)


def edited_model(world: World, tmp: Path, edit: Callable[[dict, dict], None]) -> str:
    """The test model with its header (and SiamCRNN metadata) changed by ``edit(header, metadata)``."""
    header, data = model_header(world.model)
    metadata = json.loads(header["__metadata__"]["siamcrnn"])
    edit(header, metadata)
    header["__metadata__"]["siamcrnn"] = json.dumps(metadata)
    return write_model(tmp / "edited.safetensors", header, data)


class Payload:
    """Unpickling this creates ``sentinel``: the proof a loader ran code from a file."""

    def __init__(self, sentinel: Path) -> None:
        self.sentinel = sentinel

    def __reduce__(self):
        return open, (str(self.sentinel), "w")


def pickle_model(tmp: Path, protocol: int) -> str:
    path = tmp / "model.safetensors"
    path.write_bytes(pickle.dumps(Payload(tmp / "SENTINEL"), protocol=protocol))
    return str(path)


def truncated_model(world: World, tmp: Path) -> str:
    raw = Path(world.model).read_bytes()
    path = tmp / "truncated.safetensors"
    path.write_bytes(raw[: len(raw) // 2])
    return str(path)


def truncated_geotiff(tmp: Path) -> str:
    t1, _ = pair_arrays(size=256)
    path = tmp / "truncated.tif"
    write_raster(path, t1)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 3])
    return str(path)


def shifted_t2(tmp: Path) -> str:
    _, t2 = pair_arrays()
    far = (UTM_GT[0] + 1e5, PIXEL, 0.0, UTM_GT[3], 0.0, -PIXEL)
    return raster(tmp, "t2_far.tif", t2, geotransform=far)


def with_nodata_hole(dtype, values) -> np.ndarray:
    t1, _ = pair_arrays(dtype=dtype)
    for (y, x), value in values:
        t1[0, y, x] = value
    return t1


# ---- the table ----------------------------------------------------------------------------------------
@dataclass
class Case:
    """A bad input: what to run, and the words the message (or the log, for recoveries) must contain.

    ``fails``: the run must raise QgsProcessingException and leave no file in the output folder.
    Otherwise the run recovers: it completes (or, with ``cancel_at``, is cancelled after the step under
    test, which keeps training cases fast) and the log says what was done.
    """

    id: str
    algorithm: str
    parameters: Callable[[World, Path, Path], dict]
    words: tuple[str, ...]
    fails: bool = True
    cancel_at: float | None = None
    check: Callable[[Path, Path], None] | None = None


def nodata_at(*pixels):
    def check(out: Path, tmp: Path) -> None:
        change = read(out / "change.tif")
        probability = read(out / "probability.tif")
        for y, x in pixels:
            assert change[y, x] == 255 and probability[y, x] == -1.0
        others = np.ones(change.shape, bool)
        for y, x in pixels:
            others[y, x] = False
        assert np.isin(change[others], (0, 1)).all()
        assert np.isfinite(probability[others]).all() and (probability[others] >= 0).all()
    return check


def all_valid(out: Path, tmp: Path) -> None:
    change = read(out / "change.tif")
    assert np.isin(change, (0, 1)).all()
    probability = read(out / "probability.tif")
    assert ((probability >= 0) & (probability <= 1)).all()


def geographic_outputs(out: Path, tmp: Path) -> None:
    all_valid(out, tmp)
    dataset = gdal.Open(str(out / "change.tif"))
    assert "4326" in dataset.GetSpatialRef().GetAuthorityCode(None)


def nothing_ran(out: Path, tmp: Path) -> None:
    assert not (tmp / "SENTINEL").exists(), "loading the model file ran code from it"


def regular_file(tmp: Path) -> Path:
    """A file where the output's folder should be: how to make a folder unusable even as root."""
    path = tmp / "not_a_folder"
    path.write_text("")
    return path


def one_band(tmp: Path, name: str = "t1_one_band.tif") -> str:
    return raster(tmp, name, pair_arrays(bands=1)[0])


D, T = "detect", "train"
CASES = [
    # --- band counts, grids ---
    Case("detect-band-count-t1", D, lambda w, o, t: detect_parameters(w, o, T1=one_band(t)),
         ("T1 raster has 1 band", "trained on 3", "t1 band 1", "t1 band 3", "same bands")),
    Case("detect-band-count-t2-bands", D, lambda w, o, t: detect_parameters(w, o, T2_BANDS=[1, 2]),
         ("T2 raster has 2 band", "trained on 3", "t2 band 1", "same bands")),
    Case("detect-no-overlap", D, lambda w, o, t: detect_parameters(w, o, T2=shifted_t2(t)),
         ("do not overlap", "T1 covers", "T2 covers", "CRS are set correctly")),
    Case("detect-1-band-vs-4-bands", D, lambda w, o, t: detect_parameters(
        w, o, MODEL=w.model_1_4, T1=one_band(t), T2=raster(t, "t2_4.tif", pair_arrays(bands=4)[1])),
        ("share one pixel grid",), fails=False, check=all_valid),
    # --- rasters ---
    Case("detect-raster-smaller-than-patch", D, lambda w, o, t: detect_parameters(
        w, o, T1=raster(t, "t1_4.tif", pair_arrays(size=4)[0]), T2=raster(t, "t2_4.tif", pair_arrays(size=4)[1])),
        ("4 × 4", "5 × 5", "larger")),
    Case("detect-all-nodata-t2", D, lambda w, o, t: detect_parameters(
        w, o, T2=raster(t, "t2_nodata.tif", np.zeros((BANDS, SIZE, SIZE), np.float32), nodata=0)),
        ("T2", "no valid pixel", "nodata value")),
    Case("detect-zero-variance-band", D, lambda w, o, t: detect_parameters(
        w, o, T1=raster(t, "t1_flat.tif", np.concatenate([pair_arrays()[0][:2],
                                                         np.full((1, SIZE, SIZE), 7, np.float32)]))),
        ("valid pixels changed",), fails=False, check=all_valid),
    Case("detect-nan-inf", D, lambda w, o, t: detect_parameters(
        w, o, T1=raster(t, "t1_nan.tif", with_nodata_hole(np.float32, [((3, 4), np.nan), ((5, 6), np.inf),
                                                                       ((7, 8), -np.inf)]))),
        ("valid pixels changed",), fails=False, check=nodata_at((3, 4), (5, 6), (7, 8))),
    Case("detect-nan-inf-float64", D, lambda w, o, t: detect_parameters(
        w, o, T2=raster(t, "t2_nan.tif", with_nodata_hole(np.float64, [((10, 11), np.nan), ((12, 13), 1e300)]))),
        ("valid pixels changed",), fails=False, check=nodata_at((10, 11), (12, 13))),
    Case("detect-uint16-large-values", D, lambda w, o, t: detect_parameters(
        w, o, T1=raster(t, "t1_u16.tif", (pair_arrays()[0] * 300).astype(np.uint16)),
        T2=raster(t, "t2_u16.tif", (pair_arrays()[1] * 300).astype(np.uint16))),
        ("valid pixels changed",), fails=False, check=all_valid),
    Case("detect-float32-large-values", D, lambda w, o, t: detect_parameters(
        w, o, T1=raster(t, "t1_big.tif", pair_arrays()[0] * np.float32(1e30)),
        T2=raster(t, "t2_big.tif", pair_arrays()[1] * np.float32(1e36))),
        ("valid pixels changed",), fails=False, check=all_valid),
    Case("detect-epsg4326", D, lambda w, o, t: detect_parameters(
        w, o, T1=raster(t, "t1_ll.tif", pair_arrays()[0], geotransform=geographic_gt(), epsg=4326),
        T2=raster(t, "t2_ll.tif", pair_arrays()[1], geotransform=geographic_gt(), epsg=4326)),
        ("EPSG:4326", "square degrees"), fails=False, check=geographic_outputs),
    Case("detect-corrupt-raster", D, lambda w, o, t: detect_parameters(
        w, o, T1=str((t / "garbage.tif").write_bytes(os.urandom(3000)) and t / "garbage.tif")),
        ("T1", "garbage.tif", "Could not open", "GDAL supports")),
    Case("model-wrong-extension", D, lambda w, o, t: detect_parameters(w, o, MODEL=w.labels),
         ("MODEL", "labels.gpkg", "is not a .safetensors file")),
    Case("detect-truncated-raster", D, lambda w, o, t: detect_parameters(
        w, o, T1=truncated_geotiff(t), T2=raster(t, "t2_256.tif", pair_arrays(size=256)[1])),
        ("truncated.tif", "damaged or truncated")),
    # --- model files ---
    Case("model-truncated", D, lambda w, o, t: detect_parameters(w, o, MODEL=truncated_model(w, t)),
         ("truncated", "save the model again")),
    Case("model-not-a-model", D, lambda w, o, t: detect_parameters(
        w, o, MODEL=str((t / "notes.safetensors").write_text("just some notes\n" * 20) and t / "notes.safetensors")),
        ("notes.safetensors", "not a SiamCRNN model file")),
    Case("model-pickle", D, lambda w, o, t: detect_parameters(w, o, MODEL=pickle_model(t, 4)),
         ("pickle", "never pickles"), check=nothing_ran),
    Case("model-pickle-protocol-0", D, lambda w, o, t: detect_parameters(w, o, MODEL=pickle_model(t, 0)),
         ("not a SiamCRNN model file",), check=nothing_ran),
    Case("model-future-version", D, lambda w, o, t: detect_parameters(w, o, MODEL=edited_model(
        w, t, lambda header, metadata: metadata.update(format_version=99))),
        ("newer version", "model format 99", "update the plugin")),
    Case("model-shape-mismatch", D, lambda w, o, t: detect_parameters(w, o, MODEL=edited_model(
        w, t, lambda header, metadata: metadata.update(bands_t1=4, bands_t2=4, band_names_t1=list("abcd"),
                                                       band_names_t2=list("abcd")))),
        ("weights do not match", "shape", "damaged or was edited")),
    Case("model-threshold-out-of-range", D, lambda w, o, t: detect_parameters(w, o, MODEL=edited_model(
        w, t, lambda header, metadata: metadata.update(threshold=1.7))),
        ("decision threshold 1.7", "not between 0 and 1", "damaged")),
    # --- parameters ---
    Case("detect-threshold-above-1", D, lambda w, o, t: detect_parameters(w, o, THRESHOLD=1.5),
         ("THRESHOLD must be between 0 and 1", "1.5")),
    Case("detect-threshold-below-0", D, lambda w, o, t: detect_parameters(w, o, THRESHOLD=-0.1),
         ("THRESHOLD must be between 0 and 1", "-0.1")),
    Case("detect-tile-size-4", D, lambda w, o, t: detect_parameters(w, o, TILE_SIZE=4),
         ("TILE_SIZE must be between 5", "it is 4")),
    Case("detect-batch-size-0", D, lambda w, o, t: detect_parameters(w, o, BATCH_SIZE=0),
         ("BATCH_SIZE must be between 1 and 4194304", "it is 0")),
    Case("train-epochs-0", T, lambda w, o, t: train_parameters(w, o, EPOCHS=0),
         ("EPOCHS must be between 1", "it is 0")),
    Case("train-batch-size-0", T, lambda w, o, t: train_parameters(w, o, BATCH_SIZE=0),
         ("BATCH_SIZE must be between 1", "it is 0")),
    # --- outputs and devices ---
    Case("detect-output-folder-missing", D, lambda w, o, t: detect_parameters(
        w, o, OUTPUT_CHANGE=o / "missing" / "change.tif"), ("missing", "does not exist", "create it")),
    Case("detect-output-parent-is-a-file", D, lambda w, o, t: detect_parameters(
        w, o, OUTPUT_CHANGE=regular_file(t) / "change.tif"), ("not_a_folder", "is a file", "choose")),
    Case("train-output-folder-missing", T, lambda w, o, t: train_parameters(
        w, o, OUTPUT_MODEL=o / "missing" / "model.safetensors"), ("missing", "does not exist", "create it")),
    Case("detect-cuda-without-cuda", D, lambda w, o, t: detect_parameters(w, o, DEVICE="cuda"),
         ("'cuda' is not available", "available: cpu")),
    Case("train-cuda-without-cuda", T, lambda w, o, t: train_parameters(w, o, DEVICE="cuda"),
         ("'cuda' is not available", "available: cpu")),
    # --- training inputs and labels ---
    Case("train-no-labels", T, lambda w, o, t: train_parameters(w, o, LABELS=None),
         ("either as polygons (LABELS) or as a raster (LABEL_RASTER)",)),
    Case("train-labels-outside", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(100, 100, 110, 110), 1), (polygon(120, 100, 130, 110), 0)])),
        ("entirely outside T1", "T1 covers", "drawn over T1")),
    Case("train-labels-empty", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(t, [])),
         ("no features", "draw polygons")),
    Case("train-one-class", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), 0) for box, _ in LABELS])), ("0 changed (1)", "draw more samples of the missing class")),
    Case("train-label-field-missing", T, lambda w, o, t: train_parameters(w, o, LABEL_FIELD="klass"),
         ("klass", "change")),
    Case("train-label-field-text", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), str(value)) for box, value in LABELS], field_type=ogr.OFTString)),
        ("change", "integer")),
    Case("train-label-values-all-other", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), 7) for box, _ in LABELS])), ("values other than 0 and 1", "set change = 0")),
    Case("train-label-raster-empty", T, lambda w, o, t: train_parameters(w, o, LABELS=None, LABEL_RASTER=raster(
        t, "empty_labels.tif", np.full((SIZE, SIZE), 255, np.uint8), nodata=255)),
        ("no pixel with 0 (unchanged) or 1 (changed)",)),
    Case("train-raster-smaller-than-patch", T, lambda w, o, t: train_parameters(
        w, o, T1=raster(t, "t1_4.tif", pair_arrays(size=4)[0]), T2=raster(t, "t2_4.tif", pair_arrays(size=4)[1])),
        ("4 × 4", "5 × 5", "larger")),
    Case("train-all-nodata-t1", T, lambda w, o, t: train_parameters(
        w, o, T1=raster(t, "t1_nodata.tif", np.full((BANDS, SIZE, SIZE), np.nan, np.float32))),
        ("T1", "no valid pixel")),
    # recoveries: the labels are used, the log says how; cancelled just after so no training runs
    Case("train-labels-partly-outside", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), value) for box, value in LABELS] + [(polygon(28, 28, 40, 40), 0)])),
        ("1 feature with partly outside T1: only the part inside is used",), fails=False, cancel_at=2),
    Case("train-label-values-other", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), value) for box, value in LABELS] + [(polygon(0, 20, 4, 24), 2),
                                                                   (polygon(0, 26, 4, 30), None)])),
        ("2 features with values other than 0 and 1 (or NULL) in field 'change': ignored",), fails=False,
        cancel_at=2),
    Case("train-labels-invalid-geometry", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), value) for box, value in LABELS] + [(bowtie(0, 20, 6, 26), 1)])),
        ("1 feature with invalid geometry, repaired",), fails=False, cancel_at=2),
    Case("train-labels-other-crs", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_in_4326(t)),
         ("Labels reprojected from EPSG:4326 to T1's EPSG:32651",), fails=False, cancel_at=2),
    Case("train-labels-multipart-and-subpixel", T, lambda w, o, t: train_parameters(w, o, LABELS=labels_layer(
        t, [(polygon(*box), value) for box, value in LABELS]
        + [(multipolygon((0, 20, 3, 23), (0, 26, 3, 29)), 1), (polygon(12.6, 2.6, 12.9, 2.9), 0)])),
        ("smaller or thinner than a pixel: marks the pixels it touches", "Rasterised 7 label features"),
        fails=False, cancel_at=2),
]


def multipolygon(*boxes) -> str:
    parts = [polygon(*box)[len("POLYGON "):] for box in boxes]
    return f"MULTIPOLYGON ({', '.join(parts)})"


def labels_in_4326(tmp: Path) -> str:
    """The standard labels, reprojected to EPSG:4326."""
    from osgeo import osr

    utm, geographic = osr.SpatialReference(), osr.SpatialReference()
    utm.ImportFromEPSG(32651)
    geographic.ImportFromEPSG(4326)
    for srs in (utm, geographic):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(utm, geographic)
    features = []
    for box, value in LABELS:
        geometry = ogr.CreateGeometryFromWkt(polygon(*box))
        geometry.Transform(transform)
        features.append((geometry.ExportToWkt(), value))
    return labels_layer(tmp, features, epsg=4326)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input(case: Case, world: World, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    parameters = {k: v for k, v in case.parameters(world, out, tmp_path).items() if v is not None}
    feedback = Recorder(case.cancel_at)
    if case.fails or case.cancel_at is not None:
        with pytest.raises(QgsProcessingException) as raised:
            run(case.algorithm, parameters, feedback=feedback)
        text = f"{raised.value}\n{feedback.text}"
        assert files_in(out) == [], "a failed run left files in the output folder"
    else:
        run(case.algorithm, parameters, feedback=feedback)
        text = feedback.text
    for word in case.words:
        assert word.lower() in text.lower(), f"{word!r} not in:\n{text}"
    if case.check is not None:
        case.check(out, tmp_path)


# ---- cancel at several points; an existing output is replaced only by a complete one -----------------
class CancelOnMessage(Recorder):
    """Cancel as soon as a message holds any of ``words``."""

    def __init__(self, *words: str) -> None:
        super().__init__()
        self.words = words

    def pushInfo(self, info: str) -> None:  # noqa: N802
        super().pushInfo(info)
        if any(words in info for words in self.words):
            self.cancel()


# training's last message before the model is saved: with a validation split, or with too few regions to
# validate on (the small test world), when every label trains and the weights are averaged
BEFORE_SAVING = ("Best epoch", "Weights averaged over epochs")


def cancel_during(monkeypatch, module, name: str, feedback: QgsProcessingFeedback) -> None:
    """Make ``module.name`` cancel the run when it is called (then do its work)."""
    original = getattr(module, name)

    def cancelling(*args, **kwargs):
        feedback.cancel()
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, cancelling)


@pytest.mark.parametrize("point", ["statistics", "mid-detection", "finalize", "polygons", "polygonising"])
def test_cancelled_detection_leaves_old_outputs_and_the_next_run_replaces_them(point, world, tmp_path, monkeypatch):
    from siamcrnn_qgis.core import detection
    from siamcrnn_qgis.io import vectorize

    out = tmp_path / "out"
    out.mkdir()
    (out / "change.tif").write_bytes(b"an older change map")
    parameters = detect_parameters(world, out, TILE_SIZE=8, OUTPUT_POLYGONS=out / "polygons.gpkg")
    # vectorising reports 93-99 %: a cancel there must stop it (it never reaches its closing message)
    feedback = Recorder(cancel_at={"mid-detection": 40, "polygonising": 94}.get(point))
    with monkeypatch.context() as patch:
        if point == "statistics":
            cancel_during(patch, detection, "compute_statistics", feedback)
        elif point == "finalize":
            cancel_during(patch, gdal.Band, "ComputeStatistics", feedback)
        elif point == "polygons":
            cancel_during(patch, vectorize, "_changed_pixels", feedback)
        with pytest.raises(QgsProcessingException, match="Cancelled: no output was written"):
            run("detect", parameters, feedback=feedback)
    if point == "polygonising":
        assert "change polygons, " not in feedback.text
    assert files_in(out) == ["change.tif"]  # also when the new rasters had already been published
    assert (out / "change.tif").read_bytes() == b"an older change map"
    run("detect", parameters)
    assert files_in(out) == ["change.qml", "change.tif", "polygons.gpkg", "polygons.qml", "probability.qml",
                             "probability.tif"]
    assert np.isin(read(out / "change.tif"), (0, 1)).all()


@pytest.mark.parametrize("point", ["statistics", "first-epoch", "saving"])
def test_cancelled_training_leaves_nothing_and_the_next_run_succeeds(point, world, tmp_path, monkeypatch,
                                                                    fast_training):
    from siamcrnn_qgis.core.patch import training

    out = tmp_path / "out"
    out.mkdir()
    parameters = train_parameters(world, out)
    feedback = {"statistics": Recorder(), "first-epoch": Recorder(cancel_at=3),
                "saving": CancelOnMessage(*BEFORE_SAVING)}[point]
    with monkeypatch.context() as patch:
        if point == "statistics":
            cancel_during(patch, training, "compute_statistics", feedback)
        with pytest.raises(QgsProcessingException, match="Cancelled: no output was written"):
            run("train", parameters, feedback=feedback)
    assert files_in(out) == []
    results = run("train", parameters)
    assert files_in(out) == ["model.safetensors", "report.html"]
    assert results["OUTPUT_MODEL"] == str(out / "model.safetensors")


@pytest.mark.parametrize("kind", ["avx512_bf16", None])
def test_log_suggests_bfloat16_only_on_cpus_that_compute_it_natively(kind, world, tmp_path, monkeypatch,
                                                                     fast_training):
    from siamcrnn_qgis.core import device

    monkeypatch.setattr(device, "cpu_bfloat16", lambda: device.CpuBfloat16(kind, "torch"))
    out = tmp_path / "out"
    out.mkdir()
    for algorithm, parameters in (("train", train_parameters(world, out, DEVICE="cpu")),
                                  ("detect", detect_parameters(world, out, DEVICE="cpu"))):
        feedback = Recorder()
        run(algorithm, parameters, feedback=feedback)
        hints = [m for m in feedback.messages if "PRECISION=bfloat16" in m]
        if kind is None:
            assert hints == [], algorithm
        else:
            assert hints == [device.select_device("cpu").hint], algorithm
            assert "AVX-512 BF16" in hints[0] and "0.0012" in hints[0]
        fast = Recorder()
        run(algorithm, {**parameters, "PRECISION": "bfloat16"}, feedback=fast)
        assert not [m for m in fast.messages if "PRECISION=bfloat16" in m], algorithm
        words = "native on this CPU: AVX-512 BF16" if kind else "emulated, likely slower than float32"
        assert any(m.startswith("Running on CPU") and words in m for m in fast.messages), (algorithm, fast.text)


def test_training_cancelled_after_saving_keeps_the_older_model_and_report(world, tmp_path, fast_training):
    """The new model is saved before the report: a cancel then puts the older model back, not nothing."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "model.safetensors").write_bytes(b"an older model")
    (out / "report.html").write_text("an older report")
    with pytest.raises(QgsProcessingException, match="Cancelled: no output was written"):
        run("train", train_parameters(world, out), feedback=CancelOnMessage(*BEFORE_SAVING))
    assert files_in(out) == ["model.safetensors", "report.html"]
    assert (out / "model.safetensors").read_bytes() == b"an older model"
    assert (out / "report.html").read_text() == "an older report"


def test_detection_cancelled_after_the_polygons_keeps_every_older_output(world, tmp_path):
    """Cancel once all three outputs were published (the polygons are the last): the older set comes back."""
    out = tmp_path / "out"
    out.mkdir()
    older = {"probability.tif": b"an older probability", "probability.qml": b"an older style",
             "change.tif": b"an older change map", "change.qml": b"an older style",
             "polygons.gpkg": b"older polygons", "polygons.qml": b"an older style"}
    for name, content in older.items():
        (out / name).write_bytes(content)
    parameters = detect_parameters(world, out, OUTPUT_POLYGONS=out / "polygons.gpkg")
    with pytest.raises(QgsProcessingException, match="Cancelled: no output was written"):
        run("detect", parameters, feedback=CancelOnMessage("change polygons, "))
    assert {name: (out / name).read_bytes() for name in files_in(out)} == older


def test_unwritable_output_folder_fails_before_any_work(world, tmp_path, monkeypatch):
    """As root, chmod does not stop writes, so the folder's refusal is simulated where the plugin probes it
    (a temporary file in the output folder); the model must not even be opened."""
    from siamcrnn_qgis.core import modelfile
    from siamcrnn_qgis.io import writer

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    def never(*args, **kwargs):
        raise AssertionError("the model was loaded before the output folder was checked")

    monkeypatch.setattr(writer.tempfile, "NamedTemporaryFile", refuse)
    monkeypatch.setattr(modelfile, "load_model", never)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match="Cannot write in the output folder .*Permission denied.*"
                                                     "choose a folder you can write to"):
        run("detect", detect_parameters(world, out))
    assert files_in(out) == []


def test_out_of_memory_halves_the_batch_and_the_run_completes(world, tmp_path, monkeypatch):
    """CUDA out-of-memory, simulated on any machine: the forward pass refuses batches over 100 pixels."""
    import torch

    from siamcrnn_qgis.core.patch.model import PatchSiamCRNN

    forward = PatchSiamCRNN.forward

    def limited(self, x1, x2):
        if x1.shape[0] > 100:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory (simulated)")
        return forward(self, x1, x2)

    out = tmp_path / "out"
    out.mkdir()
    expected = run("detect", detect_parameters(world, out, TILE_SIZE=32))
    reference = read(out / "probability.tif")
    assert expected["CHANGED_FRACTION"] == pytest.approx(changed_fraction(out / "change.tif"), abs=1e-12)
    monkeypatch.setattr(PatchSiamCRNN, "forward", limited)
    feedback = Recorder()
    halved = run("detect", detect_parameters(world, out, TILE_SIZE=32, BATCH_SIZE=1024), feedback=feedback)
    assert "Out of GPU memory: batch size halved to 64" in feedback.text
    assert np.abs(read(out / "probability.tif") - reference).max() <= 1e-6
    assert halved["CHANGED_FRACTION"] == pytest.approx(changed_fraction(out / "change.tif"), abs=1e-12)
    assert halved["CHANGED_FRACTION"] == pytest.approx(expected["CHANGED_FRACTION"], abs=1.5 / SIZE**2)


# ---- a killed process leaves no file under the final name ----------------------------------------------
KILLED_SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from siamcrnn_qgis.core.detection import detect
from siamcrnn_qgis.core.modelfile import load_model
from siamcrnn_qgis.io.raster import GdalRasterSource
from siamcrnn_qgis.io.writer import GeoTiffWriter
model, metadata = load_model({model!r})
t1, t2 = GdalRasterSource({t1!r}), GdalRasterSource({t2!r})
with GeoTiffWriter({output!r}, t1.grid, "float32", -1.0) as writer:
    def sink(x, y, probability):
        writer.write(x, y, probability)
        print("tile", flush=True)
    detect(model, metadata, t1, t2, sink, tile_size=16, batch_size=64, device="cpu")
    writer.finalize()
"""


def test_killed_detection_leaves_no_file_under_the_final_name(world, tmp_path):
    import signal
    import subprocess
    import sys

    t1, t2 = pair_arrays(size=192)
    out = tmp_path / "out"
    out.mkdir()
    script = KILLED_SCRIPT.format(root=str(Path(__file__).resolve().parents[2]), model=world.model,
                                  t1=raster(tmp_path, "t1.tif", t1), t2=raster(tmp_path, "t2.tif", t2),
                                  output=str(out / "probability.tif"))
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        for _ in range(3):  # a few tiles written: the temporary file exists and holds data
            assert process.stdout.readline() == "tile\n", process.stderr.read()
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    leftovers = files_in(out)
    assert "probability.tif" not in leftovers
    assert leftovers and all(name.startswith(".probability.partial-") for name in leftovers), leftovers
    from siamcrnn_qgis.io.writer import remove_stale_temporaries

    remove_stale_temporaries(out / "probability.tif")  # what the next run writing this output does first
    assert files_in(out) == []


# ---- two detections at once ----------------------------------------------------------------------------
def test_two_detections_at_once_do_not_interfere(world, tmp_path):
    import threading

    from siamcrnn_qgis.core.detection import detect
    from siamcrnn_qgis.core.modelfile import load_model
    from siamcrnn_qgis.io.raster import GdalRasterSource
    from siamcrnn_qgis.io.writer import GeoTiffWriter

    inputs = []
    for seed in (1, 2):
        t1, t2 = pair_arrays(size=96, seed=seed)
        inputs.append((raster(tmp_path, f"t1_{seed}.tif", t1), raster(tmp_path, f"t2_{seed}.tif", t2)))

    def detect_to(index: int, output: Path) -> None:
        model, metadata = load_model(world.model)
        with GdalRasterSource(inputs[index][0]) as t1, GdalRasterSource(inputs[index][1]) as t2:
            with GeoTiffWriter(output, t1.grid, "float32", -1.0) as writer:
                detect(model, metadata, t1, t2, lambda x, y, p: writer.write(x, y, np.nan_to_num(p, nan=-1.0)),
                       tile_size=24, batch_size=128, device="cpu")
                writer.finalize()

    sequential = []
    for index in (0, 1):
        detect_to(index, tmp_path / f"sequential_{index}.tif")
        sequential.append(read(tmp_path / f"sequential_{index}.tif"))
    errors = []

    def worker(index: int) -> None:
        try:
            detect_to(index, tmp_path / f"parallel_{index}.tif")
        except BaseException as error:  # noqa: BLE001 (reported by the main thread)
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(index,)) for index in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    for index in (0, 1):
        np.testing.assert_array_equal(read(tmp_path / f"parallel_{index}.tif"), sequential[index])
    assert not np.array_equal(sequential[0], sequential[1])


# ---- inputs that GDAL opens by other names than a local path -------------------------------------------
def zipped(folder: Path, *paths: str) -> list[str]:
    """A real zip archive of the files and the /vsizip/ path of each, as QGIS names a raster in a zip."""
    import zipfile

    archive = folder / "inputs.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as handle:
        for path in paths:
            handle.write(path, arcname=Path(path).name)
    return [f"/vsizip/{archive}/{Path(path).name}" for path in paths]


def t2_on_a_finer_grid(world: World, folder: Path) -> str:
    """T2 on another grid (half a pixel east, 5 m pixels): detection has to warp it onto T1's grid."""
    path = folder / "t2_shifted.tif"
    gdal.Warp(str(path), world.t2, xRes=PIXEL / 2, yRes=PIXEL / 2, resampleAlg="bilinear",
              outputBounds=(UTM_GT[0] + PIXEL / 2, UTM_GT[3] - SIZE * PIXEL, UTM_GT[0] + (SIZE + 0.5) * PIXEL,
                            UTM_GT[3]))
    return str(path)


def test_zipped_t1_and_t2_detect_like_the_plain_files(world, tmp_path):
    t2 = t2_on_a_finer_grid(world, tmp_path)
    t1_zip, t2_zip = zipped(tmp_path, world.t1, t2)
    plain, inside = tmp_path / "plain", tmp_path / "zip"
    plain.mkdir()
    inside.mkdir()
    feedback = Recorder()
    run("detect", detect_parameters(world, plain, T2=t2))
    results = run("detect", detect_parameters(world, inside, T1=t1_zip, T2=t2_zip), feedback=feedback)
    assert "warped onto T1's grid" in feedback.text
    for name in ("probability.tif", "change.tif"):
        np.testing.assert_array_equal(read(inside / name), read(plain / name))
    assert gdal.Open(results["OUTPUT_CHANGE"]).GetGeoTransform() == gdal.Open(world.t1).GetGeoTransform()


def test_zipped_label_raster_on_another_grid_trains(world, tmp_path, fast_training):
    labels = tmp_path / "labels_5m.tif"
    gdal.Warp(str(labels), world.label_raster, xRes=PIXEL / 2, yRes=PIXEL / 2, resampleAlg="near")
    t1_zip, labels_zip = zipped(tmp_path, world.t1, labels)
    out = tmp_path / "out"
    out.mkdir()
    feedback = Recorder()
    results = run("train", train_parameters(world, out, T1=t1_zip, LABELS=None, LABEL_RASTER=labels_zip),
                  feedback=feedback)
    assert "resampled onto T1's grid with nearest neighbour" in feedback.text
    assert results["OUTPUT_MODEL"] == str(out / "model.safetensors") and (out / "model.safetensors").is_file()


def test_a_broken_zipped_raster_is_named_before_any_work(world, tmp_path):
    (t1_zip,) = zipped(tmp_path, world.t1)
    missing = t1_zip.replace("t1.tif", "t9.tif")
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(QgsProcessingException, match=r"T1: Could not open /vsizip/.*t9\.tif as a raster"):
        run("detect", detect_parameters(world, out, T1=missing))
    assert files_in(out) == []
