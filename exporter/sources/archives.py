"""Single-file web archives: MHTML (``.mhtml``, ``.mht``) and Safari's ``.webarchive``.

Both hold the page's HTML and the resources it showed (pictures, styles).
The HTML becomes the document; the resources become its ``parts``, looked up
by the URL the page uses for them (``Content-Location``) or by ``cid:``, so a
picture comes from the archive and nothing is fetched. MHTML is read with the
standard library's MIME parser (it is a MIME message, RFC 2557), the
webarchive with plistlib (a binary property list).
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import plistlib
from email.message import EmailMessage
from pathlib import Path

from ..errors import InputError
from ..reading import DEFAULT_MAX_BYTES, SourceDocument, decode_source

Parts = dict[str, tuple[bytes, str | None]]


def mhtml_document(data: bytes, *, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """The HTML part of an MHTML archive, with every other part by location and cid."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not message.is_multipart():
        if message.get_content_type() == "text/html":  # a single-part archive: the page alone
            return _html_document(_payload(message), message.get_content_charset(), path, max_bytes,
                                  _web_url(message["Snapshot-Content-Location"] or message["Content-Location"]), {})
        raise InputError("not an MHTML archive (no MIME parts)", path=path)
    leaves = [part for part in message.walk() if not part.is_multipart()]
    page = _start_part(message, leaves)
    if page is None:
        raise InputError("MHTML archive holds no HTML part", path=path)
    parts: Parts = {}
    for part in leaves:
        if part is page:
            continue
        body = _payload(part)
        media_type = part.get_content_type()
        location = (part["Content-Location"] or "").strip()
        if location:
            parts.setdefault(location, (body, media_type))
        content_id = (part["Content-ID"] or "").strip().strip("<>")
        if content_id:
            parts.setdefault(f"cid:{content_id}", (body, media_type))
    url = _web_url(message["Snapshot-Content-Location"] or page["Content-Location"])
    return _html_document(_payload(page), page.get_content_charset(), path, max_bytes, url, parts)


def _start_part(message: EmailMessage, leaves: list) -> EmailMessage | None:
    """The root part: the one ``start=`` names (RFC 2387), else the first HTML part."""
    start = (message.get_param("start") or "")
    if isinstance(start, tuple):  # an RFC 2231 encoded parameter
        start = email.utils.collapse_rfc2231_value(start)
    start = str(start).strip().strip("<>")
    if start:
        for part in leaves:
            if (part["Content-ID"] or "").strip().strip("<>") == start:
                return part
    return next((part for part in leaves if part.get_content_type() in ("text/html", "application/xhtml+xml")), None)


def _payload(part) -> bytes:
    body = part.get_payload(decode=True)  # base64 and quoted-printable undone
    return body if isinstance(body, bytes) else b""


def webarchive_document(data: bytes, *, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Safari's web archive: WebMainResource is the page, WebSubresources its parts."""
    try:
        archive = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, OverflowError) as err:
        raise InputError(f"not a Safari web archive ({type(err).__name__})", path=path) from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise InputError("not a Safari web archive (no main resource)", path=path)
    parts: Parts = {}
    for resource in archive.get("WebSubresources") or ():
        if isinstance(resource, dict) and isinstance(resource.get("WebResourceData"), bytes):
            url = str(resource.get("WebResourceURL") or "")
            if url:
                parts.setdefault(url, (resource["WebResourceData"], resource.get("WebResourceMIMEType")))
    charset = main.get("WebResourceTextEncodingName")
    return _html_document(main["WebResourceData"], str(charset) if charset else None, path, max_bytes,
                          _web_url(main.get("WebResourceURL")), parts)


def _html_document(body: bytes, charset: str | None, path: Path, max_bytes: int, url: str | None,
                   parts: Parts) -> SourceDocument:
    if charset:
        try:
            body = body.decode(charset).encode("utf-8")  # the archive's declared charset wins over sniffing
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong label: let the reader detect it
    from ..resolver import Resolver

    document = decode_source(body, path=path, kind="html", max_bytes=max_bytes)
    # Pictures come from the archive's own parts only: no files beside it, nothing fetched.
    return SourceDocument(path=path, text=document.text, kind="html", encoding=document.encoding,
                          source_url=url, parts=parts, resolver=Resolver(base_url=url, parts=parts))


def _web_url(value) -> str | None:
    text = str(value or "").strip()
    return text if text.startswith(("http://", "https://")) else None
