"""Whom a text scrape names as its author when its byline was not found, for the bio stage.

A scrape whose byline was lost (a picture's alt text, a script) still names
its author in the furniture: the author's links ("Latest David Zurawik",
"mehr von X auf site.de") beside the article (`own_region`,
`linked_authors`), a card's link right under its text (`card_links`), or an
author card's heading ("Über Paul Brandt", `heading_named`). Each gives one
person or none: two names are a list of teasers or contributors.
"""

from __future__ import annotations

import logging

from .bio_rules import BioLexicon
from .draft import Draft

log = logging.getLogger("exporter.cleaning.bio_stage")  # the stage's debug lines, as bio_halves reads them

# Lines of a text scrape read after an announcing line, after the body's end, after the byline.
TEXT_REACH = 4
# The head of the comments or related posts is a short line ("4 Antworten", "Leave a Reply").
END_HEAD_CHARS = 60
# The page's own author link names one person; with two different names (the author's and a
# sidebar card's "More from <other columnist>") nothing says which is the author's.
MAX_LINKED = 1


def own_region(draft: Draft, lex: BioLexicon) -> list[str]:
    """The scrape's lines that are the article's own: beside the headline and the byline (the lines
    before the body) and right after the body, up to the head of a rail, a sidebar or the related
    posts. A "More from Tom Brown" card of another columnist in the sidebar is past that head."""
    page = draft.page if isinstance(draft.page, tuple) else ()
    if len(page) < 2:
        return []
    lines, (start, end) = draft.lines, page[:2]
    own = [line.text for line in lines[max(0, start - TEXT_REACH):start]]
    for line in lines[end:end + TEXT_REACH]:
        if len(line.text) <= END_HEAD_CHARS and (lex.end.match(line.text) or draft.rules.ends_article(line.text)):
            break
        own.append(line.text)
    log.debug("own region %r", own)
    return own


def linked_authors(texts: list[str], lex: BioLexicon) -> tuple[str, ...]:
    """The people a scrape's author links name ("More from Jane Doe", "mehr von X auf site.de"),
    in page order; none when more than MAX_LINKED do (a list of teasers, not the author's links)."""
    from .names import is_person_name, tidy_name

    names: list[str] = []
    for text in texts:
        if len(text) > 90 or not lex.author_links:
            continue
        for pattern in lex.author_links:
            m = pattern.match(text)
            name = tidy_name(m.group("name")) if m else ""
            if name and is_person_name(name) and name not in names:
                names.append(name)
                break
    return tuple(names) if len(names) <= MAX_LINKED else ()


# An author card's link ("mehr von X auf site.de") sits right under its text, past a caption or two.
CARD_LINK_REACH = 3


def card_links(lines, lex: BioLexicon) -> dict[str, int]:
    """{name: line} for the one author link of the page whose name opens one of the lines right
    above it: a card's text and its "mehr von Daniel Weber auf example.de" link. None when links
    name several people (a rail of columnists' links)."""
    from .bio_evidence import fold

    texts = [line.text for line in lines]
    found: dict[str, int] = {}
    for index, text in enumerate(texts):
        if len(text) > 90 or not lex.author_links:
            continue
        names = linked_authors([text], lex)
        if names and any(fold(texts[i]).startswith(fold(names[0])) for i in range(max(0, index - CARD_LINK_REACH), index)):
            found.setdefault(names[0], index)
    return found if len(found) == MAX_LINKED else {}


def heading_named(lines, lex: BioLexicon) -> tuple[str, ...]:
    """The one person the scrape's author-card headings name ("Über Paul Brandt", "About Jane Doe").

    A scrape sets the card's heading, its picture's caption, its social links
    and its text on lines of their own, and a theme may put the text far from
    the heading (after the comment form or the newsletter box): the heading's
    name is then what ties the text to the author. Two names in such headings
    are a list of contributors, not the author's card.
    """
    names = heading_names(lines, lex)
    return tuple(names) if len(names) == MAX_LINKED else ()


def heading_names(lines, lex: BioLexicon) -> set[str]:
    """Everyone the scrape's author-card headings name ("Über Paul Brandt", "About Jane Doe")."""
    from .bio_html import heading_match

    return {name for name in (heading_match(line.text, lex) for line in lines if len(line.text) <= 70) if name}
