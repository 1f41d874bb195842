"""Send to e-reader…: the action lists the configured devices and sends the exported EPUBs."""

from __future__ import annotations

import email
import email.policy

import pytest

import gui.dialogs
from gui import ereader

from ..test_delivery_support import PASSWORD, certificate, start_server  # noqa: F401  (certificate: a fixture)
from .conftest import add_and_check, export_and_wait, send_through_dialog

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

    devices, lines = send_through_dialog(qtbot, monkeypatch, window.send_action.trigger)
    assert devices[0].startswith("shelf (folder: ")
    assert len(lines) >= 1 and lines[0].startswith("an-act-of-repentance.epub → "), lines
    assert [p.name for p in reader.rglob("*.epub")] == ["an-act-of-repentance.epub"]


def test_without_devices_the_dialog_says_so_and_takes_an_address(qtbot, window, tmp_path, monkeypatch):
    epub = tmp_path / "book.epub"
    epub.write_bytes(b"PK")
    monkeypatch.setattr(ereader, "_api", lambda name: {
        "load_config": lambda: object(), "list_devices": lambda config: []}[name])
    shown = []

    def look(dialog):
        assert not dialog.device_list.isVisibleTo(dialog)
        shown.append(dialog.no_devices.text())
        assert not dialog.send_button.isEnabled()
        dialog.address_edit.setText("not an address")
        assert dialog.send_button.isEnabled()
        dialog.send_button.click()
        shown.append(dialog.status.text())
        assert dialog.address_edit.styleSheet()  # marked invalid, nothing sent
        return 0

    monkeypatch.setattr(gui.dialogs, "run_dialog", look)
    ereader.send_dialog(window, [epub])
    assert "No e-reader is set up" in shown[0] and "Delivery settings" in shown[0]
    assert shown[1] == "'not an address' is not an e-mail address."


def test_a_typed_address_is_sent_to(qtbot, window, seed_path, tmp_path, monkeypatch, certificate):
    server, controller = start_server("starttls", certificate)
    try:
        config_home = tmp_path / "config"
        (config_home / "article-exporter").mkdir(parents=True)
        (config_home / "article-exporter" / "config.toml").write_text(server.config_toml(), "utf-8")
        monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
        monkeypatch.setenv("EXPORTER_SMTP_PASSWORD", PASSWORD)
        add_and_check(qtbot, window, [seed_path])
        window.pdf_check.setChecked(False)
        export_and_wait(qtbot, window)
        _, lines = send_through_dialog(qtbot, monkeypatch, window.send_button.click, "reader@books.example")
    finally:
        controller.stop()
    assert lines[0] == "an-act-of-repentance.epub → reader@books.example", lines
    [envelope] = server.recorder.envelopes
    assert envelope.rcpt_tos == ["reader@books.example"]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "an-act-of-repentance.epub"
    assert attachment.get_content() == (tmp_path / "out" / "an-act-of-repentance.epub").read_bytes()
