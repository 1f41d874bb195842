"""The rules' compiled CSS selectors (soupsieve patterns), remembered across runs.

soupsieve's first ``compile`` in a process spends 100-150 ms of CPU compiling its
tokenizer's regular expressions (case-insensitive over the whole Unicode range,
slow for Python's ``re``); the selectors themselves then take under 1 ms. A
one-page export paid that on every run, so the compiled patterns are kept in one
pickle file next to the font cache (``platformdirs.user_cache_path``): reading
the four shipped rules' patterns back takes under 1 ms, and never touches the
tokenizer (an unpickled pattern holds only its parsed form and the small
attribute-value regexes, which ``re`` compiles again in microseconds).

The file maps each selector's text to its pattern, under a stamp of this
format, soupsieve's version and Python's: another version of either, and the
whole file is ignored. A selector not in it (a user's rules file adds one) is
compiled, and the file is rewritten with the patterns this run used, so it
follows the rules as they change. It is only a cache: unreadable, corrupt, of
another version or not to be trusted (below), it is ignored and rewritten;
writes are atomic (a temporary file renamed over it).
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
from pathlib import Path

from ..font_cache import cache_path, store_file, trusted_bytes

log = logging.getLogger(__name__)

CACHE_FILE = "css-selectors.pickle"
# Bump when what `_soup.compile_css` passes to soupsieve changes (today: no namespaces,
# no custom selectors, flags 0): the stamp must say how a stored pattern was made.
FORMAT = 1


def store_path() -> Path:
    return cache_path().with_name(CACHE_FILE)


def stamp() -> tuple:
    import soupsieve

    return (FORMAT, soupsieve.__version__, sys.version, sys.implementation.cache_tag)


def read() -> dict[str, object]:
    """The stored patterns by selector text; empty when there are none to trust."""
    if not hasattr(os, "getuid"):  # no owners to check (Windows): a pickle is not read at all
        return {}
    path = store_path()
    data = trusted_bytes(path)
    if data is None:
        return {}
    # Unpickling runs code named in the file, so the file is only read when it is the
    # user's own and nobody else can write it (`font_cache.trusted_bytes`): the same trust Python
    # gives the .pyc files it loads from the user's folders. Anything else pickle can
    # raise on a damaged file (UnpicklingError, EOFError, AttributeError, ...) means
    # "no cache", not a failed export.
    try:
        stored_stamp, patterns = pickle.loads(data)
    except Exception as error:  # noqa: BLE001 - see above: any failure is a cache miss
        log.debug("ignoring the stored CSS selectors %s: %s", path, error)
        return {}
    if stored_stamp != stamp() or not isinstance(patterns, dict):
        return {}
    return {text: pattern for text, pattern in patterns.items() if _sound(text, pattern)}


def _sound(text: object, pattern: object) -> bool:
    """A pattern soupsieve made from exactly this text, as `_soup.compile_css` asks."""
    from soupsieve import SoupSieve

    return (isinstance(text, str) and isinstance(pattern, SoupSieve) and pattern.pattern == text
            and pattern.flags == 0 and not pattern.namespaces and not pattern.custom)


def write(patterns: dict[str, object]) -> None:
    """Keep ``patterns`` for the next process (atomically, private to the user)."""
    if not hasattr(os, "getuid"):  # never read where files have no owner to check: no use writing
        return
    try:
        data = pickle.dumps((stamp(), patterns), protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as error:  # compiled again next time
        log.debug("could not store the CSS selectors: %s", error)
        return
    store_file(store_path(), data, "the CSS selectors")
