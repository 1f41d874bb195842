"""A text input's blocks: where a single newline ends a block and where it only wraps a line.

Text reaches us in two layouts that both use single newlines:

- one block a line: what a browser's "copy" or most scrapers give of a whole
  page (menu labels, headline, byline, share buttons, each paragraph, the
  footer, each on a line of its own), with or without blank lines between;
- hard-wrapped prose: plain-text e-mails, Project Gutenberg-style files,
  notes wrapped at 70-80 columns, where a paragraph runs over several lines
  and only a blank line ends it.

The two are told apart per chunk (the text between blank lines), so a file
that mixes them (blank lines around the paragraphs, the furniture on single
lines) comes out right. A chunk is wrapped prose when its lines are *full*:
each line stops where the next line's first word would not have fitted
within the chunk's width, as a word-wrapping editor leaves it, and stops
mid-sentence. Lines of very different lengths (a menu, a byline, then a
400-character paragraph), short lines (share buttons), lines longer than any
editor wraps at, or lines that each end a sentence are one block a line.
"""

from __future__ import annotations

import math

from .. import _re_store  # re.compile, from the code an earlier run stored
from .draft import squash
from .scripts import ends_sentence, is_caseless

_CHUNK_SPLIT = _re_store.compile(r"\n[ \t\u00a0]*\n")

# Editors, mail clients and Project Gutenberg wrap at 60-80 columns (72 in git and mail, 78 in
# RFC 5322, ~70 at Gutenberg), a few at 100 or 120. A line longer than that was not wrapped by
# anyone: it is a paragraph (or a scrape's whole block) on its own line.
MAX_WRAP_COLUMNS = 120
# Narrower than this, "full" lines are just short lines: share buttons, menu labels, a name and a
# date ("Compartir en Facebook" / "Compartir en X"). Newspaper columns copied from a PDF run 40+.
MIN_WRAP_COLUMNS = 40
# A chunk is wrapped when at least this share of its lines (all but the last) are full and
# stop mid-sentence; in a wrapped paragraph nearly all are, in a list of lines few are by chance.
WRAPPED_LINE_SHARE = 0.5
# ... with at least this many in a row (a paragraph of three lines or more): the longest line of
# any chunk is full by definition, and in a page's furniture a second one of like length is
# followed by a short line ("Thousands of teachers pack the Statehouse for protest" / "Tom Davies
# Associated Press"), where a wrapped paragraph's full lines follow one another.
WRAPPED_MIN_LINES = 2
# ... and the sentence visibly runs on over at least this share of its breaks (`_runs_on`): the
# corpus's prose wrapped at 72 columns does so at 91% of its breaks in English, 83% in German
# (whose nouns are capitalised); a list of Title Case headlines or dated entries never does.
RUNS_ON_SHARE = 0.2
# Word-wrapping editors and mail clients fill each line greedily; `fmt` and `par` balance a
# paragraph's lines and break a few columns early. A line ending within this share of the width of
# where the next word would no longer fit counts as full (on the tuning half's scrapes with their
# paragraphs wrapped by `fmt -w 72`, 99% of the paragraphs come back whole with it, 58% without;
# with their furniture lines run together as well, 0.2% more of those lines are joined).
BALANCED_WRAP_SLACK = 0.1
# How many two-line paragraphs, alike in width, show that a file without longer ones is wrapped.
SHORT_PARAGRAPHS_FOR_WIDTH = 3
# Lines opening a list item start a block of their own inside wrapped prose, when there are two
# or more (one "3. Some of ..." at a line's start is a sentence ending on a number, wrapped).
_LIST_ITEM = _re_store.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]")


def text_blocks(text: str) -> list[str]:
    """The blocks of a text input, each with its white space collapsed (empty ones left out)."""
    chunks = _CHUNK_SPLIT.split(text)
    # a chunk of one line is one block (most chunks of a blank-line-separated scrape): no more work
    lines_of = [[line.rstrip() for line in chunk.split("\n") if line.strip()] if "\n" in chunk else None
                for chunk in chunks]
    width = _file_wrap_width([lines for lines in lines_of if lines])
    blocks: list[str] = []
    for chunk, lines in zip(chunks, lines_of):
        if lines is None:
            blocks.append(squash(chunk))
        else:
            blocks.extend(_joined(group) for group in _chunk_blocks(lines, width))
    return [block for block in blocks if block]


# A line wrapped after a hyphen ("so-" / "called", "opt-" / "out"): the wrapper broke a compound
# word where it has its hyphen, so the word is joined back without a space (a dash between
# spaces, "word -" / "word", keeps its space).
_HYPHEN_BREAK = _re_store.compile(r"(?<=[^\W\d_]-)\n(?=[^\W\d_])")


def _joined(group: list[str]) -> str:
    if len(group) == 1:  # most blocks of a scrape: no line to join
        return squash(group[0])
    return squash(_HYPHEN_BREAK.sub("", "\n".join(group)))


def _chunk_blocks(lines: list[str], file_width: int | None) -> list[list[str]]:
    """A chunk's lines grouped into blocks: one group a line, unless the chunk is wrapped prose."""
    if len(lines) < 2:
        return [lines] if lines else []
    width = _wrap_width(lines)
    if width is not None and _is_wrapped(lines, width):
        return _reflow(lines, width)
    # A paragraph of two or three lines shows too little on its own (its longest line is full by
    # definition): it is wrapped when the file's longer paragraphs show that the file is wrapped
    # and its lines fill that width (an e-mail's short paragraphs, a quote of short sentences).
    if file_width is not None and width is not None and width <= file_width * (1 + BALANCED_WRAP_SLACK):
        width = max(width, file_width)
        pairs = list(zip(lines, lines[1:]))
        if sum(1 for line, after in pairs if _full(line, after, width)) >= math.ceil(WRAPPED_LINE_SHARE * len(pairs)):
            return _reflow(lines, width)
    return [[line] for line in lines]


def _file_wrap_width(chunks: list[list[str]]) -> int | None:
    """The width the file is wrapped at: the widest of its chunks wrapped on their own evidence,
    or, in a file of short paragraphs, the common width of their first lines (None: not wrapped)."""
    widths = [width for lines in chunks if len(lines) > 2
              and (width := _wrap_width(lines)) is not None and _is_wrapped(lines, width)]
    if widths:
        return max(widths)
    # A note of two-line paragraphs: each one's first line is full by definition, but several that
    # run on and end within a balancing wrapper's slack of one another show the same wrap width
    # (a scrape's headline over its standfirst, or two teasers, are of any lengths).
    firsts = [len(lines[0]) for lines in chunks if len(lines) == 2 and len(lines[0]) >= len(lines[1])
              and _wrap_width(lines) is not None and _runs_on(*lines)]
    if len(firsts) >= SHORT_PARAGRAPHS_FOR_WIDTH and max(firsts) - min(firsts) <= BALANCED_WRAP_SLACK * max(firsts):
        return max(firsts)
    return None


def _wrap_width(lines: list[str]) -> int | None:
    """The chunk's width in columns, if an editor could have wrapped it (a lone URL or long
    word on its own line is left out: a wrapper cannot break it)."""
    spaced = [len(line) for line in lines if " " in line.strip()]
    width = max(spaced, default=0)
    return width if MIN_WRAP_COLUMNS <= width <= MAX_WRAP_COLUMNS else None


def _is_wrapped(lines: list[str], width: int) -> bool:
    """Whether the chunk's lines read as prose wrapped at ``width``: enough of them (but the last)
    are full and stop mid-sentence, some of them in a row, and the sentence visibly runs on at
    some of the breaks."""
    pairs = list(zip(lines, lines[1:]))
    wrapped = [_full(line, after, width) and not ends_sentence(line) for line, after in pairs]
    running = sum(1 for line, after in pairs if _runs_on(line, after))
    return (sum(wrapped) >= math.ceil(WRAPPED_LINE_SHARE * len(pairs)) and _longest_run(wrapped) >= WRAPPED_MIN_LINES
            and running >= max(1, math.ceil(RUNS_ON_SHARE * len(pairs))))


def _longest_run(flags: list[bool]) -> int:
    longest = current = 0
    for flag in flags:
        current = current + 1 if flag else 0
        longest = max(longest, current)
    return longest


def _runs_on(line: str, after: str) -> bool:
    """The sentence visibly goes on into the next line: the line stops on a comma or on a word in
    lower case, or the next one opens with one ("... the council voted on" / "Tuesday to ..."). A list of
    lines of like length stops on dates, names and capitals ("Jan 20, 2020 Maxim, Australia",
    Title Case headlines), and its next line opens on one."""
    if ends_sentence(line):
        return False
    last_word, first = line.split()[-1], after.lstrip()[:1]
    return line[-1] in ",;-–—" or _small(last_word[0]) or _small(first)


def _small(char: str) -> bool:
    """A lower-case letter (or one of a script without case, where nothing else tells)."""
    return char.islower() or is_caseless(char)


def _full(line: str, after: str, width: int) -> bool:
    """The next line's first word would not have fitted on this line (give or take a balancing
    wrapper's slack): a wrapper broke it here. A paragraph's last line, a heading, a greeting or a
    sign-off stops short instead."""
    first_word = after.split(maxsplit=1)[0] if after.strip() else ""
    return len(line) <= width < len(line) + 1 + len(first_word) + BALANCED_WRAP_SLACK * width


def _reflow(lines: list[str], width: int) -> list[list[str]]:
    """Wrapped prose's lines joined into its paragraphs: a block ends after a line that is not full
    (the paragraph's last line, a heading, "Best," over a name) and before a list item."""
    items = [bool(_LIST_ITEM.match(line)) for line in lines]
    if sum(items) < 2:
        items = [False] * len(lines)
    groups: list[list[str]] = [[lines[0]]]
    for line, after, item in zip(lines, lines[1:], items[1:]):
        if _full(line, after, width) and not item:
            groups[-1].append(after)
        else:
            groups.append([after])
    return groups
