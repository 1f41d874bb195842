"""The page htmldate is shown: without its teaser rails, sidebars, navigation and
comment threads, and, when asked again, without the update stamps our rules read
(`page_dates` asks it last, when the page's own metadata and stamps gave no date).
Pure functions of lxml trees; the page itself is never changed (a copy is emptied).
"""

from __future__ import annotations

import itertools
import re
from copy import deepcopy

from lxml import etree

from .draft import squash
from .page_stamps import names_outside_part

# An <aside> that holds the post's own meta row (date, author, tags) beside its text, as magazine
# themes mark it up: <article> … <aside class="meta"><time …>. Class words, split at - and _.
META_ASIDE = re.compile(r"(?:^|[\s_-])(?:meta|metadata|post-?meta|entry-?meta|byline|dateline|info)(?:$|[\s_-])",
                         re.IGNORECASE)



def outside_parts(root, title: str | None = None) -> list:
    """The page's teaser lists, sidebars, navigation and comment threads (``outside_teasers``),
    the outermost of each, but none that holds the headline (an <h1>, or ``title`` as a heading) or the article.

    htmldate asked for the original date takes the oldest it finds, and a "Related" rail or a
    comment thread lists older pieces with their own <time>s: it reads the page without them.
    A part holding much of the page's paragraph text is the article itself, whatever its class says
    (Blogger's posts sit in a "widget Blog", TYPO3's news item in a "teaserTyp3 newsSingle",
    a theme's main column in "… sidebar-right"), and an aside that is the post's meta row
    ("<aside class="meta">" with the date) is the article's own."""
    body = root.find("body")
    if body is None:
        return []
    parts: list = []
    share = _TEXT_SHARE * _paragraph_text(body)
    for element in itertools.islice(body.iter("aside", "nav", "div", "section", "ul", "ol", "li", "footer"), 5000):
        if not (element.tag in ("aside", "nav") or names_outside_part(element.get("class"))):
            continue
        if parts and _holds(parts[-1], element):
            continue
        if element.tag == "aside" and META_ASIDE.search(element.get("class") or ""):
            continue
        if element.find(".//h1") is not None or element.find(".//article") is not None or _ARTICLE_BODY(element) \
                or _paragraph_text(element) > share or _headed(element, title):
            continue
        parts.append(element)
        if len(parts) >= 50:
            break
    return parts


# How much of the page's paragraph text a part may hold and still be a rail, not the article.
_TEXT_SHARE = 0.4


# The article's body in its own markup (schema.org microdata, hAtom's entry): a blog's post
# inside a "widget Blog" is marked so.
_ARTICLE_BODY = etree.XPath(".//*[contains(@itemprop, 'articleBody') or contains(@itemprop, 'blogPost')"
                            " or contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]")


def _headed(element, title: str | None) -> bool:
    """Whether a high heading in ``element`` reads ``title`` (Blogger's post title is an <h3>;
    a rail that lists this article too names it in a lower heading or a link)."""
    return bool(title) and any(squash(h.text_content()) == title for h in element.iter("h2", "h3"))


def _paragraph_text(element) -> int:
    return sum(len(p.text_content()) for p in element.iter("p"))


def _holds(ancestor, element) -> bool:
    return any(a is ancestor for a in element.iterancestors())


def without(root, elements: list):
    """A copy of the page with ``elements`` emptied (their tails kept), or None when there are none.

    htmldate reads no labels: on a page that prints "Updated January 24, 2020" under the
    headline and "01.21.2020 07:00 AM" above it (a magazine's header), it takes the update,
    which we know for one; asked again without the update stamps it finds the date the page
    shows for the publication."""
    if not elements:
        return None
    marked = {id(element) for element in elements}
    copy = deepcopy(root)
    twins = [twin for original, twin in zip(root.iter(), copy.iter()) if id(original) in marked]  # same order
    for twin in twins:
        # emptied, not dropped: dropping joins its tail to the text before it, and lxml refuses
        # to set a text that holds a control character the parser let through ("&#x1;")
        twin.clear(keep_tail=True)
    return copy
