"""EPUB → Kobo KEPUB: the ``koboSpan`` markup Kobo's own reading engine expects.

A ``.kepub.epub`` is an ordinary EPUB whose XHTML content documents carry
``<span class="koboSpan" id="kobo.P.S">`` around each sentence (P counts block
elements, S sentences within one) and whose body content sits in
``div#book-columns > div#book-inner``. Kobo uses the spans for reading
position, highlights and page turns; without them it falls back to the Adobe
engine. This follows what kepubify (pgaskin/kepubify, ``kepub/transform.go``)
does, minus its typography fixes: our EPUB writer already produces clean text.

Text is only wrapped, never changed, so the text content of every document is
the same before and after (the tests check it).
"""

from __future__ import annotations

import logging
import re
import zipfile
from io import BytesIO

from lxml import etree

from .epubfile import read_package, safe_xml_parser

logger = logging.getLogger(__name__)

XHTML_NS = "http://www.w3.org/1999/xhtml"
KOBO_SPAN_CLASS = "koboSpan"
# Elements that start a new "paragraph" number, as in kepubify.
_PARAGRAPH_TAGS = frozenset({"p", "ol", "ul", "table", "h1", "h2", "h3", "h4", "h5", "h6"})
# Text inside these is code, layout or foreign markup: spans would break it.
_SKIP_TAGS = frozenset({"script", "style", "pre", "audio", "video", "svg", "math", "head", "title"})
# A sentence ends at . ! ? or … (possibly repeated), then closing quotes or
# brackets, then whitespace; the whitespace stays with the sentence before it.
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*\s+")
_KOBO_STYLE = "div#book-inner { margin-top: 0; margin-bottom: 0; }"


def split_sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end; joining the pieces gives ``text`` back."""
    pieces, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def kepubify_document(xhtml: bytes) -> bytes:
    """One XHTML content document with Kobo spans and wrapper divs added."""
    root = etree.fromstring(xhtml, safe_xml_parser())
    body = root.find(f"{{{XHTML_NS}}}body")
    if body is None or body.find(f".//{{{XHTML_NS}}}span[@class='{KOBO_SPAN_CLASS}']") is not None:
        return xhtml  # not XHTML we understand, or already a kepub: leave it alone
    _add_kobo_style(root)
    _SpanWriter().visit(body)
    _wrap_body(body)
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="utf-8")


def kepubify(epub: bytes) -> bytes:
    """A whole EPUB (zip bytes) converted to KEPUB; ``mimetype`` stays first and stored."""
    out = BytesIO()
    with zipfile.ZipFile(BytesIO(epub)) as source, zipfile.ZipFile(out, "w") as target:
        documents = set(read_package(source).content_documents)
        infos = source.infolist()
        mimetype = next((info for info in infos if info.filename == "mimetype"), None)
        first = zipfile.ZipInfo("mimetype", date_time=mimetype.date_time if mimetype else (1980, 1, 1, 0, 0, 0))
        target.writestr(first, b"application/epub+zip", compress_type=zipfile.ZIP_STORED)
        for info in infos:
            if info.filename == "mimetype":
                continue
            data = source.read(info)
            if info.filename in documents:
                data = _convert_or_keep(info.filename, data)
            # A fresh ZipInfo keeps name, time and compression but drops the old sizes and extra fields.
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr = info.external_attr
            target.writestr(copy, data, compress_type=info.compress_type)
    return out.getvalue()


def _convert_or_keep(name: str, data: bytes) -> bytes:
    try:
        return kepubify_document(data)
    except etree.XMLSyntaxError as err:
        # Kobo still opens the book; only this document lacks spans.
        logger.warning("%s: not well-formed XHTML, copied without Kobo spans (%s)", name, err.msg)
        return data


class _SpanWriter:
    def __init__(self) -> None:
        self.paragraph = 0
        self.segment = 0

    def visit(self, element: etree._Element) -> None:
        tag = _local_name(element)
        if tag in _SKIP_TAGS:
            return
        if tag in _PARAGRAPH_TAGS:
            self.paragraph += 1
            self.segment = 0
        children = list(element)  # before spans are inserted among them
        if element.text:
            element.text = self._insert_spans(element, 0, element.text)
        for child in children:
            anchor = child
            if _local_name(child) == "img":
                anchor = self._wrap_image(child)
            elif isinstance(child.tag, str):
                self.visit(child)
            if anchor.tail:
                anchor.tail = self._insert_spans(element, element.index(anchor) + 1, anchor.tail)

    def _new_span(self, parent: etree._Element) -> etree._Element:
        self.segment += 1
        span = parent.makeelement(f"{{{XHTML_NS}}}span")
        span.set("class", KOBO_SPAN_CLASS)
        span.set("id", f"kobo.{self.paragraph}.{self.segment}")
        return span

    def _insert_spans(self, parent: etree._Element, index: int, text: str) -> str:
        """Insert one span per sentence of ``text`` at ``index``; returns the leading whitespace."""
        body = text.lstrip()
        lead = text[: len(text) - len(body)]
        for offset, sentence in enumerate(split_sentences(body)):
            span = self._new_span(parent)
            span.text = sentence
            parent.insert(index + offset, span)
        return lead

    def _wrap_image(self, image: etree._Element) -> etree._Element:
        """Put ``image`` in a span of its own (Kobo counts images as segments); returns the span."""
        parent = image.getparent()
        span = self._new_span(parent)
        span.tail, image.tail = image.tail, None
        parent.replace(image, span)
        span.append(image)
        return span


def _local_name(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _add_kobo_style(root: etree._Element) -> None:
    head = root.find(f"{{{XHTML_NS}}}head")
    if head is None:
        return
    style = head.makeelement(f"{{{XHTML_NS}}}style")
    style.set("type", "text/css")
    style.text = _KOBO_STYLE
    style.tail = "\n"
    head.append(style)


def _wrap_body(body: etree._Element) -> None:
    columns = body.makeelement(f"{{{XHTML_NS}}}div")
    columns.set("id", "book-columns")
    inner = etree.SubElement(columns, f"{{{XHTML_NS}}}div")
    inner.set("id", "book-inner")
    inner.text, body.text = body.text, None
    for child in list(body):
        inner.append(child)  # moves the child with its tail
    body.append(columns)
