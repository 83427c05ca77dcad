"""The command line: the GUI by default, and demo, list, pdf, export, import, check.

Errors are one French sentence on stderr with a non-zero exit code (1 refused or failed, 2 bad
command line, 3 `check` found a problem); tracebacks go to the log file, whose path the sentence
gives when there is more to read.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import sys
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from kitcop_desktop import APP_NAME, __version__
from kitcop_desktop.i18n import tr, tr_n

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNHEALTHY = 0, 1, 2, 3
log = logging.getLogger("kitcop_desktop.cli")


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE, tr("Erreur : commande mal formée ({message}).\n").format(message=message)
        )


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(
        prog="kitcop",
        description=f"{APP_NAME} : ateliers d'intelligence collective, hors ligne.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", type=Path, help=tr("fichier de base de données à utiliser"))
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="langue de l'interface (sinon KITCOP_LANG, ou fr)"
    )
    # Debug window for tests that drive a real process (ui/probe.py); hidden from --help.
    parser.add_argument("--probe-state", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--probe-keys", default="", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    demo = sub.add_parser("demo", help=tr("créer un atelier de démonstration complet"))
    demo.add_argument("--open", action="store_true", help="ouvrir l'application dessus")
    demo.add_argument(
        "--reuse", action="store_true", help=tr("réutiliser l'atelier de démonstration s'il existe")
    )
    sub.add_parser("list", help=tr("lister les ateliers (n°, date, titre)"))
    sub.add_parser("chantiers", help=tr("lister les chantiers (n°, titre, nombre d'ateliers)"))
    new = sub.add_parser(
        "new", help=tr("créer un atelier depuis un modèle de déroulé, affiche son n°")
    )
    new.add_argument("--title", required=True, help=tr("titre de l'atelier"))
    new.add_argument(
        "--template", default="blank", help=tr("clé du modèle (voir « kitcop templates »)")
    )
    new.add_argument("--date", help=tr("date de l'atelier : 2026-03-03 ou 03/03/2026"))
    sub.add_parser("templates", help=tr("lister les modèles de déroulé (clé, titre)"))
    check = sub.add_parser("check", help=tr("vérifier la base (intégrité, schéma, comptes)"))
    check.add_argument(
        "--restore-latest",
        action="store_true",
        help=tr("si la base est endommagée, remettre la dernière sauvegarde saine"),
    )

    pdf = sub.add_parser("pdf", help=tr("imprimer un atelier en PDF"))
    pdf.add_argument("workshop_id", type=int)
    pdf.add_argument("-o", "--output", type=Path, required=True)
    pdf.add_argument("--part", action="append", help=tr("partie à imprimer (plusieurs possibles)"))

    word = sub.add_parser("docx", help=tr("copie modifiable (Word, LibreOffice) d'un atelier"))
    word.add_argument("workshop_id", type=int)
    word.add_argument("-o", "--output", type=Path, required=True)
    word.add_argument("--part", action="append", help=tr("partie (comme pour pdf ; sauf blank)"))

    copy = sub.add_parser("csv", help=tr("fiches actions ou résultats des votes en CSV (tableur)"))
    copy.add_argument("workshop_id", type=int)
    copy.add_argument("-o", "--output", type=Path, required=True)
    copy.add_argument("--part", required=True, help="actions ou votes")

    export = sub.add_parser("export", help=tr("exporter un atelier dans un fichier .kitcop"))
    export.add_argument("workshop_id", type=int, nargs="?")
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument(
        "--chantier",
        type=int,
        metavar="N",
        help=tr(
            "tout le chantier n° N (ses ateliers, son état des lieux ; voir « kitcop chantiers »)"
        ),
    )
    export.add_argument(
        "--real-names", action="store_true", help=tr("inclure les vrais noms des enquêté·es")
    )
    export.add_argument("--emails", action="store_true", help=tr("inclure les adresses e-mail"))
    export.add_argument(
        "--json", action="store_true", help=tr("fichier JSON lisible plutôt que compressé")
    )
    export.add_argument(
        "--facilitator",
        action="store_true",
        help=tr("inclure les notes de l'animateur·rice et ce que la salle n'a pas encore vu"),
    )
    export.add_argument("--zip", action="store_true", help=argparse.SUPPRESS)  # the default
    export.add_argument(
        "--agenda", action="store_true", help=tr("seulement le déroulé, comme modèle à partager")
    )
    export.add_argument("--board", type=int, metavar="N", help=tr("seulement le tableau n° N"))
    imp = sub.add_parser("import", help=tr("importer un fichier .kitcop"))
    imp.add_argument("file", type=Path)
    imp.add_argument("--into", type=int, help=tr("atelier qui reçoit un tableau importé"))

    listed = (sub.choices["list"], sub.choices["chantiers"], sub.choices["check"])
    for p in (demo, *listed, pdf, export, imp, new):
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    for p in (sub.choices["templates"],):
        p.add_argument("--db", type=Path, default=argparse.SUPPRESS)
    return parser


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(tr("Erreur\u00a0: {message}").format(message=message), file=sys.stderr)
    return code


class _LogFile(logging.Handler):
    """The user's rotating log file, set up at the first record: a command that logs nothing
    (`list`, `--version`) neither opens it nor imports logging.handlers."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            try:
                self._file = logging.handlers.RotatingFileHandler(
                    self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
                )
            except OSError:
                self._file = logging.NullHandler()
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


@contextmanager
def _logging_to_file():
    """Log to the user's log file for the length of the command (never to the terminal)."""
    from kitcop_desktop import paths  # platformdirs: not for `--version`

    logging.raiseExceptions = False  # a full disk under the log must not print a traceback
    path = paths.log_path()
    root = logging.getLogger()
    handler = _LogFile(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    previous = root.level
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    try:
        yield path
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()


# Commands that only read: they open the file read-only, without the instance lock, so they
# work beside the running app and from read-only media.
READING = frozenset({"list", "chantiers", "pdf", "docx", "csv", "export", "check", "templates"})


def _tolerant_output() -> None:
    """A title a terminal cannot show (an emoji on a Windows console) prints as « ? »: the
    command's exit code must not depend on the terminal."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):  # not a test's capture, not a pipe's object
            with suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    args = build_parser().parse_args(argv)
    from kitcop_desktop.i18n import ENV_LANGUAGE, requested_language, set_language

    if args.lang:
        os.environ[ENV_LANGUAGE] = args.lang  # read by the app as it starts (app.py)
    set_language(requested_language())  # and by the commands that print: `--lang en pdf`
    with _logging_to_file() as log_file:
        try:
            if args.command == "list" and (done := _quick_list(args)) is not None:
                return done
            return _run(args)
        except KeyboardInterrupt:
            return _fail(tr("interrompu. Rien n'a été modifié."), 130)
        except BrokenPipeError:
            return _reader_left()
        except Exception as exc:
            return _explain(exc, args, log_file)


def _reader_left() -> int:
    """`kitcop list | head -1`, `| grep -q`: the reader had what it wanted and closed the
    pipe. Nothing went wrong (a command that writes a file has written it before it prints),
    so no error and success; the rest of the output goes nowhere, and so does Python's own
    flush at exit (which would complain once more)."""
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def _db_path(args) -> Path:
    from kitcop_desktop import paths

    return (args.db or paths.default_db_path()).expanduser().resolve()


def _explain(exc: Exception, args, log_file: Path) -> int:
    """One French sentence for anything that escaped; the traceback goes to the log."""
    from kitcop_desktop.domain.validation import InvalidInput
    from kitcop_desktop.storage.errors import MigrationFailed, StoreError
    from kitcop_desktop.storage.faults import translate

    if isinstance(exc, MigrationFailed):
        return _fail(tr("{exc} Détails : {log_file}").format(exc=exc, log_file=log_file))
    if isinstance(exc, StoreError | InvalidInput):  # their text is a French sentence already
        log.info("%s refused: %s", args.command, exc)
        return _fail(str(exc))
    output = getattr(args, "output", None)
    known = translate(exc, output) if isinstance(exc, OSError) and output else None
    known = known or translate(exc, _db_path(args))
    log.error("%s failed", args.command, exc_info=exc)
    if known is not None:
        return _fail(tr("{known} Détails : {log_file}").format(known=known, log_file=log_file))
    return _fail(
        tr(
            "la commande « {command} » n'a pas abouti ({name__}). Le détail est dans le journal : {log_file}"
        ).format(command=args.command, name__=type(exc).__name__, log_file=log_file)
    )


def _run(args) -> int:
    db_path = _db_path(args)
    command = args.command
    if command is None:
        from kitcop_desktop.app import run_gui

        return run_gui(db_path, probe_state=args.probe_state, probe_keys=args.probe_keys)
    if command == "check":
        return _check(db_path, restore=args.restore_latest)
    if command == "templates" and not db_path.exists():
        return _templates(None)  # the kit's templates; no file is created to list them

    # Writers take the instance lock, then the migration step, in that order; readers of a file
    # at the current schema take neither.
    from kitcop_desktop.storage.lock import InstanceLock
    from kitcop_desktop.storage.migrate import needs_writing, open_for_reading, open_store

    lock = InstanceLock(db_path)
    if command in READING and not needs_writing(db_path):
        store = open_for_reading(db_path)
        if store.path is not None and not _writable(db_path):
            print(
                tr("Note : « {name} » est en lecture seule ; rien ne peut y être modifié.").format(
                    name=db_path.name
                ),
                file=sys.stderr,
            )
    else:
        _refuse_unwritable(db_path)
        lock.acquire()
        try:
            store = open_store(db_path)
            if command not in READING:
                _refuse_damaged(store)
        except BaseException:
            lock.release()
            raise
    try:
        if command == "demo":
            workshop_id = _demo(store, reuse=args.reuse)
            print(workshop_id)
            if args.open:
                store.close()
                lock.release()
                from kitcop_desktop.app import run_gui

                return run_gui(
                    db_path,
                    workshop_id=workshop_id,
                    probe_state=args.probe_state,
                    probe_keys=args.probe_keys,
                )
            return EXIT_OK
        if command == "list":
            return _list(store)
        if command == "chantiers":
            return _chantiers(store)
        if command == "templates":
            return _templates(store)
        if command == "new":
            print(_new(store, args))
            return EXIT_OK
        if command in ("pdf", "docx", "csv"):
            from kitcop_desktop import cli_documents  # printing only when a document is asked
        if command == "pdf":
            return cli_documents.pdf(store, args)
        if command == "docx":
            return cli_documents.docx(store, args)
        if command == "csv":
            return cli_documents.csv(store, args)
        if command == "export":
            return _export(store, args)
        if command == "import":
            return _import(store, args)
        return _fail(f"commande inconnue : {command}", EXIT_USAGE)
    finally:
        store.close()
        lock.release()


def _writable(db_path: Path) -> bool:
    from kitcop_desktop.storage.faults import writable

    return writable(db_path)


def _refuse_unwritable(db_path: Path) -> None:
    from kitcop_desktop.storage.errors import NotAKitcopDatabase, ReadOnlyDatabase
    from kitcop_desktop.storage.faults import read_only_message

    if _writable(db_path):
        return
    if not db_path.exists():
        raise NotAKitcopDatabase(
            tr(
                "Il n'y a pas de base KitCOP dans « {db_path} », et ce dossier est en lecture seule. Rien n'a été modifié."
            ).format(db_path=db_path)
        )
    raise ReadOnlyDatabase(read_only_message(db_path))


def _refuse_damaged(store) -> None:
    """Writing into a damaged file could spread the damage: refuse, and point to the backup."""
    from kitcop_desktop.storage.check import quick_check
    from kitcop_desktop.storage.errors import DamagedDatabase
    from kitcop_desktop.storage.faults import damaged_message

    if not quick_check(store):
        raise DamagedDatabase(damaged_message(store.path))


def _demo(store, *, reuse: bool) -> int:
    from kitcop_desktop.storage import workshops
    from kitcop_desktop.storage.demo import create_demo

    if reuse:
        with store.read() as session:
            for summary in workshops.list_summaries(session):
                if summary.title.startswith("Rénovation énergétique : les compétences de 2030"):
                    return summary.id
    return create_demo(store)


def _quick_list(args) -> int | None:
    """The usual `list`, with sqlite3 alone (storage/quick_list.py): no SQLAlchemy, no Alembic
    imported to print a few lines. None: the file needs the full path (it says what is wrong)."""
    from kitcop_desktop.domain.validation import plain_line
    from kitcop_desktop.storage.quick_list import workshop_lines

    db_path = _db_path(args)
    lines = workshop_lines(db_path)
    if lines is None:
        return None
    if not _writable(db_path):
        print(
            tr("Note : « {name} » est en lecture seule ; rien ne peut y être modifié.").format(
                name=db_path.name
            ),
            file=sys.stderr,
        )
    for workshop_id, day, title in lines:
        print(f"{workshop_id}\t{day}\t{plain_line(title)}")
    return EXIT_OK


def _list(store) -> int:
    from kitcop_desktop.domain.validation import plain_line
    from kitcop_desktop.storage import workshops

    with store.read() as session:
        for s in workshops.list_summaries(session):
            day = s.date.isoformat() if s.date else "----------"
            print(f"{s.id}\t{day}\t{plain_line(s.title)}")
    return EXIT_OK


def _chantiers(store) -> int:
    """One chantier a line: its number (for `export --chantier N`), its title, its workshops."""
    from kitcop_desktop.domain.validation import plain_line
    from kitcop_desktop.storage import chantiers

    with store.read() as session:
        for c in chantiers.list_summaries(session):
            count = len(c.workshop_ids)
            print(
                f"{c.id}\t{plain_line(c.title)}\t"
                + tr_n("{n} atelier", "{n} ateliers", count).format(n=count)
            )
    return EXIT_OK


def _templates(store) -> int:
    """The keys `new --template` takes: the kit's templates, then the personal ones."""
    from kitcop_desktop.domain.agenda_templates import TEMPLATES
    from kitcop_desktop.domain.validation import plain_line

    for template in TEMPLATES:
        print(f"{template.key}\t{template.title}")
    if store is not None:
        from kitcop_desktop.storage import agenda_templates

        with store.read() as session:
            for record in agenda_templates.list_personal(session):
                print(f"{agenda_templates.PREFIX}{record.id}\t{plain_line(record.title)}")
    return EXIT_OK


def _new(store, args) -> int:
    """A workshop with this title (and date) and the template's déroulé; returns its id."""
    from kitcop_desktop.domain.agenda_templates import TEMPLATES, by_key
    from kitcop_desktop.domain.french import parse_day
    from kitcop_desktop.domain.validation import InvalidInput
    from kitcop_desktop.storage import agenda, agenda_templates, workshops

    day = parse_day(args.date) if args.date else None
    with store.write() as session:
        if by_key(args.template) is None and (
            agenda_templates.as_template(session, args.template) is None
        ):
            keys = ", ".join(t.key for t in TEMPLATES)
            raise InvalidInput(
                tr(
                    "Modèle de déroulé inconnu : « {template} ». Modèles du kit : {keys} (« kitcop templates » les liste tous). Rien n'a été créé."
                ).format(template=args.template, keys=keys)
            )
        workshop = workshops.create(session, args.title, date=day)
        agenda.apply_template(session, workshop.id, args.template)
        return workshop.id


def _check(db_path: Path, *, restore: bool = False) -> int:
    """Read-only: works even while the app has the file open, and never migrates it.

    With --restore-latest, a damaged file is set aside and the last good backup put back.
    """
    from kitcop_desktop.storage.check import check_file

    if not db_path.exists() and not restore:
        return _fail(
            tr("aucune base KitCOP dans « {db_path} ».").format(db_path=db_path), EXIT_UNHEALTHY
        )
    report = check_file(db_path)
    print("\n".join(report.lines()))
    if restore and not report.healthy:
        return _restore_latest(db_path)
    if not report.healthy and report.backup_hint:
        print(report.backup_hint)
    return EXIT_OK if report.healthy else EXIT_UNHEALTHY


def _restore_latest(db_path: Path) -> int:
    from kitcop_desktop.storage.lock import InstanceLock
    from kitcop_desktop.storage.restore import restore_latest

    _refuse_unwritable(db_path)
    with InstanceLock(db_path):
        done = restore_latest(db_path)
    print(done.message)
    return EXIT_OK if done.restored else EXIT_UNHEALTHY


def _export(store, args) -> int:
    from kitcop_desktop.printing.output import write_atomically
    from kitcop_desktop.storage import exchange

    zipped = not args.json  # compressed unless asked: smaller, and within the import's caps
    if args.chantier is None and args.workshop_id is None:
        return _fail(
            tr(
                "dites quel atelier exporter (son n°, voir « kitcop list ») ou quel chantier "
                "(« --chantier N », voir « kitcop chantiers »). Rien n'a été écrit."
            ),
            EXIT_USAGE,
        )
    with store.read() as session:
        if args.chantier is not None:
            data = exchange.export_chantier(
                session,
                args.chantier,
                include_real_names=args.real_names,
                include_emails=args.emails,
                include_facilitator=args.facilitator,
                zipped=zipped,
            )
        elif args.board is not None:
            data = exchange.export_board(
                session, args.board, zipped=zipped, workshop_id=args.workshop_id
            )
        elif args.agenda:
            data = exchange.export_agenda(
                session, args.workshop_id, zipped=zipped, include_facilitator=args.facilitator
            )
        else:
            data = exchange.export_workshop(
                session,
                args.workshop_id,
                include_real_names=args.real_names,
                include_emails=args.emails,
                include_facilitator=args.facilitator,
                zipped=zipped,
            )
    write_atomically(args.output, data)
    print(args.output)
    return EXIT_OK


def _import(store, args) -> int:
    from kitcop_desktop.domain.validation import plain_line
    from kitcop_desktop.storage.exchange import apply_import, read_file, same_title_workshop

    preview = read_file(args.file)
    if preview.kind == "board" and args.into is None:
        return _fail(
            tr(
                "ce fichier contient un tableau à fusionner dans un atelier : dites lequel avec "
                "« --into N » (« kitcop list » donne les numéros). Rien n'a été modifié."
            ),
            EXIT_USAGE,
        )
    with store.read() as session:
        already = same_title_workshop(session, preview)
    result = apply_import(store, preview, into_workshop_id=args.into)
    print(plain_line(result.message))  # a file's title: never a terminal escape
    if already is not None:
        print(
            tr(
                "Attention : l'atelier n° {already} porte déjà ce titre ; celui-ci en est une copie. Supprimez-la dans l'application si elle est en trop."
            ).format(already=already),
            file=sys.stderr,
        )
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    os._exit(main())
