"""Korean, Japanese and Chinese as a book sets them in the PDF: Korean breaks
lines only between words, Japanese is set flush left (WeasyPrint justifies by
stretching spaces, which tore the Latin words of a Japanese line apart), and a
running head of wide characters fits on one line."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from exporter.backends.pdf import build_pdf, running_text
from exporter.model import Article, Meta, Paragraph, Text
from exporter.options import ExportOptions
from exporter.render import Book

from .pdf_support import no_logged_warnings

pypdf = pytest.importorskip("pypdf")

KOREAN_WORDS = "악녀의 덫에 걸린 이유리 의외로 막장극 어울리는 남상미 드라마의 여주인공 연기를 보여주었다".split()
JAPANESE = "さて、このKindle for PC、Amazonがあまり力を入れていないのか操作性などあまりよくありません。"


def _book(tmp_path, language: str, text: str, title: str):
    article = Article(Meta(title, authors=("Writer",), language=language),
                      tuple(Paragraph((Text(text),)) for _ in range(5)))
    target = tmp_path / f"{language}.pdf"
    with no_logged_warnings():
        build_pdf(Book.single(article), ExportOptions(), target)
    return target


def test_korean_lines_break_only_between_words(tmp_path):
    text = " ".join(KOREAN_WORDS * 6)
    pdf = _book(tmp_path, "ko", text, "악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미")
    reader = pypdf.PdfReader(pdf)
    body_lines = [line.replace("\u2060", "").strip() for page in reader.pages[2:]
                  for line in page.extract_text().splitlines() if re.search("[\uac00-\ud7a3]", line)]
    words = {w for line in body_lines for w in line.split()}
    title_words = set("악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미".split())
    broken = words - set(KOREAN_WORDS) - title_words - {"이유리,", "…"}
    assert len(body_lines) > 10
    assert not broken, broken


def test_japanese_is_set_flush_left_so_latin_words_keep_normal_spaces(tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = _book(tmp_path, "ja", JAPANESE * 4, "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法")
    boxes = subprocess.run(["pdftotext", "-f", "3", "-l", "3", "-bbox", str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes)
    gaps = [float(b[0]) - float(a[2]) for a, b in zip(words, words[1:])
            if a[1] == b[1] and a[3] in ("Kindle", "for") and b[3].startswith(("for", "PC"))]
    assert gaps, words[:20]
    assert max(gaps) < 5.0, gaps  # a space of 11 pt Libertine is about 2.7 pt; justified lines had 10+


def test_a_running_head_of_wide_characters_is_cut_to_fit_one_line():
    title = "Kindle for PCをCtrl＋Alt＋Kのショートカットキーで立ち上がらなくする方法"
    head = running_text(title)
    assert head.endswith("…") and len(head) < len(title)
    assert sum(1.75 if "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in head) <= 48
    assert running_text("An Act of Repentance") == "An Act of Repentance"


def test_a_korean_running_head_that_fits_is_not_cut(tmp_path):
    """A Korean title of 29 characters takes about 230 pt of the head's 277 pt
    on the default page: it is set whole (Hangul counted as two Latin letters
    cut it to "…막장극…"), and stays clear of the folio."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    title = "악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미"
    pdf = _book(tmp_path, "ko", " ".join(KOREAN_WORDS * 40), title)
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    rectos = []
    for page in boxes.split("<page ")[1:]:
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', page)
        head = [w for w in words if float(w[1]) < 45]  # the head line, above the text block
        folio = [w for w in head if w[3].isdigit()]
        if folio and int(folio[0][3]) % 2 and len(head) > 1:
            rectos.append((head, folio[0]))
    assert rectos, "no recto with a running head"
    for head, folio in rectos:
        assert " ".join(w[3] for w in head if w is not folio) == title
        assert max(float(w[2]) for w in head if w is not folio) < float(folio[0]) - 10


def test_no_faux_italic_in_a_korean_book(tmp_path):
    """Headings, emphasis and the bio are italic in Latin books; in Korean they
    are set upright (fontconfig slanted Noto CJK: "Noto-Serif-CJK-KR-Oblique")."""
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    from exporter.model import Bio, Emphasis, Heading

    words = " ".join(KOREAN_WORDS)
    article = Article(Meta("악녀의 덫에 걸린 이유리", authors=("박생강",), language="ko",
                           bios=(Bio(f"박생강은 {words}", "박생강"),)),
                      (Paragraph((Text(words), Emphasis((Text(" 의외로 막장극"),)))), Heading(2, (Text("드라마의 여주인공"),)),
                       Paragraph((Text(words),))))
    target = tmp_path / "ko.pdf"
    with no_logged_warnings():
        build_pdf(Book.single(article), ExportOptions(), target)
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts
    assert "Oblique" not in fonts, fonts


def test_a_korean_books_outline_holds_the_plain_title(tmp_path):
    """The word joiners that keep Korean words whole and the no-break space of
    the display title are layout only: the PDF outline (bookmarks) shows the
    title as written ("악\u2060녀\u2060의 ..." before)."""
    title = "악녀의 덫에 걸린 이유리, 의외로 막장극 어울리는 남상미 — 드라마"
    pdf = _book(tmp_path, "ko", " ".join(KOREAN_WORDS * 6), title)
    outline = pypdf.PdfReader(pdf).outline
    assert outline and outline[0].title == title
