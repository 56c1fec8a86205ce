"""siamcrnn:detect — change probability and change map for a T1/T2 pair with a trained model."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterVectorDestination,
)

from ...io.changemaps import ChangeMaps, output_metadata
from ...io.vectorize import polygonize_changes
from ...io.writer import all_or_nothing, atomic_file, check_output_path
from ...reports import detection_report_html
from ..base import cancel_flag, progress_callback, raise_if_cancelled
from ..pair import PairAlgorithm, architecture_defaults
from ..session import remember_model, remember_outputs
from ..styling import style_output


class DetectAlgorithm(PairAlgorithm):
    ALGORITHM_ID = "detect"
    ICON = "detect.svg"

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
                "tile size, not on the raster size), and writes the change probability (0–1), the change map "
                "(1 where the probability reaches the threshold) and the change polygons. Pixels that are "
                "nodata in either date are nodata in every output. Each image is standardised with its own "
                "statistics, as in the paper. The outputs are added to the map styled, named after T1 and T2."
            )
            + self.parameters_help({
                **self.pair_help(),
                self.MODEL: self.model_help(),
                self.THRESHOLD: self.tr(
                    "the probability from which a pixel is called changed. Left empty, the model's own threshold "
                    "is used: Train chooses it on the validation regions for the scene's estimated share of "
                    "change, because a model trained on as many changed as unchanged samples overestimates "
                    "change at 0.5. Model files made before version 0.2 use 0.5. The log and the report say "
                    "which threshold was used."),
                self.OUTPUT_PROBABILITY: self.tr("float32 GeoTIFF, nodata -1."),
                self.OUTPUT_CHANGE: self.tr("uint8 GeoTIFF: 0 unchanged, 1 changed, 255 nodata."),
                self.OUTPUT_POLYGONS: self.tr("a polygon for each patch of changed pixels, with its area; choose "
                                              "Skip output to leave them out."),
                self.MIN_AREA: self.tr("change polygons smaller than this are dropped, in map units² (m² when "
                                       "the CRS is in metres)."),
                self.OUTPUT_REPORT: self.tr("optional HTML report: changed area, probability histogram, "
                                            "device and speed."),
                self.TILE_SIZE: self.tr(
                    "the side of the square read and processed at once, in pixels. Smaller tiles use less "
                    "memory; results do not depend on it. Left empty, the model's architecture chooses "
                    "({tiles}), and the log says which value was used. With an fcn model each tile is read "
                    "with 128 pixels of context on every side, so larger tiles waste less work: on a 3072² pair "
                    "on 2 CPU cores, tiles of 1024 ran 1.4× and tiles of 2048 1.6× faster than 512, with about "
                    "2 and 4 GB of memory.").format(tiles=architecture_defaults("tile_size", detection=True)),
                self.BATCH_SIZE: self.tr(
                    "pixels classified at once by a patch model; smaller batches use less memory and results "
                    "do not depend on it. Left empty, the architecture chooses ({batches}); an fcn model does "
                    "not use it.").format(batches=architecture_defaults("batch_size", detection=True)),
                self.USE_TRAINING_STATISTICS: self.tr("standardise with the statistics of the training images "
                                                      "instead of each image's own."),
            })
            + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.add_pair_parameters()
        self.add_model_parameter()
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        # None default + optional: left empty, the threshold stored in the model file is used
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Change probability threshold"), double, None, True, 0.0,
            1.0))
        self.add_device_parameter()
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.TILE_SIZE, self.tr("Tile size (pixels)"), integer, None, True, 5, 16384))
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (pixels)"), integer, None, True, 1, 1 << 22))
        self.add_advanced_parameter(QgsProcessingParameterBoolean(
            self.USE_TRAINING_STATISTICS, self.tr("Use training statistics"), False))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITY, self.tr("Change probability")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CHANGE, self.tr("Change map")))
        # created by default: a skipped output's "Open output file" box stays greyed out in QGIS 3.22 even
        # after a path is typed in, so the polygons would be written but never loaded
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT_POLYGONS, self.tr("Change polygons"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, self.tr("Minimum polygon area"), double, 0.0, False, 0.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("Detection report"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.CHANGED_AREA, self.tr("Changed area (map units²)")))
        self.addOutput(QgsProcessingOutputNumber(self.CHANGED_FRACTION, self.tr("Changed fraction of valid pixels")))

    def prepare(self, parameters, context, feedback) -> None:
        self.pair = self.resolve_pair(parameters, context)
        remember_model(self.parameterAsFile(parameters, self.MODEL, context))

    def process(self, parameters, context, feedback, workdir) -> dict:
        from ...core.detection import detect, resolve_threshold
        from ...core.modelfile import load_model
        from ...core.options import DetectionOptions

        given_threshold = self.optional_number(parameters, self.THRESHOLD, context)
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
        threshold = resolve_threshold(given_threshold, metadata)  # the one rule detect and detectmany share
        feedback.pushInfo(self.tr("Threshold {threshold:.3g} ({source}).").format(
            threshold=threshold, source=self.tr("given") if given_threshold is not None else self.tr(
                "the model's, chosen when it was trained") if "threshold_choice" in metadata.provenance
            else self.tr("the default for model files without a threshold of their own")))
        pair = self.open_pair(self.pair, workdir, feedback)
        with all_or_nothing() as published:  # a failure after the first output restores the older outputs
            try:
                maps = ChangeMaps(probability_path, change_path, pair.grid, threshold)
                with maps:
                    summary = detect(model, metadata, pair.t1, pair.t2, maps.write, options,
                                     progress=progress_callback(feedback, 0, 90), is_cancelled=cancel_flag(feedback),
                                     log=feedback.pushInfo)
                    maps.set_metadata(output_metadata(model_path, threshold, summary.tile_size, metadata))
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
                "{changed:,} of {valid:,} valid pixels changed ({fraction:.2%}), {area}; {rate:,.0f} pixels/s.").format(
                changed=changed, valid=valid, fraction=changed_fraction, area=self.area_text(changed_area, pair.grid),
                rate=summary.pixels / max(summary.seconds, 1e-9)))
            outputs = {
                self.OUTPUT_PROBABILITY: probability_path, self.OUTPUT_CHANGE: change_path,
                self.CHANGED_AREA: changed_area, self.CHANGED_FRACTION: changed_fraction,
            }
            if polygons_path:
                min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
                count, area = polygonize_changes(change_path, polygons_path, min_area=min_area,
                                                 progress=progress_callback(feedback, 93, 99),
                                                 is_cancelled=cancel_flag(feedback))
                published.append(polygons_path)
                feedback.pushInfo(self.tr("{count:,} change polygons, {area} in all, in {path}.").format(
                    count=count, area=self.area_text(area, pair.grid), path=polygons_path)
                    + (" " + self.tr("Polygons smaller than {area} were left out.").format(
                        area=self.area_text(min_area, pair.grid)) if min_area > 0 else ""))
                raise_if_cancelled(feedback)
                outputs[self.OUTPUT_POLYGONS] = polygons_path
            if report_path:
                with atomic_file(report_path) as temporary:
                    with open(temporary, "w", encoding="utf-8") as handle:
                        handle.write(detection_report_html(
                            summary=summary, model_path=model_path, threshold=threshold, changed_pixels=changed,
                            valid_pixels=valid, changed_area=self.area_text(changed_area, pair.grid),
                            histogram=histogram.tolist(), pixel_area=self.area_text(pixel_area, pair.grid),
                            outputs={self.parameterDefinition(key).description(): path for key, path in
                                     outputs.items() if isinstance(path, str)}))
                published.append(report_path)
                outputs[self.OUTPUT_REPORT] = report_path
        remember_outputs(probability_path, change_path)
        for key, style in ((self.OUTPUT_PROBABILITY, "probability.qml"), (self.OUTPUT_CHANGE, "change.qml"),
                           (self.OUTPUT_POLYGONS, "change_polygons.qml")):
            if key in outputs:
                style_output(self, context, outputs[key], style,
                             name=self.output_name(self.parameterDefinition(key).description()))
        feedback.setProgress(100)
        return outputs

