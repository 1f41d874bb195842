"""The byline printed beside the headline of a saved page whose markup does not name it.

Many templates set the byline as a plain ``<p>``, ``<div>`` or ``<span>``
under the ``<h1>`` ("By Jane Doe", "Par A et B", "Jane Doe | Berlin |
12.03.2020"), with no rel/itemprop author and no byline class, and the body
extractor leaves the headline block out. The page's lines near the headline
are read with the same byline rules as a text scrape's lines (rules.toml's
``author`` metadata), and a line of names alone right under the headline is
the byline when it is shaped like one (names.names_line).
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from .draft import element_text, loose as _loose, short_text
from .names import byline_names, names_line
from .rules import MetadataRule
from .scripts import ends_sentence
from .stamp_names import stamp_names

# How many elements after the headline are looked at, and how many paragraphs of prose
# (the body has begun: a "By" line further down is a quoted note or the next story's).
FOLLOWING_ELEMENTS = 80
PROSE_PARAGRAPHS = 2
PROSE_WORDS = 25  # or a sentence of 12 (the text path's measure of a paragraph)
SENTENCE_WORDS = 12
LINE_CHARS = 160
# How many elements, and short lines, right above the headline a "By" line may stand in.
PRECEDING_ELEMENTS = 12
PRECEDING_LINES = 3
# How many lines under the headline a bare name line may stand (after a standfirst).
BARE_NAME_LINES = 3
_SKIPPED = {"script", "style", "noscript", "template", "svg", "button", "select", "option", "nav", "form", "figure",
            "figcaption", "iframe"}
_HEADLINE_TAGS = ("h1", "h2")


def headline_byline(root: etree._Element, title: str | None, rules: Sequence[MetadataRule]) -> tuple[str, ...]:
    """The names of a byline line near the headline, or () when none reads as one."""
    author_rules = [rule for rule in rules if rule.kind == "author"]
    headline = _headline(root, title)
    if headline is None or not author_rules:
        return ()
    lines, opening = _lines_after(headline)
    # under the headline first; then a "By" line just above it (templates that set the byline
    # beside the kicker, over the headline); bare names only under it
    for text in (*lines, *_header_above(_lines_before(headline))):
        for rule in author_rules:
            m = rule.search(text)
            names = byline_names(m.group("value")) if m else ()
            if names:
                return names
    date_rules = [rule for rule in rules if rule.kind in ("date", "updated")]
    return _bare_names(root, lines, opening, title or "", date_rules)


def _lines_before(headline) -> list[str]:
    """The short lines right above the headline, nearest first (menus and rails further up)."""
    lines: list[str] = []
    # (the axis counts from the headline up, the node set comes back in document order)
    for element in reversed(headline.xpath(f"preceding::*[position() <= {PRECEDING_ELEMENTS}]")):
        if not isinstance(element.tag, str) or element.tag in _SKIPPED \
                or any(a.tag in _SKIPPED for a in element.iterancestors()):
            continue
        text = _short_text(element)
        if text and text not in lines:
            lines.append(text)
        if len(lines) > PRECEDING_LINES:  # one more: the line over the last one read
            break
    return lines


def _bare_names(root, lines: list[str], opening: str, title: str, date_rules) -> tuple[str, ...]:
    """A line of names alone under the headline, when it is shaped like a byline.

    Section labels, topic tags, photo credits and subheadings are Title Case too: a name
    line is the byline when it has the dateline beside it (in the line it is part of, or
    the next two) or leads with a job title; or, with neither, when it stands first under
    the headline and its words are nowhere else on the page (a topic tag is also a menu
    label or a word of the story). Never when the opening paragraphs or the headline name it.
    """
    for index, text in enumerate(lines[:BARE_NAME_LINES]):
        names, titled = names_line(text)
        stamped = () if names else stamp_names(text)  # "07.11.23 - 10:11 | Jane Doe 0 Kommentare"
        names = names or stamped
        if not names or _named_later(names, title, opening) or _breadcrumb(" ".join(names) if stamped else text):
            continue
        dated = bool(stamped) or any(rule.search(line) for line in lines[max(0, index - 1):index + 3]
                                     for rule in date_rules)
        if dated or titled or (index == 0 and not _words_elsewhere(names, root)):
            return names
    return ()


def _headline(root, title: str | None):
    key = _loose(title or "")
    first = None
    for element in root.iter(*_HEADLINE_TAGS):
        text = _loose(" ".join(element.itertext()))
        if key and text == key:
            return element
        if first is None and text and element.tag == "h1":
            first = element
    return first


def _short_text(element) -> str | None:
    """The element's text when it is a line's worth (None for a longer one: read no further)."""
    text = short_text(element, LINE_CHARS * 4, sep=" ")
    return text if text is not None and len(text) <= LINE_CHARS else None


def _lines_after(headline) -> tuple[list[str], str]:
    """The short lines after the headline, up to where the body's prose begins, and that prose."""
    lines: list[str] = []
    opening: list[str] = []
    prose = 0
    skipped_below = None
    for element in headline.xpath(f"following::*[position() <= {FOLLOWING_ELEMENTS}]"):
        if not isinstance(element.tag, str):
            continue
        if skipped_below is not None and any(a is skipped_below for a in element.iterancestors()):
            continue
        if element.tag in _SKIPPED:
            skipped_below = element
            continue
        text = _short_text(element)
        if text is None:
            if element.tag == "p":
                opening.append(element_text(element))
                prose += 1
                if prose >= PROSE_PARAGRAPHS:
                    break
            continue
        if element.tag == "p" and _is_prose(text):
            opening.append(text)
            prose += 1
            if prose >= PROSE_PARAGRAPHS:
                break
        if text and text not in lines:
            lines.append(text)
    return lines, " ".join(opening)


TEASER_WORDS = 4


def _header_above(before: list[str]) -> list[str]:
    """Of the lines above the headline (nearest first), those of the article's own header: they
    end at another story's headline, and a "By" line under one is that teaser's ("Most read" rails)."""
    out: list[str] = []
    for index, text in enumerate(before[:PRECEDING_LINES]):
        if _teaser_headline(text) or (index + 1 < len(before) and _teaser_headline(before[index + 1])):
            break
        out.append(text)
    return out


def _teaser_headline(text: str) -> bool:
    """A line of four or more words that ends no sentence: another story's headline (a section
    label "Biz & IT —" has fewer words, a script's text is code)."""
    words = [w for w in text.split() if w[0].isalpha()]
    return (len(words) >= TEASER_WORDS and not ends_sentence(text) and "{" not in text
            and not byline_names(text))


def _is_prose(text: str) -> bool:
    words = len(text.split())
    return words >= PROSE_WORDS or (words >= SENTENCE_WORDS and ends_sentence(text))


def _named_later(names: tuple[str, ...], title: str, opening: str) -> bool:
    """A name the opening paragraphs repeat (by its last word), or with a word of the headline, is the
    story's subject or its topic tags ("Polizei Unfall Rettungsdienst" over a road-accident report)."""
    text = opening.casefold()
    headline = {w.casefold() for w in title.split()}
    return any(name.split()[-1].casefold() in text or headline & {w.casefold() for w in name.split()}
               for name in names)


def _breadcrumb(text: str) -> bool:
    """A section trail repeats its words ("Charleroi Charleroi Actu"); a person's name does not."""
    words = text.casefold().split()
    return len(set(words)) < len(words)


def _words_elsewhere(names: tuple[str, ...], root) -> bool:
    """A name's words (its given name aside: a bio may say "Jane writes ...") on the page
    outside the name itself."""
    body = root.find("body")
    text = element_text(body if body is not None else root).casefold()
    for name in names:
        text = text.replace(name.casefold(), " ")
    words = set(text.replace(",", " ").replace(".", " ").split())
    return any(w.casefold() in words for name in names for w in name.split()[1:])
