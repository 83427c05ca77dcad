"""The app's answer to a damaged library and to anything unexpected: a French sentence.

`ask_restore` is what the app shows when the library is damaged: the last good backup, with
its date, and « Remettre cette sauvegarde » / « Quitter ». `install_excepthook` makes any
exception that escapes a Qt slot end in one French sentence, the traceback in the log.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from kitcop_desktop import APP_NAME, paths
from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.faults import RESTORE_HINT
from kitcop_desktop.storage.restore import when

log = logging.getLogger(__name__)


class RestoreBox(QMessageBox):
    """The question, keeping its « Remettre cette sauvegarde » button to check the answer."""

    restore_button: QPushButton


def restore_box(sentence: str, backup: Path) -> RestoreBox:
    # The dialog is the way to put the backup back: no command line to type here.
    box = RestoreBox(QMessageBox.Icon.Warning, APP_NAME, sentence.replace(tr(RESTORE_HINT), ""))
    box.setInformativeText(
        tr(
            "Dernière sauvegarde saine : le {when}. La remettre en place ? Le fichier "
            "endommagé sera gardé dans le dossier « sauvegardes » ; ce qui a été fait "
            "après cette sauvegarde n'y sera pas."
        ).format(when=when(backup))
    )
    box.restore_button = box.addButton(
        tr("Remettre cette sauvegarde"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setEscapeButton(box.addButton(tr("Quitter"), QMessageBox.ButtonRole.RejectRole))
    box.setDefaultButton(box.restore_button)
    return box


def ask_restore(sentence: str, backup: Path) -> bool:
    box = restore_box(sentence, backup)
    box.exec()
    return box.clickedButton() is box.restore_button


def unexpected_sentence(exc: BaseException) -> str:
    return tr(
        "Une erreur inattendue est survenue ({error}) ; ce qui était enregistré "
        "l'est toujours. Le détail est dans le journal : {log}"
    ).format(error=type(exc).__name__, log=paths.log_path())


def install_excepthook() -> None:
    """Exceptions escaping a slot: logged with their traceback, shown as one sentence."""

    def hook(kind, exc, tb):
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("unexpected exception in the GUI", exc_info=(kind, exc, tb))
        from kitcop_desktop.storage.faults import translate

        known = translate(exc, Path("kitcop.sqlite3")) if exc is not None else None
        text = str(known) if known is not None else unexpected_sentence(exc)
        if QApplication.instance() is not None:
            QMessageBox.warning(QApplication.activeWindow(), APP_NAME, text)
        else:
            print(f"Erreur : {text}", file=sys.stderr)

    sys.excepthook = hook
