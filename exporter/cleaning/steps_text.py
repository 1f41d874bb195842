"""Steps of the text path: a scrape's blocks (text_blocks) → article blocks.

A text scrape may be just the article (the seed) or a whole page's text with
navigation, teasers and footers around it. The lines are tagged (boilerplate,
metadata), then the article is the densest run of prose lines, and the title
the headline-like line just before it.
"""

from __future__ import annotations

import re

from .. import _re_store  # re.compile, from the code an earlier run stored
from .dates import date_spans
from .draft import Draft, loose as _loose, paragraph
from .article_head import STANDFIRST_WORDS
from .bio import match_bio
from .names import is_person_name, names_line
from .scripts import ends_sentence
from .stamp_names import STAMP_OPENING, name_beside_furniture, stamp_names
from .rules import widget_lines_beside
from .steps_common import METADATA_FIELDS, SIGNATURE_LINES, read_metadata
from .text_lines import Line, prose_value as _value
from .text_blocks import text_blocks
from .text_rails import teaser_list_lines, teaser_rail_start
from .text_titles import TITLE_WINDOW, content_words, find_title_line



def split_lines(draft: Draft) -> Draft:
    """One line per block, white space collapsed: blank lines end a block, and so does a single
    newline unless it only wraps a paragraph's line (text_blocks: a page copied one block a line
    and a hard-wrapped e-mail both come out in their blocks)."""
    return draft.but(lines=tuple(Line(t) for t in text_blocks(draft.source.text)))


# A byline prefix alone on its line: pages mark up "<span>By</span> <a>Name</a>"
# and a text scrape puts each element on a line of its own.
_LONE_BYLINE_PREFIX = _re_store.compile(r"^(?:by|written by|words by|story by|text by|reporting by|par|von|por)\s*:?$",
                                 re.IGNORECASE)


def join_split_bylines(draft: Draft) -> Draft:
    """"By" alone on a line is joined to the line after it (the linked author name)."""
    lines = list(draft.lines)
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _LONE_BYLINE_PREFIX.match(line.text) and index + 1 < len(lines) and len(lines[index + 1].text) <= 80:
            out.append(Line(f"{line.text} {lines[index + 1].text}"))
            index += 2
            continue
        out.append(line)
        index += 1
    return draft.but(lines=tuple(out))


def tag_boilerplate_lines(draft: Draft) -> Draft:
    rules = draft.rules
    lines = tuple(Line(rules.strip_phrases(l.text).strip(), l.role) for l in draft.lines)
    furniture = [l.role == "text" and (not l.text or rules.is_boilerplate(l.text)) for l in lines]
    furniture = widget_lines_beside([l.text for l in lines], furniture, rules)
    return draft.but(lines=tuple(Line(l.text, "boilerplate") if f and l.role == "text" else l
                                 for l, f in zip(lines, furniture)))


def tag_metadata_lines(draft: Draft) -> Draft:
    return draft.but(lines=tuple(
        Line(l.text, "meta") if l.role == "text" and read_metadata(draft, l.text) else l
        for l in draft.lines))


# --------------------------------------------------------------------- select

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
    values = [_value(l) for l in lines]
    start, end = best_span(values)
    if start == end:
        values = [_short_prose_value(l) for l in lines]
        start, end = best_span(values)
    end = _comments_cut(lines, values, start, end, draft.rules)
    rail = teaser_rail_start(values, [l.words for l in lines], [l.text for l in lines], start, end)
    return draft.but(page=(start, rail))


# The head of a comment section: "Comments", "12 Comments", "Show Comments",
# "Join the discussion", "Discussion Policy"; in the corpus's other languages the count over
# the thread ("3 Kommentare", "12 commentaires", "5 comentarios", "2 comentários", "4 commenti":
# a French or German news page's thread, which the densest run swallowed with its readers'
# first-person comments). A word alone ("Kommentare", "Kommentar") may be a tab or an opinion
# column's label, not the thread's head.
_COMMENTS_HEAD = _re_store.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?$|^(?:show|view|read|load|leave|post|add|see) (?:all |the |a )?comments?\b"
    r"|^join the (?:conversation|discussion)\b|^discussion policy$|^comment policy$"
    r"|^\d+\s+(?:kommentare?|commentaires?|comentarios?|comentários?|commenti|commento)$",
    re.IGNORECASE)


ARTICLE_END_MIN_PROSE = 30  # words of prose before an [[article_end]] line for it to end the article


def _comments_cut(lines, values: list[float], start: int, end: int, rules) -> int:
    """The run's end, moved up to where a comment section begins after most of the prose.

    News sites print readers' comments (and their badge and policy notes, which
    read like prose) right under the article; the densest run then swallows
    them and the article's closing lines (its bio) end up mid-body.
    """
    total = sum(v for v in values[start:end] if v > 0)
    before = 0.0
    for index in range(start, end):
        if _COMMENTS_HEAD.match(lines[index].text) and before * 2 >= total:
            return index
        # post navigation ends a blog post whatever its length (an open thread's comments outweigh it)
        if before >= ARTICLE_END_MIN_PROSE and rules.ends_article(lines[index].text):
            return index
        before += max(values[index], 0.0)
    return end


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


# How many lines into the body a byline may still be the article's own.
BYLINE_DEPTH = 8


def take_line_metadata(draft: Draft) -> Draft:
    """Read the metadata lines nearest the article start (a page also has dated teasers).

    A byline deep inside the body (a long feature's second part, a quoted
    contributor's note) is not the article's: bylines count before the body,
    among its first lines (as in the HTML path, `take_metadata_blocks`), or
    among its last lines (blogs and reviews sign off with an author card).

    Nearest counts from the headline as much as from the body: a portal may
    set a gallery or story rail between the headline block (headline,
    byline, dateline) and the first paragraph, and the bylines of the
    teasers under the article are then no further from the body than the
    article's own.
    """
    start, end, title_index = draft.page
    head = start if title_index is None else title_index

    def distance(i: int) -> int:
        return min(abs(i - start), abs(i - head)) if i < start else i - start

    # The header block under the headline (its byline and dateline) comes first: a "Most read"
    # rail just above the headline prints its teasers' "By" lines as near to it.
    def under_headline(i: int) -> bool:
        return title_index is not None and head < i < start + UNDER_HEADLINE
    order = sorted(range(len(draft.lines)), key=lambda i: (not under_headline(i), distance(i), i))
    changes: dict = {}
    for index in order:
        line = draft.lines[index]
        if line.role != "meta":
            continue
        for kind, value in read_metadata(draft, line.text):
            if kind == "author" and start + BYLINE_DEPTH <= index < end - SIGNATURE_LINES:
                continue
            field = METADATA_FIELDS[kind]
            if field not in changes and not getattr(draft, field):
                changes[field] = value
    return draft.but(**changes)


_BY_WORD = _re_store.compile(r"\bby\b", re.IGNORECASE)
# How near the headline a bare name line must be to be taken for the byline.
BARE_NAME_REACH = 3
# Under the headline (and its standfirst) a name line is the byline even with no dateline beside it.
UNDER_HEADLINE = 3
UNDERLINE_NAME_WORDS = 3


def bare_name(text: str) -> tuple[tuple[str, ...], bool]:
    """The authors named by a line that is only personal names (with an @handle, the story's age, a
    wire service or the site's name at most), and whether a job title led them ("Science Editor Jane Doe")."""
    text = name_beside_furniture(text)
    return names_line(text) if len(text) <= 80 else ((), False)


def bare_name_byline(draft: Draft) -> Draft:
    """With no "By" line by the headline, a line holding only personal names right above or
    below it is the byline (before the bylines elsewhere on the page are read).

    Magazine and tech pages link the author's name without "By" (the CSS says
    it); a text scrape leaves the name alone on a line next to the headline,
    standfirst and dateline. Names further away are menu labels, photo credits
    or teaser bylines (a "By" line under the article is the next story's), and
    names inside the body are never taken.
    """
    start, end, title_index = draft.page
    if draft.authors or title_index is None:
        return draft
    lines = draft.lines
    head = _last_headline_copy(lines, title_index, start)
    near = [i for i in range(max(0, head - BARE_NAME_REACH), min(len(lines), head + BARE_NAME_REACH + 1))
            if i != head and (i < start or i > head)]
    if any(lines[i].role == "meta" and _BY_WORD.search(lines[i].text) for i in near):
        return draft  # a byline naming no person ("By Staff"): a name nearby is the story's subject
    head_block = range(max(0, head - TITLE_WINDOW), min(len(lines), end, start + BYLINE_DEPTH))
    if any(lines[i].role == "meta" and _names_author(draft, lines[i].text) for i in head_block):
        return draft  # a "By" line above the body or among its first lines says it (only a teaser's under it does not)
    for index in sorted(near, key=lambda i: (abs(i - head), i)):
        line = lines[index]
        names, titled = bare_name(line.text) if line.role == "text" else ((), False)
        # a theme's stamp line (the date, the time, the name, the comment count), unless stamps with
        # names stand under each other: a comment thread's heads ("A July 25, 2015 at 7:01 pm")
        stamped = () if names else stamp_names(line.text)
        if stamped and any(stamp_names(lines[i].text) for i in range(max(0, index - 4), min(len(lines), index + 5))
                           if i != index):
            stamped = ()
        names = names or stamped
        if not names:
            continue
        # Title-case menu labels and topic tags look like names too. The byline sits
        # beside the dateline, or leads with a job title, or stands under the headline
        # naming no one the story is about (a topic tag's name recurs in the body).
        in_body = bool(content_words(" ".join(names)) & frozenset().union(
            *(content_words(l.text) for i, l in enumerate(lines[start:start + 8], start)
              if l.role == "text" and i != index)))
        dated = bool(stamped) or any(l.role == "meta" for l in lines[max(0, index - 2):index + 3])
        # with no dateline beside it, a name is a person's two or three words (a menu's or a rail's
        # Title-Case label runs longer: "Howard County Girls Soccer All-Decade")
        plain = all(len(name.split()) <= UNDERLINE_NAME_WORDS for name in names)
        under = head < index <= head + UNDER_HEADLINE and not in_body and plain
        if (dated or titled or under) and (index < start or not in_body):
            return draft.but(authors=names, lines=draft.lines[:index] + (Line(line.text, "meta"),)
                             + draft.lines[index + 1:])
    return draft


def _names_author(draft: Draft, text: str) -> bool:
    return any(kind == "author" for kind, _value in read_metadata(draft, text))


def _last_headline_copy(lines, title_index: int, start: int) -> int:
    """The headline's last copy before the body (a page header may print it first, far above)."""
    key = _loose(lines[title_index].text)
    return max((i for i in range(title_index, min(len(lines), start + 3)) if _loose(lines[i].text) == key),
               default=title_index)


# Labels around a site's author card: its header ("About Jane Doe"), and the role
# label or profile links under it ("Staff Writer", "Read more from this author").
_CARD_HEADER = _re_store.compile(r"^about\s+(?!the\b|this\b|us\b)(?P<name>.{3,60})$", re.IGNORECASE)
_CARD_FOOTER = _re_store.compile(
    r"^(?:read more (?:from|by) (?:this|the) (?:author|writer)|more (?:from|by) this (?:author|writer)"
    r"|(?:view|see) (?:all|more) (?:posts|articles|stories)\b|follow @\w"
    r"|(?:staff|senior|contributing|freelance|guest) (?:writer|editor|reporter|columnist)$|contributor$)",
    re.IGNORECASE)


def take_standfirst_line(draft: Draft) -> Draft:
    """The standfirst of a scrape: the sentence right under the headline, above the byline or dateline.

    A news page sets headline, standfirst, byline and date in its header, apart
    from the body, so the scrape's body run starts after them and the
    standfirst was dropped with the header's furniture. It becomes the subtitle
    (as the HTML path's ``article_head.find_standfirst``) only in that shape: a
    line of STANDFIRST_WORDS right under the headline with the header's
    metadata line after it, outside the body; a kicker or a caption there has
    no byline under it.
    """
    start, end, title_index = draft.page
    if draft.subtitle or title_index is None:
        return draft
    lines = draft.lines
    index = _last_headline_copy(lines, title_index, start) + 1
    if index >= min(start, len(lines)) or lines[index].role != "text":
        return draft
    low, high = STANDFIRST_WORDS
    text = lines[index].text
    if (not low <= len(text.split()) <= high or text[:1].isdigit() or bare_name(text)[0]
            or STAMP_OPENING.match(text) or date_spans(text)):
        return draft  # a name line, or a stamp the metadata rules did not read ("Published Wed, Nov 20 2019…")
    if _loose(text) in {_loose(l.text) for l in lines[start:start + 4]}:
        return draft  # the body's first paragraph repeats it: kept there
    if not any(l.role == "meta" for l in lines[index + 1:min(index + 3, start)]):
        return draft
    return draft.but(subtitle=text)


def drop_author_cards(draft: Draft) -> Draft:
    """A bio-shaped line that is the site's author card, not the article's closing note,
    ends the body (and is not taken for the bio).

    Magazine sites print a card for each writer (a header "About Jane Doe",
    the blurb, then a role label or "Read more from this author" links) among
    the page furniture after the article, the same on every page of that
    writer; the article's own bio is a closing paragraph without them.
    """
    start, end, title_index = draft.page
    lines = draft.lines
    for index in range(start, end):
        line = lines[index]
        if line.role != "text" or match_bio(line.text) is None:
            continue
        header = lines[index - 1].text if index > 0 else ""
        footer = lines[index + 1].text if index + 1 < len(lines) else ""
        card_header = _CARD_HEADER.match(header)
        if (card_header and is_person_name(card_header.group("name"))) or _CARD_FOOTER.match(footer):
            # The card sits among the furniture after the article: the body ends before it.
            return draft.but(page=(start, index - 1 if card_header else index, title_index))
    return draft


def drop_teaser_lists(draft: Draft) -> Draft:
    """Headline lists under a "Related" heading inside the body are furniture (text_rails.teaser_list_lines)."""
    start, end, title_index = draft.page
    lines = draft.lines
    body_start = max(start, title_index + 1) if title_index is not None and title_index < start + 3 else start
    headings = [l.role == "boilerplate" and draft.rules.heads_teasers(l.text) for l in lines]
    teasers = teaser_list_lines(headings, [l.role for l in lines], [_value(l) for l in lines],
                                [l.text for l in lines], body_start, end)
    if not teasers:
        return draft
    return draft.but(lines=tuple(Line(l.text, "boilerplate") if i in teasers else l for i, l in enumerate(lines)))


def lines_to_blocks(draft: Draft) -> Draft:
    start, end, title_index = draft.page
    if title_index is not None and start <= title_index < start + 3:
        start = title_index + 1  # the headline opened the run: the body starts after it
    body = [l for i, l in enumerate(draft.lines[start:end], start)
            if l.role == "text" and i != title_index]
    return draft.but(blocks=tuple(paragraph(l.text) for l in body))


TEXT_STEPS = (
    split_lines,
    join_split_bylines,
    tag_boilerplate_lines,
    tag_metadata_lines,
    select_article_lines,
    find_title_line,
    bare_name_byline,
    take_line_metadata,
    take_standfirst_line,
    drop_author_cards,
    drop_teaser_lists,
    lines_to_blocks,
)
