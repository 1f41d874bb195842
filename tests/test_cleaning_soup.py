"""The rules' drop selectors in a BeautifulSoup tree (lxml parser), run by soupsieve (`_soup`, `pruning`)."""

from __future__ import annotations

import time

import pytest
from lxml import etree

from exporter.cleaning import load_rules
from exporter.cleaning._soup import compile_css, index_soup, lxml_from_soup, parse_indexed, parse_soup, select_each
from exporter.cleaning.html_tree import parse_html
from exporter.cleaning.pruning import without_selected
from exporter.cleaning.steps_html import HTML_STEPS, NOTE_STEPS, drop_selected, sanitize_page
from exporter.reading import decode_source
from exporter.sanitize import parse_sanitized, sanitize_page_html

PROSE = "The harbour board met on Tuesday and agreed to dredge the channel before the winter storms arrive. "

# Markup of the kinds the prefilter has to get right: case in classes and ids, several classes,
# attribute values tested by soupsieve's own patterns, combinators, structural pseudo-classes.
PAGE = f"""<html lang="en"><body>
<nav class="Site-Nav"><a href="https://x.example/">Home</a></nav>
<div id="Main" class="wrap  Share-Bar-top outer"><section class="a b">
  <p class="x">{PROSE}</p><p class="A">{PROSE}</p><p data-x="ONE">{PROSE}</p>
  <div role="complementary" aria-hidden="true"><span class="sr-only">Skip</span></div>
  <div id="div-gpt-ad-123" hidden>ad</div><div class="social-share-buttons">share</div>
  <a href="/file.PDF">pdf</a><a href="https://x.example/doc.pdf">doc</a>
</section><p>{PROSE}</p></div>
<footer class="footer"><p>© The Harbour Times</p></footer>
</body></html>"""

SELECTORS = [
    "div > p.x", "p.a", "p.A", "#main", "#Main", ".share-bar-top", "[class*=share-bar]", "[class*=Share-Bar]",
    "[class~=outer]", "[class|=wrap]", "[data-x=one i]", "[data-x=one]", "[href$='.pdf']", "[href$='.pdf' i]",
    "p:first-child", "section > :nth-child(2)", ":not(.a)", "*", "[hidden]", "[aria-hidden=true] .sr-only",
    "nav, footer", "div[role=complementary]", "section p + p", "[id^=div-gpt-ad]", "body > div:has(section)",
    "p:-soup-contains('dredge')", ":root", "NAV", "a:is([href^=https], .nope)",
]


def _sanitised(page: str) -> str:
    return sanitize_page_html(parse_html(page))


@pytest.mark.parametrize("selector", SELECTORS)
def test_prefiltered_selection_is_what_soupsieve_selects(selector):
    soup, index = parse_indexed(_sanitised(PAGE))
    (found,) = select_each(index, soup, [selector])
    assert [id(t) for t in found] == [id(t) for t in compile_css(selector).select(soup)]


def test_shipped_rules_select_what_soupsieve_selects_on_corpus_pages(corpus_dir):
    selectors = load_rules().drop_selectors
    pages = sorted(corpus_dir.glob("*/*/source.html"))[::25]
    assert pages
    for path in pages:
        soup, index = parse_indexed(_sanitised(decode_source(path.read_bytes(), path=path, kind="html").text))
        expected = [compile_css(selector).select(soup) for selector in selectors]
        assert [[id(t) for t in m] for m in select_each(index, soup, selectors)] == \
               [[id(t) for t in m] for m in expected], path


def test_the_soup_is_beautifulsoup_built_by_lxml_and_indexed_in_document_order():
    from bs4 import BeautifulSoup
    from soupsieve import SoupSieve

    soup, index = parse_indexed(_sanitised(PAGE))
    assert isinstance(soup, BeautifulSoup) and soup.builder.NAME == "lxml"
    assert isinstance(compile_css("nav"), SoupSieve)
    assert [t.name for t in index.order] == [t.name for t in index_soup(soup).order]
    assert soup.find("div")["class"] == "wrap  Share-Bar-top outer"  # one string, as the page wrote it


def test_drop_selectors_remove_furniture_and_keep_tails():
    html = _sanitised(PAGE)
    pruned = without_selected(html, parse_sanitized(html), ("nav, footer", "[class*=social-share]", "[hidden]"))
    text = " ".join(pruned.itertext())
    assert "Home" not in text and "The Harbour Times" not in text and "share" not in text and "ad" not in text.split()
    assert text.count("dredge the channel") == 4


def test_trees_that_do_not_line_up_are_rebuilt_from_the_soup():
    """The sure way back: an lxml tree that differs from the soup is not trusted."""
    html = _sanitised(PAGE)
    stranger = parse_sanitized(_sanitised(f"<html><body><p>{PROSE}</p><nav>Other</nav></body></html>"))
    pruned = without_selected(html, stranger, ("nav, footer",))
    text = " ".join(pruned.itertext())
    assert text.count("dredge the channel") == 4 and "Home" not in text and "Other" not in text


def _without_blank_text(root: etree._Element) -> bytes:
    for element in root.iter():
        element.text = None if not (element.text or "").strip() else element.text
        element.tail = None if not (element.tail or "").strip() else element.tail
    return etree.tostring(root)


def test_lxml_tree_rebuilt_from_the_soup_is_the_one_lxml_parses(corpus_dir):
    """Up to blank text: BeautifulSoup keeps a run of white space between tags as one space or newline."""
    for path in sorted(corpus_dir.glob("*/*/source.html"))[::40]:
        html = _sanitised(decode_source(path.read_bytes(), path=path, kind="html").text)
        rebuilt, _ = lxml_from_soup(parse_indexed(html)[1])
        assert _without_blank_text(rebuilt) == _without_blank_text(parse_sanitized(html)), path


def test_the_soup_is_read_from_the_sanitised_page_only():
    from exporter.cleaning.draft import Draft

    hostile = (f"<html><body><p onclick='steal()'>{PROSE}</p><script>document.write('<nav>x</nav>')</script>"
               "<iframe src='https://evil.example/'></iframe><form><input name=q></form></body></html>")
    draft = Draft(source=decode_source(hostile.encode(), kind="html"), rules=load_rules())
    for step in HTML_STEPS[:HTML_STEPS.index(drop_selected) + 1]:
        draft = step(draft)
    assert "<script" not in draft.page.html and "onclick" not in draft.page.html and "<iframe" not in draft.page.html
    for steps in (HTML_STEPS, NOTE_STEPS):
        assert steps.index(sanitize_page) < steps.index(drop_selected)
    soup = parse_soup(draft.page.html)
    assert not soup.find_all(["script", "iframe", "form", "input"])


def test_a_page_nested_100000_deep_is_pruned_quickly():
    deep = ("<html><body>" + "<div>" * 100 + "<nav>Menu</nav>" + f"<p>{PROSE}</p>" + "<div>" * 100_000
            + "deep" + "</div>" * 100_100 + "</body></html>")
    started = time.monotonic()
    html = _sanitised(deep)
    pruned = without_selected(html, parse_sanitized(html), ("nav",))
    assert time.monotonic() - started < 10
    text = " ".join(pruned.itertext())
    assert "Menu" not in text and "dredge the channel" in text


def test_the_quick_builder_builds_the_tree_bs4s_own_lxml_builder_builds(corpus_dir):
    from bs4 import BeautifulSoup

    pages = [PAGE] + [decode_source(p.read_bytes(), path=p, kind="html").text
                      for p in sorted(corpus_dir.glob("*/*/source.html"))[::30]]
    for page in pages:
        html = _sanitised(page)
        ours, stock = parse_soup(html), BeautifulSoup(html, "lxml", multi_valued_attributes=None)
        assert str(ours) == str(stock)
        walk = [(type(n).__name__, getattr(n, "name", None), str(n.parent.name) if n.parent else None)
                for n in ours.descendants]
        assert walk == [(type(n).__name__, getattr(n, "name", None), str(n.parent.name) if n.parent else None)
                        for n in stock.descendants]
