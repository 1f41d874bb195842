"""String steps on a section's rendered markup that both books take.

Only the text between tags changes, never a tag. `pdf_text` holds the steps
that only print takes (it sets its own lines); this module the ones that hold
for any line breaker, the e-reader's included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import _re_store

_MARKUP = _re_store.compile(r"(<[^>]*>)")


def in_text(body: str, step: Callable[[str], str]) -> str:
    """``body`` with ``step`` applied to the text between its tags, never to a tag."""
    return "".join(part if part.startswith("<") else step(part) for part in _MARKUP.split(body))


# A web address is never hyphenated: a hyphen added at a line's end reads as
# part of the address ("pic.twitter.com/I8N- / Wz4blQC" in an embedded tweet,
# in print and in e-readers that hyphenate). It may still break anywhere (the
# stylesheets' `.url`), or a long one would overflow a phone's narrow column.
_URL_TAIL = r"(?:[^\s<>]*[^\s<>.,;:!?)\]’”])?"  # not the sentence's closing punctuation
_URL = _re_store.compile(rf"(?<![\w@/.])(?:https?://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]*[a-z][a-z0-9-]*)+/){_URL_TAIL}", re.I)


def keep_urls_unhyphenated(body: str) -> str:
    """``body`` with each web address of its text in a ``<span class="url">``."""
    if "." not in body and "://" not in body:  # no address can be there: no scan
        return body
    return in_text(body, lambda text: _URL.sub(r'<span class="url">\g<0></span>', text))
