"""Reading a written date ("March 9, 2017", "07/27/2016", ISO stamps) as YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    # English, then the other languages news pages in the corpus sources are written in.
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_MONTHS.update({name[:3]: num for name, num in list(_MONTHS.items()) if name.isascii()})
_MONTHS["sept"] = 9
_MONTH_WORD = r"([^\W\d_]{3,9})\.?"

_ISO = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/])")
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?" + _MONTH_WORD + r",?\s+(\d{4})\b")


def parse_date(text: str | None) -> str | None:
    """The first date written in ``text`` as ``YYYY-MM-DD``, or None.

    Numeric dates with slashes read month first (US news sites), with dots day
    first (European sites); either way a first number over 12 must be the day.
    """
    if not text:
        return None
    text = text[:200]
    found: list[tuple[int, str]] = []
    if m := _ISO.search(text):
        found.append((m.start(), _make(m.group(1), m.group(2), m.group(3))))
    if m := _MONTH_DAY_YEAR.search(text):
        month = _MONTHS.get(m.group(1).casefold())
        if month:
            found.append((m.start(), _make(m.group(3), month, m.group(2))))
    if m := _DAY_MONTH_YEAR.search(text):
        month = _MONTHS.get(m.group(2).casefold())
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


def _make(year: str | int, month: str | int, day: str | int) -> str:
    try:
        value = date(int(year), int(month), int(day))
    except ValueError:
        return ""
    if not 1900 <= value.year <= 2100:
        return ""
    return value.isoformat()
