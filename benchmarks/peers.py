#!/usr/bin/env python3
"""Time Article Exporter against pandoc and calibre on the same inputs, in one run.

For 1 article and for N articles (default 100) from ../shared/corpus (saved
HTML pages), each tool makes an EPUB and a PDF of every article:

- ours:    one call, ``exporter --epub --pdf -j CORES FILES...``
- pandoc:  two calls per article (``-o x.epub``; ``-o x.pdf --pdf-engine=weasyprint``)
- calibre: two calls per article (``ebook-convert x.html x.epub`` / ``x.pdf``)

Peers run one article after another, as a shell loop would drive them. Each
tool runs under its own wrapper process, so peak memory (max RSS of the
largest process it started) is measured per tool. Prints a table and ratios.

    python benchmarks/peers.py [--count 100] [--skip-calibre]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent


def corpus_pages(count: int) -> list[Path]:
    pages = sorted(CORPUS.glob("*/*/source.html"))
    if not pages:
        sys.exit(f"no corpus pages under {CORPUS}")
    return [pages[i % len(pages)] for i in range(count)]


def stage_inputs(pages: list[Path], folder: Path) -> list[Path]:
    """Copy pages to distinct names (case-N.html) so every tool sees the same files."""
    folder.mkdir(parents=True)
    staged = []
    for number, page in enumerate(pages, 1):
        target = folder / f"{page.parent.name}-{number:03d}.html"
        shutil.copy(page, target)
        staged.append(target)
    return staged


def measured(commands: list[list[str]], env: dict[str, str]) -> tuple[float, float, int]:
    """Run the commands one after another in a wrapper process; (seconds, peak MB, failures)."""
    script = (
        "import json, resource, subprocess, sys, time\n"
        "cmds = json.loads(sys.stdin.read()); failures = 0; t = time.perf_counter()\n"
        "for c in cmds:\n"
        "    failures += subprocess.run(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode != 0\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, failures)\n"
    )
    import json

    result = subprocess.run([sys.executable, "-c", script], input=json.dumps(commands), capture_output=True,
                            text=True, env=env, check=True)
    seconds, max_rss_kb, failures = result.stdout.split()
    return float(seconds), int(max_rss_kb) / 1024, int(failures)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--skip-calibre", action="store_true")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",
               PATH=f"{BIN}:{os.environ.get('PATH', '')}")
    have_pandoc = shutil.which("pandoc") is not None
    have_calibre = shutil.which("ebook-convert") is not None and not args.skip_calibre
    exporter = str(BIN / "exporter")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1, args.count):
            inputs = stage_inputs(corpus_pages(count), Path(tmp) / f"in-{count}")
            out = Path(tmp) / f"out-{count}"
            for tool in ("ours", "pandoc", "calibre"):
                (out / tool).mkdir(parents=True)
            timings = {}
            timings["ours"] = measured(
                [[exporter, "-q", "--force", "-o", str(out / "ours"), *map(str, inputs)]], env)
            if have_pandoc:
                cmds = []
                for page in inputs:
                    cmds.append(["pandoc", "-f", "html", "-t", "epub3", str(page), "-o", str(out / "pandoc" / f"{page.stem}.epub")])
                    cmds.append(["pandoc", "-f", "html", str(page), "--pdf-engine=weasyprint",
                                 "-o", str(out / "pandoc" / f"{page.stem}.pdf")])
                timings["pandoc"] = measured(cmds, env)
            if have_calibre:
                cmds = []
                for page in inputs:
                    for suffix in (".epub", ".pdf"):
                        cmds.append(["ebook-convert", str(page), str(out / "calibre" / f"{page.stem}{suffix}")])
                timings["calibre"] = measured(cmds, env)
            rows.append((count, timings))
    print(f"{'articles':>8}  {'tool':8} {'seconds':>9} {'peak MB':>8} {'failed':>6} {'ours is':>14}")
    for count, timings in rows:
        ours = timings["ours"][0]
        for tool, (seconds, peak, failures) in timings.items():
            ratio = "" if tool == "ours" else f"{ours / seconds:.3f}× its time"
            print(f"{count:>8}  {tool:8} {seconds:>9.2f} {peak:>8.0f} {failures:>6} {ratio:>14}")
    if not have_pandoc:
        print("pandoc not found: skipped (install with WITH_PEERS=1 scripts/setup-system.sh)")
    if not have_calibre:
        print("calibre not run (absent or --skip-calibre)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
