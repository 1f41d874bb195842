"""Adapter for lxml: parsing a page, element → model blocks.

Quirks held here: lxml's HTML parser (libxml2) caps nesting depth unless
``huge_tree`` is on: a hostile page nested 100,000 levels deep stops being
read at level 256 (with a warning) instead of exhausting the stack; our own walk over the tree is
iterative-or-bounded for the same reason. The rules' CSS selectors run in
BeautifulSoup's engine (soupsieve): see `pruning` and `_soup`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from ..model import (Block, BlockQuote, Code, CodeBlock, Emphasis, Figure, Heading, Image, Inline, LineBreak,
                     Link, ListBlock, Paragraph, Rule, Strong, Text, plain_text)
from .draft import loose
from .html_code import is_code_block as _is_code_block, preformatted_text as _preformatted_text

# libxml2 limits nesting to 256 levels without huge_tree; anything deeper is
# flattened by the parser. Our walk stops descending well before Python's
# recursion limit in any case.
MAX_WALK_DEPTH = 300

# ------------------------------------------------------------------ parsing


def parse_html(text: str) -> etree._Element:
    """The page's root element; ValueError when nothing parses."""
    from ..sanitize import html_parser

    parser = html_parser()
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text[:512]) + text[512:]
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as err:
        raise ValueError(str(err)) from None
    if root is None:
        raise ValueError("no HTML elements")
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        # libxml2 stops reading at 256 levels: the rest of the page is not in the tree.
        import logging

        logging.getLogger(__name__).warning(
            "the HTML is nested more than 256 levels deep; text after that point was not read")
    return root


def drop_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# ------------------------------------------------------------ element → blocks

_EMPHASIS = {"em", "i", "cite", "dfn", "var"}
_STRONG = {"strong", "b"}
_BREAK = {"br", "lb"}
_HEADINGS = {"h1": 2, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_LISTS = {"ul", "ol", "list", "dl"}
_ITEMS = {"li", "item", "dd", "dt"}
_QUOTES = {"blockquote", "quote"}
_CODE = {"code", "kbd", "samp", "tt"}
_IMAGES = {"img", "graphic"}
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "form", "button", "input",
         "select", "textarea", "svg", "canvas", "audio", "video", "title", "meta", "link", "nav"}
_BLOCKS = ({"p", "div", "section", "article", "main", "header", "footer", "aside", "body", "html", "pre",
            "figure", "figcaption", "table", "tbody", "thead", "tfoot", "tr", "row", "td", "th", "cell", "hr",
            "address", "details", "summary", "center", "fieldset", "head", "doc", "picture",
            "caption", "dialog", "hgroup"}
           | set(_HEADINGS) | _LISTS | _ITEMS | _QUOTES)
_SAFE_HREF = re.compile(r"^(?:https?:|mailto:)", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _rend(element) -> str:
    return (element.get("rend") or "").lower()


def element_blocks(element: etree._Element, media=None) -> tuple[Block, ...]:
    """Model blocks for an element's content (HTML or trafilatura's XML vocabulary).

    ``media`` (a `html_media.MediaCatalog`) names the page's resolved pictures
    and its tables as the page wrote them; without it pictures are left out."""
    from .html_media import MediaCatalog

    builder = _BlockBuilder(media or MediaCatalog())
    builder.container(element, 0)
    return tuple(builder.blocks)


class _BlockBuilder:
    def __init__(self, media) -> None:
        self.media = media
        self.blocks: list[Block] = []
        self.inlines: list[Inline] = []

    def inner(self) -> "_BlockBuilder":
        return _BlockBuilder(self.media)

    def flush(self) -> None:
        inlines = self.inlines
        self.inlines = []
        # A large picture inside a line is a figure of its own: the paragraph is split round it.
        from .html_media import lift_figures

        for piece in lift_figures(inlines, self.media):
            if isinstance(piece, Figure):
                self.blocks.append(piece)
                continue
            piece = normalise_inlines(piece)
            if piece and not self._echoes_caption(piece):
                self.blocks.append(Paragraph(piece))

    def _echoes_caption(self, inlines) -> bool:
        """Whether a line right after a figure is its caption said again: trafilatura writes a
        <figcaption> holding inline markup ("The <em>Ellery Queen</em> ferry …") as a paragraph
        after the picture, with the text before the markup lost ("Ellery Queenferry …")."""
        figure = self.blocks[-1] if self.blocks else None
        if not isinstance(figure, Figure) or not (figure.caption or figure.credit):
            return False
        said = loose(plain_text(inlines))
        caption = loose(plain_text(figure.caption) + (figure.credit or ""))
        return len(said) >= 12 and said in caption

    def container(self, element, depth: int) -> None:
        """Walk ``element``'s children, turning inline runs into paragraphs."""
        if element.text:
            self.inlines.append(Text(element.text))
        for child in element:
            self.node(child, depth + 1)
            if child.tail:
                self.inlines.append(Text(child.tail))
        self.flush()

    def node(self, element, depth: int) -> None:
        tag = _tag(element)
        if not tag or tag in _SKIP or _is_html_head(element):
            return
        if depth > MAX_WALK_DEPTH:
            self.inlines.append(Text(" ".join(element.itertext())))
            return
        if tag in _CODE and _is_code_block(element):
            self.flush()
            text = _preformatted_text(element)
            if text.strip():
                self.blocks.append(CodeBlock(text))
            return
        if tag not in _BLOCKS:
            self.inlines.extend(inline_nodes(element, depth, self.media))
            return
        self.flush()
        if tag in _HEADINGS or (tag == "head"):
            level = _HEADINGS.get(tag) or _heading_level(_rend(element))
            children = normalise_inlines(list(inline_children(element, depth)))
            if children:
                self.blocks.append(Heading(level, children))
        elif tag in _QUOTES:
            inner = self.inner()
            inner.container(element, depth)
            if inner.blocks:
                self.blocks.append(BlockQuote(tuple(inner.blocks)))
        elif tag in _LISTS:
            items = []
            for child in element:
                if _tag(child) in _ITEMS:
                    inner = self.inner()
                    inner.container(child, depth + 1)
                    if inner.blocks:
                        items.append(tuple(inner.blocks))
            if items:
                ordered = tag == "ol" or _rend(element) in ("ol", "ordered")
                self.blocks.append(ListBlock(ordered, tuple(items)))
        elif tag == "hr":
            self.blocks.append(Rule())
        elif tag == "pre":
            text = _preformatted_text(element)
            if text.strip():
                self.blocks.append(CodeBlock(text))
        elif tag == "figure" and self._figures(element):
            pass
        elif tag == "table" and self._table(element, depth):
            pass
        elif tag in ("tr", "row") and _holds_blocks(element):
            self.container(element, depth)  # a layout table's row: its cells hold the article's paragraphs
        elif tag in ("tr", "row"):
            cells = [normalise_inlines(list(inline_children(c, depth + 1))) for c in element
                     if _tag(c) in ("td", "th", "cell")]
            cells = [c for c in cells if c]
            if cells:
                joined: list[Inline] = []
                for index, cell in enumerate(cells):
                    if index:
                        joined.append(Text(" | "))
                    joined.extend(cell)
                self.blocks.append(Paragraph(normalise_inlines(joined)))
            else:
                self.container(element, depth)
        else:
            self.container(element, depth)


    def _figures(self, figure) -> bool:
        """A <figure> holding resolved pictures: one Figure each (the caption was
        read into the catalog); False leaves it to be read as text."""
        images = [img for img in figure.iter("img", "graphic") if self.media.images.marker_id(img.get("src"))]
        for img in images:
            self.blocks.append(self.figure(img))
        return bool(images)

    def figure(self, img) -> Figure:
        marker = self.media.images.marker_id(img.get("src"))
        text = self.media.captions.get(marker)
        return Figure(marker, squash_space(img.get("alt") or img.get("title") or ""),
                      text.caption if text else (), text.credit if text else None)

    def _table(self, element, depth: int) -> bool:
        """A data table as a Table (the page's own version when the catalog knows it);
        False for a layout table, whose cells are then read as ordinary blocks."""
        from .html_media import table_block, table_signature

        table = self.media.tables.get(table_signature(element)) or table_block(element, depth)
        if table is None:
            return False
        self.blocks.append(table)
        return True


_BLOCK_CONTENT = {"p", "div", "ul", "ol", "table", "blockquote", "h2", "h3", "h4", "list", "quote", "head"}


def _holds_blocks(row) -> bool:
    return any(_tag(e) in _BLOCK_CONTENT for cell in row for e in cell.iterdescendants())


def squash_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _is_html_head(element) -> bool:
    """HTML's <head> (skipped) as opposed to trafilatura's <head rend="h2"> heading."""
    parent = element.getparent()
    return _tag(element) == "head" and parent is not None and _tag(parent) == "html"


def _heading_level(rend: str) -> int:
    m = re.match(r"h([1-6])$", rend)
    return max(2, int(m.group(1))) if m else 2


def inline_children(element, depth: int, media=None):
    if element.text:
        yield Text(element.text)
    for child in element:
        yield from inline_nodes(child, depth + 1, media)
        if child.tail:
            yield Text(child.tail)


def inline_nodes(element, depth: int, media=None) -> list[Inline]:
    tag = _tag(element)
    if not tag or tag in _SKIP or _is_html_head(element):
        return []
    if depth > MAX_WALK_DEPTH:
        return [Text(" ".join(element.itertext()))]
    if tag in _BREAK:
        return [LineBreak()]
    if tag in _CODE:
        text = "".join(element.itertext())
        return [Code(text)] if text.strip() else []
    if tag in _IMAGES:
        marker = media.images.marker_id(element.get("src")) if media is not None else None
        if marker:
            return [Image(marker, squash_space(element.get("alt") or ""))]
        # trafilatura writes an unresolved picture as <graphic> holding the text that followed it.
    children = tuple(inline_children(element, depth, media))
    rend = _rend(element)
    if tag in _EMPHASIS or (tag == "hi" and "i" in rend):
        return [Emphasis(children)]
    if tag in _STRONG or (tag == "hi" and "b" in rend):
        return [Strong(children)]
    if tag in ("a", "ref"):
        href = (element.get("href") or element.get("target") or "").strip()
        if _SAFE_HREF.match(href) and urlsplit(href).scheme:
            return [Link(children, href)]
    if tag in _BLOCKS:  # a block inside an inline (bad markup): keep its text on the line
        return [Text(" "), *children, Text(" ")]
    return list(children)


def normalise_inlines(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Collapse white space like a browser: runs become one space, none at the edges."""
    out = _collapse(inlines, [True])
    out = _trim_edges(out)
    return tuple(out)


def _collapse(inlines, after_space: list[bool]) -> list[Inline]:
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            text = _SPACE.sub(" ", node.text)
            if after_space[0]:
                text = text.lstrip(" ")
            if not text:
                continue
            after_space[0] = text.endswith(" ")
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + text)
            else:
                out.append(Text(text))
        elif isinstance(node, LineBreak):
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text.rstrip(" "))
            out.append(node)
            after_space[0] = True
        elif isinstance(node, Code):
            text = _SPACE.sub(" ", node.text)
            if after_space[0]:
                text = text.lstrip(" ")
            if text:
                out.append(Code(text))
                after_space[0] = text.endswith(" ")
        elif isinstance(node, Image):
            out.append(node)
            after_space[0] = False
        else:
            children = _collapse(node.children, after_space)
            if children:
                out.append(type(node)(tuple(children), node.href) if isinstance(node, Link)
                           else type(node)(tuple(children)))
    return out


def _trim_edges(nodes: list[Inline]) -> list[Inline]:
    while nodes and isinstance(nodes[0], LineBreak):
        nodes = nodes[1:]
    while nodes and isinstance(nodes[-1], LineBreak):
        nodes = nodes[:-1]
    if not nodes:
        return nodes
    nodes = [_strip_side(nodes[0], left=True)] + nodes[1:]
    nodes = nodes[:-1] + [_strip_side(nodes[-1], left=False)]
    return [n for n in nodes if not (isinstance(n, (Text, Code)) and not n.text)]


def _strip_side(node: Inline, *, left: bool) -> Inline:
    if isinstance(node, (Text, Code)):
        return type(node)(node.text.lstrip() if left else node.text.rstrip())
    if isinstance(node, (Emphasis, Strong, Link)) and node.children:
        children = list(node.children)
        if left:
            children[0] = _strip_side(children[0], left=True)
        else:
            children[-1] = _strip_side(children[-1], left=False)
        children = [c for c in children if not (isinstance(c, Text) and not c.text)]
        return type(node)(tuple(children), node.href) if isinstance(node, Link) else type(node)(tuple(children))
    return node

