"""Just enough EPUB reading for delivery: the title and the XHTML content documents.

Works on any EPUB the user passes to ``exporter send``, not only ours, so it
reads ``META-INF/container.xml`` to find the package document instead of
assuming a path. XML is parsed without entity expansion or network access.
"""

from __future__ import annotations

import posixpath
import zipfile
from urllib.parse import unquote
from pathlib import Path

from lxml import etree

from .._dataclass_store import dataclass
from ..errors import DeliveryError

CONTAINER_PATH = "META-INF/container.xml"
NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
XHTML_MEDIA_TYPE = "application/xhtml+xml"


@dataclass(frozen=True)
class EpubPackage:
    title: str | None
    opf_path: str
    content_documents: tuple[str, ...]  # zip member names of XHTML spine/manifest items, nav excluded


def safe_xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def read_package(archive: zipfile.ZipFile, *, source: Path | None = None) -> EpubPackage:
    """The package facts of an open EPUB, or `DeliveryError` if it is not one."""
    try:
        container = etree.fromstring(archive.read(CONTAINER_PATH), safe_xml_parser())
        rootfile = container.find("c:rootfiles/c:rootfile", NS)
        if rootfile is None or not rootfile.get("full-path"):
            raise DeliveryError("not an EPUB: container.xml names no package document", path=source)
        opf_path = rootfile.get("full-path")
        package = etree.fromstring(archive.read(opf_path), safe_xml_parser())
    except KeyError as err:
        raise DeliveryError(f"not an EPUB: missing {err.args[0]}", path=source) from None
    except etree.XMLSyntaxError as err:
        raise DeliveryError(f"not an EPUB: broken XML ({err.msg})", path=source) from None
    title_el = package.find("opf:metadata/dc:title", NS)
    title = " ".join(title_el.itertext()).strip() if title_el is not None else None
    base = posixpath.dirname(opf_path)
    documents = []
    for item in package.iterfind("opf:manifest/opf:item", NS):
        properties = (item.get("properties") or "").split()
        # The nav document keeps its strict ol/li/a shape; Kobo needs no spans there.
        href = item.get("href")
        if item.get("media-type") == XHTML_MEDIA_TYPE and "nav" not in properties and href:
            # hrefs are URLs: "chapter%201.xhtml" is the member "chapter 1.xhtml".
            documents.append(posixpath.normpath(posixpath.join(base, unquote(href))))
    return EpubPackage(title=title or None, opf_path=opf_path, content_documents=tuple(documents))


EPUB_MIMETYPE = b"application/epub+zip"


def check_epub(path: Path) -> None:
    """`DeliveryError` in one line unless ``path`` is an EPUB: a zip archive whose
    ``mimetype`` member says application/epub+zip (OCF). Readers reject anything else,
    some silently, so a .txt or a PDF is refused before it is sent."""
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as err:
        raise DeliveryError(f"cannot read: {err.strerror or err}", path=path) from None
    if head.startswith(b"%PDF"):
        raise DeliveryError("is a PDF, not an EPUB (only EPUBs are sent; export with --epub)", path=path)
    try:
        with zipfile.ZipFile(path) as archive:
            mimetype = archive.read("mimetype").strip()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise DeliveryError("not an EPUB (not a zip archive)", path=path) from None
    except KeyError:
        raise DeliveryError("not an EPUB (the zip archive has no mimetype file)", path=path) from None
    if mimetype != EPUB_MIMETYPE:
        shown = mimetype[:40].decode("ascii", "replace")
        raise DeliveryError(f"not an EPUB (its mimetype is {shown!r}, not application/epub+zip)", path=path)


def read_title(path: Path) -> str | None:
    """The book's ``dc:title``, or None when the file is not a readable EPUB."""
    try:
        with zipfile.ZipFile(path) as archive:
            return read_package(archive, source=path).title
    except (zipfile.BadZipFile, DeliveryError, OSError):
        return None
