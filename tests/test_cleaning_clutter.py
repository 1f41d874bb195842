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
]
PROSE = [
    "Next week the council meets again to decide on the budget.",
    "Read more about the tram line in our series on the city budget, which begins next week.",
    "Loading the trucks took most of the night, the drivers said.",
    "The gallery opened in 1998 and now shows 9 photos of the old harbour.",
    "Lire aussi les documents du conseil permet de comprendre le vote.",
    "Please wait for the official results before drawing conclusions, the mayor said.",
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
