"""Bounds that keep hostile or huge input from running for hours: nesting is
flattened below a fixed depth, and PDFs of very long texts are refused."""

from __future__ import annotations

import pytest

from exporter.model import Article, BlockQuote, ListBlock, Meta, Paragraph, Text, plain_text
from exporter.options import ExportOptions
from exporter.transforms import MAX_NESTING, limit_nesting, prepare

from .test_cli import run


def nested_quotes(depth: int) -> Article:
    block = BlockQuote((Paragraph((Text("deepest words"),)),))
    for level in range(depth):
        block = BlockQuote((Paragraph((Text(f"level {level}"),)), block))
    return Article(Meta("Deep"), (Paragraph((Text("Opening paragraph."),)), block))


def depth_of(blocks) -> int:
    deepest = 0
    for block in blocks:
        if isinstance(block, BlockQuote):
            deepest = max(deepest, 1 + depth_of(block.blocks))
        elif isinstance(block, ListBlock):
            deepest = max(deepest, 1 + max((depth_of(item) for item in block.items), default=0))
    return deepest


def test_deep_nesting_is_flattened_keeping_every_word_in_order():
    article = nested_quotes(300)
    flat = limit_nesting(article)
    assert depth_of(flat.blocks) == MAX_NESTING
    assert plain_text(flat.blocks).split() == plain_text(article.blocks).split()


def test_shallow_articles_are_left_alone():
    article = nested_quotes(3)
    assert limit_nesting(article) is article


def test_quotes_300_deep_still_make_a_pdf(tmp_path):
    from exporter.pipeline import write_book
    from exporter.render import Book

    options = ExportOptions(formats=("pdf",), output_dir=tmp_path)
    written = write_book(Book.single(prepare(nested_quotes(300), options)), options, "deep")
    assert written[0].path.stat().st_size > 1000


def test_pdf_of_a_text_over_the_limit_is_refused_in_one_line_and_the_epub_still_written(tmp_path, seed_path):
    code, stdout, stderr = run("-o", str(tmp_path), "--max-pdf-chars", "2000", str(seed_path))
    assert code == 1
    (line,) = [l for l in stderr.splitlines() if l.startswith("exporter: error: ")]
    assert "act-of-repentance.txt" in line and "too long for a PDF" in line and "--max-pdf-chars" in line
    assert (tmp_path / "an-act-of-repentance.epub").is_file()  # named after the title
    assert not (tmp_path / "an-act-of-repentance.pdf").exists()


@pytest.mark.parametrize("value", ["0", "-5"])
def test_max_pdf_chars_must_be_positive(value, seed_path, tmp_path):
    code, _, stderr = run("-o", str(tmp_path), "--max-pdf-chars", value, str(seed_path))
    assert code == 2 and "--max-pdf-chars" in stderr
