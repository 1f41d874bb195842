"""Corpus gate: the cleaner's scores on ../shared/corpus may rise but not fall.

Floors sit a little under the scores measured when they were pinned (see the
commit message), and never under the issue's targets. Runs the cleaner
in-process through benchmarks/corpus_score.py (about 15 s for both inputs).
"""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpus"

pytestmark = pytest.mark.slow

# measured at pinning (issue 12, second pass): html title 1.000, author 0.970, date 1.000,
# token F1 0.972, shingle F1 0.966, snippets F1 0.976; text title 0.853, author 0.912, date 0.923,
# token F1 0.908, shingle F1 0.897, snippets F1 0.887 (bios: BIO_FLOORS below);
# dates/ (273 pages, HTML) date 0.930 (htmldate 0.905, trafilatura 0.901); every corpus input cleans.
# Halves by MD5 of the case name (benchmarks/corpus_score.py --half): dates/ 0.948 on the half the
# rules were tuned on, 0.913 on the other; text token F1 0.879 and 0.940.
# Issue 12, third round (dates only): dates/ 0.941, the tuning (even) half 0.970, the held-out
# (odd) half 0.913 (htmldate 0.911 / 0.899 on the same halves).
# Issue 12, fourth round (dates only): dates/ 0.960, the tuning (even) half 0.985 (133/135), the
# held-out (odd) half 0.935 (129/138); htmldate 0.905 (0.911 / 0.899), trafilatura 0.901.
# Issue 12, body round (text clutter: teaser rails, credit/gallery/comment-form/newsletter lines):
# text token F1 0.915, shingle F1 0.905 (tuning half 0.892, held-out 0.941); html unchanged
# (token F1 0.972, shingle F1 0.966).
# Issue 12, fifth round (dates: htmldate shown the page without its rails and update stamps):
# dates/ 0.963, tuning half 0.985 (133/135), held-out 0.942 (130/138); floors kept, as each already
# sits one page under the measured score. Stress (benchmarks/date_stress.py, tuning / held-out half
# of dates/): markup stripped 130/135, 124/138; <time> too 128/135, 124/138; decoys 111/135, 108/138.
# Issue 12, text round (headline far from the body, bylines without "By", related-story lists; tuned on
# the tuning half and benchmarks/text_stress.py): text title 0.912, author 0.912, date 0.962, token F1
# 0.919, shingle F1 0.911 (tuning half title 1.000, token F1 0.897; held-out 0.850, 0.944); html and
# the dates/ bios (both halves, both inputs) unchanged.
# Issue 12, HTML body round (a body split into chunks around ad rows joined, whole-link paragraphs,
# rows of other stories' cards and newsletter boxes in any case dropped; tuned on the tuning half and
# benchmarks/body_stress.py): html token F1 0.978, shingle F1 0.973 (tuning half 0.968, held-out 0.979),
# snippets F1 0.984 (snippet precision 0.968); title, authors, dates/ date and bios unchanged.
FLOORS = {
    "html": {"title_exact": 0.99, "author_exact": 0.96, "date": 0.99, "body_token_f1": 0.972,
             "body_shingle_f1": 0.968, "snip_f1": 0.97},
    "text": {"title_exact": 0.90, "author_exact": 0.90, "body_token_f1": 0.915, "body_shingle_f1": 0.905,
             "date": 0.95, "snip_f1": 0.88},
    "dates": {"date": 0.955},
}
# dates/ per half: the tuning half (even) and the half never looked at (odd).
DATES_HALF_FLOORS = {"even": 0.98, "odd": 0.93}
# Bios per input kind and source (benchmarks/corpus_score.py bio_scores), measured at pinning
# (issue 13, third round): html dates R/P 0.864/0.974 (38 of 44, 39 given), readability 1.0/0.75,
# scrapinghub R 1.0; text readability 1.0/1.0, seed 1.0/1.0, scrapinghub R 1.0. Per language (html,
# all sources): en 21/23, de 18/22. scrapinghub's precision is not pinned: its bio labels come from the
# benchmark's article-body annotation, which leaves out the author cards beside the article
# ("Meg James is a corporate media reporter for the Los Angeles Times ..."), so every real
# author card there counts as a false bio; dates/ is labelled by hand for bios and takes them.
BIO_FLOORS = {
    ("html", "dates"): {"recall": 0.85, "precision": 0.95},
    ("html", "readability"): {"recall": 0.95, "precision": 0.70},
    ("html", "scrapinghub"): {"recall": 0.95},
    ("text", "readability"): {"recall": 0.95, "precision": 0.95},
    ("text", "seed"): {"recall": 1.0, "precision": 1.0},
    ("text", "scrapinghub"): {"recall": 0.95},
}
BIO_LANGUAGE_FLOORS = {"en": 0.85, "de": 0.78}  # html, found / expected
# dates/ in halves (benchmarks/bio_halves.py: the rules were tuned looking at the "tuning" half only;
# the "held-out" half was measured as totals, never read), both input kinds (its text scrape made as
# the corpus made scrape.txt). Measured at pinning, R/P (hits of bios, given):
#   html tuning 0.870/1.000 (20 of 23, 20), held-out 0.857/0.947 (18 of 21, 19)
#   text tuning 0.913/1.000 (21 of 23, 21), held-out 0.667/0.875 (14 of 21, 16)   (fourth round;
#   third round: text tuning 0.870/1.000, held-out 0.619/0.867)
# The text path stays under the target on the held-out half. The fourth round's rules
# (author links and closing name cards when the scrape has no byline, job lines naming no one
# beside the byline or under an author heading, the unbylined news opener as negative evidence)
# were tuned on the tuning half and on pages written in tests/test_bio_text_shapes.py.
BIO_HALF_FLOORS = {
    ("tuning", "html"): {"recall": 0.85, "precision": 0.95},
    ("held-out", "html"): {"recall": 0.83, "precision": 0.92},
    ("tuning", "text"): {"recall": 0.90, "precision": 0.95},
    ("held-out", "text"): {"recall": 0.65, "precision": 0.85},
}
# Per input and language over both halves at pinning: html de 18/22, en 21/23; text de 15/22, en 22/24.
BIO_HALF_LANGUAGE_FLOORS = {("html", "de"): 0.80, ("html", "en"): 0.90, ("text", "de"): 0.65, ("text", "en"): 0.90}


def _load_benchmark(name: str):
    """A script of benchmarks/ as a module (the folder is no package: the scripts run alone)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _benchmark():
    return _load_benchmark("corpus_score")


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not (CORPUS / "score.py").exists():
        pytest.skip(f"the article corpus is absent ({CORPUS.resolve()}): it lives beside the repository in shared/")
    return CORPUS


# dates/ is scored from the HTML only, as its own group (date and bio labels).
RUNS = {"html": ("html", None), "text": ("text", None), "dates": ("html", ["dates"])}


@pytest.fixture(scope="module")
def corpus_scores(corpus):
    """The cleaner's scores per run kind, each run once for the tests below."""
    runs: dict = {}

    def scores(kind: str) -> dict:
        if kind not in runs:
            runs[kind] = _benchmark().score_ours(corpus, *RUNS[kind])
        return runs[kind]
    return scores


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_corpus_scores_stay_above_their_floors(corpus_scores, kind):
    scores = corpus_scores(kind)
    assert not scores["failures"], f"the cleaner refused real articles: {scores['failures']}"
    below = {metric: (round(scores.get(metric) or 0.0, 3), floor) for metric, floor in FLOORS[kind].items()
             if (scores.get(metric) or 0.0) < floor}
    assert not below, f"{kind} scores fell below their floors (got, floor): {below}"


@pytest.mark.parametrize("half", sorted(DATES_HALF_FLOORS))
def test_dates_stay_above_their_floors_on_both_halves(corpus_scores, half):
    got = corpus_scores("dates")["halves"][half]["date"] or 0.0
    assert got >= DATES_HALF_FLOORS[half], f"dates/ {half} half: date {got:.3f} < {DATES_HALF_FLOORS[half]}"


@pytest.fixture(scope="module")
def bio_scores(corpus):
    return {kind: _benchmark().bio_scores(corpus, kind) for kind in ("html", "text")}


@pytest.mark.parametrize("kind,source", sorted(BIO_FLOORS))
def test_bio_scores_stay_above_their_floors(bio_scores, kind, source):
    got = bio_scores[kind]["sources"][source]
    below = {metric: (got[metric], floor) for metric, floor in BIO_FLOORS[(kind, source)].items()
             if (got[metric] or 0.0) < floor}
    assert not below, f"{kind} {source} bio scores fell below their floors (got, floor): {below}"


@pytest.mark.parametrize("lang", sorted(BIO_LANGUAGE_FLOORS))
def test_bios_are_found_in_each_language(bio_scores, lang):
    expected, found = bio_scores["html"]["languages"][lang]
    assert found / expected >= BIO_LANGUAGE_FLOORS[lang], f"{lang}: {found} of {expected} bios found"


@pytest.fixture(scope="module")
def bio_halves(corpus):
    return _load_benchmark("bio_halves").measure(corpus)


@pytest.mark.parametrize("half,kind", sorted(BIO_HALF_FLOORS))
def test_dates_bios_stay_above_their_floors_on_both_halves(bio_halves, half, kind):
    expected, given, hits = bio_halves[(half, kind, "source", "dates")]
    got = {"recall": hits / expected, "precision": hits / given if given else 0.0}
    below = {m: (round(got[m], 3), floor) for m, floor in BIO_HALF_FLOORS[(half, kind)].items() if got[m] < floor}
    assert not below, f"dates/ {half} {kind} bio scores fell below their floors (got, floor): {below}"


@pytest.mark.parametrize("kind,lang", sorted(BIO_HALF_LANGUAGE_FLOORS))
def test_bios_are_found_in_each_language_on_both_halves_and_inputs(bio_halves, kind, lang):
    cells = [bio_halves.get((half, kind, "lang", lang), [0, 0, 0]) for half in ("tuning", "held-out")]
    expected, hits = sum(c[0] for c in cells), sum(c[2] for c in cells)
    assert hits / expected >= BIO_HALF_LANGUAGE_FLOORS[(kind, lang)], f"{kind} {lang}: {hits} of {expected} bios found"


def test_the_corpus_halves_split_every_case_once(corpus):
    bench = _benchmark()
    cases = [(d.parent.name, d.name) for d in bench.case_dirs(corpus)]
    even = {c for c in cases if bench.in_half(*c, "even")}
    odd = {c for c in cases if bench.in_half(*c, "odd")}
    assert not even & odd and even | odd == set(cases)
    assert 0.4 < len(even) / len(cases) < 0.6  # a hash splits about evenly
