"""What the user named → the run's inputs: files, folders, ``-`` and URLs.

Moved out of the batch runner, which plans and runs; this decides what an
input is. A folder is searched recursively for the supported suffixes
(hidden files and folders skipped); a file named directly must be of a
supported kind, or it gets one line naming the kinds that are.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .._dataclass_store import dataclass
from ..reading import SUPPORTED_KINDS, SUPPORTED_SUFFIXES
from .naming import fallback_stem

if TYPE_CHECKING:
    from ..batch import FileReport
    from ..options import MetaOverrides


@dataclass(frozen=True)
class InputItem:
    """One input: a file, standard input's bytes under a given name, or a URL."""

    path: Path | None
    name: str  # shown in messages; the file's path or the URL as given
    stem: str  # the input's own name: debug files, and the book's name when the article has no title
    data: bytes | None = None  # standard input only
    overrides: MetaOverrides | None = None  # this input's own metadata edits (the GUI's per-article form)
    url: str | None = None  # a page to fetch
    fixed_stem: bool = False  # -o book.epub: the user chose the name; not from the title

    @property
    def source_key(self) -> str | None:
        """What identifies this input across runs (the incremental state), or None if nothing does."""
        if self.path is not None:
            return str(self.path.resolve())
        return None


def is_url(text: str) -> bool:
    """True for an http(s) address with a host: what ``exporter URL`` and "Add URL…" accept."""
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def unsupported_message(path: Path) -> str:
    kind = f"{path.suffix} files" if path.suffix else "files without a suffix"
    return f"{path}: {kind} are not supported; the exporter reads {SUPPORTED_KINDS}"


def is_supported_file(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


# How a saved page starts, once a byte-order mark, an XML declaration and comments are passed.
_HTML_OPENING = re.compile(rb"<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE)


def standard_input_name(data: bytes) -> str:
    """The name standard input goes by when ``--name`` gives none: a saved page piped in
    (``curl … | exporter -``) is read as HTML, anything else as a text scrape."""
    head = data[:4096]
    for bom, codec in ((b"\xef\xbb\xbf", None), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[len(bom):]
            if codec:  # a UTF-16 page: its ASCII markup read back as bytes
                head = head.decode(codec, errors="ignore").encode("ascii", errors="ignore")
            break
    head = head.lstrip()
    if head.startswith(b"<?xml"):
        head = head[head.find(b">") + 1:].lstrip() if b">" in head else b""
    while head.startswith(b"<!--"):  # comments before the doctype (a CMS's build stamp)
        end = head.find(b"-->")
        head = head[end + 3:].lstrip() if end >= 0 else b""
    return "stdin.html" if _HTML_OPENING.match(head) else "stdin.txt"


def collect_inputs(paths: Sequence[str | Path], *, stdin_name: str | None = None,
                   read_stdin: Callable[[], bytes] | None = None
                   ) -> tuple[list[InputItem], list[FileReport], list[str]]:
    """Expand files, folders (recursively, supported suffixes), URLs and ``-``.

    Returns the inputs, reports for paths that cannot be inputs (missing,
    unsupported), and notices for the user."""
    from ..batch import FileReport  # the report type lives with the runner that fills it

    items: list[InputItem] = []
    refused: list[FileReport] = []
    for raw in paths:
        text = str(raw)
        if text == "-":
            data = (read_stdin or (lambda: sys.stdin.buffer.read()))()
            name = stdin_name or standard_input_name(data)
            items.append(InputItem(None, name, Path(name).stem, data))
            continue
        if not isinstance(raw, Path) and is_url(text):
            items.append(InputItem(None, text, fallback_stem(text), url=text.strip()))
            continue
        path = Path(text)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and is_supported_file(p)
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            items.extend(InputItem(p, str(p), p.stem) for p in found)
            if not found:  # a folder given by name that holds nothing to export is a mistake to report
                refused.append(FileReport(input=text, error=f"{text}: no articles in this folder; the exporter "
                                                            f"reads {SUPPORTED_KINDS}"))
        elif path.exists():
            if is_supported_file(path):
                items.append(InputItem(path, text, path.stem))
            else:
                refused.append(FileReport(input=text, error=unsupported_message(path)))
        elif "://" in text:
            scheme = text.split("://", 1)[0]
            refused.append(FileReport(input=text, error=f"{text}: only http and https URLs are fetched, not {scheme}:"))
        else:
            refused.append(FileReport(input=text, error=f"{text}: no such file or folder"))
    return distinct_stems(items), refused, []


def distinct_stems(items: list[InputItem]) -> list[InputItem]:
    """Give inputs that share a name distinct stems (``story``, ``story-2``) for their
    debug files and untitled books; titled books are named apart when written."""
    seen: dict[str, int] = {}
    out: list[InputItem] = []
    for item in items:
        key = item.stem.casefold()
        if key in seen:
            seen[key] += 1
            stem = f"{item.stem}-{seen[key]}"
            while stem.casefold() in seen:
                seen[key] += 1
                stem = f"{item.stem}-{seen[key]}"
            seen[stem.casefold()] = 1
            out.append(replace(item, stem=stem))
        else:
            seen[key] = 1
            out.append(item)
    return out
