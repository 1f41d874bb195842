"""The input stage: every kind of saved article → a `SourceDocument` for the cleaner.

Kinds: text scrapes and HTML pages (`reading`), Markdown notes (`markdown`),
single-file archives (`archives`: MHTML, Safari webarchive), and pages named
by URL (`web`). `inputs` turns what the user named into the run's inputs;
`naming` gives the books their names.
"""

from __future__ import annotations

from pathlib import Path

from ..reading import (DEFAULT_MAX_BYTES, MARKDOWN_SUFFIXES, MHTML_SUFFIXES, SUPPORTED_KINDS,
                       SUPPORTED_SUFFIXES, WEBARCHIVE_SUFFIXES, SourceDocument, decode_source, read_bytes)
from .inputs import InputItem, collect_inputs, is_url

__all__ = ["InputItem", "collect_inputs", "is_url", "read_item", "read_document", "decode_document",
           "SUPPORTED_KINDS", "SUPPORTED_SUFFIXES"]


def read_item(item: InputItem, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """The source document of one input of a run (a file, standard input's bytes, or a URL)."""
    if item.url is not None:
        from .web import url_document

        return url_document(item.url, max_bytes=max_bytes)
    if item.data is not None:
        return decode_document(item.data, path=Path(item.name), max_bytes=max_bytes)
    assert item.path is not None
    return read_document(item.path, max_bytes=max_bytes)


def read_document(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """The source document of a file of any supported kind, or of an http(s) URL given as a string."""
    if isinstance(path, str) and is_url(path):
        from .web import url_document

        return url_document(path, max_bytes=max_bytes)
    path = Path(path)
    return decode_document(read_bytes(path, max_bytes=max_bytes), path=path, max_bytes=max_bytes)


def decode_document(data: bytes, *, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """``data`` read as the kind its name's suffix says (text or HTML sniffed when it says nothing)."""
    suffix = path.suffix.lower()
    if suffix in MHTML_SUFFIXES:
        from .archives import mhtml_document

        return mhtml_document(data, path=path, max_bytes=max_bytes)
    if suffix in WEBARCHIVE_SUFFIXES:
        from .archives import webarchive_document

        return webarchive_document(data, path=path, max_bytes=max_bytes)
    if suffix in MARKDOWN_SUFFIXES:
        from .markdown import markdown_document

        return markdown_document(decode_source(data, path=path, kind="text", max_bytes=max_bytes))
    return decode_source(data, path=path, max_bytes=max_bytes)
