#!/usr/bin/env python3
"""Score our cleaner (and trafilatura beside it) on ../shared/corpus.

    python benchmarks/corpus_score.py [--corpus DIR] [--input html|text] [--no-peer]
                                      [--source S] [--per-case DIR] [--bio] [--half even|odd]

For each input kind (the page's ``source.html`` and the whole-page text
``scrape.txt``) the cleaner runs in-process over every case, writes one
prediction JSON per case into a temporary folder, and the corpus's own
``score.py`` prints its table. trafilatura 2.3 is scored the same way:
``bare_extraction`` on the HTML; on a scrape, each block wrapped in ``<p>``.
htmldate (``find_date(original_date=True)``, the page only, no URL) is the
date peer on the HTML. The ``dates/`` source (HTML only, date and bio
labels) gets its own table after the others' ALL row; the time per case is
reported as median and slowest.

After our run on each input kind, a bio table: recall and precision per
source, and the expected bios per language (the bio's own language, guessed,
since most labelled pages carry no ``lang``) with how many were found.
``--bio`` runs only that, over every source with bio labels, ``dates/`` too.

``--half even|odd`` keeps the cases whose name's MD5 (``source/case``) has an
even or odd first byte: tune on one half, measure on the other without
reading its pages, so that a rule that only memorises shows as a gap.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import importlib.util
import json
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

INPUTS = {"html": "source.html", "text": "scrape.txt"}


def load_scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location("corpus_score_py", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HALF: str | None = None  # "even" / "odd": the corpus half being scored (--half), None for all


def in_half(source: str, case: str, half: str | None = None) -> bool:
    """Whether a case belongs to the corpus half ``half`` (by the MD5 of ``source/case``)."""
    half = half or HALF
    if half is None:
        return True
    return hashlib.md5(f"{source}/{case}".encode()).digest()[0] % 2 == (half == "odd")


def case_dirs(corpus: Path, sources: list[str] | None = None) -> list[Path]:
    out = []
    for expected in sorted(corpus.glob("*/*/expected.json")):
        if sources and expected.parent.parent.name not in sources:
            continue
        if not in_half(expected.parent.parent.name, expected.parent.name):
            continue
        out.append(expected.parent)
    return out


def ours(path: Path, kind: str, rules, failures: list[str] | None = None) -> dict:
    """Our prediction; an input the cleaner refuses scores as empty and is listed in ``failures``."""
    source = decode_source(path.read_bytes(), path=path, kind=kind)
    try:
        return scorer_view(clean(source, rules))
    except ExporterError as err:
        if failures is not None:
            failures.append(f"{path}: {err}")
        return {}


def trafilatura_peer(path: Path, kind: str) -> dict:
    from trafilatura import bare_extraction

    text = path.read_text(encoding="utf-8", errors="replace")
    if kind == "text":
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        text = "<html><body>" + "".join(f"<p>{html.escape(b)}</p>" for b in blocks) + "</body></html>"
    document = bare_extraction(text, with_metadata=True, include_comments=False)
    if document is None:
        return {}
    return {"title": document.title, "author": document.author, "date": document.date,
            "paragraphs": [line for line in (document.text or "").split("\n") if line.strip()], "bio": None}


def htmldate_peer(path: Path, kind: str) -> dict:
    """htmldate's publication date for the saved page (it reads HTML only)."""
    from htmldate import find_date

    if kind != "html":
        return {}
    try:
        found = find_date(path.read_text(encoding="utf-8", errors="replace"), original_date=True)
    except Exception:  # noqa: BLE001 - a peer's crash scores as no date, as a refusal does for ours
        found = None
    return {"date": found}


def predict(corpus: Path, kind: str, out_dir: Path, make, sources=None) -> list[float]:
    """Write one prediction per case; return the seconds each case took."""
    took: list[float] = []
    for case in case_dirs(corpus, sources):
        path = case / INPUTS[kind]
        if not path.exists():
            continue
        started = time.perf_counter()
        prediction = make(path, kind)
        took.append(time.perf_counter() - started)
        target = out_dir / case.parent.name / f"{case.name}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(prediction, ensure_ascii=False), encoding="utf-8")
    return took


def score_ours(corpus: Path, kind: str, sources=None) -> dict:
    """Aggregate scores of our cleaner on one input kind (used by tests/test_corpus_floors.py),
    with ``failures``: the inputs it refused (every corpus page has an article), and
    ``halves``: the same aggregate over each half ("even", "odd") of the cases scored."""
    scorer = load_scorer(corpus)
    rules = load_rules()
    failures: list[str] = []
    sources = sources or list(scorer.SOURCES)  # dates/ is scored only when asked for (by bio_scores)
    with tempfile.TemporaryDirectory() as tmp:
        predict(corpus, kind, Path(tmp), lambda p, k: ours(p, k, rules, failures), sources)
        cases = scored_cases(scorer, corpus, kind, sources)
        rows = [scorer.score_case(e, scorer.load_pred(Path(tmp), e)[0]) for e in cases]
    halves = {half: scorer.aggregate([r for e, r in zip(cases, rows) if in_half(e["source"], e["case"], half)])
              for half in ("even", "odd")}
    return {**scorer.aggregate(rows), "failures": failures, "halves": halves}


def scored_cases(scorer, corpus: Path, kind: str, sources=None) -> list[dict]:
    """The scorer's cases that have this input (the seed exists only as text, so it has no HTML score)."""
    cases = scorer.load_cases(corpus, sources or list(scorer.SOURCES), False, None)
    # dates/ is labelled from the HTML only: its date counts whether or not a scrape would show it
    for case in cases:
        if case["source"] in getattr(scorer, "EXTRA_SOURCES", ()) and case.get("date"):
            case["date_in_scrape"] = True
    return [e for e in cases if (corpus / e["source"] / e["case"] / INPUTS[kind]).exists()
            and in_half(e["source"], e["case"])]


def print_scores(scorer, corpus: Path, pred: Path, label: str, kind: str, sources=None,
                 per_case: Path | None = None) -> None:
    rows = [scorer.score_case(e, scorer.load_pred(pred, e)[0]) for e in scored_cases(scorer, corpus, kind, sources)]
    groups = [(src, scorer.aggregate([r for r in rows if r["source"] == src]))
              for src in sorted({r["source"] for r in rows})]
    groups.append((label, scorer.aggregate(rows)))
    scorer.print_table(groups)
    if per_case:
        per_case.mkdir(parents=True, exist_ok=True)
        with (per_case / f"{label}.tsv").open("w", encoding="utf-8") as out:
            for r in rows:
                out.write("\t".join(f"{k}={v}" for k, v in r.items()) + "\n")


BIO_SOURCES = ("seed", "readability", "scrapinghub", "dates")


def bio_scores(corpus: Path, kind: str, sources=None) -> dict:
    """Bio recall/precision per source and the expected bios per language: ``{"sources": {...},
    "languages": {lang: (expected, found)}}`` (used by tests/test_corpus_floors.py)."""
    from exporter.cleaning.language import guess_language

    scorer = load_scorer(corpus)
    rules = load_rules()
    sources = list(sources or BIO_SOURCES)
    with tempfile.TemporaryDirectory() as tmp:
        predict(corpus, kind, Path(tmp), lambda p, k: ours(p, k, rules), sources)
        cases = [e for e in scored_cases(scorer, corpus, kind, sources) if e.get("bio_checked")]
        rows = [(e, scorer.score_case(e, scorer.load_pred(Path(tmp), e)[0])) for e in cases]
    out: dict = {"sources": {}, "languages": {}}
    for source in sorted({e["source"] for e, _ in rows}):
        picked = [r for e, r in rows if e["source"] == source]
        expected = sum(r["bio_expected"] for r in picked)
        predicted = sum(r["bio_predicted"] for r in picked)
        hits = sum(r["bio_hit"] for r in picked)
        out["sources"][source] = {"cases": len(picked), "expected": expected, "predicted": predicted, "hits": hits,
                                  "recall": hits / expected if expected else None,
                                  "precision": hits / predicted if predicted else None}
    for e, r in rows:
        if e.get("bio"):
            lang = guess_language(e["bio"]) or "?"
            expected, found = out["languages"].get(lang, (0, 0))
            out["languages"][lang] = (expected + 1, found + int(r["bio_hit"]))
    return out


def print_bio_scores(scores: dict, kind: str) -> None:
    print(f"\n-- bios from {INPUTS[kind]}: per source")
    print(f"{'source':<14}{'cases':>6}{'bios':>6}{'given':>7}{'hits':>6}{'bioR':>8}{'bioP':>8}")
    for source, s in scores["sources"].items():
        fmt = lambda v: f"{v:8.3f}" if v is not None else f"{'-':>8}"  # noqa: E731
        print(f"{source:<14}{s['cases']:>6}{s['expected']:>6}{s['predicted']:>7}{s['hits']:>6}"
              f"{fmt(s['recall'])}{fmt(s['precision'])}")
    langs = ", ".join(f"{lang} {found}/{expected}" for lang, (expected, found)
                      in sorted(scores["languages"].items(), key=lambda kv: -kv[1][0]))
    print(f"bios found per language (found/expected): {langs or 'none'}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--input", choices=sorted(INPUTS), action="append")
    ap.add_argument("--source", action="append")
    ap.add_argument("--no-peer", action="store_true", help="skip the peers' (trafilatura, htmldate) scores")
    ap.add_argument("--per-case", type=Path, help="write per-case rows as TSV into this folder")
    ap.add_argument("--bio", action="store_true", help="only the bio tables, over every bio-labelled source")
    ap.add_argument("--half", choices=("even", "odd"), help="only the corpus half whose name hashes even/odd")
    args = ap.parse_args(argv)
    global HALF
    HALF = args.half
    if not (args.corpus / "score.py").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    scorer = load_scorer(args.corpus)
    rules = load_rules()
    if args.bio:
        for kind in args.input or ["html", "text"]:
            print_bio_scores(bio_scores(args.corpus, kind, args.source), kind)
        return 0
    for kind in args.input or ["html", "text"]:
        failures: list[str] = []
        runs = [("ours", lambda p, k: ours(p, k, rules, failures))]
        if not args.no_peer:
            runs.append(("trafilatura", trafilatura_peer))
            if kind == "html":
                runs.append(("htmldate", htmldate_peer))
        main_sources = [s for s in args.source or scorer.SOURCES if s in scorer.SOURCES]
        extra_sources = [s for s in args.source or scorer.EXTRA_SOURCES if s not in scorer.SOURCES]
        for label, make in runs:
            with tempfile.TemporaryDirectory() as tmp:
                took = predict(args.corpus, kind, Path(tmp), make, main_sources + extra_sources)
                if not took:
                    continue
                print(f"\n== {label} from {INPUTS[kind]}: {len(took)} cases, {sum(took):.1f} s "
                      f"(median {statistics.median(took) * 1000:.0f} ms/case, slowest {max(took) * 1000:.0f} ms)")
                for group in (main_sources, extra_sources):
                    if group and scored_cases(scorer, args.corpus, kind, group):
                        name = f"{label}-{kind}" if group is main_sources else f"{label}-{'+'.join(group)}"
                        print_scores(scorer, args.corpus, Path(tmp), name, kind, group, args.per_case)
            if label == "ours":
                print(f"refused (no article found): {len(failures)}", *failures, sep="\n  ")
                print_bio_scores(bio_scores(args.corpus, kind, args.source), kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
