"""The E-book tab shows the article's pictures, not only their captions: each
figure is an image in the preview's document, drawn at the column's width or
less, with its caption right after it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument, QTextImageFormat

from tests.picture_pages import singlefile_page

from .conftest import add_and_check


def _images(document: QTextDocument) -> list[tuple[str, float, float]]:
    """The name, width and height of each image in ``document``, in reading order."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = QTextImageFormat(fmt)
                found.append((image.name(), image.width(), image.height()))
            iterator += 1
        block = block.next()
    return found


def test_the_ebook_preview_draws_each_picture_with_its_caption(qtbot, window, tmp_path):
    page = singlefile_page(tmp_path)
    add_and_check(qtbot, window, [page])
    view = window.preview.ebook_view
    qtbot.waitUntil(lambda: "Boats leave at first light." in view.toPlainText(), timeout=60_000)
    images = _images(view.document())
    figures = [(name, w, h) for name, w, h in images if w > 100]
    assert len(figures) == 2, images  # the photograph and the chart; the flag icon is a line high
    assert any(h <= 20 for _, _, h in images), "the inline icon is drawn a line high"
    for name, width, _ in figures:
        assert width <= 480
        picture = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert picture is not None and not picture.isNull() and picture.width() >= width, name
    text = view.toPlainText()
    assert text.index("Boats leave at first light.") < text.index("The catch by month, in tonnes.")
    view.grab().save(str(tmp_path / "ebook-preview.png"))
