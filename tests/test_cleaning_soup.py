"""The rules' drop selectors in a BeautifulSoup tree (lxml parser), run by soupsieve (`_soup`, `pruning`)."""

from __future__ import annotations

import time

import pytest
from lxml import etree
from lxml import html as lxml_html

from exporter.cleaning import load_rules
from exporter.cleaning._soup import compile_css, index_soup, select_each, soup_of_tree
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


def parse_indexed(markup: str):
    """`soup_of_tree` of ``markup`` parsed as bs4's lxml builder feeds lxml (recovering, comments
    kept): the soup and its `_Index`. Equal to ``BeautifulSoup(markup, "lxml")`` only for what
    `soup_of_tree` is built for (one root element, comments and processing instructions beside
    it: the sanitiser's output and the markup below). Not for a doctype (bs4 adds a Doctype
    node), blank text between top-level comments after the root (dropped), a document with no
    element (empty soup, where bs4 keeps the comment), or text after ``</html>`` (ValueError)."""
    parser = lxml_html.HTMLParser(recover=True)
    try:
        parser.feed(markup)
        root = parser.close()
    except etree.LxmlError:  # nothing to parse (bs4 makes an empty soup)
        root = None
    return soup_of_tree(root)


def parse_soup(markup: str):
    return parse_indexed(markup)[0]


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
    pruned = without_selected(parse_sanitized(_sanitised(PAGE)), ("nav, footer", "[class*=social-share]", "[hidden]"))
    text = " ".join(pruned.itertext())
    assert "Home" not in text and "The Harbour Times" not in text and "share" not in text and "ad" not in text.split()
    assert text.count("dredge the channel") == 4


def test_each_tag_of_the_soup_is_made_from_its_own_element_of_the_lxml_tree():
    """The soup is the tree it was given (here one no markup was parsed into: a paragraph
    added by hand), and each tag points back at the element it was made from."""
    root = parse_sanitized(_sanitised(PAGE))
    added = etree.SubElement(root.find("body"), "p", {"class": "late"})
    added.text = "added after the parse"
    soup, index = soup_of_tree(root)
    elements = list(root.iter(etree.Element))
    assert [t.name for t in index.order] == [e.tag for e in elements]
    for tag, element in zip(index.order, elements):
        assert index.element_of(tag) is element and tag.attrs == dict(element.attrib)
    (late,) = select_each(index, soup, ["p.late"])[0]
    assert late.get_text() == "added after the parse" and index.element_of(late) is added


def test_the_soup_is_made_from_the_sanitised_page_only():
    from exporter.cleaning.draft import Draft

    hostile = (f"<html><body><p onclick='steal()'>{PROSE}</p><script>document.write('<nav>x</nav>')</script>"
               "<iframe src='https://evil.example/'></iframe><form><input name=q></form></body></html>")
    draft = Draft(source=decode_source(hostile.encode(), kind="html"), rules=load_rules())
    for step in HTML_STEPS[:HTML_STEPS.index(drop_selected) + 1]:
        draft = step(draft)
    for steps in (HTML_STEPS, NOTE_STEPS):
        assert steps.index(sanitize_page) < steps.index(drop_selected)
    soup, _ = soup_of_tree(draft.page.root)  # the tree drop_selected makes its soup from
    assert not soup.find_all(["script", "iframe", "form", "input"]) and not soup.find_all(onclick=True)
    assert PROSE.strip() in soup.get_text()


def test_a_page_nested_100000_deep_is_pruned_quickly():
    deep = ("<html><body>" + "<div>" * 100 + "<nav>Menu</nav>" + f"<p>{PROSE}</p>" + "<div>" * 100_000
            + "deep" + "</div>" * 100_100 + "</body></html>")
    started = time.monotonic()
    pruned = without_selected(parse_sanitized(_sanitised(deep)), ("nav",))
    assert time.monotonic() - started < 10
    text = " ".join(pruned.itertext())
    assert "Menu" not in text and "dredge the channel" in text


# What a string of bs4's makes differently: white space kept in <pre>, a blank run made one
# space or newline elsewhere, ruby text, comments (blank and empty ones too), a <meta> charset.
ODD_MARKUP = ("<html><head><meta charset='latin-1'><title>T</title></head><body>\n  <pre>  a\n\n  <b> </b>\n</pre>"
              "<ruby>漢<rt>kan</rt><rp>(</rp></ruby> <!-- note --><!----><!-- \n --><p>x &amp; y<br>z</p>\t</body></html>")


def _anatomy(soup) -> list:
    """Every node of ``soup`` with all its fields, its links given as document positions."""
    nodes = [soup, *soup.descendants]
    where = {id(node): index for index, node in enumerate(nodes)}
    links = ("parent", "previous_element", "next_element", "previous_sibling", "next_sibling",
             "currentTag", "_most_recent_element")
    anatomy = []
    for node in nodes:
        fields = {}
        for name, value in vars(node).items():
            if name in links:
                value = where.get(id(value), "outside" if value is not None else None)
            elif name in ("contents", "tagStack"):
                value = [where[id(child)] for child in value]
            elif name == "builder":
                value = value.NAME
            fields[name] = value
        anatomy.append((type(node).__name__, str(node) if isinstance(node, str) else None, fields))
    return anatomy


def test_the_soup_is_the_tree_bs4s_own_lxml_builder_builds(corpus_dir):
    """Node for node, field for field, link for link: from the pipeline's sanitised tree, and
    from markup (comments, <pre>, ruby text, <meta>) through `parse_soup`."""
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    pages = [PAGE] + [decode_source(p.read_bytes(), path=p, kind="html").text
                      for p in sorted(corpus_dir.glob("*/*/source.html"))[::30]]
    for page in pages:
        html = _sanitised(page)
        stock = _anatomy(BeautifulSoup(html, "lxml", multi_valued_attributes=None))
        assert _anatomy(soup_of_tree(parse_sanitized(html))[0]) == stock
        assert _anatomy(parse_soup(html)) == stock
    assert _anatomy(parse_soup(ODD_MARKUP)) == _anatomy(BeautifulSoup(ODD_MARKUP, "lxml", multi_valued_attributes=None))
    for markup in ("", "<?xml version='1.0' encoding='utf-8'?><!-- before --><p>x</p>"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # the point: an XML declaration in HTML
            stock = BeautifulSoup(markup, "lxml", multi_valued_attributes=None)
        assert _anatomy(parse_soup(markup)) == _anatomy(stock)


def test_pruning_leaves_nothing_for_the_cycle_collector_and_puts_it_back_as_it_was(corpus_dir):
    """A soup is one big reference cycle: left to Python's cycle collector, earlier pages'
    soups cost every later step its collections. `page_soup` takes it apart at the end."""
    import gc

    selectors = load_rules().drop_selectors
    roots = [parse_sanitized(_sanitised(PAGE))] + [
        parse_sanitized(_sanitised(decode_source(p.read_bytes(), path=p, kind="html").text))
        for p in sorted(corpus_dir.glob("*/*/source.html"))[::60]]
    gc.collect()
    gc.disable()
    try:
        for root in roots:
            pruned = without_selected(root, selectors)
            assert not gc.isenabled()  # a caller that paused the collector keeps it paused
            assert gc.collect() == 0, "the soup was left for the cycle collector"
            assert pruned.find(".//nav") is None
    finally:
        gc.enable()
    without_selected(roots[0], selectors)
    assert gc.isenabled()


def test_markup_with_an_element_beside_the_root_is_refused_not_misread():
    """Text after </html> makes lxml put a second <html> beside the root; it was taken for a
    processing instruction (AttributeError on ``.target``). It is not the shape `soup_of_tree`
    builds as bs4 would, so it says so."""
    with pytest.raises(ValueError, match="beside the root"):
        parse_soup("<html><body><p>x</p></body></html>  tail text <!-- c -->")
