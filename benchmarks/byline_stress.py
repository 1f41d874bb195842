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
``stamp`` (the byline and its date on one line: "Von A | Stand: date", "Por A em date").

Traps that must add no one: each keeps the case's own authors as "By A" (or
no byline where the case has none) and adds ``photo`` ("Photo: X/Agency"),
``agency`` ("Text: dpa"), ``quote`` (a pull quote's "— X, mayor"), ``picks``
(an "Editor's picks" list of names by the headline), ``comment`` (a reader's
comment under the body), ``rail`` (teasers with their own "By" lines just above the headline).

Only the tuning half is read; ``--show`` prints each miss (tuning pages only).
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

from text_stress import _blocks, _corpus_score, _layout  # noqa: E402
from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

LANGS = ("en", "de", "fr", "es", "pt", "it")
# by, with, and, updated by, reporting by, editing by
WORDS = {
    "en": ("By", "with", "and", "Updated by", "Reporting by", "Editing by"),
    "de": ("Von", "mit", "und", "Aktualisiert von", "Reporter:", "bearbeitet von"),
    "fr": ("Par", "avec", "et", "Mis à jour par", "Reportage de", "édité par"),
    "es": ("Por", "con", "y", "Actualizado por", "Reporte de", "Editado por"),
    "pt": ("Por", "com", "e", "Atualizado por", "Reportagem de", "Edição de"),
    "it": ("Di", "con", "e", "Aggiornato da", "Servizio di", "editing di"),
}
NAMES = ["Nadia Okafor", "Tomás Ferreira", "Lena Brandt", "Owen Gallagher", "Priya Raman", "Giulia Conti",
         "Jean-Luc Moreau", "Henrik Voss", "Ana Beatriz Souza", "Camille Durand", "Javier Molina",
         "Sofia Lindqvist", "Mateus Carvalho", "Francesca Ricci", "Daniel Osei"]
NICKS = [("Robert", "Bob", "Hale"), ("Katharina", "Kathi", "Seidl"), ("Francisco", "Paco", "Ibarra"),
         ("Giuseppe", "Peppe", "Marino"), ("Margaret", "Peggy", "Lund")]
JOBS = {"en": ["Chief Political Correspondent", "Senior Editor", "Science Reporter"],
        "de": ["Korrespondentin", "Wirtschaftsredakteur"], "fr": ["Correspondante", "Rédacteur en chef"],
        "es": ["Corresponsal", "Redactora jefe"], "pt": ["Correspondente", "Editora de Ciência"],
        "it": ["Inviata", "Caporedattore"]}
WIRES = {"en": ["By: Metro Wire", "AP", "Reuters"], "de": ["dpa", "Von: dpa"], "fr": ["AFP", "Par : AFP"],
         "es": ["EFE", "Por: Agencia EFE"], "pt": ["Lusa", "Por: Agência Lusa"], "it": ["ANSA", "Di: ANSA"]}
CITIES = ["Leeds", "Hamburg", "Lyon", "Valencia", "Porto", "Bologna"]
DATES = {"en": "March 12, 2021", "de": "12.03.2021", "fr": "12 mars 2021", "es": "12 de marzo de 2021",
         "pt": "12 de março de 2021", "it": "12 marzo 2021"}
PHOTO = {"en": "Photo: {n}/Metro Wire", "de": "Foto: {n}/dpa", "fr": "Photo : {n} / AFP",
         "es": "Foto: {n} / EFE", "pt": "Foto: {n}/Lusa", "it": "Foto: {n}/ANSA"}
AGENCY_TEXT = {"en": "Text: AP", "de": "Text: dpa", "fr": "Texte : AFP", "es": "Texto: EFE",
               "pt": "Texto: Lusa", "it": "Testo: ANSA"}
QUOTE = {"en": "“We will not wait another year.” — {n}, mayor",
         "de": "„Wir warten kein weiteres Jahr.“ — {n}, Bürgermeisterin",
         "fr": "« Nous n'attendrons pas un an de plus. » — {n}, maire",
         "es": "«No esperaremos otro año». — {n}, alcaldesa", "pt": "“Não vamos esperar mais um ano.” — {n}, prefeita",
         "it": "«Non aspetteremo un altro anno». — {n}, sindaca"}
PICKS = {"en": "Editor's Picks", "de": "Empfehlungen der Redaktion", "fr": "La sélection de la rédaction",
         "es": "Selección del editor", "pt": "Escolhas do editor", "it": "Scelti dalla redazione"}
TEASER = {"en": "Why the old bridge still matters", "de": "Warum die alte Brücke noch zählt",
          "fr": "Pourquoi le vieux pont compte encore", "es": "Por qué el viejo puente aún importa",
          "pt": "Por que a ponte velha ainda importa", "it": "Perché il vecchio ponte conta ancora"}
COMMENT = {"en": ("Comments", "Great piece, thanks for writing about our town at last."),
           "de": ("Kommentare", "Toller Artikel, danke, dass endlich jemand über unsere Stadt schreibt."),
           "fr": ("Commentaires", "Très bon article, merci d'enfin parler de notre ville."),
           "es": ("Comentarios", "Gran artículo, gracias por escribir por fin sobre nuestra ciudad."),
           "pt": ("Comentários", "Ótimo texto, obrigado por escrever finalmente sobre a nossa cidade."),
           "it": ("Commenti", "Ottimo articolo, grazie per aver scritto finalmente della nostra città.")}


def _join(names: list[str], lang: str) -> str:
    conj = WORDS[lang][2]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conj} {names[-1]}"


def _others(rng, authors, k):
    return rng.sample([n for n in NAMES if n not in authors], k)


# ------------------------------------------------------------------ the shapes
# Each: (rng, lang, authors) → (head lines, closing lines, expected authors, html markup hint).
# ``authors`` is the case's own list, or invented names when the case has none; traps get the
# case's own list as it is ([] stays []).

def _plain(rng, lang, a):
    return [f"{WORDS[lang][0]} {_join(a, lang)}"], [], a


def _with(rng, lang, a):
    by, with_, conj = WORDS[lang][:3]
    extra = _others(rng, a, 2)
    return [f"{by} {a[0]} ({with_} {extra[0]} {conj} {extra[1]})"], [], [a[0], *extra]


def _bare(rng, lang, a):
    return [_join(a, lang)], [], a


def _pipe(rng, lang, a):
    return [f"{_join(a, lang)} | {rng.choice(CITIES)} | {DATES[lang]}"], [], a


def _wire(rng, lang, a):
    return [rng.choice(WIRES[lang]), f"{WORDS[lang][0]} {_join(a, lang)}"], [], a


def _nick(rng, lang, a):
    first, nick, last = rng.choice(NICKS)
    quote = rng.choice(['"{}"', "“{}”", "„{}“", "«{}»", "'{}'"])
    name = f"{first} {quote.format(nick)} {last}"
    return [f"{WORDS[lang][0]} {name}"], [], [name]  # the nickname as printed


def _job_before(rng, lang, a):
    job = rng.choice(JOBS[lang])
    return [rng.choice([f"{job} {a[0]}", f"{WORDS[lang][0]} {job} {a[0]}"])], [], a[:1]


def _job_after(rng, lang, a):
    job = rng.choice(JOBS[lang])
    return [rng.choice([f"{a[0]}, {job}", f"{WORDS[lang][0]} {a[0]}, {job}"])], [], a[:1]


def _four(rng, lang, a):
    names = [a[0], *_others(rng, a, 3)]
    return [f"{WORDS[lang][0]} {_join(names, lang)}"], [], names


def _two(rng, lang, a):
    names = [a[0], *_others(rng, a, 1)]
    return [f"{WORDS[lang][0]} {names[0]} {WORDS[lang][2]} {names[1]}"], [], names


def _updated(rng, lang, a):
    return [f"{WORDS[lang][0]} {_join(a, lang)}", f"{WORDS[lang][3]} {_others(rng, a, 1)[0]}"], [], a


def _reporting(rng, lang, a):
    names = a[:2]
    words = WORDS[lang]
    line = f"{words[4]} {_join(names, lang)}; {words[5]} {_others(rng, a, 1)[0]}"
    return [], [rng.choice((line, f"({line})"))], names


def _caps(rng, lang, a):
    return [f"{WORDS[lang][0]} {_join(a, lang)}".upper()], [], a


def _link(rng, lang, a):
    handle = "@" + a[0].split()[-1].casefold().replace("-", "")
    return [rng.choice([f"{WORDS[lang][0]} {a[0]} {handle}", f"{WORDS[lang][0]} {a[0]} ({handle})",
                        f"{WORDS[lang][0]} {a[0]} | Twitter: {handle}"])], [], a[:1]


CREDITS = {"en": "Text: {a} | Photos: {b}", "de": "Text: {a}, Fotos: {b}", "fr": "Texte : {a} / Photos : {b}",
           "es": "Texto: {a}. Fotos: {b}", "pt": "Texto: {a} | Fotos: {b}", "it": "Testo di {a}, foto di {b}"}
AGENCY_AFTER = {"en": ["By {a}, Reuters", "By {a} | AP"], "de": ["Von {a}, dpa", "{a} (dpa)"],
                "fr": ["Par {a} (AFP)", "Par {a}, AFP"], "es": ["Por {a} (EFE)"], "pt": ["Por {a}, da Lusa"],
                "it": ["Di {a} (ANSA)"]}
STAMPS = {"en": ["By {a} | Updated {d}", "By {a} on {d}"], "de": ["Von {a} | Stand: {d}", "Von {a}, {d}"],
          "fr": ["Par {a} le {d}", "Par {a}, publié le {d}"], "es": ["Por {a} el {d}", "Por {a} | {d}"],
          "pt": ["Por {a} em {d}", "Por {a}, {d}"], "it": ["Di {a}, {d}", "Di {a} | {d}"]}


def _credits(rng, lang, a):
    return [CREDITS[lang].format(a=a[0], b=_others(rng, a, 1)[0])], [], a[:1]


def _agency_after(rng, lang, a):
    return [rng.choice(AGENCY_AFTER[lang]).format(a=a[0])], [], a[:1]


def _stamp(rng, lang, a):
    return [rng.choice(STAMPS[lang]).format(a=_join(a, lang), d=DATES[lang])], [], a


def _trap(make):
    def shape(rng, lang, a):
        head = [f"{WORDS[lang][0]} {_join(a, lang)}"] if a else []
        extra_head, tail = make(rng, lang, a)
        return head + extra_head, tail, a
    return shape


SHAPES = {
    "plain": _plain, "with": _with, "bare": _bare, "pipe": _pipe, "wire": _wire, "nick": _nick,
    "job-before": _job_before, "job-after": _job_after, "four": _four, "two": _two, "updated": _updated,
    "reporting": _reporting, "caps": _caps, "link": _link, "meta": _plain, "above": _plain,
    "credits": _credits, "agency-after": _agency_after, "stamp": _stamp,
    "photo": _trap(lambda rng, lang, a: ([PHOTO[lang].format(n=_others(rng, a, 1)[0])], [])),
    "agency": _trap(lambda rng, lang, a: ([AGENCY_TEXT[lang]], [])),
    "quote": _trap(lambda rng, lang, a: ([], [QUOTE[lang].format(n=_others(rng, a, 1)[0])])),
    "picks": _trap(lambda rng, lang, a: ([], [])),  # the list goes above the headline (see _picks)
    "rail": _trap(lambda rng, lang, a: ([], [])),  # teasers with their bylines above the headline (_picks)
    "comment": _trap(lambda rng, lang, a: ([], [COMMENT[lang][0], _others(rng, a, 1)[0], "2 h",
                                                COMMENT[lang][1]])),
}
TRAPS = {"photo", "agency", "quote", "picks", "comment", "rail"}


def _picks(rng, lang, a) -> list[str]:
    lines = [PICKS[lang]]
    for name in _others(rng, a, 3):
        lines += [name, TEASER[lang]]
    return lines


def _rail(rng, lang, a) -> list[str]:
    """A "most read" rail just above the article: teaser headlines, each with its own byline."""
    lines = [PICKS[lang]]
    for name in _others(rng, a, 2):
        lines += [TEASER[lang], f"{WORDS[lang][0]} {name}"]
    return lines


def _shape(name, rng, case):
    lang = rng.choice(LANGS)
    own = list(case.get("authors") or [])
    authors = own if (own or name in TRAPS) else rng.sample(NAMES, rng.choice((1, 1, 2)))
    head, tail, expected = SHAPES[name](rng, lang, authors)
    above = _picks(rng, lang, authors) if name == "picks" else _rail(rng, lang, authors) if name == "rail" else []
    if name == "above":  # the byline set above the headline, beside the kicker
        above, head = head, []
    return above, head, tail, expected


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
