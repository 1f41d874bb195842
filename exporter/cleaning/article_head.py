"""What a page sets between the headline and the body: the lead picture and the standfirst.

The lead picture. News templates put the lead photo (with its caption and credit) after the
headline, the standfirst and the byline, in its own ``<figure>`` before the
body's container: ``<h1>…</h1><p class="byline">…</p><figure>…</figure><div
class="article-body">…``. The extractor takes the body's container and leaves
the figure out, so the book lost the article's main picture without a word (a
French news page of a new-user trial). This step puts it back as the
article's first block: the first picture we hold that stands, in page order,
after the headline and before the body's first paragraph, outside the page's
header, navigation and sidebars, and large enough to be a photo.

The standfirst (dek, chapô): the summary sentence under the headline, in an
element the template names so (``p.standfirst``, ``p.article-chapo``,
``div.dek``, ``h2.subtitle``), outside the body's container too. It becomes the
article's subtitle (the title page and the article's opening set it under the
title); one the extractor kept in the body is left there.
"""

from __future__ import annotations

import copy
import re

from ..model import Figure, Image, Paragraph
from .draft import Draft, block_text, loose, squash
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


def _between_headline_and_body(root, title: str, opening: str):
    """The page's elements after the headline (the <h1> reading ``title``; from the top when the page
    has none) and before the paragraph opening with ``opening`` (the body's first), in page order."""
    headline_seen = not title
    want = loose(title)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "h1" and want and loose(" ".join(element.itertext())) == want:
            headline_seen = True
            continue
        if element.tag == "p" and opening and loose(" ".join(element.itertext())).startswith(opening):
            return  # the body began
        if headline_seen:
            yield element


def _lead_element(root, title: str, opening: str, images):
    """The <figure> (or lone <img>) between the headline and the paragraph opening with ``opening``."""
    for element in _between_headline_and_body(root, title, opening):
        if element.tag == "img" and _is_lead(element, images):
            figure = next((a for a in element.iterancestors() if a.tag == "figure"), None)
            return figure if figure is not None else element
    return None


# Class or id words of a standfirst: "standfirst", "dek", "chapo"/"chapeau" (French), "sottotitolo",
# "entradilla" (Spanish), "subtitle", "summary", "excerpt", "intro", "lede", "teaser" (a CMS's lead text).
_STANDFIRST = re.compile(r"(?:^|[-_\s])(?:standfirst|dek|deck|chapo|chapeau|chapô|sub-?title|subhead(?:line)?|"
                         r"sottotitolo|entradilla|bajada|linha-fina|summary|excerpt|intro|lede|lead-?text|teaser|"
                         r"strapline|article-description|description)(?:$|[-_\s])")
# A standfirst is a sentence or two, not a label and not a page of text.
STANDFIRST_WORDS = (6, 80)
# It sits beside the headline: the two share an ancestor at most this many levels above the <h1>.
STANDFIRST_REACH = 3
# Boxes between the headline and the body that are not the article's (a cookie notice's "description",
# a games promo's "intro"; seen on a Hungarian and a US news page of the corpus).
_NOT_ARTICLE = re.compile(r"cookie|consent|gdpr|privacy|banner|modal|popup|overlay|promo|newsletter|signup|"
                          r"related|widget|sponsor|advert|\bads?\b|game|paywall|subscribe")


def find_standfirst(draft: Draft) -> Draft:
    """The standfirst under the headline as the article's subtitle (see the module docstring)."""
    if draft.subtitle or not draft.title or not draft.blocks or draft.page is None:
        return draft
    first = next((b for b in draft.blocks if isinstance(b, Paragraph) and len(block_text(b)) >= 40), None)
    if first is None:
        return draft
    in_body = {loose(block_text(b)) for b in draft.blocks[:4]}
    root, want = draft.page.root, loose(draft.title)
    headline = next((h for h in root.iter("h1") if loose(" ".join(h.itertext())) == want), None)
    if headline is None:
        return draft  # without the headline on the page, nothing says what stands under it
    near = [a for _, a in zip(range(STANDFIRST_REACH), headline.iterancestors())]
    for element in _between_headline_and_body(root, draft.title, loose(block_text(first))[:60]):
        if element.tag not in ("p", "div", "h2", "h3") or not _STANDFIRST.search(_tokens(element)):
            continue
        if not any(a in near for a in element.iterancestors()):
            continue
        if element.find(".//li") is not None or len(element.findall(".//a")) > 1:
            continue  # a list of teasers ("Die neuesten Tests …"), not a sentence under the headline
        if any(a.tag in ("nav", "aside", "footer", "form") or _NOT_ARTICLE.search(_tokens(a))
               for a in (element, *element.iterancestors())):
            continue
        text = squash(" ".join(element.itertext()))
        low, high = STANDFIRST_WORDS
        if (low <= len(text.split()) <= high and not text[:1].isdigit() and loose(text) not in in_body
                and not draft.rules.is_boilerplate(text)):
            return draft.but(subtitle=text)  # (a text opening on a digit is a date line's, not a standfirst)
    return draft


def _tokens(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def _is_lead(img, images) -> bool:
    marker = images.marker_id(img.get("src"))
    if marker is None:
        return False
    for node in (img, *img.iterancestors()):
        if node.tag in _OUTSIDE and not (node.tag == "header" and _in_article(node)):
            return False  # an article's own <header> (headline, lead photo) is the article's
        words = _tokens(node)
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
