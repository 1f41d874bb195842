"""Pyphen adapter: a language's hyphenation patterns parsed once, then read from file.

WeasyPrint hyphenates (``hyphens: auto`` in print.css) through pyphen, which
parses the language's ``hyph_*.dic`` the first time a process meets that
language: English's 14,000 patterns take about 50 ms, a tenth of a
one-article PDF's layout. The parsed patterns are plain data (strings, ints,
tuples), so they are stored beside the font cache with `marshal` (no code is
run reading it, unlike pickle, and it loads ten times faster than the parse),
keyed on pyphen's version, Python's (marshal's format), and the .dic file's
size and modification time. `preload` puts them in pyphen's own per-process
cache (``pyphen.hdcache``), where WeasyPrint's ``pyphen.Pyphen(lang=...)``
finds them. A dictionary with nonstandard hyphenation (pyphen's ``DataInt``
values, e.g. Hungarian's "ssz=sz-sz") is not stored: it is parsed as before.
"""

from __future__ import annotations

import logging
import marshal
import sys
from collections.abc import Iterable
from pathlib import Path

import pyphen

from .font_cache import cache_path, file_stamp, store_file, trusted_bytes

log = logging.getLogger(__name__)

# The attributes pyphen.HyphDict sets when it parses a file; anything else means a
# pyphen whose dictionaries we do not know how to rebuild, and nothing is stored.
_FIELDS = {"patterns", "cache", "maxlen"}


def preload(languages: Iterable[str | None]) -> None:
    """Have each language's patterns in pyphen's cache (from file when they are stored)."""
    for language in languages:
        name = pyphen.language_fallback(language) if language else None
        if name is None:
            continue  # no dictionary for it: WeasyPrint does not hyphenate it either
        path = pyphen.LANGUAGES[name]
        if path not in pyphen.hdcache:
            pyphen.hdcache[path] = load(Path(path))


def load(path: Path) -> pyphen.HyphDict:
    """The parsed dictionary at ``path``: the stored copy when it is still that file's."""
    stamp = [pyphen.__version__, sys.version, str(path), file_stamp(path)]
    store = _store_path(path)
    stored = _read(store, stamp)
    if stored is not None:
        patterns, maxlen = stored
        dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)  # what __init__ would set, without the parse
        dictionary.patterns, dictionary.cache, dictionary.maxlen = patterns, {}, maxlen
        return dictionary
    dictionary = pyphen.HyphDict(path)
    if set(vars(dictionary)) == _FIELDS and _plain(dictionary.patterns):
        _write(store, stamp, dictionary)
    return dictionary


def _store_path(path: Path) -> Path:
    return cache_path().with_name(f"hyphenation-{path.stem}.marshal")


def _plain(patterns: dict) -> bool:
    """Only str keys and (int, tuple of ints): what marshal writes and reads back unchanged."""
    return all(type(offset) is int and all(type(value) is int for value in values)
               for offset, values in patterns.values())


def _read(store: Path, stamp: list) -> tuple[dict, int] | None:
    raw = trusted_bytes(store)  # not a FIFO, a symlink or another user's file
    if raw is None:
        return None
    try:
        data = marshal.loads(raw)
    except (ValueError, EOFError, TypeError) as error:
        log.debug("ignoring the stored hyphenation patterns %s: %s", store, error)
        return None
    if not (isinstance(data, tuple) and len(data) == 3 and data[0] == stamp
            and isinstance(data[1], dict) and isinstance(data[2], int)):
        return None
    return data[1], data[2]


def _write(store: Path, stamp: list, dictionary: pyphen.HyphDict) -> None:
    """Keep the parsed patterns for the next process; a home that refuses only costs a parse."""
    try:
        data = marshal.dumps((stamp, dictionary.patterns, dictionary.maxlen))
    except ValueError as error:  # a value marshal cannot hold: parsed again next time
        log.debug("could not store the hyphenation patterns %s: %s", store, error)
        return
    store_file(store, data, "the hyphenation patterns")
