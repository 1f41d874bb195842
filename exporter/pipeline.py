"""The pipeline in its visible order, for one input:

read (bytes → text) → clean (rules as data) → Article → prepare (overrides,
typography, identifier) → render → backend → atomic write.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ._dataclass_store import dataclass
from .atomic import atomic_output
from .backends import SUFFIXES, get_writer
from .errors import ExporterError, RenderError
from .model import Article
from .options import ExportOptions
from .reading import DEFAULT_MAX_BYTES, SourceDocument
from .render import Book
from .transforms import prepare

log = logging.getLogger(__name__)


def clean_source(source: SourceDocument, options: ExportOptions | None = None) -> Article:
    """The cleaned article of an already-read source (no typography, no overrides)."""
    from .cleaning import clean, load_rules

    rules = load_rules(options.rules_files if options else ())
    if options is not None and not options.images and getattr(source.resolver, "fetcher", None) is not None:
        source.resolver.fetcher = None  # --no-images: a URL page's pictures are not even fetched
    elif options is not None and options.fetch_images and source.kind in ("html", "markdown"):
        source = with_fetching_resolver(source)  # clipped notes point at the web for their pictures too
    return clean(source, rules)


def with_fetching_resolver(source: SourceDocument) -> SourceDocument:
    """``source`` whose resolver also fetches remote pictures, through the guarded
    fetcher (public addresses only, capped; see exporter.fetching): --fetch-images."""
    from dataclasses import replace

    from .fetching import GuardedFetcher
    from .resolver import Resolver

    if source.resolver is not None:
        if source.resolver.fetcher is None:
            source.resolver.fetcher = GuardedFetcher()
        return source
    base_dir = source.path.parent if source.path is not None else None
    return replace(source, resolver=Resolver(base_dir=base_dir, base_url=getattr(source, "source_url", None),
                                             fetcher=GuardedFetcher()))


def load_article(path: Path | str, options: ExportOptions | None = None, *,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read and clean ``path``, a file of any supported kind or an http(s) URL given as a
    string (fetched through the guarded fetcher): the article as found, before overrides
    and typography."""
    from .sources import read_document

    return clean_source(read_document(path, max_bytes=max_bytes), options)


def prepared_article(path: Path | str, options: ExportOptions, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """The article as it goes into the book: cleaned, overridden, typeset."""
    return prepare(load_article(path, options, max_bytes=max_bytes), options)


@dataclass(frozen=True)
class WrittenOutput:
    format: str
    path: Path
    size: int


def write_book(book: Book, options: ExportOptions, stem: str, *,
               formats: tuple[str, ...] | None = None) -> list[WrittenOutput]:
    """Write ``book`` in each asked format to ``options.output_dir/stem.<ext>``, atomically."""
    written: list[WrittenOutput] = []
    for fmt in formats or options.formats:
        destination = Path(options.output_dir) / f"{stem}{SUFFIXES[fmt]}"
        writer = get_writer(fmt)
        with atomic_output(destination) as temporary:
            try:
                writer(book, options, temporary)
            except ExporterError:
                raise
            except RecursionError:
                raise RenderError(f"{fmt}: the document is nested too deeply to render") from None
        written.append(WrittenOutput(fmt, destination, destination.stat().st_size))
        log.info("wrote %s", destination)
    return written


def export_file(path: Path | str, options: ExportOptions, *, stem: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> list[WrittenOutput]:
    """Export one input (a file, or a URL string) to each asked format; the simplest public
    entry point. The book is named ``stem``, else after the article's title."""
    from .sources.naming import fallback_stem, slug

    article = prepared_article(path, options, max_bytes=max_bytes)
    return write_book(Book.single(article), options, stem or slug(article.meta.title) or fallback_stem(str(path)))
