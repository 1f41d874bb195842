"""A collection: many inputs cleaned in parallel, then one book holding them all.

Split from the batch runner, whose worker pool it reuses; a collection whose
inputs (bytes and order), title and options have not changed since it was
last built is skipped like a single book.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from functools import partial
from pathlib import Path

from . import build_state
from .batch import (BatchReport, FileReport, ProgressCallback, _crash_report, _guarded, _load_prepared,
                    _run_parallel, worker_count)
from .errors import ExporterError
from .model import Article
from .options import ExportOptions
from .render import Book
from .sources import InputItem
from .sources.naming import slug


def load_one(item: InputItem, options: ExportOptions, max_bytes: int) -> tuple[FileReport, Article | None]:
    """Read, clean and prepare one input of a collection (runs in a worker)."""
    file_report = FileReport(input=item.name)
    started = time.perf_counter()
    loaded: list[Article] = []
    _guarded(item, file_report, lambda: loaded.append(_load_prepared(item, options, max_bytes)))
    if not loaded:
        return file_report, None
    file_report.seconds["clean"] = round(time.perf_counter() - started, 4)
    return file_report, loaded[0]


def run_collection(items: list[InputItem], missing: list[FileReport], options: ExportOptions,
                    report: BatchReport, *, collection: str, sort: str | None, jobs: int | None,
                    progress: ProgressCallback | None, cancel: threading.Event | None, max_bytes: int,
                    stem: str | None = None) -> None:
    from .pipeline import write_book

    stem = stem or slug(collection) or "collection"
    output_dir = Path(options.output_dir)
    key, digest = _collection_identity(items, collection, sort)
    state = build_state.load_state(output_dir)
    if not missing and digest is not None and not options.force:
        outputs = build_state.matching_outputs(state, key, digest, options.fingerprint(), options.formats,
                                               output_dir, _newest_input(items))
        if outputs is not None:  # the same inputs, in the same order, with the same options: nothing to do
            report.files = [FileReport(input=item.name, skipped=True) for item in items]
            report.collection = FileReport(input=f"collection {collection!r}", skipped=True, outputs=[
                {"format": fmt, "path": str(path), "bytes": path.stat().st_size}
                for fmt, path in zip(options.formats, outputs)])
            if progress:
                progress(1, 1, report.collection)
            return
    loaded: dict[int, tuple[FileReport, Article | None]] = {}
    total = len(items) + len(missing) + 1

    def finished(index: int, result: tuple[FileReport, Article | None]) -> None:
        loaded[index] = result
        if progress:
            progress(len(loaded), total, result[0])

    try:
        _run_parallel(list(enumerate(items)), partial(load_one, options=options, max_bytes=max_bytes),
                      worker_count(jobs, len(items)),
                      cancel, finished, lambda item, err: (_crash_report(item, err), None))
    except KeyboardInterrupt:
        report.interrupted = True
        report.files = [loaded[i][0] for i in sorted(loaded)] + missing
        return
    report.files = [loaded[i][0] for i in sorted(loaded)] + missing
    chosen = [article for _, (_, article) in sorted(loaded.items()) if article is not None]
    if sort == "date":
        chosen.sort(key=lambda a: a.meta.date or "9999")
    elif sort == "title":
        chosen.sort(key=lambda a: a.meta.title.casefold())
    collection_report = FileReport(input=f"collection {collection!r}")
    if not chosen:
        collection_report.error = f"collection {collection!r}: no input could be read"
    else:
        book = Book(collection, tuple(chosen), is_collection=True)
        try:
            for written in write_book(book, options, stem):
                collection_report.outputs.append(
                    {"format": written.format, "path": str(written.path), "bytes": written.size})
        except ExporterError as err:
            collection_report.error = f"collection {collection!r}: {err}"
    if collection_report.ok and digest is not None and len(chosen) == len(items) and not missing:
        build_state.record(state, key, digest, options.fingerprint(),
                           [Path(output["path"]) for output in collection_report.outputs])
        build_state.save_state(output_dir, state)
    report.collection = collection_report
    if progress:
        progress(total, total, collection_report)


def _collection_identity(items: list[InputItem], collection: str, sort: str | None) -> tuple[str, str | None]:
    """The state key of a collection and the digest of what goes into it (its inputs' bytes
    in order, its title and order); no digest when an input cannot be known again (stdin, URLs)."""
    if any(item.source_key is None for item in items):
        return f"collection:{collection}", None
    digest = hashlib.sha256(json.dumps([collection, sort]).encode())
    for item in items:
        digest.update(f"\0{item.source_key}\0{build_state.input_digest(item)}".encode())
    return f"collection:{collection}", digest.hexdigest()


def _newest_input(items: list[InputItem]) -> float:
    try:
        return max((item.path.stat().st_mtime for item in items if item.path is not None), default=0.0)
    except OSError:
        return float("inf")  # an input vanished: rebuild
