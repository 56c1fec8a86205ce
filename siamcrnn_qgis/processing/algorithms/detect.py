"""siamcrnn:detect — change probability and change map for a T1/T2 pair with a trained model."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
)

from ...core.options import DEFAULT_THRESHOLD
from ...io.changemaps import ChangeMaps
from ...io.vectorize import polygonize_changes
from ...io.writer import all_or_nothing, atomic_file, check_output_path
from ...reports import detection_report_html
from ..base import cancel_flag, progress_callback, raise_if_cancelled
from ..pair import PairAlgorithm, architecture_defaults
from ..styling import style_output


class DetectAlgorithm(PairAlgorithm):
    ALGORITHM_ID = "detect"
    ICON = "detect.svg"

    MODEL = "MODEL"
    THRESHOLD = "THRESHOLD"
    TILE_SIZE = "TILE_SIZE"
    BATCH_SIZE = "BATCH_SIZE"
    USE_TRAINING_STATISTICS = "USE_TRAINING_STATISTICS"
    OUTPUT_PROBABILITY = "OUTPUT_PROBABILITY"
    OUTPUT_CHANGE = "OUTPUT_CHANGE"
    OUTPUT_POLYGONS = "OUTPUT_POLYGONS"
    MIN_AREA = "MIN_AREA"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    CHANGED_AREA = "CHANGED_AREA"
    CHANGED_FRACTION = "CHANGED_FRACTION"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Detect changes")

    def shortHelpString(self) -> str:  # noqa: N802
        return (
            self.tr(
                "Runs a trained SiamCRNN model over the whole T1/T2 pair, tile by tile (memory depends on the "
                "tile size, not on the raster size), and writes the change probability (0–1) and the change "
                "map (1 where the probability reaches THRESHOLD). Pixels that are nodata in either date are "
                "nodata in both outputs. Each image is standardised with its own statistics, as in the paper."
            )
            + "<h3>" + self.tr("Parameters") + "</h3><ul>" + self.pair_help()
            + "<li><b>MODEL</b>: " + self.tr("a .safetensors model made by Train; T1/T2 must have the band "
                                             "counts it was trained on.")
            + "</li><li><b>THRESHOLD</b>: " + self.tr("probability from which a pixel is called changed.")
            + "</li><li><b>TILE_SIZE</b>, <b>BATCH_SIZE</b>: " + self.tr(
                "tile side in pixels and pixels per batch; smaller values use less memory and results do not "
                "depend on them. Left empty, the model's architecture chooses (tile size: {tiles}; batch size: "
                "{batches}), and the log says which values were used.").format(
                tiles=architecture_defaults("tile_size", detection=True),
                batches=architecture_defaults("batch_size", detection=True))
            + " " + self.tr("With an fcn model each tile is read with 128 pixels of context on every side, so "
                            "larger tiles waste less work: on a 3072² pair on 2 CPU cores, tiles of 1024 ran "
                            "1.4× and tiles of 2048 1.6× faster than 512, with about 2 and 4 GB of memory; "
                            "an fcn model does not use the batch size.")
            + "</li><li><b>USE_TRAINING_STATISTICS</b>: " + self.tr("standardise with the statistics of the "
                                                                    "training images instead of each image's own.")
            + "</li><li><b>OUTPUT_PROBABILITY</b>: " + self.tr("float32 GeoTIFF, nodata -1.")
            + "</li><li><b>OUTPUT_CHANGE</b>: " + self.tr("uint8 GeoTIFF: 0 unchanged, 1 changed, 255 nodata.")
            + "</li><li><b>OUTPUT_POLYGONS</b>, <b>MIN_AREA</b>: " + self.tr("optional change polygons with an "
                                                                            "area field, dropping those smaller "
                                                                            "than MIN_AREA (map units²).")
            + "</li></ul>" + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_pair_parameters()
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Model file"), QgsProcessingParameterFile.Behavior.File, "safetensors"))
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Change probability threshold"), double, DEFAULT_THRESHOLD, False, 0.0, 1.0))
        self.add_device_parameter()
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.TILE_SIZE, self.tr("Tile size (pixels)"), integer, None, True, 5, 16384))
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (pixels)"), integer, None, True, 1, 1 << 22))
        self.add_advanced_parameter(QgsProcessingParameterBoolean(
            self.USE_TRAINING_STATISTICS, self.tr("Standardise with the training images' statistics"), False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITY, self.tr("Change probability")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CHANGE, self.tr("Change map")))
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_POLYGONS, self.tr("Change polygons"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum polygon area (map units²)"), double, 0.0, False, 0.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Detection report"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.CHANGED_AREA, self.tr("Changed area (map units²)")))
        self.addOutput(QgsProcessingOutputNumber(self.CHANGED_FRACTION, self.tr("Changed fraction of valid pixels")))

    def prepare(self, parameters, context, feedback) -> None:
        self.pair = self.resolve_pair(parameters, context)

    def process(self, parameters, context, feedback, workdir) -> dict:
        from ...core.detection import detect, resolve_threshold
        from ...core.modelfile import load_model
        from ...core.options import DetectionOptions

        threshold = self.parameterAsDouble(parameters, self.THRESHOLD, context)
        options = DetectionOptions(
            tile_size=self.optional_number(parameters, self.TILE_SIZE, context),
            batch_size=self.optional_number(parameters, self.BATCH_SIZE, context),
            device=self.device_name(parameters, context), precision=self.precision_name(parameters, context),
            use_training_statistics=self.parameterAsBool(parameters, self.USE_TRAINING_STATISTICS, context),
        )
        model_path = self.parameterAsFile(parameters, self.MODEL, context)
        probability_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITY, context)
        change_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_CHANGE, context)
        polygons_path = self.parameterAsOutputLayer(parameters, self.OUTPUT_POLYGONS, context)
        report_path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        for path in filter(None, (probability_path, change_path, polygons_path, report_path)):
            check_output_path(path)

        model, metadata = load_model(model_path, device="cpu")
        threshold = resolve_threshold(threshold, metadata)  # the one rule detect and detectmany share
        pair = self.open_pair(self.pair, workdir, feedback)
        with all_or_nothing() as published:  # a failure after the first output restores the older outputs
            try:
                maps = ChangeMaps(probability_path, change_path, pair.grid, threshold)
                with maps:
                    summary = detect(model, metadata, pair.t1, pair.t2, maps.write, options,
                                     progress=progress_callback(feedback, 0, 90), is_cancelled=cancel_flag(feedback),
                                     log=feedback.pushInfo)
                    maps.set_metadata({"SIAMCRNN_MODEL": model_path, "SIAMCRNN_THRESHOLD": f"{threshold:g}",
                                       "SIAMCRNN_TILE_SIZE": str(summary.tile_size)})
                    raise_if_cancelled(feedback)
                    feedback.setProgress(92)
                    maps.finalize()
                    raise_if_cancelled(feedback)
                    published.extend(maps.publish())
            finally:
                pair.close()
            changed, valid, histogram = maps.changed, maps.valid, maps.histogram

            pixel_area = pair.grid.pixel_area
            changed_area = changed * pixel_area
            changed_fraction = changed / valid if valid else 0.0
            feedback.pushInfo(self.tr(
                "{changed} of {valid} valid pixels changed ({fraction:.2%}), {area:.6g} map units²; "
                "{rate:,.0f} pixels/s.").format(changed=changed, valid=valid, fraction=changed_fraction,
                                                 area=changed_area, rate=summary.pixels / max(summary.seconds, 1e-9)))
            outputs = {
                self.OUTPUT_PROBABILITY: probability_path, self.OUTPUT_CHANGE: change_path,
                self.CHANGED_AREA: changed_area, self.CHANGED_FRACTION: changed_fraction,
            }
            if polygons_path:
                count, area = polygonize_changes(change_path, polygons_path, min_area=self.parameterAsDouble(
                    parameters, self.MIN_AREA, context), log=feedback.pushInfo,
                    progress=progress_callback(feedback, 93, 99), is_cancelled=cancel_flag(feedback))
                published.append(polygons_path)
                raise_if_cancelled(feedback)
                feedback.pushInfo(self.tr("{count} change polygons, {area:.6g} map units².").format(
                    count=count, area=area))
                outputs[self.OUTPUT_POLYGONS] = polygons_path
            if report_path:
                with atomic_file(report_path) as temporary:
                    with open(temporary, "w", encoding="utf-8") as handle:
                        handle.write(detection_report_html(
                            summary=summary, model_path=model_path, threshold=threshold, changed_pixels=changed,
                            valid_pixels=valid, changed_area=changed_area, histogram=histogram.tolist(),
                            pixel_area=pixel_area, outputs=outputs))
                published.append(report_path)
                outputs[self.OUTPUT_REPORT] = report_path
        style_output(self, context, probability_path, "probability.qml")
        style_output(self, context, change_path, "change.qml")
        if polygons_path:
            style_output(self, context, polygons_path, "change_polygons.qml")
        feedback.setProgress(100)
        return outputs
