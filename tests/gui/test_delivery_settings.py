"""Delivery settings without a text editor: the dialog writes the config the CLI reads,
puts the password in the keyring, and sends a test message through a real SMTP server."""

from __future__ import annotations

import email
import email.policy
import io

import keyring
import pytest
from keyring.backend import KeyringBackend

import gui.dialogs
from exporter.cli import main as cli_main
from gui.delivery_settings import DeliverySettingsDialog

from ..test_delivery_support import PASSWORD, USERNAME, certificate, start_server  # noqa: F401  (a fixture)


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict (the system's stays untouched)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.passwords.get((service, username))

    def set_password(self, service, username, password):
        self.passwords[(service, username)] = password

    def delete_password(self, service, username):
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring(monkeypatch):
    monkeypatch.delenv("EXPORTER_SMTP_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def smtp_server(certificate):
    server, controller = start_server("starttls", certificate)
    yield server
    controller.stop()


def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return cli_main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_the_dialog_writes_a_config_the_cli_reads_and_the_password_goes_to_the_keyring(
        qtbot, tmp_path, memory_keyring, monkeypatch):
    path = tmp_path / "config" / "config.toml"
    reader = tmp_path / "KOBOeReader"
    (reader / ".kobo").mkdir(parents=True)
    monkeypatch.setattr(gui.dialogs, "ask_folder", lambda parent, caption, start: str(reader))
    dialog = DeliverySettingsDialog(None, path)
    qtbot.addWidget(dialog)
    assert str(path) in dialog.where_label.text()  # says which file it reads and writes

    dialog.host_edit.setText("smtp.example.org")
    dialog.security_combo.setCurrentIndex(dialog.security_combo.findData("ssl"))
    assert dialog.port_spin.value() == 465  # the port follows the security
    dialog.user_edit.setText(USERNAME)
    dialog.password_edit.setText(PASSWORD)
    dialog.sender_edit.setText(USERNAME)
    row = dialog.add_device("kindle", "E-mail", "")
    dialog.devices_table.item(row, 2).setText("me_123@kindle.com")
    dialog.add_folder_button.click()
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    assert saved.args[0] == path and path.is_file()
    assert PASSWORD not in path.read_text("utf-8")
    assert memory_keyring.passwords == {("article-exporter", USERNAME): PASSWORD}
    code, out, err = run_cli("devices", "--config", str(path))
    assert code == 0, err
    rows = [line.split() for line in out.splitlines()]
    assert ["kindle", "email", "me_123@kindle.com", "e-mail"] in rows
    kobo = next(r for r in rows if r[0] == "koboereader")
    assert kobo[1:4] == ["kobo", str(reader), "mounted,"]

    again = DeliverySettingsDialog(None, path)  # what was saved comes back into the form
    qtbot.addWidget(again)
    assert (again.host_edit.text(), again.port_spin.value(), again.security_combo.currentData()) == (
        "smtp.example.org", 465, "ssl")
    assert again.devices_table.rowCount() == 2
    assert "stored in the system keyring" in again.password_edit.placeholderText()


def test_invalid_fields_are_marked_and_nothing_is_written(qtbot, tmp_path, memory_keyring):
    path = tmp_path / "config.toml"
    dialog = DeliverySettingsDialog(None, path)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("smtp.example.org")
    dialog.sender_edit.setText("not an address")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not path.exists()
    assert dialog.sender_edit.styleSheet() and dialog.message.kind == "error"
    assert "e-mail address" in dialog.message.text.text()


def test_send_a_test_message_through_the_configured_server(qtbot, tmp_path, memory_keyring, smtp_server):
    path = tmp_path / "config.toml"
    path.write_text(smtp_server.config_toml(), "utf-8")  # an existing config: its CA file is kept
    dialog = DeliverySettingsDialog(None, path)
    qtbot.addWidget(dialog)
    assert dialog.host_edit.text() == "127.0.0.1" and dialog.port_spin.value() == smtp_server.port
    dialog.password_edit.setText(PASSWORD)  # typed, not stored yet: the test uses it as typed
    with qtbot.waitSignal(dialog.testDone, timeout=30_000) as done:
        dialog.test_button.click()
    assert done.args[0] == f"Sent to {USERNAME}: check that mailbox."
    [envelope] = smtp_server.recorder.envelopes
    assert envelope.rcpt_tos == [USERNAME]
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert message["Subject"] == "Article Exporter test message"
    assert memory_keyring.passwords == {}  # nothing stored before Save

    dialog.password_edit.setText("wrong")
    with qtbot.waitSignal(dialog.testDone, timeout=30_000) as done:
        dialog.test_button.click()
    assert done.args[0].startswith("Not sent: ") and "wrong" not in done.args[0]
