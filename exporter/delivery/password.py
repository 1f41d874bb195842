"""The SMTP password: from ``EXPORTER_SMTP_PASSWORD`` or the system keyring (keyring adapter).

Never from the config file or the command line, where it would end up in
backups, shell history and ``ps`` output. The environment variable wins so a
one-off run (or a test) needs no keyring.

keyring quirks held here: on a headless Linux box the chosen backend is the
"fail" keyring, whose ``get_password`` raises ``NoKeyringError`` instead of
returning None; a locked or broken Secret Service raises other
``KeyringError``s. All of these mean "no password available" to us, with the
reason kept for the error message.
"""

from __future__ import annotations

import logging
import os

from .config import APP_NAME
from .errors import MissingPasswordError

logger = logging.getLogger(__name__)

PASSWORD_ENV = "EXPORTER_SMTP_PASSWORD"
KEYRING_SERVICE = APP_NAME


def smtp_password(username: str) -> str:
    """The password for ``username``, or `MissingPasswordError` saying how to store one."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    reason = _keyring_lookup(username)
    if isinstance(reason, _Found):
        return reason.password
    raise MissingPasswordError(
        f"no SMTP password for {username!r}: store it with `keyring set {KEYRING_SERVICE} {username}` "
        f"or set {PASSWORD_ENV} ({reason})"
    )


class _Found:
    __slots__ = ("password",)

    def __init__(self, password: str) -> None:
        self.password = password

    def __repr__(self) -> str:  # never show the secret, even in a debugger or log
        return "_Found(<hidden>)"


def _keyring_lookup(username: str) -> _Found | str:
    """The password, or a short reason why the keyring gave none."""
    try:
        # Imported lazily: keyring scans entry points for backends on import.
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a declared dependency
        return "the keyring package is not installed"
    try:
        password = keyring.get_password(KEYRING_SERVICE, username)
    except KeyringError as err:
        logger.debug("keyring lookup failed: %s", type(err).__name__)
        return f"keyring unavailable: {type(err).__name__}"
    if not password:
        return "not in the keyring"
    return _Found(password)
