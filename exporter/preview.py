"""Previews for a viewer: the e-book's text as HTML, and the book's real PDF pages.

`book_pdf` gives the PDF bytes the export would write (a page preview rasterises
them); `check_article` reads an input with the warnings it raised. The rest of
this note is about the HTML preview of one article, as an e-reader reflows it.

For on-screen previews (the GUI's `QTextBrowser`), not for books: the body
comes from the same `render_blocks` as the EPUB and PDF, but the page is plain
HTML 4 with a small stylesheet, because Qt's rich-text engine knows neither
``<section>`` nor most of CSS (and wants margins and indents in px). No
colours are set, so the preview follows the viewer's palette (light or dark).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from ._escape import escape
from pathlib import Path

from ._dataclass_store import dataclass
from .back_matter import bio_entries, bio_heading
from .labels import labels_for
from .model import Article
from .options import ExportOptions
from .render import render_blocks, shown_date
from .resources import BOOK_FONT_FAMILY, fonts_dir

PREVIEW_CSS = """
body { font-family: 'BOOK_FONT', Georgia, 'Times New Roman', serif; font-size: 12pt; }
p { margin-top: 0px; margin-bottom: 0px; text-indent: 20px; line-height: 135%; }
h1.title { font-size: 20pt; font-weight: normal; margin-bottom: 4px; }
p.subtitle { font-size: 13pt; font-style: italic; }
p.byline { font-variant: small-caps; }
p.dateline { font-size: 10pt; margin-top: 2px; margin-bottom: 6px; }
h2, h3, h4 { font-weight: bold; font-size: 12pt; margin-top: 16px; margin-bottom: 6px; }
blockquote { margin-left: 24px; margin-right: 24px; }
h2.bio-heading { font-size: 13pt; font-weight: normal; font-style: italic; margin-top: 32px; margin-bottom: 8px; }
p.bio-text { font-size: 11pt; }
p.bio-name { font-size: 11pt; font-variant: small-caps; text-align: right; margin-top: 6px; }
p.first, p.subtitle, p.byline, p.dateline, p.bio-text, p.bio-name { text-indent: 0px; }
p.picture { text-indent: 0px; margin-top: 12px; margin-bottom: 4px; }
p.caption { text-indent: 0px; font-size: 10pt; margin-bottom: 12px; }
""".replace("BOOK_FONT", BOOK_FONT_FAMILY)


def preview_fonts() -> tuple[Path, ...]:
    """The book typeface's font files, for a viewer to register (Qt's
    ``QFontDatabase.addApplicationFont``) so the preview is set like the book."""
    return tuple(sorted(fonts_dir().glob("*.otf")))


def preview_html(article: Article) -> str:
    """Title, byline, date and publisher, body and author bio of ``article`` as one HTML page."""
    meta = article.meta
    parts = [f'<h1 class="title">{escape(meta.title, quote=False)}</h1>']
    if meta.subtitle:
        parts.append(f'<p class="subtitle">{escape(meta.subtitle, quote=False)}</p>')
    labels = labels_for(meta.language)
    byline = labels.names(meta.authors)
    if byline:
        parts.append(f'<p class="byline">{escape(byline, quote=False)}</p>')
    facts = [fact for fact in (shown_date(meta, labels), meta.publisher) if fact]
    if facts:
        parts.append(f'<p class="dateline">{" · ".join(escape(f, quote=False) for f in facts)}</p>')
    parts.append("<hr/>")
    # As in the book: paragraphs are indented, except the first after a heading or a break.
    assets = {asset.key: asset for asset in article.assets}
    body = re.sub(r"(^|</h[2-6]>|<hr[^>]*/>)<p>", r'\1<p class="first">', render_blocks(article.blocks, assets=assets))
    parts.append(_shown_pictures(body, article))
    # The same entries, heading and signatures as the book's bio page.
    entries = bio_entries((article,))
    if entries:
        parts.append(f'<h2 class="bio-heading">{escape(bio_heading(entries, meta.language), quote=False)}</h2>')
        for entry in entries:
            parts.append(f'<p class="bio-text">{escape(entry.text, quote=False)}</p>')
            if entry.name:
                parts.append(f'<p class="bio-name">{escape(entry.name, quote=False)}</p>')
    lang = escape(meta.language, quote=True)
    return (f'<html lang="{lang}"><head><meta charset="utf-8"/><style>{PREVIEW_CSS}</style></head>'
            f'<body>{"".join(parts)}</body></html>')


# The preview's pictures: no wider than its text column (EbookView's measure is
# some 500 px), no taller than most of its height; inline icons a line high.
PREVIEW_PICTURE_PX = 480
_FIGURE = re.compile(r'<figure class="figure[^"]*">(<img [^>]*/>)(?:<figcaption>(.*?)</figcaption>)?</figure>', re.S)
_IMAGE_SRC = re.compile(r'<img class="(figure-image|inline-image)" src="images/([^"]+)"')


_PREVIEW_PICTURES: dict[tuple[str, int, int], str] = {}  # (asset key, shown size): its data: URI
_PREVIEW_PICTURES_KEPT = 64


def _picture_uri(asset, shown: tuple[int, int]) -> str:
    """The ``data:`` URI of ``asset`` at twice its ``shown`` size (sharp on a 2× screen),
    its first frame only; made once per asset and size (the preview is redrawn at each edit)."""
    import base64

    from .images import preview_thumbnail

    key = (asset.key, shown[0], shown[1])
    uri = _PREVIEW_PICTURES.get(key)
    if uri is None:
        small = preview_thumbnail(asset.data, asset.media_type, (shown[0] * 2, shown[1] * 2))
        data, media_type = (small.data, small.media_type) if small else (asset.data, asset.media_type)
        uri = f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
        if len(_PREVIEW_PICTURES) >= _PREVIEW_PICTURES_KEPT:
            _PREVIEW_PICTURES.pop(next(iter(_PREVIEW_PICTURES)))  # the oldest
        _PREVIEW_PICTURES[key] = uri
    return uri


def _shown_pictures(body: str, article: Article) -> str:
    """``body`` with its pictures inlined as ``data:`` URIs at the preview's size
    (Qt's rich text knows no figure, figcaption or max-width: a picture is a
    centred paragraph of its own, sized in pixels, its caption the next one)."""
    if not article.assets:
        return body
    by_file = {asset.file_name: asset for asset in article.assets}

    def image(match: re.Match) -> str:
        css_class, name = match.group(1), match.group(2)
        asset = by_file.get(name)
        if asset is None:
            return match.group(0)
        width, height = max(1, asset.width), max(1, asset.height)
        if css_class == "inline-image":
            shown = (max(1, round(16 * width / height)), 16)
        else:
            scale = min(1.0, PREVIEW_PICTURE_PX / width, PREVIEW_PICTURE_PX * 1.25 / height)
            shown = (max(1, round(width * scale)), max(1, round(height * scale)))
        return f'<img class="{css_class}" width="{shown[0]}" height="{shown[1]}" src="{_picture_uri(asset, shown)}"'

    def figure(match: re.Match) -> str:
        caption = f'<p class="caption">{match.group(2)}</p>' if match.group(2) else ""
        return f'<p class="picture" align="center">{match.group(1)}</p>{caption}'

    return _IMAGE_SRC.sub(image, _FIGURE.sub(figure, body))


# ---------------------------------------------------------------- the real pages, for a page preview


@dataclass(frozen=True)
class CheckedArticle:
    """An input as the cleaner found it, with the warnings it logged (for a list that marks each input)."""

    article: Article
    warnings: tuple[str, ...] = ()


def check_article(path: Path, options: ExportOptions | None = None) -> CheckedArticle:
    """Read and clean ``path`` (`ExporterError` when it cannot be read), keeping the warnings
    logged on this thread meanwhile; safe to call from a background thread."""
    from ._logs import collected_warnings
    from .pipeline import load_article

    with collected_warnings("exporter", this_thread_only=True) as warnings:
        article = load_article(path, options)
    return CheckedArticle(article, tuple(dict.fromkeys(warnings)))


def book_pdf(articles: Sequence[Article], options: ExportOptions, *, collection: str | None = None) -> bytes:
    """The PDF bytes of ``articles`` (already prepared), laid out exactly as the export writes them:
    one article's book, or a collection titled ``collection``. Nothing is written where the user sees it."""
    import tempfile

    from .backends.pdf import build_pdf
    from .render import Book

    book = Book(collection, tuple(articles), is_collection=True) if collection else Book.single(articles[0])
    with tempfile.TemporaryDirectory(prefix="exporter-preview-") as folder:
        target = Path(folder) / "preview.pdf"
        build_pdf(book, options, target)
        return target.read_bytes()


def prepare_article(article: Article, options: ExportOptions) -> Article:
    """An already-cleaned article as it goes into the book (overrides, typography), without
    reading its source again: for a page fetched once from a URL and previewed many times."""
    from .transforms import prepare

    return prepare(article, options)
