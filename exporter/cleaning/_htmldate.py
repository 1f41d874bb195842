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
  (about 0.25 s to load), through its one lookup function.
- It raises on odd pages (bad encodings, control characters): that is "no date".
"""

from __future__ import annotations

import logging
from functools import lru_cache

from lxml.html import HtmlElement

log = logging.getLogger(__name__)

# dateparser language codes: the corpus languages and the other large news languages.
DATEPARSER_LANGUAGES = ("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "pl", "cs", "ro", "ca",
                        "fi", "hu", "tr", "ru", "ar", "ja", "zh", "ko", "el", "uk")


@lru_cache(maxsize=1)
def _language_limited_parser():
    from dateparser import DateDataParser

    # The settings are htmldate's own (htmldate.extractors.get_external_parser), with fewer languages.
    return DateDataParser(languages=list(DATEPARSER_LANGUAGES), settings={
        "NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"], "PREFER_DATES_FROM": "past",
        "PREFER_LOCALE_DATE_ORDER": True, "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True})


@lru_cache(maxsize=1)
def _find_date():
    from htmldate import extractors, find_date  # deferred: only pages that state no date need it

    if callable(getattr(extractors, "get_external_parser", None)):
        extractors.get_external_parser = _language_limited_parser
    return find_date


def htmldate_publication(root: HtmlElement, url: str | None = None) -> str | None:
    """htmldate's publication date (YYYY-MM-DD) for the page ``root``, or None."""
    if not isinstance(root, HtmlElement):
        return None
    try:
        return _find_date()(root, url=url, original_date=True)
    except Exception as err:  # noqa: BLE001 - htmldate's internals raise assorted errors on odd pages
        log.debug("htmldate failed: %s", err)
        return None
