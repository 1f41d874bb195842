"""Transforms on a cleaned `Article`, applied in a visible order before rendering:
metadata overrides from the user, typography, then a content-derived identifier."""

from __future__ import annotations

import datetime
import hashlib
import re
import uuid
from dataclasses import fields, is_dataclass, replace
from typing import Any

from . import _re_store
from .casing import is_shouted, known_casings, name_case, opening_capitals, opening_in_case, sentence_case
from .errors import UsageError
from .labels import cldr_proper_names, labels_for
from .model import Article, Bio, Block, BlockQuote, ListBlock, Paragraph, Text, plain_text
from .options import ExportOptions, MetaOverrides
from .typography import apply_typography

# A fixed namespace so the same article always gets the same urn:uuid (reproducible EPUBs).
_ID_NAMESPACE = uuid.UUID("6f1d3c2e-9a4b-5c7d-8e0f-a1b2c3d4e5f6")
# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_DATE = _re_store.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_LANG = _re_store.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def split_names(text: str) -> tuple[str, ...]:
    """"A, B and C" / "A; B" / "A & B" → ("A", "B", "C")."""
    parts = re.split(r"\s*(?:;|,|\band\b|&)\s*", text.strip())
    return tuple(p for p in (part.strip() for part in parts) if p)


def _is_calendar_date(text: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day ("2024-13-01" names none)."""
    if not _DATE.match(text):
        return False
    year, month, day = (text.split("-") + ["01", "01"])[:3]
    try:
        datetime.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def validate_overrides(overrides: MetaOverrides) -> None:
    if overrides.date is not None and not _is_calendar_date(overrides.date):
        raise UsageError(f"--date must be YYYY-MM-DD (or YYYY-MM, YYYY), a day of the calendar: {overrides.date!r}")
    if overrides.language is not None and not _LANG.match(overrides.language):
        raise UsageError(f"--lang must be a BCP 47 language tag such as en or en-GB: {overrides.language!r}")
    if overrides.title is not None and not overrides.title.strip():
        raise UsageError("--title must not be empty")


def apply_overrides(article: Article, overrides: MetaOverrides) -> Article:
    """The user's stated facts win over what the cleaner found."""
    if overrides.is_empty():
        return article
    validate_overrides(overrides)
    meta = article.meta
    changes: dict = {}
    if overrides.title is not None:
        changes["title"] = overrides.title.strip()
    if overrides.author is not None:
        changes["authors"] = split_names(overrides.author)
    if overrides.date is not None:
        changes["published"] = overrides.date
    if overrides.language is not None:
        changes["language"] = overrides.language
    if overrides.publisher is not None:
        changes["publisher"] = overrides.publisher.strip() or None
    authors = changes.get("authors", meta.authors)
    if overrides.bio is not None:
        text = " ".join(overrides.bio.split())
        changes["bios"] = (Bio(text, authors[0] if authors else None),) if text else ()
    elif len(meta.bios) == 1 and "authors" in changes and len(authors) == 1:
        # One author named by the user: the one bio found is now theirs.
        changes["bios"] = (replace(meta.bios[0], author=authors[0]),)
    return replace(article, meta=replace(meta, **changes))


def content_identifier(article: Article) -> str:
    """``urn:uuid:`` v5 of title, authors, date and body: stable across runs."""
    digest = hashlib.sha256()
    meta = article.meta
    for part in (meta.title, "|".join(meta.authors), meta.date or "", plain_text(article.blocks)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return "urn:uuid:" + str(uuid.uuid5(_ID_NAMESPACE, digest.hexdigest()))


# Characters XML 1.0 forbids: C0 controls (scraped pages carry them as entities such as
# &#x13;, which the parser decodes), non-characters and lone surrogates.
_XML_INVALID = _re_store.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(article: Article) -> Article:
    """``article`` without characters XML forbids: one of them makes a whole EPUB
    chapter, the package document or the PDF's XHTML unreadable.

    Iterative, not recursive: a hostile page nests quotes and lists hundreds deep."""
    if not any(_XML_INVALID.search(text) for text in _strings(article)):
        return article
    rebuilt: dict[int, Any] = {}
    stack: list[Any] = [article]
    while stack:
        node = stack[-1]
        children = _children(node)
        waiting = [c for c in children if _is_node(c) and id(c) not in rebuilt]
        if waiting:
            stack.extend(waiting)
            continue
        stack.pop()
        values = [rebuilt[id(c)] if _is_node(c) else _XML_INVALID.sub("", c) if isinstance(c, str) else c
                  for c in children]
        if isinstance(node, tuple):
            rebuilt[id(node)] = tuple(values)
        else:
            rebuilt[id(node)] = replace(node, **{f.name: v for f, v in zip(fields(node), values)})
    return rebuilt[id(article)]


def _is_node(value: Any) -> bool:
    return isinstance(value, tuple) or is_dataclass(value)


def _children(node: Any) -> list[Any]:
    return list(node) if isinstance(node, tuple) else [getattr(node, f.name) for f in fields(node)]


def _strings(article: Article):
    stack: list[Any] = [article]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif _is_node(node):
            stack.extend(_children(node))


# Quotes and lists nested deeper than this are flattened: no real article nests
# further, and hostile pages that nest hundreds deep overflow the recursion of
# layout engines (WeasyPrint fails at about 250 levels).
MAX_NESTING = 12


def limit_nesting(article: Article, max_depth: int = MAX_NESTING) -> Article:
    """``article`` with quotes and lists below ``max_depth`` spliced into their parent,
    keeping every block's text in order."""

    def within(blocks: tuple[Block, ...], depth: int) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in blocks:
            if isinstance(block, BlockQuote):
                if depth >= max_depth:
                    out.extend(_leaf_blocks(block.blocks))
                else:
                    out.append(replace(block, blocks=within(block.blocks, depth + 1)))
            elif isinstance(block, ListBlock):
                if depth >= max_depth:
                    out.extend(_leaf_blocks(tuple(b for item in block.items for b in item)))
                else:
                    out.append(replace(block, items=tuple(within(item, depth + 1) for item in block.items)))
            else:
                out.append(block)
        return tuple(out)

    if _depth_at_least(article.blocks, max_depth + 1):
        return replace(article, blocks=within(article.blocks, 0))
    return article


def _leaf_blocks(blocks: tuple[Block, ...]) -> list[Block]:
    """Every non-container block under ``blocks``, in reading order (iterative)."""
    out: list[Block] = []
    stack: list[Block] = list(reversed(blocks))
    while stack:
        block = stack.pop()
        if isinstance(block, BlockQuote):
            stack.extend(reversed(block.blocks))
        elif isinstance(block, ListBlock):
            stack.extend(reversed([b for item in block.items for b in item]))
        else:
            out.append(block)
    return out


def _depth_at_least(blocks: tuple[Block, ...], wanted: int) -> bool:
    stack: list[tuple[Block, int]] = [(b, 1) for b in blocks]
    while stack:
        block, depth = stack.pop()
        if isinstance(block, (BlockQuote, ListBlock)):
            if depth >= wanted:
                return True
            inner = block.blocks if isinstance(block, BlockQuote) else tuple(b for item in block.items for b in item)
            stack.extend((b, depth + 1) for b in inner)
    return False


def unshout_bylines(article: Article) -> Article:
    """Author names scraped in capitals ("LAURIE OAKES") in title case ("Laurie Oakes"),
    in the byline and on each bio; other names as they are."""
    meta = article.meta
    authors = tuple(name_case(name) for name in meta.authors)
    bios = tuple(replace(bio, author=name_case(bio.author)) if bio.author else bio for bio in meta.bios)
    if authors == meta.authors and bios == meta.bios:
        return article
    return replace(article, meta=replace(meta, authors=authors, bios=bios))


def unshout_bios(article: Article) -> Article:
    """A bio scraped in capitals in sentence case, keeping the case of the authors'
    names, the publisher, the words the article writes with capitals, CLDR's place,
    day and month names, and acronyms (Herald Sun pages set their bio line in caps)."""
    meta = article.meta
    if not any(is_shouted(bio.text) for bio in meta.bios):
        return article
    casings = known_casings([meta.title, plain_text(article.blocks)])
    places_and_days, months = cldr_proper_names(meta.language)
    names = (*meta.authors, *(b.author for b in meta.bios if b.author), *((meta.publisher,) if meta.publisher else ()),
             *places_and_days)
    bios = tuple(replace(bio, text=sentence_case(bio.text, names=names, casings=casings, dated_names=months,
                                                 language=meta.language)) for bio in meta.bios)
    return replace(article, meta=replace(meta, bios=bios))


def unshout_opening(article: Article) -> Article:
    """The capitals a page opens its first paragraph with ("A HIGH-powered team") in
    sentence case (`casing.opening_in_case`), the words' case read from the rest of the
    article (not the title: a headline capitalises every word)."""
    blocks = article.blocks
    first = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)), None)
    if first is None or not blocks[first].children or not isinstance(blocks[first].children[0], Text):
        return article
    opening = blocks[first].children[0]
    if not opening_capitals(opening.text):
        return article  # most articles: no casing table read from the whole text
    rest = blocks[:first] + blocks[first + 1:]
    names = (*article.meta.authors, *((article.meta.publisher,) if article.meta.publisher else ()))
    text = opening_in_case(opening.text, names=names, casings=known_casings([plain_text(rest)]))
    if text == opening.text:
        return article
    paragraph = replace(blocks[first], children=(Text(text), *blocks[first].children[1:]))
    return replace(article, blocks=blocks[:first] + (paragraph,) + blocks[first + 1:])


def end_bios_with_stop(article: Article) -> Article:
    """Each bio ends a sentence: the language's full stop is added where the page left it off."""
    labels = labels_for(article.meta.language)
    bios = tuple(replace(bio, text=labels.sentence(bio.text)) for bio in article.meta.bios)
    return article if bios == article.meta.bios else article.with_meta(bios=bios)


def prepare(article: Article, options: ExportOptions) -> Article:
    """Everything between the cleaner and the renderer, in order."""
    article = limit_nesting(xml_safe(apply_overrides(article, options.overrides)))
    if not options.images:
        article = without_images(article)
    # Names first: the bio's case is restored from them.
    article = unshout_opening(end_bios_with_stop(unshout_bios(unshout_bylines(article))))
    if options.smart_quotes:
        article = apply_typography(article)
    if not article.meta.identifier:
        article = article.with_meta(identifier=content_identifier(article))
    return article


def without_images(article: Article) -> Article:
    """A text-only article (--no-images): no picture bytes; a figure keeps its caption
    as text (the renderer sets a figure without a picture as its caption), inline
    pictures go."""
    from .model import Figure, Image

    def inlines(nodes):
        return tuple(replace(n, children=inlines(n.children)) if hasattr(n, "children") else n
                     for n in nodes if not isinstance(n, Image))

    def block(b):
        if isinstance(b, Figure):
            return replace(b, image=None)
        if isinstance(b, BlockQuote):
            return replace(b, blocks=tuple(block(x) for x in b.blocks))
        if isinstance(b, ListBlock):
            return replace(b, items=tuple(tuple(block(x) for x in item) for item in b.items))
        if hasattr(b, "children"):
            return replace(b, children=inlines(b.children))
        return b

    if not article.assets:
        return article
    return replace(article, blocks=tuple(block(b) for b in article.blocks), assets=())
