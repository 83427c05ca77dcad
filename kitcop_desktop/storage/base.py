"""Declarative base shared by every model, with stable constraint names for Alembic batch mode."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, overload

from sqlalchemy import DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


@overload
def utc(value: datetime) -> datetime: ...
@overload
def utc(value: None) -> None: ...
def utc(value: datetime | None) -> datetime | None:
    """SQLite gives naive datetimes back: they were stored in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamps:
    """created_at / updated_at, stored in UTC."""

    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, onupdate=utcnow
    )


# What undo keeps of stored rows to put them back: column names to values, or a tool's
# own bundle of such rows.
Snapshot = dict[str, Any]


def row_dict(obj: Any) -> Snapshot:
    """A row's columns as a plain dict: what undo keeps to put a deleted row back."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def private(visibility: object, option: str, *, revealed: str = "") -> dict[str, object]:
    """A column's or table's `info`: its visibility (domain/visibility.py), the export option
    that carries it when not revealed (« facilitator », « real_names », « emails »), and for a
    table of restitution content, the boolean column that says a row was revealed. Read by
    storage/visibility.py, the one place that applies the rule to stored data."""
    info = {"visibility": visibility, "option": option}
    if revealed:
        info["revealed"] = revealed
    return info
