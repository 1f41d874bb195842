"""Babel adapter: the CLDR facts the book's own words use, asked of Babel once per
locale, then read from file.

A one-article book formats a date or two and a list of names. Asking Babel each
time meant importing ``babel.dates`` (with pytz and a lookup of the local time
zone) and unpickling the locale's CLDR data merged over root's: about 30 ms of a
0.19 s EPUB export, for the same few strings every run. What is used is small:

- the pattern of CLDR's "long" date and of the ``yMMMM`` skeleton, as Babel
  compiles them (``DateTimePattern.format``: ``"%(d)s %(MMMM)s %(y)s"``),
- the month names those patterns name (``MMMM``, ``LLLL``...),
- the "standard" list patterns ("{0}, {1}", "{0} and {1}").

So the first time a locale is met they are read from Babel, and `_checked`
formats every month, a spread of days and years and lists of one to four names
both ways: only when each string equals Babel's own are the facts kept (in a
JSON file beside the font cache); otherwise that locale goes on asking Babel
(a pattern with a field this module does not replicate, such as an era). The
file is keyed on Babel's installed files (their size and time), so upgrading
Babel asks it again. Babel stays the one source of locale data; this file only
remembers its answers. It is only a cache: unreadable or of another Babel, it is
ignored and rewritten.
"""

from __future__ import annotations

import functools
import json
import logging
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import Any, Sequence

from .font_cache import cache_path, file_stamp, store_file, trusted_bytes

log = logging.getLogger(__name__)

STORE_FILE = "cldr-labels.json"
FORMAT = 1
MAX_LOCALES = 256  # past this the file starts again from this run's locales
ASK_BABEL = "babel"  # a stored locale whose strings are formatted by Babel itself

_LIST_STYLE = "standard"
_CHECK_DATES = [date(year, month, day) for year in (2016, 987) for month in range(1, 13) for day in (1, 9, 28)]
_CHECK_NAMES = (["Ann"], ["Ann", "Bo"], ["Ann", "Bo", "Cy"], ["Ann", "Bo", "Cy", "Di"])


class UnknownLocale(LookupError):
    """Babel has no data for this locale tag."""


class _Fields:
    """The pattern fields `_Facts` formats, as Babel's ``DateTimeFormat`` does for them
    (`babel.dates`: digits with ``%0*d``, ``yy`` the last two, month names by width)."""

    def __init__(self, value: date, months: dict[str, list[str]]):
        self.value, self.months = value, months

    def __getitem__(self, name: str) -> str:
        char, width = name[0], len(name)
        if char == "d":
            return "%0*d" % (width, self.value.day)
        if char == "y":
            year = "%0*d" % (width, self.value.year)
            return year[-2:] if width == 2 else year
        if char in "ML":
            return "%0*d" % (width, self.value.month) if width <= 2 else self.months[name][self.value.month - 1]
        raise KeyError(name)  # not replicated: `_checked` keeps such a locale with Babel


class _Facts:
    """The three questions answered from stored facts. A stored pattern that does not format
    (a file damaged in a way `_sound` cannot see: a field not replicated, a brace too many)
    is answered by Babel instead, so a bad cache never fails an export."""

    def __init__(self, data: dict[str, Any], tag: str = ""):
        self.data, self.tag = data, tag

    def date(self, value: date) -> str:
        try:
            return self.data["date"] % _Fields(value, self.data["months"])
        except _UNFORMATTABLE:
            return self._babel().date(value)

    def year_month(self, value: date) -> str:
        try:
            return self.data["year_month"] % _Fields(value, self.data["months"])
        except _UNFORMATTABLE:
            return self._babel().year_month(value)

    def names(self, names: Sequence[str]) -> str:
        try:
            return self._joined(names)
        except _UNFORMATTABLE:
            return self._babel().names(names)

    def _babel(self) -> "_AskBabel":
        if not self.tag:  # `_checked` trying the facts: the failure is its answer
            raise
        return _AskBabel(self.tag)

    def _joined(self, names: Sequence[str]) -> str:
        """`babel.lists.format_list`'s joining, with the stored patterns."""
        patterns = self.data["list"]
        if len(names) == 1:
            return names[0]
        if len(names) == 2 and "2" in patterns:
            return patterns["2"].format(*names)
        result = patterns["start"].format(names[0], names[1])
        for name in names[2:-1]:
            result = patterns["middle"].format(result, name)
        return patterns["end"].format(result, names[-1])


_UNFORMATTABLE = (KeyError, IndexError, ValueError, TypeError)


class _AskBabel:
    """The same three questions, put to Babel each time."""

    def __init__(self, tag: str):
        self.tag = tag

    def date(self, value: date) -> str:
        from babel.dates import format_date

        return format_date(value, "long", locale=self.tag)

    def year_month(self, value: date) -> str:
        from babel.dates import format_skeleton

        return format_skeleton("yMMMM", value, locale=self.tag)

    def names(self, names: Sequence[str]) -> str:
        from babel.lists import format_list

        return format_list(list(names), style=_LIST_STYLE, locale=self.tag)


@functools.lru_cache(maxsize=64)
def locale_facts(tag: str) -> _Facts | _AskBabel:
    """Date and list formatting for the CLDR locale ``tag`` (``en_GB``, ``fr``);
    raises `UnknownLocale` when Babel has no data for it."""
    stored = _stored().get(tag, ())
    if stored == ():  # never asked (None is stored for a locale Babel does not know)
        stored = _from_babel(tag)
        _remember(tag, stored)
    if stored is None:
        raise UnknownLocale(tag)
    return _AskBabel(tag) if stored == ASK_BABEL else _Facts(stored, tag)


def _from_babel(tag: str) -> dict[str, Any] | str | None:
    from babel import Locale, UnknownLocaleError
    from babel.dates import match_skeleton

    try:
        locale = Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        return None
    try:
        skeleton = match_skeleton("yMMMM", locale.datetime_skeletons) or "yMMMM"
        patterns = (locale.date_formats["long"].format, locale.datetime_skeletons[skeleton].format)
        months = {}
        for letter, context in (("M", "format"), ("L", "stand-alone")):
            for width, name in ((3, "abbreviated"), (4, "wide"), (5, "narrow")):
                key = letter * width
                if any(f"%({key})s" in pattern for pattern in patterns):
                    names = locale.months[context][name]
                    months[key] = [names[number] for number in range(1, 13)]
        facts = {"date": patterns[0], "year_month": patterns[1], "months": months,
                 "list": {k: v for k, v in locale.list_patterns[_LIST_STYLE].items()}}
    except (KeyError, TypeError, AttributeError) as error:  # data not shaped as expected: keep asking Babel
        log.debug("CLDR facts of %s not stored: %s", tag, error)
        return ASK_BABEL
    return facts if _checked(tag, facts) else ASK_BABEL


def _checked(tag: str, facts: dict[str, Any]) -> bool:
    """Do the facts format, for every month and a spread of days, years and lists, exactly as Babel does?"""
    ours, babel = _Facts(facts), _AskBabel(tag)
    try:
        return (all(ours.date(d) == babel.date(d) and ours.year_month(d) == babel.year_month(d)
                    for d in _CHECK_DATES)
                and all(ours.names(n) == babel.names(n) for n in _CHECK_NAMES))
    except (KeyError, IndexError, ValueError, TypeError):
        return False


# ---------------------------------------------------------------- the file


def store_path() -> Path:
    return cache_path().with_name(STORE_FILE)


@functools.lru_cache(maxsize=1)
def babel_files() -> list | None:
    """Babel's installed files, found without importing it (their size and time): what every
    cache of Babel's answers is keyed on, so upgrading Babel asks it again."""
    spec = find_spec("babel")
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent
    return [file_stamp(folder / "__init__.py"), file_stamp(folder / "global.dat")]


def babel_stamp() -> list | None:
    files = babel_files()
    return None if files is None else [FORMAT, *files]


@functools.lru_cache(maxsize=1)
def _stored() -> dict[str, Any]:
    """The file's locales, read once per process ({} when absent, damaged or of another Babel)."""
    return _read(store_path())


def _read(path: Path) -> dict[str, Any]:
    raw = trusted_bytes(path)  # not a FIFO, a symlink or another user's file
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except ValueError as error:  # UnicodeDecodeError is one
        log.debug("ignoring the stored CLDR facts %s: %s", path, error)
        return {}
    if not (isinstance(data, dict) and data.get("stamp") == babel_stamp() and isinstance(data.get("locales"), dict)):
        return {}
    return {tag: facts for tag, facts in data["locales"].items() if _sound(facts)}


def _sound(facts: object) -> bool:
    """Shaped as `_from_babel` stores facts; a damaged entry in another shape is asked of Babel again."""
    if facts is None or facts == ASK_BABEL:
        return True
    return (isinstance(facts, dict) and all(isinstance(facts.get(k), str) for k in ("date", "year_month"))
            and isinstance(facts.get("months"), dict) and isinstance(facts.get("list"), dict)
            and all(isinstance(facts["list"].get(k), str) for k in ("start", "middle", "end"))
            and all(isinstance(v, list) and len(v) == 12 and all(isinstance(n, str) for n in v)
                    for v in facts["months"].values()))


def _remember(tag: str, facts: dict[str, Any] | str | None) -> None:
    """Add one locale to the file, with what other runs wrote meanwhile."""
    stamp = babel_stamp()
    if stamp is None:
        return
    locales = _read(store_path())
    if len(locales) >= MAX_LOCALES:
        locales = {}
    locales[tag] = facts
    _stored()[tag] = facts
    store_file(store_path(), json.dumps({"stamp": stamp, "locales": locales}, ensure_ascii=False).encode(),
               "the CLDR facts")


def forget_loaded() -> None:
    """Read the file again on next use (for tests)."""
    _stored.cache_clear()
    locale_facts.cache_clear()
    babel_files.cache_clear()
