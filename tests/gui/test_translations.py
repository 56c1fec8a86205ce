"""Translations: the .ts files are complete for every tr() string, and switching the locale translates the
provider and the algorithm names. Refresh with `make transup`, translate the new entries, `make transcompile`."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("fr", "zh_CN")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def ts_path(locale: str) -> Path:
    return REPO_ROOT / "i18n" / f"siamcrnn_{locale}.ts"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated(locale):
    entries = messages(ts_path(locale))
    assert len(entries) > 150
    problems = []
    for (context, source), translation in entries.items():
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text)):
            problems.append(f"{context}: {source!r} -> {translation.text!r} changes the {{placeholders}}")
    assert not problems, "\n".join(problems[:20]) + "\nRun `make transup` and translate these entries."


def test_ts_files_cover_every_tr_string(tmp_path):
    if shutil.which("pylupdate5") is None:
        pytest.skip("pylupdate5 not found (make setup installs pyqt5-dev-tools)")
    sources = sorted(str(path) for path in (REPO_ROOT / "siamcrnn_qgis").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(["pylupdate5", "-noobsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    expected = set(messages(fresh))
    for locale in LOCALES:
        missing = expected - set(messages(ts_path(locale)))
        assert not missing, (f"{len(missing)} strings are missing from {ts_path(locale).name}, e.g. "
                             f"{sorted(missing)[:5]}; run `make transup` and translate them")


@pytest.fixture(scope="module")
def compiled_translations():
    """The .qm files `make transcompile` builds, built here too when missing or older than the .ts."""
    for locale in LOCALES:
        source, compiled = ts_path(locale), ts_path(locale).with_suffix(".qm")
        if not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime:
            if shutil.which("lrelease") is None:
                pytest.skip("lrelease not found (make setup installs qttools5-dev-tools)")
            subprocess.run(["lrelease", "-silent", str(source), "-qm", str(compiled)], check=True)


def test_locale_falls_back_to_the_language(compiled_translations):
    from siamcrnn_qgis.i18n import translation_file

    assert translation_file("fr_CA").endswith("siamcrnn_fr.qm")
    assert translation_file("zh_CN").endswith("siamcrnn_zh_CN.qm")
    assert translation_file("xx_YY") is None


@pytest.mark.parametrize("locale, provider_name, detect_name, status_entry", [
    ("fr", "Détection de changements SiamCRNN", "Détecter les changements", "État…"),
    ("zh_CN", "SiamCRNN 变化检测", "检测变化", "状态…"),
])
def test_switching_locale_translates_names(qgis_app, compiled_translations, locale, provider_name, detect_name,
                                           status_entry):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QCoreApplication

    from siamcrnn_qgis.gui.menu import SiamCRNNMenu
    from siamcrnn_qgis.i18n import install_translator

    registry = QgsApplication.processingRegistry()
    assert registry.providerById("siamcrnn").name() == "SiamCRNN change detection"
    translator = install_translator(locale)
    assert translator is not None
    try:
        assert registry.providerById("siamcrnn").name() == provider_name
        assert registry.algorithmById("siamcrnn:detect").displayName() == detect_name
        assert SiamCRNNMenu(None).entries()[-1][1] == status_entry
        from siamcrnn_qgis.reports import evaluation_report_html  # module-level tr() (@default context)
        from tests.gui.test_reports import METRICS

        assert detect_name not in evaluation_report_html(METRICS, "c.tif")
        assert "SiamCRNN evaluation report" not in evaluation_report_html(METRICS, "c.tif")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert registry.algorithmById("siamcrnn:detect").displayName() == "Detect changes"
