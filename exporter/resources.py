"""Where the package's data lives: the stylesheets and bundled fonts.

An installed wheel carries ``styles/`` inside the package (hatch
``force-include`` → ``exporter/styles``); a source checkout has it at the
repository root. `importlib.resources` is the one way to ask, as WeasyPrint
does for its own CSS.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

# The bundled book typeface: the family name its @font-face rules declare in
# styles/print.css, and the name the colophon and the cover print.
BOOK_FONT_FAMILY = "Linux Libertine O"
BOOK_FONT_NAME = "Linux Libertine"


@lru_cache(maxsize=1)
def styles_dir() -> Path:
    """The folder holding base.css, print.css, epub.css and fonts/."""
    packaged = resources.files("exporter") / "styles"
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged.resolve()
    return (Path(__file__).resolve().parent.parent / "styles").resolve()


def fonts_dir() -> Path:
    return styles_dir() / "fonts"
