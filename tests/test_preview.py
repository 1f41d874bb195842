"""preview_html: the on-screen preview of one article (the GUI shows it in a QTextBrowser)."""

from __future__ import annotations

import re

from exporter import ExportOptions, MetaOverrides, prepared_article, preview_html


def test_preview_holds_title_byline_date_body_and_bio_in_order(seed_path):
    html = preview_html(prepared_article(seed_path, ExportOptions()))
    text = re.sub(r"<[^>]+>", " ", html)
    order = ["An Act of Repentance", "William Taubman", "27 July 2016 · The New York Times",
             "Fifty years ago Saturday", "About the Author", "professor of political science"]
    positions = [text.find(part) for part in order]
    assert -1 not in positions and positions == sorted(positions), dict(zip(order, positions))


def test_preview_follows_the_viewers_palette_and_escapes_text(seed_path):
    article = prepared_article(seed_path, ExportOptions(overrides=MetaOverrides(title="Cats <b>& dogs</b>", bio="")))
    html = preview_html(article)
    assert "Cats &lt;b&gt;&amp; dogs&lt;/b&gt;" in html
    assert "About the Author" not in html  # an emptied bio leaves no heading behind
    assert not re.search(r"(?<![-\w])(color|background)\s*:", html), "colours would fight a dark palette"
