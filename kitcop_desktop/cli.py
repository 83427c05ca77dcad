"""The command line: the GUI by default, and demo, list, pdf, export, import, check.

Errors are French sentences on stderr with a non-zero exit code; nothing is changed.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kitcop_desktop import APP_NAME, __version__, paths

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNHEALTHY = 0, 1, 2, 3


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Erreur : commande mal formée ({message}).\n")


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(
        prog="kitcop",
        description=f"{APP_NAME} : ateliers d'intelligence collective, hors ligne.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", type=Path, help="fichier de base de données à utiliser")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    demo = sub.add_parser("demo", help="créer un atelier de démonstration complet")
    demo.add_argument("--open", action="store_true", help="ouvrir l'application dessus")
    demo.add_argument(
        "--reuse", action="store_true", help="réutiliser l'atelier de démonstration s'il existe"
    )
    sub.add_parser("list", help="lister les ateliers (n°, date, titre)")
    sub.add_parser("check", help="vérifier la base (intégrité, schéma, comptes)")

    pdf = sub.add_parser("pdf", help="imprimer un atelier en PDF")
    pdf.add_argument("workshop_id", type=int)
    pdf.add_argument("-o", "--output", type=Path, required=True)
    pdf.add_argument("--part", action="append", help="partie à imprimer (plusieurs possibles)")

    export = sub.add_parser("export", help="exporter un atelier dans un fichier .kitcop")
    export.add_argument("workshop_id", type=int)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument(
        "--real-names", action="store_true", help="inclure les vrais noms des enquêté·es"
    )
    export.add_argument("--emails", action="store_true", help="inclure les adresses e-mail")
    export.add_argument("--zip", action="store_true", help="fichier compressé")
    export.add_argument(
        "--agenda", action="store_true", help="seulement le déroulé, comme modèle à partager"
    )
    export.add_argument("--board", type=int, metavar="N", help="seulement le tableau n° N")
    imp = sub.add_parser("import", help="importer un fichier .kitcop")
    imp.add_argument("file", type=Path)
    imp.add_argument("--into", type=int, help="atelier qui reçoit un tableau importé")

    for p in (demo, sub.choices["list"], sub.choices["check"], pdf, export, imp):
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    return parser


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"Erreur : {message}", file=sys.stderr)
    return code


def _setup_logging() -> None:
    try:
        handler: logging.Handler = logging.FileHandler(paths.log_path(), encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    logging.basicConfig(
        level=logging.INFO,
        handlers=[handler],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _setup_logging()
    db_path: Path = (args.db or paths.default_db_path()).expanduser().resolve()
    command = args.command
    if command is None:
        from kitcop_desktop.app import run_gui

        return run_gui(db_path)

    # Every command below takes the instance lock and the migration step, in that order.
    from kitcop_desktop.storage.errors import StoreError
    from kitcop_desktop.storage.lock import InstanceLock
    from kitcop_desktop.storage.migrate import open_store

    lock = InstanceLock(db_path)
    try:
        if command == "check":
            return _check(db_path)
        lock.acquire()
        store = open_store(db_path)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        if command == "demo":
            workshop_id = _demo(store, reuse=args.reuse)
            print(workshop_id)
            if args.open:
                store.close()
                lock.release()
                from kitcop_desktop.app import run_gui

                return run_gui(db_path, workshop_id=workshop_id)
            return EXIT_OK
        if command == "list":
            return _list(store)
        if command == "pdf":
            return _pdf(store, args)
        if command == "export":
            return _export(store, args)
        if command == "import":
            return _import(store, args)
        return _fail(f"commande inconnue : {command}", EXIT_USAGE)
    except StoreError as exc:
        return _fail(str(exc))
    except ValueError as exc:  # InvalidInput and friends carry a French sentence
        return _fail(str(exc))
    finally:
        store.close()
        lock.release()


def _demo(store, *, reuse: bool) -> int:
    from kitcop_desktop.storage import workshops
    from kitcop_desktop.storage.demo import create_demo

    if reuse:
        with store.read() as session:
            for summary in workshops.list_summaries(session):
                if summary.title.startswith("Rénovation énergétique : les compétences de 2030"):
                    return summary.id
    return create_demo(store)


def _list(store) -> int:
    from kitcop_desktop.storage import workshops

    with store.read() as session:
        for s in workshops.list_summaries(session):
            day = s.date.isoformat() if s.date else "----------"
            print(f"{s.id}\t{day}\t{s.title}")
    return EXIT_OK


def _check(db_path: Path) -> int:
    """Read-only: works even while the app has the file open, and never migrates it."""
    from kitcop_desktop.storage.check import run_check
    from kitcop_desktop.storage.engine import Store, inspect_file

    state = inspect_file(db_path)
    if state != "kitcop":
        return _fail(f"aucune base KitCOP dans « {db_path} ».", EXIT_UNHEALTHY)
    store = Store.open(db_path)
    try:
        report = run_check(store)
    finally:
        store.engine.dispose()
    print("\n".join(report.lines()))
    return EXIT_OK if report.healthy else EXIT_UNHEALTHY


def _pdf(store, args) -> int:
    from kitcop_desktop.printing.output import write_atomically
    from kitcop_desktop.printing.parts import PART_NAMES, render_pdf

    parts = args.part or ["all"]
    unknown = [p for p in parts if p not in PART_NAMES]
    if unknown:
        return _fail(
            f"partie inconnue : {', '.join(unknown)}. Parties possibles : {', '.join(PART_NAMES)}.",
            EXIT_USAGE,
        )
    with store.read() as session:
        data = render_pdf(session, args.workshop_id, parts)
    write_atomically(args.output, data)
    print(args.output)
    return EXIT_OK


def _export(store, args) -> int:
    from kitcop_desktop.printing.output import write_atomically
    from kitcop_desktop.storage import exchange

    with store.read() as session:
        if args.board is not None:
            data = exchange.export_board(
                session, args.board, zipped=args.zip, workshop_id=args.workshop_id
            )
        elif args.agenda:
            data = exchange.export_agenda(session, args.workshop_id, zipped=args.zip)
        else:
            data = exchange.export_workshop(
                session,
                args.workshop_id,
                include_real_names=args.real_names,
                include_emails=args.emails,
                zipped=args.zip,
            )
    write_atomically(args.output, data)
    print(args.output)
    return EXIT_OK


def _import(store, args) -> int:
    from kitcop_desktop.storage.exchange import import_file

    result = import_file(store, args.file, into_workshop_id=args.into)
    print(result.message)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    os._exit(main())
