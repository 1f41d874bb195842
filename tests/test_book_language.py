"""Whole books in the article's language, from real pages (the corpus) and the seed:
EPUB navigation, landmarks, cover text and colophon; the PDF's colophon and
bookmarks (pypdf's outline). EPUBCheck runs on these books in
tests/test_epub_epubcheck.py's one JVM batch."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from exporter.backends.epub import COVER_IMAGE, book_identifier, cover_text  # noqa: E402
from exporter.cover import cover_jpeg  # noqa: E402
from exporter.model import Heading, Text  # noqa: E402
from exporter.options import ExportOptions  # noqa: E402
from exporter.pipeline import export_file, prepared_article, write_book  # noqa: E402
from exporter.render import Book  # noqa: E402
from tests.epub_util import NS, OpenedEpub, para, sample_article  # noqa: E402

from .pdf_support import no_logged_warnings  # noqa: E402

FRENCH_PAGE = ("readability", "lemonde-1")
# A German portal's page in German (not scrapinghub/fde930b01859de83: tagged lang="de", but its
# text is an English newsletter, so its book is English; see test_cleaning_language.py).
GERMAN_PAGE = ("dates", "bbaw-golfpost.de-premiere")
JAPANESE_PAGE = ("scrapinghub", "f105de6e63ca91ea")


def page_texts(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def outline_titles(outline) -> list:
    """pypdf's outline as nested lists of titles: ["A", ["child"], "B"]."""
    return [outline_titles(item) if isinstance(item, list) else item.title for item in outline]


def nav_heading(epub: OpenedEpub, kind: str) -> str:
    nav = epub.nav().find(f".//x:nav[@epub:type='{kind}']", NS)
    return "".join(nav[0].itertext())


@pytest.fixture(scope="module")
def french(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("french")
    with no_logged_warnings():
        written = export_file(corpus_dir.joinpath(*FRENCH_PAGE, "source.html"),
                              ExportOptions(formats=("epub", "pdf"), output_dir=out))
    return {w.format: w.path for w in written}


def test_the_french_pages_epub_speaks_french(french):
    epub = OpenedEpub.open(french["epub"])
    assert epub.dc("language")[0] == "fr" and epub.dc("date") == ["2015-05-04"]
    labels = [label for label, _ in epub.nav_entries("toc")]
    assert labels[0] == "Page de titre"
    assert nav_heading(epub, "toc") == "Table des matières" and nav_heading(epub, "landmarks") == "Repères"
    alt = epub.xhtml("cover.xhtml").find(".//x:img", NS).get("alt")
    assert alt.startswith("Couverture\u00a0: Le projet de loi")
    colophon = epub.text_of("colophon.xhtml")
    assert "Source : Le Monde.fr" in colophon and "Publication : 4 mai 2015." in colophon
    assert "Réalisé avec Article Exporter." in colophon
    assert "Published" not in colophon and "2015-05-04" not in colophon
    assert "4 mai 2015" in epub.text_of("titlepage.xhtml")


def test_the_french_pages_pdf_speaks_french_and_has_one_bookmark(french):
    pages = page_texts(french["pdf"])
    assert "4 mai 2015" in pages[0]
    verso = pages[1]
    assert "Publication : 4 mai 2015." in verso.replace("\u00a0", " ")
    assert "Composé en Linux Libertine." in verso and "Réalisé avec Article Exporter." in verso
    reader = pypdf.PdfReader(french["pdf"])
    # One entry for the article (the title page has none), its subheadings under it.
    [title, subheads] = outline_titles(reader.outline)
    assert title == "Le projet de loi sur le renseignement massivement approuvé à l’Assemblée"
    assert subheads[0] == "Définition des objectifs des services" and len(subheads) == len(set(subheads))


@pytest.mark.parametrize(("page", "language", "titlepage", "contents", "landmarks", "published"), [
    (GERMAN_PAGE, "de", "Titelseite", "Inhalt", "Orientierungspunkte", "Veröffentlicht: 31. Januar 2022."),
    (JAPANESE_PAGE, "ja", "扉", "目次", "ランドマーク", "公開日：2018年8月16日。"),
])
def test_german_and_japanese_pages(corpus_dir, tmp_path, page, language, titlepage, contents, landmarks, published):
    [written] = export_file(corpus_dir.joinpath(*page, "source.html"),
                            ExportOptions(formats=("epub",), output_dir=tmp_path))
    epub = OpenedEpub.open(written.path)
    assert epub.dc("language")[0] == language
    assert epub.nav_entries("toc")[0][0] == titlepage
    assert nav_heading(epub, "toc") == contents and nav_heading(epub, "landmarks") == landmarks
    colophon = epub.text_of("colophon.xhtml")
    assert published in colophon.replace(" ", "" if language == "ja" else " ")
    assert "Made with" not in colophon and "Source:" not in colophon


# ---------------------------------------------------------------- the seed


@pytest.fixture(scope="module")
def seed_books(seed_path, tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-language")
    with no_logged_warnings():
        written = export_file(seed_path, ExportOptions(formats=("epub", "pdf"), output_dir=out))
    return {w.format: w.path for w in written}


def test_the_seed_says_last_updated_and_keeps_its_date(seed_books):
    epub = OpenedEpub.open(seed_books["epub"])
    assert epub.dc("date") == ["2016-07-27"]
    colophon = epub.text_of("colophon.xhtml")
    assert "Last updated 27 July 2016." in colophon and "ublished" not in colophon
    reader = pypdf.PdfReader(seed_books["pdf"])
    assert reader.metadata.creation_date.date().isoformat() == "2016-07-27"
    verso = page_texts(seed_books["pdf"])[1]
    assert "Last updated 27 July 2016." in verso and "ublished" not in verso


def test_the_seed_cover_prints_no_year_for_an_update_stamp(seed_path, seed_books):
    article = prepared_article(seed_path, ExportOptions())
    assert article.meta.published is None and article.meta.updated == "2016-07-27"
    book = Book.single(article)
    cover = cover_text(book, book_identifier(book))
    assert cover.imprint == "The New York Times"  # no 2016: that year is not when it appeared
    # The EPUB's cover image is the one drawn from exactly this text.
    assert OpenedEpub.open(seed_books["epub"]).read(COVER_IMAGE) == cover_jpeg(cover)
    published = Book.single(article.with_meta(published="2006-02-24"))
    assert cover_text(published, "x").imprint == "The New York Times · 2006"


def test_the_seed_pdf_has_one_bookmark_per_section(seed_books):
    reader = pypdf.PdfReader(seed_books["pdf"])
    assert outline_titles(reader.outline) == ["An Act of Repentance", "About the Author"]


def test_a_collections_bookmarks_are_one_per_article(tmp_path):
    first = sample_article()  # has a "Morning" subheading: nested under its article
    second = sample_article(title="Second Piece", authors=("Bo Ma",), bio="Bo Ma writes about trains.")
    third = sample_article(title="Troisième", authors=("Ann Lee",), language="fr", bio=None,
                           blocks=(para("Un texte court."), Heading(2, (Text("Suite"),)), para("Et la fin.")))
    book = Book("Three Pieces", (first, second, third), is_collection=True)
    with no_logged_warnings():
        [written] = write_book(book, ExportOptions(formats=("pdf",), output_dir=tmp_path), "three")
    titles = outline_titles(pypdf.PdfReader(written.path).outline)
    assert titles == ["Contents", "The Quiet Harbour", ["Morning"], "Second Piece", ["Morning"],
                      "Troisième", ["Suite"], "About the Authors"]


def test_a_long_title_and_byline_stay_clear_of_the_cover_imprint():
    from exporter.cover import HEIGHT, CoverText, draw_cover

    cover = CoverText("Le projet de loi sur le renseignement massivement approuvé à l’Assemblée",
                      "Martin Untersinger, Damien Leloup et Morgane Tual", "Le Monde.fr · 2015", "seed")
    image = draw_cover(cover)
    ground = image.getpixel((5, 5))
    # The band just above the imprint (whose top is 230 px from the foot) holds no ink:
    # before, the byline's second line was drawn over the imprint.
    band = image.crop((200, HEIGHT - 300, 1400, HEIGHT - 236))
    ink = [band.getpixel((x, y)) for y in range(band.height) for x in range(0, band.width, 2)]
    assert all(max(abs(a - b) for a, b in zip(pixel, ground)) < 40 for pixel in ink)


def test_the_pdf_signs_a_bio_exactly_when_the_epub_and_preview_do(tmp_path):
    # The PDF used to hide a lone author's signature in CSS while the EPUB and the
    # preview printed it: now the renderer decides once, for all three.
    signed = sample_article(bio="She covers coastal towns for a weekly paper.")
    unsigned = sample_article(bio="Jane Q. Writer covers coastal towns for a weekly paper.")
    for stem, article, expected in (("signed", signed, True), ("unsigned", unsigned, False)):
        with no_logged_warnings():
            [written] = write_book(Book.single(article), ExportOptions(formats=("pdf",), output_dir=tmp_path), stem)
        last = page_texts(written.path)[-1]
        assert "About the Author" in last
        assert ("Jane Q. Writer" in last.split("weekly paper.")[-1]) is expected, last
