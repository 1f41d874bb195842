"""The results of the last export: one line per article (the files written, or why it failed)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QStyle, QVBoxLayout

from exporter import FileReport, is_url


def short_error(report: FileReport) -> str:
    """The core's one-line error without the input's path in front: the line already names the file."""
    error = report.error or ""
    prefix = f"{report.input}: "
    return error[len(prefix):] if error.startswith(prefix) else error


def output_names(report: FileReport) -> str:
    return ", ".join(Path(output["path"]).name for output in report.outputs)


class ResultsBox(QGroupBox):
    def __init__(self) -> None:
        super().__init__("Results")
        self.list = QListWidget()
        self.list.setAccessibleName("Export results")
        self.list.setAccessibleDescription("One line per article: the files written, or why it failed")
        self.list.setWordWrap(True)
        self.list.setIconSize(QSize(16, 16))
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        self.setVisible(False)

    def start(self) -> None:
        self.list.clear()
        self.setTitle("Results")
        self.setVisible(True)

    def add_report(self, report: FileReport) -> None:
        whole = report.input.startswith("collection") or is_url(report.input)  # a URL is shown as typed
        name = report.input if whole else Path(report.input).name
        pixmap = QStyle.StandardPixmap
        if not report.ok:
            icon, text = pixmap.SP_MessageBoxCritical, f"{name} — {short_error(report)}"
        elif report.skipped:
            icon, text = pixmap.SP_DialogApplyButton, f"{name} — up to date: {output_names(report)}"
        elif report.warnings:
            icon, text = pixmap.SP_MessageBoxWarning, f"{name} → {output_names(report) or 'read'}"
        else:
            icon, text = pixmap.SP_DialogApplyButton, f"{name} → {output_names(report) or 'read'}"
        item = QListWidgetItem(self.style().standardIcon(icon), text)
        tip = report.error or "\n".join([text, *report.warnings])
        item.setToolTip(tip)  # the full message, with the whole path
        self.list.addItem(item)
        self.list.scrollToBottom()

    def add_notice(self, notice: str) -> None:
        self.list.addItem(QListWidgetItem(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
                                          notice))

    def count(self) -> int:
        return self.list.count()

    def item(self, row: int) -> QListWidgetItem:
        return self.list.item(row)
