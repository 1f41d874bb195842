"""Send to e-reader…: the action lists the configured devices and sends the exported EPUBs."""

from __future__ import annotations

import pytest

import gui.dialogs
from gui import ereader

from .conftest import export_and_wait

pytestmark = pytest.mark.skipif(not ereader.available(), reason="this core has no e-reader delivery")


def test_send_action_copies_the_exported_epub_to_a_folder_device(qtbot, window, seed_path, tmp_path, monkeypatch):
    reader = tmp_path / "reader"
    reader.mkdir()
    config_home = tmp_path / "config"
    (config_home / "article-exporter").mkdir(parents=True)
    (config_home / "article-exporter" / "config.toml").write_text(
        f'[devices.shelf]\npath = "{reader}"\nkind = "folder"\n', "utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    assert not window.send_action.isEnabled()  # nothing exported yet

    window.add_paths([seed_path])
    window.pdf_check.setChecked(False)
    export_and_wait(qtbot, window)
    assert window.send_action.isEnabled()

    shown = []

    def drive(dialog):
        shown.append([dialog.device_list.item(i).text() for i in range(dialog.device_list.count())])
        with qtbot.waitSignal(dialog.sent, timeout=30_000) as sent:
            dialog.send_button.click()
        shown.append(sent.args[0])
        return 0

    monkeypatch.setattr(gui.dialogs, "run_dialog", drive)
    window.send_action.trigger()

    devices, lines = shown
    assert devices[0].startswith("shelf (folder: ")
    assert len(lines) >= 1 and lines[0].startswith("an-act-of-repentance.epub → "), lines
    assert [p.name for p in reader.rglob("*.epub")] == ["an-act-of-repentance.epub"]


def test_send_without_devices_explains_what_to_do(window, tmp_path, monkeypatch, dialog_log):
    monkeypatch.setattr(gui.dialogs, "run_dialog", lambda dialog: pytest.fail("no device: no dialog"))
    epub = tmp_path / "book.epub"
    epub.write_bytes(b"PK")
    monkeypatch.setattr(ereader, "_api", lambda name: {
        "load_config": lambda: object(), "list_devices": lambda config: []}[name])
    ereader.send_dialog(window, [epub])
    assert dialog_log.informed and "No e-reader is configured" in dialog_log.informed[-1]
