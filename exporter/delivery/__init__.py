"""Sending exported EPUBs to e-readers: by e-mail (Send to Kindle, PocketBook, ...) or over USB.

The public API, shared by the CLI (``exporter send``, ``exporter devices``,
``--send``) and the GUI's "Send to e-reader…" action::

    config = load_config()                 # or load_config("my.toml")
    result = send_book("dist/book.epub", "kindle", config)
    for notice in result.notices: ...      # things the user should be told once
    for device in list_devices(config): ...

Every failure is an `exporter.errors.DeliveryError` subclass with a one-line
message (see `exporter.delivery.errors`).
"""

from .config import DeliveryConfig, DeviceSettings, SmtpSettings, default_config_path, load_config
from .errors import (
    DeliveryConfigError,
    DeviceNotMountedError,
    DeviceWriteError,
    MessageTooLargeError,
    MissingPasswordError,
    MissingSmtpConfigError,
    NoSpaceError,
    RecipientRefusedError,
    SmtpAuthError,
    SmtpConnectionError,
    SmtpTlsError,
    UnknownTargetError,
)
from .service import Device, DeliveryResult, Target, check_target, list_devices, resolve_target, send_book

__all__ = [
    "DeliveryConfig", "DeviceSettings", "SmtpSettings", "default_config_path", "load_config",
    "Device", "DeliveryResult", "Target", "check_target", "list_devices", "resolve_target",
    "send_book",
    "DeliveryConfigError", "DeviceNotMountedError", "DeviceWriteError", "MessageTooLargeError",
    "MissingPasswordError", "MissingSmtpConfigError", "NoSpaceError", "RecipientRefusedError",
    "SmtpAuthError", "SmtpConnectionError", "SmtpTlsError", "UnknownTargetError",
]
