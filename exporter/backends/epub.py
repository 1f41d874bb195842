"""EPUB 3 backend: a `Book` → a reflowable EPUB 3.3 that EPUBCheck, Kindle,
Kobo and calibre accept.

Reading order: cover, title page, [contents,] article(s), author bio, colophon,
one XHTML document per rendered section (`exporter.render` gives the same
sections to the PDF). A navigation document carries the table of contents and
the landmarks; an NCX serves EPUB 2 readers. ebooklib is reached only through
`exporter._ebooklib`, which holds its quirks and checks what it wrote.

Reproducible: the identifier comes from the content, ``dcterms:modified`` from
the article's date (else ``SOURCE_DATE_EPOCH``, else a fixed date), and the zip
is rewritten with fixed timestamps. The run-time clock is never read.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timezone
from .._escape import escape
from pathlib import Path
from typing import TYPE_CHECKING

from .. import _re_store
# The ebooklib adapter (with ebooklib) is imported by the functions below, when the first
# EPUB is built: its ~5 ms import then runs while the cover is drawn (see `write_epub`).
if TYPE_CHECKING:
    from .._ebooklib import Document, Package
from ..cover import MEDIA_TYPE as COVER_MEDIA_TYPE, CoverText, cover_jpeg, cover_jpeg_beside
from ..errors import RenderError, UsageError
from ..labels import labels_for
from ..model import Figure, ImageAsset, Paragraph, plain_text
from ..options import ExportOptions
from ..render import (
    BACKMATTER, BODYMATTER, COVER, TITLEPAGE, TOC, Book, RenderedBook, Section, contents_heading, is_rtl,
    render_book, safe_href, xhtml_document, xhtml_page,
)
from ..render_media import image_href
from .epub_pictures import accessibility, book_pictures
from .text_runs import keep_urls_unhyphenated
from ..resources import styles_dir
from ..transforms import content_identifier

log = logging.getLogger(__name__)

COVER_IMAGE = "images/cover.jpg"
NAV_FILE = "nav.xhtml"
STYLESHEETS = ("base.css", "epub.css")  # from styles/, in this order; the user's comes last
USER_STYLESHEET = "user.css"

# When neither the article nor the environment gives a date, dcterms:modified
# still must not come from the clock: the zip format's epoch, plainly artificial.
FALLBACK_MODIFIED = datetime(1980, 1, 1, tzinfo=timezone.utc)
_COLLECTION_NAMESPACE = uuid.UUID("3b8e0f4c-2d7a-5e61-9c14-7a0b5d2e8f93")

# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_BCP47 = _re_store.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_FRAGMENT_HREF = _re_store.compile(r'href="#([^"]+)"')

# EPUB Accessibility 1.1 metadata, stated for what this backend actually writes:
# text only (the one image, the cover, has a text alternative and carries no
# information the title page does not), a nav TOC, headings, a reading order
# matching the visual one, no hazards. No conformance claim: nothing here has
# been evaluated against WCAG by a person.
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
    ("schema:accessibilitySummary",
     "Reflowable text with a table of contents, headings in document order and a reading order "
     "that follows the article. The only image is the generated cover, which has a text alternative "
     "and repeats the title page. No flashing, motion or sound."),
)


# ---------------------------------------------------------------- facts about the book


def normalize_language(tag: str | None) -> str:
    """A BCP 47 tag for ``tag`` (``en_US`` → ``en-US``); English when there is none,
    since a missing language is what Send to Kindle rejects most."""
    text = (tag or "").strip().replace("_", "-")
    if _BCP47.match(text):
        return text
    if text:
        log.warning("language %r is not a BCP 47 tag; writing en", tag)
    return "en"


def file_as(name: str) -> str:
    """The sort form of a personal name: "William Taubman" → "Taubman, William",
    "Ludwig van Beethoven" → "Beethoven, Ludwig van", "Martin Luther King Jr." →
    "King, Martin Luther, Jr.". Names that do not look like "Given Family"
    (one word, organisations, names written without spaces) stay as they are."""
    words = name.split()
    suffix = ""
    if len(words) > 2 and words[-1].rstrip(".").lower() in {"jr", "sr", "ii", "iii", "iv"}:
        suffix = ", " + words.pop()
    if not 2 <= len(words) <= 4 or not all(w[0].isupper() or w.islower() for w in words):
        return name
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return name
    # A capitalised particle is part of the surname ("Mathieu Le Goff" → "Le Goff, Mathieu", "Robert De
    # Niro"); a lower-case one stays with the given names ("Ludwig van Beethoven" → "Beethoven, Ludwig van").
    start = len(words) - 1
    while start > 1 and words[start - 1] in _SURNAME_PARTICLES:
        start -= 1
    return f"{' '.join(words[start:])}, {' '.join(words[:start])}{suffix}"


_SURNAME_PARTICLES = frozenset({"Le", "La", "Les", "De", "Du", "Des", "Di", "Da", "Del", "Della", "Van", "Von",
                                "Ter", "Ten", "Den", "Der", "St.", "Saint", "Al", "El"})


def book_identifier(book: Book) -> str:
    """The articles' own identifiers (content-derived ``urn:uuid``) for one;
    a v5 UUID of all of them, in order, for a collection."""
    identifiers = [a.meta.identifier or content_identifier(a) for a in book.articles]
    if not book.is_collection:
        return identifiers[0]
    return "urn:uuid:" + str(uuid.uuid5(_COLLECTION_NAMESPACE, "\n".join([book.title, *identifiers])))


def modified_time(book: Book, options: ExportOptions) -> datetime:
    """``dcterms:modified``: the (latest) article date at midnight UTC, else
    ``options.source_date_epoch`` or ``SOURCE_DATE_EPOCH``, else a fixed date."""
    if book.date:
        parts = [int(p) for p in book.date.split("-")] + [1, 1]
        try:
            return datetime(parts[0], parts[1], parts[2], tzinfo=timezone.utc)
        except ValueError:
            log.warning("article date %r is not a date; ignoring it for dcterms:modified", book.date)
    epoch = options.source_date_epoch  # SOURCE_DATE_EPOCH unless the caller chose
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=timezone.utc)
    return FALLBACK_MODIFIED


def _shorten(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def description(book: Book) -> str | None:
    """The article's own description, else its opening paragraph, shortened;
    for a collection, the articles' titles."""
    if book.is_collection:
        return _shorten("; ".join(a.meta.title for a in book.articles))
    article = book.articles[0]
    if article.meta.description:
        return _shorten(article.meta.description)
    first = next((b for b in article.blocks if isinstance(b, Paragraph) and plain_text(b).strip()), None)
    return _shorten(plain_text(first)) if first is not None else None


def _common(values: list[str | None]) -> str | None:
    present = {v for v in values if v}
    return present.pop() if len(present) == 1 and all(values) else None


def _prepared(book: Book) -> Book:
    """The book with a BCP 47 language on every article, and never an empty article."""
    articles = []
    for article in book.articles:
        if not plain_text(article.blocks).strip():
            raise RenderError(f"{article.meta.title!r}: the article has no body text, so its chapter would be empty")
        if not article.meta.title.strip():
            raise RenderError("an article has no title")
        language = normalize_language(article.meta.language)
        articles.append(article if language == article.meta.language else article.with_meta(language=language))
    return replace(book, articles=tuple(articles))


def _user_stylesheet(options: ExportOptions) -> bytes | None:
    """The user's CSS, layered last."""
    if options.user_stylesheet is None:
        return None
    return check_user_stylesheet(Path(options.user_stylesheet)).encode("utf-8")


def check_user_stylesheet(path: Path) -> str:
    """The user's CSS, checked: an EPUB may not load anything from outside itself,
    so @import and url() other than data: are refused. The CLI calls this before
    any export, so a bad --style is one usage error, not one failure per file."""
    try:
        css = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read the stylesheet: {err}", path=path) from None
    if re.search(r"@import", css, re.IGNORECASE) or re.search(r"url\(\s*['\"]?(?!data:)", css, re.IGNORECASE):
        raise UsageError("the stylesheet loads other files (@import or url()); an EPUB must be self-contained",
                         path=path)
    return css


# ---------------------------------------------------------------- documents


def _cover_section(book: Book, language: str) -> Section:
    labels = labels_for(language)
    byline = labels.names(book.authors)
    alt = (labels.cover_alt_by.format(title=book.title, author=byline) if byline
           else labels.cover_alt.format(title=book.title))
    body = (f'<section id="cover" epub:type="cover" class="cover-page">'
            f'<img src="{COVER_IMAGE}" alt="{escape(alt)}" role="doc-cover"/></section>')
    return Section("cover", labels.cover, COVER, "cover", body, language, in_toc=False)


def cover_text(book: Book, identifier: str) -> CoverText:
    """What the cover image says: title, authors, and the publisher with the year of
    publication. An update stamp's year is not printed: a cover year reads as the
    year the piece appeared (the seed's "Last updated 2016" dates a 2006 op-ed)."""
    first = book.articles[0].meta
    year = book.date[:4] if book.date and not book.date_is_update else None
    publisher = first.publisher if not book.is_collection else None
    imprint = " · ".join(x for x in (publisher, year) if x) or None
    return CoverText(book.title, labels_for(book.language).names(book.authors), imprint, identifier)


def _cover_text(book: Book, identifier: str, options: ExportOptions) -> CoverText:
    text = cover_text(book, identifier)
    picture = lead_picture(book) if options.cover == "lead-image" else None
    return replace(text, picture=picture.data) if picture is not None else text


def lead_picture(book: Book) -> ImageAsset | None:
    """The first article's first figure picture (SVG aside: the cover is a JPEG drawn with Pillow)."""
    article = book.articles[0]
    for block in article.blocks:
        if isinstance(block, Figure) and block.image:
            asset = article.asset(block.image)
            if asset is not None and asset.media_type != "image/svg+xml":
                return asset
    return None


def _nav_label(section: Section) -> str:
    return labels_for(section.language).titlepage if section.kind == TITLEPAGE else section.title


def _ids(xhtml: bytes, name: str) -> set[str]:
    from .._ebooklib import parse_xhtml

    return {str(v) for v in parse_xhtml(xhtml, name=name).xpath("//@id")}


def _link_across_files(documents: list[Document]) -> list[Document]:
    """Each section is its own file in the EPUB, so ``href="#x"`` (written for
    one HTML document, as the PDF uses it) becomes ``file.xhtml#x`` where ``x``
    lives in another file. A fragment that exists nowhere is a bug: raise."""
    owner: dict[str, str] = {}
    for document in documents:
        for anchor in _ids(document.xhtml, document.file_name):
            owner.setdefault(anchor, document.file_name)

    def rewrite(document: Document) -> Document:
        text = document.xhtml.decode("utf-8")

        def target(match: re.Match) -> str:
            fragment = match.group(1)
            if fragment not in owner:
                raise RenderError(f"{document.file_name}: link to #{fragment}, which no document defines")
            file_name = owner[fragment]
            return match.group(0) if file_name == document.file_name else f'href="{file_name}#{fragment}"'

        new = _FRAGMENT_HREF.sub(target, text)
        return document if new == text else replace(document, xhtml=new.encode("utf-8"))

    return [rewrite(d) for d in documents]


def _nav_document(entries: list[tuple[str, str]], landmarks: list[tuple[str, str, str]],
                  language: str, stylesheets: tuple[str, ...]) -> Document:
    from .._ebooklib import Document

    heading = contents_heading(language)
    toc = "".join(f'<li><a href="{escape(href)}">{escape(title, quote=False)}</a></li>' for title, href in entries)
    marks = "".join(f'<li><a epub:type="{kind}" href="{escape(href)}">{escape(title, quote=False)}</a></li>'
                    for kind, title, href in landmarks)
    body = (f'<nav epub:type="toc" id="toc" role="doc-toc"><h1 class="toc-heading">{escape(heading, quote=False)}'
            f"</h1><ol>{toc}</ol></nav>"
            f'<nav epub:type="landmarks" id="landmarks" hidden="hidden"><h2>{escape(labels_for(language).landmarks, quote=False)}</h2>'
            f"<ol>{marks}</ol></nav>")
    xhtml = xhtml_page(body, language=language, title=heading, stylesheets=stylesheets)
    return Document("nav", NAV_FILE, heading, xhtml.encode("utf-8"), properties=("nav",))


# ---------------------------------------------------------------- the package


def build_package(book: Book, rendered: RenderedBook, options: ExportOptions, *,
                  cover: Callable[[], bytes] | None = None) -> Package:
    """Everything the EPUB holds, described for the ebooklib adapter. ``cover`` gives the
    cover's JPEG when it is already being drawn (`write_epub`): the adapter asks for it
    only when it writes the zip. Without it, the cover is drawn here."""
    from .._ebooklib import Creator, Document, GuideReference, Metadata, NavPoint, Package, Resource

    language = book.language
    identifier = book_identifier(book)
    cover_image = cover if cover is not None else cover_jpeg(_cover_text(book, identifier, options))

    resources = [Resource("css-" + name.removesuffix(".css"), f"styles/{name}", "text/css",
                          (styles_dir() / name).read_bytes()) for name in STYLESHEETS]
    user_css = _user_stylesheet(options)
    if user_css is not None:
        resources.append(Resource("css-user", f"styles/{USER_STYLESHEET}", "text/css", user_css))
    stylesheets = tuple(r.file_name for r in resources)
    resources.append(Resource("cover-img", COVER_IMAGE, COVER_MEDIA_TYPE, cover_image, properties=("cover-image",)))
    pictures = book_pictures(book)
    resources += [Resource(asset.key, image_href(asset), asset.media_type, asset.data) for asset in pictures]

    # Web addresses unhyphenated (`text_runs`): readers that hyphenate would split one with a hyphen.
    article_sections = tuple(replace(s, body=keep_urls_unhyphenated(s.body)) for s in rendered.sections)
    sections = (_cover_section(book, language), *article_sections)
    documents = [
        Document(f"page-{s.id}", f"{s.id}.xhtml", s.title,
                 xhtml_document(s, title=s.title, stylesheets=stylesheets).encode("utf-8"))
        for s in sections
    ]
    documents = _link_across_files(documents)
    file_of = {s.id: d.file_name for s, d in zip(sections, documents)}

    toc_entries = [(_nav_label(s), file_of[s.id]) for s in sections if s.in_toc]
    first_of = {}
    for s in sections:
        first_of.setdefault(s.kind, s)
    landmarks = [(kind, _nav_label(first_of[key]), file_of[first_of[key].id])
                 for kind, key in (("cover", COVER), ("titlepage", TITLEPAGE), ("toc", TOC),
                                   ("bodymatter", BODYMATTER), ("backmatter", BACKMATTER))
                 if key in first_of]
    if BACKMATTER not in first_of:
        # No bio: the colophon is where the back matter starts.
        colophon = next((s for s in sections if s.epub_type == "colophon"), None)
        if colophon is not None:
            landmarks.append(("backmatter", colophon.title, file_of[colophon.id]))
    nav = _nav_document(toc_entries, landmarks, language, stylesheets)

    guide_types = {"cover": "cover", "titlepage": "title-page", "toc": "toc", "bodymatter": "text"}
    guide = tuple(GuideReference(guide_types[kind], title, href)
                  for kind, title, href in landmarks if kind in guide_types)
    ncx = tuple(NavPoint(f"ncx-{n}", title, href) for n, (title, href) in enumerate(toc_entries, start=1))

    metas = [a.meta for a in book.articles]
    # The book's own language first (the front and back matter's; English for a mixed
    # collection), then each article's.
    languages = tuple(dict.fromkeys([language, *(m.language for m in metas)]))
    metadata = Metadata(
        identifier=identifier,
        title=book.title,
        languages=languages,
        modified=modified_time(book, options),
        creators=tuple(Creator(name, file_as(name)) for name in book.authors),
        date=book.date,
        publisher=_common([m.publisher for m in metas]),
        description=description(book),
        sources=tuple(dict.fromkeys(u for m in metas if m.source_url and (u := safe_href(m.source_url)))),
        properties=accessibility(book, pictures),
        right_to_left=is_rtl(language),
    )
    return Package(metadata, tuple(documents), nav, tuple(resources), ncx, guide)


def write_epub(book: Book, options: ExportOptions, destination: Path) -> None:
    """The backend's entry point (see `exporter.backends`)."""
    book = _prepared(book)
    # The cover is drawn on a thread while the pages render (see `cover_jpeg_beside`).
    cover = cover_jpeg_beside(_cover_text(book, book_identifier(book), options))
    # The e-book leaves the typeface to the reader, so the colophon names none.
    rendered = render_book(book, font_name=None)
    package = build_package(book, rendered, options, cover=cover)
    from .._ebooklib import write_package

    write_package(package, Path(destination))
    log.debug("EPUB %s: %d documents", destination, len(package.spine))

