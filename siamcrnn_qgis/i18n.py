"""Translation: install the .qm matching QGIS's locale, and tr() helpers matching pylupdate5's contexts.

pylupdate5 files a ``self.tr("…")`` string under the name of the class whose body holds it, and a
module-level ``tr("…")`` under ``@default``. At run time an object's ``tr`` therefore looks the text up
under each class of its MRO, so strings defined in a base class translate in every subclass.
"""

from __future__ import annotations

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .paths import i18n_path

_DEFAULT_CONTEXTS = ("@default", "")


def tr(text: str) -> str:
    """Translate a module-level string (pylupdate5 context ``@default``)."""
    for context in _DEFAULT_CONTEXTS:
        translated = QCoreApplication.translate(context, text)
        if translated != text:
            return translated
    return text


class Translatable:
    """Mixin giving ``self.tr`` that follows pylupdate5's class contexts along the MRO."""

    def tr(self, text: str) -> str:
        for cls in type(self).__mro__:
            if cls is object:
                break
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return tr(text)


def qgis_locale() -> str:
    """QGIS's user interface locale, e.g. 'fr' or 'zh_CN' (QGIS's own setting, else the system's)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str)
        if locale:
            return locale
    return settings.value("locale/userLocale", "", type=str) or QLocale.system().name()


def translation_file(locale: str) -> str | None:
    """The compiled translation for a locale: exact match (zh_CN), then the language alone (fr)."""
    for candidate in (locale, locale.split("_")[0]):
        path = i18n_path(f"siamcrnn_{candidate}.qm")
        if candidate and path.is_file():
            return str(path)
    return None


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Load and install the plugin's translator; the caller keeps it and removes it on unload."""
    path = translation_file(locale or qgis_locale())
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
