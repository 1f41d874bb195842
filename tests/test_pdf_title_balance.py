"""Display titles set over several lines come out with lines of even length (the PDF's
``text-wrap: balance``, which WeasyPrint lacks): measured with the book face's widths,
checked on the PDF's own lines with pypdf, and the width table checked against the font."""

from __future__ import annotations

import json
import re

import pytest

from exporter.backends.pdf import build_pdf
from exporter.backends.title_balance import (FONT_FILE, TITLE_EMS, WIDTHS_FILE, balance_titles, balanced_breaks,
                                             text_width, widths_from_font)
from exporter.model import Article, Meta, Paragraph, Text
from exporter.options import ExportOptions
from exporter.render import Book
from exporter.resources import styles_dir

from .pdf_support import no_logged_warnings

pypdf = pytest.importorskip("pypdf")

# Set greedily on the default trim's title page: a full first line, then "… of the / harbour wall".
UNEVEN = "Council votes to rebuild the old ferry landing before the storms of winter reach the harbour wall"
BODY = "The council met on Tuesday evening and agreed the plan after a long debate about its cost. " * 30


def test_the_shipped_widths_are_the_fonts_own():
    assert json.loads(WIDTHS_FILE.read_text(encoding="utf-8")) == json.loads(json.dumps(widths_from_font(FONT_FILE)))


def test_the_title_sizes_are_the_ones_print_css_sets():
    sheet = (styles_dir() / "print.css").read_text(encoding="utf-8")
    for kind, ems in TITLE_EMS.items():
        rule = re.search(r"\." + kind + r" \{([^}]*)\}", sheet)
        assert rule and f"font-size: {ems:g}em" in rule.group(1), kind


def _greedy(title: str, size: float, width: float) -> list[str]:
    """The lines a greedy breaker (the layout's) sets ``title`` in at ``width``."""
    lines: list[list[str]] = [[]]
    for word in title.split(" "):
        if lines[-1] and text_width(" ".join(lines[-1] + [word]), size) > width:
            lines.append([word])
        else:
            lines[-1].append(word)
    return [" ".join(line) for line in lines]


def _evenness(lines: list[str], size: float) -> float:
    widths = [text_width(line, size) for line in lines]
    return min(widths) / max(widths)


def test_a_title_is_cut_in_as_many_lines_as_the_layout_takes_and_even_ones():
    size, measure = 2.3 * 10.5, 300.0
    greedy = _greedy(UNEVEN, size, measure)
    lines = balanced_breaks(UNEVEN, size, measure)
    assert lines is not None and " ".join(lines) == UNEVEN
    assert len(lines) == len(greedy) >= 3
    assert all(text_width(line, size) <= measure for line in lines)
    assert _evenness(lines, size) > 0.7 > 0.5 > _evenness(greedy, size)


def test_a_break_after_a_pause_of_the_sense_is_preferred():
    lines = balanced_breaks("Fernwärme wird teurer: Was Mieter jetzt wissen müssen", 1.75 * 11, 313.0)
    assert lines == ["Fernwärme wird teurer:", "Was Mieter jetzt wissen müssen"]


def test_titles_left_to_the_layout():
    size, measure = 2.3 * 10.5, 300.0
    assert balanced_breaks("A short headline", size, measure) is None  # one line
    assert balanced_breaks("北京 市政府 周二 宣布 新的 交通 计划 以 缓解 早高峰 的 拥堵", size, measure) is None  # not in the face
    assert balanced_breaks("word " * 5000, size, measure) is None  # a paragraph scraped as the title: at once
    body = '<section><h1 class="book-title">Rock &amp; roll: the tide comes in over the old harbour wall</h1></section>'
    broken = balance_titles(body, 10.5, 300.0)
    assert broken.count(" <br/>") == 1 and broken.replace(" <br/>", " ") == body  # escaped as it was
    assert balance_titles(body.replace("book-title", "other"), 10.5, 300.0) == body.replace("book-title", "other")


def _title_lines(page, words: set[str]) -> list[str]:
    lines = [" ".join(line.split()).replace("\u00a0", " ") for line in page.extract_text().splitlines()]
    return [line for line in lines if line and set(line.split()) <= words]


def test_the_pdf_sets_the_title_in_even_lines(tmp_path):
    article = Article(Meta(UNEVEN, authors=("Ada Brook",), published="2024-11-05", language="en"),
                      tuple(Paragraph((Text(BODY),)) for _ in range(3)))
    target = tmp_path / "book.pdf"
    with no_logged_warnings():
        build_pdf(Book.single(article), ExportOptions(), target)
    pages = pypdf.PdfReader(target).pages
    words = set(UNEVEN.split())
    for page in (pages[0], next(p for p in pages[1:] if "harbour" in p.extract_text())):
        lines = _title_lines(page, words)
        assert " ".join(lines) == UNEVEN, lines
        assert len(lines) >= 2
        lengths = [len(line) for line in lines]
        assert min(lengths) / max(lengths) > 0.7, lines


def test_no_line_of_a_title_ends_on_a_short_word():
    lines = balanced_breaks("À Saint-Nazaire, les dockers face à l’automatisation du terminal", 2.3 * 11, 313.5)
    assert lines is not None and not any(line.split()[-1] in ("à", "du", "le") for line in lines[:-1]), lines
