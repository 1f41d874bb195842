"""Text scrapes of portals and aggregators: the rail of other stories under the article is not the article.

Each teaser is a few short lines (kicker, headline, writer or source) and one
sentence; the scrape flattens them into a run that reads as prose.
"""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.reading import decode_source

HEADLINE = "Harbour authority approves the new container terminal"
BODY = [
    "The harbour authority approved on Monday a new container terminal on the eastern quay, ending three years "
    "of hearings in which fishermen, shipping firms and residents argued over the plan.",
    "The terminal will double the port's capacity and is expected to bring some two thousand jobs to the town "
    "over the next decade, according to the authority's own estimate.",
    "Fishermen who moor their boats on the eastern quay will be moved to a new basin further north, which the "
    "authority has promised to dredge before the work begins next year.",
    "Residents of the old town, whose houses overlook the quay, said the noise and the lorries would change the "
    "character of a place that has lived from fishing for four centuries.",
    "The shipping firms welcomed the decision and said they would move part of their traffic from larger ports "
    "in the south, where berths are booked out for months ahead.",
    "A group of residents said they would appeal against the decision in the regional court, which could delay "
    "the start of the work by a year or more.",
]
TEASERS = [  # kicker, headline, writer, teaser sentence: a portal's "More stories" rail
    ("Politics", "Council delays the vote on the bridge toll", "Ana Ferreira",
     "The city council put off for a month its vote on the toll for the new bridge, after the opposition asked "
     "for a study of the traffic it would push onto the old roads."),
    ("Sport", "Local club signs a striker from the capital", "Tom Berger",
     "The club announced the signing of a young striker on a three-year contract, its largest transfer since "
     "the stadium was rebuilt in the nineties."),
    ("Culture", "The summer festival moves to the castle grounds", "Lea Dumont",
     "Organisers of the summer music festival said this year's concerts would move to the castle grounds, "
     "where there is room for twice as many visitors as on the square."),
    ("Weather", "Storms expected along the coast this weekend", "Ana Ferreira",
     "Forecasters warned of strong winds and heavy rain along the coast from Friday night, and advised boat "
     "owners to check their moorings before the weekend."),
]
FOOTER = ["About us", "Contact", "© 2019 Coast News. All rights reserved."]


def view(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


def _flat(teasers) -> list[str]:
    return [line for teaser in teasers for line in teaser]


def test_rail_of_story_teasers_under_the_article_is_cut():
    result = view("Home", "News", HEADLINE, *BODY, "More Coast News", *_flat(TEASERS), *FOOTER)
    assert result["paragraphs"] == BODY
    assert result["title"] == HEADLINE


def test_aggregator_rail_with_source_domains_is_cut():
    # an aggregator's rail: kicker in capitals, headline, 'N votes source.com', teaser sentence
    rail = [(kicker.upper(), headline, f"{n} votes example{n}.com", teaser)
            for n, (kicker, headline, _, teaser) in enumerate(TEASERS, 3)]
    result = view(HEADLINE, *BODY, "Every day we send an email with the top stories.", *_flat(rail), *FOOTER)
    assert result["paragraphs"] == BODY


def test_captioned_photos_inside_the_article_stay():
    # trap: a photo essay sets caption and credit lines before single paragraphs, but the article goes on
    # after them with paragraphs in a row: those units are the article's own
    photos = [(f"Photo {n}", "(Jan Holm / Coast News)", paragraph) for n, paragraph in enumerate(BODY[:4], 1)]
    result = view(HEADLINE, *BODY[4:], *_flat(photos), *BODY[:2])
    assert result["paragraphs"] == [*BODY[4:], *_flat(photos), *BODY[:2]]


def test_results_list_after_the_story_stays():
    # trap: a sports round-up's results (match line, team line, scorers) run to the end after the story
    intro = ("Four teams stayed unbeaten after the first week of the county basketball season, with Palm Creek "
             "winning the derby.")
    games = [(f"{home} d. {away} {score}", f"{home} (1-0): {scorers}",
              f"{away} (0-1): Johnson 12 points and 5 rebounds, Miller 9 points, Brooks 8 points, Lee 6 points, "
              f"Evans 4 points and 3 steals.")
             for home, away, score, scorers in [("Palm Creek", "Ridge", "61-40", "Carter 18 points."),
                                                ("Oakdale", "Bayside", "53-9", "Howard 19 points."),
                                                ("Westfield", "Lakeview", "69-54", "Thomas 18 points."),
                                                ("Northgate", "Hillcrest", "48-45", "Diaz 15 points.")]]
    result = view(HEADLINE, *BODY, intro, *_flat(games), *FOOTER)
    assert result["paragraphs"] == [*BODY, intro, *_flat(games)]


def test_listicle_items_with_one_heading_each_stay():
    # trap: a listicle's items (one heading, one paragraph), even after a long introduction
    items = [(f"{n}. {kicker}", teaser) for n, (kicker, _, _, teaser) in enumerate(TEASERS, 1)]
    result = view(HEADLINE, *BODY, *_flat(items), *FOOTER)
    assert result["paragraphs"] == [*BODY, *_flat(items)]


GLUED_CARDS = [  # a local-news portal's mega-menu: each card's Title Case headline run into its summary
    "Council Delays The Vote On The Bridge TollThe city council put off for a month its vote on the toll for "
    "the new bridge, after the opposition asked for a study of the traffic.",
    "Local Club Signs A Striker From The CapitalThe club announced the signing of a young striker on a "
    "three-year contract, its largest transfer since the stadium was rebuilt.",
    "Storms Expected Along The Coast This WeekendForecasters warned of strong winds and heavy rain along the "
    "coast from Friday night, and advised boat owners to check their moorings.",
    "Harbour Trust Sells 2,000The trust that runs the old harbour will sell two thousand of its moorings to "
    "the town, which plans to rent them out to visiting sailors next summer.",
    "Is The Summer Festival Moving?Organisers of the summer music festival said this year's concerts would "
    "move to the castle grounds, where there is room for twice as many visitors.",
]


def test_mega_menu_of_glued_teaser_cards_above_a_short_article_is_not_the_article():
    # the menu's cards outweigh the short article at the page's foot, unless they read as teasers
    menu = [line for card in GLUED_CARDS for line in ("News", card, "Weather", "Sport", "2 hours ago")]
    result = view(*menu * 3, HEADLINE, *BODY[:3], *FOOTER)
    assert result["paragraphs"] == BODY[:3]
    assert result["title"] == HEADLINE


def test_camel_case_brand_names_in_article_sentences_stay_prose():
    # trap: brand names written in camel case inside the article's sentences are no glued headline
    body = ["The Harbour Authority's YouTube channel and its LinkedIn page showed the new terminal to some "
            "forty thousand viewers on the first day, the authority said.",
            "Fishermen Said The MacBook Pro and the GoPro cameras bought for the survey had been paid for by "
            "the shipping firms, which denied it on Tuesday.", *BODY[2:]]
    result = view("Home", "News", HEADLINE, *body, *FOOTER)
    assert result["paragraphs"] == body


@pytest.mark.parametrize("sentence", [
    "Der Vorstand der GlaxoSmithKline hat am Montag einen neuen Chef ernannt, wie das Unternehmen in London mitteilte.",
    "Die Aktien von BlackRock sind am Freitag deutlich gefallen, nachdem der Konzern seine Zahlen vorgelegt hatte.",
    "Microsoft Teams und SharePoint werden ab Juli für alle Mitarbeiter der Verwaltung eingeführt, teilte die Stadt mit.",
])
def test_german_prose_with_a_camel_case_brand_is_no_glued_teaser(sentence):
    # German capitalises its nouns, so most of a sentence's opening words start with a capital
    from exporter.cleaning.text_lines import is_glued_teaser

    assert not is_glued_teaser(sentence)
