"""Rendering and run choices: one frozen, validated object.

Document facts live in `Meta`; how to render and where to write live here.
Two builders make an `ExportOptions`: the CLI's argument parser and the GUI's
form. Overrides of metadata given by the user (``--title`` …) are kept in
`MetaOverrides` and applied to the article by `exporter.transforms`.
"""

from __future__ import annotations

import re
from dataclasses import field
from pathlib import Path

from ._dataclass_store import dataclass
from . import _re_store
from .errors import UsageError

FORMATS = ("epub", "pdf")

_UNIT_PT = {"pt": 1.0, "in": 72.0, "mm": 72.0 / 25.4, "cm": 72.0 / 2.54, "px": 0.75, "pc": 12.0}
# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_LENGTH = _re_store.compile(r"^\s*(\d+(?:\.\d+)?|\.\d+)\s*(pt|in|mm|cm|px|pc)\s*$", re.IGNORECASE)


def parse_length(text: str) -> float:
    """``"0.125in"`` → 9.0 (points). Units: pt, in, mm, cm, px, pc."""
    match = _LENGTH.match(text)
    if not match:
        raise UsageError(f"not a length with a unit (e.g. 3mm, 0.125in): {text!r}")
    return float(match.group(1)) * _UNIT_PT[match.group(2).lower()]


@dataclass(frozen=True)
class PageSize:
    name: str
    width_pt: float
    height_pt: float

    @property
    def css(self) -> str:
        return f"{self.width_pt:.3f}pt {self.height_pt:.3f}pt"


PAGE_SIZES: dict[str, PageSize] = {
    "a4": PageSize("a4", 595.276, 841.89),
    "a5": PageSize("a5", 419.528, 595.276),
    "letter": PageSize("letter", 612.0, 792.0),
    "5x8in": PageSize("5x8in", 360.0, 576.0),
    "5.5x8.5in": PageSize("5.5x8.5in", 396.0, 612.0),
    "6x9in": PageSize("6x9in", 432.0, 648.0),
}
# A trade paperback size: the common choice for print-on-demand books of essays.
DEFAULT_PAGE_SIZE = "6x9in"

_CUSTOM_SIZE = _re_store.compile(r"^\s*([\d.]+\s*[a-z]*)\s*[x×]\s*([\d.]+\s*[a-z]+)\s*$", re.IGNORECASE)


def parse_page_size(text: str) -> PageSize:
    """A preset name (``a5``, ``6x9in``) or a custom ``WxH`` with units (``140x216mm``)."""
    key = text.strip().lower()
    if key in PAGE_SIZES:
        return PAGE_SIZES[key]
    match = _CUSTOM_SIZE.match(key)
    if not match:
        raise UsageError(
            f"unknown page size {text!r}: use one of {', '.join(PAGE_SIZES)} or WxH with units, e.g. 140x216mm"
        )
    width_text, height_text = match.groups()
    unit = re.sub(r"[\d.\s]", "", height_text)
    if not re.search(r"[a-z]", width_text):
        width_text += unit  # "5x8in": the unit written once applies to both
    width, height = parse_length(width_text), parse_length(height_text)
    if not (72 <= width <= 3000 and 72 <= height <= 3000):
        raise UsageError(f"page size {text!r} is outside 1 in to about 1 m")
    return PageSize(key.replace(" ", ""), width, height)


# About 400 pages of 6x9 in; takes about 2 minutes to lay out on this kind of machine.
DEFAULT_MAX_PDF_CHARS = 1_000_000

COVER_CHOICES = ("generated", "lead-image")

PDF_VARIANTS = (
    "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/a-2u", "pdf/a-3u", "pdf/a-4b",
    "pdf/ua-1", "pdf/ua-2",
)


def source_date_epoch_from_environment() -> int | None:
    import os

    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else None


@dataclass(frozen=True)
class MetaOverrides:
    """Facts the user states over what the cleaner found (``--title`` …)."""

    title: str | None = None
    author: str | None = None  # "A, B and C" or "A; B"
    date: str | None = None  # YYYY-MM-DD (YYYY and YYYY-MM accepted)
    language: str | None = None
    publisher: str | None = None
    bio: str | None = None  # the bio text itself (the CLI reads --bio FILE)

    def is_empty(self) -> bool:
        return all(v is None for v in (self.title, self.author, self.date, self.language, self.publisher, self.bio))


@dataclass(frozen=True)
class ExportOptions:
    formats: tuple[str, ...] = FORMATS
    output_dir: Path = Path("dist")
    page_size: PageSize = PAGE_SIZES[DEFAULT_PAGE_SIZE]
    bleed_pt: float = 0.0
    crop_marks: bool = False
    pdf_variant: str | None = None  # None: a tagged PDF
    smart_quotes: bool = True
    overrides: MetaOverrides = field(default_factory=MetaOverrides)
    rules_files: tuple[Path, ...] = ()
    user_stylesheet: Path | None = None
    force: bool = False
    # Fixed time for dcterms:modified and PDF dates when the article has no date
    # (reproducible builds); the SOURCE_DATE_EPOCH convention by default, for every caller.
    source_date_epoch: int | None = field(default_factory=lambda: source_date_epoch_from_environment())
    # Layout time grows faster than the text (5 MB of text took 14 min and 1 GB here):
    # longer articles are refused for PDF unless the user raises this.
    max_pdf_chars: int = DEFAULT_MAX_PDF_CHARS
    images: bool = True  # False (--no-images): a text-only book, captions kept as text
    fetch_images: bool = False  # --fetch-images: remote pictures through the guarded fetcher
    cover: str = "generated"  # or "lead-image": the article's first picture on the cover

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise UsageError(f"unknown output format(s): {', '.join(unknown) or '(none)'}")
        if self.max_pdf_chars < 1:
            raise UsageError("--max-pdf-chars must be at least 1")
        if self.bleed_pt < 0 or self.bleed_pt > 36:
            raise UsageError("bleed must be between 0 and 0.5in")
        if self.cover not in COVER_CHOICES:
            raise UsageError(f"unknown cover {self.cover!r}: use one of {', '.join(COVER_CHOICES)}")
        if self.pdf_variant is not None and self.pdf_variant not in PDF_VARIANTS:
            raise UsageError(f"unknown PDF variant {self.pdf_variant!r}: use one of {', '.join(PDF_VARIANTS)}")

    def fingerprint(self) -> str:
        """A stable string of every choice that changes an output (for incremental runs):
        the options, the contents of the user's rules and stylesheet, and our version
        (a new version ships other rules, styles and renderer)."""
        from . import __version__

        parts = [
            __version__, ",".join(self.formats), self.page_size.css, f"{self.bleed_pt:.3f}", str(self.crop_marks),
            str(self.pdf_variant), str(self.smart_quotes), repr(self.overrides), str(self.source_date_epoch),
            f"images={self.images},{self.fetch_images},{self.cover}",
            *(f"{path}={_content_digest(path)}" for path in (*self.rules_files, self.user_stylesheet) if path),
        ]
        return "|".join(parts)


def _content_digest(path: Path) -> str:
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    except OSError:
        return "unreadable"
