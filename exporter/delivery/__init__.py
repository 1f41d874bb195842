"""Sending exported EPUBs to e-readers: by e-mail (Send to Kindle, PocketBook, ...) or over USB.

The public API, shared by the CLI (``exporter send``, ``exporter devices``,
``--send``) and the GUI's "Send to e-reader…" action::

    config = load_config()                 # or load_config("my.toml")
    result = send_book("dist/book.epub", "kindle", config)
    for notice in result.notices: ...      # things the user should be told once
    for device in list_devices(config): ...

Every failure is an `exporter.errors.DeliveryError` subclass with a one-line
message (see `exporter.delivery.errors`). Each name is imported on first use
(PEP 562): the CLI registers ``send`` and ``--send`` on every run, and an
export that sends nothing does not load the settings and service modules.
"""

from .._lazy import lazy_names

# Public name -> the submodule that defines it.
_HOMES = {
    **dict.fromkeys(("DeliveryConfig", "DeviceSettings", "SmtpSettings", "default_config_path", "load_config"),
                    "config"),
    **dict.fromkeys(("DeliveryConfigError", "DeviceNotMountedError", "DeviceWriteError", "MessageTooLargeError",
                     "MissingPasswordError", "MissingSmtpConfigError", "NoSpaceError", "RecipientRefusedError",
                     "SmtpAuthError", "SmtpConnectionError", "SmtpTlsError", "UnknownTargetError"), "errors"),
    **dict.fromkeys(("Device", "DeliveryResult", "Target", "check_target", "list_devices", "resolve_target",
                     "send_book"), "service"),
}

__all__ = [
    "DeliveryConfig", "DeviceSettings", "SmtpSettings", "default_config_path", "load_config",
    "Device", "DeliveryResult", "Target", "check_target", "list_devices", "resolve_target",
    "send_book",
    "DeliveryConfigError", "DeviceNotMountedError", "DeviceWriteError", "MessageTooLargeError",
    "MissingPasswordError", "MissingSmtpConfigError", "NoSpaceError", "RecipientRefusedError",
    "SmtpAuthError", "SmtpConnectionError", "SmtpTlsError", "UnknownTargetError",
]

__getattr__, __dir__ = lazy_names(__name__, _HOMES, __all__)
