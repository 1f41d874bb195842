"""The details form: title, author, date, language, publisher and bio of the selected article.

Each edit becomes a field of the entry's `MetaOverrides` (typing back what the
cleaner found removes it) and is checked at once with the core's own rules
(`exporter.validate_overrides`): the field in error is outlined and the
message, with the error icon, wraps below the form instead of being cut.
The file's own state (cannot be read, warnings) is shown above the fields.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QStyle, QWidget,
)

from exporter import ExporterError, MetaOverrides, validate_overrides

from .article_list import ArticleEntry

FIELDS = ("title", "author", "date", "language", "publisher", "bio")
LABELS = {"title": "&Title:", "author": "A&uthor:", "date": "&Date:", "language": "&Language:",
          "publisher": "&Publisher:", "bio": "&Bio:"}
HINTS = {"author": "Several: “A, B and C”", "date": "YYYY-MM-DD", "language": "e.g. en, en-GB, fr",
         "publisher": "Where it was first published", "bio": "About the author (shown at the end)"}
_FLAG_FIELD = {"title": "title", "author": "author", "date": "date", "lang": "language", "publisher": "publisher",
               "bio": "bio"}
INVALID_STYLE = "border: 2px solid #d32f2f; border-radius: 3px; padding: 1px 2px;"


def friendly(message: str) -> str:
    """The core's messages name CLI flags ("--date must be …"); the form names fields."""
    return re.sub(r"--(lang|[a-z]+)", lambda m: "Language" if m.group(1) == "lang" else m.group(1).capitalize(),
                  message, count=1)


def field_of(message: str) -> str | None:
    """The form field a core message is about (``--date must …`` → "date")."""
    match = re.search(r"--([a-z]+)", message)
    return _FLAG_FIELD.get(match.group(1)) if match else None


class MessageLine(QWidget):
    """An icon and a message that wraps (never clipped); hidden when there is nothing to say."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(accessible_name)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.setVisible(False)
        self.kind = ""

    def show_message(self, message: str | None, kind: str = "error") -> None:
        """``kind``: "error" or "warning" (the icon says which)."""
        self.kind = kind if message else ""
        self.text.setText(message or "")
        self.setToolTip(message or "")
        pixmap = {"error": QStyle.StandardPixmap.SP_MessageBoxCritical,
                  "warning": QStyle.StandardPixmap.SP_MessageBoxWarning}[kind]
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.setVisible(bool(message))


class DetailsForm(QGroupBox):
    edited = Signal(object)  # the entry whose overrides changed

    def __init__(self) -> None:
        super().__init__("Article details")
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # Both messages above the fields: on a low screen the form scrolls, and what is wrong
        # must be seen without scrolling (the field in error is outlined too).
        self.file_state = MessageLine("File state")
        form.addRow(self.file_state)
        self.message = MessageLine("Article details problem")
        form.addRow(self.message)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        for name in FIELDS:
            if name == "bio":
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setPlaceholderText(HINTS[name])
                widget.setMinimumHeight(54)
                widget.setMaximumHeight(110)
                widget.textChanged.connect(lambda n=name: self._on_edited(n))
            else:
                widget = QLineEdit()
                if name in HINTS:
                    widget.setPlaceholderText(HINTS[name])
                widget.textEdited.connect(lambda _text, n=name: self._on_edited(n))
            widget.setAccessibleName(LABELS[name].replace("&", "").rstrip(":"))
            widget.setAccessibleDescription("Overrides what was found in the article; used by the export")
            label = QLabel(LABELS[name])
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.fields[name] = widget
        self.reset_button = QPushButton("Reset to found values")
        self.reset_button.setAccessibleName("Reset the details to what the article says")
        self.reset_button.clicked.connect(self.reset)
        form.addRow("", self.reset_button)
        self.entry: ArticleEntry | None = None
        self._filling = False
        self.show_entry(None)

    # ------------------------------------------------------------ showing

    def show_entry(self, entry: ArticleEntry | None) -> None:
        self.entry = entry
        self._filling = True
        try:
            for name, widget in self.fields.items():
                value = entry.value(name) if entry is not None else ""
                if isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                else:
                    widget.setText(value)
                    widget.setCursorPosition(0)
        finally:
            self._filling = False
        usable = entry is not None and entry.cleaned is not None
        for widget in (*self.fields.values(), self.reset_button):
            widget.setEnabled(usable)
        self.setTitle(f"Article details — {entry.name}" if entry is not None else "Article details")
        self.show_file_state()
        self.validate()

    def show_file_state(self) -> None:
        entry = self.entry
        if entry is None:
            self.file_state.show_message(None)
        elif entry.status == "reading":
            self.file_state.show_message("Reading the file…", "warning")
        elif entry.load_error is not None:
            self.file_state.show_message(f"This file cannot be read: {entry.load_error}", "error")
        elif entry.warnings:
            self.file_state.show_message("\n".join(entry.warnings), "warning")
        else:
            self.file_state.show_message(None)

    # ------------------------------------------------------------ editing

    def _on_edited(self, name: str) -> None:
        if self._filling or self.entry is None or self.entry.cleaned is None:
            return
        widget = self.fields[name]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        # Same as found: no override, so a later re-clean of the file is not masked.
        value = None if text.strip() == self.entry.found(name).strip() else text.strip()
        self.entry.overrides = replace(self.entry.overrides, **{name: value})
        self.validate()
        self.edited.emit(self.entry)

    def set_field(self, name: str, text: str) -> None:
        """Type ``text`` into a field as the user would (tests, scripting)."""
        widget = self.fields[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)
            self._on_edited(name)

    def reset(self) -> None:
        if self.entry is not None:
            self.entry.overrides = MetaOverrides()
            self.show_entry(self.entry)
            self.edited.emit(self.entry)

    def validate(self) -> str | None:
        """Check the entry's edits with the core's rules; mark the field and say why. Returns the message."""
        entry = self.entry
        message = field = None
        if entry is not None:
            try:
                validate_overrides(entry.overrides)
            except ExporterError as err:
                raw = getattr(err, "message", str(err))
                message, field = friendly(raw), field_of(raw)
            entry.invalid = message
        for name, widget in self.fields.items():
            widget.setStyleSheet(INVALID_STYLE if name == field else "")
            widget.setToolTip(message if name == field else "")
        self.message.show_message(message, "error")
        return message
