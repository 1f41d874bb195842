"""Adapter for BeautifulSoup 4 (built with the lxml parser) and its CSS selector engine, soupsieve.

The page-level steps of the HTML path that select by CSS (the rules' drop
selectors, and the boilerplate they remove) walk a BeautifulSoup tree; the
extractor (trafilatura) and the block converter need an lxml tree, and this
module is the one boundary between the two.

Quirks held here:
- ``BeautifulSoup(markup, "lxml")`` feeds lxml's HTML parser, so it inherits
  libxml2's depth bound; it is only ever given the sanitiser's output, which
  was read by lxml first (no deeper than 256 levels), so nesting is bounded
  before BeautifulSoup sees it.
- BeautifulSoup warns (``XMLParsedAsHTMLWarning``, ``MarkupResemblesLocatorWarning``)
  on pages that are ordinary for us: silenced.
- ``class`` is a list in BeautifulSoup (multi-valued attributes); soupsieve
  matches it the CSS way (``[class*=x]`` against the whole attribute string).
- soupsieve compiles a selector per call unless given a compiled pattern: the
  rules' selectors are compiled once (cached).
- Converting back: both trees come from libxml2 reading the same string, so
  their elements line up one for one in document order; the adapter checks
  that they do (tag by tag) and otherwise serialises the soup and parses it
  with lxml, the slow but sure way.
"""

from __future__ import annotations

import copy
import warnings
from functools import lru_cache
from typing import Iterable

from lxml import etree
from lxml import html as lxml_html

from .html_tree import drop_keeping_tail

FEATURES = "lxml"


def parse_soup(markup: str):
    """A BeautifulSoup tree of ``markup`` built with the lxml parser."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(markup, FEATURES)


@lru_cache(maxsize=256)
def compile_css(selector: str):
    """A compiled soupsieve pattern; ValueError when ``selector`` is not valid CSS."""
    import soupsieve

    try:
        return soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as err:
        raise ValueError(str(err).splitlines()[0]) from None


def select(soup, selector: str) -> list:
    return compile_css(selector).select(soup)


def tags_in_order(soup) -> list:
    """Every element of the soup in document order (the soup object itself excluded)."""
    from bs4 import Tag

    return [node for node in soup.descendants if isinstance(node, Tag)]


def lxml_without(root: etree._Element, soup, removed: Iterable) -> etree._Element:
    """A copy of the lxml tree ``root`` without the elements that are ``removed`` in ``soup``.

    ``soup`` and ``root`` were parsed from the same string; when their elements
    do not line up, the soup (with ``removed`` taken out) is serialised and
    parsed again instead.
    """
    soup_tags = tags_in_order(soup)
    page = copy.deepcopy(root)
    lxml_tags = [element for element in page.iter() if isinstance(element.tag, str)]
    if len(soup_tags) != len(lxml_tags) or any(a.name != b.tag for a, b in zip(soup_tags, lxml_tags)):
        return _reparsed_without(soup, removed)
    position = {id(tag): index for index, tag in enumerate(soup_tags)}
    for tag in removed:
        element = lxml_tags[position[id(tag)]]
        if element.getparent() is not None:
            drop_keeping_tail(element)
    return page


def _reparsed_without(soup, removed: Iterable) -> etree._Element:
    gone = {id(tag) for tag in removed}
    indexes = [index for index, tag in enumerate(tags_in_order(soup)) if id(tag) in gone]
    soup = copy.copy(soup)  # the caller's soup stays whole
    copied = tags_in_order(soup)
    for index in indexes:
        if copied[index].parent is not None:
            copied[index].extract()
    parser = lxml_html.HTMLParser(recover=True, huge_tree=False, remove_comments=True, remove_pis=True)
    return lxml_html.document_fromstring(str(soup) or "<html></html>", parser=parser)
