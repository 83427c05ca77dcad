"""Where the facilitator was, so that a restart (after a crash, a kill or a quit mid-run) opens
the same place: the workshop, the tool on screen, its view, the room screen as it was.

A few values in the settings file (QSettings group « resume »), each written to disk as soon as
it changes (a kill -9 one second later loses nothing):

    save(settings, key, value)   # value None removes the key
    load(settings) -> dict       # every key saved, {} when there is none
    clear(settings)              # forget everything (another database was opened)

`settings` is the app's QSettings (ToolContext.settings in a tool); None (tests that do not
care) makes every call a no-op. Values are str, int or bool.

Keys written today:
    "db"           str   the database file the other keys belong to (the shell)
    "workshop"     int   the open workshop (the shell)
    "tool"         str   the tool on screen: "workshop", "agenda", "boards"… (the shell)
    "room"         str   the room screen: "hidden", "window" or "fullscreen" (the shell)
    "blanked"      bool  the room screen is black (the shell)
    "<tool>.view"  str   that tool's own view; "agenda.view": "run" (« Animer ») or "prepare"
    "<tool>.live"  bool  that tool has a run going (its editor is opened first on restart,
                         and the room screen comes back only then): "agenda.live"
    "field"        str   the typed field that had focus and its caret, « tool|item|field|caret »
                         (ui/field_resume.py: written while typing, restored after the tool)
A tool adds its own keys as "<tool key>.<name>" (the focused field and its caret, say) and
reads them back in its `restore_view`/`resume` hooks from `load(settings)`.
"""

from __future__ import annotations

from typing import Any

GROUP = "resume"


def save(settings, key: str, value: Any) -> None:
    """Store one value now (synced to disk); None removes the key."""
    save_many(settings, {key: value})


def save_many(settings, values: dict[str, Any]) -> None:
    """Store these values now, in one write to disk (a workshop opened writes two: one write
    less on the way to a usable workshop, #15); None removes a key."""
    if settings is None:
        return
    changed = False
    for key, value in values.items():
        name = f"{GROUP}/{key}"
        if value is None:
            settings.remove(name)
            changed = True
        elif settings.value(name) != value:
            settings.setValue(name, value)
            changed = True
    if changed:
        settings.sync()


def load(settings) -> dict[str, Any]:
    """Every saved value; booleans and numbers come back typed (ini files keep strings)."""
    if settings is None:
        return {}
    settings.beginGroup(GROUP)
    try:
        return {key: _typed(settings.value(key)) for key in settings.allKeys()}
    finally:
        settings.endGroup()


def clear(settings) -> None:
    if settings is None:
        return
    settings.remove(GROUP)
    settings.sync()


def _typed(value: Any) -> Any:
    if isinstance(value, str):
        if value in ("true", "false"):
            return value == "true"
        if value.lstrip("-").isdigit():
            return int(value)
    return value
