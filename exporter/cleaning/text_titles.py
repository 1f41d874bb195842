"""The headline of a whole-page text scrape: the headline-like line that belongs to the body.

A scrape prints the page's header, menus and teaser rails as lines like any
other; the headline is told from them by its shape, its echoes on the page,
the byline or dateline under it, the words it shares with the body's first
paragraphs and its closeness to the body.
"""

from __future__ import annotations

import re

from .. import _re_store  # re.compile, from the code an earlier run stored
from .draft import Draft, loose as _loose
from .names import is_person_name, names_line
from .scripts import is_caseless
from .text_lines import prose_value as _value


# Labels, credits and stamps are never the headline; a kicker glued to the headline
# ("VIDEO: Voting on the housing plan", "WATCH: ...", "PHOTOS: ...") is part of it.
_NOT_HEADLINE = _re_store.compile(
    r"^(?!(?-i:(?:VIDEO|WATCH|PHOTOS?|LISTEN)\s*:\s*\w))"  # an upper-case kicker; 'Photo: J. Doe/AP' stays out
    r"(?:by\b|photo|image|credit|caption|media caption|source:|watch\b|video\b|listen\b|read\b|\(|<|http)"
    r"|(?:\(image:|\(photo:|\((?:photo |image )?credits?:|\((?:foto|bild|crédit)s?:|getty images|/ap\b|\bap photo)"
    # a caption ending in its credit ("... for two years. Source: Supplied", "... Picture: Jane Roe")
    r"|\S\s+(?:source|picture|photo|credit|image|foto|bild|quelle|crédit|fuente|fonte)s?\s*:\s*[^\W\d][\w .,&/'’-]{0,40}$"
    # a line opening with a sign is a menu arrow or bullet ("» Mehr"), not a headline opening with a
    # typeset quotation ("„Wir schaffen das“: ...", "»...«", "« ... » :", German and French news
    # pages; "‘Drunkorexia’ On The Rise ...", a magazine's) or a bracketed kicker ("[Sicherheit]
    # ...", a blog's category). A lone » is a link's arrow ("»Mehr lesen"). (A straight quote stays
    # out: English teaser rails open with game and film titles in them, "'Hyper Light Drifter' is ...".)
    r"|[|•·]|^(?![„‚“‘\[]\w|«\s?\w|»\w[^«]*«)\W|[.,;:—–\-。、，；：।][”“\"»«’']?$|^(?:from |only |now )?\$\d[\d.,]*$"
    r"|^\d+\s+(?:sec|second|min|minute|hour|hr|day|week|month)s?\s+ago$",
    re.IGNORECASE,
)
# How far before the densest prose run the headline is looked for: portals set the
# headline block (headline, standfirst, byline) over a gallery, a share bar or a
# story rail of several dozen lines before the first paragraph.
TITLE_WINDOW = 100
# Past a few lines, distance says little more: beyond DISTANCE_CAP of penalty the
# headline is told from the rail's lines by its echoes, its byline and its words.
DISTANCE_CAP = 1.5


def _title_score(draft: Draft, index: int, start: int, seen: dict[str, int], body_words: frozenset[str]) -> float:
    """How much line ``index`` looks like the headline of the body starting at ``start``."""
    line = draft.lines[index]
    text = line.text
    if line.role != "text" or not 2 <= line.words <= 30 or len(text) > 250 or _NOT_HEADLINE.search(text):
        return float("-inf")
    if is_person_name(text) or names_line(text)[0]:
        return float("-inf")  # a bare byline under the headline ("Jane Doe", "Science Editor Jane Doe")
    if sum(1 for w in line.text.split() if any(c.isdigit() for c in w)) * 3 > line.words:
        return float("-inf")  # a score table or price list row ("Palm Bay 18 22 13 17 — 70"), not a headline
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
    overlap = _body_overlap(text, body_words)
    score += TITLE_OVERLAP_WEIGHT * overlap
    if overlap == 0.0 and len(content_words(text)) >= NO_OVERLAP_MIN_WORDS:
        score -= NO_OVERLAP_PENALTY  # another story's headline: a rail or "most read" list echoed elsewhere
    # Near the body is likelier, but galleries, standfirsts and share bars can set the
    # headline dozens of lines above it: past a few lines the distance counts less.
    distance = abs(start - index)
    score -= min(min(distance, 6) * 0.15 + max(distance - 6, 0) * 0.04, DISTANCE_CAP)
    return score


# A headline names what the article is about: its words recur in the first paragraphs,
# where a menu line, a section label or the next teaser's headline share few.
TITLE_OVERLAP_WEIGHT = 2.5
# A headline of several content words that shares none with the body's first paragraphs
# is another story's (teaser rails repeat across a page, so their echoes earn the
# repeated-headline credit too); a short pun or label headline may share none.
NO_OVERLAP_MIN_WORDS = 3
NO_OVERLAP_PENALTY = 1.5
_CONTENT_WORD = _re_store.compile(r"[^\W\d_]{4,}")


# A line named by the footer's copyright line is the site's name.
COPYRIGHT_LINE = _re_store.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b|\balle rechte vorbehalten\b|\btous droits réservés\b"
                               r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b", re.IGNORECASE)
MASTHEAD_PENALTY = 3.0


def content_words(text: str) -> set[str]:
    return {w.casefold() for w in _CONTENT_WORD.findall(text)}


# How many of the body's first lines the headline's words are looked for in, and how
# many of its first paragraphs at least, wherever they start.
OPENING_LINES = 8
OPENING_PARAGRAPHS = 3


def opening_words(lines, start: int, end: int) -> frozenset[str]:
    """The content words of the paragraphs among the body's first lines (prose only: a "Related"
    list or a teaser among them names other stories).

    A lead picture's caption and a share bar may open the run, pushing the first
    paragraphs past its first lines: the first few paragraphs count wherever they are.
    """
    prose = [i for i in range(start, end) if _value(lines[i]) > 0]
    reach = max(start + OPENING_LINES, prose[OPENING_PARAGRAPHS - 1] + 1 if len(prose) >= OPENING_PARAGRAPHS
                else end)
    return frozenset().union(*(content_words(lines[i].text) for i in prose if i < min(end, reach)))


def _body_overlap(title: str, body_words: frozenset[str]) -> float:
    words = content_words(title)
    return len(words & body_words) / len(words) if words else 0.0


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
    masthead: set[str] = set()
    for index, key in enumerate(keys):  # a line holding the headline plus a section name or site name
        # A copyright line holding a line is no echo of a headline: it names the site ("© 2024 Il
        # Corriere delle Valli - P.IVA ..."), whose name the scrape's header also sets alone on a line,
        # over the menu, where it reads as a short headline (a bio naming the paper echoes it too).
        copyright_line = bool(COPYRIGHT_LINE.search(draft.lines[index].text))
        for other in wanted:
            if other and key != other and len(other) >= 15 and other in key:
                if copyright_line:
                    masthead.add(other)
                else:
                    seen[other] = seen.get(other, 0) + 1
    body_words = opening_words(draft.lines, start, end)
    best, best_score = None, float("-inf")
    for index in candidates:
        score = _title_score(draft, index, start, seen, body_words) - (MASTHEAD_PENALTY if keys[index] in masthead
                                                                       else 0.0)
        if score > best_score:
            best, best_score = index, score
    if best is None or best_score == float("-inf"):
        return draft.but(page=(start, end, None))
    return draft.but(title=draft.lines[best].text, page=(start, end, best))
