"""The window without exporting: inputs, preview, details, settings, keyboard and accessibility."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QPlainTextEdit,
    QTextEdit, QWidget,
)

import gui.dialogs
from gui.details_form import friendly
from gui.main_window import MainWindow

from .conftest import add_and_check, file_names


def test_ebook_view_shows_title_byline_date_body_and_bio(qtbot, window, seed_path):
    add_and_check(qtbot, window, [seed_path])
    qtbot.waitUntil(lambda: "Fifty years ago" in window.preview.ebook_view.toPlainText(), timeout=60_000)
    text = window.preview.ebook_view.toPlainText()
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0] == "An Act of Repentance"
    assert lines[1].casefold() == "william taubman"
    assert lines[2] == "Last updated 27 July 2016 · The New York Times"  # the seed says "Last Updated"
    assert "Fifty years ago Saturday" in text
    assert text.index("About the Author") > text.index("Fifty years ago")
    assert "professor of political science at Amherst College" in text
    # Typography as in the book: the bio's straight quotes are curled in the preview.
    assert "“Khrushchev: The Man and His Era,”" in text


def test_articles_are_listed_by_title_with_the_file_name_below(qtbot, window, seed_path):
    add_and_check(qtbot, window, [seed_path])
    item = window.input_list.item(0)
    assert item.text() == "An Act of Repentance"
    assert file_names(window) == ["act-of-repentance.txt"]
    window.set_field("title", "Another Title")
    assert item.text() == "Another Title" and "edited" in item.data(Qt.ItemDataRole.UserRole + 1)


def test_details_show_found_values_and_edits_update_the_preview(qtbot, window, seed_path):
    add_and_check(qtbot, window, [seed_path])
    assert window.fields["title"].text() == "An Act of Repentance"
    assert window.fields["author"].text() == "William Taubman"
    assert window.fields["date"].text() == "2016-07-27"
    assert window.fields["publisher"].text() == "The New York Times"
    assert window.fields["bio"].toPlainText().startswith("William Taubman, professor")
    window.set_field("author", "W. Taubman and A. N. Other")
    window.set_field("bio", "A short bio.")
    qtbot.waitUntil(lambda: "A short bio." in window.preview.ebook_view.toPlainText(), timeout=60_000)
    assert "W. Taubman and A. N. Other" in window.preview.ebook_view.toPlainText()
    entry = window.current_entry()
    assert entry.overrides.author == "W. Taubman and A. N. Other" and entry.overrides.title is None
    # Typing back what was found removes the override.
    window.set_field("author", "William Taubman")
    assert entry.overrides.author is None
    window.reset_button.click()
    assert entry.overrides.is_empty() and window.fields["bio"].toPlainText().startswith("William Taubman")


def test_invalid_date_is_marked_explained_in_full_and_blocks_export(qtbot, window, seed_path, dialog_log):
    window.resize(800, 600)
    add_and_check(qtbot, window, [seed_path])
    window.set_field("date", "27/07/2016")
    message = window.form_message
    assert message.isVisible() and message.kind == "error"
    assert "Date must be YYYY-MM-DD" in message.text.text()
    assert window.fields["date"].styleSheet() and not window.fields["title"].styleSheet()  # the field is outlined
    assert window.fields["date"].toolTip() == message.text.text()
    qtbot.waitUntil(lambda: message.text.height() >= message.text.heightForWidth(message.text.width()), timeout=5000)
    assert message.text.wordWrap()  # wraps at 800 px instead of being cut
    window.export_button.click()
    assert not window.is_exporting()
    assert dialog_log.errors and "Date must be YYYY-MM-DD" in dialog_log.errors[-1]  # with the error icon
    assert "--" not in dialog_log.errors[-1]
    window.set_field("date", "2016-07-27")
    assert not message.isVisible() and not window.fields["date"].styleSheet()


def test_friendly_names_fields_not_flags():
    assert friendly("--lang must be a BCP 47 language tag") == "Language must be a BCP 47 language tag"
    assert friendly("--title must not be empty") == "Title must not be empty"


def test_add_files_and_folder_through_patched_dialogs(window, seed_path, tmp_path, monkeypatch):
    folder = tmp_path / "articles"
    (folder / "nested").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copy(seed_path, folder / "one.txt")
    shutil.copy(seed_path, folder / "nested" / "two.html")
    shutil.copy(seed_path, folder / ".hidden" / "three.txt")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    monkeypatch.setattr(gui.dialogs, "ask_folder", lambda parent, caption, start: str(folder))
    monkeypatch.setattr(gui.dialogs, "ask_open_files", lambda parent, caption, start, filt: [str(seed_path)])

    window.add_folder_button.click()
    assert sorted(file_names(window)) == ["one.txt", "two.html"]
    window.add_files_button.click()
    window.add_files_button.click()  # the same file twice is listed once
    assert window.input_list.count() == 3

    window.input_list.clearSelection()
    window.input_list.item(0).setSelected(True)
    window.input_list.item(1).setSelected(True)
    assert window.remove_button.isEnabled()
    window.remove_button.click()
    assert window.input_list.count() == 1 and len(window.entries) == 1


def test_dropping_files_from_the_file_manager_adds_them(window, seed_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(seed_path))])
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    assert window.input_list.count() == 1
    assert window.input_list.item(0).toolTip().splitlines()[0] == str(seed_path.resolve())


def test_keyboard_shortcuts(qtbot, window, seed_path, monkeypatch):
    shortcuts = {a.shortcut().toString() for a in (window.add_files_action, window.export_action, window.quit_action)}
    assert shortcuts == {"Ctrl+O", "Ctrl+E", "Ctrl+Q"}
    asked = []
    monkeypatch.setattr(gui.dialogs, "ask_open_files",
                        lambda *args: asked.append(args) or [str(seed_path)])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window.input_list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and window.input_list.count() == 1
    qtbot.keyClick(window.input_list, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def _inside_combo(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _input_widgets(window):
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
    return [w for w in window.centralWidget().findChildren(QWidget) if isinstance(w, kinds) and not _inside_combo(w)
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus]  # e.g. a line edit's clear button


def test_every_control_has_an_accessible_name(window):
    widgets = list(_input_widgets(window))
    assert len(widgets) >= 20
    unnamed = [f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}" for w in widgets if not w.accessibleName()]
    assert not unnamed


def test_tab_order_follows_the_layout(window):
    expected = [window.input_list, window.add_files_button, window.add_folder_button, window.remove_button,
                window.articles.sort_button,
                window.fields["title"], window.fields["author"], window.fields["date"], window.fields["language"],
                window.fields["publisher"], window.fields["bio"], window.reset_button, window.epub_check,
                window.pdf_check, window.crop_marks_check, window.page_size_combo, window.bleed_combo,
                window.output_edit, window.output_button, window.per_article_radio, window.more_button,
                window.collection_radio, window.collection_title, window.send_button, window.open_button,
                window.cancel_button, window.export_button]
    chain, widget = [], window.input_list
    for _ in range(200):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain == expected


def test_export_settings_are_remembered(qtbot, tmp_path, dialog_log):
    first = MainWindow()
    qtbot.addWidget(first)
    first.output_edit.setText(str(tmp_path / "books"))
    first.epub_check.setChecked(False)
    first.page_size_combo.setCurrentIndex(first.page_size_combo.findData("a5"))
    first.bleed_combo.setEditText("3mm")
    first.collection_radio.setChecked(True)
    first.collection_title.setText("Essays")
    first.crop_marks_check.setChecked(True)
    more = first.export_settings.more
    more.variant_combo.setCurrentIndex(more.variant_combo.findData("pdf/ua-1"))
    more.smart_quotes_check.setChecked(False)
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    assert second.output_edit.text() == str(tmp_path / "books")
    assert not second.epub_check.isChecked() and second.pdf_check.isChecked()
    options = second.build_options()
    assert options.formats == ("pdf",) and options.page_size.name == "a5"
    assert options.bleed_pt == pytest.approx(3 * 72 / 25.4)
    assert options.crop_marks and options.pdf_variant == "pdf/ua-1" and not options.smart_quotes
    assert second.collection_radio.isChecked() and second.collection_title.text() == "Essays"


@pytest.mark.parametrize("text, width_pt", [("140x216mm", 140 * 72 / 25.4), ("6 × 9 in", 432.0)])
def test_page_size_accepts_presets_and_custom_sizes(window, text, width_pt):
    window.page_size_combo.setEditText(text)
    if text == "6 × 9 in":
        window.page_size_combo.setCurrentIndex(window.page_size_combo.findText(text))
    assert window.build_options().page_size.width_pt == pytest.approx(width_pt, abs=0.01)


def test_send_to_ereader_hook_matches_the_core():
    import exporter
    from gui import ereader

    assert ereader.available() == all(n in exporter.__all__ for n in ("send_book", "load_config", "list_devices"))
    assert Path(ereader.__file__).name == "ereader.py"


def test_the_window_fits_1024x600_and_works_at_800x600(qtbot, window, seed_path, dialog_log):
    fresh = MainWindow()  # no remembered geometry: the default size
    qtbot.addWidget(fresh)
    assert fresh.width() <= 1024 and fresh.height() <= 600
    assert window.minimumSizeHint().width() <= 800 and window.minimumSizeHint().height() <= 600
    add_and_check(qtbot, window, [seed_path])
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800 and not window._fit_timer.isActive(), timeout=5000)
    for widget in (window.export_button, window.preview.pages_view, window.preview.next_button,
                   window.input_list, window.fields["title"], window.page_size_combo):
        assert not widget.visibleRegion().isEmpty(), widget.accessibleName()
    settings_scroll = window.export_settings.parentWidget().parentWidget()
    # The settings are shown whole: not cut at the side, nor at the foot.
    assert settings_scroll.viewport().width() >= window.export_settings.minimumSizeHint().width()
    assert settings_scroll.viewport().height() >= window.export_settings.sizeHint().height()


def test_help_menu_tells_the_version_the_shortcuts_and_where_settings_live(window, monkeypatch):
    import exporter

    shown = []
    monkeypatch.setattr(gui.dialogs, "run_dialog", lambda box: shown.append(box.text()) or 0)
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    assert list(menus) == ["File", "Export", "Settings", "Help"]
    for action in menus["Help"].actions():
        action.trigger()
    shortcuts, where, about = [text for text in shown]
    assert "Ctrl+E" in shortcuts and "Ctrl+O" in shortcuts and "Page Down" in shortcuts
    assert str(exporter.default_config_path()) in where and "keyring" in where
    assert exporter.__version__ in about
