"""The one icon registry: every qtawesome name lives here, under a name the code uses."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

ICONS = {
    # tools
    "agenda": "fa6s.list-check",
    "boards": "fa6s.sailboat",
    "voting": "fa6s.circle-dot",
    "fishbowl": "fa6s.people-group",
    "interviews": "fa6s.clipboard-user",
    "actions": "fa6s.flag-checkered",
    "printing": "fa6s.print",
    "docx": "fa6s.file-word",
    "csv": "fa6s.file-csv",
    "workshop": "fa6s.house",
    # commands
    "new": "fa6s.plus",
    "open": "fa6s.folder-open",
    "duplicate": "fa6s.copy",
    "delete": "fa6s.trash-can",
    "restore": "fa6s.trash-arrow-up",
    "import": "fa6s.file-import",
    "export": "fa6s.file-export",
    "template": "fa6s.shapes",
    "undo": "fa6s.rotate-left",
    "redo": "fa6s.rotate-right",
    "room_screen": "fa6s.display",
    "blank": "fa6s.eye-slash",
    "help": "fa6s.keyboard",
    "paste": "fa6s.paste",
    "up": "fa6s.arrow-up",
    "down": "fa6s.arrow-down",
    "play": "fa6s.play",
    "pause": "fa6s.pause",
    "next": "fa6s.forward-step",
    "previous": "fa6s.backward-step",
    "stop": "fa6s.stop",
    "plus_minute": "fa6s.plus",
    "minus_minute": "fa6s.minus",
    "sound_on": "fa6s.volume-high",
    "sound_off": "fa6s.volume-xmark",
    "search": "fa6s.magnifying-glass",
    "zoom_in": "fa6s.magnifying-glass-plus",
    "zoom_out": "fa6s.magnifying-glass-minus",
    "fit": "fa6s.expand",
    "reveal": "fa6s.eye",
    "hide": "fa6s.eye-slash",
    "lock": "fa6s.lock",
    "star": "fa6s.star",
    "warning": "fa6s.triangle-exclamation",
    "check": "fa6s.check",
    "pin": "fa6s.thumbtack",
    "clock": "fa6s.clock",
    "speaker": "fa6s.microphone",
    "chair": "fa6s.chair",
    "leave": "fa6s.door-open",
    "come_back": "fa6s.person-walking-arrow-loop-left",
    "note": "fa6s.note-sticky",
    "user": "fa6s.user",
    "save": "fa6s.floppy-disk",
    "pdf": "fa6s.file-pdf",
    # visibility (domain/visibility.py): salle, restitution, animateur·rice
    "visibility_room": "fa6s.users",
    "visibility_restitution": "fa6s.share-from-square",
    "visibility_facilitator": "fa6s.user-lock",
    # boards
    "edit": "fa6s.pen",
    "group": "fa6s.object-group",
    "ungroup": "fa6s.object-ungroup",
    "colour": "fa6s.palette",
    "merge": "fa6s.code-merge",
}


@cache
def _font():
    """Only the Font Awesome 6 solid set: qtawesome.icon() would load its twelve bundled fonts
    and their charmaps (about 10 MB of memory, measured in bench/RESULTS.md) for icons we never
    use."""
    import qtawesome

    try:
        from qtawesome.iconic_font import IconicFont

        (solid,) = [font for font in qtawesome._BUNDLED_FONTS if font[0] == "fa6s"]
        return IconicFont(solid)
    except Exception:  # another qtawesome layout: its full singleton still works
        return qtawesome


@cache
def icon(name: str, color: str = "#1f2a44") -> QIcon:
    """A QIcon by registry name. Unknown names are a programming error (KeyError)."""
    return _font().icon(ICONS[name], color=color)
