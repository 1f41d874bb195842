#!/usr/bin/env python3
"""Whether the text path finds the byline the HTML path finds, on the same pages.

    python benchmarks/byline_agreement.py [--corpus DIR] [--show-tuning]

Most corpus pages label no authors (the ``dates/`` pages label only the
date), but each has its saved HTML, whose byline the cleaner reads from
JSON-LD, <meta> and author markup, and a whole-page text scrape (the
corpus's ``scrape.txt``, or one made from the HTML as bio_halves.py makes
it). The HTML's authors are taken as the answer for the scrape: a text
byline is "same" when its first author is the HTML's first author (loosely: case,
accents and spacing aside), "none" when the scrape gives no author,
"other" when it names someone else; "text only" counts scrapes that name
an author where the HTML names none (a site name, a comment head, or a
byline the HTML's metadata lacks: read them on the tuning half).

The pages are split in halves as bio_halves.py splits them (MD5 of the case
name); ``--show-tuning`` prints the tuning half's disagreements, never the
held-out half's. ``--shapes`` counts, on both halves, how the HTML's author
stands in the scrape where the text path found none (its first line naming
the person: alone, after a "By" word, beside a date, with a separator, in
prose; and how far from the text path's headline), so that the held-out
half's misses are described by counts alone.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bio_halves import DEFAULT_CORPUS, SOURCES, half, load_scorer, scrape_lines, scrape_of  # noqa: E402
from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.cleaning.bio_evidence import name_key  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402


_LAST_TITLE: list = []


def authors_of(case: Path, kind: str, rules) -> list[str]:
    html_path, text_path = case / "source.html", case / "scrape.txt"
    if kind == "html":
        source = decode_source(html_path.read_bytes(), path=html_path, kind="html")
    else:
        data = text_path.read_bytes() if text_path.exists() else scrape_of(
            html_path.read_text(encoding="utf-8", errors="replace")).encode()
        source = decode_source(data, path=text_path, kind="text")
    try:
        view = scorer_view(clean(source, rules))
    except ExporterError:
        return []
    author = view.get("author")
    if kind == "text":
        _LAST_TITLE[:] = [view.get("title")]
    return author if isinstance(author, list) else [author] if author else []


def _first(names: list[str]) -> str:
    """The first person named ("A, B and C" is how the scorer's view joins several)."""
    return re.split(r",\s*|\s+and\s+", names[0])[0]


def verdict(html: list[str], text: list[str]) -> str:
    if not html:
        return "text only" if text else "neither"
    if not text:
        return "none"
    return "same" if name_key(_first(text)) == name_key(_first(html)) else "other"


def name_shape(case: Path, name: str, title: str | None) -> tuple[str, str]:
    """How the person ``name`` stands in the case's scrape: its first line naming the person, and
    that line's distance from the headline's line (the text path's title)."""
    from exporter.cleaning.dates import date_spans
    from exporter.cleaning.names import byline_names, is_person_name, names_line

    if not is_person_name(name):
        return "no person", "-"
    lines = [" ".join(line.split()) for line in scrape_lines(case)]
    key = name_key(name)
    at = [i for i, line in enumerate(lines) if key in name_key(line)]
    if not at:
        return "not in scrape", "-"
    heads = [i for i, line in enumerate(lines) if title and name_key(title) == name_key(line)]
    index = min(at, key=lambda i: min((abs(i - h) for h in heads), default=i))
    line = lines[index]
    if names_line(line)[0]:
        shape = "alone"
    elif re.match(r"(?i)(?:by|von|par|por|di|door|texte?|autor|author)\b", line) and byline_names(line):
        shape = "after a by-word"
    elif len(line.split()) > 20:
        shape = "in prose"
    elif date_spans(line):
        shape = "beside a date"
    elif re.search(r"\s[|•·–—/-]\s|\|", line):
        shape = "with a separator"
    else:
        shape = "glued to words"
    if not heads:
        return shape, "no headline line"
    distance = min(abs(index - h) for h in heads)
    return shape, "by the headline" if distance <= 3 else "near (4-10)" if distance <= 10 else "far"


def measure(corpus: Path, show: bool, shapes: bool = False) -> dict:
    scorer = load_scorer(corpus)
    rules = load_rules()
    table: dict = {}
    for e in scorer.load_cases(corpus, list(SOURCES), False, None):
        case = corpus / e["source"] / e["case"]
        if not (case / "source.html").exists():
            continue
        which = half(e["case"])
        html, text = authors_of(case, "html", rules), authors_of(case, "text", rules)
        found = verdict(html, text)
        table[(which, found)] = table.get((which, found), 0) + 1
        if shapes and found == "none":
            key = " / ".join(name_shape(case, _first(html), _LAST_TITLE[0] if _LAST_TITLE else None))
            table[(which, "shape", key)] = table.get((which, "shape", key), 0) + 1
        if show and which == "tuning" and found in ("none", "other", "text only"):
            print(f"  {found:9} {e['source']}/{e['case']}: html {html} text {text}")
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show-tuning", action="store_true")
    ap.add_argument("--shapes", action="store_true", help="count how the missed authors stand in the scrapes")
    args = ap.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    table = measure(args.corpus, args.show_tuning, args.shapes)
    print(f"{'half':9} {'html names':>10} {'same':>5} {'none':>5} {'other':>5} {'agree':>6} {'text only':>9}")
    for which in ("tuning", "held-out"):
        same, none, other = (table.get((which, k), 0) for k in ("same", "none", "other"))
        named = same + none + other
        print(f"{which:9} {named:10d} {same:5d} {none:5d} {other:5d} {same / named if named else 0:6.3f} "
              f"{table.get((which, 'text only'), 0):9d}")
    if args.shapes:
        print("\nwhere the text path found no author: how the HTML's author stands in the scrape")
        for which in ("tuning", "held-out"):
            for key in sorted(k[2] for k in table if k[:2] == (which, "shape")):
                print(f"{which:9} {key:36} {table[(which, 'shape', key)]:4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
