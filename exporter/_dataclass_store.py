"""CPython ``dataclasses`` adapter: the methods it writes for our classes compiled once, then read from file.

`dataclasses.dataclass` writes each class's ``__init__``, ``__repr__``, ``__eq__``
(and ``__hash__``, a frozen class's ``__setattr__``/``__delattr__``) as source text
and ``exec``s it, so every process compiles them again: about 250 small functions
on a one-article export, 15% of its instructions (136 M of 911 M), for the same
result each run. `dataclass` here IS the stdlib's decorator; while it runs, only
its ``exec`` of a source text is answered with the code compiled from that exact
text, stored beside the font cache with `marshal` (as `_re_store` keeps the
regexes' compiled form).

- The text is the whole key: the stored code is what ``compile(text, "<string>",
  "exec")`` gives, with no inherited ``__future__`` flags, which is what
  ``exec(text)`` in ``dataclasses`` compiles (its module has none). The file is
  stamped with Python's exact version and build, bytecode tag and optimisation
  level; another interpreter ignores it.
- It is read through `font_cache.read_marshalled`: our own private regular file
  (`font_cache.trusted_bytes`), opening with the CRC-32 of its data, checked
  before marshal reads a byte. The code runs when the class is made, so the file
  is trusted as CPython trusts its own ``__pycache__`` (which it is stricter than:
  owner, mode and seal checked). Anything but a code object is a miss.
- New texts are added at exit (the file keeps what other runs stored, up to
  `MAX_ENTRIES`). It is only a cache: absent, damaged or of another build, every
  class is made by plain ``dataclasses``.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import sys
import threading
from types import CodeType
from typing import Any

from .font_cache import cache_path, read_marshalled, store_marshalled

STORE_FILE = "dataclass-methods.marshal"
FORMAT = 1
MAX_ENTRIES = 4096  # past this, a flush keeps only the texts this process used

_stored: dict[str, CodeType] | None = None  # read from file, once per process
_stored_at = None  # the file read, where new texts go (not wherever $XDG_CACHE_HOME points at exit)
_used: set[str] = set()
_added: dict[str, CodeType] = {}
_lock = threading.Lock()  # the swap of dataclasses' exec, when two threads make classes at once
_swaps = 0
# Only if dataclasses calls the builtin exec (it has no exec of its own to shadow).
_SWAPPABLE = "exec" not in vars(dataclasses)


def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """``dataclasses.dataclass(cls, **options)``, its generated methods' code from the store."""

    def make(cls: type) -> type:
        undocumented = cls.__dict__.get("__doc__") is None
        if undocumented:  # dataclasses writes a class's signature as its doc only when it has none
            cls.__doc__ = "(its signature, when read)"
        _swap_in()
        try:
            made = dataclasses.dataclass(cls, **options)
        finally:
            _swap_out()
        if undocumented:
            made.__doc__ = _SignatureDoc()
        return made

    return make if cls is None else make(cls)


class _SignatureDoc:
    """The ``__doc__`` dataclasses gives a class that has none, ``Name(field: type = default)``,
    made when it is read rather than for every class at import (inspect.signature: ~3 ms
    for the 35 such classes of a one-article export; nothing reads them but help())."""

    def __get__(self, instance: object, owner: type) -> str:
        import inspect

        return owner.__name__ + str(inspect.signature(owner)).replace(" -> None", "")


def _swap_in() -> None:
    global _swaps
    if _SWAPPABLE:
        with _lock:
            _swaps += 1
            dataclasses.exec = _stored_exec  # type: ignore[attr-defined]  # a module global shadows the builtin


def _swap_out() -> None:
    global _swaps
    if _SWAPPABLE:
        with _lock:
            _swaps -= 1
            if not _swaps:
                del dataclasses.exec  # type: ignore[attr-defined]


def _stored_exec(source: Any, globals: dict | None = None, locals: dict | None = None, /) -> None:  # noqa: A002
    if type(source) is not str:
        return builtins.exec(source, globals, locals)
    code = _table().get(source)
    if type(code) is not CodeType:
        code = _added.get(source)
    if code is None:
        code = builtins.compile(source, "<string>", "exec", dont_inherit=True)
        with _lock:
            if not _added:
                atexit.register(flush)
            _added[source] = code
    _used.add(source)
    return builtins.exec(code, globals, locals)


def flush() -> None:
    """Add the texts compiled since the file was read (nothing to do when none were)."""
    with _lock:
        if not _added:
            return
        entries = {**_table(), **_added}
        if len(entries) > MAX_ENTRIES:
            entries = {text: code for text, code in entries.items() if text in _used}
        store_marshalled(_stored_at or store_path(), stamp(), entries, "the dataclass methods' code")
        _table().update(_added)
        _added.clear()


def store_path():
    return cache_path().with_name(STORE_FILE)


def stamp() -> tuple:
    return (FORMAT, sys.version, sys.implementation.cache_tag, sys.flags.optimize)


def forget_loaded() -> None:
    """Read the file again on next use (for tests)."""
    global _stored, _stored_at
    _stored = _stored_at = None
    _used.clear()
    _added.clear()


def _table() -> dict[str, CodeType]:
    global _stored, _stored_at
    if _stored is None:
        _stored_at = store_path()
        entries = read_marshalled(_stored_at, stamp(), "the dataclass methods' code")
        _stored = entries if isinstance(entries, dict) else {}
    return _stored
