"""``html.escape``, without importing the ``html`` package.

Importing ``html`` builds ``html.entities`` (the 2,231 named character references,
for ``unescape``, which the writers never call) and compiles its regexes: 8 M
instructions of a one-article EPUB export, for five ``str.replace`` calls. This is
the standard library's function, the same replacements in the same order (a test
compares the two on random text).
"""

from __future__ import annotations


def escape(s: str, quote: bool = True) -> str:
    """``&``, ``<``, ``>`` (and with ``quote``, ``"`` and ``'``) as character references."""
    s = s.replace("&", "&amp;")  # first, or the others' ampersands would be escaped again
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace("'", "&#x27;")
    return s
