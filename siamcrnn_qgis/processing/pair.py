"""Parameters and grid handling shared by the algorithms that read a T1/T2 pair (train, detect)."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingParameterBand,
    QgsProcessingParameterEnum,
    QgsProcessingParameterRasterLayer,
)

from ..core.architectures import architecture_names, get_architecture
from ..core.options import DEVICE_CHOICES, PRECISION_CHOICES
from ..io.raster import GdalRasterSource, RasterGrid, prepare_pair
from .base import SiamCRNNAlgorithm


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

    def add_pair_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterRasterLayer(self.T1, self.tr("T1 image (earlier date)")))
        self.addParameter(QgsProcessingParameterRasterLayer(self.T2, self.tr("T2 image (later date)")))
        for key, parent, label in (
            (self.T1_BANDS, self.T1, self.tr("T1 bands (default: all)")),
            (self.T2_BANDS, self.T2, self.tr("T2 bands (default: all)")),
        ):
            self.addParameter(QgsProcessingParameterBand(key, label, None, parent, True, True))

    def add_device_parameter(self) -> None:
        """DEVICE and PRECISION, both advanced."""
        device = QgsProcessingParameterEnum(
            self.DEVICE, self.tr("Device (auto: CUDA GPU, then Apple GPU, then CPU)"), list(DEVICE_CHOICES),
            defaultValue="auto",
        )
        device.setUsesStaticStrings(True)
        self.add_advanced_parameter(device)
        precision = QgsProcessingParameterEnum(
            self.PRECISION, self.tr("Precision (auto: bfloat16 on NVIDIA GPUs, float32 elsewhere)"),
            list(PRECISION_CHOICES), defaultValue="auto",
        )
        precision.setUsesStaticStrings(True)
        self.add_advanced_parameter(precision)

    def pair_help(self) -> str:
        return (
            "<li><b>T1</b>, <b>T2</b>: "
            + self.tr(
                "the two dates. T1 defines the output grid; a T2 with another CRS, resolution or extent is "
                "warped onto it (the inputs are never modified). Images without a CRS (e.g. PNG pairs) must "
                "have the same size and are taken pixel for pixel."
            )
            + "</li><li><b>T1_BANDS</b>, <b>T2_BANDS</b>: "
            + self.tr("bands to use from each date, in order (default: all bands).")
            + "</li><li><b>DEVICE</b>: "
            + self.tr("auto uses an NVIDIA GPU (CUDA), then an Apple GPU (MPS), then the CPU.")
            + "</li><li><b>PRECISION</b>: "
            + self.tr("auto computes in bfloat16 on NVIDIA GPUs (where the patch network still trains in "
                      "float32) and in float32 elsewhere. bfloat16 on the CPU is faster only on CPUs that "
                      "compute it natively, and the log says whether yours does: detection ran two to three "
                      "times faster on an Intel Xeon with AMX, and 1.84 (fcn) to 1.91 (patch) times faster on "
                      "an AMD EPYC with AVX-512 BF16; on other CPUs it is likely slower. Detection "
                      "probabilities then differ from float32 by up to about 0.05, and up to about 0.14 % of the "
                      "pixels change class.")
            + "</li>"
        )

    def resolve_pair(self, parameters: dict, context: QgsProcessingContext) -> PairSources:
        """Main thread: layers → file sources and band lists."""
        return PairSources(
            t1=self.raster_source(parameters, self.T1, context),
            t2=self.raster_source(parameters, self.T2, context),
            t1_bands=self.parameterAsInts(parameters, self.T1_BANDS, context) or None,
            t2_bands=self.parameterAsInts(parameters, self.T2_BANDS, context) or None,
        )

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
