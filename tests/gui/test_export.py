"""Exports from the window: edited metadata reaches the books, Cancel leaves
no partial file, a broken input is reported while the others are written."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QTimer

from gui.article_list import PATH_ROLE

from .conftest import add_and_check, epub_title, export_and_wait, file_names, pdf_title, two_articles_second_retitled

EDITED_TITLE = "Khrushchev’s Speech, Fifty Years On"


def test_edited_title_reaches_epub_and_pdf(qtbot, window, seed_path, tmp_path, dialog_log):
    add_and_check(qtbot, window, [seed_path])
    assert window.input_list.count() == 1
    window.set_field("title", EDITED_TITLE)
    qtbot.waitUntil(lambda: window.preview.ebook_view.toPlainText().startswith(EDITED_TITLE), timeout=60_000)
    assert window.input_list.item(0).text() == EDITED_TITLE

    # The window's event loop keeps running during the export (it is on a worker thread):
    # a timer on the window's thread ticks while the PDF is being laid out.
    ticks = []
    timer = QTimer(window, interval=20)
    timer.timeout.connect(lambda: ticks.append(window.is_exporting()))
    timer.start()
    report = export_and_wait(qtbot, window)
    timer.stop()

    assert not report.failed and not report.interrupted
    assert ticks.count(True) >= 3, "the window did not process events during the export"
    out = tmp_path / "out"
    # Books are named after their (edited) titles.
    epub, pdf = out / "khrushchevs-speech-fifty-years-on.epub", out / "khrushchevs-speech-fifty-years-on.pdf"
    assert epub_title(epub) == EDITED_TITLE
    assert pdf_title(pdf) == EDITED_TITLE
    assert window.progress.value() == window.progress.maximum() == 1
    results = [window.results.item(i).text() for i in range(window.results.count())]
    assert results == ["act-of-repentance.txt → khrushchevs-speech-fifty-years-on.epub, "
                       "khrushchevs-speech-fifty-years-on.pdf"]
    # The output folder is remembered for the next run and can be opened.
    window.open_button.click()
    assert dialog_log.opened == [out]


def test_cancel_after_first_file_leaves_only_complete_outputs(qtbot, window, seed_path, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(1, 5):
        shutil.copy(seed_path, inputs / f"article-{number}.txt")
    window.add_paths([inputs])
    assert window.input_list.count() == 4
    finished_files = []

    def cancel_after_first(report):
        finished_files.append(report)
        if len(finished_files) == 1:
            window.cancel_export()

    window.fileReported.connect(cancel_after_first)
    report = export_and_wait(qtbot, window)

    assert report.interrupted
    assert "cancelled" in window.statusBar().currentMessage()
    out = tmp_path / "out"
    assert not list(out.glob(".exporter-tmp-*")), "a temporary file was left behind"
    outputs = sorted(out.glob("an-act-of-repentance*.*"))  # books are named after the title
    assert 2 <= len(outputs) < 8, [p.name for p in outputs]  # the first article, and not all four
    for path in outputs:
        if path.suffix == ".epub":
            with zipfile.ZipFile(path) as archive:
                assert archive.testzip() is None
                assert archive.read("mimetype") == b"application/epub+zip"
        else:
            assert len(PdfReader(path).pages) >= 2
    assert not window.is_exporting() and window.export_button.isEnabled()


def test_broken_inputs_are_listed_while_the_others_export(qtbot, window, seed_path, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    shutil.copy(seed_path, inputs / "good.txt")
    window.add_paths(sorted(inputs.iterdir()))
    window.pdf_check.setChecked(False)  # EPUB alone is enough to show the isolation, and quick

    report = export_and_wait(qtbot, window)

    assert sorted(Path(f.input).name for f in report.failed) == ["binary.txt", "empty.txt"]
    assert epub_title(tmp_path / "out" / "an-act-of-repentance.epub") == "An Act of Repentance"
    lines = {window.results.item(i).text().split(" ")[0]: window.results.item(i).text()
             for i in range(window.results.count())}
    assert set(lines) == {"binary.txt", "empty.txt", "good.txt"}
    for name in ("binary.txt", "empty.txt"):
        message = lines[name]
        assert message.startswith(f"{name} — ") and "Traceback" not in message and "\n" not in message
        error = next(f.error for f in report.failed if f.input.endswith(name))
        assert error.startswith(str(inputs / name))  # the core's message names the whole path …
        assert message == f"{name} — {error[len(str(inputs / name)) + 2:]}"  # … the window names the file once
    assert "empty" in lines["empty.txt"].lower()
    assert "1 exported, 2 failed" in window.statusBar().currentMessage()
    # Selecting a broken input says why it cannot be exported instead of a blank preview.
    window.input_list.setCurrentRow(file_names(window).index("empty.txt"))
    assert "cannot be exported" in window.preview.ebook_view.toPlainText()


def test_collection_uses_each_articles_own_edits(qtbot, window, seed_path, tmp_path):
    two_articles_second_retitled(qtbot, window, seed_path, tmp_path / "in")
    window.pdf_check.setChecked(False)
    window.collection_radio.setChecked(True)
    window.collection_title.setText("Two Speeches")

    report = export_and_wait(qtbot, window)

    assert not report.failed and report.collection is not None and report.collection.ok
    book = tmp_path / "out" / "two-speeches.epub"
    assert epub_title(book) == "Two Speeches"
    with zipfile.ZipFile(book) as archive:
        text = " ".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml"))
    assert "The Second One" in text and "An Act of Repentance" in text


def test_closing_during_an_export_asks_then_cancels_cleanly(qtbot, window, seed_path, tmp_path, dialog_log):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(1, 4):
        shutil.copy(seed_path, inputs / f"article-{number}.txt")
    window.add_paths([inputs])
    with qtbot.waitSignal(window.exportStarted, timeout=5000):
        window.export_button.click()
    dialog_log.answer = False
    window.close()
    assert window.isVisible() and window.is_exporting()  # "no" keeps the window and the export
    dialog_log.answer = True
    window.close()
    assert not window.isVisible()
    assert dialog_log.asked == ["An export is running. Cancel it and quit?"] * 2
    assert not list((tmp_path / "out").glob(".exporter-tmp-*"))
    assert len(list((tmp_path / "out").glob("an-act-of-repentance*.pdf"))) < 3


def test_an_unexpected_core_failure_is_one_line_in_the_window(qtbot, window, seed_path, monkeypatch):
    import gui.worker

    def broken_batch(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(gui.worker, "export_batch", broken_batch)
    window.add_paths([seed_path])
    report = export_and_wait(qtbot, window)
    assert [f.error for f in report.failed] == ["internal error: RuntimeError: disk on fire"]
    assert window.results.item(0).text() == "export — internal error: RuntimeError: disk on fire"
    assert window.export_button.isEnabled()


def test_an_unreadable_file_is_marked_when_added(qtbot, window, seed_path, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    shutil.copy(seed_path, inputs / "good.txt")
    # A UTF-8 file (its "café" and "naïve") with one Windows-1252 apostrophe spliced in: read, with a warning.
    (inputs / "stray.txt").write_bytes(seed_path.read_bytes() + "\n\nA café, a naïve reader.".encode() + b" It\x92s.\n")
    window.add_paths(sorted(inputs.iterdir()))
    entries = {path.name: entry for path, entry in window.entries.items()}
    assert {entry.status for entry in entries.values()} == {"reading"}  # marked at once, read in the background
    qtbot.waitUntil(lambda: all(entry.checked for entry in entries.values()), timeout=60_000)

    assert entries["empty.txt"].status == "error" and entries["good.txt"].status == "ok"
    assert entries["stray.txt"].status == "warning"
    stray = window.input_list.item(file_names(window).index("stray.txt"))
    assert "not valid UTF-8" in stray.toolTip() and stray.text() == "An Act of Repentance"
    item = window.input_list.item(file_names(window).index("empty.txt"))
    reason = entries["empty.txt"].load_error
    assert "empty" in reason.lower()
    assert reason in item.toolTip()  # the reason on hover …
    assert "cannot be read" in item.data(PATH_ROLE + 1)
    assert item.icon().cacheKey() != window.input_list.item(file_names(window).index("good.txt")).icon().cacheKey()
    window.input_list.setCurrentItem(item)
    assert window.details.file_state.isVisible() and window.details.file_state.kind == "error"
    assert reason in window.details.file_state.text.text()  # … and in the details pane
    assert not window.fields["title"].isEnabled()
    assert "cannot be exported" in window.preview.ebook_view.toPlainText()


def _drag_row(qtbot, widget, row: int, before_row: int) -> None:
    """The events Qt sends the list during a drag inside it (enter, move, drop, carrying the
    view's own mime data for the dragged item), dropped on the upper half of the target row.
    A real QDrag would need a window system's mouse; these are the events it delivers."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    widget.scrollToItem(widget.item(before_row))
    mime = widget.mimeData([widget.item(row)])
    target = widget.visualItemRect(widget.item(before_row))
    point = QPoint(target.center().x(), target.top() + 2)
    buttons, modifiers, move = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, Qt.DropAction.MoveAction
    # The QPointF overloads: the QPoint ones are deprecated in Qt 6.
    for event in (QDragEnterEvent(QPointF(point), move, mime, buttons, modifiers),
                  QDragMoveEvent(QPointF(point), move, mime, buttons, modifiers),
                  QDropEvent(QPointF(point), move, mime, buttons, modifiers)):
        QApplication.sendEvent(widget.viewport(), event)
        assert event.isAccepted(), type(event).__name__


def test_a_collection_reordered_by_dragging_is_exported_in_that_order(qtbot, window, seed_path, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(seed_path, inputs / f"{name}.txt")
    add_and_check(qtbot, window, sorted(inputs.iterdir()))
    for row, title in enumerate(("Alpha", "Beta", "Gamma")):
        window.input_list.setCurrentRow(row)
        window.set_field("title", title)
    _drag_row(qtbot, window.input_list, 2, 0)  # Gamma to the top
    assert file_names(window) == ["c.txt", "a.txt", "b.txt"]
    assert [window.input_list.item(r).text() for r in range(3)] == ["Gamma", "Alpha", "Beta"]

    window.pdf_check.setChecked(False)
    window.collection_radio.setChecked(True)
    window.collection_title.setText("Three Greek Letters")
    report = export_and_wait(qtbot, window)

    assert report.collection is not None and report.collection.ok
    with zipfile.ZipFile(tmp_path / "out" / "three-greek-letters.epub") as archive:
        nav = next(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith("nav.xhtml"))
    positions = [nav.index(title) for title in ("Gamma", "Alpha", "Beta")]
    assert positions == sorted(positions), nav


def test_sorting_the_list_by_title_and_date(qtbot, window, seed_path, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b"):
        shutil.copy(seed_path, inputs / f"{name}.txt")
    add_and_check(qtbot, window, sorted(inputs.iterdir()))
    window.input_list.setCurrentRow(0)
    window.set_field("title", "Zebra")
    window.set_field("date", "2020-01-01")
    window.sort_articles("title")
    assert file_names(window) == ["b.txt", "a.txt"]
    window.sort_articles("date")  # 2016 before 2020
    assert file_names(window) == ["b.txt", "a.txt"]
    window.input_list.setCurrentRow(file_names(window).index("b.txt"))
    window.set_field("date", "2021-05-05")
    window.sort_articles("date")
    assert file_names(window) == ["a.txt", "b.txt"]


def test_the_rare_options_reach_the_books(qtbot, window, seed_path, tmp_path):
    """PDF/A, smart quotes off and your stylesheet, set under "More options…", are in what is written."""
    style = tmp_path / "mine.css"
    style.write_text("p { letter-spacing: 0.5pt; }\n", "utf-8")
    add_and_check(qtbot, window, [seed_path])
    more = window.export_settings.more
    more.variant_combo.setCurrentIndex(more.variant_combo.findData("pdf/a-2b"))
    more.smart_quotes_check.setChecked(False)
    more.style_edit.setText(str(style))
    report = export_and_wait(qtbot, window)
    assert not report.failed
    from pypdf import PdfReader

    pdf = PdfReader(tmp_path / "out" / "an-act-of-repentance.pdf")
    xmp = pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfaid:part" in xmp and "2" in xmp.split("pdfaid:part")[1][:8]
    with zipfile.ZipFile(tmp_path / "out" / "an-act-of-repentance.epub") as archive:
        text = " ".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml"))
    assert '"Khrushchev: The Man and His Era,"' in text  # straight quotes kept as found
    assert "letter-spacing: 0.5pt" in " ".join(
        archive_text for archive_text in _epub_css(tmp_path / "out" / "an-act-of-repentance.epub"))


def _epub_css(path):
    with zipfile.ZipFile(path) as archive:
        return [archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".css")]


def test_the_worker_reports_inputs_that_fail_before_the_window_gets_back_to_its_loop(qtbot, tmp_path):
    # broken inputs fail in milliseconds: their reports must not be emitted before anyone listens
    import time

    from PySide6.QtCore import QObject

    from exporter import ExportOptions
    from gui.worker import ExportJob, start_export

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    job = ExportJob((tmp_path / "empty.txt", tmp_path / "binary.txt"),
                    ExportOptions(output_dir=tmp_path / "out", formats=("epub",)))
    reported: list = []
    finished: list = []

    def connect(worker) -> None:
        worker.fileDone.connect(lambda report: reported.append(Path(report.input).name))
        worker.finished.connect(finished.append)

    owner = QObject()  # the thread's parent, as the window is
    _thread, worker = start_export(job, owner, connect=connect)
    time.sleep(0.5)  # the window busy after pressing Export: the worker has long failed both
    qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
    assert sorted(reported) == ["binary.txt", "empty.txt"]
    qtbot.wait(100)  # let the thread end before its owner goes
