"""Pictures reach both books: a SingleFile page and a "saved complete" page, each
exported to EPUB (EPUBCheck 5: no errors, no warnings) and PDF (every picture an
image XObject, its alt text in the tagged structure, its caption in the text)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from exporter.backends.pdf import PRINT_DPI, page_geometry
from exporter.model import Figure
from exporter.options import ExportOptions
from exporter.pipeline import export_file, prepared_article

from .epubcheck_util import check_epubs
from .pdf_support import no_logged_warnings
from .picture_pages import saved_complete_page, singlefile_page

pypdf = pytest.importorskip("pypdf")

SINGLEFILE_FIGURES = {
    "Fishing boats leaving the harbour at dawn": "Boats leave at first light.",
    "Bar chart of the catch by month": "The catch by month, in tonnes.",
}
SAVED_FIGURES = {
    "Nets drying on the quay": "Nets drying on the quay.",
    "The fish market": "The market at seven.",
    "A gull on a mooring post": "A gull keeps watch.",
    "Chart of boats by year": "Boats registered each year.",
    "The whole bay from the lighthouse": "The bay from the lighthouse.",
}


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """Both pages exported to both formats (once), with their cleaned articles."""
    folder = tmp_path_factory.mktemp("pages")
    out = tmp_path_factory.mktemp("dist")
    options = ExportOptions(output_dir=out)
    made = {}
    with no_logged_warnings():
        for name, page in (("singlefile", singlefile_page(folder)), ("saved", saved_complete_page(folder))):
            written = {w.format: w.path for w in export_file(page, options)}
            made[name] = (prepared_article(page, options), written["epub"], written["pdf"])
    return made


def _kepub(epub: Path) -> Path:
    from exporter.delivery.kepub import kepubify

    target = epub.with_name(epub.stem + ".kepub.epub")
    target.write_bytes(kepubify(epub.read_bytes()))
    return target


def test_both_epubs_and_their_kepubs_pass_epubcheck(books):
    epubs = [epub for _, epub, _ in books.values()]
    reports = check_epubs(epubs + [_kepub(epub) for epub in epubs])
    for report in reports.values():
        assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), report.summary()


def test_the_kepub_keeps_every_picture_and_caption(books):
    article, epub, _ = books["saved"]
    kepub = _kepub(epub)
    assert _epub_images(kepub).keys() == _epub_images(epub).keys()
    with zipfile.ZipFile(kepub) as archive:
        xhtml = archive.read("EPUB/article.xhtml").decode()
    assert xhtml.count("<img ") == len(article.assets) and 'class="koboSpan"' in xhtml
    for alt, caption in SAVED_FIGURES.items():
        assert f'alt="{alt}"' in xhtml and caption.split()[0] in xhtml


def _epub_images(epub: Path) -> dict[str, tuple[str, bytes]]:
    """Manifest images other than the cover: href → (media type, bytes)."""
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
        items = re.findall(r'<item [^>]*href="(images/img-[^"]+)"[^>]*media-type="([^"]+)"', opf)
        items += [(h, t) for t, h in re.findall(r'<item [^>]*media-type="([^"]+)"[^>]*href="(images/img-[^"]+)"', opf)]
        return {href: (media, archive.read(f"EPUB/{href}")) for href, media in items}


def _article_xhtml(epub: Path) -> str:
    with zipfile.ZipFile(epub) as archive:
        return archive.read("EPUB/article.xhtml").decode()


@pytest.mark.parametrize("name, figures", [("singlefile", SINGLEFILE_FIGURES), ("saved", SAVED_FIGURES)])
def test_every_picture_its_alt_and_caption_reach_the_epub(books, name, figures):
    article, epub, _ = books[name]
    images = _epub_images(epub)
    assert len(images) == len(article.assets) >= len(figures)
    for href, (media_type, data) in images.items():
        assert media_type == {"jpg": "image/jpeg", "png": "image/png"}[href.rsplit(".", 1)[1]]
        assert Image.open(io.BytesIO(data)).format == {"image/jpeg": "JPEG", "image/png": "PNG"}[media_type]
    xhtml = _article_xhtml(epub)
    for alt, caption in figures.items():
        figure = re.search(r'<figure class="figure[^"]*"><img [^>]*alt="' + re.escape(alt) + r'"[^>]*/>'
                           r"<figcaption>(.*?)</figcaption></figure>", xhtml)
        assert figure, alt
        assert caption in figure.group(1)
        src = re.search(r'src="([^"]+)"', figure.group(0)).group(1)
        assert src in images
    with zipfile.ZipFile(epub) as archive:
        opf = archive.read("EPUB/content.opf").decode()
    assert '<meta property="schema:accessMode">visual</meta>' in opf
    assert '<meta property="schema:accessibilityFeature">alternativeText</meta>' in opf


def test_credits_are_kept_apart_from_captions(books):
    xhtml = _article_xhtml(books["singlefile"][1])
    assert 'Boats leave at first light. <span class="credit">Photo: Ana Lima</span>' in xhtml
    assert '<span class="credit">Reuters</span>' in _article_xhtml(books["saved"][1])


def _pdf_images(pdf: Path) -> list[tuple[int, int]]:
    """The size of each distinct image XObject (WeasyPrint shares one resource dictionary among pages)."""
    reader = pypdf.PdfReader(pdf)
    sizes = {}
    for page in reader.pages:
        xobjects = page.get("/Resources", {}).get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes[ref.idnum] = (int(obj["/Width"]), int(obj["/Height"]))
    return list(sizes.values())


def _pdf_alts(pdf: Path) -> list[str]:
    reader = pypdf.PdfReader(pdf)
    alts, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        if hasattr(node, "get_object"):
            node = node.get_object()
        if isinstance(node, dict):
            if "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            stack.extend(node)
    return alts


@pytest.mark.parametrize("name, figures", [("singlefile", SINGLEFILE_FIGURES), ("saved", SAVED_FIGURES)])
def test_every_picture_its_alt_and_caption_reach_the_pdf(books, name, figures):
    article, _, pdf = books[name]
    assert len(_pdf_images(pdf)) == len(article.assets)
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(pdf).pages)
    alts = _pdf_alts(pdf)
    for alt, caption in figures.items():
        assert caption in text
        assert alt in alts


def test_the_lazy_loaded_srcset_picture_and_noscript_pictures_are_the_right_candidates(books):
    article = books["saved"][0]
    origins = {a.origin for a in article.assets}
    # lazy-load: data-src over the placeholder; srcset: the widest local candidate
    # (the 3000w one is remote, never fetched); <picture>: its WebP <source>;
    # the <noscript> twin when src is only a placeholder.
    assert origins == {"story_files/lazy.jpg", "story_files/large.jpg", "story_files/pic.webp",
                       "story_files/fallback.png", "story_files/huge.jpg"}
    webp = next(a for a in article.assets if a.origin.endswith(".webp"))
    assert webp.media_type == "image/jpeg"  # WebP turned into what every reader shows
    chart = next(a for a in article.assets if a.origin.endswith("fallback.png"))
    assert chart.media_type == "image/png"  # line art stays PNG


def test_a_4000_by_3000_photo_is_scaled_for_each_book(books):
    article, epub, pdf = books["saved"]
    huge = next(a for a in article.assets if a.origin.endswith("huge.jpg"))
    assert (huge.width, huge.height) == (1600, 1200)
    epub_sizes = [Image.open(io.BytesIO(data)).size for _, data in _epub_images(epub).values()]
    assert (1600, 1200) in epub_sizes and max(max(s) for s in epub_sizes) <= 1600
    size = ExportOptions().page_size
    geo = page_geometry(size)
    block_px = -(-(size.width_pt - geo.inside - geo.outside) * PRINT_DPI // 72)
    pdf_sizes = _pdf_images(pdf)
    assert max(w for w, _ in pdf_sizes) <= block_px
    assert (int(block_px), round(1200 * block_px / 1600)) in pdf_sizes


def test_gps_and_camera_exif_never_reach_a_book(books):
    from PIL import ExifTags

    from .picture_pages import jpeg_with_gps

    source = Image.open(io.BytesIO(jpeg_with_gps()))
    assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the page's photo carries a position
    article, epub, pdf = books["singlefile"]
    photo = next(a for a in article.assets if a.media_type == "image/jpeg")
    for data in [photo.data] + [d for _, d in _epub_images(epub).values()]:
        image = Image.open(io.BytesIO(data))
        assert not image.getexif(), "EXIF survived"
        assert b"Exif" not in data and b"SN-123456789" not in data and b"ExampleCam" not in data
    assert b"SN-123456789" not in pdf.read_bytes()


def test_the_figures_are_in_reading_order_in_the_model(books):
    article = books["saved"][0]
    alts = [b.alt for b in article.blocks if isinstance(b, Figure)]
    assert alts == list(SAVED_FIGURES)
