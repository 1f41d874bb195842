"""Export on a worker thread: `export_batch` with its progress callback turned into Qt signals.

The window never calls the exporter on its own thread, so it stays responsive
during a PDF build; Cancel sets a `threading.Event` that `export_batch`
checks between files and formats (outputs are written atomically, so a
cancelled export leaves no partial file). ``jobs=1``: process pools started
from inside a Qt application are fragile (fork after threads), and one
process is fast enough for the handful of articles a GUI user picks.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from exporter import BatchReport, ExportOptions, FileReport, MetaOverrides, export_batch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportJob:
    """Everything one export needs, fixed when the user presses Export."""

    paths: tuple[Path, ...]
    options: ExportOptions
    overrides_by_path: dict[Path, MetaOverrides] = field(default_factory=dict)
    collection: str | None = None  # a title: one book of every article; None: one book per article
    max_bytes: int | None = None  # the largest input read (None: the core's default)


class ExportWorker(QObject):
    progress = Signal(int, int)  # done, total
    fileDone = Signal(object)  # FileReport
    finished = Signal(object)  # BatchReport (also after a cancel or an unexpected error)

    def __init__(self, job: ExportJob) -> None:
        super().__init__()
        self.job = job
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Safe from any thread: the export stops after the file or format in progress."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, done: int, total: int, report: FileReport) -> None:
        # Called on the worker thread; queued signals carry it to the window.
        self.progress.emit(done, total)
        self.fileDone.emit(report)

    @Slot()
    def run(self) -> None:
        job = self.job
        try:
            limits = {"max_bytes": job.max_bytes} if job.max_bytes is not None else {}
            report = export_batch(
                list(job.paths), job.options, jobs=1, progress=self._on_progress, cancel=self._cancel,
                collection=job.collection, overrides_by_path=job.overrides_by_path, **limits,
            )
        except Exception as err:  # a bug in the core: show it as one line, keep the traceback in the log
            log.exception("export failed")
            failure = FileReport(input="export", error=f"internal error: {type(err).__name__}: {err}")
            report = BatchReport(files=[failure])
            self.fileDone.emit(failure)  # the window lists what fileDone brings
        self.finished.emit(report)


def start_export(job: ExportJob, parent: QObject | None = None,
                 connect: Callable[[ExportWorker], None] | None = None) -> tuple[QThread, ExportWorker]:
    """Start ``job`` on a new thread; the thread ends (and frees itself) when the worker finishes.

    ``connect`` receives the worker before the thread starts: a signal emitted before its slot
    is connected is lost, and a broken input fails in milliseconds (the window listed only the
    slower, good files when it connected after the start)."""
    thread = QThread(parent)
    worker = ExportWorker(job)
    worker.moveToThread(thread)
    if connect is not None:
        connect(worker)
    thread.started.connect(worker.run)
    worker.finished.connect(thread.quit)
    # The caller keeps the worker (a Python object without a Qt parent) until the
    # thread has finished; only the thread is freed by Qt.
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread, worker
