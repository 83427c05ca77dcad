"""Qt's own dialogs speak the app's language (issue #22 item 8: « Look in », « Files of type »)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QLabel

from kitcop_desktop.ui.qt_translations import (
    app_language,
    install_qt_translations,
    remove_qt_translations,
)


@pytest.fixture
def app(qapp):
    yield qapp
    remove_qt_translations(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))


def _save_dialog_labels(qtbot) -> list[str]:
    dialog = QFileDialog(None, "Enregistrer le PDF")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter("PDF (*.pdf)")
    return [label.text() for label in dialog.findChildren(QLabel) if label.text()]


def test_the_save_dialog_reads_french_from_end_to_end(app, qtbot):
    assert len(install_qt_translations(app, "fr")) == 2  # qtbase_fr and our supplement
    labels = _save_dialog_labels(qtbot)
    assert "Voir &dans\u00a0:" in labels
    assert "Fichiers de &type\u00a0:" in labels
    assert "&Nom de fichier\u00a0:" in labels  # from Qt's own catalogue
    assert not [t for t in labels if t in ("&Look in:", "Files of &type:", "File &name:")]
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_the_save_dialog_says_dossier_in_its_type_column(app, tmp_path):
    """Seen in the app's save dialog: every folder's « Type » read « Folder »."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    install_qt_translations(app, "fr")
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "Dossier"
    install_qt_translations(app, "en")
    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "Folder"


def test_english_loads_qts_english_and_no_french(app, qtbot):
    install_qt_translations(app, "fr")
    installed = install_qt_translations(app, "en")  # replaces the French ones
    assert len(installed) == 1  # qtbase_en: Qt's strings are English already
    labels = _save_dialog_labels(qtbot)
    assert "&Look in:" in labels and "Files of &type:" in labels
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_the_language_comes_from_kitcop_lang(monkeypatch):
    monkeypatch.delenv("KITCOP_LANG", raising=False)
    assert app_language() == "fr"
    monkeypatch.setenv("KITCOP_LANG", "en_GB.UTF-8")
    assert app_language() == "en"
    monkeypatch.setenv("KITCOP_LANG", "klingon")
    assert app_language() == "fr"


def test_subprocess_make_application_installs_the_french_catalogues():
    """The app as launched (its own process: the theme it applies is global)."""
    code = (
        "from kitcop_desktop.app import make_application\n"
        "from PySide6.QtCore import QCoreApplication as C\n"
        "make_application()\n"
        "print(C.translate('QFileDialog', '&Look in:'))\n"
        "print(C.translate('QFileDialog', 'File &name:'))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("KITCOP_LANG", None)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == ["Voir &dans\u00a0:", "&Nom de fichier\u00a0:"]
