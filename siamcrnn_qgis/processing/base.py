"""What every SiamCRNN algorithm shares: identity, help, icon, torch check, parameter checks, and the
translation of engine errors, progress and cancel between Processing and ``core``/``io``."""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingUtils,
    QgsRasterLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import Cancelled, SiamCRNNError
from ..dependencies import keep_triton_from_system_llvm, missing_torch_message, torch_available
from ..i18n import Translatable
from ..paths import icon_path, metadata
from .compat import PARAMETER_ADVANCED

CITATION = (
    "Chen H., Wu C., Du B., Zhang L., Wang L. (2020). Change Detection in Multisource VHR Images via Deep "
    "Siamese Convolutional Multiple-Layers Recurrent Neural Network. IEEE Transactions on Geoscience and "
    "Remote Sensing 58(4): 2848–2864."
)


class SiamCRNNAlgorithm(Translatable, QgsProcessingAlgorithm):
    """Base class: subclasses set ``ALGORITHM_ID`` and ``ICON`` and implement ``initAlgorithm``,
    ``displayName``, ``shortHelpString``, ``prepare`` (main thread) and ``process`` (worker thread)."""

    ALGORITHM_ID = ""
    ICON = "siamcrnn.svg"
    NEEDS_TORCH = True

    def __init__(self) -> None:
        super().__init__()
        self._post_processors: list = []  # QGIS holds raw pointers: keep them alive for this run

    def keep_post_processor(self, processor) -> None:
        self._post_processors.append(processor)

    # ---- identity -------------------------------------------------------------------------------
    def createInstance(self) -> QgsProcessingAlgorithm:  # noqa: N802 (QGIS API)
        return type(self)()

    def name(self) -> str:
        return self.ALGORITHM_ID

    def group(self) -> str:
        return self.tr("Change detection")

    def groupId(self) -> str:  # noqa: N802
        return "changedetection"

    def icon(self) -> QIcon:
        return QIcon(icon_path(self.ICON))

    def svgIconPath(self) -> str:  # noqa: N802
        return icon_path(self.ICON)

    def helpUrl(self) -> str:  # noqa: N802
        return metadata().get("homepage", "")

    def parameters_help(self, texts: dict[str, str]) -> str:
        """The help's list of parameters: each one's on-screen label with its id in parentheses (for the
        command line), in the order of the form, advanced parameters last under their own heading."""
        definitions = self.parameterDefinitions()
        advanced = [d for d in definitions if d.flags() & PARAMETER_ADVANCED]
        basic = [d for d in definitions if not d.flags() & PARAMETER_ADVANCED]
        ordered = [d for d in basic if not d.isDestination()] + [d for d in basic if d.isDestination()]

        def items(group) -> str:
            return "".join(f"<li><b>{html.escape(d.description())}</b> ({d.name()}): {texts.get(d.name(), '')}</li>"
                           for d in group)

        out = "<h3>" + self.tr("Parameters") + "</h3><ul>" + items(ordered) + "</ul>"
        if advanced:
            out += "<h3>" + self.tr("Advanced parameters") + "</h3><ul>" + items(advanced) + "</ul>"
        return out

    def area_text(self, area: float, grid) -> str:
        """An area in a readable unit with thousands separators: m², ha or km² when the CRS is in metres or
        feet, square degrees for a geographic CRS, pixels without a CRS."""
        metres = grid.metres_per_unit
        if metres is not None:
            square_metres = area * metres * metres
            if square_metres < 10_000:
                return f"{square_metres:,.0f} m²"
            if square_metres < 10_000_000:
                return f"{square_metres / 10_000:,.2f} ha"
            return f"{square_metres / 1_000_000:,.2f} km²"
        if grid.is_geographic:
            return self.tr("{area:,.6f} square degrees").format(area=area)
        if grid.has_crs:
            return self.tr("{area:,.0f} map units²").format(area=area)
        return self.tr("{area:,.0f} pixels").format(area=area)

    def warn_if_temporary(self, path: str, feedback: QgsProcessingFeedback, parameter: str) -> None:
        """Say plainly that a temporary output disappears with the session, and how to keep it."""
        from .session import is_temporary, remember_folder

        if not is_temporary(path):
            remember_folder(path)
            return
        definition = self.parameterDefinition(parameter)
        feedback.pushWarning(self.tr(
            "{label} was saved to a temporary file, {path}, which QGIS deletes when it closes. To keep it, "
            "copy that file elsewhere now, or run again with a file chosen for {label} ({name}).").format(
            label=definition.description(), path=path, name=parameter))

    def help_footer(self) -> str:
        """Label conventions and the citation, appended to every algorithm's help."""
        return (
            "<h3>" + self.tr("Labels") + "</h3><p>"
            + self.tr(
                "Label polygons and rasters use 0 = unchanged and 1 = changed; any other value or nodata "
                "(255 in label rasters) is unlabelled and ignored."
            )
            + "</p><h3>" + self.tr("Method") + "</h3><p>" + CITATION + "</p>"
        )

    # ---- checks before any heavy work ----------------------------------------------------------
    def canExecute(self) -> tuple[bool, str]:  # noqa: N802
        if self.NEEDS_TORCH and not torch_available():
            return False, missing_torch_message()
        return True, ""

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> tuple[bool, str]:  # noqa: N802
        for definition in self.parameterDefinitions():
            problem = self.parameter_problem(definition, parameters, context)
            if problem:
                return False, problem
        return super().checkParameterValues(parameters, context)

    def parameter_problem(self, definition: QgsProcessingParameterDefinition, parameters: dict,
                          context: QgsProcessingContext) -> str:
        """What is wrong with one parameter's value, in words Processing's generic checks lack; '' if fine."""
        name, value = definition.name(), parameters.get(definition.name())
        if isinstance(definition, QgsProcessingParameterNumber):
            if value is None and definition.defaultValue() is None:
                return ""
            number = self.parameterAsDouble(parameters, name, context)
            low, high = definition.minimum(), definition.maximum()
            if low <= number <= high:
                return ""
            shown = (lambda v: f"{v:.0f}") if definition.dataType() == QgsProcessingParameterNumber.Type.Integer \
                else (lambda v: f"{v:g}")
            return self.tr("{name} must be between {low} and {high}, but it is {value}.").format(
                name=name, low=shown(low), high=shown(high), value=shown(number))
        if not isinstance(value, str):
            return ""  # layers given as objects: QGIS checks those
        if isinstance(definition, QgsProcessingParameterRasterLayer) and not os.path.isfile(value.split("|")[0]):
            return self.gdal_raster_problem(name, value, context)
        if not os.path.isfile(value.split("|")[0]):
            return ""  # layers from the project, connection strings: QGIS checks those
        if isinstance(definition, QgsProcessingParameterRasterLayer):
            from ..io.raster import open_raster

            try:
                open_raster(value)
            except SiamCRNNError as error:
                return self.tr("{name}: {problem}").format(name=name, problem=error)
        if isinstance(definition, QgsProcessingParameterFile) and definition.extension():
            extension = "." + definition.extension().lower()
            if not value.lower().endswith(extension):
                return self.tr("{name}: {path} is not a {extension} file; choose a {extension} file.").format(
                    name=name, path=value, extension=extension)
        return ""

    def gdal_raster_problem(self, name: str, value: str, context: QgsProcessingContext) -> str:
        """A raster given as a GDAL name that is not a local file (/vsizip/archive.zip/t1.tif, /vsicurl/...,
        NETCDF:"file.nc":var): QGIS (3.22) does not load those from a string, so it is opened here and put
        in the context's temporary layer store, where Processing then finds it by its source. What is wrong
        with it when GDAL cannot open it; '' otherwise (also for layer ids and names QGIS resolves)."""
        from ..io._gdal import is_plain_path
        from ..io.raster import open_raster

        if is_plain_path(value) or QgsProcessingUtils.mapLayerFromString(
                value, context, False, QgsProcessingUtils.LayerHint.Raster) is not None:
            return ""
        try:
            open_raster(value)
        except SiamCRNNError as error:
            return self.tr("{name}: {problem}").format(name=name, problem=error)
        layer = QgsRasterLayer(value, os.path.basename(value.rstrip("/")) or name, "gdal")
        if layer.isValid():
            context.temporaryLayerStore().addMapLayer(layer)
        return ""

    # ---- parameters ----------------------------------------------------------------------------
    def optional_number(self, parameters: dict, name: str, context: QgsProcessingContext) -> float | int | None:
        """The value of an optional number parameter, or None when it was left empty (so the engine uses
        the architecture's default); integers for integer parameters."""
        value = parameters.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        definition = self.parameterDefinition(name)
        if definition.dataType() == QgsProcessingParameterNumber.Type.Integer:
            return self.parameterAsInt(parameters, name, context)
        return self.parameterAsDouble(parameters, name, context)

    def add_advanced_parameter(self, parameter: QgsProcessingParameterDefinition) -> None:
        parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
        self.addParameter(parameter)

    def raster_source(self, parameters: dict, name: str, context: QgsProcessingContext,
                      required: bool = True) -> str | None:
        """The GDAL source string of a raster parameter (main thread only)."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is None:
            if required:
                raise QgsProcessingException(
                    self.tr("{name}: no raster was given; choose a raster layer or a raster file.").format(name=name)
                )
            return None
        if layer.providerType() != "gdal":
            raise QgsProcessingException(
                self.tr(
                    "{name}: layer '{layer}' comes from the '{provider}' data provider, but SiamCRNN reads rasters "
                    "with GDAL. Save it as a GeoTIFF first (Raster › Conversion › Translate) and use that file."
                ).format(name=name, layer=layer.name(), provider=layer.providerType())
            )
        return layer.source()

    def vector_source(self, parameters: dict, name: str, context: QgsProcessingContext,
                      feedback: QgsProcessingFeedback) -> tuple[str, str] | None:
        """(path, layer name) of a vector parameter that OGR can read; memory layers and selections are
        exported to a temporary GeoPackage by QGIS (main thread only)."""
        if self.parameterAsSource(parameters, name, context) is None:
            return None
        path, layer_name = self.parameterAsCompatibleSourceLayerPathAndLayerName(
            parameters, name, context, ["gpkg", "shp"], "gpkg", feedback
        )
        return path, layer_name

    # ---- running ---------------------------------------------------------------------------------
    def prepareAlgorithm(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> bool:  # noqa: N802,E501
        ok, message = self.canExecute()
        if not ok:
            raise QgsProcessingException(message)
        guarded = keep_triton_from_system_llvm()  # here, on the main thread, before the run imports torch
        if guarded:
            feedback.pushInfo(guarded)
        with self.engine_errors():
            self.prepare(parameters, context, feedback)
        return True

    def prepare(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> None:
        """Main thread: resolve layers to file sources (never keep layer objects for the worker)."""

    def processAlgorithm(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:  # noqa: N802,E501
        with self.engine_errors(), self.work_folder() as workdir:
            return self.process(parameters, context, feedback, workdir)

    def process(self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback,
                workdir: str) -> dict[str, Any]:
        raise NotImplementedError

    @contextmanager
    def engine_errors(self) -> Iterator[None]:
        """Engine errors carry sentences a user can act on: pass them on as QgsProcessingException."""
        try:
            yield
        except Cancelled:
            raise QgsProcessingException(self.tr("Cancelled: no output was written.")) from None
        except SiamCRNNError as error:
            raise QgsProcessingException(str(error)) from None
        except MemoryError:
            raise QgsProcessingException(
                self.tr("Out of memory. Use a smaller Tile size (TILE_SIZE) or Batch size (BATCH_SIZE), or fewer "
                        "bands.")
            ) from None

    @contextmanager
    def work_folder(self) -> Iterator[str]:
        """A private folder for this run's temporary files (warped VRTs, rasterised labels)."""
        path = tempfile.mkdtemp(prefix=f"siamcrnn_{self.ALGORITHM_ID}_", dir=QgsProcessingUtils.tempFolder())
        try:
            yield path
        finally:
            shutil.rmtree(path, ignore_errors=True)


def same_source(first: str, second: str) -> bool:
    """Two layer sources naming the same file (or /vsi… or driver string) and, where both name one, the same
    layer of it ('labels.gpkg|layername=labels')."""
    def parts(source: str) -> tuple[str, str]:
        path, *options = source.split("|")
        layer = next((o.split("=", 1)[1].lower() for o in options if o.lower().startswith("layername=")), "")
        return (os.path.normcase(os.path.realpath(path)) if os.path.exists(path) else path), layer

    (path_1, layer_1), (path_2, layer_2) = parts(first), parts(second)
    return path_1 == path_2 and (not layer_1 or not layer_2 or layer_1 == layer_2)


def progress_callback(feedback: QgsProcessingFeedback, start: float = 0.0,
                      end: float = 100.0) -> Callable[[float], None]:
    """Map an engine fraction 0..1 onto the feedback's percentage range [start, end]."""

    def report(fraction: float) -> None:
        feedback.setProgress(start + (end - start) * min(max(fraction, 0.0), 1.0))

    return report


def cancel_flag(feedback: QgsProcessingFeedback) -> Callable[[], bool]:
    return feedback.isCanceled


def raise_if_cancelled(feedback: QgsProcessingFeedback) -> None:
    """Between steps the engine does not watch (saving, vectorising, reports): stop when cancelled."""
    if feedback.isCanceled():
        raise Cancelled()
