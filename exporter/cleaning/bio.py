"""Finding the author-bio paragraph at the end of an article.

A bio is a short closing paragraph that names a person and their role or book:
"Jane Doe is a professor of ...", "Jane Doe, a fellow at ..., is the author of
...", "— Jane Doe is a columnist for ...", optionally followed by "She
contributed this comment to ...". The name must look like a person's name and
a role word must follow it in the same paragraph; nothing here knows any
particular article.
"""

from __future__ import annotations

import re

from .._dataclass_store import dataclass
from .. import _re_store  # re.compile, from the code an earlier run stored
from .names import is_person_name, tidy_name

MAX_BIO_WORDS = 110
# How many closing blocks may hold the bio (short trailing notes may follow it).
BIO_WINDOW = 3

_LEAD = _re_store.compile(r"^(?:[—–\-*•]+\s*|about the (?:author|writer)s?\s*:?\s*|\(\s*)+", re.IGNORECASE)
_HANDLE = _re_store.compile(r"\s*\((?:@\w+|[^)]{0,40}@[^)]{0,40})\)")
# "Name is/has/covers ..." or "Name, <role>, is/has ..." (an apposition, then a bio verb).
_NAME_THEN_VERB = _re_store.compile(
    r"^(?P<name>[^,;:()\"“”]{3,60}?)(?:,\s+[^;]{2,200}?,)?"
    r"\s+(?i:is|was|has|had|writes|wrote|teaches|taught|covers|lives|serves|served|holds|works|worked"
    r"|edits|hosts|directs|leads|reports|blogs|previously|currently|also)\b"
)
_ROLE = _re_store.compile(
    r"\b(?:professor|author|co-?author|columnist|editor|writer|journalist|correspondent|reporter|fellow|director"
    r"|lecturer|researcher|scholar|historian|economist|novelist|poet|contributor|analyst|founder|co-?founder"
    r"|president|chair(?:man|woman)?|ceo|book|books|teaches|covers|blogger|commentator|host|producer|consultant"
    r"|lawyer|attorney|physician|doctor|scientist|student|candidate|ph\.?d|graduate|specialist|expert|critic"
    r"|essayist|memoir|novel|biography|contributed|newsletter|podcast|senior|former|member|strategist|adviser"
    r"|covered|written by|founded|joined|advisor|diplomat|ambassador|minister|secretary|partner|executive|manager|coordinator|associate|staff"
    r"|intern|freelance|based in|lives in|twitter|follow (?:him|her|them))\b",
    re.IGNORECASE,
)
_CONTRIBUTED_TO = _re_store.compile(
    r"\b(?:contributed|wrote|adapted) this (?:comment|commentary|article|piece|column|essay|op-ed|story|analysis)"
    r"(?: exclusively)? (?:to|for) (?P<pub>(?:the |The )?[A-Z][\w&'’.\-]*(?:\s+(?:of |for |& |and )?[A-Z][\w&'’.\-]*){0,5})"
)
_APPEARED_IN = _re_store.compile(
    r"\b(?:originally|first) (?:appeared|was published|ran|published) (?:in|on|by) "
    r"(?P<pub>(?:the |The )?[A-Z][\w&'’.\-]*(?:\s+(?:of |for |& |and )?[A-Z][\w&'’.\-]*){0,5})"
)


# "Jane Doe, president of Acme, says: ..." is a quote in a press release, not a bio.
_REPORTED_SPEECH = _re_store.compile(r"\b(?:says|said|told|added|explained|according to)\b\s*[:,“\"]?|[“\"]\s*$|:\s*[“\"]",
                              re.IGNORECASE)
# Author widgets that truncate a profile and link to it ("... Full Bio", "View all posts by"):
# site furniture repeated on every page of the author, not part of the article.
_PROFILE_CARD = _re_store.compile(r"(?:\.\.\.|…)\s*(?:full bio|read more|more)\s*$|\b(?:view|see) all (?:posts|articles|stories) by\b",
                           re.IGNORECASE)


@dataclass(frozen=True)
class BioMatch:
    name: str
    publisher: str | None


def match_bio(text: str) -> BioMatch | None:
    """The person a closing paragraph introduces, or None if it is not a bio."""
    text = " ".join(text.split())
    words = text.split()
    if not 5 <= len(words) <= MAX_BIO_WORDS:
        return None
    body = _LEAD.sub("", text)
    body = _HANDLE.sub("", body)
    m = _NAME_THEN_VERB.match(body)
    if not m:
        return None
    name = tidy_name(m.group("name"))
    words = name.split()
    # "Dan Roe Dan is ..." : an author card's name label glued to its blurb (site furniture).
    if not is_person_name(name) or words[0] == words[-1]:
        return None
    rest = body[m.end():]
    if not _ROLE.search(rest) or _REPORTED_SPEECH.search(rest[:200]) or _PROFILE_CARD.search(body):
        return None
    return BioMatch(name=name, publisher=publisher_in(body))


def publisher_in(text: str) -> str | None:
    """A publisher named by "... contributed this comment to X" / "originally appeared in X"."""
    for pattern in (_CONTRIBUTED_TO, _APPEARED_IN):
        m = pattern.search(text)
        if m:
            return m.group("pub").rstrip(".").strip()
    return None
