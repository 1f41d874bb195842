"""Helpers for the EPUB tests: articles to build books from, and a reader for
what an EPUB holds (OPF, nav, documents) using only zipfile and lxml."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from exporter.model import (
    Article, Bio, BlockQuote, Emphasis, Figure, Heading, Link, ListBlock, Meta, Paragraph, Rule, Text,
)

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
}
REPO_ROOT = Path(__file__).resolve().parents[1]
SEED = REPO_ROOT / "source" / "act-of-repentance.txt"
CORPUS = REPO_ROOT.parent / "shared" / "corpus"


def para(*parts) -> Paragraph:
    return Paragraph(tuple(Text(p) if isinstance(p, str) else p for p in parts))


def sample_article(*, title="The Quiet Harbour", authors=("Jane Q. Writer",), date="2021-03-04",
                   language="en", bio="Jane Q. Writer covers coastal towns for a weekly paper.",
                   publisher="The Coastal Weekly", source_url="https://example.org/harbour",
                   identifier=None, blocks=None) -> Article:
    """A small article with every block kind the renderer knows (invented text)."""
    if blocks is None:
        blocks = (
            para("The boats came in late that evening, one after another, ", Emphasis((Text("slowly"),)), "."),
            para("Nobody on the quay said much. The gulls said enough for everyone."),
            Heading(2, (Text("Morning"),)),
            para("By morning the nets were dry and the ", Link((Text("market"),), "https://example.org/market"),
                 " was open."),
            BlockQuote((para("We have always fished here, and we always will."),)),
            ListBlock(False, ((para("cod"),), (para("mackerel"),))),
            Rule(),
            Figure(None, "", (Text("The harbour at dawn."),)),
            para("That was the last good season."),
        )
    meta = Meta(
        title=title, authors=tuple(authors), published=date, language=language, publisher=publisher,
        source_url=source_url, identifier=identifier,
        bios=(Bio(bio, authors[0] if authors else None),) if bio else (),
    )
    return Article(meta, tuple(blocks))


def web_address_article() -> Article:
    """An article quoting addresses in its text, as embedded tweets and footers do (invented)."""
    return sample_article(blocks=(
        para("The photo went round as pic.twitter.com/I8NWz4blQC within the hour."),
        para("Details at ", Link((Text("www.example.org/harbour-dredging-plan"),), "https://example.org/harbour"),
             ", and 1.5/2 of the town agreed."),
    ))


def arabic_article() -> Article:
    """A right-to-left article (invented text)."""
    return sample_article(
        title="الميناء الهادئ", authors=("سارة أحمد",), language="ar", publisher="صحيفة الساحل",
        bio="تكتب سارة أحمد عن المدن الساحلية.",
        blocks=(para("عادت القوارب متأخرة في ذلك المساء."), para("لم يقل أحد على الرصيف الكثير.")),
    )


@dataclass
class OpenedEpub:
    """What a reader finds in an EPUB file."""

    path: Path
    names: list[str]
    opf: etree._Element
    opf_dir: str
    zip: zipfile.ZipFile

    @classmethod
    def open(cls, path: Path) -> "OpenedEpub":
        archive = zipfile.ZipFile(path)
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find(".//container:rootfile", NS).get("full-path")
        return cls(Path(path), archive.namelist(), etree.fromstring(archive.read(opf_path)),
                   posixpath.dirname(opf_path), archive)

    def dc(self, name: str) -> list[str]:
        return [e.text for e in self.opf.iterfind(f"opf:metadata/dc:{name}", NS)]

    def meta(self, prop: str) -> list[str]:
        return [e.text for e in self.opf.iterfind(f"opf:metadata/opf:meta[@property='{prop}']", NS)]

    def manifest(self) -> dict[str, etree._Element]:
        return {item.get("id"): item for item in self.opf.iterfind("opf:manifest/opf:item", NS)}

    def spine_hrefs(self) -> list[str]:
        manifest = self.manifest()
        return [manifest[ref.get("idref")].get("href") for ref in self.opf.iterfind("opf:spine/opf:itemref", NS)]

    def read(self, href: str) -> bytes:
        return self.zip.read(posixpath.join(self.opf_dir, href))

    def xhtml(self, href: str) -> etree._Element:
        return etree.fromstring(self.read(href))

    def nav(self) -> etree._Element:
        href = next(i.get("href") for i in self.manifest().values() if "nav" in (i.get("properties") or "").split())
        return self.xhtml(href)

    def nav_entries(self, kind: str) -> list[tuple[str, str]]:
        """(label, href) of the nav's ``toc`` or ``landmarks`` list; for landmarks
        the label is the epub:type."""
        nav = self.nav().find(f".//x:nav[@epub:type='{kind}']", NS)
        out = []
        for a in nav.iterfind(".//x:a", NS):
            label = a.get(f"{{{NS['epub']}}}type") if kind == "landmarks" else "".join(a.itertext())
            out.append((label, a.get("href")))
        return out

    def text_of(self, href: str) -> str:
        """The body's text, a space between elements (so "heading" and "text" do not run together)."""
        return " ".join(" ".join(self.xhtml(href).find("x:body", NS).itertext()).split())
