"""Delivery settings: the SMTP server and the e-readers, without a text editor.

The dialog reads and writes the same ``config.toml`` the CLI uses (its path is
shown at the top), through the core's `load_config` and `save_config`, so what
is saved here is exactly what ``exporter devices`` and ``exporter send`` read.
The password goes to the system keyring (`store_smtp_password`), never to the
file. "Send a test message" tries the server as typed, before saving.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from exporter import (
    DEFAULT_PORTS, DeliveryConfig, DeviceSettings, ExporterError, SmtpSettings, default_config_path,
    has_smtp_password, is_email_address, list_devices, load_config, save_config, send_test_message,
    store_smtp_password,
)

from . import dialogs, tasks
from .details_form import INVALID_STYLE, MessageLine

SECURITY = (("starttls", "STARTTLS (port 587)"), ("ssl", "SSL/TLS (port 465)"), ("none", "None (port 25)"))
_EMAIL, _FOLDER = "E-mail", "USB folder"


class DeliverySettingsDialog(QDialog):
    saved = Signal(object)  # the path written
    testDone = Signal(str)  # the line shown after "Send a test message"

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delivery settings")
        self.path = Path(path) if path is not None else default_config_path()
        self._running = None
        layout = QVBoxLayout(self)
        self.where_label = where = QLabel(f"Settings file: <code>{self.path}</code><br>The same file the command line "
                       "(<code>exporter send</code>, <code>exporter devices</code>) reads.")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setAccessibleName("Settings file")
        layout.addWidget(where)
        layout.addWidget(self._build_smtp())
        layout.addWidget(self._build_devices(), 1)
        self.message = MessageLine("Delivery settings problem")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save the delivery settings")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._load()

    # ------------------------------------------------------------ building

    def _build_smtp(self) -> QGroupBox:
        box = QGroupBox("Outgoing mail (SMTP), for e-mail devices such as Send to Kindle")
        form = QFormLayout(box)
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("smtp.example.org")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(587)
        self.security_combo = QComboBox()
        for key, label in SECURITY:
            self.security_combo.addItem(label, key)
        self.security_combo.currentIndexChanged.connect(
            lambda: self.port_spin.setValue(DEFAULT_PORTS[self.security_combo.currentData()]))
        self.user_edit = QLineEdit()
        self.user_edit.setPlaceholderText("me@example.org (empty: no login)")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender_edit = QLineEdit()
        self.sender_edit.setPlaceholderText("me@example.org — on Kindle's approved sender list")
        self.test_button = QPushButton("Send a test message")
        self.test_button.setAccessibleName("Send a test message to the sender")
        self.test_button.clicked.connect(self.send_test)
        self.test_status = QLabel()
        self.test_status.setWordWrap(True)
        self.test_status.setAccessibleName("Test message result")
        for label, widget, name in (("&Server:", self.host_edit, "SMTP server"), ("P&ort:", self.port_spin, "Port"),
                                    ("Se&curity:", self.security_combo, "Security"),
                                    ("&User name:", self.user_edit, "User name"),
                                    ("Pass&word:", self.password_edit, "Password"),
                                    ("Sen&der:", self.sender_edit, "Sender address")):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addWidget(self.test_status, 1)
        form.addRow(row)
        return box

    def _build_devices(self) -> QGroupBox:
        box = QGroupBox("E-readers")
        layout = QVBoxLayout(box)
        self.devices_table = QTableWidget(0, 3)
        self.devices_table.setAccessibleName("Configured e-readers")
        self.devices_table.setHorizontalHeaderLabels(["Name", "Kind", "E-mail address or folder"])
        self.devices_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.devices_table.verticalHeader().setVisible(False)
        self.devices_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.devices_table.setMinimumHeight(90)
        layout.addWidget(self.devices_table, 1)
        self.add_email_button = QPushButton("Add e-mail address")
        self.add_email_button.clicked.connect(lambda: self.add_device("", _EMAIL, ""))
        self.add_folder_button = QPushButton("Add USB folder…")
        self.add_folder_button.clicked.connect(self._add_folder)
        self.remove_device_button = QPushButton("Remove")
        self.remove_device_button.clicked.connect(self._remove_device)
        row = QHBoxLayout()
        for button, name in ((self.add_email_button, "Add an e-mail device"),
                             (self.add_folder_button, "Add a USB folder device"),
                             (self.remove_device_button, "Remove the selected device")):
            button.setAccessibleName(name)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.found_label.setAccessibleName("Readers found")
        layout.addWidget(self.found_label)
        self.add_found_button = QPushButton("Add the readers found")
        self.add_found_button.setAccessibleName("Add the connected readers found")
        self.add_found_button.clicked.connect(self._add_found)
        layout.addWidget(self.add_found_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # ------------------------------------------------------------ loading

    def _load(self) -> None:
        self._kept_smtp: SmtpSettings | None = None
        self._kinds: dict[str, str] = {}
        try:
            config = load_config(self.path) if self.path.is_file() else DeliveryConfig()
        except ExporterError as err:
            self.message.show_message(f"The settings file cannot be used ({err}); saving replaces it.", "error")
            config = DeliveryConfig()
        smtp = config.smtp
        if smtp is not None:
            self._kept_smtp = smtp
            self.host_edit.setText(smtp.host)
            self.security_combo.setCurrentIndex(self.security_combo.findData(smtp.security))
            self.port_spin.setValue(smtp.port)
            self.user_edit.setText(smtp.username or "")
            self.sender_edit.setText(smtp.sender)
            if smtp.username and has_smtp_password(smtp.username):
                self.password_edit.setPlaceholderText("stored in the system keyring (type to replace it)")
        if not self.password_edit.placeholderText():
            self.password_edit.setPlaceholderText("kept in the system keyring, never in the file")
        for name, device in config.devices.items():
            self._kinds[name] = device.kind
            if device.email is not None:
                self.add_device(name, _EMAIL, device.email)
            else:
                self.add_device(name, _FOLDER, str(device.path))
        self._found = [d for d in list_devices(DeliveryConfig()) if d.mounted]
        if self._found:
            self.found_label.setText("Connected now: " + ", ".join(f"{d.name} ({d.kind}, {d.path})" for d in self._found))
        else:
            self.found_label.setText("No Kindle or Kobo is connected now.")
        self.add_found_button.setVisible(bool(self._found))

    def add_device(self, name: str, kind: str, where: str) -> int:
        row = self.devices_table.rowCount()
        self.devices_table.insertRow(row)
        self.devices_table.setItem(row, 0, QTableWidgetItem(name))
        kind_item = QTableWidgetItem(kind)
        kind_item.setFlags(kind_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.devices_table.setItem(row, 1, kind_item)
        self.devices_table.setItem(row, 2, QTableWidgetItem(where))
        if not name:
            self.devices_table.setCurrentCell(row, 0)
            self.devices_table.editItem(self.devices_table.item(row, 0))
        return row

    def _add_folder(self) -> None:
        folder = dialogs.ask_folder(self, "The e-reader's folder", str(Path("/media")))
        if folder:
            self.add_device(Path(folder).name.lower() or "reader", _FOLDER, folder)

    def _add_found(self) -> None:
        known = {self.devices_table.item(r, 2).text() for r in range(self.devices_table.rowCount())}
        for device in self._found:
            if str(device.path) not in known:
                self.add_device(device.name.lower(), _FOLDER, str(device.path))

    def _remove_device(self) -> None:
        for row in sorted({index.row() for index in self.devices_table.selectedIndexes()}, reverse=True):
            self.devices_table.removeRow(row)

    # ------------------------------------------------------------ the config from the form

    def config(self) -> DeliveryConfig:
        """The settings as typed; `ExporterError` with the field outlined when one is wrong."""
        for widget in (self.host_edit, self.sender_edit, self.user_edit):
            widget.setStyleSheet("")
        self.devices_table.setStyleSheet("")
        host, user, sender = (w.text().strip() for w in (self.host_edit, self.user_edit, self.sender_edit))
        smtp = None
        if host or user or sender:
            if not host:
                self._fail(self.host_edit, "Give the SMTP server's name, e.g. smtp.example.org.")
            sender = sender or (user if is_email_address(user) else "")
            if not is_email_address(sender):
                self._fail(self.sender_edit, "The sender must be an e-mail address (the one your mail is from).")
            security = self.security_combo.currentData()
            kept = self._kept_smtp
            smtp = SmtpSettings(host=host, port=self.port_spin.value(), security=security, sender=sender,
                                username=user or None, timeout=kept.timeout if kept else 60.0,
                                ca_file=kept.ca_file if kept else None)
        devices: dict[str, DeviceSettings] = {}
        for row in range(self.devices_table.rowCount()):
            name = (self.devices_table.item(row, 0).text() if self.devices_table.item(row, 0) else "").strip()
            kind = self.devices_table.item(row, 1).text()
            where = (self.devices_table.item(row, 2).text() if self.devices_table.item(row, 2) else "").strip()
            if not name or name in devices:
                self._fail(self.devices_table, f"Row {row + 1}: each e-reader needs its own name.")
            if kind == _EMAIL:
                if not is_email_address(where):
                    self._fail(self.devices_table, f"{name}: {where!r} is not an e-mail address.")
                devices[name] = DeviceSettings(name=name, email=where)
            else:
                if not where:
                    self._fail(self.devices_table, f"{name}: give the reader's folder.")
                devices[name] = DeviceSettings(name=name, path=Path(where).expanduser(),
                                               kind=self._kinds.get(name, "auto"))
        self.message.show_message(None)
        return DeliveryConfig(source=self.path, smtp=smtp, devices=MappingProxyType(devices))

    def _fail(self, widget: QWidget, message: str) -> None:
        widget.setStyleSheet(INVALID_STYLE)
        self.message.show_message(message, "error")
        raise ExporterError(message)

    def save(self) -> None:
        try:
            config = self.config()
            written = save_config(config, self.path)
            password = self.password_edit.text()
            if password and config.smtp is not None and config.smtp.username:
                store_smtp_password(config.smtp.username, password)
        except ExporterError as err:
            if not self.message.isVisible():
                self.message.show_message(str(err), "error")
            return
        self.saved.emit(written)
        self.accept()

    def send_test(self) -> None:
        if self._running is not None:
            return
        try:
            config = self.config()
        except ExporterError:
            return
        if config.smtp is None:
            self.host_edit.setStyleSheet(INVALID_STYLE)
            self.message.show_message("Fill in the mail server first.", "error")
            return
        password = self.password_edit.text() or None
        self.test_button.setEnabled(False)
        self.test_status.setText(f"Sending a test message to {config.smtp.sender}…")
        self._running = tasks.run_call(self, lambda: send_test_message(config, password=password), self._tested)

    def _tested(self, result) -> None:
        self._running = None
        self.test_button.setEnabled(True)
        line = (f"Sent to {result}: check that mailbox." if isinstance(result, str)
                else f"Not sent: {' '.join(str(result).split())}")
        self.test_status.setText(line)
        self.testDone.emit(line)

    def done(self, code: int) -> None:  # Qt's name: no closing while a test message is on its way
        if self._running is None:
            super().done(code)
