"""Colours shared by the screen and the PDFs (hex strings; no Qt, no reportlab here).

Okabe–Ito, colour-blind safe. Freins warm, leviers cool; the four KISS zones four hues.
"""

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermilion": "#D55E00",
    "purple": "#CC79A7",
}

ZONE_COLOURS = {
    # speedboat
    "brakes": OKABE_ITO["vermilion"],
    "levers": OKABE_ITO["blue"],
    # KISS
    "keep": OKABE_ITO["green"],
    "improve": OKABE_ITO["orange"],
    "start": OKABE_ITO["sky"],
    "stop": OKABE_ITO["vermilion"],
    # retrospective path
    "worked": OKABE_ITO["green"],
    "did_not_work": OKABE_ITO["vermilion"],
    "loved": OKABE_ITO["purple"],
    "hated": OKABE_ITO["orange"],
    "learned": OKABE_ITO["blue"],
    # fiche étonnement
    "agree": OKABE_ITO["green"],
    "surprised": OKABE_ITO["orange"],
    "missing": OKABE_ITO["vermilion"],
    "other": OKABE_ITO["sky"],
}

# The room screen: near-black background, near-white text (contrast > 15:1), and stage colours
# for the countdown, each with at least 7:1 against the background.
ROOM = {
    "background": "#0b0f19",
    "text": "#f5f7fa",
    "muted": "#b8c1d1",
    "accent": "#56B4E9",
    "normal": "#f5f7fa",
    "warning": "#F0E442",
    "last_minute": "#FFA94D",
    "overrun": "#FF6B6B",
    "paused": "#b8c1d1",
}
