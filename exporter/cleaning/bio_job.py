"""A job title set as a line of its own: an author box that names no one.

Author boxes beside the byline, and under an "About the author" heading,
often give the person's job and nothing else: "Senior editor at Gizmodo.",
"Senior Politics Reporter, HuffPost", "Medizinstudent, Papa, Blogger". The
box's name is the byline (or its heading); the line is a noun phrase: a list
of short items, one of which ends in a role noun before any "at <outlet>".
A standfirst or a headline is a sentence ("Senior officials under pressure",
"Minister resigns"): its role word, if any, is not an item's head.
"""

from __future__ import annotations

import re

from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_rules import BioLexicon

# A job line is a title, not a sentence: a few words, in a few short items.
JOB_WORDS = 10
ITEM_WORDS = 5
# An outlet given as its web address: "Motorsport-Magazin.com Redakteur", "Golem.de-Redakteurin".
_DOMAIN = _re_store.compile(r"[^\W_]\.(?:com|net|org|de|at|ch|fr|es|it|pt|br|co\.uk|uk|info|eu)\b", re.IGNORECASE)
_ITEMS = _re_store.compile(r"\s*(?:[,;|/·•]|\s&\s|\s\+\s)\s*")


def job_line(text: str, lex: BioLexicon) -> bool:
    """The line is a job title or a list of roles: one of its items ends in a role noun
    (before its "at Gizmodo", "bei der taz"), and it quotes no one and sells nothing."""
    text = text.strip().rstrip(".")
    words = text.split()
    if not 1 <= len(words) <= JOB_WORDS or not text[:1].isupper() or text.endswith(("?", "!", ":")):
        return False
    if lex.promo.search(text) or lex.speech.search(text) or lex.not_job.match(text):
        return False
    items = [item for item in _ITEMS.split(text) if item]
    if any(len(item.split()) > ITEM_WORDS for item in items):
        return False
    return any(_role_item(item, lex) for item in items)


def _role_item(item: str, lex: BioLexicon) -> bool:
    """The item ends in a role noun before its "at Gizmodo" ("Senior editor", "Papa")."""
    head = lex.job_link.split(item, maxsplit=1)[0].split()
    # A title's words are capitalised or roles ("Senior editor"); "Letters to the Editor" is a section.
    if not head or not all(w[:1].isupper() or lex.role.search(w) for w in head):
        return False
    return bool(lex.role.search(head[-1])) and not lex.not_job.search(head[-1])


# An item that names an outlet, not a place: an acronym ("BBC"), an inner capital ("HuffPost"),
# a web address, or a media word ("Daily Telegraph", "Stadtblatt"). A bureau credit's
# dateline ("Senior Correspondent, Washington") is a place: not a second item of a box.
_OUTLET = _re_store.compile(
    r"\b[A-Z]{2,}\b|[a-z][A-Z]|\b(?:News|Times|Post|Journal|Herald|Tribune|Daily|Press|Magazine|Radio|TV|"
    r"Zeitung|Blatt|Magazin|Rundschau|Anzeiger|Kurier|Nachrichten|Online)\b|(?:blatt|zeitung|magazin|post)\b")


def job_box(text: str, lex: BioLexicon) -> bool:
    """A job line that says more than a byline's credit: its outlet ("Senior editor at Gizmodo.",
    "Politics Reporter, HuffPost", "Motorsport-Magazin.com Redakteur") or several roles ("Medizinstudent, Papa, Blogger"). A bare
    "Staff Writer" or "Senior Reporter" under a "By" line is the byline's own credit."""
    if not job_line(text, lex):
        return False
    items = [item for item in _ITEMS.split(text.strip().rstrip(".")) if item]
    roles = sum(_role_item(item, lex) for item in items)
    outlets = any(not _role_item(item, lex) and _OUTLET.search(item) for item in items)
    return (roles >= 2 or outlets or any(len(lex.job_link.split(item, maxsplit=1)) > 1 for item in items)
            or bool(_DOMAIN.search(text)))
