"""The article cleaner: a source document → an `Article`.

`clean` runs a visible tuple of small named steps (`TEXT_STEPS` or
`HTML_STEPS`, then `COMMON_STEPS`); each takes and returns a `Draft` and
never mutates its input. What is boilerplate or metadata is data in
``rules.toml`` (extend it with `load_rules([...])` / ``--rules FILE``).
"""

from __future__ import annotations

import logging
from typing import Any

from ..errors import CleaningError
from ..model import Article, BlockQuote, Heading, Image, ListBlock, Meta, Paragraph
from ..reading import SourceDocument
from .draft import Draft, Step, block_text
from .rules import Rules, load_rules
from .scripts import ends_sentence, word_count
from .bio_stage import find_bios, read_structured_bios
from .steps_common import (authors_from_bio, authors_tidy, drop_boilerplate_blocks, drop_repeated_blocks, drop_topic_tag,
                           guess_language_step, strip_phrases, take_metadata_blocks)
from .steps_text import TEXT_STEPS

log = logging.getLogger(__name__)

__all__ = ["clean", "load_rules", "Rules", "scorer_view", "COMMON_STEPS", "TEXT_STEPS"]

COMMON_STEPS: tuple[Step, ...] = (
    strip_phrases,
    drop_boilerplate_blocks,
    drop_repeated_blocks,
    take_metadata_blocks,
    drop_topic_tag,
    authors_tidy,
    find_bios,  # the bio stage: needs the byline's names; sees the whole page (bio_stage.py)
    authors_from_bio,
    guess_language_step,
)

def html_pipeline(*, note: bool = False) -> tuple[Step, ...]:
    """HTML_STEPS (NOTE_STEPS for Markdown) with the schema.org author descriptions read from
    the raw page (before sanitising drops <script>), then COMMON_STEPS, then the pictures."""
    from .media import attach_images
    from .steps_html import HTML_STEPS, NOTE_STEPS, sanitize_page  # deferred: the text path needs no lxml

    steps = NOTE_STEPS if note else HTML_STEPS
    at = steps.index(sanitize_page)
    return steps[:at] + (read_structured_bios,) + steps[at:] + COMMON_STEPS + (attach_images,)


def clean(source: SourceDocument, rules: Rules | None = None) -> Article:
    """Clean ``source`` into an `Article`; raise `CleaningError` when no article text is left."""
    if rules is None:
        rules = load_rules()  # memoised
    draft = Draft(source=source, rules=rules)
    if source.kind in ("html", "markdown"):
        steps = html_pipeline(note=source.kind == "markdown")
    else:
        steps = TEXT_STEPS + COMMON_STEPS
    for step in steps:
        draft = step(draft)
        log.debug("after %s: %d blocks", step.__name__, len(draft.blocks))
    if source.kind == "text" and not draft.title and not draft.authors:
        # A scrape whose headline and byline were not found may have lost its layout (its blocks
        # run together in one line, or a paragraph broken into its lines): the book would carry
        # the file's name and no author, and the run would still say "ok" without this.
        log.warning("%s: found no headline and no byline in the text; unless --title gives one, the book "
                    "is titled after the file (check that the text keeps the page's line breaks)", source.name)
    return _finish(draft)


def _finish(draft: Draft) -> Article:
    body = tuple(b for b in draft.blocks
                 if block_text(b) or not isinstance(b, (Paragraph, Heading)) or _shows_a_picture(b))
    if not any(_holds_prose(b) for b in body) and not draft.bios:
        raise CleaningError("no article text found (only boilerplate or no text)", path=draft.source.path)
    title = draft.title or _fallback_title(draft)
    meta = Meta(
        title=title,
        subtitle=draft.subtitle,
        authors=draft.authors,
        published=draft.date,
        updated=draft.updated,
        publisher=draft.publisher,
        language=draft.language or "en",
        source_url=draft.source.source_url or draft.source_url,  # a fetched page: the URL it came from
        description=draft.description,
        bios=draft.bios,
    )
    return Article(meta=meta, blocks=body, assets=draft.assets)


def _shows_a_picture(block) -> bool:
    """A paragraph that is only a picture: what extractors make of a <figure> without a
    caption, and what a Markdown note's ``![alt](picture.png)`` line is."""
    stack = list(getattr(block, "children", ()))
    while stack:
        node = stack.pop()
        if isinstance(node, Image):
            return True
        stack.extend(getattr(node, "children", ()))
    return False


def _holds_prose(block) -> bool:
    """A paragraph, quote or list holding a sentence.

    Some pages set their whole text in a quote or a list (a poem, a statement
    in <pre>, which extractors turn into a quote; a how-to made of numbered
    steps). A row of menu links flattened into a paragraph ("Products Pricing
    About us") holds no sentence, and a page of nothing else is no article.
    """
    if isinstance(block, Paragraph):
        return _is_sentence(block_text(block))
    if isinstance(block, BlockQuote):
        return any(_is_sentence(block_text(inner)) for inner in block.blocks)
    if isinstance(block, ListBlock):
        return any(_is_sentence(block_text(inner)) for item in block.items for inner in item)
    return False


def _is_sentence(text: str) -> bool:
    """Long enough to be prose, or a short line that ends like a sentence."""
    words = word_count(text)
    return words >= 8 or (words >= 3 and ends_sentence(text))


def _fallback_title(draft: Draft) -> str:
    """With no headline found, the file's name stands in (an e-book needs a title)."""
    if draft.source.path is not None:
        return draft.source.path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Untitled"
    return "Untitled"


def scorer_view(article: Article) -> dict[str, Any]:
    """The flat keys the corpus scorer (and ``exporter clean --json``) read."""
    meta = article.meta
    return {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "author": meta.author,
        "authors": list(meta.authors),
        "date": meta.date,
        "paragraphs": [text for text in (block_text(b) for b in article.blocks) if text],
        # The corpus labels one bio text per page: the authors' bios together, in byline order.
        "bio": " ".join(bio.text for bio in meta.bios) or None,
    }
