"""« Importer ce tableau ? »: which board receives a board file's post-its, and what they are.

Before anything is written the facilitator sees the board that will receive the post-its (the
one storage/exchange_board chose: the same board by identity, else a new one), may pick
another board of the same kind or a new board, reads how many post-its are new, already there
and modified for that choice, and ticks « fusionner » on the likely duplicates to fold in.
The counts come from `exchange_board.plan_merge`, the very plan the import then runs.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.french import quoted
from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import exchange, exchange_board
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.ui import theme


def _shown(text: str, limit: int = 60) -> str:
    """A post-it's text on one line of the list, cut with « … » past `limit` characters; a
    « & » stays a « & » (Qt would make it a keyboard shortcut)."""
    line = " ".join(text.split())
    line = line if len(line) <= limit else line[: limit - 1] + "…"
    return line.replace("&", "&&")


class BoardImportDialog(QDialog):
    """The confirmation of a board import. `target()` and `fuse()` give the choices."""

    def __init__(
        self,
        parent: QWidget | None,
        store: Store,
        preview: exchange.ImportPreview,
        workshop_id: int,
        workshop_title: str,
    ) -> None:
        super().__init__(parent)
        self.store, self.preview, self.workshop_id = store, preview, workshop_id
        self.setWindowTitle(tr("Importer ce tableau ?"))
        self.setMinimumWidth(560)
        lines = preview.summary_lines()
        about = QLabel(
            f"<p><b>{html.escape(lines[0], quote=False)}</b></p>"
            + "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines[1:])
            + "<p>"
            + html.escape(
                tr("Il sera fusionné dans l'atelier ouvert, {title}.").format(
                    title=quoted(workshop_title)
                )
            )
            + "</p>"
        )
        about.setTextFormat(Qt.TextFormat.RichText)
        about.setWordWrap(True)
        self.about = about

        with store.read() as session:
            auto = exchange_board.plan_merge(session, preview, workshop_id)
            boards = exchange_board.targets(session, preview, workshop_id)
        self.board_box = QComboBox()
        self.board_box.setAccessibleName(tr("Tableau qui reçoit les post-it"))
        for board_id, label in boards:
            self.board_box.addItem(label, board_id)
        new_label = auto.target_label if auto.target_id is None else "nouveau"
        if auto.target_id is None:
            self.board_box.insertItem(
                0,
                tr("Nouveau tableau : {new_label}").format(new_label=new_label),
                exchange_board.NEW,
            )
        else:
            self.board_box.addItem(tr("Un nouveau tableau"), exchange_board.NEW)
        self.board_box.setCurrentIndex(self.board_box.findData(auto.target_id or "new"))
        self.board_box.currentIndexChanged.connect(self._replan)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Tableau qui reçoit les post-it :"), self.board_box)

        self.counts = QLabel()
        self.counts.setObjectName("ImportCounts")
        self.counts.setWordWrap(True)
        theme.style(self.counts, theme.BOLD)
        self.elsewhere = QLabel()  # look-alikes in another sous-groupe's board of the kind
        self.elsewhere.setWordWrap(True)
        self.near_intro = QLabel(
            tr(
                "Doublons probables (même idée, écrite autrement) : cochez « fusionner » pour n'en garder qu'un post-it, qui compte pour deux. Sinon les deux restent."
            )
        )
        self.near_intro.setWordWrap(True)
        self.near_list = QWidget()
        self.near_layout = QVBoxLayout(self.near_list)
        self.near_layout.setContentsMargins(0, 0, 0, 0)
        self.near_scroll = QScrollArea()
        self.near_scroll.setWidgetResizable(True)
        self.near_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.near_scroll.setWidget(self.near_list)
        self.near_scroll.setMaximumHeight(220)
        self.near_boxes: list[tuple[int, QCheckBox]] = []

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            tr("Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("Primary")
        self.import_button.setDefault(True)
        buttons.addButton(tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.near_intro)
        layout.addWidget(self.near_scroll)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.plan = auto
        self._show(auto)

    # -- choices ------------------------------------------------------------------------------
    def target(self):
        """exchange_board.NEW or the id of the board chosen."""
        return self.board_box.currentData()

    def fuse(self) -> frozenset[int]:
        """Ranks (in the file) of the likely duplicates ticked « fusionner »."""
        return frozenset(index for index, box in self.near_boxes if box.isChecked())

    def choose(self, target) -> None:
        """Pick a board (an id) or exchange_board.NEW, as the facilitator would in the list."""
        self.board_box.setCurrentIndex(self.board_box.findData(target))

    def summary_text(self) -> str:
        """What the dialog says about the receiving board, as plain text (tests, probes)."""
        near = [" ".join(box.text().replace("&&", "&").split()) for _, box in self.near_boxes]
        about = self.about.text().replace("</p>", "\n")
        about = html.unescape(re.sub(r"<[^>]+>", "", about)).strip()
        hints = [self.elsewhere.text()] if self.elsewhere.text() else []
        lines = [about, self.board_box.currentText(), self.counts.text(), *hints, *near]
        return "\n".join(lines)

    # -- display ------------------------------------------------------------------------------
    def _replan(self) -> None:
        with self.store.read() as session:
            self.plan = exchange_board.plan_merge(
                session, self.preview, self.workshop_id, self.target()
            )
        self._show(self.plan)

    def _show(self, plan: exchange_board.BoardPlan) -> None:
        where = tr("un nouveau tableau") if plan.target_id is None else tr("ce tableau")
        self.counts.setText(
            tr("Dans {where} : {value}").format(where=where, value=plan.counts_sentence())
        )
        for _, box in self.near_boxes:
            box.hide()  # a removed widget stays clickable until the loop deletes it
            box.deleteLater()
        self.near_boxes = []
        for card in plan.near:
            box = QCheckBox(
                tr("fusionner « {text} »\navec « {existing_text} »").format(
                    text=_shown(card.text), existing_text=_shown(card.existing_text)
                )
            )
            box.setToolTip(f"{card.text}\n≈ {card.existing_text}")
            self.near_layout.addWidget(box)
            self.near_boxes.append((card.index, box))
        hints = [
            tr_n(
                "{count} post-it ressemble à ceux de {board}\u00a0: choisissez ce tableau pour les fusionner.",
                tr(
                    "{count} post-it ressemblent à ceux de {board}\u00a0: choisissez ce tableau pour les fusionner."
                ),
                count,
            ).format(count=count, board=board)
            for _, board, count in plan.elsewhere
        ]
        self.elsewhere.setText("\n".join(hints))
        self.elsewhere.setVisible(bool(hints))
        self.near_intro.setVisible(bool(plan.near))
        self.near_scroll.setVisible(bool(plan.near))
        self.adjustSize()
