#!/usr/bin/env python3
"""The text path's bio detection under stress: the tuning half's scrapes, made harder.

    python benchmarks/bio_stress.py [--corpus DIR] [--show DIR] [--only VARIANT]

The tuning half (benchmarks/bio_halves.py's: the case name's MD5 is even) has
too few missed bios to tune on, and the pages we are judged on differ from it
in known ways. So each tuning-half text scrape is edited in those ways and the
text path is scored on the edits. Pages with a bio, one variant each:

- ``no_byline``: the short lines naming the author before the bio are removed
  (the bio must be tied by its place, a heading or its own words);
- ``after_byline`` / ``at_end``: the bio's lines moved to just after the
  byline line, or to the page's very end (after the footer);
- ``first_name`` / ``pronoun``: the bio's opening full name replaced by the
  first name ("Jane is ...") or a pronoun ("She is ...", "Sie ist ...");
- ``heading``: an "About the author" line in the bio's language added before
  it (or, where the page has one, ``no_heading``: removed);
- ``glued_*``: the bio's lines joined on one line with what stands beside it,
  as a whole-page scrape joins the inline text of one block: ``glued_label``
  (the box's label and the name link before it), ``glued_links`` (the "more
  articles by X" link and the share words after it), ``glued_both`` (a date
  before, tag words after), ``glued_page`` (the page's own short lines on
  either side) and ``glued_no_byline`` (``glued_both`` with the byline's
  lines removed);
- ``self_box``: the bio replaced by a first-person box ("Hallo, ich bin
  Jana, ...", written here) right after the byline; ``self_sidebar`` and
  ``self_end`` (bio_stress_self.py): before the headline, at the page's end.
- ``sidebar_before``: the bio's lines moved before the headline (a theme's
  "About me" widget the scrape reads before the article);
  ``no_byline_at_end``: the byline's lines removed and the bio moved to the
  page's very end.

Pages without a bio get traps, one variant each, in the page's language:
``expert`` (a quoted expert "Prof X, vice-chancellor of Y, agrees ..."),
``interviewee`` (an interviewee's description), ``promo`` (a newsletter box)
in the middle of the body, ``closing`` (a last paragraph about someone the
story quotes, opening with a pronoun) and ``sidebar`` (another writer's bio)
after the body; glued traps, as a scrape joins one block's inline text:
``glued_promo`` (a newsletter box between share words and tag words after
the body), ``glued_caption`` (a news sentence "X is ..." glued to a photo
credit, mid-body) and ``glued_sidebar`` (another writer's bio glued to its
"more articles by" link, after the body); another writer's card before the
headline (``sidebar_first``) or at the page's very end, after the footer
(``footer_end``), each reported apart (``_nobyline``) on pages with no byline;
a reader's first-person comment under its stamp after the body
(``self_comment``); ``self_*`` (bio_stress_self.py): first-person texts that
are no author's box. Every trap is text written here, not corpus text.

Only tuning-half cases are read; the held-out half is measured by
bio_halves.py as totals. Prints recall and precision per variant and per
variant and language, and ``dirty``: the share of hits whose printed bio still
carries glued furniture. ``--show DIR`` writes the stressed misses, false bios
and dirty hits; ``--only`` takes a comma-separated list of variants.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bio_halves import DEFAULT_CORPUS, half, load_scorer, scrape_lines  # noqa: E402
from bio_stress_self import SELF_BIO_VARIANTS, SELF_TRAP_VARIANTS, self_bio_variants, self_trap_variants  # noqa: E402
from exporter.cleaning import clean, load_rules, scorer_view  # noqa: E402
from exporter.cleaning.language import guess_language  # noqa: E402
from exporter.errors import ExporterError  # noqa: E402
from exporter.reading import decode_source  # noqa: E402

SOURCES = ("seed", "readability", "scrapinghub", "trafilatura", "dates")
# A byline line is short: the name, maybe a date and a credit.
BYLINE_CHARS = 120
# A body line is prose: where the traps go in.
BODY_WORDS = 25

from bio_stress_words import (FURNITURE, GLUED_TRAPS, HEADINGS, PORTRAITS, PRONOUNS, SELF_BOXES, SELF_COMMENTS,  # noqa: E402
                              TRAPS)

GLUED_VARIANTS = ("glued_label", "glued_links", "glued_both", "glued_page", "glued_no_byline", "self_box")
BIO_VARIANTS = ("as_is", "no_byline", "after_byline", "at_end", "sidebar_before", "no_byline_at_end",
                "first_name", "pronoun", "heading", "run_on", "run_on_no_byline")
# How many of another page's paragraphs the run_on variants set after the bio.
RUN_ON_PARAGRAPHS = 5
# The traps whose card names someone else only where a byline is found (a "_nobyline" twin reported apart).
SIDEBAR_TRAPS = ("sidebar", "glued_sidebar", "sidebar_first", "footer_end", "portrait", "portraits")
TRAP_VARIANTS = ("as_is", "expert", "interviewee", "promo", "closing", "sidebar", "sidebar_nobyline",
                 "glued_promo", "glued_caption", "glued_sidebar", "glued_sidebar_nobyline", "sidebar_first",
                 "sidebar_first_nobyline", "footer_end", "footer_end_nobyline", "self_comment", "portrait",
                 "portrait_nobyline", "portraits", "portraits_nobyline")


def lines_of(case: Path) -> list[str]:
    return [line.strip() for line in scrape_lines(case)]


def run(lines: list[str], path: Path, rules) -> tuple[str | None, list[str]]:
    """(the bio, the byline's names) the text path gives for a scrape made of ``lines``."""
    bio, authors, _ = run_with_title(lines, path, rules)
    return bio, authors


def run_with_title(lines: list[str], path: Path, rules) -> tuple[str | None, list[str], int | None]:
    """(the bio, the byline's names, the headline's line) the text path gives for ``lines``."""
    source = decode_source(("\n\n".join(lines) + "\n").encode(), path=path, kind="text")
    try:
        view = scorer_view(clean(source, rules))
    except ExporterError:
        return None, [], None
    author, title = view.get("author"), view.get("title")
    headline = next((i for i, line in enumerate(lines) if title and line == title), None)
    return view.get("bio"), author if isinstance(author, list) else [author] if author else [], headline


def bio_span(lines: list[str], bio: str, scorer, authors: list[str], lex) -> range | None:
    """The lines the expected bio is on (the best of one line or a run of up to four), with the
    card's name label or heading line above it: a card moves, or loses its byline, as a whole."""
    best, score = None, 0.6
    for size in (1, 2, 3, 4):
        for i in range(len(lines)):
            f1 = scorer.token_f1(bio, " ".join(lines[i:i + size]))
            if f1 > score:
                best, score = range(i, min(len(lines), i + size)), f1
    if best is None:
        return None
    start, keys = best.start, [w.casefold() for a in authors for w in a.split() if len(w) > 2]
    while start > 0 and best.start - start < 2 and len(lines[start - 1]) <= 60 and (
            lex.heading.match(lines[start - 1]) or any(k in lines[start - 1].casefold() for k in keys)):
        start -= 1
    return range(start, best.stop)


def byline_lines(lines: list[str], span: range, authors: list[str]) -> list[int]:
    """The short lines before the bio that name an author (the byline, its repeats in the header)."""
    keys = [a.casefold() for a in authors if len(a) >= 4]
    return [i for i, line in enumerate(lines[:span.start])
            if len(line) <= BYLINE_CHARS and any(k in line.casefold() for k in keys)]


def _opening_name(bio: str, authors: list[str]) -> str | None:
    """The author's full name the bio opens with (after a dash or a bullet), if it does."""
    body = re.sub(r"^[\s—–\-*•·|(]+", "", bio)
    # (A card's name label alone on its line is the label, not an opening: it stays as it is.)
    return next((a for a in authors if len(a.split()) >= 2 and body.startswith(a)
                 and len(body.split()) > len(a.split()) + 2), None)


def bio_variants(lines: list[str], span: range, bio: str, authors: list[str], lang: str, lex, headline: int | None = None,
                 run_on: list[str] = ()):
    """(variant, lines, expected bio) for each stress variant that applies to this page
    (``headline``: the line the text path reads as the headline, if any; ``run_on``: another
    page's paragraphs in the page's language, for the run_on variants)."""
    bio_lines = lines[span.start:span.stop]
    rest = lines[:span.start] + lines[span.stop:]
    yield "as_is", lines, bio
    bylines = byline_lines(lines, span, authors)
    if bylines:
        yield "no_byline", [line for i, line in enumerate(lines) if i not in bylines], bio
        at = bylines[-1] + 1
        if at != span.start:
            yield "after_byline", rest[:at] + bio_lines + rest[at:], bio
    if span.stop < len(lines):
        yield "at_end", rest + bio_lines, bio
    if headline is not None and headline < span.start:
        yield "sidebar_before", lines[:headline] + bio_lines + lines[headline:span.start] + lines[span.stop:], bio
    if bylines and span.stop < len(lines):
        yield "no_byline_at_end", [line for i, line in enumerate(rest) if i not in bylines] + bio_lines, bio
    if run_on:
        # The body's run of prose goes on past the bio: the next story of an endless-scroll page,
        # readers' comments without their stamps, a rail's excerpts (another page's paragraphs here).
        ran = lines[:span.stop] + list(run_on) + lines[span.stop:]
        yield "run_on", ran, bio
        if bylines:
            yield "run_on_no_byline", [line for i, line in enumerate(ran) if i not in bylines], bio
    opening = next((i for i, line in enumerate(bio_lines) if _opening_name(line, authors)), None)
    if opening is not None:
        name = _opening_name(bio_lines[opening], authors)
        pronoun = PRONOUNS.get(lang, "She")
        if re.search(r"\b(?:he|his|him|er|seine?m?r?)\b", bio):  # the bio's own pronouns say which
            pronoun = {"en": "He", "de": "Er"}.get(lang, pronoun)
        for variant, word in (("first_name", name.split()[0]), ("pronoun", pronoun)):
            edited = list(bio_lines)
            edited[opening] = edited[opening].replace(name, word, 1)
            yield variant, lines[:span.start] + edited + lines[span.stop:], bio.replace(name, word, 1)
    before = lines[span.start - 1] if span.start else ""
    if before and len(before) <= 70 and lex.heading.match(before):
        yield "no_heading", lines[:span.start - 1] + lines[span.start:], bio
    else:
        yield "heading", lines[:span.start] + [HEADINGS.get(lang, HEADINGS["en"])] + lines[span.start:], bio
    yield from glued_variants(lines, span, bio, authors, lang, bylines)


# The page's own lines glued onto the bio: short ones (a label, a link, a date), as a block's inline text is.
GLUE_CHARS = 80


def glued_variants(lines: list[str], span: range, bio: str, authors: list[str], lang: str, bylines: list[int]):
    """(variant, lines, expected bio) with the bio's lines joined on one line with furniture beside it."""
    words = FURNITURE.get(lang, FURNITURE["en"])
    name = next((a for a in authors if a), "")
    text = " ".join(lines[span.start:span.stop])

    def glued(prefix: str, suffix: str, drop: tuple[int, ...] = ()) -> list[str]:
        one = " ".join(part for part in (prefix, text, suffix) if part)
        return [line for i, line in enumerate(lines[:span.start]) if i not in drop] + [one] + lines[span.stop:]

    if name:
        yield "glued_label", glued(f"{words['label']} {name}", ""), bio
        yield "glued_links", glued("", f"{words['more'].format(name=name)} {words['share']}"), bio
    yield "glued_both", glued(f"{words['date']} {words['share']}", words["tags"]), bio
    before = lines[span.start - 1] if span.start and len(lines[span.start - 1]) <= GLUE_CHARS else ""
    after = lines[span.stop] if span.stop < len(lines) and len(lines[span.stop]) <= GLUE_CHARS else ""
    if before or after:
        page = lines[:span.start - 1 if before else span.start] + [" ".join(p for p in (before, text, after) if p)]
        yield "glued_page", page + lines[span.stop + 1 if after else span.stop:], bio
    if bylines:
        yield "glued_no_byline", glued(f"{words['date']} {words['share']}", words["tags"], tuple(bylines)), bio
        first = name.split()[0] if name else ""
        if first and lang in SELF_BOXES:
            box = SELF_BOXES[lang].format(first=first)
            rest = lines[:span.start] + lines[span.stop:]
            at = bylines[-1] + 1
            yield "self_box", rest[:at] + [box] + rest[at:], box


def trap_places(lines: list[str]) -> tuple[int, int] | None:
    """(the middle of the body, right after it): where the traps go in; None with no prose."""
    body = [i for i, line in enumerate(lines) if len(line.split()) >= BODY_WORDS]
    return (body[len(body) // 2] + 1, body[-1] + 1) if body else None


def trap_variants(lines: list[str], lang: str, headline: int | None = None, authors: list[str] = ()):
    """(variant, lines, the trap's text) for each trap variant of a page without a bio
    (``headline``: the line the text path reads as the headline, if any; ``authors``: its byline)."""
    yield "as_is", lines, None
    if not (places := trap_places(lines)):
        return
    traps = TRAPS.get(lang, TRAPS["en"])
    middle, after = places
    for variant in ("expert", "interviewee", "promo"):
        yield variant, lines[:middle] + [traps[variant]] + lines[middle:], traps[variant]
    # A story's last paragraph about someone it quotes, opening with a pronoun ("He joined the team ...").
    yield "closing", lines[:after] + [traps["closing"]] + lines[after:], traps["closing"]
    # Another writer's card right after the body: with a byline found it names someone else
    # (reported as "sidebar"); with none, nothing on the page says whose it is ("sidebar_nobyline").
    yield "sidebar", lines[:after] + [traps["sidebar"]] + lines[after:], traps["sidebar"]
    words, glued = FURNITURE.get(lang, FURNITURE["en"]), GLUED_TRAPS.get(lang, GLUED_TRAPS["en"])
    promo = f"{words['share']} {traps['promo']} {words['tags']}"
    yield "glued_promo", lines[:after] + [promo] + lines[after:], traps["promo"]
    caption = f"{glued['credit']} {glued['caption']}"
    yield "glued_caption", lines[:middle] + [caption] + lines[middle:], glued["caption"]
    sidebar = f"{traps['sidebar']} {words['more'].format(name=glued['other'])}"
    yield "glued_sidebar", lines[:after] + [sidebar] + lines[after:], traps["sidebar"]
    if headline is not None:
        yield "sidebar_first", lines[:headline] + [traps["sidebar"]] + lines[headline:], traps["sidebar"]
    yield "footer_end", lines + [traps["sidebar"]], traps["sidebar"]
    stamp, comment = SELF_COMMENTS.get(lang, SELF_COMMENTS["en"])
    yield "self_comment", lines[:after] + [stamp, comment] + lines[after:], comment
    # A feature's portrait of its subject in the story (named again further on), and a list of two.
    name, about, later, name2, about2 = PORTRAITS.get(lang, PORTRAITS["en"])
    body = [i for i, line in enumerate(lines) if len(line.split()) >= BODY_WORDS and i >= middle]
    again = body[1] + 1 if len(body) > 1 else after  # a story paragraph or two further on
    yield "portrait", lines[:middle] + [name, about] + lines[middle:again] + [later] + lines[again:], about
    yield "portraits", lines[:middle] + [name, about, name2, about2] + lines[middle:], about
    yield from self_trap_variants(lines, lang, list(authors), middle, after)


def leftover_furniture(bio: str, expected: str, lang: str) -> list[str]:
    """The glued furniture (the box's label, its profile link, share words, the date, the tag list; of
    the page's language or English) that the printed bio still carries and the expected bio does not."""
    found = []
    for words in {id(w): w for w in (FURNITURE.get(lang, FURNITURE["en"]), FURNITURE["en"])}.values():
        for key in ("label", "more", "share", "date", "tags"):
            piece = words[key].split("{name}")[0].strip()
            if piece and piece in bio and piece not in expected:
                found.append(piece)
    return found


def measure(corpus: Path, show: Path | None, only: str | None) -> dict:
    from exporter.cleaning.bio_rules import lexicon

    scorer = load_scorer(corpus)
    rules = load_rules()
    lex = lexicon(rules.bio)
    table: dict = {}

    def count(variant: str, lang: str, expected: bool, predicted: bool, hit: bool, dirty: bool = False) -> None:
        # An unbylined page's card after the body is whose it says it is: nothing on the page
        # says otherwise, so the total leaves those variants out (they are shown on rows of their own).
        for key in ((variant, "all"), (variant, lang)) + ((("ALL", "all"),) if not variant.endswith("_nobyline") else ()):
            cell = table.setdefault(key, [0, 0, 0, 0, 0])
            cell[0] += 1
            cell[1] += expected
            cell[2] += predicted
            cell[3] += hit
            cell[4] += dirty

    cases = [e for e in scorer.load_cases(corpus, list(SOURCES), False, None)
             if e.get("bio_checked") and half(e["case"]) == "tuning"]
    # The run_on variants' paragraphs: the prose lines of the tuning pages without a bio, per language.
    prose: dict[str, list[list[str]]] = {}
    for e in cases:
        case = corpus / e["source"] / e["case"]
        if not e.get("bio") and ((case / "scrape.txt").exists() or (case / "source.html").exists()):
            long = [line for line in lines_of(case) if len(line.split()) >= BODY_WORDS][:RUN_ON_PARAGRAPHS]
            if len(long) == RUN_ON_PARAGRAPHS:
                prose.setdefault(e.get("lang") or "?", []).append(long)
    for e in cases:
        case = corpus / e["source"] / e["case"]
        if not ((case / "scrape.txt").exists() or (case / "source.html").exists()):
            continue
        lines, path = lines_of(case), case / "scrape.txt"
        _, found, headline = run_with_title(lines, path, rules)
        if e.get("bio"):
            authors = [a for a in (e.get("authors") or []) if a] or found
            span = bio_span(lines, e["bio"], scorer, authors, lex)
            if span is None:
                continue  # the bio is not in the scrape as lines: nothing to move
            lang = guess_language(e["bio"]) or "?"  # as bio_halves.py counts it
            said = e.get("lang") or guess_language(" ".join(lines))  # the heading's and pronoun's language
            pool = prose.get(said) or prose.get("en", [])
            run_on = pool[int(hashlib.md5(e["case"].encode()).hexdigest(), 16) % len(pool)] if pool else []
            variants = list(bio_variants(lines, span, e["bio"], authors, said, lex, headline, run_on))
            variants += self_bio_variants(lines, span, authors, said, byline_lines(lines, span, authors), e.get("title"))
        else:
            lang = said = e.get("lang") or guess_language(" ".join(lines)) or "?"
            variants = [(v if v not in SIDEBAR_TRAPS or found else f"{v}_nobyline", ls, t)
                        for v, ls, t in trap_variants(lines, lang, headline, found)]
        for variant, edited, expected in variants:
            if only and variant not in only.split(","):
                continue
            bio, _ = run(edited, path, rules)
            if e.get("bio"):
                hit = bool(bio and scorer.token_f1(expected, bio) >= 0.6)
                dirty = hit and bool(leftover_furniture(bio, expected, said))
                count(variant, lang, True, bool(bio), hit, dirty)
                wrong = not hit or dirty
            else:
                # A trap page: only the trap taken for a bio counts as a false bio (a scrapinghub
                # page's real but unlabelled author card is no trap's doing).
                taken = bool(bio and (scorer.token_f1(expected, bio) >= 0.6 if expected else True))
                count(variant, lang, False, taken, False)
                wrong = taken
            if show is not None and wrong:
                show.mkdir(parents=True, exist_ok=True)
                (show / f"{variant}-{e['source']}-{e['case']}.json").write_text(json.dumps(
                    {"variant": variant, "expected": expected, "predicted": bio, "case": str(case),
                     "leftover": leftover_furniture(bio or "", expected or "", said) if e.get("bio") else []},
                    ensure_ascii=False, indent=1))
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--show", type=Path, help="write the stressed misses and false bios (tuning half) here")
    ap.add_argument("--only", help="only these variants (comma-separated)")
    args = ap.parse_args(argv)
    if not (args.corpus / "score.py").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    table = measure(args.corpus, args.show, args.only)
    # dirty: the share of hits whose printed bio still carries glued furniture (a label, "Alle Artikel von",
    # share words, the date, the tags): a bio page must print the bio alone.
    print(f"{'variant':<24}{'lang':<6}{'pages':>6}{'bios':>6}{'given':>7}{'hits':>6}{'bioR':>8}{'bioP':>8}{'false':>7}"
          f"{'dirty':>7}")
    order = {v: i for i, v in enumerate(BIO_VARIANTS + ("no_heading",) + GLUED_VARIANTS + SELF_BIO_VARIANTS
                                        + TRAP_VARIANTS[1:] + SELF_TRAP_VARIANTS + ("ALL",))}
    for (variant, lang), (pages, expected, predicted, hits, dirty) in sorted(
            table.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1] != "all", kv[0][1])):
        recall = f"{hits / expected:8.3f}" if expected else f"{'-':>8}"
        precision = f"{hits / predicted:8.3f}" if predicted else f"{'-':>8}"
        share = f"{dirty / hits:7.3f}" if hits else f"{'-':>7}"
        print(f"{variant:<24}{lang:<6}{pages:>6}{expected:>6}{predicted:>7}{hits:>6}{recall}{precision}"
              f"{predicted - hits:>7}{share}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
