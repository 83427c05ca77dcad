"""French typography: dates « mardi 3 mars 2026 », times « 10 h 15 » in prose, « 10:15 » in tables.
In English (`kitcop --lang en`): « Tuesday 3 March 2026 », « 10:15 », “quoted”."""

from __future__ import annotations

from datetime import date, time

from kitcop_desktop.i18n import current_language, tr, tr_n

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before ; ! ?


def long_date(d: date | None) -> str:
    if d is None:
        return tr("date à préciser")
    if current_language() == "en":
        return f"{EN_DAYS[d.weekday()]} {d.day} {EN_MONTHS[d.month - 1]} {d.year}"
    day = "1er" if d.day == 1 else str(d.day)
    return f"{DAYS[d.weekday()]} {day} {MONTHS[d.month - 1]} {d.year}"


def prose_time(t: time | None) -> str:
    """« 10 h 15 », « 9 h » (no-break spaces, so the time never wraps)."""
    if t is None:
        return "—"
    if current_language() == "en":
        return table_time(t)
    return f"{t.hour}{NBSP}h" if t.minute == 0 else f"{t.hour}{NBSP}h{NBSP}{t.minute:02d}"


def table_time(t: time | None) -> str:
    return "—" if t is None else f"{t.hour:02d}:{t.minute:02d}"


def minutes_text(minutes: int) -> str:
    """« 45 min », « 1 h 30 », « 2 h »."""
    minutes = int(minutes)
    if minutes < 60:
        return f"{minutes}{NBSP}min"
    h, m = divmod(minutes, 60)
    return f"{h}{NBSP}h" if m == 0 else f"{h}{NBSP}h{NBSP}{m:02d}"


def quoted(text: str) -> str:
    if current_language() == "en":
        return f"“{text}”"
    return f"«{NBSP}{text}{NBSP}»"


def of_name(name: str) -> str:
    """« de Bruno », « d'Amina », « d'Élise »: de, elided before a vowel."""
    name = name.strip()
    if current_language() == "en":
        return f"{name}’s"  # the English catalogue writes « {of_name} word »
    vowel = name[:1].lower() in "aeiouyàâäéèêëîïôöùûüœæ"
    return f"d'{name}" if vowel else f"de {name}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{count} {word}"


def people_added(count: int, where: str, everyone_there: str) -> str:
    """What bringing the attendance list into a round or the bowl did: « 2 personnes ajoutées
    au tour. », or `everyone_there` when nobody was missing."""
    if not count:
        return everyone_there
    added = tr_n("{n} personne ajoutée", "{n} personnes ajoutées", count).format(n=count)
    return f"{added} {where}."


def parse_day(text: str) -> date:
    """« 2026-03-03 » or « 03/03/2026 » (also with « - » or « . »): the day, or InvalidInput."""
    from kitcop_desktop.domain.validation import InvalidInput

    bits = text.strip().replace(".", "/").replace("-", "/").split("/")
    try:
        if len(bits) == 3 and len(bits[0]) == 4:
            return date(int(bits[0]), int(bits[1]), int(bits[2]))
        if len(bits) == 3 and len(bits[2]) == 4:
            return date(int(bits[2]), int(bits[1]), int(bits[0]))
    except ValueError:
        pass
    raise InvalidInput(
        f"Date illisible : « {text.strip()[:40]} ». Écrivez-la 2026-03-03 ou 03/03/2026. "
        "Rien n'a été créé."
    )
