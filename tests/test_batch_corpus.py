"""Batch runs over real pages from ../shared/corpus: a 200-article batch with
broken files mixed in, and a 10-article collection (EPUBCheck; PDF contents
page numbers match where the articles start)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from exporter.atomic import TEMP_PREFIX

from .conftest import file_digest
from .epubcheck_util import check_epubs
from .test_cli import run

BROKEN = {
    "broken-empty.txt": b"",
    "broken-binary.html": bytes(range(256)) * 32,
    "broken-undecodable.txt": bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x00, 0x01]) * 300,
}


def corpus_inputs(corpus: Path, count: int, folder: Path) -> list[Path]:
    """``count`` inputs alternating a case's saved page and its text scrape."""
    cases = sorted(p for p in corpus.glob("*/*") if (p / "scrape.txt").is_file())
    staged: list[Path] = []
    for number in range(count):
        case = cases[(number // 2) % len(cases)]
        source = case / ("source.html" if number % 2 == 0 and (case / "source.html").is_file() else "scrape.txt")
        target = folder / f"{case.parent.name}-{case.name}-{number:03d}{source.suffix}"
        shutil.copy(source, target)
        staged.append(target)
    return staged


@pytest.mark.slow
def test_200_articles_with_3_broken_files(corpus_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = corpus_inputs(corpus_dir, 197, folder)
    assert {p.suffix for p in good} == {".html", ".txt"}
    for name, data in BROKEN.items():
        (folder / name).write_bytes(data)
    digests = {p: file_digest(p) for p in folder.iterdir()}
    out = tmp_path / "out"
    code, stdout, stderr = run("--json", "-o", str(out), str(folder))
    report = json.loads(stdout)
    failed = {Path(f["input"]).name: f["error"] for f in report["files"] if f["error"]}
    assert sorted(failed) == sorted(BROKEN), failed
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("exporter: error: ")]
    assert len(errors) == 3 and all(any(name in line for name in BROKEN) for line in errors)
    assert len(list(out.glob("*.epub"))) == 197
    assert len(list(out.glob("*.pdf"))) == 197
    assert not list(out.glob(TEMP_PREFIX + "*"))
    assert {p: file_digest(p) for p in folder.iterdir()} == digests


def _normal(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


@pytest.mark.slow
def test_collection_of_10_passes_epubcheck_and_toc_page_numbers_match(corpus_dir, tmp_path):
    from pypdf import PdfReader

    folder = tmp_path / "in"
    folder.mkdir()
    inputs = [p for p in corpus_inputs(corpus_dir, 20, folder) if p.suffix == ".html"][:10]
    out = tmp_path / "out"
    code, stdout, stderr = run("-q", "-o", str(out), "--collection", "Ten Articles", *map(str, inputs))
    assert code == 0, stderr
    epub, pdf = out / "ten-articles.epub", out / "ten-articles.pdf"
    assert sorted(stdout.split()) == sorted([str(epub), str(pdf)])

    report = check_epubs([epub])[epub]
    assert (report.fatals, report.errors, report.warnings) == (0, 0, 0), report.summary()

    texts = [page.extract_text() or "" for page in PdfReader(pdf).pages]
    toc_index = next(i for i, text in enumerate(texts) if text.startswith("Contents"))
    # Each entry ends in dot leaders (as few as one dot after a long title) and its page number.
    numbers = [int(n) for n in re.findall(r"(?:\. ?)+\s*(\d+)\s*$", texts[toc_index], re.MULTILINE)]
    assert len(numbers) == 10, texts[toc_index]
    assert numbers == sorted(numbers)
    titles = [json.loads(run("clean", str(p), "--json", "--typography")[1])["title"] for p in inputs]
    pages = [_normal(text) for text in texts]
    for title, number in zip(titles, numbers):
        key = _normal(title)[:30]
        start = next(i for i in range(toc_index + 1, len(pages)) if key in pages[i])
        assert start + 1 == number, f"{title!r}: contents says page {number}, it starts on page {start + 1}"
