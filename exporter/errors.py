"""Typed errors of the exporter and the one place they become exit codes.

Every failure the user can cause or meet (bad input, bad options, a refused
e-mail) is an `ExporterError` subclass carrying a one-line message; the CLI
prints ``exporter: error: <file>: <message>`` and maps the class to an exit
code with `exit_code_for`. Anything else is a bug and shows a traceback only
with ``--traceback``.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitStatus(IntEnum):
    """Exit codes of the ``exporter`` command (httpie's ``ExitStatus`` shape)."""

    SUCCESS = 0
    SOME_FAILED = 1  # some inputs (or a delivery) failed; the rest were done
    USAGE = 2  # bad command line or configuration: nothing was attempted
    INTERRUPTED = 130  # Ctrl-C


class ExporterError(Exception):
    """Base of every expected failure. ``str(err)`` is a one-line message."""

    exit_status: ExitStatus = ExitStatus.SOME_FAILED

    def __init__(self, message: str, *, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None

    def __str__(self) -> str:
        if self.path is not None:
            return f"{self.path}: {self.message}"
        return self.message


class UsageError(ExporterError):
    """Bad command-line arguments or option values."""

    exit_status = ExitStatus.USAGE


class ConfigError(ExporterError):
    """A configuration or rules file that cannot be used."""

    exit_status = ExitStatus.USAGE


class InputError(ExporterError):
    """An input file that cannot be read or decoded (empty, binary, unknown encoding, too large)."""


class CleaningError(InputError):
    """Cleaning found no article in an input that could be read (only boilerplate, no body)."""


class RenderError(ExporterError):
    """A backend could not produce its output from a cleaned article."""


class OutputError(ExporterError):
    """An output could not be written (read-only folder, disk full)."""


class DeliveryError(ExporterError):
    """Sending a book to an e-reader failed (e-mail or USB)."""


def exit_code_for(error: BaseException) -> ExitStatus:
    """The exit status the CLI returns for ``error``: the single mapping point."""
    if isinstance(error, KeyboardInterrupt):
        return ExitStatus.INTERRUPTED
    if isinstance(error, ExporterError):
        return error.exit_status
    return ExitStatus.SOME_FAILED


class ImageError(ExporterError):
    """A picture that cannot go into a book (not an image, too many pixels, truncated).
    Never fatal: the picture is left out with one warning naming it."""


def error_kind(error: ExporterError) -> str:
    """The kind a ``--json`` caller reads for ``error``: "usage" for whatever stopped the run
    before it began (a bad command line or configuration), else what failed."""
    if error.exit_status == ExitStatus.USAGE:
        return "usage"
    kinds = ((InputError, "input"), (RenderError, "render"), (OutputError, "output"), (DeliveryError, "delivery"))
    return next((kind for cls, kind in kinds if isinstance(error, cls)), "error")
