"""The printing screen: parts to tick, a live preview, « Enregistrer le PDF… » and « Ouvrir »,
and the editable copies (DOCX, CSV: tools/printing/copies.py)."""

from __future__ import annotations

import logging
import re
import tempfile
import time
import unicodedata
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import decimal, tr, tr_later, tr_n
from kitcop_desktop.printing.output import write_atomically
from kitcop_desktop.printing.part_names import PART_LABELS, PART_NAMES, RESTITUTION_CONTENTS
from kitcop_desktop.storage import interviews, workshops
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.tools.printing.copies import CopiesBox
from kitcop_desktop.tools.printing.preview import PagePreview
from kitcop_desktop.tools.printing.print_worker import PrintWorker
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext

log = logging.getLogger(__name__)

# The checkboxes, grouped as the facilitator thinks: before the workshop, then after it.
MENU = (
    (tr_later("Avant l'atelier"), ("agenda", "facilitator", "attendance", "blank")),
    (
        tr_later("Après l'atelier"),
        (
            "all",
            "interview_sheets",  # an option of the restitution, shown under it
            "boards",
            "votes",
            "fishbowl",
            "rounds",
            "tables",
            "interviews",
            "actions",
            "action_plan",
        ),
    ),
)
SHORT_LABELS = {
    "all": tr_later("Restitution complète"),
    "agenda": tr_later("Déroulé"),
    "facilitator": tr_later("Déroulé de l'animateur·rice"),
    "attendance": tr_later("Liste d'émargement"),
    "blank": tr_later("Supports vierges"),
    "boards": tr_later("Tableaux"),
    "votes": tr_later("Résultats des votes"),
    "fishbowl": tr_later("Bocal à poisson"),
    "rounds": tr_later("Tours de parole"),
    "interviews": tr_later("Entretiens"),
    "interview_sheets": tr_later("avec les fiches d'entretien"),
    "actions": "Fiches actions",
    "tables": "Tables",
    "action_plan": "Plan d'action et protocoles",
}
FILE_WORDS = {
    "all": "restitution",
    "facilitator": "deroule-animation",
    "agenda": "deroule",
    "attendance": "emargement",
    "blank": "supports-vierges",
    "actions": "fiches-actions",
    "tables": "tables",
    "action_plan": "plan-d-action",
}


def slug(text: str) -> str:
    """A file-name-safe, accent-free version of a title."""
    bare = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")[:60] or "atelier"


class PrintingEditor(QWidget):
    """Pick parts, see the pages, save atomically or open in the system viewer."""

    def __init__(self, ctx: ToolContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pdf: bytes | None = None
        self.saved_path: Path | None = None
        self._dirty = True
        # Injected in tests so that no real viewer opens.
        self.open_url = QDesktopServices.openUrl
        self._sheets_chosen = False
        # The PDFs are made in a child process while this screen is shown (print_worker.py).
        self.worker = PrintWorker(getattr(ctx.store, "path", None))
        worker = self.worker
        self.destroyed.connect(lambda *_: worker.stop())
        self._build()
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        ctx.hub.changed.connect(self._on_changed)
        self.checks["all"].setChecked(True)

    # --- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QHBoxLayout(self)
        side = QWidget()
        side.setObjectName("Card")
        side.setMinimumWidth(300)
        column = QVBoxLayout(side)
        title = QLabel(tr("Impression"))
        title.setObjectName("PageTitle")
        # The pages beside it stay whole on a 1024 px screen; its title is never cut (one
        # word, in a longer language).
        title.ensurePolished()
        side.setMaximumWidth(max(340, title.sizeHint().width() + 24))
        column.addWidget(title)
        hint = QLabel(tr("Cochez les parties à imprimer. L'aperçu se met à jour tout seul."))
        hint.setObjectName("PageSubtitle")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.checks: dict[str, QCheckBox] = {}
        for heading, parts in MENU:
            group = QLabel(tr(heading))
            theme.style(group, theme.GROUP_NAVY)
            column.addWidget(group)
            for part in parts:
                box = QCheckBox(tr(SHORT_LABELS[part]))
                box.setToolTip(
                    tr("{label}\n(en ligne de commande : --part {part})").format(
                        label=tr(PART_LABELS[part]), part=part
                    )
                )
                box.toggled.connect(self._parts_changed)
                column.addWidget(box)
                self.checks[part] = box
                if part == "all":  # what it holds, and the sheets it may take along
                    restitution = tr(RESTITUTION_CONTENTS)
                    contents = QLabel(restitution[:1].upper() + restitution[1:])
                    contents.setObjectName("PageSubtitle")
                    contents.setWordWrap(True)
                    # A margin, not a style sheet's: Qt then counts it when it works out
                    # how many lines the words take (a longer language's were cut).
                    contents.setContentsMargins(22, 0, 0, 0)
                    # Never squeezed: on a 768 px screen its last line must not be cut.
                    contents.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
                    column.addWidget(contents)
                    self.restitution_contents = contents
        sheets = self.checks["interview_sheets"]
        theme.style(sheets, theme.INDENTED)
        sheets.clicked.connect(self._sheets_clicked)
        self.checks["all"].toggled.connect(lambda _on: self._offer_sheets())
        column.addSpacing(10)
        self.save_button = QPushButton(icon("save", theme.WHITE), tr("Enregistrer le PDF…"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save_dialog)
        self.open_button = QPushButton(icon("pdf"), tr("Ouvrir dans la visionneuse"))
        self.open_button.clicked.connect(self.open_in_viewer)
        column.addWidget(self.save_button)
        column.addWidget(self.open_button)
        self.copies = CopiesBox(self.ctx, self.selected_parts, self.suggested_name)
        column.addWidget(self.copies)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("PageSubtitle")
        column.addWidget(self.status)
        column.addStretch(1)
        # On a 768 px screen the column is taller than the window: it scrolls rather than
        # squeezing its lines (the restitution's description was cut top and bottom).
        self.side_scroll = QScrollArea()
        self.side_scroll.setWidget(side)
        self.side_scroll.setWidgetResizable(True)
        self.side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2
        self.side_scroll.setFixedWidth(side.maximumWidth() + bar)
        outer.addWidget(self.side_scroll)
        self.preview = PagePreview()
        outer.addWidget(self.preview, 1)

    # --- parts ---------------------------------------------------------------------------------
    def selected_parts(self) -> list[str]:
        restitution = self.checks["all"].isChecked()
        return [
            part
            for part in PART_NAMES
            if self.checks[part].isChecked() and (part != "interview_sheets" or restitution)
        ]

    def preselect_part(self, part: str) -> None:
        """Ctrl+P from another tool: only that tool's part is ticked."""
        if part not in self.checks:
            return
        for key, box in self.checks.items():
            box.blockSignals(True)
            box.setChecked(key == part)
            box.blockSignals(False)
        self._sheets_chosen = False
        self._offer_sheets()
        self.refresh()

    # --- kept while the page is let go (ui/workshop_view.release_hidden) -------------------------
    def view_state(self) -> str:
        """The parts ticked (« all,interview_sheets »), after « ! » once the facilitator chose
        the interview sheets by hand."""
        ticked = ",".join(part for part, box in self.checks.items() if box.isChecked())
        return ("!" if self._sheets_chosen else "") + ticked

    def restore_view(self, view: str) -> None:
        """The parts ticked as `view_state` gave them; the preview is made again when shown."""
        ticked = set(view.removeprefix("!").split(",")) & set(self.checks)
        for part, box in self.checks.items():
            box.blockSignals(True)
            box.setChecked(part in ticked)
            box.blockSignals(False)
        self._sheets_chosen = view.startswith("!")
        self._dirty = True

    # --- the interview sheets of the restitution ------------------------------------------------
    def _interview_count(self) -> int:
        with self.ctx.store.read() as session:
            return len(interviews.list_interviews(session, self.ctx.workshop_id))

    def _sheets_clicked(self) -> None:
        self._sheets_chosen = True  # the facilitator decided: no more default

    def _offer_sheets(self, count: int | None = None) -> None:
        """« avec les fiches d'entretien (N) »: offered with the restitution, ticked by default
        as soon as there are interviews (until the facilitator decides)."""
        count = self._interview_count() if count is None else count
        box = self.checks["interview_sheets"]
        box.setText(
            f"{tr(SHORT_LABELS['interview_sheets'])} ({count})"
            if count
            else f"{tr(SHORT_LABELS['interview_sheets'])} ({tr('aucune')})"
        )
        box.setEnabled(bool(count) and self.checks["all"].isChecked())
        if not self._sheets_chosen and box.isChecked() != bool(count):
            box.setChecked(bool(count))

    def _parts_changed(self) -> None:
        self._dirty = True
        self._debounce.start()

    def _on_changed(self, area: str, workshop_id: int) -> None:
        if workshop_id in (0, self.ctx.workshop_id):
            if area == "interviews":
                self._offer_sheets()
            self._dirty = True
            if self.isVisible():
                self._debounce.start()

    # --- shell hooks ---------------------------------------------------------------------------
    def activated(self) -> None:
        # Deferred: Ctrl+P activates this tool then preselects a part at once; rendering the
        # old selection first would only double the wait.
        self._offer_sheets()
        if self._dirty or self.pdf is None:
            self.worker.start()  # its imports overlap the debounce
            self._debounce.start()

    def deactivated(self) -> None:
        self._debounce.stop()
        self.worker.stop()  # its memory goes with it; shown again, a new one starts

    # --- rendering -----------------------------------------------------------------------------
    def refresh(self) -> bytes | None:
        """Render the ticked parts and show them; returns the PDF (None when nothing ticked)."""
        self._debounce.stop()
        parts = self.selected_parts()
        self.save_button.setEnabled(bool(parts))
        self.open_button.setEnabled(bool(parts))
        self.copies.parts_changed()
        if not parts:
            self.pdf = None
            self.preview.show_message(tr("Cochez au moins une partie à imprimer."))
            self.status.setText("")
            return None
        started = time.perf_counter()
        # A large restitution takes a second or two: say so with the busy cursor.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.pdf = self._render(parts)
            if self.pdf is None:
                return None
            total = self.preview.show_pdf(self.pdf, self.preview.page_width())
        finally:
            QApplication.restoreOverrideCursor()
        seconds = time.perf_counter() - started
        self.status.setText(
            tr_n("{n} page, préparée en {s} s.", "{n} pages, préparées en {s} s.", total).format(
                n=total, s=decimal(seconds, 1)
            )
        )
        self._dirty = False
        return self.pdf

    def _render(self, parts: list[str]) -> bytes | None:
        """The PDF, or None after saying in French why there is none."""
        answer = self.worker.render(self.ctx.workshop_id, parts)
        if isinstance(answer, bytes):
            return answer
        if isinstance(answer, str):  # a refusal, said as the app would say it
            self.preview.show_message(answer)
            self.ctx.show_message(answer)
            return None
        # No worker here (or it did not answer): made in this process, as before.
        from kitcop_desktop.printing.parts import render_pdf

        try:
            with self.ctx.store.read() as session:
                return render_pdf(session, self.ctx.workshop_id, parts)
        except (StoreError, ValueError) as exc:
            message = str(exc)
        except Exception:  # a document bug must not take the app down
            log.exception("PDF rendering failed for parts %s", parts)
            message = tr(
                "Le PDF n'a pas pu être préparé (détails dans le journal). Rien n'a été modifié."
            )
        self.preview.show_message(message)
        self.ctx.show_message(message)
        return None

    def _current_pdf(self) -> bytes | None:
        return self.refresh() if self._dirty or self.pdf is None else self.pdf

    # --- saving and opening --------------------------------------------------------------------
    def suggested_name(self) -> str:
        parts = self.selected_parts()
        with self.ctx.store.read() as session:
            title = workshops.get(session, self.ctx.workshop_id).title
        word = FILE_WORDS.get(parts[0], parts[0]) if len(parts) == 1 else "impression"
        return f"{slug(title)}-{word}.pdf"

    def save_to(self, path: Path) -> Path | None:
        """Write the PDF atomically (a good file is never half replaced)."""
        data = self._current_pdf()
        if data is None:
            return None
        try:
            target = write_atomically(Path(path), data)
        except (OSError, ValueError) as exc:
            self.ctx.show_message(tr("Le PDF n'a pas été enregistré : {exc}").format(exc=exc))
            return None
        self.saved_path = target
        self.ctx.show_message(tr("PDF enregistré : {target}").format(target=target))
        return target

    def save_dialog(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder or Path.home()) / self.suggested_name())
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Enregistrer le PDF"), start, tr("PDF (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.save_to(Path(path))

    def open_in_viewer(self) -> Path | None:
        """Open the PDF in the system viewer: the saved file, else a temporary copy."""
        data = self._current_pdf()
        if data is None:
            return None
        if self.saved_path is not None and self.saved_path.exists() and not self._dirty:
            target = self.saved_path
        else:
            folder = Path(tempfile.gettempdir()) / "kitcop-apercu"
            target = write_atomically(folder / self.suggested_name(), data)
        if not self.open_url(QUrl.fromLocalFile(str(target))):
            self.ctx.show_message(
                tr("Aucune visionneuse PDF n'a pu l'ouvrir. Le fichier est ici : {target}").format(
                    target=target
                )
            )
        return target

    def print_part(self) -> str:
        parts = self.selected_parts()
        return parts[0] if parts else "all"
