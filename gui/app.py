"""``exporter-gui`` and ``python -m gui``: start the desktop application."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from .main_window import APP_TITLE, MainWindow
from .settings import APPLICATION, ORGANIZATION
from .theme import dark_palette, is_dark


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_TITLE)
    follow_dark_theme(app)
    return app


def follow_dark_theme(app: QApplication) -> None:
    """Some Linux desktops report a dark colour scheme while Qt's style keeps a light
    palette; switch to Fusion with a dark palette then, so the window matches the desktop."""
    hints = QGuiApplication.styleHints()
    wants_dark = hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark
    if wants_dark and not is_dark(app.palette()):
        app.setStyle("Fusion")
        app.setPalette(dark_palette())


def main(argv: list[str] | None = None) -> int:
    app = create_application(argv)
    window = MainWindow()
    paths = [a for a in (argv if argv is not None else sys.argv)[1:] if not a.startswith("-")]
    if paths:
        from pathlib import Path

        window.add_paths([Path(p) for p in paths])
    window.show()
    return app.exec()


__all__ = ["create_application", "main"]
