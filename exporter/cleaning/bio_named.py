"""Bio candidates anywhere on the page that open by naming the byline's author.

An author box is not always marked up or announced: blog sidebars hold a
plain text widget ("Hier schreibt Christian Jung über ...", "Peter ist nicht
nur ein Mann der Worte ..."), and in a whole-page text scrape the box may sit
far from the article (after the comments, in the sidebar's run of lines). So
every text of the page outside the body that *opens* with the byline's name
(full name, surname or first name) followed by a bio verb, or that is a
first-person self-description naming it ("Hi, ich bin David, ..."), becomes a
candidate. It is weighed like any other (`bio_evidence.weigh`), so a role or a
first-person statement is still needed, and reported speech, quotes, promos
and other people's names still count against it. Texts inside the body are not
taken here: a mid-story paragraph that opens with the author's name is the
story, not a bio (the body's closing and opening blocks are candidates of
their own).
"""

from __future__ import annotations

import re

from lxml import etree

from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_job import job_box
from .bio_evidence import CARD_WORDS, HANDLE, LEAD, SELF_NAME_REACH, Candidate, fold, led_by_role, name_key, verb_after
from .bio_rules import BioLexicon
from .draft import loose, short_text, squash
from .names import is_person_name
from .scripts import ends_sentence

# A sidebar widget or a box holds a sentence or three; a longer text is a story or a whole column.
MAX_CHARS = 1200
# Elements that hold one text of the page (a widget's <div class="textwidget">, a <p>).
_HOLDERS = frozenset({"p", "div", "li", "dd", "td", "section", "aside", "span", "em", "i", "small", "footer"})
_WITH_WORD = etree.XPath("//*[text()[contains(., $w)]]")
# Elements whose class or id says they are a page's sidebar or one of its widgets.
_SIDE = _re_store.compile(r"(?:^|[-_\s])(?:sidebar|widget|textwidget|aside|secondary)(?:$|[-_\s])")


def name_parts(authors: tuple[str, ...]) -> list[tuple[str, str]]:
    """(author, name word) for every word of each author's name worth matching (three letters or more)."""
    return [(a, w) for a in authors for w in a.replace(".", ". ").split() if len(w.strip(".")) > 2]


# A name opens a text within its first characters (folding a whole long line is the stage's main cost).
NAME_OPENING_CHARS = 120


def opens_with_author(text: str, authors: tuple[str, ...], lex: BioLexicon) -> bool:
    """The text opens with an author's name and a bio verb, or is a self-description naming the author."""
    body = HANDLE.sub("", LEAD.sub("", text))
    if not body:
        return False
    folded = fold(body[:NAME_OPENING_CHARS])  # only its opening is compared with the names
    for author, word in [(a, a) for a in authors] + name_parts(authors):
        if folded.startswith(fold(word)) and verb_after(body[len(word):], lex):
            return True
    if led_by_role(body, authors, lex):
        return True
    if lex.self.match(body):
        said = {name_key(w) for w in re.findall(r"\w+", body[:SELF_NAME_REACH]) if w[:1].isupper()}
        return any(name_key(word) in said for _, word in name_parts(authors))
    return False


def line_candidates(texts: list[str], inside: range, authors: tuple[str, ...], lex: BioLexicon,
                    usable, ends_article) -> list[Candidate]:
    """The scrape's lines that open by naming the byline's author, and the lines a name label heads.

    Inside the body's range of lines (``inside``) only the author's full name
    counts: a scrape's body range often runs on past the bio into teasers, but
    a story paragraph opening with its own writer's first name ("Peter is ...")
    is as likely an interviewee of the same name. An author card's name may be
    a line of its own, its description the next line ("Mira Haddad" /
    "studiert gerade Meereskunde ..."): that line is a candidate labelled
    with the name. Outside the body, a line that states who the author is
    ("Die Autorin ist ...", "The author is ...") is a candidate too.
    ``ends_article(i)`` says line i is the head of the comments or related
    posts (the article is over there though the body's range runs on).
    """
    if not authors:
        # With no byline, a line outside the body that states who "the author" is ("Die Autorin
        # ist Redakteurin bei ...") is the author box wherever the page set it (after the teasers);
        # a teaser's headline ("Der Autor ist tot: Nachruf ...") is no sentence.
        stated = [Candidate(text=text, place="page", order=index) for index, text in enumerate(texts)
                  if index not in inside and len(text) <= MAX_CHARS and usable(index) and ends_sentence(text)
                  and lex.statement.match(text)]
        return (_unbylined_cards(texts, inside, usable, lex, ends_article)
                + _self_cards(texts, inside, usable, lex, ends_article) + stated)
    full = {name_key(a): a for a in authors}
    out = _self_cards(texts, inside, usable, lex, ends_article)
    for index, text in enumerate(texts):
        if len(text) > MAX_CHARS:
            continue
        # The name line may be the byline itself (a bare name under the headline, read as the
        # byline and so no longer prose, or "By Jane Doe") heading the card under it.
        named = _byline_named(text, usable(index), full)
        is_name = named is not None
        described = _description_after(texts, index, usable, lex) if is_name else None
        if is_name and index > 0 and usable(index - 1) and job_box(texts[index - 1], lex):
            # "Senior editor at Gizmodo." / "By Jane Doe": the box's job line set above the byline
            out.append(Candidate(text=texts[index - 1], place="page", label=named, order=index - 1))
        if described is not None and named != text and len(texts[described].split()) < CARD_WORDS and not job_box(
                texts[described], lex):
            described = None  # "By Jane Doe" / "Staff Writer": the byline's credit, not an author box
        if described is not None:
            out.append(Candidate(text=with_first_person(texts, described, usable, lex), place="page",
                                 label=named, order=described))
        elif usable(index) and (opens_with_author(text, authors if index not in inside else (), lex) or (
                index not in inside and lex.statement.match(text)) or (
                index in inside and any(fold(text[:NAME_OPENING_CHARS]).startswith(fold(a)) and verb_after(text[len(a):], lex) for a in authors))):
            out.append(Candidate(text=with_first_person(texts, index, usable, lex), place="page", order=index))
    return out


# A byline line names its author and little else ("By Jane Doe", "Von Jana Berg | 3. März").
BYLINE_LINE_CHARS = 80


def _byline_named(text: str, prose: bool, full: dict[str, str]) -> str | None:
    """The author a line is the name line of: the author's name alone, or (a line that is not
    prose: the byline the scrape's steps took) a short line holding the author's full name."""
    if len(text) > NAME_OPENING_CHARS:
        return None
    key = name_key(text)
    if key in full:
        return text
    if not prose and len(text) <= BYLINE_LINE_CHARS:
        return next((a for k, a in full.items() if len(k) >= 6 and k in key), None)
    return None


def _unbylined_cards(texts: list[str], inside: range, usable, lex: BioLexicon, ends_article) -> list[Candidate]:
    """With no byline found, the author cards outside the body: a name line, then (past a date or
    a handle) a text opening with that name and a bio verb, or going on from the name
    ("is a reporter ...", "Sie ist ...", "Medizinstudentin, Läuferin, ...").

    A blog's post header in a scrape whose headline was missed ("Maximilian Steinbeis" /
    "Sa 13 Jul 2019" / "Maximilian Steinbeis is a legal journalist ..."): the card ties the text
    to a person as a byline would. Inside the body a name line over "X is ..." is a profile's
    subheading (a list of portraits), so there only a card where a card sits counts: opening
    the body's range (right above the post), closing it, or right before the comments' or
    related posts' head or an appeal for support ("Madison Weil" / "Madison Weil joined the
    News Team ..." / "Related Articles"), which is where a news site's author box is when the
    scrape's densest run of prose takes the box and the teasers after it in (``placed``).
    """
    out, inner = [], []
    for index, text in enumerate(texts):
        if len(text) > 60 or not usable(index) or not is_person_name(text) or lex.heading.match(text):
            continue  # (a box's heading "Über den Autor", "Zur Person" has a name's capitals but names no one)
        if text.rstrip().endswith(","):
            continue  # a letter's or a reader's reply's salutation ("Hallo Herr Berger,"), no card's name
        described = _description_after(texts, index, usable, lex)
        if described is None:
            continue
        rest = texts[described]
        if (fold(rest[:NAME_OPENING_CHARS]).startswith(fold(text)) and verb_after(rest[len(text):], lex)) or _goes_on(rest, lex):
            card = Candidate(text=rest, place="page", label=text, order=described, placed=index in inside)
            if index in inside and not _closes_article(texts, index, described, inside, usable, lex, ends_article):
                inner.append((index, card))
            else:
                out.append(card)
    # The body's range may run on past the card into the next story or the readers' comments (a
    # blog whose comments carry no stamps, an endless-scroll news page): a card inside the range is
    # still its author's when it is the range's only one, says a writer's job or beat ("ist
    # Redakteurin im Ressort Wirtschaft", "has covered transport"; a portrait of a retired engineer
    # in the story is its subject's) and no other paragraph there names the person (a portrait
    # list has several; a story's subject is named again in the story).
    if len(inner) == 1 and lex.writer.search(inner[0][1].text):
        index, card = inner[0]
        surname = fold(texts[index].split()[-1])
        if not any(surname in fold(texts[i]) for i in inside if i not in (index, card.order) and usable(i)):
            out.append(card)
    return out


def _closes_article(texts: list[str], label: int, described: int, inside: range, usable, lex: BioLexicon,
                    ends_article) -> bool:
    """A name card inside the body's range sits where a card sits: opening the range, closing it,
    or followed (past short furniture) by the comments' or related posts' head or a promo."""
    if described == inside.start or label == inside.start or described == inside.stop - 1:
        return True
    for index in range(described + 1, min(len(texts), described + 1 + PLACE_REACH)):
        if ends_article(index) or (len(texts[index]) <= MAX_CHARS and lex.promo.search(texts[index])):
            return True
        if usable(index) and len(texts[index].split()) > PLACE_FURNITURE_WORDS:
            return False
    return False


# A card's name label: a line of a few capitalised words ("David", "Trey Hunner").
LABEL_WORDS = 4


def _self_cards(texts: list[str], inside: range, usable, lex: BioLexicon, ends_article) -> list[Candidate]:
    """A name label over a first-person self-description that gives that name ("David" /
    "Hi, ich bin David, der Gründer des Zugreiseblog ..."), outside the body or at its edges.

    A blogger's card often gives a first name only, which no byline rule takes
    for a person; the label repeated in the self-description is what makes the
    pair a card. Mid-body the same pair is a quoted person: a first-person
    travel piece or a "voices" story sets an interviewee's name on a line over
    their "I'm Anna Berger, a tram driver ..." (and with no byline nothing else
    would contradict them). So inside the body's range a card counts only
    where a card sits: opening or closing the range, under an announcing
    heading ("Über mich"), or right before the comments' or related posts' head.
    """
    out = []
    for index in range(len(texts) - 1):
        label, after = texts[index], index + 1
        if len(label) > 40 or not label[:1].isupper():
            continue  # (most lines: tested before anything costlier)
        words = label.split()
        if len(words) > LABEL_WORDS or not all(w[:1].isupper() for w in words) or not (usable(index) and usable(after)):
            continue
        if not lex.self.match(texts[after]):
            continue
        said = {name_key(w) for w in re.findall(r"\w+", texts[after][:SELF_NAME_REACH])}
        if not (all(name_key(w) in said for w in words if len(w) > 2) and any(len(w) > 2 for w in words)):
            continue
        past = _first_person_end(texts, after, usable, lex)
        mid_body = index in inside and index != inside.start and past < inside.stop
        if mid_body and not _card_placed(texts, index, past, usable, lex, ends_article):
            continue  # an interviewee's name over their words
        out.append(Candidate(text=with_first_person(texts, after, usable, lex), place="page", label=label,
                             order=after))
    return out


# How far from a card what marks its place may be: past menu lines, "Teilen", "Tags: bahn".
PLACE_REACH = 3
PLACE_FURNITURE_WORDS = 3


def _card_placed(texts: list[str], label: int, past: int, usable, lex: BioLexicon, ends_article) -> bool:
    """A card inside the body's range that a page sets as a card: an announcing heading right above
    its label ("Über mich" / "David" / "Hi, ich bin David ..."), or the head of the comments or
    related posts right after it (past a share button's or the tags' short line)."""
    from .bio_html import heading_match

    above = next((i for i in range(label - 1, max(-1, label - 1 - PLACE_REACH), -1) if usable(i)), None)
    if above is not None and heading_match(texts[above], lex) is not None:
        return True
    for index in range(past, min(len(texts), past + PLACE_REACH)):
        if ends_article(index):
            return True
        if usable(index) and len(texts[index].split()) > PLACE_FURNITURE_WORDS:
            return False
    return False


# A short self-description's first line ("Hi! My name is Trey Hunner.") goes on for a few lines.
SELF_OPENER_WORDS = 12
SELF_LINES = 3


def with_first_person(texts: list[str], index: int, usable, lex: BioLexicon) -> str:
    """The line, with the lines after it that go on in the first person when it opens a short
    self-description (a text scrape puts each <p> of an "about me" box on a line of its own)."""
    return " ".join(texts[index:_first_person_end(texts, index, usable, lex)])


def _first_person_end(texts: list[str], index: int, usable, lex: BioLexicon) -> int:
    """The index past the last line `with_first_person` joins to line ``index``."""
    text = texts[index]
    if len(text.split()) >= SELF_OPENER_WORDS or not lex.self.match(HANDLE.sub("", LEAD.sub("", text))):
        return index + 1
    past = index + 1
    for after in range(index + 1, min(len(texts), index + SELF_LINES)):
        if not usable(after) or len(texts[after]) > MAX_CHARS or not lex.first_person.match(texts[after]):
            break
        past = after + 1
    return past


def _description_after(texts: list[str], index: int, usable, lex: BioLexicon) -> int | None:
    """The line that describes the person a name line labels: the next one, past a handle, a link word
    or a dateline ("Maximilian Steinbeis" / "Sa 13 Jul 2019" / "Maximilian Steinbeis is ...")."""
    for after in range(index + 1, min(len(texts), index + 4)):
        if not usable(after) or (len(texts[after].split()) <= 2 and not job_box(texts[after], lex)):
            continue  # "mirahaddad", "Twitter": the card's handle and links sit between name and text
        return after if _goes_on(texts[after], lex) or _names(texts[after], texts[index]) else None
    return None


def _names(text: str, name: str) -> bool:
    """The line names the person again early on ("Projektleiterin. Miriam Ruhenstroth hat ...")."""
    return name_key(name) in name_key(text[:SELF_NAME_REACH])


def _goes_on(text: str, lex: BioLexicon) -> bool:
    """A line that continues a name label: it opens with a bio verb or a pronoun, or in lower case."""
    return len(text) <= MAX_CHARS and bool(text) and (text[0].islower() or lex.pronoun.match(text)
                                                       or verb_after(" " + text, lex) or _role_first(text, lex))


# How far into a name label's next line its role must come: "Medizinstudent, Papa, ..." opens with it.
ROLE_FIRST_CHARS = 40


def _role_first(text: str, lex: BioLexicon) -> bool:
    """A line that opens by saying what the person is, naming no one ("Medizinstudent, Papa, Blogger")."""
    return bool(lex.role.search(text[:ROLE_FIRST_CHARS])) and not lex.speech.search(text[:240])


def element_candidates(root, body_texts: list[str], authors: tuple[str, ...], lex: BioLexicon) -> list[Candidate]:
    """The page's texts outside the body that open by naming the byline's author.

    Only the text nodes that hold a word of an author's name are looked up
    (in C, by XPath): most of a page never names its author.
    """
    if not authors:
        return []
    holders: dict = {}
    for _, word in name_parts(authors):
        for holder in _WITH_WORD(root, w=word.strip(".")):
            while holder is not None and holder.tag not in _HOLDERS:
                holder = holder.getparent()
            if holder is not None:
                holders.setdefault(holder, None)
    out = []
    for holder in holders:
        text = _opening_piece(holder, authors, lex)
        key = loose(text or "")
        if not text or any(b in key or key in b for b in body_texts):
            continue
        out.append(Candidate(text=text, place="page", box=_in_sidebar(holder), order=holder.sourceline or 0))
    return out


# A box's description runs over a few of its pieces (paragraphs, <br> lines), not the whole box.
BOX_PIECES = 4


def _opening_piece(holder, authors: tuple[str, ...], lex: BioLexicon) -> str | None:
    """The holder's text from the piece that opens by naming the author, with the pieces of its box after it.

    A widget may open with something else (a motto, a picture's caption) and
    set the self-description after a <br>; a short first line ("Hi! My name is
    Trey Hunner.") goes on in the paragraphs after it, which are read from the
    holder's parent. `describe` sets headings, name lines and profile links apart.
    """
    from .bio_html import describe, text_pieces

    if _text(holder) is None:
        return None
    pieces = text_pieces(holder)
    opening = next((i for i, p in enumerate(pieces) if opens_with_author(p, authors, lex)), None)
    if opening is None:
        return None
    first = pieces[opening]
    parent = holder.getparent()
    if len(pieces) - opening == 1 and len(first.split()) < 12 and parent is not None and _text(parent) is not None:
        around = text_pieces(parent)
        if first in around:
            pieces, opening = around, around.index(first)
    description, _, _ = describe(pieces[opening:opening + BOX_PIECES], lex)
    return description if description.startswith(first) else first


def _text(element) -> str | None:
    return short_text(element, MAX_CHARS)


def _in_sidebar(element) -> bool:
    """The element sits in an <aside> or a sidebar / widget box (four levels up at most)."""
    node = element
    for _ in range(5):
        if node is None:
            return False
        if node.tag == "aside" or _SIDE.search(f"{node.get('class') or ''} {node.get('id') or ''}".lower()):
            return True
        node = node.getparent()
    return False
