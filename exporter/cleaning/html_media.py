"""Figures and tables of the sanitised page, read where the page says them.

trafilatura keeps a picture as a bare ``<graphic>`` (no caption, no credit)
and a table as rows of cells (no caption element, no header section, no
alignment). So before extraction the sanitised page is read once for what the
extractor loses: each marked picture's caption and credit (from its
``<figure>``), and each data table as a model `Table`, keyed by its text so
the extractor's copy can be matched back to it. Pages without pictures or
tables pay one ``iter`` each.
"""

from __future__ import annotations

import copy
import re
from dataclasses import field

from dataclasses import replace

from .._dataclass_store import dataclass
from ..model import Emphasis, Figure, Image, Inline, Link, Strong, Table, TableCell
from .media import PageImages

# Class or itemprop words that mark a picture credit ("Photo: AP", "© Reuters").
_CREDIT = re.compile(r"credit|copyright|photographer|attribution|byline|courtesy|source|author", re.IGNORECASE)
_ALIGN = {"left": "left", "right": "right", "center": "center", "middle": "center", "justify": None}
_BLOCK_CHILDREN = {"p", "div", "ul", "ol", "table", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section",
                   "article", "list", "quote", "head", "pre", "figure"}
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class FigureText:
    caption: tuple[Inline, ...] = ()
    credit: str | None = None


@dataclass(frozen=True)
class MediaCatalog:
    images: PageImages = field(default_factory=PageImages)
    captions: dict[str, FigureText] = field(default_factory=dict)  # by marker id
    tables: dict[str, Table] = field(default_factory=dict)  # by table_signature


def read_catalog(root, images: PageImages | None) -> MediaCatalog:
    images = images or PageImages()
    captions: dict[str, FigureText] = {}
    if images.resources:
        for img in root.iter("img"):
            marker = images.marker_id(img.get("src"))
            figure = next((a for a in img.iterancestors() if a.tag == "figure"), None)
            if marker and figure is not None and marker not in captions:
                captions[marker] = figure_text(figure)
    tables: dict[str, Table] = {}
    for element in root.iter("table"):
        table = table_block(element, 0)
        if table is not None:
            tables.setdefault(table_signature(element), table)
    return MediaCatalog(images, captions, tables)


def figure_text(figure) -> FigureText:
    """The caption (inlines) and the credit (text) of a ``<figure>``."""
    from .html_tree import inline_children, normalise_inlines

    caption_element = next((e for e in figure.iter("figcaption")), None)
    if caption_element is None:
        return FigureText()
    caption_element = copy.deepcopy(caption_element)  # the credit is cut out of a copy, not the page
    caption_element.tail = None
    credit_parts = []
    for element in list(caption_element.iter()):
        if element is caption_element:
            continue
        words = f"{element.get('class', '')} {element.get('itemprop', '')}"
        if _CREDIT.search(words) and element.getparent() is not None:
            credit_parts.append(_squash(" ".join(element.itertext())))
            _drop(element)
    caption = normalise_inlines(list(inline_children(caption_element, 0)))
    return FigureText(caption, " ".join(p for p in credit_parts if p) or None)


def _drop(element) -> None:
    from .html_tree import drop_keeping_tail

    drop_keeping_tail(element)


def _squash(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


# ------------------------------------------------------------------ tables


def _cells(row):
    return [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th", "cell")]


def _rows(table):
    """The rows of ``table`` with their section (thead/tbody/tfoot, or None), not those of nested tables."""
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag in ("tr", "row"):
            yield None, child
        elif tag in ("thead", "tbody", "tfoot"):
            for row in child:
                if isinstance(row.tag, str) and row.tag.lower() == "tr":
                    yield tag, row


def table_signature(table) -> str:
    """The table's text without spaces (caption and cells in order): the same for a
    page's table and trafilatura's copy of it."""
    return _WHITESPACE.sub("", "".join(table.itertext()))[:2000]


def is_data_table(table) -> bool:
    """Rows of short cells in two or more columns. A one-column table, or one
    whose cells hold paragraphs or other tables, lays a page out (old sites
    set the whole article in one): its content is read as ordinary blocks."""
    rows = [row for _, row in _rows(table)]
    if not rows or max(len(_cells(r)) for r in rows) < 2:
        return False
    return not any(isinstance(e.tag, str) and e.tag.lower() in _BLOCK_CHILDREN
                   for row in rows for cell in _cells(row) for e in cell.iter() if e is not cell)


def table_block(table, depth: int) -> Table | None:
    """A model `Table` for an HTML table or trafilatura's table/row/cell, or None (a layout table)."""
    if not is_data_table(table):
        return None
    from .html_tree import inline_children, normalise_inlines

    caption: tuple[Inline, ...] = ()
    for child in table:
        if isinstance(child.tag, str) and child.tag.lower() == "caption":
            caption = normalise_inlines(list(inline_children(child, depth + 1)))
    head: list[tuple[TableCell, ...]] = []
    body: list[tuple[TableCell, ...]] = []
    foot: list[tuple[TableCell, ...]] = []
    for section, row in _rows(table):
        cells = tuple(_cell(c, depth + 2) for c in _cells(row))
        if not cells:
            continue
        all_header = all(c.header for c in cells)
        if section == "thead" or (section is None and all_header and not body):
            head.append(cells)
        elif section == "tfoot":
            foot.append(cells)
        else:
            body.append(cells)
    # A <tfoot> may come before <tbody> in the source, but it ends the table. Data
    # tables of sports and finance sites (DataTables) repeat the header there for
    # long scrolling tables: in a book the header already repeats on each page.
    # Compared by the cells' words, not the header flag: many such footers set
    # the repeated header in <td> cells.
    head_texts = [_row_words(row) for row in head]
    body += [row for row in foot if _row_words(row) not in head_texts]
    if not caption and len(head) > 1 and [bool(c.children) for c in head[0]][:1] == [True] \
            and sum(1 for c in head[0] if c.children) == 1:
        # trafilatura turns <caption> into a first header row with one filled cell.
        caption, head = head[0][0].children, head[1:]
    if not head and not body:
        return None
    return Table(tuple(head), tuple(body), caption)


def _row_words(row: tuple[TableCell, ...]) -> tuple[str, ...]:
    from ..model import plain_text

    return tuple(" ".join(plain_text(cell.children).split()).casefold() for cell in row)


def _cell(cell, depth: int) -> TableCell:
    from .html_tree import inline_children, normalise_inlines

    children = normalise_inlines(list(inline_children(cell, depth)))
    header = cell.tag.lower() == "th" or cell.get("role") == "head"
    align = _ALIGN.get((cell.get("align") or "").strip().lower())
    if align is None:
        parent = cell.getparent()
        align = _ALIGN.get((parent.get("align") or "").strip().lower()) if parent is not None else None
    return TableCell(children, header, align, _span(cell.get("colspan")), _span(cell.get("rowspan")))


def _span(value: str | None) -> int:
    try:
        return min(50, max(1, int((value or "1").strip())))
    except ValueError:
        return 1


# A picture no larger than this on both sides sits in the line (an icon, an emoji);
# anything larger is a figure of its own.
INLINE_IMAGE_MAX_PX = 64


def lift_figures(inlines: list[Inline], media) -> list:
    """``inlines`` cut round every large picture: runs of inlines and Figures, in order.
    A picture nested in a link or emphasis is lifted out of it (its link is lost)."""
    out: list = [[]]
    for node in inlines:
        if isinstance(node, Image) and not _is_small(node, media):
            out.append(_image_figure(node, media))
            out.append([])
        elif isinstance(node, (Emphasis, Strong, Link)) and _holds_large_image(node, media):
            for piece in lift_figures(list(node.children), media):
                if isinstance(piece, Figure):
                    out += [piece, []]
                elif piece:
                    out[-1].append(replace(node, children=tuple(piece)))
        else:
            out[-1].append(node)
    return [piece for piece in out if piece]


def _is_small(image: Image, media) -> bool:
    size = media.images.sizes.get(image.image)
    return size is not None and max(size) <= INLINE_IMAGE_MAX_PX


def _holds_large_image(node, media) -> bool:
    return any((isinstance(c, Image) and not _is_small(c, media))
               or (isinstance(c, (Emphasis, Strong, Link)) and _holds_large_image(c, media)) for c in node.children)


def _image_figure(image: Image, media) -> Figure:
    text = media.captions.get(image.image)
    return Figure(image.image, image.alt, text.caption if text else (), text.credit if text else None)


__all__ = ["MediaCatalog", "FigureText", "read_catalog", "table_block", "table_signature", "lift_figures"]
