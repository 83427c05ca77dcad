"""Where the chantier stands, brique by brique: counts, and links to its workshops."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kitcop_desktop.domain.chantier import briques
from kitcop_desktop.domain.french import long_date
from kitcop_desktop.i18n import tr, tr_later, tr_n
from kitcop_desktop.storage import chantiers
from kitcop_desktop.ui import theme
from kitcop_desktop.ui.icons import icon

BRIQUE_1_TABS = (
    ("initiatives", "initiatives", tr_later("Initiatives inspirantes")),
    ("map", "actors_map", tr_later("Cartographie des acteurs")),
    ("data", "key_figures", tr_later("Données clés")),
    ("governance", "governance", tr_later("Gouvernance")),
)


class BriqueBox(QFrame):
    def __init__(self, line) -> None:
        super().__init__()
        self.setObjectName("BriqueBox")
        theme.style(self, theme.BRIQUE_BOX)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(14, 10, 14, 10)
        title = QLabel(line.title)
        theme.style(title, theme.ACCENT_HEADING)
        title.setWordWrap(True)
        self.box.addWidget(title)
        self.facts = QLabel(" · ".join(line.facts))
        self.facts.setWordWrap(True)
        self.box.addWidget(self.facts)
        if line.next_step:
            hint = QLabel(tr("À faire\u00a0: {next_step}").format(next_step=line.next_step))
            hint.setWordWrap(True)
            hint.setObjectName("PageSubtitle")
            self.box.addWidget(hint)


class Overview(QScrollArea):
    """The four briques in the kit's order; Brique 3 lists the workshops (Entrée opens one),
    Brique 4 leads to the action plan."""

    open_workshop = Signal(int)
    show_plan = Signal()
    show_tab = Signal(str)  # « initiatives », « map », « data », « governance »

    def __init__(self, ctx, chantier_id: int) -> None:
        super().__init__()
        self._ctx = ctx
        self._chantier_id = chantier_id
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(0, 8, 0, 8)
        self.column.setSpacing(10)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.inner)
        self.workshop_buttons: list[QPushButton] = []
        self.boxes: dict[int, BriqueBox] = {}
        self.plan_available = False  # set by the page once it has its action plan

    def reload(self) -> None:
        with self._ctx.store.read() as s:
            counts = chantiers.counts(s, self._chantier_id)
            found = chantiers.alive_workshops(s, self._chantier_id)
            cards = chantiers.card_counts(s, [w.id for w in found])
            rows = [(w.id, w.title, w.date, cards.get(w.id, 0)) for w in found]
        while self.column.count():
            item = self.column.takeAt(0)
            gone = item.widget() if item is not None else None
            if gone is not None:
                gone.deleteLater()
        self.workshop_buttons = []
        self.boxes = {}
        for line in briques(counts):
            box = BriqueBox(line)
            self.boxes[line.number] = box
            if line.number == 3:
                for wid, title, day, made in rows:
                    count = tr_n("{n} fiche action", "{n} fiches actions", made).format(n=made)
                    text = f"{title} — {long_date(day)} · {count}"
                    button = QPushButton(icon("workshop"), text)
                    button.setToolTip(tr("Ouvrir cet atelier"))
                    theme.style(button, theme.LEFT_ALIGNED)
                    button.clicked.connect(lambda _c=False, w=wid: self.open_workshop.emit(w))
                    box.box.addWidget(button)
                    self.workshop_buttons.append(button)
                if not rows:
                    none = QLabel(
                        tr(
                            "Aucun atelier dans ce chantier\u00a0: sur la liste des ateliers, "
                            "«\u00a0Chantiers › Placer l'atelier dans un chantier…\u00a0»."
                        )
                    )
                    none.setWordWrap(True)
                    box.box.addWidget(none)
            if line.number == 1:
                row = QHBoxLayout()
                for key, icon_name, label in BRIQUE_1_TABS:
                    button = QPushButton(icon(icon_name), tr(label))
                    button.clicked.connect(lambda _c=False, k=key: self.show_tab.emit(k))
                    row.addWidget(button)
                row.addStretch(1)
                box.box.addLayout(row)
            if line.number == 4 and self.plan_available:
                button = QPushButton(
                    icon("action_plan"), tr("Voir le plan d'action et les protocoles")
                )
                button.clicked.connect(self.show_plan.emit)
                box.box.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.column.addWidget(box)
        self.column.addStretch(1)
