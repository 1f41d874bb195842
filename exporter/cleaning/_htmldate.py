"""Adapter for htmldate: the publication date it finds in a parsed page.

Quirks held here:
- ``find_date`` downloads its argument when given a string that starts with
  "http" and has no space; we only ever pass it a parsed lxml.html tree.
- Given an lxml.html ``HtmlElement`` it prunes a deep copy; any other element
  type it would prune in place, so anything else is refused.
- ``original_date=True`` asks for the first publication, not the last update.
- Its extensive search hands free text to dateparser with every one of
  dateparser's ~200 locales, which costs 2-4 s the first time in a process;
  we give it a parser limited to the languages of news pages we clean
  (about 0.25 s to load), through its one lookup function. That function
  takes no arguments, so the page's language reaches it through a context
  variable: a page that states its language gets a parser of that language
  and English only (a few ms to load; a string that is no date is tried in
  two locales, not 24).
- It raises on odd pages (bad encodings, control characters): that is "no date".
"""

from __future__ import annotations

import logging
from contextvars import ContextVar
from functools import lru_cache

from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# dateparser language codes: the corpus languages and the other large news languages.
DATEPARSER_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "pl", "cs", "ro", "ca",
                        "fi", "hu", "tr", "ru", "ar", "ja", "zh", "ko", "el", "uk")


# The language of the page htmldate is reading (a dateparser code), or None: all of DATEPARSER_LANGUAGES.
_page_language: ContextVar[str | None] = ContextVar("htmldate_page_language", default=None)


@lru_cache(maxsize=None)  # one per language set: at most one per entry of DATEPARSER_LANGUAGES, and the whole list
def _parser_for(languages: tuple[str, ...]):
    from dateparser import DateDataParser

    # The settings are htmldate's own (htmldate.extractors.get_external_parser), with fewer languages.
    return DateDataParser(languages=list(languages), settings={
        "NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"], "PREFER_DATES_FROM": "past",
        "PREFER_LOCALE_DATE_ORDER": True, "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True})


def _language_limited_parser():
    language = _page_language.get()
    # English beside the page's own: pages in any language carry English stamps ("Updated March 3, 2020").
    return _parser_for(tuple(dict.fromkeys((language, "en"))) if language else DATEPARSER_LANGUAGES)


@lru_cache(maxsize=1)
def _find_date():
    from htmldate import extractors, find_date  # deferred: only pages that state no date need it

    if callable(getattr(extractors, "get_external_parser", None)):
        extractors.get_external_parser = _language_limited_parser
    return find_date


def htmldate_publication(root: HtmlElement, url: str | None = None, language: str | None = None) -> str | None:
    """htmldate's publication date (YYYY-MM-DD) for the page ``root``, or None.

    ``language``: the page's stated language (BCP 47), which limits the free-text date parser to it
    and English; None, or a language outside DATEPARSER_LANGUAGES, leaves all of those."""
    if not isinstance(root, HtmlElement):
        return None
    primary = (language or "").split("-")[0].lower()
    token = _page_language.set(primary if primary in DATEPARSER_LANGUAGES else None)
    try:
        return _find_date()(root, url=url, original_date=True)
    except Exception as err:  # noqa: BLE001 - htmldate's internals raise assorted errors on odd pages
        log.debug("htmldate failed: %s", err)
        return None
    finally:
        _page_language.reset(token)
