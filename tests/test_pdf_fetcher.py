"""The URL policy of the PDF renderer: only data: URLs and files inside the
allowed folders are read; everything else is refused, logged, never fetched."""

from __future__ import annotations

import base64
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from exporter._weasyprint import RefusedURL, Stylesheet, make_url_fetcher, render_pdf
from exporter.backends.pdf import build_pdf
from exporter.model import Article, Meta, Paragraph, Text
from exporter.options import ExportOptions
from exporter.render import Book
from exporter.resources import styles_dir


@pytest.fixture
def counting_server():
    """An HTTP server on loopback that counts every request it gets."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            hits.append(self.path)
            body = b"body { color: red }"
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_fetcher_allows_data_and_files_inside_the_styles(tmp_path):
    fetcher = make_url_fetcher([styles_dir()])
    response = fetcher.fetch("data:text/css;base64," + base64.b64encode(b"p{}").decode())
    assert response.read() == b"p{}"
    print_css = (styles_dir() / "print.css").as_uri()
    response = fetcher.fetch(print_css)
    assert b"@font-face" in response.read()
    response.close()


def test_fetcher_refuses_everything_else(tmp_path, counting_server, caplog):
    url, hits = counting_server
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    (tmp_path / "allowed").mkdir()
    link = tmp_path / "allowed" / "link.txt"
    link.symlink_to(outside)  # a symlink out of an allowed folder is outside it
    refused: list[str] = []
    fetcher = make_url_fetcher([tmp_path / "allowed"], refused)
    urls = [f"{url}/x.css", outside.as_uri(), link.as_uri(), "file:///etc/hostname",
            (tmp_path / "allowed" / ".." / "secret.txt").as_uri(), "ftp://127.0.0.1/x", "file://example.org/etc/hostname"]
    with caplog.at_level(logging.WARNING, logger="exporter"):
        for refused_url in urls:
            with pytest.raises(RefusedURL):
                fetcher.fetch(refused_url)
    assert hits == []
    assert refused == urls
    assert sum("refused to fetch" in r.getMessage() for r in caplog.records) == len(urls)


def test_rendering_never_fetches_what_the_css_and_html_ask_for(tmp_path, counting_server, caplog):
    url, hits = counting_server
    hostile_css = (f"@import url({url}/imported.css);\n"
                   f"body {{ background: url({url}/bg.png); }}\n"
                   f"@font-face {{ font-family: X; src: url({url}/font.otf); }}\n"
                   "p { background-image: url(file:///etc/hostname); }\n")
    html = (f'<html lang="en"><head><link rel="stylesheet" href="{url}/linked.css"/>'
            f'<link rel="attachment" href="file:///etc/hostname"/></head>'
            f'<body><p style="font-family: X">text</p><img src="{url}/img.png" alt=""/></body></html>')
    with caplog.at_level(logging.WARNING):
        result = render_pdf(html, tmp_path / "h.pdf", stylesheets=[Stylesheet(hostile_css, tmp_path)],
                            base_dir=styles_dir(), allowed_dirs=[styles_dir()])
    assert hits == []
    assert any(u.startswith(url) for u in result.refused_urls)
    assert "file:///etc/hostname" in result.refused_urls
    assert result.warnings  # WeasyPrint logged what it could not load
    assert any("refused to fetch" in r.getMessage() for r in caplog.records)


def test_a_user_stylesheet_may_use_its_own_folder_but_not_the_network(tmp_path, counting_server, caplog):
    url, hits = counting_server
    sheet = tmp_path / "mine.css"
    (tmp_path / "extra.css").write_text("p { text-indent: 2em; }")
    sheet.write_text(f'@import url("extra.css");\n@import url("{url}/remote.css");\n')
    article = Article(Meta(title="T", authors=("A",), language="en"), (Paragraph((Text("Body text."),)),))
    options = ExportOptions(formats=("pdf",), user_stylesheet=sheet)
    with caplog.at_level(logging.WARNING):
        result = build_pdf(Book.single(article), options, tmp_path / "u.pdf")
    assert hits == []
    assert result.refused_urls == (f"{url}/remote.css",)
    assert not any(u.endswith("extra.css") for u in result.refused_urls)
