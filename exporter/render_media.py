"""XHTML for the article's pictures, tables and code (the part of `exporter.render`
that is not running text). Every string is escaped; a picture's ``src`` is only
ever ``images/<key>.<ext>`` of an asset the article holds, which the EPUB packs
under that name and the PDF backend serves from memory.
"""

from __future__ import annotations

import re
from ._escape import escape
from typing import Callable, Mapping

from .model import CodeBlock, Figure, Image, ImageAsset, Table, TableCell

IMAGE_FOLDER = "images"
# Five or more columns: the table is set smaller so that it fits the measure.
WIDE_TABLE_COLUMNS = 5
# Eight or more: even the shortest words of every column may not fit side by side,
# so any word may break (print.css); fewer columns break only long words.
MANY_TABLE_COLUMNS = 8

RenderInlines = Callable[..., str]


def image_href(asset: ImageAsset) -> str:
    return f"{IMAGE_FOLDER}/{asset.file_name}"


def _img(asset: ImageAsset, alt: str, css_class: str) -> str:
    # No width/height attributes: reading systems that honour them next to CSS's
    # max-width (calibre's PDF output, tried) draw the picture stretched.
    return f'<img class="{css_class}" src="{escape(image_href(asset))}" alt="{escape(alt)}"/>'



def inline_image(node: Image, assets: Mapping[str, ImageAsset] | None) -> str:
    asset = assets.get(node.image) if assets else None
    return _img(asset, node.alt, "inline-image") if asset is not None else ""


def figure(block: Figure, assets: Mapping[str, ImageAsset] | None, inlines: RenderInlines) -> str:
    caption = inlines(block.caption, assets)
    credit = f'<span class="credit">{escape(block.credit, quote=False)}</span>' if block.credit else ""
    asset = assets.get(block.image) if (assets and block.image) else None
    if asset is None:
        # The picture could not be had (or --no-images): the caption or alt text says what it showed.
        text = caption or escape(block.alt, quote=False)
        return f'<figure class="figure-text"><figcaption>{text}</figcaption></figure>' if text else ""
    shape = "figure-portrait" if asset.height > asset.width * 1.15 else "figure-landscape"
    small = " figure-small" if asset.width < 400 else ""
    joined = " ".join(part for part in (caption, credit) if part)
    figcaption = f"<figcaption>{joined}</figcaption>" if joined else ""
    return f'<figure class="figure {shape}{small}">{_img(asset, block.alt, "figure-image")}{figcaption}</figure>'


def code_block(block: CodeBlock) -> str:
    language = f' class="language-{escape(block.language)}"' if block.language else ""
    return f'<pre class="code-block"><code{language}>{escape(block.text, quote=False)}</code></pre>'


# A word this long in a table cell (a bare URL, a file path, a hash) may break
# anywhere; shorter ones only at their hyphens or spaces. Letting every word
# break anywhere squeezed a football stats table's short columns to one letter
# ("Po/s", "Play/s"): the table layout takes a cell's narrowest possible width.
_LONG_WORD = re.compile(r"[^\s<>]{16,}")
_MARKUP = re.compile(r"(<[^>]*>)")


def _breakable_long_words(html: str) -> str:
    """``html`` (a cell's inlines) with each long word of its text in a
    ``<span class="long-word">`` that print.css and base.css let break anywhere."""
    return "".join(part if part.startswith("<") else _LONG_WORD.sub(r'<span class="long-word">\g<0></span>', part)
                   for part in _MARKUP.split(html))


def _cell(cell: TableCell, in_head: bool, assets, inlines: RenderInlines) -> str:
    tag = "th" if (cell.header or in_head) else "td"
    attrs = []
    if cell.align:
        attrs.append(f'class="align-{cell.align}"')
    if tag == "th":
        attrs.append('scope="col"' if in_head else 'scope="row"')
    if cell.colspan > 1:
        attrs.append(f'colspan="{cell.colspan}"')
    if cell.rowspan > 1:
        attrs.append(f'rowspan="{cell.rowspan}"')
    opening = " ".join([tag, *attrs])
    return f"<{opening}>{_breakable_long_words(inlines(cell.children, assets))}</{tag}>"


def table(block: Table, assets: Mapping[str, ImageAsset] | None, inlines: RenderInlines) -> str:
    wide = " table-wide" if block.columns >= WIDE_TABLE_COLUMNS else ""
    wide += " table-many" if block.columns >= MANY_TABLE_COLUMNS else ""
    parts = [f'<table class="table{wide}">']
    if block.caption:
        parts.append(f"<caption>{inlines(block.caption, assets)}</caption>")
    if block.head:
        rows = "".join("<tr>" + "".join(_cell(c, True, assets, inlines) for c in row) + "</tr>" for row in block.head)
        parts.append(f"<thead>{rows}</thead>")
    if block.body:
        rows = "".join("<tr>" + "".join(_cell(c, False, assets, inlines) for c in row) + "</tr>" for row in block.body)
        parts.append(f"<tbody>{rows}</tbody>")
    parts.append("</table>")
    return f'<div class="table-block">{"".join(parts)}</div>'
