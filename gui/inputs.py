"""Adding and arranging the articles: files, folders, web pages by address, drops, removal, sorting.

Mixed into `MainWindow` (the list itself is `gui.article_list`). Files and pages
are read in the background as soon as they are added; see `ArticlesBox`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow

from exporter import SUPPORTED_SUFFIXES, is_url

from . import dialogs
from .actions import APP_TITLE
from .article_list import ArticleEntry, expand_inputs, source_of
from .settings import open_settings

_INPUT_FILTER = "Articles ({});;All files (*)".format(" ".join(f"*{s}" for s in SUPPORTED_SUFFIXES))


class InputsFlow(QMainWindow):
    """The inputs half of `MainWindow` (``self.entries``, ``self.articles`` are built there)."""

    entries: dict

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
        """Add files (and the article files inside folders), each checked in the background at once;
        returns how many were new."""
        new = [path.resolve() for path in expand_inputs([Path(p) for p in paths]) if path.resolve() not in self.entries]
        new = list(dict.fromkeys(new))
        for key in new:
            entry = self.entries[key] = ArticleEntry(key)
            self.articles.add(entry)
        if paths:
            last = Path(paths[-1])
            open_settings().setValue("inputs/last_folder", str(last if last.is_dir() else last.parent))
        if new and self.input_list.currentItem() is None:
            self.input_list.setCurrentItem(self.input_list.item_for(new[0]))
        self.statusBar().showMessage(
            f"Added {len(new)} article{'s' if len(new) != 1 else ''}; reading them…" if new
            else "Nothing new to add (already listed, or no article files found).", 5000)
        self._update_state()
        return len(new)

    def ask_url(self) -> None:
        url = dialogs.ask_text(self, "Add a web page", "The article's address (http or https):",
                               "https://www.example.org/2016/07/27/article.html")
        if url:
            self.add_url(url)

    def add_url(self, url: str) -> bool:
        """Add a web page by its address; it is fetched once, in the background, like a file is read."""
        url = url.strip()
        if not is_url(url):
            dialogs.error(self, APP_TITLE, f"Not a web address (http or https): {url}")
            return False
        if url in self.entries:
            self.statusBar().showMessage("That page is already listed.", 5000)
            return False
        entry = self.entries[url] = ArticleEntry(url)
        self.articles.add(entry)
        if self.input_list.currentItem() is None:
            self.input_list.setCurrentItem(self.input_list.item_for(url))
        self.statusBar().showMessage(f"Fetching {url}…", 5000)
        self._update_state()
        return True

    def _on_checked(self, entry: ArticleEntry) -> None:
        self.articles.refresh(entry)
        if entry is self.current_entry():
            self._show_current()
        elif self.export_settings.collection() and entry.cleaned is not None:
            self._preview_timer.start()  # the collection's pages include it
        pending = sum(1 for e in self.entries.values() if not e.checked)
        failed = sum(1 for e in self.entries.values() if e.load_error)
        if not pending:
            self.statusBar().showMessage(f"{len(self.entries)} article{'s' if len(self.entries) != 1 else ''} "
                                         f"read{f', {failed} cannot be' if failed else ''}.", 5000)
        self._update_state()
        self.articleChecked.emit(entry)

    def remove_selected(self) -> None:
        for path in self.articles.remove_selected():
            self.entries.pop(path, None)
        if self.input_list.count() == 0:
            self._show_current()
        self._update_state()

    def current_entry(self) -> ArticleEntry | None:
        item = self.input_list.currentItem()
        return self.entries.get(source_of(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None

    def sort_articles(self, by: str) -> None:
        """Put the list (a collection's order) in date or title order."""
        entries = [self.entries[path] for path in self.input_list.paths()]
        if by == "date":
            entries.sort(key=lambda e: e.value("date") or "9999")
        else:
            entries.sort(key=lambda e: e.title().casefold())
        self.articles.reorder([e.path for e in entries])
        self._on_order_changed()

    def _on_order_changed(self) -> None:
        if self.export_settings.collection():
            self._preview_timer.start()

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
