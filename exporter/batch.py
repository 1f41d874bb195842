"""Batch runs: many inputs, in parallel processes, each failure isolated.

`export_batch` is what the CLI and the GUI call. It plans the outputs (distinct
names, incremental skips), runs each input in a worker process (WeasyPrint's
import and font set-up are paid once per worker, not once per article), and
returns a `BatchReport` whose order does not depend on scheduling. Progress
goes through a callback; cancelling is a `threading.Event`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from typing import Any
from pathlib import Path

from ._logs import collected_warnings
from .atomic import atomic_output, remove_stale_temporaries
from .backends import SUFFIXES, preload
from .errors import ExporterError, OutputError
from .model import Article
from .options import ExportOptions, MetaOverrides
from .reading import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, decode_source, read_source
from .render import Book, render_book, xhtml_document
from .transforms import prepare

log = logging.getLogger(__name__)

STATE_FILE = ".exporter-state.json"  # in the output folder: what built each output


@dataclass(frozen=True)
class InputItem:
    """One input: a file, or standard input's bytes under a given name."""

    path: Path | None
    name: str  # shown in messages; the file's path as given
    stem: str  # output file stem, made distinct across the batch
    data: bytes | None = None  # standard input only
    overrides: MetaOverrides | None = None  # this input's own metadata edits (the GUI's per-article form)


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


def collect_inputs(paths: Sequence[str | Path], *, stdin_name: str | None = None,
                   read_stdin: Callable[[], bytes] | None = None) -> tuple[list[InputItem], list[FileReport], list[str]]:
    """Expand files, folders (recursively, supported suffixes) and ``-``.

    Returns the inputs, reports for paths that do not exist, and notices
    (e.g. renamed outputs for inputs that share a stem)."""
    items: list[InputItem] = []
    missing: list[FileReport] = []
    for raw in paths:
        text = str(raw)
        if text == "-":
            name = stdin_name or "stdin.txt"
            data = (read_stdin or (lambda: sys.stdin.buffer.read()))()
            items.append(InputItem(None, name, Path(name).stem, data))
            continue
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            items.extend(InputItem(p, str(p), p.stem) for p in found)
        elif path.exists():
            items.append(InputItem(path, text, path.stem))
        else:
            missing.append(FileReport(input=text, error=f"{text}: no such file or folder"))
    distinct, notices = _distinct_stems(items)
    return distinct, missing, notices


def _distinct_stems(items: list[InputItem]) -> tuple[list[InputItem], list[str]]:
    seen: dict[str, int] = {}
    out: list[InputItem] = []
    notices: list[str] = []
    for item in items:
        key = item.stem.casefold()
        if key in seen:
            seen[key] += 1
            stem = f"{item.stem}-{seen[key]}"
            while stem.casefold() in seen:
                seen[key] += 1
                stem = f"{item.stem}-{seen[key]}"
            seen[stem.casefold()] = 1
            notices.append(f"{item.name}: another input is also named {item.stem!r}; writing it as {stem!r}")
            out.append(replace(item, stem=stem))
        else:
            seen[key] = 1
            out.append(item)
    return out, notices


# ---------------------------------------------------------------- incremental state


def _input_digest(item: InputItem) -> str:
    digest = hashlib.sha256()
    if item.data is not None:
        digest.update(item.data)
    elif item.path is not None:
        with item.path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _load_state(folder: Path) -> dict:
    try:
        return json.loads((folder / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _save_state(folder: Path, state: dict) -> None:
    try:
        with atomic_output(folder / STATE_FILE) as temporary:
            temporary.write_text(json.dumps(state, indent=1, sort_keys=True), "utf-8")
    except OutputError as err:
        log.warning("could not record the build state: %s", err)


def _is_up_to_date(item: InputItem, options: ExportOptions, state: dict) -> bool:
    """Up to date: every output exists, is newer than its input, and was built
    from the same input bytes with the same options."""
    if options.force or item.path is None:
        return False
    options = _options_for(item, options)
    for fmt in options.formats:
        output = Path(options.output_dir) / f"{item.stem}{SUFFIXES[fmt]}"
        entry = state.get(output.name)
        try:
            if not entry or output.stat().st_mtime < item.path.stat().st_mtime:
                return False
        except OSError:
            return False
        if entry.get("options") != options.fingerprint() or entry.get("input") != _input_digest(item):
            return False
    return True


# ---------------------------------------------------------------- one input (runs in a worker)


_WATCHED_LOGGERS = ("exporter", "weasyprint", "fontTools")


def _read_item(item: InputItem, max_bytes: int):
    if item.data is not None:
        return decode_source(item.data, path=Path(item.name), max_bytes=max_bytes)
    assert item.path is not None
    return read_source(item.path, max_bytes=max_bytes)


def _load_prepared(item: InputItem, options: ExportOptions, max_bytes: int) -> Article:
    from .pipeline import clean_source

    return prepare(clean_source(_read_item(item, max_bytes), options), _options_for(item, options))


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
                 overrides_by_path: Mapping[str | Path, MetaOverrides] | None = None) -> BatchReport:
    """Export every input; see the module docstring. Never raises for a bad input.

    ``overrides_by_path`` gives single inputs their own metadata (the GUI edits
    each article apart); its fields win over ``options.overrides``."""
    started = time.perf_counter()
    items, missing, notices = collect_inputs(paths, stdin_name=stdin_name, read_stdin=read_stdin)
    if overrides_by_path:
        own = {Path(key).resolve(): value for key, value in overrides_by_path.items()}
        items = [replace(item, overrides=own.get(item.path.resolve())) if item.path is not None else item
                 for item in items]
    report = BatchReport(notices=[] if collection is not None else notices)
    output_dir = Path(options.output_dir)
    if collection is not None:
        _run_collection(items, missing, options, report, collection=collection, sort=sort, jobs=jobs,
                        progress=progress, cancel=cancel, max_bytes=max_bytes)
        report.seconds = time.perf_counter() - started
        return report

    state = _load_state(output_dir)
    todo: list[tuple[int, InputItem]] = []
    results: dict[int, FileReport] = {}
    total = len(items) + len(missing)
    done = 0
    for index, item in enumerate(items):
        if _is_up_to_date(item, options, state):
            results[index] = FileReport(input=item.name, skipped=True, outputs=[
                {"format": f, "path": str(output_dir / f"{item.stem}{SUFFIXES[f]}"),
                 "bytes": (output_dir / f"{item.stem}{SUFFIXES[f]}").stat().st_size} for f in options.formats])
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
    _record_state(items, results, options, state, output_dir)
    report.seconds = time.perf_counter() - started
    return report


def _record_state(items: list[InputItem], results: dict[int, FileReport], options: ExportOptions,
                  state: dict, output_dir: Path) -> None:
    changed = False
    for index, item in enumerate(items):
        file_report = results.get(index)
        if file_report is None or not file_report.ok or file_report.skipped or item.path is None:
            continue
        digest = _input_digest(item)
        fingerprint = _options_for(item, options).fingerprint()
        for output in file_report.outputs:
            state[Path(output["path"]).name] = {"input": digest, "options": fingerprint}
            changed = True
    if changed:
        _save_state(output_dir, state)


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


# ---------------------------------------------------------------- collections


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


def _run_collection(items: list[InputItem], missing: list[FileReport], options: ExportOptions,
                    report: BatchReport, *, collection: str, sort: str | None, jobs: int | None,
                    progress: ProgressCallback | None, cancel: threading.Event | None, max_bytes: int) -> None:
    from .pipeline import write_book

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
    stem = _collection_stem(collection)
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
    report.collection = collection_report
    if progress:
        progress(total, total, collection_report)


def _collection_stem(title: str) -> str:
    import re
    import unicodedata

    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()
    return stem[:80] or "collection"


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
