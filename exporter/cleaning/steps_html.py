"""Steps of the HTML path: a saved page or a fragment → article blocks.

Page metadata (JSON-LD, <meta>, <time>, lang) comes first. The body is found
by trafilatura (one step, through `extract.py`) on a copy of the page from
which the rules' selectors were removed, with our own container-based
extraction as the fallback for fragments and pages it refuses. Our rules, bio
detection and metadata steps then run on the blocks (see `COMMON_STEPS`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml import etree

from ..errors import CleaningError
from ..model import Block, Heading, Paragraph
from .bio import match_bio
from .draft import Draft, block_text, squash
from .extract import extract_main
from .html_tree import element_blocks, parse_html, without
from .metadata import PageMeta, read_page_meta

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlPage:
    """The parsed page (treated as read-only: steps that change a tree copy it first)."""

    root: etree._Element
    meta: PageMeta = PageMeta()


def parse_page(draft: Draft) -> Draft:
    try:
        root = parse_html(draft.source.text)
    except (ValueError, RecursionError) as err:
        raise CleaningError(f"cannot parse the HTML: {err}", path=draft.source.path) from None
    return draft.but(page=HtmlPage(root=root))


def page_metadata(draft: Draft) -> Draft:
    meta = read_page_meta(draft.page.root)
    return draft.but(
        page=HtmlPage(root=draft.page.root, meta=meta),
        title=meta.title, authors=meta.authors, date=meta.date, publisher=meta.publisher,
        language=meta.language, source_url=meta.source_url, description=meta.description,
    )


def extract_body(draft: Draft) -> Draft:
    """The article's blocks from the page without the rules' selectors."""
    pruned = without(draft.page.root, draft.rules.drop_selectors)
    body = extract_main(pruned, draft.page.root)
    blocks = element_blocks(body) if body is not None else ()
    return draft.but(blocks=blocks)


def drop_title_block(draft: Draft) -> Draft:
    """The headline repeated as the body's first block goes (it is Meta.title)."""
    blocks = list(draft.blocks)
    title = _loose(draft.title or "")
    for index, block in enumerate(blocks[:3]):
        text = _loose(block_text(block))
        if title and text == title:
            return draft.but(blocks=tuple(blocks[:index] + blocks[index + 1:]))
    if not draft.title:
        for index, block in enumerate(blocks[:2]):
            if isinstance(block, Heading):
                return draft.but(title=block_text(block), blocks=tuple(blocks[:index] + blocks[index + 1:]))
    return draft


def bio_after_body(draft: Draft) -> Draft:
    """A bio the extractor left out: the first bio-shaped paragraph shortly after the body's last one.

    Author boxes often sit just outside the article element, so extractors drop
    them; they follow the last body paragraph in document order.
    """
    last = next((block_text(b) for b in reversed(draft.blocks) if isinstance(b, Paragraph)), None)
    if not last or draft.bio_text:
        return draft
    root = draft.page.root
    anchor = None
    probe = last[:60]
    for element in root.iter("p", "div", "section", "blockquote", "li"):
        if len(element) > 30:
            continue
        text = squash(" ".join(element.itertext()))
        if text.startswith(probe) or (len(probe) > 20 and probe in text and len(text) < len(last) * 2 + 200):
            anchor = element
    if anchor is None:
        return draft
    seen = 0
    for element in anchor.itersuccessors() if hasattr(anchor, "itersuccessors") else _following(anchor):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in ("p", "div", "span", "section", "aside", "em", "i", "footer"):
            continue
        if any(isinstance(child.tag, str) and child.tag in ("p", "div", "section") for child in element):
            continue
        text = squash(" ".join(element.itertext()))
        if not text:
            continue
        seen += 1
        if seen > 8:
            break
        found = match_bio(text)
        if found:
            return draft.but(bio_text=text, bio_author=found.name, publisher=draft.publisher or found.publisher)
    return draft


def _following(element):
    """Elements after ``element`` in document order (not its descendants)."""
    return element.xpath("following::*")


def _loose(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


HTML_STEPS = (
    parse_page,
    page_metadata,
    extract_body,
    drop_title_block,
)
