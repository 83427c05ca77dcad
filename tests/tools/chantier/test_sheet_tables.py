"""The chantier's sheets read without sideways scrolling (#17): at 1024 × 768 the kit's seven
columns of the initiatives (and the column of the interviews where each was met) share the
table's width, titles wrapped; a long cell shows four lines at most, the whole of it in its
tooltip; a click on a title still sorts. The données' two tables too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from kitcop_desktop.storage import initiatives
from kitcop_desktop.tools.chantier.sheet_table import MOST_LINES
from tests.tools.chantier.page_support import new_chantier, open_page, settle

LONG = (
    3
    * (
        "Une plateforme de la rénovation qui accompagne les ménages du premier contact à la fin "
        "des travaux, avec des permanences dans chaque communauté de communes, un conseiller "
        "unique et un suivi des chantiers par les artisans du réseau. "
    ).strip()
)


def all_columns_in_sight(table) -> bool:
    header = table.horizontalHeader()
    shown = sum(header.sectionSize(c) for c in range(header.count()))
    return table.horizontalScrollBar().maximum() == 0 and shown <= table.viewport().width()


@pytest.fixture
def page(qtbot, ctx, store):
    with store.write() as s:
        cid, _ids = new_chantier(s, "Diagnostic")
        initiatives.add_many(
            s,
            cid,
            [
                {"name": "Zéro chômeur de longue durée", "scale": "Locale", "presentation": LONG},
                {"name": "Ateliers mobiles", "scale": "Régionale", "territory": "AURA"},
            ],
        )
    return open_page(qtbot, ctx, cid, 1024, 768)


def test_the_initiatives_eight_columns_fit_a_1024_pixel_window(page, qtbot):
    page.show_tab("initiatives")
    settle(qtbot)
    table = page.initiatives.table
    assert table.model().columnCount() == 8
    assert all_columns_in_sight(table)
    header = table.horizontalHeader()
    assert min(header.sectionSize(c) for c in range(8)) >= 64
    long_row = next(
        r for r in range(table.model().rowCount()) if table.model().index(r, 3).data() == LONG
    )
    cell = table.model().index(long_row, 3)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == LONG
    most = MOST_LINES * table.fontMetrics().lineSpacing() + 10
    assert table.rowHeight(long_row) <= most
    short = table.model().index(1 - long_row, 1)
    assert short.data(Qt.ItemDataRole.ToolTipRole) is None


def test_a_wider_window_widens_the_columns_and_a_click_on_a_title_still_sorts(page, qtbot):
    page.show_tab("initiatives")
    settle(qtbot)
    table = page.initiatives.table
    narrow = table.columnWidth(3)
    page.resize(1920, 1080)
    settle(qtbot)
    assert table.columnWidth(3) > narrow
    assert all_columns_in_sight(table)
    header = table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2),
    )
    names = [table.model().index(r, 0).data() for r in range(2)]
    assert names == ["Ateliers mobiles", "Zéro chômeur de longue durée"]


def test_the_donnees_tables_fit_a_1024_pixel_window_and_a_paste_is_one_undo_step(page, qtbot, ctx):
    page.show_tab("data")
    funding = page.data.funding
    pasted = f"Fonds de transition juste\tUE (FSE+)\t{LONG}\tAppels à projets\tfse.gouv.fr\n"
    assert funding.paste_text(pasted + "Mission transition\tÉtat\tDiagnostics\n") == 2
    settle(qtbot)
    for view in (page.data.figures, funding):
        assert all_columns_in_sight(view.table)
    assert funding.proxy.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == LONG
    ctx.undo_stack.undo()
    settle(qtbot)
    assert funding.proxy.rowCount() == 0
