"""Pictures that would leave a page half empty, placed as a book designer would.

WeasyPrint keeps a figure whole with its caption (print.css: ``break-inside:
avoid``), so a large picture that does not fit in what is left of a page moves
to the next one and leaves the space at the foot of this page empty; on pages
like the photo essays of Medium or Quanta (a picture every few paragraphs)
that was a third to two thirds of a page, several times a book.

After a first layout, every figure that opens a page while the page before it
ended at least `MIN_GAP_SHARE` of the text block early is placed again:

1. **scaled down** to fit the space left, when it keeps at least `MIN_SCALE`
   of its height (a picture a little smaller is better than a hole); else
2. **deferred**: moved after the paragraphs that follow it, so that they fill
   the page and the picture heads the next one (a "float to the next page",
   as LaTeX and InDesign place figures). It never moves past a heading,
   another figure or a table, so it stays within its section.

The book is then laid out again, one picture placed per layout, the earliest
first (moving a picture moves every page after it); at most `MAX_ROUNDS` more
layouts, and the one with the least empty space is written. Only books with
pictures that left gaps pay for it: about one more layout per gap, so a photo
essay with more gaps than that keeps the later ones (Medium's "Deep Web Drug
Lab" with its 16 pictures: 1070 px of gaps before, 198 after).
"""

from __future__ import annotations

import re
from dataclasses import field

from lxml import etree

from .._dataclass_store import dataclass
from .._weasyprint_layout import FlowBlock, PageFlow
from ..render import BODYMATTER, EPUB_NS, XHTML_NS, Section

FLOW_CLASS = "article-body"
MIN_GAP_SHARE = 0.15  # of the text block's height: smaller gaps are ordinary page ends
MIN_SCALE = 0.7  # a picture is scaled to no less than this share of its height
MAX_ROUNDS = 3  # further layouts at most, each placing again what the one before left
# A deferral is made only when the text it brings up fills at least this share
# of the space left (four one-line paragraphs before a half-empty page moved the
# picture and left the page half empty), and a figure is deferred once, past
# one block or text of at most `MAX_MOVED_SHARE` of a text block: it stays by
# the text that speaks of it (a reviewer's page saw one moved three paragraphs).
MIN_FILL_SHARE = 0.5
MAX_MOVED_SHARE = 0.25
# A layout counts as better than an earlier one only when it leaves this share
# of a text block less empty space; the first layout that is not ends the rounds.
MIN_GAIN_SHARE = 0.1
_SLACK = 3.0  # rounding and collapsed margins: what a shrunk figure leaves spare
_TEXT_BLOCKS = {"p", "blockquote", "ul", "ol"}  # what may flow up past a deferred figure
_HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
_FIGURE_OPENING = re.compile(r'<figure class="figure\b')


def mark_figures(section: Section, body: str) -> str:
    """Give each picture of an article an id (``<section id>-fig-N``), so that
    the layout can be read back per figure."""
    if section.kind != BODYMATTER:
        return body
    count = iter(range(1, 10**6))
    return _FIGURE_OPENING.sub(lambda m: f'<figure id="{section.id}-fig-{next(count)}" class="figure', body)


@dataclass
class FigurePlacement:
    """What the layouts so far decided: a figure's image height, or how many blocks it moves past."""

    max_height: dict[str, float] = field(default_factory=dict)
    defer: dict[str, int] = field(default_factory=dict)
    natural_height: dict[str, float] = field(default_factory=dict)  # each image as the first layout set it

    def css(self) -> str:
        return "".join(f"#{fid} img.figure-image {{ max-height: {height:.1f}px; }}\n"
                       for fid, height in self.max_height.items())


def gaps(pages: list[PageFlow]) -> list[tuple[int, float]]:
    """Pages (index of the page before) that end early and whose next page opens
    with a figure (after any headings kept with it), with the space left."""
    found = []
    for number, (before, page) in enumerate(zip(pages, pages[1:])):
        gap = before.bottom - before.end
        if not before.blocks or gap < MIN_GAP_SHARE * (page.bottom - page.top):
            continue
        opening = [b for b in page.blocks if b.tag not in _HEADINGS][:1]
        if opening and opening[0].tag == "figure" and opening[0].id:
            found.append((number, gap))
    return found


def empty_space(pages: list[PageFlow]) -> float:
    """What a layout is judged by: the space such gaps leave, in CSS pixels."""
    return sum(gap for _, gap in gaps(pages))


def plan(pages: list[PageFlow], placed: FigurePlacement) -> bool:
    """Add to ``placed`` a placement for the first figure on ``pages`` that left
    a gap and can be placed (one placed before and at a gap again is placed
    anew); True when there was one. Only the first: moving a picture moves every
    page after it, so what this layout says about later gaps no longer holds
    (placing them all at once, tried on a Medium photo essay, made new gaps as
    fast as it closed old ones), while the pages before it are final."""
    for number, gap in gaps(pages):
        page = pages[number + 1]
        block_height = page.bottom - page.top
        index = next(i for i, b in enumerate(page.blocks) if b.tag not in _HEADINGS)
        lead = sum(b.height for b in page.blocks[:index])  # headings kept with the figure move with it
        figure = page.blocks[index]
        fid = figure.id
        if figure.image_height:
            room = gap - lead - (figure.height - figure.image_height) - _SLACK
            natural = placed.natural_height.setdefault(fid, figure.image_height)
            if room >= MIN_SCALE * natural:
                placed.max_height[fid] = room
                return True
        if fid in placed.defer:
            continue  # moved once already: moving it again drifts it away from its text
        past = _blocks_to_defer_past(page.blocks[index + 1:], gap - lead, figure, block_height,
                                     next_page=pages[number + 2] if number + 2 < len(pages) else None)
        if past:
            placed.defer[fid] = past
            placed.max_height.pop(fid, None)
            return True
    return False


def _blocks_to_defer_past(following: tuple[FlowBlock, ...], room: float, figure: FlowBlock,
                          block_height: float, next_page: PageFlow | None) -> int:
    """How many text blocks after ``figure`` to set before it so that they fill
    ``room`` (0: none can, or they would fill less than `MIN_FILL_SHARE` of it).
    Whole blocks that fit, then one more that splits over the page break if its
    tail and the figure still fit on one page; past one block, or blocks of at
    most `MAX_MOVED_SHARE` of ``block_height`` in all."""
    used, count = 0.0, 0
    continues = {b.key for b in next_page.blocks} if next_page else set()
    for block in following:
        if block.tag not in _TEXT_BLOCKS or (count and used + block.height > MAX_MOVED_SHARE * block_height):
            break
        height = block.height if block.key not in continues else None  # None: split, its height unknown
        if height is not None and used + height <= room:
            used += height
            count += 1
            continue
        tail = (height if height is not None else block_height) - (room - used)
        if height is not None and tail + figure.height <= block_height and room - used > 2 * _SLACK:
            count += 1
            used = room  # it fills the page to its foot
        break
    return count if used >= MIN_FILL_SHARE * room else 0


def apply_deferrals(body: str, defer: dict[str, int]) -> str:
    """``body`` (one section's XHTML) with each figure in ``defer`` moved after that many following blocks."""
    if not any(f'id="{fid}"' in body for fid in defer):
        return body
    wrapped = etree.fromstring(f'<wrap xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}">{body}</wrap>'.encode("utf-8"))
    for fid, count in defer.items():
        found = wrapped.xpath("//*[@id=$fid]", fid=fid)
        if not found:
            continue
        figure = found[0]
        anchor = figure
        for _ in range(count):
            following = anchor.getnext()
            if following is None:
                break
            anchor = following
        if anchor is not figure:
            anchor.addnext(figure)  # moves it (the renderer writes no text between blocks)
    # lxml repeats the namespace declarations on the section: the HTML parser ignores them.
    return "".join(etree.tostring(child, encoding="unicode") for child in wrapped)


class FigureRelayout:
    """`render_pdf`'s ``relayout``: plans placements from each layout and asks
    ``build`` for the document and stylesheets that carry them."""

    flow_class = FLOW_CLASS

    def __init__(self, build) -> None:
        self.build = build  # FigurePlacement -> (html, stylesheets)
        self.placed = FigurePlacement()
        self.scores: list[float] = []  # each layout's empty space, in the order they were made
        self.min_gain = 0.0  # `MIN_GAIN_SHARE` of the text block, CSS pixels (known from the first layout)

    def next_layout(self, pages: list[PageFlow]):
        self.scores.append(empty_space(pages))
        if pages:
            self.min_gain = MIN_GAIN_SHARE * (pages[0].bottom - pages[0].top)
        if len(self.scores) > 1 and self.chosen() != len(self.scores) - 1:
            return None  # the last placement did not pay: each layout is a whole book's, stop here
        if len(self.scores) > MAX_ROUNDS or not self.scores[-1] or not plan(pages, self.placed):
            return None  # no gap left, out of rounds, or nothing left to place
        return self.build(self.placed)

    def chosen(self) -> int:
        """The earliest layout that each later one fails to better by `MIN_GAIN_SHARE`
        of a text block (a picture moved for a few pixels is not worth its move)."""
        best = 0
        for number, score in enumerate(self.scores):
            if score < self.scores[best] - self.min_gain:
                best = number
        return best
