"""The main window: where its parts are put together and talk to each other.

The parts, each in its own module:
- `gui.article_list`, `gui.inputs`: the articles (by title, marked ok / warning / cannot be read;
  files, folders or web pages by address; drag to reorder);
- `gui.details_form`: the selected article's title, author, date … (each edit an override);
- `gui.export_settings` and `gui.more_options`: the export choices (the CLI's flags as a form);
- `gui.preview`: the book's real pages and the e-book view, drawn in the background;
- `gui.results`, `gui.worker`: the export on a worker thread and its results;
- `gui.ereader`, `gui.delivery_settings`: sending to e-readers and setting that up;
- `gui.help`: the Help menu.

Each input keeps its own `MetaOverrides`; the export passes them to
`export_batch(overrides_by_path=...)`, in the list's order.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QThread, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

from exporter import ExporterError

from . import dialogs, ereader
from .actions import APP_TITLE, WindowActions
from .article_list import ArticleEntry, ArticlesBox
from .details_form import DetailsForm
from .export_flow import ExportFlow
from .export_settings import ExportSettingsPanel
from .inputs import InputsFlow
from .preview import PreviewPane, PreviewRequest, register_book_fonts
from .results import ResultsBox
from .settings import open_settings
from .worker import ExportWorker

log = logging.getLogger(__name__)


def column_heights(total: int, list_minimum: int, details_wanted: int, settings_wanted: int) -> list[int]:
    """Heights of the left column's parts: the export settings whole; of the rest, the list at least
    two fifths (four articles at 800 px high), the details what they want of the remainder
    (they scroll when cut short)."""
    room = total - settings_wanted
    articles = max(list_minimum, room * 2 // 5, room - details_wanted)
    details = max(80, room - articles)
    return [articles, details, total - articles - details]


class MainWindow(WindowActions, InputsFlow, ExportFlow):
    exportStarted = Signal(object)  # ExportWorker
    fileReported = Signal(object)  # FileReport, after the window has listed it
    exportFinished = Signal(object)  # BatchReport, after the window has shown it
    articleChecked = Signal(object)  # ArticleEntry, once the background check has marked it

    def __init__(self) -> None:
        super().__init__()
        register_book_fonts()  # the e-book view is set in the book's typeface
        self.setWindowTitle(APP_TITLE)
        self.setAcceptDrops(True)
        self.entries: dict[Path | str, ArticleEntry] = {}  # by file path, or by URL
        self.worker: ExportWorker | None = None
        self._thread: QThread | None = None
        self._last_output_dir: Path | None = None
        self._last_outputs: list[Path] = []  # every file the last export wrote (or found up to date)
        self._user_sized = False  # until the user drags a splitter, the parts are fitted to the window
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self.fit_left_column)
        self._preview_timer = QTimer(self, singleShot=True, interval=300)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._set_tab_order()
        self._load_settings()
        self._update_state()

    # ------------------------------------------------------------ building

    def _build_ui(self) -> None:
        self.articles = ArticlesBox(self.add_files_action, self.add_folder_action, self.remove_action)
        self.articles.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.articles.list.itemSelectionChanged.connect(self._update_state)
        self.articles.list.filesDropped.connect(self.add_paths)
        self.articles.list.urlsDropped.connect(lambda urls: [self.add_url(url) for url in urls])
        self.articles.list.orderChanged.connect(self._on_order_changed)
        self.articles.sortRequested.connect(self.sort_articles)
        self.articles.checked.connect(self._on_checked)
        self.details = DetailsForm()
        self.details.edited.connect(self._on_edited)
        # Scrolls rather than forcing a tall window: the form must fit at 800×600.
        details_scroll = QScrollArea()
        details_scroll.setWidget(self.details)
        details_scroll.setWidgetResizable(True)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._details_scroll = details_scroll
        self.export_settings = ExportSettingsPanel()
        self.export_settings.changed.connect(self._preview_timer.start)
        self.export_settings.stateChanged.connect(self._update_state)
        settings_scroll = QScrollArea()
        settings_scroll.setWidget(self.export_settings)
        settings_scroll.setWidgetResizable(True)
        settings_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Never narrower than the settings need (so no side scrolling); lower than they need, they scroll.
        settings_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        settings_scroll.setMinimumWidth(self.export_settings.minimumSizeHint().width())
        left = QSplitter(Qt.Orientation.Vertical)
        for part in (self.articles, details_scroll, settings_scroll):
            left.addWidget(part)
        # Extra height goes to the list of articles; the details and settings keep their own height
        # (and scroll when the window is too low for them).
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 0)
        left.setStretchFactor(2, 0)
        left.setChildrenCollapsible(False)
        self._left_splitter = left
        left.splitterMoved.connect(self._on_user_sized)

        self.preview = PreviewPane()
        self.results_box = ResultsBox()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.preview)
        right.addWidget(self.results_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(left)
        self.main_splitter.addWidget(right)
        self.main_splitter.setStretchFactor(0, 1)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.splitterMoved.connect(self._on_user_sized)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.main_splitter, 1)
        layout.addLayout(self._build_action_row())
        self.setCentralWidget(central)
        # No toolbar: its buttons would repeat the Articles box's and cost a row at 600 px high.
        self.statusBar().showMessage("Add articles to begin.")
        self._alias_widgets()

    def _alias_widgets(self) -> None:
        """Short names for the widgets scripts and tests reach (``window.pdf_check`` …)."""
        self.input_list = self.articles.list
        self.add_files_button, self.add_folder_button = self.articles.add_files_button, self.articles.add_folder_button
        self.remove_button = self.articles.remove_button
        self.fields, self.form_message, self.reset_button = self.details.fields, self.details.message, \
            self.details.reset_button
        for name in ("epub_check", "pdf_check", "page_size_combo", "bleed_combo", "crop_marks_check", "output_edit",
                     "output_button", "per_article_radio", "collection_radio", "collection_title", "more_button"):
            setattr(self, name, getattr(self.export_settings, name))
        self.results = self.results_box

    def _set_tab_order(self) -> None:
        chain = [self.input_list, self.add_files_button, self.add_folder_button, self.remove_button,
                 self.articles.sort_button, *self.fields.values(), self.reset_button,
                 *self.export_settings.focus_chain(), self.send_button, self.open_button, self.cancel_button, self.export_button,
                 self.preview, self.results.list]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------ settings

    def _load_settings(self) -> None:
        settings = open_settings()
        self.export_settings.load(settings)
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1000, 580)  # fits a 1024×600 screen with its panel

    def save_settings(self) -> None:
        settings = open_settings()
        self.export_settings.save(settings)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()

    # ------------------------------------------------------------ details and preview

    def _show_current(self) -> None:
        entry = self.current_entry()
        if entry is not self.details.entry:
            self._details_scroll.verticalScrollBar().setValue(0)  # another article: its details from the top
        self.details.show_entry(entry)
        self.refresh_preview()

    def _on_edited(self, entry: ArticleEntry) -> None:
        self.articles.refresh(entry)
        self._preview_timer.start()
        self._update_state()

    def set_field(self, name: str, text: str) -> None:
        """Type ``text`` into a details field as the user would (tests, scripting)."""
        self.details.set_field(name, text)

    def preview_request(self) -> PreviewRequest | None:
        """What the preview should show now; None (with the reason shown) when it cannot."""
        entry = self.current_entry()
        if entry is None:
            self.preview.clear()
            return None
        if entry.load_error is not None:
            self.preview.show_problem(f"This file cannot be exported: {entry.load_error}")
            return None
        if not entry.checked:
            self.preview.show_problem("Reading the file…")
            return None
        if entry.invalid:
            return None  # the form says why; the last pages stay until the details are fixed
        try:
            options = self.export_settings.build_options(for_preview=True)
        except ExporterError:
            return None  # the settings panel says why
        collection = self.export_settings.collection()
        if collection:
            members = tuple((e.path, e.overrides) for e in (self.entries[p] for p in self.input_list.paths())
                            if e.cleaned is not None and not e.invalid)
            fetched = {e.path: e.cleaned for e in self.entries.values() if isinstance(e.path, str) and e.cleaned}
            return PreviewRequest(members, options, collection, entry.path, fetched)
        fetched = {entry.path: entry.cleaned} if isinstance(entry.path, str) else {}
        return PreviewRequest(((entry.path, entry.overrides),), options, None, entry.path, fetched)

    def refresh_preview(self) -> None:
        """Draw the current article (or the collection, opened at it) with its edits and the settings."""
        self._preview_timer.stop()
        request = self.preview_request()
        if request is not None:
            self.preview.request(request)

    # ------------------------------------------------------------ state

    def _update_state(self) -> None:
        running = self.is_exporting()
        has_inputs = bool(self.entries)
        settings = self.export_settings
        can_export = has_inputs and not running and bool(settings.formats()) and not (
            settings.collection_radio.isChecked() and not settings.collection_title.text().strip())
        for widget in (self.export_action, self.export_button):
            widget.setEnabled(can_export)
        for widget in (self.cancel_action, self.cancel_button):
            widget.setEnabled(running)
        selected = bool(self.input_list.selectedItems())
        self.remove_action.setEnabled(selected and not running)
        self.remove_button.setEnabled(selected and not running)
        folder_ready = self._last_output_dir is not None and not running
        self.open_output_action.setEnabled(folder_ready)
        self.open_button.setEnabled(folder_ready)
        can_send = ereader.available() and folder_ready and bool(self._exported_epubs())
        self.send_action.setEnabled(can_send)
        self.send_button.setEnabled(can_send)
        if not ereader.available():
            self.send_action.setToolTip("Sending to an e-reader is not available in this version")
        settings.set_running(running)
        self.articles.set_running(running)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._fit_timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self._user_sized and self.isVisible():
            self._fit_timer.start()  # after the layout has given the splitters their new size

    def _on_user_sized(self, *_args) -> None:
        self._user_sized = True

    def fit_left_column(self) -> None:
        """Share the window between the parts (see `column_heights`)."""
        heights = column_heights(sum(self._left_splitter.sizes()), self.articles.minimumSizeHint().height(),
                                 self.details.sizeHint().height() + 4, self.export_settings.sizeHint().height() + 8)
        self._left_splitter.setSizes(heights)
        width = sum(self.main_splitter.sizes())
        left = min(max(self.export_settings.minimumSizeHint().width() + 24, width * 9 // 20), width - 280)
        self.main_splitter.setSizes([left, width - left])

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
        self.preview.shutdown()
        self.articles.shutdown()
        event.accept()
