"""CPython ``re`` adapter: the rules' regular expressions compiled once, then read from file.

Python's ``re`` parses and compiles every pattern in pure Python (``re._parser``,
``re._compiler``) before handing the result to its C engine, ``_sre``. The
rules' 170-odd patterns (``rules.toml``, the bio lexicon: case-insensitive, over
Unicode) took about 25 ms of a 0.19 s one-article export, on every run, for the
same result each time. What ``_sre.compile`` is given is plain data (the
pattern, its flags, a list of ints, the groups' names), fixed by the pattern,
its flags and the Python build, so it is stored beside the font cache with
`marshal`, as `_pyphen` stores hyphenation patterns (no code runs reading it),
and rebuilt with one C call, without the Python-level parse.

- The file is keyed on Python's exact version and build, its bytecode tag, and
  ``_sre``'s ``MAGIC`` and code size: another interpreter ignores it.
- Only what rebuilds equal to ``re.compile``'s own result is stored. A compiled
  pattern compares equal to another only with the same pattern, flags and code,
  checked when the entry is made. ``_sre.compile`` validates the code it is given.
- A pattern not in the file is compiled by ``re.compile`` (its errors are
  ``re.error`` as usual), and `flush` adds it to the file (the rules flush once
  compiled; anything compiled later, at the latest at exit); the file keeps what
  other runs stored (one rules file does not evict another's patterns) up to
  `MAX_ENTRIES`.
- It is only a cache: unreadable, damaged, of another build, or on a Python
  whose ``re`` internals are not these, it is ignored and ``re.compile`` is used.
"""

from __future__ import annotations

import atexit
import logging
from array import array
import re
import sys
from typing import Any

from .font_cache import cache_path, read_marshalled, store_marshalled

log = logging.getLogger(__name__)

STORE_FILE = "regex-code.marshal"
FORMAT = 3  # 2: the code packed as bytes (marshal reads bytes ~3x faster); 3: each entry names its pattern
MAX_ENTRIES = 4096  # past this, a flush keeps only the patterns this process used

# (flags, code as packed bytes, groups, groupindex, indexgroup): _sre.compile's arguments after the
# pattern; then the pattern and flags it was made from, checked against the key it is found under.
Entry = tuple

try:  # the internals `re.compile` itself goes through (CPython 3.11+)
    import _sre
    from re import _compiler, _parser
except ImportError:  # another implementation or layout: plain re.compile
    _sre = _compiler = _parser = None
# The array type whose items are _sre's code words (4 bytes on CPython); none: nothing stored.
_WORD = next((t for t in "IL" if _sre is not None and array(t).itemsize == _sre.CODESIZE), None)

_stored: dict[tuple[str, int], Entry] | None = None  # read from file, once per process
_used: set[tuple[str, int]] = set()
_added: dict[tuple[str, int], Entry] = {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's name, on purpose
    """``re.compile(pattern, flags)``, from the stored code when there is some."""
    flags = int(flags)
    key = (pattern, flags)
    entry = _table().get(key) or _added.get(key)
    if entry is not None:
        try:
            if entry[5:] != key:  # an entry filed under another pattern's key: never used
                raise ValueError("entry made from another pattern")
            compiled = _sre.compile(pattern, entry[0], _unpacked(entry[1]), *entry[2:5])
            _used.add(key)
            return compiled
        except Exception as error:  # noqa: BLE001 - a stored entry that does not rebuild is a miss
            log.debug("stored code for %r does not rebuild: %s", pattern, error)
            _table().pop(key, None)
            _added.pop(key, None)
    compiled = re.compile(pattern, flags)  # raises re.error for a bad pattern, as the caller expects
    entry = _entry(pattern, flags, compiled)
    if entry is not None:
        if not _added:  # a module's patterns compiled at import are kept even if nothing flushes later
            atexit.register(flush)
        _added[key] = entry
        _used.add(key)
    return compiled


def flush() -> None:
    """Add the patterns compiled since the file was read (nothing to do when none were)."""
    if not _added:
        return
    entries = {**_table(), **_added}
    if len(entries) > MAX_ENTRIES:
        entries = {key: entry for key, entry in entries.items() if key in _used}
    store_marshalled(store_path(), stamp(), entries, "the compiled patterns")
    _table().update(_added)
    _added.clear()


def store_path():
    return cache_path().with_name(STORE_FILE)


def stamp() -> tuple:
    return (FORMAT, sys.version, sys.implementation.cache_tag, getattr(_sre, "MAGIC", None),
            getattr(_sre, "CODESIZE", None))


def forget_loaded() -> None:
    """Read the file again on next use (for tests)."""
    global _stored
    _stored = None
    _used.clear()
    _added.clear()


def _table() -> dict[tuple[str, int], Entry]:
    global _stored
    if _stored is None:
        _stored = _read() if _sre is not None else {}
    return _stored


def _read() -> dict[tuple[str, int], Entry]:
    entries = read_marshalled(store_path(), stamp(), "the compiled patterns")
    return entries if isinstance(entries, dict) else {}


def _entry(pattern: str, flags: int, compiled: re.Pattern[str]) -> Entry | None:
    """What ``_sre.compile`` was given for ``compiled``, worked out the way ``re``'s
    compiler does; None (not stored) unless it rebuilds a pattern equal to ``compiled``."""
    if _sre is None or _WORD is None or not isinstance(pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)  # ints, some of them named constants (int subclasses)
        state = parsed.state
        indexgroup: list[Any] = [None] * state.groups
        for name, index in state.groupdict.items():
            indexgroup[index] = name
        entry = (flags | state.flags, _packed(code), state.groups - 1, dict(state.groupdict), tuple(indexgroup),
                 pattern, flags)
        rebuilt = _sre.compile(pattern, entry[0], _unpacked(entry[1]), *entry[2:5])
        if rebuilt == compiled and rebuilt.groups == compiled.groups and rebuilt.groupindex == compiled.groupindex:
            return entry
    except Exception as error:  # noqa: BLE001 - internals not as expected: this pattern is not stored
        log.debug("not storing the code of %r: %s", pattern, error)
    return None


def _packed(code: list[int]) -> bytes:
    return array(_WORD, code).tobytes()


def _unpacked(data: bytes) -> list[int]:
    return array(_WORD, data).tolist()
