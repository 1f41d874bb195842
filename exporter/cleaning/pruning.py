"""The rules' drop selectors, run by BeautifulSoup's selector engine (soupsieve) on the sanitised page.

The selectors are matched in a BeautifulSoup tree of a copy of the lxml tree
the sanitiser's output was parsed into (`_soup.soup_of_tree`: lxml parses the
page once), and what they match is taken out of that copy: it is what the
extractor reads (trafilatura needs lxml; handing it a tree instead of markup
saves a serialise-and-parse). Each of the soup's tags was made from one
element of the copy, so the two never have to be lined up.

Every selector is matched against the whole sanitised page as written (so a
selector never depends on what another rule removed first); elements inside
something already removed are left alone. An element holding most of the
page's paragraph text is never removed: a class name can match a drop
selector by accident (an <article class="docked-sharebar-content-container">
matches ``[class*=sharebar]``), and dropping it would leave no article at all.
"""

from __future__ import annotations

import copy
from typing import Sequence

from lxml import etree

from ._soup import page_soup, select_each
from .html_tree import drop_keeping_tail


def without_selected(root: etree._Element, selectors: Sequence[str]) -> etree._Element:
    """A copy of ``root`` (the sanitised page's lxml tree) without what ``selectors`` match."""
    page = copy.deepcopy(root)
    if not selectors:
        return page
    with page_soup(page) as (soup, index):
        found = select_each(index, soup, selectors)
        total = paragraph_chars(page) if any(found) else 0
        for matches in found:
            for tag in matches:
                element = index.element_of(tag)
                if element.getparent() is None or not _attached(element, page):
                    continue
                if total and paragraph_chars(element) * 2 > total:
                    continue
                drop_keeping_tail(element)
    return page


def _attached(element: etree._Element, root: etree._Element) -> bool:
    """Still in ``root``'s tree (not inside something an earlier match removed)."""
    top = element
    for top in element.iterancestors():
        pass
    return top is root


def paragraph_chars(element: etree._Element) -> int:
    """Characters of text in the <p> elements at or under ``element``."""
    return sum(len(" ".join(p.itertext()).strip()) for p in element.iter("p"))
