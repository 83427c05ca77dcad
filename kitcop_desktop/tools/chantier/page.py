"""The chantier's page: its name, where it stands brique by brique, its action plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.tools.chantier.overview import Overview
from kitcop_desktop.tools.chantier.plan_view import ActionPlanView
from kitcop_desktop.tools.chantier.protocol_view import ProtocolView
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_spec import ToolContext

AREA = "chantier"
# Areas whose changes the page shows (its workshops' fiches actions, their titles…).
WATCHED = ("chantier", "library", "workshop", "actions", "action_plan", "protocol")


class ChantierPage(QWidget):
    back_requested = Signal()
    open_workshop = Signal(int)

    def __init__(self, ctx: ToolContext, chantier_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        with ctx.store.read() as s:
            chantiers.get(s, chantier_id)  # NotFound (French) for a chantier gone meanwhile

        self.back_button = QPushButton(icon("workshop"), "Tous les ateliers")
        self.back_button.setToolTip("Revenir à la liste des ateliers et des chantiers")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.kicker = QLabel("Chantier")
        self.kicker.setObjectName("PageSubtitle")
        self.heading = QLabel()
        self.heading.setObjectName("PageTitle")
        self.heading.setWordWrap(True)
        self.rename_button = QPushButton(icon("edit"), "Renommer…")
        self.rename_button.setToolTip("Renommer le chantier")  # F2 edits the plan's cells
        self.rename_button.clicked.connect(self.ask_rename)

        self.pdf_button = QPushButton(icon("pdf"), "Imprimer le plan (PDF)…")
        self.pdf_button.setToolTip("Le plan d'action et les protocoles de test, en PDF")
        self.pdf_button.clicked.connect(lambda: self.ask_save("pdf"))
        self.csv_button = QPushButton(icon("csv"), "Exporter en CSV…")
        self.csv_button.setToolTip("Le plan d'action pour un tableur (secrétariat de la COP)")
        self.csv_button.clicked.connect(lambda: self.ask_save("csv"))
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.rename_button)
        self.overview = Overview(ctx, chantier_id)
        self.overview.open_workshop.connect(self.open_workshop.emit)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.overview, icon("chantier"), "Où en est le chantier")
        self.plan = ActionPlanView(ctx, chantier_id)
        self.tabs.addTab(self.plan, icon("action_plan"), "Plan d'action")
        self.protocol = ProtocolView(ctx, chantier_id)
        self.tabs.addTab(self.protocol, icon("protocol"), "Protocole de test")
        self.plan.protocol_requested.connect(self.show_protocol)
        self.overview.plan_available = True
        self.overview.show_plan.connect(lambda: self.tabs.setCurrentWidget(self.plan))
        self._pending = False
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 12)
        layout.addLayout(top)
        layout.addWidget(self.kicker)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        ctx.hub.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, area: str, _workshop_id: int) -> None:
        # Once the change is stored and the signal that made it has returned (a table cell's
        # editor, an item being edited): never reset a model from inside its own setData.
        if area in WATCHED and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.reload)

    def title(self) -> str:
        return self.heading.text()

    def reload(self) -> None:
        self._pending = False
        try:
            with self.ctx.store.read() as s:
                title = chantiers.get(s, self.chantier_id).title
        except StoreError:  # deleted from another window's history: nothing left to show
            return
        self.heading.setText(title)
        self.overview.reload()
        self.plan.reload()
        self.protocol.reload()

    def _tab_changed(self, _index: int) -> None:
        """The protocol tab opens on the fiche chosen in the plan."""
        if self.tabs.currentWidget() is self.protocol and self.plan.current_card():
            self.protocol.show_card(self.plan.current_card())

    def show_protocol(self, card_id: int) -> None:
        """The protocole de test of this fiche action (Entrée on the plan's «\u00a0Protocole\u00a0»)."""
        self.tabs.setCurrentWidget(self.protocol)
        self.protocol.show_card(card_id)

    def rename(self, title: str) -> bool:
        return (
            self.ctx.push(
                "Renommer le chantier",
                area=AREA,
                do=lambda s: chantiers.rename(s, self.chantier_id, title),
                undo=lambda s, previous: chantiers.rename(s, self.chantier_id, previous),
            )
            is not None
        )

    def ask_rename(self) -> None:
        title, ok = QInputDialog.getText(
            self, "Renommer le chantier", "Nouveau nom du chantier\u00a0:", text=self.title()
        )
        if ok and title != self.title():
            self.rename(title)

    def save(self, kind: str, path: Path) -> bool:
        """Write the plan as PDF or CSV to `path`; a French sentence when the disk refuses."""
        from kitcop_desktop.printing import action_plan as printed

        render = printed.render_chantier_pdf if kind == "pdf" else printed.render_chantier_csv
        try:
            with self.ctx.store.read() as s:
                data = render(s, self.chantier_id)
            path.write_bytes(data)
        except (OSError, StoreError) as exc:
            self.ctx.show_message(
                f"Le fichier n'a pas pu être écrit ({exc.__class__.__name__}). "
                "Rien n'a été modifié\u00a0: choisissez un autre dossier."
            )
            return False
        self.ctx.show_message(f"Plan d'action enregistré dans {path.name}.")
        return True

    def ask_save(self, kind: str) -> None:
        suffix = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)"}[kind]
        name = f"Plan d'action — {self.title()}.{kind}".replace("/", "-")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Enregistrer le plan d'action", name, suffix
        )
        if chosen:
            self.save(kind, Path(chosen))

    def new_item(self) -> None:
        """Ctrl+N: a new step of the selected fiche action, on the action plan."""
        plan = getattr(self, "plan", None)
        if plan is not None:
            self.tabs.setCurrentWidget(plan)
            plan.new_item()


def make_page(ctx: ToolContext, chantier_id: int) -> ChantierPage:
    return ChantierPage(ctx, chantier_id)
