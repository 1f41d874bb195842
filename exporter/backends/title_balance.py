"""Balanced display titles in the PDF: a title set over several lines gets lines of even length.

A centred title broken greedily fills its first lines and leaves the last one
short ("Fernwärme wird teurer: Was / Mieter jetzt wissen müssen" with two words
over, or one word alone on the last line). Book designers break a display
title so its lines are about equal, and where the sense pauses; CSS says so
with ``text-wrap: balance``, which WeasyPrint does not implement, and narrowing
the box is not enough (a greedy breaker still fills every line but the last).
So the PDF backend breaks the title itself: the breaks are chosen with the book
face's advance widths (shipped beside the font, see
``scripts/make-title-widths.py``), in as many lines as the layout would take.

The widths leave out kerning (which only narrows a Libertine line) and a
safety margin keeps a slight mismeasure from costing a line; a title with a
character the face lacks (set in a fallback font), a user's own stylesheet or a
title that fits on one line is left as it is.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from .._escape import escape
from ..resources import fonts_dir

FONT_FILE = fonts_dir() / "LinLibertine_R.otf"
WIDTHS_FILE = fonts_dir() / "LinLibertine_R.widths.json"
# The display titles' sizes, in ems of the body type, as styles/print.css sets them
# (tests/test_pdf_title_balance.py checks the sheet still says so).
TITLE_EMS = {"book-title": 2.3, "article-title": 1.75}
# Room left for what the measure leaves out (kerning, old-style figures, rounding).
SAFETY = 1.03
# A display title longer than this is a scraped paragraph, not a headline: the layout breaks it
# (the search below costs lines × words², cheap for a headline, not for a page of text).
MAX_WORDS = 40
_BREAKS = " "  # Pango also breaks after hyphens and dashes: more chances, never fewer lines


def widths_from_font(path: Path) -> dict:
    """{"units_per_em": ..., "widths": {codepoint: advance}} read from the font with fontTools."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    metrics = font["hmtx"]
    widths = {str(code): metrics[glyph][0] for code, glyph in sorted(font.getBestCmap().items())}
    return {"units_per_em": font["head"].unitsPerEm, "widths": widths}


@lru_cache(maxsize=1)
def _table() -> tuple[int, dict[int, int]]:
    data = json.loads(WIDTHS_FILE.read_text(encoding="utf-8"))
    return data["units_per_em"], {int(code): width for code, width in data["widths"].items()}


def text_width(text: str, size_pt: float) -> float | None:
    """``text``'s width in points at ``size_pt`` in the book face, None when the face lacks a character."""
    units, widths = _table()
    total = 0
    for char in text:
        width = widths.get(ord(char))
        if width is None:
            return None
        total += width
    return total * size_pt / units


def _line_count(words: list[float], space: float, width: float) -> int:
    """Lines a greedy breaker (the layout's) sets these word widths in, at most ``width`` wide."""
    lines, line = 1, words[0]
    for word in words[1:]:
        if line + space + word <= width:
            line += space + word
        else:
            lines, line = lines + 1, word
    return lines


# A line may end on a pause of the sense ("Fernwärme wird teurer: / Was Mieter …"): such a break is
# worth this share of the mean line's length in evenness (Bringhurst: break display lines by sense).
SENSE_BREAK = 0.25
# A line ending on a word this short (a preposition, an article) reads as cut off: it costs four sense breaks.
SHORT_WORD = 2
_SENSE_ENDS = (":", ";", "?", "!", ",", "\u2014", "\u2013")


def balanced_breaks(title: str, size_pt: float, measure_pt: float) -> list[str] | None:
    """``title`` cut into the lines it should be set in, or None to let the layout break it.

    As many lines as the layout would need, each within the measure, as even as
    they can be (least squared difference from the mean line), a break after a
    pause of the sense preferred; None when the title fits on one line or the face
    lacks one of its characters (a fallback font sets it: not measured here).
    """
    pieces = title.split(_BREAKS)
    words = [text_width(piece, size_pt) for piece in pieces]
    space = text_width(" ", size_pt)
    if not 2 <= len(words) <= MAX_WORDS or space is None or any(w is None for w in words):
        return None
    usable = measure_pt / SAFETY
    if max(words) > usable:
        return None  # a word wider than the line: the layout breaks it anyway
    count = _line_count(words, space, usable)
    if count == 1:
        return None
    mean = (sum(words) + space * (len(words) - count)) / count
    bonus = (SENSE_BREAK * mean) ** 2

    def width(i: int, j: int) -> float:  # words i..j-1 on one line
        return sum(words[i:j]) + space * (j - i - 1)

    # best[k][j]: the least cost of setting words[:j] in k lines, and where its last line starts
    best: list[dict[int, tuple[float, int]]] = [{0: (0.0, 0)}]
    for k in range(1, count + 1):
        row: dict[int, tuple[float, int]] = {}
        for j in range(k, len(words) + 1):
            for i, (cost, _) in best[k - 1].items():
                if i >= j or width(i, j) > usable:
                    continue
                line = (width(i, j) - mean) ** 2
                if j < len(words) and pieces[j - 1].endswith(_SENSE_ENDS):
                    line -= bonus
                elif j < len(words) and len(pieces[j - 1]) <= SHORT_WORD:
                    line += 4 * bonus  # "les dockers face à / l'automatisation": a line never ends on "à", "of", "le"
                if j not in row or cost + line < row[j][0]:
                    row[j] = (cost + line, i)
        best.append(row)
    if len(words) not in best[count]:
        return None
    cuts, j = [], len(words)
    for k in range(count, 0, -1):
        i = best[k][j][1]
        cuts.append(" ".join(pieces[i:j]))
        j = i
    return cuts[::-1]


_DISPLAY_TITLE = re.compile(r'(<h1\b[^>]*\bclass="(book-title|article-title)"[^>]*>)([^<]*)(</h1>)')


def balance_titles(body: str, font_size_pt: float, measure_pt: float) -> str:
    """``body`` with its display titles broken into even lines (``<br/>`` between them)."""
    def balanced(m: re.Match) -> str:
        lines = balanced_breaks(html.unescape(m.group(3)), TITLE_EMS[m.group(2)] * font_size_pt, measure_pt)
        if lines is None:
            return m.group(0)
        # The space stays before each break: a bookmark or a copied title still reads "teurer: Was".
        return m.group(1) + " <br/>".join(escape(line, quote=False) for line in lines) + m.group(4)

    return _DISPLAY_TITLE.sub(balanced, body)
