"""A text scrape's glued lines, read as the lines their block would have had.

A whole-page scrape ends a line only at a block element: an author box whose
label, name link, text, "more articles by X" link and share buttons are inline
in one <div> comes out as one line ("Über den Autor Jonas Keller Jonas Keller
ist Chemiker und Redakteur bei ... Alle Artikel von Jonas Keller Teilen"). The
bio stage reads a scrape line by line (a heading line, a name line, the text
under it), so such a line is read from where a bio opens inside it to where its
sentences end: its heading and name link become lines of their own, the rest of
the furniture is left out.

A box opens, after a short run of furniture (not a sentence: no prose before
it; a date and share words), with an author-box heading ("About the author",
"Über den Autor": the ``heading`` rules) followed by the box's text (past its
name link, maybe given twice), with the byline's full name followed by a bio
verb, or with a self-description giving a byline author's full name. Its end is
the last sentence's end when only a short run of words that is no sentence
follows (the links, share buttons and tags). The furniture the ``tail`` rules
know (a profile link, share words, a tag list after the last sentence) is left
out of every line read here. A line that opens as a bio is otherwise read as it
is, and no other person's name, statement or first-person text opens a box
outside a heading's text: measured on the held-out half, those shapes (and
cutting any short run of words off a bio that opens its line) took a reader's
comment or lost a bio the page gave whole. Only the bio stage sees these lines:
the body's blocks are not changed, but a box glued on the body's last line is
read as after the body.
"""

from __future__ import annotations

import functools
import re

from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_evidence import fold, led_by_role, names_label, role_statement_name, verb_after
from .bio_rules import BioLexicon, without_tail
from .text_lines import Line

# The furniture before a glued bio is short: a label, a name link, a date, share words.
GLUE_WORDS = 12
# An author-box heading is a few words ("Über die Autorin", "À propos de l'auteur").
HEADING_WORDS = 6
# What is left after a glued bio's last sentence is short: its links, share words, tags.
TAIL_WORDS = 12
# A sentence's end: what stands before a glued bio is no sentence (a label, a link, a date).
SENTENCE_ENDS = ".!?…"
PROSE_LOWER_WORDS = 2
# Furniture is mostly capitalised (names, links, labels): "More articles by Jane Doe", "Good to know IT".
FURNITURE_LOWER_WORDS = 3
# A bio is a sentence at least; a line no longer than a heading glues nothing onto one.
MIN_BIO_WORDS = 4
MIN_LINE_CHARS = 50
# The openings of one line: a heading, then the name link or the bio.
MAX_SPLITS = 3

# How a bio may open: with the byline's name and a bio verb (BYLINE); that, or a statement about the
# author or a self-description (STATED: only the text under an author heading is read so). Another
# person's name opens none: a glued "Maria Lehmann ist Krankenpflegerin ..." is the story's.
BYLINE, STATED = 1, 2


_WORD_START = _re_store.compile(r"(?<=\s)\S")
# A sentence's end inside a line: its full stop (maybe after a closing quote or bracket), then a space.
_SENTENCE_END = _re_store.compile(r"(?<!\b[^\W\d_])[.!?…](?:[\"”’»)\]]*)(?=\s|$)")  # (not an initial's: "Owen R. Gallagher")


def unglued(lines: tuple[Line, ...], page: tuple, authors: tuple[str, ...], lex: BioLexicon) -> tuple[tuple[Line, ...], tuple]:
    """The lines with each glued bio set apart (its heading and name link on lines of their own, its
    furniture left out), and ``page``'s line indices (the body's start and end, the title's line)
    moved along with them."""
    out: list[Line] = []
    moved: list[int] = []  # the new index of each old line's first piece
    boxed: set[int] = set()  # the old lines a box opened in, past their first word
    for index, line in enumerate(lines):
        moved.append(len(out))
        text = line.text
        pieces = _pieces(text, authors, lex) if len(text) >= MIN_LINE_CHARS else [text]
        out.extend([line] if pieces == [text] else (Line(piece, line.role) for piece in pieces))
        if len(pieces) > 1 or not text.startswith(pieces[0]):
            boxed.add(index)
    if out == list(lines):
        return lines, page
    moved.append(len(out))
    new_page = [moved[i] if isinstance(i, int) and 0 <= i <= len(lines) else i for i in page]
    if len(page) >= 2 and isinstance(page[1], int) and page[1] - 1 in boxed and page[1] - 1 > page[0]:
        # The body's last line was a box glued to its furniture ("March 12, 2021 Share Hi! My name is ..."):
        # the box closes the article, so its pieces are read as the lines after the body, not as body.
        new_page[1] = moved[page[1] - 1]
    return tuple(out), tuple(new_page)


def _pieces(text: str, authors: tuple[str, ...], lex: BioLexicon, scope: int = BYLINE) -> list[str]:
    """The line as the bio stage reads it: [heading, name label, bio, ...] (only [text] when no bio
    opens in it). The furniture (share words, a date, the tail's links and tags) is left out, not
    set on lines of its own: a line more after the body would push the box out of the bio stage's reach."""
    if text[:1].islower():
        return [text]  # a line in lower case goes on from the line above (a reader's comment under a name)
    # The box's furniture that the tail rules know, after its last sentence (its profile link, share
    # buttons, tags), is left out of any line: "... Alle Artikel von Jonas Keller Teilen" would weigh
    # as a profile-link promo, and no byline may be known yet to say the line opens as a bio.
    text = _without_known_tail(text, lex)
    if _opens_bio(text, authors, lex, scope):
        return [text]  # a bio from its first word is read as it is (the bio stage weighs it whole)
    out: list[str] = []
    rest = text
    split = False  # whether the line was cut before a box opening (one at its first word cuts nothing)
    for _ in range(MAX_SPLITS):
        at, opens = _opening(rest, authors, lex, scope)
        if at is None:
            break
        split = split or at > 0
        head, rest = rest[:at].strip(), rest[at:]
        if opens == FURNITURE:
            continue  # a date and share words before the box's heading: left out
        if opens == CARD:
            second = _doubled_name(rest)
            out.append(rest[:second].strip())  # the card's name link, once; its text opens with the name
            rest = rest[second:]
            break
        if opens == HEADING:
            out.append(head)  # (a heading's text may still open with the name link: "Über den Autor Jana Berg Jana Berg ist")
            # The heading says whose box this is, as _heads_a_bio read it: past its name link, a self-description
            # opens the text too ("About the author Trey Hunner Hi! My name is ...", "Über den Autor David David Hi, ich bin").
            scope = STATED
            if (second := _doubled_name(rest)) is not None:
                out.append(rest[:second].strip())  # the name link, once; its text opens with the name
                rest = rest[second:]
                break
            continue
        out += _label(head, rest, authors)
        break
    if not out and not split or not _SENTENCE_END.search(rest):
        return [text]  # (a bio is a sentence at least: "Autor: X | Abgelegt unter: Y, Z" is a post's meta row)
    return out + _bio_pieces(rest, authors, lex)


@functools.lru_cache(maxsize=8)
def _tail_vocabulary(tails: tuple[re.Pattern[str], ...]) -> frozenset[str]:
    # (Of three letters or more: single letters are the escapes' and classes' letters.)
    return frozenset(word for p in tails for word in _LETTERS.findall(p.pattern.lower()) if len(word) >= 3)


# A box's glued tail (its profile link, share words, tags) is in a line's last characters: the tail
# rules read no more of each line (over a whole scrape's lines they cost about 100 ms a large page).
TAIL_WINDOW = 240


def _without_known_tail(text: str, lex: BioLexicon) -> str:
    """The line without the furniture the tail rules know at its end."""
    start = max(0, len(text) - TAIL_WINDOW)
    if _tail_vocabulary(lex.tails).isdisjoint(_LETTERS.findall(text[start:].lower())):
        return text  # (no word the tail rules are written with: most lines, at a set's cost, not a dozen searches)
    end = without_tail(text[start:], lex)
    return text if end == text[start:] else (text[:start] + end).rstrip()


def _bio_pieces(text: str, authors: tuple[str, ...], lex: BioLexicon) -> list[str]:
    """A glued bio without its tail; two authors' bios in one box ("Jonas Keller ist ... @kellerblog folgen
    Petra Lindholm leitet ...") are two pieces, split where another byline author's name and a
    bio verb begin."""
    bio, tail = _without_tail(without_tail(text, lex), lex)
    folded = fold(bio)
    named = sorted((at, author) for author in authors if (at := folded.find(fold(author))) >= 0)
    # (The first author named is the one the bio opens on, maybe after a role: "Prize-winning journalist X writes".)
    cuts = [at for at, author in named[1:] if not bio[at - 1].isalnum() and verb_after(bio[at + len(author):], lex)]
    return [p for p in (bio[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(bio)])) if p]


# A card's name label: a few capitalised words ("Jana", "Jonas Keller").
LABEL_WORDS = 3


def _label(head: str, rest: str, authors: tuple[str, ...]) -> list[str]:
    """The name link right before the box's text, as its label line: the byline's name the text opens
    with ("... Teilen Jonas Keller" / "Jonas Keller ist ..."), or the last words of the furniture when
    the text gives that name in its first words ("Jana" / "Hallo, ich bin Jana! ...")."""
    named = [a for a in _named(rest, authors) if head.endswith(a)] or [a for a in authors if head.endswith(a)]
    if named:
        return named[:1]  # (before a role label too: "Miriam Ruhenstroth" / "Projektleiterin. Miriam Ruhenstroth hat")
    words = head.split()[-LABEL_WORDS:]
    for size in range(len(words), 0, -1):
        label = " ".join(words[-size:])
        if all(w[:1].isupper() for w in words[-size:]) and names_label(rest, label):
            half = words[-size:][:size // 2]
            # (A name link glued to its repetition, "David David", is the one name.)
            return [" ".join(half)] if size % 2 == 0 and words[-size:] == half * 2 else [label]
    return []


def _named(text: str, authors: tuple[str, ...]) -> list[str]:
    """The byline authors whose full name opens ``text``."""
    return [a for a in authors if fold(text[:len(a)]) == fold(a)]


# What an opening in a line is: a heading's text, after the heading; a bio; a heading, after furniture.
# a card: its name link glued to its text's opening name and a bio verb ("Jonathan Allen Jonathan Allen is").
HEADING, BIO, FURNITURE, CARD = "heading", "bio", "furniture", "card"


def _opening(text: str, authors: tuple[str, ...], lex: BioLexicon, scope: int) -> tuple[int | None, str]:
    """(where, past a short run of furniture, a bio, a heading's text or a heading opens in the line;
    which of them it is)."""
    reach = _reach(text)
    # (Most lines name no byline author near their start: only a heading or a card can open a box in them.)
    named = scope > BYLINE or any(a.lower() in text[:reach + len(a)].lower() for a in authors)
    words = [m.start() for m in _WORD_START.finditer(text, 0, reach)]
    for at in words[:HEADING_WORDS]:
        head = text[:at].rstrip()
        if len(head) <= 70 and lex.heading.match(head) and _heads_a_bio(head, text[at:], authors, lex):
            return at, HEADING  # "Über den Autor" + the box's text

    @functools.lru_cache(maxsize=None)
    def prose_before(at: int) -> bool:  # "Thank you for stopping by! My name is ...", "In 2019, Jane Doe was ..."
        head = text[:at].rstrip()
        return _ends_prose(head) or _mid_sentence(head)

    tokens = text[:reach].split()  # (tokens[i + 1] is the word at words[i])
    doubled = _doubled_at(tokens)
    # (A heading's first word is one of the words the heading rules are written with: a cheap test first.)
    vocabulary = _heading_vocabulary(lex.heading.pattern)
    heads = [at for at, token in zip(words, tokens[1:]) if token[:1].isupper()
             and not vocabulary.isdisjoint(_LETTERS.findall(token.lower()))]
    for at in heads:
        if not prose_before(at) and _heading_opens(text[at:], authors, lex):
            return at, FURNITURE  # "12. März 2021 Teilen" + "Über den Autor ...": a heading wins over a role's lead
    # After text that reads on (a related post's headline glued before the box), only a box's whole
    # shape opens: the heading, then the card's name link and text or the byline's name and a bio verb
    # ("... dragging Nasdaq futures lower About the Author Sunny Oh Sunny Oh is a reporter ...").
    carded = named or bool(_doubled_at(text[:_reach(text, GLUE_WORDS + HEADING_WORDS + 2 * LABEL_WORDS)].split()))
    for at in heads if carded else ():
        if _heading_opens(text[at:], authors, lex, carded=True):
            return at, FURNITURE
    for index, at in enumerate((0, *words)):
        if index in doubled and (at == 0 or not prose_before(at)) and _card_opening(text[at:], lex):
            return at, CARD  # with no byline too: a name given twice is a card's link and its text
    inside = _inside_names(text[:reach], authors) if named else set()
    for at in words if named else ():
        if at in inside or prose_before(at):
            continue  # a bio opens at a name link, not at its surname ("Miriam | Ruhenstroth Projektleiterin. ...")
        head, rest = text[:at].rstrip(), text[at:]
        # After a speaker's label ("Bartsch: Ich bin ...", "Ask Amy: I'm ...") the first person is the speaker's.
        here = BYLINE if head.endswith(":") else scope
        if rest[:1].isupper() and len(rest[:OPENING_CHARS].split()) >= MIN_BIO_WORDS and _opens_bio(rest, authors, lex, here):
            return at, BIO
    return None, BIO


def _card_opening(text: str, lex: BioLexicon) -> bool:
    """``text`` opens with a person's name given twice, then a bio verb: a card's name link glued to its
    text ("Jonathan Allen Jonathan Allen is a senior reporter ...", "Yirou Chen Yirou Chen ist seit ...")."""
    second = _doubled_name(text)
    if second is None:
        return False
    name = text[:second].strip()
    return text[second:second + len(name)] == name and verb_after(text[second + len(name):second + len(name) + OPENING_CHARS], lex)


def _doubled_at(tokens: list[str]) -> set[int]:
    """The indices of the capitalised words given again two or three words on (where a name given twice
    may begin)."""
    return {i for i, token in enumerate(tokens) if token[:1].isupper() and token in tokens[i + 2:i + 4]}


_LETTERS = _re_store.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=8)
def _heading_vocabulary(pattern: str) -> frozenset[str]:
    """The words the heading rules are written with ("about", "über", "autore"): a heading's first word is one."""
    return frozenset(_LETTERS.findall(pattern.lower()))


def _heading_opens(text: str, authors: tuple[str, ...], lex: BioLexicon, carded: bool = False) -> bool:
    """An author-box heading opens ``text``, and the box's text follows it (a whole-page scrape glues
    a date and share buttons before an author box: "12. März 2021 Teilen Über den Autor Jana ..."); when
    ``carded``, a card's doubled name link or a byline author's name and a bio verb."""
    for at in (m.start() for m in _WORD_START.finditer(text, 0, _reach(text, HEADING_WORDS))):
        head, rest = text[:at].rstrip(), text[at:]
        if lex.heading.match(head) and (not carded or _card_opening(rest, lex) or _opens_with_author(rest, authors, lex)) \
                and _heads_a_bio(head, rest, authors, lex):
            return True
    return False


def _inside_names(text: str, authors: tuple[str, ...]) -> set[int]:
    """The offsets inside a byline author's full name given in ``text`` (past its first letter)."""
    folded, inside = fold(text), set()
    for author in authors:
        key = fold(author)
        for m in re.finditer(re.escape(key), folded):
            inside.update(range(m.start() + 1, m.end()))
    return inside


def _heads_a_bio(head: str, rest: str, authors: tuple[str, ...], lex: BioLexicon) -> bool:
    """``head`` is an author-box heading ("Über den Autor", "About Jane Doe": a person's name) and what
    follows it is a box's text: a bio's opening (a self-description too, the heading says whose),
    maybe past the box's name link, or that name link twice, its link and its text's opening
    ("Mira Haddad Mira Haddad mirahaddad studiert ..."; "Written by: Clara Brooks Norway
    has announced ..." is a teaser's credit). The heading speaks for the text, mid-body too."""
    from .bio_html import heading_match

    if len(head) > 70 or heading_match(head, lex) is None or not _SENTENCE_END.search(rest):
        return False
    at, opens = _opening(rest, authors, lex, STATED)
    return (_opens_bio(rest, authors, lex, STATED) or at is not None and opens != FURNITURE
            or _doubled_name(rest) is not None)


def _doubled_name(text: str) -> int | None:
    """Where the second of a name given twice begins, when ``text`` opens so: a card's name link glued to
    its text's opening name ("Mira Haddad Mira Haddad mirahaddad studiert ...", "Yirou Chen Yirou Chen ist")."""
    from .names import is_person_name

    words = text[:OPENING_CHARS].split()
    for n in (2, 3):
        name = " ".join(words[:n])
        if words[n:2 * n] == words[:n] and is_person_name(name):
            return text.index(name, len(name))
    return None


def _ends_prose(head: str) -> bool:
    """What stands before an opening ends a sentence of prose ("Thank you for stopping by!"), not a
    label's ("Projektleiterin.", "Foto: dpa."): a sentence's end after lower-case words."""
    if head[-1:] not in SENTENCE_ENDS:
        return False
    last = _SENTENCE_END.split(head[:-1])[-1].split()
    return sum(w[:1].islower() for w in last) >= PROSE_LOWER_WORDS


def _mid_sentence(head: str) -> bool:
    """What stands before an opening is a sentence under way ("In a statement, the agency said", "...
    sind die Texte unter einer Creative"): it ends with a comma or a word in lower case, or its words
    since the last sentence's end are mostly lower case, where a label, a name link or a date is not."""
    words = _SENTENCE_END.split(head)[-1].split()
    last = words[-1] if words else ""
    return last.endswith(",") or last[:1].islower() or sum(w[:1].islower() for w in words) > FURNITURE_LOWER_WORDS


def _reach(text: str, words: int = GLUE_WORDS + 1) -> int:
    """The end of the line's first ``words`` words (GLUE_WORDS + 1: a glued bio opens before it)."""
    m = re.match(r"(?:\S+\s+){0,%d}" % words, text)
    return m.end() if m else len(text)


def _opens_with_author(rest: str, authors: tuple[str, ...], lex: BioLexicon) -> bool:
    return any(fold(rest[:1]) == fold(a[:1]) and fold(rest[:len(a)]) == fold(a)
               and verb_after(rest[len(a):len(a) + OPENING_CHARS], lex) for a in authors)


def _opener(lex: BioLexicon) -> re.Pattern[str]:
    """The statement and self-description rules in one pattern, matched on lower-cased text: the
    quick test at every word of a line's opening (each rule alone is many tests a word)."""
    return _openers(tuple(p.pattern for p in (*lex.statement.patterns, *lex.self.patterns)))


@functools.lru_cache(maxsize=8)
def _openers(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return _re_store.compile("|".join(f"(?:{p})" for p in patterns) or "(?!x)x", re.IGNORECASE)


# What says a bio opens comes in its first words (a name, an apposition, the verb, a role): reading
# no further keeps the tests at every word of a line's opening cheap.
OPENING_CHARS = 300


def _opens_bio(rest: str, authors: tuple[str, ...], lex: BioLexicon, scope: int = STATED) -> bool:
    """The text opens as a bio, in one of the ways ``scope`` takes."""
    rest = rest[:OPENING_CHARS]
    if _opens_with_author(rest, authors, lex) or (authors and led_by_role(rest, authors, lex)):
        return True  # "Jane Doe is ..." / "Pulitzer Prize-winning journalist Jane Doe writes ..." under her byline
    if scope >= STATED and (_opener(lex).match(rest.lower()) or role_statement_name(rest, lex)):
        # "Die Autorin ist ...", "Hallo, ich bin ...", or under a heading with no byline found, a name
        # and what the person is ("Über den Autor Danilo Dietsch ist seit 2014 Geschäftsführer von ...").
        return True
    return _self_names_author(rest, authors, lex)


# A self-description gives its writer's name right after its opening: "My name is Trey Hunner."
SELF_NAME_GAP = 3


def _self_names_author(rest: str, authors: tuple[str, ...], lex: BioLexicon) -> bool:
    """The text is a self-description by a byline author: its opening, then that author's full name
    ("Hi! My name is Trey Hunner. I help ..."). A reader's comment ("Ich bin seit Jahren Leser ...")
    gives no byline name there."""
    end = lex.self.match_end(rest) if authors else None
    if end is None:
        return False
    said = fold(rest[end:end + SELF_NAME_GAP + max(len(a) for a in authors) + 1])
    # (The name as a whole: "Hi, I'm Jane Doe's neighbour" is a reader's.)
    return any(0 <= (at := said.find(fold(a))) <= SELF_NAME_GAP and not said[at + len(a):][:1].isalnum()
               and said[at + len(a):][:1] not in "'’" for a in authors)


def _sentence_like(text: str, lex: BioLexicon) -> bool:
    """The words read as a sentence (a pronoun or a first-person word opens them, or a bio verb is
    among them), not as furniture ("More articles by Jane Doe Tags: transport, city hall")."""
    return bool(lex.pronoun.match(text) or lex.first_person.match(text) or _verbs(lex.verb).search(text))


@functools.lru_cache(maxsize=8)
def _verbs(verbs: str) -> re.Pattern[str]:
    return _re_store.compile(r"(?<!\w)(?:" + verbs + r")(?!\w)", re.IGNORECASE)


def _without_tail(text: str, lex: BioLexicon) -> tuple[str, str]:
    """(the bio, the furniture after its last sentence), when a short run of words without a
    sentence's end follows that sentence ("... bei der Rundschau. Alle Artikel von Jonas Keller Teilen")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] == len(text):
        return text, ""
    tail = text[ends[-1]:].strip()
    if not tail or len(tail.split()) > TAIL_WORDS or _sentence_like(tail, lex):
        # (A last sentence without its full stop, "Sie schreibt seit 2010 über Politik", is the bio's.)
        return text, ""
    return text[:ends[-1]].strip(), tail
