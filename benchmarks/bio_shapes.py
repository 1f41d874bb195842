#!/usr/bin/env python3
"""Bios in six languages, both input kinds: invented article pages, one per shape and language.

    python benchmarks/bio_shapes.py [--lang xx ...] [--shape NAME ...] [--input html|text] [--show]

The corpus has almost no French, Spanish, Portuguese or Italian bios, so nothing else
measures them. Each page here is written from scratch (bio_shape_words.py: every word
invented) in en, de, fr, es, pt and it, rendered as saved HTML with its furniture (nav,
share bar, related posts, comments, footer) and as a whole-page text scrape of that HTML
(bio_halves.py's ``scrape_of``), cleaned with ``exporter.cleaning.clean`` and scored on the
bio (``scorer_view(...)['bio']``, token F1 >= 0.6 with the expected bio, as the corpus scores it).

Bio shapes (each must give the author's bio):
``heading`` ("About the author" / "Über die Autorin" / "À propos de l'auteure" ... then "X is ..."),
``heading_alt`` ("Zur Person", "L'auteure", "Acerca de la autora" ... then a role-first bio),
``heading_name`` ("About X", "Chi è X" ... then a bio with no name: "Giornalista, scrive di ..."),
``name_label`` (a name line, then a pronoun bio), ``role_first`` ("Journaliste indépendante, X
couvre ..." after the article), ``first_name`` ("Marta couvre ..."), ``pronoun`` ("Elle couvre ..."
closing the article), ``under_byline`` (the bio right under the byline), ``closing`` (an italic
"X es profesora de ... en ..." closing the article), ``statement`` ("L'auteure enseigne ..."),
``jsonld`` (a schema.org author description matching a visible box), ``two_authors`` (two
bylined authors, two bios), ``first_person`` ("Je suis ...", "Soy ...", "Sou ...", "Sono ...").

Traps (each must give no bio): ``expert`` (a quoted expert with a role, mid-story),
``interviewee`` (an interviewee's description), ``promo`` (a newsletter box after the article),
``teasers`` (related-post cards "X is ..."), ``sidebar`` (another columnist's card, the byline
someone else's), ``comment`` (a reader's first-person comment), ``closing_other`` (a closing
paragraph about someone the story quotes), ``pronoun_other`` (a closing pronoun line with a bio's
verb about her: "Elle couvre désormais seule le loyer ..."), ``beat_other`` (another columnist's
beat-for-outlet line in the sidebar: "Simon Vasseur couvre la gastronomie pour L'Écho ...").
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bio_halves import DEFAULT_CORPUS, load_scorer, scrape_of  # noqa: E402
from bio_shape_words import WORDS  # noqa: E402
from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

LANGS = tuple(WORDS)
E = htmllib.escape


def _p(text: str, cls: str = "") -> str:
    return f'<p{f" class={cls!r}" if cls else ""}>{E(text)}</p>'


def _fill(w: dict, key: str, name: str | None = None) -> str:
    name = name or w["author"]
    return w[key].format(full=name, first=name.split()[0])


# ------------------------------------------------------------------ the shapes
# Each: (words) → a dict of the page's parts that differ from the plain page, with
# ``expected``: the bio text (None for a trap). Parts: ``authors`` (the byline's names),
# ``under`` (HTML right under the byline), ``mid`` (paragraphs in the story's middle),
# ``closing`` (paragraphs closing the story), ``box`` (HTML after the article), ``aside``
# (a sidebar), ``related`` (the related posts' HTML), ``comment`` (a reader's comment), ``ld``.

def _boxed(key: str, cls: str):
    """A bio in a box of its own after the article, ``cls`` its class."""
    def shape(w):
        bio = _fill(w, key)
        return {"box": f'<div class="{cls}">{_p(bio)}</div>', "expected": bio}
    return shape


def _closing_line(key: str, tag: str):
    """A bio set in italics as the story's last paragraph."""
    def shape(w):
        bio = _fill(w, key)
        return {"closing": [f"<p><{tag}>{E(bio)}</{tag}></p>"], "expected": bio}
    return shape


def _mid(key: str):
    """A trap paragraph in the story's middle."""
    return lambda w: {"mid": [w[key]], "expected": None}


def _heading(w):
    bio = _fill(w, "full")
    return {"box": f'<section class="author-box"><h3>{E(w["about"])}</h3>{_p(bio)}</section>', "expected": bio}


def _heading_alt(w):
    bio = _fill(w, "role_first")
    return {"box": f'<aside><h4>{E(w["about_alt"])}</h4>{_p(bio)}</aside>', "expected": bio}


def _heading_name(w):
    bio = _fill(w, "role_noname")
    head = w["about_name"].format(full=w["author"])
    return {"box": f'<div class="widget"><h3>{E(head)}</h3>{_p(bio)}</div>', "expected": bio}


def _name_label(w):
    bio = _fill(w, "pronoun")
    return {"box": f'<div class="profile-card"><a href="/team/{w["author"].split()[-1].lower()}"><strong>'
                   f'{E(w["author"])}</strong></a>{_p(bio)}</div>', "expected": bio}


def _under_byline(w):
    bio = _fill(w, "full")
    return {"under": f'<div class="author-info">{_p(bio)}</div>', "expected": bio}


def _jsonld(w):
    bio = _fill(w, "described")
    return {"ld": bio, "box": f'<div class="author-card"><span class="name">{E(w["author"])}</span>{_p(bio)}</div>',
            "expected": bio}


def _two_authors(w):
    one, two = _fill(w, "full"), _fill(w, "second_bio", w["second"])
    return {"authors": [w["author"], w["second"]], "box": f'<div class="authors">{_p(one)}{_p(two)}</div>',
            "expected": f"{one} {two}"}


def _promo(w):
    return {"box": f'<div class="newsletter">{_p(w["promo"])}</div>', "expected": None}


def _teasers(w):
    title, text = w["teaser"]
    cards = "".join(f'<li><a href="/story/{i}">{E(t)}</a></li>' for i, t in enumerate(w["related"][1:]))
    return {"related": f'<aside class="related"><h2>{E(w["related"][0])}</h2><ul>{cards}<li><a href="/story/9">'
                       f'{E(title)}</a>{_p(text)}</li></ul></aside>', "expected": None}


def _sidebar(w):
    head, name, text = w["sidebar"]
    return {"aside": f'<aside class="sidebar"><h3>{E(head)}</h3><div class="columnist"><a href="/c/1">{E(name)}</a>'
                     f'{_p(text)}</div></aside>', "expected": None}


def _comment(w):
    return {"comment": w["comment_self"], "expected": None}


def _closing_other(w):
    return {"closing": [_p(w["closing_other"])], "expected": None}


def _pronoun_other(w):
    return {"closing": [_p(w["pronoun_other"])], "expected": None}


def _beat_other(w):
    head, name, _ = w["sidebar"]
    return {"aside": f'<aside class="sidebar"><h3>{E(head)}</h3><div class="columnist">{_p(w["beat_other"])}</div>'
                     "</aside>", "expected": None}


SHAPES = {"heading": _heading, "heading_alt": _heading_alt, "heading_name": _heading_name, "name_label": _name_label,
          "role_first": _boxed("role_first", "note"), "first_name": _boxed("first", "contributor"),
          "pronoun": _closing_line("pronoun", "em"), "under_byline": _under_byline,
          "closing": _closing_line("closing", "em"), "statement": _closing_line("statement", "i"), "jsonld": _jsonld,
          "two_authors": _two_authors, "first_person": _boxed("self", "about-box")}
TRAPS = {"expert": _mid("expert"), "interviewee": _mid("interviewee"), "promo": _promo, "teasers": _teasers, "sidebar": _sidebar,
         "comment": _comment, "closing_other": _closing_other, "pronoun_other": _pronoun_other,
         "beat_other": _beat_other}


# ------------------------------------------------------------------ the page

def page(lang: str, shape: str) -> tuple[str, str | None]:
    """(the saved HTML page, the expected bio) for one language and shape."""
    w = WORDS[lang]
    parts = (SHAPES.get(shape) or TRAPS[shape])(w)
    authors = parts.get("authors", [w["author"]])
    byline = f'{w["by"]} ' + f' {w["and"]} '.join(
        f'<a href="/author/{a.split()[-1].lower()}">{E(a)}</a>' for a in authors)
    story = [_p(t) for t in w["story"]]
    story[3:3] = [_p(t) for t in parts.get("mid", [])]
    story += parts.get("closing", [])
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": w["title"], "inLanguage": lang,
          "author": [{"@type": "Person", "name": a, **({"description": parts["ld"]} if parts.get("ld") else {})}
                     for a in authors]}
    nav = "".join(f'<li><a href="/{i}">{E(n)}</a></li>' for i, n in enumerate(w["nav"]))
    share = "".join(f'<a href="#s{i}">{E(s)}</a> ' for i, s in enumerate(w["share"]))
    related = parts.get("related") or (
        f'<aside class="related"><h2>{E(w["related"][0])}</h2><ul>'
        + "".join(f'<li><a href="/story/{i}">{E(t)}</a></li>' for i, t in enumerate(w["related"][1:])) + "</ul></aside>")
    c_head, c_name, c_text = w["comments"]
    comments = f'<section class="comments"><h2>{E(c_head)}</h2>'
    for name, text in ((c_name, c_text),) + (((w["sidebar"][1].split()[0] + " K.", parts["comment"]),)
                                              if parts.get("comment") else ()):
        comments += f'<div class="comment"><span class="comment-author">{E(name)}</span>{_p(text)}</div>'
    comments += "</section>"
    footer = "".join(f'<a href="/f{i}">{E(f)}</a> ' for i, f in enumerate(w["footer"]))
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{E(w["title"])}</title>'
            f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script></head><body>'
            f'<header><nav><ul>{nav}</ul></nav></header><main><article><h1>{E(w["title"])}</h1>'
            f'<div class="byline">{byline}</div><time datetime="2024-03-12">{E(w["date"])}</time>'
            f'{parts.get("under", "")}<div class="share">{share}</div>'
            f'<div class="article-body">{"".join(story)}</div></article>{parts.get("box", "")}'
            f'<div class="share">{share}</div>{related}{comments}</main>{parts.get("aside", "")}'
            f'<footer>{footer}</footer></body></html>')
    return html, parts["expected"]


def predicted_bio(data: str, kind: str, rules) -> str | None:
    name = "page.html" if kind == "html" else "scrape.txt"
    source = decode_source(data.encode("utf-8"), path=Path(name), kind=kind)
    try:
        return scorer_view(clean(source, rules)).get("bio")
    except ExporterError:
        return None


def measure(langs, shapes, kinds, show: bool) -> dict:
    scorer = load_scorer(DEFAULT_CORPUS)
    rules = load_rules()
    table: dict = {}
    for lang in langs:
        for shape in shapes:
            html, expected = page(lang, shape)
            for kind in kinds:
                bio = predicted_bio(html if kind == "html" else scrape_of(html), kind, rules)
                hit = bool(expected and bio and scorer.token_f1(expected, bio) >= 0.6)
                wrong = bool(bio) and not hit
                group = "bio" if expected else "trap"
                for key in ((kind, shape, lang), (kind, shape, "all"), (kind, group, lang), (kind, group, "all"),
                            ("both", group, lang), ("both", group, "all")):
                    cell = table.setdefault(key, [0, 0, 0])
                    cell[0] += bool(expected)
                    cell[1] += bool(bio)
                    cell[2] += hit
                if show and (wrong or (expected and not hit)):
                    print(f"  {'false' if not expected else 'miss'} {kind} {shape} {lang}: got {bio!r}")
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", action="append", choices=LANGS)
    ap.add_argument("--shape", action="append", choices=[*SHAPES, *TRAPS])
    ap.add_argument("--input", action="append", choices=("html", "text"))
    ap.add_argument("--show", action="store_true", help="print each miss and false bio")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    langs, shapes = args.lang or list(LANGS), args.shape or [*SHAPES, *TRAPS]
    kinds = args.input or ["html", "text"]
    table = measure(langs, shapes, kinds, args.show)
    columns = [*langs, "all"]
    print("cells: hits/bios on a bio shape, false bios on a trap; then recall and precision per language")
    print(f"{'input':<6}{'shape':<15}" + "".join(f"{c:>11}" for c in columns))
    for kind in [*kinds, "both"]:
        for shape in [s for s in shapes if (kind, s, "all") in table]:
            cells = []
            for lang in columns:
                expected, predicted, hits = table.get((kind, shape, lang), (0, 0, 0))
                cells.append(f"{hits}/{expected}" if shape in SHAPES else f"false {predicted}")
            print(f"{kind:<6}{shape:<15}" + "".join(f"{c:>11}" for c in cells))
        for label, pick in (("recall", 0), ("precision", 1)):
            cells = []
            for lang in columns:
                bio, trap = table.get((kind, "bio", lang), (0, 0, 0)), table.get((kind, "trap", lang), (0, 0, 0))
                given = bio[1] + trap[1]
                value = (bio[2] / bio[0] if bio[0] else None) if pick == 0 else (bio[2] / given if given else None)
                cells.append("-" if value is None else f"{value:.3f}")
            print(f"{kind:<6}{label.upper():<15}" + "".join(f"{c:>11}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
