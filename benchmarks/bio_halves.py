#!/usr/bin/env python3
"""Bio recall and precision on two halves of the bio-labelled pages, for both input kinds.

    python benchmarks/bio_halves.py [--corpus DIR] [--show-tuning DIR]

The rules are tuned on one half only (the "tuning" half: pages whose case
name's MD5 is even) and measured on the other ("held-out"), which is scored
but never printed case by case; the gap between the halves says how much of a
score is memorised. The hidden pages the issue measures come from the same
sources, so the held-out half is the better guess of them.

The ``dates/`` pages are saved HTML only. Their whole-page text scrape is made
here the way the corpus's ``scrape.txt`` files were (BeautifulSoup's text of
``<body>``, one block a line, blank-line separated), so that the text path's
bios are measured on them too. Scores are given per half, input kind, source
and language (the expected bio's guessed language). ``--show-tuning DIR``
writes the tuning half's misses and false bios (only those) into DIR.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.cleaning.language import guess_language  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

SOURCES = ("seed", "readability", "scrapinghub", "dates")
# Block elements end a line of the scrape; inline ones (links, spans) stay within it.
_SCRAPE_BLOCKS = ("p div section article aside header footer ul ol li dl dt dd table tr td th blockquote h1 h2 h3 "
                  "h4 h5 h6 figure figcaption address br hr main nav form pre label button option select").split()


def half(name: str) -> str:
    return "tuning" if int(hashlib.md5(name.encode()).hexdigest(), 16) % 2 == 0 else "held-out"


def scrape_of(html: str) -> str:
    """A whole-page text scrape of a saved page, made as the corpus made its scrape.txt files."""
    import warnings

    from bs4 import BeautifulSoup, NavigableString, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # XHTML pages: read as HTML, as a browser does
    soup = BeautifulSoup(html, "lxml")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    body = soup.body or soup
    for string in list(body.find_all(string=True)):
        if type(string) is NavigableString and re.search(r"[\n\r\t]", string):
            string.replace_with(re.sub(r"\s", " ", str(string)))
    for element in body.find_all(_SCRAPE_BLOCKS):
        element.insert_before("\n")
        element.insert_after("\n")
    lines = (" ".join(line.split()) for line in body.get_text("").split("\n"))
    return "\n\n".join(line for line in lines if line) + "\n"


def scrape_lines(case: Path) -> list[str]:
    """A case's whole-page text scrape (its scrape.txt, else one made from its saved page), a block a line."""
    path = case / "scrape.txt"
    text = path.read_text(encoding="utf-8") if path.exists() else scrape_of(
        (case / "source.html").read_text(encoding="utf-8", errors="replace"))
    return [line for line in text.split("\n\n") if line.strip()]


def _scrape_place(case: Path, bio: str, scorer) -> str:
    """Where a missed bio's line stands against the body the text path kept (its first and last
    paragraphs' lines): before it, inside it, right after it (ten lines), further on."""
    lines = scrape_lines(case)
    at = [i for i, line in enumerate(lines) if scorer.token_f1(bio, line) >= 0.6]
    body = [i for i, line in enumerate(lines) if any(line.strip() == p.strip() for p in _LAST_BODY[:1] + _LAST_BODY[-1:])]
    if not at:
        return "place: not on a line"
    if not body:
        return "place: no body found"
    first, last = min(body), max(body)
    index = at[0]
    if first <= index <= last:
        kept = {" ".join(p.split()) for p in _LAST_BODY}
        after = sum(1 for line in lines[index + 1:last + 1] if " ".join(line.split()) in kept)
        share = f"{round(100 * index / len(lines))}% down the page"
        return (f"place: inside the body, {'last' if after == 0 else 'one to three' if after <= 3 else 'four or more'}"
                f" paragraphs after it" + ("" if after <= 3 else f" ({share})"))
    return ("place: before the body" if index < first
            else "place: after the body (10)" if index <= last + 10 else "place: far after the body")


def _opening(bio: str) -> str:
    """How a missed bio opens: with a name, a first-person word, a pronoun or something else."""
    from exporter.cleaning.names import is_person_name

    words = bio.split()
    head = " ".join(words[:2])
    if re.match(r"(?i)(?:i|ich|je|yo|eu|io|hi|hallo|hello|bonjour|hola|olá|ciao|my|mein|meine)\b", bio):
        return "opens: first person"
    if re.match(r"(?i)(?:he|she|they|er|sie|il|elle|ella|él|ele|ela|lui|lei)\b", bio):
        return "opens: pronoun"
    if is_person_name(head) or is_person_name(" ".join(words[:3])):
        return "opens: a name"
    return "opens: other words"


def _scrape_shape(case: Path, bio: str, scorer) -> str:
    """How a missed bio sits in the scrape: on one line, over several, or not as such."""
    lines = scrape_lines(case)
    if any(scorer.token_f1(bio, line) >= 0.6 for line in lines):
        return "on one line"
    for size in (2, 3, 4):
        if any(scorer.token_f1(bio, " ".join(lines[i:i + size])) >= 0.6 for i in range(len(lines))):
            return f"over {size} lines"
    return "not in scrape"


def load_scorer(corpus: Path):
    spec = importlib.util.spec_from_file_location("corpus_score_py", corpus / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predicted_bio(case: Path, kind: str, rules) -> str | None:
    return predicted(case, kind, rules)[0]


class _Weighed(logging.Handler):
    """The bio stage's weighed candidates (its debug lines), to say why a bio was missed."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.seen: list[tuple[float, str]] = []

    def emit(self, record):
        if record.msg.startswith("bio candidate"):
            self.seen.append((record.args[0], record.args[2]))


_WEIGHED = _Weighed()


_LAST_AUTHORS: list = []
_LAST_BODY: list = []  # the last case's body paragraphs (the scorer's view), for where a missed bio stands


def predicted(case: Path, kind: str, rules) -> tuple[str | None, bool]:
    """(the bio, whether a byline was found) for one case and input kind."""
    _WEIGHED.seen.clear()
    _LAST_AUTHORS.clear()
    _LAST_BODY.clear()
    html_path, text_path = case / "source.html", case / "scrape.txt"
    if kind == "html":
        if not html_path.exists():
            return None, False
        source = decode_source(html_path.read_bytes(), path=html_path, kind="html")
    else:
        if text_path.exists():
            data = text_path.read_bytes()
        elif html_path.exists():
            data = scrape_of(html_path.read_text(encoding="utf-8", errors="replace")).encode()
        else:
            return None, False
        source = decode_source(data, path=text_path, kind="text")
    try:
        view = scorer_view(clean(source, rules))
    except ExporterError:
        return None, False
    author = view.get("author")
    _LAST_AUTHORS.extend(author if isinstance(author, list) else [author] if author else [])
    _LAST_BODY[:] = view.get("paragraphs") or []
    return view.get("bio"), bool(author)


def measure(corpus: Path, show: Path | None = None) -> dict:
    scorer = load_scorer(corpus)
    rules = load_rules()
    cases = [e for e in scorer.load_cases(corpus, list(SOURCES), False, None) if e.get("bio_checked")]
    table: dict = {}
    for e in cases:
        case = corpus / e["source"] / e["case"]
        which = half(e["case"])
        lang = guess_language(e["bio"]) or "?" if e.get("bio") else None
        for kind in ("html", "text"):
            if kind == "html" and not (case / "source.html").exists():
                continue
            bio, bylined = predicted(case, kind, rules)
            row = scorer.score_case(e, {"bio": bio})
            if row["bio_expected"] and not row["bio_hit"]:
                # Why a bio is missed, counted (not shown) on both halves: the byline the bio
                # is tied to was not found (the byline steps' work, not the bio stage's).
                misses = table.setdefault((which, kind, "missed", "no byline" if not bylined else "with byline"),
                                          [0, 0, 0])
                misses[0] += 1
                scored = [score for score, text in _WEIGHED.seen if scorer.token_f1(e["bio"], text) >= 0.6]
                verdict = f"weighed {max(scored):.1f}" if scored else "not a candidate"
                table.setdefault((which, kind, "missed", verdict), [0, 0, 0])[0] += 1
                if kind == "text" and _LAST_AUTHORS:
                    from exporter.cleaning.bio_evidence import name_key
                    key, names = name_key(e["bio"]), [name_key(a) for a in _LAST_AUTHORS]
                    surnames = [name_key(a.split()[-1]) for a in _LAST_AUTHORS]
                    named = ("opens with the byline" if any(key.startswith(n) for n in names) else
                             "names the byline" if any(n in key for n in names) else
                             "names a byline word" if any(n in key for n in surnames) else "no byline name")
                    table.setdefault((which, kind, "missed", named), [0, 0, 0])[0] += 1
                if kind == "text":
                    shape = table.setdefault((which, kind, "missed", _scrape_shape(case, e["bio"], scorer)), [0, 0, 0])
                    shape[0] += 1
                    for said in (_scrape_place(case, e["bio"], scorer), _opening(e["bio"])):
                        table.setdefault((which, kind, "missed", said), [0, 0, 0])[0] += 1
            for key in ((which, kind, "source", e["source"]), (which, kind, "all", "all")) + (
                    ((which, kind, "lang", lang),) if lang else ()):
                cell = table.setdefault(key, [0, 0, 0])
                cell[0] += row["bio_expected"]
                cell[1] += row["bio_predicted"] if key[2] != "lang" else int(bool(bio) and row["bio_expected"])
                cell[2] += row["bio_hit"]
            if show is not None and which == "tuning" and (row["bio_expected"] != row["bio_hit"] or
                                                           (row["bio_predicted"] and not row["bio_hit"])):
                show.mkdir(parents=True, exist_ok=True)
                (show / f"{kind}-{e['source']}-{e['case']}.json").write_text(json.dumps(
                    {"expected": e.get("bio"), "predicted": bio, "case": str(case)}, ensure_ascii=False, indent=1))
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show-tuning", type=Path)
    args = ap.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    stage_log = logging.getLogger("exporter.cleaning.bio_stage")
    stage_log.setLevel(logging.DEBUG)
    stage_log.addHandler(_WEIGHED)
    stage_log.propagate = False
    table = measure(args.corpus, args.show_tuning)
    print(f"{'half':<10}{'input':<6}{'group':<22}{'bios':>6}{'given':>7}{'hits':>6}{'bioR':>8}{'bioP':>8}")
    for (which, kind, group, name), (expected, predicted, hits) in sorted(table.items()):
        recall = f"{hits / expected:8.3f}" if expected and group != "missed" else f"{'-':>8}"
        precision = f"{hits / predicted:8.3f}" if predicted and group not in ("lang", "missed") else f"{'-':>8}"
        print(f"{which:<10}{kind:<6}{group + ' ' + name:<22}{expected:>6}{predicted:>7}{hits:>6}{recall}{precision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
