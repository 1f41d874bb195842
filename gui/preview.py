"""The preview: the book's real PDF pages, and the e-book as a reader reflows it.

A `PreviewRequest` says what to show (the articles with their edits, the export
options, one book or a collection). `PageRenderer` lives on one worker thread
and turns a request into page images: prepare the articles, lay the book out
with the exporter's own PDF code (`exporter.book_pdf`), rasterise the pages
(`gui.pdf_pages`). Each new request cancels the one before: the renderer checks
between its steps and between pages, and a result that arrives for an old
request is dropped, so a stale page is never shown.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QFontDatabase, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QTabWidget, QTextBrowser, QVBoxLayout, QWidget,
)

from exporter import (
    Article, ExporterError, ExportOptions, MetaOverrides, book_pdf, prepare_article, prepared_article, preview_fonts,
    preview_html,
)

from .pdf_pages import PageImages, RenderCancelled, rasterise, start_pages

log = logging.getLogger(__name__)

PAGE_DPI = 110.0  # sharp enough when a 6x9 in page fills the pane; A4 stays under 1300 px tall

EMPTY_EBOOK = (
    "<html><body><h2>No article selected</h2>"
    "<p>Add articles with <b>Add files…</b> (Ctrl+O) or <b>Add folder…</b>, or drag them from your "
    "file manager onto this window. Select one to see its pages as they will print, "
    "and its text as an e-reader shows it.</p></body></html>"
)


_fonts_registered = False


def register_book_fonts() -> None:
    """Let the e-book view use the book's typeface (once per process)."""
    global _fonts_registered
    if not _fonts_registered:
        for font in preview_fonts():
            if QFontDatabase.addApplicationFont(str(font)) < 0:
                log.warning("could not load the book font %s; the preview uses a system serif", font)
        _fonts_registered = True


@dataclass(frozen=True)
class PreviewRequest:
    """Everything one preview needs, fixed when it is asked for."""

    articles: tuple[tuple[Path | str, MetaOverrides], ...]  # in book order; one for a single book
    options: ExportOptions
    collection: str | None = None  # a title: the whole collection as one book
    current: Path | str | None = None  # the article to open at (its start page) and to show as an e-book
    # Articles already read that must not be read again (a page fetched from a URL): source -> Article.
    cleaned: dict = field(default_factory=dict, compare=False)

    @property
    def book_key(self) -> tuple:
        """Requests with the same key lay out the same book (only ``current`` differs)."""
        return (self.articles, self.options.fingerprint(), self.collection)


class PageRenderer(QObject):
    """Runs on the preview thread; one request at a time, in order."""

    ebookReady = Signal(int, object)  # generation, {path: the article's e-book HTML}
    pagesReady = Signal(int, object, object)  # generation, PageImages, {path: its opening page index}
    failed = Signal(int, str)  # generation, one-line reason
    cancelled = Signal(int)  # generation

    @Slot(int, object, object)
    def render(self, generation: int, request: PreviewRequest, cancel: threading.Event) -> None:
        try:
            self._render(generation, request, cancel)
        except RenderCancelled:
            self.cancelled.emit(generation)
        except ExporterError as err:
            self.failed.emit(generation, err.message if hasattr(err, "message") else str(err))
        except Exception as err:  # a bug in the core: one line in the pane, not a dead thread
            self.failed.emit(generation, f"internal error: {type(err).__name__}: {err}")

    def _render(self, generation: int, request: PreviewRequest, cancel: threading.Event) -> None:
        def checkpoint() -> None:
            if cancel.is_set():
                raise RenderCancelled()

        checkpoint()
        prepared = []
        for path, overrides in request.articles:
            options = replace(request.options, overrides=overrides)
            cleaned: Article | None = request.cleaned.get(path)
            # A file is read again (cheap, and the cleaning rules may have changed); a URL is not fetched again.
            prepared.append(prepare_article(cleaned, options) if cleaned is not None else prepared_article(path, options))
            checkpoint()
        self.ebookReady.emit(generation, {path: preview_html(article)
                                          for (path, _), article in zip(request.articles, prepared)})
        pdf = book_pdf(prepared, request.options, collection=request.collection)
        checkpoint()
        pages = rasterise(pdf, dpi=PAGE_DPI, cancel=cancel)
        checkpoint()
        starts = start_pages(pages, [article.meta.title for article in prepared])
        self.pagesReady.emit(generation, pages, dict(zip((path for path, _ in request.articles), starts)))


class PageView(QScrollArea):
    """One page at a time, scaled to fit the pane, on a dark desk like a reader's app."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.label.setBackgroundRole(self.label.backgroundRole().Mid)
        self.label.setAutoFillBackground(True)
        self.setWidget(self.label)
        self.setAccessibleName("Page")
        self._image = None

    def show_image(self, image) -> None:
        self._image = image
        self._fit()

    def show_text(self, text: str) -> None:
        self._image = None
        self.label.setPixmap(QPixmap())
        self.label.setWordWrap(True)
        self.label.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._image is None:
            return
        room = self.viewport().size() - QSize(16, 16)
        pixmap = QPixmap.fromImage(self._image)
        if room.width() > 20 and room.height() > 20:
            pixmap = pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
        self.label.setText("")
        self.label.setPixmap(pixmap)


class EbookView(QTextBrowser):
    """The reflowed text in a column about as wide as an e-reader's (some 65 characters),
    centred, however wide the pane: a line across a whole monitor is no reader's view."""

    MEASURE_EM = 34

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._centre()

    def setHtml(self, html: str) -> None:  # noqa: N802 (Qt's name); a new document has new margins
        super().setHtml(html)
        self._centre()

    def _centre(self) -> None:
        measure = self.fontMetrics().averageCharWidth() * 2.2 * self.MEASURE_EM
        side = max(18.0, (self.viewport().width() - measure) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - side) > 0.5 or frame.topMargin() != 18:
            frame.setMargin(18)
            frame.setLeftMargin(side)
            frame.setRightMargin(side)
            root.setFrameFormat(frame)


class PreviewPane(QTabWidget):
    """The "Pages" tab (the PDF as it will print) and the "E-book" tab (reflowed text)."""

    renderRequested = Signal(int, object, object)  # to the renderer's thread
    renderStarted = Signal(int)  # generation
    renderFinished = Signal(int, int)  # generation, page count
    renderCancelled = Signal(int)  # generation
    renderFailed = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Preview")
        self.setAccessibleDescription("The book's pages as they will print, and the e-book's text")
        self.pages_view = PageView()
        self.previous_button = QPushButton("◀")
        self.previous_button.setAccessibleName("Previous page")
        self.previous_button.setToolTip("Previous page (Page Up)")
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName("Next page")
        self.next_button.setToolTip("Next page (Page Down)")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(36)
            button.setAutoRepeat(True)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page_index + 1))
        self.page_label = QLabel("No pages")
        self.page_label.setAccessibleName("Page number")
        self.state_label = QLabel()
        self.state_label.setAccessibleName("Preview state")
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.state_label)
        pages_tab = QWidget()
        pages_layout = QVBoxLayout(pages_tab)
        pages_layout.setContentsMargins(4, 4, 4, 4)
        pages_layout.addWidget(self.pages_view, 1)
        pages_layout.addLayout(nav)
        self.addTab(pages_tab, "&Pages")
        # Shortcuts, not keyPressEvent: the page's scroll area would take Page Up/Down for itself.
        for key, step in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(key), pages_tab)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.show_page(self.page_index + step))
        self.pages_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.ebook_view = EbookView()
        self.ebook_view.setOpenLinks(False)  # a link click must not replace the preview
        self.ebook_view.setAcceptDrops(False)
        self.ebook_view.setAccessibleName("E-book preview")
        self.ebook_view.setAccessibleDescription("The selected article as an e-reader reflows it")
        self.ebook_view.setHtml(EMPTY_EBOOK)
        self.addTab(self.ebook_view, "E-&book")

        self.pages: PageImages | None = None
        self._starts: dict[Path, int] = {}
        self._ebook_html: dict[Path, str] = {}
        self.page_index = 0
        self.generation = 0
        self._cancel = threading.Event()
        self._request: PreviewRequest | None = None
        self._shown_key: tuple | None = None
        self._ebook_path: Path | None = None
        self._thread = QThread(self)
        self._renderer = PageRenderer()
        self._renderer.moveToThread(self._thread)
        self.renderRequested.connect(self._renderer.render)
        self._renderer.ebookReady.connect(self._on_ebook)
        self._renderer.pagesReady.connect(self._on_pages)
        self._renderer.failed.connect(self._on_failed)
        self._renderer.cancelled.connect(self.renderCancelled)
        self._thread.start()
        self._update_nav()

    # ------------------------------------------------------------ requests

    def request(self, request: PreviewRequest | None) -> None:
        """Show ``request``: cancel what is being drawn, start drawing this (or only turn the page)."""
        if request is None:
            self.clear()
            return
        if self.pages is not None and request.book_key == self._shown_key and not self.is_rendering():
            self._request = request
            self._show_ebook()
            self.open_current()
            return
        self._cancel.set()
        self._cancel = threading.Event()
        self.generation += 1
        self._request = request
        self.state_label.setText("Laying out the pages…")
        self.renderStarted.emit(self.generation)
        self.renderRequested.emit(self.generation, request, self._cancel)

    def is_rendering(self) -> bool:
        return self.state_label.text().startswith("Laying out")

    def clear(self) -> None:
        self._cancel.set()
        self.generation += 1
        self._request = None
        self.pages = None
        self._shown_key = None
        self._ebook_path = None
        self.state_label.setText("")
        self.pages_view.show_text("No article selected.")
        self.ebook_view.setHtml(EMPTY_EBOOK)
        self._update_nav()

    def show_problem(self, text: str) -> None:
        """The selected input cannot be shown (it cannot be read, or its details are invalid)."""
        self.clear()
        self.pages_view.show_text(text)
        self.ebook_view.setPlainText(text)

    def shutdown(self) -> None:
        self._cancel.set()
        self._thread.quit()
        self._thread.wait()

    # ------------------------------------------------------------ results

    def _on_ebook(self, generation: int, html_by_path: dict) -> None:
        if generation != self.generation or self._request is None:
            return
        self._ebook_html = html_by_path
        self._show_ebook()

    def _show_ebook(self) -> None:
        html = self._ebook_html.get(self._request.current) or next(iter(self._ebook_html.values()), "")
        same_article = self._ebook_path == self._request.current
        scroll = self.ebook_view.verticalScrollBar().value()
        self.ebook_view.setHtml(html)
        # A new article opens at its start; an edit of the same one keeps the reader's place.
        self.ebook_view.verticalScrollBar().setValue(scroll if same_article else 0)
        self._ebook_path = self._request.current

    def _on_pages(self, generation: int, pages: PageImages, starts: dict) -> None:
        if generation != self.generation or self._request is None:
            self.renderCancelled.emit(generation)  # finished after it was replaced: dropped, never shown
            return
        reopen = self._shown_key is None or self._shown_key[0] != self._request.book_key[0]
        self.pages = pages
        self._starts = starts
        self._shown_key = self._request.book_key
        self.state_label.setText("")
        if reopen:
            self.open_current()
        else:  # an option changed: stay near the same page
            self.show_page(min(self.page_index, pages.count - 1))
        self.renderFinished.emit(generation, pages.count)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.pages = None
        self._shown_key = None
        self.state_label.setText("")
        self.pages_view.show_text(f"The pages cannot be laid out: {message}")
        self._update_nav()
        self.renderFailed.emit(generation, message)

    # ------------------------------------------------------------ paging

    def open_current(self) -> None:
        """Go to the first page of the current article (in a collection: its opening page)."""
        request = self._request
        start = 0
        if request is not None and request.collection and self.pages is not None:
            start = self._starts.get(request.current, 0)
        self.show_page(start)

    def show_page(self, index: int) -> None:
        if self.pages is None or self.pages.count == 0:
            self._update_nav()
            return
        self.page_index = max(0, min(index, self.pages.count - 1))
        self.pages_view.show_image(self.pages.images[self.page_index])
        self._update_nav()

    def page_count(self) -> int:
        return self.pages.count if self.pages is not None else 0

    def _update_nav(self) -> None:
        count = self.page_count()
        self.page_label.setText(f"Page {self.page_index + 1} of {count}" if count else "No pages")
        self.previous_button.setEnabled(count > 0 and self.page_index > 0)
        self.next_button.setEnabled(count > 0 and self.page_index < count - 1)

