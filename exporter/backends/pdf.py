"""The PDF backend: the rendered sections as one HTML document, laid out by WeasyPrint.

The sections come from the one renderer (`exporter.render`); this module only
orders them for print, writes the document head (language and the metadata
WeasyPrint turns into the PDF's Info and XMP), and builds the page CSS that
depends on the options (trim size, margins, bleed, marks, running heads).
The cascade is ``base.css`` < ``print.css`` < page CSS < the user's stylesheet.

Print order differs from the e-book in one place: the colophon goes on the
verso of the title page, where a printed book keeps its copyright page, so
that the author bio is the book's last page.
"""

from __future__ import annotations

import logging
import math
import re
import unicodedata
from dataclasses import replace
from datetime import datetime, timezone
from .._escape import escape
from pathlib import Path

from .._dataclass_store import dataclass
from .. import __version__
from .._fontconfig import warn_missing_scripts
from .._pyphen import preload as preload_hyphenation
from .._weasyprint import PdfResult, Stylesheet, font_configuration, render_pdf
from ..errors import ConfigError, RenderError
from ..labels import labels_for
from ..model import plain_text
from ..options import ExportOptions, PageSize
from ..render import BACKMATTER, BODYMATTER, COLOPHON, TITLEPAGE, TOC, Book, RenderedBook, Section, render_book
from ..resources import BOOK_FONT_NAME, styles_dir
from .pdf_text import WORD_JOINER, keep_cjk_brackets, keep_korean_words, keep_last_words_whole, mark_opening_words
from .text_runs import keep_urls_unhyphenated
from .title_balance import balance_titles
from .pdf_figures import FigurePlacement, FigureRelayout, apply_deferrals, mark_figures

log = logging.getLogger(__name__)

# Print order: the colophon is the title page's verso (see the module note).
_PRINT_ORDER = {TITLEPAGE: 0, COLOPHON: 1, TOC: 2, BODYMATTER: 3, BACKMATTER: 4}
_RUNNING_HEAD_MAX = 48  # characters; longer titles are cut at a word with an ellipsis
_LINE_HEIGHT = 1.35  # must match html { line-height } in print.css
# WeasyPrint draws crop marks inside the CSS bleed area: with marks asked for,
# the media gets at least this much room outside the trim for them.
CROP_MARK_ROOM_PT = 18.0


# ---------------------------------------------------------------- page geometry


@dataclass(frozen=True)
class PageGeometry:
    """Type size and margins for one trim size, all in points."""

    font_size: float
    top: float
    bottom: float
    inside: float
    outside: float

    @property
    def line(self) -> float:
        return self.font_size * _LINE_HEIGHT


def page_geometry(size: PageSize) -> PageGeometry:
    """Margins scaled to the trim so the measure stays about 60–70 characters.

    The type size grows with the page (10 pt on 5×8 in, 11 pt on 6×9 in, 12 pt
    on A4/Letter); the text block is a fixed number of ems wide; what is left
    is split 55:45 between the inside gutter and the outside margin, with
    floors a print shop accepts (KDP's minimum gutter is 0.375 in). The text
    block's height is a whole number of lines so every full page ends on the
    same baseline.
    """
    width, height = size.width_pt, size.height_pt
    if width < 380:
        font_size = 10.0
    elif width < 425:
        font_size = 10.5
    elif width < 500:
        font_size = 11.0
    else:
        font_size = 12.0
    measure_em = 28.5 if width < 500 else 31.0  # Libertine sets about 2.3 characters per em
    min_inside, min_outside = 0.5 * 72, 0.4 * 72
    text_width = min(measure_em * font_size, width - min_inside - min_outside)
    spare = width - text_width
    inside = max(min_inside, spare * 0.55)
    outside = spare - inside
    scale = min(1.3, max(0.8, height / 648.0))
    top = 0.75 * 72 * scale
    line = font_size * _LINE_HEIGHT
    lines = math.floor((height - top - 0.8 * 72 * scale) / line)
    bottom = height - top - lines * line
    return PageGeometry(font_size, top, bottom, inside, outside)


def css_string(text: str) -> str:
    """``text`` as a double-quoted CSS string (escapes quotes, backslashes, line ends)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\r\f" or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# Measured in the running head (8.5 pt, small caps, 0.07 em letter-spacing, a
# 432 pt page): a Hangul syllable or kanji is 8.6 pt wide, a Latin small capital
# 4.9 pt on average. Counting a wide character as two Latin letters cut a Korean
# title of 29 characters that fitted with room to spare ("…막장극…" on page 4 of
# an Entermedia article).
_WIDE_LETTERS = 1.75
_HEAD_LETTER_PT = 5.3  # a wide Latin small capital, with its letter-spacing
_FOLIO_ROOM_PT = 24.0  # each side of the centred head: the folio and the space before it


def _width(text: str) -> float:
    """``text``'s width in Latin letters of the running head (a Chinese, Japanese or Korean character is 1.75)."""
    return sum(_WIDE_LETTERS if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def running_head_limit(text_width_pt: float) -> int:
    """How many Latin letters the centred running head holds on a text block ``text_width_pt`` wide."""
    return max(20, int((text_width_pt - 2 * _FOLIO_ROOM_PT) / _HEAD_LETTER_PT))


def running_text(text: str, limit: float = _RUNNING_HEAD_MAX) -> str:
    """A running head short enough for one line: cut at a word, with an ellipsis.
    Wide characters count double and a title without spaces is cut between
    characters (a Japanese title of 40 characters ran over two lines and the folio)."""
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    cut = ""
    for ch in text:
        if _width(cut + ch) > limit - 1:
            break
        cut += ch
    if " " in cut and _width(cut.rsplit(" ", 1)[0]) > limit / 2:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-、，。") + "…"


def running_names(names: tuple[str, ...], join) -> str | None:
    """The authors as a running head names them: in full when that fits, else by
    surname ("Untersinger, Leloup et Tual"), else the first surname and "et al."
    (three Le Monde authors were cut in the middle of the last one's name)."""
    full = join(names)
    if full is None or len(full) <= _RUNNING_HEAD_MAX or len(names) < 2:
        return full
    surnames = tuple(name.split()[-1] for name in names if name.split())
    short = join(surnames)
    if short is not None and len(short) <= _RUNNING_HEAD_MAX:
        return short
    return f"{surnames[0]} et al."


def page_css(book: Book, sections: tuple[Section, ...], options: ExportOptions) -> str:
    """The CSS that depends on the options and the book: page size, margins,
    bleed, marks, type size, and the running-head strings."""
    size = options.page_size
    geo = page_geometry(size)
    content_height = size.height_pt - geo.top - geo.bottom
    page_rule = [f"size: {size.width_pt:.3f}pt {size.height_pt:.3f}pt;",
                 f"margin-top: {geo.top:.2f}pt; margin-bottom: {geo.bottom:.2f}pt;"]
    media_bleed = max(options.bleed_pt, CROP_MARK_ROOM_PT) if options.crop_marks else options.bleed_pt
    if media_bleed > 0:
        page_rule.append(f"bleed: {media_bleed:.3f}pt;")
    if options.crop_marks:
        page_rule.append("marks: crop;")
    rules = [
        "@page { " + " ".join(page_rule) + " }",
        # Mirrored margins: the gutter is on the right of a verso, the left of a recto.
        f"@page :left {{ margin-left: {geo.outside:.2f}pt; margin-right: {geo.inside:.2f}pt; }}",
        f"@page :right {{ margin-left: {geo.inside:.2f}pt; margin-right: {geo.outside:.2f}pt; }}",
        f"html {{ font-size: {geo.font_size:g}pt; }}",
        # The title sits about a fifth of the way down; the colophon is set
        # at the foot of its page, as a copyright page is.
        f".titlepage {{ padding-top: {content_height * 0.2:.1f}pt; }}",
        f".colophon {{ height: {content_height - 1:.1f}pt; }}",
    ]
    head_limit = running_head_limit(size.width_pt - geo.inside - geo.outside)
    articles = [s for s in sections if s.kind == BODYMATTER]
    for section, article in zip(articles, book.articles):
        # An article without a byline: in a collection the verso names the collection,
        # not the whole list of the other articles' authors.
        names = labels_for(article.meta.language).names
        fallback = book.title if book.is_collection else (names(book.authors) or book.title)
        author = running_names(article.meta.authors, names) or fallback
        rules.append(
            f"#{section.id} {{ string-set: running-author {css_string(running_text(author, head_limit))}, "
            f"running-title {css_string(running_text(article.meta.title, head_limit))}; }}"
        )
    return "\n".join(rules) + "\n"


# ---------------------------------------------------------------- the document


def print_sections(rendered: RenderedBook) -> tuple[Section, ...]:
    return tuple(sorted(rendered.sections, key=lambda s: _PRINT_ORDER.get(s.kind, 3)))


_OPENING_TAG = re.compile(r"^<section\b")


# Languages set by the CJK line-start and line-end rules (`pdf_text.keep_cjk_brackets`).
_CJK_LANGUAGES = frozenset({"ko", "ja", "zh"})


def _print_body(section: Section, book_language: str, placement: FigurePlacement | None = None,
                balance: tuple[float, float] | None = None) -> str:
    """The section's markup as print sets it: its own ``lang`` when it differs
    from the book's (hyphenation follows it), no line break before an em dash,
    its pictures named and placed (`pdf_figures`), each paragraph's last word
    and every web address unhyphenated, an article's opening words marked for
    small capitals (`pdf_text`), its display title broken into even lines at
    ``balance`` = (type size, measure) in points (`title_balance`)."""
    if balance is not None and section.kind in (TITLEPAGE, BODYMATTER):
        section = replace(section, body=balance_titles(section.body, *balance))
    if section.kind == BODYMATTER:
        section = replace(section, body=mark_opening_words(section.body))
    # A word joiner before an em dash: a closed em dash may end a line but must
    # not start one (UAX #14 allows both; book typesetting only the first).
    body = section.body.replace("\u2014", WORD_JOINER + "\u2014")
    body = mark_figures(section, keep_urls_unhyphenated(keep_last_words_whole(body)))
    if placement is not None and placement.defer:
        body = apply_deferrals(body, placement.defer)
    if section.kind == COLOPHON:
        # One block to set at the foot of the page (print.css positions it).
        start = body.index(">") + 1
        end = body.rindex("</section>")
        body = f'{body[:start]}<div class="colophon-block">{body[start:end]}</div>{body[end:]}'
    script_language = section.language.split("-")[0].lower()
    if script_language == "ko":
        body = keep_korean_words(body)
    if script_language in _CJK_LANGUAGES:
        body = keep_cjk_brackets(body)
    if section.language == book_language:
        return body
    return _OPENING_TAG.sub(f'<section lang="{escape(section.language)}"', body, count=1)


def metadata_dates(book: Book, options: ExportOptions) -> tuple[str, str] | None:
    """The PDF's creation and modification dates: the article's publication and
    update dates (the one known date for both when there is only one), else
    SOURCE_DATE_EPOCH; never the clock."""
    if book.date:
        meta = book.articles[0].meta
        if not book.is_collection and meta.published and meta.updated and meta.updated > meta.published:
            return meta.published, meta.updated
        return book.date, book.date
    if options.source_date_epoch is not None:
        stamp = datetime.fromtimestamp(options.source_date_epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return stamp, stamp
    return None


def subject(book: Book) -> str | None:
    """The PDF's subject line, in the book's language."""
    labels = labels_for(book.language)
    if len(book.articles) == 1:
        meta = book.articles[0].meta
        if meta.description:
            return meta.description
        byline = labels.names(meta.authors)
        text = labels.subject_article_by.format(author=byline) if byline else labels.subject_article
        return labels.sentence(text)
    return labels.sentence(labels.collection_subject(len(book.articles)))


def html_document(book: Book, sections: tuple[Section, ...], options: ExportOptions,
                  placement: FigurePlacement | None = None) -> str:
    """One HTML document holding every section in print order, with the head
    WeasyPrint reads the PDF metadata from (title, author, description, dates, lang)."""
    language = book.language
    head = ['<meta charset="utf-8"/>', f"<title>{escape(book.title, quote=False)}</title>"]
    head += [f'<meta name="author" content="{escape(name)}"/>' for name in book.authors]
    if (text := subject(book)) is not None:
        head.append(f'<meta name="description" content="{escape(text)}"/>')
    if (dates := metadata_dates(book, options)) is not None:
        head.append(f'<meta name="dcterms.created" content="{escape(dates[0])}"/>')
        head.append(f'<meta name="dcterms.modified" content="{escape(dates[1])}"/>')
    head.append(f'<meta name="generator" content="Article Exporter {escape(__version__)}"/>')
    geo = page_geometry(options.page_size)
    # A user's stylesheet may set the titles in another face or size: the layout breaks them then.
    balance = None if options.user_stylesheet else (geo.font_size, options.page_size.width_pt - geo.inside - geo.outside)
    body = "".join(_print_body(s, language, placement, balance) for s in sections)
    return (f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head>{"".join(head)}</head>'
            f'<body class="book">{body}</body></html>\n')


def stylesheets(book: Book, sections: tuple[Section, ...], options: ExportOptions,
                placement: FigurePlacement | None = None) -> list[Stylesheet]:
    folder = styles_dir()
    sheets = [Stylesheet((folder / name).read_text(encoding="utf-8"), folder)
              for name in ("base.css", "print.css") if (folder / name).is_file()]
    sheets.append(Stylesheet(page_css(book, sections, options) + (placement.css() if placement else ""), folder))
    if options.user_stylesheet is not None:
        path = Path(options.user_stylesheet)
        try:
            sheets.append(Stylesheet(path.read_text(encoding="utf-8"), path.resolve().parent))
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"cannot read the stylesheet: {error}", path=path) from None
    return sheets


def check_length(book: Book, options: ExportOptions) -> None:
    """Refuse, before layout, a book whose text would take minutes to lay out."""
    length = sum(len(plain_text(article.blocks)) for article in book.articles)
    if length > options.max_pdf_chars:
        raise RenderError(
            f"too long for a PDF: {length:,} characters of text (the limit is {options.max_pdf_chars:,}; "
            "raise it with --max-pdf-chars)"
        )


def build_pdf(book: Book, options: ExportOptions, destination: Path) -> PdfResult:
    """Write ``book`` as a PDF to ``destination``; the result lists WeasyPrint's warnings."""
    check_length(book, options)
    rendered = render_book(book, font_name=BOOK_FONT_NAME)
    # WeasyPrint prints a glyph no font has as an empty box, silently: say which script.
    warn_missing_scripts(" ".join(section.body for section in rendered.sections))
    sections = print_sections(rendered)
    # Each language's hyphenation patterns from file, not parsed again by this process.
    preload_hyphenation({book.language, *(section.language for section in sections)})
    allowed = [styles_dir()]
    if options.user_stylesheet is not None:
        allowed.append(Path(options.user_stylesheet).resolve().parent)
    served = print_pictures(book, options)
    # Pictures that left a page half empty are placed again after a first layout (pdf_figures).
    relayout = FigureRelayout(lambda placement: (html_document(book, sections, options, placement),
                                                 stylesheets(book, sections, options, placement))) if served else None
    result = render_pdf(
        html_document(book, sections, options), Path(destination), served=served, relayout=relayout,
        stylesheets=stylesheets(book, sections, options), base_dir=styles_dir(), allowed_dirs=allowed,
        pdf_variant=options.pdf_variant, tagged=True,
        bleed_pt=options.bleed_pt if (options.bleed_pt > 0 or options.crop_marks) else None,
    )
    log.debug("laid out %r on %d pages", book.title, result.page_count)
    return result


# Print resolution: a picture wider than the text block at this many dots per inch
# is narrowed before layout (more pixels would only make the file heavier).
PRINT_DPI = 300


def print_pictures(book: Book, options: ExportOptions) -> dict[str, tuple[bytes, str]]:
    """The articles' pictures by the URL the rendered XHTML names them with
    (``images/<key>.<ext>`` against the document's base), each no wider than
    the text block at 300 dpi, for the URL fetcher to serve from memory."""
    if not any(article.assets for article in book.articles):
        return {}  # a text-only book pays nothing here
    from ..images import scale_to_width
    from ..render_media import image_href

    size = options.page_size
    geo = page_geometry(size)
    block_px = math.ceil((size.width_pt - geo.inside - geo.outside) / 72 * PRINT_DPI)
    base = styles_dir().as_uri() + "/"
    served: dict[str, tuple[bytes, str]] = {}
    for article in book.articles:
        for asset in article.assets:
            narrowed = scale_to_width(asset.data, asset.media_type, block_px)
            data, media_type = (narrowed.data, narrowed.media_type) if narrowed else (asset.data, asset.media_type)
            served[base + image_href(asset)] = (data, media_type)
    return served


def preload() -> None:
    """Import WeasyPrint and set up fonts now (see `exporter.backends.preload`)."""
    font_configuration()


def write_pdf(book: Book, options: ExportOptions, destination: Path) -> None:
    """The registry's writer (``exporter.backends``)."""
    build_pdf(book, options, destination)
