"""Exports from the window: edited metadata reaches the books, Cancel leaves
no partial file, a broken input is reported while the others are written."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QTimer

from ..conftest import the_book
from .conftest import epub_title, export_and_wait, pdf_title

EDITED_TITLE = "Khrushchev’s Speech, Fifty Years On"


def test_edited_title_reaches_epub_and_pdf(qtbot, window, seed_path, tmp_path, dialog_log):
    window.add_paths([seed_path])
    assert window.input_list.count() == 1
    window.set_field("title", EDITED_TITLE)
    qtbot.waitUntil(lambda: window.preview.toPlainText().startswith(EDITED_TITLE), timeout=5000)
    assert window.input_list.item(0).text().endswith("(edited)")

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
    outputs = sorted(out.glob("an-act-of-repentance*.*"))  # four copies of the seed: one title, named apart
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
    assert epub_title(the_book(tmp_path / "out", ".epub")) == "An Act of Repentance"
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
    window.input_list.setCurrentRow([window.input_list.item(i).text() for i in range(3)].index("empty.txt"))
    assert "cannot be exported" in window.preview.toPlainText()


def test_collection_uses_each_articles_own_edits(qtbot, window, seed_path, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    first, second = inputs / "first.txt", inputs / "second.txt"
    shutil.copy(seed_path, first)
    shutil.copy(seed_path, second)
    window.add_paths([first, second])
    window.input_list.setCurrentRow(1)
    window.set_field("title", "The Second One")
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
    assert len(list((tmp_path / "out").glob("article-*.pdf"))) < 3


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
