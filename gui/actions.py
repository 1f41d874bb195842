"""The window's actions (with their shortcuts) and its menus: File, Export, Settings, Help."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle

from . import help as help_menu

APP_TITLE = help_menu.APP_TITLE


class WindowActions(QMainWindow):
    """Mixed into `MainWindow`: builds ``self.*_action`` and the menu bar from them."""

    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str | None = None) -> QAction:
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
        # Explicit key strings: QKeySequence.Quit is empty on Windows, and Ctrl+Q is wanted everywhere.
        self.add_files_action = self._action("&Add files…", self.choose_files, "Ctrl+O", sp.SP_FileIcon,
                                             "Add article files (Ctrl+O)")
        self.add_folder_action = self._action("Add &folder…", self.choose_folder, "Ctrl+Shift+O", sp.SP_DirIcon,
                                              "Add every article file in a folder")
        self.add_url_action = self._action("Add &URL…", self.ask_url, "Ctrl+L", None,
                                           "Add a web page by its address (fetched once)")
        self.remove_action = self._action("&Remove", self.remove_selected, QKeySequence.StandardKey.Delete,
                                          sp.SP_TrashIcon, "Remove the selected articles from the list")
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_action = self._action("&Export", self.start_export, "Ctrl+E", sp.SP_DialogSaveButton,
                                          "Export the articles (Ctrl+E)")
        self.cancel_action = self._action("&Cancel export", self.cancel_export, None, sp.SP_DialogCancelButton,
                                          "Stop after the file being written")
        self.open_output_action = self._action("&Open output folder", self.open_output_folder, None,
                                               sp.SP_DirOpenIcon, "Show the exported books in the file manager")
        self.send_action = self._action("&Send to e-reader…", self.send_to_ereader, "Ctrl+Shift+S", None,
                                        "Send the exported EPUBs to an e-reader or an e-mail address")
        self.delivery_action = self._action("&Delivery settings…", self.open_delivery_settings, "Ctrl+,", None,
                                            "The mail server and e-readers books are sent to")
        self.quit_action = self._action("&Quit", self.close, "Ctrl+Q")
        self.shortcuts_action = self._action("&Keyboard shortcuts", lambda: help_menu.show(
            self, "Keyboard shortcuts", help_menu.shortcuts_html()), "F1")
        self.where_action = self._action("&Where settings are kept", lambda: help_menu.show(
            self, "Where settings are kept", help_menu.where_things_live_html()))
        self.about_action = self._action(f"&About {APP_TITLE}", lambda: help_menu.show(
            self, f"About {APP_TITLE}", help_menu.about_html()))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.add_files_action, self.add_folder_action, self.add_url_action,
                              self.remove_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        export_menu = bar.addMenu("&Export")
        export_menu.addActions([self.export_action, self.cancel_action, self.open_output_action])
        export_menu.addSeparator()
        export_menu.addAction(self.send_action)
        settings_menu = bar.addMenu("Se&ttings")
        settings_menu.addAction(self.delivery_action)
        settings_menu.addAction(self.export_settings.more_button.text(), self.export_settings.more_button.click)
        help_bar = bar.addMenu("&Help")
        help_bar.addActions([self.shortcuts_action, self.where_action])
        help_bar.addSeparator()
        help_bar.addAction(self.about_action)
