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

import sys
from collections.abc import Iterable
from pathlib import Path

import pyphen

from .font_cache import cache_path, file_stamp, read_marshalled, store_marshalled


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
    data = read_marshalled(store, stamp, "the stored hyphenation patterns")
    if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], dict) and isinstance(data[1], int)):
        return None
    return data[0], data[1]


def _write(store: Path, stamp: list, dictionary: pyphen.HyphDict) -> None:
    """Keep the parsed patterns for the next process; a home that refuses only costs a parse."""
    store_marshalled(store, stamp, (dictionary.patterns, dictionary.maxlen), "the hyphenation patterns")
