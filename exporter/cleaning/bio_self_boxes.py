"""First-person author boxes a scrape places by a byline line: a blogger's "Hallo, ich bin Jana!
Ich schreibe hier über ..." right under "Von Jana Berg" (or, a sidebar widget first in the scrape,
right above the headline), and, when the byline steps found no byline, the box that gives the name
a byline line the steps could not take ("von David · 18. Oktober", "Posted by Trey Hunner Dec 21st").

The candidates are weighed like any other (`bio_evidence.weigh`): a box beside the byline must name
the author and say what its writer does, or it is the post's own first-person opening.
"""

from __future__ import annotations

import re

from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_evidence import SELF_NAME_REACH, Candidate, name_key
from .bio_named import BYLINE_LINE_CHARS, MAX_CHARS, _byline_named, with_first_person
from .bio_rules import BioLexicon

# A blog's first-person box under the byline comes next, or past the date's line.
BYLINE_BOX_REACH = 2


def byline_self_boxes(texts: list[str], before: int, authors: tuple[str, ...], usable, lex: BioLexicon) -> list[Candidate]:
    """The first-person self-descriptions right under a byline line before line ``before`` (the
    comments' head): "By Jana Berg" / "Hallo, ich bin Jana! Ich schreibe hier über ...", or (a
    sidebar widget first in the scrape) right above its headline.

    A scrape's body range often begins above the byline (the standfirst, a picture's caption), so
    the box is neither among the lines before the body nor among its opening blocks; the byline
    line above it is what places it (weighed as a box beside the byline: it must name the author
    and say what its writer does, or it is the post's own first-person opening)."""
    full = {name_key(a): a for a in authors}
    out = []
    for index in range(min(before, len(texts))):
        line = texts[index]
        named = _byline_named(line, False, full) if full else _unread_byline(line)
        if named is None:
            continue
        near = list(range(index + 1, min(len(texts), index + 1 + BYLINE_BOX_REACH)))
        if full:  # a sidebar widget a scrape sets before the headline, above the byline
            near += range(index - 2, max(-1, index - 2 - BYLINE_BOX_REACH), -1)
        after = next((i for i in near if usable(i) and lex.self.match(texts[i])), None)
        label = None if full or after is None else _self_given(texts[after], named, lex)
        if after is not None and (full or label):
            out.append(Candidate(text=with_first_person(texts, after, usable, lex), place="byline", label=label,
                                 order=after))
    return out if full else out + _far_self_boxes(texts, before, usable, lex, {c.order for c in out})


def _far_self_boxes(texts: list[str], before: int, usable, lex: BioLexicon, taken: set[int]) -> list[Candidate]:
    """With no byline found, a first-person box anywhere on the page (a footer's "about me" widget
    after the comments) that gives the name of a byline line above the comments' head and says what
    its writer does ("von Bob Fischer" ... "Moin, ich bin Bob! Ich blogge seit 2015 über ..."): a
    reader's comment giving the same first name would have to say it writes here too."""
    names = [name for name in map(_unread_byline, texts[:before]) if name]
    out = []
    for index, text in enumerate(texts):
        if not names or index in taken or len(text) > MAX_CHARS or not usable(index) or not lex.self.match(text):
            continue
        label = next((given for given in (_self_given(text, name, lex) for name in names) if given), None)
        if label and lex.self_writer.search(text[:SELF_WRITER_CHARS]):
            out.append(Candidate(text=with_first_person(texts, index, usable, lex), place="page", label=label,
                                 order=index))
    return out


# What a box says its writer does comes in its first sentences.
SELF_WRITER_CHARS = 400


def _self_given(text: str, name: str, lex: BioLexicon) -> str | None:
    """The words of ``name`` a self-description gives right after its opening ("Hallo, ich bin David!"
    under "von David · 18. Oktober"): the writer's name as the box says it. "I am a Forbes.com
    Contributor" under "Opinions expressed by Forbes Contributors" gives no name."""
    end = lex.self.match_end(text)
    given = re.findall(r"[^\W\d_][\w\-]*", text[end:end + SELF_NAME_REACH]) if end is not None else []
    words = name.split()
    count = next((n for n in range(len(words), 0, -1)
                  if [name_key(w) for w in given[:n]] == [name_key(w) for w in words[:n]]), 0)
    return " ".join(words[:count]) or None


# "von David · 18. Oktober 2019", "Posted by Trey Hunner Dec 21st": a byline line the byline steps did
# not take (a first name alone, a theme's date glued on), read only for the name after its word.
_BY_NAME = _re_store.compile(r"(?:^|[\s,|·])(?i:by|von|durch|par|por|di|da|de|door|av|af):?\s+"
                             r"(?P<name>[A-ZÀ-Þ][^\W\d_]+(?: [A-ZÀ-Þ][^\W\d_]+){0,2})")


def _unread_byline(line: str) -> str | None:
    """The name a short line gives after a byline word, when a page's byline was not found."""
    if len(line) > BYLINE_LINE_CHARS:
        return None
    m = _BY_NAME.search(line)
    return m.group("name") if m else None
