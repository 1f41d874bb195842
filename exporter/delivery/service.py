"""Sending a book to a target: resolving the target, the checks, then mail or USB.

A target is what the user typed after ``--to``: a device name from the
config, an e-mail address, or the folder name of a reader found mounted
(``exporter devices`` shows them). Everything that can be checked without
sending (target known, SMTP configured, password present, size within the
target's limit) is checked first, so nothing half-happens.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from .._dataclass_store import dataclass
from ..errors import DeliveryError
from .config import DeliveryConfig, SmtpSettings, is_email_address
from .errors import MessageTooLargeError, MissingSmtpConfigError, UnknownTargetError
from .password import smtp_password

# mail (smtplib, ssl, email) and usb (lxml for kepub) are imported where used:
# `import exporter` re-exports this API and must stay cheap for the CLI and GUI.

logger = logging.getLogger(__name__)

# Send to Kindle: "up to 25 documents, 50 MB in total per e-mail" (Amazon's
# help page). Counted in decimal MB on the file itself, to be on the safe side.
KINDLE_MAX_BYTES = 50_000_000
KINDLE_DOMAINS = ("kindle.com", "free.kindle.com")


@dataclass(frozen=True)
class Target:
    label: str  # as typed, for messages
    email: str | None = None
    path: Path | None = None
    kind: str = "auto"  # for path targets: auto | kindle | kobo | folder


@dataclass(frozen=True)
class Device:
    """A reader ``exporter devices`` shows: configured, found mounted, or both."""

    name: str
    kind: str  # "email" | "kindle" | "kobo" | "folder"
    email: str | None = None
    path: Path | None = None
    mounted: bool = False  # always False for e-mail targets
    free_bytes: int | None = None
    configured: bool = False


@dataclass(frozen=True)
class DeliveryResult:
    source: Path
    target: str
    kind: str  # "email" | "kindle" | "kobo" | "folder"
    destination: str  # the address, or the path written on the reader
    size: int
    notices: tuple[str, ...] = ()
    message_id: str | None = None


def resolve_target(target: str, config: DeliveryConfig, *, roots: Iterable[Path] | None = None) -> Target:
    """What ``--to TARGET`` means; `UnknownTargetError` listing the known names otherwise."""
    device = config.devices.get(target)
    if device is not None:
        return Target(label=target, email=device.email, path=device.path, kind=device.kind)
    if is_email_address(target):
        return Target(label=target, email=target)
    from . import usb

    readers = usb.find_readers(usb.default_mount_roots() if roots is None else roots)
    for kind, folder in readers:
        if folder.name.lower() == target.lower():
            return Target(label=target, path=folder, kind=kind)
    known = sorted({*config.devices, *(folder.name for _, folder in readers)})
    hint = f"known: {', '.join(known)}" if known else "no devices configured or mounted"
    raise UnknownTargetError(
        f"unknown target {target!r}: not an e-mail address or a device ({hint})", path=config.source
    )


def check_target(target: str | Target, config: DeliveryConfig, *, roots: Iterable[Path] | None = None) -> Target:
    """Resolve ``target`` and check what can be checked before any export or send.

    For e-mail: SMTP configured and a password available. Lets ``--send`` fail
    before exporting instead of after.
    """
    resolved = target if isinstance(target, Target) else resolve_target(target, config, roots=roots)
    if resolved.email is not None:
        smtp = _require_smtp(config, resolved)
        if smtp.username:
            smtp_password(smtp.username)
    return resolved


def send_book(
    path: Path | str,
    target: str | Target,
    config: DeliveryConfig,
    *,
    now: datetime | None = None,
    roots: Iterable[Path] | None = None,
) -> DeliveryResult:
    """Send one EPUB to ``target`` by e-mail or onto a reader; the file itself is only read."""
    source = Path(path)
    if not source.is_file():
        raise DeliveryError("no such file", path=source)
    from .epubfile import check_epub

    check_epub(source)  # a .txt or a PDF is refused in one line, not "sent" or a BadZipFile
    resolved = check_target(target, config, roots=roots)
    if resolved.email is not None:
        return _send_mail(source, resolved, config, now or datetime.now(timezone.utc))
    from . import usb

    copied = usb.copy_to_device(source, resolved.path, kind=resolved.kind, label=resolved.label)
    for notice in copied.notices:
        logger.debug("%s", notice)
    return DeliveryResult(
        source=source, target=resolved.label, kind=copied.kind,
        destination=str(copied.destination), size=copied.size, notices=copied.notices,
    )


def list_devices(config: DeliveryConfig, *, roots: Iterable[Path] | None = None) -> list[Device]:
    """Configured devices (mounted or not) and any Kindle or Kobo found mounted under ``roots``."""
    from . import usb

    devices: list[Device] = []
    configured_paths: set[Path] = set()
    for name, device in sorted(config.devices.items()):
        if device.email is not None:
            devices.append(Device(name=name, kind="email", email=device.email, configured=True))
            continue
        mounted = device.path.is_dir()
        kind = usb.detect_kind(device.path) if mounted else device.kind
        if mounted and device.kind in ("kindle", "kobo") and kind != device.kind:
            mounted, kind = False, device.kind  # the folder is there but the reader is not in it
        devices.append(Device(
            name=name, kind=kind if kind != "auto" else "folder", path=device.path, mounted=mounted,
            free_bytes=usb.free_bytes(device.path) if mounted else None, configured=True,
        ))
        if mounted:
            configured_paths.add(device.path.resolve())
    for kind, folder in usb.find_readers(usb.default_mount_roots() if roots is None else roots):
        if folder not in configured_paths:
            devices.append(Device(
                name=folder.name, kind=kind, path=folder, mounted=True, free_bytes=usb.free_bytes(folder),
            ))
    return devices


def size_limit(address: str) -> tuple[int, str] | None:
    """(bytes, service) when the address is a service with a known per-message limit."""
    domain = address.rpartition("@")[2].lower()
    if domain in KINDLE_DOMAINS:
        return KINDLE_MAX_BYTES, "Send to Kindle"
    return None


def is_kindle_address(address: str) -> bool:
    return address.rpartition("@")[2].lower() in KINDLE_DOMAINS


# Reminded (sender, Kindle address) pairs, so a batch of books gets the
# approved-sender reminder once per run, not once per book.
_kindle_reminded: set[tuple[str, str]] = set()
_kindle_reminded_lock = threading.Lock()


def _kindle_reminder(sender: str, address: str) -> str | None:
    key = (sender.lower(), address.lower())
    with _kindle_reminded_lock:
        if key in _kindle_reminded:
            return None
        _kindle_reminded.add(key)
    return (
        f"Kindle only accepts mail from addresses on your approved sender list: make sure {sender} is on it "
        "(Amazon: Manage Your Content and Devices > Preferences > Personal Document Settings); "
        "mail from other senders is dropped without a bounce"
    )


def _require_smtp(config: DeliveryConfig, target: Target) -> SmtpSettings:
    if config.smtp is None:
        where = config.source or "the config file"
        raise MissingSmtpConfigError(
            f"cannot e-mail {target.label}: no [smtp] section in {where} (see `exporter send --help`)"
        )
    return config.smtp


def _send_mail(source: Path, target: Target, config: DeliveryConfig, now: datetime) -> DeliveryResult:
    from . import mail
    from .epubfile import read_title

    smtp = _require_smtp(config, target)
    size = source.stat().st_size
    limit = size_limit(target.email)
    if limit is not None and size > limit[0]:
        raise MessageTooLargeError(
            f"the book is {size / 1_000_000:.1f} MB; {limit[1]} takes at most {limit[0] / 1_000_000:.0f} MB "
            "per message",
            path=source,
        )
    password = smtp_password(smtp.username) if smtp.username else None
    data = source.read_bytes()
    subject = read_title(source) or source.stem
    message = mail.build_message(source, data, sender=smtp.sender, recipient=target.email, subject=subject, now=now)
    mail.send_message(smtp, password, message)
    notices = []
    if is_kindle_address(target.email):
        reminder = _kindle_reminder(smtp.sender, target.email)
        if reminder:
            logger.debug("%s", reminder)  # returned in notices; the caller shows it
            notices.append(reminder)
    return DeliveryResult(
        source=source, target=target.label, kind="email", destination=target.email, size=size,
        notices=tuple(notices), message_id=message["Message-ID"],
    )
