"""Where the ``exporter`` command's output goes: the ``-o`` target (a folder, one
named book, or standard output) and the progress lines on stderr.

Split from `exporter.cli` (which parses and dispatches); imports neither PySide6
nor WeasyPrint.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from ._dataclass_store import dataclass
from .errors import UsageError
from .options import FORMATS

PROG = "exporter"


@dataclass(frozen=True)
class OutputTarget:
    """Where ``-o`` sends the books: a folder (stem None), one named file, or standard output."""

    folder: Path
    stem: str | None = None
    formats: tuple[str, ...] = FORMATS
    to_stdout: bool = False


_BOOK_SUFFIXES = {".epub": "epub", ".pdf": "pdf"}


def output_target(args: argparse.Namespace, paths: Sequence[str]) -> OutputTarget:
    """``-o dist`` (a folder, as always), ``-o book.epub`` (pandoc's habit: one book, its
    format from the suffix unless --epub/--pdf say it) or ``-o -`` (the one book on stdout)."""
    output = Path(args.output)
    asked = tuple(f for f in FORMATS if getattr(args, f, False))
    to_stdout = str(args.output) == "-"
    suffix_format = _BOOK_SUFFIXES.get(output.suffix.lower())
    if not to_stdout and (suffix_format is None or output.is_dir()):
        return OutputTarget(folder=output)
    shown = "-o -" if to_stdout else f"-o {output}"
    formats = asked or ((suffix_format,) if suffix_format else ())
    if len(formats) != 1:
        raise UsageError(f"{shown} writes one book in one format: add --epub or --pdf")
    if suffix_format and formats != (suffix_format,):
        raise UsageError(f"{shown} ends in .{suffix_format} but --{formats[0]} was asked for")
    one_input = len(paths) == 1 and not Path(paths[0]).is_dir()
    if not (one_input or args.collection):
        raise UsageError(f"{shown} names one book, but several inputs were given: "
                         "give a folder to -o, or use --collection")
    if to_stdout:
        if args.json:
            raise UsageError("-o - and --json both write to standard output: choose one")
        if getattr(args, "send", None):
            raise UsageError("-o - writes the book to standard output; --send needs it written to a file")
        return OutputTarget(folder=Path("."), stem="book", formats=formats, to_stdout=True)
    return OutputTarget(folder=output.parent, stem=output.stem, formats=formats)


def book_to_stdout(report, stdout: TextIO) -> None:
    """The one book's bytes onto standard output (binary), from the temporary folder."""
    from .batch import iter_outputs

    written = list(iter_outputs(report))
    if not written:
        return  # the failure is reported on stderr
    sink = getattr(stdout, "buffer", None)
    if sink is None:
        raise UsageError("-o - needs a binary standard output")
    with open(written[0], "rb") as book:
        shutil.copyfileobj(book, sink)
    sink.flush()



class ProgressReporter:
    """A tqdm bar on a terminal, one plain line per file otherwise, nothing when quiet."""

    def __init__(self, stream: TextIO, *, quiet: bool) -> None:
        self.stream = stream
        self.quiet = quiet
        self.bar = None
        self.lock = threading.Lock()

    def __call__(self, done: int, total: int, file_report) -> None:
        if self.quiet:
            return
        isatty = getattr(self.stream, "isatty", lambda: False)()
        with self.lock:
            if isatty:
                if self.bar is None:
                    from tqdm import tqdm

                    self.bar = tqdm(total=total, file=self.stream, unit="article", dynamic_ncols=True, leave=False)
                self.bar.update(1)
                if not file_report.ok:
                    self.bar.write(f"{PROG}: error: {file_report.error}", file=self.stream)
                return
            state = "failed" if not file_report.ok else ("up to date" if file_report.skipped else "ok")
            self.stream.write(f"[{done}/{total}] {file_report.input}: {state}\n")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class StderrHandler(logging.Handler):
    """Library warnings to stderr in the CLI's voice; info only with -v."""

    def __init__(self, stream: TextIO, *, verbose: bool) -> None:
        super().__init__(logging.INFO if verbose else logging.WARNING)
        self.stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        level = "warning" if record.levelno >= logging.WARNING else "info"
        self.stream.write(f"{PROG}: {level}: {record.getMessage()}\n")
