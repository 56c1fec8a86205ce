"""siamcrnn:detectmany in QGIS Processing and through qgis_process, on the tests' local Dask cluster."""

from __future__ import annotations

import numpy as np
import pytest

from ..processing.common import recording_feedback, run
from .conftest import bounded, final_names, read_outputs, write_pairs


@pytest.fixture
def reference_b(references) -> dict:
    return references["b"]


def parameters(pairs, model: str, out, scheduler: str, **more) -> dict:
    return {"PAIRS": str(pairs), "MODEL": model, "SCHEDULER": scheduler, "TILE_SIZE": 16, "WINDOW_SIZE": 32,
            "DEVICE": "cpu", "OUTPUT_FOLDER": str(out), **more}


def test_registered_with_help_and_parameters_for_the_modeler(qgis_app):
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    algorithm = QgsApplication.processingRegistry().algorithmById("siamcrnn:detectmany")
    assert algorithm is not None and algorithm.displayName() == "Detect changes over many pairs"
    help_text = algorithm.shortHelpString()
    for words in ("dask[distributed]", "pip install --target", "/vsis3/", "summary.csv", "SCHEDULER",
                  "bit for bit", "docs/cluster.md"):
        assert words in help_text, words
    advanced = {p.name() for p in algorithm.parameterDefinitions()
                if p.flags() & QgsProcessingParameterDefinition.Flag.FlagAdvanced}
    assert {"DEVICE", "PRECISION", "TILE_SIZE", "BATCH_SIZE", "WINDOW_SIZE", "LOCAL_WORKERS"} <= advanced
    assert algorithm.canExecute() == (True, "")


def test_without_dask_it_explains_how_to_install_it(qgis_app, monkeypatch):
    from qgis.core import QgsApplication

    from siamcrnn_qgis.processing.algorithms import detectmany

    monkeypatch.setattr(detectmany, "dask_available", lambda: False)
    algorithm = QgsApplication.processingRegistry().algorithmById("siamcrnn:detectmany").createInstance()
    ok, message = algorithm.canExecute()
    assert not ok
    assert message.startswith("Dask is not installed in the Python that QGIS uses")
    assert "-m pip install --target" in message and "dask[distributed]" in message
    other = QgsApplication.processingRegistry().algorithmById("siamcrnn:detect").createInstance()
    assert other.canExecute() == (True, "")


def test_pairs_on_a_scheduler_loaded_styled(client, qgis_app, pair_folder, model_files, reference_b, tmp_path):
    from qgis.core import QgsProcessingContext

    pairs = write_pairs(tmp_path / "pairs.csv", [f"{pair_folder / 'b_t1.tif'},{pair_folder / 'b_t2.tif'},b",
                                                 f"{tmp_path / 'gone.tif'},{pair_folder / 'b_t2.tif'},gone"])
    context, feedback = QgsProcessingContext(), recording_feedback()
    result = run("detectmany", parameters(pairs, model_files["patch"], tmp_path / "out", client.scheduler.address),
                 bounded(feedback), context)
    assert (result["PAIRS_DONE"], result["PAIRS_SKIPPED"], result["PAIRS_FAILED"]) == (1, 0, 1)
    assert result["SUMMARY"] == str(tmp_path / "out" / "summary.csv")
    assert np.array_equal(read_outputs(tmp_path / "out" / "b")["probability"], reference_b["probability"])
    assert any(line.startswith("gone: failed. On worker tcp://127.0.0.1:") for line in feedback.warnings)
    assert any(line.startswith("Connected to the Dask scheduler at tcp://127.0.0.1:") for line in feedback.infos)
    loading = context.layersToLoadOnCompletion()
    assert sorted(details.name for details in loading.values()) == ["b change map", "b change probability"]
    assert all(details.postProcessor() is not None for details in loading.values())
    assert sorted(loading) == [str(tmp_path / "out" / "b" / name) for name in ("change.tif", "probability.tif")]
    again = run("detectmany", parameters(pairs, model_files["patch"], tmp_path / "out", client.scheduler.address,
                                         LOAD_OUTPUTS=False), bounded(), QgsProcessingContext())
    assert (again["PAIRS_DONE"], again["PAIRS_SKIPPED"], again["PAIRS_FAILED"]) == (0, 1, 1)


def test_a_pairs_table_with_relative_paths(client, qgis_app, pair_folder, model_files, reference_b, tmp_path):
    from qgis.core import QgsVectorLayer

    csv_path = write_pairs(pair_folder / "table.csv", ["b_t1.tif,b_t2.tif,from_table"])
    layer = QgsVectorLayer(str(csv_path), "pairs", "ogr")
    assert layer.isValid() and [field.name() for field in layer.fields()] == ["t1", "t2", "name"]
    result = run("detectmany", {**parameters("", model_files["patch"], tmp_path / "out", client.scheduler.address),
                                "PAIRS": None, "PAIRS_TABLE": layer}, bounded())
    assert result["PAIRS_DONE"] == 1
    assert np.array_equal(read_outputs(tmp_path / "out" / "from_table")["probability"], reference_b["probability"])


def test_no_pairs_and_a_cancel(client, qgis_app, pair_folder, model_files, tmp_path):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    with pytest.raises(QgsProcessingException, match="No pairs were given"):
        run("detectmany", {**parameters("", model_files["patch"], tmp_path / "none", client.scheduler.address),
                           "PAIRS": None})

    class CancelOnceStarted(QgsProcessingFeedback):
        def setProgressText(self, text: str) -> None:  # noqa: N802 (QGIS API)
            if "windows" in text:
                self.cancel()
            super().setProgressText(text)

    pairs = write_pairs(tmp_path / "pairs.csv", [f"{pair_folder / 'a_t1.tif'},{pair_folder / 'a_t2.tif'},a"])
    with pytest.raises(QgsProcessingException, match="Cancelled: 0 of 1 pairs were complete"):
        run("detectmany", parameters(pairs, model_files["patch"], tmp_path / "out", client.scheduler.address,
                                     WINDOW_SIZE=16), bounded(CancelOnceStarted()))
    assert final_names(tmp_path / "out") == []


def test_qgis_process_runs_it_on_a_local_cluster(qgis_cli, pair_folder, model_files, reference_b, tmp_path):
    """qgis_process's embedded Python is not a Python program: the local workers must get the interpreter of the
    same Python, and find the plugin, torch and Dask."""
    pairs = write_pairs(tmp_path / "pairs.csv", [f"{pair_folder / 'b_t1.tif'},{pair_folder / 'b_t2.tif'},b"])
    result = qgis_cli.run("siamcrnn:detectmany", parameters(pairs, model_files["patch"], tmp_path / "out", "",
                                                            LOCAL_WORKERS=1), timeout=180)["results"]
    assert result["PAIRS_DONE"] == 1 and result["SUMMARY"] == str(tmp_path / "out" / "summary.csv")
    assert np.array_equal(read_outputs(tmp_path / "out" / "b")["probability"], reference_b["probability"])
    assert (tmp_path / "out" / "b" / "change.qml").is_file()
