"""Typed delivery failures, each a one-line message the CLI and GUI show as is.

All are `DeliveryError`s so a caller can catch "sending failed" in one place.
Problems found before anything is attempted (no ``[smtp]`` section, no
password, unknown target) are also `ConfigError`s and so exit with the usage
status: nothing was sent and the fix is in the configuration.
"""

from __future__ import annotations

from ..errors import ConfigError, DeliveryError


class DeliveryConfigError(DeliveryError, ConfigError):
    """The delivery settings cannot be used (missing, invalid, unknown target)."""


class MissingSmtpConfigError(DeliveryConfigError):
    """An e-mail target was given but the config has no usable ``[smtp]`` section."""


class MissingPasswordError(DeliveryConfigError):
    """SMTP login is configured but neither the keyring nor the environment has a password."""


class UnknownTargetError(DeliveryConfigError):
    """``--to`` named neither an e-mail address nor a configured or mounted device."""


class SmtpConnectionError(DeliveryError):
    """The SMTP server could not be reached (refused, unresolved, timed out, dropped)."""


class SmtpTlsError(DeliveryError):
    """TLS could not be set up (certificate rejected, no STARTTLS, not a TLS port)."""


class SmtpAuthError(DeliveryError):
    """The SMTP server refused the login."""


class RecipientRefusedError(DeliveryError):
    """The SMTP server refused the recipient (or the sender) address."""


class MessageTooLargeError(DeliveryError):
    """The book is over the target's or the server's size limit."""


class DeviceNotMountedError(DeliveryError):
    """The reader's folder is not there (not plugged in or not mounted)."""


class NoSpaceError(DeliveryError):
    """The reader has not enough free space for the book."""


class DeviceWriteError(DeliveryError):
    """Writing the book to the reader failed for another reason (read-only, I/O error)."""
