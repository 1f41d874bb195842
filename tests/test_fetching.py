"""The guarded fetcher against real HTTP servers on 127.0.0.1 (no mocks).

Loopback is private, so each test that should get an answer trusts the
server's host the way the CLI trusts the host the user typed; the policy
tests check that nothing else private is reached, by resolving real names and
literals, and that a redirect cannot carry a request past the guard.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time

import pytest

from exporter.errors import ExporterError
from exporter.fetching import FetchError, FetchLimits, GuardedFetcher, address_refusal

from .local_http import Route, serve

PAGE = "<html><head><title>Caf\u00e9 report</title></head><body><p>Caf\u00e9 prose.</p></body></html>"
LOOPBACK = frozenset({"127.0.0.1"})


def _slow(handler) -> None:
    time.sleep(1.5)
    handler.send_response(200)
    handler.send_header("Content-Length", "2")
    handler.end_headers()
    handler.wfile.write(b"ok")


def _streamed_without_length(handler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/octet-stream")
    handler.send_header("Connection", "close")
    handler.end_headers()
    for _ in range(50):  # 50 × 1000 bytes, no Content-Length: the cap must stop the reading
        handler.wfile.write(b"x" * 1000)
    handler.close_connection = True


@pytest.fixture
def site():
    bomb = gzip.compress(b"\0" * 5_000_000)
    routes = {
        "/page": Route(200, "text/html; charset=ISO-8859-1", PAGE.encode("latin-1")),
        "/plain": Route(200, None, b"no content type"),
        "/hop/3": Route(302, None, b"", {"Location": "/hop/2"}),
        "/hop/2": Route(301, None, b"", {"Location": "{base}/hop/1"}),
        "/hop/1": Route(307, None, b"", {"Location": "/page"}),
        "/loop": Route(302, None, b"", {"Location": "/loop"}),
        "/to-localhost": Route(302, None, b"", {"Location": "http://localhost:{port}/page"}),
        "/to-private": Route(302, None, b"", {"Location": "http://10.0.0.5/admin"}),
        "/to-metadata": Route(302, None, b"", {"Location": "http://169.254.169.254/latest/meta-data/"}),
        "/to-file": Route(302, None, b"", {"Location": "file:///etc/passwd"}),
        "/missing": Route(404, "text/html", b"<h1>gone</h1>"),
        "/broken": Route(500, "text/html", b"oops"),
        "/big": Route(200, "application/octet-stream", b"y" * 5000),
        "/stream": Route(body=_streamed_without_length),
        "/bomb": Route(200, "text/html", bomb, {"Content-Encoding": "gzip"}),
        "/slow": Route(body=_slow),
        "/image.png": Route(200, "image/png", b"\x89PNG\r\n\x1a\nnot really"),
    }
    with serve(routes) as local:
        port = local.port
        local.routes["/to-localhost"] = Route(302, None, b"", {"Location": f"http://localhost:{port}/page"})
        yield local


def test_fetches_a_page_with_the_charset_of_its_headers(site):
    fetcher = GuardedFetcher(trusted_hosts=LOOPBACK)
    fetched = fetcher.fetch(site.url("/page"), accept="text/html")
    assert fetched.status == 200
    assert fetched.media_type == "text/html"
    assert fetched.charset == "iso-8859-1"
    assert fetched.body.decode(fetched.charset) == PAGE
    assert fetched.url == site.url("/page")
    assert fetcher.requests == [site.url("/page")]
    assert site.headers_seen[0]["Accept"] == "text/html"
    assert site.headers_seen[0]["User-Agent"].startswith("ArticleExporter/")
    assert site.headers_seen[0]["Host"] == site.base.removeprefix("http://")


def test_missing_content_type_is_none_not_a_guess(site):
    fetched = GuardedFetcher(trusted_hosts=LOOPBACK).fetch(site.url("/plain"))
    assert (fetched.media_type, fetched.charset, fetched.body) == (None, None, b"no content type")


def test_redirects_are_followed_each_hop_asked_and_counted(site):
    fetcher = GuardedFetcher(trusted_hosts=LOOPBACK)
    fetched = fetcher.fetch(site.url("/hop/3"))
    assert fetched.url == site.url("/page")
    assert fetched.body == PAGE.encode("latin-1")
    assert fetcher.requests == [site.url(p) for p in ("/hop/3", "/hop/2", "/hop/1", "/page")]
    assert site.requests == ["GET /hop/3", "GET /hop/2", "GET /hop/1", "GET /page"]


def test_too_many_redirects_is_one_line(site):
    fetcher = GuardedFetcher(FetchLimits(max_redirects=3), trusted_hosts=LOOPBACK)
    with pytest.raises(FetchError, match=r"^too many redirects \(more than 3\)$"):
        fetcher.fetch(site.url("/loop"))
    assert len(site.requests) == 4  # the first request and three redirects, then it stops


def test_http_errors_say_status_and_phrase(site):
    fetcher = GuardedFetcher(trusted_hosts=LOOPBACK)
    with pytest.raises(FetchError) as missing:
        fetcher.fetch(site.url("/missing"))
    assert str(missing.value) == "404 Not Found"
    assert isinstance(missing.value, ExporterError)
    with pytest.raises(FetchError, match=r"^500 Internal Server Error$"):
        fetcher.fetch(site.url("/broken"))


def test_non_html_is_fetched_and_reported_the_caller_decides(site):
    fetched = GuardedFetcher(trusted_hosts=LOOPBACK).fetch(site.url("/image.png"))
    assert fetched.media_type == "image/png"
    assert fetched.body.startswith(b"\x89PNG")


def test_bytes_are_capped_declared_or_streamed(site):
    fetcher = GuardedFetcher(FetchLimits(max_bytes=1000), trusted_hosts=LOOPBACK)
    with pytest.raises(FetchError, match="larger than the fetch limit of 1,000 bytes"):
        fetcher.fetch(site.url("/big"))
    with pytest.raises(FetchError, match="larger than the fetch limit of 1,000 bytes$"):
        fetcher.fetch(site.url("/stream"))
    small = GuardedFetcher(FetchLimits(max_bytes=100_000), trusted_hosts=LOOPBACK)
    assert len(small.fetch(site.url("/stream")).body) == 50_000


def test_a_gzip_bomb_is_capped_after_decoding(site):
    fetcher = GuardedFetcher(FetchLimits(max_bytes=1_000_000), trusted_hosts=LOOPBACK)
    with pytest.raises(FetchError, match="larger than the fetch limit"):
        fetcher.fetch(site.url("/bomb"))


def test_a_slow_server_times_out(site):
    fetcher = GuardedFetcher(FetchLimits(timeout=0.4), trusted_hosts=LOOPBACK)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"^timed out after 0.4 s$"):
        fetcher.fetch(site.url("/slow"))
    assert time.monotonic() - started < 1.4


def test_at_most_max_connections_fetches_run_at_once(site):
    running, peak, lock = [0], [0], threading.Lock()

    def counted(handler) -> None:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.2)
        with lock:
            running[0] -= 1
        handler.send_response(200)
        handler.send_header("Content-Length", "2")
        handler.end_headers()
        handler.wfile.write(b"ok")

    site.routes["/counted"] = Route(body=counted)
    fetcher = GuardedFetcher(FetchLimits(max_connections=2), trusted_hosts=LOOPBACK)
    threads = [threading.Thread(target=fetcher.fetch, args=(site.url("/counted"),)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(site.requests) == 6 and peak[0] == 2


def test_loopback_is_refused_unless_trusted_and_nothing_is_asked(site):
    fetcher = GuardedFetcher()
    with pytest.raises(FetchError, match=r"^refused: 127\.0\.0\.1 is a loopback address$"):
        fetcher.fetch(site.url("/page"))
    assert site.requests == [] and fetcher.requests == []


def test_allow_private_is_the_api_level_allowance(site):
    assert GuardedFetcher(allow_private=True).fetch(site.url("/page")).status == 200


@pytest.mark.parametrize("url, reason", [
    ("http://10.0.0.5/", "10.0.0.5 is a private address"),
    ("http://192.168.1.1:8080/router", "192.168.1.1 is a private address"),
    ("http://127.0.0.2/", "127.0.0.2 is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address"),
    ("http://[::1]/", "::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "127.0.0.1 is a loopback address"),
    ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
    ("http://[ff02::1]/", "ff02::1 is a multicast address"),
    ("http://0.0.0.0/", "0.0.0.0 is a private address"),
    ("http://2130706433/", "127.0.0.1 is a loopback address"),  # the decimal form of 127.0.0.1
])
def test_private_addresses_are_refused_by_resolving(url, reason):
    fetcher = GuardedFetcher()
    with pytest.raises(FetchError) as refused:
        fetcher.fetch(url)
    assert str(refused.value).startswith(f"refused: {reason}")
    assert fetcher.requests == []


def test_a_name_that_resolves_to_loopback_is_refused():
    addresses = {info[4][0] for info in socket.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)}
    assert addresses <= {"127.0.0.1", "::1"}, addresses  # what makes this test meaningful
    with pytest.raises(FetchError, match=r"^refused: .* is a loopback address \(localhost\)$"):
        GuardedFetcher().fetch("http://localhost/")


def test_the_policy_on_addresses():
    for private in ("10.1.2.3", "172.16.0.1", "100.64.0.1", "fc00::1", "fe80::1%eth0", "2001:db8::1", "::"):
        assert address_refusal(private) is not None, private
    for public in ("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"):
        assert address_refusal(public) is None, public


@pytest.mark.parametrize("path, reason", [
    ("/to-localhost", r"^refused: .* is a loopback address \(localhost\)$"),
    ("/to-private", r"^refused: 10\.0\.0\.5 is a private address$"),
    ("/to-metadata", r"^refused: 169\.254\.169\.254 is a link-local address$"),
    ("/to-file", r"^refused: file URL \(only http and https are fetched\)$"),
])
def test_a_redirect_from_the_trusted_host_to_a_private_one_is_refused(site, path, reason):
    fetcher = GuardedFetcher(trusted_hosts=LOOPBACK)
    with pytest.raises(FetchError, match=reason):
        fetcher.fetch(site.url(path))
    assert site.requests == [f"GET {path}"]  # the redirect's target was never asked
    assert fetcher.requests == [site.url(path)]


def test_dns_failure_is_one_line():
    with pytest.raises(FetchError, match=r"^DNS lookup failed for no-such-host\.invalid$"):
        GuardedFetcher().fetch("http://no-such-host.invalid/article")


def test_a_closed_port_is_one_line():
    with socket.socket() as probe:  # a port nobody listens on: bound, never listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        with pytest.raises(FetchError, match=r"^could not connect to 127\.0\.0\.1: "):
            GuardedFetcher(trusted_hosts=LOOPBACK).fetch(f"http://127.0.0.1:{port}/")


@pytest.mark.parametrize("url", ["ftp://example.com/file", "file:///etc/passwd", "javascript:alert(1)", "/relative"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match=r"^refused: .* \(only http and https are fetched\)$"):
        GuardedFetcher().fetch(url)
