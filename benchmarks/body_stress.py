#!/usr/bin/env python3
"""The HTML body under stress: tuning-half pages made harder in the ways unseen pages are.

    python benchmarks/body_stress.py [--corpus DIR] [--variant NAME ...] [--seed N] [--show DIR]

The tuning half (``corpus_score.py --half even``: the MD5 of ``source/case``)
has few pages whose body the page splits or clutters, and the pages that judge
us have many. Each variant edits the saved HTML of every tuning-half page with
a full expected body that we already read well (shingle F1 >= 0.93 as saved),
around the element holding most of its expected paragraphs (the body holder),
with markup and words written here (never corpus text, in the page's
language where the word lists have it):

- ``split``: the holder cut into three chunks of the same tag and class, with an
  ad row, a newsletter box and a "related stories" row between them (as CMS
  templates that interleave ad slots write a story);
- ``split-wrapped``: the same with each chunk inside its own layout row (a grid
  row holding the chunk and an empty ad rail beside it);
- ``inline-related``: a "related" heading with a list of other stories' links
  inside the body;
- ``closing-list``: a list of other stories (headline and teaser) just after the body;
- ``comments``: a comment thread just after the body;
- ``captions``: a captioned figure and a pull quote (a body sentence repeated) inside the body.

Prints per variant the pages scored, shingle F1 (the corpus scorer's, on the
page's own expected text) and ``clutter``: the share of the inserted clutter
lines found in our output (0 is right). Only the tuning half is read.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import json
import logging
import random
import re
import statistics
import sys
from pathlib import Path

from lxml import etree, html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402


def _module(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cs = _module("corpus_score")
words = _module("text_stress")  # headlines, teaser sentences and "related" headings per language

GOOD_BODY = 0.93  # a page's own shingle F1 before it is made harder
AD_LABEL = {"en": "Advertisement", "de": "Anzeige", "fr": "Publicité", "pt": "Publicidade"}
NEWSLETTER = {
    "en": ("The Morning Briefing", "Get the day's top stories and our best analysis delivered to your inbox every weekday."),
    "de": ("Der Morgen-Überblick", "Die wichtigsten Nachrichten des Tages und unsere besten Analysen jeden Morgen im Postfach."),
    "fr": ("La lettre du matin", "Recevez chaque matin l'essentiel de l'actualité et nos meilleures analyses dans votre boîte mail."),
    "pt": ("Resumo da manhã", "Receba todas as manhãs as principais notícias do dia e as nossas melhores análises no seu e-mail."),
}
SIGN_UP = {"en": "Sign up", "de": "Jetzt anmelden", "fr": "S'inscrire", "pt": "Inscreva-se"}
MORE_STORIES = {"en": "More stories", "de": "Weitere Artikel", "fr": "Plus d'articles", "pt": "Mais notícias"}
COMMENTS = {
    "en": ("{n} comments", ["This is exactly what I have been saying to my neighbours for the past two years now.",
                            "Does anyone know whether the new rules will also apply to the smaller towns nearby?",
                            "Great reporting as usual, but I would have liked to hear from the people affected."]),
    "de": ("{n} Kommentare", ["Genau das sage ich meinen Nachbarn schon seit zwei Jahren immer wieder.",
                              "Weiß jemand, ob die neuen Regeln auch für die kleineren Orte in der Nähe gelten?",
                              "Gut recherchiert wie immer, aber ich hätte gern die Betroffenen selbst gehört."]),
    "fr": ("{n} commentaires", ["C'est exactement ce que je répète à mes voisins depuis deux ans maintenant.",
                                "Quelqu'un sait-il si les nouvelles règles s'appliqueront aussi aux petites communes ?",
                                "Bon article comme toujours, mais j'aurais aimé entendre les personnes concernées."]),
    "pt": ("{n} comentários", ["É exatamente isso que venho dizendo aos meus vizinhos nos últimos dois anos.",
                               "Alguém sabe se as novas regras também valem para as cidades menores da região?",
                               "Boa reportagem como sempre, mas eu gostaria de ouvir as pessoas afetadas."]),
}
COMMENTERS = ["riverside_reader", "Margaret T.", "old_harbour_guy"]
CAPTION = {"en": "Workers repair the roof of the old depot on Tuesday. Photo: Staff photographer",
           "de": "Arbeiter reparieren am Dienstag das Dach des alten Depots. Foto: Redaktion",
           "fr": "Des ouvriers réparent mardi le toit de l'ancien dépôt. Photo : Rédaction",
           "pt": "Operários consertam o telhado do antigo depósito na terça-feira. Foto: Redação"}


def _lang(case: dict) -> str:
    return case.get("lang") if case.get("lang") in AD_LABEL else "en"


def _el(tag: str, text: str | None = None, **attrs) -> etree._Element:
    element = etree.Element(tag, {k.rstrip("_"): v for k, v in attrs.items()})
    element.text = text
    return element


def _link(text: str, rng: random.Random) -> etree._Element:
    return _el("a", text, href=f"https://example.org/news/{rng.randint(10000, 99999)}")


# ------------------------------------------------------------------ the body holder

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", re.sub(r"[^\w]+", " ", text)).strip().casefold()


def _holder(root: etree._Element, expected: str) -> etree._Element | None:
    """The element whose child <p>s hold the most expected text (four or more of them)."""
    wanted = _norm(expected)
    best, best_chars = None, 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        hits = [p for p in element if p.tag == "p" and len(_norm(p.text_content())) > 40
                and _norm(p.text_content())[:80] in wanted]
        chars = sum(len(p.text_content()) for p in hits)
        if len(hits) >= 4 and chars > best_chars:
            best, best_chars = element, chars
    return best


def _paragraphs(holder: etree._Element) -> list[etree._Element]:
    return [p for p in holder if p.tag == "p" and len(p.text_content().split()) >= 8]


# ------------------------------------------------------------------ clutter (returns the element and its lines)

def _ad_row(rng, lang):
    row = _el("div", class_=rng.choice(["row full-bleed-ad", "ad-container mid-content", "inline-ad-wrapper"]))
    row.append(_el("div", AD_LABEL[lang], class_="ad-label"))
    return row, []  # the label alone is a word: the drop_phrase rule's, not scored here


def _newsletter(rng, lang):
    title, pitch = NEWSLETTER[lang]
    box = _el("div", class_=rng.choice(["promo-box", "inline-signup", "module-subscribe"]))
    box.append(_el("h3", title))
    box.append(_el("p", pitch))
    box.append(_link(SIGN_UP[lang], rng))
    return box, [pitch]


def _headlines(rng, lang, count):
    return [words._headline(rng, lang) for _ in range(count)]


def _link_list(rng, lang, box, heading):
    """``box`` with a "related" heading and a list of three other stories' links; the headlines."""
    box.append(_el(heading, words.RELATED_HEAD[lang]))
    listing = _el("ul")
    lines = _headlines(rng, lang, 3)
    for line in lines:
        item = _el("li")
        item.append(_link(line, rng))
        listing.append(item)
    box.append(listing)
    return lines


def _related_row(rng, lang):
    row = _el("div", class_=rng.choice(["related-row", "story-recirc", "inline-more"]))
    return row, _link_list(rng, lang, row, "h4")


def _story_cards(rng, lang):
    section = _el("section", class_=rng.choice(["more-stories", "bottom-list", "next-reads"]))
    section.append(_el("h2", MORE_STORIES[lang]))
    lines = []
    for headline in _headlines(rng, lang, 4):
        card = _el("div", class_="card")
        heading = _el("h3")
        heading.append(_link(headline, rng))
        card.append(heading)
        card.append(_el("p", words.TEASER_SENTENCE[lang]))
        section.append(card)
        lines.append(headline)
    return section, lines + [words.TEASER_SENTENCE[lang]]


def _comments(rng, lang):
    head, texts = COMMENTS[lang]
    thread = _el("div", id=rng.choice(["comments", "comment-section", "discussion"]))
    thread.append(_el("h3", head.format(n=len(texts))))
    for name, text in zip(COMMENTERS, texts):
        comment = _el("div", class_="comment")
        comment.append(_el("span", name, class_="comment-author"))
        comment.append(_el("p", text))
        thread.append(comment)
    return thread, texts


# ------------------------------------------------------------------ the variants (edit the tree in place)

def _split(rng, lang, holder, wrapped: bool):
    paragraphs = _paragraphs(holder)
    if len(paragraphs) < 6:
        return None
    children = list(holder)
    cuts = [children.index(paragraphs[len(paragraphs) // 3]), children.index(paragraphs[2 * len(paragraphs) // 3])]
    chunks = [children[:cuts[0]], children[cuts[0]:cuts[1]], children[cuts[1]:]]
    unit = holder
    if wrapped:  # each chunk in a layout row beside an (empty) ad rail
        unit = _el("div", class_="grid grid-layout--adrail")
        holder.addprevious(unit)
        unit.append(holder)
        unit.append(_el("div", class_="grid-layout__aside"))
    lines, anchor = [], unit
    for chunk, clutter in zip(chunks[1:], (_ad_row, _newsletter, _related_row)[rng.randint(0, 1):][:2]):
        row, said = clutter(rng, lang)
        anchor.addnext(row)
        lines += said
        part = copy.copy(holder)
        for child in list(part):
            part.remove(child)
        part.text = part.tail = None
        for child in chunk:
            part.append(child)  # moves it out of the first chunk
        if wrapped:
            copy_unit = _el("div", class_="grid grid-layout--adrail")
            copy_unit.append(part)
            copy_unit.append(_el("div", class_="grid-layout__aside"))
            part = copy_unit
        row.addnext(part)
        anchor = part
    return lines


def split(rng, lang, holder):
    return _split(rng, lang, holder, wrapped=False)


def split_wrapped(rng, lang, holder):
    return _split(rng, lang, holder, wrapped=True)


def inline_related(rng, lang, holder):
    paragraphs = _paragraphs(holder)
    if len(paragraphs) < 4:
        return None
    box = _el("div", class_=rng.choice(["inline-links", "related-inline", "embed-list"]))
    lines = _link_list(rng, lang, box, "strong")
    paragraphs[len(paragraphs) // 2].addnext(box)
    return lines


def closing_list(rng, lang, holder):
    section, lines = _story_cards(rng, lang)
    holder.addnext(section)
    return lines


def comments(rng, lang, holder):
    thread, lines = _comments(rng, lang)
    holder.addnext(thread)
    return lines


def captions(rng, lang, holder):
    paragraphs = _paragraphs(holder)
    if len(paragraphs) < 4:
        return None
    figure = _el("figure")
    figure.append(_el("img", src="https://example.org/pictures/depot.jpg", alt=""))
    figure.append(_el("figcaption", CAPTION[lang]))
    paragraphs[1].addnext(figure)
    quoted = paragraphs[len(paragraphs) // 2].text_content().strip()
    pull = _el("aside", class_="pullquote")
    pull.append(_el("p", f"“{quoted[:140]}”"))
    paragraphs[len(paragraphs) // 2 + 1].addprevious(pull)
    return [CAPTION[lang]]


VARIANTS = {"base": lambda rng, lang, holder: [], "split": split, "split-wrapped": split_wrapped,
            "inline-related": inline_related, "closing-list": closing_list, "comments": comments,
            "captions": captions}


# ------------------------------------------------------------------ scoring

def _predict(html_text: str, path: Path, rules) -> dict:
    source = decode_source(html_text.encode("utf-8"), path=path, kind="html")
    try:
        return scorer_view(clean(source, rules))
    except ExporterError:
        return {}


def _shingle_f1(row: dict) -> float:
    tp, fp, fn = row["shg"]
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _body(prediction: dict) -> str:
    return _norm(" ".join(prediction.get("paragraphs") or []) + " " + (prediction.get("bio") or ""))


def good_cases(scorer, corpus: Path, rules) -> list[tuple[dict, Path, str]]:
    """Tuning-half pages with a full expected body that we already read well, with their saved HTML."""
    cs.HALF = "even"
    out = []
    for case in cs.scored_cases(scorer, corpus, "html"):
        if case.get("body_kind") != "full":
            continue
        path = corpus / case["source"] / case["case"] / "source.html"
        text = path.read_text(encoding="utf-8", errors="replace")
        if _shingle_f1(scorer.score_case(case, _predict(text, path, rules))) >= GOOD_BODY:
            out.append((case, path, text))
    return out


def run(corpus: Path, names: list[str], seed: int, show: Path | None = None) -> list[tuple[str, list, list]]:
    scorer = cs.load_scorer(corpus)
    rules = load_rules()
    cases = good_cases(scorer, corpus, rules)
    table = []
    for name in names:
        rows, kept = [], []
        for case, path, text in cases:
            root = lxml_html.document_fromstring(text)
            holder = _holder(root, case["_expected_text"])
            if holder is None:
                continue
            rng = random.Random(f"{seed}:{name}:{case['id']}")
            lines = VARIANTS[name](rng, _lang(case), holder)
            if lines is None:
                continue
            edited = etree.tostring(root, encoding="unicode", method="html")
            prediction = _predict(edited, path, rules)
            row = scorer.score_case(case, prediction)
            rows.append(row)
            body = _body(prediction)
            found = [line for line in lines if _norm(line) in body]
            kept.extend([line in found for line in lines])
            if show and (found or _shingle_f1(row) < GOOD_BODY):
                show.mkdir(parents=True, exist_ok=True)
                (show / f"{name}--{case['id'].replace('/', '--')}.json").write_text(json.dumps(
                    {"shingle_f1": _shingle_f1(row), "clutter_kept": found, "paragraphs": prediction.get("paragraphs")},
                    ensure_ascii=False, indent=1), encoding="utf-8")
                (show / f"{name}--{case['id'].replace('/', '--')}.html").write_text(edited, encoding="utf-8")
        table.append((name, rows, kept))
    return table


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=words.default_corpus(),
                        help="../shared/corpus (../../shared/corpus from a worktree)")
    parser.add_argument("--variant", action="append", choices=sorted(VARIANTS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=Path, help="write the pages scoring below the bar or keeping clutter here")
    args = parser.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        parser.error(f"no corpus at {args.corpus}")
    logging.disable(logging.WARNING)
    scorer = cs.load_scorer(args.corpus)
    table = run(args.corpus, args.variant or list(VARIANTS), args.seed, args.show)
    print(f"{'variant':15} {'pages':>5} {'shgF1':>6} {'worst':>6} {'clutter':>7}")
    for name, rows, kept in table:
        if not rows:
            print(f"{name:15} {0:5d}")
            continue
        f1 = scorer.aggregate(rows)["body_shingle_f1"]
        worst = min(_shingle_f1(r) for r in rows)
        share = f"{statistics.mean(kept):7.3f}" if kept else "     - "
        print(f"{name:15} {len(rows):5d} {f1:6.3f} {worst:6.3f} {share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
