"""Where print lets a line or page break: kinsoku in CJK text, a paragraph's last
word, block quotes on the line grid, table rows (``backends/pdf_text`` and print.css)."""

from __future__ import annotations

import re

import pytest

from exporter.backends.pdf import build_pdf
from exporter.backends.pdf_text import keep_cjk_brackets, keep_last_words_whole
from exporter.backends.text_runs import keep_urls_unhyphenated
from exporter.model import Article, BlockQuote, Meta, Paragraph, Table, TableCell, Text
from exporter.options import ExportOptions
from exporter.render import Book

from .pdf_support import no_logged_warnings

pypdf = pytest.importorskip("pypdf")

WJ = "\u2060"


def _pdf(tmp_path, article: Article):
    target = tmp_path / "book.pdf"
    with no_logged_warnings():
        build_pdf(Book.single(article), ExportOptions(), target)
    return pypdf.PdfReader(target)


def test_brackets_are_joined_to_their_words_not_across_spaces_or_into_tags():
    body = '<p class="x">하지만 &lt;왔다, 장보리&gt;는 a &lt; b 엔터(<a href="h">www</a>)</p>'
    out = keep_cjk_brackets(body)
    assert f"&lt;{WJ}왔다" in out and f"장보리{WJ}&gt;" in out
    assert "a &lt; b" in out  # a spaced "<" is an operator, not a bracket
    assert f"엔터({WJ}<a href=\"h\">" in out and f"</a>{WJ})" in out
    assert re.sub(WJ, "", out) == body


def test_a_korean_line_never_ends_on_an_opening_bracket(tmp_path):
    words = "하지만 그 때문에 드라마의 승부수가 금방 읽혀버린 이유리의 연기까지 식상하게".split()
    text = " ".join(f"&lt;{w}&gt;" if i % 3 == 0 else w for i, w in enumerate(words * 8))
    paragraphs = tuple(Paragraph((Text(text.replace("&lt;", "<").replace("&gt;", ">")),)) for _ in range(4))
    reader = _pdf(tmp_path, Article(Meta("제목", authors=("박생강",), language="ko"), paragraphs))
    lines = [line.replace(WJ, "").rstrip() for page in reader.pages[2:]
             for line in page.extract_text().splitlines() if re.search("[\uac00-\ud7a3]", line)]
    assert len(lines) > 15
    assert not [line for line in lines if line.endswith("<")], lines
    assert not [line for line in lines if line.lstrip().startswith(">")], lines


def test_a_paragraphs_last_word_is_never_hyphenated():
    out = keep_last_words_whole('<p>one <em>two three.</em></p><li><p>solo</p></li>')
    assert out == ('<p>one <em>two <span class="last-word">three.</span></em></p>'
                   '<li><p><span class="last-word">solo</span></p></li>')


def test_no_hyphenated_fragment_ends_a_paragraph_in_print(tmp_path):
    # Long words of varied paragraph lengths: some fall at the measure's end and
    # are hyphenated, and some paragraphs' last words would be (they were).
    vocabulary = "administration responsibilities international consideration extraordinary".split()
    paragraphs = tuple(Paragraph((Text(" ".join(vocabulary[(i + j) % 5] for j in range(i + 5)) + "."),))
                       for i in range(40))
    reader = _pdf(tmp_path, Article(Meta("Title", authors=("Writer",), language="en"), paragraphs))
    lines = [line.strip() for page in reader.pages[2:] for line in page.extract_text().splitlines()]
    assert sum(line.endswith("-") for line in lines) > 10  # hyphenation is on
    # A one-word line after a hyphenated one is the paragraph's last: a fragment.
    fragments = [(a, b) for a, b in zip(lines, lines[1:]) if a.endswith("-") and " " not in b]
    assert not fragments, fragments


def _rows_per_page(reader, marker: str) -> list[dict[int, set[int]]]:
    pages = []
    for page in reader.pages:
        found: dict[int, set[int]] = {}
        for table, row in re.findall(marker, page.extract_text()):
            found.setdefault(int(table), set()).add(int(row))
        pages.append(found)
    return pages


def test_a_table_never_leaves_one_row_alone_at_a_page_foot_or_head(tmp_path):
    blocks = []
    for table in range(14):
        blocks.append(Paragraph((Text("Filler text of a paragraph before the table. " * (1 + table % 4)),)))
        head = ((TableCell((Text("Player"),), header=True), TableCell((Text("Plays"),), header=True)),)
        body = tuple((TableCell((Text(f"T{table}R{row}"),)), TableCell((Text(str(row * 7)),)))
                     for row in range(5))
        blocks.append(Table(head, body))
    reader = _pdf(tmp_path, Article(Meta("Tables", authors=("Writer",), language="en"), tuple(blocks)))
    parts: dict[int, list[int]] = {}
    for found in _rows_per_page(reader, r"T(\d+)R(\d+)"):
        for table, rows in found.items():
            parts.setdefault(table, []).append(len(rows))
    split = {table: sizes for table, sizes in parts.items() if len(sizes) > 1}
    assert split, parts  # some table does cross a page break
    assert all(min(sizes) >= 2 for sizes in split.values()), split


def test_text_after_a_block_quote_is_back_on_the_line_grid(tmp_path):
    quote = BlockQuote(tuple(Paragraph((Text("Quoted words set a little smaller than the text. " * 6),))
                             for _ in range(3)))
    before = tuple(Paragraph((Text(f"Before {i}: the running text of the article, at its own size."),))
                   for i in range(3))
    after = tuple(Paragraph((Text(f"After {i}: the running text again, which should fall on the grid."),))
                  for i in range(3))
    reader = _pdf(tmp_path, Article(Meta("Quotes", authors=("Writer",), language="en"),
                                    (*before, quote, *after)))
    baselines: dict[str, float] = {}

    def visit(text, cm, tm, font_dict, font_size):
        word = text.strip().split(" ")[0] if text.strip() else ""
        if word in ("Before", "After") and text.strip() not in baselines:
            baselines[text.strip()[:8]] = tm[5]

    reader.pages[2].extract_text(visitor_text=visit)
    ys = sorted(baselines.values(), reverse=True)
    assert len(ys) == 6, baselines
    pitch = ys[0] - ys[1]
    assert pitch == pytest.approx(ys[1] - ys[2], abs=0.01)
    for y in ys[3:]:
        lines = (ys[0] - y) / pitch
        assert lines == pytest.approx(round(lines), abs=0.02), (ys, pitch)


def test_web_addresses_are_marked_whole_without_their_closing_punctuation():
    out = keep_urls_unhyphenated('<p>See pic.twitter.com/I8NWz4blQC, (www.example.org) and 1.5/2 <a href="http://x.com">x</a></p>')
    assert '<span class="url">pic.twitter.com/I8NWz4blQC</span>,' in out
    assert '(<span class="url">www.example.org</span>)' in out
    assert "1.5/2" in out and out.count('class="url"') == 2  # no tag's attribute touched


def test_a_web_address_is_never_hyphenated_in_print(tmp_path):
    words = "embedded tweets quote their pictures as addresses like".split()
    text = " ".join(f"{w} pic.twitter.com/Wz{i}blQCinternational" for i, w in enumerate(words * 3))
    paragraphs = tuple(Paragraph((Text(("word " * i) + text),)) for i in range(12))
    reader = _pdf(tmp_path, Article(Meta("Tweets", authors=("Writer",), language="en"), paragraphs))
    lines = [line.strip() for page in reader.pages[2:] for line in page.extract_text().splitlines()]
    assert sum("pic.twitter.com/" in line for line in lines) > 30
    hyphenated = [line for line in lines if re.search(r"(com/|Wz\d*blQC)\w*-$", line)]
    assert not hyphenated, hyphenated


def test_an_article_opens_with_its_first_words_in_small_capitals_marked_not_its_first_line():
    from exporter.backends.pdf_text import mark_opening_words

    body = '<section><div class="article-body"><p>Fifty years ago Saturday, Soviet leader Nikita spoke.</p><p>Next</p></div>'
    assert mark_opening_words(body) == body.replace(
        "<p>Fifty years ago Saturday,", '<p><span class="opening-words">Fifty years ago Saturday,</span>')
    figured = '<div class="article-body"><figure><img src="a.jpg" alt=""/><figcaption>Quay</figcaption></figure><p>Sur le quai, le vent souffle.</p>'
    assert '</figure><p><span class="opening-words">Sur le quai,</span> le vent' in mark_opening_words(figured)
    long = '<div class="article-body"><p class="x">The council met on Tuesday evening and agreed the plan.</p>'
    assert '<span class="opening-words">The council met on</span> Tuesday' in mark_opening_words(long)
    for untouched in ('<div class="article-body"><figure>x</figure><p>The council met on Tuesday.</p>',
                      '<div class="article-body"><p>北京市政府周二宣布新的交通计划</p>'):
        assert mark_opening_words(untouched) == untouched
    # ::first-line came back at the top of each page a long opening paragraph ran onto (WeasyPrint)
    from exporter.resources import styles_dir

    import re

    assert not re.search(r"::?first-line\s*\{", (styles_dir() / "print.css").read_text(encoding="utf-8"))
