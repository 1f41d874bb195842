"""Adapter for lxml and cssselect: parsing a page, CSS selectors, element → model blocks.

Quirks held here: lxml's HTML parser (libxml2) caps nesting depth unless
``huge_tree`` is on, so a hostile page nested 100,000 levels deep parses
flattened instead of exhausting the stack; our own walk over the tree is
iterative-or-bounded for the same reason. cssselect compiles each selector
to XPath once.
"""

from __future__ import annotations

import functools

from lxml import etree


@functools.lru_cache(maxsize=256)
def compile_selector(selector: str) -> etree.XPath:
    """A CSS selector as a compiled XPath; ValueError when it is not valid CSS."""
    from cssselect import GenericTranslator, SelectorError

    try:
        return etree.XPath(GenericTranslator().css_to_xpath(selector))
    except (SelectorError, etree.XPathSyntaxError) as err:
        raise ValueError(str(err)) from None
