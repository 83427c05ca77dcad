"""Colours shared by the screen and the PDFs (hex strings; no Qt, no reportlab here).

Okabe–Ito, colour-blind safe. Freins warm, leviers cool; the four KISS zones four hues.
"""

from __future__ import annotations

from functools import cache

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
    "retried": OKABE_ITO["sky"],
    "detected": OKABE_ITO["yellow"],
    "loved": OKABE_ITO["purple"],
    "hated": OKABE_ITO["orange"],
    "learned": OKABE_ITO["blue"],
    # fiche étonnement
    "agree": OKABE_ITO["green"],
    "surprised": OKABE_ITO["orange"],
    "missing": OKABE_ITO["vermilion"],
    "other": OKABE_ITO["sky"],
}

# The stakeholder map, on the chantier's screen and on its A3 print: the three zones' rings
# (from the centre out: the last fills the square around them), their edges, the zones'
# names, and an actor whose category the palette does not know.
MAP_ZONE_FILLS = ("#dfe8f5", "#edf2f9", "#f8fafd")
MAP_RING = "#9fb0cc"
MAP_ZONE_NAME = "#4a5468"
UNKNOWN_CATEGORY = "#888888"

# The room screen: near-black background, near-white text (contrast > 15:1), and stage colours
# for the countdown, each with at least 7:1 against the background (tests compute it).
ROOM = {
    "background": "#0b0f19",
    "text": "#f5f7fa",
    "muted": "#b8c1d1",
    "accent": "#56B4E9",
    "normal": "#f5f7fa",
    "warning": "#F0E442",
    "last_minute": "#FFA94D",
    "overrun": "#FF8A8A",
    "paused": "#b8c1d1",
}

# The countdown's stage colours in the control window (white background), each ≥ 7:1 too.
CONTROL_STAGES = {
    "text": "#1d2330",
    "muted": "#4a5468",
    "normal": "#1d2330",
    "warning": "#5c4a00",
    "last_minute": "#853d00",
    "overrun": "#9e1b12",
    "paused": "#4a5468",
    "idle": "#4a5468",
}


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of « #rrggbb »."""
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two « #rrggbb » colours (1 to 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@cache
def room_tint(colour: str, background: str = ROOM["background"], minimum: float = 7.0) -> str:
    """`colour` lightened towards white until it reaches `minimum` contrast on the room's
    background: a zone keeps its hue on the projector and reads from the back of the room.
    Worked out once per colour: the room's summary of a board asks it for every tile at every
    post-it typed (a search of up to a hundred shades each time, #15)."""
    value = colour.lstrip("#")
    rgb = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    for step in range(0, 101):
        t = step / 100
        mixed = "#" + "".join(f"{round(c + (255 - c) * t):02x}" for c in rgb)
        if contrast_ratio(mixed, background) >= minimum:
            return mixed
    return "#ffffff"
