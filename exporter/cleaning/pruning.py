"""The rules' drop selectors applied to the sanitised page, through BeautifulSoup and soupsieve.

The selectors are matched in a BeautifulSoup tree of the sanitised page
(built with the lxml parser, `_soup`), and the elements they match are taken
out of a copy of the lxml tree that the extractor reads (the adapter lines the
two trees up). An element holding most of the page's paragraph text is never
removed: a class name can match a drop selector by accident (an <article
class="docked-sharebar-content-container"> matches ``[class*=sharebar]``),
and dropping it would leave no article at all.
"""

from __future__ import annotations

from lxml import etree

from ._soup import lxml_without, parse_soup, select


def without_selected(page_html: str, root: etree._Element, selectors: tuple[str, ...]) -> etree._Element:
    """A copy of ``root`` (parsed from ``page_html``) without what ``selectors`` match."""
    if not selectors:
        return root
    soup = parse_soup(page_html)
    total = paragraph_chars(soup)
    removed = []
    for selector in selectors:
        for tag in select(soup, selector):
            if total and paragraph_chars(tag) * 2 > total:
                continue
            removed.append(tag)
    return lxml_without(root, soup, removed)


def paragraph_chars(tag) -> int:
    """Characters of text in the <p> elements at or under ``tag``."""
    paragraphs = [tag] if tag.name == "p" else tag.find_all("p")
    return sum(len(p.get_text(" ", strip=True)) for p in paragraphs)
