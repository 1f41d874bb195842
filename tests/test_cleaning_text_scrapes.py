"""Whole-page text scrapes: bylines, datelines, comment sections and author cards around the article."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.reading import decode_source

HEADLINE = "Tram line to reach the northern suburbs by 2030"
BODY = [
    "The city council voted on Tuesday to extend the tram line to the northern suburbs, a plan that has "
    "divided residents for more than a decade.",
    "Supporters say the extension will cut commuting times in half for some forty thousand people who now "
    "depend on crowded buses.",
    "Opponents argue that the cost, estimated at four hundred million euros, would be better spent on "
    "repairing the roads that already exist.",
    "Work on the first section is due to begin next spring, and the council expects the line to open "
    "within five years of that date.",
]
MENU = ["Home", "World", "Politics", "Local News", "Sign in"]
RAIL = ["Most popular", "Storm closes schools across the region", "Mayor opens new riverside park",
        "© 2017 Example Media. All rights reserved."]
BIO = "Mara Quint is a reporter for the Daily Planet who covers transport and city hall."


def view(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


@pytest.mark.parametrize("header, author, date", [
    (["By", "Jane Roe", "-", "May 4, 2022"], ["Jane Roe"], "2022-05-04"),  # <span>By</span><a>Name</a>
    (["ByJane Roe", "May 4, 2022"], ["Jane Roe"], "2022-05-04"),  # the same, joined without a space
    (["Jane Roe - Apr 16, 2015 8:02 pm UTC"], ["Jane Roe"], "2015-04-16"),  # 'Name - date' stamp
    (["Jane Roe", "Transport", "01.21.2020 07:00 AM"], ["Jane Roe"], "2020-01-21"),  # bare name by a dateline
    (["Jane Roe, @janeroe", "May 4, 2022"], ["Jane Roe"], "2022-05-04"),  # bare name with a handle
])
def test_bylines_of_text_scrapes(header, author, date):
    result = view(*MENU, HEADLINE, *header, *BODY, *RAIL)
    assert result["title"] == HEADLINE
    assert result["authors"] == author
    assert result["date"] == date
    assert result["paragraphs"] == BODY


def test_bare_title_case_label_is_not_a_byline_without_a_dateline():
    result = view(*MENU, "Silicon Valley", HEADLINE, *BODY, *RAIL)
    assert result["authors"] == [] and result["paragraphs"] == BODY


def test_bare_name_beside_a_staff_byline_is_the_subject_not_the_writer():
    result = view(*MENU, HEADLINE, "Jane Roe", "3/2/2015 7:11 AM PST BY NEWS STAFF", *BODY, *RAIL)
    assert result["authors"] == []
    assert result["date"] == "2015-03-02"


def test_byline_deep_inside_the_body_is_not_the_articles():
    body = BODY * 3
    result = view(*MENU, HEADLINE, "May 4, 2022", *body[:9], "Part two", "By John Doe, Example Wire, Paris",
                  *body[9:], *RAIL)
    assert result["authors"] == []


def test_sign_off_byline_at_the_end_of_the_body_counts():
    result = view(*MENU, HEADLINE, "May 4, 2022", *BODY * 3, "By Jane Roe @janeroe", *RAIL)
    assert result["authors"] == ["Jane Roe"]


def test_comment_section_ends_the_body_and_the_closing_bio_is_found():
    comments = ["Comments", "Show Comments", "Discussion Policy",
                "Fan badge holders consistently post smart, timely comments about the city's sports teams and "
                "the players who make them.",
                "Commenters who hold this badge contribute questions, information and facts to our reporters "
                "and have been doing so for years."]
    result = view(*MENU, HEADLINE, "May 4, 2022", *BODY, BIO, *comments, *RAIL)
    assert result["paragraphs"] == BODY
    assert result["bio"] == BIO
    assert result["authors"] == ["Mara Quint"]


@pytest.mark.parametrize("card", [
    ["About Mara Quint", BIO, "Read more from this author | Follow @maraquint"],
    [BIO, "Staff Writer"],
])
def test_author_card_after_the_article_is_not_its_bio(card):
    teasers = ["We recommend",
               "Floods return to the valley as the river rises for the third time this year, and farmers are worried.",
               "A new museum of trams opens in the old depot with two hundred vehicles on show for the public."]
    result = view(*MENU, HEADLINE, "By Jane Roe", "May 4, 2022", *BODY, "Sign up for our newsletter",
                  *card, *teasers, *RAIL)
    assert result["bio"] is None
    assert result["authors"] == ["Jane Roe"]
    assert result["paragraphs"][:4] == BODY
    assert not any("museum of trams" in p or "Mara Quint" in p for p in result["paragraphs"])


def test_the_site_name_the_copyright_line_repeats_is_not_the_headline():
    # An Italian regional paper's scrape: its name alone over the menu, then the section, headline,
    # standfirst and byline; its bio and copyright line name the paper again. The paper's name
    # looked like a short headline repeated on the page (the echo credit a headline earns).
    site = "Il Corriere delle Valli"
    headline = "Il paese che ha riaperto il suo cinema con una raccolta fondi"
    body = ["La prima proiezione è stata un film in bianco e nero del 1952, scelto con una votazione tra i soci "
            "della cooperativa che oggi gestisce il vecchio cinema del paese.",
            "L'idea è nata quasi per scherzo durante una cena tra amici, racconta il presidente della cooperativa, "
            "che per anni aveva dovuto guidare fino in città per vedere un film.",
            "La raccolta fondi è partita nel gennaio del 2023 con quote da cento euro e in otto mesi hanno aderito "
            "più di cinquecento famiglie, oltre a due aziende e alla parrocchia."]
    result = view("Vai al contenuto", site, "Home", "Cronaca", "Cultura", "Sport", "CULTURA", headline,
                  "A Borgo San Dalmazzo i soci hanno comprato la vecchia sala: ora la gestiscono da soli",
                  "di Giulia Ferraris", "5 ottobre 2024", *body,
                  f"Giulia Ferraris è giornalista e collabora con {site} dal 2015.",
                  f"© 2024 {site} - P.IVA 01234567890")
    assert result["title"] == headline
    assert result["authors"] == ["Giulia Ferraris"]


STANDFIRST = "A council plan would run the trams every six minutes and close the bus lanes on the ring road"


@pytest.mark.parametrize("under_headline, subtitle", [
    ([STANDFIRST, "By Jane Roe", "May 4, 2022"], STANDFIRST),  # headline, standfirst, byline: the header's shape
    ([STANDFIRST, "May 4, 2022"], STANDFIRST),
    # no metadata under it: a caption or a teaser, not the article's standfirst
    ([STANDFIRST, "Photo: Metro Wire"], None),
    (["Published Wed, Nov 20 20194:29 AM ESTUpdated an hour ago", "By Jane Roe"], None),  # a stamp glued up
])
def test_the_standfirst_of_a_scrape_is_its_subtitle(under_headline, subtitle):
    result = view("Home", "World", "Sign in", HEADLINE, *under_headline, *BODY, "Most popular", "© 2022 Example Media")
    assert result["title"] == HEADLINE
    assert result["subtitle"] == subtitle
    assert STANDFIRST not in result["paragraphs"]  # a subtitle or furniture, never a paragraph of the body
