"""Every link written into a book is a valid URL (EPUBCheck RSC-020 rejects
the rest, and so do some readers); links that cannot be made valid lose their
href but keep their text."""

import pytest

from exporter.model import Link, Text
from exporter.render import render_inlines, safe_href


@pytest.mark.parametrize("href, expected", [
    # Query brackets of a filter form (a German finance site's "?filter[year]=2019"):
    ("https://www.example.de/x/?filter[year]=2019&a=b#f", "https://www.example.de/x/?filter%5Byear%5D=2019&a=b#f"),
    ("http://münchen.de/straße?q=ä ö", "http://xn--mnchen-3ya.de/stra%C3%9Fe?q=%C3%A4%20%C3%B6"),
    ("https://x.org/100%", "https://x.org/100%25"),
    ("https://x.org/a%20b", "https://x.org/a%20b"),
    ("https://[::1]:8080/a", "https://[::1]:8080/a"),
    ("  https://x.org/a|b{c}  ", "https://x.org/a%7Cb%7Bc%7D"),
    ("mailto:a@b.org?subject=Hi there", "mailto:a@b.org?subject=Hi%20there"),
    ("HTTPS://Example.ORG/Path", "https://example.org/Path"),
])
def test_links_are_written_as_valid_urls(href, expected):
    assert safe_href(href) == expected


@pytest.mark.parametrize("href", [
    "javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "http://x.org:99999/",
    "https://exa mple.com/", "http:///nohost", "https://bad_host!/", "//x.org/relative", "",
])
def test_links_that_cannot_be_valid_are_dropped(href):
    assert safe_href(href) is None


def test_a_dropped_link_keeps_its_text():
    html = render_inlines((Link((Text("the report"),), "https://exa mple.com/"),))
    assert html == "the report"
