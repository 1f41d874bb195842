"""Backends: a registry from format name to writer (pandoc's ``Writers.hs``).

A writer is ``write(book: Book, options: ExportOptions, destination: Path) -> None``
and writes ``destination`` (a temporary path the caller renames into place).
Modules are imported on first use, so the CLI imports WeasyPrint only when a
PDF is asked for.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

BACKENDS: dict[str, str] = {
    "epub": "exporter.backends.epub:write_epub",
    "pdf": "exporter.backends.pdf:write_pdf",
}
SUFFIXES: dict[str, str] = {"epub": ".epub", "pdf": ".pdf"}


def get_writer(name: str) -> Callable:
    module_name, _, function = BACKENDS[name].partition(":")
    return getattr(import_module(module_name), function)


def preload(formats: tuple[str, ...]) -> None:
    """Import the backends of ``formats`` and let each load its heavy parts
    (a module-level ``preload()``), so forked worker processes inherit them
    instead of paying for them once each."""
    for name in formats:
        module = import_module(BACKENDS[name].partition(":")[0])
        warm = getattr(module, "preload", None)
        if warm is not None:
            warm()
