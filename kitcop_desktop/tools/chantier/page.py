"""The chantier's page: its name, where it stands brique by brique, its action plan."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.i18n import TrMap, tr, tr_later
from kitcop_desktop.storage import chantiers
from kitcop_desktop.storage.errors import StoreError
from kitcop_desktop.tools.chantier.overview import Overview
from kitcop_desktop.tools.chantier.plan_view import ActionPlanView
from kitcop_desktop.tools.chantier.protocol_view import ProtocolView
from kitcop_desktop.ui.icons import icon
from kitcop_desktop.ui.tool_page import CreatesItems
from kitcop_desktop.ui.tool_spec import ToolContext

AREA = "chantier"
# Areas whose changes the page shows (its workshops' fiches actions, their titles…).
WATCHED = (
    "chantier",
    "library",
    "workshop",
    "actions",
    "action_plan",
    "protocol",
    "stakeholders",
    "participants",
    "interviews",
)
# The page's tabs, in the kit's order: key, icon, label.
TABS = (
    ("overview", "chantier", tr_later("Où en est le chantier")),
    ("initiatives", "initiatives", tr_later("Initiatives")),
    ("map", "actors_map", tr_later("Acteurs")),
    ("data", "key_figures", tr_later("Données")),
    ("governance", "governance", tr_later("Gouvernance")),
    ("plan", "action_plan", tr_later("Plan d'action")),
    ("protocol", "protocol", tr_later("Protocole de test")),
)


SAVED = TrMap(
    {
        "report": tr_later("Tout le chantier"),
        "pdf": tr_later("Plan d'action"),
        "initiatives": tr_later("Initiatives inspirantes"),
        "csv": tr_later("Plan d'action"),
        "docx": tr_later("Plan d'action"),
        "map": tr_later("Cartographie des acteurs"),
        "data": tr_later("Données de l'état des lieux"),
        "governance": tr_later("Gouvernance"),
        "results": tr_later("Résultats des tests"),
    }
)
# « … enregistré dans X. », agreed with each one.
SAVED_IN = TrMap(
    {
        "report": tr_later("Tout le chantier enregistré dans {name}."),
        "pdf": tr_later("Plan d'action enregistré dans {name}."),
        "initiatives": tr_later("Initiatives inspirantes enregistrées dans {name}."),
        "csv": tr_later("Plan d'action enregistré dans {name}."),
        "docx": tr_later("Plan d'action enregistré dans {name}."),
        "map": tr_later("Cartographie des acteurs enregistrée dans {name}."),
        "data": tr_later("Données de l'état des lieux enregistrées dans {name}."),
        "governance": tr_later("Gouvernance enregistrée dans {name}."),
        "results": tr_later("Résultats des tests enregistrés dans {name}."),
    }
)


@runtime_checkable
class Reloads(Protocol):
    """A tab of the page: read again from the store when shown after a change."""

    def reload(self) -> None: ...


class ChantierPage(QWidget):
    back_requested = Signal()
    open_workshop = Signal(int)

    def __init__(self, ctx: ToolContext, chantier_id: int) -> None:
        super().__init__()
        self.ctx = ctx
        self.chantier_id = chantier_id
        with ctx.store.read() as s:
            chantiers.get(s, chantier_id)  # NotFound (French) for a chantier gone meanwhile

        self.back_button = QPushButton(icon("workshop"), tr("Tous les ateliers"))
        self.back_button.setToolTip(tr("Revenir à la liste des ateliers et des chantiers"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.kicker = QLabel(tr("Chantier"))
        self.kicker.setObjectName("PageSubtitle")
        self.heading = QLabel()
        self.heading.setObjectName("PageTitle")
        self.heading.setWordWrap(True)
        self.rename_button = QPushButton(icon("edit"), tr("Renommer…"))
        self.rename_button.setToolTip(tr("Renommer le chantier"))  # F2 edits the plan's cells
        self.rename_button.clicked.connect(self.ask_rename)

        self.pdf_button = QPushButton(icon("pdf"), tr("Imprimer (PDF)…"))
        self.pdf_button.setToolTip(tr("Tout le chantier, ou l'une de ses parties, en PDF"))
        printed = QMenu(self.pdf_button)
        for kind in ("report", "pdf", "initiatives", "map", "data", "governance"):
            action = printed.addAction(f"{SAVED[kind]}…")
            action.triggered.connect(lambda _c=False, k=kind: self.ask_save(k))
        self.pdf_button.setMenu(printed)
        self.csv_button = QPushButton(icon("csv"), tr("Exporter le plan…"))
        self.csv_button.setToolTip(
            tr(
                "Le plan d'action et ses protocoles pour un tableur (CSV) ou un traitement de "
                "texte (Word), pour le secrétariat de la COP"
            )
        )
        copies = QMenu(self.csv_button)
        for kind, label in (
            ("csv", tr("Tableur (CSV)…")),
            ("docx", tr("Word (DOCX)…")),
            ("results", tr("Résultats des tests (CSV)…")),
        ):
            action = copies.addAction(label)
            action.triggered.connect(lambda _c=False, k=kind: self.ask_save(k))
        self.csv_button.setMenu(copies)
        self.export_button = QPushButton(icon("export"), tr("Exporter le chantier…"))
        self.export_button.setToolTip(
            tr(
                "Le chantier entier (ses ateliers, sa carte des acteurs, sa gouvernance, ses "
                "initiatives) dans un fichier .kitcop, pour un·e collègue"
            )
        )
        self.export_button.clicked.connect(self.ask_export)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.csv_button)
        top.addWidget(self.rename_button)
        # Each tab is built the first time it is shown (the page opens on its overview alone)
        # and read again only while shown: a change marks the others stale.
        self.tabs = QTabWidget()
        self._built: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        for key, icon_name, label in TABS:
            holder = QWidget()
            holder.setObjectName(f"tab-{key}")
            self.tabs.addTab(holder, icon(icon_name), tr(label))
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
        self._stale = set(self._built)
        self._refresh_current()

    def _refresh_current(self) -> None:
        index = self.tabs.currentIndex()
        key = TABS[index][0] if 0 <= index < len(TABS) else ""
        if key and key not in self._built:
            self._tab(key)  # built and read
            return
        if key in self._stale:
            self._stale.discard(key)
            widget = self._built[key]
            if isinstance(widget, Reloads):
                widget.reload()

    def _make(self, key: str) -> QWidget:
        ctx, cid = self.ctx, self.chantier_id
        if key == "overview":
            overview = Overview(ctx, cid)
            overview.open_workshop.connect(self.open_workshop.emit)
            overview.plan_available = True
            overview.show_plan.connect(lambda: self.tabs.setCurrentWidget(self.plan))
            overview.show_tab.connect(self.show_tab)
            return overview
        if key == "plan":
            plan = ActionPlanView(ctx, cid)
            plan.protocol_requested.connect(self.show_protocol)
            return plan
        if key == "protocol":
            protocol = ProtocolView(ctx, cid)
            protocol.export_requested.connect(lambda: self.ask_save("results"))
            return protocol
        if key == "map":
            from kitcop_desktop.tools.chantier.map_view import StakeholderMapTab

            map_tab = StakeholderMapTab(ctx, cid)
            map_tab.print_requested.connect(lambda: self.ask_save("map"))
            return map_tab
        if key == "governance":
            from kitcop_desktop.tools.chantier.governance_view import GovernanceView

            bodies = GovernanceView(ctx, cid)
            bodies.print_requested.connect(lambda: self.ask_save("governance"))
            return bodies
        if key == "data":
            from kitcop_desktop.tools.chantier.data_view import DataView

            return DataView(ctx, cid)
        from kitcop_desktop.tools.chantier.initiatives_view import InitiativesView

        return InitiativesView(ctx, cid)

    def _tab(self, key: str) -> QWidget:
        """The tab's widget, built (and put in its place) the first time it is asked for."""
        widget = self._built.get(key)
        if widget is None:
            index = [k for k, _i, _l in TABS].index(key)
            widget = self._make(key)
            self._built[key] = widget
            current = self.tabs.currentIndex()
            _key, icon_name, label = TABS[index]
            self.tabs.blockSignals(True)
            holder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, icon(icon_name), tr(label))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if holder is not None:
                holder.deleteLater()
            if isinstance(widget, Reloads):
                widget.reload()
        elif key in self._stale:  # asked for while hidden: read it now
            self._stale.discard(key)
            if isinstance(widget, Reloads):
                widget.reload()
        return widget

    @property
    def overview(self) -> Overview:
        return self._tab("overview")  # type: ignore[return-value]

    @property
    def plan(self) -> ActionPlanView:
        return self._tab("plan")  # type: ignore[return-value]

    @property
    def protocol(self) -> ProtocolView:
        return self._tab("protocol")  # type: ignore[return-value]

    @property
    def stakeholder_map(self):
        return self._tab("map")

    @property
    def governance(self):
        return self._tab("governance")

    @property
    def data(self):
        return self._tab("data")

    @property
    def initiatives(self):
        return self._tab("initiatives")

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self._tab(key))

    def _tab_changed(self, _index: int) -> None:
        """A tab is read when shown; the protocol tab opens on the fiche chosen in the plan."""
        self._refresh_current()
        plan = self._built.get("plan")
        if isinstance(plan, ActionPlanView) and self.tabs.currentWidget() is self._built.get(
            "protocol"
        ):
            card = plan.current_card()
            if card:
                self.protocol.show_card(card)

    def show_protocol(self, card_id: int) -> None:
        """The protocole de test of this fiche action (Entrée on the plan's «\u00a0Protocole\u00a0»)."""
        self.tabs.setCurrentWidget(self.protocol)
        self.protocol.show_card(card_id)

    def rename(self, title: str) -> bool:
        return (
            self.ctx.push(
                tr("Renommer le chantier"),
                area=AREA,
                do=lambda s: chantiers.rename(s, self.chantier_id, title),
                undo=lambda s, previous: chantiers.rename(s, self.chantier_id, previous),
            )
            is not None
        )

    def ask_rename(self) -> None:
        title, ok = QInputDialog.getText(
            self,
            tr("Renommer le chantier"),
            tr("Nouveau nom du chantier\u00a0:"),
            text=self.title(),
        )
        if ok and title != self.title():
            self.rename(title)

    def save(self, kind: str, path: Path) -> bool:
        """Write the plan (PDF or CSV), the A3 map or the gouvernance (PDF) to `path`; a French
        sentence when the disk refuses."""
        from kitcop_desktop.printing import action_plan as printed

        renders = {
            "pdf": printed.render_chantier_pdf,
            "csv": printed.render_chantier_csv,
            "docx": printed.render_chantier_docx,
            "results": printed.render_results_csv,
        }
        if kind == "map":
            from kitcop_desktop.printing.stakeholder_map import render_map_pdf

            renders["map"] = render_map_pdf
        if kind == "governance":
            from kitcop_desktop.printing.governance import render_governance_pdf

            renders["governance"] = render_governance_pdf
        if kind == "data":
            from kitcop_desktop.printing.key_figures import render_key_figures_pdf

            renders["data"] = render_key_figures_pdf
        if kind == "initiatives":
            from kitcop_desktop.printing.initiatives import render_initiatives_pdf

            renders["initiatives"] = render_initiatives_pdf
        if kind == "report":
            from kitcop_desktop.printing.chantier_report import render_chantier_report

            renders["report"] = render_chantier_report
        try:
            with self.ctx.store.read() as s:
                data = renders[kind](s, self.chantier_id)
            path.write_bytes(data)
        except (OSError, StoreError) as exc:
            self.ctx.show_message(
                tr(
                    "Le fichier n'a pas pu être écrit ({name__}). Rien n'a été modifié\u00a0: choisissez un autre dossier."
                ).format(name__=exc.__class__.__name__)
            )
            return False
        self.ctx.show_message(SAVED_IN[kind].format(name=path.name))
        return True

    def ask_save(self, kind: str) -> None:
        extension = {"csv": "csv", "results": "csv", "docx": "docx"}.get(kind, "pdf")
        suffix = {"csv": "CSV (*.csv)", "docx": "Word (*.docx)"}.get(extension, "PDF (*.pdf)")
        name = f"{SAVED[kind]} — {self.title()}.{extension}".replace("/", "-")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Enregistrer\u00a0: {what}").format(what=SAVED[kind].lower()), name, suffix
        )
        if chosen:
            self.save(kind, Path(chosen))

    def export_to(self, path: Path) -> bool:
        """The chantier as a .kitcop file (nothing animateur·rice in it)."""
        from kitcop_desktop.storage import exchange

        try:
            with self.ctx.store.read() as s:
                data = exchange.export_chantier(s, self.chantier_id, zipped=True)
            path.write_bytes(data)
        except (OSError, StoreError) as exc:
            message = str(exc) if isinstance(exc, StoreError) else exc.__class__.__name__
            self.ctx.show_message(
                tr("Le fichier n'a pas pu être écrit ({message}). Rien n'a été modifié.").format(
                    message=message
                )
            )
            return False
        self.ctx.show_message(tr("Chantier exporté dans {name}.").format(name=path.name))
        return True

    def ask_export(self) -> None:
        name = f"{self.title()}.kitcop".replace("/", "-")
        chosen, _filter = QFileDialog.getSaveFileName(
            self, tr("Exporter le chantier"), name, "Fichier KitCOP (*.kitcop)"
        )
        if chosen:
            self.export_to(Path(chosen))

    def new_item(self) -> None:
        """Ctrl+N: a new step of the selected fiche action, on the action plan."""
        current = self.tabs.currentWidget()
        if current is self._built.get("plan") or not isinstance(current, CreatesItems):
            self.tabs.setCurrentWidget(self.plan)
            self.plan.new_item()
        else:
            current.new_item()


def make_page(ctx: ToolContext, chantier_id: int) -> ChantierPage:
    return ChantierPage(ctx, chantier_id)
