""""More options…": the export flags few people need (``--pdf-variant``, ``--style``,
``--no-smart-quotes``, ``--rules``, ``--force``, ``--max-pdf-chars``, ``--max-input-size``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from exporter import PDF_VARIANTS, ExporterError

from . import dialogs

DEFAULT_MAX_PDF_CHARS = 1_000_000  # as the CLI's --max-pdf-chars default
DEFAULT_MAX_INPUT_MB = 25  # as the CLI's --max-input-size default
_VARIANT_LABELS = {None: "Tagged PDF (default)", **{v: v.upper() for v in PDF_VARIANTS}}


class MoreOptionsDialog(QDialog):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("More export options")
        form = QFormLayout()
        self.variant_combo = QComboBox()
        self.variant_combo.setAccessibleName("PDF standard")
        self.variant_combo.setToolTip("PDF/A for archiving, PDF/UA for accessibility; the default is a tagged PDF")
        for variant, label in _VARIANT_LABELS.items():
            self.variant_combo.addItem(label, variant)
        self.variant_combo.currentIndexChanged.connect(self.changed)
        form.addRow("PDF &standard:", self.variant_combo)

        self.style_edit = self._file_row(form, "Your style&sheet:", "Your stylesheet",
                                         "A CSS file applied after ours (it may use only files in its own folder)",
                                         ("Choose…", "Choose a stylesheet", self._choose_style))

        self.smart_quotes_check = QCheckBox("&Typographic quotes and dashes")
        self.smart_quotes_check.setAccessibleName("Smart quotes")
        self.smart_quotes_check.setToolTip("Off: quotes, dashes and dots are kept as found")
        self.smart_quotes_check.setChecked(True)
        self.smart_quotes_check.toggled.connect(self.changed)
        form.addRow("Typography:", self.smart_quotes_check)

        self.rules_edit = self._file_row(form, "Cleaning &rules:", "Cleaning rules files",
                                         "Your own boilerplate rules (TOML), separated by ';'",
                                         ("Add…", "Add a rules file", self._add_rules))

        self.force_check = QCheckBox("Re&build books that are up to date")
        self.force_check.setAccessibleName("Rebuild up-to-date books")
        form.addRow("Rebuild:", self.force_check)
        self.max_pdf_chars = QSpinBox()
        self.max_pdf_chars.setAccessibleName("Longest article for PDF")
        self.max_pdf_chars.setRange(1000, 50_000_000)
        self.max_pdf_chars.setSingleStep(100_000)
        self.max_pdf_chars.setGroupSeparatorShown(True)
        self.max_pdf_chars.setSuffix(" characters")
        self.max_pdf_chars.setValue(DEFAULT_MAX_PDF_CHARS)
        form.addRow("Longest PDF text:", self.max_pdf_chars)
        self.max_input_mb = QSpinBox()
        self.max_input_mb.setAccessibleName("Largest input file")
        self.max_input_mb.setRange(1, 2000)
        self.max_input_mb.setSuffix(" MB")
        self.max_input_mb.setValue(DEFAULT_MAX_INPUT_MB)
        form.addRow("Largest input file:", self.max_input_mb)

        for spin in (self.max_pdf_chars, self.max_input_mb):
            spin.lineEdit().setAccessibleName(spin.accessibleName())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close the more options")
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _file_row(self, form: QFormLayout, label: str, name: str, tip: str, button_spec) -> QLineEdit:
        """A path field with a button beside it that picks the file."""
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText("none")
        edit.setToolTip(tip)
        edit.editingFinished.connect(self.changed)
        text, accessible, slot = button_spec
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        form.addRow(label, row)
        return edit

    def _choose_style(self) -> None:
        files = dialogs.ask_open_files(self, "Your stylesheet", str(Path.home()), "CSS (*.css);;All files (*)")
        if files:
            self.style_edit.setText(files[0])
            self.changed.emit()

    def _add_rules(self) -> None:
        files = dialogs.ask_open_files(self, "Cleaning rules", str(Path.home()), "TOML (*.toml);;All files (*)")
        if files:
            self.rules_edit.setText("; ".join([*self.rules_paths_text(), *files]))
            self.changed.emit()

    def rules_paths_text(self) -> list[str]:
        return [part.strip() for part in self.rules_edit.text().split(";") if part.strip()]

    def values(self) -> dict:
        """The `ExportOptions` fields set here; `ExporterError` when a file is missing."""
        style_text = self.style_edit.text().strip()
        style = Path(style_text).expanduser() if style_text else None
        if style is not None and not style.is_file():
            raise ExporterError(f"the stylesheet {style} is not a file (More options…)")
        rules = tuple(Path(p).expanduser() for p in self.rules_paths_text())
        for path in rules:
            if not path.is_file():
                raise ExporterError(f"the rules file {path} is not a file (More options…)")
        return {"pdf_variant": self.variant_combo.currentData(), "user_stylesheet": style,
                "smart_quotes": self.smart_quotes_check.isChecked(), "rules_files": rules,
                "force": self.force_check.isChecked(), "max_pdf_chars": self.max_pdf_chars.value()}

    def max_input_bytes(self) -> int:
        return self.max_input_mb.value() * 1_000_000

    def load(self, settings: QSettings) -> None:
        index = self.variant_combo.findData(settings.value("more/pdf_variant", None) or None)
        self.variant_combo.setCurrentIndex(max(index, 0))
        self.style_edit.setText(str(settings.value("more/style", "")))
        self.smart_quotes_check.setChecked(str(settings.value("more/smart_quotes", "true")) == "true")
        self.rules_edit.setText(str(settings.value("more/rules", "")))
        self.max_pdf_chars.setValue(int(settings.value("more/max_pdf_chars", DEFAULT_MAX_PDF_CHARS)))
        self.max_input_mb.setValue(int(settings.value("more/max_input_mb", DEFAULT_MAX_INPUT_MB)))

    def save(self, settings: QSettings) -> None:
        settings.setValue("more/pdf_variant", self.variant_combo.currentData() or "")
        settings.setValue("more/style", self.style_edit.text().strip())
        settings.setValue("more/smart_quotes", "true" if self.smart_quotes_check.isChecked() else "false")
        settings.setValue("more/rules", self.rules_edit.text().strip())
        settings.setValue("more/max_pdf_chars", self.max_pdf_chars.value())
        settings.setValue("more/max_input_mb", self.max_input_mb.value())
