"""Regenerate docs/screenshots/*.png (not a test): ``python tests/gui/make_screenshots.py``.

Offscreen Qt, settings and outputs in a temporary folder; the sample article
loaded and its pages drawn before each shot: the main window with the page
preview, one during an export, the delivery settings dialog, one at 800×600 and
one in a dark palette.
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
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from gui.app import create_application  # noqa: E402
from gui.delivery_settings import DeliverySettingsDialog  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.theme import dark_palette  # noqa: E402

SEED = REPO / "source" / "act-of-repentance.txt"


def save(widget: QWidget, path: Path) -> None:
    """Grab the widget; 256 colours keep each PNG small in the repository and still sharp."""
    from PIL import Image

    widget.grab().save(str(path))
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def wait_until(condition, timeout_ms: int = 120_000) -> None:
    """Run the event loop until ``condition()`` holds (checked every 50 ms), or the timeout."""
    loop = QEventLoop()
    poll = QTimer(interval=50)
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(timeout_ms, loop.quit)
    poll.start()
    if not condition():
        loop.exec()
    poll.stop()


def pages_drawn(window: MainWindow) -> bool:
    return (all(entry.checked for entry in window.entries.values()) and window.preview.page_count() > 0
            and not window.preview.is_rendering() and not window._preview_timer.isActive())


def new_window(app: QApplication, size: tuple[int, int], page: int = 2) -> MainWindow:
    window = MainWindow()
    window.output_edit.setText(str(Path.home() / "Documents" / "Article Exporter"))
    window.output_edit.setCursorPosition(0)
    window.resize(*size)
    window.show()
    window.add_paths([SEED])
    wait_until(lambda: pages_drawn(window))
    window.preview.show_page(page)  # the article's first page, with its running head and folio
    for _ in range(5):
        app.processEvents()
    return window


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
        os.environ["XDG_CONFIG_HOME"] = str(work / "config")
        app = create_application(["screenshots"])

        window = new_window(app, (1280, 800))
        save(window, out_dir / "main-1280x800.png")
        window.resize(1024, 600)
        for _ in range(5):
            app.processEvents()
        save(window, out_dir / "main-1024x600.png")

        # During an export: three articles (one of them broken) so the list and results show both marks.
        inputs = work / "in"
        inputs.mkdir()
        shutil.copy(SEED, inputs / "khrushchev-anniversary.txt")
        shutil.copy(SEED, inputs / "act-of-repentance-reprint.txt")
        (inputs / "empty-download.txt").write_bytes(b"")
        window.resize(1280, 800)
        window.add_paths(sorted(inputs.iterdir()))
        wait_until(lambda: pages_drawn(window))
        window.output_edit.setText(str(work / "Article Exporter"))
        shots = {"done": False}

        def grab_once(_report) -> None:
            if not shots["done"] and window.results.count() >= 3:
                shots["done"] = True
                save(window, out_dir / "exporting-1280x800.png")

        loop = QEventLoop()
        window.fileReported.connect(grab_once)
        window.exportFinished.connect(lambda _report: loop.quit())
        QTimer.singleShot(180_000, loop.quit)
        window.start_export()
        loop.exec()
        window.close()

        config = work / "config" / "article-exporter" / "config.toml"
        config.parent.mkdir(parents=True)
        config.write_text('[smtp]\nhost = "smtp.example.org"\nport = 587\nsecurity = "starttls"\n'
                          'username = "me@example.org"\nfrom = "me@example.org"\n\n'
                          '[devices.kindle]\nemail = "me_123@kindle.com"\n\n'
                          '[devices.kobo]\npath = "/media/me/KOBOeReader"\n', "utf-8")
        dialog = DeliverySettingsDialog(None, config)
        dialog.resize(640, 560)
        dialog.show()
        for _ in range(5):
            app.processEvents()
        save(dialog, out_dir / "delivery-settings.png")
        dialog.close()

        small = new_window(app, (800, 600))
        save(small, out_dir / "main-800x600.png")
        small.close()

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        dark = new_window(app, (1280, 800))
        dark.preview.setCurrentIndex(1)  # the e-book view, which follows the palette
        for _ in range(5):
            app.processEvents()
        save(dark, out_dir / "dark-1280x800.png")
        dark.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "screenshots")
