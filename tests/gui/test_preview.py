"""The preview shows the book's real pages: drawn from the PDF the export writes, in the
background, following every setting, and cancelled when a setting changes mid-render."""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from .conftest import add_and_check, export_and_wait, two_articles_second_retitled, wait_for_pages


def _aspect(image) -> float:
    return image.width() / image.height()


def _dark_pixels_in_corner(image, size: int) -> int:
    return sum(1 for x in range(size) for y in range(size) if image.pixelColor(x, y).lightness() < 200)


def test_page_count_and_shape_follow_the_page_size(qtbot, window, seed_path, tmp_path):
    add_and_check(qtbot, window, [seed_path])
    assert wait_for_pages(qtbot, window, 6) == 6  # the sample on 6x9 in: title, colophon, text, bio
    assert window.preview.page_label.text() == "Page 1 of 6"
    assert _aspect(window.preview.pages.images[0]) == pytest.approx(6 / 9, abs=0.01)

    window.page_size_combo.setCurrentIndex(window.page_size_combo.findData("a4"))
    assert wait_for_pages(qtbot, window, 5) == 5
    assert window.preview.page_label.text().endswith("of 5")
    assert _aspect(window.preview.pages.images[0]) == pytest.approx(210 / 297, abs=0.01)

    # The same count as the PDF the export writes with these settings.
    window.epub_check.setChecked(False)
    export_and_wait(qtbot, window)
    assert len(PdfReader(tmp_path / "out" / "an-act-of-repentance.pdf").pages) == 5


def test_bleed_and_crop_marks_are_drawn_around_the_page(qtbot, window, seed_path):
    add_and_check(qtbot, window, [seed_path])
    wait_for_pages(qtbot, window, 6)
    assert window.preview.pages.page_sizes_pt[0] == pytest.approx((432, 648), abs=0.5)
    assert _dark_pixels_in_corner(window.preview.pages.images[2], 30) == 0
    window.bleed_combo.setEditText("0.125in")
    window.crop_marks_check.setChecked(True)
    qtbot.waitUntil(lambda: window.preview.pages is not None and window.preview.pages.page_sizes_pt[0][0] > 440
                    and not window.preview.is_rendering(), timeout=120_000)
    width, height = window.preview.pages.page_sizes_pt[0]
    # Crop marks get 18 pt of room outside the trim on each side (more than the 9 pt bleed).
    assert (width, height) == pytest.approx((432 + 36, 648 + 36), abs=0.5)
    assert _dark_pixels_in_corner(window.preview.pages.images[2], 30) > 5, "no crop mark in the page's corner"


def test_a_setting_change_during_a_render_cancels_it(qtbot, window, seed_path, tmp_path):
    long_article = tmp_path / "long.txt"
    text = seed_path.read_text("utf-8")
    head, _, body = text.partition("\n\n")
    long_article.write_text(head + "\n\n" + "\n\n".join([body] * 6), "utf-8")  # about 25 pages: a slow layout
    finished: list[int] = []
    window.preview.renderFinished.connect(lambda generation, count: finished.append(generation))
    with qtbot.waitSignal(window.preview.renderStarted, timeout=60_000) as started:
        window.add_paths([long_article])
    first = started.args[0]
    assert window.preview.is_rendering()

    with qtbot.waitSignal(window.preview.renderCancelled, timeout=120_000,
                          check_params_cb=lambda generation: generation == first):
        window.page_size_combo.setCurrentIndex(window.page_size_combo.findData("a4"))
        window.refresh_preview()  # at once, not after the typing pause
    wait_for_pages(qtbot, window)
    assert first not in finished, "the cancelled render's pages were shown"
    assert finished and finished[-1] == window.preview.generation
    assert _aspect(window.preview.pages.images[0]) == pytest.approx(210 / 297, abs=0.01)


def test_collection_preview_opens_each_article_at_its_start(qtbot, window, seed_path, tmp_path):
    first, second = two_articles_second_retitled(qtbot, window, seed_path, tmp_path)
    window.collection_radio.setChecked(True)
    window.collection_title.setText("Two Speeches")
    window.refresh_preview()
    count = wait_for_pages(qtbot, window)
    starts = window.preview._starts
    assert 0 < starts[first.resolve()] < starts[second.resolve()] < count
    assert window.preview.page_index == starts[second.resolve()]
    window.input_list.setCurrentRow(0)  # the same book: no new layout, only the page turns
    assert not window.preview.is_rendering()
    assert window.preview.page_index == starts[first.resolve()]
    window.preview.next_button.click()
    assert window.preview.page_index == starts[first.resolve()] + 1
    window.activateWindow()
    window.preview.pages_view.setFocus()
    qtbot.waitUntil(lambda: window.preview.pages_view.hasFocus(), timeout=5000)
    qtbot.keyClick(window.preview.pages_view, Qt.Key.Key_PageDown)
    assert window.preview.page_index == starts[first.resolve()] + 2
    qtbot.keyClick(window.preview.pages_view, Qt.Key.Key_PageUp)
    assert window.preview.page_label.text() == f"Page {starts[first.resolve()] + 2} of {count}"


def test_the_ebook_view_opens_a_new_article_at_its_start(qtbot, window, seed_path, tmp_path):
    other = tmp_path / "other.txt"
    shutil.copy(seed_path, other)
    add_and_check(qtbot, window, [seed_path, other])
    view = window.preview.ebook_view
    window.preview.setCurrentWidget(view)
    qtbot.waitUntil(lambda: "Fifty years ago" in view.toPlainText(), timeout=60_000)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert view.verticalScrollBar().value() > 0
    window.input_list.setCurrentRow(1)
    qtbot.waitUntil(lambda: window.preview._ebook_path == other.resolve(), timeout=60_000)
    assert view.verticalScrollBar().value() == 0


def test_a_long_book_is_drawn_at_a_lower_resolution_within_the_memory_budget(qtbot, seed_path):
    from exporter import ExportOptions, book_pdf, prepared_article
    from gui.pdf_pages import MIN_DPI, rasterise

    options = ExportOptions()
    pdf = book_pdf([prepared_article(seed_path, options)], options)
    full = rasterise(pdf, dpi=110)
    assert full.images[0].height() == round(9 * 110)
    budget = rasterise(pdf, dpi=110, max_pixels=2_000_000)
    assert sum(i.width() * i.height() for i in budget.images) <= 2_000_000 * 1.01
    assert budget.images[0].height() < full.images[0].height()
    floor = rasterise(pdf, dpi=110, max_pixels=1000)
    assert floor.images[0].height() == pytest.approx(9 * MIN_DPI, abs=1)
