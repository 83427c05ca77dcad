"""Qt's own dialogs (file chooser, message boxes) in the app's language.

Two QTranslators: Qt's qtbase catalogue, shipped with PySide6 (QLibraryInfo's
TranslationsPath), then our supplement in resources/translations for the few strings that
catalogue leaves untranslated (« Look in: » and « Files of type: » of the file chooser, in
French). Our own strings are written in French; English loads qtbase_en and no supplement.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from kitcop_desktop import paths
from kitcop_desktop.i18n import LANGUAGES, requested_language

log = logging.getLogger(__name__)


_LOCALES = {
    "fr": (QLocale.Language.French, QLocale.Country.France),
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def app_language() -> str:
    """The language Qt's dialogs speak: the app's (KITCOP_LANG or --lang), French for the
    pseudo-locale of the layout tests."""
    wanted = requested_language()
    return wanted if wanted in LANGUAGES else "fr"


def install_qt_translations(app, language: str = "fr") -> list[QTranslator]:
    """Load Qt's catalogues for `language` into `app`, replacing any installed before.

    Returns the translators installed (kept alive on the application). A missing file is
    logged and skipped: the dialogs then speak English, nothing breaks.
    """
    remove_qt_translations(app)
    language = language if language in LANGUAGES else "fr"
    QLocale.setDefault(QLocale(*_LOCALES[language]))
    installed = []
    for name, folder in (
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"qtbase_extra_{language}", str(paths.resources_dir() / "translations")),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        elif language == "fr" or name.startswith("qtbase_en"):
            log.warning("Qt translation %s not found in %s", name, folder)
    app._kitcop_translators = installed  # keep them alive
    return installed


def remove_qt_translations(app) -> None:
    for translator in getattr(app, "_kitcop_translators", []):
        app.removeTranslator(translator)
    app._kitcop_translators = []
