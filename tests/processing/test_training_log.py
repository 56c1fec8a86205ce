"""What the engine notes while training reaches the user: the Processing log (warnings as warnings) and the
HTML report, through processing.run as in the Toolbox."""

from __future__ import annotations

import numpy as np
from osgeo import gdal

from .common import read, recording_feedback, run


def test_one_region_per_class_logs_the_spatial_split_as_a_warning_and_in_the_report(qgis_app, taizhou,
                                                                                     tmp_path):
    reference = read(taizhou["labels.tif"])
    labels = np.full(reference.shape, 255, dtype=np.uint8)
    labels[50:70, 50:90] = 0  # one region of each class: no whole region can be held out
    labels[200:230, 200:230] = 1
    path = tmp_path / "two_regions.tif"
    source = gdal.Open(taizhou["labels.tif"])
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), labels.shape[1], labels.shape[0], 1, gdal.GDT_Byte)
    dataset.SetGeoTransform(source.GetGeoTransform())
    dataset.SetProjection(source.GetProjection())
    dataset.GetRasterBand(1).WriteArray(labels)
    dataset.GetRasterBand(1).SetNoDataValue(255)
    dataset = None
    feedback = recording_feedback()
    results = run("train", {
        "T1": taizhou["t1.tif"], "T2": taizhou["t2.tif"], "LABEL_RASTER": path, "EPOCHS": 1,
        "SAMPLES_PER_EPOCH": 256, "DEVICE": "cpu", "OUTPUT_MODEL": tmp_path / "model.safetensors",
        "OUTPUT_REPORT": tmp_path / "report.html",
    }, feedback=feedback)
    split = [line for line in feedback.warnings if "too few separate regions" in line]
    assert len(split) == 1, feedback.warnings
    assert not any("too few separate regions" in line for line in feedback.infos)
    assert any(line.startswith("Training patch: at most 1 epochs, patience 8*") for line in feedback.infos)
    assert sum(line.startswith("Running on CPU") for line in feedback.infos) == 1  # once, from the engine
    with open(results["OUTPUT_REPORT"], encoding="utf-8") as handle:
        report = handle.read()
    assert '<li class="warning">The labels form too few separate regions' in report
    assert "Training option: samples per epoch" in report
