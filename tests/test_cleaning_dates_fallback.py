"""The last date step, htmldate, on pages that state no date in their markup: what it is shown.

htmldate reads no labels and, asked for the original date, takes the oldest it
finds; these pages (written here in the shapes real news and blog pages have)
give it an update stamp, teaser rails and comment threads to mistake for the
article's date.
"""

from __future__ import annotations

from .test_cleaning_dates_evidence import PROSE, dates_of


def _page(body: str, after: str) -> str:
    """A news page with no date markup: headline, a byline row of four items (the dateline
    step reads three lines under the headline), ``body`` as the article's end, then ``after``."""
    return ('<html lang="en"><head><title>Tram line</title></head><body>'
            '<div class="page"><h1>Tram line to the north</h1><div class="meta"><ul><li>Jane Doe</li>'
            f'<li>Senior reporter</li><li>City desk</li><li>Share</li></ul></div>'
            f'<div class="body"><p>{PROSE}</p>{body}</div>{after}</div></body></html>')


def test_an_update_stamp_under_the_headline_is_not_taken_for_the_publication():
    # a magazine header: the rubric and the day above the headline, "Updated …" under it
    html = ('<html lang="en"><head><title>Tram line | City Magazine</title></head><body>'
            '<header class="content-header"><div class="rubric"><a href="/city">City</a></div>'
            '<div class="content-header__row">01.21.2020 07:00 AM</div>'
            '<h1>Tram line to the north</h1><p class="updated">Updated January 24, 2020</p></header>'
            f'<div class="body"><p>{PROSE}</p><p>{PROSE}</p></div></body></html>')
    assert dates_of(html) == ("2020-01-21", "2020-01-24")


def test_a_teaser_rail_of_older_stories_does_not_date_the_article():
    # the day at the article's foot, no markup; a "Recent posts" rail of older stories below
    teasers = "".join(f'<li><h5><a href="/s{n}">Another story {n}</a></h5><time datetime="2019-0{n}-02">'
                      f'0{n}/02/2019</time></li>' for n in (2, 3, 4))
    html = _page("<p>Jane Doe, August 6, 2019</p>",
                 f'<div class="related-posts"><h4>Recent posts</h4><ul>{teasers}</ul></div>')
    assert dates_of(html)[0] == "2019-08-06"


def test_a_link_to_the_older_post_does_not_date_the_article():
    # a blog's post navigation under the post names the previous post and its day
    html = _page("<p>Jane Doe, April 9, 2019</p>", '<nav class="post-navigation"><a href="/older">« Bus lanes for the '
                 'south <span>March 2, 2019</span></a></nav>')
    assert dates_of(html)[0] == "2019-04-09"


def test_a_blog_post_inside_a_blog_widget_keeps_its_date():
    # trap: Blogger sets the post itself in a "widget Blog", its day in a date header
    html = ('<html><head><title>unexpected: 2011</title></head><body>'
            "<div class='main section'><div class='widget Blog'><div class='blog-posts hfeed'>"
            "<h2 class='date-header'><span>Wednesday, March 30, 2011</span></h2>"
            "<div class='post hentry'><h3 class='post-title entry-title'><a href='/p'>My Old Blog</a></h3>"
            "<div class='post-body entry-content'>This is where my blog used to be.</div></div></div></div></div>"
            "<div class='widget BlogArchive'><ul><li><a href='/2010'>2010</a> (4)</li></ul></div></body></html>")
    assert dates_of(html)[0] == "2011-03-30"
