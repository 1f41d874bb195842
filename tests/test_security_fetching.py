"""No fetching: a hostile page that points at a loopback server and at a secret
local file exports to EPUB and PDF without a single request and without the
secret's content in any output.

The server is a real threading HTTP server on 127.0.0.1 (a free port the
kernel picks) that counts every request; it would serve a stylesheet whose
content, if ever applied, puts the marker into the PDF's text.
"""

from __future__ import annotations

import http.server
import io
import threading
import urllib.request
import uuid
import zipfile
from pathlib import Path

import pytest

from exporter.cli import main

from .conftest import file_digest, the_book


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.server.requests.append(f"{self.command} {self.path}")  # type: ignore[attr-defined]
        marker = self.server.marker  # type: ignore[attr-defined]
        body = f'body::before {{ content: "{marker}" }}'.encode() if self.path.endswith(".css") else marker.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = _answer

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def counting_server():
    """(base URL, list of requests seen) for a loopback server that answers everything."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    server.requests = []
    server.marker = f"REMOTE-{uuid.uuid4().hex}"
    server.timeout = 2
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    # The counter must really count, or "zero requests" would prove nothing.
    with urllib.request.urlopen(f"{base}/self-check", timeout=5) as answer:
        assert answer.status == 200
    assert server.requests == ["GET /self-check"]
    server.requests.clear()
    try:
        yield base, server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def hostile_page(base: str, secret: Path, secret_css: Path) -> str:
    """Every way a page can ask a renderer to fetch something, around real prose."""
    prose = " ".join(
        f"Paragraph {n} of the article carries ordinary reporting about the harbour, the council and the weather."
        for n in range(3)
    )
    secret_url = secret.as_uri()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>The Harbour Report</title>
<base href="{base}/base/">
<link rel="stylesheet" href="{base}/remote.css">
<link rel="stylesheet" href="{secret_css.as_uri()}">
<link rel="stylesheet" href="../secret/secret.css">
<link rel="attachment" href="{secret_url}">
<link rel="attachment" href="{base}/attachment.bin">
<link rel="icon" href="{base}/favicon.ico">
<link rel="preload" href="{base}/preload.woff2" as="font">
<style>
@import url("{base}/import.css");
@import "{secret_css.as_uri()}";
@font-face {{ font-family: Evil; src: url("{base}/font.woff2") format("woff2"), url({secret_url}); }}
body {{ font-family: Evil; background: url("{base}/background.png"); }}
p::after {{ content: url("{secret_url}"); }}
</style>
</head><body>
<article>
<h1>The Harbour Report</h1>
<p>{prose}</p>
<img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" alt="The harbour at dawn">
<img src="{secret_url}" alt="">
<img src="../secret/secret.txt" alt="">
<picture><source srcset="{base}/picture.webp"><img src="{base}/picture.jpg" alt=""></picture>
<p style="background-image: url('{base}/inline.png'); list-style-image: url({secret_url})">{prose}</p>
<iframe src="{base}/frame.html"></iframe>
<iframe src="{secret_url}"></iframe>
<object data="{base}/object.swf"></object>
<embed src="{secret_url}">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
  <image href="{base}/svg-image.png" width="10" height="10"/>
  <image xlink:href="{secret_url}" width="10" height="10"/>
  <use href="{base}/sprite.svg#icon"/>
</svg>
<video poster="{base}/poster.jpg" src="{base}/video.mp4"></video>
<audio src="{base}/audio.mp3"></audio>
<input type="image" src="{base}/button.png">
<table background="{base}/table.png"><tr><td>Tide table: high water at six.</td></tr></table>
<p><a href="{secret_url}">a local file link</a> and <a href="{base}/page.html">a loopback link</a>.</p>
<p>{prose}</p>
</article>
</body></html>
"""


@pytest.fixture
def hostile_input(tmp_path: Path, counting_server):
    base, server = counting_server
    secret_dir = tmp_path / "secret"
    secret_dir.mkdir()
    marker = f"SECRET-{uuid.uuid4().hex}"
    secret = secret_dir / "secret.txt"
    secret.write_text(f"{marker}\n", encoding="utf-8")
    secret_css = secret_dir / "secret.css"
    secret_css.write_text(f'body::before {{ content: "{marker}" }}\n', encoding="utf-8")
    source = tmp_path / "in" / "harbour.html"
    source.parent.mkdir()
    source.write_text(hostile_page(base, secret, secret_css), encoding="utf-8")
    return source, marker, server


def _pdf_texts(path: Path) -> tuple[str, bytes, list[str]]:
    """The PDF's extracted text, its raw bytes plus every decompressed stream, and its attachments."""
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    reader = PdfReader(path)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    blobs = [path.read_bytes()]
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
            if isinstance(obj, StreamObject):
                blobs.append(obj.get_data())
        except Exception:  # free or unreadable entries: nothing to search
            continue
    return text, b"\n".join(blobs), list(reader.attachments)


def test_export_makes_no_request_and_leaks_no_local_file(hostile_input, tmp_path):
    source, marker, server = hostile_input
    digest = file_digest(source)
    out = tmp_path / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main([str(source), "--epub", "--pdf", "-o", str(out), "-j", "1", "-q"], stdout=stdout, stderr=stderr)
    assert code == 0, stderr.getvalue()
    assert server.requests == [], f"the export fetched from the loopback server: {server.requests}"
    assert file_digest(source) == digest, "the source file was modified"

    epub, pdf = the_book(out, ".epub"), the_book(out, ".pdf")
    with zipfile.ZipFile(epub) as book:
        names = book.namelist()
        contents = {name: book.read(name) for name in names}
    body = b"".join(contents.values())
    assert b"ordinary reporting about the harbour" in body, "the article's prose is missing from the EPUB"
    for name, data in contents.items():
        assert marker.encode() not in data, f"secret file content in {name}"
        assert server.marker.encode() not in data, f"remote content in {name}"
    # Only what the exporter makes itself: package files, our CSS and fonts, the generated cover.
    foreign = [name for name in names if name != "mimetype"
               and not name.lower().endswith((".xml", ".opf", ".ncx", ".xhtml", ".css", ".otf", ".ttf"))
               and Path(name).stem != "cover"]
    assert foreign == [], f"a fetched resource was packed: {foreign}"

    text, raw, attachments = _pdf_texts(pdf)
    assert "harbour" in text
    assert marker not in text and marker.encode() not in raw, "secret file content in the PDF"
    assert server.marker not in text and server.marker.encode() not in raw, "remote content in the PDF"
    assert attachments == [], f"the PDF carries attachments: {attachments}"


def test_pdf_adapter_refuses_every_url_of_raw_hostile_html(hostile_input, tmp_path):
    """Defence in depth: even raw scraped HTML (not our rendered XHTML) given straight to
    WeasyPrint through the adapter's fetcher reaches neither the network nor the secret file."""
    from exporter import _weasyprint
    from exporter.resources import styles_dir

    source, marker, server = hostile_input
    target = tmp_path / "raw.pdf"
    result = _weasyprint.render_pdf(
        source.read_text(encoding="utf-8"), target, stylesheets=(), base_dir=source.parent,
        allowed_dirs=(styles_dir(), source.parent),
    )
    assert server.requests == [], f"WeasyPrint fetched from the loopback server: {server.requests}"
    refused = " ".join(result.refused_urls)
    assert "127.0.0.1" in refused and "secret" in refused, result.refused_urls
    text, raw, attachments = _pdf_texts(target)
    assert "ordinary reporting" in text
    assert marker not in text and marker.encode() not in raw
    assert server.marker not in text
    assert attachments == []
