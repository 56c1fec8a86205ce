"""The two rasters of a detection, written region by region as the probabilities come: the change
probability (float32, nodata -1) and the change map (uint8: 0 unchanged, 1 changed, 255 nodata), with
their counts, styles and provenance. Detect on one machine and the cluster's assembler both write
through here, so their files hold the same values."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import numpy as np

from .writer import GeoTiffWriter

if TYPE_CHECKING:
    from typing import Self  # Python 3.11; only for type checkers (QGIS may run Python 3.9)

    from .raster import RasterGrid

PROBABILITY_NODATA = -1.0
CHANGE_NODATA = 255
#: GDAL metadata of both rasters naming the model's training labels: Evaluate warns when they are its reference.
TRAINING_LABELS_KEY = "SIAMCRNN_TRAINING_LABELS"
TRAINING_LABEL_FIELD_KEY = "SIAMCRNN_TRAINING_LABEL_FIELD"
PROBABILITY_STYLE = "probability.qml"
CHANGE_STYLE = "change.qml"
#: Bins of the probability histogram (over 0..1) kept for reports.
HISTOGRAM_BINS = 20


def output_metadata(model_path: str, threshold: float, tile_size: int, metadata) -> dict[str, str]:
    """The provenance both rasters carry: the model file, the threshold, the tile size, and the model's
    training labels as its file records them (``metadata`` is the model's ``ModelMetadata``)."""
    found = {"SIAMCRNN_MODEL": str(model_path), "SIAMCRNN_THRESHOLD": f"{threshold:g}",
             "SIAMCRNN_TILE_SIZE": str(tile_size)}
    labels = metadata.provenance.get("labels") or {}
    if isinstance(labels, dict) and labels.get("source"):
        found[TRAINING_LABELS_KEY] = str(labels["source"])
        found[TRAINING_LABEL_FIELD_KEY] = str(labels.get("field", ""))
    return found


class ChangeMaps:
    """The probability and change GeoTIFFs on ``grid``, written by :meth:`write` (a detection sink), then
    :meth:`finalize` (overviews, statistics: both stay under hidden names) and :meth:`publish` (both
    renamed onto their final names, with their style sidecars). An exception inside ``with`` before
    publishing deletes both temporary files."""

    def __init__(self, probability_path: str | os.PathLike, change_path: str | os.PathLike, grid: RasterGrid,
                 threshold: float) -> None:
        self.threshold = threshold
        self.changed = 0
        self.valid = 0
        self.histogram = np.zeros(HISTOGRAM_BINS, dtype=np.int64)
        self.probability = GeoTiffWriter(probability_path, grid, "float32", PROBABILITY_NODATA,
                                         band_name="change probability")
        try:
            self.change = GeoTiffWriter(change_path, grid, "uint8", CHANGE_NODATA, band_name="change")
        except BaseException:
            self.probability.abort()
            raise

    def write(self, x: int, y: int, probability: np.ndarray) -> None:
        """Both rasters over the region whose top-left pixel is (x, y); NaN probabilities are nodata."""
        invalid = np.isnan(probability)
        change = (probability >= self.threshold).astype(np.uint8)
        change[invalid] = CHANGE_NODATA
        valid_values = probability[~invalid]
        self.changed += int(np.count_nonzero(change == 1))
        self.valid += valid_values.size
        self.histogram += np.histogram(valid_values, bins=HISTOGRAM_BINS, range=(0.0, 1.0))[0]
        self.probability.write(x, y, np.where(invalid, PROBABILITY_NODATA, probability))
        self.change.write(x, y, change)

    def set_metadata(self, metadata: dict[str, object]) -> None:
        for writer in (self.probability, self.change):
            writer.set_metadata(metadata)

    def finalize(self) -> None:
        self.probability.finalize(publish=False)
        self.change.finalize(publish=False)

    def publish(self) -> list[str]:
        """Both files under their final names, with their styles; their paths (probability, change)."""
        return [self.probability.publish(style=PROBABILITY_STYLE), self.change.publish(style=CHANGE_STYLE)]

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.probability.__exit__(*exc_info)
        self.change.__exit__(*exc_info)
