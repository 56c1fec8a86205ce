"""siamcrnn:detectmany — change detection over many pairs on a Dask cluster (or a local one)."""

from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ...dependencies import dask_available, dask_install_command, missing_dask_message
from ..pair import PairAlgorithm, architecture_defaults
from ..session import default_model, remember_model
from ..styling import style_output

#: Field names of a pairs table (case does not matter).
TABLE_FIELDS = ("t1", "t2", "name")


class DetectManyAlgorithm(PairAlgorithm):
    ALGORITHM_ID = "detectmany"
    ICON = "detect.svg"

    PAIRS = "PAIRS"
    PAIRS_TABLE = "PAIRS_TABLE"
    MODEL = "MODEL"
    SCHEDULER = "SCHEDULER"
    LOCAL_WORKERS = "LOCAL_WORKERS"
    THRESHOLD = "THRESHOLD"
    TILE_SIZE = "TILE_SIZE"
    BATCH_SIZE = "BATCH_SIZE"
    WINDOW_SIZE = "WINDOW_SIZE"
    USE_TRAINING_STATISTICS = "USE_TRAINING_STATISTICS"
    RECOMPUTE = "RECOMPUTE"
    LOAD_OUTPUTS = "LOAD_OUTPUTS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    SUMMARY = "SUMMARY"
    PAIRS_DONE = "PAIRS_DONE"
    PAIRS_SKIPPED = "PAIRS_SKIPPED"
    PAIRS_FAILED = "PAIRS_FAILED"

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return self.tr("Detect changes over many pairs")

    def canExecute(self) -> tuple[bool, str]:  # noqa: N802
        ok, message = super().canExecute()
        if ok and not dask_available():
            return False, missing_dask_message()
        return ok, message

    def shortHelpString(self) -> str:  # noqa: N802
        from ...cluster.run import DEFAULT_WINDOW_SIZE

        pair = self.pair_help()
        return (
            self.tr(
                "Runs a trained SiamCRNN model over many T1/T2 pairs on a Dask cluster, window by window, and "
                "writes for each pair the same change probability and change map as Detect changes (every "
                "probability is equal, bit for bit, to a Detect changes run with the same options on the same "
                "kind of device). Pairs are independent: one that fails is reported and the others go on. A "
                "pair already complete in the output folder with the same settings is skipped, so running the "
                "algorithm again resumes an interrupted run.")
            + " " + self.tr("Dask is optional for the rest of the plugin; this algorithm needs it. "
                            "Install it with: {command}").format(command=dask_install_command())
            + self.parameters_help({
                self.PAIRS: self.tr(
                    "a CSV file with one pair per line: t1,t2 and optionally a name (a header line t1,t2,name may "
                    "come first). Relative paths are relative to the CSV file. GDAL names such as "
                    "/vsis3/bucket/t1.tif, /vsicurl/https://server/t1.tif or /vsiaz/container/t1.tif work as long "
                    "as every worker can read them."),
                self.PAIRS_TABLE: self.tr("instead of the CSV file, a table (any layer) with the fields t1, t2 and "
                                          "optionally name."),
                self.MODEL: self.tr("a .safetensors model made by Train. It is copied into the output folder for "
                                    "the workers, so it need not be on shared storage."),
                self.SCHEDULER: self.tr(
                    "address of a running Dask scheduler, for example tcp://head-node:8786. Left empty, a local "
                    "cluster of worker processes is started on this computer and closed afterwards."),
                self.LOCAL_WORKERS: self.tr("worker processes of the local cluster, each computing on one CPU "
                                            "thread (default: one per CPU core)."),
                self.THRESHOLD: self.tr("the probability from which a pixel is called changed. Left empty, the "
                                        "model's own threshold is used, as in Detect changes."),
                self.DEVICE: pair[self.DEVICE] + " " + self.tr("Each worker chooses on its own machine."),
                self.PRECISION: pair[self.PRECISION],
                self.TILE_SIZE: self.tr("as in Detect changes (left empty: {tiles}); windows are made of whole "
                                        "tiles.").format(tiles=architecture_defaults("tile_size", detection=True)),
                self.BATCH_SIZE: self.tr("as in Detect changes (left empty: {batches}).").format(
                    batches=architecture_defaults("batch_size", detection=True)),
                self.WINDOW_SIZE: self.tr(
                    "side in pixels of the part of a pair one task computes, rounded to whole tiles (default "
                    "{size}). Larger windows mean fewer tasks; smaller ones spread one large pair over more "
                    "workers.").format(size=DEFAULT_WINDOW_SIZE),
                self.USE_TRAINING_STATISTICS: self.tr("as in Detect changes."),
                self.RECOMPUTE: self.tr("redo the pairs that are already complete."),
                self.LOAD_OUTPUTS: self.tr("add each complete pair's change map and probability to the map, "
                                           "styled, named after the pair."),
                self.OUTPUT_FOLDER: self.tr(
                    "each pair's outputs go to a folder of its name: probability.tif (float32, nodata -1) and "
                    "change.tif (0 unchanged, 1 changed, 255 nodata) with their styles, and detection.json (the "
                    "settings and counts); summary.csv lists every pair. With a remote scheduler the folder must be "
                    "on storage this computer and every worker share, under the same path."),
            })
            + "<p>" + self.tr("See docs/cluster.md for setting up a cluster and sizing it.") + "</p>"
            + self.help_footer()
        )

    def initAlgorithm(self, config=None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.PAIRS, self.tr("Pairs (CSV file: t1,t2[,name] per line)"), QgsProcessingParameterFile.Behavior.File,
            "csv", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PAIRS_TABLE, self.tr("Pairs table (fields t1, t2[, name]), instead of the CSV file"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, self.tr("Model file"), QgsProcessingParameterFile.Behavior.File, "safetensors",
            default_model()))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEDULER, self.tr("Dask scheduler address (empty: a local cluster on this computer)"), "",
            optional=True))
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.LOCAL_WORKERS, self.tr("Worker processes of the local cluster"), integer, None, True, 1, 1024))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, self.tr("Threshold (empty: the model's)"), double, None, True, 0.0, 1.0))
        self.add_device_parameter()
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.TILE_SIZE, self.tr("Tile size (pixels)"), integer, None, True, 5, 16384))
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.BATCH_SIZE, self.tr("Batch size (pixels)"), integer, None, True, 1, 1 << 22))
        self.add_advanced_parameter(QgsProcessingParameterNumber(
            self.WINDOW_SIZE, self.tr("Window size (pixels)"), integer, None, True, 5, 65536))
        self.add_advanced_parameter(QgsProcessingParameterBoolean(
            self.USE_TRAINING_STATISTICS, self.tr("Standardise with the training images' statistics"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.RECOMPUTE, self.tr("Recompute pairs that are already complete"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.LOAD_OUTPUTS, self.tr("Open the outputs in the project"), True))
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile(self.SUMMARY, self.tr("Summary (CSV)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAIRS_DONE, self.tr("Pairs detected")))
        self.addOutput(QgsProcessingOutputNumber(self.PAIRS_SKIPPED, self.tr("Pairs already complete")))
        self.addOutput(QgsProcessingOutputNumber(self.PAIRS_FAILED, self.tr("Pairs that failed")))

    def checkParameterValues(self, parameters: dict, context: QgsProcessingContext) -> tuple[bool, str]:  # noqa: N802
        given = [name for name in (self.PAIRS, self.PAIRS_TABLE) if parameters.get(name) not in (None, "")]
        if not given:
            return False, self.tr("No pairs were given: choose a CSV file of pairs (PAIRS) or a table of pairs "
                                  "(PAIRS_TABLE).")
        if len(given) == 2:
            return False, self.tr("Both PAIRS and PAIRS_TABLE were given: choose one of them.")
        return super().checkParameterValues(parameters, context)

    def prepare(self, parameters, context, feedback) -> None:
        from ...cluster.pairs import pairs_from_rows, read_pairs

        remember_model(self.parameterAsFile(parameters, self.MODEL, context))
        table = self.parameterAsSource(parameters, self.PAIRS_TABLE, context)
        csv_path = self.parameterAsFile(parameters, self.PAIRS, context)
        if csv_path:
            self.pairs = read_pairs(csv_path)
            return
        names = {field.name().lower(): field.name() for field in table.fields()}
        if not {"t1", "t2"} <= set(names):
            raise QgsProcessingException(self.tr(
                "The pairs table has no t1 and t2 fields (its fields: {fields}): give it fields t1, t2 and "
                "optionally name.").format(fields=", ".join(field.name() for field in table.fields()) or "-"))
        rows = []
        for number, feature in enumerate(table.getFeatures(), 1):
            values = [feature[names[key]] if key in names else "" for key in TABLE_FIELDS]
            rows.append((f"row {number} of the pairs table",
                         *("" if value is None or value == "" else str(value).strip() for value in values)))
        if not rows:
            raise QgsProcessingException(self.tr("The pairs table has no rows: add one row per pair."))
        layer = self.parameterAsVectorLayer(parameters, self.PAIRS_TABLE, context)
        source_path = layer.source().split("|")[0] if layer is not None else ""
        # relative paths in a table read from a file are relative to that file, as in a CSV of pairs
        self.pairs = pairs_from_rows(rows, os.path.dirname(source_path) if os.path.isfile(source_path) else None)

    def process(self, parameters, context, feedback, workdir) -> dict:
        from ...cluster.client import dask_client
        from ...cluster.run import DEFAULT_WINDOW_SIZE, ClusterSettings, RunCancelled, RunHooks, detect_pairs
        from ...core.options import DetectionOptions

        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        model_path = self.parameterAsFile(parameters, self.MODEL, context)
        settings = ClusterSettings(
            threshold=self.optional_number(parameters, self.THRESHOLD, context),
            window_size=self.optional_number(parameters, self.WINDOW_SIZE, context) or DEFAULT_WINDOW_SIZE,
            recompute=self.parameterAsBool(parameters, self.RECOMPUTE, context),
            detection=DetectionOptions(
                tile_size=self.optional_number(parameters, self.TILE_SIZE, context),
                batch_size=self.optional_number(parameters, self.BATCH_SIZE, context),
                device=self.device_name(parameters, context), precision=self.precision_name(parameters, context),
                use_training_statistics=self.parameterAsBool(parameters, self.USE_TRAINING_STATISTICS, context)))

        def progress(fraction: float, status: str) -> None:
            feedback.setProgress(100 * fraction)
            feedback.setProgressText(status)

        hooks = RunHooks(progress=progress, log=feedback.pushInfo, warn=feedback.pushWarning,
                         is_cancelled=feedback.isCanceled)
        scheduler = self.parameterAsString(parameters, self.SCHEDULER, context).strip()
        try:
            with dask_client(scheduler or None, self.optional_number(parameters, self.LOCAL_WORKERS, context),
                             log=feedback.pushInfo) as client:
                summary = detect_pairs(client, self.pairs, model_path, folder, settings, hooks)
        except RunCancelled as cancelled:
            raise QgsProcessingException(self.tr(
                "Cancelled: {kept} of {total} pairs were complete and are kept (running again skips them); "
                "nothing else was written.").format(kept=cancelled.kept, total=cancelled.total)) from None
        done, skipped, failed = (summary.count(status) for status in ("done", "skipped", "failed"))
        feedback.pushInfo(self.tr("{done} pairs detected, {skipped} already complete, {failed} failed; summary: "
                                  "{path}").format(done=done, skipped=skipped, failed=failed,
                                                   path=summary.summary_path))
        if failed and not done + skipped:
            first = next(outcome for outcome in summary.outcomes if outcome.status == "failed")
            raise QgsProcessingException(self.tr("Every pair failed; the first: {name}: {message}").format(
                name=first.pair.name, message=first.message))
        if self.parameterAsBool(parameters, self.LOAD_OUTPUTS, context):
            self.load_outputs(summary.outcomes, context)
        return {self.OUTPUT_FOLDER: folder, self.SUMMARY: summary.summary_path, self.PAIRS_DONE: done,
                self.PAIRS_SKIPPED: skipped, self.PAIRS_FAILED: failed}

    def load_outputs(self, outcomes: list, context: QgsProcessingContext) -> None:
        """Each complete pair's change map and probability, named after the pair, styled as Detect's."""
        for outcome in outcomes:
            if not outcome.complete:
                continue
            for path, style, label in ((outcome.probability, "probability.qml", self.tr("change probability")),
                                       (outcome.change, "change.qml", self.tr("change map"))):
                details = QgsProcessingContext.LayerDetails(f"{outcome.pair.name} {label}", context.project(),
                                                            self.OUTPUT_FOLDER)
                context.addLayerToLoadOnCompletion(path, details)
                style_output(self, context, path, style)
