"""How many of the corpus pages' pictures could reach a book, and how many do.

For each ``../shared/corpus/*/*/source.html`` it counts the ``<img>`` elements
(outside ``<noscript>``) and, with the same candidate rules the cleaner uses
(srcset, lazy-load attributes, src, a <noscript> twin), how many name a
``data:`` URI or a file beside the page that exists; then it cleans the page
and counts the pictures the article holds (what both books carry).

    .venv/bin/python benchmarks/corpus_images.py [--per-page]

The corpus pages were saved without their image folders, so nearly every
picture is remote: those are never fetched without --fetch-images.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from exporter.cleaning.html_tree import parse_html  # noqa: E402
from exporter.cleaning.media import _candidates, _inside  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.images import probe_size  # noqa: E402
from exporter.pipeline import load_article  # noqa: E402
from exporter.resolver import NotFetched, Refused, Resolver  # noqa: E402


def count_page(path: Path) -> tuple[int, int, int, int]:
    """(pictures, data: or local ones that resolve, remote-only ones, pictures in the article)."""
    root = parse_html(path.read_text(encoding="utf-8", errors="replace"))
    resolver = Resolver(base_dir=path.parent)
    images = [img for img in root.iter("img") if not _inside(img, "noscript")]
    local = remote = 0
    for img in images:
        outcome = "none"
        for reference in _candidates(img):
            try:
                resource = resolver.lookup(reference)
            except NotFetched:
                outcome = "remote" if outcome == "none" else outcome
                continue
            except Refused:
                continue
            size = probe_size(resource.data)
            if size is None or min(size) >= 3:  # lazy-loading placeholders and pixels are not pictures
                outcome = "local"
                break
        local += outcome == "local"
        remote += outcome == "remote"
    try:
        in_book = len(load_article(path).assets)
    except ExporterError:
        in_book = 0
    return len(images), local, remote, in_book


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    corpus = REPO.parent / "shared" / "corpus"
    pages = sorted(corpus.glob("*/*/source.html"))
    if not pages:
        sys.exit(f"no corpus at {corpus}")
    totals = [0, 0, 0, 0]
    with_local = 0
    for page in pages:
        counts = count_page(page)
        totals = [a + b for a, b in zip(totals, counts)]
        with_local += counts[1] > 0
        if args.per_page and counts[1]:
            print(f"{page.parent.parent.name}/{page.parent.name}: {counts[0]} <img>, {counts[1]} data:/local, "
                  f"{counts[3]} in the book")
    print(f"{len(pages)} pages: {totals[0]} <img> elements; {totals[1]} data: or local on {with_local} pages "
          f"(the rest: {totals[2]} remote, {totals[0] - totals[1] - totals[2]} with no usable reference); "
          f"{totals[3]} pictures reach the books")


if __name__ == "__main__":
    main()
