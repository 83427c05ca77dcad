"""Undo base: every facilitator change is a QUndoCommand around a storage operation.

    ctx.push(StoreCommand(ctx, "Ajouter une carte", area="boards",
                          do=lambda s: boards.add_card(s, ...),
                          undo=lambda s, result: boards.delete_card(s, result.id)))

`do(session)` runs in one write transaction and its return value is kept and handed to
`undo(session, result)`, so undo can use ids created by `do`. If `do` raises (bad input),
nothing is stored, the command is not pushed, and the French message is shown in the status
line: see ToolContext.push.

Typing: a command made while ui/autosave stores a field carries that field's burst
(`merge_key`); QUndoStack merges it into the previous command of the same burst, so a
paragraph typed with pauses is one undo step. The merged command keeps the first `undo` (back
to the text before the burst) and takes the newest `do`/`redo`.

Per-tool histories meet in one database: an undo or redo whose row another tool removed
meanwhile stores nothing, says so in the status line (« Impossible d'annuler … Rien n'a été
modifié. ») and leaves the history; ids are never given twice (storage/fresh_ids.py), so a redo
never lands on another tool's row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage import fresh_ids
from kitcop_desktop.storage.engine import Store
from kitcop_desktop.storage.errors import StoreError

log = logging.getLogger(__name__)
NOTHING_CHANGED = tr_later("Rien n'a été modifié.")

TYPING_ID = 0x7E47  # QUndoCommand.id() of typing edits; mergeWith checks the burst itself


class StoreCommand(QUndoCommand):
    def __init__(
        self,
        store: Store,
        hub,
        text: str,
        *,
        area: str,
        workshop_id: int,
        do: Callable[[Session], Any],
        undo: Callable[[Session, Any], Any],
        redo: Callable[[Session, Any], Any] | None = None,
        merge_key: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(text)
        self.merge_key = merge_key
        self._store = store
        self._hub = hub
        self._area = area
        self._workshop_id = workshop_id
        self._do = do
        self._undo = undo
        # Redo defaults to running `do` again; give `redo` when ids must be preserved.
        self._redo = redo
        self.result: Any = None
        self._done_once = False
        self._ids: dict[str, list[int]] = {}  # ids `do` gave new rows: a redo takes them again

    def id(self) -> int:  # noqa: A003 - Qt API
        return TYPING_ID if self.merge_key is not None else -1

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt API
        if (
            self.merge_key is None
            or not isinstance(other, StoreCommand)
            or other.merge_key != self.merge_key
            or other._area != self._area
        ):
            return False
        self._do, self._redo, self._ids = other._do, other._redo, other._ids
        return True

    def run_first(self) -> None:
        """Run `do` once before the command is pushed; exceptions propagate (nothing stored)."""
        with self._store.write() as session, fresh_ids.recording(session) as ids:
            self.result = self._do(session)
        self._ids = ids
        self._done_once = True

    def redo(self) -> None:  # called by QUndoStack.push, then on each redo
        if self._done_once:
            self._done_once = False  # first push: already done in run_first
        elif not self._attempt(tr("rétablir"), self._redo_in):
            return
        self._hub.notify(self._area, self._workshop_id, tr("Enregistré"))

    def _redo_in(self, session: Session) -> None:
        if self._redo is not None:
            self._redo(session, self.result)
        else:
            with fresh_ids.replaying(session, self._ids):
                self.result = self._do(session)

    def undo(self) -> None:
        if self._attempt(tr("annuler"), lambda session: self._undo(session, self.result)):
            self._hub.notify(
                self._area, self._workshop_id, tr("Annulé : {what}").format(what=self.text())
            )

    def _attempt(self, verb: str, action: Callable[[Session], Any]) -> bool:
        """Run an undo or a redo in one transaction. What it acts on may have been changed
        from another tool's history meanwhile (one stack per tool): then nothing is stored,
        the status line says why in French, and the command leaves the history (obsolete)."""
        try:
            with self._store.write() as session:
                action(session)
        except (StoreError, ValueError, IntegrityError) as exc:
            log.info("%s « %s » refused: %s", verb, self.text(), exc)
            self.setObsolete(True)
            self._hub.notify(self._area, self._workshop_id, refusal(verb, self.text(), exc))
            return False
        return True


def refusal(verb: str, text: str, exc: Exception) -> str:
    """« Impossible d'annuler « X » : ce post-it n'existe plus. Rien n'a été modifié. »"""
    if isinstance(exc, IntegrityError):
        reason = tr("un autre outil a modifié l'atelier entre-temps")
    else:
        reason = str(exc).replace(NOTHING_CHANGED, "").replace(tr(NOTHING_CHANGED), "")
        reason = reason.strip().rstrip(".")
        reason = reason[:1].lower() + reason[1:]
    sentence = tr("Impossible d'{verb} « {text} » : {reason}.").format(
        verb=verb, text=text, reason=reason
    )
    return f"{sentence} {tr(NOTHING_CHANGED)}"
