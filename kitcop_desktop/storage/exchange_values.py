"""Column values to JSON and back, checked against the column's type before anything is written.

Types are read from the SQLAlchemy column, so a new column of a known type needs no code here.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Enum, Float, Integer, Numeric, Time
from sqlalchemy import String as SAString

from kitcop_desktop.i18n import tr
from kitcop_desktop.storage.exchange_format import (
    MAX_TEXT_LEN,
    ODD_CHARACTERS,
    clean_text,
    refuse,
)

INT_MIN, INT_MAX = -(2**63), 2**63 - 1
MAX_JSON_VALUE_BYTES = 200_000


class Unsupported(Exception):
    """A column type the format does not carry (binary data): the column is left out."""


def encode(column: Column[Any], value: Any) -> Any:
    """A stored value as JSON data (dates as ISO 8601 text)."""
    if value is None:
        return None
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        raise Unsupported(column.name)
    return value


def converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    """What `encode` does for this column's values, chosen once: None when values are JSON
    already (text, numbers, booleans), else a function (dates as ISO text, decimals as text)."""
    kind = column.type
    if isinstance(kind, DateTime | Date | Time):
        return _isoformat
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        return str
    if isinstance(kind, SAString | Integer | Boolean | Float | JSON):
        return None
    return lambda value: encode(column, value)


def _isoformat(value: datetime | date | time) -> str:
    return value.isoformat()


def _where(table: str, column: str, row_index: int) -> str:
    return tr("(table « {table} », ligne {number}, champ « {column} »)").format(
        table=table, number=row_index + 1, column=column
    )


def decode(table: str, column: Column[Any], raw: Any, row_index: int) -> Any:
    """The Python value for `column` from untrusted JSON data, or ExchangeError (French)."""
    where = _where(table, column.name, row_index)
    if raw is None:
        if not column.nullable and not column.primary_key:
            raise refuse(tr("Une valeur obligatoire manque {where}.").format(where=where))
        return None
    kind = column.type
    if isinstance(kind, Boolean):
        if not isinstance(raw, bool):
            raise refuse(tr("Une valeur vrai/faux était attendue {where}.").format(where=where))
        return raw
    if isinstance(kind, Integer):
        if not isinstance(raw, int) or isinstance(raw, bool) or not INT_MIN <= raw <= INT_MAX:
            raise refuse(tr("Un nombre entier était attendu {where}.").format(where=where))
        return raw
    if isinstance(kind, Float | Numeric):
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
            raise refuse(tr("Un nombre était attendu {where}.").format(where=where))
        return Decimal(str(raw)) if isinstance(kind, Numeric) and kind.asdecimal else raw
    if isinstance(kind, DateTime):
        return _parse(raw, datetime.fromisoformat, tr("une date et heure"), where)
    if isinstance(kind, Date):
        return _parse(raw, date.fromisoformat, tr("une date"), where)
    if isinstance(kind, Time):
        return _parse(raw, time.fromisoformat, tr("une heure"), where)
    if isinstance(kind, JSON):
        if len(json.dumps(raw, ensure_ascii=False)) > MAX_JSON_VALUE_BYTES:
            raise refuse(tr("Une valeur est trop grosse {where}.").format(where=where))
        return raw
    if isinstance(kind, SAString):  # String, Text, Unicode, Enum
        if not isinstance(raw, str):
            raise refuse(tr("Un texte était attendu {where}.").format(where=where))
        limit = kind.length or MAX_TEXT_LEN
        if len(raw) > limit:
            raise refuse(
                tr("Un texte est trop long {where} : {count} caractères, {limit} au plus.").format(
                    where=where, count=len(raw), limit=limit
                )
            )
        if isinstance(kind, Enum) and kind.enums and raw not in kind.enums:
            raise refuse(
                tr("Une valeur inconnue « {raw} » {where}.").format(raw=raw[:40], where=where)
            )
        return clean_text(raw)
    raise Unsupported(column.name)


# A column's decoder: (the file's value, its row's index) -> the value to store.
Decoder = Callable[[Any, int], Any]


def decoder(table: str, column: Column[Any]) -> Decoder:
    """`decode` for one column, specialised once: the usual value takes a type test and a
    length test; anything else goes to `decode`, which says in French what is wrong."""
    kind = column.type
    none_ok = bool(column.nullable or column.primary_key)

    def slow(raw: Any, index: int) -> Any:
        return decode(table, column, raw, index)

    if isinstance(kind, Boolean):

        def fast(raw: Any, index: int) -> Any:
            if raw.__class__ is bool or (raw is None and none_ok):
                return raw
            return slow(raw, index)

    elif isinstance(kind, Integer):

        def fast(raw: Any, index: int) -> Any:
            if raw.__class__ is int:
                if INT_MIN <= raw <= INT_MAX:
                    return raw
            elif raw is None and none_ok:
                return None
            return slow(raw, index)

    elif isinstance(kind, SAString) and not (isinstance(kind, Enum) and kind.enums):
        limit = kind.length or MAX_TEXT_LEN
        odd = ODD_CHARACTERS.search

        def fast(raw: Any, index: int) -> Any:
            if raw.__class__ is str:
                if len(raw) <= limit:
                    return raw if odd(raw) is None else clean_text(raw)
            elif raw is None and none_ok:
                return None
            return slow(raw, index)

    elif isinstance(kind, DateTime | Date | Time):
        parser: Callable[[str], object] = (
            datetime.fromisoformat
            if isinstance(kind, DateTime)
            else date.fromisoformat
            if isinstance(kind, Date)
            else time.fromisoformat
        )

        def fast(raw: Any, index: int) -> Any:
            if raw.__class__ is str and len(raw) <= 40:
                try:
                    return parser(raw)
                except ValueError:
                    pass
            elif raw is None and none_ok:
                return None
            return slow(raw, index)

    else:
        fast = slow
    return fast


def _parse(raw: Any, parser: Callable[[str], object], what: str, where: str) -> object:
    if not isinstance(raw, str) or len(raw) > 40:
        raise refuse(
            tr("{value} était attendue {where}.").format(value=what.capitalize(), where=where)
        )
    try:
        return parser(raw)
    except ValueError:
        raise refuse(
            tr("Valeur illisible « {raw} » {where} : {what} était attendue.").format(
                raw=raw, where=where, what=what
            )
        ) from None


def carried(column: Column[Any]) -> bool:
    """Whether the format carries this column at all (binary columns are not carried)."""
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return isinstance(column.type, JSON)
    return python_type not in (bytes, bytearray, memoryview)
