"""What our PDF path costs over WeasyPrint alone, measured in one run.

For each input the script prepares the article once (cleaning is not timed),
then alternates two timed renders to a temporary file:

- ours: ``exporter.backends.pdf.build_pdf`` (render_book, print order, page
  CSS, the confined URL fetcher, log capture, BleedBox finisher);
- direct: ``weasyprint.HTML(string=...).write_pdf(...)`` on the very same HTML
  and CSS texts with WeasyPrint's own fetcher and a warm FontConfiguration.

It prints the median of each and the ratio ours/direct (the target is < 1.10).

    .venv/bin/python benchmarks/pdf_overhead.py [--runs 7] [PATH ...]

Without paths: the seed, plus the first five corpus pages when ../shared exists.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exporter.backends import pdf as pdf_backend  # noqa: E402
from exporter.options import ExportOptions  # noqa: E402
from exporter.pipeline import prepared_article  # noqa: E402
from exporter.render import Book, render_book  # noqa: E402
from exporter.resources import BOOK_FONT_NAME, styles_dir  # noqa: E402


def default_inputs() -> list[Path]:
    inputs = [REPO / "source" / "act-of-repentance.txt"]
    corpus = REPO.parent / "shared" / "corpus"
    if corpus.is_dir():
        inputs += sorted(corpus.glob("*/*/source.html"))[:5]
    return inputs


def direct_renderer():
    """WeasyPrint as a user would call it, with its own warm font configuration."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    font_config = FontConfiguration()

    def render(html: str, css_texts: list[str], target: Path) -> None:
        base = styles_dir().as_uri() + "/"
        sheets = [weasyprint.CSS(string=text, base_url=base, font_config=font_config) for text in css_texts]
        weasyprint.HTML(string=html, base_url=base).write_pdf(
            target, stylesheets=sheets, font_config=font_config, pdf_tags=True)

    return render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    options = ExportOptions(formats=("pdf",))
    direct = direct_renderer()
    total_ours = total_direct = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "out.pdf"
        for path in args.paths or default_inputs():
            book = Book.single(prepared_article(path, options))
            sections = pdf_backend.print_sections(render_book(book, font_name=BOOK_FONT_NAME))
            html = pdf_backend.html_document(book, sections, options)
            css = [sheet.text for sheet in pdf_backend.stylesheets(book, sections, options)]
            # Warm both (font registration, hyphenation dictionaries, imports).
            pdf_backend.build_pdf(book, options, target)
            direct(html, css, target)
            ours, theirs = [], []
            for _ in range(args.runs):
                start = time.perf_counter()
                pdf_backend.build_pdf(book, options, target)
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                direct(html, css, target)
                theirs.append(time.perf_counter() - start)
            o, d = statistics.median(ours), statistics.median(theirs)
            total_ours += o
            total_direct += d
            print(f"{path.parent.name + '/' + path.name:48.48s} ours {o * 1000:7.1f} ms  "
                  f"direct {d * 1000:7.1f} ms  ratio {o / d:5.3f}")
    print(f"{'total (sum of medians)':48s} ours {total_ours * 1000:7.1f} ms  direct {total_direct * 1000:7.1f} ms  "
          f"ratio {total_ours / total_direct:5.3f}  (overhead {100 * (total_ours / total_direct - 1):+.1f}%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
