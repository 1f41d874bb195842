"""Helpers of the PDF tests: a warning collector for the loggers that matter."""

from __future__ import annotations

import logging
from contextlib import contextmanager

WATCHED_LOGGERS = ("weasyprint", "exporter")


class WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


@contextmanager
def collected_warnings():
    """Every WARNING or worse that WeasyPrint or the exporter logs inside the block."""
    handler = WarningCollector()
    for name in WATCHED_LOGGERS:
        logging.getLogger(name).addHandler(handler)
    try:
        yield handler.messages
    finally:
        for name in WATCHED_LOGGERS:
            logging.getLogger(name).removeHandler(handler)


@contextmanager
def no_logged_warnings():
    """Fail if WeasyPrint or the exporter logs a warning inside the block."""
    with collected_warnings() as messages:
        yield
    assert messages == [], messages
