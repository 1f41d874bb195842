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


def _drift_page(folder: Path) -> Path:
    """Review of the look branches: a long paragraph, a tall picture that does
    not fit below it, then four one-line paragraphs, twelve times over."""
    body = ""
    for n in range(6):
        picture = data_uri(encoded(photo(400, 600, seed=n), "JPEG", quality=60), "image/jpeg")
        body += (f"<p>Long {n} begins. {PROSE * 3}Long {n} ends.</p>"
                 f'<figure><img src="{picture}" width="400" height="600" alt="Figure {n}">'
                 f"<figcaption>Figure {n} shows long {n}.</figcaption></figure>"
                 + "".join(f"<p>Short {n}.{k} line.</p>" for k in range(4)))
    path = folder / "drift.html"
    path.write_text(_document("Drift test", body), encoding="utf-8")
    return path


def test_a_picture_is_not_moved_past_text_that_cannot_fill_the_page(tmp_path):
    """Four one-line paragraphs cannot fill half a page: the picture stays
    before them (it drifted past all four and the next long paragraph, one
    more per layout, and the page stayed half empty)."""
    import subprocess

    options = ExportOptions(output_dir=tmp_path, formats=("pdf",))
    with no_logged_warnings():
        pdf = export_file(_drift_page(tmp_path), options)[0].path
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for n in range(6):
        assert text.index(f"Figure {n} shows") < text.index(f"Short {n}.0 line"), n


def test_a_figure_is_deferred_once_and_only_when_the_text_fills_the_gap():
    from exporter._weasyprint_layout import FlowBlock, PageFlow
    from exporter.backends.pdf_figures import FigurePlacement, plan

    def pages(following: list[float]) -> list[PageFlow]:
        before = PageFlow(0.0, 800.0, 400.0, (FlowBlock(1, "p", None, 0.0, 400.0, None),))
        blocks = [FlowBlock(2, "figure", "a-fig-1", 0.0, 660.0, 600.0)]
        top = 660.0
        for key, height in enumerate(following, 3):
            blocks.append(FlowBlock(key, "p", None, top, height, None))
            top += height
        return [before, PageFlow(0.0, 800.0, top, tuple(blocks))]

    placed = FigurePlacement()
    assert not plan(pages([20.0] * 4), placed) and not placed.defer  # four lines: 80 of 400 px
    # One paragraph that fills the gap: moved past it, and not past the short one after (text capped).
    assert plan(pages([350.0, 30.0, 200.0]), placed) and placed.defer == {"a-fig-1": 1}
    assert not plan(pages([350.0, 30.0, 200.0]), placed) and placed.defer == {"a-fig-1": 1}  # not again


def test_the_relayouts_stop_at_the_first_that_does_not_pay():
    from exporter.backends.pdf_figures import FigureRelayout

    relayout = FigureRelayout(build=lambda placed: ("<html></html>", []))
    relayout.min_gain = 80.0
    relayout.scores = [1370.0, 863.0, 812.0]  # the last gains 51 px: not worth a moved picture
    assert relayout.chosen() == 1


def test_the_shrink_floor_is_a_share_of_the_first_laid_out_height():
    """Shrunk once and at a gap again, a picture is never set below
    `MIN_SCALE` of the height the first layout gave it (not 0.7 of 0.7)."""
    from exporter._weasyprint_layout import FlowBlock, PageFlow
    from exporter.backends.pdf_figures import MIN_SCALE, FigurePlacement, plan

    placed, image = FigurePlacement(), 300.0
    for _ in range(3):
        figure = image + 60.0
        before = PageFlow(0.0, 800.0, 800.0 - 0.78 * figure, (FlowBlock(1, "p", None, 0.0, 800.0 - 0.78 * figure, None),))
        page = PageFlow(0.0, 800.0, figure + 800.0, (FlowBlock(2, "figure", "a-fig-1", 0.0, figure, image),
                                                      FlowBlock(3, "figure", "a-fig-2", figure, 800.0, 700.0)))
        plan([before, page], placed)
        image = placed.max_height.get("a-fig-1", image)
        assert image >= MIN_SCALE * 300.0 - 0.01
