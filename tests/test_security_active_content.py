"""No active content: scripts, handlers, javascript: URLs, frames, objects,
embeds and forms never reach a book, and the allow-list sanitiser that cuts
the page down (exporter/sanitize.py) keeps the article's words."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from exporter.cli import main
from exporter.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, sanitize_html, sanitize_tree

from .conftest import file_digest, the_book

# (markup, words of it that must survive or None)
VECTORS = [
    ("<script>alert('x')</script>", None),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", None),
    ('<scr<script>ipt>alert(1)</script>', None),
    ("<img src=x onerror=alert(1)>", None),
    ('<body onload="alert(1)">', None),
    ('<p onclick="alert(1)" onmouseover=alert(2)>click words</p>', "click words"),
    ('<a href="javascript:alert(1)">js link words</a>', "js link words"),
    ('<a href="JaVaScRiPt:alert(1)">mixed case</a>', "mixed case"),
    ('<a href="  javascript:alert(1)">leading space</a>', "leading space"),
    ('<a href="java&#x09;script:alert(1)">tab entity</a>', "tab entity"),
    ('<a href="vbscript:msgbox(1)">vb</a>', "vb"),
    ('<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>', "data link"),
    ('<iframe src="javascript:alert(1)"></iframe>', None),
    ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', None),
    ('<object data="evil.swf"><param name=x value=y></object>', None),
    ('<embed src="evil.swf">', None),
    ('<form action="https://evil.example/"><input name=q><button>Go</button></form>', None),
    ('<svg onload=alert(1)><script>alert(2)</script></svg>', None),
    ('<math><mtext><script>alert(1)</script></mtext></math>', None),
    ('<div style="background:url(javascript:alert(1))">styled words</div>', "styled words"),
    ('<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', None),
    ('<link rel=import href="https://evil.example/x.html">', None),
    ('<base href="javascript:alert(1)//">', None),
    ('<details open ontoggle=alert(1)>toggle words</details>', "toggle words"),
    ('<video><source onerror="alert(1)"></video>', None),
    ('<template><script>alert(1)</script></template>', None),
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', None),
    ('<table background="javascript:alert(1)"><tr><td>cell words</td></tr></table>', "cell words"),
]

FORBIDDEN_TAGS = {"script", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea",
                  "select", "svg", "math", "style", "link", "meta", "base", "applet", "template"}
_BAD_SCHEME = re.compile(r"^\s*(?:javascript|vbscript|data|file):", re.IGNORECASE)


def assert_inert(markup: str) -> None:
    """Parsed as HTML, ``markup`` holds only allowed elements, no handler and no non-web URL."""
    root = lxml_html.fragment_fromstring(markup or "<div></div>", create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in FORBIDDEN_TAGS, f"<{element.tag}> survived: {markup!r}"
        assert element.tag in ALLOWED_TAGS | {"div"}, f"<{element.tag}> is off the allow-list: {markup!r}"
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(element.tag, set())
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"handler {name} survived: {markup!r}"
            assert name in allowed or name.startswith("aria-"), f"attribute {name} survived: {markup!r}"
            assert not _BAD_SCHEME.match(value), f"{name}={value!r} survived: {markup!r}"


@pytest.mark.parametrize("markup, words", VECTORS, ids=[v[0][:40] for v in VECTORS])
def test_sanitiser_leaves_no_active_content_and_keeps_words(markup, words):
    cleaned = sanitize_html(f"<p>before</p>{markup}<p>after</p>")
    assert_inert(cleaned)
    assert "before" in cleaned and "after" in cleaned, cleaned
    if words:
        assert words in cleaned, cleaned
    # Code may survive only as visible text (e.g. "ipt>alert(1)" from a split tag), never in markup.
    root = lxml_html.fragment_fromstring(cleaned, create_parent="div")
    for element in root.iter():
        for value in element.attrib.values():
            assert "alert(" not in value and "msgbox(" not in value and "evil" not in value, cleaned


def test_sanitiser_keeps_article_structure_and_the_attributes_rules_select_on():
    page = ('<article class="story" id="main"><h2 lang="fr">Titre</h2><p role="note" aria-label="x" hidden>'
            '<em>a</em> <strong>b</strong> <a href="https://example.org/" rel="author">c</a></p>'
            '<blockquote cite="https://example.org/q"><p>q</p></blockquote><ul><li>i</li></ul>'
            '<figure><img src="https://example.org/i.png" alt="alt"><figcaption>cap</figcaption></figure>'
            '<time datetime="2020-01-02">2 Jan</time></article>')
    root = lxml_html.fragment_fromstring(sanitize_html(page), create_parent="div")
    article = root.find("article")
    assert article.get("class") == "story" and article.get("id") == "main"
    assert root.find(".//h2").get("lang") == "fr"
    p = root.find(".//p")
    assert p.get("role") == "note" and p.get("aria-label") == "x" and p.get("hidden") is not None
    link = root.find(".//a")
    assert link.get("href") == "https://example.org/" and link.get("rel") == "author"
    assert root.find(".//img").get("src") is None, "image sources must go (nothing is fetched)"
    assert root.find(".//img").get("alt") == "alt"
    assert root.find(".//time").get("datetime") == "2020-01-02"
    assert [e.tag for e in root.iter()][1:] == ["article", "h2", "p", "em", "strong", "a", "blockquote", "p",
                                                "ul", "li", "figure", "img", "figcaption", "time"]


def test_form_wrapping_the_whole_page_keeps_its_text():
    """ASP.NET pages put the whole article inside one <form>: the tag goes, the words stay."""
    cleaned = sanitize_html('<form id="aspnetForm" action="/x"><div><p>The council met on Tuesday.</p></div></form>')
    assert "<form" not in cleaned and "The council met on Tuesday." in cleaned


def test_sanitize_tree_keeps_html_lang_and_drops_the_head():
    root = lxml_html.document_fromstring(
        '<html lang="de" onload="x()" dir="ltr"><head><title>T</title><script>evil()</script>'
        '<script type="application/ld+json">{"headline": "H"}</script></head>'
        '<body onload="y()"><p onclick="z()">Text</p></body></html>')
    cleaned = sanitize_tree(root)
    assert cleaned.get("lang") == "de" and cleaned.get("dir") == "ltr" and cleaned.get("onload") is None
    assert cleaned.find("head") is None
    assert etree.tostring(cleaned, encoding="unicode") == '<html lang="de" dir="ltr"><body><p>Text</p></body></html>'
    assert root.find("head") is not None, "the caller's tree must not be changed"


def test_deep_nesting_is_sanitised_quickly():
    """html5ever is quadratic in depth; the lxml pass first bounds it."""
    import time

    depth = 100_000
    started = time.perf_counter()
    cleaned = sanitize_html("<div>" * depth + "deep words" + "</div>" * depth)
    assert time.perf_counter() - started < 5
    # libxml2 stops at 256 levels (ERR_RESOURCE_LIMIT): what lies deeper is dropped, quickly.
    assert cleaned.count("<div>") <= 256


def _hostile_article() -> str:
    prose = ("The regional council voted on Tuesday to rebuild the harbour wall, after a winter of storms "
             "that flooded the lower town twice and closed the fish market for a week.")
    vectors = "\n".join(markup for markup, _ in VECTORS)
    return f"""<!DOCTYPE html><html lang="en"><head><title>Harbour wall vote</title>
<script>document.write('<p>injected</p>')</script>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Harbour wall vote"}}</script>
<style>body {{ behavior: url(evil.htc); }}</style></head>
<body onload="steal()"><article><h1 onclick="alert(1)">Harbour wall vote</h1>
<p onmouseover="alert(1)">{prose}</p>
<p>Work begins in spring, the council said, <a href="javascript:alert(document.cookie)">according to the plan</a>
and <a href="https://example.org/plan">the published plan</a>.</p>
{vectors}
<p>{prose}</p>
</article></body></html>"""


def test_epub_holds_no_active_content_in_any_file(tmp_path: Path):
    source = tmp_path / "in" / "harbour.html"
    source.parent.mkdir()
    source.write_text(_hostile_article(), encoding="utf-8")
    digest = file_digest(source)
    out = tmp_path / "out"
    stderr = io.StringIO()
    code = main([str(source), "--epub", "-o", str(out), "-q"], stdout=io.StringIO(), stderr=stderr)
    assert code == 0, stderr.getvalue()
    assert file_digest(source) == digest

    patterns = [rb"<script", rb"<iframe", rb"<object", rb"<embed", rb"<form", rb"<svg", rb"<math",
                rb"javascript:", rb"vbscript:", rb"data:text/html", rb"<[^>]*\son[a-z]+\s*=",
                rb"<base\b", rb"http-equiv"]
    with zipfile.ZipFile(the_book(out, ".epub")) as book:
        files = {name: book.read(name) for name in book.namelist()}
    assert any(b"rebuild the harbour wall" in data for data in files.values()), "the article's prose is missing"
    assert any(b'href="https://example.org/plan"' in data for data in files.values()), "the web link is missing"
    for name, data in files.items():
        for pattern in patterns:
            assert not re.search(pattern, data, re.IGNORECASE), f"{pattern!r} found in {name}"
        if name.endswith(".xhtml"):
            for element in etree.fromstring(data).iter():
                assert not any(attr.lower().startswith("on") for attr in element.attrib), (name, element.tag)
