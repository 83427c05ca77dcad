"""Memory of the Impression tool's preview: pages drawn on demand versus every page drawn.

    .venv/bin/python bench/preview_memory.py        # writes bench/RESULTS-preview.md

The demo workshop's « Restitution complète » (with the interview sheets) is previewed in the
real PrintingEditor, offscreen, at 1024×700: resident memory is read before and after the
preview is on screen. Baseline, measured in the same run and process: the same preview with
every page drawn (what the preview did before, up to 40 pages at 720 px), by asking each page
label to draw. Best (lowest) of 3 runs, each in a fresh process.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent


def rss_mb() -> float:
    """Resident memory of this process (Linux /proc; elsewhere the peak from resource)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one_run(all_pages: bool) -> dict:
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication

    from kitcop_desktop.app import load_tool_specs
    from kitcop_desktop.storage.demo import create_demo
    from kitcop_desktop.storage.migrate import open_store
    from kitcop_desktop.tools.printing import preview as preview_module
    from kitcop_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "demo.sqlite3")
    workshop_id = create_demo(store)
    window = MainWindow(store, specs=load_tool_specs())  # the real shell, as the user opens it
    window.resize(1024, 740)
    window.show()
    window.open_workshop(workshop_id)
    for _ in range(20):
        app.processEvents()
    before = rss_mb()
    window.activate_tool("printing")  # the sidebar's « Impression »
    editor = window.current_editor()
    import time

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (editor.pdf and editor.preview.pages):
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
    pages = editor.preview.pages
    if all_pages:  # the former preview: every page drawn at once
        for index, label in enumerate(pages):
            if label.pixmap().isNull():
                import pypdfium2 as pdfium

                document = pdfium.PdfDocument(editor.pdf)
                image = preview_module.render_page(document, index, editor.preview._shown_width)
                document.close()
                label.setPixmap(QPixmap.fromImage(image))
    app.processEvents()
    after = rss_mb()
    drawn = len(editor.preview.drawn())
    return {"pages": len(pages), "drawn": drawn, "delta": after - before}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("lazy", "all"):
        print(json.dumps(one_run(sys.argv[1] == "all")))
        return
    results = {}
    for mode in ("lazy", "all"):
        runs = []
        for _ in range(3):
            out = subprocess.run(
                [sys.executable, __file__, mode],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        results[mode] = min(runs, key=lambda r: r["delta"])
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lazy, full = results["lazy"], results["all"]
    lines = [
        "# Impression preview memory — benchmark",
        "",
        "Written by `.venv/bin/python bench/preview_memory.py` (never by hand) on "
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {load:.1f}, Python {platform.python_version()}. Lowest of 3 fresh "
        "processes each.",
        "",
        "The demo's « Restitution complète » previewed in the real Impression tool at "
        "1024×700, offscreen; resident memory added by showing the preview.",
        "",
        "| preview | pages | pages drawn | memory added (MB) |",
        "| --- | ---: | ---: | ---: |",
        f"| pages drawn on demand (shipped) | {lazy['pages']} | {lazy['drawn']} | "
        f"{lazy['delta']:.1f} |",
        f"| baseline: every page drawn (the former preview) | {full['pages']} | "
        f"{full['drawn']} | {full['delta']:.1f} |",
    ]
    (ROOT / "RESULTS-preview.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(json.dumps({"written": str(ROOT / "RESULTS-preview.md")}))


if __name__ == "__main__":
    main()
