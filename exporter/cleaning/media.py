"""The page's pictures: found before sanitising, attached to the article at the end.

Two steps of the HTML path, around the body extraction:

- `collect_images` (before `sanitize_page`, which strips every image source):
  for each ``<img>`` it picks the reference to use among what sites write
  (``<picture><source srcset>``, ``srcset``, lazy-load attributes such as
  ``data-src``, a ``<noscript>`` fallback, ``src``), asks the source's one
  `Resolver` for the bytes, and rewrites a copy of the page so that the
  ``<img>`` carries only a marker URL naming the picture. The marker passes
  the sanitiser and trafilatura like any image URL; it is on the ``.invalid``
  domain (RFC 2606), which never resolves, and only pictures resolved here
  are looked up by it.
- `attach_images` (last): the pictures the article's blocks still name are
  made fit for a book (`exporter.images`), become the `Article`'s assets by
  content hash, and the blocks are pointed at those keys. A picture Pillow
  refuses gives one warning naming it; its caption stays.

Pictures outside the article (sidebars, ads) are resolved but never decoded.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import field, replace
from pathlib import Path

from .._dataclass_store import dataclass
from ..model import BlockQuote, Emphasis, Figure, Image, ImageAsset, Link, ListBlock, Paragraph, Strong, Table, \
    asset_key
from ..resolver import NotFetched, Refused, Resolver, Resource, shorten
from .draft import Draft

log = logging.getLogger(__name__)

MARKER_PREFIX = "https://picture.invalid/"
# trafilatura keeps an image only when its URL ends like a picture file.
_MARKER = re.compile(r"^https://picture\.invalid/(p\d+)\.png$")
# data: URIs this small are lazy-loading placeholders (a 1×1 GIF is 43 bytes).
_PLACEHOLDER_BYTES = 200
# Lazy-loading attributes, in the order sites mean them (the real picture first).
_LAZY_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src")
_SRCSET_ATTRIBUTES = ("srcset", "data-srcset", "data-lazy-srcset")
# A srcset candidate this wide is enough for any e-reader (see images.EBOOK_LONG_SIDE).
_ENOUGH_WIDTH = 1600
_MIN_SIDE = 3  # pixels; see images.MIN_SIDE


@dataclass(frozen=True)
class PageImages:
    """The pictures resolved on the page, by marker id, with their pixel size when known."""

    resources: dict[str, Resource] = field(default_factory=dict)
    sizes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def marker_id(self, src: str | None) -> str | None:
        match = _MARKER.match(src or "")
        return match.group(1) if match and match.group(1) in self.resources else None


def page_resolver(draft: Draft) -> Resolver | None:
    source = draft.source
    resolver = getattr(source, "resolver", None)
    if resolver is not None:
        return resolver
    return Resolver(base_dir=Path(source.path).parent) if source.path is not None else Resolver()


def collect_images(draft: Draft) -> Draft:
    root = draft.page.root
    images = [img for img in root.iter("img") if not _inside(img, "noscript")]
    if not images:
        return draft  # a text-only page costs one tree walk and nothing else
    resolver = page_resolver(draft)
    found = PageImages()
    chosen: list[tuple[int, str]] = []  # (index of the <img>, marker id)
    for index, img in enumerate(images):
        resource = _resolve_first(resolver, _candidates(img))
        if resource is not None:
            marker = f"p{len(found.resources) + 1}"
            found.resources[marker] = resource
            size = _probe_size(resource.data)
            if size is not None:
                found.sizes[marker] = size
            chosen.append((index, marker))
    if not chosen:
        return draft
    page = copy.deepcopy(root)  # the parsed page stays as read; the copy carries the markers
    for img in page.iter("img"):  # a page writing our marker itself gets nothing by it
        if (img.get("src") or "").startswith(MARKER_PREFIX):
            del img.attrib["src"]
    copies = [img for img in page.iter("img") if not _inside(img, "noscript")]
    for index, marker in chosen:
        _mark(copies[index], marker)
    return draft.but(page=replace(draft.page, root=page), images=found)


def _inside(element, tag: str) -> bool:
    return any(parent.tag == tag for parent in element.iterancestors())


def _mark(img, marker: str) -> None:
    alt = img.get("alt")
    for name in list(img.attrib):
        if name not in ("alt", "width", "height", "class", "id"):
            del img.attrib[name]
    img.set("src", f"{MARKER_PREFIX}{marker}.png")
    if alt is None:
        img.set("alt", "")
    picture = _picture_of(img)
    if picture is not None and picture.getparent() is not None:
        # <picture> is only a wrapper and its <source>s were read already; the
        # <img> (which libxml2 nests inside the unknown <source>) takes its place.
        img.getparent().remove(img)
        img.tail = picture.tail
        picture.getparent().replace(picture, img)


def _picture_of(img):
    """The <picture> around ``img``; libxml2 knows no <source> and nests the <img> inside it."""
    for ancestor in img.iterancestors():
        if ancestor.tag == "picture":
            return ancestor
        if ancestor.tag != "source":
            return None
    return None


def _candidates(img) -> list[str]:
    """References for ``img``, best first: srcset candidates (the page's own
    <picture> sources first), lazy-load attributes, src, then a <noscript> twin's."""
    srcsets: list[str] = []
    picture = _picture_of(img)
    if picture is not None:
        srcsets += [source.get(name) or "" for source in picture.iter("source") for name in _SRCSET_ATTRIBUTES]
    srcsets += [img.get(name) or "" for name in _SRCSET_ATTRIBUTES]
    out = ranked_srcset(*srcsets)
    out += [img.get(name) for name in _LAZY_ATTRIBUTES if img.get(name)]
    src = (img.get("src") or "").strip()
    placeholder = src[:5].lower() == "data:" and len(src) < _PLACEHOLDER_BYTES
    if src and not placeholder:
        out.append(src)
    twin = img.getnext()
    if twin is not None and twin.tag == "noscript":
        for fallback in twin.iter("img"):
            out += ranked_srcset(fallback.get("srcset") or "") + [fallback.get("src") or ""]
    if placeholder:
        out.append(src)  # a small inline picture (an icon) when nothing else is named
    return [c.strip() for c in dict.fromkeys(out) if c and c.strip()]


_CANDIDATE = re.compile(r"\s*(\S+?)(?:\s+([\d.]+)([wx]))?\s*(?:,|$)")


def ranked_srcset(*srcsets: str) -> list[str]:
    """The URLs of one or more ``srcset`` values, best first: the narrowest at
    least 1600 px wide, then the wider ones, then the narrower ones from wide to
    narrow (a 2x density counts as 2 × 800 px). A data: URI is kept whole (it
    holds commas; like the HTML parser, it ends at white space)."""
    candidates: list[tuple[float, str]] = []
    for srcset in srcsets:
        candidates += _srcset_candidates(srcset)
    enough = sorted((c for c in candidates if c[0] >= _ENOUGH_WIDTH), key=lambda c: c[0])
    rest = sorted((c for c in candidates if c[0] < _ENOUGH_WIDTH), key=lambda c: -c[0])
    return [url for _, url in enough + rest]


def _srcset_candidates(srcset: str) -> list[tuple[float, str]]:
    candidates: list[tuple[float, str]] = []
    text = (srcset or "").strip()
    while text:
        if text[:5].lower() == "data:":
            head, _, rest = text.partition(" ")
            candidates.append((0.0, head.rstrip(",")))
            text = rest.split(",", 1)[1] if "," in rest else ""
            continue
        match = _CANDIDATE.match(text)
        if not match or not match.group(0):
            break
        url, number, unit = match.groups()
        width = float(number) * (800 if unit == "x" else 1) if number else 800.0
        candidates.append((width, url.rstrip(",")))
        text = text[match.end():].strip()
    return candidates


def _resolve_first(resolver: Resolver, candidates: list[str]) -> Resource | None:
    """The first candidate that resolves; one warning when none does for a reason
    other than the default no-fetching policy (which is only logged at debug level)."""
    problem: tuple[str, Refused] | None = None
    for reference in candidates:
        try:
            resource = resolver.lookup(reference)
            size = _probe_size(resource.data)
            if size is not None and min(size) < _MIN_SIDE:
                continue  # a lazy-loading placeholder or a tracking pixel: no picture
            return resource
        except NotFetched:
            continue
        except Refused as why:
            problem = problem or (reference, why)
    if problem is not None:
        log.warning("image %s: %s", shorten(problem[0]), problem[1])
    elif candidates:
        log.debug("image %s: remote and not fetched (use --fetch-images)", shorten(candidates[0]))
    return None


def _probe_size(data: bytes) -> tuple[int, int] | None:
    from ..images import probe_size

    return probe_size(data)


# ------------------------------------------------------------------ the end of the pipeline


def attach_images(draft: Draft) -> Draft:
    """The pictures the blocks name become the article's assets (see the module note)."""
    found: PageImages | None = draft.images
    if found is None or not found.resources:
        return draft
    from ..errors import ImageError
    from ..images import prepare_image

    prepared: dict[str, ImageAsset | None] = {}

    def asset_for(marker: str) -> ImageAsset | None:
        if marker not in prepared:
            resource = found.resources.get(marker)
            prepared[marker] = None
            if resource is not None:
                try:
                    image = prepare_image(resource.data, name=f"image {resource.origin}")
                except ImageError as err:
                    log.warning("%s", err)
                    image = None
                if image is not None and (image.draws or _kept_though_flat(image, resource)):
                    prepared[marker] = ImageAsset(asset_key(image.data), image.media_type, image.width,
                                                  image.height, image.data, resource.origin)
        return prepared[marker]

    blocks = tuple(b for b in (_point_block(b, asset_for) for b in draft.blocks) if b is not None)
    assets = {a.key: a for a in prepared.values() if a is not None}
    return draft.but(blocks=blocks, assets=tuple(assets.values()))


def _kept_though_flat(image, resource: Resource) -> bool:
    """A flat one-colour raster is a lazy-loading placeholder when the page inlined it
    (a data: URI); a file the page saved or an archive part is the picture itself."""
    return image.media_type != "image/svg+xml" and not resource.origin.startswith("data:")


def _point_block(block, asset_for):
    if isinstance(block, Figure):
        asset = asset_for(block.image) if block.image else None
        if asset is None:
            return replace(block, image=None) if block.caption else None
        return replace(block, image=asset.key)
    if isinstance(block, Paragraph):
        children = _point_inlines(block.children, asset_for)
        return replace(block, children=children) if children else None
    if isinstance(block, BlockQuote):
        inner = tuple(b for b in (_point_block(b, asset_for) for b in block.blocks) if b is not None)
        return replace(block, blocks=inner) if inner else None
    if isinstance(block, ListBlock):
        items = tuple(tuple(b for b in (_point_block(b, asset_for) for b in item) if b is not None)
                      for item in block.items)
        return replace(block, items=tuple(i for i in items if i))
    if isinstance(block, Table):
        def row(cells):
            return tuple(replace(c, children=_point_inlines(c.children, asset_for)) for c in cells)
        return replace(block, head=tuple(row(r) for r in block.head), body=tuple(row(r) for r in block.body))
    return block


def _point_inlines(inlines, asset_for):
    out = []
    for node in inlines:
        if isinstance(node, Image):
            asset = asset_for(node.image)
            if asset is not None:
                out.append(replace(node, image=asset.key))
        elif isinstance(node, (Emphasis, Strong, Link)):
            out.append(replace(node, children=_point_inlines(node.children, asset_for)))
        else:
            out.append(node)
    return tuple(out)


__all__ = ["collect_images", "attach_images", "PageImages", "ranked_srcset", "MARKER_PREFIX"]
