"""Unit tests of the cleaning steps, over lines shaped like real scraped pages (written here)."""

import time
from dataclasses import FrozenInstanceError

import pytest

from exporter.cleaning import clean, load_rules, scorer_view
from exporter.cleaning.bio import match_bio
from exporter.cleaning.dates import parse_date
from exporter.cleaning.draft import Draft
from exporter.cleaning.language import guess_language
from exporter.cleaning.metadata import choose_title
from exporter.cleaning.names import byline_names, is_person_name
from exporter.cleaning.bio_stage import find_bios
from exporter.cleaning.steps_common import drop_boilerplate_blocks, take_metadata_blocks
from exporter.cleaning.steps_text import TEXT_STEPS, best_span
from exporter.errors import CleaningError
from exporter.model import Emphasis, Heading, Link, ListBlock, Paragraph, Strong, Text, plain_text
from exporter.reading import decode_source

PROSE = ("The city council voted on Tuesday to extend the tram line to the northern suburbs, "
         "a plan that has divided residents for more than a decade. ")


def text_source(text: str):
    return decode_source(text.encode("utf-8"), kind="text")


def html_source(text: str):
    return decode_source(text.encode("utf-8"), kind="html")


# ------------------------------------------------------------------ dates

@pytest.mark.parametrize("text, expected", [
    (". Last Updated: 07/27/2016", "2016-07-27"),
    ("Published March 9, 2017", "2017-03-09"),
    ("Updated 3:04 PM ET, Tue March 7, 2017", "2017-03-07"),
    ("2019-11-19T07:03:25+00:00", "2019-11-19"),
    ("9 March 2017", "2017-03-09"),
    ("Sept. 3rd, 2021", "2021-09-03"),
    ("27.07.2016", "2016-07-27"),
    ("13/12/2020", "2020-12-13"),
    ("le 3 janvier 2020 à 10h", "2020-01-03"),
    ("Jane Roe - Apr 16, 2015 8:02 pm UTC", "2015-04-16"),
    ("2016-02-30", None),
    ("no date at all", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


# ------------------------------------------------------------------ names

@pytest.mark.parametrize("byline, names", [
    ("By Jane Roe", ("Jane Roe",)),
    ("By JANE ROE and JOHN DOE, Reuters", ("Jane Roe", "John Doe")),
    ("Jane Roe | Staff Writer", ("Jane Roe",)),
    ("By The Associated Press", ()),
    ("by Ana Lima @analima March 2, 2019: 12:41 PM ET", ("Ana Lima",)),
    ("By PAT O'NEIL JAN. 13, 2017", ("Pat O'Neil",)),
    ("Charles de Vere and Anna van Dijk", ("Charles de Vere", "Anna van Dijk")),
    ("Martin Luther King Jr.", ("Martin Luther King Jr.",)),
])
def test_byline_names(byline, names):
    assert byline_names(byline) == names


@pytest.mark.parametrize("text, expected", [
    ("Jane Roe", True), ("Nelson Q. Public", True), ("Read more", False),
    ("The Daily Planet", False), ("jane roe", False), ("Jane", False),
])
def test_is_person_name(text, expected):
    assert is_person_name(text) is expected


# ------------------------------------------------------------------ bio

@pytest.mark.parametrize("text, name, publisher", [
    ("Mara Quint, professor of history at Linden College, is the author of \"The Long Winter,\" "
     "which won a prize. She contributed this comment to The Daily Planet.", "Mara Quint", "The Daily Planet"),
    ("— Ola Berg is a columnist for the Northern Herald.", "Ola Berg", None),
    ("Tom Ash, a senior fellow at the Centre for Rivers, is the author of a forthcoming book on dams.", "Tom Ash", None),
    ("PAT REILLY IS THE NETWORK'S POLITICAL EDITOR", "Pat Reilly", None),
    ("Lena J. Park has covered economics since 2012. Previously, she wrote about banking.", "Lena J. Park", None),
    ("Sam Cole covers the White House. Since joining the paper, he has covered energy.", "Sam Cole", None),
    ("Ivo Marsh (@ivomarsh) is a freelance writer based in Lisbon. This article originally appeared in "
     "The Harbour Review.", "Ivo Marsh", "The Harbour Review"),
])
def test_bio_is_recognised(text, name, publisher):
    found = match_bio(text)
    assert found is not None
    assert found.name == name
    assert found.publisher == publisher


@pytest.mark.parametrize("text", [
    "Smith was arrested on Tuesday, police said.",
    "Ruth Vale, chairman of the budget office in the last administration, once summed up the danger with a metaphor.",
    "Ken Ito, president of Ito Freight, says: \u201cWe will hire 200 drivers this year and more next year.\u201d",
    "Dan Hale Dan is the security editor here, which he joined in 2012.",
    "Rosa Lind is an award-winning writer based in Ohio who has covered football... Full Bio",
    "The company is the author of its own troubles, analysts say.",
    "It is raining.",
    PROSE * 8,
])
def test_not_a_bio(text):
    assert match_bio(text) is None


def _draft(*texts: str) -> Draft:
    return Draft(source=text_source("x"), rules=load_rules(),
                 blocks=tuple(Paragraph((Text(t),)) for t in texts))


def test_find_bios_takes_the_closing_paragraph_out_of_the_body():
    bio = "Mara Quint is a reporter for the Daily Planet who covers transport."
    draft = find_bios(_draft(PROSE, PROSE, bio))
    assert draft.bio_text == bio and draft.bio_author == "Mara Quint"
    assert len(draft.blocks) == 2


def test_find_bios_ignores_a_bio_shaped_paragraph_at_the_start():
    bio = "Mara Quint is a reporter for the Daily Planet who covers transport."
    draft = find_bios(_draft(bio, *[PROSE] * 6))
    assert draft.bio_text is None and len(draft.blocks) == 7


# ------------------------------------------------------------------ steps are pure

def test_steps_return_new_drafts_and_leave_their_input_alone():
    before = _draft("Share this article", "Published: March 9, 2017", PROSE)
    after = take_metadata_blocks(drop_boilerplate_blocks(before))
    assert [b.children[0].text for b in before.blocks] == ["Share this article", "Published: March 9, 2017", PROSE]
    assert after.date == "2017-03-09" and len(after.blocks) == 1
    with pytest.raises(FrozenInstanceError):
        before.title = "x"


# ------------------------------------------------------------------ language

@pytest.mark.parametrize("text, lang", [
    ("The council said that it was not going to be the end of the plan for the city.", "en"),
    ("Le conseil a dit que ce n'est pas la fin du projet pour la ville et les habitants.", "fr"),
    ("Der Rat sagte, dass es nicht das Ende des Plans für die Stadt und die Bürger ist.", "de"),
    ("El consejo dijo que no es el fin del plan para la ciudad y los vecinos de la zona.", "es"),
    ("", "en"),
])
def test_guess_language(text, lang):
    assert guess_language(text) == lang


# ------------------------------------------------------------------ text path

def test_best_span_finds_the_dense_run():
    assert best_span([-2, -2, 30, -2, 25, -3, -3]) == (2, 5)
    assert best_span([-1, -1]) == (0, 0)


def test_whole_page_text_scrape():
    page = "\n\n".join([
        "Menu", "Home", "World", "Politics", "Sign in", "Search",
        "Sports scores", "Tram line to reach the northern suburbs by 2030",
        "By Jane Roe", "March 9, 2017", "Share this article",
        PROSE * 2, PROSE + "Opponents say the cost is too high.", "Critics, however, remain unconvinced.",
        # a paragraph of its own (one that repeated the first would go as an echo: drop_repeated_blocks)
        "Work on the first section is due to start next spring, and the transport authority expects the "
        "trams to run every six minutes at peak hours once the line to the northern suburbs is complete.",
        "Most popular", "Storm closes schools", "Mayor opens new park",
        "© 2017 Example Media. All rights reserved.",
    ])
    article = clean(text_source(page))
    view = scorer_view(article)
    assert view["title"] == "Tram line to reach the northern suburbs by 2030"
    assert view["authors"] == ["Jane Roe"]
    assert view["date"] == "2017-03-09"
    assert len(view["paragraphs"]) == 4
    assert view["paragraphs"][2] == "Critics, however, remain unconvinced."
    assert not any("Most popular" in p or "Share" in p or "©" in p for p in view["paragraphs"])


def test_text_steps_are_named_functions():
    assert all(callable(step) and step.__name__ != "<lambda>" for step in TEXT_STEPS)


def test_only_boilerplate_text_raises_cleaning_error():
    with pytest.raises(CleaningError, match="no article text"):
        clean(text_source("Share this article\n\nSubscribe now\n\nRead more\n"))


# ------------------------------------------------------------------ HTML path

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Tram line to reach suburbs | The Example Times</title>
<meta property="og:title" content="Tram line to reach suburbs">
<meta property="og:site_name" content="The Example Times">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Tram line to reach suburbs","datePublished":"2017-03-09T08:00:00Z",
 "author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Organization","name":"Example Wire"}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Tram line to reach suburbs</h1>
<p>The city council voted on <em>Tuesday</em> to extend the <strong>tram line</strong> to the northern suburbs,
 a plan that has divided residents for more than a decade. <a href="https://example.org/plan">The plan</a> is
 public; <a href="javascript:alert(1)">this link</a> is not.</p>
<script>var tracking = "never in the text";</script>
<h2>What happens next</h2>
<p>Construction will begin in the spring and is expected to take four years, the council said in a statement
 that also promised regular updates for residents along the route.</p>
<ul><li>Phase one: the depot</li><li>Phase two: the line</li></ul>
<p>Opponents say the cost is too high and have asked for a public inquiry into the decision, which they
 describe as rushed and poorly explained to the people who will live beside the tracks.</p>
</article>
<p>Jane Roe is a transport reporter for The Example Times.</p>
<footer>© 2017 The Example Times. All rights reserved.</footer>
</body></html>"""


def test_html_page_metadata_and_body():
    article = clean(html_source(PAGE))
    meta = article.meta
    assert meta.title == "Tram line to reach suburbs"
    assert meta.authors == ("Jane Roe",)
    assert meta.date == "2017-03-09"
    assert meta.language == "en-GB"
    assert meta.publisher == "The Example Times"
    assert meta.bio is not None and meta.bio.author == "Jane Roe"
    view = scorer_view(article)
    assert view["paragraphs"][0].startswith("The city council voted on Tuesday")
    assert "never in the text" not in str(article)
    assert "All rights reserved" not in str(article)
    assert any(isinstance(b, Heading) and b.level == 2 for b in article.blocks)
    assert any(isinstance(b, ListBlock) and len(b.items) == 2 for b in article.blocks)
    first = article.blocks[0]
    assert any(isinstance(i, Emphasis) for i in first.children)
    assert any(isinstance(i, Strong) for i in first.children)
    links = [i for i in first.children if isinstance(i, Link)]
    assert [l.href for l in links] == ["https://example.org/plan"]  # javascript: links become text


def test_html_fragment_without_page_chrome():
    article = clean(html_source("<p>" + PROSE + "</p><p>" + PROSE + "</p>"))
    assert len(scorer_view(article)["paragraphs"]) == 2


@pytest.mark.parametrize("page", [
    "<html><body><nav><a href='/'>Home</a></nav><footer>© 2020 Example</footer></body></html>",
    "<html><head><title>Nothing</title></head><body><script>x()</script></body></html>",
])
def test_html_page_without_article_raises_cleaning_error(page):
    with pytest.raises(CleaningError, match="no article text"):
        clean(html_source(page))


@pytest.mark.parametrize("headline, social, doc_title, h1s, expected", [
    (None, "Tram plan approved | The Example Times", None, ("Tram plan approved",), "Tram plan approved"),
    (None, None, "Tram plan approved - The Example Times", (), "Tram plan approved"),
    ("Tram plan approved", "Tram plan approved at last", None, ("Site name",), "Tram plan approved"),
    (None, None, None, ("Only a heading here",), "Only a heading here"),
])
def test_choose_title(headline, social, doc_title, h1s, expected):
    assert choose_title(headline, social, doc_title, h1s) == expected


def test_deeply_nested_html_does_not_crash():
    deep = "<html><body>" + "<div>" * 100_000 + "<p>" + PROSE * 3 + "</p>" + "</div>" * 100_000 + "</body></html>"
    try:
        article = clean(html_source(deep))
    except CleaningError:
        return  # the parser may drop what lies beyond its depth limit: a clean error is fine
    assert article.blocks and all(plain_text(block).strip() for block in article.blocks)


def test_pathological_lines_stay_fast():
    # Long runs that make backtracking regexes explode; every rule must stay linear.
    nasty = "\n\n".join(["By " + "a " * 5000 + "!", "Published " + "1/" * 3000, "Share " * 4000,
                         "Jane Roe, " * 3000 + " is", PROSE * 3])
    started = time.perf_counter()
    clean(text_source(nasty))
    assert time.perf_counter() - started < 2.0


def test_typical_page_is_cleaned_fast():
    source = html_source(PAGE.replace("<p>Opponents", ("<p>" + PROSE + "</p>") * 40 + "<p>Opponents"))
    clean(source)  # warm imports
    started = time.perf_counter()
    clean(source)
    assert time.perf_counter() - started < 0.5
