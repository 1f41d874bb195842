"""Writing the delivery settings, for a settings screen (the GUI's delivery dialog).

The CLI only reads ``config.toml`` (`exporter.delivery.config`); these are the
writing halves, kept apart so the reader stays small:

- `save_config` writes a `DeliveryConfig` back as TOML, checked by reading the
  text with the same parser first (what is saved is what ``exporter devices``
  will read) and written atomically (a crash never leaves half a config).
- `store_smtp_password` puts the password in the system keyring under the same
  service name `exporter.delivery.password` reads, never in the file.
- `send_test_message` sends a short plain mail through the configured server,
  to check host, security, login and sender before a book is sent.

No TOML writer library is a dependency for one fixed, flat schema: strings are
written as TOML basic strings (JSON's escapes are valid there).
"""

from __future__ import annotations

import email.policy
import email.utils
import json
import tomllib
from datetime import datetime, timezone
from email.message import EmailMessage
from pathlib import Path

from ..atomic import atomic_output
from .config import DEFAULT_TIMEOUT_S, DeliveryConfig, default_config_path, parse_config
from .errors import DeliveryConfigError, MissingSmtpConfigError
from .password import KEYRING_SERVICE, smtp_password


def _string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _key(name: str) -> str:
    """A table key: bare when TOML allows it, quoted otherwise (``[devices."my kobo"]``)."""
    return name if name and all(ch.isalnum() and ch.isascii() or ch in "-_" for ch in name) else _string(name)


def config_text(config: DeliveryConfig) -> str:
    """``config`` as the TOML text `load_config` reads back to an equal config."""
    lines = ["# Delivery settings of Article Exporter (see `exporter send --help`).",
             "# The SMTP password is kept in the system keyring, never here.", ""]
    smtp = config.smtp
    if smtp is not None:
        lines += ["[smtp]", f"host = {_string(smtp.host)}", f"port = {smtp.port}",
                  f"security = {_string(smtp.security)}"]
        if smtp.username:
            lines.append(f"username = {_string(smtp.username)}")
        lines.append(f"from = {_string(smtp.sender)}")
        if smtp.timeout != DEFAULT_TIMEOUT_S:
            lines.append(f"timeout = {smtp.timeout:g}")
        if smtp.ca_file is not None:
            lines.append(f"ca_file = {_string(str(smtp.ca_file))}")
        lines.append("")
    for name, device in config.devices.items():
        lines.append(f"[devices.{_key(name)}]")
        if device.email is not None:
            lines.append(f"email = {_string(device.email)}")
        else:
            lines.append(f"path = {_string(str(device.path))}")
            if device.kind != "auto":
                lines.append(f"kind = {_string(device.kind)}")
        lines.append("")
    return "\n".join(lines)


def save_config(config: DeliveryConfig, path: Path | str | None = None) -> Path:
    """Write ``config`` to ``path`` (default: the file the CLI reads); returns the path written.

    `DeliveryConfigError` (nothing written) when the settings would not load back.
    """
    target = Path(path).expanduser() if path is not None else default_config_path()
    text = config_text(config)
    parse_config(tomllib.loads(text), source=target)  # the same checks as reading: refuse before writing
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(target) as temporary:
            Path(temporary).write_text(text, encoding="utf-8")
    except OSError as err:
        raise DeliveryConfigError(f"cannot write the config file: {err.strerror or err}", path=target) from err
    return target


def store_smtp_password(username: str, password: str) -> None:
    """Keep ``password`` for ``username`` in the system keyring (where sending looks for it)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, username, password)
    except KeyringError as err:
        raise DeliveryConfigError(f"the system keyring refused the password: {type(err).__name__}: {err}") from None


def has_smtp_password(username: str) -> bool:
    """True when sending would find a password for ``username`` (keyring or environment)."""
    try:
        smtp_password(username)
    except DeliveryConfigError:
        return False
    return True


def send_test_message(config: DeliveryConfig, recipient: str | None = None, *, password: str | None = None) -> str:
    """Send a short test mail (to the sender unless ``recipient`` is given); returns the address.

    ``password``: the one just typed into a settings screen, before it is stored; by default
    the one sending would use (keyring or environment)."""
    from . import mail

    smtp = config.smtp
    if smtp is None:
        raise MissingSmtpConfigError("no SMTP server is set up", path=config.source)
    if smtp.username and not password:
        password = smtp_password(smtp.username)
    to = recipient or smtp.sender
    message = EmailMessage(policy=email.policy.SMTP)
    message["Subject"] = "Article Exporter test message"
    message["From"] = smtp.sender
    message["To"] = to
    message["Date"] = email.utils.format_datetime(datetime.now(timezone.utc))
    message["Message-ID"] = email.utils.make_msgid(domain=smtp.sender.rpartition("@")[2])
    message.set_content(f"Article Exporter can send mail through {smtp.host}:{smtp.port} as {smtp.sender}.\n")
    mail.send_message(smtp, password, message)
    return to
