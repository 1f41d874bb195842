"""Saved pages whose byline is a plain line under the headline, outside the article body and
with no byline markup (headline_byline.py); pages written here, in the corpus languages."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.reading import decode_source

from tests.test_cleaning_text_scrapes import BODY, HEADLINE

# Paragraphs that name a person, as a report quoting the council's leader does.
QUOTING = [BODY[0], "Council leader Marta Kowalski said the vote was the most important of her term, and that "
                     "the first trams would run before the next election.", *BODY[1:]]


MENU = "<nav><a>Politik</a> <a>Wirtschaft</a> <a>Stadt</a> <a>Verkehr</a> <a>Sport</a></nav>"


def view_page(under_headline: str, body: list[str] = BODY) -> dict:
    """A page whose header (headline and the lines under it) stands apart from the <article>."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    html = (f"<html><head><title>{HEADLINE} | Example News</title></head><body>{MENU}<header><h1>{HEADLINE}</h1>"
            f"{under_headline}</header><article>{paragraphs}</article></body></html>")
    return scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))


@pytest.mark.parametrize("under_headline, authors", [
    ("<p>By Jane Roe</p>", ["Jane Roe"]),
    ("<div>Von Anna Müller und Jörg Schmidt</div>", ["Anna Müller", "Jörg Schmidt"]),
    ("<span>Por María García y José Pérez</span>", ["María García", "José Pérez"]),
    ("<p>Par Martin Dupont (avec Claire Petit et Louis Moreau)</p>", ["Martin Dupont", "Claire Petit", "Louis Moreau"]),
    ("<div>Di Mario Rossi e Luca Bianchi</div>", ["Mario Rossi", "Luca Bianchi"]),
    ("<div>AFP</div><div>By Jane Roe</div>", ["Jane Roe"]),  # a wire credit before the person's byline
    ('<p>By <a href="/authors/jane-roe">Jane Roe</a> <a href="https://twitter.com/janeroe">@janeroe</a></p>',
     ["Jane Roe"]),
    ("<p>Jane Roe</p><p>May 4, 2022</p>", ["Jane Roe"]),  # a bare name line beside the dateline
    ("<p>Chief Political Correspondent Jane Roe</p>", ["Jane Roe"]),  # a job title before the name
    ("<p>Jane Roe | Valencia | 12 de marzo de 2021</p>", ["Jane Roe"]),  # name | place | date ("de" dates)
    ("<p>Ophélie Martin | Le 19 février 2020</p>", ["Ophélie Martin"]),  # the date after its preposition
])
def test_byline_line_under_the_headline(under_headline, authors):
    result = view_page(under_headline)
    assert result["authors"] == authors
    assert result["paragraphs"] == BODY


@pytest.mark.parametrize("under_headline", [
    "<p>Politik Stadt Verkehr</p>",  # topic tags: the site's menu labels
    "<nav>Lokales Lokales Verkehr</nav>",
    "<p>Lokales Lokales Verkehr</p><p>12.03.2021</p>",  # a section trail repeats its words
    "<p>Tram Line</p><p>12.03.2021</p>",  # the headline's own words as a tag
    "<p>Text: dpa</p>",
    "<p>Foto. Cortesía</p>",  # a photo credit's label
    "<p>Multimedia Redaktion</p><p>12.03.2021</p>",  # a newsroom desk signing for itself
])
def test_lines_under_the_headline_that_name_no_writer(under_headline):
    assert view_page(under_headline)["authors"] == []


def test_a_name_the_story_is_about_is_no_byline():
    # a topic tag naming the person the report quotes
    assert view_page("<p>Marta Kowalski</p>", QUOTING)["authors"] == []



def test_byline_above_the_headline():
    # templates that set the byline beside the kicker, over the headline
    html = (f"<html><head><title>{HEADLINE}</title></head><body>{MENU}<header><p>Verkehr</p><p>Von Anna Müller</p>"
            f"<h1>{HEADLINE}</h1></header><article>{''.join(f'<p>{p}</p>' for p in BODY)}</article></body></html>")
    assert scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))["authors"] == ["Anna Müller"]


def test_byline_above_the_headline_is_the_nearest_line_not_the_menu_further_up():
    # the nearest lines are read first: a menu in a plain <div> further up, and an ad slot's script
    # between the byline and the headline, do not hide the byline
    menu = "<div class='menu'>" + "".join(f"<a href='/{w}'>{w}</a>" for w in ("Start", "Politik", "Sport", "Kultur")) + "</div>"
    ad = "<div class='ad'><script>var slot = '" + "x" * 300 + "';</script></div>"
    html = (f"<html><head><title>{HEADLINE}</title></head><body>{menu}<header><p>Verkehr</p><p>Von Anna Müller</p>"
            f"{ad}<h1>{HEADLINE}</h1></header><article>{''.join(f'<p>{p}</p>' for p in BODY)}</article></body></html>")
    assert scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))["authors"] == ["Anna Müller"]


def test_a_rail_of_teasers_above_the_headline_names_no_writer():
    # a "Most read" rail over the article header: each teaser's "By" line is that teaser's
    rail = ("<div class='rail'><p>Most read</p><p>Why the old bridge still matters to the city</p><p>By Max Moe</p>"
            "<p>Ten years of night buses in the northern suburbs</p><p>By Ann Poe</p></div>")
    html = (f"<html><head><title>{HEADLINE}</title></head><body><header>{rail}<h1>{HEADLINE}</h1></header>"
            f"<article>{''.join(f'<p>{p}</p>' for p in BODY)}</article></body></html>")
    assert scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))["authors"] == []
