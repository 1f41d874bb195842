"""The "Send to e-reader…" action: a small dialog over the core's delivery API.

Pick a configured or connected reader, or type an e-mail address (as
``exporter send --to ADDRESS`` takes one); the send runs off the window's
thread (`gui.tasks`).

The hook is `available()`: the action is enabled only when ``exporter``
exports ``send_book``, ``load_config`` and ``list_devices`` in ``__all__``
(the delivery feature of the core). The names are looked up on the package at
run time, so the GUI keeps working, with the action disabled, on a core
without delivery.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

import exporter

from . import dialogs, tasks
from .details_form import INVALID_STYLE

log = logging.getLogger(__name__)

DELIVERY_NAMES = ("send_book", "load_config", "list_devices")


def available() -> bool:
    """True when the core offers e-reader delivery."""
    return all(name in exporter.__all__ for name in DELIVERY_NAMES)


def _api(name: str) -> Callable[..., Any]:
    return getattr(exporter, name)


class SendDialog(QDialog):
    """Pick a configured device; send every EPUB of the last export to it."""

    sent = Signal(list)  # one line per book: where it went, or why not

    def __init__(self, parent: QWidget | None, epubs: list[Path], config: Any, devices: list[Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Send to e-reader")
        self.epubs = epubs
        self.config = config
        self.devices = devices
        layout = QVBoxLayout(self)
        books = ", ".join(p.name for p in epubs)
        intro = QLabel(f"Send {len(epubs)} book{'s' if len(epubs) != 1 else ''} ({books}) to:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.device_list = QListWidget()
        self.device_list.setAccessibleName("E-readers")
        for device in devices:
            where = device.email or (str(device.path) if device.path else "")
            state = "" if device.kind == "email" else (" — connected" if device.mounted else " — not connected")
            item = QListWidgetItem(f"{device.name} ({device.kind}: {where}){state}")
            item.setData(Qt.ItemDataRole.UserRole, device.name)
            self.device_list.addItem(item)
        if devices:
            self.device_list.setCurrentRow(0)
        self.device_list.setVisible(bool(devices))
        layout.addWidget(self.device_list)
        # Without devices a wrapped line says so (in the list it would be cut at the dialog's edge).
        self.no_devices = QLabel("No e-reader is set up or connected. Type an address below, or add one "
                                 "under Settings > Delivery settings.")
        self.no_devices.setWordWrap(True)
        self.no_devices.setAccessibleName("No e-readers")
        self.no_devices.setVisible(not devices)
        layout.addWidget(self.no_devices)
        typed_label = QLabel("Or send to this e-mail &address:" if devices else "Send to this e-mail &address:")
        self.address_edit = QLineEdit()
        self.address_edit.setAccessibleName("E-mail address to send to")
        self.address_edit.setPlaceholderText("e.g. me_123@kindle.com")
        self.address_edit.textChanged.connect(self._update_button)
        typed_label.setBuddy(self.address_edit)
        layout.addWidget(typed_label)
        layout.addWidget(self.address_edit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Sending status")
        layout.addWidget(self.status)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = self.buttons.addButton("Send", QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setAccessibleName("Send the books")
        self.send_button.setEnabled(bool(devices))
        self.setMinimumWidth(440)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._running = None

    def _update_button(self) -> None:
        self.address_edit.setStyleSheet("")
        self.send_button.setEnabled(self._running is None and bool(self.target()))

    def target(self) -> str | None:
        """The typed address when there is one, else the selected device's name."""
        typed = self.address_edit.text().strip()
        if typed:
            return typed
        item = self.device_list.currentItem() if self.devices else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def send(self) -> None:
        target = self.target()
        if target is None or self._running is not None:
            return
        if self.address_edit.text().strip() and not exporter.is_email_address(target):
            self.address_edit.setStyleSheet(INVALID_STYLE)
            self.status.setText(f"{target!r} is not an e-mail address.")
            return
        send_book = _api("send_book")

        def send_all() -> list[str]:
            lines = []
            for epub in self.epubs:
                try:
                    result = send_book(epub, target, self.config)
                    lines.append(f"{epub.name} → {result.destination}")
                    lines.extend(result.notices)
                except exporter.ExporterError as err:
                    lines.append(f"{epub.name}: {err}")
            return lines

        self.send_button.setEnabled(False)
        self.status.setText(f"Sending to {target}…")
        self._running = tasks.run_call(self, send_all, self._on_done)

    def _on_done(self, result: Any) -> None:
        self._running = None
        lines = [f"internal error: {type(result).__name__}: {result}"] if isinstance(result, Exception) else result
        self.status.setText("<br>".join(lines))
        self.send_button.setEnabled(True)
        self.sent.emit(lines)

    def done(self, code: int) -> None:  # noqa: D401 (Qt's name): no closing while a send runs
        if self._running is None:
            super().done(code)


def send_dialog(parent: QWidget, epubs: list[Path]) -> None:
    """What the action does: check there is something to send and somewhere to send it, then ask."""
    if not available():
        dialogs.inform(parent, "Send to e-reader", "Sending to an e-reader is not available in this version.")
        return
    if not epubs:
        dialogs.inform(parent, "Send to e-reader", "Export some articles as EPUB first.")
        return
    try:
        config = _api("load_config")()
        devices = list(_api("list_devices")(config))
    except exporter.ExporterError as err:
        dialogs.inform(parent, "Send to e-reader", f"The e-reader settings cannot be used:\n{err}")
        return
    dialogs.run_dialog(SendDialog(parent, epubs, config, devices))
