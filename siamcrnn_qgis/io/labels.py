"""Training and reference labels on T1's grid: polygons rasterised, label rasters aligned, new label layers.

Label arrays are uint8: 0 = unchanged, 1 = changed, 255 = unlabelled.

Rules (they are also written to the log):

* The label field must be an integer field, or a real field whose values are 0.0 / 1.0 (some formats
  store integers as reals). Other values, and NULL, are ignored and counted; text fields are refused.
* A polygon marks the pixels whose centre it contains. A feature that contains no pixel centre (smaller
  or thinner than a pixel) marks every pixel it touches instead, so no drawn label is lost. Points mark
  the pixel they fall in.
* A pixel covered by both an unchanged and a changed feature is a conflict: it stays unlabelled.
* Invalid geometries are repaired (MakeValid, else Buffer(0)); those that stay invalid are skipped.
* Labels in another CRS are reprojected to T1's; labels without a CRS are taken to be in T1's CRS. When
  T1 has no CRS (plain images), coordinates are used as they are: x = column, y = −row for an image
  without georeferencing, which is where QGIS draws it.
* Label rasters: 0 = unchanged, 1 = changed, 255 or the nodata value = unlabelled, other values are
  ignored and counted. A raster with no nodata value whose only values are 0 and 255 (``gt.png`` style)
  is a binary reference: 255 = changed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr

from ..core.errors import InputError
from ..core.regions import CHANGED, UNCHANGED, UNLABELLED
from ._gdal import (
    GdalError,
    crs_label,
    gdal_call,
    open_dataset,
    quiet_gdal,
    same_crs,
    spatial_ref,
    transformation,
    uses_gdal,
)
from .raster import GdalRasterSource, RasterGrid, align_to_grid
from .writer import atomic_file, write_style_sidecar

LABEL_LAYER_NAME = "labels"
LABEL_FIELD = "change"
_POLYGONAL = (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbCurvePolygon, ogr.wkbMultiSurface)


@dataclass
class LabelReport:
    """What happened to the labels, as counts and as sentences for the log."""

    unchanged_pixels: int = 0
    changed_pixels: int = 0
    features_total: int = 0
    features_used: int = 0
    features_invalid_repaired: int = 0
    features_skipped_invalid: int = 0
    features_other_values: int = 0
    features_outside: int = 0
    features_partly_outside: int = 0
    features_null_geometry: int = 0
    features_touching_rule: int = 0
    conflict_pixels: int = 0
    other_value_pixels: int = 0
    reprojected: bool = False
    messages: list[str] = field(default_factory=list)


def parse_layer_source(source: str) -> tuple[str, dict[str, str]]:
    """Split a QGIS OGR source string 'file.gpkg|layername=labels|subset=...' into the path and options."""
    path, *parts = str(source).split("|")
    options = {}
    for part in parts:
        key, _, value = part.partition("=")
        options[key.strip().lower()] = value
    return path, options


@uses_gdal
def _open_layer(vector_path: str, layer_name: str | None) -> tuple[gdal.Dataset, ogr.Layer, str]:
    path, options = parse_layer_source(vector_path)
    try:
        dataset = open_dataset(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    except GdalError as exc:
        raise InputError(
            f"could not open {path} as a vector layer: {exc}; check it is a GeoPackage, shapefile, GeoJSON "
            "or other format GDAL/OGR reads"
        ) from None
    names = [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
    layer_name = layer_name or options.get("layername")
    if layer_name:
        layer = dataset.GetLayerByName(layer_name)
    elif "layerid" in options and options["layerid"].isdigit():
        layer = dataset.GetLayerByIndex(int(options["layerid"]))
    elif len(names) == 1:
        layer = dataset.GetLayerByIndex(0)
    else:
        layer = None
    if layer is None:
        wanted = f"has no layer named {layer_name!r}" if layer_name else f"has {len(names)} layers"
        raise InputError(
            f"{path} {wanted}; its layers are: {', '.join(names) or '(none)'}. "
            "Choose one (in a source string: file.gpkg|layername=NAME)"
        )
    if options.get("subset"):
        try:
            gdal_call(layer.SetAttributeFilter, options["subset"], error_code=True)
        except GdalError as exc:
            raise InputError(f"the filter {options['subset']!r} of {path} is not valid: {exc}") from None
    return dataset, layer, f"{Path(path).name} (layer {layer.GetName()})"


@uses_gdal
def _check_field(layer: ogr.Layer, field_name: str, description: str) -> int:
    definition = layer.GetLayerDefn()
    index = definition.GetFieldIndex(field_name)
    fields = [definition.GetFieldDefn(i) for i in range(definition.GetFieldCount())]
    if index < 0:
        listing = ", ".join(f"{f.GetName()} ({f.GetFieldTypeName(f.GetType())})" for f in fields)
        raise InputError(
            f"the label layer {description} has no field {field_name!r}; its fields are: "
            f"{listing or '(none)'}. Choose the integer field holding 0 = unchanged, 1 = changed"
        )
    kind = fields[index].GetType()
    if kind not in (ogr.OFTInteger, ogr.OFTInteger64, ogr.OFTReal):
        raise InputError(
            f"the label field {field_name!r} of {description} is a {fields[index].GetFieldTypeName(kind)} "
            "field, but labels must be an integer field with 0 = unchanged, 1 = changed: convert it "
            f'with the Field Calculator (e.g. to_int("{field_name}")) or choose another field'
        )
    return index


@uses_gdal
def _polygonal_part(geometry: ogr.Geometry) -> ogr.Geometry | None:
    """The polygons of a repaired geometry (MakeValid may add stray lines or points), or None."""
    flat = ogr.GT_Flatten(geometry.GetGeometryType())
    if flat in (ogr.wkbPolygon, ogr.wkbMultiPolygon):
        return geometry
    polygons = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(geometry.GetGeometryCount() if flat == ogr.wkbGeometryCollection else 0):
        part = _polygonal_part(geometry.GetGeometryRef(i))
        if part is not None:
            for polygon in [part] if ogr.GT_Flatten(part.GetGeometryType()) == ogr.wkbPolygon else part:
                polygons.AddGeometry(polygon)
    return polygons if polygons.GetGeometryCount() else None


@uses_gdal
def _repair(geometry: ogr.Geometry) -> ogr.Geometry | None:
    """A valid version of an invalid geometry (MakeValid with GEOS, else Buffer(0)), or None; a polygon
    stays polygonal."""
    polygonal = ogr.GT_Flatten(geometry.GetGeometryType()) in _POLYGONAL
    with quiet_gdal():
        for attempt in (lambda g: g.MakeValid(), lambda g: g.Buffer(0)):
            try:
                repaired = attempt(geometry)
            except (AttributeError, RuntimeError):  # no MakeValid before GDAL 3.3 / without GEOS
                continue
            if repaired is not None and not repaired.IsEmpty() and repaired.IsValid():
                return _polygonal_part(repaired) if polygonal else repaired
    return None


class _Burner:
    """Rasterises one geometry at a time into a window of the grid around it."""

    @uses_gdal
    def __init__(self, grid: RasterGrid):
        self.grid = grid
        self._memory = ogr.GetDriverByName("Memory").CreateDataSource("burn")
        self._layer = self._memory.CreateLayer("burn", None, ogr.wkbUnknown)
        self._mem_driver = gdal.GetDriverByName("MEM")

    @uses_gdal
    def burn(self, geometry: ogr.Geometry, mask: np.ndarray) -> bool:
        """Set the geometry's pixels in ``mask``; True when the touching rule was needed."""
        grid = self.grid
        xmin, xmax, ymin, ymax = geometry.GetEnvelope()
        columns, rows = zip(*(grid.world_to_pixel(x, y) for x in (xmin, xmax) for y in (ymin, ymax)))
        c0, c1 = max(0, math.floor(min(columns))), min(grid.width, math.ceil(max(columns)))
        r0, r1 = max(0, math.floor(min(rows))), min(grid.height, math.ceil(max(rows)))
        if c0 >= c1 or r0 >= r1:
            return False
        window = self._mem_driver.Create("", c1 - c0, r1 - r0, 1, gdal.GDT_Byte)
        x0, y0 = grid.pixel_to_world(c0, r0)
        gt = grid.geotransform
        window.SetGeoTransform((x0, gt[1], gt[2], y0, gt[4], gt[5]))
        feature = ogr.Feature(self._layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        self._layer.CreateFeature(feature)
        try:
            pixels = self._rasterise(window, [])
            touching = not pixels.any()
            if touching:
                pixels = self._rasterise(window, ["ALL_TOUCHED=TRUE"])
        finally:
            self._layer.DeleteFeature(feature.GetFID())
        mask[r0:r1, c0:c1] |= pixels
        return touching

    @uses_gdal
    def _rasterise(self, window: gdal.Dataset, options: list[str]) -> np.ndarray:
        band = window.GetRasterBand(1)
        band.Fill(0)
        gdal_call(
            gdal.RasterizeLayer, window, [1], self._layer, burn_values=[1], options=options, error_code=True
        )
        return band.ReadAsArray().astype(bool)


@uses_gdal
def _footprint(grid: RasterGrid) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in [*grid.corners(), grid.corners()[0]]:
        ring.AddPoint_2D(x, y)
    polygon = ogr.Geometry(ogr.wkbPolygon)
    polygon.AddGeometry(ring)
    return polygon


@uses_gdal
def _class_of(feature: ogr.Feature, index: int) -> int | None:
    if not feature.IsFieldSetAndNotNull(index):
        return None
    value = feature.GetFieldAsDouble(index)
    return int(value) if value in (0.0, 1.0) else None


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


@uses_gdal
def rasterize_labels(
    vector_path: str | os.PathLike,
    grid: RasterGrid,
    field: str = LABEL_FIELD,
    layer_name: str | None = None,
    grid_owner: str = "T1",
) -> tuple[np.ndarray, LabelReport]:
    """Burn label features onto ``grid`` (see the module docstring for the rules).

    ``vector_path`` may be a QGIS source string ('file.gpkg|layername=labels'); ``layer_name`` overrides
    the layer it names; ``grid_owner`` names the raster whose grid it is, in messages ("T1", "the change
    map"). Returns the uint8 label array [height, width] and the report.
    """
    owner = grid_owner[0].upper() + grid_owner[1:]
    dataset, layer, description = _open_layer(str(vector_path), layer_name)
    index = _check_field(layer, field, description)
    if layer.GetFeatureCount() == 0:
        raise InputError(
            f"the label layer {description} has no features: draw polygons with {field} = 0 (unchanged) "
            f"and {field} = 1 (changed) over {grid_owner} first"
        )
    report = LabelReport()
    layer_srs = layer.GetSpatialRef()
    layer_wkt = layer_srs.ExportToWkt() if layer_srs is not None else ""
    to_grid = None
    if not grid.has_crs:
        report.messages.append(
            f"{owner} has no CRS: the coordinates of {description} are used as they are, in the coordinates "
            f"QGIS draws {grid_owner} in (x = column, y = −row for an image without georeferencing)"
        )
    elif not layer_wkt:
        report.messages.append(
            f"{description} has no CRS; its coordinates are taken to be in {grid.crs_name}"
        )
    elif not same_crs(layer_wkt, grid.crs_wkt):
        try:
            to_grid = transformation(layer_wkt, grid.crs_wkt)
        except GdalError as exc:
            raise InputError(
                f"could not reproject {description} from {crs_label(layer_wkt)} to {grid.crs_name}: {exc}"
            ) from None
        report.reprojected = True
        report.messages.append(f"Labels reprojected from {crs_label(layer_wkt)} to {grid_owner}'s {grid.crs_name}")

    footprint = _footprint(grid)
    burner = _Burner(grid)
    masks = {label: np.zeros((grid.height, grid.width), bool) for label in (UNCHANGED, CHANGED)}
    labels_envelope = ogr.Geometry(ogr.wkbGeometryCollection)
    layer.ResetReading()
    for feature in layer:
        report.features_total += 1
        geometry = feature.GetGeometryRef()
        if geometry is None or geometry.IsEmpty():
            report.features_null_geometry += 1
            continue
        label = _class_of(feature, index)
        if label is None:
            report.features_other_values += 1
            continue
        geometry = geometry.GetLinearGeometry() if geometry.HasCurveGeometry() else geometry.Clone()
        if to_grid is not None and _transform(geometry, to_grid) != 0:
            report.features_outside += 1
            continue
        if not geometry.IsValid():
            geometry = _repair(geometry)
            if geometry is None:
                report.features_skipped_invalid += 1
                continue
            report.features_invalid_repaired += 1
        labels_envelope.AddGeometry(geometry)
        if not geometry.Intersects(footprint):
            report.features_outside += 1
            continue
        if not footprint.Contains(geometry):
            report.features_partly_outside += 1
        report.features_touching_rule += burner.burn(geometry, masks[label])
        report.features_used += 1
    del dataset

    if report.features_used == 0:
        raise InputError(_nothing_usable(report, description, field, labels_envelope, grid, grid_owner))
    conflicts = masks[UNCHANGED] & masks[CHANGED]
    labels = np.full((grid.height, grid.width), UNLABELLED, dtype=np.uint8)
    labels[masks[UNCHANGED]] = UNCHANGED
    labels[masks[CHANGED]] = CHANGED
    labels[conflicts] = UNLABELLED
    report.conflict_pixels = int(conflicts.sum())
    report.unchanged_pixels = int((labels == UNCHANGED).sum())
    report.changed_pixels = int((labels == CHANGED).sum())
    report.messages.extend(_feature_messages(report, description, field, grid_owner))
    return labels, report


@uses_gdal
def _transform(geometry: ogr.Geometry, to_grid) -> int:
    """Reproject in place; non-zero when some coordinates cannot be transformed."""
    with quiet_gdal():
        try:
            return geometry.Transform(to_grid)
        except RuntimeError:
            return 1


@uses_gdal
def _nothing_usable(report: LabelReport, description: str, field: str, envelope, grid: RasterGrid,
                    grid_owner: str) -> str:
    if report.features_outside and envelope.GetGeometryCount():
        xmin, xmax, ymin, ymax = envelope.GetEnvelope()
        return (
            f"the labels of {description} lie entirely outside {grid_owner}: they cover x {xmin:.10g} to "
            f"{xmax:.10g}, y {ymin:.10g} to {ymax:.10g}, {grid_owner} covers {grid.describe_extent()}; check "
            f"that the labels were drawn over {grid_owner} and that the layer's CRS is set correctly"
        )
    reasons = [
        (report.features_other_values, f"have values other than 0 and 1 (or NULL) in field {field!r}"),
        (report.features_null_geometry, "have no geometry"),
        (report.features_skipped_invalid, "have invalid geometries that could not be repaired"),
        (report.features_outside, f"lie outside {grid_owner} or could not be reprojected"),
    ]
    listing = "; ".join(f"{count:,} {reason}" for count, reason in reasons if count)
    return (
        f"none of the {_plural(report.features_total, 'feature')} of {description} can be used as a label "
        f"({listing}): set {field} = 0 for unchanged and 1 for changed areas"
    )


def _feature_messages(report: LabelReport, description: str, field: str, grid_owner: str) -> list[str]:
    messages = [
        f"Rasterised {_plural(report.features_used, 'label feature')} of {description}, field {field!r}, "
        f"onto {grid_owner}'s grid: {report.unchanged_pixels:,} unchanged and {report.changed_pixels:,} changed "
        "pixels"
    ]
    notes = [
        (report.features_other_values, f"values other than 0 and 1 (or NULL) in field {field!r}: ignored"),
        (report.features_null_geometry, "no geometry: ignored"),
        (report.features_invalid_repaired, "invalid geometry, repaired"),
        (report.features_skipped_invalid, "invalid geometry that could not be repaired: skipped"),
        (report.features_outside, f"entirely outside {grid_owner} (or not reprojectable): ignored"),
        (report.features_partly_outside, f"partly outside {grid_owner}: only the part inside is used"),
        (report.features_touching_rule, "smaller or thinner than a pixel: marks the pixels it touches"),
    ]
    messages += [f"{_plural(count, 'feature')} with {note}" for count, note in notes if count]
    if report.conflict_pixels:
        messages.append(
            f"{_plural(report.conflict_pixels, 'pixel')} covered by both an unchanged and a changed feature "
            "stay unlabelled"
        )
    return messages


_VALID_255 = 2  # while reading: a valid 255, changed in a 0/255 reference, unlabelled otherwise


@dataclass
class _LabelValues:
    """What a pass over a label raster found, with the counts of the label codes it wrote."""

    has_255: bool = False
    only_0_and_255: bool = True
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys((UNCHANGED, CHANGED, _VALID_255), 0))
    other: int = 0


def _scan_label_raster(source: GdalRasterSource, labels: np.ndarray | None) -> _LabelValues:
    """Read band 1 window by window (memory: one window, plus ``labels``); note which values occur and,
    when ``labels`` is given, write 0 = unchanged, 1 = changed, _VALID_255 = a valid 255 and 255 for
    nodata and other values into it."""
    found = _LabelValues()
    for x, y, width, height in source.windows():
        values, valid = source.read(x, y, width, height)
        values = values[0]
        zero, one, full = valid & (values == 0), valid & (values == 1), valid & (values == 255)
        found.has_255 = found.has_255 or bool(full.any())
        found.only_0_and_255 = found.only_0_and_255 and bool(np.all(zero | full | ~valid))
        if labels is None:
            continue
        window = np.full((height, width), UNLABELLED, dtype=np.uint8)
        for code, where in ((UNCHANGED, zero), (CHANGED, one), (_VALID_255, full)):
            window[where] = code
            found.counts[code] += int(np.count_nonzero(where))
        found.other += int(np.count_nonzero(valid)) - int(np.count_nonzero(window != UNLABELLED))
        labels[y:y + height, x:x + width] = window
    return found


def read_label_raster(
    path: str | os.PathLike, grid: RasterGrid, workdir: str | os.PathLike, grid_owner: str = "T1"
) -> tuple[np.ndarray, LabelReport]:
    """Read a label raster onto ``grid`` (nearest neighbour when it is on another grid); see the module
    docstring for the value rules; ``grid_owner`` names the raster whose grid it is, in messages. Returns
    the uint8 label array [height, width] and the report.

    The raster is read window by window: memory is the uint8 labels plus one window."""
    report = LabelReport()
    name = Path(path).name
    labels = np.full((grid.height, grid.width), UNLABELLED, dtype=np.uint8)
    with GdalRasterSource(path, bands=[1]) as source:
        nodata, source_grid, band_total = source.nodata[0], source.grid, source.raster_count
        on_grid = source_grid.same_grid(grid)
        # the values that decide how to read it come from the raster itself, before any resampling
        found = _scan_label_raster(source, labels if on_grid else None)
    if band_total > 1:
        report.messages.append(f"{name} has {band_total} bands; band 1 holds the labels")
    binary_255 = nodata is None and found.has_255 and found.only_0_and_255
    if binary_255:
        report.messages.append(
            f"{name} has only the values 0 and 255 and no nodata value: read as a binary reference, "
            "255 = changed, 0 = unchanged"
        )
    if not on_grid:
        aligned = align_to_grid(path, grid, workdir, "nearest")
        if aligned == str(path):
            report.messages.append(f"{name} has no CRS: its pixels are paired with {grid_owner}'s pixel for pixel")
        else:
            report.messages.append(f"{name} was resampled onto {grid_owner}'s grid with nearest neighbour")
        with GdalRasterSource(aligned, bands=[1]) as source:
            counts = _scan_label_raster(source, labels)
        found.counts, found.other = counts.counts, counts.other
    valid_255_becomes = CHANGED if binary_255 else UNLABELLED
    rows = max(1, (1 << 20) // max(grid.width, 1))  # in place, a strip at a time
    for y in range(0, grid.height, rows):
        strip = labels[y:y + rows]
        strip[strip == _VALID_255] = valid_255_becomes
    report.unchanged_pixels = found.counts[UNCHANGED]
    report.changed_pixels = found.counts[_VALID_255] if binary_255 else found.counts[CHANGED]
    report.other_value_pixels = found.other
    if report.unchanged_pixels + report.changed_pixels == 0:
        raise InputError(
            f"{name} has no pixel with 0 (unchanged) or 1 (changed) on {grid_owner}'s grid: check that it is "
            f"a label raster over {grid_owner} (0 = unchanged, 1 = changed, 255 or nodata = unlabelled)"
        )
    report.messages.append(
        f"Label raster {name}: {report.unchanged_pixels:,} unchanged and "
        f"{report.changed_pixels:,} changed pixels"
    )
    if report.other_value_pixels:
        report.messages.append(
            f"{_plural(report.other_value_pixels, 'pixel')} with values other than 0, 1 and 255 are ignored"
        )
    return labels, report


@uses_gdal
def create_label_layer(path: str | os.PathLike, crs_wkt: str,
                       polygons: Iterable[tuple[bytes, int]] = ()) -> str:
    """A new GeoPackage with a polygon layer 'labels' and an integer field 'change' (NOT NULL, default 0),
    in ``crs_wkt``, written atomically, with the 'labels.qml' style beside it; returns the path. It is
    empty, or holds ``polygons``: (WKB geometry in ``crs_wkt``, 0 or 1) pairs."""
    target = Path(path)
    if target.suffix.lower() != ".gpkg":
        raise InputError(f"the label layer {target} must be a GeoPackage: give it the extension .gpkg")
    definition = ogr.FieldDefn(LABEL_FIELD, ogr.OFTInteger)
    definition.SetNullable(False)
    definition.SetDefault("0")
    features = [(ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(wkb)), {LABEL_FIELD: int(value)})
                for wkb, value in polygons]
    _write_polygon_layer(target, LABEL_LAYER_NAME, crs_wkt, [definition], features, "label layer")
    write_style_sidecar(target, "labels.qml")
    return str(target)


@uses_gdal
def _write_polygon_layer(target: Path, name: str, crs_wkt: str, fields: list[ogr.FieldDefn], features: list,
                         description: str) -> None:
    """A new GeoPackage at ``target``, written atomically, with one multipolygon layer ``name`` holding
    ``fields`` and ``features`` (each a geometry and a {field: value or None} dict)."""
    with atomic_file(target) as temporary:
        try:
            dataset = gdal_call(gdal.GetDriverByName("GPKG").Create, temporary, 0, 0, 0, gdal.GDT_Unknown)
            layer = gdal_call(dataset.CreateLayer, name, spatial_ref(crs_wkt), ogr.wkbMultiPolygon,
                              ["FID=fid", "GEOMETRY_NAME=geom"])
            for definition in fields:
                gdal_call(layer.CreateField, definition, error_code=True)
            layer.StartTransaction()
            for geometry, values in features:
                feature = ogr.Feature(layer.GetLayerDefn())
                feature.SetGeometry(geometry)
                for field_name, value in values.items():
                    if value is None:
                        feature.SetFieldNull(field_name)
                    else:
                        feature.SetField(field_name, value)
                gdal_call(layer.CreateFeature, feature, error_code=True)
            layer.CommitTransaction()
        except GdalError as exc:
            raise InputError(f"could not create the {description} {target}: {exc}") from None
        finally:
            layer = dataset = None


#: The layer Suggest where to label next writes, and its fields (``change`` NULL until the analyst sets it).
SUGGESTION_LAYER_NAME = "suggestions"
SUGGESTION_FIELDS = (("rank", ogr.OFTInteger), ("score", ogr.OFTReal), ("predicted", ogr.OFTInteger),
                     ("probability", ogr.OFTReal), (LABEL_FIELD, ogr.OFTInteger))


@uses_gdal
def write_suggestion_layer(path: str | os.PathLike, grid: RasterGrid, suggestions) -> str:
    """A GeoPackage polygon layer 'suggestions' in the grid's CRS: one square per suggestion (objects with
    ``rank``, ``x``, ``y``, ``size`` in pixels, ``score``, ``predicted``, ``probability``), in rank order,
    with the field ``change`` left NULL; written atomically, the 'suggestions.qml' style beside it. Being
    a label layer with NULL values, it is a valid LABELS input to Train as it is."""
    target = Path(path)
    if target.suffix.lower() != ".gpkg":
        raise InputError(f"the suggestion layer {target} must be a GeoPackage: give it the extension .gpkg")
    a, b, c, d, e, f = grid.geotransform
    features = []
    for item in sorted(suggestions, key=lambda s: s.rank):
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for column, row in ((item.x, item.y), (item.x + item.size, item.y), (item.x + item.size, item.y + item.size),
                            (item.x, item.y + item.size), (item.x, item.y)):
            ring.AddPoint_2D(a + column * b + row * c, d + column * e + row * f)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        square = ogr.Geometry(ogr.wkbMultiPolygon)
        square.AddGeometry(polygon)
        features.append((square, {"rank": int(item.rank), "score": float(item.score),
                                  "predicted": int(item.predicted), "probability": float(item.probability),
                                  LABEL_FIELD: None}))
    _write_polygon_layer(target, SUGGESTION_LAYER_NAME, grid.crs_wkt,
                         [ogr.FieldDefn(name, kind) for name, kind in SUGGESTION_FIELDS], features, "suggestion layer")
    write_style_sidecar(target, "suggestions.qml")
    return str(target)
