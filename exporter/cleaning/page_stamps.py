"""Date stamps a saved page writes in words for its readers: a labelled stamp anywhere outside
teasers and comments ("Veröffentlicht am 16.08.2019", "Mis à jour le …"), and a dateline on a
short line right under the headline. The rules file's date rules read the lines
(``page_dates`` decides how far they are trusted).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .dates import parse_date
from .draft import squash
from .rules import MetadataRule

# Class words of the parts of a page that are not its article. "more-stories", "more-from-…"
# and "more-articles" name the teaser lists news sites put inside <article> below the text.
OUTSIDE_ARTICLE = re.compile(r"comment|related|teaser|sidebar|widget|recommend|more[-_]?(?:stories|articles|news|posts|from)",
                             re.IGNORECASE)

# Elements whose lines may be a stamp, and the longest line read: a stamp is short.
_STAMP_HOLDERS = ("p", "div", "span", "li", "small", "dd", "td", "em", "header")
_MAX_STAMP_LINE = 160
# Holders that are visited on their own: an element holding one is not read whole, so a hostile
# page of 250 nested <div>s around megabytes of text costs one read of the text, not 250.
_BLOCK_HOLDERS = frozenset(("p", "div", "li", "dd", "td", "header"))


# How many holders after the publication stamp are read for its update stamp.
_UPDATE_REACH = 6


def labelled_stamps(root, rules: Sequence[MetadataRule], day_first: bool = False) -> tuple[str | None, str | None]:
    """``(published, updated)`` from the first lines the ``labelled`` rules read, in page order.

    A line is an element's text cut at its <br>s. Only elements holding a few
    children are read (a stamp is a leaf or near one), and none inside an
    aside, a comment thread or a teaser list: those lines date other pieces.
    ``day_first``: how the page writes numeric dates (``dates.writes_day_first``).
    """
    rules = [rule for rule in rules if rule.labelled and rule.kind in ("date", "updated")]
    found: dict[str, str] = {}
    if not rules:
        return None, None
    after: int | None = None  # holders still read once the publication stamp is found
    for element, lines in _stamp_holders(root):
        for line in lines:
            for rule in rules:
                m = rule.kind not in found and rule.search(line)
                day = parse_date(m.group("value"), day_first) if m else None
                # The ancestors are looked at only for a stamp found (a walk up per element is
                # the page's size times its depth).
                if day and outside_teasers(element):
                    found[rule.kind] = day
                    break
        if "date" in found:
            # an update stamp printed beside the publication ("<span>Publicado: …</span>
            # <span>Actualizado: …</span>") is read from the next few holders
            after = after - 1 if after is not None else _UPDATE_REACH
            if "updated" in found or after <= 0:
                break
    return found.get("date"), found.get("updated")


def _stamp_holders(root):
    """``(element, lines)`` of the body's elements that may hold a stamp, in page order: only
    elements holding a few children (a stamp is a leaf or near one), and of their lines only the
    short ones with a digit (maybe none)."""
    body = root.find("body")
    for element in (body if body is not None else root).iter(_STAMP_HOLDERS):
        if len(element) > 8 or any(child.tag in _BLOCK_HOLDERS for child in element):
            continue
        yield element, [line for line in _lines(element) if len(line) <= _MAX_STAMP_LINE and any(ch.isdigit() for ch in line)]


def update_stamp_holders(root, rules: Sequence[MetadataRule], day_first: bool = False, limit: int = 5) -> list:
    """The elements (outside teasers) whose line an update rule reads as a date ("Updated
    January 24, 2020" under a headline, "Aktualisiert am 29.10.2023"), at most ``limit``."""
    rules = [rule for rule in rules if rule.labelled and rule.kind == "updated"]
    found = []
    for element, lines in _stamp_holders(root) if rules else ():
        for line in lines:
            m = next((m for rule in rules if (m := rule.search(line))), None)
            if m and parse_date(m.group("value"), day_first) and outside_teasers(element):
                found.append(element)
                break
        if len(found) >= limit:
            break
    return found


# The lines under the headline read for a dateline, and the elements looked at for them.
_DATELINE_LINES = 3
_DATELINE_REACH = 40


def headline_dateline(root, rules: Sequence[MetadataRule], day_first: bool = False,
                      title: str | None = None) -> str | None:
    """The date on a short line right under the article's <h1>, before its prose: magazines and
    association sites print "1. Februar 2022 , Daniel Dillenburg" there and state no date in
    their markup. The rules file's date rules read the line (a bare dateline rule too); a line
    an update rule reads is no publication date. The <h1> is the one that reads ``title`` (the
    headline chosen for the article) when there is one: a portal's logo set as the first <h1>
    is followed by its top bar, where today's date is printed."""
    headlines = [h for h in itertools.islice(root.iter("h1"), 5) if outside_teasers(h)]
    if not headlines:
        return None
    headline = next((h for h in headlines if title and squash(" ".join(h.itertext())) == title), headlines[0])
    date_rules = [rule for rule in rules if rule.kind == "date"]
    update_rules = [rule for rule in rules if rule.kind == "updated"]
    seen, read = 0, set()
    for element in headline.xpath(f"following::*[position() <= {_DATELINE_REACH}]"):
        if element.getparent() in read:  # its text was read with its holder's
            read.add(element)
            continue
        if element.tag not in _STAMP_HOLDERS or any(child.tag in _BLOCK_HOLDERS for child in element):
            continue
        read.add(element)
        for line in _lines(element):
            if len(line) > _MAX_STAMP_LINE:
                return None  # the prose has begun
            seen += 1
            if seen > _DATELINE_LINES:
                return None
            if any(rule.search(line) for rule in update_rules):
                continue
            for rule in date_rules:
                m = rule.search(line)
                day = parse_date(m.group("value"), day_first) if m else None
                if day:
                    return day
    return None


# Children that start a line of their own: a meta row written as a list ("<ul><li>Name</li>
# <li>29.10.2023</li><li>22:04 Uhr</li></ul>", page builders' post-info rows) is one line per item
# even when the page is minified, with no line break in its source.
_OWN_LINE = frozenset(("li", "ul", "ol", "dt", "dd", "tr", "table", "tbody"))


def _lines(element) -> list[str]:
    """The element's text, one string per line its <br>s and list items make."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append("\n")
        elif child.tag in _OWN_LINE:
            parts.append("\n" + "\n".join(_item_texts(child)) + "\n")
        elif isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return [squash(line) for line in "".join(parts).split("\n") if line.strip()]


# A class word that states the page's layout, not what the element is: WordPress themes and
# Drupal put "right-sidebar", "woo-sidebar-left", "no-sidebars", "one-sidebar" on <body> (never
# read), wrappers say a state ("has-sidebar", "with-sidebar"), Genesis wraps the article and the
# sidebar together in "content-sidebar-wrap", sticky-sidebar scripts wrap the article in
# "theiaStickySidebar" or "sticky-sidebar-parent". Such a word is excused whole.
_LAYOUT_WORD = re.compile(r"^(?:has|no|one|two|with|without|is|show|hide)[-_]|[-_]parent$|layout|^theiaStickySidebar$"
                          r"|^content[-_]sidebar", re.IGNORECASE)
# Page builders name every block a widget (Elementor's headline is an
# "elementor-widget-theme-post-title", its date row an "elementor-widget-post-info"): the builder's
# own "widget" is dropped and the rest of the word read, so "et_pb_sidebar_0" or
# "elementor-widget-post-comments" still names a sidebar or a comment thread. A word that names a
# sidebar, comments or related posts with only a layout affix ("sidebar-wrapper", "sticky-sidebar",
# "comments-wrapper", "related-posts-container", "fusion-sidebar") still names them: in review such
# a block's "Veröffentlicht am 03.02.2019" had beaten the article's own stamp.
_BUILDER_WIDGET = re.compile(r"^(?:elementor|et_pb|vc|wpb|fl|fusion)[-_](?:widget(?:[-_]|$))?", re.IGNORECASE)


def names_outside_part(classes: str | None) -> bool:
    """Whether a class attribute names a comment thread, a teaser list, a sidebar or a widget."""
    if not classes or not OUTSIDE_ARTICLE.search(classes):
        return False
    return any(not _LAYOUT_WORD.search(word) and OUTSIDE_ARTICLE.search(_BUILDER_WIDGET.sub("", word))
               for word in classes.split())


def _item_texts(element) -> list[str]:
    """The texts of a list's items (or a table's rows), each whole."""
    if element.tag not in ("ul", "ol", "table", "tbody", "thead", "tfoot"):
        return ["".join(element.itertext())]
    return [text for child in element if isinstance(child.tag, str) for text in _item_texts(child)]


def outside_teasers(element) -> bool:
    """Not in an aside, a navigation, a comment thread or a teaser list (nor one itself).
    The classes of <body> and <html> describe the whole page's layout and are not read."""
    return not any(a.tag in ("aside", "nav") or (a.tag not in ("body", "html") and names_outside_part(a.get("class")))
                   for a in (element, *element.iterancestors()))


# What a reader does not see, or did not write as the site: a script's, a style's or a template's
# text ('"cookieExpiry":"31/12/2099"') and the readers' comment thread ("Jo wrote on 14/11/2023").
_UNSEEN = frozenset(("script", "style", "noscript", "template", "head"))
_COMMENT_THREAD = re.compile(r"comment|disqus", re.IGNORECASE)
_STATE_PREFIX = re.compile(r"^(?:has|no|with|without|is)[-_]", re.IGNORECASE)


def _comment_thread(element) -> bool:
    words = f"{element.get('class') or ''} {element.get('id') or ''}".split()
    return any(_COMMENT_THREAD.search(word) and not _STATE_PREFIX.search(word) for word in words)


def visible_body_text(root, limit: int) -> str:
    """The text a reader sees in the page's body (its site's own, not its comment thread), at
    most ``limit`` characters, its text nodes joined by spaces (siblings not in reading order)."""
    body = root.find("body")
    stack = [body if body is not None else root]
    parts: list[str] = []
    size = 0
    while stack and size < limit and len(parts) < 20_000:
        element = stack.pop()
        texts = [element.text or ""]
        for child in element:
            texts.append(child.tail or "")  # the text after a hidden element is seen
            if isinstance(child.tag, str) and child.tag not in _UNSEEN and not _comment_thread(child):
                stack.append(child)
        parts.extend(text for text in texts if text)
        size += sum(len(text) + 1 for text in texts)
    return " ".join(parts)[:limit]
