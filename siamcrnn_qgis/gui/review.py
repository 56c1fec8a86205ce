"""Reviewing suggested boxes (the output of Suggest where to label next), without a window or a map canvas.

A :class:`ReviewSession` walks the boxes of a suggestion layer in rank order and writes the analyst's
answer into the layer's ``change`` field through its edit buffer: one undo step per answer, nothing saved
until :meth:`ReviewSession.save` (or Train again) commits, as with any other edit in QGIS. When the review
is done, :meth:`ReviewSession.write_training_labels` merges the answers with the analyst's earlier label
polygons into one GeoPackage, and :func:`train_parameters` fills the Train dialog with it. The panel
(review_dock.py) is a thin layer over this.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from qgis.core import (
    NULL,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

from ..i18n import Translatable, tr
from ..io.labels import create_label_layer
from ..processing.compat import CAN_CHANGE_ATTRIBUTE_VALUES, NO_GEOMETRY, POLYGON_GEOMETRY

RANK, SCORE, PREDICTED, PROBABILITY, CHANGE = "rank", "score", "predicted", "probability", "change"
SUGGESTION_FIELDS = (RANK, SCORE, PREDICTED, PROBABILITY, CHANGE)
CHANGED, UNCHANGED = 1, 0
BOOLEAN_TYPE = int(QMetaType.Type.Bool)  # QgsField.type(): a QVariant.Type in QGIS 3, a QMetaType.Type in 4


class ReviewError(Exception):
    """A sentence for the analyst: what is wrong and what to do."""


def _value(value):
    """A field value as Python: NULL (a QVariant in PyQGIS 3) as None."""
    return None if value is None or value == NULL else value


def _holds_numbers(field) -> bool:
    """True for a numeric or a boolean (0/1) field."""
    return field.isNumeric() or int(field.type()) == BOOLEAN_TYPE


def has_suggestion_fields(layer: QgsMapLayer | None) -> bool:
    """True for a polygon layer with the fields Suggest where to label next writes (rank, score, predicted,
    probability, change): the layers the panel offers."""
    return suggestion_layer_problem(layer) is None


def suggestion_layer_problem(layer: QgsMapLayer | None) -> str | None:
    """Why ``layer`` cannot be reviewed, as a sentence the analyst can act on; None when it can."""
    made_by = tr("Choose the polygon layer made by Suggest where to label next (fields rank, score, predicted, "
                 "probability and change).")
    if layer is None:
        return tr("No suggestion layer is chosen.") + " " + made_by
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return tr("{name} is not a valid vector layer.").format(name=layer.name()) + " " + made_by
    if layer.geometryType() != POLYGON_GEOMETRY:
        return tr("{name} does not hold polygons.").format(name=layer.name()) + " " + made_by
    fields = layer.fields()
    missing = [name for name in SUGGESTION_FIELDS if fields.indexOf(name) < 0]
    if missing:
        return tr("{name} has no field {fields}.").format(name=layer.name(), fields=", ".join(missing)) + " " + made_by
    # a boolean field holds 0/1 as well: QGIS 3.30+ reads a delimited-text column of 0s and 1s as one
    text = [name for name in SUGGESTION_FIELDS if not _holds_numbers(fields.field(name))]
    if text:
        return tr("In {name}, the field {fields} holds text, not numbers.").format(
            name=layer.name(), fields=", ".join(text)) + " " + made_by
    if not layer.dataProvider().capabilities() & CAN_CHANGE_ATTRIBUTE_VALUES:
        return tr("{name} cannot be edited (read-only file or format): save it as a GeoPackage first.").format(
            name=layer.name())
    return None


@dataclass(frozen=True)
class Suggestion:
    """One box as the panel shows it; ``extent`` in the layer's CRS, ``change`` None while unanswered."""

    fid: int
    rank: int | None
    score: float | None
    predicted: int | None
    probability: float | None
    change: int | None
    extent: QgsRectangle


@dataclass(frozen=True)
class Progress:
    position: int  # 1-based; total + 1 when every box has been passed
    total: int
    changed: int
    unchanged: int

    @property
    def labelled(self) -> int:
        return self.changed + self.unchanged


class ReviewSession(Translatable):
    """The boxes of one suggestion layer in rank order (1 = most informative first), a current box, and the
    analyst's answers written to ``change`` (1 changed, 0 unchanged; Skip leaves the value as it is)."""

    def __init__(self, layer: QgsVectorLayer) -> None:
        problem = suggestion_layer_problem(layer)
        if problem is not None:
            raise ReviewError(problem)
        self.layer = layer
        self.change_index = layer.fields().indexOf(CHANGE)
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes(
            [layer.fields().indexOf(RANK)])
        ranked = [(_value(feature[RANK]), feature.id()) for feature in layer.getFeatures(request)]
        self.order = [fid for rank, fid in sorted(ranked, key=lambda item: (item[0] is None, item[0] or 0, item[1]))]
        if not self.order:
            raise ReviewError(self.tr("{name} holds no suggestions: run Suggest where to label next again, or "
                                      "choose another layer.").format(name=layer.name()))
        self.index = 0
        self.go_to_first_unanswered()

    # ---- where we are ----------------------------------------------------------------------------
    @property
    def done(self) -> bool:
        """True once the analyst has moved past the last box."""
        return self.index >= len(self.order)

    def current(self) -> Suggestion | None:
        """The current box, read from the layer (its edit buffer included); None when done."""
        if self.done:
            return None
        return self.suggestion(self.order[self.index])

    def suggestion(self, fid: int) -> Suggestion:
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            raise ReviewError(self.tr("Suggestion {fid} is no longer in {name}: choose the layer again.").format(
                fid=fid, name=self.layer.name()))
        values = {name: _value(feature[name]) for name in SUGGESTION_FIELDS}
        return Suggestion(
            fid=fid,
            rank=None if values[RANK] is None else int(values[RANK]),
            score=None if values[SCORE] is None else float(values[SCORE]),
            predicted=None if values[PREDICTED] is None else int(values[PREDICTED]),
            probability=None if values[PROBABILITY] is None else float(values[PROBABILITY]),
            change=self._answer(values[CHANGE]),
            extent=feature.geometry().boundingBox(),
        )

    @staticmethod
    def _answer(value) -> int | None:
        return int(value) if value is not None and float(value) in (0.0, 1.0) else None

    def answers(self) -> dict[int, int | None]:
        """fid → 0, 1 or None for every box (edit buffer included)."""
        request = QgsFeatureRequest().setFlags(NO_GEOMETRY).setSubsetOfAttributes(
            [self.change_index])
        return {feature.id(): self._answer(_value(feature[CHANGE])) for feature in self.layer.getFeatures(request)}

    def progress(self) -> Progress:
        values = [value for value in self.answers().values() if value is not None]
        return Progress(position=min(self.index, len(self.order)) + 1, total=len(self.order),
                        changed=values.count(CHANGED), unchanged=values.count(UNCHANGED))

    def progress_text(self) -> str:
        """"3 of 20, 2 labelled" (or "Done: 20 boxes, 18 labelled")."""
        progress = self.progress()
        if self.done:
            done = self.tr("Done: {total} boxes, {labelled} labelled ({changed} changed, {unchanged} unchanged)")
            return done.format(
                total=progress.total, labelled=progress.labelled, changed=progress.changed,
                unchanged=progress.unchanged)
        return self.tr("{position} of {total}, {labelled} labelled").format(
            position=progress.position, total=progress.total, labelled=progress.labelled)

    @property
    def unanswered(self) -> int:
        return sum(value is None for value in self.answers().values())

    # ---- moving ----------------------------------------------------------------------------------
    def go_to(self, index: int) -> None:
        self.index = max(0, min(index, len(self.order)))

    def next(self) -> None:
        self.go_to(self.index + 1)

    def back(self) -> None:
        self.go_to(self.index - 1)

    def go_to_first_unanswered(self) -> bool:
        """To the best-ranked box without an answer (where a review left off, or the skipped ones); to the
        end when every box has one. Returns whether there was such a box."""
        answers = self.answers()
        for position, fid in enumerate(self.order):
            if answers.get(fid) is None:
                self.index = position
                return True
        self.index = len(self.order)
        return False

    # ---- answering -------------------------------------------------------------------------------
    def mark_changed(self) -> None:
        self.answer(CHANGED)

    def mark_unchanged(self) -> None:
        self.answer(UNCHANGED)

    def skip(self) -> None:
        """On to the next box; this one keeps the value it has (NULL: not a label)."""
        self.next()

    def answer(self, value: int) -> None:
        """Write 0 or 1 into the current box's ``change`` as one undoable edit, then move on."""
        current = self.current()
        if current is None:
            raise ReviewError(self.tr("Every box has been reviewed: press Back to change an answer."))
        if not self.layer.isEditable() and not self.layer.startEditing():
            raise ReviewError(self.tr("{name} cannot be edited: check that its file is writable.").format(
                name=self.layer.name()))
        what = self.tr("changed") if value == CHANGED else self.tr("unchanged")
        self.layer.beginEditCommand(self.tr("Suggestion {rank}: {answer}").format(rank=current.rank, answer=what))
        if not self.layer.changeAttributeValue(current.fid, self.change_index, int(value)):
            self.layer.destroyEditCommand()
            raise ReviewError(self.tr("Could not set change of suggestion {rank} in {name}.").format(
                rank=current.rank, name=self.layer.name()))
        self.layer.endEditCommand()
        self.next()

    @property
    def unsaved(self) -> bool:
        return self.layer.isEditable() and self.layer.isModified()

    def save(self) -> None:
        """Commit the edit buffer to the file, staying in edit mode (as QGIS's Save Layer Edits does)."""
        if not self.unsaved:
            return
        if not self.layer.commitChanges(False):
            raise ReviewError(self.tr("Could not save {name}: {errors}").format(
                name=self.layer.name(), errors="; ".join(self.layer.commitErrors())))

    # ---- training again --------------------------------------------------------------------------
    def write_training_labels(self, path: str, earlier: QgsVectorLayer | None = None,
                              earlier_field: str = CHANGE) -> int:
        """One GeoPackage label layer (field change) at ``path`` in the suggestion layer's CRS: the boxes
        answered here and, when given, the earlier label polygons whose ``earlier_field`` is 0 or 1
        (reprojected; their edit buffer included). Returns the number of polygons written."""
        polygons = []
        if earlier is not None:
            if earlier.fields().indexOf(earlier_field) < 0:
                raise ReviewError(self.tr("{name} has no field {field}: choose the field holding 0 (unchanged) "
                                          "or 1 (changed).").format(name=earlier.name(), field=earlier_field))
            transform = QgsCoordinateTransform(earlier.crs(), self.layer.crs(), QgsProject.instance())
            for feature in earlier.getFeatures():
                value, geometry = self._answer(_value(feature[earlier_field])), feature.geometry()
                if value is None or geometry.isEmpty():
                    continue
                if earlier.crs().isValid() and self.layer.crs().isValid():
                    geometry.transform(transform)
                polygons.append((bytes(geometry.asWkb()), value))
        for feature in self.layer.getFeatures():
            value = self._answer(_value(feature[CHANGE]))
            if value is not None and not feature.geometry().isEmpty():
                polygons.append((bytes(feature.geometry().asWkb()), value))
        if not polygons:
            raise ReviewError(self.tr("No box has been answered yet: press Changed or Unchanged first."))
        create_label_layer(path, self.layer.crs().toWkt(), polygons)
        return len(polygons)


def training_labels_path(layer: QgsVectorLayer) -> str:
    """Where Train again writes the merged labels: next to the saved project (or SiamCRNN's last folder) in
    the desktop, else next to the suggestion layer's file; reviewed_labels.gpkg, reviewed_labels_2.gpkg…"""
    from qgis.core import QgsProcessingUtils

    from ..processing import session

    folder = session.output_folder() if session.desktop else None
    if folder is None:
        source = layer.source().split("|")[0]
        folder = os.path.dirname(source) if os.path.isfile(source) else QgsProcessingUtils.tempFolder()
    path = session.unused_file(folder, "reviewed_labels", "gpkg")
    if path is None:
        raise ReviewError(tr("{folder} already holds reviewed_labels.gpkg to reviewed_labels_999.gpkg: move some "
                             "of them away.").format(folder=folder))
    return path


def train_parameters(t1: QgsMapLayer | None, t2: QgsMapLayer | None, labels: QgsMapLayer | str) -> dict:
    """Train's parameter values for the dialog: the pair by layer id, the labels by layer id (or path), the
    label field ``change``."""
    parameters = {"LABELS": labels.id() if isinstance(labels, QgsMapLayer) else labels, "LABEL_FIELD": CHANGE}
    for key, layer in (("T1", t1), ("T2", t2)):
        if layer is not None:
            parameters[key] = layer.id()
    return parameters


def default_pair(project: QgsProject) -> tuple[QgsMapLayer | None, QgsMapLayer | None]:
    """T1 and T2 to offer: the pair SiamCRNN used last in this session when both are in the project, else
    the first two of the project's image layers by name (dates and t1/t2 in names sort in time order),
    leaving out SiamCRNN's own change maps and probabilities."""
    from qgis.core import QgsRasterLayer

    from ..processing import session

    rasters = sorted((layer for layer in project.mapLayers().values() if isinstance(layer, QgsRasterLayer)),
                     key=lambda layer: layer.name().lower())
    last = session.last_pair()
    if last is not None:
        found = [next((layer for layer in rasters if source in (layer.source(), layer.id())), None) for source in last]
        if all(found):
            return found[0], found[1]
    inputs = [layer for layer in rasters
              if layer.providerType() == "gdal" and not session.is_own_output(layer.source())] + [None, None]
    return inputs[0], inputs[1]
