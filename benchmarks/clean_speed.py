#!/usr/bin/env python3
"""CPU time of the HTML cleaner per page over ../shared/corpus (every source, dates/ too).

    python benchmarks/clean_speed.py [--corpus DIR] [--against TREE] [--rounds N] [--steps] [--text]

Each page is cleaned in a worker process and timed in CPU seconds of that
process's thread (``time.thread_time``), not wall time: the machine is shared,
and CPU time is what the cleaner costs whatever else runs. The first page a
worker cleans pays the first-in-process imports (trafilatura, htmldate,
BeautifulSoup, ...); it is reported on its own line and left out of the median
and slowest.

``--against TREE`` (another checkout, e.g. ``/work/main``) runs a second worker
on that tree and hands the two workers the same pages in turn, so that both
meet the same load: the table then shows both trees and their ratio.
``--steps`` adds the CPU time of each HTML step (median and slowest).
``--text`` times the text path instead, on every case's whole-page ``scrape.txt``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"


def html_pages(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*/*/source.html"))


def text_pages(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*/*/scrape.txt"))


# ------------------------------------------------------------------ worker


def worker(tree: Path, kind: str = "html") -> None:
    """Read page paths from stdin; answer one JSON line each: total and per-step CPU seconds."""
    sys.path.insert(0, str(tree))
    import logging

    logging.disable(logging.WARNING)
    from exporter.cleaning import COMMON_STEPS, TEXT_STEPS, _finish, html_pipeline, load_rules  # noqa: PLC0415
    from exporter.cleaning.draft import Draft  # noqa: PLC0415
    from exporter.errors import ExporterError  # noqa: PLC0415
    from exporter.reading import decode_source  # noqa: PLC0415

    rules = load_rules()
    for line in sys.stdin:
        path = Path(line.strip())
        source = decode_source(path.read_bytes(), path=path, kind=kind)
        steps: dict[str, float] = {}
        started = time.thread_time()
        draft = Draft(source=source, rules=rules)
        try:
            for step in (html_pipeline() if kind == "html" else TEXT_STEPS + COMMON_STEPS):
                before = time.thread_time()
                draft = step(draft)
                steps[step.__name__] = time.thread_time() - before
            _finish(draft)
        except ExporterError:
            pass  # a refusal still cost what it cost
        total = time.thread_time() - started
        print(json.dumps({"total": total, "steps": steps}), flush=True)


# ------------------------------------------------------------------ driver


class Worker:
    def __init__(self, tree: Path, kind: str = "html") -> None:
        self.tree = tree
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(tree), "--kind", kind],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=str(tree))
        self.first: float | None = None
        self.totals: list[float] = []
        self.slowest: tuple[float, str] = (0.0, "")
        self.steps: dict[str, list[float]] = {}

    def clean(self, page: Path) -> None:
        self.process.stdin.write(f"{page}\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if self.first is None:
            self.first = answer["total"]
            return
        self.totals.append(answer["total"])
        self.slowest = max(self.slowest, (answer["total"], f"{page.parent.parent.name}/{page.parent.name}"))
        for name, took in answer["steps"].items():
            self.steps.setdefault(name, []).append(took)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def report(workers: list[Worker], pages: int, show_steps: bool, kind: str = "html") -> None:
    print(f"{'HTML' if kind == 'html' else 'Text-scrape'} cleaning, CPU ms per page over {pages} pages (first page apart: it pays the imports)")
    print(f"{'tree':<24} {'first':>7} {'median':>7} {'mean':>7} {'slowest':>7}  slowest page")
    for w in workers:
        print(f"{str(w.tree)[-24:]:<24} {_ms(w.first or 0)} {_ms(statistics.median(w.totals))} "
              f"{_ms(statistics.fmean(w.totals))} {_ms(w.slowest[0])}  {w.slowest[1]}")
    if len(workers) == 2:
        a, b = workers
        print(f"ratio {a.tree.name}/{b.tree.name}: median "
              f"{statistics.median(a.totals) / statistics.median(b.totals):.2f}x, "
              f"mean {statistics.fmean(a.totals) / statistics.fmean(b.totals):.2f}x")
    if show_steps:
        for w in workers:
            print(f"\nsteps of {w.tree} (CPU ms: median, mean, slowest)")
            for name, took in w.steps.items():
                print(f"  {name:<24} {_ms(statistics.median(took))} {_ms(statistics.fmean(took))} {_ms(max(took))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--against", type=Path, help="a second checkout to time on the same pages in turn")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the corpus")
    parser.add_argument("--steps", action="store_true", help="CPU time of each HTML step too")
    parser.add_argument("--text", action="store_true", help="time the text path on the scrape.txt files")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--kind", default="html", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.kind)
        return 0
    kind = "text" if args.text else "html"
    pages = text_pages(args.corpus) if args.text else html_pages(args.corpus)
    if not pages:
        print(f"no pages under {args.corpus}", file=sys.stderr)
        return 2
    workers = [Worker(ROOT, kind)] + ([Worker(args.against.resolve(), kind)] if args.against else [])
    try:
        for round_ in range(args.rounds):
            for index, page in enumerate(pages):
                # Who goes first alternates, so neither tree always meets the other's leftovers.
                order = workers if (index + round_) % 2 == 0 else workers[::-1]
                for w in order:
                    w.clean(page)
    finally:
        for w in workers:
            w.close()
    report(workers, len(pages), args.steps, kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
