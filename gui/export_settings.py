"""Export settings: what the CLI's export flags say, as a form (the second builder of `ExportOptions`).

The common choices sit in the window (formats, page size, bleed, crop marks,
output folder, one book per article or one collection); the rare ones are in
"More options…" (`MoreOptionsDialog`: PDF/A or PDF/UA, your stylesheet, smart
quotes, cleaning rules, rebuilding, size limits). Every choice is remembered.
A wrong value outlines its field and says why under the form.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QRadioButton, QWidget,
)

from exporter import (
    DEFAULT_PAGE_SIZE, PAGE_SIZES, ExporterError, ExportOptions, MetaOverrides, PageSize, parse_length,
    parse_page_size,
)

from . import dialogs
from .details_form import INVALID_STYLE, MessageLine, friendly
from .more_options import MoreOptionsDialog


def page_size_label(size: PageSize) -> str:
    """``a4`` → "A4 · 210 × 297 mm", ``6x9in`` → "6 × 9 in"."""
    if size.name.endswith("in"):
        return f"{size.width_pt / 72:g} × {size.height_pt / 72:g} in"
    if size.name == "letter":
        return "US Letter · 8.5 × 11 in"
    return f"{size.name.upper()} · {size.width_pt / 72 * 25.4:.0f} × {size.height_pt / 72 * 25.4:.0f} mm"


def _accessible(widget: QWidget, name: str, tip: str | None = None) -> QWidget:
    widget.setAccessibleName(name)
    if tip:
        widget.setToolTip(tip)
    return widget


class ExportSettingsPanel(QGroupBox):
    changed = Signal()  # a choice that changes the book (the preview follows)
    stateChanged = Signal()  # something the Export button's state depends on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Export settings", parent)
        self.more = MoreOptionsDialog(self)
        self.more.changed.connect(self.changed)
        grid = QGridLayout(self)
        # Four columns (label, field, label, field): the panel sits under the article details,
        # so the preview beside it gets the window's whole height.
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.epub_check = _accessible(QCheckBox("EP&UB"), "Export EPUB")
        self.pdf_check = _accessible(QCheckBox("P&DF"), "Export PDF")
        for check in (self.epub_check, self.pdf_check):
            check.setChecked(True)
            check.toggled.connect(self.stateChanged)
        self.page_size_combo = _accessible(QComboBox(), "PDF page size", "A preset, or a custom size such as 140x216mm")
        self.page_size_combo.setEditable(True)  # a custom size such as 140x216mm may be typed
        for key, size in PAGE_SIZES.items():
            self.page_size_combo.addItem(page_size_label(size), key)
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(DEFAULT_PAGE_SIZE))
        self.page_size_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.page_size_combo.setMinimumContentsLength(10)
        self.page_size_combo.currentTextChanged.connect(self.changed)
        self.bleed_combo = _accessible(QComboBox(), "PDF bleed",
                                       "Extra paper beyond the trim for a printer: none, 3mm, 0.125in …")
        self.bleed_combo.setEditable(True)
        self.bleed_combo.addItems(["none", "3mm", "0.125in"])
        self.bleed_combo.currentTextChanged.connect(self.changed)
        self.crop_marks_check = _accessible(QCheckBox("Crop &marks"), "Crop marks",
                                            "Marks where the printer cuts (they sit in the bleed; "
                                            "KDP and Lulu refuse them)")
        self.crop_marks_check.toggled.connect(self.changed)
        page_label = QLabel("Page si&ze:")
        page_label.setBuddy(self.page_size_combo)
        bleed_label = QLabel("Bl&eed:")
        bleed_label.setBuddy(self.bleed_combo)
        formats = QHBoxLayout()
        formats.addWidget(self.epub_check)
        formats.addWidget(self.pdf_check)
        formats.addStretch(1)
        grid.addWidget(QLabel("Formats:"), 0, 0)
        grid.addLayout(formats, 0, 1)
        grid.addWidget(page_label, 1, 0)
        grid.addWidget(self.page_size_combo, 1, 1)
        grid.addWidget(bleed_label, 1, 2)
        grid.addWidget(self.bleed_combo, 1, 3)
        grid.addWidget(self.crop_marks_check, 0, 2, 1, 2)
        self.more_button = _accessible(QPushButton("More options…"), "More export options",
                                       "PDF/A and PDF/UA, your stylesheet, smart quotes, cleaning rules …")
        self.more_button.clicked.connect(lambda: dialogs.run_dialog(self.more))


        self.output_edit = _accessible(QLineEdit(), "Output folder", "Where the books are written (remembered)")
        self.output_edit.textChanged.connect(self.stateChanged)
        self.output_button = _accessible(QPushButton("Choose…"), "Choose the output folder")
        self.output_button.clicked.connect(self.choose_output_folder)
        output_label = QLabel("&Output folder:")
        output_label.setBuddy(self.output_edit)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.output_button)
        grid.addWidget(output_label, 2, 0)
        grid.addLayout(output_row, 2, 1, 1, 3)

        self.per_article_radio = _accessible(QRadioButton("One book per a&rticle"), "One book per article")
        self.collection_radio = _accessible(QRadioButton("One &collection, titled:"),
                                            "One collection of all articles")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.per_article_radio)
        self.mode_group.addButton(self.collection_radio)
        self.per_article_radio.setChecked(True)
        self.collection_radio.toggled.connect(self.changed)
        self.collection_radio.toggled.connect(self.stateChanged)
        self.collection_title = _accessible(QLineEdit(), "Collection title",
                                            "The collection's title; its articles follow the list's order "
                                            "(drag them, or sort the list)")
        self.collection_title.setPlaceholderText("Title of the collection")
        self.collection_title.textChanged.connect(self.stateChanged)
        self.collection_title.editingFinished.connect(self.changed)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.per_article_radio)
        mode_row.addStretch(1)
        mode_row.addWidget(self.more_button)
        collection_row = QHBoxLayout()
        collection_row.addWidget(self.collection_radio)
        collection_row.addWidget(self.collection_title, 1)
        grid.addWidget(QLabel("Books:"), 3, 0)
        grid.addLayout(mode_row, 3, 1, 1, 3)
        grid.addLayout(collection_row, 4, 1, 1, 3)
        self.message = MessageLine("Export settings problem")
        grid.addWidget(self.message, 5, 0, 1, 4)

    # ------------------------------------------------------------ reading the form

    def formats(self) -> list[str]:
        return [name for name, check in (("epub", self.epub_check), ("pdf", self.pdf_check)) if check.isChecked()]

    def page_size_text(self) -> str:
        index = self.page_size_combo.currentIndex()
        text = self.page_size_combo.currentText().strip()
        if index >= 0 and self.page_size_combo.itemText(index) == text:
            return str(self.page_size_combo.itemData(index))
        return text

    def collection(self) -> str | None:
        """The collection's title when one collection is asked for, else None."""
        return self.collection_title.text().strip() or None if self.collection_radio.isChecked() else None

    def build_options(self, *, for_preview: bool = False, overrides: MetaOverrides | None = None) -> ExportOptions:
        """The export options from the form; `ExporterError` (with the field outlined) says what is wrong.

        ``for_preview``: the output folder and formats do not matter (the preview writes nothing)."""
        problem_widget = None
        try:
            problem_widget = self.page_size_combo
            page_size = parse_page_size(self.page_size_text())
            problem_widget = self.bleed_combo
            bleed_text = self.bleed_combo.currentText().strip().replace(" ", "")
            bleed = 0.0 if bleed_text.lower() in ("", "0", "none") else parse_length(bleed_text)
            if self.crop_marks_check.isChecked() and bleed == 0:
                raise ExporterError("crop marks need a bleed (the marks sit in the bleed area)")
            problem_widget = self.output_edit
            output = self.output_edit.text().strip()
            if not output and not for_preview:
                raise ExporterError("choose an output folder")
            problem_widget = self.collection_title
            if self.collection_radio.isChecked() and not self.collection_title.text().strip() and not for_preview:
                raise ExporterError("give the collection a title")
            problem_widget = None
            more = self.more.values()
            options = ExportOptions(
                # The preview always lays out the PDF; which formats are exported does not change it.
                formats=("pdf",) if for_preview else tuple(self.formats()),
                output_dir=Path(output or ".").expanduser(), page_size=page_size, bleed_pt=bleed,
                crop_marks=self.crop_marks_check.isChecked(), overrides=overrides or MetaOverrides(), **more)
        except ExporterError as err:
            self.show_problem(problem_widget, friendly(getattr(err, "message", str(err))))
            raise
        self.show_problem(None, None)
        return options

    def show_problem(self, widget: QWidget | None, message: str | None) -> None:
        for candidate in (self.page_size_combo, self.bleed_combo, self.output_edit, self.collection_title):
            candidate.setStyleSheet(INVALID_STYLE if candidate is widget else "")
        if widget is None and message:
            self.more_button.setStyleSheet(INVALID_STYLE)
        else:
            self.more_button.setStyleSheet("")
        self.message.show_message(message[:1].upper() + message[1:] if message else None, "error")

    def set_running(self, running: bool) -> None:
        """The running export keeps the settings it started with: freeze them so the window says so."""
        pdf = self.pdf_check.isChecked() and not running
        for widget in (self.page_size_combo, self.bleed_combo, self.crop_marks_check):
            widget.setEnabled(pdf)
        self.collection_title.setEnabled(self.collection_radio.isChecked() and not running)
        for widget in (self.output_edit, self.output_button, self.epub_check, self.pdf_check,
                       self.per_article_radio, self.collection_radio, self.more_button):
            widget.setEnabled(not running)

    def choose_output_folder(self) -> None:
        folder = dialogs.ask_folder(self, "Output folder", self.output_edit.text().strip() or str(Path.home()))
        if folder:
            self.output_edit.setText(folder)

    def focus_chain(self) -> list[QWidget]:
        return [self.epub_check, self.pdf_check, self.crop_marks_check, self.page_size_combo, self.bleed_combo,
                self.output_edit, self.output_button, self.per_article_radio, self.more_button,
                self.collection_radio, self.collection_title]

    # ------------------------------------------------------------ remembering

    def load(self, settings: QSettings) -> None:
        default_dir = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()) / "Article Exporter"
        self.output_edit.setText(str(settings.value("export/output_dir", str(default_dir))))
        self.output_edit.setCursorPosition(0)  # the start of the path says where it is
        formats = str(settings.value("export/formats", "epub,pdf")).split(",")
        self.epub_check.setChecked("epub" in formats)
        self.pdf_check.setChecked("pdf" in formats)
        page = str(settings.value("export/page_size", DEFAULT_PAGE_SIZE))
        index = self.page_size_combo.findData(page)
        if index >= 0:
            self.page_size_combo.setCurrentIndex(index)
        else:
            self.page_size_combo.setEditText(page)
        self.bleed_combo.setEditText(str(settings.value("export/bleed", "none")))
        self.crop_marks_check.setChecked(str(settings.value("export/crop_marks", "false")) == "true")
        self.collection_title.setText(str(settings.value("export/collection_title", "")))
        self.collection_radio.setChecked(settings.value("export/mode", "single") == "collection")
        self.more.load(settings)

    def save(self, settings: QSettings) -> None:
        settings.setValue("export/output_dir", self.output_edit.text().strip())
        settings.setValue("export/formats", ",".join(self.formats()))
        settings.setValue("export/page_size", self.page_size_text())
        settings.setValue("export/bleed", self.bleed_combo.currentText().strip())
        settings.setValue("export/crop_marks", "true" if self.crop_marks_check.isChecked() else "false")
        settings.setValue("export/mode", "collection" if self.collection_radio.isChecked() else "single")
        settings.setValue("export/collection_title", self.collection_title.text().strip())
        self.more.save(settings)
