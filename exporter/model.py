"""The typed document model between the cleaner and the backends.

An `Article` is `Meta` plus a tuple of blocks, each block a frozen dataclass
holding inlines (pandoc's ``Pandoc Meta [Block]``, with a typed ``Meta``).
Nothing from BeautifulSoup crosses this boundary. Every node saves to and
loads from plain JSON through `to_dict` / `from_dict`; the ``type`` key names
the node kind.
"""

from __future__ import annotations

import json
from dataclasses import field, fields, replace
from typing import TYPE_CHECKING, Any, Union

from ._dataclass_store import dataclass  # dataclasses' own, its generated code compiled once

if TYPE_CHECKING:
    from pathlib import Path

# ---------------------------------------------------------------- inlines


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emphasis:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Strong:
    children: tuple["Inline", ...]


@dataclass(frozen=True)
class Link:
    children: tuple["Inline", ...]
    href: str


@dataclass(frozen=True)
class LineBreak:
    pass


@dataclass(frozen=True)
class Code:
    """Inline code (``<code>``, ``<kbd>``, ``<samp>``): set in monospace inside its sentence,
    and left alone by typography (its quotes are not prose)."""

    text: str


@dataclass(frozen=True)
class Image:
    """A small picture inside a line of text; ``image`` is an `ImageAsset.key` of the article."""

    image: str
    alt: str = ""


Inline = Union[Text, Emphasis, Strong, Link, LineBreak, Code, Image]

# ---------------------------------------------------------------- blocks


@dataclass(frozen=True)
class Paragraph:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 2..6 inside an article; the article title is Meta.title
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class BlockQuote:
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple["Block", ...], ...]


@dataclass(frozen=True)
class Figure:
    """A picture with its caption and credit. ``image`` is an `ImageAsset.key`
    of the article (None: the picture could not be had; the caption stays)."""

    image: str | None
    alt: str
    caption: tuple[Inline, ...] = ()
    credit: str | None = None  # "Photo: Jane Doe / Agency", set small after the caption


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class TableCell:
    children: tuple[Inline, ...]
    header: bool = False
    align: str | None = None  # "left", "right" or "center", when the page says so
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Table:
    """A data table: header rows, body rows, an optional caption."""

    head: tuple[tuple[TableCell, ...], ...]
    body: tuple[tuple[TableCell, ...], ...]
    caption: tuple[Inline, ...] = ()

    @property
    def columns(self) -> int:
        return max((sum(c.colspan for c in row) for row in (*self.head, *self.body)), default=0)


@dataclass(frozen=True)
class CodeBlock:
    """Preformatted text (``<pre>``): line breaks and spaces kept, set in monospace."""

    text: str
    language: str | None = None


Block = Union[Paragraph, Heading, BlockQuote, ListBlock, Figure, Rule, Table, CodeBlock]

# ---------------------------------------------------------------- assets


@dataclass(frozen=True)
class ImageAsset:
    """The bytes of a picture, made fit for a book (re-encoded, metadata stripped).

    ``key`` is derived from the bytes (content hash), so the same picture is held
    once. The JSON form carries everything but ``data``; the bytes travel beside
    the JSON (`write_bundle` / `read_bundle`), as pandoc's MediaBag keeps them.
    """

    key: str
    media_type: str  # image/jpeg, image/png, image/gif or image/svg+xml
    width: int  # pixels
    height: int
    data: bytes = field(default=b"", repr=False, metadata={"json": "never"})  # travels beside the JSON
    origin: str = ""  # the reference it came from, for messages

    @property
    def extension(self) -> str:
        return ASSET_EXTENSIONS.get(self.media_type, "bin")

    @property
    def file_name(self) -> str:
        return f"{self.key}.{self.extension}"


ASSET_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/svg+xml": "svg"}

# ---------------------------------------------------------------- metadata


@dataclass(frozen=True)
class Bio:
    """One author's bio paragraph, kept apart from the body for its own page."""

    text: str
    author: str | None = None


@dataclass(frozen=True)
class Meta:
    title: str
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    # Two dates kept apart: an archive's "Last updated" stamp is not the day the
    # article first appeared, and the book must not say it was (the seed's
    # ". Last Updated: 07/27/2016" dates a 2006 op-ed). ISO 8601, YYYY[-MM[-DD]].
    published: str | None = None
    updated: str | None = None
    publisher: str | None = None
    language: str = "en"  # BCP 47
    source_url: str | None = None
    identifier: str | None = None  # urn:uuid derived from the content when None
    description: str | None = None
    # One bio per author, in byline order.
    bios: tuple[Bio, ...] = ()

    @property
    def date(self) -> str | None:
        """The article's date: its publication date, else the update date (the only one some pages give)."""
        return self.published or self.updated

    @property
    def date_is_update(self) -> bool:
        """True when the only date known is an update stamp, not the publication."""
        return self.published is None and self.updated is not None

    @property
    def bio(self) -> Bio | None:
        """The first author's bio (the one most single-author articles have), or None."""
        return self.bios[0] if self.bios else None

    @property
    def author(self) -> str | None:
        """The byline as one display string ("A, B and C"), or None."""
        return join_names(self.authors)


def join_names(names: tuple[str, ...] | list[str]) -> str | None:
    if not names:
        return None
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Article:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    assets: tuple[ImageAsset, ...] = ()  # the pictures the blocks reference, by key

    def asset(self, key: str | None) -> ImageAsset | None:
        return next((a for a in self.assets if a.key == key), None) if key else None

    def with_meta(self, **changes: Any) -> "Article":
        return replace(self, meta=replace(self.meta, **changes))

    def to_json(self, **dump_args: Any) -> str:
        return json.dumps(to_dict(self), ensure_ascii=False, **dump_args)

    @classmethod
    def from_json(cls, text: str) -> "Article":
        article = from_dict(json.loads(text))
        if not isinstance(article, Article):
            raise ValueError("JSON does not hold an article")
        return article


# ---------------------------------------------------------------- plain text


def plain_text(node: Inline | Block | tuple) -> str:
    """The visible text of an inline, a block or a tuple of them."""
    if isinstance(node, tuple):
        return "".join(plain_text(child) for child in node)
    if isinstance(node, (Text, Code)):
        return node.text
    if isinstance(node, CodeBlock):
        return node.text
    if isinstance(node, Table):
        rows = [" ".join(plain_text(cell.children) for cell in row) for row in (*node.head, *node.body)]
        return "\n".join(([plain_text(node.caption)] if node.caption else []) + rows)
    if isinstance(node, LineBreak):
        return "\n"
    if isinstance(node, (Emphasis, Strong, Link, Paragraph, Heading)):
        return plain_text(node.children)
    if isinstance(node, BlockQuote):
        return "\n\n".join(plain_text(block) for block in node.blocks)
    if isinstance(node, ListBlock):
        return "\n".join(" ".join(plain_text(b) for b in item) for item in node.items)
    if isinstance(node, Figure):
        return plain_text(node.caption)
    return ""


# ---------------------------------------------------------------- JSON

_NODE_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Text, Emphasis, Strong, Link, LineBreak, Code, Image,
        Paragraph, Heading, BlockQuote, ListBlock, Figure, Rule, TableCell, Table, CodeBlock,
        ImageAsset, Bio, Meta, Article,
    )
}


def to_dict(node: Any) -> Any:
    """A JSON-ready form of any model node (dicts carry a ``type`` key)."""
    if isinstance(node, tuple):
        return [to_dict(item) for item in node]
    if type(node).__name__ in _NODE_TYPES and hasattr(node, "__dataclass_fields__"):
        out: dict[str, Any] = {"type": type(node).__name__}
        for f in fields(node):
            value = getattr(node, f.name)
            rule = f.metadata.get("json")
            if rule == "never":
                continue  # asset bytes travel beside the JSON (write_bundle)
            out[f.name] = to_dict(value)
        return out
    return node


def from_dict(data: Any) -> Any:
    """Inverse of `to_dict`: lists become tuples, typed dicts become nodes."""
    if isinstance(data, list):
        return tuple(from_dict(item) for item in data)
    if isinstance(data, dict):
        kind = data.get("type")
        cls = _NODE_TYPES.get(kind) if isinstance(kind, str) else None
        if cls is None:
            raise ValueError(f"unknown node type {kind!r}")
        known = {f.name for f in fields(cls)}
        values = {k: from_dict(v) for k, v in data.items() if k in known}
        return cls(**values)
    return data


# ---------------------------------------------------------------- article + asset bytes on disk

BUNDLE_JSON = "article.json"
BUNDLE_ASSETS = "assets"


def write_bundle(article: Article, folder: Path) -> None:
    """``folder/article.json`` plus ``folder/assets/<key>.<ext>`` for each picture."""
    from pathlib import Path

    folder = Path(folder)
    (folder / BUNDLE_ASSETS).mkdir(parents=True, exist_ok=True)
    (folder / BUNDLE_JSON).write_text(article.to_json(indent=2), "utf-8")
    for asset in article.assets:
        (folder / BUNDLE_ASSETS / asset.file_name).write_bytes(asset.data)


def read_bundle(folder: Path) -> Article:
    """The inverse of `write_bundle`; ValueError when an asset's bytes are missing or altered."""
    from pathlib import Path

    folder = Path(folder)
    article = Article.from_json((folder / BUNDLE_JSON).read_text("utf-8"))
    assets = []
    for asset in article.assets:
        try:
            data = (folder / BUNDLE_ASSETS / asset.file_name).read_bytes()
        except OSError as err:
            raise ValueError(f"asset {asset.file_name}: {err}") from None
        if asset_key(data) != asset.key:
            raise ValueError(f"asset {asset.file_name}: the bytes do not match their key")
        assets.append(replace(asset, data=data))
    return replace(article, assets=tuple(assets))


def asset_key(data: bytes) -> str:
    """The content hash naming an asset (SHA-256, 128 bits are plenty for one book)."""
    import hashlib

    return "img-" + hashlib.sha256(data).hexdigest()[:32]
