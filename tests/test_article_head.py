"""The lead photo a news template sets between the headline (and byline) and the body's container
is the article's first picture (`article_head`); a byline avatar, a sidebar's picture or a logo is not."""

from __future__ import annotations

from pathlib import Path

from exporter.cleaning import clean
from exporter.cleaning.draft import block_text
from exporter.model import Figure
from exporter.reading import decode_source

from .picture_pages import encoded, photo

BODY = "".join(f"<p>The harbour board met on Tuesday and agreed the plan for the quay, paragraph {n}, "
               "after a long debate about its cost and the noise of the new cranes at night.</p>" for n in range(6))


def _page(folder: Path, before_body: str, sidebar: str = "") -> Path:
    (folder / "page_files").mkdir(exist_ok=True)
    for name, size in (("quay.jpg", (1200, 800)), ("avatar.jpg", (96, 96)), ("side.jpg", (800, 600))):
        (folder / "page_files" / name).write_bytes(encoded(photo(*size), "JPEG"))
    html = ('<!doctype html><html lang="en"><head><title>Cranes for the quay | The Courier</title></head><body>'
            '<header><a class="logo" href="/">The Courier</a><nav><a href="/">Home</a></nav></header>'
            f'<main><article><h1>Cranes for the quay</h1><div class="meta"><img class="author-avatar" '
            'src="page_files/avatar.jpg" alt="" width="96" height="96"><span class="byline">By Ada Brook</span></div>'
            f'{before_body}<div class="article-body">{BODY}</div></article>{sidebar}</main>'
            '<footer><p>© The Courier</p></footer></body></html>')
    path = folder / "page.html"
    path.write_text(html, encoding="utf-8")
    return path


def _cleaned(path: Path):
    return clean(decode_source(path.read_bytes(), path=path, kind="html"))


LEAD = ('<figure class="article-image"><img src="page_files/quay.jpg" alt="Cranes on the quay" width="1200" '
        'height="800"><figcaption>The new cranes on the quay. <span class="credit">Photo: Ben Stone</span>'
        '</figcaption></figure>')


def test_the_lead_photo_before_the_body_opens_the_article_with_its_caption(tmp_path):
    article = _cleaned(_page(tmp_path, '<div class="share"><a href="#">Share</a></div>' + LEAD))
    first = article.blocks[0]
    assert isinstance(first, Figure), article.blocks[:2]
    assert first.alt == "Cranes on the quay" and first.image is not None and first.credit == "Photo: Ben Stone"
    assert "The new cranes on the quay." in "".join(getattr(i, "text", "") for i in first.caption)
    assert sum(isinstance(b, Figure) for b in article.blocks) == 1  # the avatar is not taken


def test_no_lead_photo_no_picture_and_a_sidebars_picture_is_not_the_lead(tmp_path):
    plain = _cleaned(_page(tmp_path, ""))
    assert not any(isinstance(b, Figure) for b in plain.blocks)  # the byline's avatar is no lead photo
    side = ('<aside class="sidebar"><figure><img src="page_files/side.jpg" alt="An advert" width="800" height="600">'
            '<figcaption>Visit the fair</figcaption></figure></aside>')
    sidebar_first = _cleaned(_page(tmp_path, side))
    assert not any(isinstance(b, Figure) for b in sidebar_first.blocks)


def test_a_lead_photo_in_the_articles_own_header_is_taken(tmp_path):
    path = _page(tmp_path, "")
    html = path.read_text(encoding="utf-8").replace(
        '<article><h1>Cranes for the quay</h1>', f'<article><header class="entry-header"><h1>Cranes for the quay</h1>{LEAD}</header>')
    path.write_text(html, encoding="utf-8")
    assert isinstance(_cleaned(path).blocks[0], Figure)


STANDFIRST = '<p class="article-chapo">The harbour board wants remote-controlled cranes on the quay by 2027; the dockers ask for guarantees.</p>'


def test_the_standfirst_under_the_headline_is_the_subtitle(tmp_path):
    article = _cleaned(_page(tmp_path, STANDFIRST + LEAD))
    assert article.meta.subtitle == ("The harbour board wants remote-controlled cranes on the quay by 2027; "
                                     "the dockers ask for guarantees.")
    assert isinstance(article.blocks[0], Figure)  # and the lead photo after it still opens the article


def test_no_subtitle_from_a_label_a_sidebar_or_a_standfirst_the_body_already_holds(tmp_path):
    label = '<p class="dek">Harbour</p>'  # a one-word label is no standfirst
    assert _cleaned(_page(tmp_path, label)).meta.subtitle is None
    aside = '<aside class="related"><p class="summary">Read our guide to the ten best harbour walks this autumn.</p></aside>'
    assert _cleaned(_page(tmp_path, aside)).meta.subtitle is None
    path = _page(tmp_path, "")
    html = path.read_text(encoding="utf-8").replace('<div class="article-body">', '<div class="article-body">' + STANDFIRST)
    path.write_text(html, encoding="utf-8")
    kept = _cleaned(path)
    assert kept.meta.subtitle is None and "remote-controlled cranes" in block_text(kept.blocks[0])
