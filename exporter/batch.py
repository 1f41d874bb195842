"""Batch runs: many inputs, in parallel processes, each failure isolated.

`export_batch` is what the CLI and the GUI call. It plans the outputs (distinct
names, incremental skips), runs each input in a worker process (WeasyPrint's
import and font set-up are paid once per worker, not once per article), and
returns a `BatchReport` whose order does not depend on scheduling. Progress
goes through a callback; cancelling is a `threading.Event`.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, field, replace
from functools import partial
from typing import Any
from pathlib import Path

from ._dataclass_store import dataclass
from . import build_state
from ._logs import collected_warnings
from .atomic import remove_stale_temporaries
from .backends import preload
from .errors import ExporterError
from .model import Article
from .options import ExportOptions, MetaOverrides
from .reading import DEFAULT_MAX_BYTES
from .sources import InputItem, collect_inputs, is_url, read_item
from .sources.naming import claim_stem, slug
from .render import Book, render_book, xhtml_document
from .transforms import prepare

log = logging.getLogger(__name__)

STATE_FILE = build_state.STATE_FILE  # in the output folder: what built each output


def _options_for(item: InputItem, options: ExportOptions) -> ExportOptions:
    """The batch's options with this input's own overrides laid over the batch's, field by field."""
    if item.overrides is None:
        return options
    merged = {name: value if value is not None else getattr(options.overrides, name)
              for name, value in asdict(item.overrides).items()}
    return replace(options, overrides=MetaOverrides(**merged))


@dataclass
class FileReport:
    input: str
    outputs: list[dict] = field(default_factory=list)  # {"format", "path", "bytes"}
    skipped: bool = False
    warnings: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # things the user should know (a book renamed)
    error: str | None = None
    traceback: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class BatchReport:
    files: list[FileReport] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    collection: FileReport | None = None
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> list[FileReport]:
        failed = [f for f in self.files if not f.ok]
        if self.collection is not None and not self.collection.ok:
            failed.append(self.collection)
        return failed

    def to_json(self) -> str:
        def public(file_report: FileReport) -> dict:
            data = asdict(file_report)
            del data["traceback"]  # for --traceback on stderr, not for the machine report
            return data

        data = {
            "files": [public(f) for f in self.files],
            "collection": public(self.collection) if self.collection else None,
            "notices": self.notices,
            "interrupted": self.interrupted,
            "failed": len(self.failed),
            "seconds": round(self.seconds, 3),
        }
        return json.dumps(data, ensure_ascii=False, indent=2)


ProgressCallback = Callable[[int, int, FileReport], None]

# ---------------------------------------------------------------- planning
# What an input is and how it is read live in exporter/sources (collect_inputs, read_item);
# books are named after their titles there too (naming.slug, naming.claim_stem).


# ---------------------------------------------------------------- incremental state (see build_state)


def _up_to_date_outputs(item: InputItem, options: ExportOptions, state: dict) -> list[Path] | None:
    """This input's outputs when all exist, are newer than the input, and were built
    from the same input bytes with the same options; None when it must be built."""
    if options.force or item.path is None or item.fixed_stem:
        return None
    try:
        newer_than = item.path.stat().st_mtime
    except OSError:
        return None
    options = _options_for(item, options)
    return build_state.matching_outputs(state, item.source_key or "", build_state.input_digest(item),
                                        options.fingerprint(), options.formats, Path(options.output_dir), newer_than)


# ---------------------------------------------------------------- one input (runs in a worker)


_WATCHED_LOGGERS = ("exporter", "weasyprint", "fontTools")


def _load_prepared(item: InputItem, options: ExportOptions, max_bytes: int) -> Article:
    from .pipeline import clean_source

    return prepare(clean_source(read_item(item, max_bytes=max_bytes), options), _options_for(item, options))


def book_stem(item: InputItem, article: Article, output_dir: Path, report: FileReport) -> str:
    """The file name (without suffix) of this input's book: the user's choice (-o book.epub),
    else the article's title as a slug, else the input's own name; claimed for this run so
    two books never share one."""
    if item.fixed_stem:
        return item.stem
    wanted = slug(article.meta.title) or item.stem
    stem = claim_stem(output_dir, wanted, owner=item.name)
    if stem != wanted:
        report.notices.append(f"{item.name}: another book in this run is also named {wanted!r}; writing it as {stem!r}")
    return stem


def _write_debug(item: InputItem, article: Article, options: ExportOptions, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{item.stem}.article.json").write_text(article.to_json(indent=2), "utf-8")
    rendered = render_book(Book.single(article))
    for number, section in enumerate(rendered.sections, 1):
        document = xhtml_document(section, title=rendered.title, stylesheets=("base.css",))
        (folder / f"{item.stem}.{number:02d}-{section.id}.xhtml").write_text(document, "utf-8")


def run_one(item: InputItem, options: ExportOptions, max_bytes: int = DEFAULT_MAX_BYTES,
            debug_dir: Path | None = None, cancel: threading.Event | None = None,
            cores: int = 1) -> FileReport:
    """Export one input to every asked format; never raises for an expected failure.
    With ``cores`` >= 2 the PDF may be written beside the other formats (`forked_pdf`)."""
    options = _options_for(item, options)
    report = FileReport(input=item.name)
    with collected_warnings(*_WATCHED_LOGGERS) as warnings:
        _guarded(item, report, _export_item, item, options, max_bytes, debug_dir, cancel, report, cores)
    report.warnings = warnings
    return report


def _export_item(item: InputItem, options: ExportOptions, max_bytes: int, debug_dir: Path | None,
                 cancel: threading.Event | None, report: FileReport, cores: int) -> None:
    beside = _pdf_beside(item, options, cores)  # started first: it loads WeasyPrint while we clean
    try:
        started = time.perf_counter()
        article = _load_prepared(item, options, max_bytes)
        report.seconds["clean"] = round(time.perf_counter() - started, 4)
        if debug_dir is not None:
            _write_debug(item, article, options, Path(debug_dir))
        book = Book.single(article)
        # Named after the title now that it is known; every writer below uses item.stem.
        item = replace(item, stem=book_stem(item, article, Path(options.output_dir), report), fixed_stem=True)
        if beside is None:
            _write_formats(book, options, item.stem, options.formats, cancel, report)
            return
        beside.send(partial(_write_guarded, item, book, options), FileReport)
        _write_guarded(item, book, options, tuple(f for f in options.formats if f != "pdf"), report, cancel)
    except BaseException:
        if beside is not None:
            beside.abandon()
        raise
    beside.finish(options.formats, report, cancel)


def _pdf_beside(item: InputItem, options: ExportOptions, cores: int):
    """A `forked_pdf.PdfBeside` when this input's PDF can be written beside its other
    formats (a PDF and something else, a core to spare, forking safe here); else None.
    The module is imported only then: the EPUB alone never needs it."""
    if cores < 2 or "pdf" not in options.formats or len(options.formats) < 2:
        return None
    from . import forked_pdf

    return forked_pdf.PdfBeside(item.name) if forked_pdf.possible() else None


def _write_guarded(item: InputItem, book: Book, options: ExportOptions, formats: tuple[str, ...],
                   report: FileReport, cancel: threading.Event | None = None) -> None:
    _guarded(item, report, _write_formats, book, options, item.stem, formats, cancel, report)


def _write_formats(book: Book, options: ExportOptions, stem: str, formats: tuple[str, ...],
                   cancel: threading.Event | None, report: FileReport) -> None:
    from .pipeline import write_book

    for fmt in formats:
        if cancel is not None and cancel.is_set():
            raise KeyboardInterrupt
        started = time.perf_counter()
        for written in write_book(book, options, stem, formats=(fmt,)):
            report.outputs.append({"format": written.format, "path": str(written.path), "bytes": written.size})
        report.seconds[fmt] = round(time.perf_counter() - started, 4)


def _guarded(item: InputItem, report: FileReport, work: Callable[..., None], *args: Any) -> None:
    """``work(*args)``, with an expected failure or a bug recorded in ``report`` as one line."""
    try:
        work(*args)
    except ExporterError as err:
        report.error = _one_line(err, item)
        report.traceback = traceback.format_exc()  # shown only with --traceback
    except KeyboardInterrupt:
        raise
    except Exception as err:  # a bug: isolate it to this file, keep the traceback for --traceback
        report.error = f"{item.name}: internal error: {type(err).__name__}: {err}"
        report.traceback = traceback.format_exc()


def _one_line(err: ExporterError, item: InputItem) -> str:
    text = str(err) if err.path is not None else f"{item.name}: {err}"
    return " ".join(text.split())


# ---------------------------------------------------------------- the batch


def export_batch(paths: Sequence[str | Path], options: ExportOptions, *, jobs: int | None = None,
                 progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
                 stdin_name: str | None = None, read_stdin: Callable[[], bytes] | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, debug_dir: Path | None = None,
                 collection: str | None = None, sort: str | None = None,
                 overrides_by_path: Mapping[str | Path, MetaOverrides] | None = None,
                 output_stem: str | None = None) -> BatchReport:
    """Export every input; see the module docstring. Never raises for a bad input.

    ``overrides_by_path`` gives single inputs their own metadata (the GUI edits
    each article apart); its fields win over ``options.overrides``. ``output_stem``
    names the one book (``-o book.epub``) instead of its title."""
    started = time.perf_counter()
    items, missing, notices = collect_inputs(paths, stdin_name=stdin_name, read_stdin=read_stdin)
    if output_stem is not None and collection is None:
        items = [replace(item, stem=output_stem, fixed_stem=True) for item in items]
    if overrides_by_path:
        # Keyed by file (resolved) or by URL as given: a page added by its address has its own edits too.
        own = {(key.strip() if isinstance(key, str) and is_url(key) else Path(key).resolve()): value
               for key, value in overrides_by_path.items()}
        items = [replace(item, overrides=own.get(item.path.resolve() if item.path is not None else item.url))
                 if item.path is not None or item.url is not None else item for item in items]
    report = BatchReport(notices=[] if collection is not None else notices)
    output_dir = Path(options.output_dir)
    if collection is not None:
        from .collection import run_collection as _run_collection  # late: it builds on this module

        _run_collection(items, missing, options, report, collection=collection, sort=sort, jobs=jobs,
                        progress=progress, cancel=cancel, max_bytes=max_bytes, stem=output_stem)
        report.seconds = time.perf_counter() - started
        return report

    state = build_state.load_state(output_dir)
    todo: list[tuple[int, InputItem]] = []
    results: dict[int, FileReport] = {}
    total = len(items) + len(missing)
    done = 0
    for index, item in enumerate(items):
        outputs = _up_to_date_outputs(item, options, state)
        if outputs is not None:
            claim_stem(output_dir, outputs[0].stem)  # the books being built this run must not take its name
            results[index] = FileReport(input=item.name, skipped=True, outputs=[
                {"format": fmt, "path": str(path), "bytes": path.stat().st_size}
                for fmt, path in zip(options.formats, outputs)])
        else:
            todo.append((index, item))
    for skipped in list(results.values()) + missing:
        done += 1
        if progress:
            progress(done, total, skipped)

    def finished(index: int, file_report: FileReport) -> None:
        nonlocal done
        results[index] = file_report
        done += 1
        if progress:
            progress(done, total, file_report)

    try:
        # The GUI's cancel event can only be checked between formats in-process (an Event does not pickle).
        workers = worker_count(jobs, len(todo))
        in_process = workers <= 1
        if not in_process:
            try:
                preload(options.formats)  # forked workers inherit WeasyPrint instead of importing it each
            except ExporterError:
                pass  # each worker then reports the backend's error for its own file
        # One input, several cores: its PDF can be written beside its EPUB (run_one).
        task = partial(run_one, options=options, max_bytes=max_bytes, debug_dir=debug_dir,
                       cancel=cancel if in_process else None,
                       cores=(jobs or default_jobs()) if in_process and len(todo) == 1 else 1)
        _run_parallel(todo, task, workers, cancel, finished, _crash_report)
    except KeyboardInterrupt:
        report.interrupted = True
    finally:
        remove_stale_temporaries(output_dir)  # from workers stopped by Ctrl-C or a broken pool
    report.files = [results[i] for i in sorted(results)] + missing
    report.notices.extend(notice for file_report in report.files for notice in file_report.notices)
    _record_state(items, results, options, state, output_dir)
    report.seconds = time.perf_counter() - started
    return report


def _record_state(items: list[InputItem], results: dict[int, FileReport], options: ExportOptions,
                  state: dict, output_dir: Path) -> None:
    changed = False
    for index, item in enumerate(items):
        file_report = results.get(index)
        if file_report is None or not file_report.ok or file_report.skipped or item.source_key is None:
            continue
        build_state.record(state, item.source_key, build_state.input_digest(item),
                           _options_for(item, options).fingerprint(),
                           [Path(output["path"]) for output in file_report.outputs])
        changed = True
    if changed:
        build_state.save_state(output_dir, state)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def worker_count(jobs: int | None, tasks: int) -> int:
    """Processes to use: as asked (default: the cores), never more than the tasks."""
    return min(jobs or default_jobs(), tasks)


def _run_parallel(todo: list[tuple[int, InputItem]], task: Callable[[InputItem], Any], workers: int,
                  cancel: threading.Event | None, finished: Callable[[int, Any], None],
                  crashed: Callable[[InputItem, BaseException], Any]) -> None:
    """Run ``task`` (picklable) over ``todo`` in worker processes, or in-process
    for one worker; ``finished(index, result)`` is called in the caller's process."""
    if workers <= 1:
        # In-process: no pool started, none imported (concurrent.futures and multiprocessing
        # cost more than the rest of a one-article run's imports); the GUI's cancel event
        # works between formats.
        for index, item in todo:
            if cancel is not None and cancel.is_set():
                raise KeyboardInterrupt
            finished(index, task(item))
        return
    from .pool import run_in_pool

    run_in_pool(todo, task, workers, cancel, finished, crashed)


def _crash_report(item: InputItem, err: BaseException) -> FileReport:
    return FileReport(input=item.name, error=f"{item.name}: worker failed: {err}")


def summarize(report: BatchReport) -> str:
    """Black-style closing line: what was written, skipped and failed."""
    written = sum(1 for f in report.files if f.ok and not f.skipped)
    skipped = sum(1 for f in report.files if f.skipped)
    failed = len(report.failed)
    parts = [f"{written} exported"]
    if skipped:
        parts.append(f"{skipped} up to date")
    if failed:
        parts.append(f"{failed} failed")
    if report.interrupted:
        parts.append("interrupted")
    return ", ".join(parts) + f" in {report.seconds:.1f} s"


def iter_outputs(report: BatchReport) -> Iterable[str]:
    for file_report in report.files + ([report.collection] if report.collection else []):
        for output in file_report.outputs:
            yield output["path"]
