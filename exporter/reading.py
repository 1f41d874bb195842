"""Reading an input file: bytes → decoded, normalised text and its kind.

The input file is opened read-only and never written. Encodings are detected
with charset-normalizer after the unambiguous cases (BOMs, valid UTF-8, an
HTML ``<meta charset>``); newlines become ``\\n`` and text is NFC-normalised.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from ._dataclass_store import dataclass
from . import _re_store
from .errors import InputError

if TYPE_CHECKING:
    from .resolver import Resolver

log = logging.getLogger(__name__)

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
MHTML_SUFFIXES = (".mhtml", ".mht")  # Chromium's "Webpage, Single File"
WEBARCHIVE_SUFFIXES = (".webarchive",)  # Safari's "Web Archive" (a binary plist)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + MARKDOWN_SUFFIXES + MHTML_SUFFIXES + WEBARCHIVE_SUFFIXES
# What the user is told an input may be (--help, the README, the unsupported-file error).
SUPPORTED_KINDS = ("text scrapes (.txt), saved pages (.html, .htm), Markdown notes (.md, .markdown), "
                   "single-file archives (.mhtml, .mht, .webarchive) and http(s) URLs")

# Larger inputs are refused unless the user raises the limit: an article is
# rarely over 1 MB of HTML; 25 MB bounds time and memory on a whole-page scrape.
DEFAULT_MAX_BYTES = 25_000_000  # decimal MB, as --max-input-size counts them

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_META_CHARSET = _re_store.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_SNIFF = _re_store.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p|section|main)\b",
                         re.IGNORECASE | re.DOTALL)
# C0 controls other than tab, newline, form feed and carriage return.
_CONTROL = _re_store.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SourceDocument:
    path: Path | None
    text: str
    # "text", "html", or "markdown" (HTML rendered from a Markdown note: the whole body is the article)
    kind: str
    encoding: str
    source_url: str | None = None  # the page's URL for a URL input (Meta.source_url, the resolver's base)
    # A single-file archive's own resources by Content-Location / cid: (MHTML, webarchive):
    # (bytes, media type). Pictures are taken from here, never fetched.
    parts: Mapping[str, tuple[bytes, str | None]] | None = field(default=None, compare=False, repr=False)
    # Answers "the bytes of this picture" (exporter.resolver.Resolver); None: the cleaner uses
    # one confined to the input's folder. Archives set one over their parts, URLs one with the fetcher.
    resolver: "Resolver | None" = field(default=None, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.path.name if self.path is not None else "<stdin>"


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read ``path`` (never modifying it) and return its decoded text."""
    path = Path(path)
    return decode_source(read_bytes(path, max_bytes=max_bytes), path=path, max_bytes=max_bytes)


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refused with one line when missing, a folder, unreadable or over ``max_bytes``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB, raise it with --max-input-size)",
                path=path,
            )
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except InputError:
        raise
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=path) from None
    except FileNotFoundError:
        raise InputError("no such file", path=path) from None
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=path) from None


def decode_source(data: bytes, *, path: Path | None = None, kind: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Decode ``data``; ``kind`` is guessed from the suffix, then the content."""
    shown = path if path is not None else "<stdin>"
    if len(data) > max_bytes:
        raise InputError(f"input is too large (over {max_bytes / 1e6:.0f} MB; raise it with --max-input-size)", path=shown)
    if not data.strip():
        raise InputError("file is empty" if not data else "file holds only white space", path=shown)
    text, encoding = _decode(data, shown)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)  # stray NULs and controls: scraping debris, never text
    if not unicodedata.is_normalized("NFC", text):  # the check is far cheaper than normalising
        text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError("file holds no text", path=shown)
    if kind is None:
        suffix = path.suffix.lower() if path is not None else ""
        if suffix in HTML_SUFFIXES:
            kind = "html"
        elif suffix in TEXT_SUFFIXES:
            kind = "text"
        else:
            kind = "html" if _HTML_SNIFF.match(text[:4096]) else "text"
    return SourceDocument(path=path, text=text, kind=kind, encoding=encoding)


def _decode(data: bytes, shown: Path | str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"starts with a {encoding} byte-order mark but is not valid {encoding}", path=shown) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    if _looks_binary(data.rstrip(b"\x00")):  # NUL padding after a cut-off write is not binary content
        raise InputError("looks like a binary file, not text or HTML", path=shown)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        name = declared.group(1).decode("ascii", "replace")
        try:
            return data.decode(_whatwg_alias(name)), _whatwg_alias(name)
        except (LookupError, UnicodeDecodeError):
            pass
    lenient, stray, multibyte = _utf8_lenient(data)
    if multibyte > stray:  # UTF-8 with a few bad bytes (a cut-off or spliced scrape), not a legacy encoding
        log.warning("%s: %d byte(s) are not valid UTF-8; read as Windows-1252", shown, stray)
        return lenient, "utf-8"
    if not re.search(rb"[\xa0-\xff]", data):
        # Only 0x80-0x9F high bytes: smart quotes and dashes in windows-1252, control
        # codes in ISO-8859, box drawing in DOS code pages. Too little for a detector.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # deferred: costs ~50 ms to import

    matches = from_bytes(data[:200_000])
    best = matches.best()
    if best is not None:
        encoding = _whatwg_alias(best.encoding)
        # On a tie charset-normalizer may pick cp1250 or cp775 for Western text ("très" →
        # "trčs"); browsers default to windows-1252 there (WHATWG), and so do we.
        if any("cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + 0.01
               and m.coherence >= best.coherence - 0.01 for m in matches):
            encoding = "cp1252"
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    # Not binary, but no detector is sure: the text is better read than refused.
    log.warning("%s: cannot detect the text encoding; read as UTF-8 with %d stray byte(s) as Windows-1252",
                shown, stray)
    return lenient, "utf-8"


_ESCAPED_BYTE = _re_store.compile("[\udc80-\udcff]")
_NON_ASCII = _re_store.compile("[^\x00-\x7f]")


def _utf8_lenient(data: bytes) -> tuple[str, int, int]:
    """``data`` as UTF-8 with each invalid byte read as Windows-1252 (as browsers do for
    mixed pages): the text, the count of such bytes, and of valid non-ASCII characters."""
    text = data.decode("utf-8", "surrogateescape")
    stray = len(_ESCAPED_BYTE.findall(text))
    multibyte = len(_NON_ASCII.findall(text)) - stray
    text = _ESCAPED_BYTE.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", "replace"), text)
    return text, stray, multibyte


def _whatwg_alias(name: str) -> str:
    """Browsers read latin-1/ascii labels as windows-1252 (WHATWG Encoding); so do we,
    so that cp1252 curly quotes in a page labelled iso-8859-1 come out right."""
    key = codecs.lookup(name).name
    return "cp1252" if key in ("latin_1", "iso8859-1", "ascii") else key


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly-Latin text shows a NUL in every other byte."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > half * 0.7 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.7 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05
