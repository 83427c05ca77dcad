"""The command line's documents (`kitcop pdf`, `kitcop docx`, `kitcop csv`): the parts asked,
refused before anything is read when unknown, written atomically. Imported by `cli._run`
once a command needs it, so `kitcop list` never loads printing."""

from __future__ import annotations

from kitcop_desktop.cli import EXIT_OK, EXIT_USAGE, _fail
from kitcop_desktop.i18n import tr, tr_later

UNKNOWN_PART = tr_later("partie inconnue")
NO_EDITABLE_COPY = tr_later("partie sans copie modifiable")


def pdf(store, args) -> int:
    from kitcop_desktop.printing.parts import PART_NAMES, render_pdf

    return document(store, args, PART_NAMES, render_pdf, UNKNOWN_PART)


def docx(store, args) -> int:
    from kitcop_desktop.printing.docx_copies import DOCX_PARTS, render_docx

    return document(store, args, DOCX_PARTS, render_docx, NO_EDITABLE_COPY)


def document(store, args, allowed, render, refusal: str) -> int:
    """`kitcop pdf` and `kitcop docx`: the parts asked (the restitution by default), written
    atomically; a part outside `allowed` is refused before anything is read."""
    from kitcop_desktop.printing.output import write_atomically

    parts = args.part or ["all"]
    unknown = [p for p in parts if p not in allowed]
    if unknown:
        return _fail(
            tr("{refusal}\u00a0: {parts}. Parties possibles\u00a0: {allowed}.").format(
                refusal=tr(refusal), parts=", ".join(unknown), allowed=", ".join(allowed)
            ),
            EXIT_USAGE,
        )
    with store.read() as session:
        data = render(session, args.workshop_id, parts)
    write_atomically(args.output, data)
    print(args.output)
    return EXIT_OK


def csv(store, args) -> int:
    from kitcop_desktop.printing.csv_copies import PARTS, render_csv
    from kitcop_desktop.printing.output import write_atomically
    from kitcop_desktop.storage import workshops

    if args.part not in PARTS:
        return _fail(
            tr("{refusal}\u00a0: {parts}. Parties possibles\u00a0: {allowed}.").format(
                refusal=tr(UNKNOWN_PART), parts=args.part, allowed=", ".join(PARTS)
            ),
            EXIT_USAGE,
        )
    with store.read() as session:
        workshops.get(session, args.workshop_id)  # « atelier introuvable » said plainly
        data = render_csv(session, args.workshop_id, args.part)
    write_atomically(args.output, data)
    print(args.output)
    return EXIT_OK
