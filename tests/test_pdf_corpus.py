"""At least 20 real corpus pages, cleaned through the pipeline, render as PDFs
without one WeasyPrint (or exporter) warning."""

from __future__ import annotations

from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from exporter.backends.pdf import build_pdf  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.options import ExportOptions  # noqa: E402
from exporter.pipeline import prepared_article  # noqa: E402
from exporter.render import Book  # noqa: E402

from .pdf_support import collected_warnings  # noqa: E402

WANTED = 20
CANDIDATES = 24  # spread over every source; a few may fail to clean


def spread(paths: list[Path], count: int) -> list[Path]:
    step = len(paths) / count
    return [paths[int(i * step)] for i in range(min(count, len(paths)))]


@pytest.fixture(scope="module")
def corpus_pdfs(corpus_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus-pdf")
    options = ExportOptions(formats=("pdf",))
    sources = spread(sorted(corpus_dir.glob("*/*/source.html")), CANDIDATES)
    rendered = []
    for source in sources:
        case = f"{source.parent.parent.name}/{source.parent.name}"
        try:
            article = prepared_article(source, options)
        except ExporterError:
            continue  # the cleaner's own tests judge this; here we need articles
        path = out / f"{case.replace('/', '-')}.pdf"
        with collected_warnings() as logged:
            result = build_pdf(Book.single(article), options, path)
        rendered.append((case, path, result, logged))
        if len(rendered) == WANTED:
            break
    return rendered


@pytest.mark.slow
def test_twenty_corpus_pdfs_render_without_warnings(corpus_pdfs):
    assert len(corpus_pdfs) >= WANTED, [case for case, *_ in corpus_pdfs]
    for case, path, result, logged in corpus_pdfs:
        assert result.warnings == (), (case, result.warnings)
        assert result.refused_urls == (), (case, result.refused_urls)
        assert logged == [], (case, logged)
        reader = pypdf.PdfReader(path)
        assert len(reader.pages) == result.page_count >= 3, case  # title, its verso, the article…
        assert float(reader.pages[0].mediabox.width) == pytest.approx(432, abs=0.01)
