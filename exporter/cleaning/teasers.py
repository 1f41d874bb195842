"""Other stories' teasers in the page copy the extractor reads, taken out of it (edited in place).

Two shapes that the extractor keeps when they sit inside the container it
picks: a paragraph that is nothing but one link (another story's headline set
between the paragraphs, a pointer to a sign-up page), and a list of other
stories after the body (each a linked headline, perhaps with a short teaser).
A story's own text is never one of them: its sentences carry words beside
their links, its section headings are not links, and a shopping list's linked
item names sit inside the body itself, which these rules never touch.
"""

from __future__ import annotations

from lxml import etree

from .draft import element_text as _text
from .html_tree import drop_keeping_tail
from .scripts import word_count

# A paragraph that is one link and no more than this many words points to another page.
TEASER_LINK_WORDS = 30
# A paragraph of the story around it: this many words, not all one link.
PROSE_WORDS = 12
# A list of other stories: this many linked headlines, and no paragraph longer than a teaser.
_LIST_HEADLINES = 2
_TEASER_WORDS = 50
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_LIST_TAGS = frozenset({"section", "div", "aside", "ul", "ol"})


def _points_away(link: etree._Element) -> bool:
    """A link to another page: one to a place on this page (a heading's own "#section" link) is
    no teaser. A link without an address counts: the sanitiser removes relative addresses
    ("/news/bridge-plan"), the commonest kind on a teaser."""
    return not (link.get("href") or "").strip().startswith("#")


def _only_a_link(element: etree._Element) -> bool:
    """All of the element's text is in one link to another page."""
    links = [a for a in element.iter("a") if _points_away(a)]
    text = _text(element)
    return len(links) == 1 and bool(text) and text == _text(links[0])


def _words(element: etree._Element) -> int:
    return word_count(_text(element))  # words in any script (a CJK paragraph is not one word)


def _prose(element: etree._Element) -> bool:
    return element.tag == "p" and _words(element) >= PROSE_WORDS and not _only_a_link(element)


def drop_link_paragraphs(root: etree._Element) -> None:
    """The paragraphs that are nothing but one link (of at most TEASER_LINK_WORDS words) and
    stand between the story's paragraphs go: another story's headline set there ("SEE THE
    LATEST ON …" in capitals, a bold linked headline), or a pointer to a sign-up or app page.
    A run of them closing the text (a reference list, a list of sources) stays."""
    for paragraph in list(root.iter("p")):
        parent = paragraph.getparent()
        if parent is None or not _only_a_link(paragraph) or _words(paragraph) > TEASER_LINK_WORDS:
            continue
        siblings = list(parent)
        at = siblings.index(paragraph)
        if any(_prose(s) for s in siblings[:at]) and any(_prose(s) for s in siblings[at + 1:]):
            drop_keeping_tail(paragraph)


def drop_story_lists(root: etree._Element, body: etree._Element | None) -> None:
    """The smallest boxes holding two or more linked headlines and no paragraph longer than a
    teaser go ("More stories", "Latest news" rows of cards), unless they hold ``body`` (the
    element holding the story's paragraphs) or sit inside it."""
    if body is None:
        return  # with no body found to keep them apart from, a box of linked headings may be the article
    counts: dict[etree._Element, int] = {}
    for heading in root.iter(*_HEADINGS):
        if _only_a_link(heading):
            for ancestor in heading.iterancestors():
                counts[ancestor] = counts.get(ancestor, 0) + 1
    inside_body = set(body.iter()) if body is not None else set()
    around_body = set(body.iterancestors()) if body is not None else set()
    for box, count in counts.items():
        if count < _LIST_HEADLINES or box.tag not in _LIST_TAGS or box in inside_body or box in around_body:
            continue
        if any(counts.get(child, 0) >= _LIST_HEADLINES for child in box):
            continue  # a smaller box holds the list
        if box.find(".//h1") is not None or any(_words(p) > _TEASER_WORDS for p in box.iter("p")):
            continue
        if box.getparent() is not None:
            drop_keeping_tail(box)
