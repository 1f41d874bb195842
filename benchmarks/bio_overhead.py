#!/usr/bin/env python3
"""What the bio stage costs on the corpus's saved HTML pages.

    python benchmarks/bio_overhead.py [--corpus DIR]

Runs the HTML pipeline step by step on every ``source.html`` and reports the
median and 90th-percentile CPU milliseconds (process time: the machine may be shared) of the whole clean and of the bio
steps (`read_structured_bios`, `find_bios`) alone. The issue's budget: the bio
stage adds at most 10 ms to the median page.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporter.cleaning import html_pipeline, load_rules  # noqa: E402
from exporter.cleaning.bio_stage import find_bios, read_structured_bios  # noqa: E402
from exporter.cleaning.draft import Draft  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

BIO_STEPS = (read_structured_bios, find_bios)


def timed_clean(path: Path, rules) -> tuple[float, float]:
    """(whole pipeline ms, bio steps ms) for one page."""
    draft = Draft(source=decode_source(path.read_bytes(), path=path, kind="html"), rules=rules)
    total = bio = 0.0
    for step in html_pipeline():
        started = time.process_time()
        draft = step(draft)
        took = (time.process_time() - started) * 1000
        total += took
        if step in BIO_STEPS:
            bio += took
    return total, bio


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args(argv)
    pages = sorted(args.corpus.glob("*/*/source.html"))
    if not pages:
        print(f"no saved pages under {args.corpus}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    rules = load_rules()
    totals, bios = [], []
    for path in pages:
        try:
            total, bio = timed_clean(path, rules)
        except ExporterError:
            continue
        totals.append(total)
        bios.append(bio)

    def p90(values):
        return sorted(values)[int(len(values) * 0.9)]

    print(f"{len(totals)} pages: clean median {statistics.median(totals):.1f} ms (p90 {p90(totals):.1f}); "
          f"bio stage median {statistics.median(bios):.2f} ms (p90 {p90(bios):.2f}, max {max(bios):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
