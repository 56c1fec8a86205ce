"""SiamCRNN › Review suggestions: a dock panel that walks the boxes of Suggest where to label next.

It zooms the map to the current box (outlined), shows the same place in the other date in a small map of
its own (side by side), swaps T1 and T2, and writes Changed / Unchanged into the layer through its edit
buffer (keys C, U, S for Skip, B for Back, T for the other date). Train again saves the answers and opens
Train with them (and the earlier labels) filled in. The logic lives in review.py; this is the window over
it.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsMapLayer, QgsProject, QgsRectangle, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsMapCanvas, QgsMapLayerComboBox, QgsRubberBand
from qgis.PyQt.QtGui import QColor, QIcon, QKeySequence
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import Translatable
from ..paths import icon_path
from ..processing.compat import POLYGON_GEOMETRY, POLYGON_LAYER_FILTER, RASTER_LAYER_FILTER
from .review import (
    CHANGE,
    CHANGED,
    ReviewError,
    ReviewSession,
    default_pair,
    has_suggestion_fields,
    train_parameters,
    training_labels_path,
)

ZOOM_FACTOR = 3.0  # the view is three boxes wide: the box and its surroundings
OUTLINE = QColor(255, 140, 0)


class ReviewDock(Translatable, QgsDockWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.canvas = iface.mapCanvas()
        self.project = QgsProject.instance()
        self.session: ReviewSession | None = None
        self.showing_t2 = False
        self.train_dialog = None
        self.setWindowTitle(self.tr("Review suggestions"))
        self.setObjectName("SiamCRNNReviewDock")
        self.preview = QgsMapCanvas()  # the other date, side by side with the map at the same extent
        self.preview.setObjectName("SiamCRNNReviewPreview")
        self.preview.setMinimumHeight(220)
        self.preview.setCanvasColor(QColor(255, 255, 255))
        self.preview.setToolTip(self.tr("The other date, at the map's extent. T swaps the two."))
        self.band, self.preview_band = (self._outline(canvas) for canvas in (self.canvas, self.preview))

        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(POLYGON_LAYER_FILTER)
        self.layer_combo.setAllowEmptyLayer(True)
        self.t1_combo, self.t2_combo = QgsMapLayerComboBox(), QgsMapLayerComboBox()
        for combo in (self.t1_combo, self.t2_combo):
            combo.setFilters(RASTER_LAYER_FILTER)
        self.labels_combo = QgsMapLayerComboBox()
        self.labels_combo.setFilters(POLYGON_LAYER_FILTER)
        self.labels_combo.setAllowEmptyLayer(True)
        self.labels_combo.setToolTip(self.tr("Your earlier label polygons: Train again learns from them and "
                                             "from the boxes answered here. Leave empty to train on the boxes "
                                             "alone."))
        self.field_combo = QgsFieldComboBox()
        self.field_combo.setToolTip(self.tr("The field of the earlier labels holding 0 (unchanged) or 1 (changed)."))
        form = QFormLayout()
        form.addRow(self.tr("Suggestions"), self.layer_combo)
        form.addRow(self.tr("T1 image"), self.t1_combo)
        form.addRow(self.tr("T2 image"), self.t2_combo)
        form.addRow(self.tr("Earlier labels"), self.labels_combo)
        form.addRow(self.tr("Label field"), self.field_combo)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.position = QLabel()
        self.position.setStyleSheet("font-weight: bold; font-size: 120%;")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.answer_label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)  # the line above says it in words

        self.date_button = self._button(self.tr("Show T2"), "T", self.toggle_dates)
        self.date_label = QLabel()
        dates = QHBoxLayout()
        dates.addWidget(self.date_label, 1)
        dates.addWidget(self.date_button)

        self.changed_button = self._button(self.tr("Changed"), "C", self.session_call(ReviewSession.mark_changed))
        self.changed_button.setStyleSheet("QPushButton:enabled { color: #b00000; font-weight: bold; }")
        self.unchanged_button = self._button(self.tr("Unchanged"), "U", self.session_call(ReviewSession.mark_unchanged))
        self.unchanged_button.setStyleSheet("QPushButton:enabled { color: #1b6e20; font-weight: bold; }")
        self.skip_button = self._button(self.tr("Skip"), "S", self.session_call(ReviewSession.skip))
        self.back_button = self._button(self.tr("Back"), "B", self.session_call(ReviewSession.back))
        answers = QGridLayout()
        answers.addWidget(self.changed_button, 0, 0)
        answers.addWidget(self.unchanged_button, 0, 1)
        answers.addWidget(self.back_button, 1, 0)
        answers.addWidget(self.skip_button, 1, 1)

        self.skipped_button = QPushButton(self.tr("Review the unanswered boxes"))
        self.skipped_button.clicked.connect(self.session_call(ReviewSession.go_to_first_unanswered))
        self.save_button = QPushButton(QIcon(":/images/themes/default/mActionSaveEdits.svg"), self.tr("Save answers"))
        self.save_button.setToolTip(self.tr("Save the answers into the suggestion layer's file. Until then they "
                                            "are edits of the layer like any other: Undo (Ctrl+Z) takes them back."))
        self.save_button.clicked.connect(self.session_call(ReviewSession.save, move=False))
        self.train_button = QPushButton(QIcon(icon_path("train.svg")), self.tr("Train again…"))
        self.train_button.setToolTip(self.tr("Save the answers and open Train with them and the earlier labels."))
        self.train_button.clicked.connect(self.train_again)
        finish = QHBoxLayout()
        finish.addWidget(self.save_button)
        finish.addWidget(self.train_button)

        box = QGroupBox(self.tr("Current box"))
        box_layout = QVBoxLayout(box)
        for widget in (self.position, self.details, self.answer_label, self.progress_bar):
            box_layout.addWidget(widget)
        box_layout.addLayout(dates)
        box_layout.addLayout(answers)
        box_layout.addWidget(self.skipped_button)
        self.preview_group = QGroupBox(self.tr("The other date"))
        preview_layout = QVBoxLayout(self.preview_group)
        preview_layout.setContentsMargins(2, 2, 2, 2)
        preview_layout.addWidget(self.preview)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(box)
        layout.addWidget(self.preview_group, 1)
        layout.addLayout(finish)
        self.setWidget(body)

        self.refresh_layer_lists()
        self.layer_combo.layerChanged.connect(self.choose_layer)
        self.labels_combo.layerChanged.connect(self.earlier_labels_changed)
        self.t1_combo.layerChanged.connect(lambda layer: self.show_state())
        self.t2_combo.layerChanged.connect(lambda layer: self.show_state())
        self.project.layersAdded.connect(self.layers_added)
        self.project.layersWillBeRemoved.connect(self.layers_removed)
        self.visibilityChanged.connect(self.band.setVisible)
        self.canvas.extentsChanged.connect(self.follow_map)
        self.canvas.destinationCrsChanged.connect(self.follow_map)
        self.prefill()
        self.earlier_labels_changed(self.labels_combo.currentLayer())

    @staticmethod
    def _outline(canvas) -> QgsRubberBand:
        band = QgsRubberBand(canvas, POLYGON_GEOMETRY)
        band.setStrokeColor(OUTLINE)
        band.setFillColor(QColor(0, 0, 0, 0))
        band.setWidth(3)
        return band

    def follow_map(self, *_) -> None:
        """The preview shows the middle of the map (a square as wide as the map's shorter side: the box and
        its surroundings after a zoom), in the map's CRS, following pans and zooms."""
        extent = self.canvas.extent()
        half = min(extent.width(), extent.height()) / 2
        centre = extent.center()
        self.preview.setDestinationCrs(self.canvas.mapSettings().destinationCrs())
        self.preview.setExtent(QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half))
        self.preview.refresh()

    def _button(self, text: str, key: str, slot) -> QPushButton:
        button = QPushButton(f"{text} ({key})")
        button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    # ---- layers ----------------------------------------------------------------------------------
    def refresh_layer_lists(self) -> None:
        """Suggestions: polygon layers with the suggestion fields; earlier labels: the other polygon layers."""
        layers = list(self.project.mapLayers().values())
        suggestions = [layer for layer in layers if has_suggestion_fields(layer)]
        polygons = [layer for layer in layers if isinstance(layer, QgsVectorLayer)]
        self.layer_combo.setExceptedLayerList([layer for layer in polygons if layer not in suggestions])
        self.labels_combo.setExceptedLayerList(suggestions)

    def prefill(self) -> None:
        """The active layer when it holds suggestions, else the topmost suggestion layer in the legend; the pair
        used last (else the project's first two images by name); the topmost other polygon layer with a
        change field as the earlier labels."""
        t1, t2 = default_pair(self.project)
        for combo, layer in ((self.t1_combo, t1), (self.t2_combo, t2)):
            if layer is not None:
                combo.setLayer(layer)
        layers = [node.layer() for node in self.project.layerTreeRoot().findLayers() if node.layer() is not None]
        active = self.iface.activeLayer()
        if active is not None and active in layers:
            layers.remove(active)
            layers.insert(0, active)
        if self.labels_combo.currentLayer() is None:
            earlier = [layer for layer in layers if isinstance(layer, QgsVectorLayer)
                       and layer.geometryType() == POLYGON_GEOMETRY and layer.fields().indexOf(CHANGE) >= 0
                       and not has_suggestion_fields(layer)]
            if earlier:
                self.labels_combo.setLayer(earlier[0])
        suggestions = [layer for layer in layers if has_suggestion_fields(layer)]
        if self.session is None and suggestions:
            self.layer_combo.setLayer(suggestions[0])
        self.choose_layer(self.layer_combo.currentLayer())

    def earlier_labels_changed(self, layer: QgsMapLayer | None) -> None:
        self.field_combo.setLayer(layer)
        self.field_combo.setField(CHANGE)
        self.show_state()

    def layers_added(self, layers) -> None:
        """A new suggestion layer (the next round's) is taken up once the current review is over."""
        self.refresh_layer_lists()
        if self.session is None:
            self.prefill()
            return
        suggestions = [layer for layer in layers if has_suggestion_fields(layer)]
        if suggestions and self.session.done:
            self.layer_combo.setLayer(suggestions[-1])

    def layers_removed(self, layer_ids) -> None:
        if self.session is not None and self.session.layer.id() in layer_ids:
            self._disconnect_layer()
            self.session = None
            self._clear_outlines()
            self.show_state()

    def choose_layer(self, layer: QgsMapLayer | None) -> None:
        self._disconnect_layer()
        self.session = None
        self.message.clear()
        if layer is not None:
            try:
                self.session = ReviewSession(layer)
            except ReviewError as error:
                self.message.setText(str(error))
        if self.session is not None:
            for signal in self._layer_signals():
                signal.connect(self.show_state)
        self.show_state(zoom=True)

    def _layer_signals(self):
        layer = self.session.layer
        return (layer.attributeValueChanged, layer.afterRollBack, layer.afterCommitChanges, layer.editingStopped)

    def _disconnect_layer(self) -> None:
        if self.session is None:
            return
        for signal in self._layer_signals():
            try:
                signal.disconnect(self.show_state)
            except TypeError:
                pass

    # ---- actions ---------------------------------------------------------------------------------
    def session_call(self, method, move: bool = True):
        """A slot running ``method`` on the session, showing its error, then the new box."""
        def slot(*_) -> None:
            if self.session is None:
                return
            self.message.clear()
            try:
                method(self.session)
            except ReviewError as error:
                self.message.setText(str(error))
            self.show_state(zoom=move)
        return slot

    def toggle_dates(self) -> None:
        self.showing_t2 = not self.showing_t2
        self.show_dates()

    def show_dates(self) -> None:
        """Only the date being looked at is visible in the layer tree; the other is only hidden."""
        shown, hidden = (self.t2_combo, self.t1_combo) if self.showing_t2 else (self.t1_combo, self.t2_combo)
        root = self.project.layerTreeRoot()
        for combo, visible in ((hidden, False), (shown, True)):
            layer = combo.currentLayer()
            node = root.findLayer(layer.id()) if layer is not None else None
            if node is None:
                continue
            if visible:
                node.setItemVisibilityCheckedParentRecursive(True)
            else:
                node.setItemVisibilityChecked(False)
        other = hidden.currentLayer()
        self.preview.setLayers([layer for layer in (self.session.layer if self.session else None, other) if layer])
        self.preview_group.setTitle(self.tr("Beside: {date} ({name})").format(
            date="T1" if self.showing_t2 else "T2", name=other.name() if other is not None else self.tr("none")))
        self.follow_map()
        layer = shown.currentLayer()
        self.date_label.setText(self.tr("On the map: {date} ({name})").format(
            date="T2" if self.showing_t2 else "T1", name=layer.name() if layer is not None else self.tr("none")))
        self.date_button.setText(self.tr("Show {date} (T)").format(date="T1" if self.showing_t2 else "T2"))

    def train_again(self) -> None:
        if self.session is None:
            return
        self.message.clear()
        try:
            self.session.save()
            labels = self.session.layer
            earlier = self.labels_combo.currentLayer()
            if earlier is not None:
                path = training_labels_path(self.session.layer)
                count = self.session.write_training_labels(path, earlier, self.field_combo.currentField() or CHANGE)
                labels = QgsVectorLayer(path, self.tr("Training labels (reviewed)"), "ogr")
                self.project.addMapLayer(labels)
                self.iface.messageBar().pushMessage(self.tr("Review suggestions"), self.tr(
                    "Wrote {count} label polygons (the earlier labels and the answered boxes) to {path}.").format(
                    count=count, path=path), Qgis.MessageLevel.Info)
            elif self.session.progress().labelled == 0:
                raise ReviewError(self.tr("No box has been answered yet: press Changed or Unchanged first."))
        except ReviewError as error:
            self.message.setText(str(error))
            self.show_state()
            return
        import processing

        self.train_dialog = processing.createAlgorithmDialog(
            "siamcrnn:train", train_parameters(self.t1_combo.currentLayer(), self.t2_combo.currentLayer(), labels))
        self.train_dialog.show()
        self.show_state()

    # ---- showing ---------------------------------------------------------------------------------
    def show_state(self, *_, zoom: bool = False) -> None:
        session = self.session
        reviewing = session is not None and not session.done
        for button in (self.changed_button, self.unchanged_button, self.skip_button):
            button.setEnabled(reviewing)
        self.back_button.setEnabled(session is not None and session.index > 0)
        self.date_button.setEnabled(session is not None)
        self.save_button.setEnabled(session is not None and session.unsaved)
        self.skipped_button.setVisible(session is not None and session.done and session.unanswered > 0)
        if session is None:
            self.position.setText(self.tr("No suggestion layer"))
            self.details.setText(self.tr("Run Suggest where to label next, then choose its layer here."))
            self.answer_label.clear()
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.train_button.setEnabled(False)
            self._clear_outlines()
            return
        progress = session.progress()
        self.position.setText(session.progress_text())
        self.progress_bar.setRange(0, progress.total)
        self.progress_bar.setValue(progress.labelled)
        self.train_button.setEnabled(progress.labelled > 0 or self.labels_combo.currentLayer() is not None)
        self.train_button.setDefault(session.done)
        current = session.current()
        if current is None:
            self.details.setText(self.tr("Every box has been reviewed. Train again to learn from the answers, or "
                                         "press Back to change one."))
            self.answer_label.clear()
            self._clear_outlines()
            return
        predicted = {1: self.tr("changed"), 0: self.tr("unchanged")}.get(current.predicted, self.tr("unknown"))
        self.details.setText(self.tr("Rank {rank} · the model says {predicted} (mean probability {probability}) · "
                                     "score {score}").format(
            rank=current.rank, predicted=predicted,
            probability="–" if current.probability is None else f"{current.probability:.2f}",
            score="–" if current.score is None else f"{current.score:.3f}"))
        answer = {None: self.tr("not answered"), CHANGED: self.tr("Changed")}.get(current.change, self.tr("Unchanged"))
        self.answer_label.setText(self.tr("Your answer: {answer}").format(answer=answer))
        feature = session.layer.getFeature(current.fid)
        for band in (self.band, self.preview_band):
            band.setToGeometry(feature.geometry(), session.layer)
        self.band.setVisible(self.isVisible())
        if zoom:
            extent = self.canvas.mapSettings().layerExtentToOutputExtent(session.layer, current.extent)
            extent.scale(ZOOM_FACTOR)
            self.canvas.setExtent(extent)
            self.canvas.refresh()
        self.show_dates()

    def _clear_outlines(self) -> None:
        for band in (self.band, self.preview_band):
            band.reset(POLYGON_GEOMETRY)

    def remove(self) -> None:
        """Take the outline off the map and let go of the project (the plugin's unload)."""
        self._disconnect_layer()
        self.session = None
        # The layer lists follow the project, and their signals reach lambdas that Qt does not disconnect by
        # itself: silenced, a removed panel that is not deleted yet never touches a canvas that may be gone.
        for combo in (self.layer_combo, self.t1_combo, self.t2_combo, self.labels_combo, self.field_combo):
            combo.blockSignals(True)
        for signal, slot in ((self.project.layersAdded, self.layers_added),
                             (self.project.layersWillBeRemoved, self.layers_removed),
                             (self.canvas.extentsChanged, self.follow_map),
                             (self.canvas.destinationCrsChanged, self.follow_map)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        self.canvas.scene().removeItem(self.band)
