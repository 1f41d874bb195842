"""Steps of the text path: a scrape's blank-line-separated blocks → article blocks.

A text scrape may be just the article (the seed) or a whole page's text with
navigation, teasers and footers around it. The lines are tagged (boilerplate,
metadata), then the article is the densest run of prose lines, and the title
the headline-like line just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .draft import Draft, paragraph, squash
from .steps_common import read_metadata

_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")


@dataclass(frozen=True)
class Line:
    text: str
    role: str = "text"  # "text" | "boilerplate" | "meta"

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(draft: Draft) -> Draft:
    """One line per blank-line-separated block, white space collapsed."""
    texts = (squash(block) for block in _BLOCK_SPLIT.split(draft.source.text))
    return draft.but(lines=tuple(Line(t) for t in texts if t))


def tag_boilerplate_lines(draft: Draft) -> Draft:
    rules = draft.rules
    lines = tuple(Line(rules.strip_phrases(l.text).strip(), l.role) for l in draft.lines)
    return draft.but(lines=tuple(
        Line(l.text, "boilerplate") if l.role == "text" and (not l.text or rules.is_boilerplate(l.text)) else l
        for l in lines))


def tag_metadata_lines(draft: Draft) -> Draft:
    return draft.but(lines=tuple(
        Line(l.text, "meta") if l.role == "text" and read_metadata(draft, l.text) else l
        for l in draft.lines))


# --------------------------------------------------------------------- select

def _value(line: Line) -> float:
    """How much a line speaks for being article prose: long sentences count for, short lines against."""
    if line.role != "text":
        return 0.0
    words = line.words
    if words >= 12 and _SENTENCE_END.search(line.text):
        return float(words)
    if words >= 25:
        return words * 0.5
    return -2.0 - min(words, 10) * 0.3


def best_span(values: list[float]) -> tuple[int, int]:
    """The [start, end) run with the largest sum (Kadane); (0, 0) when all are negative."""
    best, best_span_ = 0.0, (0, 0)
    running, start = 0.0, 0
    for index, value in enumerate(values):
        if running <= 0:
            running, start = 0.0, index
        running += value
        if running > best:
            best, best_span_ = running, (start, index + 1)
    return best_span_


def select_article_lines(draft: Draft) -> Draft:
    """Keep the densest run of prose lines (with the short lines inside it) as the body.

    The title is looked for before the run, so its position is kept in ``page``.
    """
    lines = draft.lines
    start, end = best_span([_value(l) for l in lines])
    return draft.but(page=(start, end))


def _title_like(line: Line) -> bool:
    return (line.role == "text" and 2 <= line.words <= 30 and len(line.text) <= 250
            and not re.search(r"[.,;:]$", line.text))


def find_title_line(draft: Draft) -> Draft:
    """The headline: the nearest title-like line before the body (skipping metadata and furniture)."""
    start, _ = draft.page
    for index in range(start - 1, max(-1, start - 12), -1):
        line = draft.lines[index]
        if _title_like(line) and line.words >= 2:
            return draft.but(title=line.text, page=(start, draft.page[1], index))
    return draft.but(page=(start, draft.page[1], None))


def take_line_metadata(draft: Draft) -> Draft:
    """Read the metadata lines nearest the article start (a page also has dated teasers)."""
    start = draft.page[0]
    order = sorted(range(len(draft.lines)), key=lambda i: (abs(i - start), i))
    changes: dict = {}
    for index in order:
        line = draft.lines[index]
        if line.role != "meta":
            continue
        kind, value = read_metadata(draft, line.text)
        field = {"date": "date", "updated": "updated", "author": "authors"}[kind]
        if field not in changes and not getattr(draft, field):
            changes[field] = value
    return draft.but(**changes)


def lines_to_blocks(draft: Draft) -> Draft:
    start, end, title_index = draft.page
    body = [l for i, l in enumerate(draft.lines[start:end], start)
            if l.role == "text" and i != title_index]
    return draft.but(blocks=tuple(paragraph(l.text) for l in body))


TEXT_STEPS = (
    split_lines,
    tag_boilerplate_lines,
    tag_metadata_lines,
    select_article_lines,
    find_title_line,
    take_line_metadata,
    lines_to_blocks,
)
