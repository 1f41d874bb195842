"""Helpers of the PDF tests: a warning collector for the loggers that matter."""

from __future__ import annotations

from contextlib import contextmanager

from exporter._logs import collected_warnings as collect

WATCHED_LOGGERS = ("weasyprint", "exporter")


@contextmanager
def collected_warnings():
    """Every WARNING or worse that WeasyPrint or the exporter logs inside the block."""
    with collect(*WATCHED_LOGGERS) as messages:
        yield messages


@contextmanager
def no_logged_warnings():
    """Fail if WeasyPrint or the exporter logs a warning inside the block."""
    with collected_warnings() as messages:
        yield
    assert messages == [], messages
