"""The print worker: a child process that makes the printing screen's PDFs, so that reportlab,
its fonts and the memory a document's build leaves behind (≈ 25 MB) never load in the app.

    python -m kitcop_desktop.printing.worker LIBRARY_FILE

It opens the library read-only (no lock, nothing written: like `kitcop pdf` beside the app),
then answers one request per line on its standard input, a JSON object
`{"workshop": 3, "parts": ["all"], "lang": "fr"}`, with one answer on its standard output:

    PDF <n>\\n      then the n bytes of the PDF
    REFUSED <n>\\n  then n bytes of UTF-8: the French sentence saying why (unknown workshop…)
    FAILED 0\\n     anything else (the traceback goes to its standard error)

It ends when its standard input closes (the printing screen left, or the app gone), or after
IDLE_EXIT_S without a request (the app starts another when it needs one). The app's side is
tools/printing/print_worker.py; the worker prints in the app's language of each request.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback
from pathlib import Path
from typing import BinaryIO

# A screen left on « Impression » for long gives the worker's memory back.
IDLE_EXIT_S = 300.0


def _idle_exit() -> threading.Timer:
    timer = threading.Timer(IDLE_EXIT_S, os._exit, (0,))  # read-only: nothing to finish
    timer.daemon = True
    timer.start()
    return timer


def answer(out: BinaryIO, word: str, data: bytes = b"") -> None:
    out.write(f"{word} {len(data)}\n".encode("ascii") + data)
    out.flush()


def serve(db_path: Path, requests: BinaryIO, out: BinaryIO) -> int:
    from kitcop_desktop.i18n import requested_language, set_language
    from kitcop_desktop.printing.parts import render_pdf
    from kitcop_desktop.storage.errors import StoreError
    from kitcop_desktop.storage.migrate import open_for_reading

    set_language(requested_language())
    store = open_for_reading(db_path)
    idle = _idle_exit()
    try:
        for line in requests:
            idle.cancel()
            if not line.strip():
                idle = _idle_exit()
                continue
            try:
                request = json.loads(line)
                set_language(str(request.get("lang") or requested_language()))
                with store.read() as session:
                    data = render_pdf(session, int(request["workshop"]), list(request["parts"]))
            except (StoreError, ValueError) as exc:  # as the printing screen says them
                answer(out, "REFUSED", str(exc).encode("utf-8"))
            except Exception:
                traceback.print_exc()
                answer(out, "FAILED")
            else:
                answer(out, "PDF", data)
            idle = _idle_exit()
    finally:
        idle.cancel()
        store.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m kitcop_desktop.printing.worker LIBRARY_FILE", file=sys.stderr)
        return 2
    out = sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must never slip into an answer
    return serve(Path(args[0]), sys.stdin.buffer, out)


if __name__ == "__main__":
    sys.exit(main())
