"""The PDF backend: the seed's book, page sizes, bleed, metadata, fonts, variants.

Each PDF is rendered once per module (fixtures) and inspected with pypdf,
``pdffonts`` and ``pdftotext`` (poppler-utils). Any warning WeasyPrint or our
code logs while rendering fails the test that made the PDF.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from exporter.backends.pdf import build_pdf, page_geometry  # noqa: E402
from exporter.model import Article, Bio, Meta, Paragraph, Text  # noqa: E402
from exporter.options import PAGE_SIZES, ExportOptions, parse_length, parse_page_size  # noqa: E402
from exporter.pipeline import export_file, prepared_article  # noqa: E402
from exporter.render import Book  # noqa: E402

from .pdf_support import no_logged_warnings  # noqa: E402

POPPLER = shutil.which("pdffonts") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdffonts, pdftotext) is not installed")

SEED_BIO_START = "William Taubman, professor of political science at Amherst College"


def render(book: Book, options: ExportOptions, path: Path) -> Path:
    with no_logged_warnings():
        result = build_pdf(book, options, path)
    assert result.warnings == () and result.refused_urls == ()
    return path


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext sees it (it reads small caps and ligatures right)."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def small_article(**meta) -> Article:
    text = ("Paragraphs of a plain test article, long enough to wrap over several lines of a book page "
            "and to be justified and hyphenated like any other text set in the bundled typeface. ") * 3
    fields = {"title": "A Small Test", "authors": ("Ada Tester",), "published": "2020-05-17", "language": "en"}
    fields.update(meta)
    return Article(Meta(**fields), tuple(Paragraph((Text(text),)) for _ in range(4)))


# ---------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory, seed_path) -> Path:
    out = tmp_path_factory.mktemp("seed-pdf")
    options = ExportOptions(formats=("pdf",), output_dir=out)
    with no_logged_warnings():
        written = export_file(seed_path, options)
    assert [w.format for w in written] == ["pdf"]
    return written[0].path


@pytest.fixture(scope="module")
def seed_reader(seed_pdf):
    return pypdf.PdfReader(seed_pdf)


@pytest.fixture(scope="module")
def seed_pages(seed_pdf) -> list[str]:
    if not POPPLER:
        pytest.skip("poppler-utils is not installed")
    return page_texts(seed_pdf)


def test_seed_is_six_by_nine_inches(seed_reader):
    assert len(seed_reader.pages) >= 4
    for page in seed_reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx((432, 648), abs=0.01)
        assert (float(page.trimbox.width), float(page.trimbox.height)) == pytest.approx((432, 648), abs=0.01)


@needs_poppler
def test_every_font_is_embedded_and_the_book_face_is_used(seed_pdf):
    out = subprocess.run(["pdffonts", str(seed_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows, out
    for row in rows:
        emb, sub = row[-5], row[-4]
        assert (emb, sub) == ("yes", "yes"), f"font not embedded and subset: {row}"
    assert any("Linux-Libertine-O" in row[0] for row in rows)
    assert any("Italic" in row[0] for row in rows)  # the bio is set in the real italic


def test_seed_metadata(seed_reader):
    meta = seed_reader.metadata
    assert meta.title == "An Act of Repentance"
    assert meta.author == "William Taubman"
    assert "William Taubman" in meta.subject
    # Dates are the article's, not the time of the run (reproducible output).
    assert meta["/CreationDate"].startswith("D:20160727")
    assert meta["/ModDate"].startswith("D:20160727")
    catalog = seed_reader.trailer["/Root"]
    assert catalog["/Lang"] == "en"
    assert bool(catalog["/MarkInfo"]["/Marked"])  # tagged by default
    assert "/StructTreeRoot" in catalog


def test_seed_page_order(seed_pages):
    first, verso, opener, last = seed_pages[0], seed_pages[1], seed_pages[2], seed_pages[-1]
    assert "An Act of Repentance" in first and "William Taubman" in first
    assert "27 July 2016" in first and "The New York Times" in first
    # The colophon is the title page's verso, as a copyright page.
    # The seed's only date is an archive's update stamp: said to be one, never "published".
    assert "Last updated 27 July 2016" in verso and "Set in Linux Libertine" in verso
    assert "published" not in verso.lower()
    # The article opens on a recto (page 3), its opening words in small caps.
    assert opener.lstrip().startswith("An Act of Repentance")
    assert "Fifty years ago Saturday" in opener
    # The bio is on the last page, alone, under its heading.
    assert "About the Author" in last
    assert SEED_BIO_START in " ".join(last.split())
    assert "Most of all the blood" not in last
    body = " ".join(" ".join(seed_pages[2:-1]).split())
    assert "which he had the courage to try to transcend" in body


def test_seed_has_no_boilerplate(seed_pages):
    text = " ".join(" ".join(seed_pages).split())
    for junk in ("Get the latest updates", "right on your browser", "Last Updated", "07/27/2016"):
        assert junk not in text


def _head(page_text: str) -> str:
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    return " ".join(lines[:2])


def test_running_heads_only_on_inner_article_pages(seed_pages):
    n = len(seed_pages)
    assert n >= 5
    for index in (0, 1, 2, n - 1):  # title, colophon, opener, bio: no head, no folio
        head, folio = _head(seed_pages[index]), str(index + 1)
        assert not head.startswith(f"{folio} ") and head != folio, head
        assert not head.startswith(f"An Act of Repentance {folio}"), head
    for index in range(3, n - 1):
        head = _head(seed_pages[index])
        folio = str(index + 1)
        if (index + 1) % 2 == 0:  # verso: folio then author
            assert head.startswith(f"{folio} William Taubman"), head
        else:  # recto: title then folio
            assert head.startswith(f"An Act of Repentance {folio}"), head


def test_same_input_same_bytes(tmp_path, seed_path):
    options = ExportOptions(formats=("pdf",))
    article = prepared_article(seed_path, options)
    a = render(Book.single(article), options, tmp_path / "a.pdf").read_bytes()
    b = render(Book.single(article), options, tmp_path / "b.pdf").read_bytes()
    assert a == b


# ---------------------------------------------------------------- sizes, bleed, marks


@pytest.mark.parametrize("size", [*PAGE_SIZES, "140x216mm"])
def test_each_page_size(tmp_path, size):
    page_size = parse_page_size(size)
    options = ExportOptions(formats=("pdf",), page_size=page_size)
    reader = pypdf.PdfReader(render(Book.single(small_article()), options, tmp_path / "s.pdf"))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(page_size.width_pt, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(page_size.height_pt, abs=0.01)


@pytest.mark.parametrize("size", [*PAGE_SIZES, "140x216mm"])
def test_measure_and_gutter(size):
    """60–75 characters a line (Libertine sets about 2.3 a em), a gutter wider than the outside margin."""
    page_size = parse_page_size(size)
    geo = page_geometry(page_size)
    text_width_em = (page_size.width_pt - geo.inside - geo.outside) / geo.font_size
    assert 60 <= text_width_em * 2.3 <= 75
    assert geo.inside > geo.outside >= 0.4 * 72
    assert 10 <= geo.font_size <= 12


@pytest.fixture(scope="module")
def bled_reader(tmp_path_factory):
    options = ExportOptions(formats=("pdf",), bleed_pt=parse_length("0.125in"))
    return pypdf.PdfReader(render(Book.single(small_article()), options,
                                  tmp_path_factory.mktemp("bleed") / "b.pdf"))


def test_bleed_gives_media_box_trim_plus_bleed(bled_reader):
    for page in bled_reader.pages:
        media, trim, bleed = page.mediabox, page.trimbox, page.bleedbox
        assert (float(media.width), float(media.height)) == pytest.approx((432 + 18, 648 + 18), abs=0.01)
        assert (float(trim.width), float(trim.height)) == pytest.approx((432, 648), abs=0.01)
        assert float(trim.left) - float(media.left) == pytest.approx(9, abs=0.01)
        assert (float(bleed.width), float(bleed.height)) == pytest.approx((450, 666), abs=0.01)


def test_no_bleed_no_marks_by_default(seed_reader):
    page = seed_reader.pages[0]
    assert [float(v) for v in page.mediabox] == pytest.approx([float(v) for v in page.trimbox])


def test_crop_marks_get_room_outside_the_bleed(tmp_path):
    options = ExportOptions(formats=("pdf",), bleed_pt=parse_length("3mm"), crop_marks=True)
    reader = pypdf.PdfReader(render(Book.single(small_article()), options, tmp_path / "m.pdf"))
    page = reader.pages[0]
    bleed_pt = parse_length("3mm")
    assert float(page.bleedbox.width) == pytest.approx(432 + 2 * bleed_pt, abs=0.01)
    assert float(page.mediabox.width) > float(page.bleedbox.width)  # the marks sit outside the bleed
    assert float(page.trimbox.width) == pytest.approx(432, abs=0.01)


# ---------------------------------------------------------------- variants, books without bio, collections


@pytest.mark.parametrize("variant", ["pdf/a-2b", "pdf/ua-1"])
def test_pdf_variants_pass_through(tmp_path, variant):
    options = ExportOptions(formats=("pdf",), pdf_variant=variant)
    reader = pypdf.PdfReader(render(Book.single(small_article()), options, tmp_path / "v.pdf"))
    catalog = reader.trailer["/Root"]
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    if variant == "pdf/a-2b":
        assert "<pdfaid:part>2</pdfaid:part>" in xmp or 'pdfaid:part="2"' in xmp
    else:
        assert "pdfuaid" in xmp
        assert "/StructTreeRoot" in catalog


@needs_poppler
def test_without_bio_the_article_ends_the_book(tmp_path):
    pages = page_texts(render(Book.single(small_article()), ExportOptions(formats=("pdf",)), tmp_path / "n.pdf"))
    assert "About the Author" not in "".join(pages)
    assert "bundled typeface" in pages[-1]


@needs_poppler
def test_collection_contents_have_the_right_page_numbers(tmp_path):
    first = small_article(title="First Piece", bios=(Bio("Ada Tester writes tests.", "Ada Tester"),))
    second = small_article(title="Second Piece", authors=("Bo Zweiter",), language="de")
    book = Book("Two Pieces", (first, second), True)
    path = render(book, ExportOptions(formats=("pdf",)), tmp_path / "c.pdf")
    pages = page_texts(path)
    contents_page = next(i for i, p in enumerate(pages, 1) if "Contents" in p)
    contents = pages[contents_page - 1]
    listed = {title: int(number) for title, number in
              re.findall(r"(First Piece|Second Piece)[ .]*?(\d+)\s", contents.replace("\n", " "))}
    for title in ("First Piece", "Second Piece"):
        opener = next(i for i, p in enumerate(pages, 1) if i > contents_page and p.lstrip().startswith(title))
        assert listed[title] == opener
        assert opener % 2 == 1  # every article opens on a recto
    assert "Ada Tester writes tests." in pages[-1]


# ---------------------------------------------------------------- laziness


def test_weasyprint_is_imported_only_for_a_pdf():
    code = ("import sys, exporter, exporter.backends, exporter.pipeline, exporter.cli, "
            "exporter.backends.pdf, exporter._weasyprint; print('weasyprint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_old_weasyprint_is_refused(monkeypatch):
    import types

    from exporter import _weasyprint
    from exporter.errors import RenderError

    monkeypatch.setitem(sys.modules, "weasyprint", types.SimpleNamespace(__version__="69.1"))
    monkeypatch.setattr(_weasyprint, "_state", {})
    with pytest.raises(RenderError, match="70"):
        _weasyprint.weasyprint_module()
