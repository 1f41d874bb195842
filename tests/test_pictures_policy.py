"""Where pictures may come from, and what happens to bad ones.

The resolver answers only data: URIs, archive parts, files inside the page's own
folder tree and (when asked) guarded fetches; a picture Pillow refuses gives one
warning naming it, and the book is still made."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from exporter.cleaning.media import ranked_srcset
from exporter.model import plain_text as plain
from exporter.options import ExportOptions
from exporter.pipeline import export_file, load_article
from exporter.resolver import Refused, Resolver, decode_data_uri

from .pdf_support import collected_warnings
from .picture_pages import PROSE, bomb_png, encoded, jpeg_with_gps, photo


def _page(folder: Path, images: str, name: str = "page.html") -> Path:
    body = "".join(f"<p>{PROSE * 3}</p>" for _ in range(3))
    path = folder / name
    path.write_text(f"<html lang=en><head><title>A page</title></head><body><article><h1>A page</h1>{body}"
                    f"{images}{body}</article></body></html>", encoding="utf-8")
    return path


def _epub_pictures(epub: Path) -> list[str]:
    with zipfile.ZipFile(epub) as archive:
        return [n for n in archive.namelist() if n.startswith("EPUB/images/img-")]


# ------------------------------------------------------------------ the resolver alone


def test_data_uris_decode_base64_and_percent_forms():
    assert decode_data_uri("data:image/png;base64,aGVsbG8=").data == b"hello"
    assert decode_data_uri("data:image/png;base64,aGVs\n bG8").data == b"hello"  # wrapped, unpadded
    assert decode_data_uri("data:text/plain,a%20b").data == b"a b"
    with pytest.raises(Refused):
        decode_data_uri("data:image/png;base64")


def test_the_resolver_answers_only_inside_the_page_folder(tmp_path):
    site = tmp_path / "site"
    (site / "page_files").mkdir(parents=True)
    (site / "page_files" / "ok.png").write_bytes(b"inside")
    (tmp_path / "secret.png").write_bytes(b"secret")
    os.symlink(tmp_path / "secret.png", site / "page_files" / "link.png")
    resolver = Resolver(base_dir=site)
    assert resolver.lookup("page_files/ok.png").data == b"inside"
    assert resolver.lookup("./page_files/ok.png").data == b"inside"
    assert resolver.lookup((site / "page_files" / "ok.png").as_uri()).data == b"inside"  # file: inside
    for reference, reason in [
        ("../secret.png", "climbs out"),
        ("page_files/../../secret.png", "climbs out"),
        ("page_files/link.png", "outside the page's folder"),
        ("file:///etc/passwd", "outside the page's folder"),
        ((tmp_path / "secret.png").as_uri(), "outside the page's folder"),
        ("/etc/passwd", "absolute paths"),
        ("C:/Windows/win.ini", "scheme is not allowed"),
        ("javascript:alert(1)", "scheme is not allowed"),
        ("page_files/missing.png", "no such file"),
    ]:
        with pytest.raises(Refused, match=reason):
            resolver.lookup(reference)


def test_remote_references_are_never_fetched_without_a_fetcher(tmp_path):
    resolver = Resolver(base_dir=tmp_path, base_url="https://example.org/a/")
    assert resolver.resolve("https://example.org/x.jpg") is None
    assert resolver.resolve("//cdn.example.org/x.jpg") is None


def test_archive_parts_answer_by_exact_url_and_cid():
    parts = {"https://example.org/p.png": (b"png", "image/png"), "cid:part1@mhtml": (b"cid", "image/gif")}
    resolver = Resolver(base_url="https://example.org/story", parts=parts)
    assert resolver.lookup("https://example.org/p.png").data == b"png"
    assert resolver.lookup("p.png").data == b"png"  # relative to the page's URL
    assert resolver.lookup("cid:part1@mhtml").media_type == "image/gif"


def test_srcset_ranking_prefers_enough_pixels_not_the_biggest_blindly():
    srcset = "a-400.jpg 400w, a-1600.jpg 1600w, a-3200.jpg 3200w, a-800.jpg 800w"
    assert ranked_srcset(srcset) == ["a-1600.jpg", "a-3200.jpg", "a-800.jpg", "a-400.jpg"]
    assert ranked_srcset("b.jpg 1x, b@2x.jpg 2x, b@3x.jpg 3x") == ["b@2x.jpg", "b@3x.jpg", "b.jpg"]
    uri = "data:image/png;base64,AAA,BBB"
    assert ranked_srcset(f"{uri} 100w, c.jpg 200w") == ["c.jpg", uri]


# ------------------------------------------------------------------ pages reaching out


def test_an_img_reaching_outside_the_folder_reaches_no_book(tmp_path):
    site = tmp_path / "site"
    (site / "page_files").mkdir(parents=True)
    secret = encoded(photo(300, 200, seed=9), "PNG")
    (tmp_path / "x.png").write_bytes(secret)
    os.symlink(tmp_path / "x.png", site / "page_files" / "out.png")
    images = ('<img src="../x.png" alt="a"><img src="page_files/out.png" alt="b">'
              '<img src="file:///etc/passwd" alt="c">'
              f'<img src="{(tmp_path / "x.png").as_uri()}" alt="d"><img src="/etc/hostname" alt="e">')
    page = _page(site, images)
    with collected_warnings() as warnings:
        written = export_file(page, ExportOptions(output_dir=tmp_path / "out", formats=("epub",)))
    epub = written[0].path
    assert _epub_pictures(epub) == []
    with zipfile.ZipFile(epub) as archive:
        assert not any(secret[20:80] in archive.read(n) for n in archive.namelist())
    for reference in ("../x.png", "page_files/out.png", "file:///etc/passwd", "/etc/hostname"):
        assert sum(reference in w for w in warnings) == 1, (reference, warnings)


def test_a_decompression_bomb_and_a_truncated_jpeg_give_one_warning_each_and_a_book(tmp_path):
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "bomb.png").write_bytes(bomb_png())
    good = encoded(photo(640, 480, seed=3), "JPEG")
    (tmp_path / "page_files" / "cut.jpg").write_bytes(good[: len(good) // 2])
    (tmp_path / "page_files" / "good.jpg").write_bytes(good)
    page = _page(tmp_path, '<figure><img src="page_files/bomb.png" alt="bomb"><figcaption>A bomb.</figcaption>'
                           '</figure><img src="page_files/cut.jpg" alt="cut"><img src="page_files/good.jpg" alt="ok">')
    with collected_warnings() as warnings:
        written = export_file(page, ExportOptions(output_dir=tmp_path / "out"))
    assert {w.format for w in written} == {"epub", "pdf"}
    assert len([w for w in warnings if "bomb.png" in w]) == 1, warnings
    assert len([w for w in warnings if "cut.jpg" in w]) == 1, warnings
    assert len(warnings) == 2, warnings
    assert "decompression bomb" in next(w for w in warnings if "bomb.png" in w)
    assert "damaged" in next(w for w in warnings if "cut.jpg" in w)
    epub = next(w.path for w in written if w.format == "epub")
    assert len(_epub_pictures(epub)) == 1
    with zipfile.ZipFile(epub) as archive:
        assert "A bomb." in archive.read("EPUB/article.xhtml").decode()  # the caption stays


def test_exif_orientation_is_applied_before_the_tags_go(tmp_path):
    (tmp_path / "p_files").mkdir()
    (tmp_path / "p_files" / "turned.jpg").write_bytes(jpeg_with_gps(900, 600, orientation=6))
    article = load_article(_page(tmp_path, '<img src="p_files/turned.jpg" alt="A portrait">'))
    (asset,) = article.assets
    assert (asset.width, asset.height) == (600, 900)
    assert not Image.open(io.BytesIO(asset.data)).getexif()


def test_a_picture_only_on_standard_input_comes_from_data_uris(tmp_path):
    from exporter.cleaning import clean
    from exporter.reading import decode_source

    data_uri = "data:image/png;base64," + __import__("base64").b64encode(encoded(photo(200, 150), "PNG")).decode()
    (tmp_path / "local.png").write_bytes(encoded(photo(200, 150, seed=4), "PNG"))
    html = _page(tmp_path, f'<img src="{data_uri}" alt="inline"><img src="local.png" alt="local">').read_bytes()
    article = clean(decode_source(html, kind="html"))  # no path: no folder to read from
    assert [a.origin[:15] for a in article.assets] == ["data:image/png;"]


def test_svg_is_cut_down_to_a_static_subset():
    from exporter.images import prepare_image

    svg = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" '
           b'xmlns:xlink="http://www.w3.org/1999/xlink" width="120" height="80" onload="alert(1)">'
           b'<script>alert(2)</script><style>rect{fill:url(https://evil.example/x)}</style>'
           b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>'
           b'<image xlink:href="https://evil.example/track.png"/><use xlink:href="https://evil.example/a.svg#x"/>'
           b'<rect id="r" width="100" height="50" fill="#369" style="fill:url(http://x)"/>'
           b'<use xlink:href="#r" x="10"/><a href="javascript:alert(3)"><circle r="5"/></a></svg>')
    prepared = prepare_image(svg, name="chart.svg")
    assert prepared.media_type == "image/svg+xml" and (prepared.width, prepared.height) == (120, 80)
    text = prepared.data.decode()
    for gone in ("script", "alert", "onload", "style", "foreignObject", "evil.example", "javascript", "<image"):
        assert gone not in text, gone
    assert "<rect" in text and 'href="#r"' in text


def test_no_images_gives_a_text_only_book_that_keeps_captions(tmp_path):
    from .picture_pages import singlefile_page

    page = singlefile_page(tmp_path)
    written = export_file(page, ExportOptions(output_dir=tmp_path / "out", formats=("epub",), images=False))
    epub = written[0].path
    assert _epub_pictures(epub) == []
    with zipfile.ZipFile(epub) as archive:
        xhtml = archive.read("EPUB/article.xhtml").decode()
        opf = archive.read("EPUB/content.opf").decode()
    assert "Boats leave at first light." in xhtml and "<img" not in xhtml
    assert "visual" not in opf


def test_cover_lead_image_puts_the_first_picture_on_the_cover(tmp_path):
    from .picture_pages import singlefile_page

    page = singlefile_page(tmp_path)
    covers = {}
    for cover in ("generated", "lead-image"):
        options = ExportOptions(output_dir=tmp_path / cover, formats=("epub",), cover=cover)
        with zipfile.ZipFile(export_file(page, options)[0].path) as archive:
            covers[cover] = Image.open(io.BytesIO(archive.read("EPUB/images/cover.jpg"))).convert("RGB")
    plain, pictured = covers["generated"], covers["lead-image"]
    assert plain.size == pictured.size == (1600, 2560)
    # Above the title the generated cover is one flat colour; with the lead picture, a photograph.
    from PIL import ImageStat

    above_title = (100, 100, 1500, 550)
    assert max(ImageStat.Stat(plain.crop(above_title)).stddev) < 3
    assert max(ImageStat.Stat(pictured.crop(above_title)).stddev) > 20


def test_lazy_loading_placeholders_never_become_figures(tmp_path):
    """What lazy-loading sites leave in a saved page when the real picture is remote:
    an empty SVG sized like the picture (WordPress, CBS), a flat grey box, a 1×1 GIF."""
    import base64

    from .picture_pages import PLACEHOLDER_GIF

    empty_svg = "data:image/svg+xml,%3Csvg%20xmlns%3D'http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg'%20viewBox%3D'0%200%201280%20914'%2F%3E"
    grey = "data:image/png;base64," + base64.b64encode(encoded(Image.new("L", (218, 150), 174), "PNG")).decode()
    images = "".join(f'<figure><img src="{src}" data-src="https://cdn.example.com/real.jpg" alt="x">'
                     "<figcaption>A caption.</figcaption></figure>" for src in (empty_svg, grey, PLACEHOLDER_GIF))
    images += f'<img srcset="{empty_svg}" data-srcset="https://cdn.example.com/a.jpg 1x, https://cdn.example.com/b.jpg 2x">'
    with collected_warnings() as warnings:
        article = load_article(_page(tmp_path, images))
    assert article.assets == () and warnings == []


def test_a_truncated_picture_is_still_refused_after_weasyprint_was_imported(tmp_path):
    """WeasyPrint turns Pillow's LOAD_TRUNCATED_IMAGES on at import; the images adapter is not fooled."""
    from exporter._weasyprint import weasyprint_module
    from exporter.errors import ImageError
    from exporter.images import prepare_image

    weasyprint_module()
    good = encoded(photo(640, 480, seed=5), "JPEG")
    with pytest.raises(ImageError, match="damaged"):
        prepare_image(good[: len(good) // 2], name="cut.jpg")


def test_a_caption_with_inline_markup_is_printed_once(tmp_path):
    # trafilatura writes such a <figcaption> again as a paragraph after the picture, its opening lost
    (tmp_path / "ferry.jpg").write_bytes(encoded(photo(400, 300), "JPEG"))
    page = _page(tmp_path, "<figure><img src='ferry.jpg' alt='The ferry' width='400' height='300'><figcaption>"
                           "The <em>Ellery Queen</em> ferry at the harbour wall. Photo: Tom Baines</figcaption></figure>")
    article = load_article(page, ExportOptions())
    figures = [b for b in article.blocks if type(b).__name__ == "Figure"]
    echoes = [b for b in article.blocks if type(b).__name__ == "Paragraph" and "ferry at the harbour" in plain(b)]
    assert len(figures) == 1 and "Ellery Queen" in plain(figures[0].caption)
    assert echoes == []
