"""The book's back matter: the author-bio page and the colophon.

Both are in the book's language (a collection's own, or English when its
articles differ), from the labels table. `bio_entries` is what every format
shows on the bio page (EPUB, PDF and the preview), so a bio is signed with the
author's name the same way everywhere: only when it does not begin with it.
"""

from __future__ import annotations

from ._escape import escape

from ._dataclass_store import dataclass
from .labels import Labels, labels_for
from .model import Article, Meta
from .render import BACKMATTER, COLOPHON, Section, safe_href, section_element


def _begins_with_name(text: str, name: str) -> bool:
    """Does the bio open with the author's name ("William Taubman, professor of …")?"""
    opening = text.lstrip(" \"'“‘«(").casefold()
    name = " ".join(name.split()).casefold()
    return opening.startswith(name) and not opening[len(name):len(name) + 1].isalnum()


@dataclass(frozen=True)
class BioEntry:
    text: str
    name: str | None  # the signature under the bio: None when the bio already begins with the name
    author: str = ""  # whose bio it is (the heading's gender is read from the bio without that name)


def bio_entries(articles: tuple[Article, ...]) -> tuple[BioEntry, ...]:
    """One entry per distinct author that has a bio, in order. Every format (EPUB,
    PDF, preview) shows these, so a name is printed under a bio the same way in all."""
    seen: set[str] = set()
    entries: list[BioEntry] = []
    for article, bio in ((a, b) for a in articles for b in a.meta.bios):
        if not bio.text.strip():
            continue
        name = bio.author or labels_for(article.meta.language).names(article.meta.authors) or ""
        key = name.casefold() or bio.text.casefold()
        if key in seen:
            continue
        seen.add(key)
        entries.append(BioEntry(bio.text, name if name and not _begins_with_name(bio.text, name) else None, name))
    return tuple(entries)


def bio_heading(entries: tuple[BioEntry, ...], language: str) -> str:
    return labels_for(language).about([(entry.text, entry.author) for entry in entries])


def bio_section(articles: tuple[Article, ...], sid: str = "about-author", *,
                language: str | None = None) -> Section | None:
    """The author-bio page (back matter: in the book's ``language``, by default the first article's)."""
    entries = bio_entries(articles)
    if not entries:
        return None
    language = language or articles[0].meta.language
    heading = bio_heading(entries, language)
    head_id = f"{sid}-title"
    inner = f'<h2 id="{head_id}" class="bio-heading">{escape(heading, quote=False)}</h2>'
    for entry in entries:
        inner += f'<div class="bio-entry"><p class="bio-text">{escape(entry.text, quote=False)}</p>'
        if entry.name:
            inner += f'<p class="bio-name">{escape(entry.name, quote=False)}</p>'
        inner += "</div>"
    body = section_element(sid, "backmatter", inner, classes="bio", labelled_by=head_id)
    return Section(sid, heading, BACKMATTER, "backmatter", body, language)


def _source_markup(meta: Meta, labels: Labels) -> str:
    """Where the article came from: its publisher and a link to its URL (escaped markup)."""
    parts = [escape(meta.publisher, quote=False)] if meta.publisher else []
    if meta.source_url and (href := safe_href(meta.source_url)):
        parts.append(f'<a href="{escape(href)}">{escape(meta.source_url, quote=False)}</a>')
    return escape(labels.list_separator, quote=False).join(parts)


def colophon_section(articles: tuple[Article, ...], *, font_name: str | None, sid: str = "colophon",
                     language: str | None = None) -> Section:
    """Source, dates (said to be a publication or an update), typeface, maker; all in the
    book's ``language`` (back matter), dates included, so a collection's lines agree."""
    language = language or articles[0].meta.language
    labels = labels_for(language)
    lines: list[str] = []
    for article in articles:
        meta = article.meta
        source = _source_markup(meta, labels)
        dates = [escape(d, quote=False) for d in labels.dates(meta.published, meta.updated)]
        if len(articles) > 1:
            title = f"<em>{escape(meta.title, quote=False)}</em>"
            first = labels.colophon_item.format(title=title, source=source) if source else title
            lines.append(f'<p class="colophon-source">{labels.sentences([first, *dates])}</p>')
        else:
            # One article: the source and the dates on lines of their own (a long URL
            # ran them together into one grey block on the French page's verso).
            if source:
                line = labels.source.format(source=source)
                # A full stop right after a web address reads as part of it ("…/rings-of-saturn."):
                # the line ends with the link as it is.
                lines.append(f'<p class="colophon-source">{line if line.endswith("</a>") else labels.sentence(line)}</p>')
            if dates:
                lines.append(f'<p class="colophon-dates">{labels.sentences(dates)}</p>')
    if font_name:
        lines.append(f'<p class="colophon-type">{labels.sentence(labels.set_in.format(font=escape(font_name, quote=False)))}</p>')
    lines.append(f'<p class="colophon-maker">{labels.sentence(labels.made_with)}</p>')
    body = section_element(sid, "colophon", "".join(lines), classes="colophon")
    return Section(sid, labels.colophon, COLOPHON, "colophon", body, language, in_toc=False)
