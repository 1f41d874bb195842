"""The Help menu: keyboard shortcuts, where the settings live, About (with the version)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from exporter import __version__, default_config_path

from . import dialogs
from .settings import open_settings

APP_TITLE = "Article Exporter"

SHORTCUTS = (
    ("Ctrl+O", "Add article files"),
    ("Ctrl+Shift+O", "Add a folder of articles"),
    ("Ctrl+L", "Add a web page by its address"),
    ("Delete", "Remove the selected articles (in the list)"),
    ("Ctrl+E", "Export"),
    ("Ctrl+Shift+S", "Send the exported EPUBs to an e-reader"),
    ("Ctrl+,", "Delivery settings"),
    ("Page Up / Page Down", "Previous / next page in the preview"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
)


def shortcuts_html() -> str:
    rows = "".join(f"<tr><td><b>{escape(key)}</b>&nbsp;&nbsp;</td><td>{escape(what)}</td></tr>"
                   for key, what in SHORTCUTS)
    return f"<table>{rows}</table><p>Drag articles in the list to change a collection's order.</p>"


def where_things_live_html() -> str:
    return (f"<p><b>Delivery settings</b> (SMTP server, e-readers), shared with the command line:<br>"
            f"<code>{escape(str(default_config_path()))}</code></p>"
            f"<p><b>The SMTP password</b> is kept in the system keyring (service <code>article-exporter</code>), "
            f"never in a file.</p>"
            f"<p><b>This window's choices</b> (output folder, page size, window size):<br>"
            f"<code>{escape(open_settings().fileName())}</code></p>")


def about_html() -> str:
    return (f"<h3>{APP_TITLE} {escape(__version__)}</h3>"
            "<p>Turns saved news and opinion articles into an EPUB 3 for your e-reader and a print-ready PDF.</p>"
            "<p>The command line does the same: <code>exporter --help</code>.</p>")


def show(parent: QWidget, title: str, html: str) -> None:
    box = QMessageBox(QMessageBox.Icon.NoIcon, title, html, QMessageBox.StandardButton.Close, parent)
    box.setTextFormat(box.textFormat().RichText)
    dialogs.run_dialog(box)
