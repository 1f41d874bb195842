"""A story body that the page splits into chunks, joined back into its first chunk.

CMS templates that interleave ad slots, newsletter boxes or "related" rows
with the story write the body as a run of sibling elements of the same tag and
class (``<div class="article-body">`` … ad row … ``<div class="article-body">``),
each holding some of the paragraphs, or each inside its own layout row beside
an ad rail. The extractor takes the first element its body patterns match, so
it kept only the first chunk (on one page 5 paragraphs of 16).

Here, in the copy of the page the extractor reads, the later chunks' children
are moved into the first chunk, so the extractor reads one body. A chunk is
joined only when it is plainly the same story going on: the same structure as
the first (the same tag and class at every level down to the paragraphs),
reached across nothing but thin rows (ad labels, sign-up boxes, link rows: no
prose and no headline), with no headline of its own, made of prose paragraphs
rather than links once what the page set in it under a comment, teaser,
related-story, share or author-card name is taken out (it goes: an author card
leaves nothing to join), in the body's language and using the body's words.
Anything else ends the run: a second story, a comment thread or an author card
never joins the body. The thin rows between joined chunks go too, but for those
holding a picture.
"""

from __future__ import annotations

import re

from lxml import etree

from .draft import element_text as _text
from .html_tree import drop_keeping_tail
from .language import guess_language

# A prose paragraph: this many words, ending as a sentence does.
_PROSE_WORDS = 10
_SENTENCE_END = re.compile(r"[.!?:;…\"'”’»)]\s*$")
# A holder: an element with this many prose paragraphs as its own children.
_HOLDER_PARAGRAPHS = 2
# How far up from the paragraphs' holder the repeated unit may be (the holder itself,
# its layout row, the row's wrapper), and how much of a unit's text its holder must hold.
_LEVELS = 3
_HOLDER_SHARE = 0.7
# The elements a body chunk is written in (a quote or a list is the story's own flow),
# and those a row between chunks is (a bare paragraph between two chunks is the story's).
_CHUNK_TAGS = ("div", "section")
_ROW_TAGS = frozenset({"div", "section", "aside", "figure", "span", "ins", "br", "hr", "center"})
_MEDIA = ("img", "picture", "figure", "video", "graphic")
# Thin rows between chunks: at most this many in a row, each short or mostly links.
_MAX_THIN = 3
_THIN_CHARS = 300
_THIN_LINK_SHARE = 0.5
# A continuation: most of its text in prose paragraphs, few links, and enough of its
# longer words already used by the body before it.
_CONTINUATION_PROSE_SHARE = 0.6
_CONTINUATION_LINK_SHARE = 0.25
_SHARED_WORDS = 0.05
_LONG_WORD = re.compile(r"[^\W\d_]{6,}")
# Class or id names of furniture that must never join the body.
_FURNITURE = re.compile(
    r"comment|related|teaser|recirc|promo|newsletter|subscri|author|byline|bio\b|share|social|sidebar|widget"
    r"|more-?stories|read-?more|recommend|outbrain|taboola", re.IGNORECASE)


def joined_body(root: etree._Element) -> etree._Element | None:
    """The element holding the page's main body, with the body's later chunks joined into it
    (``root`` is edited in place); None when no element holds two prose paragraphs."""
    holder = main_holder(root)
    if holder is None:
        return None
    for unit, path in _units(holder):
        # the densest chunk need not be the first: go back to the run's first chunk
        earlier = _chunks(unit, path, holder, preceding=True)
        first, first_holder = (earlier[-1][0], _same_path(earlier[-1][0], path)) if earlier else (unit, holder)
        later = _chunks(first, path, first_holder)
        if later:
            for chunk, headings, rows in later:
                _move_into(first_holder, headings, chunk, path)
                _drop_rows(rows)
            return first_holder
    return holder


# ------------------------------------------------------------------ the body's first chunk

def _is_prose(element: etree._Element) -> bool:
    if element.tag != "p":
        return False
    text = _text(element)
    return len(text.split()) >= _PROSE_WORDS and bool(_SENTENCE_END.search(text))


def _prose_chars(holder: etree._Element, furniture=()) -> int:
    """Characters in the holder's own prose paragraphs (those not in ``furniture``)."""
    return sum(len(_text(child)) for child in holder
               if isinstance(child.tag, str) and _is_prose(child) and not _inside(child, furniture))


def _inside(element: etree._Element, furniture) -> bool:
    return any(element is f or f in element.iterancestors() for f in furniture)


def main_holder(root: etree._Element) -> etree._Element | None:
    """The element whose own prose paragraphs hold the most text (two or more of them)."""
    paragraphs: dict[etree._Element, list[int]] = {}
    for paragraph in root.iter("p"):
        parent = paragraph.getparent()
        if parent is not None and parent.tag in _CHUNK_TAGS and _is_prose(paragraph):
            paragraphs.setdefault(parent, []).append(len(_text(paragraph)))
    held = [(sum(chars), parent) for parent, chars in paragraphs.items() if len(chars) >= _HOLDER_PARAGRAPHS]
    return max(held, key=lambda pair: pair[0])[1] if held else None


def _signature(element: etree._Element) -> tuple[str, frozenset[str]]:
    return element.tag, frozenset((element.get("class") or "").split())


def _units(holder: etree._Element):
    """(unit, path): the holder and up to two ancestors that hold little else, with the
    signatures from the unit down to the holder."""
    unit, path = holder, [_signature(holder)]
    holder_chars = len(_text(holder))
    for _ in range(_LEVELS):
        if unit.getparent() is None or unit.tag in ("body", "html", "article", "main"):
            return
        if holder_chars < _HOLDER_SHARE * len(_text(unit)):
            return
        yield unit, list(path)
        unit = unit.getparent()
        path.insert(0, _signature(unit))


# ------------------------------------------------------------------ the chunks after it

def _chunks(unit, path, holder, preceding: bool = False) -> list[tuple[etree._Element, list, list]]:
    """The body's later chunks, nearest first (``preceding``: its earlier chunks), each with the
    lone section headings just before it and the thin rows (with their headings) between it
    and the chunk before."""
    out, headings, rows = [], [], []
    if not any(_signature(s) == path[0] for s in unit.itersiblings(preceding=preceding) if isinstance(s.tag, str)):
        return out  # most pages: nothing like the body's unit beside it
    seen = _words(_text(holder))
    language = guess_language(_text(holder), default="")
    for sibling in unit.itersiblings(preceding=preceding):
        if not isinstance(sibling.tag, str):
            continue
        if _signature(sibling) == path[0]:
            chunk = _same_path(sibling, path)
            if chunk is None or not _continues(sibling, chunk, path, seen, language):
                break
            out.append((sibling, headings, rows))
            seen |= _words(_text(chunk))
            headings, rows = [], []
        elif _is_heading(sibling):
            headings.append(sibling)
        elif _is_thin(sibling) and len([r for r in rows if not _is_heading(r)]) < _MAX_THIN:
            rows += headings + [sibling]  # a heading over a thin row is that row's ("Related"), not the story's
            headings = []
        else:
            break
    return out


def _same_path(sibling, path):
    """The element in ``sibling`` at the holder's place (the same signatures level by level)."""
    element = sibling
    for signature in path[1:]:
        element = next((c for c in element if isinstance(c.tag, str) and _signature(c) == signature), None)
        if element is None:
            return None
    return element


def _is_heading(element) -> bool:
    return element.tag in ("h2", "h3", "h4") and 0 < len(_text(element)) <= 120 and element.find(".//a") is None


def _link_chars(element) -> int:
    return sum(len(_text(a)) for a in element.iter("a"))


def _is_thin(element) -> bool:
    """A row between chunks that is no part of the story: a box (never a bare paragraph,
    list or quote of the story's flow), short or mostly links, no headline, no prose."""
    if element.tag not in _ROW_TAGS and _text(element):
        return False
    if element.find(".//h1") is not None or any(_is_prose(p) for p in element.iter("p") if len(_text(p)) > 200):
        return False
    chars = len(_text(element))
    return chars <= _THIN_CHARS or _link_chars(element) >= _THIN_LINK_SHARE * chars


def _continues(sibling, chunk, path, seen: set[str], language: str) -> bool:
    """Whether ``chunk`` (in ``sibling``, a unit like the first chunk's) is the same story going on."""
    if sibling.find(".//h1") is not None:
        return False
    furniture = _furniture(sibling, path)
    text = _text(chunk)
    prose = _prose_chars(chunk, furniture)
    if not prose or prose < _CONTINUATION_PROSE_SHARE * (len(_text(sibling)) - sum(len(_text(e)) for e in furniture)):
        return False  # (an author card is all furniture: nothing is left of it)
    if _link_chars(chunk) > _CONTINUATION_LINK_SHARE * len(text):
        return False
    if language and guess_language(text, default="") not in ("", language):
        return False
    own = _words(text)
    return bool(own) and len(own & seen) >= _SHARED_WORDS * min(len(own), len(seen))


def _furniture(sibling, path) -> list[etree._Element]:
    """The elements in a chunk's row whose class or id names furniture (an inline "related"
    box, a share bar, a comment link) and that hold text (an empty ad slot is nothing),
    outermost only; the elements on the way down to the paragraphs are the chunk itself."""
    on_path = set(_path_elements(sibling, path))
    found: list[etree._Element] = []
    for element in sibling.iter():
        if not isinstance(element.tag, str) or element in on_path or _inside(element, found[-1:]):
            continue
        if _FURNITURE.search(f"{element.get('class') or ''} {element.get('id') or ''}") and _text(element):
            found.append(element)
    return found


def _path_elements(sibling, path):
    element = sibling
    yield element
    for signature in path[1:]:
        element = next(c for c in element if isinstance(c.tag, str) and _signature(c) == signature)
        yield element


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _LONG_WORD.findall(text)}


def _drop_rows(rows) -> None:
    """The rows between two chunks of a story are ad slots, sign-up boxes and link rows; a row
    with a picture in it (a figure set between the chunks) stays."""
    for row in rows:
        if row.getparent() is not None and not any(True for _ in row.iter(*_MEDIA)):
            drop_keeping_tail(row)


def _move_into(holder, headings, sibling, path) -> None:
    """The chunk's children (after the section headings before it) appended to the holder; the chunk's row goes."""
    chunk = _same_path(sibling, path)
    for element in _furniture(sibling, path):
        drop_keeping_tail(element)  # what the page set inside the chunk is no part of the story
    for heading in headings:
        heading.tail = None
        holder.append(heading)
    if chunk.text and chunk.text.strip():
        holder[-1].tail = (holder[-1].tail or "") + " " + chunk.text
    for child in list(chunk):
        holder.append(child)
    tail = sibling.tail
    parent = sibling.getparent()
    parent.remove(sibling)
    if tail and tail.strip():
        holder[-1].tail = (holder[-1].tail or "") + tail
