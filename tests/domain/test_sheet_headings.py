"""A spreadsheet's lines pasted into the chantier's sheets (#17): the kit's heading line is
skipped, an initiative whose name begins with « Initiative » and a theme beginning with
« Thème » are kept (they were dropped as headings)."""

from __future__ import annotations

from kitcop_desktop.domain.initiatives import parse_paste


def test_the_heading_is_skipped_and_an_initiative_named_initiative_kept():
    pasted = (
        "Initiative (nom)\tÉchelle (type)\tTerritoire (nom)\n"
        "Brique 1-1 : initiatives inspirantes\n"
        "Initiatives citoyennes du Diois\tLocale\tDrôme\n"
        "Initiative Rénov'Occitanie\tRégionale\tOccitanie\n"
        "nom\tEchelle\n"
    )
    names = [row["name"] for row in parse_paste(pasted)]
    assert names == ["Initiatives citoyennes du Diois", "Initiative Rénov'Occitanie"]


def test_a_theme_beginning_with_theme_is_a_figure_not_the_kits_heading():
    from kitcop_desktop.domain.key_figures import KEY_FIGURES
    from kitcop_desktop.domain.sheets import parse_paste as parse_sheet

    pasted = (
        "Thème\tConstat de départ\tObjectif\tÀ retenir\n"
        "Thème emploi\t3 200 RGE\t6 000\tDoubler\n"
        "Thème (orientation)\tConstat\n"
    )
    rows = parse_sheet(KEY_FIGURES, pasted)
    assert [row["theme"] for row in rows] == ["Thème emploi"]
