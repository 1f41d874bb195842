"""Allow-list HTML sanitising of scraped pages (nh3, i.e. Rust's ammonia).

Scraped HTML is untrusted. The book never carries raw HTML (the cleaner turns
a page into the typed `Article` and the renderer escapes every string), but
the cleaner's own steps and trafilatura walk the page, so the page body is
cut down to article-shaped tags and harmless attributes first: defence in
depth with a maintained allow-list sanitiser, not a hand-written deny-list.

What goes: ``<script>``, ``<style>``, ``<iframe>``, ``<object>``, ``<embed>``,
``<svg>``, ``<math>``, ``<template>`` and form controls with their content;
``<form>``, ``<link>``, ``<meta>``, ``<base>`` and unknown tags (their text is
kept: ASP.NET pages wrap the whole article in one ``<form>``); every ``on*``
handler and ``style`` attribute; URLs other than http, https and mailto; image
sources other than the cleaner's markers of pictures it resolved itself (`exporter.cleaning.media`).

What stays: structure (sections, headings, paragraphs, lists, quotes, tables,
figures and captions, inline emphasis, links) and the attributes the cleaning
rules and the extractor select on (``class``, ``id``, ``role``, ``hidden``,
``aria-*``, ``lang``, ``dir``, ``itemprop``; ``rel`` and ``href`` on links;
``datetime`` on ``<time>``).

nh3 quirk held here: html5ever's tree builder is quadratic in nesting depth
(20,000 nested ``<div>`` take 3.5 s, 100,000 do not finish in a minute), so
input goes through lxml first, whose parser (libxml2 without ``huge_tree``)
stops at 256 levels in linear time (what lies deeper, and after it, is
dropped; the cleaner's `parse_html` warns when that happens).

Page metadata (``<html lang>``, ``<meta>``, JSON-LD in ``<script>``) is read by
the cleaner from the raw page *before* this step; `sanitize_tree` keeps only
``lang``/``dir`` of ``<html>`` and drops the ``<head>``.
"""

from __future__ import annotations

import re

import nh3
from lxml import etree
from lxml import html as lxml_html

ALLOWED_TAGS = frozenset({
    # sectioning and grouping
    "article", "section", "main", "header", "footer", "aside", "nav", "div", "span", "p", "address",
    "hgroup", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "br", "wbr", "center",
    "details", "summary", "figure", "figcaption", "picture", "img",
    # lists and tables
    "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "colgroup", "col",
    # inline
    "a", "em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "mark", "small", "sub", "sup", "cite",
    "q", "abbr", "acronym", "dfn", "var", "code", "kbd", "samp", "tt", "time", "data", "bdi", "bdo", "ruby",
    "rb", "rp", "rt", "rtc",
})

# Removed together with everything inside them (their text is never article prose).
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "noframes", "object", "embed",
    "applet", "svg", "math", "canvas", "audio", "video", "source", "track", "button", "select", "option",
    "optgroup", "datalist", "textarea", "title", "head", "xmp", "noembed", "plaintext", "dialog",
})

_GENERIC_ATTRIBUTES = {"class", "id", "role", "hidden", "lang", "dir", "title", "itemprop", "itemscope",
                       "itemtype"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC_ATTRIBUTES,
    "a": {"href", "hreflang", "rel"},
    # src only to carry the cleaner's own picture markers; every other src is removed after nh3
    # (see _only_marked_images): the page's own image URLs never get past this point.
    "img": {"alt", "width", "height", "src"},
    "time": {"datetime"},
    "data": {"value"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "th": {"colspan", "rowspan", "headers", "scope", "align"},
    "tr": {"align"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

_LANG = re.compile(r"^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$")


# Characters XML forbids. lxml decodes entities such as &#x1f; into them and then
# refuses them when a cleaning step sets an element's text (ValueError).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(html: str) -> str:
    return _only_marked_images(_XML_INVALID.sub("", _nh3_clean(html)))


# nh3 writes every attribute as name="value" with " escaped inside, so this finds
# each src that is not the cleaner's marker of a picture it resolved itself.
_FOREIGN_SRC = re.compile(r'(<img\b[^>]*?)\ssrc="(?!https://picture\.invalid/)[^"]*"')


def _only_marked_images(html: str) -> str:
    """Every <img src> but the cleaner's markers (`exporter.cleaning.media`) goes:
    the page's own image URLs, remote or local, never get past the sanitiser."""
    return _FOREIGN_SRC.sub(r"\1", html) if "<img" in html else html


def _nh3_clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        generic_attribute_prefixes={"aria-"},
        url_schemes=set(URL_SCHEMES),
        strip_comments=True,
        link_rel=None,  # keep the page's rel (trafilatura reads rel=author); we add none
        # A book has no base URL to resolve against, and browsers read "java\tscript:" as a scheme.
        url_relative="deny",
    )


# lxml.html picks each element's Python class through a Python callback
# (HtmlElementClassLookup.lookup), run whenever an element is first reached from Python:
# thousands of times a page, in the cleaner's steps and in trafilatura's. This C-level
# lookup gives every element lxml.html's own HtmlElement (all trafilatura asks for) with
# no callback; only form controls lose lxml.html's form classes (FormElement, InputElement),
# which nothing here uses and the sanitiser removes (about 1 ms a page).
_HTML_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment, pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity)


def html_parser() -> lxml_html.HTMLParser:
    """lxml's HTML parser as the cleaner uses it: recovering, libxml2's depth bound kept
    (no ``huge_tree``), comments and processing instructions dropped, `_HTML_CLASSES`."""
    parser = lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(_HTML_CLASSES)
    return parser


def _parse(html: str) -> etree._Element | None:
    parser = html_parser()
    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html[:512]) + html[512:]
    try:
        return lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _body_html(root: etree._Element) -> str:
    """The inner HTML of ``root``'s body (or of ``root`` when it has none)."""
    body = root.find("body") if root.tag == "html" else None
    if body is None:
        body = root.find(".//body")
    container = body if body is not None else root
    return (_escape(container.text) if container.text else "") + "".join(
        etree.tostring(child, method="html", encoding="unicode", with_tail=True) if isinstance(child.tag, str)
        else _escape(child.tail or "")  # a comment or processing instruction: keep the text after it
        for child in container
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sanitize_html(html: str) -> str:
    """An HTML fragment cut down to the allow-list: no scripts, handlers, frames,
    embedded objects, forms, SVG, styles, or URLs other than http/https/mailto."""
    html = _XML_INVALID.sub("", html)
    root = _parse(html) if html.strip() else None
    return _clean(_body_html(root)) if root is not None else ""


def sanitize_tree(root: etree._Element) -> etree._Element:
    """A sanitised copy of a parsed page (``lxml.html`` root): ``<html>`` keeps only
    ``lang``/``dir``, the head is dropped, the body goes through the allow-list.

    ``root`` comes from lxml's HTML parser, so its depth is already bounded.
    """
    return parse_sanitized(sanitize_page_html(root))


def sanitize_page_html(root: etree._Element) -> str:
    """The sanitised page as one HTML string (what `sanitize_tree` parses)."""
    cleaned = _clean(_body_html(root))
    attributes = ""
    for name in ("lang", "dir"):
        value = (root.get(name) or "").strip()
        if value and (name == "dir" or _LANG.match(value)):
            attributes += f' {name}="{_escape(value).replace(chr(34), "&quot;")}"'
    return f"<html{attributes}><body>{cleaned}</body></html>"


def parse_sanitized(html: str) -> etree._Element:
    """The lxml tree of `sanitize_page_html`'s output (with no <head>)."""
    page = _parse(html)
    if page is None:  # nothing parses (an empty body): an empty page
        page = _parse("<html><body></body></html>")
    head = page.find("head")
    if head is not None:
        page.remove(head)
    return page
