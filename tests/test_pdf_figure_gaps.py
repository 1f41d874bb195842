"""A large picture never leaves a page half empty in the PDF: it is scaled
down to fit the rest of the page, or moved after the text that follows it
(`exporter.backends.pdf_figures`). Measured on the written PDF with pypdf:
where each page's text and pictures end, against the foot of the text block."""

from __future__ import annotations

from pathlib import Path

import pytest

from exporter.backends.pdf import page_geometry
from exporter.options import ExportOptions
from exporter.pipeline import export_file

from .pdf_support import no_logged_warnings
from .picture_pages import PROSE, _document, data_uri, encoded, photo

pypdf = pytest.importorskip("pypdf")

GAP_LIMIT = 0.15  # of the text block: what a page may leave empty above its foot


def _photo_essay(folder: Path, lead_paragraphs: int) -> Path:
    """A Medium-like photo essay: tall portrait photographs every few paragraphs,
    with captions, so that some fall where the page has a third of it left."""
    def paragraphs(n: int) -> str:
        return "".join(f"<p>{PROSE * 2}</p>" for _ in range(n))

    body = paragraphs(lead_paragraphs)
    for n in range(4):
        picture = data_uri(encoded(photo(800, 1150, seed=n), "JPEG", quality=60), "image/jpeg")
        body += (f'<figure><img src="{picture}" alt="Photograph {n + 1}">'
                 f"<figcaption>Photograph {n + 1}: the quay at dawn.</figcaption></figure>") + paragraphs(3)
    path = folder / f"essay-{lead_paragraphs}.html"
    path.write_text(_document(f"A photo essay, {lead_paragraphs}", body), encoding="utf-8")
    return path


def _content_bottoms(pdf: Path) -> list[tuple[float, int]]:
    """Per page: the lowest point (PDF units from the bottom) of its text and
    pictures, and how many pictures it draws."""
    out = []
    for page in pypdf.PdfReader(pdf).pages:
        lows: list[float] = []
        images = [0]

        def text(t, cm, tm, font, size):
            if t.strip():
                lows.append(cm[5] + tm[5] * cm[3])

        def operator(op, args, cm, tm):
            if op == b"Do":
                lows.append(cm[5] + min(0.0, cm[3]))  # an image fills the unit square of the current matrix
                images[0] += 1

        page.extract_text(visitor_text=text, visitor_operand_before=operator)
        out.append((min(lows) if lows else page.mediabox.height, images[0]))
    return out


@pytest.mark.parametrize("lead", [1, 2, 3, 4])
def test_no_page_is_left_half_empty_before_a_picture(tmp_path, lead):
    options = ExportOptions(output_dir=tmp_path, formats=("pdf",))
    with no_logged_warnings():
        written = export_file(_photo_essay(tmp_path, lead), options)
    pdf = written[0].path
    geo = page_geometry(options.page_size)
    block = options.page_size.height_pt - geo.top - geo.bottom
    pages = _content_bottoms(pdf)
    assert sum(images for _, images in pages) == 4, "every picture is still in the book"
    # Front matter (title page, colophon) and the last page may end where they like.
    body = [(n, low) for n, (low, _) in enumerate(pages, 1) if n >= 3][:-1]
    gaps = {n: round(low - geo.bottom) for n, low in body if low - geo.bottom > GAP_LIMIT * block}
    assert not gaps, f"pages ending early (points above the foot): {gaps}"


def test_a_deferred_figure_moves_after_the_paragraphs_that_fill_the_page():
    from exporter.backends.pdf_figures import apply_deferrals, mark_figures
    from exporter.render import BODYMATTER, Section

    body = ('<section id="article" epub:type="bodymatter chapter"><div class="article-body"><p>one</p>'
            '<figure class="figure figure-portrait"><img class="figure-image" src="images/a.jpg" alt="A"/>'
            '<figcaption>A.</figcaption></figure><p>two</p><p>three</p><h2>Next</h2></div></section>')
    marked = mark_figures(Section("article", "T", BODYMATTER, "bodymatter chapter", body, "en"), body)
    assert '<figure id="article-fig-1" class="figure figure-portrait">' in marked
    moved = apply_deferrals(marked, {"article-fig-1": 2})
    positions = [moved.index(mark) for mark in ("one", "two", "three", 'id="article-fig-1"', "Next")]
    assert positions == sorted(positions), "one, two, three, then the picture, then the next section"
    assert moved.count("<figure") == 1 and "<figcaption>A.</figcaption>" in moved
