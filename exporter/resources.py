"""Where the package's data lives: the stylesheets and bundled fonts.

An installed wheel carries ``styles/`` inside the package (hatch
``force-include`` → ``exporter/styles``); a source checkout has it at the
repository root. Both are folders on disk (the styles are read as files by
WeasyPrint and the cover's font loader), so the package's own folder is looked
at directly: `importlib.resources` would answer the same, after ~15 ms of
imports that a one-article run otherwise does not need.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# The bundled book typeface: the family name its @font-face rules declare in
# styles/print.css, and the name the colophon and the cover print.
BOOK_FONT_FAMILY = "Linux Libertine O"
BOOK_FONT_NAME = "Linux Libertine"


@lru_cache(maxsize=1)
def styles_dir() -> Path:
    """The folder holding base.css, print.css, epub.css and fonts/."""
    package = Path(__file__).resolve().parent
    packaged = package / "styles"
    if packaged.is_dir():
        return packaged.resolve()
    return (package.parent / "styles").resolve()


def fonts_dir() -> Path:
    return styles_dir() / "fonts"
