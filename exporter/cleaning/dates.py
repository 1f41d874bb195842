"""Reading a written date ("March 9, 2017", "6. August 2009", "19.10.2019", "2018/6/19") as YYYY-MM-DD.

Month words come from Babel's CLDR data for the languages of the news pages
we clean, not from a hand-kept table: "6. August 2009", "2 novembre 2023",
"27 juin 2019", "5 de março de 2020", "3 mrt. 2021" all read.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .. import _re_store  # re.compile, from the code an earlier run stored

# The languages of the corpus sources and their neighbours (German-heavy and worldwide news).
MONTH_LOCALES = ("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "pl", "cs", "ro", "ca", "fi", "hu", "tr")

_MONTH_WORD = r"([^\W\d_]{3,12})\.?"
_ISO = _re_store.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = _re_store.compile(r"(?<![\d/.])(\d{1,2})([/.])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d/])")
_MONTH_DAY_YEAR = _re_store.compile(r"\b" + _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# "6. August 2009", "27 juin 2019", "5 de março de 2020", "3rd of May, 2021"
_DAY_MONTH_YEAR = _re_store.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?" + _MONTH_WORD
                             + r",?\s+(?:de\s+)?(\d{4})\b")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Casefolded month names and abbreviations (dots dropped) → month number.

    A word that names different months in two languages is left out rather
    than guessed.
    """
    from babel.dates import get_month_names

    table: dict[str, int] = {}
    clashes: set[str] = set()
    for locale in MONTH_LOCALES:
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
    table.setdefault("sept", 9)
    return table


@lru_cache(maxsize=1)
def weekday_words() -> frozenset[str]:
    """Casefolded weekday names and abbreviations of the same languages (Babel's CLDR data)."""
    from babel.dates import get_day_names

    return frozenset(name.casefold().strip(".") for locale in MONTH_LOCALES for width in ("wide", "abbreviated")
                     for name in get_day_names(width, locale=locale).values() if len(name.strip(".")) >= 3)


def month_number(word: str) -> int | None:
    return month_numbers().get(word.casefold().strip("."))


def parse_date(text: str | None) -> str | None:
    """The first date written in ``text`` as ``YYYY-MM-DD``, or None.

    Numeric dates with slashes read month first (US news sites), with dots day
    first (European sites); either way a first number over 12 must be the day.
    Year-first numbers ("2018/6/19", ISO stamps) read year, month, day.
    """
    if not text:
        return None
    text = text[:200]
    found: list[tuple[int, str]] = []
    if m := _ISO.search(text):
        found.append((m.start(), _make(m.group(1), m.group(2), m.group(3))))
    if m := _MONTH_DAY_YEAR.search(text):
        month = month_number(m.group(1))
        if month:
            found.append((m.start(), _make(m.group(3), month, m.group(2))))
    if m := _DAY_MONTH_YEAR.search(text):
        month = month_number(m.group(2))
        if month:
            found.append((m.start(), _make(m.group(3), month, m.group(1))))
    if m := _NUMERIC.search(text):
        first, sep, second, year = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
        if len(year) == 2:
            year = "20" + year
        month, day = (first, second) if sep == "/" else (second, first)
        if month > 12:
            month, day = day, month
        found.append((m.start(), _make(year, month, day)))
    found = [item for item in found if item[1]]
    return min(found)[1] if found else None


# Dates in an article's address: /2020/03/16/, /2020-03-16-, /20200316/ (blogs, news CMSs).
_URL_DATE = _re_store.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_-]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_-])")


def url_date(url: str | None) -> str | None:
    """The day written in an article's URL path, or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url.split("?", 1)[0])
    m = _URL_DATE.search(path)
    if not m:
        return None
    parts = m.groups()[:3] if m.group(1) else m.groups()[3:]
    return _make(*parts) or None


def _make(year: str | int, month: str | int, day: str | int) -> str:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return ""
    if not 1900 <= value.year <= 2100:
        return ""
    return value.isoformat()
