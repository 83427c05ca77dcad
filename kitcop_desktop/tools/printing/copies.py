"""« Copies modifiables »: the ticked parts as DOCX (Word, LibreOffice), the fiches actions and
the vote results as CSV (tableur), for the COP secretariat's own forms. Written atomically;
what cannot be written is said in French and changes nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.printing.csv_copies import render_csv
from kitcop_desktop.printing.docx_copies import DOCX_PARTS, render_docx
from kitcop_desktop.printing.output import write_atomically
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.ui.icons import icon

log = logging.getLogger(__name__)

# What each copy is called, in the file name and in the messages.
CSV_COPIES = {
    "actions": (tr_later("Fiches actions (CSV)…"), "fiches-actions"),
    "votes": (tr_later("Résultats des votes (CSV)…"), "votes"),
}


class CopiesBox(QWidget):
    """Two buttons under the PDF ones: « Word (DOCX)… » and « Tableur (CSV) ▾ »."""

    def __init__(self, ctx, parts: Callable[[], list[str]], name: Callable[[], str], parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._parts = parts  # the ticked parts
        self._name = name  # the PDF's suggested file name, « atelier-restitution.pdf »
        # Injected in tests so that no dialog blocks: (title, start path, filter) → path or "".
        self.ask_path = self._ask_path
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 6, 0, 0)
        label = QLabel(tr("Copies modifiables"))
        label.setObjectName("PageSubtitle")
        column.addWidget(label)
        self.docx_button = QPushButton(icon("docx"), tr("Word (DOCX)…"))
        self.docx_button.setToolTip(
            tr(
                "Copie modifiable (Word, LibreOffice) des parties cochées : mêmes sections que "
                "le PDF, à reprendre dans vos propres documents (en ligne de commande : "
                "kitcop docx)"
            )
        )
        self.docx_button.clicked.connect(self.save_docx)
        column.addWidget(self.docx_button)
        self.csv_button = QPushButton(icon("csv"), tr("Tableur (CSV)"))
        menu = QMenu(self.csv_button)
        for key, (text, _word) in CSV_COPIES.items():
            action = QAction(tr(text), menu)
            action.triggered.connect(lambda _checked=False, k=key: self.save_csv(k))
            menu.addAction(action)
        self.csv_button.setMenu(menu)
        self.csv_button.setToolTip(
            tr(
                "Fiches actions ou résultats des votes pour un tableur (en ligne de commande : "
                "kitcop csv)"
            )
        )
        column.addWidget(self.csv_button)

    def parts_changed(self) -> None:
        """The DOCX button is offered when a ticked part has an editable copy."""
        self.docx_button.setEnabled(any(x in DOCX_PARTS for x in self._parts()))

    # --- DOCX ----------------------------------------------------------------------------------
    def save_docx(self) -> Path | None:
        parts = [x for x in self._parts() if x in DOCX_PARTS]
        if not parts:
            self.ctx.show_message(
                tr(
                    "Les supports vierges n'existent qu'en PDF : cochez une autre partie pour "
                    "une copie modifiable. Rien n'a été enregistré."
                )
            )
            return None
        path = self._choose(tr("Enregistrer la copie Word"), ".docx", tr("Document Word (*.docx)"))
        if path is None:
            return None
        return self._write(path, lambda session: render_docx(session, self._workshop(), parts))

    # --- CSV -----------------------------------------------------------------------------------
    def save_csv(self, key: str) -> Path | None:
        _text, word = CSV_COPIES[key]
        stem = self._name().rsplit("-", 1)[0] if "-" in self._name() else "atelier"
        path = self._choose(
            tr("Enregistrer pour un tableur"), ".csv", tr("Tableur CSV (*.csv)"), f"{stem}-{word}"
        )
        if path is None:
            return None
        return self._write(path, lambda session: render_csv(session, self._workshop(), key))

    # --- common --------------------------------------------------------------------------------
    def _workshop(self) -> int:
        return self.ctx.workshop_id

    def _choose(self, title: str, suffix: str, pattern: str, stem: str = "") -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = stem or Path(self._name()).stem
        start = str(Path(folder or Path.home()) / f"{stem}{suffix}")
        chosen = self.ask_path(title, start, pattern)
        if not chosen:
            return None
        if not chosen.lower().endswith(suffix):
            chosen += suffix
        return Path(chosen)

    def _ask_path(self, title: str, start: str, pattern: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        return path

    def _write(self, path: Path, make: Callable) -> Path | None:
        try:
            with self.ctx.store.read() as session:
                data = make(session)
            target = write_atomically(path, data)
        except (StoreError, ValueError, OSError) as exc:
            self.ctx.show_message(
                tr("La copie n'a pas été enregistrée : {error}").format(error=exc)
            )
            return None
        except Exception:  # a document bug must not take the app down
            log.exception("editable copy failed: %s", path)
            self.ctx.show_message(
                tr(
                    "La copie n'a pas pu être préparée (détails dans le journal). "
                    "Rien n'a été enregistré."
                )
            )
            return None
        self.ctx.show_message(tr("Copie enregistrée : {path}").format(path=target))
        return target
