"""Steps shared by the text and HTML paths: they work on the draft's blocks."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace

from ..model import BlockQuote, Emphasis, Heading, Link, ListBlock, Paragraph, Strong, Text
from .dates import parse_date
from .draft import Draft, block_text
from .language import contradicted_language, guess_language
from .names import byline_names
from .rules import widget_lines_beside

log = logging.getLogger(__name__)


def _map_text(node, fn):
    """A copy of an inline/block tree with ``fn`` applied to every Text."""
    if isinstance(node, tuple):
        return tuple(_map_text(child, fn) for child in node)
    if isinstance(node, Text):
        return Text(fn(node.text))
    if isinstance(node, (Emphasis, Strong, Link, Paragraph, Heading)):
        return replace(node, children=_map_text(node.children, fn))
    if isinstance(node, BlockQuote):
        return replace(node, blocks=_map_text(node.blocks, fn))
    if isinstance(node, ListBlock):
        return replace(node, items=tuple(_map_text(item, fn) for item in node.items))
    return node


def strip_phrases(draft: Draft) -> Draft:
    """Remove phrase rules' matches inside blocks; drop blocks left empty."""
    if not draft.rules.drop_phrases:
        return draft
    blocks = tuple(_map_text(b, draft.rules.strip_phrases) for b in draft.blocks)
    return draft.but(blocks=tuple(b for b, old in zip(blocks, draft.blocks)
                                  if block_text(b) or not block_text(old)))


def drop_boilerplate_blocks(draft: Draft) -> Draft:
    """Drop paragraphs and headings that a drop_line rule matches whole (a widget_line rule: beside one)."""
    # only paragraphs and headings are lines: any other block's text is "", which no rule matches
    texts = [block_text(b) if isinstance(b, (Paragraph, Heading)) else "" for b in draft.blocks]
    furniture = widget_lines_beside(texts, [bool(t) and draft.rules.is_boilerplate(t) for t in texts], draft.rules)
    return draft.but(blocks=tuple(b for b, f in zip(draft.blocks, furniture) if not f))


REPEAT_MIN_WORDS = 40  # a shorter block may repeat a phrase (a pull quote, a refrain) on purpose
REPEAT_SHARE = 0.8  # of the block's 4-word runs already printed above


def drop_repeated_blocks(draft: Draft) -> Draft:
    """A long paragraph that joins the text of several paragraphs above, in their order, goes.

    Portals print the article body a second time in a hidden schema.org block
    (``articleBody``), and a text scrape keeps it as one long line after the
    article. Only a join of two or more blocks above counts: a paragraph said
    twice (a refrain, a poem's chorus, a page of repeated text) is kept.
    """
    source_of: dict[int, int] = {}  # hash of a 4-word run → the first block that gave it
    kept = []
    for index, block in enumerate(draft.blocks):
        words = block_text(block).casefold().split() if isinstance(block, Paragraph) else []
        runs = {hash(tuple(words[i:i + 4])) for i in range(len(words) - 3)}
        if len(words) >= REPEAT_MIN_WORDS:
            sources = [source_of[run] for run in runs if run in source_of]
            # Most runs printed above, and not mostly by one block: a refrain said twice that
            # shares a stock phrase ("at the end of the day") with another paragraph is kept.
            if len(sources) >= REPEAT_SHARE * len(runs) and \
                    max(Counter(sources).values(), default=0) < REPEAT_SHARE * len(runs):
                continue
        for run in runs:
            source_of.setdefault(run, index)
        kept.append(block)
    return draft.but(blocks=tuple(kept)) if len(kept) < len(draft.blocks) else draft


def take_metadata_blocks(draft: Draft) -> Draft:
    """Blocks that are a date stamp or byline set the metadata (if still unknown) and leave the body.

    Only the article's first blocks are looked at: a "By ..." or "Posted ..." line
    deep in the body is more likely prose or a quoted note than the article's own.
    """
    changes: dict = {}
    kept = []
    for index, block in enumerate(draft.blocks):
        if index < 8 and isinstance(block, Paragraph):
            found = read_metadata(draft, block_text(block))
            if found:
                for kind, value in found:
                    field = METADATA_FIELDS[kind]
                    if not getattr(draft, field) and field not in changes:
                        changes[field] = value
                continue
        kept.append(block)
    if not draft.authors and "authors" not in changes:
        changes.update(_signature(draft, kept))
    return draft.but(blocks=tuple(kept), **changes)


# How many closing blocks (or a scrape's closing lines) may hold a sign-off byline.
SIGNATURE_LINES = 3


def _signature(draft: Draft, blocks: list) -> dict:
    """The authors of a sign-off among the closing blocks, when no byline opened the article:
    wire stories close with "(Reporting by A and B; Editing by C)", blogs and reviews with
    "By Jane Doe". The block stays in the text (it is the story's own closing line)."""
    for block in reversed(blocks[-SIGNATURE_LINES:]):
        if isinstance(block, Paragraph):
            for kind, value in read_metadata(draft, block_text(block)):
                if kind == "author":
                    return {"authors": value}
    return {}


METADATA_FIELDS = {"date": "date", "updated": "updated", "author": "authors"}


def drop_topic_tag(draft: Draft) -> Draft:
    """A topic or section tag set above the first paragraph goes ("Politics", "CORONAVIRUS", "Mondial 2022").

    News templates print the story's kicker or tag link just above the lead,
    and extractors keep it as the body's first block. Only a first block of
    at most three words, no sentence punctuation, directly followed by a
    paragraph of prose, is taken for one.
    """
    blocks = draft.blocks
    if len(blocks) < 2 or not isinstance(blocks[0], Paragraph) or not isinstance(blocks[1], Paragraph):
        return draft
    tag, lead = block_text(blocks[0]), block_text(blocks[1])
    if (0 < len(tag) <= TOPIC_TAG_MAX_CHARS and len(tag.split()) <= 3 and not any(c in tag for c in ".!?:;,\"“”")
            and len(lead.split()) >= 12):
        return draft.but(blocks=blocks[1:])
    return draft


TOPIC_TAG_MAX_CHARS = 32


def read_metadata(draft: Draft, text: str) -> list[tuple[str, object]]:
    """Each ``(kind, value)`` a metadata rule finds in ``text`` (a byline line may also hold the date)."""
    found: list[tuple[str, object]] = []
    if len(text) > 160:
        return found
    for rule in draft.rules.metadata:
        # One stamp per line: "Last Updated: 07/27/2016" is an update date, and the
        # generic any-date rule must not read the same stamp as the publication.
        if any(kind == rule.kind or {kind, rule.kind} == {"date", "updated"} for kind, _ in found):
            continue
        m = rule.search(text)
        if not m:
            continue
        value = m.group("value")
        if rule.kind in ("date", "updated"):
            parsed = parse_date(value)
            if parsed:
                found.append((rule.kind, parsed))
        else:
            names = byline_names(value)
            if names:
                found.append((rule.kind, names))
    return found


def authors_from_bio(draft: Draft) -> Draft:
    """With no byline, the person the bio introduces is the author."""
    if not draft.authors and draft.bios:
        names = tuple(dict.fromkeys(b.author for b in draft.bios if b.author))
        return draft.but(authors=names) if names else draft
    return draft


def guess_language_step(draft: Draft) -> Draft:
    """The page's language tag, unless the article's text plainly contradicts it; the
    text's guess when the page has none."""
    sample = " ".join(block_text(b) for b in draft.blocks[:20])
    if draft.language:
        spoken = contradicted_language(draft.language, sample)
        return draft.but(language=spoken) if spoken else draft
    return draft.but(language=guess_language(sample))


def authors_tidy(draft: Draft) -> Draft:
    """Re-read authors through the byline parser (drops agencies, splits 'A and B')."""
    names: list[str] = []
    for raw in draft.authors:
        for name in byline_names(raw) or ():
            if name not in names:
                names.append(name)
    return draft.but(authors=tuple(names))
