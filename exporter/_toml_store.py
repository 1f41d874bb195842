"""tomllib adapter: the package's TOML data parsed once, then read from file.

``tomllib`` parses in pure Python: the shipped rules, bio rules and labels
(about 90 KB of TOML) took about 8 ms of a one-article export to parse, on
every run, into the same dicts. `loads` keeps what it parsed beside the font
cache with `marshal`, keyed on a digest of the text itself, so an edited file
(a user's ``--rules``, a new release's rules) is simply another key, parsed
anew; a document holding what marshal cannot (TOML dates) is not kept. The file
keeps the documents earlier runs stored, up to `MAX_DOCUMENTS`. It is only a
cache: damaged or of another Python, it is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from typing import Any

from .font_cache import cache_path, read_marshalled, store_marshalled

STORE_FILE = "parsed-toml.marshal"
FORMAT = 1
MAX_DOCUMENTS = 32  # past this, the file starts again from this run's documents

_stored: dict[str, bytes] | None = None  # text digest -> the parse, marshalled


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, from the stored parse when this exact text was parsed before.
    Raises ``tomllib.TOMLDecodeError`` (a ValueError) for text that is not TOML."""
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    blob = _documents().get(key)
    if isinstance(blob, bytes):
        try:
            data = marshal.loads(blob)  # a fresh copy each call: callers may change what they get
            if isinstance(data, dict):
                return data
        except (ValueError, EOFError, TypeError):
            pass
    import tomllib  # only on a miss: the import is most of a millisecond

    data = tomllib.loads(text)
    try:
        blob = marshal.dumps(data)
    except ValueError:  # a TOML date or time: parsed again each time
        return data
    _remember(key, blob)
    return data


def store_path():
    return cache_path().with_name(STORE_FILE)


def stamp() -> tuple:
    return (FORMAT, sys.version)


def forget_loaded() -> None:
    """Read the file again on next use (for tests)."""
    global _stored
    _stored = None


def _documents() -> dict[str, bytes]:
    global _stored
    if _stored is None:
        stored = read_marshalled(store_path(), stamp(), "the parsed TOML")
        _stored = stored if isinstance(stored, dict) else {}
    return _stored


def _remember(key: str, blob: bytes) -> None:
    """Add one document to the file, with what other runs stored meanwhile."""
    _documents()[key] = blob
    on_file = read_marshalled(store_path(), stamp(), "the parsed TOML")
    documents = on_file if isinstance(on_file, dict) and len(on_file) < MAX_DOCUMENTS else {}
    documents[key] = blob
    store_marshalled(store_path(), stamp(), documents, "the parsed TOML")
