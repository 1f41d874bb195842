"""Whom a first-person self-description names: the name it gives after its opening ("Hi, I'm Sarah,
...", "Hier schreibt Maria Klein über ...", "Je m'appelle Marc ..."), and whether that is someone
other than the byline's authors (a testimonial, a reader's comment, a guest post's host).
"""

from __future__ import annotations

from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_evidence import name_key, same_person
from .bio_rules import BioLexicon
from .names import is_person_name


def given_name(text: str, lex: BioLexicon) -> str | None:
    """The name a self-description gives after a greeting's "I'm" or a "my name is" ("Hi, I'm Sarah, ...")."""
    at = lex.self_name.match_end(text)
    given = _GIVEN.match(text, at) if at is not None else None
    return given.group() if given else None


_GIVEN = _re_store.compile(r"[A-ZÀ-Þ][^\W\d_]+(?=[\s,!.]|$)")
_NAME_RUN = _re_store.compile(r"[\s,:–—-]*((?:[^\W\d_][\w.\-]*\s+){1,3}[^\W\d_][\w.\-]*)")


def names_someone_else(text: str, authors: tuple[str, ...], lex: BioLexicon) -> bool:
    """A self-description gives, right after its opening ("Hier schreibt", "My name is"), a full
    person's name that is not a byline author's; or, after a greeting's "I'm" ("Hi, I'm Sarah, a
    nurse ...": a testimonial, a reader's comment), a first name that is none of theirs."""
    given = given_name(text, lex)
    if given and not any(name_key(given) == name_key(w) for a in authors for w in a.split()):
        return True
    end = lex.self.match_end(text)
    m = _NAME_RUN.match(text, end) if end is not None else None
    if not m:
        return False
    words = m.group(1).split()
    for size in range(len(words), 1, -1):
        name = " ".join(words[:size]).rstrip(".,")
        if is_person_name(name):
            return not any(same_person(name, a) or same_person(a, name) for a in authors)
    return False
