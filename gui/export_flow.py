"""Exporting from the window: the job from the form, the worker thread, progress and results.

Mixed into `MainWindow`; the export itself runs in `gui.worker` (never on the
window's thread), and each finished file is listed in `gui.results`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QMainWindow

from exporter import BatchReport, ExporterError, ExportOptions, FileReport

from . import dialogs, ereader
from .delivery_settings import DeliverySettingsDialog
from .details_form import friendly
from .help import APP_TITLE
from .worker import ExportJob, ExportWorker, start_export


class ExportFlow(QMainWindow):
    """The export half of `MainWindow` (its widgets are built there)."""

    worker: ExportWorker | None
    _thread: QThread | None

    def build_options(self) -> ExportOptions:
        """The export options from the form; `ExporterError` says what is wrong with them."""
        return self.export_settings.build_options()

    def is_exporting(self) -> bool:
        return self.worker is not None

    def start_export(self) -> None:
        if self.is_exporting() or not self.entries:
            return
        invalid = [e for e in self.entries.values() if e.invalid]
        if invalid:
            dialogs.error(self, APP_TITLE, f"{invalid[0].path.name}: {invalid[0].invalid}\n\nFix the details first.")
            return
        try:
            options = self.build_options()
        except ExporterError as err:
            dialogs.error(self, APP_TITLE, f"Cannot export: {friendly(getattr(err, 'message', str(err)))}")
            return
        collection = self.export_settings.collection()
        paths = tuple(self.input_list.paths())
        job = ExportJob(paths, options,
                        {e.path: e.overrides for e in self.entries.values() if not e.overrides.is_empty()},
                        collection, self.export_settings.more.max_input_bytes())
        self.save_settings()
        self._last_output_dir = options.output_dir
        self._last_outputs = []
        self.results_box.start()
        self.progress.setRange(0, len(paths) + (1 if collection else 0))
        self.progress.setValue(0)
        self.progress.setFormat("%v of %m")
        self.progress.setVisible(True)
        self._thread, self.worker = start_export(job, self)
        self.worker.progress.connect(self._on_progress)
        self.worker.fileDone.connect(self._on_file_done)
        self.worker.finished.connect(self._on_finished)
        self.statusBar().showMessage(f"Exporting {len(paths)} article{'s' if len(paths) != 1 else ''}…")
        self._update_state()
        self.exportStarted.emit(self.worker)

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_action.setEnabled(False)
            self.statusBar().showMessage("Cancelling after the file being written…")

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_file_done(self, report: FileReport) -> None:
        self.results_box.add_report(report)
        self._last_outputs.extend(Path(output["path"]) for output in report.outputs)
        entry = self.entries.get(Path(report.input).resolve()) if not report.input.startswith("collection") else None
        if entry is not None and not report.ok and entry.load_error is None:
            entry.load_error = report.error
            self.articles.refresh(entry)
        self.fileReported.emit(report)

    def _on_finished(self, report: BatchReport) -> None:
        if self._thread is not None:
            # The worker has returned from run(); let its thread end before dropping both.
            self._thread.quit()
            self._thread.wait()
        self.worker = None
        self._thread = None
        for notice in report.notices:
            self.results_box.add_notice(notice)
        written = sum(1 for f in report.files if f.ok and not f.skipped)
        parts = [f"{written} exported"] if report.collection is None else [
            "collection written" if report.collection.ok else "collection failed"]
        if report.failed:
            parts.append(f"{len(report.failed)} failed")
        if report.interrupted:
            parts.append("cancelled")
        summary = ", ".join(parts) + f" in {report.seconds:.1f} s"
        self.statusBar().showMessage(summary)
        self.results_box.setTitle(f"Results — {summary}")
        if not report.interrupted:
            self.progress.setValue(self.progress.maximum())
        self._update_state()
        self.exportFinished.emit(report)

    def open_output_folder(self) -> None:
        folder = self._last_output_dir or Path(self.output_edit.text().strip()).expanduser()
        if folder.is_dir():
            dialogs.open_folder(folder)
        else:
            dialogs.error(self, APP_TITLE, f"The output folder does not exist yet:\n{folder}")

    def choose_output_folder(self) -> None:
        self.export_settings.choose_output_folder()

    def send_to_ereader(self) -> None:
        ereader.send_dialog(self, self._exported_epubs())

    def open_delivery_settings(self) -> None:
        dialogs.run_dialog(DeliverySettingsDialog(self))

    def _exported_epubs(self) -> list[Path]:
        return [path for path in self._last_outputs if path.suffix == ".epub" and path.is_file()]
