"""Which date evidence on a page is the article's: robustness against the page's layout,
its teasers and sidebars, and how the kinds of evidence are weighed against each other.

Pages are written here in the shapes real news and blog pages have.
"""

from __future__ import annotations

import pytest

from exporter.cleaning import load_rules
from exporter.cleaning.html_tree import parse_html
from exporter.cleaning.metadata import read_page_meta
from exporter.cleaning.page_stamps import headline_dateline, labelled_stamps

PROSE = ("The city council voted on Tuesday to extend the tram line to the northern suburbs, "
         "a plan that has divided residents for more than a decade. ") * 3


def dates_of(html: str) -> tuple[str | None, str | None]:
    meta = read_page_meta(parse_html(html), load_rules().metadata)
    return meta.date, meta.updated


@pytest.mark.parametrize("body_class", ["single single-post woo-sidebar-left onsingle-sidebar-right",
                                        "page-node no-sidebars", "post-template right-sidebar", "one-sidebar sidebar-second"])
def test_a_layout_class_on_body_does_not_make_the_whole_page_a_sidebar(body_class):
    # WordPress and Drupal themes name the page's layout on <body>; the post's own
    # <time class="entry-date published"> in its footer meta row is still the article's
    html = (f'<html lang="de-DE"><head><title>Stellenangebot</title></head><body class="{body_class}">'
            '<div class="site-content"><article class="post type-post"><h1>Stellenangebot</h1>'
            f'<p>{PROSE}</p><footer class="entry-meta"><span class="posted-on"><a href="#">'
            '<time class="entry-date published" datetime="2016-01-15T09:00:18+00:00">15/01/2016</time>'
            '<time class="updated" datetime="2016-01-14T02:02:26+00:00">14/01/2016</time></a></span>'
            '</footer></article></div></body></html>')
    assert dates_of(html)[0] == "2016-01-15"


def test_a_wrapper_named_after_its_sidebar_holds_the_article():
    # Genesis themes wrap the article and the sidebar together in "content-sidebar-wrap"
    html = ('<html lang="en"><head><title>Tram line</title></head><body>'
            '<div class="content-sidebar-wrap"><main class="content"><article><h1>Tram line</h1>'
            f'<p class="entry-meta">Posted on March 3, 2020</p><p>{PROSE}</p></article></main>'
            '<div class="sidebar widget-area"><p>Posted on January 9, 2020</p></div></div></body></html>')
    assert dates_of(html)[0] == "2020-03-03"


def test_a_real_sidebar_still_dates_another_piece():
    html = ('<html lang="en"><head><title>Tram line</title></head><body class="has-sidebar">'
            '<div class="sidebar-right"><p>Published: March 1, 2020</p></div>'
            '<div class="widget_recent_entries"><p>Posted on March 2, 2020</p></div>'
            f'<article><h1>Tram line</h1><p>{PROSE}</p></article></body></html>')
    assert labelled_stamps(parse_html(html), load_rules().metadata) == (None, None)


@pytest.mark.parametrize("text, url, expected", [
    ("Posted 15/01/2016 · Updated 08/01/2016", None, True),  # a first number over 12: day first
    ("Posted 01/15/2016 · Updated 08/01/2016", None, False),  # a second number over 12: month first
    ("Posted 15/01/2016, comment of 01/16/2016", None, None),  # both orders shown: the page does not tell
    ("08/11/2023 | 20:26 PM", "https://www.breakingnews.ie/ireland/story-1549512.html", True),  # an Irish paper
    ("08/11/2023 | 20:26 PM", "https://www.thehindu.co.in/news/story", True),
    ("08/11/2023 | 20:26 PM", "https://news.example.com/story", None),  # a generic domain says nothing
    ("08/11/2023 | 20:26 PM", "https://startup.io/blog/story", None),  # a vanity domain says nothing
    ("08/11/2023 | 20:26 PM", "https://www.cbc.ca/news/story", None),  # Canadian English: no day-first claim
])
def test_the_pages_own_way_of_writing_numeric_dates(text, url, expected):
    from exporter.cleaning.dates import numeric_date_order

    assert numeric_date_order(text, url) is expected


def english_page(url: str, dateline: str, other: str = "") -> str:
    return (f'<html lang="en"><head><title>Sentenced</title><link rel="canonical" href="{url}"></head><body>'
            f'<article><h1>Sentenced</h1><p>{dateline}</p><p>{PROSE}</p>{other}</article></body></html>')


def test_an_irish_paper_tagged_plain_english_writes_the_day_first():
    # lang="en" says no region: the .ie domain does ("08/11/2023" is 8 November there)
    html = english_page("https://www.breakingnews.ie/ireland/sentenced-1549512.html",
                        "<time>08/11/2023 | 20:26 PM</time>")
    assert dates_of(html)[0] == "2023-11-08"
    # the same dateline on a site of no country reads the American way
    assert dates_of(html.replace("breakingnews.ie", "breakingnews.com"))[0] == "2023-08-11"


def test_the_pages_other_dates_say_how_it_writes_them():
    # a comment stamp "25/10/2023" on the same page shows the day-first order
    html = english_page("https://www.example.com/sentenced", "<time>08/11/2023</time>",
                        "<p>Letters to the editor of 25/10/2023 are answered below.</p>")
    assert dates_of(html)[0] == "2023-11-08"


def test_a_page_builders_widgets_are_the_articles_own_blocks():
    # Elementor names every block a widget: the post title and its date row under it are the article's
    html = ('<html lang="de"><head><title>X wird zum Finanz-Hub</title></head><body>'
            '<div class="elementor-widget elementor-widget-theme-post-title"><div class="elementor-widget-container">'
            '<h1>X wird zum Finanz-Hub</h1></div></div>'
            '<div class="elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">'
            '<ul class="elementor-icon-list-items"><li><span class="elementor-post-info__item">Andre Eberle</span></li>'
            '<li><span class="elementor-post-info__item--type-date">29.10.2023</span></li>'
            '<li><span>22:04 Uhr</span></li></ul></div></div>'
            f'<div class="elementor-widget-text-editor"><p>{PROSE}</p></div>'
            '<div class="widget widget_recent_entries"><p>25.10.2023</p></div></body></html>')
    root = parse_html(html)
    assert headline_dateline(root, load_rules().metadata, True, "X wird zum Finanz-Hub") == "2023-10-29"
    assert dates_of(html)[0] == "2023-10-29"


def test_a_sticky_sidebar_script_wraps_the_article_too():
    html = ('<html lang="en"><head><title>Tram line</title></head><body>'
            '<div class="sticky-sidebar-parent"><div class="theiaStickySidebar"><article><h1>Tram line</h1>'
            f'<p>Published: March 3, 2020</p><p>{PROSE}</p></article></div></div></body></html>')
    assert labelled_stamps(parse_html(html), load_rules().metadata) == ("2020-03-03", None)


def shown_page(shown: str, published: str = "2021-03-16T16:16:10Z", modified: str = "2021-03-20T14:00:00Z") -> str:
    stated = (f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Lockdown",'
              f' "datePublished": "{published}", "dateModified": "{modified}"}}</script>')
    return (f'<html lang="de"><head><title>Lockdown</title>{stated}</head><body><article>'
            f'<h1>Lockdown</h1><div class="publish-info">{shown}</div><p>{PROSE}</p></article></body></html>')


def test_the_update_the_page_shows_as_its_date_dates_the_article():
    # a portal prints only the latest version's day under the headline, unlabelled: readers
    # (and the people who labelled such pages) see that date, not the first publication
    assert dates_of(shown_page('<p class="date-time">20. März 2021 - 15:00</p>')) == ("2021-03-20", "2021-03-20")


@pytest.mark.parametrize("shown", [
    '<p class="date-time">16. März 2021 - 17:16</p>',  # the page shows the first publication
    '<p>Aktualisiert am <span class="date">20. März 2021</span></p>',  # the update, labelled as one
    '<p class="date-time">Aktualisiert: 20. März 2021 - 15:00</p>',
    '',  # no date shown at all
])
def test_the_stated_publication_stands_unless_the_page_shows_the_update_unlabelled(shown):
    assert dates_of(shown_page(shown)) == ("2021-03-16", "2021-03-20")


BODY_SENTENCES = ["March 3, 2020 was the day the city closed its schools.",
                  "The council met on 12 June 2019.",
                  "On 3. März 2020 schloss die Stadt ihre Schulen.",
                  "12 June 2019: the council met.",
                  "Das Treffen fand am 12. Juni 2019 statt."]


@pytest.mark.parametrize("sentence", BODY_SENTENCES)
@pytest.mark.parametrize("kind", ["html", "text"])
def test_a_short_body_sentence_that_opens_or_closes_on_a_date_stays_in_the_text(sentence, kind):
    from exporter.cleaning import clean, scorer_view
    from exporter.reading import decode_source

    if kind == "html":
        source = (f'<html lang="en"><head><title>Tram line</title></head><body><article><h1>Tram line</h1>'
                  f'<p>By Jane Doe</p><p>{PROSE}</p><p>{sentence}</p><p>{PROSE}</p></article></body></html>')
    else:
        source = f"Tram line\n\nBy Jane Doe\n\n{PROSE}\n\n{sentence}\n\n{PROSE}\n"
    view = scorer_view(clean(decode_source(source.encode(), kind=kind)))
    assert sentence in view["paragraphs"]
    if kind == "text":  # the sentence is no dateline: the scrape states no date
        assert view["date"] is None


@pytest.mark.parametrize("line, expected", [
    ("May 4, 2022", "2022-05-04"),
    ("Jane Doe - Apr 16, 2015 8:02 pm UTC", "2015-04-16"),
    ("1. Februar 2022 , Daniel Dillenburg", "2022-02-01"),
    ("Jane Doe | Berlin | 12.03.2020", "2020-03-12"),
    ("6 de março de 2020", "2020-03-06"),
    ("13 de diciembre de 2019 a las 10:00", "2019-12-13"),
    ("2 novembre 2023 alle ore 10:00", "2023-11-02"),
    ("3. März 2020 um 10:00 Uhr", "2020-03-03"),
    ("May 4, 2022 by Jane Doe", "2022-05-04"),
    ("29 juin 2019 à 15h14", "2019-06-29"),
])
def test_stamp_lines_still_read_as_datelines(line, expected):
    from exporter.cleaning.dates import parse_date

    bare = [rule for rule in load_rules().metadata if rule.kind == "date" and not rule.labelled]
    values = [m.group("value") for m in (rule.pattern.search(line) for rule in bare) if m]
    assert values and parse_date(values[0], True) == expected


def test_a_labelled_publication_stamp_says_more_than_a_generic_date_meta():
    # a CMS writes the last edit into <meta name="date">; the page prints its publication for readers
    html = ('<html lang="de"><head><title>Pflege</title><meta name="date" content="2021-11-19T10:02:00+01:00">'
            '</head><body><div class="content"><h1>Pflege</h1><p class="meta">Veröffentlicht am 12.11.2021</p>'
            f'<p>{PROSE}</p></div></body></html>')
    assert dates_of(html)[0] == "2021-11-12"
    # with no stamp printed, the generic meta still dates the page
    assert dates_of(html.replace("Veröffentlicht am 12.11.2021", "Pflege"))[0] == "2021-11-19"


def test_a_dateline_under_the_headline_says_more_than_a_generic_date_meta():
    html = ('<html lang="de"><head><title>Pflege</title><meta name="dc.date" content="2021-11-19">'
            '</head><body><div class="content"><h1>Pflege</h1><p>12. November 2021 , Daniel Dillenburg</p>'
            f'<p>{PROSE}</p></div></body></html>')
    assert dates_of(html)[0] == "2021-11-12"
