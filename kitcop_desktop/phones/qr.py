"""The QR code of a phones' URL, as rows of dark (True) and light modules, quiet zone
included, for the room screen to paint at any size (segno: pure Python, well kept)."""

from __future__ import annotations

import segno


def qr_modules(url: str, border: int = 4) -> list[list[bool]]:
    code = segno.make_qr(url, error="m")
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=border)]
