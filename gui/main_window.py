"""The main window: inputs on the left, the article as the book will show it on
the right, export settings and progress along the bottom.

Each input keeps its own `MetaOverrides` (the GUI's form is the second builder
of export options, beside the CLI's flags); the export passes them to
`export_batch(overrides_by_path=...)` so every article goes out with its own
edits, in one book each or in one collection.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QSize, QStandardPaths, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QPlainTextEdit, QProgressBar, QPushButton,
    QRadioButton, QScrollArea, QSplitter, QStyle, QTextBrowser, QVBoxLayout, QWidget,
)

from exporter import (
    DEFAULT_PAGE_SIZE, PAGE_SIZES, SUPPORTED_SUFFIXES, Article, BatchReport, ExporterError, ExportOptions,
    FileReport, MetaOverrides, PageSize, load_article, parse_length, parse_page_size, prepared_article, preview_fonts,
    preview_html,
)

from . import dialogs, ereader
from .settings import open_settings
from .worker import ExportJob, ExportWorker, start_export

log = logging.getLogger(__name__)

APP_TITLE = "Article Exporter"
FIELDS = ("title", "author", "date", "language", "publisher", "bio")
_INPUT_FILTER = "Articles ({});;All files (*)".format(" ".join(f"*{s}" for s in SUPPORTED_SUFFIXES))
_PATH_ROLE = Qt.ItemDataRole.UserRole
_EMPTY_PREVIEW = (
    "<html><body><h2>No article selected</h2>"
    "<p>Add articles with <b>Add files…</b> (Ctrl+O) or <b>Add folder…</b>, or drag them from your "
    "file manager onto this window. Select one to see it as it will appear in the book.</p></body></html>"
)


@dataclass
class ArticleEntry:
    """One input and what the user said about it."""

    path: Path
    overrides: MetaOverrides = field(default_factory=MetaOverrides)
    cleaned: Article | None = None  # as the cleaner found it; loaded on first selection
    load_error: str | None = None
    invalid: str | None = None  # why the current overrides cannot be used (e.g. a bad date)

    def found(self, name: str) -> str:
        """The cleaner's value of a form field, as text."""
        if self.cleaned is None:
            return ""
        meta = self.cleaned.meta
        return {
            "title": meta.title, "author": meta.author or "", "date": meta.date or "",
            "language": meta.language, "publisher": meta.publisher or "",
            "bio": meta.bio.text if meta.bio else "",
        }[name]


def page_size_label(size: PageSize) -> str:
    """``a4`` → "A4 · 210 × 297 mm", ``6x9in`` → "6 × 9 in"."""
    if size.name.endswith("in"):
        return f"{size.width_pt / 72:g} × {size.height_pt / 72:g} in"
    if size.name == "letter":
        return "US Letter · 8.5 × 11 in"
    return f"{size.name.upper()} · {size.width_pt / 72 * 25.4:.0f} × {size.height_pt / 72 * 25.4:.0f} mm"


def friendly(message: str) -> str:
    """The core's messages name CLI flags ("--date must be …"); the form names fields."""
    return re.sub(r"--(lang|[a-z]+)", lambda m: "Language" if m.group(1) == "lang" else m.group(1).capitalize(),
                  message, count=1)


_fonts_registered = False


def register_book_fonts() -> None:
    """Let the preview use the book's typeface (once per process)."""
    global _fonts_registered
    if not _fonts_registered:
        for font in preview_fonts():
            if QFontDatabase.addApplicationFont(str(font)) < 0:
                log.warning("could not load the book font %s; the preview uses a system serif", font)
        _fonts_registered = True


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; folders searched for article files (hidden ones skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        elif path.is_file():
            found.append(path)
    return found


class MainWindow(QMainWindow):
    exportStarted = Signal(object)  # ExportWorker
    fileReported = Signal(object)  # FileReport, after the window has listed it
    exportFinished = Signal(object)  # BatchReport, after the window has shown it

    def __init__(self) -> None:
        super().__init__()
        register_book_fonts()
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.entries: dict[Path, ArticleEntry] = {}
        self.worker: ExportWorker | None = None
        self._thread: QThread | None = None
        self._filling_form = False
        self._last_output_dir: Path | None = None
        self._last_outputs: list[Path] = []  # every file the last export wrote (or found up to date)
        self._preview_timer = QTimer(self, singleShot=True, interval=250)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._set_tab_order()
        self._load_settings()
        self._update_state()

    # ------------------------------------------------------------ building

    def _action(self, text: str, slot, shortcut: QKeySequence | str | None = None, icon=None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        # Explicit key strings: QKeySequence.Quit is empty on Windows, and the issue asks for Ctrl+Q everywhere.
        self.add_files_action = self._action("&Add files…", self.choose_files, "Ctrl+O", sp.SP_FileIcon,
                                             "Add article files (Ctrl+O)")
        self.add_folder_action = self._action("Add &folder…", self.choose_folder, "Ctrl+Shift+O", sp.SP_DirIcon,
                                              "Add every article file in a folder")
        self.remove_action = self._action("&Remove", self.remove_selected, QKeySequence.StandardKey.Delete,
                                          sp.SP_TrashIcon, "Remove the selected articles from the list")
        self.export_action = self._action("&Export", self.start_export, "Ctrl+E", sp.SP_DialogSaveButton,
                                          "Export the articles (Ctrl+E)")
        self.cancel_action = self._action("&Cancel export", self.cancel_export, None, sp.SP_DialogCancelButton,
                                          "Stop after the file being written")
        self.open_output_action = self._action("&Open output folder", self.open_output_folder, None,
                                               sp.SP_DirOpenIcon, "Show the exported books in the file manager")
        self.send_action = self._action("&Send to e-reader…", self.send_to_ereader, None, None,
                                        "Send the exported EPUBs to a configured e-reader")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        for action in (self.remove_action,):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.add_files_action, self.add_folder_action, self.remove_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        export_menu = self.menuBar().addMenu("&Export")
        export_menu.addActions([self.export_action, self.cancel_action, self.open_output_action])
        export_menu.addSeparator()
        export_menu.addAction(self.send_action)

    def _build_ui(self) -> None:
        self.input_list = QListWidget()
        self.input_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.input_list.setAccessibleName("Articles to export")
        self.input_list.setAccessibleDescription("The input files; select one to preview and edit it")
        self.input_list.currentItemChanged.connect(self._on_current_changed)
        self.input_list.itemSelectionChanged.connect(self._update_state)
        self.input_list.addAction(self.remove_action)

        self.add_files_button = self._button("Add files…", "Add article files", self.choose_files)
        self.add_folder_button = self._button("Add folder…", "Add a folder of articles", self.choose_folder)
        self.remove_button = self._button("Remove", "Remove the selected articles", self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        inputs_box = QGroupBox("Articles")
        inputs_layout = QVBoxLayout(inputs_box)
        inputs_layout.addWidget(self.input_list)
        inputs_layout.addLayout(buttons)

        self.details_box = self._build_details()

        # Scrolls rather than forcing a tall window: the form must fit at 800×600.
        details_scroll = QScrollArea()
        details_scroll.setWidget(self.details_box)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.input_list.setMinimumHeight(60)
        self.input_list.setIconSize(QSize(16, 16))

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(inputs_box)
        left.addWidget(details_scroll)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setChildrenCollapsible(False)

        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(False)
        self.preview.setOpenLinks(False)  # a link click must not replace the preview
        self.preview.setAcceptDrops(False)
        self.preview.setAccessibleName("Preview")
        self.preview.setAccessibleDescription("The selected article as it will appear in the book")
        self.preview.document().setDocumentMargin(18)
        self.preview.setHtml(_EMPTY_PREVIEW)

        self.results = QListWidget()
        self.results.setAccessibleName("Export results")
        self.results.setAccessibleDescription("One line per article: the files written, or why it failed")
        self.results.setWordWrap(True)
        self.results.setIconSize(QSize(16, 16))
        self.results_box = QGroupBox("Results")
        results_layout = QVBoxLayout(self.results_box)
        results_layout.addWidget(self.results)
        self.results_box.setVisible(False)

        right = QSplitter(Qt.Orientation.Vertical)
        preview_box = QGroupBox("Preview")
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview)
        right.addWidget(preview_box)
        right.addWidget(self.results_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(right)
        self.main_splitter.setStretchFactor(0, 2)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setChildrenCollapsible(False)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.main_splitter, 1)
        layout.addWidget(self._build_export_box())
        layout.addLayout(self._build_action_row())
        self.setCentralWidget(central)
        self.statusBar().showMessage("Add articles to begin.")

        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.add_files_action, self.add_folder_action, self.remove_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_action, self.send_action])

    def _button(self, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

    def _build_details(self) -> QGroupBox:
        box = QGroupBox("Article details")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = {"title": "&Title:", "author": "A&uthor:", "date": "&Date:", "language": "&Language:",
                  "publisher": "&Publisher:", "bio": "&Bio:"}
        hints = {"author": "Several: “A, B and C”", "date": "YYYY-MM-DD", "language": "e.g. en, en-GB, fr",
                 "publisher": "Where it was first published", "bio": "About the author (shown at the end)"}
        for name in FIELDS:
            if name == "bio":
                widget = QPlainTextEdit()
                widget.setTabChangesFocus(True)
                widget.setPlaceholderText(hints[name])
                widget.setMinimumHeight(54)
                widget.setMaximumHeight(120)  # the article list gets the rest of the column
                widget.textChanged.connect(lambda n=name: self._on_field_edited(n))
            else:
                widget = QLineEdit()
                if name in hints:
                    widget.setPlaceholderText(hints[name])
                widget.textEdited.connect(lambda _text, n=name: self._on_field_edited(n))
            widget.setAccessibleName(labels[name].replace("&", "").rstrip(":"))
            widget.setAccessibleDescription("Overrides what was found in the article; used by the export")
            label = QLabel(labels[name])
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.fields[name] = widget
        self.form_message = QLabel()
        self.form_message.setWordWrap(True)
        self.form_message.setAccessibleName("Article details problem")
        self.reset_button = self._button("Reset to found values", "Reset the details to what the article says",
                                         self.reset_overrides)
        row = QHBoxLayout()
        row.addWidget(self.form_message, 1)
        row.addWidget(self.reset_button)
        form.addRow(row)
        return box

    def _build_export_box(self) -> QGroupBox:
        box = QGroupBox("Export settings")
        grid = QGridLayout(box)
        grid.setColumnStretch(6, 1)

        self.epub_check = QCheckBox("EP&UB")
        self.epub_check.setAccessibleName("Export EPUB")
        self.pdf_check = QCheckBox("P&DF")
        self.pdf_check.setAccessibleName("Export PDF")
        for check in (self.epub_check, self.pdf_check):
            check.setChecked(True)
            check.toggled.connect(self._update_state)
        self.page_size_combo = QComboBox()
        self.page_size_combo.setEditable(True)  # a custom size such as 140x216mm may be typed
        self.page_size_combo.setAccessibleName("PDF page size")
        self.page_size_combo.setToolTip("A preset, or a custom size such as 140x216mm")
        for key, size in PAGE_SIZES.items():
            self.page_size_combo.addItem(page_size_label(size), key)
        self.page_size_combo.setCurrentIndex(self.page_size_combo.findData(DEFAULT_PAGE_SIZE))
        self.page_size_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.bleed_combo = QComboBox()
        self.bleed_combo.setEditable(True)
        self.bleed_combo.setAccessibleName("PDF bleed")
        self.bleed_combo.setToolTip("Extra paper beyond the trim for a printer: none, 3mm, 0.125in …")
        self.bleed_combo.addItems(["none", "3mm", "0.125in"])
        page_label = QLabel("Page si&ze:")
        page_label.setBuddy(self.page_size_combo)
        bleed_label = QLabel("Bl&eed:")
        bleed_label.setBuddy(self.bleed_combo)
        formats_label = QLabel("Formats:")

        grid.addWidget(formats_label, 0, 0)
        formats = QHBoxLayout()
        formats.addWidget(self.epub_check)
        formats.addWidget(self.pdf_check)
        grid.addLayout(formats, 0, 1)
        grid.addWidget(page_label, 0, 2)
        grid.addWidget(self.page_size_combo, 0, 3)
        grid.addWidget(bleed_label, 0, 4)
        grid.addWidget(self.bleed_combo, 0, 5)

        self.output_edit = QLineEdit()
        self.output_edit.setAccessibleName("Output folder")
        self.output_edit.setToolTip("Where the books are written (remembered)")
        self.output_button = self._button("Choose…", "Choose the output folder", self.choose_output_folder)
        output_label = QLabel("&Output folder:")
        output_label.setBuddy(self.output_edit)
        grid.addWidget(output_label, 1, 0)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_edit, 1)
        output_row.addWidget(self.output_button)
        grid.addLayout(output_row, 1, 1, 1, 6)

        self.per_article_radio = QRadioButton("One book per a&rticle")
        self.per_article_radio.setAccessibleName("One book per article")
        self.collection_radio = QRadioButton("One &collection, titled:")
        self.collection_radio.setAccessibleName("One collection of all articles")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.per_article_radio)
        self.mode_group.addButton(self.collection_radio)
        self.per_article_radio.setChecked(True)
        self.collection_radio.toggled.connect(self._update_state)
        self.collection_title = QLineEdit()
        self.collection_title.setAccessibleName("Collection title")
        self.collection_title.setPlaceholderText("Title of the collection")
        self.collection_title.textChanged.connect(self._update_state)
        grid.addWidget(QLabel("Books:"), 2, 0)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.per_article_radio)
        mode_row.addSpacing(12)
        mode_row.addWidget(self.collection_radio)
        mode_row.addWidget(self.collection_title, 1)
        grid.addLayout(mode_row, 2, 1, 1, 6)
        return box

    def _build_action_row(self) -> QHBoxLayout:
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setFormat("")  # nothing to count until an export starts
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.export_button = self._button("Export", "Export the articles", self.start_export)
        self.export_button.setDefault(True)
        self.export_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.cancel_button = self._button("Cancel", "Cancel the export", self.cancel_export)
        self.open_button = self._button("Open output folder", "Open the output folder", self.open_output_folder)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.export_button)
        return row

    def _set_tab_order(self) -> None:
        chain = [self.input_list, self.add_files_button, self.add_folder_button, self.remove_button,
                 *self.fields.values(), self.reset_button, self.epub_check, self.pdf_check,
                 self.page_size_combo, self.bleed_combo, self.output_edit, self.output_button,
                 self.per_article_radio, self.collection_radio, self.collection_title,
                 self.open_button, self.cancel_button, self.export_button, self.preview, self.results]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ settings

    def _load_settings(self) -> None:
        settings = open_settings()
        default_dir = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home()) / "Article Exporter"
        self.output_edit.setText(str(settings.value("export/output_dir", str(default_dir))))
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
        self.collection_title.setText(str(settings.value("export/collection_title", "")))
        self.collection_radio.setChecked(settings.value("export/mode", "single") == "collection")
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 760)

    def save_settings(self) -> None:
        settings = open_settings()
        settings.setValue("export/output_dir", self.output_edit.text().strip())
        settings.setValue("export/formats", ",".join(self._formats()))
        settings.setValue("export/page_size", self._page_size_text())
        settings.setValue("export/bleed", self.bleed_combo.currentText().strip())
        settings.setValue("export/mode", "collection" if self.collection_radio.isChecked() else "single")
        settings.setValue("export/collection_title", self.collection_title.text().strip())
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()

    # ------------------------------------------------------------ inputs

    def choose_files(self) -> None:
        files = dialogs.ask_open_files(self, "Add articles", self._start_folder(), _INPUT_FILTER)
        self.add_paths([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = dialogs.ask_folder(self, "Add a folder of articles", self._start_folder())
        if folder:
            self.add_paths([Path(folder)])

    def _start_folder(self) -> str:
        return str(open_settings().value("inputs/last_folder", str(Path.home())))

    def add_paths(self, paths: list[Path]) -> int:
        """Add files (and the article files inside folders); returns how many were new."""
        added = 0
        first_new: QListWidgetItem | None = None
        for path in expand_inputs([Path(p) for p in paths]):
            key = path.resolve()
            if key in self.entries:
                continue
            self.entries[key] = ArticleEntry(key)
            item = QListWidgetItem(path.name)
            item.setData(_PATH_ROLE, str(key))
            item.setToolTip(str(key))
            self.input_list.addItem(item)
            first_new = first_new or item
            added += 1
        if paths:
            last = Path(paths[-1])
            open_settings().setValue("inputs/last_folder", str(last if last.is_dir() else last.parent))
        if first_new is not None and self.input_list.currentItem() is None:
            self.input_list.setCurrentItem(first_new)
        skipped = len(paths) - added if added == 0 else 0
        self.statusBar().showMessage(
            f"Added {added} article{'s' if added != 1 else ''}." if added or not skipped
            else "Nothing new to add (already listed, or no article files found).", 5000)
        self._update_state()
        return added

    def remove_selected(self) -> None:
        for item in self.input_list.selectedItems():
            self.entries.pop(Path(item.data(_PATH_ROLE)), None)
            self.input_list.takeItem(self.input_list.row(item))
        if self.input_list.count() == 0:
            self._show_entry(None)
        self._update_state()

    def current_entry(self) -> ArticleEntry | None:
        item = self.input_list.currentItem()
        return self.entries.get(Path(item.data(_PATH_ROLE))) if item is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_paths(paths)
            event.acceptProposedAction()

    # ------------------------------------------------------------ details and preview

    def _on_current_changed(self, current: QListWidgetItem | None, _previous=None) -> None:
        self._show_entry(self.entries.get(Path(current.data(_PATH_ROLE))) if current is not None else None)

    def _show_entry(self, entry: ArticleEntry | None) -> None:
        if entry is not None and entry.cleaned is None and entry.load_error is None:
            try:
                entry.cleaned = load_article(entry.path)
            except ExporterError as err:
                entry.load_error = str(err)
        self._filling_form = True
        try:
            for name, widget in self.fields.items():
                value = "" if entry is None else (getattr(entry.overrides, name) if getattr(entry.overrides, name)
                                                  is not None else entry.found(name))
                if isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                else:
                    widget.setText(value)
                    widget.setCursorPosition(0)
        finally:
            self._filling_form = False
        self.details_box.setEnabled(entry is not None and entry.cleaned is not None)
        self.details_box.setTitle(f"Article details — {entry.path.name}" if entry is not None else "Article details")
        self._show_form_message(entry.invalid if entry is not None else None)
        self.refresh_preview()

    def _on_field_edited(self, name: str) -> None:
        if self._filling_form:
            return
        entry = self.current_entry()
        if entry is None or entry.cleaned is None:
            return
        widget = self.fields[name]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        # Same as found: no override, so a later re-clean of the file is not masked.
        value = None if text.strip() == entry.found(name).strip() else text.strip()
        entry.overrides = replace(entry.overrides, **{name: value})
        self._mark_edited(entry)
        self._preview_timer.start()

    def set_field(self, name: str, text: str) -> None:
        """Type ``text`` into a details field as the user would (tests, scripting)."""
        widget = self.fields[name]
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        else:
            widget.setText(text)
            self._on_field_edited(name)

    def reset_overrides(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            entry.overrides = MetaOverrides()
            entry.invalid = None
            self._mark_edited(entry)
            self._show_entry(entry)

    def _mark_edited(self, entry: ArticleEntry) -> None:
        for row in range(self.input_list.count()):
            item = self.input_list.item(row)
            if Path(item.data(_PATH_ROLE)) == entry.path:
                font = item.font()
                font.setItalic(not entry.overrides.is_empty())
                item.setFont(font)
                item.setText(entry.path.name + ("  (edited)" if not entry.overrides.is_empty() else ""))

    def refresh_preview(self) -> None:
        """Render the current article with its edits, as the book will show it."""
        self._preview_timer.stop()
        entry = self.current_entry()
        if entry is None:
            self.preview.setHtml(_EMPTY_PREVIEW)
            return
        if entry.load_error is not None:
            self.preview.setHtml(
                "<html><body><h2>This file cannot be exported</h2><p>{}</p></body></html>".format(
                    _escape(entry.load_error)))
            return
        try:
            article = prepared_article(entry.path, ExportOptions(overrides=entry.overrides))
        except ExporterError as err:
            entry.invalid = friendly(err.message)
            self._show_form_message(entry.invalid)
            return
        entry.invalid = None
        self._show_form_message(None)
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(preview_html(article))
        self.preview.verticalScrollBar().setValue(scroll)

    def _show_form_message(self, message: str | None) -> None:
        self.form_message.setText(f"<b>⚠ {_escape(message)}</b>" if message else "")
        self.form_message.setToolTip(message or "")

    # ------------------------------------------------------------ export

    def _formats(self) -> list[str]:
        return [name for name, check in (("epub", self.epub_check), ("pdf", self.pdf_check)) if check.isChecked()]

    def _page_size_text(self) -> str:
        index = self.page_size_combo.currentIndex()
        text = self.page_size_combo.currentText().strip()
        if index >= 0 and self.page_size_combo.itemText(index) == text:
            return str(self.page_size_combo.itemData(index))
        return text

    def build_options(self) -> ExportOptions:
        """The export options from the form; `ExporterError` says what is wrong with them."""
        bleed_text = self.bleed_combo.currentText().strip().replace(" ", "")
        bleed = 0.0 if bleed_text.lower() in ("", "0", "none") else parse_length(bleed_text)
        output = self.output_edit.text().strip()
        if not output:
            raise ExporterError("choose an output folder")
        return ExportOptions(formats=tuple(self._formats()), output_dir=Path(output).expanduser(),
                             page_size=parse_page_size(self._page_size_text()), bleed_pt=bleed)

    def is_exporting(self) -> bool:
        return self.worker is not None

    def start_export(self) -> None:
        if self.is_exporting() or not self.entries:
            return
        invalid = [e for e in self.entries.values() if e.invalid]
        if invalid:
            dialogs.inform(self, APP_TITLE, f"{invalid[0].path.name}: {invalid[0].invalid}\n\nFix the details first.")
            return
        try:
            options = self.build_options()
        except ExporterError as err:
            dialogs.inform(self, APP_TITLE, f"Cannot export: {friendly(str(err))}")
            return
        collection = self.collection_title.text().strip() if self.collection_radio.isChecked() else None
        if self.collection_radio.isChecked() and not collection:
            dialogs.inform(self, APP_TITLE, "Give the collection a title.")
            return
        paths = tuple(Path(self.input_list.item(r).data(_PATH_ROLE)) for r in range(self.input_list.count()))
        job = ExportJob(paths, options,
                        {e.path: e.overrides for e in self.entries.values() if not e.overrides.is_empty()},
                        collection)
        self.save_settings()
        self._last_output_dir = options.output_dir
        self.results.clear()
        self._last_outputs = []
        self.results_box.setVisible(True)
        self._reset_item_icons()
        self.progress.setRange(0, len(paths) + (1 if collection else 0))
        self.progress.setValue(0)
        self._thread, self.worker = start_export(job, self)
        self.worker.progress.connect(self._on_progress)
        self.worker.fileDone.connect(self._on_file_done)
        self.worker.finished.connect(self._on_finished)
        self.statusBar().showMessage(f"Exporting {len(paths)} article{'s' if len(paths) != 1 else ''}…")
        self._update_state()
        self.exportStarted.emit(self.worker)

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_action.setEnabled(False)
            self.statusBar().showMessage("Cancelling after the file being written…")

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_file_done(self, report: FileReport) -> None:
        name = Path(report.input).name if not report.input.startswith("collection") else report.input
        style = self.style()
        if not report.ok:
            item = QListWidgetItem(style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                                   f"{name} — {short_error(report)}")
        elif report.skipped:
            item = QListWidgetItem(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                                   f"{name} — up to date: {_output_names(report)}")
        else:
            item = QListWidgetItem(style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
                                   f"{name} → {_output_names(report) or 'read'}")
        item.setToolTip(report.error or item.text())  # the full message, with the whole path
        self.results.addItem(item)
        self._last_outputs.extend(Path(output["path"]) for output in report.outputs)
        self.results.scrollToBottom()
        self._mark_input(report)
        self.fileReported.emit(report)

    def _mark_input(self, report: FileReport) -> None:
        for row in range(self.input_list.count()):
            item = self.input_list.item(row)
            if Path(item.data(_PATH_ROLE)) == Path(report.input).resolve():
                icon = QStyle.StandardPixmap.SP_DialogApplyButton if report.ok else QStyle.StandardPixmap.SP_MessageBoxCritical
                item.setIcon(self.style().standardIcon(icon))
                item.setToolTip(f"{item.data(_PATH_ROLE)}\n{report.error}" if report.error else item.data(_PATH_ROLE))

    def _reset_item_icons(self) -> None:
        for row in range(self.input_list.count()):
            self.input_list.item(row).setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))

    def _on_finished(self, report: BatchReport) -> None:
        if self._thread is not None:
            # The worker has returned from run(); let its thread end before dropping both.
            self._thread.quit()
            self._thread.wait()
        self.worker = None
        self._thread = None
        for notice in report.notices:
            self.results.addItem(QListWidgetItem(self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxInformation), notice))
        written = sum(1 for f in report.files if f.ok and not f.skipped)
        failed = len(report.failed)
        parts = [f"{written} exported"] if report.collection is None else [
            "collection written" if report.collection.ok else "collection failed"]
        if failed:
            parts.append(f"{failed} failed")
        if report.interrupted:
            parts.append("cancelled")
        summary = ", ".join(parts) + f" in {report.seconds:.1f} s"
        self.statusBar().showMessage(summary)
        self.results_box.setTitle(f"Results — {summary}")
        if not report.interrupted:
            self.progress.setValue(self.progress.maximum())
        self._update_state()
        self.exportFinished.emit(report)

    def open_output_folder(self) -> None:
        folder = self._last_output_dir or Path(self.output_edit.text().strip()).expanduser()
        if folder.is_dir():
            dialogs.open_folder(folder)
        else:
            dialogs.inform(self, APP_TITLE, f"The output folder does not exist yet:\n{folder}")

    def choose_output_folder(self) -> None:
        folder = dialogs.ask_folder(self, "Output folder", self.output_edit.text().strip() or str(Path.home()))
        if folder:
            self.output_edit.setText(folder)

    def send_to_ereader(self) -> None:
        ereader.send_dialog(self, self._exported_epubs())

    def _exported_epubs(self) -> list[Path]:
        return [path for path in self._last_outputs if path.suffix == ".epub" and path.is_file()]

    # ------------------------------------------------------------ state

    def _update_state(self) -> None:
        running = self.is_exporting()
        has_inputs = bool(self.entries)
        can_export = has_inputs and not running and bool(self._formats()) and not (
            self.collection_radio.isChecked() and not self.collection_title.text().strip())
        self.export_action.setEnabled(can_export)
        self.export_button.setEnabled(can_export)
        self.cancel_action.setEnabled(running)
        self.cancel_button.setEnabled(running)
        self.remove_action.setEnabled(bool(self.input_list.selectedItems()))
        self.remove_button.setEnabled(bool(self.input_list.selectedItems()))
        folder_ready = self._last_output_dir is not None and not running
        self.open_output_action.setEnabled(folder_ready)
        self.open_button.setEnabled(folder_ready)
        self.send_action.setEnabled(ereader.available() and folder_ready and bool(self._exported_epubs()))
        if not ereader.available():
            self.send_action.setToolTip("Sending to an e-reader is not available in this version")
        # The running export keeps the settings it started with: freeze them so the window says so.
        pdf = self.pdf_check.isChecked() and not running
        self.page_size_combo.setEnabled(pdf)
        self.bleed_combo.setEnabled(pdf)
        self.collection_title.setEnabled(self.collection_radio.isChecked() and not running)
        for widget in (self.output_edit, self.output_button, self.epub_check, self.pdf_check,
                       self.per_article_radio, self.collection_radio):
            widget.setEnabled(not running)
        if running or self._last_output_dir is not None:
            self.progress.setFormat("%v of %m")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.is_exporting():
            if not dialogs.ask(self, APP_TITLE, "An export is running. Cancel it and quit?"):
                event.ignore()
                return
            worker, thread = self.worker, self._thread
            if worker is not None:
                worker.cancel()
            if thread is not None:
                # quit() first: the queued quit from the worker's finished signal cannot
                # reach this (blocked) thread, so wait() alone would never return.
                thread.quit()
                thread.wait()
        self.save_settings()
        event.accept()


def short_error(report: FileReport) -> str:
    """The core's one-line error without the input's path in front: the line already names the file."""
    error = report.error or ""
    prefix = f"{report.input}: "
    return error[len(prefix):] if error.startswith(prefix) else error


def _output_names(report: FileReport) -> str:
    return ", ".join(Path(output["path"]).name for output in report.outputs)


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=False)
