"""Book file names: a short ASCII slug of the article's title, distinct across a run.

``harbour-dredging-plan-approved.epub`` says what the book is; ``source-2.epub``
does not. Non-Latin titles are transliterated with anyascii (ISC-licensed,
maintained, covers every script; "Überfall auf Köln" → "uberfall-auf-koln",
"Москва" → "moskva"), so the name types on any keyboard and survives any
file system and e-mail attachment.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import _re_store
from ..atomic import RUN_TAG, TEMP_PREFIX

MAX_SLUG = 60  # characters: long enough for a headline's gist, short enough for a device's file list
# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_NOT_WORD = _re_store.compile(r"[^a-z0-9]+")
# Names Windows refuses whatever the suffix (a book on a shared stick must copy).
_RESERVED = _re_store.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])$")


def slug(title: str | None, *, limit: int = MAX_SLUG) -> str:
    """``title`` as lower-case ASCII words joined by hyphens, cut at a word boundary; "" when none."""
    if not title:
        return ""
    from anyascii import anyascii

    ascii_title = anyascii(title).lower().replace("'", "")  # "Council's" → "councils", not "council-s"
    words = [w for w in _NOT_WORD.split(ascii_title) if w]
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            if not out:
                out = word[:limit]
            break
        out = candidate
    return f"{out}-book" if _RESERVED.match(out) else out


def claim_stem(folder: Path, wanted: str, owner: str = "") -> str:
    """Reserve ``wanted`` (or ``wanted-2``, ``-3``, …) in ``folder`` for this run and return it.

    Workers name their books after titles they learn only while cleaning, so
    two workers may want the same name at once; a reservation is a marker
    file created exclusively (atomic on every local file system) carrying the
    run's temporary prefix, so the run's closing sweep removes it. The first
    worker to ask gets the plain name.

    The marker holds its ``owner`` (the input's name): an input run again in
    the same run gets the name it reserved back. When the OS kills a worker,
    every book the pool was building is built again alone, and one may have
    been written already: it is rewritten, not doubled as ``wanted-2``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    stem = wanted
    while True:
        marker = folder / f"{TEMP_PREFIX}{RUN_TAG}name-{stem.casefold()}"
        try:
            handle = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            if owner and _owner_of(marker) == owner:
                return stem
            number += 1
            stem = f"{wanted}-{number}"
            continue
        try:
            os.write(handle, owner.encode("utf-8"))
        finally:
            os.close(handle)
        return stem


def _owner_of(marker: Path) -> str | None:
    try:
        return marker.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def fallback_stem(name: str) -> str:
    """The stem for an input whose article has no title: its own name, slugged when that helps."""
    stem = Path(name).stem if "://" not in name else name.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    return slug(stem) or "article"
