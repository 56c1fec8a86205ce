"""Parameters and grid handling shared by the algorithms that read a T1/T2 pair (train, detect)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterLayer,
)

from ..core.architectures import architecture_names, get_architecture
from ..core.options import DEVICE_CHOICES, PRECISION_CHOICES
from ..io.labels import rasterize_labels, read_label_raster
from ..io.raster import GdalRasterSource, RasterGrid, prepare_pair
from . import session
from .base import SiamCRNNAlgorithm, same_source

NAME_LENGTH = 20  # longest layer name kept whole in an output's name



def architecture_defaults(field: str, detection: bool = False, unset: str = "") -> str:
    """Each registered architecture's default for one option, for help texts: 'patch 40, fcn 40'.
    ``unset`` is shown for a default of None (e.g. a weight chosen from the labels)."""
    parts = []
    for name in architecture_names():
        architecture = get_architecture(name)
        defaults = architecture.detection_defaults if detection else architecture.training_defaults
        value = getattr(defaults, field)
        parts.append(f"{name} {unset if value is None else f'{value:g}'}")
    return ", ".join(parts)


@dataclass
class PairSources:
    """What the worker needs to open a pair: file sources and band lists, resolved on the main thread."""

    t1: str
    t2: str
    t1_bands: list[int] | None
    t2_bands: list[int] | None


@dataclass
class OpenPair:
    t1: GdalRasterSource
    t2: GdalRasterSource
    grid: RasterGrid

    def close(self) -> None:
        self.t1.close()
        self.t2.close()


class PairAlgorithm(SiamCRNNAlgorithm):
    """Base for algorithms reading T1 and T2 (optionally a subset of bands of each) and a DEVICE."""

    T1 = "T1"
    T2 = "T2"
    T1_BANDS = "T1_BANDS"
    T2_BANDS = "T2_BANDS"
    DEVICE = "DEVICE"
    PRECISION = "PRECISION"
    MODEL = "MODEL"
    LABELS = "LABELS"
    LABEL_FIELD = "LABEL_FIELD"
    LABEL_RASTER = "LABEL_RASTER"

    def add_pair_parameters(self) -> None:
        """T1 and T2 (in the desktop: the pair used last, never SiamCRNN's own outputs first), and their bands."""
        t1_default, t2_default = session.default_pair()
        self.addParameter(QgsProcessingParameterRasterLayer(self.T1, self.tr("T1 image (earlier date)"), t1_default))
        self.addParameter(QgsProcessingParameterRasterLayer(self.T2, self.tr("T2 image (later date)"), t2_default))
        for key, parent, label in ((self.T1_BANDS, self.T1, self.tr("T1 bands")),
                                   (self.T2_BANDS, self.T2, self.tr("T2 bands"))):
            self.addParameter(QgsProcessingParameterBand(key, label, None, parent, True, True))

    def add_model_parameter(self) -> None:
        """MODEL: a model file made by Train (in the desktop, the one trained or used last)."""
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Model file"), QgsProcessingParameterFile.Behavior.File, "safetensors",
            session.default_model()))

    def model_help(self) -> str:
        return self.tr("a .safetensors model made by Train; T1 and T2 must have the band counts it was trained on. "
                       "In the QGIS desktop the model trained or used last is offered.")

    def add_label_parameters(self) -> None:
        """LABELS (polygons), their LABEL_FIELD and LABEL_RASTER, all optional (algorithms say which they need)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.LABELS, self.tr("Label polygons"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.LABEL_FIELD, self.tr("Label field"), "change", self.LABELS,
            QgsProcessingParameterField.DataType.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.LABEL_RASTER, self.tr("Label raster"), optional=True))

    def resolve_labels(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> None:
        """Main thread: ``label_vector`` (path, layer name) and ``label_raster`` (source), each None when not
        given; both given is refused."""
        self.label_vector = self.vector_source(parameters, self.LABELS, context, feedback)
        self.label_raster = self.raster_source(parameters, self.LABEL_RASTER, context, required=False)
        if self.label_vector is not None and self.label_raster is not None:
            raise QgsProcessingException(self.tr(
                "Give the labels either as polygons (LABELS) or as a raster (LABEL_RASTER), not both."))

    def read_labels(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback,
                    grid: RasterGrid, workdir: str) -> np.ndarray:
        """Worker thread: the labels resolved by :meth:`resolve_labels` on T1's grid (0, 1, 255 unlabelled),
        their counts logged."""
        if self.label_vector is not None:
            path, layer_name = self.label_vector
            field = self.parameterAsString(parameters, self.LABEL_FIELD, context) or "change"
            labels, report = rasterize_labels(path, grid, field=field, layer_name=layer_name or None)
        else:
            labels, report = read_label_raster(self.label_raster, grid, workdir)
        for message in report.messages:  # they include the label counts
            feedback.pushInfo(message)
        return labels

    def add_device_parameter(self) -> None:
        """DEVICE and PRECISION, both advanced."""
        for key, label, choices in ((self.DEVICE, self.tr("Device"), DEVICE_CHOICES),
                                    (self.PRECISION, self.tr("Precision"), PRECISION_CHOICES)):
            parameter = QgsProcessingParameterEnum(key, label, list(choices), defaultValue="auto")
            parameter.setUsesStaticStrings(True)
            self.add_advanced_parameter(parameter)

    def pair_help(self) -> dict[str, str]:
        """Help texts of T1, T2, their bands, DEVICE and PRECISION, for :meth:`parameters_help`."""
        bands = self.tr("the bands to use, in order (default: all bands).")
        return {
            self.T1: self.tr("the earlier image. It defines the grid of every output: CRS, pixel size and "
                             "extent."),
            self.T2: self.tr("the later image. One with another CRS, resolution or extent is warped onto T1's "
                             "grid (the file itself is not changed). Images without a CRS, such as PNG pairs, "
                             "must have the same size and are matched pixel for pixel. T1 and T2 must differ, "
                             "unless they are the same file with different bands."),
            self.T1_BANDS: bands, self.T2_BANDS: bands,
            self.DEVICE: self.tr("auto uses an NVIDIA GPU when there is one, then an Apple GPU, then the CPU. "
                                 "Choose cpu to keep the GPU free for other work."),
            self.PRECISION: self.tr(
                "how exactly the network computes. auto is right for most users: on NVIDIA GPUs it uses a faster "
                "half-size number format (bfloat16), elsewhere full precision (float32). Choose bfloat16 on a "
                "CPU only when the log says this CPU computes it natively: detection then runs about two to "
                "three times faster, probabilities move by a few hundredths at most and fewer than 2 pixels "
                "in 1,000 change class. On other CPUs it is slower."),
        }

    def resolve_pair(self, parameters: dict, context: QgsProcessingContext) -> PairSources:
        """Main thread: layers → file sources and band lists; the same image twice is refused."""
        sources = PairSources(
            t1=self.raster_source(parameters, self.T1, context),
            t2=self.raster_source(parameters, self.T2, context),
            t1_bands=self.parameterAsInts(parameters, self.T1_BANDS, context) or None,
            t2_bands=self.parameterAsInts(parameters, self.T2_BANDS, context) or None,
        )
        if same_source(sources.t1, sources.t2) and sources.t1_bands == sources.t2_bands:
            raise QgsProcessingException(self.tr(
                "T1 and T2 are the same layer or file ({path}). Choose the earlier image as T1 and the later "
                "image as T2.").format(path=sources.t1.split("|")[0]))
        session.remember_pair(sources.t1, sources.t2)
        self.pair_names = tuple(self.layer_name(parameters, key, context) for key in (self.T1, self.T2))
        return sources

    def layer_name(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """A raster parameter's layer name, shortened for naming the outputs made from it."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        text = layer.name() if layer is not None and layer.name() else name
        return text if len(text) <= NAME_LENGTH else text[:NAME_LENGTH - 1] + "…"

    def output_name(self, label: str) -> str:
        """'Change map (t1 → t2)': an output layer named after the pair it came from."""
        return f"{label} ({self.pair_names[0]} → {self.pair_names[1]})"

    def device_name(self, parameters: dict, context: QgsProcessingContext) -> str:
        return self.parameterAsEnumString(parameters, self.DEVICE, context) or "auto"

    def precision_name(self, parameters: dict, context: QgsProcessingContext) -> str:
        return self.parameterAsEnumString(parameters, self.PRECISION, context) or "auto"

    @staticmethod
    def open_pair(sources: PairSources, workdir: str, feedback: QgsProcessingFeedback) -> OpenPair:
        """Worker thread: align T2 onto T1's grid (logging what was done) and open both with GDAL."""
        prepared = prepare_pair(sources.t1, sources.t2, workdir, log=lambda _message: None)
        for message in prepared.messages:
            feedback.pushInfo(message)
        for warning in prepared.warnings:
            feedback.pushWarning(warning)
        t1 = GdalRasterSource(prepared.t1_path, sources.t1_bands)
        try:
            t2 = GdalRasterSource(prepared.t2_path, sources.t2_bands)
        except Exception:
            t1.close()
            raise
        return OpenPair(t1, t2, prepared.grid)
