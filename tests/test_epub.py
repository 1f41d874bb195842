"""The EPUB backend: structure, metadata, reproducibility and refusals, read
back from the written file. (EPUBCheck runs in test_epub_epubcheck.py.)"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from tests.epub_util import NS, SEED, OpenedEpub, arabic_article, para, sample_article, web_address_article
from exporter import _ebooklib
from exporter.backends.epub import build_package, file_as, modified_time, normalize_language, write_epub
from exporter.cover import HEIGHT, WIDTH, CoverText, cover_jpeg, cover_jpeg_beside
from exporter.errors import RenderError, UsageError
from exporter.model import Article, Meta
from exporter.options import ExportOptions, MetaOverrides
from exporter.pipeline import export_file, write_book
from exporter.render import Book, render_book
from exporter.transforms import content_identifier

OPTIONS = ExportOptions(formats=("epub",))


def write(tmp_path: Path, book: Book, options: ExportOptions = OPTIONS, name: str = "book.epub") -> OpenedEpub:
    path = tmp_path / name
    write_epub(book, options, path)
    return OpenedEpub.open(path)


@pytest.fixture
def single(tmp_path) -> OpenedEpub:
    return write(tmp_path, Book.single(sample_article()))


# ---------------------------------------------------------------- metadata


def test_opf_metadata_states_the_article_facts(single):
    assert single.dc("title") == ["The Quiet Harbour"]
    assert single.dc("creator") == ["Jane Q. Writer"]
    assert single.dc("language") == ["en"]
    assert single.dc("date") == ["2021-03-04"]
    assert single.dc("publisher") == ["The Coastal Weekly"]
    assert single.dc("source") == ["https://example.org/harbour"]
    assert single.dc("description")[0].startswith("The boats came in late that evening")
    creator_id = single.opf.find("opf:metadata/dc:creator", NS).get("id")
    file_as_meta = single.opf.find(f"opf:metadata/opf:meta[@refines='#{creator_id}'][@property='file-as']", NS)
    assert file_as_meta.text == "Writer, Jane Q."
    assert single.meta("dcterms:modified") == ["2021-03-04T00:00:00Z"]


def test_identifier_is_the_content_urn_uuid_and_the_unique_identifier(single):
    unique = single.opf.get("unique-identifier")
    identifier = single.opf.find(f"opf:metadata/dc:identifier[@id='{unique}']", NS).text
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", identifier)
    assert identifier == content_identifier(sample_article())


def test_accessibility_metadata_is_stated(single):
    assert single.meta("schema:accessMode") == ["textual"]
    assert single.meta("schema:accessModeSufficient") == ["textual"]
    assert set(single.meta("schema:accessibilityFeature")) == {
        "structuralNavigation", "tableOfContents", "readingOrder"}
    assert single.meta("schema:accessibilityHazard") == ["none"]
    assert single.meta("schema:accessibilitySummary")[0].strip()
    # No conformance claim without an evaluation.
    assert not single.opf.findall("opf:metadata/opf:link[@rel='dcterms:conformsTo']", NS)
    assert not single.meta("dcterms:conformsTo")


def test_several_authors_get_distinct_creator_ids(tmp_path):
    epub = write(tmp_path, Book.single(sample_article(authors=("Ann Lee", "Bo Ma", "Ludwig van Beethoven"))))
    creators = epub.opf.findall("opf:metadata/dc:creator", NS)
    assert [c.text for c in creators] == ["Ann Lee", "Bo Ma", "Ludwig van Beethoven"]
    assert len({c.get("id") for c in creators}) == 3
    sort_names = [epub.opf.find(f"opf:metadata/opf:meta[@refines='#{c.get('id')}'][@property='file-as']", NS).text
                  for c in creators]
    assert sort_names == ["Lee, Ann", "Ma, Bo", "Beethoven, Ludwig van"]


@pytest.mark.parametrize("name, expected", [
    ("William Taubman", "Taubman, William"),
    ("Martin Luther King Jr.", "King, Martin Luther, Jr."),
    ("Ludwig van Beethoven", "Beethoven, Ludwig van"),
    ("Mathieu Le Goff", "Le Goff, Mathieu"),
    ("Robert De Niro", "De Niro, Robert"),
    ("Jean de La Fontaine", "La Fontaine, Jean de"),
    ("Madonna", "Madonna"),
    ("村上春樹", "村上春樹"),
    ("the editors", "the editors"),
])
def test_file_as(name, expected):
    assert file_as(name) == expected


@pytest.mark.parametrize("tag, expected", [
    ("en", "en"), ("en_US", "en-US"), ("pt-BR", "pt-BR"), ("", "en"), (None, "en"), ("not a tag!", "en"),
])
def test_language_is_bcp47_and_never_missing(tag, expected):
    assert normalize_language(tag) == expected


def test_language_is_written_everywhere(tmp_path):
    epub = write(tmp_path, Book.single(sample_article(language="fr_FR")))
    assert epub.dc("language") == ["fr-FR"]
    for href in epub.spine_hrefs() + ["nav.xhtml"]:
        root = epub.xhtml(href)
        assert root.get("lang") == "fr-FR"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr-FR"


def test_modified_comes_from_the_date_then_the_epoch_never_the_clock(monkeypatch):
    dated = Book.single(sample_article(date="2016-07-27"))
    undated = Book.single(sample_article(date=None))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert modified_time(dated, replace(OPTIONS, source_date_epoch=0)).isoformat() == "2016-07-27T00:00:00+00:00"
    assert modified_time(Book.single(sample_article(date="2016-07")), OPTIONS).isoformat().startswith("2016-07-01")
    assert modified_time(undated, replace(OPTIONS, source_date_epoch=1_700_000_000)).year == 2023
    # ExportOptions reads SOURCE_DATE_EPOCH when it is made (for every caller, CLI or GUI).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    assert modified_time(undated, ExportOptions(formats=("epub",))).isoformat() == "2001-09-09T01:46:40+00:00"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert modified_time(undated, ExportOptions(formats=("epub",))).year == 1980  # fixed, not today


# ---------------------------------------------------------------- structure


def test_reading_order_is_cover_title_article_bio_colophon(single):
    assert single.spine_hrefs() == ["cover.xhtml", "titlepage.xhtml", "article.xhtml", "about-author.xhtml",
                                    "colophon.xhtml"]
    assert "Jane Q. Writer covers coastal towns" in single.text_of("about-author.xhtml")
    assert single.xhtml("about-author.xhtml").find(".//x:section", NS).get(f"{{{NS['epub']}}}type") == "backmatter"


def test_no_bio_page_without_a_bio(tmp_path):
    epub = write(tmp_path, Book.single(sample_article(bio=None)))
    assert "about-author.xhtml" not in epub.spine_hrefs()
    assert epub.spine_hrefs()[-1] == "colophon.xhtml"
    landmarks = dict(epub.nav_entries("landmarks"))
    assert landmarks["backmatter"] == "colophon.xhtml"


def test_nav_lists_title_page_article_bio_and_landmarks(single):
    assert single.nav_entries("toc") == [
        ("Title Page", "titlepage.xhtml"), ("The Quiet Harbour", "article.xhtml"),
        ("About the Author", "about-author.xhtml")]
    assert single.nav_entries("landmarks") == [
        ("cover", "cover.xhtml"), ("titlepage", "titlepage.xhtml"), ("bodymatter", "article.xhtml"),
        ("backmatter", "about-author.xhtml")]
    ncx = single.read("toc.ncx").decode()
    assert ncx.count("<navPoint") == 3 and 'content="1" name="dtb:depth"' in ncx


def test_cover_image_is_marked_and_shown(single):
    cover = next(i for i in single.manifest().values() if i.get("properties") == "cover-image")
    assert cover.get("media-type") == "image/jpeg"
    image = Image.open(io.BytesIO(single.read(cover.get("href"))))
    assert image.size == (WIDTH, HEIGHT) == (1600, 2560)
    img = single.xhtml("cover.xhtml").find(".//x:img", NS)
    assert img.get("src") == cover.get("href") and "The Quiet Harbour" in img.get("alt")


def test_every_document_is_xhtml_with_declaration_lang_and_unique_ids(single):
    for item in single.manifest().values():
        if item.get("media-type") != "application/xhtml+xml":
            continue
        data = single.read(item.get("href"))
        assert data.startswith(b'<?xml version="1.0" encoding="utf-8"?>'), item.get("href")
        root = single.xhtml(item.get("href"))
        assert root.get("lang") and root.get("{http://www.w3.org/XML/1998/namespace}lang")
        ids = root.xpath("//@id")
        assert len(ids) == len(set(ids))
        assert root.find(".//x:link[@rel='stylesheet']", NS) is not None


def test_no_script_and_no_remote_resources(single):
    for name in single.names:
        data = single.zip.read(name)
        if name.endswith((".xhtml", ".opf", ".ncx", ".css")):
            text = data.decode("utf-8")
            assert "<script" not in text and "javascript:" not in text, name
            assert not re.search(r"""(src|xlink:href)=["']https?:""", text), name
            assert not re.search(r"url\(\s*['\"]?https?:|@import", text), name
            assert 'properties="remote-resources"' not in text and "scripted" not in text, name
    # Hyperlinks out to the web are fine (they are not resources) and are kept.
    assert b'href="https://example.org/market"' in single.read("article.xhtml")


def test_zip_is_mimetype_first_stored_with_fixed_times(single):
    with zipfile.ZipFile(single.path) as archive:
        first, *rest = archive.infolist()
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED and not first.extra
        assert archive.read("mimetype") == b"application/epub+zip"
        assert {info.date_time for info in archive.infolist()} == {(2021, 3, 4, 0, 0, 0)}
        assert [i.filename for i in rest[:2]] == ["META-INF/container.xml", "EPUB/content.opf"]


# ---------------------------------------------------------------- reproducible


def test_two_exports_are_byte_identical(tmp_path, monkeypatch):
    article = sample_article(date=None)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = write(tmp_path, Book.single(article), name="one.epub").path.read_bytes()
    second = write(tmp_path, Book.single(article), name="two.epub").path.read_bytes()
    assert first == second
    changed = write(tmp_path, Book.single(article.with_meta(title="Another Title")), name="three.epub")
    assert changed.path.read_bytes() != first


def test_exports_in_separate_processes_are_byte_identical(tmp_path):
    """Another process means another hash seed (set and dict order) and another
    start time: the bytes must not care."""
    script = ("import sys; from pathlib import Path; from exporter.options import ExportOptions; "
              "from exporter.pipeline import export_file; "
              "export_file(Path(sys.argv[1]), ExportOptions(formats=('epub',), output_dir=Path(sys.argv[2])))")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        subprocess.run([sys.executable, "-c", script, str(SEED), str(out)], check=True, env=env, timeout=120)
        outputs.append((out / "an-act-of-repentance.epub").read_bytes())  # named after the title
    assert outputs[0] == outputs[1]


def test_seed_exports_twice_byte_identical(tmp_path):
    options = ExportOptions(formats=("epub",), output_dir=tmp_path / "a")
    [first] = export_file(SEED, options)
    [second] = export_file(SEED, replace(options, output_dir=tmp_path / "b"))
    assert first.path.read_bytes() == second.path.read_bytes()


def test_cover_bytes_are_deterministic_and_depend_on_the_text():
    text = CoverText("A Title", "Some Author", "A Paper · 2020", "urn:uuid:1")
    assert cover_jpeg(text) == cover_jpeg(text)
    assert cover_jpeg(text) != cover_jpeg(replace(text, title="Another Title"))
    # A title that cannot fit at the largest size still fits (smaller, or cut with an ellipsis).
    long_title = CoverText(" ".join(["Extraordinarily"] * 40), None, None, "x")
    assert Image.open(io.BytesIO(cover_jpeg(long_title))).size == (WIDTH, HEIGHT)


def test_the_cover_drawn_on_a_thread_is_the_same_and_its_failure_reaches_the_caller(monkeypatch):
    text = CoverText("A Title", "Some Author", "A Paper · 2020", "urn:uuid:1")
    assert cover_jpeg_beside(text)() == cover_jpeg(text)

    def broken(cover):
        raise RenderError("the cover image could not be encoded")

    monkeypatch.setattr("exporter.cover.draw_cover", broken)
    waiting = cover_jpeg_beside(text)
    with pytest.raises(RenderError, match="could not be encoded"):
        waiting()


# ---------------------------------------------------------------- the seed


def test_seed_epub_metadata_bio_and_nav(tmp_path):
    [written] = export_file(SEED, ExportOptions(formats=("epub",), output_dir=tmp_path))
    epub = OpenedEpub.open(written.path)
    assert epub.dc("title") == ["An Act of Repentance"]
    assert epub.dc("creator") == ["William Taubman"]
    assert epub.dc("language") == ["en"]
    assert epub.dc("date") == ["2016-07-27"]
    spine = epub.spine_hrefs()
    assert spine[-2:] == ["about-author.xhtml", "colophon.xhtml"]  # bio last before the colophon
    bio_text = epub.text_of("about-author.xhtml")
    assert "professor of political science at Amherst College" in bio_text
    assert "Amherst College" not in epub.text_of("article.xhtml")  # the bio left the body
    labels = [label for label, _ in epub.nav_entries("toc")]
    assert labels == ["Title Page", "An Act of Repentance", "About the Author"]


def test_overrides_reach_the_opf(tmp_path):
    overrides = MetaOverrides(title="Repentance", author="W. Taubman", date="2016-02-25", language="en-GB",
                              publisher="Someone Else", bio="A short bio.")
    [written] = export_file(SEED, ExportOptions(formats=("epub",), output_dir=tmp_path, overrides=overrides))
    epub = OpenedEpub.open(written.path)
    assert (epub.dc("title"), epub.dc("creator"), epub.dc("date"), epub.dc("language"), epub.dc("publisher")) == (
        ["Repentance"], ["W. Taubman"], ["2016-02-25"], ["en-GB"], ["Someone Else"])
    assert epub.text_of("about-author.xhtml").startswith("About the Author A short bio.")


def test_right_to_left_book(tmp_path):
    epub = write(tmp_path, Book.single(arabic_article()))
    assert epub.opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    for href in epub.spine_hrefs():
        assert epub.xhtml(href).get("dir") == "rtl", href
    assert epub.dc("language") == ["ar"]


# ---------------------------------------------------------------- collections


def test_collection_has_contents_and_links_across_files(tmp_path):
    articles = (sample_article(), sample_article(title="Second Piece", authors=("Bo Ma",), bio="Bo Ma writes."),
                sample_article(title="Troisième", authors=("Ann Lee",), language="fr", bio=None, date="2022-01-01"))
    book = Book("Three Pieces", articles, is_collection=True)
    epub = write(tmp_path, book)
    assert epub.dc("title") == ["Three Pieces"]
    assert epub.dc("creator") == ["Jane Q. Writer", "Bo Ma", "Ann Lee"]
    assert epub.dc("language") == ["en", "fr"]
    assert epub.dc("date") == ["2022-01-01"]
    spine = epub.spine_hrefs()
    assert spine[:3] == ["cover.xhtml", "titlepage.xhtml", "contents.xhtml"]
    assert spine[3:6] == ["article-001.xhtml", "article-002.xhtml", "article-003.xhtml"]
    contents_links = [a.get("href") for a in epub.xhtml("contents.xhtml").iterfind(".//x:a", NS)]
    assert contents_links == ["article-001.xhtml#article-001", "article-002.xhtml#article-002",
                              "article-003.xhtml#article-003"]
    assert epub.xhtml("article-003.xhtml").get("lang") == "fr"
    assert dict(epub.nav_entries("landmarks"))["toc"] == "contents.xhtml"
    identifier = epub.dc("identifier")[0]
    assert identifier.startswith("urn:uuid:") and identifier != articles[0].meta.identifier


# ---------------------------------------------------------------- refusals


def test_an_article_with_no_body_raises_instead_of_an_empty_chapter(tmp_path):
    empty = Article(Meta(title="Nothing Here", authors=("A B",)), (para("   "),))
    with pytest.raises(RenderError, match="no body text"):
        write_epub(Book.single(empty), OPTIONS, tmp_path / "x.epub")
    assert not (tmp_path / "x.epub").exists()


def test_a_chapter_that_would_be_written_empty_raises(tmp_path):
    """ebooklib writes an unparsable chapter as an empty file; the adapter parses
    first and refuses (malformed XHTML, or a body with nothing in it)."""
    book = Book.single(sample_article())
    package = build_package(book, render_book(book), OPTIONS)
    article = package.spine[2]
    broken = replace(article, xhtml=article.xhtml.replace(b"</section>", b"</sectio>"))
    with pytest.raises(RenderError, match="not well-formed"):
        _ebooklib.write_package(replace(package, spine=(*package.spine[:2], broken, *package.spine[3:])),
                                tmp_path / "a.epub")
    hollow = replace(article, xhtml=re.sub(rb"<body>.*</body>", b"<body><section> </section></body>", article.xhtml,
                                           flags=re.S))
    with pytest.raises(RenderError, match="body is empty"):
        _ebooklib.write_package(replace(package, spine=(*package.spine[:2], hollow, *package.spine[3:])),
                                tmp_path / "b.epub")


def test_a_cover_given_later_is_asked_for_when_the_zip_is_written(tmp_path):
    """The cover still being drawn: ebooklib writes the book first, the zip gets the real
    bytes (once), and a cover that comes back empty is refused like an empty resource."""
    book = Book.single(sample_article())
    drawn = cover_jpeg(CoverText("A Title", None, None, "urn:uuid:1"))
    asked = []

    def later():
        asked.append(True)
        return drawn

    package = build_package(book, render_book(book), OPTIONS, cover=later)
    assert not asked  # nothing waits for the cover before the zip is written
    _ebooklib.write_package(package, tmp_path / "a.epub")
    assert asked == [True] and OpenedEpub.open(tmp_path / "a.epub").read("images/cover.jpg") == drawn
    with pytest.raises(RenderError, match="cover.jpg: empty resource"):
        _ebooklib.write_package(build_package(book, render_book(book), OPTIONS, cover=lambda: b""), tmp_path / "b.epub")
    assert not (tmp_path / "b.epub").exists()


def test_verify_catches_an_empty_entry_in_a_written_file(tmp_path, single):
    damaged = tmp_path / "damaged.epub"
    with zipfile.ZipFile(single.path) as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = b"" if info.filename.endswith("article.xhtml") else source.read(info)
            target.writestr(info, data)
    with pytest.raises(RenderError, match="article.xhtml"):
        _ebooklib.verify_epub(damaged)


def test_verify_parses_a_written_document_unless_it_is_the_one_given(tmp_path):
    """verify_epub skips re-parsing a document written byte for byte as the package gave it
    (write_package parsed it before writing); one that differs on disk is parsed, and fails."""
    book = Book.single(sample_article())
    package = build_package(book, render_book(book), OPTIONS)
    _ebooklib.write_package(package, tmp_path / "a.epub")
    _ebooklib.verify_epub(tmp_path / "a.epub", package)
    damaged = tmp_path / "damaged.epub"
    with zipfile.ZipFile(tmp_path / "a.epub") as source, zipfile.ZipFile(damaged, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, data.replace(b"</body>", b"</bod>") if info.filename.endswith("article.xhtml")
                            else data)
    with pytest.raises(RenderError, match="article.xhtml: not well-formed"):
        _ebooklib.verify_epub(damaged, package)
    with pytest.raises(RenderError, match="article.xhtml: not well-formed"):
        _ebooklib.verify_epub(damaged)


def test_the_zip_holds_what_ebooklib_wrote_once_each(tmp_path):
    """ebooklib's entries are collected (no zip of its own); every one reaches the book, in
    the fixed order, and a name written twice is refused rather than shadowed."""
    book = Book.single(sample_article())
    package = build_package(book, render_book(book), OPTIONS)
    entries = _ebooklib._ebooklib_entries(package)
    assert list(entries)[:2] == ["mimetype", "META-INF/container.xml"]
    _ebooklib.write_package(package, tmp_path / "a.epub")
    with zipfile.ZipFile(tmp_path / "a.epub") as written:
        assert sorted(written.namelist()) == sorted(entries)
        assert written.namelist()[:4] == ["mimetype", "META-INF/container.xml", "EPUB/content.opf", "EPUB/toc.ncx"]
    collected = _ebooklib._Entries()
    collected.writestr("EPUB/a.xhtml", "<a/>")
    assert collected == {"EPUB/a.xhtml": b"<a/>"}
    with pytest.raises(RenderError, match="written twice"):
        collected.writestr("EPUB/a.xhtml", b"<b/>")


def test_user_stylesheet_is_layered_last_and_must_be_self_contained(tmp_path):
    css = tmp_path / "mine.css"
    css.write_text("p { text-indent: 2em; }\n", encoding="utf-8")
    epub = write(tmp_path, Book.single(sample_article()), replace(OPTIONS, user_stylesheet=css))
    links = [link.get("href") for link in epub.xhtml("article.xhtml").iterfind(".//x:link", NS)]
    assert links == ["styles/base.css", "styles/epub.css", "styles/user.css"]
    assert epub.read("styles/user.css") == css.read_bytes()
    css.write_text("@import url(https://example.org/x.css);", encoding="utf-8")
    with pytest.raises(UsageError, match="self-contained"):
        write_epub(Book.single(sample_article()), replace(OPTIONS, user_stylesheet=css), tmp_path / "y.epub")


def test_write_book_goes_through_the_registry_atomically(tmp_path):
    options = ExportOptions(formats=("epub",), output_dir=tmp_path)
    [written] = write_book(Book.single(sample_article()), options, "harbour")
    assert written.path == tmp_path / "harbour.epub" and written.size == written.path.stat().st_size
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbour.epub"]


def test_epub_stylesheets_leave_the_reader_in_control(single):
    """What ships in the EPUB (base.css + epub.css): relative units for type, no
    colours or backgrounds, no positioning, flex or grid, no @page."""
    for name in ("styles/base.css", "styles/epub.css"):
        css = re.sub(r"/\*.*?\*/", "", single.read(name).decode("utf-8"), flags=re.S)
        assert "@page" not in css, name
        assert not re.search(r"font-size\s*:\s*[\d.]+\s*(pt|px|cm|mm|in)\b", css), name
        assert not re.search(r"(^|[;{\s])(color|background(-color)?)\s*:", css), name
        assert not re.search(r"\bposition\s*:|display\s*:\s*(flex|grid|inline-flex)", css), name
    epub_css = single.read("styles/epub.css").decode("utf-8")
    assert "hyphens: auto" in epub_css
    base = single.read("styles/base.css").decode("utf-8")
    assert re.search(r"text-indent:\s*1(\.\d+)?em", base) and "h1 + p" in base


# ---------------------------------------------------------------- web addresses


def test_web_addresses_are_not_hyphenated_by_the_reader(tmp_path):
    # A reader that hyphenates would split "pic.twitter.com/I8N- / Wz4blQC": the
    # hyphen reads as part of the address. Each one gets a .url span, which
    # epub.css keeps unhyphenated (but breakable on a narrow screen).
    book = write(tmp_path, Book.single(web_address_article()))
    chapter = next(h for h in book.spine_hrefs() if b"I8NWz4blQC" in book.read(h))
    text = book.read(chapter).decode("utf-8")
    assert '<span class="url">pic.twitter.com/I8NWz4blQC</span> within' in text
    assert '<span class="url">www.example.org/harbour-dredging-plan</span></a>,' in text
    assert 'href="https://example.org/harbour"' in text and "1.5/2 of" in text  # no tag or number touched
    assert text.count('class="url"') == 2
    css = book.read("styles/epub.css").decode("utf-8")
    rule = re.search(r"\.url\s*\{([^}]*)\}", css)
    assert rule and "hyphens: manual" in rule.group(1) and "-epub-hyphens: manual" in rule.group(1)
