"""The one adapter around WeasyPrint: every quirk of the library lives here.

- WeasyPrint is imported on first use, never when ``exporter`` or
  ``exporter.backends`` is imported: it costs about half a second and loads
  Pango through ctypes, and an EPUB-only run should not pay for it.
- Version 70 or later is required: 70 removed ``default_url_fetcher`` (we
  subclass `URLFetcher`) and 68–70 carry the SSRF-by-redirect and CSS
  injection fixes.
- Scraped input is untrusted. The URL fetcher allows ``data:`` URLs and
  ``file:`` URLs that resolve inside the allowed folders (the bundled styles
  and the input's own assets); anything else is refused, logged and never
  opened. Presentational hints stay off (CSS injection, WeasyPrint 69).
- WeasyPrint reports problems only through its ``weasyprint`` logger; the
  render result carries every warning and error it logged, so callers and
  tests can see (and fail on) them.
- WeasyPrint sets the PDF BleedBox at most 10 pt outside the TrimBox, whatever
  the CSS ``bleed``; a finisher puts it at exactly the bleed asked for, so the
  CSS bleed can also make room for crop marks.
- One `FontConfiguration` per process: it caches each ``@font-face`` file by
  its descriptors, so later books skip re-registering the bundled fonts.
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import contextmanager
import threading
from pathlib import Path
from typing import Any, Mapping, Protocol, Sequence
from urllib.parse import unquote, urlsplit

from ._dataclass_store import dataclass
from ._logs import collected_warnings
from .errors import RenderError

log = logging.getLogger(__name__)

MIN_VERSION = (70, 0)

# WeasyPrint (Pango, fontconfig) is not safe to drive from two threads at once;
# the GUI renders on a worker thread while the CLI may be used as a library.
_RENDER_LOCK = threading.Lock()
_state: dict[str, Any] = {}


@dataclass(frozen=True)
class Stylesheet:
    """CSS text and the folder its relative URLs (fonts) resolve against."""

    text: str
    base_dir: Path


@dataclass(frozen=True)
class PdfResult:
    page_count: int
    warnings: tuple[str, ...]  # every WARNING or worse WeasyPrint logged while rendering
    refused_urls: tuple[str, ...]  # URLs the fetcher refused, in request order


class Relayout(Protocol):
    """A second look at a laid-out book (`render_pdf`'s ``relayout``)."""

    flow_class: str

    def next_layout(self, pages: list) -> tuple[str, Sequence[Stylesheet]] | None: ...

    def chosen(self) -> int: ...  # which of the layouts it was shown to write


class RefusedURL(ValueError):
    """Raised inside WeasyPrint for a URL outside the allow-list (it logs and goes on)."""


# ---------------------------------------------------------------- loading


def parse_version(text: str) -> tuple[int, ...]:
    parts: list[int] = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


@contextmanager
def _quick_library_lookup():
    """WeasyPrint dlopens each native library under several candidate names;
    every miss makes cffi call ``ctypes.util.find_library``, which on Linux
    spawns ldconfig and gcc subprocesses (about 20 of them, 170+ ms of the
    import). The candidates include the Linux sonames, which dlopen finds
    directly, so answering "not found" at once loses nothing there."""
    if not sys.platform.startswith("linux"):
        yield
        return
    import ctypes.util

    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = original


def _import_weasyprint():
    try:
        with _quick_library_lookup():
            import weasyprint
        return weasyprint
    except (ImportError, OSError):
        # An unusual system where only find_library knows the names: forget the
        # half-done import and try again the slow, ordinary way.
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        import weasyprint
        return weasyprint


def weasyprint_module():
    """The imported ``weasyprint`` package, checked for the minimum version."""
    module = _state.get("module")
    if module is not None:
        return module
    try:
        weasyprint = _import_weasyprint()
    except (ImportError, OSError) as error:  # OSError: Pango or its libraries missing
        raise RenderError(f"PDF output needs WeasyPrint {'.'.join(map(str, MIN_VERSION))} or later: {error}") from None
    if parse_version(weasyprint.__version__) < MIN_VERSION:
        raise RenderError(
            f"PDF output needs WeasyPrint {'.'.join(map(str, MIN_VERSION))} or later, found {weasyprint.__version__}"
        )
    _state["module"] = weasyprint
    _check_font_subsetter()
    return weasyprint


# WeasyPrint's own words when it falls back to fontTools, once per font per PDF.
_FONTTOOLS_FALLBACK = "Using fontTools instead of HarfBuzz-Subset"


class _DropFontToolsFallback(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_FONTTOOLS_FALLBACK)


def _check_font_subsetter() -> None:
    """WeasyPrint subsets the embedded fonts with HarfBuzz when libharfbuzz-subset
    (4.1 or later) loads, else with fontTools: slower (the seed's PDF takes 1.4 s
    instead of 0.9 s) and a warning for every font of every book, which would
    read as a problem with the user's article. Say it once, in one line, with
    what to install, and keep the per-font repeats out of the books' warnings."""
    from weasyprint.text import ffi

    if ffi.harfbuzz_subset is not None and ffi.harfbuzz.hb_version_atleast(4, 1, 0):
        return
    log.warning("HarfBuzz-Subset 4.1 or later is not installed (Debian: libharfbuzz-subset0, which "
                "scripts/setup-system.sh installs): PDFs are made with fontTools instead, about 0.5 s "
                "slower each")
    logging.getLogger("weasyprint").addFilter(_DropFontToolsFallback())


def font_configuration():
    config = _state.get("font_config")
    if config is None:
        weasyprint_module()  # first: the version check, RenderError if missing, the quick lookup
        from weasyprint.text.fonts import FontConfiguration

        config = _state["font_config"] = FontConfiguration()
    return config


# ---------------------------------------------------------------- URL fetching


def _inside(path: Path, folders: Sequence[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def file_url_path(url: str) -> Path | None:
    """The local path of a ``file:`` URL on this machine, or None (remote host, not file:)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parts.path))


def make_url_fetcher(allowed_dirs: Sequence[Path], refused: list[str] | None = None,
                     served: Mapping[str, tuple[bytes, str]] | None = None):
    """A WeasyPrint `URLFetcher` allowing only ``data:``, files inside ``allowed_dirs``
    and the URLs in ``served`` (the article's pictures, answered from memory:
    bytes and media type by exact URL, never read from disk).

    ``refused`` (if given) collects every refused URL. Paths are resolved
    (symlinks, ``..``) before the check, so a link out of the folder is refused.
    """
    memory = dict(served or {})
    response_class = weasyprint_module().urls.URLFetcherResponse
    base = weasyprint_module().URLFetcher
    folders = tuple(Path(os.path.realpath(folder)) for folder in allowed_dirs)

    class ConfinedURLFetcher(base):
        def __init__(self) -> None:
            # No redirects and no protocols beyond these two, even if a
            # future WeasyPrint routes a request around fetch().
            super().__init__(allowed_protocols=("data", "file"), allow_redirects=False, timeout=5)

        def fetch(self, url, headers=None):
            if url in memory:
                data, media_type = memory[url]
                return response_class(url, body=data, headers={"Content-Type": media_type})
            scheme = urlsplit(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            path = file_url_path(url)
            if path is not None and _inside(Path(os.path.realpath(path)), folders):
                return super().fetch(url, headers)
            if refused is not None:
                refused.append(url)
            log.warning("refused to fetch %s: only data: URLs and the book's own style and asset files are allowed",
                        url[:200])
            raise RefusedURL(f"refused by the exporter's URL policy: {url[:200]}")

    return ConfinedURLFetcher()


# ---------------------------------------------------------------- logging


# ---------------------------------------------------------------- rendering


# What the print markup adds to a heading's text for the layout only: word
# joiners (Korean words kept whole, no break before an em dash), soft hyphens,
# and the no-break space a display title ends with. WeasyPrint's bookmarks take
# the heading's text as set, so a Korean book's outline and a reader's copied
# title were "악\u2060녀\u2060의"; the outline shows the plain title.
_LAYOUT_ONLY = str.maketrans({"\u2060": None, "\u00ad": None, "\u200b": None, "\u00a0": " "})


def plain_bookmarks(document) -> None:
    """Strip the layout-only characters from the labels of ``document``'s bookmarks (``Page.bookmarks``)."""
    for page in document.pages:
        page.bookmarks = [(level, label.translate(_LAYOUT_ONLY), target, state)
                          for level, label, target, state in page.bookmarks]


def set_bleed_boxes(pdf, bleed_pt: float) -> None:
    """BleedBox = TrimBox grown by ``bleed_pt`` on each side, on every page of a pydyf PDF."""
    pydyf = __import__("pydyf")
    kids = pdf.pages["Kids"]
    for number in kids[::3]:
        page = pdf.objects[number]
        left, top, right, bottom = page["TrimBox"]
        page["BleedBox"] = pydyf.Array([left - bleed_pt, top - bleed_pt, right + bleed_pt, bottom + bleed_pt])


def render_pdf(
    html: str,
    target: Path,
    *,
    stylesheets: Sequence[Stylesheet],
    base_dir: Path,
    allowed_dirs: Sequence[Path],
    pdf_variant: str | None = None,
    tagged: bool = True,
    bleed_pt: float | None = None,
    served: Mapping[str, tuple[bytes, str]] | None = None,
    relayout: Relayout | None = None,
) -> PdfResult:
    """Lay out ``html`` with ``stylesheets`` (in cascade order) and write the PDF to ``target``.

    ``bleed_pt``: when given, every page's BleedBox is its TrimBox grown by it.
    ``relayout``: shown where the blocks of each ``relayout.flow_class`` element
    fell (`exporter._weasyprint_layout`), it may return a new document and
    stylesheets to lay out instead, until it returns None.
    """
    weasyprint = weasyprint_module()
    refused: list[str] = []
    fetcher = make_url_fetcher(allowed_dirs, refused, served)
    with _RENDER_LOCK, collected_warnings("weasyprint") as warnings:
        font_config = font_configuration()
        # Layout and writing both read the options (a variant changes defaults in each).
        options: dict[str, Any] = {"pdf_tags": tagged or pdf_variant is not None,
                                   "pdf_variant": pdf_variant, "presentational_hints": False}

        def lay_out(html: str, stylesheets: Sequence[Stylesheet]):
            css = [
                weasyprint.CSS(string=sheet.text, base_url=sheet.base_dir.as_uri() + "/",
                               url_fetcher=fetcher, font_config=font_config)
                for sheet in stylesheets
            ]
            return weasyprint.HTML(string=html, base_url=base_dir.as_uri() + "/", url_fetcher=fetcher,
                                   media_type="print").render(font_config=font_config, stylesheets=css, **options)

        document = lay_out(html, stylesheets)
        if relayout is not None:
            from ._weasyprint_layout import page_flows

            layouts = [document]
            while (again := relayout.next_layout(page_flows(layouts[-1], relayout.flow_class))) is not None:
                layouts.append(lay_out(*again))
            document = layouts[relayout.chosen()]
        plain_bookmarks(document)
        finisher = None if bleed_pt is None else (lambda _doc, pdf: set_bleed_boxes(pdf, bleed_pt))
        document.write_pdf(target, finisher=finisher, **options)
    return PdfResult(len(document.pages), tuple(warnings), tuple(refused))
