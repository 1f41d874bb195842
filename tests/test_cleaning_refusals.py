"""A real article is never refused with "no article text found" (pages written here in real shapes)."""

from __future__ import annotations

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.extract import densest_container
from exporter.cleaning.html_tree import parse_html
from exporter.cleaning.pruning import without_selected
from exporter.sanitize import parse_sanitized, sanitize_page_html
from exporter.reading import decode_source
from tests.test_cleaning_text_scrapes import BODY, HEADLINE

WRAPPED = "".join(f'<div class="paragraph"><p>{p}</p></div>' for p in BODY)
# A beauty-magazine template: the <article>'s class happens to contain "sharebar" (a drop
# selector), every paragraph sits alone in a <div class="paragraph">, and the page chrome
# around it is a skip link and a copyright line.
PAGE = (f"<html><head><title>{HEADLINE} | Glow</title></head><body><a href='#main'>Skip to content</a>"
        f"<main><article class='article-container docked-sharebar-content-container'><h1>{HEADLINE}</h1>"
        f"<div class='articleContainer__content'>{WRAPPED}</div></article></main>"
        f"<footer>© Copyright . All rights reserved. Printed from https://glow.example.com</footer></body></html>")


def test_article_whose_class_matches_a_drop_selector_is_cleaned():
    result = scorer_view(clean(decode_source(PAGE.encode(), kind="html")))
    assert result["title"] == HEADLINE
    assert result["paragraphs"] == BODY


def test_drop_selectors_spare_the_element_holding_the_article():
    html = sanitize_page_html(parse_html(PAGE))
    root = without_selected(parse_sanitized(html), ("[class*=sharebar]", "footer"))
    assert root.find(".//article") is not None
    assert root.find(".//footer") is None  # the rule still removes what is furniture


def test_paragraphs_wrapped_one_by_one_count_for_their_container():
    container = densest_container(parse_html(PAGE))
    assert container.get("class") == "articleContainer__content"
