"""Bylines in a blog or magazine theme's stamp line, which gives the date first (and often no "By"),
in whole-page scrapes and in saved HTML; and what such a line must not be taken for (lines written here)."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.names import byline_names, unglue_role
from exporter.cleaning.stamp_names import stamp_names
from exporter.reading import decode_source

from tests.test_cleaning_text_scrapes import BODY, HEADLINE

MENU = ["Home", "Politik", "Kultur", "Sport", "Suche"]
FOOTER = ["Impressum", "Datenschutz", "© 2023 Stadtblatt"]


def view_text(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


def view_html(under_headline: str) -> dict:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head><title>{HEADLINE} | Stadtblatt</title></head><body><nav><a>Politik</a> <a>Kultur</a>"
            f"</nav><header><h1>{HEADLINE}</h1>{under_headline}</header><article>{paragraphs}</article>"
            "</body></html>")
    return scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))


@pytest.mark.parametrize("line, names", [
    ("07.11.23 - 10:11 | Jana Roth 0 Kommentare", ("Jana Roth",)),  # date, time, name, comment count
    ("1. Februar 2022 , Jana Roth", ("Jana Roth",)),
    ("12.03.2021 ~ Jana Roth", ("Jana Roth",)),
    ("17. Februar 2020 Jana Roth Kommentare 4 Kommentare", ("Jana Roth",)),
    ("3 декабря 2020, 18:47 • Алексей Петров • 3375", ("Алексей Петров",)),  # a view count after the name
    ("Jana Roth15:35, Oct 29 2020", ("Jana Roth",)),  # the name's link glued to the time
    ("Jana Roth. Updated November 3rd, 2023", ("Jana Roth",)),
    ("12 de marzo de 2021 - 10:11 | Javier Molina y Ana Ruiz 0 comentarios", ("Javier Molina", "Ana Ruiz")),
    # the first and the last edit's dates glued by the scrape ("2019" + "14. Januar"), a day and month
    # with no year beside a time
    ("28. Juni 201914. Januar 2020 | Jana Roth", ("Jana Roth",)),
    ("3 mars 202120 mars 2021 Jeanne Roux", ("Jeanne Roux",)),
    ("26.10.202326.10.2023 | Jana Roth", ("Jana Roth",)),
    ("Jana Roth 06 PM | 18 Mai", ("Jana Roth",)),
    ("Jana Roth | 18 Mai", ()),  # a day and month alone: no time beside it, no stamp
    # no stamp: a dateline's place before its date, a date alone, a teaser's headline beside a date
    ("New York, May 3, 2020", ()), ("Berlin, 12. März 2021", ()), ("12.03.2021", ()),
    ("12.03.2021 | Jana Roth und der lange Weg zur Straßenbahn", ()),
    ("Jana Roth | Politik Ausland | 12.03.2021", ()),  # two phrases beside the date: no single stamp
])
def test_stamp_names(line, names):
    assert stamp_names(line) == names


@pytest.mark.parametrize("line, names", [
    ("Von Jana Roth // 1. November 2023", ("Jana Roth",)),  # a theme's separator before the date
    ("Von Jana Roth Kategorien: Mode 6. November 2023, 15:25 Uhr", ("Jana Roth",)),  # the post's category label
    ("By Jana Roth Filed under: Politics", ("Jana Roth",)),
    ("By Ben SummerReporter", ("Ben Summer",)),  # the role glued to the name by the scrape
])
def test_byline_tails_of_theme_stamps(line, names):
    assert byline_names(line) == names


def test_a_role_glued_to_a_name_is_split_only_when_it_is_a_role():
    assert unglue_role("Anna MüllerRedakteurin") == "Anna Müller, Redakteurin"
    assert unglue_role("Ronald McDonald") == "Ronald McDonald"
    assert unglue_role("Jana RothBerlin") == "Jana RothBerlin"


@pytest.mark.parametrize("stamp, authors", [
    ("Oct 30 2020 by Jana Roth", ["Jana Roth"]),  # the date first, the byline after it
    ("Veröffentlicht am 03.02.2022 von Jana Roth", ["Jana Roth"]),
    ("Stand: 26.10.2023 von Jana Roth", ["Jana Roth"]),
    ("Publié le 3 mai 2020 par Jeanne Roux", ["Jeanne Roux"]),
    ("Publicado el 12 de marzo de 2021 por Ana Ruiz", ["Ana Ruiz"]),
    ("07.11.23 - 10:11 | Jana Roth 0 Kommentare", ["Jana Roth"]),  # no "By": the stamp's shape says it
    ("1. Februar 2022 , Jana Roth", ["Jana Roth"]),
    ("Jana Roth15:35, Oct 29 2020", ["Jana Roth"]),
    ("Ben SummerReporter", ["Ben Summer"]),
    ("Berlin, 12. März 2021", []),  # a dateline names a place, not a writer
    ("28. Juni 201914. Januar 2020 | Jana Roth", ["Jana Roth"]),
    # a bare name with what a news theme sets beside it and no date: the writer's handle and the
    # story's age, the wire service, the site's one-word name after a dash
    ("Ben Summer @bensummer / 2 days", ["Ben Summer"]),
    ("Ben Summer | vor 3 Stunden", ["Ben Summer"]),
    ("Ben Summer Associated Press", ["Ben Summer"]),
    ("Ben Summer - stadtblattOnline", ["Ben Summer"]),
    ("Politik - Ausland", []),  # a section label with the site's name after the dash names no one
])
def test_stamp_bylines_in_a_text_scrape(stamp, authors):
    result = view_text(*MENU, HEADLINE, stamp, *BODY, *FOOTER)
    assert result["title"] == HEADLINE
    assert result["authors"] == authors


def test_a_comment_threads_stamps_are_no_byline():
    # A blog page whose scrape sets the comment thread's heads ("Name date at time") by a line the
    # cleaner reads as the headline: a commenter is no author.
    result = view_text(*MENU, HEADLINE, "Mara Lind July 25, 2015 at 7:01 pm", BODY[0],
                       "Jon Berg July 25, 2015 at 7:26 pm", BODY[1], *FOOTER)
    assert result["authors"] == []


@pytest.mark.parametrize("under_headline, authors", [
    ("<p>07.11.23 - 10:11 | Jana Roth 0 Kommentare</p>", ["Jana Roth"]),
    ("<div>12 de marzo de 2021 , Ana Ruiz</div>", ["Ana Ruiz"]),  # "de" twice is no breadcrumb's repeat
    ("<p>Veröffentlicht am 03.02.2022 von Jana Roth</p>", ["Jana Roth"]),
    ("<p>New York, May 3, 2020</p>", []),
])
def test_stamp_bylines_in_saved_html(under_headline, authors):
    assert view_html(under_headline)["authors"] == authors
