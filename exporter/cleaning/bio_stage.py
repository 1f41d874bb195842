"""The bio stage: each author's bio, looked for on the whole page, not only in the extracted body.

`read_structured_bios` (HTML, before sanitising) keeps the schema.org
authors' descriptions; `find_bios` (both paths, after the byline is known)
gathers candidates: the body's closing paragraphs and first ones (a box
beside the byline), and for HTML the page's author boxes, announced sections
and the text right after the body, for a text scrape the lines after an
announcing line, after the body and beside the byline. Each is weighed
(`bio_evidence.weigh`); the accepted ones become the draft's ``bios`` in
byline order, and a bio that was also in the body leaves the body.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..model import Bio, Heading, Paragraph
from .bio import publisher_in
from .bio_choice import choose, named_in_story
from .bio_evidence import Candidate, Verdict, corroborated, weigh
from .bio_glued import GLUE_WORDS, TAIL_WORDS
from .bio_far_cards import (body_run, header_named, page_end_lines, sole_card, sole_card_element,
                             sole_card_verdicts, under_comment_stamp)
from .bio_rules import BioLexicon, lexicon, with_subject, without_lead, without_tail
from .bio_scrape_names import (CARD_LINK_REACH, END_HEAD_CHARS, TEXT_REACH, card_links,
                               heading_named, heading_names, linked_authors, own_region)
from .draft import Draft, block_text, loose

log = logging.getLogger(__name__)

# A bio closes the article (among its last few blocks, or further up with only
# page furniture after it) or, on some sites, sits right under the byline.
CLOSING_BLOCKS = 3
CLOSING_SHARE = 0.6
OPENING_BLOCKS = 2


def read_structured_bios(draft: Draft) -> Draft:
    """The schema.org author descriptions of the raw page (sanitising drops <script>)."""
    from .bio_html import structured_descriptions

    return draft.but(bio_hints=structured_descriptions(draft.page.root))


def find_bios(draft: Draft) -> Draft:
    if draft.bios:
        return draft
    lex = lexicon(draft.rules.bio)
    found = _found_bios(_unglued(draft, lex), lex)
    return draft if found is None else draft.but(bios=found.bios, blocks=found.blocks, publisher=found.publisher)


def _unglued(draft: Draft, lex: BioLexicon) -> Draft:
    """A scrape's draft with its glued author boxes' lines split (`bio_glued`), for the bio stage to read."""
    if hasattr(draft.page, "root") or not draft.lines or not isinstance(draft.page, tuple):
        return draft
    from .bio_glued import unglued

    lines, page = unglued(draft.lines, draft.page, draft.authors, lex)
    return draft if lines is draft.lines else draft.but(lines=lines, page=page)


def _found_bios(draft: Draft, lex: BioLexicon) -> Draft | None:
    """The draft with its bios (and without them in the body), or None when it has none."""
    chosen = _chosen(draft, lex, draft.authors)
    if not chosen and not draft.authors and not hasattr(draft.page, "root") and draft.lines:
        # A scrape whose byline was not found (the name sits in a picture's alt text, a
        # sidebar, a script) still names its author in the furniture ("Latest David Zurawik",
        # "mehr von X auf ..."): a bio is looked for again, tied to that name, and only a
        # bio that names that person is kept (authors_from_bio then makes it the byline).
        linked = linked_authors(own_region(draft, lex), lex)
        if linked:
            chosen = [v for v in _chosen(draft, lex, linked) if TIES.intersection(v.reasons)]
        elif named := heading_named(draft.lines, lex):
            # A heading's name ("Über Olaf Scholz") may head a section of the story about that
            # person: only a text outside the article's lines that opens with the full name and a
            # bio verb ("Paul Brandt ist Fluglehrer ...") is taken as the named one's card.
            chosen = [v for v in _chosen(draft, lex, named) if {"byline_name", "name_verb"} <= set(v.reasons)
                      and _outside_body(draft, v.candidate)]
        elif carded := card_links(draft.lines, lex):
            # The author's link inside the body's run (a short post's scrape runs on into the
            # teasers): only the text right above the link, opening with its name, is the card.
            (name, at), = carded.items()
            chosen = [v for v in _chosen(draft, lex, (name,)) if {"byline_name", "name_verb"} <= set(v.reasons)
                      and v.candidate.block_index is None and at - CARD_LINK_REACH <= v.candidate.order < at]
        if not chosen and len(draft.page) >= 2 and (named := header_named(draft.lines, *body_run(draft.page), lex)):
            # The name the header sets alone on a line and a "<name> is <what>" line outside the body
            # opens with (bio_far_cards): that text is taken as that person's card.
            chosen = [v for v in _chosen(draft, lex, named) if {"byline_name", "name_verb"} <= set(v.reasons)
                      and _outside_body(draft, v.candidate)]
        if not chosen and len(draft.page) >= 2 and not heading_names(draft.lines, lex) \
                and (card := sole_card(draft.lines, *body_run(draft.page), lex, draft.rules)):
            # No name in the header nor in a card's heading: the one card after the body that names a
            # person and what the person is (a blog's "about the owner" footer widget, bio_far_cards)
            # is weighed as that person's, the way a bylined card is ("name_verb").
            name, index = card
            chosen = sole_card_verdicts(draft.lines[index].text, index, lex)
            log.debug("sole card after the body: %s (%s)", name, "taken" if chosen else "weighed too low")
    if not chosen and not draft.authors and hasattr(draft.page, "root"):
        chosen = _sole_card_of_page(draft, lex)
    if not chosen:
        return None
    bios = tuple(Bio(text=_own_part(_bio_text(v, lex), v.author, draft.authors), author=v.author) for v in chosen)
    publisher = draft.publisher or next((p for p in (publisher_in(v.text) for v in chosen) if p), None)
    return draft.but(bios=bios, blocks=_without_bios(draft.blocks, chosen, lex), publisher=publisher)


def _sole_card_of_page(draft: Draft, lex: BioLexicon) -> list[Verdict]:
    """A saved page with no byline: the one card after the article that the page's copyright text
    ties to its person (a one-person blog's text widget, bio_far_cards.sole_card_element)."""
    from .bio_html import find_paragraph

    last = next((block_text(b) for b in reversed(draft.blocks) if isinstance(b, Paragraph)), None)
    anchor = find_paragraph(draft.page.root, last) if last else None
    card = sole_card_element(anchor, lex) if anchor is not None else None
    return sole_card_verdicts(card[1], 100_000, lex) if card else []


def _bio_text(verdict: Verdict, lex: BioLexicon) -> str:
    """A chosen bio's text as its page prints it: without the furniture it ran into (a rail's head
    after it, a glued date and share words or the box's heading before it), with its author's name
    where the text opens on the verb."""
    from .bio_html import without_heading

    return with_subject(without_heading(without_lead(without_tail(verdict.text, lex), lex), lex), verdict.author)


def _own_part(text: str, author: str | None, authors: tuple[str, ...]) -> str:
    """A bio without the co-authors' bios it ran on into: one "About the authors" box holding a
    paragraph per author reads as one text ("Priya Natarajan is … Somerset. Tom Ashworth is a
    farmer …"), so each author's bio ends where a sentence opens with another author's full name."""
    cut = len(text)
    for other in authors:
        if other == author or not author:
            continue
        at = text.find(other)
        while at > 0:
            if text[:at].rstrip().endswith((".", "!", "?")):
                cut = min(cut, at)
                break
            at = text.find(other, at + 1)
    return text[:cut].rstrip() if cut < len(text) else text


# A body line holding a chosen bio and at most this many other words is that bio's box, glued to its
# label, name link and share words (bio_glued reads such a line for the bio stage alone).
GLUED_FURNITURE_WORDS = GLUE_WORDS + TAIL_WORDS
# The reasons that tie a bio to a byline author by name (not by being the page's only author).
TIES = frozenset({"byline_name", "name_part", "byline_named"})


def _chosen(draft: Draft, lex: BioLexicon, authors: tuple[str, ...]) -> list[Verdict]:
    candidates = _block_candidates(draft)
    if hasattr(draft.page, "root"):  # a saved page or a Markdown note: the parsed tree
        candidates += _html_candidates(draft, lex)
    elif draft.lines:
        candidates += _line_candidates(draft, lex, authors)
    verdicts = [v for v in (weigh(c, lex, authors) for c in candidates) if v is not None]
    for verdict in verdicts:
        log.debug("bio candidate %.1f %s %.70r", verdict.score, verdict.reasons, verdict.text)
    if not authors:
        story = [block_text(b) for b in draft.blocks if isinstance(b, Paragraph)]
        verdicts = [v for v in verdicts if not named_in_story(v, story)]
    return choose(verdicts, authors)


def _outside_body(draft: Draft, candidate: Candidate) -> bool:
    """The candidate is a line of the scrape before or after the body's run of lines."""
    page = draft.page if isinstance(draft.page, tuple) else ()
    if len(page) < 2 or candidate.block_index is not None or candidate.place == "heading":
        return False
    start, end = body_run(draft.page)
    return not start <= candidate.order < end


def _block_candidates(draft: Draft) -> list[Candidate]:
    blocks = draft.blocks
    first = max(1, min(len(blocks) - CLOSING_BLOCKS, int(len(blocks) * CLOSING_SHARE)))
    # A scrape's run of prose may take in the readers' comments: a paragraph that is a line under a
    # comment's stamp ("Martha, Thu 1 Aug 2019 / 02:15 Reply") is a reader's, not the author's card.
    lines = draft.lines if not hasattr(draft.page, "root") else ()
    comments = {loose(line.text) for i, line in enumerate(lines) if under_comment_stamp(lines, i)}
    out = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or (comments and loose(block_text(block)) in comments):
            continue
        if index >= first:
            place = "closing"
        elif index < OPENING_BLOCKS and len(blocks) > 4:
            place = "byline"
        else:
            continue
        out.append(Candidate(text=block_text(block), place=place, order=50_000 + index, block_index=index))
    return out


def _html_candidates(draft: Draft, lex: BioLexicon) -> list[Candidate]:
    from .bio_html import after_body_candidates, box_candidates, heading_candidates
    from .bio_named import element_candidates

    root = draft.page.root
    out = box_candidates(root, lex) + heading_candidates(root, lex)
    last = next((block_text(b) for b in reversed(draft.blocks) if isinstance(b, Paragraph)), None)
    pruned = draft.page.pruned if draft.page.pruned is not None else root
    out += after_body_candidates(pruned, last)
    body = [loose(block_text(b)) for b in draft.blocks]
    out += element_candidates(root, [k for k in body if len(k) >= 20], draft.authors, lex)
    # A schema.org description backs a visible text; alone, it is not on the page the reader saw
    # (news CMSs fill it for every staff writer), so it is not taken by itself.
    described = [text for _, text in draft.bio_hints]
    return [replace(c, structured=True) if described and corroborated(c.text, described) else c for c in out]


def _line_candidates(draft: Draft, lex: BioLexicon, authors: tuple[str, ...]) -> list[Candidate]:
    from .bio_html import describe, heading_match
    from .bio_named import SELF_OPENER_WORDS, line_candidates, with_first_person
    from .bio_self_boxes import byline_self_boxes

    lines = draft.lines
    texts = [line.text for line in lines]
    out: list[Candidate] = []
    for index, text in enumerate(texts):
        label = heading_match(text, lex)
        if label is None:
            continue
        description, name, _ = describe(texts[index + 1:index + 1 + TEXT_REACH], lex)
        first = texts[index + 1] if index + 1 < len(texts) else ""
        # The box's first paragraph is the bio; lines after it are furniture or the next section.
        description = _first_prose(texts[index + 1:index + 1 + TEXT_REACH], lex) or description
        if description and first != description and len(first.split()) < SELF_OPENER_WORDS and lex.self.match(first):
            description = f"{first} {description}"  # "About me" / "Hi there! I'm Regan." / "Thank you for ..."
        if description:
            out.append(Candidate(text=description, place="heading", heading=True,
                                 label=label or name or _name_label(first, description), order=index))
    page = draft.page if isinstance(draft.page, tuple) else ()
    comments = len(texts)
    if len(page) >= 2:
        start, end = page[0], page[1]
        usable = lambda i: lines[i].role == "text"  # noqa: E731
        after = _after_body(lines, end, lex, draft.rules)
        out += [Candidate(text=with_first_person(texts, i, usable, lex), place="after_body", order=i) for i in after]
        out += [Candidate(text=texts[i], place="after_body", order=i) for i in page_end_lines(lines, end, after, authors)]
        before = [i for i in range(max(0, start - TEXT_REACH), start) if usable(i)]
        out += [Candidate(text=with_first_person(texts, i, usable, lex), place="byline", order=i) for i in before]
        out += [Candidate(text=with_first_person(texts, i, usable, lex), place="closing", order=i)
                for i in _before_article_end(lines, start, end, lex, draft.rules)]
        ends_article = lambda i: len(texts[i]) <= END_HEAD_CHARS and bool(  # noqa: E731
            lex.end.match(texts[i]) or draft.rules.ends_article(texts[i]))
        out += line_candidates(texts, range(start, end), authors, lex, usable, ends_article)
        # (A byline line past the comments' head is a reader's: "von Mark am 3. März" / "Hallo, ich bin Mark ...".)
        comments = _end_head(lines, start, end, lex, draft.rules)
        if comments is None:
            comments = next((i for i in range(end, len(texts)) if ends_article(i)), len(texts))
        out += byline_self_boxes(texts, comments, authors, lex=lex, usable=usable)
    # Past the head of the comments or related posts, a line right under a reader's comment stamp
    # ("Martha, Thu 1 Aug 2019 / 02:15 Reply") is the reader's comment, whatever it says of the
    # author ("Jane Doe is a reporter who never ..."), also where the body's run took the comments
    # in. (Before it, a dateline may stand over the post header's card.)
    return [c for c in out if c.heading or c.order < comments or not under_comment_stamp(lines, c.order)]


# The words of prose the body must have before a comments' head can end it (not a teaser's "3 Comments").
END_AFTER_WORDS = 80
# A line this short before the article's end is furniture ("Share", "Tags: bahn", the card's name).
FURNITURE_WORDS = 3


def _after_body(lines, end: int, lex: BioLexicon, rules) -> list[int]:
    """The prose lines right after the body that may be its author's box.

    A line past the head of the comments or the related posts ("3 Comments",
    "Leave a Reply", "Related Articles") is a reader's comment or a teaser (a
    blog's "Jane Doe is a retired teacher from Ohio ..." under "Leave a Reply"):
    an unmarked box sits before that head (a marked one, under an "About the
    author" heading, is read by its heading). A run of two or more "X is the
    <role> of <outlet>" lines naming different people is a masthead (the
    editor-in-chief, the managing editor), no one's bio.
    """
    from .bio_evidence import role_statement_name

    out: list[int] = []
    for index in range(end, min(len(lines), end + TEXT_REACH)):
        text = lines[index].text
        if len(text) <= END_HEAD_CHARS and (lex.end.match(text) or rules.ends_article(text)):
            break
        if lines[index].role == "text":
            out.append(index)
    masthead: set[int] = set()
    run: list[tuple[int, str]] = []
    for index in [*out, None]:
        name = role_statement_name(lines[index].text, lex) if index is not None else None
        if name and (not run or run[-1][0] == index - 1):
            run.append((index, name))
            continue
        if len(run) >= 2 and len({n for _, n in run}) >= 2:
            masthead.update(i for i, _ in run)
        run = [(index, name)] if name else []
    return [i for i in out if i not in masthead]


def _before_article_end(lines, start: int, end: int, lex: BioLexicon, rules) -> list[int]:
    """The prose lines just before the first line of the body's run at which the article is over.

    The densest run of prose may swallow the comments and the related posts
    (readers' comments are prose too); the author box then sits mid-run, right
    before the head of the comments or of the related posts: the place a box
    after the article's end has.
    """
    index = _end_head(lines, start, end, lex, rules)
    if index is None:
        return []
    return [i for i in range(max(start, index - TEXT_REACH), index)
            if lines[i].role == "text" and len(lines[i].text.split()) > FURNITURE_WORDS]


def _end_head(lines, start: int, end: int, lex: BioLexicon, rules) -> int | None:
    """The first line of the body's run at which the article is over (the comments' or the related
    posts' head, after some prose), if the run has one."""
    words = 0
    for index in range(start, end):
        line = lines[index]
        if (words >= END_AFTER_WORDS and len(line.text) <= END_HEAD_CHARS
                and (lex.end.match(line.text) or rules.ends_article(line.text))):
            return index
        if line.role == "text":
            words += line.words
    return None


def _name_label(line: str, description: str) -> str | None:
    """The line under a box's heading as the box's name label: a person's name, or a first name
    the description gives ("David" / "Hi, ich bin David, ..."); a menu word or a teaser is no label."""
    from .bio_evidence import names_label
    from .names import is_person_name

    if line == description or len(line) > 60:
        return None
    return line if is_person_name(line) or (len(line.split()) == 1 and names_label(description, line)) else None


def _first_prose(texts: list[str], lex: BioLexicon) -> str | None:
    """The box's first line of prose that says who someone is (else its first line of prose).

    A blog widget may set a motto or a caption between its heading and the
    self-description ("Wer schreibt hier?" / "Heimat ist nicht der Ort ..." / "Das ist das Blog von ...").
    """
    from .bio_html import describe

    prose = []
    for text in texts:
        description, _, _ = describe([text], lex)
        if description and len(description.split()) >= 6:
            prose.append(description)
    telling = (p for p in prose if lex.self.match(p) or lex.statement.search(p) or lex.role.search(p))
    return next(telling, prose[0] if prose else None)


def _without_bios(blocks, chosen: list[Verdict], lex: BioLexicon) -> tuple:
    """The body without the blocks that are (part of) a chosen bio, nor the heading announcing it.

    A bio found among the closing blocks but above the last few takes what
    follows it too: only page furniture (teasers an extractor kept) comes after
    an article's bio.
    """
    from .bio_html import heading_match

    bio_keys = [loose(v.text) for v in chosen]
    drop: set[int] = set()
    for verdict in chosen:
        index = verdict.candidate.block_index
        if index is not None and verdict.candidate.place == "closing":
            drop.add(index)
            if index < len(blocks) - CLOSING_BLOCKS:
                drop.update(range(index + 1, len(blocks)))
    bio_words = [len(v.text.split()) for v in chosen]
    for index, block in enumerate(blocks):
        text = block_text(block)
        key = loose(text)
        if len(key) >= 20 and any(key in bio for bio in bio_keys):
            drop.add(index)
        elif any(len(bio) >= 40 and bio in key and len(text.split()) - words <= GLUED_FURNITURE_WORDS
                 for bio, words in zip(bio_keys, bio_words)):
            drop.add(index)  # the author box glued to its furniture in one line (bio_glued): the box goes whole
    def announces_bio(index: int) -> bool:
        # a scrape's heading line is a paragraph of its own ("Über die Autorin")
        block = blocks[index]
        return (isinstance(block, Heading) or (isinstance(block, Paragraph) and len(block_text(block)) <= 70)) \
            and heading_match(block_text(block), lex) is not None

    for index in sorted(drop):
        if index > 0 and announces_bio(index - 1):
            drop.add(index - 1)
    # The heading closing the body when its box (the bio) was read outside it: it announced the bio page.
    last = max((i for i in range(len(blocks)) if i not in drop), default=None)
    if last is not None and announces_bio(last):
        drop.add(last)
    return tuple(b for i, b in enumerate(blocks) if i not in drop)
