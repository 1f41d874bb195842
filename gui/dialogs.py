"""Every dialog the GUI opens goes through a function here, so tests can
replace it (``monkeypatch.setattr(gui.dialogs, "ask_open_files", ...)``) and
never block on a modal window. Callers use ``dialogs.name(...)``, not
``from gui.dialogs import name``, for the patch to take effect."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


def ask_open_files(parent: QWidget, caption: str, start: str, name_filter: str) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, caption, start, name_filter)
    return files


def ask_folder(parent: QWidget, caption: str, start: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, caption, start)
    return folder or None


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def open_folder(path: Path) -> bool:
    """Show ``path`` in the platform's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def run_dialog(dialog: QDialog) -> int:
    """Show a modal dialog of ours and wait for it (tests replace this to drive the dialog)."""
    return dialog.exec()


def error(parent: QWidget, title: str, text: str) -> None:
    """Something went wrong or cannot be done: the error icon, not the information one."""
    QMessageBox.critical(parent, title, text)


def ask_text(parent: QWidget, title: str, label: str, placeholder: str = "") -> str | None:
    """One line of text (a web address …); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.resize(480, dialog.height())
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.setPlaceholderText(placeholder)
    return dialog.textValue().strip() or None if dialog.exec() else None
