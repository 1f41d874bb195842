"""The one adapter around pypdfium2 (PDFium): the book's PDF bytes to page images.

PySide6-Essentials has no QtPdf module, so the page preview rasterises with
PDFium, the renderer Chrome uses. Quirks held here:
- PDFium is not thread-safe: every call happens on the preview's one worker
  thread (`gui.preview.PageRenderer`), never on two threads at once.
- ``render`` draws the MediaBox by default, which includes the bleed and the
  crop marks: exactly what the printer gets.
- A bitmap's buffer belongs to PDFium: the QImage is copied out before the
  bitmap and page are closed.
- Bookmarks (the PDF outline WeasyPrint writes from the headings) give each
  article's first page, so the preview can open an article at its start.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtGui import QImage


class RenderCancelled(Exception):
    """The request was replaced by a newer one while its pages were drawn."""


@dataclass(frozen=True)
class PageImages:
    images: tuple[QImage, ...]
    bookmarks: tuple[tuple[str, int], ...] = ()  # (heading text, page index), in outline order
    page_sizes_pt: tuple[tuple[float, float], ...] = ()  # (width, height) of each page's media, in points

    @property
    def count(self) -> int:
        return len(self.images)


MAX_PIXELS = 40_000_000  # about 120 MB of page images: 60 pages of 6x9 in at full resolution
MIN_DPI = 50.0


def rasterise(pdf: bytes, *, dpi: float, cancel: threading.Event | None = None,
              max_pixels: int = MAX_PIXELS) -> PageImages:
    """Every page of ``pdf`` drawn at ``dpi`` (lower for a long book, so all its pages stay
    within ``max_pixels``, but not below `MIN_DPI`); `RenderCancelled` as soon as ``cancel`` is set."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        images: list[QImage] = []
        sizes = [tuple(document.get_page_size(index)) for index in range(len(document))]
        area_in2 = sum(width * height for width, height in sizes) / 72.0 ** 2
        if area_in2 > 0:
            dpi = max(MIN_DPI, min(dpi, (max_pixels / area_in2) ** 0.5))
        for index in range(len(document)):
            if cancel is not None and cancel.is_set():
                raise RenderCancelled()
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72.0, rev_byteorder=True, draw_annots=False)
                try:
                    width, height = bitmap.width, bitmap.height
                    image = QImage(bitmap.buffer, width, height, bitmap.stride, _qt_format(bitmap.n_channels))
                    images.append(image.copy())  # own the pixels before PDFium frees its buffer
                finally:
                    bitmap.close()
            finally:
                page.close()
        bookmarks = []
        for bookmark in document.get_toc():
            title = " ".join(bookmark.get_title().split())
            dest = bookmark.get_dest()
            index = dest.get_index() if dest is not None else None
            if title and index is not None:
                bookmarks.append((title, index))
        return PageImages(tuple(images), tuple(bookmarks), tuple(sizes))
    finally:
        document.close()


def start_pages(pages: PageImages, titles: list[str]) -> list[int]:
    """The page each of ``titles`` (the articles, in book order) opens on: the first bookmark
    with its title after the previous article's (so two articles of one title stay apart)."""
    starts, after = [], -1
    for title in titles:
        wanted = " ".join(title.split())
        found = next((i for n, (text, i) in enumerate(pages.bookmarks) if n > after and text == wanted), None)
        if found is None:
            starts.append(starts[-1] if starts else 0)
            continue
        after = next(n for n, (text, i) in enumerate(pages.bookmarks) if n > after and text == wanted)
        starts.append(found)
    return starts


def _qt_format(channels: int) -> QImage.Format:
    # rev_byteorder=True gives RGB(A) order, which QImage names byte-wise.
    return QImage.Format.Format_RGBA8888 if channels == 4 else QImage.Format.Format_RGB888
