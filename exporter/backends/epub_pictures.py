"""What the EPUB says about its pictures: which ones it holds, and accessibility
metadata that stays true when it holds some (EPUB Accessibility 1.1)."""

from __future__ import annotations

from ..model import Figure, Image, ImageAsset, Table
from ..render import Book


def book_pictures(book: Book) -> list[ImageAsset]:
    """Every picture the book's articles hold, once each (content-hashed keys)."""
    return list({asset.key: asset for article in book.articles for asset in article.assets}.values())


def _image_alts(book: Book) -> list[str]:
    """The alt text of every picture the articles show (figures and inline)."""
    alts: list[str] = []

    def walk(node) -> None:
        if isinstance(node, (Figure, Image)) and node.image:
            alts.append(node.alt)
        for name in ("children", "blocks", "caption"):
            for child in getattr(node, name, ()) or ():
                walk(child)
        for item in getattr(node, "items", ()) or ():
            for child in item:
                walk(child)
        if isinstance(node, Table):
            for row in (*node.head, *node.body):
                for cell in row:
                    walk(cell)

    for article in book.articles:
        for block in article.blocks:
            walk(block)
    return alts


def accessibility(book: Book, pictures: list[ImageAsset]) -> tuple[tuple[str, str], ...]:
    """`ACCESSIBILITY` as true for this book: with pictures the content is also
    visual; "alternativeText" is claimed only when every picture has an alt text,
    and only then is the text alone sufficient."""
    from .epub import ACCESSIBILITY

    if not pictures:
        return ACCESSIBILITY
    alts = _image_alts(book)
    every_alt = bool(alts) and all(alt.strip() for alt in alts)
    props = [("schema:accessMode", "textual"), ("schema:accessMode", "visual")]
    props += [("schema:accessModeSufficient", "textual")] if every_alt else []
    props += [("schema:accessModeSufficient", "textual,visual")]
    props += [p for p in ACCESSIBILITY if p[0] == "schema:accessibilityFeature"]
    props += [("schema:accessibilityFeature", "alternativeText")] if every_alt else []
    props += [("schema:accessibilityHazard", "none")]
    alt_note = ("Every picture has a text alternative." if every_alt
                else "Some pictures have no text alternative; their captions, where the page gave them, are kept.")
    props.append(("schema:accessibilitySummary",
                  "Reflowable text with a table of contents, headings in document order and a reading order "
                  f"that follows the article, with the article's pictures. {alt_note} No flashing, motion or sound."))
    return tuple(props)
