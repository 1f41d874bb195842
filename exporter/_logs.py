"""Collecting the warnings that the exporter and its libraries log during one
piece of work (one PDF, one input of a batch), to report or to test them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class WarningCollector(logging.Handler):
    def __init__(self, thread: int | None = None) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.thread = thread  # only records logged on this thread (None: every thread)

    def emit(self, record: logging.LogRecord) -> None:
        if self.thread is not None and record.thread != self.thread:
            return
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a malformed record (bad % arguments) must not break the work
            self.messages.append(str(record.msg))


@contextmanager
def collected_warnings(*logger_names: str, this_thread_only: bool = False) -> Iterator[list[str]]:
    """The messages of every WARNING or worse logged by ``logger_names`` inside the block
    (``this_thread_only``: by the calling thread, when other threads log meanwhile)."""
    import threading

    collector = WarningCollector(threading.get_ident() if this_thread_only else None)
    loggers = [logging.getLogger(name) for name in logger_names]
    for logger in loggers:
        logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        for logger in loggers:
            logger.removeHandler(collector)
