"""Exporting from the window: the job from the form, the worker thread, progress and results.

Mixed into `MainWindow`; the export itself runs in `gui.worker` (never on the
window's thread), and each finished file is listed in `gui.results`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QProgressBar, QPushButton, QStyle

from exporter import BatchReport, ExporterError, ExportOptions, FileReport, is_url

from . import dialogs, ereader
from .delivery_settings import DeliverySettingsDialog
from .details_form import friendly
from .help import APP_TITLE
from .worker import ExportJob, ExportWorker, start_export


class ExportFlow(QMainWindow):
    """The export half of `MainWindow`: the row of export buttons and what they do."""

    worker: ExportWorker | None
    _thread: QThread | None

    def _build_action_row(self) -> QHBoxLayout:
        """Progress (shown while exporting), Send, Open output folder, Cancel, Export."""
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Export progress")
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setVisible(False)  # an idle bar looks like an empty text box: shown while exporting
        self.export_button = self._button("Export", "Export the articles", self.start_export)
        self.export_button.setDefault(True)
        self.export_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.cancel_button = self._button("Cancel", "Cancel the export", self.cancel_export)
        self.open_button = self._button("Open output folder", "Open the output folder", self.open_output_folder)
        self.send_button = self._button("Send to e-reader…", "Send the exported EPUBs to an e-reader",
                                        self.send_to_ereader)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addStretch(0)
        row.addWidget(self.send_button)
        row.addWidget(self.open_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.export_button)
        return row

    def _button(self, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        return button

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
            dialogs.error(self, APP_TITLE, f"{invalid[0].name}: {invalid[0].invalid}\n\nFix the details first.")
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
        self._thread, self.worker = start_export(job, self, connect=self._connect_worker)
        self.statusBar().showMessage(f"Exporting {len(paths)} article{'s' if len(paths) != 1 else ''}…")
        self._update_state()
        self.exportStarted.emit(self.worker)

    def _connect_worker(self, worker) -> None:
        worker.progress.connect(self._on_progress)
        worker.fileDone.connect(self._on_file_done)
        worker.finished.connect(self._on_finished)

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
        entry = None if report.input.startswith("collection") else self.entries.get(
            report.input if is_url(report.input) else Path(report.input).resolve())
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
