"""Teaser rails in whole-page text scrapes: where the article ends and the portal's story list begins.

Under the article, news portals and aggregators print a rail of other stories:
each one a few short lines (a kicker or section label, the headline, the
writer's name or the source's domain, a count of votes) and one teaser
sentence. A text scrape flattens it into a run shaped
short, short, prose, short, short, prose, ... Each teaser sentence is long
enough to read as a paragraph, so the densest run of prose swallows the whole
rail (on a page with a long rail, the rail outweighs the article).

An article's own text does not have that shape: its paragraphs follow each
other, and a subheading or a caption comes alone before them. A listicle's
items (one heading, one paragraph) have one short line per unit, not two or
more, so they stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

RAIL_MIN_UNITS = 3  # teasers in a row before the run counts as a rail, not a caption or two
RAIL_MIN_SHORT_LINES = 2  # short lines before each teaser sentence (kicker + headline, headline + name, ...)
TEASER_MAX_NUMBER_SHARE = 0.15  # a teaser is a sentence of words; a results or figures line is half numbers
RAIL_MIN_PROSE_BEFORE = 150  # words of article prose before the rail: a results list under a short intro is the article


_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"\d")


# A teaser headline long enough to read as prose ("[Sicherheit] So finden Sie heraus, was der
# Geheimdienst so alles über Sie weiß", a German blog's related posts) is still one clause with
# no full stop; the article's next paragraph ends as a sentence.
TEASER_MAX_WORDS = 20
_SENTENCE_END = re.compile(r"[.:;]\W{0,2}$|\.\s+[A-ZÄÖÜ]")
# A question or an exclamation ends the article's short paragraph ("Was bedeutet das für die
# Pendler?") as often as a teaser's headline; it stays a teaser only behind a bracketed kicker.
_QUESTION_END = re.compile(r"[?!]\W{0,2}$")
_KICKER = re.compile(r"^\[[^\]]{1,40}\]\s")


def _headline_shaped(text: str) -> bool:
    return (len(text.split()) <= TEASER_MAX_WORDS and not _SENTENCE_END.search(text)
            and (not _QUESTION_END.search(text) or bool(_KICKER.match(text))))


def _reads_as_teaser(text: str) -> bool:
    """A teaser is words; a sports result or a table row ('Johnson 12 points, Miller 9 points') is numbers."""
    tokens = _TOKEN.findall(text)
    return sum(1 for t in tokens if _NUMBER.search(t)) <= len(tokens) * TEASER_MAX_NUMBER_SHARE


def _is_rail(values: Sequence[float], texts: Sequence[str], index: int, end: int) -> bool:
    """Whether teaser units (at least two short lines, then one lone prose line) run from index to the end.

    The rail must close the run: when two prose lines in a row follow the
    units, the article goes on, and the units were its own captions, credits
    or subheadings (a photo essay, a sectioned report).
    """
    units = 0
    while index < end:
        short = index
        while short < end and values[short] <= 0:
            short += 1
        if short >= end:
            break  # only short lines left (a footer's links): the rail ran to the end
        if (short - index < RAIL_MIN_SHORT_LINES or (short + 1 < end and values[short + 1] > 0)
                or not _reads_as_teaser(texts[short])):
            return False
        units += 1
        index = short + 1
    return units >= RAIL_MIN_UNITS


def teaser_rail_start(values: Sequence[float], words: Sequence[int], texts: Sequence[str], start: int,
                      end: int) -> int:
    """The index in [start, end) where a rail of story teasers begins after the article; end when none does.

    ``values`` says which lines read as prose (> 0); ``words`` and ``texts`` are each line's word count and text.
    """
    prose_before = 0
    for index in range(start + 1, end):
        if values[index - 1] > 0:
            prose_before += words[index - 1]
            if (values[index] <= 0 and prose_before >= RAIL_MIN_PROSE_BEFORE
                    and _is_rail(values, texts, index, end)):
                return index
    return end


# A list of teaser links under a dropped heading ("Related", "Mehr zum Thema", "Lire aussi"):
# at least this many headline lines in a row, up to the next paragraph.
TEASER_LIST_MIN_LINES = 2


def teaser_list_lines(headings: Sequence[bool], roles: Sequence[str], values: Sequence[float], texts: Sequence[str], start: int,
                      end: int) -> set[int]:
    """The indices in [start, end) of headline lists set inside the body under a list heading.

    News sites set a "Related" / "Mehr zum Thema" / "Lire aussi" block of
    two or more story headlines between the article's paragraphs; the
    heading is furniture (a [[teaser_heading]] rule) but the headlines,
    short lines inside the densest prose run, would stay in the body as
    subheadings. Only such a heading opens a list: an article's own bullet
    list may follow any furniture line (an ad label, a score).
    ``headings`` says which lines match a teaser heading, ``roles`` are the
    lines' roles, ``values`` their prose values (> 0 reads as a paragraph),
    ``texts`` their text.
    """
    found: set[int] = set()
    index = start
    while index < end:
        if not headings[index]:
            index += 1
            continue
        run = index + 1
        while run < end and roles[run] == "text" and (values[run] <= 0 or _headline_shaped(texts[run])) \
                and _reads_as_teaser(texts[run]):
            run += 1
        if run - index - 1 >= TEASER_LIST_MIN_LINES:
            found.update(range(index + 1, run))
        index = max(run, index + 1)
    return found
