"""Headlines: <h1>s that are section names, <title>s with site names and photo credits, text scrapes
whose headline sits far above the body (pages and lines written here)."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.metadata import choose_title
from exporter.reading import decode_source
from tests.test_cleaning_text_scrapes import BODY, HEADLINE


@pytest.mark.parametrize("headline, social, doc_title, h1s", [
    (None, None, f"{HEADLINE} | Photo: Jane Doe/AP | The Daily Planet", ()),
    (None, None, f"{HEADLINE} (Foto: dpa) - Stadtanzeiger", ()),
    (None, f"{HEADLINE} - Crédit photo : AFP", None, ()),
    (None, None, f"World News: {HEADLINE} | The Daily Planet", ("World News", HEADLINE)),  # section <h1> first
    (None, None, None, ("Politics", HEADLINE)),
    (None, None, None, ("Mondial 2022", HEADLINE)),
])
def test_page_title_candidates(headline, social, doc_title, h1s):
    assert choose_title(headline, social, doc_title, h1s) == HEADLINE


def test_a_headline_about_photography_keeps_its_words():
    assert choose_title(None, None, "Photography tips for beginners | The Daily Planet", ()) == \
        "Photography tips for beginners"


def test_html_page_with_a_section_heading_as_first_h1():
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head><title>Local News: {HEADLINE} | The Daily Planet</title></head><body><header><h1>Local News</h1>"
            f"</header><article><h1>{HEADLINE}</h1>{body}</article></body></html>")
    assert scorer_view(clean(decode_source(html.encode(), kind="html")))["title"] == HEADLINE


def html_title(head: str, body_top: str = "", headline_tag: str = "h1") -> str | None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head>{head}</head><body>{body_top}<article><{headline_tag} class='entry-title'>{HEADLINE}"
            f"</{headline_tag}>{body}</article></body></html>")
    return scorer_view(clean(decode_source(html.encode(), kind="html")))["title"]


_ICONS = "".join(f"<svg><title>{name}</title><path d='M0 0'/></svg>" for name in ("Menu", "Search", "Facebook"))


@pytest.mark.parametrize("head, body_top, headline_tag", [
    # inline SVG icons carry <title>s of their own: they are not the document's title
    (f"<title>{HEADLINE}</title>", f"<header>{_ICONS}</header>", "h2"),
    # a theme with no <h1> whose <title> chains a section and the site after the headline
    (f"<title>{HEADLINE} — Local Politics — The Daily Planet</title>", "", "h2"),
    # a blog theme's <h1> is the site's name, which the page states as og:site_name
    (f"<meta property='og:site_name' content='Jane Roe'><title>{HEADLINE} — Jane Roe</title>",
     "<header><h1 class='site-title'><a href='/'>Jane Roe</a></h1></header>", "h2"),
    # the site's stated name before the headline, or a suffix of several parts after it
    ("<meta property='og:site_name' content='The Daily Planet'>"
     f"<title>The Daily Planet: {HEADLINE}</title>", "", "div"),
    ("<meta property='og:site_name' content='Planet 7News | Metro News, Weather, Sports'>"
     f"<title>{HEADLINE} - Planet 7News | Metro News, Weather, Sports | Springfield</title>", "", "div"),
])
def test_html_title_without_metadata_headline(head, body_top, headline_tag):
    assert html_title(head, body_top, headline_tag) == HEADLINE


def test_a_headline_with_a_colon_keeps_its_opening_when_the_site_is_another_name():
    head = f"<meta property='og:site_name' content='The Daily Planet'><title>VIDEO: {HEADLINE}</title>"
    assert html_title(head, "", "div") == f"VIDEO: {HEADLINE}"


def view_text(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


def test_text_scrape_headline_far_above_the_body():
    # a gallery, share bar and teaser captions between the headline and the first paragraph
    between = ["Share", "Tweet", "Email", "Photo 1 of 12", "Council members at the vote (Credit: City Hall)",
               "Mayor opens new riverside park", "Storm closes schools", "Trending", "Best Of", "1 hour ago",
               "Watch: the new trams", "Subscribe"]
    result = view_text("Home", "World", "Politics", HEADLINE, "By Jane Roe", *between, *BODY, "Most popular")
    assert result["title"] == HEADLINE
    assert result["paragraphs"][:len(BODY)] == BODY


@pytest.mark.parametrize("line", ["Palm Bay 18 22 13 17 — 70", "1 hour ago",
                                  "More than 4,000 people are expected to receive notice (Credit: iStock)"])
def test_score_rows_times_and_captions_are_no_headlines(line):
    result = view_text("Home", HEADLINE, "May 4, 2022", line, *BODY)
    assert result["title"] == HEADLINE


def _blog(title_tag: str, masthead: str) -> str:
    body = "".join(f"<p>Im Winter fahre ich weiter mit dem Rad zur Arbeit, Absatz {n}, bei jedem Wetter und "
                   "mit gutem Licht, und ich bereue es keinen einzigen Tag.</p>" for n in range(5))
    return (f'<!doctype html><html lang="de"><head><title>{title_tag}</title></head><body>'
            f'<header class="site-header">{masthead}<nav><a href="/touren">Touren</a></nav></header>'
            f'<main><article><h1>Warum ich im Winter Rad fahre</h1>{body}</article></main></body></html>')


def test_a_blog_without_og_site_name_is_published_by_the_site_its_title_and_masthead_name():
    from exporter.cleaning import clean
    from exporter.reading import decode_source

    def publisher(html: str):
        return clean(decode_source(html.encode(), kind="html")).meta.publisher

    named = _blog("Warum ich im Winter Rad fahre – Radelnde Gedanken",
                  '<p class="site-title"><a href="/">Radelnde Gedanken</a></p>')
    assert publisher(named) == "Radelnde Gedanken"
    # a title suffix the masthead does not show is a section or a tagline, not the publisher
    assert publisher(_blog("Warum ich im Winter Rad fahre | Meinung", '<a href="/">Radelnde Gedanken</a>')) is None
