#!/usr/bin/env python3
"""The HTML path's headline under stress: tuning-half pages made harder in the ways unseen pages are.

    python benchmarks/title_stress.py [--corpus DIR] [--variant NAME ...] [--show]

The corpus's tuning half (``corpus_score.py --half even``) has few labelled titles, and all of
them are found: the hidden pages' misses (a section heading as the first of two ``<h1>``s, a
``<title>`` with the site name and a photo credit, pages that state no headline in their
metadata) do not show. Each variant rewrites every tuning-half ``source.html`` with a title
label one way, with words written here (never corpus text), and scores title exact with the
corpus's own scorer:

- ``no-meta``: the JSON-LD blocks and the og:/twitter:/dc. title metas removed (the headline
  must come from the visible page);
- ``section-h1``: a section name as an ``<h1>`` before the article ("Politik", "World");
- ``logo-h1``: the site's name as a linked ``<h1>`` at the top of the page (blog themes);
- ``title-credit``: the ``<title>`` and og:title as "Headline | Photo: Jane Roe/AP | Site";
- ``site-first``: no title metadata, and the ``<title>`` as "Site: Headline" with the page's own
  og:site_name (pages without one are left out);
- ``h2-headline``: no metadata, and the headline's ``<h1>`` as an ``<h2 class="entry-title">``;
- ``rival-h1``: no metadata, and a longer ``<h1>`` of another story in a "breaking" bar
  before the article;
- ``all``: no-meta + section-h1 + title-credit.

Only the tuning half is read here; the held-out half is measured by corpus_score.py as totals.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import logging
import sys
from pathlib import Path

from lxml import etree, html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

SECTIONS = {"en": "World", "de": "Politik", "fr": "International", "es": "Internacional", "pt": "Mundo",
            "it": "Esteri"}
RIVALS = {"en": "Breaking: Council approves the new harbour toll plan after a long night of debate",
          "de": "Eilmeldung: Stadtrat beschließt nach langer Debatte die neue Hafengebühr für Frachter",
          "fr": "Alerte : le conseil municipal adopte la nouvelle taxe portuaire après un long débat"}
SITE = "The Harbour Courier"
_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "title", "sailthru.title", "headline")


def _corpus_score():
    spec = importlib.util.spec_from_file_location("corpus_score", ROOT / "benchmarks" / "corpus_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lang(case: dict) -> str:
    return (case.get("lang") or "en").split("-")[0] if (case.get("lang") or "en")[:2] in SECTIONS else "en"


def _no_meta(root) -> None:
    for script in root.xpath("//script[@type='application/ld+json']"):
        script.getparent().remove(script)
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _TITLE_METAS:
            meta.getparent().remove(meta)
    for element in root.xpath("//*[@itemprop='headline']"):
        del element.attrib["itemprop"]


def _set_title(root, text: str) -> None:
    titles = root.xpath("//title")
    if not titles:
        head = root.find("head")
        if head is None:
            return
        titles = [etree.SubElement(head, "title")]
    titles[0].text = text
    for child in list(titles[0]):
        titles[0].remove(child)
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "twitter:title"):
            meta.set("content", text)


def _headline_h1(root, title: str):
    """The ``<h1>`` holding the labelled headline, or None."""
    want = "".join(ch for ch in title.casefold() if ch.isalnum())
    for h1 in root.iter("h1"):
        have = "".join(ch for ch in "".join(h1.itertext()).casefold() if ch.isalnum())
        if have and (have == want or want in have):
            return h1
    return None


def _before_article(root, element) -> None:
    body = root.find("body")
    if body is not None:
        body.insert(0, element)


def no_meta(root, case):
    _no_meta(root)
    return root


def section_h1(root, case):
    h1 = lxml_html.fragment_fromstring(f"<h1 class='section-title'>{SECTIONS[_lang(case)]}</h1>")
    headline = _headline_h1(root, case["title"])
    if headline is not None:
        headline.addprevious(h1)
    else:
        _before_article(root, h1)
    return root


def logo_h1(root, case):
    _before_article(root, lxml_html.fragment_fromstring(f"<header><h1 class='site-title'><a href='/'>{SITE}</a>"
                                                        "</h1></header>"))
    return root


def title_credit(root, case):
    _set_title(root, f"{case['title']} | Photo: Jane Roe/AP | {SITE}")
    return root


def site_first(root, case):
    # The page's own site name, as its og:site_name states it: a prefix no rule could know otherwise.
    site = next((m.get("content") for m in root.iter("meta") if m.get("property") == "og:site_name"), None)
    if not site:
        return None
    _no_meta(root)
    _set_title(root, f"{site}: {case['title']}")
    return root


def h2_headline(root, case):
    _no_meta(root)
    headline = _headline_h1(root, case["title"])
    if headline is None:
        return None
    headline.tag = "h2"
    headline.set("class", "entry-title")
    return root


def rival_h1(root, case):
    _no_meta(root)
    rival = RIVALS.get(_lang(case), RIVALS["en"])
    _before_article(root, lxml_html.fragment_fromstring(f"<div class='breaking-bar'><h1><a href='/breaking'>{rival}"
                                                        "</a></h1></div>"))
    return root


def everything(root, case):
    return title_credit(section_h1(no_meta(root, case), case), case)


VARIANTS = {"base": lambda root, case: root, "no-meta": no_meta, "section-h1": section_h1, "logo-h1": logo_h1,
            "title-credit": title_credit, "site-first": site_first, "h2-headline": h2_headline,
            "rival-h1": rival_h1, "all": everything}


def run(corpus: Path, names: list[str], show: bool) -> list[tuple[str, int, float]]:
    cs = _corpus_score()
    scorer = cs.load_scorer(corpus)
    cs.HALF = "even"
    cases = [e for e in cs.scored_cases(scorer, corpus, "html") if e.get("title")]
    rules = load_rules()
    table = []
    for name in names:
        hits = total = 0
        for case in cases:
            path = corpus / case["source"] / case["case"] / "source.html"
            # Parsed from the text our reader decoded: lxml alone misreads pages that declare no charset.
            text = decode_source(path.read_bytes(), path=path, kind="html").text
            root = lxml_html.document_fromstring(text)
            made = VARIANTS[name](copy.deepcopy(root), case)
            if made is None:
                continue
            page = b"<meta charset='utf-8'>" + etree.tostring(made, encoding="utf-8", method="html")
            try:
                title = scorer_view(clean(decode_source(page, path=path, kind="html"), rules)).get("title")
            except ExporterError:
                title = None
            total += 1
            hit = scorer.norm_title(title) == scorer.norm_title(case["title"])
            hits += hit
            if show and not hit:
                print(f"  {name:13} {case['id']}: {title!r} (want {case['title']!r})")
        table.append((name, total, hits / total if total else 0.0))
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--variant", nargs="*", choices=list(VARIANTS), default=list(VARIANTS))
    parser.add_argument("--show", action="store_true", help="print each miss (tuning half only)")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        parser.error(f"no corpus at {args.corpus}")
    logging.disable(logging.WARNING)
    print(f"{'variant':14} {'n':>4} {'title=':>7}")
    for name, total, score in run(args.corpus, args.variant, args.show):
        print(f"{name:14} {total:4d} {score:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
