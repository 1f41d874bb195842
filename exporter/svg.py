"""SVG pictures cut down to a static, self-contained subset (an allow-list, like `sanitize`).

An SVG is a document that can run script, load other files and animate. A
book's SVG may only draw: shapes, paths, text, gradients, clip paths and
groups, with presentation attributes. What goes: ``<script>``,
``<foreignObject>`` (it embeds HTML), animation, ``<image>`` and ``<use>`` of
anything but a fragment of the same file, every ``on*`` handler, ``style``
elements and attributes (CSS can load URLs), and any ``url(...)`` that is not
``url(#id)``. lxml parses it with entities and the network off (no XXE, no
billion laughs).
"""

from __future__ import annotations

import re

from lxml import etree

from .errors import ImageError
from .images import PreparedImage

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

ALLOWED_ELEMENTS = frozenset({
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern",
    "symbol", "use", "marker",
})
ALLOWED_ATTRIBUTES = frozenset({
    "id", "class", "width", "height", "viewBox", "preserveAspectRatio", "x", "y", "x1", "y1", "x2", "y2",
    "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "fill", "fill-opacity", "fill-rule", "stroke",
    "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray",
    "stroke-dashoffset", "stroke-miterlimit", "opacity", "color", "font-family", "font-size", "font-weight",
    "font-style", "text-anchor", "dominant-baseline", "letter-spacing", "dx", "dy", "rotate", "offset",
    "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy",
    "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits", "maskContentUnits", "patternUnits",
    "patternContentUnits", "patternTransform", "visibility", "display", "href", "marker-start", "marker-mid",
    "marker-end", "markerWidth", "markerHeight", "refX", "refY", "orient", "markerUnits", "version",
    "vector-effect", "textLength", "lengthAdjust", "startOffset",
})
_NOT_DRAWING = {"title", "desc", "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
                "pattern", "symbol", "marker"}
_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
_LENGTH = re.compile(r"^\s*([\d.]+)\s*(px)?\s*$")
# Like every other picture, an SVG larger than this is not an article's figure.
MAX_SVG_BYTES = 2_000_000


def sanitize_svg(data: bytes, *, name: str) -> PreparedImage:
    if len(data) > MAX_SVG_BYTES:
        raise ImageError("the SVG is larger than 2 MB; left out", path=name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise ImageError(f"the SVG is not well-formed ({err.msg}); left out", path=name) from None
    if etree.QName(root).localname != "svg" or etree.QName(root).namespace != SVG_NS:
        raise ImageError("not an SVG document; left out", path=name)
    _clean(root)
    width, height = _size(root)
    text = etree.tostring(root, encoding="utf-8", xml_declaration=True)
    draws = any(etree.QName(e).localname not in _NOT_DRAWING for e in root.iterdescendants())
    return PreparedImage(text, "image/svg+xml", width, height, draws)


def _clean(root: etree._Element) -> None:
    for element in list(root.iter()):
        if element is root:
            continue
        if not isinstance(element.tag, str):  # entity references left unresolved
            element.getparent().remove(element)
            continue
        qname = etree.QName(element)
        if qname.namespace != SVG_NS or qname.localname not in ALLOWED_ELEMENTS:
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
    for element in root.iter():
        for attribute in list(element.attrib):
            qname = etree.QName(attribute)
            value = element.get(attribute)
            local = qname.localname
            keep = (qname.namespace in (None, XLINK_NS) and local in ALLOWED_ATTRIBUTES
                    and not _URL.search(value))
            if local == "href":  # only a fragment of this same file
                keep = keep and value.strip().startswith("#")
            if not keep:
                del element.attrib[attribute]


def _size(root: etree._Element) -> tuple[int, int]:
    """Pixel size from width/height, else the viewBox, else 300×150 (the CSS default)."""
    sizes = [_LENGTH.match(root.get(name) or "") for name in ("width", "height")]
    if all(sizes):
        return max(1, round(float(sizes[0].group(1)))), max(1, round(float(sizes[1].group(1))))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        if len(box) == 4 and float(box[2]) > 0 and float(box[3]) > 0:
            return max(1, round(float(box[2]))), max(1, round(float(box[3])))
    except ValueError:
        pass
    return 300, 150
