"""Work the one-article export does once, not twice (issue 18), with the same result:
each page parsed once, smart quotes set between quotes rather than per character."""

from __future__ import annotations

import zipfile
from dataclasses import replace

import pytest

from tests.epub_util import sample_article
from exporter import _ebooklib
from exporter.backends.epub import build_package, write_epub
from exporter.errors import RenderError
from exporter.options import ExportOptions
from exporter.render import Book, render_book
from exporter.typography import smarten

OPTIONS = ExportOptions(formats=("epub",))


def test_each_page_is_parsed_once_and_the_book_is_still_checked(tmp_path, monkeypatch):
    """The backend parses each page for its ids; the adapter's checks do not parse the same
    bytes again. Only the nav (built apart) is parsed by the checks. The real parser runs."""
    parsed: list[str] = []
    real = _ebooklib.parse_xhtml

    def counting(data: bytes, *, name: str):
        parsed.append(name)
        return real(data, name=name)

    monkeypatch.setattr(_ebooklib, "parse_xhtml", counting)
    _ebooklib._ACCEPTED.clear()
    write_epub(Book.single(sample_article()), OPTIONS, tmp_path / "book.epub")
    with zipfile.ZipFile(tmp_path / "book.epub") as book:
        pages = sorted(name.removeprefix("EPUB/") for name in book.namelist() if name.endswith(".xhtml"))
    assert sorted(parsed) == pages, "each page parsed exactly once"


def test_bytes_changed_after_they_were_accepted_are_parsed_and_refused(tmp_path):
    """What was accepted is the exact bytes: a page changed by one character after the
    backend parsed it is parsed again and refused."""
    book = Book.single(sample_article())
    package = build_package(book, render_book(book), OPTIONS)  # accepts every page's bytes
    article = package.spine[2]
    assert article.xhtml in _ebooklib._ACCEPTED
    broken = replace(article, xhtml=article.xhtml.replace(b"</body>", b"</bod>"))
    with pytest.raises(RenderError, match="not well-formed"):
        _ebooklib.write_package(replace(package, spine=(*package.spine[:2], broken, *package.spine[3:])),
                                tmp_path / "a.epub")
    assert not (tmp_path / "a.epub").exists()


def test_the_accepted_pages_stay_bounded():
    for n in range(_ebooklib._ACCEPTED_MAX * 2):
        page = (f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>'
                f"<body><p>page {n}</p></body></html>").encode()
        _ebooklib.parse_xhtml(page, name=f"p{n}.xhtml")
    assert len(_ebooklib._ACCEPTED) <= _ebooklib._ACCEPTED_MAX


# What the per-character version gave (before issue 18's change), kept as the reference:
# quotes next to quotes, a quote opening the text after an inline, French spacing, dashes.
SMARTENED = [
    (('"\'Tis," she said \'\'quoted\'\'', "en", " "), "“‘Tis,” she said ‘‘quoted’’"),
    (("rock 'n' roll in the '90s", "en", " "), "rock ‘n’ roll in the ’90s"),
    (('s" and "t', "en", "a"), "s” and “t"),
    (('"Oui" : dit-il ; \'bien\'', "fr", " "), "«\u202fOui\u202f»\u202f: dit-il\u202f; “bien”"),
    (('""', "de", "("), "„„"),
    (("'", "en", "x"), "’"),
    (('Khrushchev\'s "thaw"--then...', "en", " "), "Khrushchev’s “thaw”—then…"),
    (("no quotes at all", "en", " "), "no quotes at all"),
    (("Dr. Who met St. Paul -- and Mr. x... ---", "en", " "), "Dr.\u00a0Who met St.\u00a0Paul—and Mr. x…—"),
    (("un -- deux.... trois", "fr", " "), "un – deux.... trois"),
]


@pytest.mark.parametrize(("args", "expected"), SMARTENED)
def test_smart_quotes_are_what_the_per_character_version_gave(args, expected):
    assert smarten(*args) == expected
