"""The article's lead picture, when the page sets it between the headline and the body.

News templates put the lead photo (with its caption and credit) after the
headline, the standfirst and the byline, in its own ``<figure>`` before the
body's container: ``<h1>…</h1><p class="byline">…</p><figure>…</figure><div
class="article-body">…``. The extractor takes the body's container and leaves
the figure out, so the book lost the article's main picture without a word (a
French news page of a new-user trial). This step puts it back as the
article's first block: the first picture we hold that stands, in page order,
after the headline and before the body's first paragraph, outside the page's
header, navigation and sidebars, and large enough to be a photo.
"""

from __future__ import annotations

import copy

from ..model import Figure, Image, Paragraph
from .draft import Draft, block_text, loose
from .html_tree import element_blocks

# Where a picture between the headline and the body is furniture, not the article's.
_OUTSIDE = frozenset({"header", "nav", "aside", "footer", "form", "button"})
# Class or id words of a byline's avatar or a logo: the author's face is no lead photo.
_FURNITURE_WORDS = ("avatar", "author", "logo", "icon", "profile", "sponsor", "advert", "ad-")
# A lead photo is this wide at least, when the page or the file gives its size.
MIN_WIDTH = 300


def add_lead_picture(draft: Draft) -> Draft:
    images = draft.images
    if images is None or not getattr(images, "resources", None) or not draft.blocks:
        return draft
    if any(isinstance(b, (Figure, Image)) for b in draft.blocks[:2]):
        return draft  # the extractor kept a picture at the top already
    first = next((b for b in draft.blocks if isinstance(b, Paragraph) and len(block_text(b)) >= 40), None)
    pruned = draft.page.pruned
    if first is None or pruned is None:
        return draft
    figure = _lead_element(pruned, draft.title or "", loose(block_text(first))[:60], images)
    if figure is None:
        return draft
    from .html_media import read_catalog

    blocks = [b for b in element_blocks(_wrapped(figure), read_catalog(pruned, images)) if isinstance(b, Figure)]
    return draft.but(blocks=tuple(blocks[:1]) + draft.blocks) if blocks else draft


def _lead_element(root, title: str, opening: str, images):
    """The <figure> (or lone <img>) between the headline and the paragraph opening with ``opening``."""
    headline_seen = not title
    want = loose(title)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1" and want and loose(" ".join(element.itertext())) == want:
            headline_seen = True
            continue
        if element.tag == "p" and opening and loose(" ".join(element.itertext())).startswith(opening):
            return None  # the body began: no picture stood before it
        if headline_seen and element.tag == "img" and _is_lead(element, images):
            figure = next((a for a in element.iterancestors() if a.tag == "figure"), None)
            return figure if figure is not None else element
    return None


def _is_lead(img, images) -> bool:
    marker = images.marker_id(img.get("src"))
    if marker is None:
        return False
    for node in (img, *img.iterancestors()):
        if node.tag in _OUTSIDE and not (node.tag == "header" and _in_article(node)):
            return False  # an article's own <header> (headline, lead photo) is the article's
        words = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
        if any(word in words for word in _FURNITURE_WORDS):
            return False
    width = images.sizes.get(marker, (None, None))[0] or _int(img.get("width"))
    return width is None or width >= MIN_WIDTH


def _in_article(node) -> bool:
    return any(a.tag in ("article", "main") for a in node.iterancestors())


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _wrapped(element):
    """The figure inside a holder of its own, for the block builder to read it as it reads a body."""
    from lxml import etree

    holder = etree.Element("div")
    picture = copy.deepcopy(element)
    picture.tail = None
    holder.append(picture)
    return holder
