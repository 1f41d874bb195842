"""Delivery settings: a TOML file in the user's config folder (or ``--config FILE``).

```toml
[smtp]
host = "smtp.example.org"
port = 587                  # default: 587 starttls, 465 ssl, 25 none
security = "starttls"       # "starttls" | "ssl" | "none"
username = "me@example.org" # optional; the password comes from the keyring
from = "me@example.org"     # default: username when it is an address
timeout = 60                # seconds, optional
ca_file = "my-ca.pem"       # optional: trust a private CA (relative to this file)

[devices.kindle]
email = "me_123@kindle.com"

[devices.kobo]
path = "/media/me/KOBOeReader"
kind = "kobo"               # optional: "auto" (default) | "kindle" | "kobo" | "folder"
```

Unknown keys are errors so a typo (``usename``) does not silently send mail
without login; a ``password`` key is refused outright so nobody keeps one there.
"""

from __future__ import annotations

import ipaddress
import re
import tomllib
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from .._dataclass_store import dataclass
from .errors import DeliveryConfigError
from .paths import APP_NAME, default_config_path  # default_config_path: also this module's public name

Security = Literal["starttls", "ssl", "none"]
DeviceKind = Literal["auto", "kindle", "kobo", "folder"]

DEFAULT_PORTS: Mapping[str, int] = MappingProxyType({"starttls": 587, "ssl": 465, "none": 25})
DEFAULT_TIMEOUT_S = 60.0
DEVICE_KINDS = ("auto", "kindle", "kobo", "folder")

_SMTP_KEYS = {"host", "port", "security", "username", "from", "timeout", "ca_file"}
_DEVICE_KEYS = {"email", "path", "kind"}
# Deliberately loose: the server is the judge of an address; this only tells
# "an address" from "a device name" and catches obvious slips (spaces, two @).
_ADDRESS_RE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security
    sender: str
    username: str | None = None
    timeout: float = DEFAULT_TIMEOUT_S
    ca_file: Path | None = None


@dataclass(frozen=True)
class DeviceSettings:
    name: str
    email: str | None = None
    path: Path | None = None
    kind: DeviceKind = "auto"


@dataclass(frozen=True)
class DeliveryConfig:
    source: Path | None = None  # the file it was read from, for messages
    smtp: SmtpSettings | None = None
    devices: Mapping[str, DeviceSettings] = field(default_factory=lambda: MappingProxyType({}))


def is_email_address(text: str) -> bool:
    return bool(_ADDRESS_RE.match(text))


def load_config(path: Path | str | None = None) -> DeliveryConfig:
    """Read and validate the delivery config.

    With ``path=None`` the default file is used and may be absent (an empty
    config: USB folders given by name still fail clearly later). A ``path``
    given explicitly must exist.
    """
    explicit = path is not None
    config_path = Path(path).expanduser() if explicit else default_config_path()
    try:
        raw = config_path.read_bytes()
    except FileNotFoundError:
        if explicit:
            raise DeliveryConfigError("config file not found", path=config_path) from None
        return DeliveryConfig(source=None)
    except OSError as err:
        raise DeliveryConfigError(f"cannot read config file: {err.strerror}", path=config_path) from err
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DeliveryConfigError("config file is not UTF-8 text", path=config_path) from None
    except tomllib.TOMLDecodeError as err:
        raise DeliveryConfigError(f"invalid TOML: {err}", path=config_path) from None
    return parse_config(data, source=config_path)


def parse_config(data: Mapping[str, Any], *, source: Path | None = None) -> DeliveryConfig:
    def fail(message: str) -> DeliveryConfigError:
        return DeliveryConfigError(message, path=source)

    unknown = set(data) - {"smtp", "devices"}
    if unknown:
        raise fail(f"unknown section(s): {', '.join(sorted(unknown))} (expected [smtp] and [devices.NAME])")
    smtp_table = data.get("smtp")
    smtp = None
    if smtp_table is not None:
        if not isinstance(smtp_table, Mapping):
            raise fail("[smtp] must be a table")
        smtp = _parse_smtp(smtp_table, source, fail)
    devices_table = data.get("devices", {})
    if not isinstance(devices_table, Mapping):
        raise fail("[devices] must hold tables like [devices.kindle]")
    devices = {
        name: _parse_device(name, table, source, fail) for name, table in devices_table.items()
    }
    return DeliveryConfig(source=source, smtp=smtp, devices=MappingProxyType(devices))


def _parse_smtp(table: Mapping[str, Any], source: Path | None, fail) -> SmtpSettings:
    if "password" in table:
        raise fail(
            "[smtp] password is not read from the config file: store it with "
            f"`keyring set {APP_NAME} USERNAME` or set EXPORTER_SMTP_PASSWORD"
        )
    unknown = set(table) - _SMTP_KEYS
    if unknown:
        raise fail(f"[smtp] unknown key(s): {', '.join(sorted(unknown))}")
    host = table.get("host")
    if not isinstance(host, str) or not host.strip():
        raise fail("[smtp] host is missing")
    security = table.get("security", "starttls")
    if security not in DEFAULT_PORTS:
        raise fail(f"[smtp] security must be \"starttls\", \"ssl\" or \"none\", not {security!r}")
    port = table.get("port", DEFAULT_PORTS[security])
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise fail(f"[smtp] port must be a number from 1 to 65535, not {port!r}")
    username = table.get("username")
    if username is not None and (not isinstance(username, str) or not username):
        raise fail("[smtp] username must be a non-empty string")
    sender = table.get("from", username if username and is_email_address(username) else None)
    if not isinstance(sender, str) or not is_email_address(sender):
        raise fail("[smtp] from must be the sender's e-mail address")
    timeout = table.get("timeout", DEFAULT_TIMEOUT_S)
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool) or timeout <= 0:
        raise fail("[smtp] timeout must be a positive number of seconds")
    if username and security == "none" and not _is_loopback(host):
        # smtplib would happily send AUTH PLAIN in clear text over the network.
        raise fail(
            f"[smtp] security = \"none\" would send the password unencrypted to {host}; "
            "use \"starttls\" or \"ssl\""
        )
    ca_file = table.get("ca_file")
    ca_path = None
    if ca_file is not None:
        if not isinstance(ca_file, str) or not ca_file:
            raise fail("[smtp] ca_file must be a file path")
        ca_path = _relative_to_config(ca_file, source)
    return SmtpSettings(
        host=host.strip(), port=port, security=security, sender=sender,
        username=username, timeout=float(timeout), ca_file=ca_path,
    )


def _parse_device(name: str, table: Any, source: Path | None, fail) -> DeviceSettings:
    if not isinstance(table, Mapping):
        raise fail(f"[devices.{name}] must be a table with email = ... or path = ...")
    unknown = set(table) - _DEVICE_KEYS
    if unknown:
        raise fail(f"[devices.{name}] unknown key(s): {', '.join(sorted(unknown))}")
    email, path, kind = table.get("email"), table.get("path"), table.get("kind", "auto")
    if (email is None) == (path is None):
        raise fail(f"[devices.{name}] needs exactly one of email = ... or path = ...")
    if email is not None:
        if not isinstance(email, str) or not is_email_address(email):
            raise fail(f"[devices.{name}] email is not an e-mail address: {email!r}")
        if "kind" in table:
            raise fail(f"[devices.{name}] kind applies only to a path device")
        return DeviceSettings(name=name, email=email)
    if not isinstance(path, str) or not path:
        raise fail(f"[devices.{name}] path must be a folder path")
    if kind not in DEVICE_KINDS:
        raise fail(f"[devices.{name}] kind must be one of {', '.join(DEVICE_KINDS)}, not {kind!r}")
    return DeviceSettings(name=name, path=_relative_to_config(path, source), kind=kind)


def _relative_to_config(value: str, source: Path | None) -> Path:
    path = Path(value).expanduser()
    if not path.is_absolute() and source is not None:
        path = source.parent / path
    return path


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
