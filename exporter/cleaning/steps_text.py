"""Steps of the text path: a scrape's blank-line-separated blocks → article blocks.

A text scrape may be just the article (the seed) or a whole page's text with
navigation, teasers and footers around it. The lines are tagged (boilerplate,
metadata), then the article is the densest run of prose lines, and the title
the headline-like line just before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .draft import Draft, paragraph, squash
from .names import is_person_name
from .scripts import ends_sentence, is_caseless, word_count
from .steps_common import METADATA_FIELDS, read_metadata

_BLOCK_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")


@dataclass(frozen=True)
class Line:
    text: str
    role: str = "text"  # "text" | "boilerplate" | "meta"

    @cached_property
    def words(self) -> int:
        """Script-aware: a Japanese or Thai sentence counts as its words, not as one token."""
        return word_count(self.text)


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
    if words >= 12 and ends_sentence(line.text):
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
    if start == end:
        start, end = best_span([_short_prose_value(l) for l in lines])
    return draft.but(page=(start, end))


def _short_prose_value(line: Line) -> float:
    """The fallback's view when no line is long enough to be a paragraph: any complete sentence counts.

    Brief items (a one-paragraph news flash, a notice, a short post among many
    teaser lines) are real articles too; keeping their best run of sentences
    beats refusing the page. Menus, labels and headlines lack a full stop.
    """
    if (line.role != "text" or line.words < 8 or not ends_sentence(line.text) or line.text[-1] in ":;)]"
            or is_person_name(line.text)):
        return -1.0
    return float(line.words)


_NOT_HEADLINE = re.compile(
    r"^(?:by\b|photo|image|credit|caption|media caption|source:|watch\b|video\b|listen\b|read\b|\(|<|http)"
    r"|(?:\(image:|\(photo:|getty images|/ap\b|\bap photo)|[|•·]|^\W|[.,;:—–\-。、，；：।]$|\$\d",
    re.IGNORECASE,
)
# How far before the densest prose run the headline is looked for.
TITLE_WINDOW = 40


def _title_score(draft: Draft, index: int, start: int, seen: dict[str, int]) -> float:
    """How much line ``index`` looks like the headline of the body starting at ``start``."""
    line = draft.lines[index]
    text = line.text
    if line.role != "text" or not 2 <= line.words <= 30 or len(text) > 250 or _NOT_HEADLINE.search(text):
        return float("-inf")
    if is_person_name(text):
        return float("-inf")  # a bare byline name under the headline
    score = 2.0 if 4 <= line.words <= 20 else 0.0
    score += min(line.words, 12) * 0.15  # headlines are sentences; section and menu labels are a word or two
    key = _loose(text)
    if seen.get(key, 0) > 1 and line.words >= 4:
        score += 3.0  # repeated: page headers, breadcrumbs and share links echo the headline
    tokens = text.split()
    # Scripts without letter case (CJK, Arabic, Thai...) give every line the same credit.
    capitalised = sum(1 for w in tokens if w[:1].isupper() or is_caseless(w[:1])) / len(tokens)
    score += capitalised
    following = draft.lines[index + 1:index + 4]
    if any(l.role == "meta" for l in following):
        score += 2.0  # a byline or dateline follows the headline
    score -= abs(start - index) * 0.15
    return score


def _loose(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _last_title_candidate(draft: Draft, start: int, end: int) -> int:
    """The last line that may be the headline: one of the run's first three lines
    when most of the run's prose still follows it, else the line before the run.

    A site notice or standfirst sometimes precedes the headline inside the run
    (blog platforms' "this story is unlisted" banners), but the body never
    does: on a short news item among teasers, the next teaser's headline comes
    right after the body, and taking it would cut the body away.
    """
    values = [max(_value(l), 0.0) for l in draft.lines[start:end]]
    total = sum(values)
    last = start - 1
    for index in range(start, min(end, start + 3)):
        after = sum(values[index - start + 1:])
        if after > 0 and after * 2 >= total:
            last = index
    return min(last, len(draft.lines) - 1)


def find_title_line(draft: Draft) -> Draft:
    """The headline: the best-scoring headline-like line near the start of the body.

    Scored on shape (a short line without final period, mostly capitalised),
    echoes elsewhere on the page (the headline repeats in headers and share
    links), a byline/date right after it, and closeness to the body.
    """
    start, end = draft.page
    keys = [_loose(l.text) for l in draft.lines]
    seen: dict[str, int] = {}
    candidates = range(max(0, start - TITLE_WINDOW), _last_title_candidate(draft, start, end) + 1)
    wanted = {keys[i] for i in candidates}
    for key in keys:
        if key in wanted:
            seen[key] = seen.get(key, 0) + 1
    for key in keys:  # a line holding the headline plus a section name or site name
        for other in wanted:
            if other and key != other and len(other) >= 15 and other in key:
                seen[other] = seen.get(other, 0) + 1
    best, best_score = None, float("-inf")
    for index in candidates:
        score = _title_score(draft, index, start, seen)
        if score > best_score:
            best, best_score = index, score
    if best is None or best_score == float("-inf"):
        return draft.but(page=(start, end, None))
    return draft.but(title=draft.lines[best].text, page=(start, end, best))


def take_line_metadata(draft: Draft) -> Draft:
    """Read the metadata lines nearest the article start (a page also has dated teasers)."""
    start = draft.page[0]
    order = sorted(range(len(draft.lines)), key=lambda i: (abs(i - start), i))
    changes: dict = {}
    for index in order:
        line = draft.lines[index]
        if line.role != "meta":
            continue
        for kind, value in read_metadata(draft, line.text):
            field = METADATA_FIELDS[kind]
            if field not in changes and not getattr(draft, field):
                changes[field] = value
    return draft.but(**changes)


def lines_to_blocks(draft: Draft) -> Draft:
    start, end, title_index = draft.page
    if title_index is not None and start <= title_index < start + 3:
        start = title_index + 1  # the headline opened the run: the body starts after it
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
