"""The printed documents' colours, named (hex strings, as reportlab's markup wants them).

The paper's own palette: what the screen and the paper share (zones, Okabe–Ito) is
`domain/palette.py`; these are the document's ink, rules and marks. No other module of
printing/ writes a « #rrggbb » (tests/ui/test_theme_roles.py keeps it so).
"""

from __future__ import annotations

from kitcop_desktop.domain.palette import OKABE_ITO

INK = "#1f2a44"  # the app's ink: titles, rules, table headers
MUTED = "#5b6478"  # a field's label, a detail in brackets
RULE = "#c9cfdb"
SHADE = "#eef1f6"
ACCENT = OKABE_ITO["blue"]  # a fiche action's theme, the vote's first places
# The facilitator's document mark: vermilion, darkened to read as text (contrast > 5:1 on white).
MARK = "#b03a00"
ALERT = "#a13d00"  # the déroulé's conflicts (dark orange, ≥ 4.5:1 on white)
UNKNOWN_ZONE = "#8a93a6"  # a zone the palette does not know
VOTE_BAR = "#7f9bc4"  # a vote's bar below the first places
WHITE = "#ffffff"  # a label on the fiche's dark action band
