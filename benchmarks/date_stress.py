#!/usr/bin/env python3
"""Dates on pages that state less: the corpus's dated HTML pages with their date markup taken away.

    python benchmarks/date_stress.py [--corpus DIR] [--half even|odd] [--level N ...] [--misses] [--no-peer]

Unseen pages fail where the publisher's markup is missing and a fallback has to
carry the page. This forces the fallbacks on the corpus's dated pages (every
source with ``source.html``, ``dates/`` included; the date scored as
``corpus_score.py`` scores it):

- level 1: every JSON-LD block, every date <meta> and every date ``itemprop``
  are removed (the page's visible text stays): the article's <time>, labelled
  stamps ("Veröffentlicht am", "Publié le"), datelines under the headline, the
  URL's date and htmldate must date it;
- level 2: level 1, and every <time> unwrapped to its visible text (no
  ``datetime``): only what a reader sees, and the URL;
- level 3: level 2, and the decoys real pages carry around the article's date:
  a top bar with today's date before the headline, an update stamp under the
  headline (a later day, labelled in the page's language), a teaser list and a
  comment thread with other days. The score should not fall from level 2's.

htmldate (``find_date(original_date=True)``) runs beside ours on the same
stripped pages. ``--misses`` lists the cases each level gets wrong (tuning half
only: the held-out half is measured as totals, never read).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import re
import sys
from datetime import date, timedelta
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import corpus_score  # noqa: E402

from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

# Attribute values that name a date: <meta name/property/itemprop>, itemprop on any element.
_DATE_NAME = re.compile(r"date|time|publi|modif|creat|updat|issued|lastmod|pubdate", re.IGNORECASE)
_META_KEYS = ("name", "property", "itemprop", "http-equiv")


def strip_markup(root, level: int) -> None:
    """Level 1 and 2 in place (see the module note)."""
    for script in root.xpath("//script[contains(translate(@type, 'JSONLD', 'jsonld'), 'ld+json')]"):
        script.drop_tree()
    for meta in root.xpath("//meta"):
        if any(_DATE_NAME.search(meta.get(key) or "") for key in _META_KEYS):
            meta.drop_tree()
    for element in root.xpath("//*[@itemprop]"):
        if not _DATE_NAME.search(element.get("itemprop")):
            continue
        if element.tag in ("meta", "link"):
            element.drop_tree()
        else:
            del element.attrib["itemprop"]
            element.attrib.pop("content", None)
    if level >= 2:
        for time in root.xpath("//time"):
            time.tail = " " + (time.tail or "")  # two stamps side by side stay two words
            time.drop_tag()


# The update label and how the day is written, by the page's language (level 3).
_UPDATE_STAMPS = {
    "de": ("Aktualisiert am", "{d.day:02}.{d.month:02}.{d.year}"),
    "fr": ("Mis à jour le", "{d.day} {month} {d.year}"),
    "es": ("Actualizado el", "{d.day} de {month} de {d.year}"),
    "pt": ("Atualizado em", "{d.day:02}/{d.month:02}/{d.year}"),
    "it": ("Aggiornato il", "{d.day} {month} {d.year}"),
    "en": ("Updated", "{month} {d.day}, {d.year}"),
}
_MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "en": "January February March April May June July August September October November December",
}


def _written(day: date, language: str) -> str:
    label, shape = _UPDATE_STAMPS.get(language, _UPDATE_STAMPS["en"])
    months = _MONTHS.get(language, _MONTHS["en"]).split()
    return shape.format(d=day, month=months[day.month - 1])


def add_decoys(root, expected: str, language: str) -> None:
    """Level 3's decoys around the article (see the module note)."""
    day = date.fromisoformat(expected)
    body = root.find("body")
    if body is None:
        return
    label = _UPDATE_STAMPS.get(language, _UPDATE_STAMPS["en"])[0]
    today = day + timedelta(days=400)
    top = lxml.html.fragment_fromstring(f'<div class="top-bar"><span>{_written(today, language)}</span></div>')
    body.insert(0, top)
    h1 = next(iter(body.iter("h1")), None)
    if h1 is not None:
        update = lxml.html.fragment_fromstring(f'<p class="updated">{label} {_written(day + timedelta(days=3), language)}</p>')
        h1.addnext(update)
    teasers = "".join(f'<li><a href="/story-{n}">Another story {n}</a> <time datetime="{(day - timedelta(days=n * 30)).isoformat()}">'
                      f'{_written(day - timedelta(days=n * 30), language)}</time></li>' for n in (1, 2, 3))
    body.append(lxml.html.fragment_fromstring(f'<div class="related-posts"><ul>{teasers}</ul></div>'))
    comments = "".join(f'<li class="comment"><p>Reader {n}</p><p>{_written(day + timedelta(days=n), language)}</p>'
                       f'<p>Thanks for this piece.</p></li>' for n in (1, 5))
    body.append(lxml.html.fragment_fromstring(f'<ol class="comment-list">{comments}</ol>'))


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def stressed(text: str, level: int, expected: str) -> str:
    root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1))
    strip_markup(root, level)
    if level >= 3:
        language = (root.get("lang") or "en").split("-")[0].lower()
        add_decoys(root, expected, language)
    return lxml.html.tostring(root, encoding="unicode")


def ours(source, rules) -> str | None:
    try:
        return scorer_view(clean(source, rules)).get("date")
    except ExporterError:
        return None


def peer(text: str) -> str | None:
    from htmldate import find_date

    try:
        return find_date(text, original_date=True)
    except Exception:  # noqa: BLE001 - a peer's crash scores as no date
        return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=corpus_score.DEFAULT_CORPUS)
    ap.add_argument("--half", choices=("even", "odd"), default="even")
    ap.add_argument("--level", type=int, action="append", choices=(0, 1, 2, 3))
    ap.add_argument("--misses", action="store_true", help="list the cases missed (tuning half only)")
    ap.add_argument("--no-peer", action="store_true", help="skip htmldate")
    args = ap.parse_args(argv)
    if args.misses and args.half != "even":
        print("--misses reads the tuning (even) half only", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    corpus_score.HALF = args.half
    scorer = corpus_score.load_scorer(args.corpus)
    rules = load_rules()
    sources = list(scorer.SOURCES) + list(scorer.EXTRA_SOURCES)
    cases = [e for e in corpus_score.scored_cases(scorer, args.corpus, "html", sources)
             if e.get("date") and e.get("date_in_scrape")]
    levels = args.level or [1, 2, 3]
    print(f"{'level':<7}{'group':<10}{'cases':>6}{'ours':>8}{'htmldate':>10}")
    for level in levels:
        hits = {"dates": [0, 0, 0], "others": [0, 0, 0]}
        misses = []
        for e in cases:
            path = args.corpus / e["source"] / e["case"] / "source.html"
            source = decode_source(path.read_bytes(), path=path, kind="html")
            expected = scorer.norm_date(e["date"])
            text = stressed(source.text, level, expected) if level else source.text
            got = scorer.norm_date(ours(dataclasses.replace(source, text=text), rules))
            theirs = None if args.no_peer else scorer.norm_date(peer(text))
            group = hits["dates" if e["source"] == "dates" else "others"]
            group[0] += 1
            group[1] += got == expected
            group[2] += theirs == expected
            if got != expected:
                misses.append(f"  L{level} {e['source']}/{e['case']}: expected {expected}, ours {got}, htmldate {theirs}")
        for name, (n, mine, peers) in hits.items():
            peer_score = "-" if args.no_peer else f"{peers / n:.3f}"
            print(f"{level:<7}{name:<10}{n:>6}{mine / n:>8.3f}{peer_score:>10}   ({mine}/{n})")
        if args.misses:
            print(*misses, sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
