"""One renderer for every backend: `Article` → a `RenderedBook` of XHTML sections.

Each `Section` body is a single well-formed XHTML ``<section>`` element (as
a string) in reading order: title page, article, author bio, colophon. The
EPUB backend writes one content document per section; the PDF backend joins
them into one HTML document. The two differ only in CSS and packaging.
"""

from __future__ import annotations

from ._escape import escape
from urllib.parse import quote, urlsplit, urlunsplit

from typing import Mapping

from ._dataclass_store import dataclass
from . import _re_store, render_media
from .labels import Labels, common_language, labels_for
from .model import (
    Article, Block, BlockQuote, Code, CodeBlock, Emphasis, Figure, Heading, Image, ImageAsset, Inline, LineBreak,
    Link, ListBlock, Meta, Paragraph, Rule, Strong, Table, Text,
)

Assets = Mapping[str, ImageAsset]

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"

# Section kinds, in the order a book holds them.
COVER, TITLEPAGE, TOC, BODYMATTER, BACKMATTER, COLOPHON = (
    "cover", "titlepage", "toc", "bodymatter", "backmatter", "colophon",
)

@dataclass(frozen=True)
class Section:
    id: str  # unique in the book: file stem in the EPUB, anchor in the PDF
    title: str  # as listed in the table of contents
    kind: str  # one of the section kinds above
    epub_type: str  # the epub:type value on the <section>
    body: str  # one well-formed XHTML <section> element
    language: str
    in_toc: bool = True


@dataclass(frozen=True)
class RenderedBook:
    title: str
    authors: tuple[str, ...]
    language: str
    sections: tuple[Section, ...]

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


# ---------------------------------------------------------------- inlines and blocks


# What may stand unescaped in each part of a URL (RFC 3986 unreserved, sub-delims,
# ':' and '@', and '/' or '?' where the part allows them); anything else, such as
# the '[' and ']' a query like "?filter[year]=2019" carries, is percent-encoded.
# EPUBCheck rejects a link that is not a valid URL (RSC-020), and so do readers.
_PATH_SAFE = "!$&'()*+,;=:@/%~"
_QUERY_SAFE = _PATH_SAFE + "?"
# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_LONE_PERCENT = _re_store.compile(r"%(?![0-9A-Fa-f]{2})")
_HOST = _re_store.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?)+$|^\[[0-9A-Fa-f:.]+\]$")


def safe_href(href: str) -> str | None:
    """A link the book may carry, as a valid URL, or None.

    Only links to the web or to mail survive (never javascript:, data:, file:),
    and what a scraped page wrote is normalised: characters a URL may not hold
    are percent-encoded, a host in another script is written in IDNA; a link
    whose host or port cannot be a real one is dropped (its text stays).
    """
    try:
        parts = urlsplit(href.strip())
        scheme = parts.scheme.lower()
        if scheme == "mailto":
            return "mailto:" + quote(_LONE_PERCENT.sub("%25", parts.path), safe=_PATH_SAFE) + (
                "?" + quote(_LONE_PERCENT.sub("%25", parts.query), safe=_QUERY_SAFE) if parts.query else "")
        if scheme not in ("http", "https"):
            return None
        host, port = parts.hostname, parts.port  # .port raises ValueError when it is not a number
    except ValueError:
        return None
    if not host:
        return None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if ":" in host:
        host = f"[{host}]"
    if not _HOST.match(host):
        return None
    netloc = host if port is None else f"{host}:{port}"
    if parts.username is not None:
        userinfo = quote(parts.username, safe="!$&'()*+,;=%")
        if parts.password is not None:
            userinfo += ":" + quote(parts.password, safe="!$&'()*+,;=%")
        netloc = f"{userinfo}@{netloc}"

    def encoded(part: str, safe: str) -> str:
        return quote(_LONE_PERCENT.sub("%25", part), safe=safe)

    return urlunsplit((scheme, netloc, encoded(parts.path, _PATH_SAFE), encoded(parts.query, _QUERY_SAFE),
                       encoded(parts.fragment, _QUERY_SAFE)))


def render_inlines(inlines: tuple[Inline, ...], assets: Assets | None = None) -> str:
    """``assets``: the article's pictures by key (an inline picture not in it is left out)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(escape(node.text, quote=False))
        elif isinstance(node, Emphasis):
            out.append(f"<em>{render_inlines(node.children, assets)}</em>")
        elif isinstance(node, Strong):
            out.append(f"<strong>{render_inlines(node.children, assets)}</strong>")
        elif isinstance(node, Link):
            href = safe_href(node.href)
            inner = render_inlines(node.children, assets)
            out.append(f'<a href="{escape(href)}">{inner}</a>' if href else inner)
        elif isinstance(node, LineBreak):
            out.append("<br/>")
        elif isinstance(node, Code):
            out.append(f"<code>{escape(node.text, quote=False)}</code>")
        elif isinstance(node, Image):
            out.append(render_media.inline_image(node, assets))
    return "".join(out)


def render_blocks(blocks: tuple[Block, ...], *, heading_offset: int = 0, assets: Assets | None = None) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(f"<p>{render_inlines(block.children, assets)}</p>")
        elif isinstance(block, Heading):
            level = min(6, max(2, block.level + heading_offset))
            out.append(f"<h{level}>{render_inlines(block.children, assets)}</h{level}>")
        elif isinstance(block, BlockQuote):
            out.append(f"<blockquote>{render_blocks(block.blocks, heading_offset=heading_offset, assets=assets)}"
                       "</blockquote>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{render_blocks(item, heading_offset=heading_offset, assets=assets)}</li>"
                            for item in block.items)
            out.append(f"<{tag}>{items}</{tag}>")
        elif isinstance(block, Figure):
            out.append(render_media.figure(block, assets, render_inlines))
        elif isinstance(block, Table):
            out.append(render_media.table(block, assets, render_inlines))
        elif isinstance(block, CodeBlock):
            out.append(render_media.code_block(block))
        elif isinstance(block, Rule):
            out.append('<hr class="section-break"/>')
    return "".join(out)


# ---------------------------------------------------------------- sections


def _attr(text: str) -> str:
    return escape(text, quote=True)


def section_element(sid: str, epub_type: str, inner: str, *, role: str | None = None,
             classes: str | None = None, labelled_by: str | None = None) -> str:
    attrs = [f'id="{sid}"', f'epub:type="{epub_type}"']
    if role:
        attrs.append(f'role="{role}"')
    if classes:
        attrs.append(f'class="{classes}"')
    if labelled_by:
        attrs.append(f'aria-labelledby="{labelled_by}"')
    return f"<section {' '.join(attrs)}>{inner}</section>"


def shown_date(meta: Meta, labels: Labels) -> str | None:
    """The date a title page or byline shows: the publication date as it is; an
    update stamp, when it is all there is, said to be one ("Last updated 27 July 2016")."""
    if meta.published:
        return labels.date(meta.published)
    return labels.dates(None, meta.updated)[0] if meta.updated else None


_NBSP = "\u00a0"
_SHORT_LAST_WORD = 6  # characters: a last word up to this long is never left alone on a title's last line


def display_title(title: str) -> str:
    """``title`` as a display heading sets it: its last two words joined by a
    no-break space, so that a title set over several lines never ends on one
    short word ("Browns' defensive snap counts, stats, and notes: Week / 11",
    "The Hidden Heroines of / Chaos" on the title pages of long news headlines).
    Titles without spaces (Chinese, Japanese) and of one or two words are as they were."""
    words = title.split(" ")
    if len(words) < 3 or len(words[-1]) > _SHORT_LAST_WORD or not words[-2]:
        return title
    return " ".join(words[:-2]) + " " + words[-2] + _NBSP + words[-1]


def unbroken_names(labels: Labels, names: tuple[str, ...]) -> str | None:
    """The authors' names joined as ``labels`` joins them, no line break inside
    a name: a title page or byline of several authors breaks between names
    ("Martin Untersinger, Damien Leloup et / Morgane Tual", never "et Morgane / Tual")."""
    return labels.names(tuple(name.replace(" ", _NBSP) for name in names))


def title_page(article: Article, sid: str = "titlepage") -> Section:
    meta = article.meta
    labels = labels_for(meta.language)
    lines = [f'<h1 class="book-title">{escape(display_title(meta.title), quote=False)}</h1>']
    if meta.subtitle:
        lines.append(f'<p class="book-subtitle">{escape(meta.subtitle, quote=False)}</p>')
    if meta.authors:
        lines.append(f'<p class="book-author">{escape(unbroken_names(labels, meta.authors) or "", quote=False)}</p>')
    facts = [x for x in (shown_date(meta, labels), meta.publisher) if x]
    if facts:
        lines.append('<p class="book-imprint">' + "<br/>".join(escape(f, quote=False) for f in facts) + "</p>")
    body = section_element(sid, "titlepage", '<div class="titlepage-block">' + "".join(lines) + "</div>",
                    classes="titlepage")
    return Section(sid, meta.title, TITLEPAGE, "titlepage", body, meta.language)


def article_section(article: Article, sid: str = "article", *, in_collection: bool = False) -> Section:
    """The article itself: its heading, byline and date (in its own language), then the body."""
    meta = article.meta
    labels = labels_for(meta.language)
    head_id = f"{sid}-title"
    parts = [f'<h1 id="{head_id}" class="article-title">{escape(display_title(meta.title), quote=False)}</h1>']
    if meta.subtitle:
        parts.append(f'<p class="article-subtitle">{escape(meta.subtitle, quote=False)}</p>')
    byline = unbroken_names(labels, meta.authors)
    date_text = shown_date(meta, labels)
    if in_collection and (byline or date_text):
        bits = []
        if byline:
            bits.append(f'<span class="byline-author">{escape(byline, quote=False)}</span>')
        if date_text:
            bits.append(f'<span class="byline-date">{escape(date_text, quote=False)}</span>')
        parts.append('<p class="byline">' + '<span class="byline-sep"> · </span>'.join(bits) + "</p>")
    assets = {asset.key: asset for asset in article.assets}
    parts.append('<div class="article-body">' + render_blocks(article.blocks, assets=assets) + "</div>")
    body = section_element(sid, "bodymatter chapter", "".join(parts), role="doc-chapter", classes="article",
                    labelled_by=head_id)
    return Section(sid, meta.title, BODYMATTER, "bodymatter chapter", body, meta.language)


def render_article(article: Article, *, font_name: str | None = None) -> RenderedBook:
    """The sections of a one-article book, in reading order."""
    from .back_matter import bio_section, colophon_section  # it builds on this module's sections

    sections = [title_page(article), article_section(article)]
    bio = bio_section((article,))
    if bio is not None:
        sections.append(bio)
    sections.append(colophon_section((article,), font_name=font_name))
    meta = article.meta
    return RenderedBook(meta.title, meta.authors, meta.language, tuple(sections))


def xhtml_document(section: Section, *, title: str, stylesheets: tuple[str, ...] = ()) -> str:
    """A whole XHTML5 content document around one section (XML declaration,
    ``lang`` and ``xml:lang``, utf-8) as EPUB readers and Send to Kindle want."""
    return xhtml_page(section.body, language=section.language, title=title, stylesheets=stylesheets)


def xhtml_page(body: str, *, language: str, title: str, stylesheets: tuple[str, ...] = ()) -> str:
    """`xhtml_document` for any body markup (the EPUB's navigation document)."""
    links = "".join(f'<link rel="stylesheet" type="text/css" href="{_attr(href)}"/>' for href in stylesheets)
    lang = _attr(language)
    direction = ' dir="rtl"' if is_rtl(language) else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang="{lang}" xml:lang="{lang}"{direction}>'
        f"<head><meta charset=\"utf-8\"/><title>{escape(title, quote=False)}</title>{links}</head>"
        f"<body>{body}</body></html>\n"
    )


# Languages written right to left (their primary subtags).
_RTL_LANGUAGES = {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "iw"}


def is_rtl(language: str) -> bool:
    return language.split("-")[0].lower() in _RTL_LANGUAGES


def contents_heading(language: str) -> str:
    """"Contents" in ``language`` (the printed contents and the EPUB's nav)."""
    return labels_for(language).contents


# ---------------------------------------------------------------- books and collections


@dataclass(frozen=True)
class Book:
    """What a backend writes: one article, or a collection of several."""

    title: str
    articles: tuple[Article, ...]
    is_collection: bool = False

    @classmethod
    def single(cls, article: Article) -> "Book":
        return cls(article.meta.title, (article,), False)

    @property
    def language(self) -> str:
        """The language of the book's own pages: the articles' one, or English for a mixed collection."""
        return common_language(a.meta.language for a in self.articles)

    @property
    def authors(self) -> tuple[str, ...]:
        names: list[str] = []
        for article in self.articles:
            for name in article.meta.authors:
                if name not in names:
                    names.append(name)
        return tuple(names)

    @property
    def date(self) -> str | None:
        dates = [a.meta.date for a in self.articles if a.meta.date]
        return max(dates) if dates else None

    @property
    def date_is_update(self) -> bool:
        """True when the book's date is only an update stamp: no article giving it states its publication."""
        latest = self.date
        return latest is not None and not any(a.meta.published == latest for a in self.articles)


def toc_section(book: Book, article_ids: tuple[str, ...], sid: str = "contents") -> Section:
    """A printed table of contents (the PDF fills in page numbers from the links)."""
    language = book.language
    heading = contents_heading(language)
    items = []
    for article, aid in zip(book.articles, article_ids):
        byline = labels_for(language).names(article.meta.authors)
        by = f'<span class="toc-author">{escape(byline, quote=False)}</span>' if byline else ""
        items.append(
            f'<li><a class="toc-link" href="#{aid}"><span class="toc-title">'
            f"{escape(article.meta.title, quote=False)}</span></a>{by}</li>"
        )
    head_id = f"{sid}-title"
    inner = f'<h2 id="{head_id}" class="toc-heading">{escape(heading, quote=False)}</h2><ol class="toc-list">{"".join(items)}</ol>'
    body = section_element(sid, "toc", inner, role="doc-toc", classes="contents", labelled_by=head_id)
    return Section(sid, heading, TOC, "toc", body, language)


def render_book(book: Book, *, font_name: str | None = None) -> RenderedBook:
    """The sections of ``book`` in reading order: title page, [contents],
    article(s), author bio(s), colophon."""
    from .back_matter import bio_section, colophon_section  # it builds on this module's sections

    if not book.is_collection:
        return render_article(book.articles[0], font_name=font_name)
    cover_meta = book.articles[0].meta
    from dataclasses import replace as _replace

    published, updated = (None, book.date) if book.date_is_update else (book.date, None)
    front = Article(_replace(cover_meta, title=book.title, subtitle=None, authors=book.authors,
                             published=published, updated=updated, language=book.language,
                             publisher=None, bios=()))
    ids = tuple(f"article-{n:03d}" for n in range(1, len(book.articles) + 1))
    sections = [title_page(front), toc_section(book, ids)]
    sections += [article_section(a, sid, in_collection=True) for a, sid in zip(book.articles, ids)]
    bio = bio_section(book.articles, language=book.language)
    if bio is not None:
        sections.append(bio)
    sections.append(colophon_section(book.articles, font_name=font_name, language=book.language))
    return RenderedBook(book.title, book.authors, book.language, tuple(sections))
