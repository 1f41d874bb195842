"""Every way people save an article goes in: Markdown notes, MHTML and webarchive files,
through the CLI into both books; unsupported kinds get one line naming the supported ones."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from exporter.reading import SUPPORTED_KINDS
from exporter.sources import read_document
from exporter.sources.markdown import people, split_front_matter

from .source_samples import FERRY_IMAGE_URL, FERRY_URL, ferry_mhtml, ferry_webarchive, png_bytes, write_note
from .test_cli import run

DC = "{http://purl.org/dc/elements/1.1/}"
MARKDOWN_LEFTOVERS = re.compile(r"\*\*|(?<!\w)\*\w|^#+ |\]\(|!\[|\[\[|^---$|^- |^> ", re.MULTILINE)


def epub_parts(path: Path) -> tuple[dict[str, list[str]], str, str]:
    """(OPF metadata, the books' XHTML joined, its text) of an EPUB."""
    with zipfile.ZipFile(path) as archive:
        opf = etree.fromstring(archive.read(next(n for n in archive.namelist() if n.endswith(".opf"))))
        xhtml = "\n".join(archive.read(n).decode("utf-8") for n in sorted(archive.namelist())
                          if n.endswith(".xhtml") and "nav" not in n)
    meta = {tag: [e.text for e in opf.iter(DC + tag)] for tag in ("title", "creator", "date", "source")}
    return meta, xhtml, " ".join(re.sub(r"<[^>]+>", " ", xhtml).split())


def epub_pictures(path: Path) -> list[str]:
    """The article pictures an EPUB holds (its generated cover left out)."""
    with zipfile.ZipFile(path) as archive:
        return [n for n in archive.namelist() if n.startswith("EPUB/images/img-")]


def pdf_picture_sizes(path: Path) -> set[tuple[int, int]]:
    """The pixel sizes of the pictures drawn in a PDF."""
    from pypdf import PdfReader

    return {(image.image.width, image.image.height) for page in PdfReader(path).pages for image in page.images}


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


@pytest.fixture(scope="module")
def note_books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("note")
    note = write_note(folder / "clips", png_bytes((480, 320)))
    out = folder / "out"
    code, stdout, stderr = run("-o", str(out), "-j", "1", str(note))
    assert code == 0, stderr
    return out, stdout, stderr


def test_a_clipped_note_is_named_after_its_title(note_books):
    out, stdout, _ = note_books
    stem = "harbour-dredging-plan-approved-after-long-debate"
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [f"{stem}.epub", f"{stem}.pdf"]
    assert sorted(Path(line).name for line in stdout.splitlines()) == [f"{stem}.epub", f"{stem}.pdf"]


def test_a_clipped_note_keeps_its_front_matter_and_its_formatting_in_the_epub(note_books):
    out, _, _ = note_books
    meta, xhtml, text = epub_parts(out / "harbour-dredging-plan-approved-after-long-debate.epub")
    assert meta["title"] == ["Harbour Dredging Plan Approved After Long Debate"]
    assert meta["creator"] == ["Maria Lopez"]  # from "[[Maria Lopez]]"
    assert meta["date"] and meta["date"][0].startswith("2024-05-02")  # published, not the clip date (created)
    assert "2024-06-10" not in xhtml
    assert re.search(r"<em>long-delayed</em>", xhtml) and re.search(r"<strong>two-year</strong>", xhtml)
    assert re.search(r"<h\d[^>]*>What the plan includes</h\d>", xhtml)
    assert xhtml.count("<li>") >= 3 or xhtml.count("<li ") >= 3
    assert 'href="https://news.example.org/sea-wall"' in xhtml
    assert "<blockquote" in xhtml
    assert re.search(r'<img [^>]*alt="The harbour at low tide"', xhtml)  # the picture beside the note
    assert len(epub_pictures(out / "harbour-dredging-plan-approved-after-long-debate.epub")) == 1
    assert "the harbour\u2019s history" in text  # a wiki link becomes its text
    assert not MARKDOWN_LEFTOVERS.search(text), MARKDOWN_LEFTOVERS.search(text)
    assert "clippings" not in text and "created" not in text  # front matter is metadata, not text


def test_a_clipped_note_bio_is_found_as_on_any_page(note_books):
    out, _, _ = note_books
    _, xhtml, _ = epub_parts(out / "harbour-dredging-plan-approved-after-long-debate.epub")
    assert "is a reporter covering the coast" in xhtml


def test_a_clipped_note_pdf_has_the_text_without_markdown(note_books):
    out, _, _ = note_books
    text = pdf_text(out / "harbour-dredging-plan-approved-after-long-debate.pdf")
    assert "Harbour Dredging Plan Approved" in text and "Maria Lopez" in text
    assert re.search(r"long-\s?delayed", text)  # the line may break at the hyphen
    assert "What the plan includes" in text and "fishermen get compensation" in text
    assert "**" not in text and "](" not in text and "##" not in text and "[[" not in text
    assert (480, 320) in pdf_picture_sizes(out / "harbour-dredging-plan-approved-after-long-debate.pdf")


@pytest.mark.parametrize("front, authors", [
    ('author: "Ana Lima and Ben Okafor"', ("Ana Lima", "Ben Okafor")),
    ("authors: [Ana Lima, Ben Okafor]", ("Ana Lima", "Ben Okafor")),
    ('author:\n  - "[[Ana Lima]]"\n  - "[[Ben Okafor|Ben]]"', ("Ana Lima", "Ben Okafor")),
    ("author: '[[Ana Lima]], [[Ben Okafor]]'", ("Ana Lima", "Ben Okafor")),
])
def test_front_matter_authors_in_the_clippers_shapes(front, authors):
    data, body = split_front_matter(f"---\n{front}\n---\nBody text.\n")
    assert body == "Body text.\n"
    assert people(data.get("author") or data.get("authors")) == authors


def test_front_matter_that_is_not_yaml_is_skipped_with_a_warning(caplog):
    data, body = split_front_matter("---\ntitle: [unclosed\n---\nThe body stays.\n", shown="bad.md")
    assert data == {} and body == "The body stays.\n"
    assert any("bad.md: front matter is not valid YAML" in r.getMessage() for r in caplog.records)


def test_front_matter_aliases_are_refused_not_expanded(caplog):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}]\n"
        for n in range(8))
    data, body = split_front_matter(f"---\n{bomb}---\nStill read.\n", shown="bomb.md")
    assert data == {} and body == "Still read.\n"
    assert any("aliases" in r.getMessage() for r in caplog.records)


def test_a_note_without_front_matter_takes_its_title_from_the_first_heading(tmp_path):
    note = tmp_path / "untitled-note.md"
    note.write_text("# Tide Tables Go Online\n\nThe harbour office has put its tide tables online, and sailors "
                    "can now check them from the quay before they leave on the morning tide.\n", "utf-8")
    code, stdout, stderr = run("clean", "--json", str(note))
    assert code == 0, stderr
    assert '"title": "Tide Tables Go Online"' in stdout


def test_a_notes_table_keeps_its_column_alignment(tmp_path):
    # markdown-it writes the alignment as a style, which the sanitiser drops from every page
    from exporter.model import Table
    from exporter.pipeline import load_article

    note = tmp_path / "tides.md"
    note.write_text("# Tide Tables Go Online\n\nThe harbour office has put its tide tables online, and sailors "
                    "can now check them from the quay before they leave.\n\n| Day | Tide | Height (m) |\n"
                    "|:----|:----:|-----------:|\n| Monday | High | 4.2 |\n| Tuesday | Low | 0.8 |\n", "utf-8")
    table = next(b for b in load_article(note).blocks if isinstance(b, Table))
    assert [[cell.align for cell in row] for row in (*table.head, *table.body)] == [["left", "center", "right"]] * 3


# ------------------------------------------------------------------ archives


def test_mhtml_reads_the_html_part_and_keeps_the_picture_part(tmp_path):
    image = png_bytes()
    path = tmp_path / "Night ferry.mhtml"
    path.write_bytes(ferry_mhtml(image))
    document = read_document(path)
    assert document.kind == "html" and "outer islands" in document.text and "\u2014" in document.text
    assert document.source_url == FERRY_URL
    assert document.parts[FERRY_IMAGE_URL] == (image, "image/png")  # the very bytes of the part


@pytest.mark.parametrize("suffix, make", [(".mhtml", ferry_mhtml), (".mht", ferry_mhtml),
                                          (".webarchive", ferry_webarchive)])
def test_single_file_archives_give_both_books(tmp_path, suffix, make):
    path = tmp_path / f"saved page{suffix}"
    path.write_bytes(make(png_bytes((400, 240))))
    out = tmp_path / "out"
    code, _, stderr = run("-o", str(out), "-j", "1", str(path))
    assert code == 0, stderr
    meta, xhtml, text = epub_parts(out / "night-ferry-returns-to-the-islands.epub")
    assert meta["title"] == ["Night Ferry Returns to the Islands"] and meta["creator"] == ["Tom Baker"]
    assert "chartered vessel will sail three nights a week" in text
    assert "Copyright 2023" not in text and "Home News" not in text  # the page's chrome is cleaned as usual
    pdf = pdf_text(out / "night-ferry-returns-to-the-islands.pdf")
    assert "chartered vessel will sail three nights" in pdf
    # The picture comes from the archive's own part, in both books (nothing was fetched).
    assert re.search(r'<img [^>]*alt="The ferry at the quay"', xhtml)
    assert len(epub_pictures(out / "night-ferry-returns-to-the-islands.epub")) == 1
    assert (400, 240) in pdf_picture_sizes(out / "night-ferry-returns-to-the-islands.pdf")


def test_webarchive_parts_are_its_subresources(tmp_path):
    image = png_bytes((100, 100))
    path = tmp_path / "ferry.webarchive"
    path.write_bytes(ferry_webarchive(image))
    document = read_document(path)
    assert document.parts == {FERRY_IMAGE_URL: (image, "image/png")} and document.source_url == FERRY_URL


@pytest.mark.parametrize("suffix, data, problem", [
    (".mhtml", b"just some text, no MIME here", "not an MHTML archive"),
    (".webarchive", b"bplist00garbage", "not a Safari web archive"),
])
def test_broken_archives_are_one_line(tmp_path, suffix, data, problem):
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(data)
    code, _, stderr = run("--epub", "-o", str(tmp_path / "out"), str(path))
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("exporter: error:")]
    assert len(errors) == 1 and str(path) in errors[0] and problem in errors[0], stderr


# ------------------------------------------------------------------ unsupported kinds


def test_an_unsupported_file_names_the_supported_kinds_and_the_rest_is_done(tmp_path, seed_path):
    odd = tmp_path / "report.docx"
    odd.write_bytes(b"PK\x03\x04 not really a document")
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), str(odd), str(seed_path))
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("exporter: error:")]
    assert errors == [f"exporter: error: {odd}: .docx files are not supported; the exporter reads {SUPPORTED_KINDS}"]
    assert [Path(line).name for line in stdout.splitlines()] == ["an-act-of-repentance.epub"]


def test_a_folder_is_searched_for_every_supported_kind(tmp_path, seed_path):
    folder = tmp_path / "saved"
    write_note(folder, png_bytes())
    (folder / "ferry.mhtml").write_bytes(ferry_mhtml(png_bytes()))
    (folder / "notes.docx").write_bytes(b"ignored in a folder")
    (folder / "seed.txt").write_bytes(seed_path.read_bytes())
    out = tmp_path / "out"
    code, _, stderr = run("--epub", "-o", str(out), "-j", "2", str(folder))
    assert code == 0, stderr
    assert sorted(p.name for p in out.glob("*.epub")) == [
        "an-act-of-repentance.epub", "harbour-dredging-plan-approved-after-long-debate.epub",
        "night-ferry-returns-to-the-islands.epub"]


def test_help_lists_the_supported_kinds():
    code, stdout, _ = run("--help")
    assert code == 0
    flat = " ".join(stdout.split())
    for kind in (".txt", ".html", ".md", ".mhtml", ".webarchive", "URL"):
        assert kind in flat, kind


# ------------------------------------------------------------------ pictures (the article model)


def _pictures(article) -> list[tuple[int, int]]:
    """(width, height) of each picture the article's blocks show (re-encoded: PNG or JPEG)."""
    import json

    from exporter.model import to_dict

    shown = set(re.findall(r'"image": "([^"]+)"', json.dumps(to_dict(article)["blocks"])))
    assert all(a.media_type in ("image/png", "image/jpeg") for a in article.assets)
    return [(a.width, a.height) for a in article.assets if a.key in shown]


def test_a_notes_picture_beside_it_is_in_the_article(tmp_path):
    from exporter import load_article

    note = write_note(tmp_path / "clips", png_bytes((480, 320)))
    assert _pictures(load_article(note)) == [(480, 320)]


@pytest.mark.parametrize("suffix, make", [(".mhtml", ferry_mhtml), (".webarchive", ferry_webarchive)])
def test_an_archives_picture_comes_from_its_own_part(tmp_path, suffix, make):
    from exporter import load_article

    path = tmp_path / f"ferry{suffix}"
    path.write_bytes(make(png_bytes((400, 240))))
    article = load_article(path)
    assert _pictures(article) == [(400, 240)]
    assert "chartered vessel" in " ".join(re.findall(r'"text": "([^"]*)"', article.to_json()))


@pytest.mark.slow
def test_books_of_every_new_input_kind_pass_epubcheck(tmp_path):
    from .epubcheck_util import check_epubs, require_epubcheck

    require_epubcheck()
    folder = tmp_path / "in"
    write_note(folder, png_bytes())
    (folder / "ferry.mhtml").write_bytes(ferry_mhtml(png_bytes()))
    (folder / "ferry-safari.webarchive").write_bytes(ferry_webarchive(png_bytes((300, 300))))
    out = tmp_path / "out"
    code, _, stderr = run("--epub", "-o", str(out), "-j", "1", str(folder))
    assert code == 0, stderr
    books = sorted(out.glob("*.epub"))
    assert len(books) == 3
    reports = check_epubs(books)
    assert all(r.fatals == r.errors == r.warnings == 0 for r in reports.values()), \
        "\n".join(r.summary() for r in reports.values())
