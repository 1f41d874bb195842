"""What the picture work costs an article with no pictures: time the seed (a text
scrape) and a few text-only corpus pages through clean + EPUB + PDF.

    .venv/bin/python benchmarks/text_only_cost.py [--runs 7]

Prints the median seconds per stage; run it on the branch before and after a
change and compare (the machine is shared, so compare medians, not single runs).
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

from exporter.backends import get_writer  # noqa: E402
from exporter.options import ExportOptions  # noqa: E402
from exporter.pipeline import prepared_article  # noqa: E402
from exporter.render import Book  # noqa: E402

# Corpus pages whose images are all remote (never fetched by default): nothing
# reaches the book, so what the image steps cost here is pure overhead.
TEXT_ONLY_PAGES = ("readability/ars-1", "readability/bbc-1")


def inputs() -> list[Path]:
    found = [REPO / "source" / "act-of-repentance.txt"]
    corpus = REPO.parent / "shared" / "corpus"
    found += [corpus / case / "source.html" for case in TEXT_ONLY_PAGES if (corpus / case / "source.html").is_file()]
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    options = ExportOptions()
    with tempfile.TemporaryDirectory() as folder:
        for path in inputs():
            times: dict[str, list[float]] = {"clean": [], "epub": [], "pdf": []}
            for _ in range(args.runs):
                start = time.perf_counter()
                article = prepared_article(path, options)
                times["clean"].append(time.perf_counter() - start)
                for fmt in ("epub", "pdf"):
                    start = time.perf_counter()
                    get_writer(fmt)(Book.single(article), options, Path(folder) / f"out.{fmt}")
                    times[fmt].append(time.perf_counter() - start)
            line = "  ".join(f"{k} {statistics.median(v) * 1000:7.1f} ms" for k, v in times.items())
            print(f"{path.parent.name if path.name == 'source.html' else path.name:24} {line}")


if __name__ == "__main__":
    main()
