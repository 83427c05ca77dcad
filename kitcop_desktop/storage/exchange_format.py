"""Reading a .kitcop file safely: size, zip, text, JSON depth and the envelope's header.

Nothing here writes a file, runs code or unpickles: the only decoders are zipfile (in memory,
one member, bounded read) and json (after an iterative depth check, so no RecursionError).
Every refusal is an ExchangeError whose message is a French sentence ending with
« Rien n'a été modifié. ».
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from pathlib import Path
from typing import Any, NoReturn

from kitcop_desktop.i18n import tr, tr_later
from kitcop_desktop.storage.errors import StoreError

FORMAT_NAME = "kitcop"
FORMAT_VERSION = 1
KINDS = ("workshop", "agenda", "board", "chantier")
MEMBER_NAME = "kitcop.json"
ZIP_MAGIC = b"PK\x03\x04"

# Caps, sized from the largest workshop the app holds, not from a typical one: a workshop is
# held to LARGEST_WORKSHOP_ROWS rows (export refuses beyond, so whatever export writes, import
# accepts); the caps guard against hostile files, not against the app's own output.
LARGEST_WORKSHOP_ROWS = 250_000  # 2.5 times the largest workshop reported (99,122 rows)
MAX_ROWS_PER_TABLE = LARGEST_WORKSHOP_ROWS  # 57,600 ballot dots in one vote is real
MAX_ROWS_TOTAL = LARGEST_WORKSHOP_ROWS
# About 300 bytes a row in JSON (the 104k-row export was 31 MB), long texts on top.
MAX_JSON_BYTES = 128 * 1024 * 1024
# A file is plain JSON or a zip (stored when deflate would exceed MAX_ZIP_RATIO).
MAX_FILE_BYTES = MAX_JSON_BYTES + 64 * 1024
MAX_ZIP_MEMBERS = 8
MAX_ZIP_RATIO = 200
MAX_DEPTH = 16
# Objects and lists, and values (counted by their separators), in the whole file. A row is one
# object of at most VALUES_PER_OBJECT values; beyond MAX_FLAT_VALUES, values must come in rows
# (2,000,000 numbers in one list are refused: memory, not data).
MAX_CONTAINERS = 1_000_000
VALUES_PER_OBJECT = 64
MAX_FLAT_VALUES = 2_000_000
MAX_VALUES = LARGEST_WORKSHOP_ROWS * VALUES_PER_OBJECT
MAX_TABLES = 200
MAX_COLUMNS = 200
MAX_NAME_LEN = 64
MAX_TEXT_LEN = 20_000  # same as domain.validation.TEXT_MAX: what the editors accept

NOTHING_CHANGED = tr_later("Rien n'a été modifié.")


class ExchangeError(StoreError):
    """A .kitcop file was refused; `str(error)` says why, in French, and that nothing changed."""


# Control characters (Unicode category Cc) other than tab and newline have no business in a
# workshop, nor have direction overrides (they disguise a title: « gnp.exe »); a lone surrogate
# (« \ud800 » in JSON) is not a character and cannot be stored nor printed as UTF-8. Found by
# one compiled pattern, in C: no Python loop per character.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")
ODD_CHARACTERS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def clean_text(value: str) -> str:
    """Control characters dropped, lone surrogates shown as « \ufffd »."""
    if ODD_CHARACTERS.search(value) is None:  # the usual case: one scan, no copy
        return value
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", value))


def refuse(reason: str) -> ExchangeError:
    """An ExchangeError whose message ends with « Rien n'a été modifié. »."""
    return ExchangeError(f"{clean_text(reason)} {tr(NOTHING_CHANGED)}")


def read_bytes(path: str | Path) -> bytes:
    """The file's bytes, refusing folders, missing files and anything over MAX_FILE_BYTES."""
    path = Path(path)
    try:
        if path.is_dir():
            raise refuse(
                tr("« {name} » est un dossier, pas un fichier KitCOP.").format(name=path.name)
            )
        if path.exists() and not path.is_file():  # a pipe or a device would never end
            raise refuse(tr("« {name} » n'est pas un fichier ordinaire.").format(name=path.name))
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise refuse(
                tr("Ce fichier est trop gros ({number} Mo ; {number2} Mo au plus).").format(
                    number=size // (1024 * 1024), number2=MAX_FILE_BYTES // (1024 * 1024)
                )
            )
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise refuse(tr("Le fichier « {name} » est introuvable.").format(name=path.name)) from None
    except OSError as exc:
        raise refuse(
            tr("Le fichier « {name} » ne peut pas être lu ({strerror}).").format(
                name=path.name, strerror=exc.strerror
            )
        ) from None
    if len(data) > MAX_FILE_BYTES:  # the file grew while we looked at it
        raise refuse(tr("Ce fichier est trop gros."))
    return data


def _safe_member_name(name: str) -> bool:
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    return all(part not in ("..", "") for part in name.rstrip("/").split("/"))


def unzip(data: bytes) -> bytes:
    """The JSON member of a zipped .kitcop, read in memory with every bomb and trick refused."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, ValueError, EOFError):
        raise refuse(tr("Cette archive est endommagée ou incomplète.")) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ZIP_MEMBERS:
            raise refuse(
                tr("Cette archive contient trop de fichiers ({count}).").format(count=len(infos))
            )
        for info in infos:
            if not _safe_member_name(info.filename):
                raise refuse(tr("Cette archive contient un chemin suspect ; elle est refusée."))
        member = next((i for i in infos if i.filename == MEMBER_NAME), None)
        if member is None:
            raise refuse(
                tr(
                    "Cette archive ne contient pas de « {MEMBER_NAME} » : ce n'est pas un atelier KitCOP."
                ).format(MEMBER_NAME=MEMBER_NAME)
            )
        if member.flag_bits & 0x1:
            raise refuse(
                tr("Cette archive est chiffrée ; KitCOP ne lit que des archives ordinaires.")
            )
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(tr("Cette archive utilise une compression inconnue."))
        declared = member.file_size
        if declared > MAX_JSON_BYTES:
            raise refuse(tr("Le contenu de cette archive est trop gros une fois décompressé."))
        if declared > MAX_ZIP_RATIO * max(member.compress_size, 1):
            raise refuse(
                tr("Cette archive se décompresse de façon anormale (bombe de décompression).")
            )
        try:
            with archive.open(member) as fh:
                # The header may lie about sizes: read at most the cap, then judge what came out.
                content = fh.read(MAX_JSON_BYTES + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError):
            raise refuse(tr("Cette archive est endommagée ou incomplète.")) from None
    if len(content) > MAX_JSON_BYTES or len(content) > MAX_ZIP_RATIO * max(len(data), 1):
        raise refuse(tr("Cette archive se décompresse de façon anormale (bombe de décompression)."))
    return content


# A JSON string; one left open runs to the end of the text, so that a match never fails and the
# scan stays linear (a failing pattern retried at every escaped quote would be quadratic).
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*\\?(?:"|\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def check_depth(text: str, limit: int = MAX_DEPTH) -> None:
    """Refuse JSON nested deeper than `limit`, or holding more containers or values than a
    workshop could, before json.loads builds anything (no RecursionError, bounded memory)."""
    # Drop strings, then everything but brackets: both in C, so the Python loop stays short.
    bare = _STRING.sub('""', text)
    brackets = _NOT_BRACKET.sub("", bare)
    objects = brackets.count("{")
    if objects + brackets.count("[") > MAX_CONTAINERS:
        raise refuse(
            tr("Ce fichier contient trop d'éléments ({MAX_CONTAINERS} au plus).").format(
                MAX_CONTAINERS=MAX_CONTAINERS
            )
        )
    # Each value costs a Python object once parsed: 20 MB of « 1, » would be 10 million ints.
    values = bare.count(",")  # one comma between two values or two members
    allowed = min(MAX_VALUES, max(MAX_FLAT_VALUES, objects * VALUES_PER_OBJECT))
    if values > allowed:
        raise refuse(
            tr("Ce fichier contient trop de valeurs ({allowed} au plus).").format(allowed=allowed)
        )
    depth = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            if depth > limit:
                raise refuse(
                    tr(
                        "Ce fichier est imbriqué trop profondément ({limit} niveaux au plus)."
                    ).format(limit=limit)
                )
        elif ch in "]}":
            depth -= 1


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise refuse(tr("Ce fichier répète la clé « {key} ».").format(key=key[:40]))
        out[key] = value
    return out


def _no_constant(name: str) -> NoReturn:
    raise refuse(tr("Ce fichier contient une valeur non permise ({name}).").format(name=name))


def parse(data: bytes) -> dict[str, Any]:
    """The envelope as a dict: zip or plain JSON, UTF-8, depth-checked, no NaN, no duplicate keys."""
    if data.startswith(ZIP_MAGIC):
        data = unzip(data)
    elif len(data) > MAX_JSON_BYTES:
        raise refuse(tr("Ce fichier est trop gros."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(tr("Ce fichier n'est pas un atelier KitCOP (ni JSON ni archive).")) from None
    if not text.lstrip().startswith("{"):
        raise refuse(tr("Ce fichier n'est pas un atelier KitCOP."))
    check_depth(text)
    try:
        envelope = json.loads(
            text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant
        )
    except json.JSONDecodeError as exc:
        raise refuse(
            tr("Ce fichier est incomplet ou endommagé (ligne {lineno}, colonne {colno}).").format(
                lineno=exc.lineno, colno=exc.colno
            )
        ) from None
    except (ValueError, RecursionError):  # a 5000-digit number, or depth missed by the check
        raise refuse(tr("Ce fichier contient des valeurs illisibles.")) from None
    return check_header(envelope)


def check_header(envelope: object) -> dict[str, Any]:
    """Check format name, version and kind; a newer format is refused politely."""
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT_NAME:
        raise refuse(tr("Ce fichier n'est pas un atelier KitCOP."))
    version = envelope.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse(tr("La version du format de ce fichier est illisible."))
    if version > FORMAT_VERSION:
        app = envelope.get("app_version")
        made_by = f" ({app[:20]})" if isinstance(app, str) and app else ""
        raise refuse(
            tr(
                "Ce fichier vient d'une version plus récente de KitCOP Atelier{made_by} : format {version}, alors que cette version lit le format {FORMAT_VERSION}. Mettez l'application à jour pour l'ouvrir."
            ).format(made_by=made_by, version=version, FORMAT_VERSION=FORMAT_VERSION)
        )
    if envelope.get("kind") not in KINDS:
        raise refuse(
            tr(
                "Ce fichier KitCOP ne dit pas ce qu'il contient (atelier, déroulé, tableau ou chantier)."
            )
        )
    if not isinstance(envelope.get("tables"), dict):
        raise refuse(tr("Ce fichier KitCOP ne contient aucune donnée lisible."))
    return envelope
