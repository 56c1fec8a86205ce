"""Review suggestions in the real QGIS desktop under Xvfb: opened from Raster › SiamCRNN, what it offers,
the keys pressed on the map, undo, the screenshot docs/review_suggestions.png, Train again, the next round's
layer taken up (review_session.py does the clicking). SIAMCRNN_SCREENSHOTS=<folder> keeps a copy of the picture."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

from .desktop import REPO_ROOT, SCREEN, keep_pictures, run_desktop

SESSION_SCRIPT = Path(__file__).with_name("review_session.py")
TIME_LIMIT_S = 120
BOX = 32  # pixels


def write_suggestions(sample: dict, path: Path, count: int = 8) -> list[tuple[float, float, float, float]]:
    """Boxes of the sample where the reference is most mixed (as uncertain boxes would be), ranked, in T1's
    CRS with the fields of Suggest where to label next; returns their extents by rank."""
    reference = gdal.Open(sample["reference"])
    change = reference.ReadAsArray()
    x0, pixel, _, y0, _, _ = reference.GetGeoTransform()
    candidates = []
    for row in range(0, change.shape[0] - BOX + 1, BOX):
        for column in range(0, change.shape[1] - BOX + 1, BOX):
            fraction = float((change[row:row + BOX, column:column + BOX] == 1).mean())
            candidates.append((abs(fraction - 0.5), fraction, row, column))
    chosen = sorted(candidates)[:count]
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("suggestions", reference.GetSpatialRef(), ogr.wkbPolygon)
    for name, kind in (("rank", ogr.OFTInteger), ("score", ogr.OFTReal), ("predicted", ogr.OFTInteger),
                       ("probability", ogr.OFTReal), ("change", ogr.OFTInteger)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    extents = []
    for rank, (distance, fraction, row, column) in enumerate(chosen, start=1):
        left, top = x0 + column * pixel, y0 - row * pixel
        right, bottom = left + BOX * pixel, top - BOX * pixel
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON (({left} {top}, {right} {top}, {right} {bottom}, {left} {bottom}, {left} {top}))"))
        feature.SetField("rank", rank)
        feature.SetField("score", 1.0 - 2 * distance)
        feature.SetField("predicted", int(fraction >= 0.5))
        feature.SetField("probability", fraction)
        layer.CreateFeature(feature)
        extents.append((left, bottom, right, top))
    source = None
    return extents


def test_an_analyst_reviews_suggestions_in_the_real_window(x_display, sample, tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    suggestions = tmp_path / "suggestions.gpkg"
    extents = write_suggestions(sample, suggestions)
    write_suggestions(sample, tmp_path / "next_suggestions.gpkg", count=5)
    params = {"t1": sample["t1"], "t2": sample["t2"], "labels": sample["labels"], "suggestions": str(suggestions),
              "next_suggestions": str(tmp_path / "next_suggestions.gpkg"),
              "project": str(project / "analysis.qgz"), "report": str(tmp_path / "report.json"),
              "screenshot": str(tmp_path / "review_suggestions.png"), "size": list(SCREEN),
              "labels_style": str(REPO_ROOT / "resources" / "styles" / "labels.qml")}
    report = run_desktop(SESSION_SCRIPT, params, tmp_path, x_display, TIME_LIMIT_S)

    assert report["dock"] == {"visible": True, "right": True}
    assert report["offered"] == {"suggestions": "Suggestions (t1 → t2)", "t1": "t1", "t2": "t2", "labels": "labels"}
    assert report["label_field"] == "change"
    assert report["suggestion_choices"] == ["", "Suggestions (t1 → t2)"]  # the label polygons are not offered
    assert report["start"]["position"] == "1 of 8, 0 labelled" and report["start"]["rank"] == 1
    assert report["start"]["answer"] == "Your answer: not answered" and not report["start"]["message"]
    # the map shows box 1 with a box's width of surroundings on each side, T1 on and T2 off
    left, bottom, right, top = extents[0]
    x_min, y_min, x_max, y_max = report["canvas_extent"]
    assert x_min < left and x_max > right and y_min < bottom and y_max > top
    assert abs((x_min + x_max) / 2 - (left + right) / 2) < 1 and abs((y_min + y_max) / 2 - (top + bottom) / 2) < 1
    assert 2.9 * (right - left) <= min(x_max - x_min, y_max - y_min) <= 3.1 * (right - left)
    assert report["visible_start"] == [True, False]
    # the other date beside the map, on the same place: the box and its surroundings
    assert report["start"]["preview"] == ["Suggestions (t1 → t2)", "t2"]
    assert report["start"]["preview_title"] == "Beside: T2 (t2)"
    px_min, py_min, px_max, py_max = report["preview_extent"]
    assert px_min <= left and px_max >= right and py_min <= bottom and py_max >= top
    assert abs((px_min + px_max) / 2 - (left + right) / 2) < 1 and abs((py_min + py_max) / 2 - (top + bottom) / 2) < 1

    assert report["typed"]["text"].endswith("c") and set(report["typed"]["answers"].values()) == {None}
    keys = {index: step for index, step in enumerate(report["keys"])}
    unanswered = {str(rank): None for rank in range(1, 9)}
    assert keys[0]["key"] == "C" and keys[0]["answers"] == {**unanswered, "1": 1} and keys[0]["state"]["rank"] == 2
    assert keys[0]["editable"]  # the first answer started editing
    assert keys[1]["key"] == "T" and keys[1]["visible"] == [False, True] and keys[1]["state"]["rank"] == 2
    assert keys[1]["state"]["date"] == "On the map: T2 (t2)"
    assert keys[1]["state"]["preview"] == ["Suggestions (t1 → t2)", "t1"]
    assert keys[2]["answers"] == {**unanswered, "1": 1, "2": 0} and keys[2]["state"]["rank"] == 3
    assert keys[3]["answers"] == keys[2]["answers"] and keys[3]["state"]["rank"] == 4  # S: skipped
    assert keys[4]["state"]["rank"] == 3 and keys[4]["state"]["answer"] == "Your answer: not answered"  # B: back
    assert keys[5]["answers"] == {**unanswered, "1": 1, "2": 0, "3": 1} and keys[5]["state"]["rank"] == 4
    assert keys[5]["state"]["position"] == "4 of 8, 3 labelled"
    assert keys[6]["key"] == "Ctrl+Z" and keys[6]["answers"] == keys[2]["answers"]  # QGIS's undo takes one back
    assert keys[6]["state"]["position"] == "4 of 8, 2 labelled"

    assert report["screenshot_saved"] and report["screenshot_state"]["rank"] == 4
    done = report["done"]
    assert done["position"] == "Done: 8 boxes, 2 labelled (1 changed, 1 unchanged)"
    assert done["skipped_visible"] and done["train_enabled"] and done["unsaved"]

    # Train again: the answers saved, merged with the earlier labels next to the project, Train filled in
    assert report["after_train_again"] == {"unsaved": False, "message": ""}
    merged = project / "reviewed_labels.gpkg"
    earlier = ogr.Open(sample["labels"])
    labels_count = earlier.GetLayer(0).GetFeatureCount()
    assert report["merged"] == {"layers": 1, "source": str(merged), "features": labels_count + 2}
    assert report["train_dialog"]["visible"]
    assert {key: report["train_dialog"][key] for key in ("T1", "T2", "LABELS", "LABEL_FIELD")} == {
        "T1": "t1", "T2": "t2", "LABELS": "Training labels (reviewed)", "LABEL_FIELD": "change"}
    reviewed = ogr.Open(str(suggestions))
    saved = {feature.GetField("rank"): feature.GetField("change") for feature in reviewed.GetLayer(0)}
    assert saved == {1: 1, 2: 0, **{rank: None for rank in range(3, 9)}}

    assert report["next_round"]["layer"] == "Suggestions, round 2"
    assert report["next_round"]["position"] == "1 of 5, 0 labelled"

    check_picture(Path(params["screenshot"]))
    keep_pictures(params, {"screenshot": "review_suggestions.png"})


def check_picture(path: Path) -> None:
    """The main window with imagery on the map (many colours) and the panel's orange outline around the box."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert image.width() >= 1200 and image.height() >= 700, (image.width(), image.height())
    pixels = np.array([[image.pixel(x, y) for x in range(0, image.width(), 3)] for y in range(0, image.height(), 3)],
                      dtype=np.uint32)
    rgb = np.stack([(pixels >> 16) & 255, (pixels >> 8) & 255, pixels & 255], axis=-1).astype(int)
    colours = len(np.unique((rgb // 8).reshape(-1, 3), axis=0))
    assert colours > 300, f"only {colours} colours: an empty or blank window?"
    orange = (np.abs(rgb - (255, 140, 0)) < 20).all(axis=-1).sum()
    assert orange > 100, f"only {orange} sampled pixels of the outline's orange"
