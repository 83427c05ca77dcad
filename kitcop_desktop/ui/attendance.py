"""Anyone who speaks in a round, votes with a ballot or sits in the bowl is present (#22 item 7).

A tool about to let someone take part asks `presence_for` which of them must be ticked present,
then wraps its command with `marking`: the action and the tick are one undo step, and the status
line says who was ticked. That is the workshop's rule « qui parle, vote ou s'assoit au centre est
noté·e présent·e », on unless the facilitator unticks it (Atelier › Participant·es). With the rule
off, someone not ticked who sits or votes makes the app ask (« Marquer Léa Fontaine présente ? »,
with « Ne plus demander », which turns the rule back on); « Annuler » and nothing happens. A
round moved on by a clicker never waits for a question: with the rule off, nobody is ticked.
Tests answer the question through ctx.extras["attendance.ask"].
"""

from __future__ import annotations

import hashlib

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from kitcop_desktop.i18n import tr, tr_n
from kitcop_desktop.storage import attendance

ASK_KEY = "attendance.ask"


def _rule_key(ctx) -> str:
    where = str(getattr(ctx.store, "path", "") or "")
    return f"attendance/{hashlib.sha1(where.encode()).hexdigest()[:12]}/{ctx.workshop_id}/auto"


def rule_accepted(ctx) -> bool:
    """Whether « qui participe est présent·e » holds for this workshop (on by default)."""
    if ctx.settings is None:
        return bool(ctx.extras.get(_rule_key(ctx), True))
    return str(ctx.settings.value(_rule_key(ctx), "true")).lower() == "true"


def accept_rule(ctx, on: bool = True) -> None:
    if ctx.settings is None:
        ctx.extras[_rule_key(ctx)] = on
    else:
        ctx.settings.setValue(_rule_key(ctx), "true" if on else "false")


def ask_presence(parent: QWidget | None, names: list[str], action: str) -> tuple[bool, bool]:
    """The question (rule off): (mark them, and turn the rule back on for this workshop)."""
    more = [tr("{count} autres").format(count=len(names) - 6)] if len(names) > 6 else []
    shown = names[:6] + more
    who = (
        shown[0]
        if len(shown) == 1
        else tr("{names} et {last}").format(names=", ".join(shown[:-1]), last=shown[-1])
    )
    one = len(names) == 1
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Présence"))
    box.setText(
        tr("{who} n'est pas noté·e présent·e sur la liste d'émargement.").format(who=who)
        if one
        else tr("{who} ne sont pas noté·es présent·es sur la liste d'émargement.").format(who=who)
    )
    box.setInformativeText(
        (
            tr("Qui {action} est dans la salle : la marquer présent·e ? (Ctrl+Z annule)")
            if one
            else tr("Qui {action} est dans la salle : les marquer présent·es ? (Ctrl+Z annule)")
        ).format(action=action)
    )
    mark = box.addButton(
        tr("Marquer présent·e") if one else tr("Marquer présent·es"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(tr("Annuler"), QMessageBox.ButtonRole.RejectRole)
    always = QCheckBox(
        tr(
            "Ne plus demander pour cet atelier : qui parle, vote ou s'assoit au centre est noté·e "
            "présent·e"
        )
    )
    always.setChecked(True)
    box.setCheckBox(always)
    box.setDefaultButton(mark)
    box.exec()
    return box.clickedButton() is mark, always.isChecked()


def presence_for(ctx, parent, participant_ids, action: str) -> list[int] | None:
    """Who to tick present along with the action: [] nobody, None when the facilitator
    cancelled the question (the action does not happen: someone absent cannot take part)."""
    with ctx.store.read() as session:
        absent = [
            (pid, name)
            for pid, name, present in attendance.people(session, participant_ids)
            if not present
        ]
    if not absent:
        return []
    ids = [pid for pid, _name in absent]
    if rule_accepted(ctx):
        return ids
    ask = ctx.extras.get(ASK_KEY, ask_presence)
    mark, always = ask(parent, [name for _pid, name in absent], action)
    if not mark:
        ctx.show_message(tr("Personne n'a été marqué·e présent·e. Rien n'a été modifié."))
        return None
    if always:
        accept_rule(ctx)
    return ids


def marking(ids: list[int], do, undo):
    """`do` / `undo` that also tick `ids` present, and untick them on undo: one undo step."""
    if not ids:
        return do, undo

    def do_and_mark(session):
        return do(session), attendance.mark_present(session, ids)

    def undo_both(session, both):
        result, marked = both
        undo(session, result)
        attendance.unmark(session, marked)

    return do_and_mark, undo_both


def said(ctx, ids: list[int]) -> None:
    """The status line says who was just ticked present."""
    if not ids:
        return
    with ctx.store.read() as session:
        names = [name for _pid, name, _present in attendance.people(session, ids)]
    if names:
        ctx.show_message(
            tr_n(
                "{names} : noté·e présent·e (Ctrl+Z annule).",
                tr("{names} : noté·es présent·es (Ctrl+Z annule)."),
                len(names),
            ).format(names=", ".join(names))
        )


def round_marking(ctx, round_id: int, do, undo):
    """A round's live command (next speaker, end…) that also ticks present whoever has just
    spoken, when the rule holds. Never a question: a clicker may be what moves the round on."""
    if not rule_accepted(ctx):
        return do, undo

    def do_and_mark(session):
        spoke = attendance.current_entry(session, round_id)
        return do(session), attendance.mark_who_spoke(session, spoke)

    def undo_both(session, both):
        result, marked = both
        undo(session, result)
        attendance.unmark(session, marked)

    return do_and_mark, undo_both
