#!/usr/bin/env python3
"""Bylines under stress: tuning-half pages, both inputs, with their byline rewritten.

    python benchmarks/byline_stress.py [--corpus DIR] [--input html|text] [--variant NAME ...]
                                       [--seed N] [--show]

The corpus's tuning half (``corpus_score.py --half even``, its hash) has only
about 35 author-labelled cases per input, all bylines the cleaner was tuned
on. Each variant takes every tuning-half case whose authors are labelled
(``[]`` included), takes its byline out (the visible lines naming the
authors and, in the HTML, the author metadata: JSON-LD, <meta>, rel/itemprop
author, byline classes) and writes one shape in, under the headline, with
lines and names written here (never corpus text). A page with no personal
byline gets invented names; the words are in one of the corpus languages
(en, de, fr, es, pt, it), picked per case and variant. Scored: exact author
sets, with the corpus's own scorer.

Shapes that must find every person: ``plain`` (control: "By A and B"),
``with`` ("Par A (avec B et C)"), ``bare`` (a name line, no "By"), ``pipe``
("A | City | date"), ``wire`` (an agency credit line before "By A"),
``nick`` (A "Nick" B), ``job-before`` / ``job-after`` (a job title before or
after the name), ``four`` ("By A, B, C and D"), ``two`` ("Von A und B",
"Por A y B", "Di A e B" ...), ``updated`` ("By A" then "Updated by X": X is
no author), ``reporting`` ("Reporting by A and B; Editing by C" closing the
body), ``caps`` ("BY A AND B"), ``link`` (the name linked to an author page,
a Twitter handle beside it), ``meta`` (HTML: the author only in JSON-LD,
<meta name=author> or a rel=author link), ``above`` ("By A" above the headline),
``credits`` ("Text: A | Photos: B": B is no author), ``agency-after`` ("Von A, dpa", "Par A (AFP)"),
``stamp`` (the byline and its date on one line: "Von A | Stand: date", "Por A em date"),
``date-first`` ("Oct 30 2020 by A", "Veröffentlicht am date von A"), ``date-name`` ("date - 10:11 | A 0
Kommentare", "date ~ A"), ``glued`` (the name glued to its role or time: "AReporter", "A15:35, date").

Traps that must add no one: each keeps the case's own authors as "By A" (or
no byline where the case has none) and adds ``photo`` ("Photo: X/Agency"),
``agency`` ("Text: dpa"), ``section`` ("date | Politik Ausland"), ``quote`` (a pull quote's "— X, mayor"), ``picks``
(an "Editor's picks" list of names by the headline), ``comment`` (a reader's
comment under the body), ``rail`` (teasers with their own "By" lines just above the headline).

The words and shapes are in byline_shapes.py. Only the tuning half is read; ``--show`` prints
each miss (tuning pages only).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from byline_shapes import SHAPES, shape as _shape  # noqa: E402
from text_stress import _blocks, _corpus_score, _layout  # noqa: E402
from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402


# ------------------------------------------------------------------ text scrapes

def text_variant(scorer, name, rng, case, text):
    blocks = _blocks(text)
    where = _layout(scorer, case, blocks)
    if where["title"] is None or where["body"] is None:
        return None
    above, head, tail, expected = _shape(name, rng, case)
    if name == "meta":
        return None
    gone = set(where["byline"])
    at = where["title"] + 1
    out = [b for i, b in enumerate(blocks[:where["title"]]) if i not in gone] + above + [blocks[where["title"]]]
    out += head + [b for i, b in enumerate(blocks[at:], at) if i not in gone]
    if tail:
        last = max(i for i, b in enumerate(out) if len(b.split()) >= 12)  # the body's last paragraph
        out = out[:last + 1] + tail + out[last + 1:]
    return "\n\n".join(out), expected


# ------------------------------------------------------------------ saved HTML

_META_AUTHOR = {"author", "article:author", "dc.creator", "sailthru.author", "byl", "parsely-author",
                "citation_author", "dcterms.creator", "twitter:creator"}
_BYLINE_MARKS = ("//*[@rel='author' or @itemprop='author' or contains(@class, 'byline') or contains(@class, 'author')"
                 " or contains(@id, 'byline') or contains(@data-testid, 'byline')]")
BYLINE_CHARS = 150


def _strip_ld(value):
    if isinstance(value, dict):
        return {k: _strip_ld(v) for k, v in value.items() if k not in ("author", "creator")}
    if isinstance(value, list):
        return [_strip_ld(v) for v in value]
    return value


def _drop(element) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def _without_byline(root, authors: list[str]) -> None:
    """The author metadata and every short element naming an author taken out of the page."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            try:
                script.text = json.dumps(_strip_ld(json.loads(script.text)))
            except ValueError:
                _drop(script)
    for meta in list(root.iter("meta")):
        if (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower() in _META_AUTHOR:
            _drop(meta)
    body = root.find("body")
    if body is None:
        return
    for element in body.xpath(_BYLINE_MARKS):
        if len(element.text_content()) <= BYLINE_CHARS and element.getparent() is not None:
            _drop(element)
    keys = [a.casefold() for a in authors]
    for _ in range(20):
        hits = [e for e in body.iter() if isinstance(e.tag, str) and e.tag not in ("script", "style")
                and len(e.text_content()) <= BYLINE_CHARS and any(k in e.text_content().casefold() for k in keys)]
        if not hits:
            break
        for element in hits:
            top = element
            while (top.getparent() is not None and top.getparent().tag != "body"
                   and len(top.getparent().text_content()) <= BYLINE_CHARS):
                top = top.getparent()
            if top.getparent() is not None:
                _drop(top)


def _line_element(text: str, tag: str):
    element = etree.Element(tag)
    element.text = text
    return element


def _link_line(line: str):
    """ "By A @a": the name linked to an author page, the handle to a profile."""
    p = etree.Element("p")
    by, _, rest = line.partition(" ")
    parts = rest.replace("(", " ").replace(")", " ").replace("| Twitter:", " ").split()
    handle = parts[-1]
    name = " ".join(parts[:-1])
    p.text = by + " "
    a = etree.SubElement(p, "a", href="/authors/" + name.casefold().replace(" ", "-"))
    a.text = name
    a.tail = " "
    b = etree.SubElement(p, "a", href="https://twitter.com/" + handle[1:])
    b.text = handle
    return p


def html_variant(scorer, name, rng, case, raw: bytes, body: frozenset[str] = frozenset()):
    try:
        root = lxml.html.document_fromstring(raw)
    except (etree.ParserError, ValueError):
        return None
    above, head, tail, expected = _shape(name, rng, case)
    _without_byline(root, list(case.get("authors") or []))
    key = scorer.loose(case.get("title") or "")
    # the headline: the element printing the labelled title (an <h1>, or an <h2> on some templates)
    h1s = [h for h in root.iter("h1", "h2", "h3") if key and scorer.loose(h.text_content()) == key]
    h1s = h1s or [h for h in root.iter("h1") if h.text_content().strip()]
    if not h1s:
        return None
    h1 = h1s[0]
    tag = rng.choice(("p", "div", "span"))
    if name == "meta":
        _author_metadata(rng, root, h1, expected)
        head = []
    for line in reversed(head):
        h1.addnext(_link_line(line) if name == "link" else _line_element(line, tag))
    for line in above:  # each one just before the headline, after the ones before it
        h1.addprevious(_line_element(line, "p" if line == above[0] else "a"))
    if tail:
        # the article's last paragraph: the last <p> the cleaner keeps from the unchanged page
        paragraphs = [p for p in root.iter("p") if len(p.text_content().split()) >= 12
                      and (not body or " ".join(p.text_content().split()) in body)]
        if not paragraphs:
            return None
        anchor = paragraphs[-1]
        for line in reversed(tail):
            anchor.addnext(_line_element(line, "p"))
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>"), expected


def _author_metadata(rng, root, h1, names: list[str]) -> None:
    """The authors stated only where a machine reads them: JSON-LD, <meta name=author> or rel=author."""
    where = rng.choice(("ld", "meta", "rel"))
    head = root.find("head")
    people = [{"@type": "Person", "name": n} for n in names]
    if where == "ld" and head is not None:
        # into the page's own article object where it has one (a second article object is another story's)
        for script in root.iter("script"):
            if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
                try:
                    data = json.loads(script.text)
                except ValueError:
                    continue
                if isinstance(data, dict) and "article" in str(data.get("@type", "")).lower():
                    script.text = json.dumps({**data, "author": people})
                    return
        script = etree.SubElement(head, "script", type="application/ld+json")
        script.text = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "author": people})
    elif where == "meta" and head is not None:
        etree.SubElement(head, "meta", name="author", content=", ".join(names))
    else:
        box = etree.Element("div")
        for n in names:
            link = etree.SubElement(box, "a", rel="author", href="/authors/" + n.casefold().replace(" ", "-"))
            link.text = n
            link.tail = " "
        h1.addnext(box)


# ------------------------------------------------------------------ scoring

_BODIES: dict[Path, frozenset[str]] = {}


def _body(path: Path, kind: str, rules) -> frozenset[str]:
    """The paragraphs the cleaner keeps from the unchanged page (where a closing line goes)."""
    if path not in _BODIES:
        try:
            view = scorer_view(clean(decode_source(path.read_bytes(), path=path, kind=kind), rules))
        except ExporterError:
            view = {}
        _BODIES[path] = frozenset(" ".join(p.split()) for p in view.get("paragraphs", ()))
    return _BODIES[path]

VARIANTS = ["base", *SHAPES]


def run(corpus: Path, kinds: list[str], names: list[str], seeds: range, show: bool):
    cs = _corpus_score()
    scorer = cs.load_scorer(corpus)
    rules = load_rules()
    cs.HALF = "even"
    table = []
    for kind in kinds:
        cases = [e for e in cs.scored_cases(scorer, corpus, kind) if isinstance(e.get("authors"), list)]
        for name in names:
            rows = []
            for seed, case in ((seed, case) for seed in seeds for case in cases):
                path = corpus / case["source"] / case["case"] / cs.INPUTS[kind]
                rng = random.Random(f"{seed}:{name}:{case['id']}")
                if name == "base" and seed != seeds[0]:
                    continue
                if name == "base":
                    made = (path.read_bytes().decode("utf-8", "replace"), case["authors"])
                elif kind == "text":
                    made = text_variant(scorer, name, rng, case, path.read_text(encoding="utf-8", errors="replace"))
                else:
                    made = html_variant(scorer, name, rng, case, path.read_bytes(), _body(path, kind, rules))
                if made is None:
                    continue
                page, expected = made
                source = decode_source(page.encode("utf-8"), path=path, kind=kind)
                try:
                    prediction = scorer_view(clean(source, rules))
                except ExporterError:
                    prediction = {}
                row = scorer.score_case({**case, "authors": expected}, prediction)
                rows.append(row)
                if show and not row.get("author_exact"):
                    print(f"  miss {kind} {name} {case['id']}: expected {expected}, got {prediction.get('authors')}")
            agg = scorer.aggregate(rows)
            table.append((kind, name, agg.get("author_exact_n", 0), agg.get("author_exact")))
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=next(
        (p for p in (ROOT.parent / "shared" / "corpus", ROOT.parents[1] / "shared" / "corpus") if p.exists()),
        ROOT.parent / "shared" / "corpus"), help="../shared/corpus (../../shared/corpus from a worktree)")
    parser.add_argument("--input", choices=("html", "text"), action="append")
    parser.add_argument("--variant", action="append", choices=VARIANTS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--seeds", type=int, default=3, help="rounds, each its own languages and names")
    parser.add_argument("--show", action="store_true", help="print each miss (tuning-half pages only)")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        parser.error(f"no corpus at {args.corpus}")
    logging.disable(logging.WARNING)
    table = run(args.corpus, args.input or ["html", "text"], args.variant or VARIANTS,
                range(args.seed, args.seed + args.seeds), args.show)
    print(f"{'input':6} {'variant':11} {'n':>4} {'auth=':>6}")
    scores = {}
    for kind, name, n, score in table:
        print(f"{kind:6} {name:11} {n:4d} {'   -  ' if score is None else f'{score:6.3f}'}")
        if score is not None and name != "base":
            scores.setdefault(kind, []).append(score)
    for kind, values in scores.items():
        print(f"{kind:6} {'mean':11} {'':4} {sum(values) / len(values):6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
