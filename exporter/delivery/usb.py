"""Copying a book onto a mounted e-reader (or any folder), atomically.

Layouts recognised:
- **Kindle**: ``documents/`` and ``system/`` folders; books go in ``documents/``.
- **Kobo**: a ``.kobo/`` folder; the book is written as ``NAME.kepub.epub``
  (see `kepub`) at the top of the reader, which Kobo scans on eject.
- **folder**: anything else given as a device ``path``; the EPUB is copied as is.

Order: the reader must be there, then the free-space check (through
`free_bytes`, one small function so tests can simulate a full disk), then a
temporary file in the target folder renamed over the final name with
`os.replace`, so an unplugged cable or a full disk never leaves half a book
under the real name. The temporary file is removed on any failure, and the
source file is only ever read.
"""

from __future__ import annotations

import errno
import getpass
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .._dataclass_store import dataclass
from .errors import DeviceNotMountedError, DeviceWriteError, NoSpaceError
from .kepub import kepubify

logger = logging.getLogger(__name__)

# Readers use FAT/exFAT with clusters up to 32 KiB plus directory entries:
# asking for a little more than the file avoids a write failing at the very end.
SPACE_MARGIN_BYTES = 1024 * 1024
KINDLE_EPUB_NOTICE = (
    "Kindle e-readers do not open EPUB files copied over USB (they read AZW3, KFX, MOBI and PDF); "
    "send the EPUB to your Send-to-Kindle e-mail address instead, which converts it"
)


@dataclass(frozen=True)
class CopyResult:
    destination: Path
    kind: str  # "kindle" | "kobo" | "folder"
    size: int
    notices: tuple[str, ...] = ()


def free_bytes(folder: Path) -> int:
    """Free space for an unprivileged writer in ``folder`` (the probe tests patch)."""
    return shutil.disk_usage(folder).free


def default_mount_roots() -> tuple[Path, ...]:
    """Where desktops mount removable drives: udisks2 on Linux, macOS, and hand mounts."""
    user = getpass.getuser()
    return (Path("/media") / user, Path("/run/media") / user, Path("/Volumes"), Path("/mnt"), Path("/media"))


def detect_kind(folder: Path) -> str:
    """``"kobo"``, ``"kindle"`` or ``"folder"`` for the top folder of a mounted reader."""
    if (folder / ".kobo").is_dir():
        return "kobo"
    # documents/ alone is common on USB sticks; system/ is on every Kindle too.
    if (folder / "documents").is_dir() and (folder / "system").is_dir():
        return "kindle"
    return "folder"


def find_readers(roots: Iterable[Path]) -> list[tuple[str, Path]]:
    """(kind, folder) of each Kindle or Kobo mounted directly in or at one of ``roots``."""
    found: dict[Path, str] = {}
    for root in roots:
        try:
            candidates = [root, *sorted(p for p in root.iterdir() if p.is_dir())]
        except OSError:  # absent root, or one we may not list
            continue
        for folder in candidates:
            try:
                kind = detect_kind(folder)
            except OSError:
                continue
            if kind != "folder":
                found.setdefault(folder.resolve(), kind)
    return [(kind, folder) for folder, kind in found.items()]


def copy_to_device(epub: Path, device: Path, *, kind: str = "auto", label: str | None = None) -> CopyResult:
    """Copy ``epub`` onto the reader or folder at ``device``."""
    label = label or str(device)
    if not device.is_dir():
        raise DeviceNotMountedError(f"{label} is not mounted: {device} is not a folder", path=device)
    found = detect_kind(device)
    if kind == "auto":
        kind = found
    elif kind in ("kindle", "kobo") and found != kind:
        marker = "documents/ and system/" if kind == "kindle" else ".kobo/"
        raise DeviceNotMountedError(f"{label} is not mounted: no {marker} in {device}", path=device)
    notices: list[str] = []
    if kind == "kobo":
        payload: bytes | None = kepubify(epub.read_bytes())
        folder, name = device, _kepub_name(epub)
        size = len(payload)
    else:
        payload = None
        folder = device / "documents" if kind == "kindle" else device
        name, size = epub.name, epub.stat().st_size
        if kind == "kindle":
            notices.append(KINDLE_EPUB_NOTICE)
    destination = folder / name
    if destination.exists() and destination.samefile(epub):
        return CopyResult(destination, kind, size, (*notices, f"{epub} is already on {label}"))
    free = free_bytes(folder)
    if free < size + SPACE_MARGIN_BYTES:
        raise NoSpaceError(
            f"not enough space on {label}: the book needs {_mb(size + SPACE_MARGIN_BYTES)}, "
            f"{_mb(free)} free",
            path=folder,
        )
    _atomic_write(destination, epub, payload, label)
    logger.info("copied %s to %s", epub, destination)
    return CopyResult(destination, kind, size, tuple(notices))


def _kepub_name(epub: Path) -> str:
    stem = epub.name[: -len(".epub")] if epub.name.lower().endswith(".epub") else epub.name
    if stem.lower().endswith(".kepub"):
        stem = stem[: -len(".kepub")]
    return f"{stem}.kepub.epub"


def _atomic_write(destination: Path, source: Path, payload: bytes | None, label: str) -> None:
    """Write ``payload`` (or a copy of ``source``) to ``destination`` via a temp file + rename."""
    try:
        handle = tempfile.NamedTemporaryFile(
            dir=destination.parent, prefix=f".{destination.name}.", suffix=".part", delete=False
        )
    except OSError as err:
        raise _write_error(err, label, destination) from err
    temp = Path(handle.name)
    try:
        with handle:
            if payload is not None:
                handle.write(payload)
            else:
                with source.open("rb") as reader:
                    shutil.copyfileobj(reader, handle, 1024 * 1024)
            handle.flush()
            # The reader may be unplugged right after we return: get the bytes onto it first.
            os.fsync(handle.fileno())
        _ordinary_permissions(temp)
        os.replace(temp, destination)
    except BaseException as err:
        temp.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _write_error(err, label, destination) from err
        raise


def _ordinary_permissions(path: Path) -> None:
    """rw-r--r-- under the usual umask, as any copied file: the temporary file starts as
    rw------- (mkstemp), which made books on a shared folder unreadable to other users."""
    from ..atomic import output_mode

    try:
        os.chmod(path, output_mode())
    except OSError:
        pass  # FAT and exFAT readers have no permissions to set


def _write_error(err: OSError, label: str, destination: Path) -> Exception:
    if err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return NoSpaceError(f"not enough space on {label} ({err.strerror})", path=destination.parent)
    return DeviceWriteError(f"cannot write to {label}: {err.strerror or err}", path=destination)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
