"""``exporter URL``: a page served by a real local HTTP server becomes a book named after
its title; what the page points at on another private host is never asked for (a
second local server counts); 404, non-HTML and DNS failures are one line and exit 1.

Loopback is private: the page's host is reached only because it is the host the user
typed (trusted_hosts), exactly as the CLI does; ``localhost`` with the other server's
port is another host name, which the policy must refuse.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from exporter import is_url, load_article

from .local_http import Route, serve
from .source_samples import png_bytes
from .test_cli import run

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="{charset}">
<title>Lighthouse Keeper Retires After 40 Years | Coast Courier</title>
<meta name="author" content="Ines Duarte"></head>
<body><nav><a href="/">Home</a> <a href="/coast">Coast</a></nav><article>
<h1>Lighthouse Keeper Retires After 40 Years</h1>
<p>The last keeper of the point lighthouse retired on Sunday after four decades of climbing its 120 steps
every evening, the coastguard said, and the light will now be run from the mainland.</p>
<figure><img src="/img/lighthouse.png" alt="The lighthouse at dusk"><figcaption>The lighthouse at dusk.</figcaption></figure>
<p>He plans to stay in the keeper\u2019s cottage beside the tower, which the town has agreed to rent to him
for the rest of his life; the café below it will stay open.</p>
<p><img src="{tracker}" alt=""> Neighbours said they would miss the lamp he lit by hand on the darkest nights.</p>
</article><footer>Copyright Coast Courier</footer></body></html>"""


@pytest.fixture
def sites():
    """(the page's site, another private host that must never be asked)."""
    with serve({"/beacon.png": Route(200, "image/png", png_bytes((1, 1)))}) as other, serve({}) as site:
        tracker = f"http://localhost:{other.port}/beacon.png"
        site.routes.update({
            # The header names the encoding; the page's own <meta> is wrong, as after a CMS migration.
            "/story": Route(200, "text/html; charset=windows-1252",
                            PAGE.format(charset="utf-8", tracker=tracker).encode("cp1252")),
            "/moved": Route(301, None, b"", {"Location": "/story"}),
            "/img/lighthouse.png": Route(200, "image/png", png_bytes()),
            "/data.json": Route(200, "application/json", b'{"not": "a page"}'),
        })
        yield site, other


def test_a_url_becomes_a_book_named_after_the_pages_title(sites, tmp_path):
    site, other = sites
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), site.url("/moved"))
    assert code == 0, stderr
    book = out / "lighthouse-keeper-retires-after-40-years.epub"
    assert stdout.splitlines() == [str(book)]
    with zipfile.ZipFile(book) as archive:
        xhtml = "".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".xhtml"))
        opf = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".opf"))
    assert "keeper\u2019s cottage" in xhtml and "caf\u00e9 below" in xhtml  # the header's charset, not a guess
    assert "Copyright Coast Courier" not in xhtml
    assert site.url("/story") in opf  # the page's URL is the book's source
    assert site.requests[:2] == ["GET /moved", "GET /story"]
    assert other.requests == []  # the other private host was never asked


def test_the_pages_picture_comes_with_it_and_another_private_host_is_never_asked(sites, caplog):
    site, other = sites
    article = load_article(site.url("/story"))
    assert [(a.media_type, a.width, a.height) for a in article.assets] == [("image/png", 48, 32)]
    assert "GET /img/lighthouse.png" in site.requests
    assert other.requests == []  # localhost:<other port> is private and not the host typed
    assert any("beacon.png" in r.getMessage() and "loopback" in r.getMessage() for r in caplog.records)


def test_the_page_url_is_the_articles_source_url_through_the_public_api(sites):
    site, _ = sites
    assert is_url(site.url("/story")) and not is_url("story.html") and not is_url("file:///etc/passwd")
    article = load_article(site.url("/story"))
    assert article.meta.title == "Lighthouse Keeper Retires After 40 Years"
    assert article.meta.source_url == site.url("/story")
    assert article.meta.authors == ("Ines Duarte",)


@pytest.mark.parametrize("path, message", [
    ("/missing", "404 Not Found"),
    ("/data.json", "not an HTML page (the server sent application/json)"),
])
def test_http_errors_and_non_html_are_one_line_and_exit_1(sites, tmp_path, path, message):
    site, _ = sites
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), site.url(path))
    assert code == 1 and stdout == ""
    errors = [line for line in stderr.splitlines() if line.startswith("exporter: error:")]
    assert errors == [f"exporter: error: {site.url(path)}: {message}"]
    assert not list(out.glob("*.epub"))


def test_dns_failure_is_one_line_and_the_other_inputs_are_done(tmp_path, seed_path):
    code, stdout, stderr = run("--epub", "-o", str(tmp_path), "http://no-such-host.invalid/story", str(seed_path))
    assert code == 1
    assert "exporter: error: http://no-such-host.invalid/story: DNS lookup failed for no-such-host.invalid" in stderr
    assert [line.rsplit("/", 1)[-1] for line in stdout.splitlines()] == ["an-act-of-repentance.epub"]


def test_a_url_in_the_json_report(sites, tmp_path):
    site, _ = sites
    code, stdout, _ = run("--epub", "--json", "-o", str(tmp_path), site.url("/story"))
    report = json.loads(stdout)
    assert code == 0 and report["files"][0]["input"] == site.url("/story") and not report["files"][0]["skipped"]


def test_other_schemes_are_refused_in_one_line(tmp_path):
    code, _, stderr = run("--epub", "-o", str(tmp_path), "ftp://example.com/story.html")
    assert code == 1
    assert "exporter: error: ftp://example.com/story.html: only http and https URLs are fetched, not ftp:" in stderr
