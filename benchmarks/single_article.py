#!/usr/bin/env python3
"""Time one article, as a person waits for it: ours against pandoc, in one run.

Whole processes, as a shell runs them, on the sample (``source/act-of-repentance.txt``
unless a path is given):

- EPUB alone: ``exporter --epub FILE`` against ``pandoc FILE -o x.epub``;
- both books: ``exporter --epub --pdf FILE`` (one call) against pandoc's two
  calls, ``pandoc FILE -o x.epub`` then ``pandoc FILE --pdf-engine=weasyprint -o x.pdf``.

The four commands run once to warm up (the OS file cache, our font cache, the
checkout's compiled bytecode: an installed copy has its .pyc files, so
PYTHONDONTWRITEBYTECODE is dropped for our process), then
alternate round after round, so a load spike from elsewhere hits all of them
alike; the script prints the median of each, the ratios and whether they meet
the targets (EPUB alone <= 2.5x pandoc's time, both books <= 0.9x).
Our process imports this checkout (PYTHONPATH), not whatever is installed.

    python benchmarks/single_article.py [--runs 15] [--baseline OTHER-CHECKOUT] [FILE]

Besides the wall times it prints each command's median CPU time (user + system,
children included: the PDF's forked process, pandoc's WeasyPrint), steadier than
wall time when others share the machine. The ratios are of wall times.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "source" / "act-of-repentance.txt"
EPUB_TARGET = 2.5  # ours / pandoc, EPUB alone
BOTH_TARGET = 0.9  # ours / pandoc's two calls, EPUB + PDF


Run = tuple[list[list[str]], dict[str, str]]  # the calls one after another, and their environment


def checkout_env(checkout: Path, cache: Path | None = None) -> dict[str, str]:
    """The environment for our command: this checkout's code, compiled bytecode, WeasyPrint on
    PATH, and ``cache`` as its own user cache folder. Two checkouts alternating on one cache
    overwrote each other's stores (the compiled dataclass methods and regexes are keyed by
    their code), so each run of either missed and compiled again: 0.23 s against 0.11 s."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=os.pathsep.join(filter(None, [str(checkout), os.environ.get("PYTHONPATH")])),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
    if cache is not None:
        env["XDG_CACHE_HOME"] = str(cache)  # warmed by the uncounted first round
    return env


def commands(source: Path, out: Path, baseline: Path | None) -> dict[str, Run]:
    script = Path(sys.executable).parent / "exporter"  # the installed command, as a person runs it
    exporter = [str(script)] if script.is_file() else [sys.executable, "-m", "exporter"]
    pandoc_epub = ["pandoc", str(source), "-o", str(out / "pandoc" / "x.epub")]
    pandoc_pdf = ["pandoc", str(source), "--pdf-engine=weasyprint", "-o", str(out / "pandoc" / "x.pdf")]
    pandoc_env = checkout_env(REPO)  # for WeasyPrint on PATH
    runs: dict[str, Run] = {}
    for name, checkout in (("ours", REPO), ("baseline", baseline)):
        if checkout is None:
            continue
        call = [*exporter, "-q", "--force", "-o", str(out / name)]
        env = checkout_env(checkout, out / f"cache-{name}")
        runs[f"{name} epub"] = ([[*call, "--epub", str(source)]], env)
        runs[f"{name} epub+pdf"] = ([[*call, "--epub", "--pdf", str(source)]], env)
    runs["pandoc epub"] = ([pandoc_epub], pandoc_env)
    runs["pandoc epub+pdf"] = ([pandoc_epub, pandoc_pdf], pandoc_env)
    return runs


def timed(run: Run) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system, of the calls and their children:
    on a shared machine the CPU time is the steadier figure)."""
    calls, env = run
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    for call in calls:
        done = subprocess.run(call, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"failed ({done.returncode}): {' '.join(call)}\n{done.stderr}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=SAMPLE)
    parser.add_argument("--runs", type=int, default=15, help="timed rounds (default 15)")
    parser.add_argument("--baseline", type=Path, metavar="CHECKOUT",
                        help="also time another checkout of the project (e.g. main), alternating with the rest")
    args = parser.parse_args(argv)
    if shutil.which("pandoc") is None:
        sys.exit("pandoc not found (install it with WITH_PEERS=1 scripts/setup-system.sh)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for folder in ("ours", "baseline", "pandoc"):
            (out / folder).mkdir()
        runs = commands(args.source.resolve(), out, args.baseline and args.baseline.resolve())
        for run in runs.values():
            timed(run)  # warm-up, not counted
        seconds: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        for round_number in range(args.runs):
            names = list(runs)
            shift = round_number % len(names)  # rotate who goes first, against drift within a round
            for name in names[shift:] + names[:shift]:
                wall, used = timed(runs[name])
                seconds[name].append(wall)
                cpu[name].append(used)
    median = {name: statistics.median(values) for name, values in seconds.items()}
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.source.name}: {args.runs} alternating rounds, {cores} cores, load average {load:.2f}")
    print(f"{'command':18} {'median s':>9} {'min s':>7} {'max s':>7} {'cpu s':>7}")
    for name, values in seconds.items():
        print(f"{name:18} {median[name]:>9.3f} {min(values):>7.3f} {max(values):>7.3f} "
              f"{statistics.median(cpu[name]):>7.3f}")
    for who in ("ours", "baseline") if args.baseline else ("ours",):
        for label, kind, target in (("EPUB alone", "epub", EPUB_TARGET), ("EPUB + PDF", "epub+pdf", BOTH_TARGET)):
            ratio = median[f"{who} {kind}"] / median[f"pandoc {kind}"]
            verdict = "met" if ratio <= target else "NOT met"
            print(f"{who:8} {label + ':':12} {ratio:.2f}x pandoc's time (target <= {target}): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
