"""Every word the book adds, in the article's language: one table per language
(``labels.toml``, data) and dates and name lists formatted by Babel's CLDR data.

No month name or "and" is written by hand anywhere else: the renderer, the
backends and the preview ask `labels_for(language)`. An unknown language gets
English; a region in the tag (``en-US``, ``pt-BR``) picks CLDR's regional
date order when Babel knows it. Babel is reached only through this module and
`_babel`, which keeps the few CLDR facts a book's dates and name lists use on file.
"""

from __future__ import annotations

import logging
import re
from dataclasses import MISSING, fields, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping

from ._dataclass_store import dataclass
from . import _toml_store
from ._babel import UnknownLocale, locale_facts

log = logging.getLogger(__name__)

FALLBACK_LANGUAGE = "en"
_STOPS = (".", "!", "?", "…", "。", "！", "？", "؟", "।")
_WORD = re.compile(r"\w+")
# A role noun follows its marker within this many words ("ist freie Journalistin", "est rédactrice en
# chef") and has this many letters or more (not "er", "ihr", "der": articles and pronouns end so too).
ROLE_REACH = 3
ROLE_LETTERS = 5
_CLOSERS = "\"'”’»)]）」』"


@dataclass(frozen=True)
class Labels:
    """One language's table (see labels.toml for what each entry is)."""

    language: str  # the table's key: a primary language subtag
    locale: str  # the CLDR locale dates and lists are formatted in
    full_stop: str
    sentence_space: str
    list_separator: str
    cover: str
    cover_alt: str
    cover_alt_by: str
    titlepage: str
    contents: str
    landmarks: str
    about_author: str
    about_authors: str
    colophon: str
    colophon_item: str
    source: str
    published: str
    updated: str
    set_in: str
    made_with: str
    subject_article: str
    subject_article_by: str
    subject_collection: Mapping[str, str]
    # A language whose "About the Author" heading takes the author's grammatical gender ("Über die
    # Autorin") has its feminine headings and the words by which a bio says its subject is a woman
    # or a man (optional: a table without them always uses about_author / about_authors).
    about_author_feminine: str = ""
    about_authors_feminine: str = ""
    feminine_words: tuple[str, ...] = ()
    masculine_words: tuple[str, ...] = ()
    # A role noun's endings ("Stadtplanerin" / "Stadtplaner", "rédactrice" / "rédacteur"), read in the
    # ROLE_REACH words after one of role_words ("ist", "als", "est"): where a bio says what its person is.
    role_words: tuple[str, ...] = ()
    feminine_endings: tuple[str, ...] = ()
    masculine_endings: tuple[str, ...] = ()
    nouns_capitalised: bool = False  # German: only a capitalised word is a role noun ("unserer" is none)

    # ------------------------------------------------------------ formatting

    def date(self, iso: str | None) -> str | None:
        """``2015-05-04`` → "4 mai 2015" in French; ``2015-05`` → "mai 2015"; ``2015`` → "2015".
        A string that is not such a date is shown as it is."""
        if not iso:
            return None
        parts = iso.split("-")
        try:
            numbers = [int(p) for p in parts]
            if len(numbers) == 3:
                return locale_facts(self.locale).date(date(*numbers))
            if len(numbers) == 2:
                return locale_facts(self.locale).year_month(date(numbers[0], numbers[1], 1))
            if len(numbers) == 1 and len(parts[0]) == 4:
                return parts[0]
        except ValueError:
            pass
        return iso

    def about(self, bios: Iterable[str | tuple[str, str]]) -> str:
        """The bio page's heading for these bios (texts, or (text, author) pairs): feminine when every
        bio says, by its own words and none of the other gender's, that its subject is a woman ("Die
        Autorin ist Redakteurin ...", "... arbeitet als Stadtplanerin"). The author's name is left
        out of the reading: "Valentin" is no feminine "-entin"."""
        bios = [(b, "") if isinstance(b, str) else b for b in bios]
        heading, feminine = ((self.about_authors, self.about_authors_feminine) if len(bios) > 1
                             else (self.about_author, self.about_author_feminine))
        if feminine and bios and all(self._says_feminine(text, author) for text, author in bios):
            return feminine
        return heading

    def _says_feminine(self, text: str, author: str = "") -> bool:
        name = set(_WORD.findall(author.casefold()))
        written = [w for w in _WORD.findall(text) if w.casefold() not in name]
        found = [w.casefold() for w in written]
        words = " " + " ".join(found) + " "
        says = lambda entries: any(f" {entry} " in words for entry in entries)  # noqa: E731
        roles = [w.casefold() for i, marker in enumerate(found) if marker in self.role_words
                 for w in written[i + 1:i + 1 + ROLE_REACH]
                 if len(w) >= ROLE_LETTERS and (w[0].isupper() or not self.nouns_capitalised)]
        feminine = says(self.feminine_words) or (
            any(w.endswith(self.feminine_endings) for w in roles) if self.feminine_endings else False)
        # "ist Mutter von …" ends as a masculine role noun does; a word listed as feminine is none
        masculine = says(self.masculine_words) or (
            any(w.endswith(self.masculine_endings) and not w.endswith(self.feminine_endings)
                and w not in self.feminine_words for w in roles) if self.masculine_endings else False)
        return feminine and not masculine

    def names(self, names: Iterable[str]) -> str | None:
        """"A, B and C" / "A, B et C" / "A、B、C", or None for no names."""
        names = [n for n in names if n]
        return locale_facts(self.locale).names(names) if names else None

    def dates(self, published: str | None, updated: str | None) -> tuple[str, ...]:
        """The article's dates described as what they are: "Published 4 May 2015",
        "Last updated 27 July 2016" (an update stamp is never called the publication)."""
        out = []
        if published:
            out.append(self.published.format(date=self.date(published)))
        if updated and updated != published:
            out.append(self.updated.format(date=self.date(updated)))
        return tuple(out)

    def sentence(self, text: str) -> str:
        """``text`` ending with this language's full stop, unless it already ends a
        sentence (also inside closing quotes: 'of “His Era.”'). A trailing comma,
        colon or semicolon (a cut-off line) gives way to the stop."""
        text = text.rstrip()
        if not text or text.rstrip(_CLOSERS).endswith(_STOPS):
            return text
        return text.rstrip(",;:、，；：") + self.full_stop

    def sentences(self, parts: Iterable[str]) -> str:
        return self.sentence_space.join(self.sentence(p) for p in parts if p)

    def collection_subject(self, count: int) -> str:
        """"A collection of 10 articles", with CLDR's plural category for ``count``."""
        from babel import Locale, UnknownLocaleError

        try:
            category = Locale.parse(self.locale).plural_form(count)
        except (UnknownLocaleError, ValueError):
            category = "other"
        template = self.subject_collection.get(category) or self.subject_collection["other"]
        return template.format(count=count)


def primary_subtag(language: str | None) -> str:
    return (language or "").replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=1)
def _tables() -> dict[str, Labels]:
    # Read beside this module, not through importlib.resources (its imports: ~2 ms a run; see resources.py).
    data = _toml_store.loads((Path(__file__).parent / "labels.toml").read_text(encoding="utf-8"))
    wanted = {f.name for f in fields(Labels)} - {"language"}
    optional = {f.name for f in fields(Labels) if f.default is not MISSING}
    tables = {}
    for key, table in data.items():
        missing = wanted - optional - table.keys()
        if missing or "other" not in table.get("subject_collection", {}):
            # Data shipped with the package: a gap is a bug, not a user error.
            raise ValueError(f"labels.toml: [{key}] lacks {', '.join(sorted(missing)) or 'subject_collection.other'}")
        given = {k: tuple(v) if isinstance(v, list) else v for k, v in table.items() if k in wanted}
        tables[key] = Labels(language=key, **given)
    return tables


def known_languages() -> tuple[str, ...]:
    return tuple(_tables())


@lru_cache(maxsize=64)
def labels_for(language: str | None) -> Labels:
    """The table for ``language`` (a BCP 47 tag), English when there is none."""
    tables = _tables()
    labels = tables.get(primary_subtag(language)) or tables[FALLBACK_LANGUAGE]
    tag = (language or "").replace("-", "_")
    if labels.language == primary_subtag(language) and "_" in tag:
        # A regional tag keeps its region's conventions (en-US: "July 27, 2016").
        try:
            locale_facts(tag)
            labels = replace(labels, locale=tag)
        except UnknownLocale:
            pass
    return labels


def common_language(languages: Iterable[str]) -> str:
    """The language of a book's own pages: the articles' language when they all share
    one (the first article's tag), else English (a mixed collection's front and back matter)."""
    tags = [t for t in languages if t]
    if tags and len({primary_subtag(t) for t in tags}) == 1:
        return tags[0]
    return FALLBACK_LANGUAGE


@lru_cache(maxsize=32)
def cldr_proper_names(language: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words CLDR capitalises in ``language``: place names and weekday names, then
    month names (kept apart: "May" is also a verb). For restoring shouted text."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(labels_for(language).locale)
    except (UnknownLocaleError, ValueError):
        return (), ()
    places = [name for name in locale.territories.values() if name[:1].isupper()]
    days = [name for name in locale.days["format"]["wide"].values() if name[:1].isupper()]
    months = [name for name in locale.months["format"]["wide"].values() if name[:1].isupper()]
    return tuple(places + days), tuple(months)
