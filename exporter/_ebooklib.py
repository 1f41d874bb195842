"""The one adapter around ebooklib 0.20, holding all its quirks.

The EPUB backend describes a book as a `Package` (documents in reading order,
resources, navigation, metadata); `write_package` has ebooklib write the OPF,
the NCX and the zip, then makes the result trustworthy:

- ``write_epub`` returns False on an OSError instead of raising: we ask it to
  raise and check the result anyway.
- ``EpubHtml`` re-parses a chapter with the HTML parser, writes it *empty*
  when that fails, rebuilds ``<head>`` and drops ``<body>`` attributes. We
  never use it: every content document is a finished XHTML file that we parse
  with lxml's strict XML parser first and hand over as an opaque `EpubItem`,
  which ebooklib writes byte for byte. (Semantics live on the ``<section>``.)
- ``dc:language`` is written only when ``set_language`` is called: we call it,
  for each language, always.
- ``dcterms:modified`` is the local clock with a ``Z`` appended, and every zip
  entry gets the current time: we pass a fixed UTC time and rewrite the zip
  (mimetype first, stored, no extra field; fixed timestamps, order and modes).
- The NCX says ``dtb:depth`` 0; our table of contents is one level deep, so
  the rewrite says 1.
- Several creators all get ``id="creator"`` (#356) and ``add_author`` puts a
  ``marc:relators`` scheme on ``file-as``: we write the creators' refinements
  ourselves, one id each.

Finally the written file is opened again with zipfile and lxml, and anything
missing or empty raises `RenderError`.
"""

from __future__ import annotations

import logging
import posixpath
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import field
from datetime import datetime
from pathlib import Path

from ebooklib import epub
from lxml import etree

from ._dataclass_store import dataclass
from ._epub_zip import FOLDER as _FOLDER, rewrite_zip  # ebooklib's content folder inside the zip
from .errors import OutputError, RenderError

log = logging.getLogger(__name__)

XHTML_MEDIA_TYPE = "application/xhtml+xml"
_NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}


@dataclass(frozen=True)
class Document:
    """One XHTML content document, complete (XML declaration, head, body)."""

    uid: str
    file_name: str  # relative to the content folder, e.g. "article.xhtml"
    title: str
    xhtml: bytes
    properties: tuple[str, ...] = ()  # manifest properties, e.g. ("nav",)
    linear: bool = True


@dataclass(frozen=True)
class Resource:
    uid: str
    file_name: str
    media_type: str
    # The bytes, or a function giving them when the zip is written: the cover, drawn on a
    # thread meanwhile (ebooklib writes a placeholder; `rewrite_zip` puts the bytes in).
    content: bytes | Callable[[], bytes]
    properties: tuple[str, ...] = ()  # ("cover-image",) for the cover


@dataclass(frozen=True)
class NavPoint:
    """An entry of the NCX (EPUB 2 readers' table of contents)."""

    uid: str
    title: str
    href: str


@dataclass(frozen=True)
class GuideReference:
    """An EPUB 2 ``<guide>`` reference (Kindle still reads "text" for Start Reading)."""

    type: str  # EPUB 2 vocabulary: cover, title-page, text, toc, colophon …
    title: str
    href: str


@dataclass(frozen=True)
class Creator:
    name: str
    file_as: str | None = None
    role: str = "aut"  # MARC relator


@dataclass(frozen=True)
class Metadata:
    identifier: str
    title: str
    languages: tuple[str, ...]  # BCP 47, the first is the book's
    modified: datetime  # UTC
    creators: tuple[Creator, ...] = ()
    date: str | None = None
    publisher: str | None = None
    description: str | None = None
    sources: tuple[str, ...] = ()
    # <meta property="…">value</meta> lines, e.g. the schema.org accessibility ones.
    properties: tuple[tuple[str, str], ...] = ()
    right_to_left: bool = False  # the spine's page-progression-direction


@dataclass(frozen=True)
class Package:
    metadata: Metadata
    spine: tuple[Document, ...]  # reading order
    nav: Document  # the EPUB 3 navigation document (not in the spine)
    resources: tuple[Resource, ...] = ()
    ncx: tuple[NavPoint, ...] = ()
    guide: tuple[GuideReference, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- checks before writing


def parse_xhtml(data: bytes, *, name: str) -> etree._Element:
    """Parse a content document strictly; a document ebooklib would write
    empty (or a reader would refuse) raises here instead."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise RenderError(f"{name}: not well-formed XHTML ({err.msg})") from None
    if root.tag != f"{{{_NS['xhtml']}}}html":
        raise RenderError(f"{name}: the root element is not XHTML <html>")
    body = root.find("xhtml:body", _NS)
    if body is None or not _has_content(body):
        raise RenderError(f"{name}: the document body is empty")
    if len(_ACCEPTED) >= _ACCEPTED_MAX:
        _ACCEPTED.clear()
    _ACCEPTED[data] = None
    return root


# The exact bytes `parse_xhtml` accepted lately. The EPUB backend parses each page for its
# ids (`backends.epub._ids`) before `_check_package` checks the same bytes: a page
# accepted once is not parsed a second time (five of a one-article book's eleven parses).
# Only `parse_xhtml` adds to it, and only bytes it parsed whole; bounded, for a long-lived GUI.
_ACCEPTED: dict[bytes, None] = {}
_ACCEPTED_MAX = 64


def _check_xhtml(data: bytes, *, name: str) -> None:
    """`parse_xhtml`'s checks, unless these very bytes passed them already."""
    if data not in _ACCEPTED:
        parse_xhtml(data, name=name)


def _has_content(element: etree._Element) -> bool:
    text = "".join(element.itertext()).strip()
    return bool(text) or element.find(".//xhtml:img", _NS) is not None


def _check_package(package: Package) -> None:
    if not package.metadata.title.strip():
        raise RenderError("the book has no title")
    if not package.metadata.languages or not all(package.metadata.languages):
        raise RenderError("the book has no language")
    if not package.spine:
        raise RenderError("the book has no content documents")
    names = [d.file_name for d in (*package.spine, package.nav)] + [r.file_name for r in package.resources]
    uids = [d.uid for d in (*package.spine, package.nav)] + [r.uid for r in package.resources]
    if len(set(names)) != len(names) or len(set(uids)) != len(uids):
        raise RenderError("two items of the book share a file name or id")
    for document in (*package.spine, package.nav):
        _check_xhtml(document.xhtml, name=document.file_name)
    for resource in package.resources:
        if not resource.content:  # content given later is checked when it comes (rewrite_zip)
            raise RenderError(f"{resource.file_name}: empty resource")


# ---------------------------------------------------------------- ebooklib


def _ebook(package: Package) -> epub.EpubBook:
    meta = package.metadata
    book = epub.EpubBook()
    # ebooklib names itself as the generator; the book says who made it.
    from . import __version__

    book.metadata.setdefault(epub.NAMESPACES["OPF"], {})["generator"] = [
        ("", {"name": "generator", "content": f"Article Exporter {__version__}"})]
    book.set_identifier(meta.identifier)
    book.set_title(meta.title)
    for language in meta.languages:
        book.set_language(language)
    book.language = meta.languages[0]  # set_language keeps the last one; the first is the book's
    if meta.right_to_left:
        book.set_direction("rtl")
    for n, creator in enumerate(meta.creators, start=1):
        uid = f"creator-{n}"
        book.add_metadata("DC", "creator", creator.name, {"id": uid})
        if creator.file_as:
            book.add_metadata(None, "meta", creator.file_as, {"refines": f"#{uid}", "property": "file-as"})
        book.add_metadata(None, "meta", creator.role, {"refines": f"#{uid}", "property": "role",
                                                        "scheme": "marc:relators"})
    if meta.date:
        book.add_metadata("DC", "date", meta.date)
    if meta.publisher:
        book.add_metadata("DC", "publisher", meta.publisher)
    if meta.description:
        book.add_metadata("DC", "description", meta.description)
    for source in meta.sources:
        book.add_metadata("DC", "source", source)
    for prop, value in meta.properties:
        book.add_metadata(None, "meta", value, {"property": prop})

    for resource in package.resources:
        if "cover-image" in resource.properties:
            # What set_cover(create_page=False) does (our own cover page is in the spine): the
            # manifest item marked cover-image, and the EPUB 2 <meta name="cover">. But with the
            # media type given: set_cover leaves it to be guessed, and ebooklib's first guess
            # has `mimetypes` read the system's tables (about 4 ms of a one-article export).
            cover = epub.EpubCover(uid=resource.uid, file_name=resource.file_name)
            cover.media_type, cover.content = resource.media_type, _now_or_placeholder(resource.content)
            book.add_item(cover)
            book.add_metadata(None, "meta", "", {"name": "cover", "content": cover.id})
            continue
        item = epub.EpubItem(uid=resource.uid, file_name=resource.file_name,
                             media_type=resource.media_type, content=_now_or_placeholder(resource.content))
        item.properties = list(resource.properties)
        book.add_item(item)

    book.add_item(epub.EpubNcx())
    spine_items = []
    for document in (package.nav, *package.spine):
        item = epub.EpubItem(uid=document.uid, file_name=document.file_name,
                             media_type=XHTML_MEDIA_TYPE, content=document.xhtml)
        item.properties = list(document.properties)
        item.is_linear = document.linear
        book.add_item(item)
        if document is not package.nav:
            spine_items.append(item)
    book.spine = spine_items
    book.toc = [epub.Link(point.href, point.title, point.uid) for point in package.ncx]
    book.guide = [{"type": ref.type, "title": ref.title, "href": ref.href} for ref in package.guide]
    return book


_PLACEHOLDER = b"\0"  # what ebooklib writes for content given later


def _now_or_placeholder(content: bytes | Callable[[], bytes]) -> bytes:
    return content if isinstance(content, bytes) else _PLACEHOLDER


class _EntriesWriter(epub.EpubWriter):
    """ebooklib's writer with its zip replaced by the entries it writes, in order:
    `_epub_zip.rewrite_zip` writes the book's one zip from them. (ebooklib's own zip,
    at level 0, was written only to be read back: about 2 ms of a one-article export.)"""

    def write(self) -> None:  # EpubWriter.write, into _Entries instead of a ZipFile
        self.out = _Entries()
        self.out.writestr("mimetype", "application/epub+zip")
        self._write_container()
        self._write_opf()
        self._write_items()


class _Entries(dict):
    """The part of ``zipfile.ZipFile`` that ebooklib's writer uses: ``writestr``."""

    def writestr(self, name: str, data: str | bytes, compress_type: int | None = None) -> None:
        if name in self:  # a zip would hold both; never ours (_check_package: names are unique)
            raise RenderError(f"{name}: written twice")
        self[name] = data.encode("utf-8") if isinstance(data, str) else data  # as ZipFile.writestr does


def _ebooklib_entries(package: Package) -> dict[str, bytes]:
    """What ebooklib writes for ``package``: each zip entry's name and bytes, in its order."""
    options = {
        "raise_exceptions": True,
        "mtime": package.metadata.modified,
        "epub3_landmark": False,  # our nav document carries the landmarks
        "epub3_pages": False,
        "play_order": {"enabled": True, "start_from": 1},
    }
    writer = _EntriesWriter(None, _ebook(package), options)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # its "will raise in the future" notice
        writer.process()
        writer.write()
    if not writer.out:
        raise RenderError("ebooklib reported a failure writing the EPUB")
    return writer.out


# ---------------------------------------------------------------- checks after writing


def verify_epub(path: Path, package: Package | None = None) -> None:
    """Open the written EPUB again and raise `RenderError` if anything a reader
    needs is missing or empty."""
    def fail(message: str) -> RenderError:
        return RenderError(message, path=path)

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise fail(f"the written EPUB is not a readable zip ({err})") from None
    with archive:
        infos = archive.infolist()
        first = infos[0] if infos else None
        if (first is None or first.filename != "mimetype" or first.compress_type != zipfile.ZIP_STORED
                or first.extra or archive.read("mimetype") != b"application/epub+zip"):
            raise fail("mimetype is not the first, stored entry")
        names = {info.filename for info in infos}
        try:
            container = etree.fromstring(archive.read("META-INF/container.xml"))
            opf_path = container.find(".//container:rootfile", _NS).get("full-path")
            opf = etree.fromstring(archive.read(opf_path))
        except (KeyError, AttributeError, etree.XMLSyntaxError) as err:
            raise fail(f"container or package document missing or unreadable ({err})") from None
        base = posixpath.dirname(opf_path)

        for tag in ("dc:identifier", "dc:title", "dc:language"):
            element = opf.find(f"opf:metadata/{tag}", _NS)
            if element is None or not (element.text or "").strip():
                raise fail(f"the package has no {tag}")
        modified = opf.findall("opf:metadata/opf:meta[@property='dcterms:modified']", _NS)
        if len(modified) != 1:
            raise fail("the package needs exactly one dcterms:modified")

        # The documents `_check_package` parsed already: written as given, they are not parsed again.
        checked = {posixpath.join(base, d.file_name): d.xhtml for d in (*package.spine, package.nav)} if package else {}
        manifest = {}
        read: dict[str, bytes] = {}  # each entry decompressed once, for both checks below
        for item in opf.iterfind("opf:manifest/opf:item", _NS):
            href = posixpath.join(base, item.get("href"))
            data = read[href] = archive.read(href) if href in names else b""
            if not data:
                raise fail(f"{href} is listed in the manifest but missing or empty")
            manifest[item.get("id")] = (href, item)
            if item.get("media-type") == XHTML_MEDIA_TYPE and checked.get(href) != data:
                parse_xhtml(data, name=href)
        if not any("nav" in (item.get("properties") or "").split() for _, item in manifest.values()):
            raise fail("the package has no navigation document")
        spine = [ref.get("idref") for ref in opf.iterfind("opf:spine/opf:itemref", _NS)]
        if not spine or any(idref not in manifest for idref in spine):
            raise fail("the spine is empty or names an item not in the manifest")

        if package is not None:
            for document in (*package.spine, package.nav):
                href = posixpath.join(base, document.file_name)
                if href not in names or (read.get(href) or archive.read(href)) != document.xhtml:
                    raise fail(f"{href} was not written as given")


def write_package(package: Package, destination: Path) -> None:
    """Write ``package`` as an EPUB 3 at ``destination`` (reproducibly) and check it."""
    _check_package(package)
    later = {posixpath.join(_FOLDER, r.file_name): r.content
             for r in package.resources if not isinstance(r.content, bytes)}
    data = rewrite_zip(_ebooklib_entries(package), package.metadata.modified, later)
    try:
        Path(destination).write_bytes(data)
    except OSError as err:
        raise OutputError(f"could not write the EPUB: {err.strerror or err}", path=destination) from None
    verify_epub(Path(destination), package)
