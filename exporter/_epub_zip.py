"""The EPUB's zip, with reproducible bytes (split from `_ebooklib`, which hands it
ebooklib's entries): ``mimetype`` first and stored with no extra field, then
container, OPF, NCX and the rest in ebooklib's order; every entry with the same
timestamp, mode and creator system, whatever the host and the clock."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Mapping
from datetime import datetime

from .errors import RenderError

FOLDER = "EPUB"  # ebooklib's content folder inside the zip
# The zip's timestamp floor: DOS dates start in 1980.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST_ENTRIES = ("mimetype", "META-INF/container.xml", f"{FOLDER}/content.opf", f"{FOLDER}/toc.ncx")
# Formats that are compressed already: deflate's level 9 bought the cover JPEG 2% (83.0
# against 84.7 KB at level 1) for 4-8 ms of a one-article export; photos gain less.
_COMPRESSED_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp")


def rewrite_zip(entries: Mapping[str, bytes], modified: datetime,
                later: Mapping[str, Callable[[], bytes]] | None = None) -> bytes:
    """The zip of ``entries`` (name -> bytes, in ebooklib's order), reproducibly. The
    NCX's ``dtb:depth`` says 1 (ebooklib writes 0; our table of contents has one level).
    An entry named in ``later`` gets the bytes its function gives, asked for only when it
    is written."""
    later = later or {}
    stamp = _zip_time(modified)
    names = list(entries)
    contents = dict(entries)
    ncx = f"{FOLDER}/toc.ncx"
    if ncx in contents:
        contents[ncx] = contents[ncx].replace(b'content="0" name="dtb:depth"', b'content="1" name="dtb:depth"')
    rank = {name: n for n, name in enumerate(_FIRST_ENTRIES)}
    ordered = sorted(names, key=lambda name: (rank.get(name, len(rank)), names.index(name)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3  # Unix, whatever the host
            info.external_attr = 0o100644 << 16
            if name == "mimetype":
                info.compress_type = zipfile.ZIP_STORED
                target.writestr(info, b"application/epub+zip")
            else:
                content = contents[name] if name not in later else later[name]()
                if not content:
                    raise RenderError(f"{name}: empty resource")
                info.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(info, content, compresslevel=_deflate_level(name))
    return out.getvalue()


def _zip_time(modified: datetime) -> tuple[int, int, int, int, int, int]:
    stamp = (modified.year, modified.month, modified.day, modified.hour, modified.minute, modified.second)
    return max(stamp, _ZIP_EPOCH)


def _deflate_level(name: str) -> int:
    return 1 if name.lower().endswith(_COMPRESSED_SUFFIXES) else 9
