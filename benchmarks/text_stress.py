#!/usr/bin/env python3
"""The text path under stress: tuning-half scrapes made harder in the ways unseen pages are.

    python benchmarks/text_stress.py [--corpus DIR] [--variant NAME ...] [--seed N] [--by-lang]

The corpus's tuning half (``corpus_score.py --half even``) is small, and its
scrapes are kinder than the pages that judge us. Each variant rewrites every
tuning-half ``scrape.txt`` one way, with lines written here (never corpus
text), and scores title exact, authors exact and token F1 with the corpus's
own scorer:

- ``far``: 20-60 navigation and teaser lines between the headline block and the body;
- ``rival``: a longer headline-like teaser (another story's headline) just before the real headline;
- ``by-with``, ``by-bare``, ``by-pipe``, ``by-wire``, ``by-job``, ``by-four``: the byline rewritten as
  "By A (with B and C)", a bare name line, "A | City | date", a wire credit line before "By A",
  a job title before the name, "By A, B, C and D" (names written here join the expected authors);
- ``clutter``: a "Related" block, a "Read more: …" link and a teaser rail set inside the body;
- ``head``: the headline echoed in a breadcrumb and in the ``<title>`` line (site name, photo credit),
  a topic tag above it, the lead picture's caption and credit between it and the body;
- ``caption-first``: the lead picture's caption and credit above the headline;
- ``walls``: a consent wall and an app promo above the headline ("Please wait…", "This feature is
  temporarily unavailable"), a gallery teaser, a read-also link, a live-blog pointer and ad lines
  between the paragraphs, a video rail and "Loading Comments…" after them;
- ``comments``: a readers' comment thread (names, times, comments, "Reply") after the body;
- ``all``: far + rival + clutter together;
- ``single-newline``: the page re-joined with single newlines, one block a line and no blank line
  (what a browser's copy or many scrapers give);
- ``wrap72``: the body's paragraphs hard-wrapped at 72 columns (``textwrap``), as a plain-text
  e-mail or a note is, blank lines still between the blocks.

Only the held-out half's totals may be looked at elsewhere: this script reads the tuning half only.
The words are in the page's language (``lang``; English when a language has no word lists here).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import random
import re
import statistics
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402


def _corpus_score():
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "benchmarks" / "corpus_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The words (written here, per language) live in text_stress_words.py.
from text_stress_words import (  # noqa: E402
    MENU,
    HEADLINE_PARTS,
    TEASER_SENTENCE,
    AGO,
    RELATED_HEAD,
    READ_ALSO,
    BY,
    WIRE,
    JOBS,
    CITIES,
    DATES,
    EXTRA_NAMES,
    SITE,
    HOME,
    TOPIC,
    CAPTION,
    PHOTO_CREDIT,
    CONSENT,
    APP_PROMO,
    GALLERY,
    LIVE,
    AD,
    VIDEO_RAIL,
    LOADING,
    COMMENTS,
)


def _lang(case: dict) -> str:
    return case.get("lang") if case.get("lang") in MENU else "en"


def _headline(rng: random.Random, lang: str, longer_than: int = 0) -> str:
    subjects, verbs, objects, tails = HEADLINE_PARTS[lang]
    for _ in range(50):
        text = " ".join(p for p in (rng.choice(subjects), rng.choice(verbs), rng.choice(objects),
                                    rng.choice(tails)) if p)
        if len(text.split()) > longer_than:
            return text
    return text + " " + " ".join(rng.choice(objects).split()[:longer_than])


def _nav_lines(rng: random.Random, lang: str, count: int) -> list[str]:
    """Menu labels, teaser headlines and their time stamps, as a site header or a story rail prints them."""
    out: list[str] = []
    while len(out) < count:
        pick = rng.random()
        if pick < 0.45:
            out.append(rng.choice(MENU[lang]))
        elif pick < 0.85:
            out.append(_headline(rng, lang))
        else:
            out.append(AGO[lang].format(n=rng.randint(1, 11)))
    return out


# ------------------------------------------------------------------ where things are in a scrape

_SPLIT = re.compile(r"\n[ \t\u00a0]*\n")
_SENTENCE_END = re.compile(r"[.!?\"”’»)]$")


def _blocks(text: str) -> list[str]:
    return [b for b in (re.sub(r"\s+", " ", b).strip() for b in _SPLIT.split(text)) if b]


def _is_prose(line: str) -> bool:
    return len(line.split()) >= 12 and bool(_SENTENCE_END.search(line))


def _layout(scorer, case: dict, blocks: list[str]) -> dict:
    """Indices of the headline, the byline lines and the body's first line (None where not found)."""
    title = case.get("title")
    title_index = None
    if title:
        hits = [i for i, b in enumerate(blocks) if scorer.loose(b) == scorer.loose(title)]
        # the last copy before the first prose line after it (a page header may echo it far above)
        for i in hits:
            if title_index is None or not any(_is_prose(b) for b in blocks[title_index + 1:i]):
                title_index = i
    start = (title_index + 1) if title_index is not None else 0
    body = next((i for i in range(start, len(blocks)) if _is_prose(blocks[i])), None)
    byline: list[int] = []
    authors = case.get("authors") or []
    if title_index is not None and authors and body is not None:
        # every line naming the author around the headline block and the body's first lines
        # (a page may print the byline twice: above the headline and under it)
        for i in range(max(0, title_index - 2), min(len(blocks), body + 6)):
            if i != title_index and len(blocks[i]) < 120 and any(a.casefold() in blocks[i].casefold() for a in authors):
                if i > 0 and blocks[i - 1].strip().casefold() in {"by", "by:", "par", "von", "por"}:
                    byline.append(i - 1)
                byline.append(i)
    return {"title": title_index, "body": body, "byline": byline}


# ------------------------------------------------------------------ the variants

def far(rng, case, blocks, where):
    if where["body"] is None:
        return None
    return blocks[:where["body"]] + _nav_lines(rng, _lang(case), rng.randint(20, 60)) + blocks[where["body"]:]


def rival(rng, case, blocks, where):
    if where["title"] is None:
        return None
    words = len(blocks[where["title"]].split())
    return blocks[:where["title"]] + [_headline(rng, _lang(case), longer_than=words)] + blocks[where["title"]:]


def _rebyline(shape):
    """The byline lines replaced by one shape; a page without one gets it under the headline."""
    def variant(rng, case, blocks, where):
        if where["title"] is None or not case.get("authors"):
            return None
        lines, authors = shape(rng, _lang(case), list(case["authors"]))
        gone = set(where["byline"])
        at = where["byline"][0] if gone else where["title"] + 1
        out = [b for i, b in enumerate(blocks[:at]) if i not in gone] + lines
        out += [b for i, b in enumerate(blocks[at:], at) if i not in gone]
        return out, authors
    return variant


def _names(authors: list[str], lang: str) -> str:
    conj = BY[lang][2]
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + f" {conj} {authors[-1]}"


def _by_with(rng, lang, authors):
    by, with_, conj = BY[lang]
    extra = rng.sample(EXTRA_NAMES, 2)
    return [f"{by} {authors[0]} ({with_} {extra[0]} {conj} {extra[1]})"], [authors[0], *extra]


def _by_bare(rng, lang, authors):
    return [_names(authors, lang)], authors


def _by_pipe(rng, lang, authors):
    return [f"{_names(authors, lang)} | {rng.choice(CITIES)} | {DATES[lang]}"], authors


def _by_wire(rng, lang, authors):
    return [WIRE[lang], f"{BY[lang][0]} {_names(authors, lang)}"], authors


def _by_job(rng, lang, authors):
    return [f"{rng.choice(JOBS[lang])} {authors[0]}"], authors[:1]


def _by_four(rng, lang, authors):
    names = [authors[0], *rng.sample(EXTRA_NAMES, 3)]
    return [f"{BY[lang][0]} {_names(names, lang)}"], names


def clutter(rng, case, blocks, where):
    """A "Related" block, a read-also link and a three-teaser rail between the body's paragraphs."""
    if where["body"] is None:
        return None
    lang = _lang(case)
    expected = case.get("_expected_text")
    wanted = {re.sub(r"\s+", " ", p).strip() for p in _SPLIT.split(expected)} if expected else None
    prose = [i for i in range(where["body"], len(blocks))
             if _is_prose(blocks[i]) and (wanted is None or blocks[i] in wanted)]
    if len(prose) < 4:
        return None
    cuts = [prose[len(prose) // 4], prose[len(prose) // 2], prose[3 * len(prose) // 4]]
    inserts = {
        cuts[0]: [RELATED_HEAD[lang], *(_headline(rng, lang) for _ in range(3))],
        cuts[1]: [READ_ALSO[lang] + _headline(rng, lang)],
        cuts[2]: [x for _ in range(3) for x in (rng.choice(MENU[lang]), _headline(rng, lang), TEASER_SENTENCE[lang])],
    }
    out: list[str] = []
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(inserts.get(i, ()))
    return out


def _body_cuts(case, blocks, where, count: int) -> list[int] | None:
    """Indices of ``count`` expected paragraphs spread over the body (None when the body is too short)."""
    expected = case.get("_expected_text")
    wanted = {re.sub(r"\s+", " ", p).strip() for p in _SPLIT.split(expected)} if expected else None
    prose = [i for i in range(where["body"], len(blocks))
             if _is_prose(blocks[i]) and (wanted is None or blocks[i] in wanted)]
    if len(prose) < count + 1:
        return None
    return [prose[(k + 1) * len(prose) // (count + 1)] for k in range(count)]


def _after(blocks: list[str], inserts: dict[int, list[str]]) -> list[str]:
    out: list[str] = []
    for i, block in enumerate(blocks):
        out.append(block)
        out.extend(inserts.get(i, ()))
    return out


def head(rng, case, blocks, where):
    """The headline echoed in a breadcrumb and the <title> line, a topic tag over it, a caption under it."""
    if where["title"] is None or where["body"] is None:
        return None
    lang, title = _lang(case), blocks[where["title"]]
    crumbs = [f"{HOME[lang]} › {rng.choice(MENU[lang])} › {title}", f"{title} | {SITE}",
              f"{title} - {PHOTO_CREDIT[lang]}"]
    t = where["title"]
    return (blocks[:t] + crumbs + _nav_lines(rng, lang, 6) + [TOPIC[lang], title] + list(CAPTION[lang])
            + blocks[t + 1:])


def caption_first(rng, case, blocks, where):
    """The lead picture's caption and credit above the headline."""
    if where["title"] is None:
        return None
    t = where["title"]
    return blocks[:t] + list(CAPTION[_lang(case)]) + blocks[t:]


def walls(rng, case, blocks, where):
    """Consent wall and app promo above the headline; gallery, read-also, live and ad lines in the body;
    a video rail and a comments placeholder after it."""
    if where["body"] is None:
        return None
    lang = _lang(case)
    cuts = _body_cuts(case, blocks, where, 4)
    if cuts is None:
        return None
    inserts = {
        cuts[0]: [GALLERY[lang].format(h=_headline(rng, lang)), AD[lang]],
        cuts[1]: [READ_ALSO[lang] + _headline(rng, lang)],
        cuts[2]: [LIVE[lang], AD[lang]],
        cuts[3]: [AD[lang]],
    }
    last = max(i for i in range(len(blocks)) if _is_prose(blocks[i]))
    inserts.setdefault(last, []).extend(
        [VIDEO_RAIL[lang], *(_headline(rng, lang) for _ in range(3)), LOADING[lang]])
    made = _after(blocks, inserts)
    t = where["title"] if where["title"] is not None else 0
    return made[:t] + CONSENT[lang] + APP_PROMO[lang] + made[t:]


def comments(rng, case, blocks, where):
    """A readers' comment thread under the body: a count, then name, time, comment, Reply, each."""
    if where["body"] is None:
        return None
    lang = _lang(case)
    count, reply, texts = COMMENTS[lang]
    last = max(i for i in range(len(blocks)) if _is_prose(blocks[i]))
    thread = [count.format(n=len(texts) * 2)]
    for text in texts * 2:
        thread += [rng.choice(EXTRA_NAMES), AGO[lang].format(n=rng.randint(1, 11)), text, reply]
    return _after(blocks, {last: thread})


def everything(rng, case, blocks, where):
    made = clutter(rng, case, blocks, where)
    if made is None or where["title"] is None:
        return None
    made = far(rng, case, made, where)  # the body starts at the same index: clutter goes after it
    return rival(rng, case, made, where)


def single_newline(rng, case, blocks, where):
    """The page one block a line, no blank lines (the text itself, not its blocks)."""
    return "\n".join(blocks)


def wrap72(rng, case, blocks, where):
    """The body's paragraphs (prose from the body's first line on) wrapped at 72 columns."""
    if where["body"] is None:
        return None
    return "\n\n".join(textwrap.fill(b, 72) if i >= where["body"] and _is_prose(b) else b
                        for i, b in enumerate(blocks))


VARIANTS = {
    "base": lambda rng, case, blocks, where: blocks,
    "far": far,
    "rival": rival,
    "by-with": _rebyline(_by_with),
    "by-bare": _rebyline(_by_bare),
    "by-pipe": _rebyline(_by_pipe),
    "by-wire": _rebyline(_by_wire),
    "by-job": _rebyline(_by_job),
    "by-four": _rebyline(_by_four),
    "clutter": clutter,
    "head": head,
    "caption-first": caption_first,
    "walls": walls,
    "comments": comments,
    "all": everything,
    "single-newline": single_newline,
    "wrap72": wrap72,
}


# ------------------------------------------------------------------ scoring

def tuning_cases(cs, corpus: Path) -> list[tuple[dict, Path]]:
    scorer = cs.load_scorer(corpus)
    cs.HALF = "even"
    cases = cs.scored_cases(scorer, corpus, "text")
    return [(e, corpus / e["source"] / e["case"] / "scrape.txt") for e in cases]


def run(corpus: Path, names: list[str], seed: int, by_lang: bool = False) -> list[tuple[str, dict, list[float]]]:
    """One row per variant (with ``by_lang``, one more per variant and page language: ``variant/lang``)."""
    cs = _corpus_score()
    scorer = cs.load_scorer(corpus)
    rules = load_rules()
    cases = tuning_cases(cs, corpus)
    table = []
    for name in names:
        rows, took, langs = [], [], []
        for case, path in cases:
            rng = random.Random(f"{seed}:{name}:{case['id']}")
            blocks = _blocks(path.read_text(encoding="utf-8", errors="replace"))
            made = VARIANTS[name](rng, case, blocks, _layout(scorer, case, blocks))
            if made is None:
                continue
            expected = dict(case)
            if isinstance(made, tuple):
                made, expected["authors"] = made
            text = made if isinstance(made, str) else "\n\n".join(made)  # a variant may lay out the text itself
            source = decode_source(text.encode("utf-8"), path=path, kind="text")
            started = time.perf_counter()
            try:
                prediction = scorer_view(clean(source, rules))
            except ExporterError:
                prediction = {}
            took.append(time.perf_counter() - started)
            rows.append(scorer.score_case(expected, prediction))
            langs.append(case.get("lang") or "?")
        table.append((name, scorer.aggregate(rows), took))
        for lang in sorted(set(langs)) if by_lang else ():
            picked = [i for i, l in enumerate(langs) if l == lang]
            table.append((f"{name}/{lang}", scorer.aggregate([rows[i] for i in picked]), [took[i] for i in picked]))
    return table


def _fmt(value) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def default_corpus() -> Path:
    """../shared/corpus beside the main checkout, or beside a worktree's parent."""
    return next((p for p in (ROOT.parent / "shared" / "corpus", ROOT.parents[1] / "shared" / "corpus") if p.exists()),
                ROOT.parent / "shared" / "corpus")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=default_corpus(),
                        help="../shared/corpus (../../shared/corpus from a worktree)")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--by-lang", action="store_true", help="a row per variant and page language too")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        parser.error(f"no corpus at {args.corpus}")
    logging.disable(logging.WARNING)
    table = run(args.corpus, args.variant or list(VARIANTS), args.seed, args.by_lang)
    print(f"{'variant':17} {'title n':>7} {'title=':>6} {'auth n':>6} {'auth=':>6} {'body n':>6} {'tokF1':>6}"
          f" {'median ms':>9}")
    for name, agg, took in table:
        print(f"{name:17} {agg.get('title_exact_n', 0):7d} {_fmt(agg.get('title_exact'))} "
              f"{agg.get('author_exact_n', 0):6d} {_fmt(agg.get('author_exact'))} {agg.get('body_n', 0):6d} "
              f"{_fmt(agg.get('body_token_f1'))} {statistics.median(took) * 1000 if took else 0:9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
