"""Part of the WeasyPrint adapter (`exporter._weasyprint`): reading a laid-out
document's box tree back as plain data, so that a backend can see where its
blocks fell and lay the book out again (`exporter.backends.pdf_figures`).

WeasyPrint has no public API for this: ``Page._page_box`` and the boxes'
``element``, ``position_y`` and ``margin_height()`` are its internals (stable
from 53 to 70). Everything here reads them and nothing else does.
"""

from __future__ import annotations

from ._dataclass_store import dataclass


@dataclass(frozen=True)
class FlowBlock:
    """One child block of a flow container, as laid out on one page (a block
    split over two pages appears on both, with the same ``key``)."""

    key: int  # the same for the parts of one element on several pages
    tag: str
    id: str | None
    top: float  # CSS pixels (WeasyPrint's unit, 0.75 pt) from the top of the page, margin box
    height: float  # margin box
    image_height: float | None  # the block's first <img>, when it has one


@dataclass(frozen=True)
class PageFlow:
    top: float  # the page's content area, CSS pixels from the top of the page
    bottom: float
    end: float  # the foot of the last block set on the page (its margin box)
    blocks: tuple[FlowBlock, ...]  # children of the flow containers on this page, in order


def _class_list(box) -> list[str]:
    element = getattr(box, "element", None)
    value = element.get("class") if element is not None else None
    return value.split() if value else []


def _first_image_height(box) -> float | None:
    for child in getattr(box, "children", ()) or ():
        if getattr(child, "element_tag", None) == "img" and hasattr(child, "height"):
            return float(child.height)
        found = _first_image_height(child)
        if found is not None:
            return found
    return None


def _flow_children(box, container_class: str, out: list) -> None:
    for child in getattr(box, "children", ()) or ():
        if container_class in _class_list(child):
            out.extend(c for c in child.children if getattr(c, "element", None) is not None
                       and hasattr(c, "margin_height"))
        else:
            _flow_children(child, container_class, out)


def _last_bottom(box) -> float:
    bottom = 0.0
    for child in getattr(box, "children", ()) or ():
        if hasattr(child, "margin_height") and getattr(child, "position_y", None) is not None:
            bottom = max(bottom, child.position_y + child.margin_height())
    return bottom


def page_flows(document, container_class: str) -> list[PageFlow]:
    """Each page of ``document`` (a WeasyPrint ``Document``) with the child
    blocks of every element of class ``container_class`` it holds."""
    pages = []
    for page in document.pages:
        page_box = page._page_box
        top = page_box.content_box_y()
        root = page_box.children[0] if page_box.children else None
        children: list = []
        if root is not None:
            _flow_children(root, container_class, children)
        blocks = tuple(
            FlowBlock(id(c.element), c.element_tag, c.element.get("id"), float(c.position_y),
                      float(c.margin_height()), _first_image_height(c))
            for c in children
        )
        end = max((b.top + b.height for b in blocks), default=top)
        pages.append(PageFlow(float(top), float(top + page_box.height), float(end), blocks))
    return pages
