"""Title pages and running heads of long headlines and several authors, as set
in the PDF (pypdf reads the lines back): a title never ends on one short word
alone, a name is never broken over two lines, and a running head names many
authors by surname instead of cutting a name in half."""

from __future__ import annotations

import pytest

from exporter.backends.pdf import build_pdf, running_names
from exporter.labels import labels_for
from exporter.model import Article, Meta, Paragraph, Text
from exporter.options import ExportOptions
from exporter.render import Book, display_title

from .pdf_support import no_logged_warnings

pypdf = pytest.importorskip("pypdf")

LONG_TITLE = "Browns’ defensive snap counts, stats, and notes: Week 11"  # set "… Week / 11" before
AUTHORS = ("Martin Untersinger", "Damien Leloup", "Morgane Tual")  # "… et / Morgane Tual" on an A5 title page


def _lines(page) -> list[str]:
    return [" ".join(line.split()) for line in page.extract_text().splitlines() if line.strip()]


@pytest.fixture(scope="module")
def pdf_pages(tmp_path_factory):
    text = "La loi prévoit également une forme de protection pour les agents qui seraient témoins. " * 40
    article = Article(Meta(LONG_TITLE, authors=AUTHORS, published="2015-05-04", language="fr"),
                      tuple(Paragraph((Text(text),)) for _ in range(6)))
    target = tmp_path_factory.mktemp("pdf") / "book.pdf"
    with no_logged_warnings():
        build_pdf(Book.single(article), ExportOptions(), target)
    return pypdf.PdfReader(target).pages


def test_the_title_page_never_ends_the_title_on_one_short_word(pdf_pages):
    lines = _lines(pdf_pages[0])
    title_end = next(n for n, line in enumerate(lines) if line.endswith("11"))
    assert lines[title_end].replace("\u00a0", " ").endswith("Week 11"), lines


def test_no_author_name_is_broken_over_two_lines(pdf_pages):
    lines = [line.replace("\u00a0", " ") for line in _lines(pdf_pages[0])]
    author_lines = [line for line in lines if any(name.split()[0] in line or name.split()[-1] in line
                                                  for name in AUTHORS)]
    for name in AUTHORS:
        assert any(name in line for line in author_lines), (name, author_lines)


def test_the_verso_running_head_names_the_authors_by_surname(pdf_pages):
    verso = next(page for page in pdf_pages[3:] if "Leloup" in page.extract_text())
    head = [line for line in _lines(verso) if "Leloup" in line][0].replace("\u00a0", " ")
    assert "Untersinger, Leloup et Tual" in head, head
    assert "Morgane" not in head and "…" not in head


def test_display_titles_and_running_names_as_plain_rules():
    assert display_title("The Hidden Heroines of Chaos") == "The Hidden Heroines of\u00a0Chaos"
    assert display_title("An Act of Repentance") == "An Act of Repentance"  # a long last word: as it was
    assert display_title("Kindle for PCをCtrl＋Alt＋Kのショートカットキーで") == "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで"
    assert display_title("Brexit now") == "Brexit now"
    names = labels_for("en").names
    assert running_names(("William Taubman",), names) == "William Taubman"
    many = tuple(f"Firstname{n} Surname{n}" for n in range(8))
    assert running_names(many, names) == "Surname0 et al."
