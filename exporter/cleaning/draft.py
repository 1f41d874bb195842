"""The value the cleaning steps pass along: an article being made.

Each step takes a `Draft` and returns a new one (`dataclasses.replace`);
nothing is mutated in place, so a step can be tested alone and the pipeline
read as a list.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from .._dataclass_store import dataclass
from ..model import Bio, Block, ImageAsset, Paragraph, Text, plain_text
from ..reading import SourceDocument
from .rules import Rules

_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Draft:
    source: SourceDocument
    rules: Rules
    blocks: tuple[Block, ...] = ()
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    updated: str | None = None  # an "updated" stamp: the date only when nothing better is known
    publisher: str | None = None
    language: str | None = None
    source_url: str | None = None
    description: str | None = None
    bios: tuple[Bio, ...] = ()  # one per author, byline order (see bio_stage)
    bio_hints: tuple[tuple[str, str], ...] = ()  # (name, description) of the page's schema.org authors
    # The text path's lines before they become blocks; the HTML path's parsed page.
    lines: tuple[str, ...] = ()
    page: Any = None
    # The page's resolved pictures (cleaning.media.PageImages) and, at the end, the article's assets.
    images: Any = None
    assets: tuple[ImageAsset, ...] = ()

    @property
    def bio_text(self) -> str | None:
        """The first author's bio (read-only: steps set ``bios``)."""
        return self.bios[0].text if self.bios else None

    @property
    def bio_author(self) -> str | None:
        return self.bios[0].author if self.bios else None

    def but(self, **changes: Any) -> "Draft":
        return replace(self, **changes)


Step = Callable[[Draft], Draft]


def squash(text: str) -> str:
    """Collapse every run of white space (newlines, NBSP, tabs) to one space and trim."""
    # str.split() splits on exactly the characters re's \s matches in a str pattern (both are
    # CPython's Py_UNICODE_ISSPACE), so this is `re.sub(r"\s+", " ", text).strip()`, in C, without
    # the regex engine: the cleaner squashes every block several times.
    return " ".join(text.replace("\u00ad", "").split())


def element_text(element) -> str:
    """An element's text, its pieces joined by spaces and squashed (an lxml element)."""
    return squash(" ".join(element.itertext()))


def short_text(element, limit: int, sep: str = "") -> str | None:
    """The element's text when it is short (a heading, a line), without joining a long container's
    text: None once its pieces pass ``limit`` characters. ``sep`` joins the pieces ("" keeps a word
    split by inline markup whole; " " keeps "<a>Name</a><span>date</span>" apart)."""
    parts, size = [], 0
    for piece in element.itertext():
        size += len(piece)
        if size > limit:
            return None
        parts.append(piece)
    return squash(sep.join(parts))


def loose(text: str) -> str:
    """Only the letters and digits, casefolded: for comparing a headline with its echoes."""
    return _NOT_ALNUM.sub("", text.casefold())


def block_text(block: Block) -> str:
    return squash(plain_text(block))


def paragraph(text: str) -> Paragraph:
    return Paragraph((Text(text),))
