"""Whether a column's credit names, where it names its writer, a full name that is not the byline's.

"Dear Tom is written by Tom Reyes, a retired judge ..." on a page whose byline
names someone else is a syndicate's line for another column, not the byline
author's bio. (A self-description's name, "Hier schreibt Maria Klein über
...", is read by `bio_self_named.names_someone_else`.)
"""

from __future__ import annotations

from .. import _re_store  # re.compile, from the code an earlier run stored
from .names import is_person_name

_NAME_RUN = _re_store.compile(r"[\s,:–—-]*((?:[^\W\d_][\w.\-]*\s+){1,3}[^\W\d_][\w.\-]*)")
# A column's credit names its writer after "written by" ("Dear Tom is written by Tom Reyes, ...").
_CREDIT_BY = _re_store.compile(r"\b(?:written|edited|compiled) by\b")


def credits_someone_else(text: str, authors: tuple[str, ...]) -> bool:
    """A column's credit names, right after "written by", a full person's name that is not a byline author's."""
    by = _CREDIT_BY.search(text)
    return by is not None and _other_named_at(text, by.end(), authors)


def _other_named_at(text: str, end: int, authors: tuple[str, ...]) -> bool:
    """At ``end`` the text gives a full person's name that is not a byline author's."""
    from .bio_evidence import same_person  # (bio_evidence reads this module's answers)

    m = _NAME_RUN.match(text, end)
    if not m:
        return False
    words = m.group(1).split()
    for size in range(len(words), 1, -1):
        name = " ".join(words[:size]).rstrip(".,")
        if is_person_name(name):
            return not any(same_person(name, a) or same_person(a, name) for a in authors)
    return False
