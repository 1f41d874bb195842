"""Weighing a bio candidate: structural and textual evidence for, negative evidence against.

A candidate is a piece of page text with what is known of where it sits (an
author box, under a heading that announces the author, in JSON-LD, closing the
article, after it, beside the byline). Its text is then read with the bio
rules (`bio_rules.toml`, every language at once): a role, employer, beat or
book; a statement about "the author"; a first-person self-description; and
whom it names (the byline's full name, surname or first name, a pronoun, or a
name that is not the byline's). Reported speech, quotations, promos and
teasers count against. Scores are additive and the weights small integers,
so that a reader can follow why a paragraph was (not) taken.
"""

from __future__ import annotations

import re
import unicodedata

from .._dataclass_store import dataclass
from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_job import job_box, job_line
from .bio_other_names import credits_someone_else
from .bio_rules import BioLexicon, without_tail
from .draft import loose, squash
from .names import is_person_name, tidy_name

# A bio is a short note; a longer text is a story, a profile page or a whole sidebar.
MAX_BIO_WORDS = 160
ACCEPT = 4.0
# What a bio says of its person comes in its first sentences; reading no further bounds the regex work.
READ_CHARS = 600
# A self-description names its writer early: "Hi, ich bin David, der Gründer ...".
SELF_NAME_REACH = 80

WEIGHTS = {
    "structured": 3.0, "box": 2.0, "heading": 2.0, "closing": 1.0, "after_body": 1.0,
    "statement": 3.0, "self": 2.5, "self_writer": 1.0, "byline_name": 2.0, "name_part": 1.5, "label_name": 1.0,
    "lead_name": 1.0, "card_name": 1.0, "card_placed": 1.0, "name_verb": 1.0, "announced": 1.0, "byline_named": 0.5, "pronoun": 0.5, "writer_tie": 1.5, "role": 1.0, "roles": 2.0,
    "speech": -3.0, "opens_quoted": -3.0, "long_quote": -1.5, "promo": -4.0, "other_person": -4.0,
    "long": -2.0, "intro": -2.0, "stranger": -2.0, "news_opener": -2.0,
}

LEAD = _re_store.compile(r"^[\s—–\-*•·|(]+")
HANDLE = _re_store.compile(r"\s*\((?:@\w+|[^)]{0,40}@[^)]{0,40})\)")
_OPENS_QUOTED = _re_store.compile(r"^[\"“„«‚‘'»]")
_LONG_QUOTE = _re_store.compile(r"[\"“„«][^\"“”„«»]{60,}[\"”“»]")


@dataclass(frozen=True)
class Candidate:
    text: str
    place: str = "page"  # "structured" | "box" | "heading" | "closing" | "after_body" | "byline" | "page"
    box: bool = False
    heading: bool = False
    structured: bool = False
    label: str | None = None  # a name shown beside the text (the box's name line, "Über Paul Brandt")
    order: int = 0  # document order, for ties and for the body's removal
    block_index: int | None = None  # the body block it is, when it is one
    placed: bool = False  # a scrape's name card where a card sits (closing the article), found with no byline


@dataclass(frozen=True)
class Verdict:
    candidate: Candidate
    score: float
    author: str | None  # the byline author it belongs to, else the name it gives
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.candidate.text


# An initial glued to the surname ("C.Habermueller (chabermu) ist ..."), as a blog's owner signs.
_GLUED_INITIAL = _re_store.compile(r"^(\w\.)(?=[^\W\d_]{2})")


def _lead_name(text: str, lex: BioLexicon) -> str | None:
    """The person a text opens with, when a bio verb follows ("Jane Doe, a fellow at X, is ...")."""
    pattern = _lead_pattern(lex.verb)
    m = pattern.match(text)
    if not m:
        return None
    name = _GLUED_INITIAL.sub(r"\1 ", tidy_name(HANDLE.sub("", m.group("name"))))
    if lex.not_name.match(name):
        return None  # "Der Resonator ist ein Podcast ...": a product presents itself
    return name if is_person_name(name) and name.split()[0] != name.split()[-1] else None


_LEAD_CACHE: dict[str, re.Pattern[str]] = {}


# What a bio's verb says of its person comes right after it ("is the author of", "writes about").
OPENER_CLAUSE_CHARS = 70


def news_opener(text: str, lex: BioLexicon) -> bool:
    """A news paragraph's opening "Name, <apposition>, <verb> ...": the clause after the verb
    says no role ("Kurt Volker, a former special envoy, has testified ..."), where a bio's says
    what its person is ("Jane Doe, a fellow at X, is the author of ...")."""
    m = _lead_pattern(lex.verb).match(text)
    return bool(m and m.group("appo")) and not lex.role.search(text[m.start("verb"):m.start("verb") + OPENER_CLAUSE_CHARS])


def _says_role(text: str, lex: BioLexicon) -> bool:
    """The clause after the opening name's bio verb says what the person is ("is a reporter at ...")."""
    m = _lead_pattern(lex.verb).match(text)
    return bool(m) and bool(lex.role.search(text[m.start("verb"):m.start("verb") + OPENER_CLAUSE_CHARS]))


def role_statement_name(text: str, lex: BioLexicon) -> str | None:
    """The person a "Jane Doe is the managing editor of ..." line names, when it has that shape."""
    name = _lead_name(text, lex)
    return name if name and _says_role(text, lex) else None


def _lead_pattern(verbs: str) -> re.Pattern[str]:
    if verbs not in _LEAD_CACHE:
        _LEAD_CACHE[verbs] = _re_store.compile(
            r"^(?P<name>[^,;:()\"“”„]{3,60}?)(?:\s*\([^)]{1,40}\))?(?P<appo>,\s+[^;]{2,200}?,)?\s+(?P<verb>(?i:"
            + verbs + r"))\b")
    return _LEAD_CACHE[verbs]


def fold(text: str) -> str:
    """Lower case without accents, one character per character: "Başman" and "Basman" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def name_key(text: str) -> str:
    """A name's letters and digits, accents and case aside (for comparing a byline with a text)."""
    return loose(fold(text))


_LETTER_RUN = _re_store.compile(r"[^\W\d_]+")


def letter_words(text: str) -> list[str]:
    """The text's runs of letters, folded: "C.Habermueller" and "2010Habermueller" give the surname."""
    return _LETTER_RUN.findall(fold(text))


def same_person(name: str, author: str) -> bool:
    """``name`` is ``author`` or part of it (surname or first name, accents and case aside)."""
    a, b = name_key(name), name_key(author)
    if not a or not b:
        return False
    if a == b:
        return True
    parts = {name_key(w) for w in author.split() if len(w) > 2}
    given = {name_key(w) for w in name.split() if len(w) > 2}
    return bool(given) and given <= parts


_VERB_CACHE: dict[str, re.Pattern[str]] = {}


def verb_after(rest: str, lex: BioLexicon) -> bool:
    """``rest`` (what follows a name) goes on with a bio verb, maybe after a handle or a short apposition."""
    if lex.verb not in _VERB_CACHE:
        _VERB_CACHE[lex.verb] = _re_store.compile(
            r"^(?:\s*\([^)]{1,40}\))?(?:,\s+[^;.]{2,120}?,)?\s+(?i:" + lex.verb + r")\b")
    return bool(_VERB_CACHE[lex.verb].match(rest))


# "Pulitzer Prize-winning journalist X writes", "NRO contributor X is", "Projektleiterin. X hat":
# a short role label may come before the name.
ROLE_LEAD_WORDS = 4


def led_by_role(text: str, authors: tuple[str, ...], lex: BioLexicon) -> str | None:
    """The author whose full name follows a short role label and precedes a bio verb, or, as
    German puts the verb second, follows the label and its verb ("Als Gerichtsreporterin berichtet X")."""
    folded = fold(text[:SELF_NAME_REACH + 40])
    for author in authors:
        at = folded.find(fold(author))
        if at <= 0 or len(text[:at].split()) > ROLE_LEAD_WORDS or not lex.role.search(text[:at]):
            continue
        if verb_after(text[at + len(author):], lex) or verb_after(" " + text[:at].split()[-1], lex):
            return author
    return None


def role_led_name(text: str, lex: BioLexicon) -> str | None:
    """The person a text names after a short role label, when a bio verb follows the name ("Die
    Bloggerin Vreni Frost ist ...", "Veteran diplomat Kurt Volker is ...")."""
    starts = [m.start() for m in _WORD_START.finditer(text[:SELF_NAME_REACH + 40])][1:ROLE_LEAD_WORDS + 1]
    for at in starts:
        if lex.role.search(text[:at]) and (name := _lead_name(text[at:], lex)):
            return name
    return None


_WORD_START = _re_store.compile(r"\S+")


def _byline_tie(text: str, authors: tuple[str, ...], first_person: bool = False, lex: BioLexicon | None = None) -> tuple[str | None, str | None]:
    """Which byline author the text opens with: (author, "byline_name" | "name_part").

    A first-person self-description names its writer in its first words
    ("Hi, ich bin David, der Gründer ...", "Hier schreibt Christian Jung über"):
    that ties it as the first name alone does.
    """
    head = name_key(text[:80])
    for author in authors:
        if head.startswith(name_key(author)):
            return author, "byline_name"
    first = name_key(text.split(" ", 1)[0]) if text else ""
    # "Tom Reyes is a columnist ..." under Tom Rogan's byline: a full name that shares only its
    # first name with the author's is another person (a sidebar card of a colleague).
    lead = _lead_name(text, lex) if lex is not None and first else None
    for author in authors:
        words = [name_key(w) for w in author.split() if len(w) > 2]
        someone_else = lead and not (same_person(lead, author) or same_person(author, lead))
        if first and first in words and not someone_else:
            return author, "name_part"
    if lex is not None and (author := led_by_role(text, authors, lex)):
        return author, "byline_name"
    if first_person:
        said = {name_key(w) for w in re.findall(r"\w+", text[:SELF_NAME_REACH]) if w[:1].isupper()}
        for author in authors:
            if said & {name_key(w) for w in author.split() if len(w) > 2}:
                return author, "name_part"
    return None, None


def weigh(candidate: Candidate, lex: BioLexicon, authors: tuple[str, ...]) -> Verdict | None:
    """The candidate's verdict (score and author), or None when it cannot be a bio at all."""
    from .bio_self_named import given_name, names_someone_else

    text = squash(candidate.text)
    words = len(text.split())
    if words < 2 or words > MAX_BIO_WORDS * 1.5:
        return None
    body = HANDLE.sub("", LEAD.sub("", text))
    if len(text) <= 70 and lex.heading.match(text):
        return None  # "Wer schreibt hier?": the box's heading, not its text
    reasons: list[str] = []
    for flag in ("structured", "box", "heading"):
        if getattr(candidate, flag):
            reasons.append(flag)
    if candidate.place in ("closing", "after_body"):
        reasons.append(candidate.place)
    if candidate.placed:
        reasons.append("card_placed")

    head = body[:READ_CHARS]
    statement = bool(lex.statement.search(head))
    first_person = bool(lex.self.match(head))
    roles = lex.role.found(head)
    said = bool(statement or first_person or roles)
    if not (said or candidate.structured):
        return None  # nothing says who someone is
    if statement:
        reasons.append("statement")
    if first_person:
        reasons.append("self")
    reasons.append("roles" if len(roles) >= 2 else "role" if roles else "")

    if _leftover_words(body, (candidate.label, *authors)) < 2:
        return None  # "Ben Summer Reporter", "N-Land Redaktion": a byline label, not a bio
    author, tie = _byline_tie(body, authors, first_person, lex)
    if not said and not (tie and is_person_name(author)):
        # A visible text the schema.org author description repeats is the bio in any words
        # ("X suit le conseil municipal ...") when it opens with the byline's person; a site's
        # tagline in a "Person" description ("KentNews.Online - Reporting on ...") is not.
        return None
    lead = None if lex.statement.match(body) else _lead_name(body, lex)  # "Der Autor ist ..." names no one
    named = lead or (role_led_name(body, lex) if authors else None)  # the person the text is about
    if tie:
        reasons.append(tie)
        # (In a scrape nothing else marks a card; a marked-up box or heading has its own weight.)
        opening = fold(body[:SELF_NAME_REACH + 40])
        if tie == "byline_name" and not (candidate.box or candidate.heading) and any(
                opening.startswith(fold(a)) and verb_after(body[len(a):], lex) for a in authors):
            reasons.append("name_verb")  # "Jane Doe is a reporter at ...": the byline's full name, then a bio verb
    elif candidate.label and any(same_person(candidate.label, a) for a in authors) and not (
            named and not (
                same_person(named, candidate.label) or same_person(candidate.label, named))):
        # (a text under the byline's name line that opens with another full name is that person's:
        # "Reporting by Will Dunham" / "Tom Reyes is a columnist ..." at the page's end, or an
        # interview's opening "Die Bloggerin Vreni Frost ist ..." under the interviewer's name)
        author = next(a for a in authors if same_person(candidate.label, a))
        reasons.append("byline_name")
    elif any(name_key(a) in name_key(body) for a in authors if len(name_key(a)) >= 6):
        # "Dear Abby is written by Abigail Van Buren": a column's credit names the byline inside
        author = next(a for a in authors if name_key(a) in name_key(body))
        reasons.append("byline_named")
    elif statement and authors and credits_someone_else(head, authors):
        reasons.append("other_person")  # another column's credit ("Dear Tom is written by Tom Reyes") on Jane Doe's page
    elif first_person and authors and names_someone_else(body, authors, lex):
        reasons.append("other_person")  # "Hier schreibt Maria Klein über ..." on a guest post by someone else
    elif named and authors and not any(same_person(named, a) or same_person(a, named) for a in authors):
        reasons.append("other_person")  # "Prof X, vice-chancellor of Y, ..." when the byline is someone else
    elif candidate.label and authors and not any(same_person(a, candidate.label) for a in authors):
        reasons.append("other_person")
    elif lead and not authors and news_opener(body, lex):
        # With no byline to tie it to, "X, role, has testified ..." closing a story is the story.
        reasons.append("news_opener")
    elif lead:
        author = lead
        reasons.append("lead_name")
        if not authors and candidate.place == "after_body" and _says_role(body, lex):
            # No byline, and right after the article's end: "X is a reporter at Y" / "X writes
            # about ..." has a bio's own shape (a name, a bio verb, what the person is).
            reasons.append("name_verb")
    elif candidate.label:
        author = candidate.label
        reasons.append("label_name")
    elif lex.pronoun.match(body):
        reasons.append("pronoun")
    elif candidate.heading and not candidate.label and len(authors) == 1 and (words >= CARD_WORDS or job_line(body, lex)):
        # "Über den Autor" / "Medizinstudent, Papa, ..." / "Senior editor at Gizmodo.": the heading
        # says whom the box is about, and the page has one author for it to be about.
        reasons.append("announced")
    if first_person and (tie or "label_name" in reasons and names_label(body, candidate.label)) and (
            lex.self_writer.search(head) or lex.writer.search(head)):
        reasons.append("self_writer")  # "Hi, I'm Amy! I write about ..." under Amy's byline: her box
    if first_person and not (authors or tie or candidate.label or candidate.heading or candidate.box) and given_name(
            body, lex) and not lex.self_writer.search(head):
        reasons.append("stranger")  # "Hi, I'm Sarah, a nurse ..., and this planner ...": a testimonial, no writer's box
    if author is None and len(authors) == 1 and "other_person" not in reasons:
        author = authors[0]
    if _card_label(candidate, author, reasons, bool(authors) and bool(roles), lex):
        reasons.append("card_name")
    if _writer_tie(candidate, body, head, authors, tie, reasons, lex):
        reasons.append("writer_tie")

    if lex.speech.search(body[:240]):
        reasons.append("speech")
    if _OPENS_QUOTED.match(text):
        reasons.append("opens_quoted")
    elif _LONG_QUOTE.search(text):
        reasons.append("long_quote")
    if lex.promo.search(without_tail(body, lex)[:READ_CHARS]):
        reasons.append("promo")  # (not the box's own "Alle Artikel von …" link glued on its end: a tail)
    if words > MAX_BIO_WORDS:
        reasons.append("long")
    if candidate.place == "byline" and first_person and not roles and not statement and "self_writer" not in reasons:
        # "Hi, I'm Amy, and today I want to tell you about ...": a post's first lines in the
        # first person open the story; a box there says what its writer is.
        reasons.append("intro")
    reasons = [r for r in reasons if r]
    score = sum(WEIGHTS[r] for r in reasons)
    return Verdict(candidate=candidate, score=score, author=author, reasons=tuple(reasons))


def _writer_tie(candidate: Candidate, body: str, head: str, authors: tuple[str, ...], tie: str | None,
                reasons: list[str], lex: BioLexicon) -> bool:
    """A closing note that stands for the byline's one author by a pronoun or the first name alone
    ("He covers the White House.", "Madison joined the News Team in 2018.") and says what a writer
    does: the author's note. A story's closing "She is a retired nurse ..." names no writer's job."""
    if len(authors) != 1 or candidate.place not in ("closing", "after_body") or not lex.writer.search(head):
        return False
    if "pronoun" in reasons:
        return True
    first = body.split(" ", 1)[0]
    return tie == "name_part" and verb_after(body[len(first):], lex)


def _card_label(candidate: Candidate, author: str | None, reasons: list[str], bylined_role: bool,
                lex: BioLexicon) -> bool:
    """A scrape's author card: the text comes right under a line that is its person's name
    ("Maximilian Steinbeis" / "Maximilian Steinbeis is a legal journalist ...", "Jane Doe" /
    "Medizinstudentin, Läuferin, ..."), the byline's or, with no byline, its own. Under the
    byline's name, a job title alone is the card too ("Daniel Roe" / "Senior Politics Reporter, HuffPost")."""
    label = candidate.label
    if candidate.place != "page" or not label or "other_person" in reasons or not is_person_name(label):
        return False
    # With no byline, a job line under a name says more than a credit: "Politics Reporter, HuffPost".
    if len(candidate.text.split()) < CARD_WORDS and not (job_line(candidate.text, lex) if bylined_role
                                                         else job_box(candidate.text, lex)):
        return False  # "Verwandte Artikel Mehr vom Autor", "Bücher & Autoren": the card's links, not its text
    if "self" in reasons and not names_label(candidate.text, label):
        return False  # "ich bin schon ganz gespannt ...": a reader's comment under a name, not a self-description
    return author is None or same_person(label, author) or same_person(author, label)


# A card's description is a sentence or more; a shorter line under a name is a link or a label.
CARD_WORDS = 6


def names_label(text: str, label: str) -> bool:
    """The text gives (a word of) the label's name in its first words."""
    said = {name_key(w) for w in re.findall(r"\w+", text[:SELF_NAME_REACH])}
    return any(name_key(w) in said for w in label.split() if len(w) > 2)


def _leftover_words(text: str, names) -> int:
    """How many words the text has besides the names it is labelled with."""
    words = text.split()
    skip = {loose(w) for name in names if name for w in name.split()}
    return sum(1 for w in words if loose(w) not in skip)


def corroborated(text: str, descriptions) -> bool:
    """The text is (part of) one of the schema.org author descriptions."""
    key = loose(text)
    return len(key) >= 20 and any(key in loose(d) or loose(d) in key for d in descriptions if len(loose(d)) >= 20)
