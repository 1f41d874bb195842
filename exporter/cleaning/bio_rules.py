"""Author-bio rules as data: the ``[[bio]]`` tables of the rules files.

Each entry has a ``kind`` (what the pattern is evidence of, see
``bio_rules.toml``), a ``lang`` (documentation and counting: every language's
rules apply to every page, since a page's declared language is often wrong
and German blogs quote English author boxes) and a ``pattern``. Adding a
language is adding entries; the code knows no phrase of any language.
"""

from __future__ import annotations

import functools
import re

from .._dataclass_store import dataclass
from .. import _re_store
from ..errors import ConfigError

BIO_KINDS = ("heading", "box", "statement", "self", "self_name", "self_writer", "first_person", "role", "verb",
             "pronoun", "not_name", "speech", "promo", "end", "author_link", "job_link", "not_job", "tail", "writer",
             "lead")


@dataclass(frozen=True)
class BioRule:
    kind: str
    lang: str
    pattern: str


def parse_bio_rules(items: object, origin, *, check_patterns: bool = True) -> tuple[BioRule, ...]:
    """The ``[[bio]]`` entries of one rules file, checked (a bad one is a one-line ConfigError).

    The patterns are kept as text (`lexicon` compiles them, with its own flags);
    ``check_patterns`` compiles each once here so that a user's bad one is reported
    as a ConfigError naming its file. The shipped file's are checked by the test
    suite instead: compiling its 60-odd patterns only to check them, on every run,
    cost about 10 ms of a one-article export."""
    if items is None:
        return ()
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ConfigError("[[bio]] must be an array of tables", path=origin)
    rules = []
    for item in items:
        kind, pattern = item.get("kind"), item.get("pattern")
        if kind not in BIO_KINDS:
            raise ConfigError(f"[[bio]] kind must be one of {BIO_KINDS}, not {kind!r}", path=origin)
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError("every [[bio]] needs a non-empty string 'pattern'", path=origin)
        if check_patterns:
            try:
                re.compile(pattern, re.IGNORECASE)
            except re.error as err:
                raise ConfigError(f"bad pattern in [[bio]] {pattern!r}: {err}", path=origin) from None
        rules.append(BioRule(kind, str(item.get("lang") or "any"), pattern))
    return tuple(rules)


class PatternSet:
    """The rules of one kind, each compiled alone and matched against the lower-cased text.

    Python's regex engine tries an alternation's branches one by one at every
    position, and IGNORECASE slows each step: a pattern per rule on lowered
    text is several times faster than one case-insensitive alternation (the bio
    stage weighs a dozen candidates a page). A pattern written with capitals
    is still honoured, case-insensitively.
    """

    def __init__(self, patterns: tuple[str, ...]):
        self.patterns = tuple(_re_store.compile(p, re.IGNORECASE if _has_capitals(p) else 0) for p in patterns)

    def search(self, text: str) -> bool:
        low = text.lower()
        return any(p.search(low) for p in self.patterns)

    def match(self, text: str) -> bool:
        low = text.lower()
        return any(p.match(low) for p in self.patterns)

    def match_end(self, text: str) -> int | None:
        """Where the first pattern that matches at the start of ``text`` ends (None: none matches)."""
        low = text.lower()
        ends = [m.end() for m in (p.match(low) for p in self.patterns) if m]
        return min(ends) if ends else None

    def found(self, text: str, enough: int = 2) -> set[str]:
        """The distinct matches (up to ``enough`` of them: the weighing only counts one or two)."""
        low, seen = text.lower(), set()
        for pattern in self.patterns:
            for m in pattern.finditer(low):
                seen.add(m.group(0))
                if len(seen) >= enough:
                    return seen
        return seen


def _has_capitals(pattern: str) -> bool:
    bare = re.sub(r"\\.|\(\?P[<=]", "", pattern)
    return bare != bare.lower()


_NEVER = "(?!x)x"


@dataclass(frozen=True)
class BioLexicon:
    headings: tuple[re.Pattern[str], ...]  # each may carry its own (?P<name>) group; matched on the text as written
    heading: re.Pattern[str]  # all headings in one (short lines only): the quick test
    heading_lines: re.Pattern[str]  # the same over many lines at once (^ and $ per line)
    box: re.Pattern[str]  # searched over an element's class and id tokens, one a line (^ and $ per token)
    statement: PatternSet
    self: PatternSet
    role: PatternSet
    pronoun: PatternSet
    first_person: PatternSet  # a line that goes on in the first person ("I also help ...")
    not_name: PatternSet  # a capitalised opening that is a noun phrase, not a person ("Der Resonator ist ...")
    speech: PatternSet
    promo: PatternSet
    end: PatternSet  # a line of a scrape after which the article is over (comments', related posts' heads)
    verb: str  # an alternation spliced after a name pattern, not a pattern alone
    author_links: tuple[re.Pattern[str], ...] = ()  # whole lines naming the author in (?P<name>...): "More from X"
    not_job: PatternSet = PatternSet(())  # a role word that is a work, or a wire credit: not a job title
    tails: tuple[re.Pattern[str], ...] = ()  # where a bio's glued-on furniture begins (searched, lower-cased)
    job_link: re.Pattern[str] = re.compile(_NEVER)  # what ties a job title to its outlet (" at ", " bei "): split on
    writer: PatternSet = PatternSet(())  # a writer's job or beat ("reporter", "covers", "schreibt für")
    self_writer: PatternSet = PatternSet(())  # what a first-person box says its writer does ("I write about ...")
    self_name: PatternSet = PatternSet(())  # a self-description's opening that a name follows ("Hi, I'm", "Je m'appelle")
    leads: tuple[re.Pattern[str], ...] = ()  # furniture glued before a bio (share words), matched at its start



@functools.lru_cache(maxsize=8)
def lexicon(rules: tuple[BioRule, ...]) -> BioLexicon:
    def of(kind: str) -> tuple[str, ...]:
        return tuple(r.pattern for r in rules if r.kind == kind)

    def alternation(kind: str) -> str:
        # Named groups would clash across entries; only headings use them, and they are also kept apart.
        return re.sub(r"\(\?P<\w+>", "(?:", "|".join(f"(?:{p})" for p in of(kind)) or _NEVER)

    # `_re_store.compile` is re.compile from code stored by an earlier run: the lexicon's
    # 130-odd patterns cost about 14 ms of a one-article export to compile each time.
    found = BioLexicon(
        headings=tuple(_re_store.compile(p, re.IGNORECASE) for p in of("heading")),
        heading=_re_store.compile(alternation("heading"), re.IGNORECASE),
        heading_lines=_re_store.compile(alternation("heading"), re.IGNORECASE | re.MULTILINE),
        box=_re_store.compile(alternation("box"), re.MULTILINE),  # class names are lowered first
        statement=PatternSet(of("statement")), self=PatternSet(of("self")), role=PatternSet(of("role")),
        pronoun=PatternSet(of("pronoun")), first_person=PatternSet(of("first_person")),
        not_name=PatternSet(of("not_name")), speech=PatternSet(of("speech")), promo=PatternSet(of("promo")),
        end=PatternSet(of("end")),
        verb=alternation("verb"),
        author_links=tuple(_re_store.compile(p, re.IGNORECASE) for p in of("author_link")),
        job_link=_re_store.compile(alternation("job_link"), re.IGNORECASE), not_job=PatternSet(of("not_job")),
        tails=tuple(_re_store.compile(p, re.IGNORECASE) for p in of("tail")),
        writer=PatternSet(of("writer")), self_writer=PatternSet(of("self_writer")),
        self_name=PatternSet(of("self_name")),
        leads=tuple(_re_store.compile(p, re.IGNORECASE) for p in of("lead")),
    )
    _re_store.flush()
    return found


def without_tail(text: str, lex: BioLexicon) -> str:
    """The bio without the furniture a box's text ran on into (a product rail's head, key fingerprints)."""
    # (A rule's ``tail`` group, when it has one, is where the furniture begins: "... 2007. @handle More by X".)
    starts = (m.start("tail") if "tail" in m.re.groupindex else m.start() for m in (p.search(text) for p in lex.tails) if m)
    cut = min((start for start in starts if start > 0), default=len(text))
    return text[:cut].rstrip(" •·|-–—") if cut < len(text) else text


# A glued lead is a date and share words, maybe the other way round: a few cuts at the most.
LEAD_ROUNDS = 3


def without_lead(text: str, lex: BioLexicon) -> str:
    """The bio without the furniture a whole-page scrape glued before it: the post's date and its
    share buttons ("12. März 2021 Teilen Twittern E-Mail Jonas Keller ist ..."). A date alone is cut
    only before a capitalised word (the bio's), never a date the bio's first sentence is about."""
    from .dates import leading_date_end

    rest, cut, rounds = text, True, 0
    while cut and rounds < LEAD_ROUNDS:
        cut, rounds = False, rounds + 1
        date_end = leading_date_end(rest)
        if date_end is not None and rest[date_end:].lstrip()[:1].isupper():
            rest, cut = rest[date_end:].lstrip(" ,|•·-–—"), True
        ends = [m.end() for m in (p.match(rest) for p in lex.leads) if m]
        if ends and rest[max(ends):].strip():
            rest, cut = rest[max(ends):].lstrip(" |•·-–—"), True
    return rest if rest[:1].isupper() else text


def with_subject(text: str, author: str | None) -> str:
    """The bio with its author's name before it when the text opens on the verb.

    Author cards set the name as the card's heading and the description under it as the rest
    of the sentence ("<h3>Mira Haddad</h3><p>studiert gerade Meereskunde …</p>", "is a
    reporter covering …"): on the bio page, without the heading, the text would open in lower
    case. A text opening with a word of the name ("van Gogh was …") has its subject already."""
    words = text.split()
    if not author or not words or not words[0][:1].islower():
        return text
    surname = author.split()[-1].casefold()
    if any(word.strip(",.;:").casefold() in (surname, *author.casefold().split()) for word in words[:SUBJECT_REACH]):
        return text  # the name is there after a lower-case title ("taz-Redakteurin Jana Berg schreibt …")
    return f"{author} {text}"


# How far into a bio opening in lower case its author's name is looked for.
SUBJECT_REACH = 8


def languages(rules: tuple[BioRule, ...]) -> tuple[str, ...]:
    """The languages the bio rules speak (for documentation and tests)."""
    return tuple(sorted({r.lang for r in rules if r.lang != "any"}))
