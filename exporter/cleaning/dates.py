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
# Austrian German ("de_AT") writes January "Jänner".
MONTH_LOCALES = ("en", "de", "de_AT", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "pl", "cs", "ro", "ca", "fi", "hu",
                 "tr")

_MONTH_WORD = r"([^\W\d_]{3,12})\.?"
_ISO = _re_store.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# Japanese and Chinese "2019年6月24日", Korean "2019년 6월 24일" (East Asian news headers).
_CJK = _re_store.compile(r"(\d{4})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
# The same without the year: Japanese news headers print "[06月24日 11時30分]".
_CJK_MONTH_DAY = _re_store.compile(r"(?<![\d年년])(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
_NUMERIC = _re_store.compile(r"(?<![\d/.])(\d{1,2})([/.])\s?(\d{1,2})\2\s?(\d{4}|\d{2})(?![\d/])")
_MONTH_DAY_YEAR = _re_store.compile(r"\b" + _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# "6. August 2009", "27 juin 2019", "5 de março de 2020", "3rd of May, 2021"
_DAY_MONTH_YEAR = _re_store.compile(r"\b(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?" + _MONTH_WORD
                             + r",?\s+(?:de\s+)?(\d{4})\b")

# A two-digit year after an apostrophe, as blog themes print the day ("14 Feb ’20", "Feb 14, '20").
_DAY_MONTH_SHORT_YEAR = _re_store.compile(r"\b(\d{1,2})(?:st|nd|rd|th|\.)?\s*" + _MONTH_WORD + r",?\s+['’‘](\d{2})\b")
_MONTH_DAY_SHORT_YEAR = _re_store.compile(r"\b" + _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+['’‘](\d{2})\b")


# Languages of worldwide news written in other alphabets ("19 октября 2019", "12 Οκτωβρίου 2019"):
# their months are loaded only for a month word in those letters (each CLDR locale costs about
# 10 ms to load, and the Latin-alphabet table serves every other page).
OTHER_SCRIPT_LOCALES = ("ru", "uk", "bg", "sr", "el")
_OTHER_SCRIPT = _re_store.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


@lru_cache(maxsize=1)
def month_numbers() -> dict[str, int]:
    """Casefolded month names and abbreviations (dots dropped) → month number, in the
    languages of ``MONTH_LOCALES``.

    A word that names different months in two languages is left out rather
    than guessed.
    """
    return _month_table(MONTH_LOCALES)


@lru_cache(maxsize=1)
def other_script_month_numbers() -> dict[str, int]:
    """The same for ``OTHER_SCRIPT_LOCALES``."""
    return _month_table(OTHER_SCRIPT_LOCALES)


def _month_table(locales: tuple[str, ...]) -> dict[str, int]:
    from ._calendar_words import month_table

    table = dict(month_table(locales))
    table.setdefault("sept", 9)
    return table


@lru_cache(maxsize=1)
def weekday_words() -> frozenset[str]:
    """Casefolded weekday names and abbreviations of the same languages (Babel's CLDR data)."""
    from ._calendar_words import weekday_list

    return frozenset(weekday_list(MONTH_LOCALES))


def month_number(word: str) -> int | None:
    key = word.casefold().strip(".")
    return (other_script_month_numbers() if _OTHER_SCRIPT.search(key) else month_numbers()).get(key)


def leading_date_end(text: str) -> int | None:
    """Where a date that opens ``text`` ends ("March 12, 2021", "12. März 2021", "12 de marzo de 2021",
    "2021-03-12", "12.03.2021"), or None when the text opens with no date."""
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        m = pattern.match(text)
        if m and _names_a_month(m):
            return m.end()
    m = _ISO.match(text) or _NUMERIC.match(text)
    return m.end() if m else None


def _names_a_month(m: re.Match) -> bool:
    """A month-word date pattern's match whose word is a month (the pattern takes any word of 3-12 letters)."""
    return month_number(next(g for g in m.groups() if g and not g.isdigit())) is not None


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where each date written in ``text`` stands, in the forms `leading_date_end` reads (a month word
    must be one), anywhere in the line; overlapping finds are all given."""
    spans: list[tuple[int, int]] = []
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        spans += [m.span() for m in pattern.finditer(text) if _names_a_month(m)]
    for pattern in (_ISO, _NUMERIC, _CJK):
        spans += [m.span() for m in pattern.finditer(text)]
    return spans


def parse_date(text: str | None, day_first: bool = False) -> str | None:
    """The first date written in ``text`` as ``YYYY-MM-DD``, or None.

    Numeric dates with slashes read month first (US news sites) unless
    ``day_first`` (a page in a language that writes the day first: "05/03/2020"
    is 5 March on a French or British page), with dots day first (European
    sites); either way a first number over 12 must be the day.
    Year-first numbers ("2018/6/19", ISO stamps) read year, month, day.
    """
    if not text:
        return None
    text = text[:200]
    found: list[tuple[int, str]] = []
    for pattern in (_ISO, _CJK):
        if m := pattern.search(text):
            found.append((m.start(), _make(m.group(1), m.group(2), m.group(3))))
    if m := _MONTH_DAY_YEAR.search(text):
        month = month_number(m.group(1))
        if month:
            found.append((m.start(), _make(m.group(3), month, m.group(2))))
    if m := _DAY_MONTH_YEAR.search(text):
        month = month_number(m.group(2))
        if month:
            found.append((m.start(), _make(m.group(3), month, m.group(1))))
    for pattern, day_group, month_group in ((_DAY_MONTH_SHORT_YEAR, 1, 2), (_MONTH_DAY_SHORT_YEAR, 2, 1)):
        if (m := pattern.search(text)) and (month := month_number(m.group(month_group))):
            found.append((m.start(), _make(_full_year(m.group(3)), month, m.group(day_group))))
    if m := _NUMERIC.search(text):
        first, sep, second, year = int(m.group(1)), m.group(2), int(m.group(3)), _full_year(m.group(4))
        month, day = (first, second) if sep == "/" and not day_first else (second, first)
        if month > 12:
            month, day = day, month
        found.append((m.start(), _make(year, month, day)))
    found = [item for item in found if item[1]]
    return min(found)[1] if found else None


def _full_year(year: str) -> str:
    """A year as written, with the century of a two-digit one put back, for "15.01.98" as for
    "14 Feb ’98": the latest year not after next year (a page states no later date), so '98 is
    1998 and '20 is 2020 (POSIX strptime's %y would make '30 2030, a date no page carries yet)."""
    if len(year) != 2:
        return year
    this_year = date.today().year
    full = this_year // 100 * 100 + int(year)
    return str(full if full <= this_year + 1 else full - 100)


def month_day(text: str | None) -> tuple[int, int] | None:
    """``(month, day)`` of a date written without its year ("06月24日"), or None."""
    m = _CJK_MONTH_DAY.search(text or "")
    if not m or not (1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31):
        return None
    return int(m.group(1)), int(m.group(2))


# English-language regions that write the month first in numeric dates.
_MONTH_FIRST_REGIONS = frozenset(("US", "CA", "PH", "FM", "MH", "PW"))


def writes_day_first(language: str | None) -> bool:
    """Whether pages in ``language`` (a BCP 47 tag) write numeric dates day first: every news
    language but US English does. Plain "en" stays month first (most English news sites
    that do not state a region are American)."""
    if not language:
        return False
    parts = language.replace("_", "-").split("-")
    if parts[0].lower() != "en":
        return True
    return len(parts) > 1 and parts[1].upper() not in _MONTH_FIRST_REGIONS


def states_its_region(language: str | None) -> bool:
    """Whether ``language`` settles how numeric dates are written: any language but English,
    or English with its region ("en-GB", "en-US")."""
    parts = (language or "").replace("_", "-").split("-")
    return bool(parts[0]) and (parts[0].lower() != "en" or len(parts) > 1)


# Country domains that say nothing of the country: sold worldwide as vanity names
# ("startup.io", "radio.fm", "news.tv"), or US/Canadian/Philippine, whose English writes the month first.
_NO_COUNTRY_DOMAINS = frozenset(("io", "co", "tv", "me", "ai", "fm", "ly", "to", "cc", "ws", "gg", "sh", "am", "la",
                                 "nu", "tk", "ml", "ga", "cf", "gq", "so", "vc", "ac", "gl", "ms", "us", "ca", "ph",
                                 "mh", "pw"))


def numeric_date_order(text: str, url: str | None = None) -> bool | None:
    """Whether a page whose language does not say (plain "en", or none) writes slashed numeric
    dates day first: True, False, or None when nothing tells.

    The page's own slashed dates tell first: one whose first number is over 12 ("15/01/2016")
    is written day first, one whose second is ("01/15/2016") month first; a page that shows
    only one order writes all its dates so ("08/11/2023" beside it is 8 November). Else the
    site's country domain does: British, Irish, Indian, Nigerian, Australian papers that tag
    their pages plain "en" write the day first ("breakingnews.ie", "thehindu.co.in")."""
    votes = {True: 0, False: 0}
    for m in _NUMERIC.finditer(text):
        first, sep, second = int(m.group(1)), m.group(2), int(m.group(3))
        if sep == "/" and (first > 12) != (second > 12) and max(first, second) <= 31 and _whole_date(m):
            votes[first > 12] += 1
    if bool(votes[True]) != bool(votes[False]):
        return votes[True] > 0
    host = re.sub(r"^[a-z]+://", "", url or "").split("/", 1)[0].split(":", 1)[0].lower()
    country = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(country) == 2 and country.isalpha() and country not in _NO_COUNTRY_DOMAINS:
        return True
    return None


def _whole_date(m: re.Match) -> bool:
    """Whether a slashed token is written as a date: a year of this or the last century in full
    ("15/1/2016"), or a two-digit year with both other fields in two digits ("15/01/16"). A
    score or a vote tally in the text ("the vote went 13/4/12") is no date and tells no order."""
    year = m.group(4)
    if len(year) == 4:
        return year[:2] in ("19", "20")
    return len(m.group(1)) == 2 and len(m.group(3)) == 2


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


# Words of running text: three letters or more ("was", "wurde", "conseil"); "on", "at", "am",
# "pm", "um", "le" are the small words of stamps too, and stay out.
_PROSE_WORD = _re_store.compile(r"(?<![^\W\d_])[^\W\d_]{3,}(?![^\W\d_])")
_PROSE_WORDS = 3
_SENTENCE_END = _re_store.compile(r"(?<![^\W\d_])([^\W\d_]{3,})[.!?]$")
# The sentence shapes around a date, as the bare-dateline rule's pattern once spelled them in
# lookaheads (compiled case-insensitive, as the rules are; the lower-case tests stay exact):
# a word and two lower-case words before the date; after it, a lower-case clause or three
# words, unless they open with a byline, clock or place word of the corpus languages.
_STAMP_WORDS = r"(?:by|von|par|por|di|da|de|door|av|um|at|on|à|a|alle|om|às|le|el)\b"
_RUN_BEFORE = _re_store.compile(r"(?=[^\W\d_]+\s+(?-i:[a-zß-öø-ÿ])[^\W\d_]*\s+(?-i:[a-zß-öø-ÿ])[^\W\d_]*\s)", re.I)
_CLAUSE_AFTER = _re_store.compile(rf"[,;:]?\s*(?!{_STAMP_WORDS})(?-i:[a-zß-öø-ÿ])[^\W\d_]*\s+[^\W\d_]", re.I)
_WORDS_AFTER = _re_store.compile(rf"\s+(?!{_STAMP_WORDS})[^\W\d_]+\s+[^\W\d_]+\s+[^\W\d_]+", re.I)


def reads_as_prose(line: str, value_span: tuple[int, int]) -> bool:
    """Whether ``line``, outside the date at ``value_span``, is a sentence rather than a stamp.

    News bodies hold short sentences around a date ("Le 3 mars 2020, le gouvernement a fermé
    les écoles.", "Am 3. März 2020 um 10 Uhr schloss die Stadt ihre Schulen.", "March 3, 2020.
    The city closed its schools."); a dateline holds a date, a clock time, a name or a place
    ("1. Februar 2022 , Daniel Dillenburg", "jeudi 27 juin 2019, par loldf", "Monday, March 4,
    2020 at 10:15 am ET"). Prose: three lower-case words of three letters or more that are not
    weekdays or months, or a lower-case last word that ends the sentence. Also prose: a run of
    lower-case words before the date ("The council met on 12 June 2019."), or a lower-case
    clause or three words straight after it ("12 June 2019: the council met.", "March 3, 2020
    was the day …"), unless what follows is a byline, a clock time or a place ("um", "at",
    "par", …). (The idea is the dates5 branch's.)"""
    start, end = value_span
    if any(m.start() < start for m in _RUN_BEFORE.finditer(line)):
        return True
    if _CLAUSE_AFTER.match(line, end) or _WORDS_AFTER.match(line, end):
        return True
    rest = line[:value_span[0]] + " " + line[value_span[1]:]
    words = [w for w in _PROSE_WORD.findall(rest) if w.islower() and not _calendar_word(w)]
    if len(words) >= _PROSE_WORDS:
        return True
    end = _SENTENCE_END.search(line.rstrip())
    return bool(end and end.start() >= value_span[1] and end.group(1).islower() and not _calendar_word(end.group(1)))


def _calendar_word(word: str) -> bool:
    key = word.casefold().strip(".")
    return key in weekday_words() or month_number(key) is not None
