"""Page furniture that must not be printed in the book, in the shapes (and languages) news pages have."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, load_rules, scorer_view
from exporter.reading import decode_source
from tests.test_cleaning_text_scrapes import BODY, HEADLINE

CLUTTER = [
    "Next", "Previous", "Suivant", "Weiter", "Siguiente",
    "Recent Slide Shows", "Featured Slide Shows", "Related Videos", "More Videos", "Latest Headlines",
    "Weitere Videos", "Vidéos les plus vues",
    "Loading Comments...", "Loading Comments…", "Please wait...", "Chargement…", "Wird geladen …", "Cargando...",
    "This feature is temporarily unavailable. Please try again later.",
    "Your browser does not support the video tag.",
    "Gallery: Xbox One X screenshots | 9 Photos", "Bildergalerie: Die schönsten Bilder vom Fest (12 Bilder)",
    "14 Photos",
    "Lire aussi : Les critiques de la CNIL contre le projet de loi sur le renseignement",
    "Lesen Sie auch: Die Bahn streikt erneut", "Leia também: O governo anuncia novo plano",
    "Leggi anche: Il governo vara la manovra", "Lees ook: Kabinet valt over stikstof",
    "Read more: Alibaba poised to launch record-breaking listing", "Related: Chicago is America's most segregated city",
    "Revivez le direct du vote à l’Assemblée avec vos questions.", "Suivez notre direct sur la manifestation",
    "Follow our live coverage of the election here",
    "2019-11-19T08:57:40+01:00", "https://static.example.de/image/5dd3a081-500-250/tram.jpg", "500",
    "Previous Post", "Next Post", "« Older post", "Vorheriger Beitrag", "Article précédent", "Entrada anterior",
    "Articolo successivo", "Volgend bericht",
]
PROSE = [
    "Next week the council meets again to decide on the budget.",
    "Read more about the tram line in our series on the city budget, which begins next week.",
    "Loading the trucks took most of the night, the drivers said.",
    "The gallery opened in 1998 and now shows 9 photos of the old harbour.",
    "Lire aussi les documents du conseil permet de comprendre le vote.",
    "Please wait for the official results before drawing conclusions, the mayor said.",
    "2019", "Next post office to close is in Leeds.", "See https://example.org/report for the full figures.",
]


@pytest.mark.parametrize("line", CLUTTER)
def test_furniture_lines_are_boilerplate(line):
    assert load_rules().is_boilerplate(line)


@pytest.mark.parametrize("line", PROSE)
def test_sentences_that_start_the_same_way_are_kept(line):
    assert not load_rules().is_boilerplate(line)


def test_clutter_between_paragraphs_of_a_text_scrape_is_dropped():
    lines = ["Home", "World", HEADLINE, "By Jane Roe", "May 4, 2022", BODY[0], "Lire aussi : Le plan du maire",
             BODY[1], "Gallery: The new tram | 9 Photos", BODY[2], "Loading Comments…", BODY[3], "Related Videos",
             "Next"]
    result = scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))
    assert result["paragraphs"] == BODY


@pytest.mark.parametrize("tag", ["Politics", "CORONAVIRUS", "Mondial 2022", "Local News"])
def test_topic_tag_above_the_first_paragraph_is_dropped(tag):
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body><article><h1>{HEADLINE}</h1><p>{tag}</p>{body}</article></body></html>"
    assert scorer_view(clean(decode_source(html.encode(), kind="html")))["paragraphs"] == BODY


def test_a_short_first_sentence_is_no_topic_tag():
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = f"<html><body><article><h1>{HEADLINE}</h1><p>It happened.</p>{body}</article></body></html>"
    assert scorer_view(clean(decode_source(html.encode(), kind="html")))["paragraphs"][0] == "It happened."


def test_post_navigation_ends_a_short_post_before_its_long_comment_thread():
    # an open thread on a charity's blog: 60 words of post, then "Next Post" and pages of comments
    comment = ("Have you written anything about the trade-off between giving now and investing the money to "
               "give more later, since research keeps improving and better programs may be found? ")
    lines = ["Home", "Blog", HEADLINE, BODY[0], BODY[1], "Posted in Open thread | Permalink | 10 Comments",
             "Previous Post", "Next Post", *(comment * 2 for _ in range(6))]
    result = scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))
    assert result["paragraphs"][:2] == BODY[:2]
    assert not any("trade-off" in p for p in result["paragraphs"])


def test_the_body_printed_again_as_one_block_goes_once():
    # a portal's hidden schema.org articleBody, scraped as one long line after the article
    lines = ["Home", HEADLINE, *BODY, "More: tram", " ".join(BODY), "BusinessInsiderDe"]
    result = scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))
    assert result["paragraphs"][:len(BODY)] == BODY
    assert " ".join(BODY) not in result["paragraphs"]


def test_a_paragraph_that_repeats_a_short_phrase_is_kept():
    refrain = "We will not move, the residents said."
    body = "".join(f"<p>{p}</p>" for p in [refrain, *BODY, refrain])
    html = f"<html><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    assert scorer_view(clean(decode_source(html.encode(), kind="html")))["paragraphs"][-1] == refrain


def test_a_long_paragraph_said_twice_is_kept():
    # a chorus, or a statement the page prints again at its end: one block's text repeated is no echo
    long = " ".join(BODY[:2])
    body = "".join(f"<p>{p}</p>" for p in [long, *BODY[2:], long])
    html = f"<html><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    assert scorer_view(clean(decode_source(html.encode(), kind="html")))["paragraphs"].count(long) == 2


def test_a_long_paragraph_said_twice_is_kept_when_a_stock_phrase_is_also_elsewhere():
    # the repeated chorus shares "at the end of the day" with an earlier paragraph: its runs then
    # come from two blocks above, yet nearly all from one, so it is a repeat, not a joined body
    chorus = ("At the end of the day the tram will run past the old harbour, the market and the "
              "school, the residents sang, and the council will have kept the promise it made to "
              "the northern suburbs when the line was first drawn on the city's map ten years ago.")
    opener = "Councillors agreed that at the end of the day the cost was worth it. " + BODY[0]
    body = "".join(f"<p>{p}</p>" for p in [opener, chorus, *BODY[1:], chorus])
    html = f"<html><body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    assert scorer_view(clean(decode_source(html.encode(), kind="html")))["paragraphs"].count(chorus) == 2
