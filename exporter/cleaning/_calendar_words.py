"""Babel adapter: month and weekday names of many languages, read from CLDR once, then from file.

Reading a written date needs the month words of every language we clean
(``dates.MONTH_LOCALES``). Babel loads each language's CLDR data on first use,
about 10 ms a language: 17 languages cost about 0.18 s, paid by the first page
of every process that meets a month word. The words are plain data (a dict of
str to int, a list of str), so they are stored beside the font cache with
`marshal` (no code is run reading it, as for the hyphenation patterns), keyed
on Babel's installed files, Python's version (marshal's format) and the languages. Unreadable,
corrupt or of another version, the file is ignored and written again.
"""

from __future__ import annotations

import sys

from .._babel import babel_files
from ..font_cache import cache_path, read_marshalled, store_marshalled


def month_table(locales: tuple[str, ...]) -> dict[str, int]:
    """Casefolded month names and abbreviations (dots dropped) of ``locales`` → month number;
    a word that names different months in two languages is left out rather than guessed."""
    stored = _stored("months", locales, dict)
    if stored is None:
        stored = _build_months(locales)
        _store("months", locales, stored)
    return stored


def weekday_list(locales: tuple[str, ...]) -> list[str]:
    """Casefolded weekday names and abbreviations (3 letters or more) of ``locales``."""
    stored = _stored("weekdays", locales, list)
    if stored is None:
        stored = _build_weekdays(locales)
        _store("weekdays", locales, stored)
    return stored


def _build_months(locales: tuple[str, ...]) -> dict[str, int]:
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    clashes: set[str] = set()
    for locale in locales:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context=context, locale=locale).items():
                    key = name.casefold().strip(".")
                    if len(key) < 3:
                        continue
                    if table.get(key, number) != number:
                        clashes.add(key)
                    table[key] = number
    for key in clashes:
        del table[key]
    return table


def _build_weekdays(locales: tuple[str, ...]) -> list[str]:
    from babel.dates import get_day_names

    return sorted({name.casefold().strip(".") for locale in locales for width in ("wide", "abbreviated")
                   for name in get_day_names(width, locale=locale).values() if len(name.strip(".")) >= 3})


def _stamp(kind: str, locales: tuple[str, ...]) -> list:
    # Babel's installed files stand for its version: importing Babel to ask costs 20 ms.
    return [babel_files(), sys.version, kind, list(locales)]


def _path(kind: str, locales: tuple[str, ...]):
    return cache_path().with_name(f"calendar-{kind}-{'-'.join(locales)[:80]}.marshal")


def _stored(kind: str, locales: tuple[str, ...], shape: type):
    """The stored words when the file is this Babel's, this Python's and these languages', else None."""
    words = read_marshalled(_path(kind, locales), _stamp(kind, locales), "the stored calendar words")
    if type(words) is not shape:
        return None
    # a month word names a month (1-12): a damaged entry would misread every date it names
    plain = (all(type(k) is str and type(v) is int and 1 <= v <= 12 for k, v in words.items()) if shape is dict
             else all(type(w) is str for w in words))
    return words if plain else None


def _store(kind: str, locales: tuple[str, ...], words) -> None:
    """Keep the words for the next process; a home that refuses only costs Babel's load again."""
    store_marshalled(_path(kind, locales), _stamp(kind, locales), words, "the calendar words")
