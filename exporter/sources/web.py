"""A page the user named by URL → a source document, through the guarded fetcher.

The host the user typed is trusted (an intranet page is a legitimate thing to
export); anything else the page leads to, a redirect to another host or its
pictures, must be on a public address (see `exporter.fetching`).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..errors import InputError
from ..fetching import FetchLimits, GuardedFetcher
from ..reading import DEFAULT_MAX_BYTES, SourceDocument, decode_source

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"


def page_fetcher(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: FetchLimits | None = None,
                 allow_private: bool = False) -> GuardedFetcher:
    """The fetcher for one typed URL and its pictures: that URL's host is trusted, no other."""
    host = urlsplit(url).hostname or ""
    limits = limits or FetchLimits(max_bytes=max_bytes)
    return GuardedFetcher(limits, trusted_hosts=frozenset({host}), allow_private=allow_private)


def url_document(url: str, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 fetcher: GuardedFetcher | None = None) -> SourceDocument:
    """Fetch ``url`` and decode it as an HTML page (charset from the headers first)."""
    fetcher = fetcher or page_fetcher(url, max_bytes=max_bytes)
    fetched = fetcher.fetch(url, accept=ACCEPT_HTML)
    if fetched.media_type is not None and fetched.media_type not in HTML_TYPES:
        raise InputError(f"not an HTML page (the server sent {fetched.media_type})")
    body = fetched.body
    if fetched.charset:
        try:
            body = body.decode(fetched.charset).encode("utf-8")  # the header's charset wins over sniffing
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong label: let the reader detect it
    name = Path(urlsplit(fetched.url).path).name or "index.html"
    from ..resolver import Resolver

    document = decode_source(body, path=Path(name), kind="html", max_bytes=max_bytes)
    # The page's pictures come with it (the user asked for this page), through the same
    # fetcher: the typed host is trusted, any other host must be public.
    return SourceDocument(path=None, text=document.text, kind="html", encoding=document.encoding,
                          source_url=fetched.url, resolver=Resolver(base_url=fetched.url, fetcher=fetcher))
