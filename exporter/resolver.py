"""One resolver per source document: "the bytes of this reference", under one policy.

Every picture an article names is looked up here, never by the renderer or a
backend (WeasyPrint's URL fetcher and pandoc's MediaBag are the precedents).
In order:

1. ``data:`` URIs (SingleFile, monolith and similar tools inline everything);
2. archive parts by exact URL or ``cid:`` (MHTML, built by the sources stage);
3. files inside ``base_dir``'s tree (a page saved "complete" with ``NAME_files/``):
   relative references only, resolved against the page's folder, refused when
   they name an absolute path, climb out with ``..``, or pass through a symlink
   that leaves the tree; ``file:`` URLs only when they point inside it;
4. remote ``http(s)`` only through the guarded fetcher, and only when one was
   given (the user asked for ``--fetch-images``); otherwise nothing is fetched.

`resolve` returns None for a reference it will not or cannot answer, after one
warning naming it; a remote reference with no fetcher is the default policy,
not a fault, and is only logged at debug level.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Mapping
from urllib.parse import unquote, unquote_to_bytes, urljoin, urlsplit

from ._dataclass_store import dataclass

if TYPE_CHECKING:  # the fetcher (urllib3) is imported only when remote images were asked for
    from .fetching import GuardedFetcher

log = logging.getLogger(__name__)

# No picture in an article is this large; a bigger file is a mistake or an attack.
MAX_RESOURCE_BYTES = 30_000_000
# All the pictures one page may have fetched (the fetcher caps each one): a page
# listing a thousand large pictures stops costing bandwidth here.
MAX_FETCHED_BYTES = 100_000_000


@dataclass(frozen=True)
class Resource:
    data: bytes
    media_type: str | None
    origin: str  # the reference as the page wrote it (for messages)


class Refused(Exception):
    """Why a reference gets no bytes (one line, for the warning)."""


class NotFetched(Refused):
    """A remote reference and no fetcher: the default policy, not a fault."""


class Resolver:
    def __init__(self, *, base_dir: Path | None = None, base_url: str | None = None,
                 parts: Mapping[str, tuple[bytes, str | None]] | None = None,
                 fetcher: "GuardedFetcher | None" = None) -> None:
        self.base_dir = Path(os.path.realpath(base_dir)) if base_dir is not None else None
        self.base_url = base_url
        self.parts = dict(parts or {})
        self.fetcher = fetcher
        self.fetched_bytes = 0

    # ------------------------------------------------------------ the interface

    def resolve(self, reference: str, *, warn: bool = True) -> Resource | None:
        """The bytes of ``reference``, or None (with one warning naming it unless ``warn`` is off)."""
        try:
            return self.lookup(reference)
        except NotFetched as why:
            log.debug("not fetched (remote images need --fetch-images): %s", why)
        except Refused as why:
            if warn:
                log.warning("image %s: %s", shorten(reference), why)
        return None

    def lookup(self, reference: str) -> Resource:
        """Like `resolve`, but raising `Refused` with the reason."""
        reference = (reference or "").strip()
        if not reference:
            raise Refused("empty reference")
        if reference[:5].lower() == "data:":
            return decode_data_uri(reference)
        part = self.parts.get(reference)
        if part is None and self.base_url and not _has_scheme(reference):
            part = self.parts.get(urljoin(self.base_url, reference))
        if part is not None:
            return Resource(part[0], part[1], reference)
        try:
            parts = urlsplit(reference)
        except ValueError:
            raise Refused("not a valid URL") from None
        scheme = parts.scheme.lower()
        if scheme == "file":
            return self._file_url(reference, parts)
        if scheme in ("http", "https") or reference.startswith("//"):
            return self._remote(urljoin("https:", reference) if reference.startswith("//") else reference)
        if scheme:
            raise Refused(f"the {scheme}: scheme is not allowed")
        if self.base_dir is not None:
            return self._local(reference, parts.path)
        if self.base_url:
            return self._remote(urljoin(self.base_url, reference))
        raise Refused("a relative reference, and the page has no folder or URL")

    # ------------------------------------------------------------ files

    def _file_url(self, reference: str, parts) -> Resource:
        if parts.netloc not in ("", "localhost") or self.base_dir is None:
            raise Refused("file: URLs are allowed only inside the page's own folder")
        return self._read_inside(Path(unquote(parts.path)), reference)

    def _local(self, reference: str, path_text: str) -> Resource:
        path_text = unquote(path_text)
        if not path_text or path_text.startswith(("/", "\\")) or (len(path_text) > 1 and path_text[1] == ":"):
            raise Refused("absolute paths are not allowed; only files beside the page")
        if ".." in Path(path_text).parts:
            raise Refused("the path climbs out of the page's folder (..)")
        return self._read_inside(self.base_dir / path_text, reference)

    def _read_inside(self, path: Path, reference: str) -> Resource:
        real = Path(os.path.realpath(path))  # follows every symlink on the way
        if self.base_dir is None or not real.is_relative_to(self.base_dir):
            raise Refused("the file lies outside the page's folder")
        try:
            if not real.is_file():
                raise Refused("no such file beside the page")
            if real.stat().st_size > MAX_RESOURCE_BYTES:
                raise Refused(f"larger than {MAX_RESOURCE_BYTES // 1_000_000} MB")
            data = real.read_bytes()
        except OSError as err:
            raise Refused(f"cannot read: {err.strerror or err}") from None
        return Resource(data, None, reference)

    # ------------------------------------------------------------ the network

    def _remote(self, url: str) -> Resource:
        if self.fetcher is None:
            raise NotFetched(shorten(url))
        from .errors import ExporterError

        if self.fetched_bytes >= MAX_FETCHED_BYTES:
            raise Refused(f"the page's pictures already took {MAX_FETCHED_BYTES // 1_000_000} MB; not fetched")
        try:
            fetched = self.fetcher.fetch(url, accept="image/*")
        except ExporterError as err:  # FetchError: a one-line reason
            raise Refused(err.message) from None
        self.fetched_bytes += len(fetched.body)
        return Resource(fetched.body, fetched.media_type, url)


def _has_scheme(reference: str) -> bool:
    try:
        return bool(urlsplit(reference).scheme)
    except ValueError:
        return False


def decode_data_uri(uri: str) -> Resource:
    """The bytes of a ``data:[<media type>][;base64],<data>`` URI (RFC 2397)."""
    header, comma, payload = uri[5:].partition(",")
    if not comma:
        raise Refused("a data: URI without a comma")
    params = [p.strip() for p in header.split(";")]
    is_base64 = any(p.lower() == "base64" for p in params[1:])
    media_type = params[0].lower() or None
    if len(payload) > MAX_RESOURCE_BYTES * 4 // 3 + 4:
        raise Refused(f"larger than {MAX_RESOURCE_BYTES // 1_000_000} MB")
    try:
        if is_base64:
            compact = "".join(unquote(payload).split())
            data = base64.b64decode(compact + "=" * (-len(compact) % 4), validate=False)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        raise Refused("a data: URI that does not decode") from None
    return Resource(data, media_type, shorten(uri))


def shorten(reference: str, limit: int = 80) -> str:
    """A reference short enough for a one-line message (data: URIs are megabytes long)."""
    reference = reference.strip()
    return reference if len(reference) <= limit else reference[: limit - 1] + "…"
