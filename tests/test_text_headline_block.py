"""The headline block of a whole-page text scrape (headline, byline, dateline) when the page sets it far
from the body, among teasers, or prints the byline without "By"."""

from __future__ import annotations

from exporter.cleaning import clean, scorer_view
from exporter.reading import decode_source

HEADLINE = "Ferry service to the outer islands resumes after winter storms"
STANDFIRST = "Operators expect full timetables by the end of the month."
BODY = [
    "The ferry service to the outer islands resumed on Monday after three weeks in which winter storms kept "
    "the boats in harbour and left islanders short of fresh food.",
    "The operator said the first crossings were fully booked, and that extra sailings would be added on "
    "Wednesday and Friday to clear the backlog of freight and passengers.",
    "Island councillors welcomed the news but asked the regional government to fund a second vessel, so that "
    "one breakdown or storm no longer cuts the islands off.",
    "The regional transport minister said the request would be considered in the spring budget, together "
    "with repairs to the harbour walls damaged in the storms.",
]
# Another story's teaser: headline-shaped, but sharing no word with this article.
TEASERS = ["Council approves new caps on holiday lettings", "Retail chain delays opening of riverside mall",
           "Museum trustees unveil plans for a modern art wing", "School board backs a four-day week for pupils",
           "County hospital weighs shorter night clinic hours"]
MENU = ["World", "Politics", "Business", "Sport", "Culture", "Weather"]
FOOTER = ["Most read", "© 2021 Example Media. All rights reserved."]


def view(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


def _rail(count: int) -> list[str]:
    """A story rail of menu labels, teaser headlines and their time stamps, as portals print one."""
    out: list[str] = []
    while len(out) < count:
        i = len(out)
        out += [TEASERS[i % len(TEASERS)], f"{i % 9 + 1} hours ago", MENU[i % len(MENU)]]
    return out[:count]


def test_headline_block_over_a_long_story_rail_is_still_the_headline():
    # a photo gallery or story rail of some fifty lines between the headline block and the first paragraph
    result = view(*MENU, HEADLINE, STANDFIRST, "By Jane Roe", "March 12, 2021", *_rail(50), *BODY, *FOOTER)
    assert result["title"] == HEADLINE
    assert result["paragraphs"] == BODY


def test_a_repeated_teaser_next_to_the_headline_is_not_taken_for_it():
    # the rail's teaser is printed twice on the page (header rail and "most read"), the headline once
    teaser = TEASERS[0]
    result = view(*MENU, teaser, "2 hours ago", TEASERS[1], HEADLINE, STANDFIRST, *_rail(8), *BODY, "Most read",
                  teaser, TEASERS[2], *FOOTER)
    assert result["title"] == HEADLINE


def test_an_upper_case_kicker_is_part_of_the_headline():
    headline = "VIDEO: Ferry service to the outer islands resumes"
    result = view(*MENU, "Islands", headline, "By Jane Roe", "March 12, 2021", *BODY, *FOOTER)
    assert result["title"] == headline
    # a credit line that opens the same way is still no headline
    result = view(*MENU, HEADLINE, "Photo: Jane Roe / Example Press Agency Images", *BODY, *FOOTER)
    assert result["title"] == HEADLINE


def test_the_headline_blocks_byline_and_date_beat_a_teasers_under_the_body():
    # the teaser under the article is nearer the body than the headline block over a long rail
    teaser = ["More from the islands", "Harbour walls to be rebuilt before summer", "By John Doe", "May 4, 2022"]
    result = view(*MENU, HEADLINE, STANDFIRST, "By Jane Roe", "March 12, 2021", *_rail(30), *BODY, *teaser,
                  *FOOTER)
    assert result["authors"] == ["Jane Roe"]
    assert result["date"] == "2021-03-12"


def test_a_bare_name_under_the_headline_is_the_byline_without_a_dateline():
    result = view(*MENU, HEADLINE, "Jane Roe", *BODY, *FOOTER)
    assert result["title"] == HEADLINE and result["authors"] == ["Jane Roe"]
    result = view(*MENU, HEADLINE, STANDFIRST, "Jane Roe and John Doe", *BODY, *FOOTER)
    assert result["authors"] == ["Jane Roe", "John Doe"]


def test_a_job_title_before_the_name_leaves_the_name_and_is_no_headline():
    result = view(*MENU, "Islands", HEADLINE, STANDFIRST, "Chief Transport Correspondent JANE ROE", "March 12, 2021",
                  *BODY, *FOOTER)
    assert result["title"] == HEADLINE
    assert result["authors"] == ["Jane Roe"]


def test_a_bare_name_by_the_headline_beats_a_teasers_byline_under_the_article():
    teaser = ["More from the islands", "Harbour walls to be rebuilt before summer", "By John Doe"]
    result = view(*MENU, HEADLINE, "Jane Roe", "March 12, 2021", *BODY, *teaser, *FOOTER)
    assert result["authors"] == ["Jane Roe"]


def test_a_name_line_that_is_the_storys_subject_or_a_menu_link_is_no_byline():
    body = [BODY[0], "Captain Mark Weller, who has sailed the route for twenty years, said the crossings were calm.",
            *BODY[1:]]
    assert view(*MENU, HEADLINE, "Mark Weller", *body, *FOOTER)["authors"] == []  # a topic tag: he is in the body
    assert view(*MENU, HEADLINE, "User Login", *BODY, *FOOTER)["authors"] == []


def test_a_caption_ending_in_its_credit_is_no_headline():
    caption = "Ferry crossings to the outer islands resumed on Monday after the winter storms. Source: Supplied"
    # the picture under the standfirst: its caption shares the body's words and stands right above it
    result = view(*MENU, HEADLINE, STANDFIRST, caption, *BODY, *FOOTER)
    assert result["title"] == HEADLINE


def test_a_related_list_among_the_first_lines_lends_no_words_to_its_teasers():
    # the teaser is echoed above the headline and listed under "Related" after the first paragraph
    teaser = "Lighthouse keepers honoured at the maritime museum"
    result = view(*MENU, teaser, HEADLINE, "By Jane Roe", BODY[0], "Related", teaser, TEASERS[1], *BODY[1:],
                  *FOOTER)
    assert result["title"] == HEADLINE
    assert result["paragraphs"] == BODY


def test_a_long_title_case_label_under_the_headline_is_no_bare_byline():
    # a rail's or menu's label of five capitalised words, with no dateline beside it
    assert view(*MENU, HEADLINE, "Northfield County Girls Sailing Awards", *BODY, *FOOTER)["authors"] == []


def test_a_by_line_among_the_first_lines_beats_a_bare_name_by_the_headline():
    result = view(*MENU, HEADLINE, "Jane Roe", *BODY[:2], "By John Doe", *BODY[2:], *FOOTER)
    assert result["authors"] == ["John Doe"]


def test_headline_under_the_lead_pictures_caption_and_a_share_bar_is_the_headline():
    # the lead picture's caption (a sentence) opens the prose run above the headline, and a share bar
    # and menu links push the first paragraphs past the run's first lines; the page's footer links
    # (a help line, a legal link) over the caption must not be taken for the headline
    caption = "Passengers with bags and bicycles queue on the quay at dawn on Monday, waiting to board."
    share = ["Share on Facebook", "Share on Twitter", "Share via Email", "More Options", "Islands", "Transport"]
    result = view(*MENU, "Help and Contact Us", "Submissions and Discussion Policy", "Terms of Service",
                  caption, "Photo: Jan Holm", HEADLINE, *share, *BODY, *FOOTER)
    assert result["title"] == HEADLINE


def test_a_headline_opening_with_a_typeset_quotation_or_a_bracketed_kicker_is_the_headline():
    # A German news page quotes its lead in the headline („...“); a blog's category stands
    # before its post's headline in brackets. Both open with a sign, which read as a menu bullet,
    # so a menu label ("Neu hier?") became the headline.
    menu = ["Startseite", "Neu hier?", "Kontakt", "Impressum"]
    for headline in ("„Die Boote fahren wieder“: Fähren zu den Inseln nehmen den Betrieb auf",
                     "»Die Boote fahren wieder«: Fähren zu den Inseln nehmen den Betrieb auf",
                     "[Inseln] Ferry service to the outer islands resumes after winter storms",
                     "« Les bateaux reprennent » : les ferries des îles reprennent leur service"):
        assert view(*menu, headline, "12. März 2021", *BODY, *FOOTER)["title"] == headline


def test_trap_a_line_opening_with_a_lone_guillemet_is_no_headline():
    # a German "read more" link opens with a guillemet that closes nothing ("»Mehr lesen"); a
    # straight quote opens an English teaser's game or film title
    from exporter.cleaning.text_titles import _NOT_HEADLINE
    for line in ("»Mehr lesen über die Fähren zu den Inseln und den Winter",
                 "'Hyper Light Drifter' is another indie game with a pixel look and a quiet story"):
        assert _NOT_HEADLINE.search(line), line
    # a magazine's headline opening with a quoted coinage in curly quotes is one
    assert not _NOT_HEADLINE.search("‘Drunkorexia’ On The Rise Among Female University Students")


def test_a_line_opening_with_a_menu_arrow_is_no_headline():
    menu = ["Startseite", "Kontakt", "Impressum"]
    got = view(*menu, "» Alle Meldungen aus der Region im Überblick", HEADLINE, "12. März 2021", *BODY, *FOOTER)
    assert got["title"] == HEADLINE
