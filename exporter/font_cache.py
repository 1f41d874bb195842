"""What the installed fonts cover, remembered across runs.

Finding the cover's face meant reading each candidate font's character map
through fontTools on every run (about 0.14 s, most of an EPUB export of one
article), and the PDF's script check lists every installed font's coverage
through ``fc-list`` (about 80 ms). Both answers change only when fonts change,
so they are kept in one JSON file in the user's cache folder
(``platformdirs.user_cache_path``; ``$XDG_CACHE_HOME/article-exporter`` on Linux):

- a font file's coverage is keyed on that file's size and modification time;
- answers about *all* installed fonts (``fc-list``, ``fc-match``) are keyed on
  `installed_fonts_stamp`: the modification times of the font folders and of
  fontconfig's configuration, which is what fontconfig itself checks to know
  its own cache is stale (adding or removing a font changes its folder's time).

The file is only a cache: unreadable, corrupt or of another version, it is
ignored and rewritten; it is replaced atomically (a temporary file renamed over
it), so concurrent runs never see half a file, and the worst a race does is
drop another run's fresh entry, which is then computed again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import marshal
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

APP_NAME = "article-exporter"
CACHE_FILE = "font-coverage.json"
VERSION = 1

Ranges = tuple[tuple[int, int], ...]  # merged, sorted, inclusive code-point ranges

# Where fonts are installed (fontconfig's defaults on Linux; the system folders elsewhere),
# and fontconfig's configuration, which can add folders or reject fonts.
_FONT_ROOTS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
               "/System/Library/Fonts", "/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts")
_CONFIG_PATHS = ("/etc/fonts/fonts.conf", "/etc/fonts/conf.d", "~/.config/fontconfig")


def cache_path() -> Path:
    return cache_folder() / CACHE_FILE


def cache_folder() -> Path:
    """``platformdirs.user_cache_path(APP_NAME)`` (`_user_dirs`: on Linux, without importing it)."""
    from ._user_dirs import user_cache_path

    return user_cache_path(APP_NAME)


# ---------------------------------------------------------------- stamps


def file_stamp(path: Path) -> list[int] | None:
    """What identifies this version of a file: its size and modification time (ns)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return [status.st_size, status.st_mtime_ns]


@functools.lru_cache(maxsize=1)
def installed_fonts_stamp() -> str:
    """A digest of the font folders' (recursive) and fontconfig's configuration's
    modification times: it changes when a font is added, removed or replaced."""
    digest = hashlib.sha256()
    data_home = os.environ.get("XDG_DATA_HOME")
    roots = list(_FONT_ROOTS) + ([os.path.join(data_home, "fonts")] if data_home else [])
    for root in roots:
        for folder, mtime in _folder_times(os.path.expanduser(root)):
            digest.update(f"{folder}\0{mtime}\n".encode("utf-8", "surrogateescape"))
    for config in _CONFIG_PATHS:
        digest.update(f"{config}\0{file_stamp(Path(os.path.expanduser(config)))}\n".encode())
    return digest.hexdigest()[:32]


def _folder_times(root: str) -> Iterable[tuple[str, int]]:
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            yield folder, os.stat(folder).st_mtime_ns
            with os.scandir(folder) as entries:
                stack.extend(entry.path for entry in entries if entry.is_dir(follow_symlinks=False))
        except OSError:
            continue


# ---------------------------------------------------------------- the store


@functools.lru_cache(maxsize=1)
def _entries() -> dict[str, Any]:
    """The cache file's entries, read once per process ({} when absent or unusable)."""
    return _read(cache_path())


# Far above what the font cache holds (a few hundred fonts' ranges: about 100 KB).
MAX_BYTES = 16 * 1024 * 1024


def trusted_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes | None:
    """A cache file's bytes, or None (no cache) unless it is a regular file, not a symlink,
    owned by this user, that neither group nor others may write, of at most ``max_bytes``.

    Every cache reader goes through here: a FIFO at the cache path would otherwise block
    the export forever (opened non-blocking here, then refused by the fstat), a symlink
    would be followed anywhere, and a file another user can write could feed the
    exporter a pickle (code) or hostile data. The checks are on the opened descriptor
    (fstat), so the name cannot be swapped between check and read. Where files have no
    owners (no ``os.getuid``: Windows) the ownership test is left out."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as error:  # ELOOP: a symlink; EACCES; ENXIO: a FIFO or socket nobody writes to
        log.debug("ignoring the cache file %s: %s", path, error)
        return None
    try:
        status = os.fstat(descriptor)  # of the file opened, not of whatever the name points to later
        if (not stat.S_ISREG(status.st_mode)
                or (hasattr(os, "getuid") and status.st_uid != os.getuid())
                or status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            log.debug("ignoring the cache file %s: not the user's own private regular file", path)
            return None
        if status.st_size > max_bytes:
            log.debug("ignoring the cache file %s: %d bytes, over %d", path, status.st_size, max_bytes)
            return None
        with os.fdopen(descriptor, "rb") as stream:
            descriptor = -1
            data = stream.read(max_bytes + 1)  # a file grown since the fstat is still capped
    except OSError as error:
        log.debug("could not read the cache file %s: %s", path, error)
        return None
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    return data if len(data) <= max_bytes else None


def _read(path: Path) -> dict[str, Any]:
    raw = trusted_bytes(path)
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError as error:  # UnicodeDecodeError is one
        log.debug("ignoring the font cache %s: %s", path, error)
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def _write(key: str, entry: dict[str, Any]) -> None:
    """Add one entry to the file, with what other runs wrote meanwhile."""
    path = cache_path()
    entries = _read(path)
    entries[key] = entry
    store_file(path, json.dumps({"version": VERSION, "entries": entries}, separators=(",", ":")).encode(),
               "the font cache")


def store_file(path: Path, data: bytes, what: str) -> None:
    """Write a cache file atomically (a private temporary file renamed over it), so a
    concurrent run reads the old file or the new, never half of one; a home that refuses
    (read-only, full, not a folder) only costs the cache: it is computed again next time."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):  # a crashed run's leftover with our pid
            temporary.unlink()
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as error:
        log.debug("could not write %s (%s): %s", what, path, error)
        with contextlib.suppress(OSError):  # a read-only mount refuses even this (EROFS)
            temporary.unlink(missing_ok=True)


def read_marshalled(path: Path, stamp: Any, what: str) -> Any:
    """What `store_marshalled` kept at ``path`` under ``stamp``; None when the file is
    absent, untrusted (`trusted_bytes`), damaged or stamped otherwise (another Python,
    another version of the data).

    The file opens with the CRC-32 of the rest, checked before marshal reads a byte:
    marshal is not safe on damaged data, and what is read may go on to C code that
    trusts it (the regex store hands its code words to ``_sre.compile``, which a changed
    word can crash), so a torn or bit-flipped file must be a miss, never a crash.
    CRC-32 is the check zip, gzip and PNG make for that: it catches every burst of up to
    32 flipped bits and misses random damage once in 4 billion. It was SHA-256 (about 3%
    of a one-article export's instructions, 2 ms, hashing the 700 KB of stores on every
    run) for nothing more: the seal guards against damage, not against someone, since
    whoever can write our private file can write a matching digest of any kind; what
    guards against others is `trusted_bytes` (owner, mode, no link)."""
    raw = trusted_bytes(path)
    if raw is None:
        return None
    seal, body = raw[:_SEAL], raw[_SEAL:]
    if _seal(body) != seal:
        log.debug("ignoring %s %s: its checksum does not match", what, path)
        return None
    try:
        data = marshal.loads(body)
    except (ValueError, EOFError, TypeError) as error:
        log.debug("ignoring %s %s: %s", what, path, error)
        return None
    if isinstance(data, tuple) and len(data) == 2 and data[0] == stamp:
        return data[1]
    return None


_SEAL = 4  # bytes of the CRC-32 the file opens with


def _seal(data: bytes) -> bytes:
    return zlib.crc32(data).to_bytes(_SEAL, "big")


def store_marshalled(path: Path, stamp: Any, payload: Any, what: str) -> None:
    """Keep plain data (str, int, list, dict, tuple...) for the next process: `marshal`
    runs no code reading it back, unlike pickle, and reads it faster than JSON."""
    try:
        data = marshal.dumps((stamp, payload))
    except ValueError as error:  # a value marshal cannot hold: worked out again next time
        log.debug("could not store %s: %s", what, error)
        return
    store_file(path, _seal(data) + data, what)


def remembered(key: str, stamp: Any, compute: Callable[[], Any]) -> Any:
    """The value stored under ``key`` if it was stored with this ``stamp``; otherwise
    ``compute()``, stored (JSON: lists, not tuples) and returned."""
    entries = _entries()
    entry = entries.get(key)
    if isinstance(entry, dict) and entry.get("stamp") == stamp and "value" in entry:
        return entry["value"]
    value = compute()
    entries[key] = {"stamp": stamp, "value": value}
    _write(key, entries[key])
    return value


def forget_loaded() -> None:
    """Read the file again on next use (after fonts changed in this process; for tests)."""
    _entries.cache_clear()
    installed_fonts_stamp.cache_clear()


# ---------------------------------------------------------------- one font's coverage


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> Ranges:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


class _NoFontTools(Exception):
    pass


def _read_cmap(path: Path) -> list[list[int]] | None:
    """The code points of the font's best character map, as ranges; None when unreadable."""
    try:
        from fontTools.ttLib import TTFont  # a WeasyPrint dependency; loaded only on a cache miss
    except ImportError:
        raise _NoFontTools from None
    try:
        font = TTFont(str(path), fontNumber=0, lazy=True)
        codes = (font.getBestCmap() or {}).keys()
    except Exception:  # an unreadable font file is simply not a candidate
        return None
    return [list(pair) for pair in merge_ranges((code, code) for code in codes)]


def font_coverage(path: Path) -> Ranges | None:
    """The code points ``path`` has glyphs for; None when it cannot be read.
    Without fontTools every font is taken to cover everything (not remembered)."""
    stamp = file_stamp(path)
    if stamp is None:
        return None
    try:
        value = remembered(f"font:{Path(path).resolve()}", stamp, lambda: _read_cmap(path))
    except _NoFontTools:
        return ((0, sys.maxunicode),)
    return None if value is None else tuple((start, end) for start, end in value)


def covers(ranges: Ranges, text: str) -> bool:
    """Do ``ranges`` hold every letter (not the spaces) of ``text``?"""
    import bisect

    starts = [start for start, _ in ranges]
    for code in {ord(ch) for ch in text if not ch.isspace()}:
        index = bisect.bisect_right(starts, code) - 1
        if index < 0 or code > ranges[index][1]:
            return False
    return True
