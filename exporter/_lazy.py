"""Public names of a package imported on first use (PEP 562 module ``__getattr__``).

A package's ``__init__`` that imported every submodule for its public names made
each command pay for all of them: the CLI exporting one EPUB loaded e-mail
delivery's settings and service classes just to register ``--send``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from importlib import import_module


def lazy_names(package: str, homes: Mapping[str, str],
               public: Iterable[str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for ``package``: each name of ``homes`` (name ->
    submodule, relative) is imported from its submodule when first read, then kept in
    the package's namespace so later reads are ordinary attribute lookups."""
    public = tuple(public)

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{home}", package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(public))

    return __getattr__, __dir__
