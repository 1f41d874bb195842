"""The typed document model between the cleaner and the backends.

An `Article` is `Meta` plus a tuple of blocks, each block a frozen dataclass
holding inlines (pandoc's ``Pandoc Meta [Block]``, with a typed ``Meta``).
Nothing from BeautifulSoup crosses this boundary. Every node saves to and
loads from plain JSON through `to_dict` / `from_dict`; the ``type`` key names
the node kind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from typing import Any, Union

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


Inline = Union[Text, Emphasis, Strong, Link, LineBreak]

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
    """An image. ``src`` is kept only when it is a ``data:`` URI or a path
    inside the input's own folder; remote images are never fetched."""

    src: str | None
    alt: str
    caption: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Rule:
    pass


Block = Union[Paragraph, Heading, BlockQuote, ListBlock, Figure, Rule]

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
    if isinstance(node, Text):
        return node.text
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
        Text, Emphasis, Strong, Link, LineBreak,
        Paragraph, Heading, BlockQuote, ListBlock, Figure, Rule,
        Bio, Meta, Article,
    )
}


def to_dict(node: Any) -> Any:
    """A JSON-ready form of any model node (dicts carry a ``type`` key)."""
    if isinstance(node, tuple):
        return [to_dict(item) for item in node]
    if type(node).__name__ in _NODE_TYPES and hasattr(node, "__dataclass_fields__"):
        out: dict[str, Any] = {"type": type(node).__name__}
        for f in fields(node):
            out[f.name] = to_dict(getattr(node, f.name))
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
