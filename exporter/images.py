"""The one adapter around Pillow: a picture's bytes → bytes fit for a book.

Every picture is decoded and encoded again, never copied through: that is
what strips EXIF (GPS position, camera serial numbers), XMP and comments, and
what turns WebP, AVIF, GIF, BMP and TIFF into what every reader shows (JPEG
for photographs, PNG for line art and anything transparent).

Pillow quirks held here:
- ``Image.open`` reads only the header; the pixel count is checked against our
  own limit *before* ``load`` decodes anything (Pillow's own
  ``MAX_IMAGE_PIXELS`` is a process-wide global and only warns below twice
  its value), so a 20-kB PNG claiming 60,000 × 60,000 pixels costs nothing.
- A truncated file opens fine and fails in ``load`` with ``OSError``
  ("image file is truncated") unless ``LOAD_TRUNCATED_IMAGES`` is on, which
  WeasyPrint's import turns on for the whole process: we turn it off while we
  decode, so a half picture is refused rather than printed grey.
- EXIF orientation is applied (``ImageOps.exif_transpose``) before the tags
  are dropped, or a portrait photo would lie on its side.
- Animated GIF/WebP: the first frame.
SVG is not rasterised; `exporter.svg` cuts it down to a static, script-free subset.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from contextlib import contextmanager

from ._dataclass_store import dataclass
from .errors import ImageError

log = logging.getLogger(__name__)

# A photograph from a 50-megapixel camera is the most an article carries; beyond
# that the "image" is a decompression bomb or a mistake.
MAX_PIXELS = 50_000_000
# E-readers show about 1600 px on the long side (the Kindle guidelines' cover
# size; Kobo's largest screens); more is only weight.
EBOOK_LONG_SIDE = 1600
JPEG_QUALITY = 85
# A PNG-ish picture with at most this many colours is line art (chart, diagram,
# screenshot of text): PNG keeps its edges sharp; more colours is a photograph.
LINE_ART_COLOURS = 4096
# Web pages' placeholders and tracking pixels: not pictures of the article.
MIN_SIDE = 3


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    media_type: str
    width: int
    height: int
    draws: bool = True  # False: an SVG with nothing in it (a placeholder)


def prepare_image(data: bytes, *, name: str, long_side: int = EBOOK_LONG_SIDE) -> PreparedImage:
    """Decode, orient, strip, scale and re-encode ``data``; `ImageError` (one line) when it cannot be used."""
    if _looks_like_svg(data):
        from .svg import sanitize_svg

        return sanitize_svg(data, name=name)
    from ._pillow import Image  # first: PIL.ExifTags deferred until a picture's EXIF is read
    from PIL import ImageOps, UnidentifiedImageError  # noqa: I001

    try:
        with warnings.catch_warnings(), _truncated_images_refused():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as opened:
                source_format = opened.format or ""
                width, height = opened.size
                if width * height > MAX_PIXELS:
                    raise ImageError(f"{width}×{height} pixels is more than an article's picture can be "
                                     f"(a decompression bomb?); left out", path=name)
                opened.seek(0)  # the first frame of an animation
                opened.load()
                image = ImageOps.exif_transpose(opened)
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError("more pixels than an article's picture can have (a decompression bomb?); left out",
                         path=name) from None
    except UnidentifiedImageError as err:
        raise ImageError(f"not a picture Pillow can open ({_reason(err)}); left out", path=name) from None
    except (OSError, ValueError, SyntaxError, EOFError) as err:  # truncated or corrupt data
        raise ImageError(f"the picture is damaged ({_reason(err)}); left out", path=name) from None
    if min(image.size) < MIN_SIDE:
        raise ImageError("a placeholder or tracking pixel, not a picture; left out", path=name)
    image = _fit(image, long_side)
    prepared = _encode(image, photo=_is_photo(image, source_format))
    if image.getcolors(1) is not None:
        # One flat colour: a lazy-loading site's grey placeholder box, not a picture.
        return PreparedImage(prepared.data, prepared.media_type, prepared.width, prepared.height, draws=False)
    return prepared


_TRUNCATION_LOCK = threading.Lock()


@contextmanager
def _truncated_images_refused():
    """WeasyPrint sets Pillow's process-wide ``ImageFile.LOAD_TRUNCATED_IMAGES`` to
    True when it is imported (weasyprint/images.py), which would let a cut-off JPEG
    through as a grey half picture; it is off while we decode. (WeasyPrint only
    ever sees pictures already decoded here, so it loses nothing meanwhile.)"""
    from PIL import ImageFile

    with _TRUNCATION_LOCK:
        before = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = before


def probe_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the header alone (nothing decoded), or None.
    An SVG that draws nothing (lazy-loading sites' ``<svg viewBox="0 0 1280 914"/>``
    placeholders, sized like the real picture) counts as 0×0."""
    if _looks_like_svg(data):
        from .svg import sanitize_svg

        try:
            prepared = sanitize_svg(data, name="svg")
        except ImageError:
            return None
        return (prepared.width, prepared.height) if prepared.draws else (0, 0)
    from ._pillow import Image
    from PIL import UnidentifiedImageError  # noqa: I001

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as image:
                return image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError):
        return None


def scale_to_width(data: bytes, media_type: str, max_width: int) -> PreparedImage | None:
    """``data`` narrowed to ``max_width`` pixels (print: the text block at 300 dpi), or
    None when it is narrow enough already (or an SVG, which scales by itself)."""
    if media_type == "image/svg+xml":
        return None
    from ._pillow import Image

    with Image.open(io.BytesIO(data)) as image:
        if image.width <= max_width:
            return None
        image.load()
        height = max(1, round(image.height * max_width / image.width))
        narrowed = image.resize((max_width, height), Image.Resampling.LANCZOS)
    return _encode(narrowed, photo=media_type == "image/jpeg")


def preview_thumbnail(data: bytes, media_type: str, box: tuple[int, int]) -> PreparedImage | None:
    """``data`` shrunk to fit ``box`` (width, height) and reduced to its first
    frame, or None when it is a still picture within the box already (or an SVG).
    For the GUI's preview: a 30-frame GIF within the width came through whole
    (12.8 MB of preview HTML), and a strip 16000 pixels tall needs its height capped."""
    if media_type == "image/svg+xml":
        return None
    from ._pillow import Image

    with Image.open(io.BytesIO(data)) as image:
        animated = getattr(image, "n_frames", 1) > 1
        if not animated and image.width <= box[0] and image.height <= box[1]:
            return None
        image.seek(0)
        frame = image.convert("RGBA" if _has_alpha(image) else "RGB")
    frame.thumbnail(box, Image.Resampling.LANCZOS)
    return _encode(frame, photo=_is_photo(frame, "JPEG" if media_type == "image/jpeg" else ""))


def _reason(err: BaseException) -> str:
    text = str(err).split("\n")[0].strip() or type(err).__name__
    return text[:120]


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in data[:4096].lower())


def _fit(image, long_side: int):
    from ._pillow import Image

    if max(image.size) > long_side:
        image = image.copy()
        image.thumbnail((long_side, long_side), Image.Resampling.LANCZOS)
    return image


def _has_alpha(image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)


def _is_photo(image, source_format: str) -> bool:
    if _has_alpha(image):
        return False
    if source_format in ("JPEG", "MPO"):
        return True
    probe = image if image.mode in ("RGB", "L", "P") else image.convert("RGB")
    return probe.getcolors(maxcolors=LINE_ART_COLOURS) is None


def _encode(image, *, photo: bool) -> PreparedImage:
    """JPEG or PNG with no metadata at all (no exif=, no pnginfo=, no ICC profile)."""
    out = io.BytesIO()
    if photo:
        image = image.convert("L" if image.mode in ("L", "LA", "I;16", "1") else "RGB")
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        media_type = "image/jpeg"
    else:
        if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            image = image.convert("RGBA" if _has_alpha(image) else "RGB")
        image.save(out, "PNG", optimize=True, icc_profile=None)  # PNG would copy info's ICC profile
        media_type = "image/png"
    return PreparedImage(out.getvalue(), media_type, image.width, image.height)
