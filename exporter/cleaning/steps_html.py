"""Steps of the HTML path: a saved page or a fragment → article blocks.

Page metadata (JSON-LD, <meta>, <time>, lang) comes first. The body is found
by trafilatura (one step, through `extract.py`) on a copy of the page from
which the rules' selectors were removed, with our own container-based
extraction as the fallback for fragments and pages it refuses. Our rules, the bio
stage (bio_stage.py, which sees the whole page) and metadata steps then run on the blocks (see `COMMON_STEPS`).
"""

from __future__ import annotations

import logging
from dataclasses import replace

from lxml import etree

from .._dataclass_store import dataclass
from ..errors import CleaningError
from ..model import Heading, Paragraph
from .draft import Draft, block_text, loose as _loose
from .extract import densest_container, extract_main
from .article_head import add_lead_picture, find_standfirst
from .html_tree import element_blocks, parse_html
from .media import collect_images
from .metadata import PageMeta, read_page_meta

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlPage:
    """The parsed page (treated as read-only: steps that change a tree copy it first)."""

    root: etree._Element
    meta: PageMeta = PageMeta()
    pruned: etree._Element | None = None  # a copy without the rules' drop selectors


def parse_page(draft: Draft) -> Draft:
    try:
        root = parse_html(draft.source.text)
    except (ValueError, RecursionError) as err:
        raise CleaningError(f"cannot parse the HTML: {err}", path=draft.source.path) from None
    return draft.but(page=HtmlPage(root=root))


def page_metadata(draft: Draft) -> Draft:
    meta = read_page_meta(draft.page.root, draft.rules.metadata)
    return draft.but(
        page=replace(draft.page, meta=meta),
        title=meta.title, authors=meta.authors, date=meta.date, updated=meta.updated, publisher=meta.publisher,
        language=meta.language, source_url=meta.source_url, description=meta.description,
    )


def sanitize_page(draft: Draft) -> Draft:
    """The page body cut down to the allow-list (no scripts, handlers, frames, forms,
    SVG, non-web URLs) before any heuristic walks it; metadata was read from the raw page."""
    from ..sanitize import sanitize_tree

    return draft.but(page=replace(draft.page, root=sanitize_tree(draft.page.root)))


def drop_selected(draft: Draft) -> Draft:
    """The rules' drop selectors, matched by BeautifulSoup's engine (soupsieve) in a
    BeautifulSoup tree of the sanitised page's lxml tree, taken out of a copy of that
    tree: the page the extractor reads (`pruning`)."""
    from .body_chunks import joined_body
    from .pruning import without_selected
    from .teasers import drop_link_paragraphs, drop_story_lists

    page = draft.page
    pruned = without_selected(page.root, draft.rules.drop_selectors)
    drop_link_paragraphs(pruned)  # other stories' linked headlines set between the paragraphs
    body = joined_body(pruned)  # a body the page splits around ad rows is read as one (body_chunks)
    drop_story_lists(pruned, body)  # rows of other stories' cards beside the body
    return draft.but(page=replace(page, pruned=pruned))


def _pruned(draft: Draft) -> etree._Element:
    """The page without the rules' selectors (`drop_selected` ran before, in the pipeline)."""
    return draft.page.pruned if draft.page.pruned is not None else drop_selected(draft).page.pruned


def extract_body(draft: Draft) -> Draft:
    """The article's blocks from the page without the rules' selectors (with the
    captions and tables the extractor loses read from that page first)."""
    from .html_media import read_catalog

    pruned = _pruned(draft)
    media = read_catalog(pruned, draft.images)
    body = extract_main(pruned, draft.page.root, with_images=bool(media.images.resources))
    blocks = element_blocks(body, media) if body is not None else ()
    if not _holds_prose(blocks, draft.rules):
        # A real article is never refused: when the extractor kept only furniture, the
        # densest run of paragraphs (without the rules' selectors, then on the whole page) is the body.
        for tree in (pruned, draft.page.root):
            container = densest_container(tree)
            fallback = element_blocks(container, media) if container is not None else ()
            if _holds_prose(fallback, draft.rules):
                blocks = fallback
                break
    return draft.but(blocks=blocks, page=replace(draft.page, pruned=pruned))


def whole_body(draft: Draft) -> Draft:
    """A note rendered from Markdown is all article (no page chrome for an extractor to
    cut away, and extractors drop a short note's lists and pictures): its whole body,
    less the rules' selectors."""
    from .html_media import read_catalog

    pruned = _pruned(draft)
    body = pruned.find("body")
    blocks = element_blocks(body if body is not None else pruned, read_catalog(pruned, draft.images))
    return draft.but(blocks=blocks, page=replace(draft.page, pruned=pruned))


def _holds_prose(blocks, rules) -> bool:
    """Some paragraph of 8+ words that no drop_line rule calls furniture."""
    return any(isinstance(b, Paragraph) and len(block_text(b).split()) >= 8 and not rules.is_boilerplate(block_text(b))
               for b in blocks)


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


HTML_STEPS = (
    parse_page,
    page_metadata,
    collect_images,  # before the sanitiser, which drops every image source
    sanitize_page,
    drop_selected,  # after the sanitiser: the BeautifulSoup tree is parsed from its output only
    extract_body,
    drop_title_block,
    add_lead_picture,  # the lead photo a template sets between the headline and the body
    find_standfirst,  # and the standfirst, as the subtitle
)

# Markdown notes (kind "markdown"): the same steps with the whole body as the article.
NOTE_STEPS = tuple(whole_body if step is extract_body else step for step in HTML_STEPS)
