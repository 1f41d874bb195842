"""Adapter for trafilatura: the main-content element of a page.

trafilatura 2.3 quirks held here: `bare_extraction` returns a `Document`
whose ``body`` is an lxml element in its own XML vocabulary (p, head, list/
item, quote, hi[@rend], ref[@target], lb) or None when it refuses the page
(too short, no main text); it logs at WARNING for ordinary pages, so its
logger is quietened; it mutates the tree it is given, so it gets a copy.
"""

from __future__ import annotations

import copy
import logging

from lxml import etree

from .draft import squash
from .html_tree import drop_keeping_tail

log = logging.getLogger(__name__)
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Below this many characters of extracted text trafilatura has missed the
# article (or the input is a fragment); our own container pick takes over.
_MIN_TEXT = 200


def extract_main(pruned: etree._Element, original: etree._Element, *,
                 with_images: bool = False) -> etree._Element | None:
    """The element holding the article body (trafilatura's XML or a page element).
    ``with_images``: keep pictures (only asked when the page has pictures we hold,
    so pages without them are extracted exactly as before)."""
    body = _trafilatura_body(pruned, with_images)
    if body is None:
        return densest_container(pruned)
    text = squash(" ".join(body.itertext()))
    if len(text) < _MIN_TEXT:
        fallback = densest_container(pruned)
        if fallback is not None and len(squash(" ".join(fallback.itertext()))) > len(text):
            return fallback
    return body


def _trafilatura_body(root: etree._Element, with_images: bool = False) -> etree._Element | None:
    from trafilatura import bare_extraction  # deferred: ~0.3 s import, only the HTML path needs it

    try:
        document = bare_extraction(
            copy.deepcopy(root), include_comments=False, include_tables=True, include_images=with_images,
            include_formatting=True, include_links=True, with_metadata=False, fast=True,
            deduplicate=False,
        )
    except Exception as err:  # a third-party failure is logged and the fallback used, never fatal
        log.warning("trafilatura failed (%s); using the fallback extraction", err)
        return None
    body = getattr(document, "body", None) if document is not None else None
    if body is None or not len(body):
        return None
    _drop_echoes(body, root)
    return body


# What trafilatura makes of <code> and <pre>.
_PRE_TAGS = ("code", "quote")


def _drop_echoes(body: etree._Element, page: etree._Element) -> None:
    """trafilatura can give the text of a block nested in a <code> or <pre> twice:
    as a paragraph of its own, then again inside the code or quote it makes of
    the holder (an unclosed <code> or <pre> around a <section>, found by the
    property tests' hostile nesting). The first copy goes; the text stays where
    the page had it. Or the paragraph keeps the unclosed <code> inline and a code
    block after it repeats it: that block goes, unless the page itself wrote the
    text twice (a tutorial's "Install with <code>pip install foo</code>" and then
    the command as a block)."""
    children = list(body)
    for child, following in zip(children, children[1:]):
        if following.tag not in _PRE_TAGS or child.tag in _PRE_TAGS:
            continue
        text = squash(" ".join(child.itertext()))
        echo = squash(" ".join(following.itertext()))
        if text and text in echo:
            drop_keeping_tail(child)
        elif echo and any(_unspaced(held) == _unspaced(following) and _ends(held, child)
                          for held in child.iter(following.tag)):
            # the other way round: the paragraph holds the unclosed <code> or <q> inline, and the
            # block after it repeats that text (<em>the the<code>the</body>, <em>the<q>the</body>).
            # Unclosed means it runs to the paragraph's end, and the page holds it once.
            if _copies_in(page, _unspaced(following)) < 2:
                drop_keeping_tail(following)


def _ends(inner: etree._Element, holder: etree._Element) -> bool:
    """Nothing but white space follows ``inner`` inside ``holder``."""
    while inner is not holder:
        if (inner.tail or "").strip() or any("".join(after.itertext()).strip() for after in inner.itersiblings()):
            return False
        inner = inner.getparent()
    return True


# The page's elements that trafilatura turns into <code> or <quote>.
_SOURCE_PRE_TAGS = ("code", "pre", "kbd", "samp", "tt", "q", "blockquote")


def _copies_in(page: etree._Element, unspaced: str) -> int:
    """How many of the page's code and quote elements hold exactly this text (nested ones count once)."""
    holders = [e for e in page.iter(*_SOURCE_PRE_TAGS) if _unspaced(e) == unspaced]
    return sum(1 for e in holders if not any(a in holders for a in e.iterancestors(*_SOURCE_PRE_TAGS)))


def _unspaced(element) -> str:
    """An element's text without its spacing (trafilatura joins nested pieces with or without a space)."""
    return "".join("".join(element.itertext()).split())


def densest_container(root: etree._Element) -> etree._Element | None:
    """The element whose child paragraphs hold the most text (fragments: the body itself).

    A paragraph wrapped alone in a <div> (<div class="paragraph"><p>…</p></div>,
    as some CMS templates write every paragraph) counts as the container's own.
    """
    best, best_score = None, 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        score = sum(len(squash(" ".join(p.itertext()))) for p in map(_unwrapped, element)
                    if isinstance(p.tag, str) and p.tag in _TEXT_TAGS)
        if score > best_score:
            best, best_score = element, score
    if best is None:
        body = root.find(".//body")
        return body if body is not None else root
    return best


_TEXT_TAGS = ("p", "blockquote", "ul", "ol", "h2", "h3")


def _unwrapped(child):
    """A <div>/<section> holding one element and no text of its own stands for that element."""
    if isinstance(child.tag, str) and child.tag in ("div", "section") and len(child) == 1 \
            and not (child.text or "").strip():
        return child[0]
    return child
