"""The ``exporter`` command: argument parsing, output discipline, exit codes.

stdout carries only output paths or ``--json``; messages go to stderr as
``exporter: error: <file>: <what>``. Exit codes come from `errors.exit_code_for`
and `ExitStatus`. This module imports neither PySide6 nor WeasyPrint.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from . import __version__  # noqa: F401  (cheap: the package imports no Qt, no WeasyPrint)
from .argparsing import RaisingParser
from .cli_output import (
    ProgressReporter as _ProgressReporter, StderrHandler, book_to_stdout as _book_to_stdout, output_target,
)
from .errors import ExitStatus, ExporterError, InputError, UsageError, error_kind, exit_code_for
from .options import (
    COVER_CHOICES, DEFAULT_MAX_PDF_CHARS, DEFAULT_PAGE_SIZE, FORMATS, PAGE_SIZES, PDF_VARIANTS, ExportOptions, MetaOverrides, parse_length,
    parse_page_size,
)
from .reading import DEFAULT_MAX_BYTES

PROG = "exporter"
DEFAULT_SOURCE = Path("source")
DEFAULT_OUTPUT = Path("dist")


_Parser = RaisingParser  # the name other modules' tests knew it by


# ---------------------------------------------------------------- parsers


def _add_meta_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("metadata overrides (win over what the cleaner finds)")
    group.add_argument("--title", help="the book's title")
    group.add_argument("--author", help='author name(s): "A" or "A; B"')
    group.add_argument("--date", help="publication date, YYYY-MM-DD")
    group.add_argument("--lang", help="language as a BCP 47 tag, e.g. en or fr-CA")
    group.add_argument("--publisher", help="publisher or publication")
    group.add_argument("--bio", metavar="TEXT|FILE", help="author bio text, or a file holding it")


def _add_common_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", type=Path, default=[], metavar="FILE",
                        help="extra cleaning rules (TOML, same form as the shipped rules); may repeat")
    parser.add_argument("--no-smart-quotes", action="store_true", help="keep quotes, dashes and dots as found")
    pictures = parser.add_argument_group("pictures")
    pictures.add_argument("--no-images", action="store_true",
                          help="a text-only book: no pictures (their captions stay as text)")
    pictures.add_argument("--fetch-images", action="store_true",
                          help="also fetch the page's remote pictures (public web addresses only; "
                               "by default only pictures inside the page or its folder are used)")
    parser.add_argument("--max-input-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                        help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES / 1e6:.0f} MB)")
    parser.add_argument("--traceback", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")


def _commands_epilog() -> str:
    """Every subcommand with its one-line description (delivery registers send and devices)."""
    rows = [(name, (build().description or "").split(". ")[0].rstrip(".")) for name, (build, _) in COMMANDS.items()]
    width = max((len(name) for name, _ in rows), default=0)
    lines = [f"  {PROG} {name.ljust(width)}  {about}" for name, about in rows]
    import textwrap

    note = textwrap.fill(
        "With no PATH, every article in ./source is exported to ./dist. Books are named after their "
        "articles' titles (an-act-of-repentance.epub). A URL is fetched, with the pictures of its page; "
        "nothing else is ever fetched.", width=78)
    return "commands (see 'exporter COMMAND --help'):\n" + "\n".join(lines) + "\n\n" + note


class _ExportParser(RaisingParser):
    """The export command's parser. Its epilog lists every subcommand, which means
    building each one's parser: done when the help is shown, not on every export."""

    def format_help(self) -> str:
        if self.epilog is None:
            self.epilog = _commands_epilog()
        return super().format_help()


def build_export_parser() -> argparse.ArgumentParser:
    from .reading import SUPPORTED_KINDS

    parser = _ExportParser(
        prog=PROG,
        description=f"Export saved articles to EPUB 3 and print-ready PDF. Reads {SUPPORTED_KINDS}.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="files, folders, http(s) URLs, or - for standard input")
    parser.add_argument("--epub", action="store_true", help="write EPUB (neither flag: both formats)")
    parser.add_argument("--pdf", action="store_true", help="write PDF (neither flag: both formats)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT, metavar="DIR|FILE|-",
                        help="output folder (default: dist); or, for one book in one format, its file name "
                             "(-o book.epub) or - for standard output")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="parallel worker processes (default: the machine's cores)")
    parser.add_argument("--json", action="store_true", help="print a machine-readable report on stdout")
    parser.add_argument("--force", action="store_true", help="rebuild outputs that are up to date")
    parser.add_argument("--name", help="file name for standard input (its suffix picks the kind: .txt, .html, .md, …; "
                             "without it, a saved page is read as HTML, anything else as text)")
    parser.add_argument("--collection", metavar="TITLE", help="one book holding all inputs")
    parser.add_argument("--sort", choices=("date", "title"), help="order of a collection (default: as given)")
    parser.add_argument("--debug-pipeline", type=Path, metavar="DIR",
                        help="write each input's Article JSON and rendered XHTML to DIR")
    pdf = parser.add_argument_group("PDF")
    pdf.add_argument("--page-size", default=DEFAULT_PAGE_SIZE,
                     help=f"{', '.join(PAGE_SIZES)} or WxH with units, e.g. 140x216mm (default {DEFAULT_PAGE_SIZE})")
    pdf.add_argument("--bleed", default=None, metavar="LENGTH", help="bleed around the trim, e.g. 0.125in or 3mm")
    pdf.add_argument("--crop-marks", action="store_true", help="draw crop marks (needs --bleed)")
    pdf.add_argument("--pdf-variant", choices=PDF_VARIANTS, help="a PDF/A or PDF/UA variant (default: tagged PDF)")
    pdf.add_argument("--style", type=Path, metavar="CSS", help="your stylesheet, applied after ours")
    parser.add_argument("--cover", choices=COVER_CHOICES, default="generated",
                        help="EPUB cover: generated (title and author, the default) or lead-image "
                             "(the article's first picture above the title)")
    pdf.add_argument("--max-pdf-chars", type=int, default=DEFAULT_MAX_PDF_CHARS, metavar="N",
                     help=f"refuse PDFs of articles longer than N characters (default {DEFAULT_MAX_PDF_CHARS:,}; "
                          "layout time grows fast with length)")
    _add_meta_args(parser)
    _add_common_args(parser)
    for add_arguments in EXPORT_ARGUMENTS:
        add_arguments(parser)
    return parser


def build_clean_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=f"{PROG} clean", description="Clean one article and show what was found.")
    parser.add_argument("path", metavar="PATH", help="a file of a supported kind, an http(s) URL, "
                                                     "or - for standard input")
    parser.add_argument("--json", action="store_true", help="print the cleaned article as JSON")
    parser.add_argument("--name", help="file name for standard input")
    parser.add_argument("--typography", action="store_true", help="apply smart quotes and dashes as in the book")
    _add_meta_args(parser)
    _add_common_args(parser)
    return parser


def _read_bio(value: str | None) -> str | None:
    if value is None:
        return None
    candidate = Path(value)
    if len(value) < 4096 and "\n" not in value and candidate.suffix and candidate.is_file():
        from .reading import read_source

        return read_source(candidate).text.strip()
    return value


def overrides_from_args(args: argparse.Namespace) -> MetaOverrides:
    overrides = MetaOverrides(title=args.title, author=args.author, date=args.date, language=args.lang,
                              publisher=args.publisher, bio=_read_bio(args.bio))
    from .transforms import validate_overrides

    validate_overrides(overrides)
    return overrides


def max_input_bytes(args: argparse.Namespace) -> int:
    import math

    size = args.max_input_size
    if not math.isfinite(size) or size <= 0:
        raise UsageError(f"--max-input-size must be a positive number of MB: {size}")
    return int(size * 1e6)


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    """The CLI's builder of `ExportOptions` (the GUI's form is the other)."""
    max_input_bytes(args)
    formats = tuple(f for f in FORMATS if getattr(args, f, False)) or FORMATS
    for rules in args.rules:
        if not rules.is_file():
            raise UsageError(f"{rules}: rules file not found")
    style = getattr(args, "style", None)
    if style is not None and not style.is_file():
        raise UsageError(f"{style}: stylesheet not found")
    if style is not None and "epub" in formats:
        from .backends.epub import check_user_stylesheet

        check_user_stylesheet(style)
    bleed = parse_length(args.bleed) if getattr(args, "bleed", None) else 0.0
    if getattr(args, "crop_marks", False) and bleed == 0:
        raise UsageError("--crop-marks needs --bleed (the marks sit in the bleed area)")
    return ExportOptions(
        formats=formats,
        output_dir=getattr(args, "output", DEFAULT_OUTPUT),
        page_size=parse_page_size(getattr(args, "page_size", DEFAULT_PAGE_SIZE)),
        bleed_pt=bleed,
        crop_marks=getattr(args, "crop_marks", False),
        pdf_variant=getattr(args, "pdf_variant", None),
        smart_quotes=not args.no_smart_quotes,
        overrides=overrides_from_args(args),
        rules_files=tuple(args.rules),
        user_stylesheet=style,
        force=getattr(args, "force", False),
        max_pdf_chars=getattr(args, "max_pdf_chars", DEFAULT_MAX_PDF_CHARS),
        images=not getattr(args, "no_images", False),
        fetch_images=getattr(args, "fetch_images", False) and not getattr(args, "no_images", False),
        cover=getattr(args, "cover", "generated"),
    )


# ---------------------------------------------------------------- commands


def run_clean(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .cleaning import scorer_view
    from .model import to_dict
    from .pipeline import clean_source
    from .sources import decode_document, read_document
    from .sources.inputs import is_supported_file, is_url, standard_input_name, unsupported_message
    from .transforms import apply_overrides, apply_typography

    options = options_from_args(args)
    max_bytes = max_input_bytes(args)
    if args.path == "-":
        data = sys.stdin.buffer.read()
        source = decode_document(data, path=Path(args.name or standard_input_name(data)), max_bytes=max_bytes)
    elif is_url(args.path):
        source = read_document(args.path, max_bytes=max_bytes)
    else:
        if Path(args.path).is_file() and not is_supported_file(Path(args.path)):
            raise InputError(unsupported_message(Path(args.path)).split(": ", 1)[1], path=args.path)
        source = read_document(Path(args.path), max_bytes=max_bytes)
    article = apply_overrides(clean_source(source, options), options.overrides)
    if args.typography:
        article = apply_typography(article)
    if args.json:
        data = {**scorer_view(article), "article": to_dict(article)}
        stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        meta = article.meta
        for label, value in (("title", meta.title), ("author", meta.author), ("date", meta.date),
                             ("publisher", meta.publisher), ("language", meta.language)):
            stdout.write(f"{label + ':':11}{value or '-'}\n")
        stdout.write(f"{'blocks:':11}{len(article.blocks)}\n")
        stdout.write(f"{'bio:':11}{meta.bio.text if meta.bio else '-'}\n")
    return ExitStatus.SUCCESS


def run_export(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .batch import export_batch, summarize

    options = options_from_args(args)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.sort and not args.collection:
        raise UsageError("--sort applies to --collection")
    paths = args.paths or [str(DEFAULT_SOURCE)]
    if not args.paths and not DEFAULT_SOURCE.is_dir():
        raise UsageError("no PATH given and there is no ./source folder")
    if "-" in paths and paths.count("-") > 1:
        raise UsageError("standard input (-) can be given once")
    target = output_target(args, paths)
    if target.stem is not None:
        options = replace(options, output_dir=target.folder, formats=target.formats)
    for check in BEFORE_EXPORT:
        check(args)  # raises a typed error (exit 2) before anything is written
    reporter = _ProgressReporter(stderr, quiet=args.quiet or args.json)
    with contextlib.ExitStack() as stack:
        if target.to_stdout:
            import tempfile

            options = replace(options, output_dir=Path(stack.enter_context(tempfile.TemporaryDirectory())))
        report = export_batch(
            paths, options, jobs=args.jobs, progress=reporter, stdin_name=args.name,
            max_bytes=max_input_bytes(args), debug_dir=args.debug_pipeline,
            collection=args.collection, sort=args.sort, output_stem=target.stem,
        )
        reporter.close()
        if target.to_stdout:
            _book_to_stdout(report, stdout)
    for notice in report.notices:
        stderr.write(f"{PROG}: note: {notice}\n")
    for failed in report.failed:
        stderr.write(f"{PROG}: error: {failed.error}\n")
        if args.traceback and failed.traceback:
            stderr.write(failed.traceback)
    if args.json:
        stdout.write(report.to_json() + "\n")
    elif not target.to_stdout:
        from .batch import iter_outputs

        for path in iter_outputs(report):
            stdout.write(path + "\n")
    if not args.quiet and not args.json:
        stderr.write(f"{PROG}: {summarize(report)}\n")
    status = ExitStatus.SUCCESS
    if report.interrupted:
        status = ExitStatus.INTERRUPTED
    elif report.failed:
        status = ExitStatus.SOME_FAILED
    return _after_export(args, report, status, stdout, stderr)


def _after_export(args, report, status: int, stdout: TextIO, stderr: TextIO) -> int:
    """Hook for steps after a successful export (delivery registers here)."""
    for hook in AFTER_EXPORT:
        status = hook(args, report, status, stdout, stderr)
    return status


AFTER_EXPORT: list[Callable] = []
# Checks run before an export starts (delivery checks --send's target and SMTP set-up).
BEFORE_EXPORT: list[Callable[[argparse.Namespace], None]] = []
# Functions adding options to the export parser (delivery adds --send).
EXPORT_ARGUMENTS: list[Callable[[argparse.ArgumentParser], None]] = []


# Subcommands: name → (parser builder, runner). Delivery adds "send" and "devices".
COMMANDS: dict[str, tuple[Callable[[], argparse.ArgumentParser], Callable]] = {
    "clean": (build_clean_parser, run_clean),
}


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command; returns the exit status (the console script exits with it)."""
    if argv is None:  # this call is the whole process (the console script, python -m exporter)
        from ._whole_process import tune_collector

        tune_collector()
    argv = list(sys.argv[1:] if argv is None else argv)
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    _load_plugins()
    show_traceback = "--traceback" in argv
    handler = StderrHandler(stderr, verbose="-v" in argv or "--verbose" in argv)
    library_log = logging.getLogger("exporter")
    library_log.addHandler(handler)
    library_log.setLevel(logging.INFO)
    try:
        if argv and argv[0] in COMMANDS:
            build, run = COMMANDS[argv[0]]
            argv = argv[1:]
        else:
            build, run = build_export_parser, run_export
        with contextlib.redirect_stdout(stdout):  # --help and --version go to our stdout
            args = build().parse_args(argv)
        return int(run(args, stdout, stderr))
    except SystemExit as exit_:  # --help / --version
        return int(exit_.code or 0)
    except KeyboardInterrupt:
        stderr.write(f"{PROG}: interrupted\n")
        return ExitStatus.INTERRUPTED
    except ExporterError as err:
        if show_traceback:
            traceback.print_exc(file=stderr)
        message = " ".join(str(err).split())
        stderr.write(f"{PROG}: error: {message}\n")
        code = exit_code_for(err)
        if "--json" in argv:
            # A caller reading JSON gets JSON even when nothing was made (a bad command line, or
            # `clean --json` on a file that is no article): the kind says which.
            stdout.write(json.dumps({"error": message, "kind": error_kind(err), "exit": int(code)},
                                    ensure_ascii=False) + "\n")
        return code
    except Exception as err:
        if show_traceback:
            raise
        stderr.write(f"{PROG}: error: internal error: {type(err).__name__}: {err} (run with --traceback for details)\n")
        return ExitStatus.SOME_FAILED
    finally:
        library_log.removeHandler(handler)


_plugins_loaded = False


def _load_plugins() -> None:
    """Optional command groups living in their own packages (no heavy imports)."""
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    try:
        from .delivery import commands as delivery_commands
    except ImportError:
        return
    register = getattr(delivery_commands, "register", None)
    if register is not None:
        register(COMMANDS, AFTER_EXPORT, EXPORT_ARGUMENTS, BEFORE_EXPORT)

