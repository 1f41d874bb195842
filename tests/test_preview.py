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


def test_preview_pictures_are_capped_in_height_and_frames_and_made_once():
    """A strip 16000 pixels tall and a 30-frame GIF (12.8 MB of preview HTML
    before) are shown as one still frame at twice their shown size, and a
    second preview reuses them."""
    import base64
    import io
    import time

    from PIL import Image

    from exporter.model import Article, Figure, ImageAsset, Meta, Text, asset_key

    from .picture_pages import encoded, photo

    tall_data = encoded(photo(800, 16000), "PNG")
    tall = ImageAsset(asset_key(tall_data), "image/png", 800, 16000, tall_data, "tall.png")
    frames = [photo(800, 600, seed=n) for n in range(30)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:])
    gif = ImageAsset(asset_key(buffer.getvalue()), "image/gif", 800, 600, buffer.getvalue(), "anim.gif")
    for asset in (tall, gif):
        article = Article(Meta(title="Pictures", language="en"), (Figure(asset.key, "x", (Text("Cap."),)),), (asset,))
        html = preview_html(article)
        tag = re.search(r'<img[^>]*width="(\d+)" height="(\d+)" src="data:[^;]+;base64,([^"]+)"', html)
        shown = int(tag[1]), int(tag[2])
        with Image.open(io.BytesIO(base64.b64decode(tag[3]))) as picture:
            assert getattr(picture, "n_frames", 1) == 1
            assert picture.width <= 2 * shown[0] and picture.height <= 2 * shown[1]
        assert len(html) < 1_500_000, len(html)
        started = time.perf_counter()
        assert preview_html(article) == html
        assert time.perf_counter() - started < 0.05  # the picture is not encoded again
