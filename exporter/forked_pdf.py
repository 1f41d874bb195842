"""One input's PDF in a forked process while this process writes its EPUB.

For a single article asked in both formats, the PDF is the long pole: WeasyPrint's
import and font set-up (about 0.3 s) and its layout (about 0.4 s), against about
0.1 s for the EPUB. With a second core, a child is forked before the article is
read: it loads WeasyPrint while the parent cleans, is sent the prepared book
(pickled, a few kB), and writes the PDF while the parent writes the EPUB, so
the run takes about as long as the PDF alone. It sends back one pickled
`ChildResult`. Measured on 2 cores, forking before cleaning rather than after
saves the cleaning time again; a thread instead of a process saves little, as
WeasyPrint's import and layout hold the GIL.

What the caller sees does not change: the same files (the EPUB is written by the
same code in the same process), the same report (outputs in format order, one
error line, timings), the same log records in the same order (the child records
its own and the parent logs them again after its EPUB's), the same exit status.
Where this cannot be done safely it is not done, and the formats are written one
after the other as before: without ``os.fork`` (Windows), with one core, or when
the caller runs other threads (the GUI): a child forked from a threaded process
can deadlock on a lock another thread held, fontconfig's among them.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import field
from ._dataclass_store import dataclass

CHILD_FORMATS = ("pdf",)


def possible() -> bool:
    """Can a child be forked safely here (see the module docstring)? The caller has
    checked there is a PDF and a core to spare before importing this module."""
    if not hasattr(os, "fork") or threading.current_thread() is not threading.main_thread():
        return False  # e.g. called on the GUI's worker thread
    try:  # every thread of the process, also those Python did not start (Qt's, a library's)
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc (macOS): the threads Python knows of, and no Qt
        return threading.active_count() == 1 and "PySide6" not in sys.modules


@dataclass
class ChildResult:
    outputs: list[dict] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    error: str | None = None
    traceback: str | None = None
    records: list[logging.LogRecord] = field(default_factory=list)  # what the child logged, in order


# The standard attributes of a log record: what the parent's handlers read. Anything
# else (``extra=``) may not pickle, and is dropped.
_RECORD_FIELDS = ("name", "msg", "levelname", "levelno", "pathname", "filename", "module", "lineno",
                  "funcName", "created", "msecs", "relativeCreated", "thread", "threadName", "process",
                  "processName")


class _Recorder(logging.Handler):
    """Keeps every record that got past its logger's level, as plain picklable fields."""

    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.NOTSET)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record (bad % arguments) must not break the work
            message = str(record.msg)
        fields = {name: getattr(record, name, None) for name in _RECORD_FIELDS}
        self.records.append(logging.makeLogRecord({**fields, "msg": message, "args": None}))


class PdfBeside:
    """A forked child that writes one PDF. Made before the input is read (the child
    loads WeasyPrint meanwhile); then `send` it the work, or `abandon` it if the input
    fails first; write the other formats; `finish` puts the PDF's outcome into the report."""

    def __init__(self, name: str) -> None:
        self.name = name  # the input, as messages name it
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # else the child's copy of unwritten output could be written twice
        job_read, self._job = os.pipe()
        self._result, result_write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into the caller's code
            os.close(self._job)
            os.close(self._result)
            _child(job_read, result_write)
        os.close(job_read)
        os.close(result_write)

    def send(self, write: Callable[[tuple[str, ...], object], None], report_type: type) -> None:
        """Hand over the work: ``write(formats, report)`` (picklable) fills a ``report_type(input=name)``."""
        try:
            with os.fdopen(self._job, "wb") as pipe:
                self._job = -1
                pickle.dump((write, report_type, self.name), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BrokenPipeError:
            pass  # the child died already: `finish` reports it, the other formats are still written

    def abandon(self) -> None:
        """No PDF after all (the input failed before it, or Ctrl-C): stop the child, reap it."""
        if self._job >= 0:
            os.close(self._job)  # end of file without a job: the child leaves at once
            self._job = -1
        _stop(self.pid)
        _reap(self.pid)
        os.close(self._result)

    def finish(self, formats: tuple[str, ...], report, cancel: threading.Event | None = None) -> None:
        """Wait for the PDF and put its outputs, timings, error and log records into ``report``
        as if it had been written here, after the other formats. When one of those
        failed, the PDF is stopped, as the formats one after the other would not start it."""
        try:
            if report.error is not None:
                _stop(self.pid)
            result = _receive(self._result, self.pid, self.name, cancel)
        except BaseException:  # Ctrl-C or a cancel: stop the child; the caller sweeps its temporary file
            _stop(self.pid)
            _reap(self.pid)
            raise
        finally:
            os.close(self._result)
        _merge(result, formats, report)


def _child(job_read: int, result_write: int) -> None:
    status = 0
    try:
        # SIGTERM from the parent unwinds like Ctrl-C, so atomic_output removes its temporary.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        records: list[logging.LogRecord] = []
        _record_all_logging(records)
        job: list[bytes] = []
        reader = threading.Thread(target=lambda: job.append(_read_all(job_read)))
        reader.start()  # the book arrives while WeasyPrint loads
        from .backends import preload

        try:
            preload(CHILD_FORMATS)
        except Exception:  # the backend's error is reported by the write, as without a child
            pass
        reader.join()
        if not job[0]:
            raise SystemExit(0)  # abandoned: the input failed before its PDF
        write, report_type, name = pickle.loads(job[0])
        report = report_type(input=name)
        write(CHILD_FORMATS, report)
        result = ChildResult(report.outputs, report.seconds, report.error, report.traceback, records)
        with os.fdopen(result_write, "wb") as pipe:
            pickle.dump(result, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except KeyboardInterrupt:
        status = 130
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # nothing may escape into the parent's stack
        status = 70
    finally:
        try:
            sys.stderr.flush()
        finally:
            os._exit(status)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def _record_all_logging(records: list[logging.LogRecord]) -> None:
    """Route every log record of this process to ``records`` only (the parent logs them)."""
    recorder = _Recorder(records)
    for logger in [logging.getLogger()] + list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.getLogger().handlers = [recorder]


def _receive(read_end: int, pid: int, name: str, cancel: threading.Event | None) -> ChildResult:
    chunks = []
    while True:
        ready, _, _ = select.select([read_end], [], [], 0.2)
        if cancel is not None and cancel.is_set():
            raise KeyboardInterrupt
        if not ready:
            continue
        chunk = os.read(read_end, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # no result: the child died (the OS killed it) or was stopped
        code = os.waitstatus_to_exitcode(status)
        how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        return ChildResult(error=f"{name}: worker failed: the PDF process died ({how})")


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass


def _reap(pid: int, patience: float = 2.0) -> None:
    """Wait for a stopped child; kill it if it does not go (stuck in C code, deaf to SIGTERM)."""
    import time

    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return
        if done:
            return
        time.sleep(0.02)
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _merge(result: ChildResult, formats: tuple[str, ...], report) -> None:
    for record in result.records:
        logging.getLogger(record.name).handle(record)
    report.outputs = sorted(report.outputs + result.outputs, key=lambda output: formats.index(output["format"]))
    report.seconds.update(result.seconds)
    if report.error is None and result.error is not None:
        report.error = result.error
        report.traceback = result.traceback
