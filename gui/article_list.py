"""The list of articles: each input by its title (file name below it), marked ok,
warning or cannot be read as soon as it is added, in the order the collection takes.

Every added file is read and cleaned at once on a background thread
(`ArticleChecker`), so a broken file is marked when it is added, not when the
export fails. The order can be changed by dragging (or sorted by date or
title); the export takes the list's order.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, QObject, QRect, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QGroupBox, QHBoxLayout, QListWidget, QListWidgetItem, QMenu, QPushButton,
    QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolButton, QVBoxLayout,
)

from exporter import SUPPORTED_SUFFIXES, Article, CheckedArticle, ExporterError, MetaOverrides, check_article, is_url

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole  # the entry's source: a file's resolved path, or the URL as typed
SECONDARY_ROLE = Qt.ItemDataRole.UserRole + 1  # the file name (and "edited") under the title
ORDER_MIME = "application/x-article-exporter-rows"  # rows dragged inside the list


Source = Path | str  # an article file (resolved path), or an http(s) URL as the user typed it


def source_of(data: str) -> Source:
    """The source an item's `PATH_ROLE` text stands for."""
    return data if is_url(data) else Path(data)


@dataclass
class ArticleEntry:
    """One input and what the user said about it."""

    path: Source
    overrides: MetaOverrides = field(default_factory=MetaOverrides)
    cleaned: Article | None = None  # as the cleaner found it, once the background check is done
    warnings: tuple[str, ...] = ()
    load_error: str | None = None  # why it cannot be read
    invalid: str | None = None  # why the current overrides cannot be used (e.g. a bad date)

    @property
    def checked(self) -> bool:
        return self.cleaned is not None or self.load_error is not None

    @property
    def status(self) -> str:
        """"reading", "error", "warning" or "ok"."""
        if not self.checked:
            return "reading"
        if self.load_error is not None:
            return "error"
        return "warning" if self.warnings or self.invalid else "ok"

    def problem(self) -> str:
        """What the mark means, for the tooltip and the details pane ("" when all is well)."""
        if self.load_error is not None:
            return f"Cannot be read: {self.load_error}"
        lines = ([f"Details: {self.invalid}"] if self.invalid else []) + [f"Warning: {w}" for w in self.warnings]
        return "\n".join(lines)

    def value(self, name: str) -> str:
        """A details field as the export will use it: the user's edit, else what was found."""
        edited = getattr(self.overrides, name)
        return edited if edited is not None else self.found(name)

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

    @property
    def name(self) -> str:
        """The file name, or the URL (what the list shows under the title)."""
        return self.path if isinstance(self.path, str) else self.path.name

    def title(self) -> str:
        return self.value("title") or self.name


class ArticleChecker(QObject):
    """Reads and cleans added files one after another on its own thread."""

    checked = Signal(object, object)  # path, CheckedArticle or the one-line error (str)
    _queued = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__()
        self._thread = QThread(parent)
        self._worker = _CheckWorker()
        self._worker.moveToThread(self._thread)
        self._queued.connect(self._worker.check)
        self._worker.done.connect(self.checked)
        self._thread.start()

    def check(self, path: Path) -> None:
        self._queued.emit(path)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait()


class _CheckWorker(QObject):
    done = Signal(object, object)

    @Slot(object)
    def check(self, path: Path) -> None:
        try:
            result: CheckedArticle | str = check_article(path)
        except ExporterError as err:
            result = str(err)
        except Exception as err:  # a bug in the cleaner: mark the file, keep the thread
            log.exception("checking %s failed", path)
            result = f"internal error: {type(err).__name__}: {err}"
        self.done.emit(path, result)


class TitleDelegate(QStyledItemDelegate):
    """Two lines per article: the title, and the file name in a smaller, dimmer type."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        metrics = option.fontMetrics
        return QSize(200, metrics.height() * 2 + 8)

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        secondary = index.data(SECONDARY_ROLE) or ""
        title = option.text
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if option.state & QStyle.StateFlag.State_Enabled else QPalette.ColorGroup.Disabled
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        line = option.fontMetrics.height()
        top = QRect(text_rect.left(), text_rect.top() + 3, text_rect.width(), line)
        painter.setFont(option.font)
        painter.setPen(option.palette.color(group, role))
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         option.fontMetrics.elidedText(title, Qt.TextElideMode.ElideRight, top.width()))
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        small.setItalic(False)
        painter.setFont(small)
        if not selected:
            painter.setPen(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
        bottom = QRect(text_rect.left(), top.bottom() + 1, text_rect.width(), line)
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(secondary, Qt.TextElideMode.ElideMiddle, bottom.width()))
        painter.restore()


class ArticleListWidget(QListWidget):
    """Rows dragged inside the list reorder it; files dropped from a file manager are added."""

    filesDropped = Signal(list)  # [Path]
    urlsDropped = Signal(list)  # [str], http(s) links
    orderChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setItemDelegate(TitleDelegate(self))
        self.setIconSize(QSize(16, 16))
        self.setUniformItemSizes(True)

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [ORDER_MIME, "text/uri-list"]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # noqa: N802
        """What a drag of ``items`` carries: their rows (Qt's startDrag asks for this)."""
        data = QMimeData()
        data.setData(ORDER_MIME, ",".join(str(self.row(item)) for item in items).encode())
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasFormat(ORDER_MIME) or event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        super().dragMoveEvent(event)  # draws the drop indicator
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        mime = event.mimeData()
        if mime.hasFormat(ORDER_MIME):
            rows = sorted(int(r) for r in bytes(mime.data(ORDER_MIME)).decode().split(",") if r)
            self.move_rows(rows, self._drop_row(event))
            # Copy, not Move: the rows are already moved; a Move would make the drag source delete them.
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        elif mime.hasUrls():
            paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
            if paths:
                self.filesDropped.emit(paths)
            links = [url.toString() for url in mime.urls() if not url.isLocalFile() and is_url(url.toString())]
            if links:  # a link dragged from a web browser: that page
                self.urlsDropped.emit(links)
            event.acceptProposedAction()

    def _drop_row(self, event: QDropEvent) -> int:
        """The row the dragged rows go before: above the middle of a row, before it; below, after it."""
        point = event.position().toPoint()
        item = self.itemAt(point)
        if item is None:
            return self.count()
        rect = self.visualItemRect(item)
        return self.row(item) + (1 if point.y() > rect.center().y() else 0)

    def move_rows(self, rows: list[int], before: int) -> None:
        """Move ``rows`` (kept in their order) to just before row ``before``."""
        rows = [r for r in rows if 0 <= r < self.count()]
        if not rows:
            return
        current = self.currentItem()
        taken = [self.takeItem(r) for r in reversed(rows)][::-1]
        before -= sum(1 for r in rows if r < before)
        for offset, item in enumerate(taken):
            self.insertItem(before + offset, item)
        self.clearSelection()
        for item in taken:
            item.setSelected(True)
        if current is not None:
            self.setCurrentItem(current, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.orderChanged.emit()

    def paths(self) -> list[Source]:
        return [source_of(self.item(row).data(PATH_ROLE)) for row in range(self.count())]

    def item_for(self, path: Source) -> QListWidgetItem | None:
        for row in range(self.count()):
            if source_of(self.item(row).data(PATH_ROLE)) == path:
                return self.item(row)
        return None



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


_STATUS_ICONS = {"reading": QStyle.StandardPixmap.SP_BrowserReload, "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
                 "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
                 "error": QStyle.StandardPixmap.SP_MessageBoxCritical}


class ArticlesBox(QGroupBox):
    """The "Articles" group: the list, its buttons, and the background checker behind it."""

    checked = Signal(object)  # ArticleEntry, after its background check
    sortRequested = Signal(str)  # "date" | "title"

    def __init__(self, add_files: QAction, add_folder: QAction, remove: QAction) -> None:
        super().__init__("Articles")
        self.list = ArticleListWidget()
        self.list.setAccessibleName("Articles to export")
        self.list.setAccessibleDescription("By title, in the book's order (drag to reorder); "
                                           "select one to preview and edit it")
        self.list.setMinimumHeight(96)  # at least two articles (two lines each) are always visible
        self.list.addAction(remove)
        self.add_files_button = self._button("Add files…", "Add article files", add_files)
        self.add_folder_button = self._button("Add folder…", "Add a folder of articles", add_folder)
        self.remove_button = self._button("Remove", "Remove the selected articles", remove)
        self.sort_button = QToolButton()
        self.sort_button.setText("Sort")
        self.sort_button.setAccessibleName("Sort the articles")
        self.sort_button.setToolTip("Put the articles (a collection's order) in date or title order")
        self.sort_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.sort_button)
        menu.addAction("By &date (oldest first)", lambda: self.sortRequested.emit("date"))
        menu.addAction("By &title", lambda: self.sortRequested.emit("title"))
        self.sort_button.setMenu(menu)
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.sort_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._entries: dict[Path, ArticleEntry] = {}
        self.checker = ArticleChecker(self)
        self.checker.checked.connect(self._on_checked)

    @staticmethod
    def _button(text: str, accessible: str, action: QAction) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(action.trigger)
        return button

    def add(self, entry: ArticleEntry) -> None:
        """List ``entry`` and start reading it at once."""
        self._entries[entry.path] = entry
        item = QListWidgetItem()
        item.setData(PATH_ROLE, str(entry.path))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        self.list.addItem(item)
        self.refresh(entry)
        self.checker.check(entry.path)

    def _on_checked(self, path: Path, result: CheckedArticle | str) -> None:
        entry = self._entries.get(path)
        if entry is None:
            return  # removed while it was being read
        if isinstance(result, str):
            entry.load_error = result
        else:
            entry.cleaned, entry.warnings = result.article, result.warnings
        self.checked.emit(entry)

    def refresh(self, entry: ArticleEntry) -> None:
        """Show the entry's title, file name, mark and (on hover) what the mark means."""
        item = self.list.item_for(entry.path)
        if item is None:
            return
        edited = not entry.overrides.is_empty()
        item.setText(entry.title() if entry.cleaned is not None else entry.name)
        item.setData(SECONDARY_ROLE, entry.name + ("  · edited" if edited else "")
                     + {"reading": "  · reading…", "error": "  · cannot be read"}.get(entry.status, ""))
        item.setIcon(self.style().standardIcon(_STATUS_ICONS[entry.status]))
        problem = entry.problem()
        item.setToolTip(str(entry.path) + (f"\n{problem}" if problem else ""))
        font = item.font()
        font.setItalic(edited)
        item.setFont(font)

    def remove_selected(self) -> list[Source]:
        removed = []
        for item in self.list.selectedItems():
            path = source_of(item.data(PATH_ROLE))
            self._entries.pop(path, None)
            self.list.takeItem(self.list.row(item))
            removed.append(path)
        return removed

    def reorder(self, paths: list[Path]) -> None:
        current = self.list.currentItem()
        items = [self.list.takeItem(self.list.row(self.list.item_for(path))) for path in paths]
        for item in items:
            self.list.addItem(item)
        if current is not None:
            self.list.setCurrentItem(current)

    def set_running(self, running: bool) -> None:
        self.list.setDragEnabled(not running)  # the export has its order already
        self.sort_button.setEnabled(not running and self.list.count() > 1)

    def shutdown(self) -> None:
        self.checker.shutdown()
