"""A quick HTML preview of one article, as the book will show it.

For on-screen previews (the GUI's `QTextBrowser`), not for books: the body
comes from the same `render_blocks` as the EPUB and PDF, but the page is plain
HTML 4 with a small stylesheet, because Qt's rich-text engine knows neither
``<section>`` nor most of CSS. No colours are set, so the preview follows the
viewer's palette (light or dark).
"""

from __future__ import annotations

from html import escape

from .model import Article, join_names
from .render import bio_section, format_date, render_blocks

PREVIEW_CSS = """
body { font-family: 'Linux Libertine O', 'Linux Libertine', Georgia, 'Times New Roman', serif; font-size: 12pt; }
h1.title { font-size: 20pt; font-weight: normal; margin-bottom: 4pt; }
p.subtitle { font-size: 13pt; font-style: italic; margin-top: 0; }
p.byline { font-size: 12pt; font-variant: small-caps; margin-bottom: 0; }
p.dateline { font-size: 10pt; margin-top: 2pt; margin-bottom: 14pt; }
h2, h3, h4 { font-weight: bold; font-size: 12pt; margin-top: 12pt; }
p { margin-top: 0; margin-bottom: 6pt; line-height: 135%; }
blockquote { margin-left: 18pt; margin-right: 18pt; }
h2.bio-heading { font-size: 13pt; font-weight: normal; font-style: italic; margin-top: 22pt; }
p.bio-text { font-style: italic; }
"""


def preview_html(article: Article) -> str:
    """Title, byline, date and publisher, body and author bio of ``article`` as one HTML page."""
    meta = article.meta
    parts = [f'<h1 class="title">{escape(meta.title, quote=False)}</h1>']
    if meta.subtitle:
        parts.append(f'<p class="subtitle">{escape(meta.subtitle, quote=False)}</p>')
    byline = join_names(meta.authors)
    if byline:
        parts.append(f'<p class="byline">{escape(byline, quote=False)}</p>')
    facts = [fact for fact in (format_date(meta.date, meta.language), meta.publisher) if fact]
    if facts:
        parts.append(f'<p class="dateline">{" · ".join(escape(f, quote=False) for f in facts)}</p>')
    parts.append("<hr/>")
    parts.append(render_blocks(article.blocks))
    bio = bio_section((article,))
    if bio is not None and meta.bio is not None:
        parts.append(f'<h2 class="bio-heading">{escape(bio.title, quote=False)}</h2>')
        parts.append(f'<p class="bio-text">{escape(meta.bio.text, quote=False)}</p>')
    lang = escape(meta.language, quote=True)
    return (f'<html lang="{lang}"><head><meta charset="utf-8"/><style>{PREVIEW_CSS}</style></head>'
            f'<body>{"".join(parts)}</body></html>')
