"""A scrape's author cards far from the body: tied by the header's name line, or by the byline's
name at the page's very end.

The byline steps read a bare name line as the byline only beside the headline
they found; when they miss the headline (a related post's title read for it,
the real one further up), the name under the real headline ("The First
Decade" / "Jane Doe" / "Sa 13 Jul 2019"), or beside a profile link ("SHOW ALL
ARTICLES OF" / "Jane Doe"), is no byline. A theme's author widget set far from
the body (at the page's very end, after the footer) is then tied to no one. The
header still names its author alone on a line: a text outside the body that
opens with that full name, a bio verb and what the person is ("Jane Doe is a
legal journalist and ...") is looked for, and the bio stage weighs it as that
person's (`header_named`, for `bio_stage._found_bios`).

With neither a byline nor a name line in the header, a blog's footer widget that describes its
owner ("C. Habermueller (chabermu) ist ITK-Experte für ... in München.") is the one card after
the body that opens with a person's name and says what the person is, when the page's copyright
line names that person too ("© since 2010 by C.Habermueller": the site is the owner's own;
`sole_card`). Only the lines after the body are read: a card above it is a podcast's or an
interview's guest. A saved page's text widget after the article is read the same way
(`sole_card_element`).

With a byline, a widget's text at the page's very end (after the footer, past
the reach of the lines read after the body) is read when it names the byline's
author (`page_end_lines`): "Dear Abby is written by Abigail Van Buren ..." set
under the site's footer.
"""

from __future__ import annotations


from lxml import etree

from .bio_choice import choose
from .bio_evidence import Candidate, Verdict, fold, letter_words, name_key, role_statement_name, weigh
from .bio_rules import BioLexicon
from .bio_scrape_names import END_HEAD_CHARS
from .names import names_line
from .text_titles import COPYRIGHT_LINE

# How far above the body's first line the article's header (headline, byline, dateline,
# the profile link) may reach: past the related posts a theme sets between it and the body.
HEADER_REACH = 10
# A name line is short: the name, at most a handle or a job title.
NAME_LINE_CHARS = 60
# A card's text is a sentence or three; a longer line is a story's paragraph.
CARD_CHARS = 600


def body_run(page: tuple) -> tuple[int, int]:
    """A scrape's body [start, end) lines: from the headline on when the run of prose opens with it
    (as lines_to_blocks reads it), past the lines above it (a theme's "About me" widget scraped
    before the headline is prose the run took in)."""
    start, end, *rest = page
    title = rest[0] if rest else None
    return (title + 1 if title is not None and start <= title < start + 3 else start), end


def header_named(lines, start: int, end: int, lex: BioLexicon) -> tuple[str, ...]:
    """The one person named alone on a line just above the body, when a "<name> is <what>" line
    outside the body opens with that name; none when the header names two people so."""
    names = _header_names(lines, start)
    if len(names) != 1:
        return ()  # none, or a rail of teasers' bylines: nothing says which is the author
    name = names[0]
    for index, line in enumerate(lines):
        text = line.text
        if start <= index < end or len(text) > CARD_CHARS or line.role != "text" or under_comment_stamp(lines, index):
            continue
        if fold(text[:NAME_LINE_CHARS]).startswith(fold(name)) and (said := role_statement_name(text, lex)) \
                and name_key(said) == name_key(name):
            return (name,)
    return ()


def sole_card(lines, start: int, end: int, lex: BioLexicon, rules) -> tuple[str, int] | None:
    """The name and line index of the one "<name> is <what>" card after the body (``end`` on),
    when the lines there describe one person only and the header names no one; None otherwise
    (a header's name line says whom the page is by, and a card about another is no bio)."""
    if _header_names(lines, start):
        return None
    found: dict[str, tuple[str, int]] = {}
    for index in range(end, len(lines)):
        line = lines[index]
        if len(line.text) <= END_HEAD_CHARS and (lex.end.match(line.text) or rules.ends_article(line.text)):
            break  # past the comments' or related posts' head: a reader's "Jane Doe is a retired teacher ..."
        if len(line.text) > CARD_CHARS or line.role != "text" or under_comment_stamp(lines, index):
            continue
        if name := role_statement_name(line.text, lex):
            found.setdefault(name_key(name), (name, index))
    if len(found) != 1:
        return None
    name, index = next(iter(found.values()))
    return (name, index) if _owns_site(lines, name, index) else None


# The boxes a theme sets a card in; a copyright line's box may also be a footer, a list item or a cell.
_CARD_BOXES = ("p", "div", "section", "aside", "small")
_BOXES = frozenset(_CARD_BOXES) | {"footer", "li", "td", "address"}
_FOLLOWING_BOXES = etree.XPath("following::*[" + " or ".join(f"self::{tag}" for tag in _CARD_BOXES) + "]")
# Text nodes that may be a copyright line (COPYRIGHT_LINE decides): found by libxml2, not by reading each box.
_COPYRIGHT_TEXTS = etree.XPath(
    "following::text()[contains(., '©') or contains(., '(c)') or contains(., '(C)') or contains(., 'opyright')"
    " or contains(., 'OPYRIGHT') or contains(., 'echte') or contains(., 'droits') or contains(., 'derechos')"
    " or contains(., 'diritti')]")
_BREAKS = frozenset({"br", "hr"})
# The theme's widgets are within this many boxes after the body's end; past them, on a page of
# thousands of comments, a card is a reader's (and reading them all took 130 ms on 10,000).
# The copyright line is looked for on the whole rest of the page: it closes the footer.
FAR_BOXES_READ = 600


def sole_card_element(anchor, lex: BioLexicon) -> tuple[str, str] | None:
    """A saved page's `sole_card`: the name and text of the one "<name> is <what>" element after the
    body's last paragraph (``anchor``), when the page's copyright text there names that person."""
    from .bio_html import BLOCK_TAGS
    from .draft import squash

    found: dict[str, tuple[str, str]] = {}
    for element in _FOLLOWING_BOXES(anchor)[:FAR_BOXES_READ]:
        # only the innermost boxes: a line break or a rule inside one does not make it a holder
        if any(isinstance(child.tag, str) and child.tag in BLOCK_TAGS and child.tag not in _BREAKS
               for child in element):
            continue
        text = squash(" ".join(element.itertext()))
        if text and len(text) <= CARD_CHARS and not COPYRIGHT_LINE.search(text) \
                and (name := role_statement_name(text, lex)):
            found.setdefault(name_key(name), (name, text))
    if len(found) != 1:
        return None
    name, text = next(iter(found.values()))
    holders = {_box_of(node) for node in _COPYRIGHT_TEXTS(anchor)}
    copyright_texts = [line for line in (squash(" ".join(h.itertext())) for h in holders if h is not None)
                       if len(line) <= CARD_CHARS and COPYRIGHT_LINE.search(line)]
    return (name, text) if _surname_in(name, copyright_texts) else None


def _box_of(text_node):
    """The box holding a text node ("<p><span>©</span> 2011 K.Lindqvist</p>": the <p>)."""
    element = text_node.getparent()
    if text_node.is_tail and element is not None:
        element = element.getparent()
    while element is not None and element.tag not in _BOXES:
        element = element.getparent()
    return element


def sole_card_verdicts(text: str, order: int, lex: BioLexicon) -> list[Verdict]:
    """A sole card's text weighed as a card after the body with no byline: kept when it has a
    bio's own shape there (a name, a bio verb, what the person is: "name_verb")."""
    verdict = weigh(Candidate(text=text, place="after_body", order=order), lex, ())
    return choose([verdict] if verdict and "name_verb" in verdict.reasons else [], ())


def _surname_in(name: str, texts) -> bool:
    """The name's surname is a word of one of the texts ("Klein" is no word of "Kleine Zeitung")."""
    surname = name_key(name.split()[-1])
    return len(surname) >= SURNAME_KEY_CHARS and any(surname in letter_words(text) for text in texts)




# A surname shorter than this is a word too common to tie a copyright line to a person.
SURNAME_KEY_CHARS = 4


def _owns_site(lines, name: str, card: int) -> bool:
    """The page's copyright line names the card's person ("© since 2010 by C.Habermueller"): the
    site is that person's own, so its card is the owner's, who wrote the post. A news site's
    footer promo of a columnist is no such card: its copyright line names the publisher."""
    return _surname_in(name, [line.text for i, line in enumerate(lines) if i != card and COPYRIGHT_LINE.search(line.text)])


def _header_names(lines, start: int) -> list[str]:
    """The people named alone on a line in the header above the body's first line (``start``)."""
    names: list[str] = []
    for line in lines[max(0, start - HEADER_REACH):start]:
        if len(line.text) <= NAME_LINE_CHARS:
            names += [n for n in names_line(line.text)[0] if n not in names]
    return names


def under_comment_stamp(lines, index: int) -> bool:
    """The line comes right under a reader's comment stamp ("Martha, Thu 1 Aug 2019 / 02:15 Reply",
    "Borchert sagt:"): a comment about the author ("Jane Doe is a legal journalist who never ...")."""
    above = lines[index - 1] if index > 0 else None
    return above is not None and above.role != "boilerplate" and (above.role == "meta" or above.text.endswith(":"))


# A theme's footer widget is among the page's last lines of prose (a copyright line may follow it).
PAGE_END_LINES = 2
# A prose line has more words than a footer's link or label ("Impressum | Kontakt").
PROSE_WORDS = 6


def page_end_lines(lines, end: int, read: list[int], authors: tuple[str, ...]) -> list[int]:
    """The page's last prose lines past the body (``end``), not already ``read``, that name one of
    the byline's ``authors`` in their opening (where a card says whom it is about)."""
    keys = [name_key(a) for a in authors if len(name_key(a)) >= 6]
    prose = [i for i in range(len(lines) - 1, end - 1, -1)
             if lines[i].role == "text" and len(lines[i].text.split()) >= PROSE_WORDS][:PAGE_END_LINES]
    return [i for i in prose if i not in read and len(lines[i].text) <= CARD_CHARS and not under_comment_stamp(lines, i)
            and any(k in name_key(lines[i].text[:CARD_OPENING_CHARS]) for k in keys)]


# Whom a card is about is said in its first sentence.
CARD_OPENING_CHARS = 160

