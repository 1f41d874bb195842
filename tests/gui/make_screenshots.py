"""Regenerate docs/screenshots/*.png (not a test): ``python tests/gui/make_screenshots.py``.

Offscreen Qt, settings and outputs in a temporary folder; the seed article
loaded and selected; one shot during an export (grabbed when the first file
is done), one at 800×600 and one in a dark palette.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import create_application  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.theme import dark_palette  # noqa: E402

SEED = REPO / "source" / "act-of-repentance.txt"


def save(window: MainWindow, path: Path) -> None:
    """Grab the window; 256 colours keep each PNG small in the repository and still sharp."""
    from PIL import Image

    window.grab().save(str(path))
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def settle(app: QApplication, window: MainWindow, size: tuple[int, int]) -> None:
    window.resize(*size)
    for _ in range(5):
        app.processEvents()


def new_window(app: QApplication, work: Path, size: tuple[int, int]) -> MainWindow:
    window = MainWindow()
    window.output_edit.setText(str(Path.home() / "Documents" / "Article Exporter"))
    window.show()
    window.add_paths([SEED])
    settle(app, window, size)
    return window


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
        app = create_application(["screenshots"])

        window = new_window(app, work, (1280, 800))
        save(window, out_dir / "main-1280x800.png")

        # During an export: three articles (one of them broken) so the results list shows both kinds of line.
        inputs = work / "in"
        inputs.mkdir()
        shutil.copy(SEED, inputs / "khrushchev-anniversary.txt")
        shutil.copy(SEED, inputs / "act-of-repentance-reprint.txt")
        (inputs / "empty-download.txt").write_bytes(b"")
        window.add_paths(sorted(inputs.iterdir()))
        window.input_list.setCurrentRow(0)
        window.output_edit.setText(str(work / "Article Exporter"))
        loop = QEventLoop()
        shots = {"done": False}

        def grab_once(_report) -> None:
            if not shots["done"] and window.results.count() >= 3:
                shots["done"] = True
                save(window, out_dir / "exporting-1280x800.png")

        window.fileReported.connect(grab_once)
        window.exportFinished.connect(lambda _report: loop.quit())
        QTimer.singleShot(180_000, loop.quit)
        window.start_export()
        loop.exec()
        window.close()

        small = new_window(app, work, (800, 600))
        save(small, out_dir / "main-800x600.png")
        small.close()

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        dark = new_window(app, work, (1280, 800))
        save(dark, out_dir / "dark-1280x800.png")
        dark.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots")
