#!/usr/bin/env python3
"""Run the property tests with many fresh random draws, to find new failing inputs.

    python benchmarks/property_hunt.py [--examples N] [-k EXPR]

The suite's property tests (tests/test_properties.py) are derandomised: every
run draws the same 60 inputs, so a red CI says what a change did. New hostile
inputs are looked for here instead, by hand: the same tests run with N random
draws each (PROPERTY_HUNT=N; no example database), ``-k`` choosing among them
as pytest's does. A failure prints hypothesis's shrunk example; once it is
fixed, add it to its test as an ``@example``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=1000, help="random draws per test (default 1000)")
    ap.add_argument("-k", dest="expr", help="pytest -k expression choosing the tests")
    args = ap.parse_args(argv)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_properties.py"]
    if args.expr:
        command += ["-k", args.expr]
    env = {**os.environ, "PROPERTY_HUNT": str(args.examples), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
