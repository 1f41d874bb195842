"""Adapter around fontconfig's ``fc-list``: can any installed font show this text?

WeasyPrint (through Pango and fontconfig) falls back, character by character,
from the book's face to any installed font that has the glyph: Linux Libertine
sets Latin, Greek and Cyrillic; Noto CJK, Noto Sans Arabic, DejaVu and the
other Noto faces (fonts-noto-core, fonts-noto-cjk, installed by
scripts/setup-system.sh) cover most other scripts. A character no installed
font has prints as an empty box (.notdef) and WeasyPrint says nothing, so
the PDF backend asks here first and logs a warning naming the script.

Quirks held here: one ``fc-list --format '%{charset}'`` call (about 80 ms)
lists the code-point ranges of every installed font; it is read once per
process, and remembered across runs until the installed fonts change
(`exporter.font_cache`). Fonts added through ``@font-face`` (the bundled Libertine) are not in
fontconfig's list; they cover only Latin, Greek and Cyrillic, which the system
fonts cover as well. Without ``fc-list`` the check is skipped (logged at debug).
"""

from __future__ import annotations

import bisect
import functools
import logging
import shutil
import subprocess
import unicodedata
from ._dataclass_store import dataclass

log = logging.getLogger(__name__)

# Character categories that need a glyph (not controls, format characters,
# separators, private use or unassigned code points).
_NEEDS_GLYPH = ("L", "M", "N", "P", "S")
# Blocks of pictographs that are set from an emoji font (fonts-noto-color-emoji):
# their characters are in the Common script, so the warning says "emoji".
_EMOJI_BLOCKS = frozenset({
    "Emoticons", "Miscellaneous Symbols and Pictographs", "Supplemental Symbols and Pictographs",
    "Symbols and Pictographs Extended-A", "Transport and Map Symbols", "Enclosed Alphanumeric Supplement",
    "Dingbats", "Miscellaneous Symbols", "Playing Cards", "Mahjong Tiles", "Domino Tiles", "Chess Symbols",
})
# Script codes that name no writing system: the block says more ("Mathematical Operators").
_NO_SCRIPT = frozenset({"Zyyy", "Zinh", "Zzzz"})


@dataclass(frozen=True)
class MissingScript:
    name: str  # e.g. "Katakana", "Old Italic", "emoji", "Mathematical Operators"
    example: str  # one character of it that no font has
    count: int  # distinct characters of it that no font has

    def describe(self) -> str:
        code = f"U+{ord(self.example):04X}"
        return (f"no installed font has {self.name} characters (e.g. {code} "
                f"{unicodedata.name(self.example, '?')}; {self.count} distinct); they print as empty boxes")


@functools.lru_cache(maxsize=1)
def covered_ranges() -> tuple[tuple[int, ...], tuple[int, ...]] | None:
    """Starts and ends (inclusive) of the merged code-point ranges of all installed fonts;
    None when fontconfig cannot be asked. Remembered across runs until the fonts change."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        log.debug("fc-list not found: cannot check that the fonts cover the text")
        return None
    from .font_cache import installed_fonts_stamp, remembered

    try:
        merged = remembered("fc-list", installed_fonts_stamp(), lambda: _list_ranges(fc_list))
    except _ListingFailed:
        return None
    return tuple(r[0] for r in merged), tuple(r[1] for r in merged)


class _ListingFailed(Exception):
    pass


def _list_ranges(fc_list: str) -> list[list[int]]:
    """One ``fc-list`` call: every installed font's charset, merged into ranges."""
    from .font_cache import merge_ranges

    try:
        listing = subprocess.run([fc_list, "--format", "%{charset}\\n"], capture_output=True, text=True,
                                 timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError) as error:
        log.debug("fc-list failed (%s): cannot check that the fonts cover the text", error)
        raise _ListingFailed from None
    ranges: list[tuple[int, int]] = []
    for token in listing.split():
        start, _, end = token.partition("-")
        try:
            ranges.append((int(start, 16), int(end or start, 16)))
        except ValueError:
            continue
    return [list(pair) for pair in merge_ranges(ranges)]


def _covered(code: int, ranges: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:
    starts, ends = ranges
    index = bisect.bisect_right(starts, code) - 1
    return index >= 0 and code <= ends[index]


def script_name(char: str) -> str:
    """What to call the writing system of ``char`` in a warning: its Unicode Script
    property ("Katakana", "Old Italic"), "emoji" for pictographs, else its block."""
    from fontTools import unicodedata as ucd  # a WeasyPrint dependency; holds the Script property

    code = ucd.script(char)
    if code not in _NO_SCRIPT:
        return ucd.script_name(code, default=code).replace("_", " ")
    block = ucd.block(char)
    return "emoji" if block in _EMOJI_BLOCKS else block


def missing_scripts(text: str) -> list[MissingScript]:
    """The scripts of ``text`` with characters no installed font has, in order of appearance."""
    ranges = covered_ranges()
    if ranges is None:
        return []
    missing: dict[str, list[str]] = {}
    for char in dict.fromkeys(text):  # distinct characters, in order
        if ord(char) < 0x250 or not unicodedata.category(char).startswith(_NEEDS_GLYPH):
            continue  # Basic Latin to Latin Extended-B: every text font has them
        if not _covered(ord(char), ranges):
            missing.setdefault(script_name(char), []).append(char)
    return [MissingScript(name, chars[0], len(chars)) for name, chars in missing.items()]


def warn_missing_scripts(text: str) -> list[MissingScript]:
    """Log one warning per script of ``text`` that no installed font can show; return them."""
    found = missing_scripts(text)
    for script in found:
        log.warning("%s", script.describe())
    return found
