"""Which of the weighed bio candidates become the article's bios (`choose`).

`bio_evidence.weigh` scores each candidate; this keeps those at or above
``ACCEPT``, one per author, the best first, in byline order, and drops a
shortened copy of a bio printed in full elsewhere on the page.
"""

from __future__ import annotations

from .bio_evidence import ACCEPT, Verdict, fold, letter_words, same_person
from .draft import loose


def choose(verdicts: list[Verdict], authors: tuple[str, ...]) -> list[Verdict]:
    """The accepted bios: one per author, the best-scoring, in byline order (then page order).

    With a known byline, a bio that names none of its authors is not kept; with
    several authors, a bio that names no one cannot be given to any of them.
    """
    # Of equal scores, a text tied to a person (a card's name label) before the same text untied,
    # then the text that says more of what its person is (two roles before one).
    accepted = sorted((v for v in verdicts if v.score >= ACCEPT),
                      key=lambda v: (-v.score, v.author is None, "roles" not in v.reasons, v.candidate.order))
    accepted = [v for v in accepted if not any(_cut_short(v, w) for w in accepted)]
    if not authors and _people(v.author for v in accepted if v.author) > 1:
        return []  # no byline and cards of two people (a group blog's "our team"): nothing says whose page it is
    kept: list[Verdict] = []
    for verdict in accepted:
        key = loose(verdict.author or "")
        if len(authors) > 1 and not verdict.author:
            continue
        if any(loose(k.author or "") == key for k in kept):
            continue
        if any(_overlaps(verdict.text, k.text) and (not k.author or not verdict.author or
                                                    loose(k.author) == key) for k in kept):
            continue
        kept.append(verdict)
    limit = max(len(authors), 1)
    kept = kept[:limit]
    rank = {loose(a): i for i, a in enumerate(authors)}
    return sorted(kept, key=lambda v: (rank.get(loose(v.author or ""), len(rank)), v.candidate.order))


def _people(names) -> int:
    """How many people the names are: "Jane Doe" and "Jane" (a card by first name) are one."""
    people: list[str] = []
    for name in names:
        if not any(same_person(name, known) or same_person(known, name) for known in people):
            people.append(name)
    return len(people)


def _cut_short(verdict: Verdict, other: Verdict) -> bool:
    """``verdict`` is a shortened copy of ``other``'s text: a widget's teaser of the bio printed in full
    elsewhere on the page ("... for a wide variety of publications including" / the whole note)."""
    short, full = loose(verdict.text), loose(other.text)
    return (len(full) > len(short) >= 20 and full.startswith(short) and other.score >= verdict.score - 1.0
            and loose(other.author or "") == loose(verdict.author or ""))


def _overlaps(a: str, b: str) -> bool:
    la, lb = loose(a), loose(b)
    return la in lb or lb in la


# A paragraph of the story, not a profile link ("Weitere Artikel von Jana Roth Alle Autoren").
STORY_WORDS = 10


def named_in_story(verdict: Verdict, paragraphs: list[str]) -> bool:
    """The person a text describes is named again in another paragraph of the story: it is the
    story's subject (an interview's portrait of a novelist, "Anna Kovac ist Schriftstellerin ...",
    then "Kovac sagt, ..."), not its author; read on pages with no byline, where no name ties the
    text to the writer."""
    name = verdict.author or verdict.candidate.label
    own = loose(verdict.text)
    return bool(name) and any(named_by_surname(name, text) for text in paragraphs
                              if own not in loose(text) and loose(text) not in own)


def named_by_surname(name: str, text: str) -> bool:
    """A paragraph of a story (STORY_WORDS or more) names the person by the surname alone, as a story
    names its subject ("Kovac sagt"); a line naming the person in full ("Suggested citation: Roth,
    Jana: ...") is the page's credit of its writer, not the story."""
    parts = name.split()
    if len(parts) < 2 or len(text.split()) < STORY_WORDS:
        return False
    words = letter_words(text)
    return fold(parts[-1]) in words and fold(parts[0]) not in words
