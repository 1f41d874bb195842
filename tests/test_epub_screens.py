"""The e-book laid out on a phone-sized screen (WeasyPrint standing in for a
reading system, with the EPUB's own stylesheets): a tall picture and its
caption are on the same screen, and a table row is never split."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from exporter.options import ExportOptions
from exporter.pipeline import export_file

from .picture_pages import PROSE, _document, data_uri, encoded, photo

pypdf = pytest.importorskip("pypdf")
weasyprint = pytest.importorskip("weasyprint")

PHONE = "@page { size: 105mm 160mm; margin: 6mm } html { font-size: 11pt }"


def _screens(epub: Path, folder: Path) -> list[tuple[str, int]]:
    """Each screen of the EPUB's article, laid out at a phone's size: its text and how many pictures it draws."""
    with zipfile.ZipFile(epub) as archive:
        archive.extractall(folder)
    article = next(folder.rglob("article.xhtml"))
    pdf = folder / "screens.pdf"
    weasyprint.HTML(filename=str(article)).write_pdf(pdf, stylesheets=[weasyprint.CSS(string=PHONE)])
    screens = []
    for page in pypdf.PdfReader(pdf).pages:
        drawn = []  # WeasyPrint shares one resource dictionary among pages: count the images each page draws

        def operator(op, args, cm, tm):
            if op == b"Do":
                drawn.append(args[0])

        text = page.extract_text(visitor_operand_before=operator)
        screens.append((text, len(drawn)))
    return screens


def test_a_tall_picture_shares_its_screen_with_its_caption(tmp_path):
    picture = data_uri(encoded(photo(800, 1500, seed=3), "JPEG", quality=60), "image/jpeg")
    body = (f"<p>{PROSE * 3}</p><figure><img src='{picture}' alt='The lighthouse'>"
            f"<figcaption>The lighthouse at dusk, from the north pier.</figcaption></figure><p>{PROSE * 3}</p>")
    page = tmp_path / "tall.html"
    page.write_text(_document("The lighthouse", body), encoding="utf-8")
    epub = export_file(page, ExportOptions(output_dir=tmp_path / "out", formats=("epub",)))[0].path
    screens = _screens(epub, tmp_path / "unpacked")
    with_caption = [screen for screen in screens if "north pier" in screen[0]]
    assert len(with_caption) == 1, screens
    assert with_caption[0][1] == 1, "the caption is on the picture's screen"
