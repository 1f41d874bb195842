"""A generated cover image: title and author set in the book's typeface.

1600 × 2560 px (1:1.6, what Kindle and Kobo ask for), JPEG. The title is set
as large as fits and stays legible as a library thumbnail; the background is
one of a few dark, quiet colours picked from the book's identifier, so covers
in a shelf of exported articles tell apart. Same inputs, same bytes: no
timestamps, no EXIF, fixed encoder settings.
"""

from __future__ import annotations

import hashlib
import io
import logging
import shutil
import subprocess
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from ._pillow import Image, load_exif_tags  # first: PIL.ExifTags deferred (see _pillow)
from PIL import ImageDraw, ImageFont  # noqa: I001 - after _pillow, on purpose

from ._dataclass_store import dataclass
from .errors import RenderError
from .font_cache import covers, font_coverage, installed_fonts_stamp, remembered
from .resources import fonts_dir

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 1600, 2560
MEDIA_TYPE = "image/jpeg"
_MARGIN = 150
_TEXT_WIDTH = WIDTH - 2 * _MARGIN

# Background and ink pairs: dark grounds with light type read best when shrunk
# to a thumbnail on both e-ink (greys) and colour screens.
_PALETTES = (
    ((30, 52, 72), (244, 238, 226), (201, 170, 110)),   # slate blue
    ((64, 30, 36), (246, 236, 224), (214, 168, 120)),   # oxblood
    ((28, 58, 46), (240, 238, 226), (196, 180, 120)),   # bottle green
    ((46, 42, 56), (242, 236, 228), (190, 170, 200)),   # aubergine
    ((36, 36, 36), (240, 236, 228), (200, 172, 110)),   # charcoal
    ((24, 48, 64), (238, 240, 236), (150, 190, 200)),   # ink
)

# The bundled family's files (styles/fonts/), then system serifs as fallbacks.
_BUNDLED_REGULAR = ("LinLibertine_R.otf",)
_BUNDLED_ITALIC = ("LinLibertine_RI.otf",)
_SYSTEM_SERIFS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/Library/Fonts/Georgia.ttf",
    "C:/Windows/Fonts/georgia.ttf",
)


@dataclass(frozen=True)
class CoverText:
    title: str
    author: str | None = None
    imprint: str | None = None  # e.g. "The New York Times · 2016"
    seed: str = ""  # picks the palette (the book's identifier)
    picture: bytes | None = None  # --cover lead-image: the article's first picture, set above the title


def _covers(path: Path, text: str) -> bool:
    """Does the font at ``path`` have a glyph for every letter of ``text``?
    (Its character map is read once and remembered across runs: `font_cache`.)"""
    ranges = font_coverage(path)
    return ranges is not None and covers(ranges, text)


def _fontconfig_match(text: str) -> Path | None:
    """Ask fontconfig for a serif (else any face) with every letter of ``text``:
    Arabic, Devanagari, Thai … which neither the bundled family nor DejaVu Serif has.
    The answer is remembered until the installed fonts change."""
    letters = sorted({ord(ch) for ch in text if not ch.isspace() and ord(ch) > 0x7F})[:64]
    pattern = "serif:charset=" + " ".join(f"{code:x}" for code in letters)
    found = remembered(f"fc-match:{pattern}", installed_fonts_stamp(), lambda: _ask_fc_match(pattern))
    path = Path(found) if found else None
    return path if path is not None and path.is_file() and _covers(path, text) else None


def _ask_fc_match(pattern: str) -> str | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        done = subprocess.run([fc_match, "--format=%{file}", pattern], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else None


@lru_cache(maxsize=32)
def _font_path(text: str, italic: bool) -> Path | None:
    bundled = _BUNDLED_ITALIC if italic else _BUNDLED_REGULAR
    candidates = [fonts_dir() / name for name in bundled] + [Path(p) for p in _SYSTEM_SERIFS]
    existing = [p for p in candidates if p.is_file()]
    for path in existing:
        if _covers(path, text):
            return path
    return _fontconfig_match(text) or (existing[0] if existing else None)


def _font(text: str, size: int, *, italic: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = _font_path(text, italic)
    if path is None:
        log.warning("no serif font found for the cover; using Pillow's built-in font")
        return ImageFont.load_default(size=size)
    return _loaded_font(path, size)


@lru_cache(maxsize=64)
def _loaded_font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    # _fit tries size after size, and a run's three texts share a face: each
    # (face, size) is parsed by FreeType once, not once per try.
    return ImageFont.truetype(str(path), size=size)


def _wrap(text: str, font, width: int) -> list[str] | None:
    """Greedy word wrap to ``width`` px; None when one word alone is too wide."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= width:
            current = candidate
            continue
        if not current or font.getlength(word) > width:
            return None
        lines.append(current)
        current = word
    if current:
        lines.append(current)
    return lines


def _fit(text: str, *, largest: int, smallest: int, max_lines: int, italic: bool = False):
    """The largest size (stepping down) at which ``text`` wraps into ``max_lines``:
    first breaking only between words, then anywhere (scripts written without
    spaces, or one very long word); cut with an ellipsis as a last resort."""
    sizes = range(largest, smallest - 1, -6)
    for wrap in (_wrap, _hard_wrap):
        for size in sizes:
            font = _font(text, size, italic=italic)
            lines = wrap(text, font, _TEXT_WIDTH)
            if lines is not None and len(lines) <= max_lines:
                return font, lines, size
    font = _font(text, smallest, italic=italic)
    lines = _hard_wrap(text, font, _TEXT_WIDTH)[:max_lines]
    lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return font, lines, smallest


def _hard_wrap(text: str, font, width: int) -> list[str]:
    """Break between any two characters (a title of one very long word, or a script without spaces)."""
    lines, current = [], ""
    for ch in text:
        if font.getlength(current + ch) > width and current:
            lines.append(current.strip())
            current = ""
        current += ch
    if current.strip():
        lines.append(current.strip())
    return lines


def _palette(seed: str):
    index = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16) % len(_PALETTES)
    return _PALETTES[index]


def draw_cover(cover: CoverText) -> Image.Image:
    ground, ink, accent = _palette(cover.seed or cover.title)
    image = Image.new("RGB", (WIDTH, HEIGHT), ground)
    draw = ImageDraw.Draw(image)
    centre = WIDTH // 2

    # A thin frame: reads as a book cover even at 100 px tall.
    inset = 70
    draw.rectangle((inset, inset, WIDTH - inset, HEIGHT - inset), outline=accent, width=4)

    title = " ".join(cover.title.split()) or "Untitled"
    top = _draw_picture(image, cover.picture) if cover.picture else None
    if top is None:
        largest, smallest, max_lines, y = 190, 84, 6, int(HEIGHT * 0.24)
    else:  # the picture fills the top; the title, smaller, sits under it
        largest, smallest, max_lines, y = 140, 72, 4, top + 110
    author = " ".join((cover.author or "").split())
    author_fit = _fit(author, largest=104, smallest=56, max_lines=3, italic=True) if author else None
    # A long title and a long byline must not run into the imprint (the Le Monde page's
    # six title lines and three authors did): step the title down until both fit above it.
    room = HEIGHT - 230 - 75 - 60 if cover.imprint else HEIGHT - 160
    author_height = len(author_fit[1]) * int(author_fit[2] * 1.25) if author_fit else 0
    while True:
        title_font, title_lines, title_size = _fit(title, largest=largest, smallest=smallest, max_lines=max_lines)
        end = y + len(title_lines) * int(title_size * 1.18) + int(title_size * 0.55) + 110 + author_height
        if end <= room or largest <= smallest:
            break
        largest = max(smallest, largest - 18)
    leading = int(title_size * 1.18)
    for line in title_lines:
        draw.text((centre, y), line, font=title_font, fill=ink, anchor="ma")
        y += leading

    y += int(title_size * 0.55)
    draw.line((centre - 120, y, centre + 120, y), fill=accent, width=5)
    y += 110

    if author_fit:
        author_font, author_lines, author_size = author_fit
        for line in author_lines:
            draw.text((centre, y), line, font=author_font, fill=ink, anchor="ma")
            y += int(author_size * 1.25)

    if cover.imprint:
        imprint = " ".join(cover.imprint.split())
        imprint_font, imprint_lines, imprint_size = _fit(imprint, largest=58, smallest=40, max_lines=2)
        bottom = HEIGHT - 230 - (len(imprint_lines) - 1) * int(imprint_size * 1.3)
        for n, line in enumerate(imprint_lines):
            draw.text((centre, bottom + n * int(imprint_size * 1.3)), line, font=imprint_font,
                      fill=accent, anchor="ma")
    return image


# The share of the cover's height the lead picture takes (--cover lead-image).
PICTURE_SHARE = 0.52


def _draw_picture(image: Image.Image, data: bytes) -> int | None:
    """Paste ``data`` (an already-cleaned article picture), cropped to fill the top
    of the cover; the y where it ends, or None when it cannot be read (the cover
    is then the generated one)."""
    from PIL import ImageOps

    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture = picture.convert("RGB")
    except (OSError, ValueError, SyntaxError):
        log.warning("the lead picture cannot be read for the cover; using the generated cover")
        return None
    box = (WIDTH, int(HEIGHT * PICTURE_SHARE))
    image.paste(ImageOps.fit(picture, box, Image.Resampling.LANCZOS, centering=(0.5, 0.4)), (0, 0))
    return box[1]


def cover_jpeg(cover: CoverText) -> bytes:
    """The cover as JPEG bytes (deterministic: fixed quality, no EXIF, baseline)."""
    image = draw_cover(cover)
    buffer = io.BytesIO()
    # Named, with no format given: Pillow then loads only its JPEG plugin, not the five
    # it preloads otherwise (BMP, GIF, PNG, PPM: ~10 ms of a one-article run).
    buffer.name = "cover.jpg"
    # Chroma at half resolution (4:2:0, libjpeg's usual): light type on a dark ground is
    # carried by luminance, and side by side at 2x no edge differs to the eye; it encodes in
    # two thirds of the time of full chroma (4:4:4) and a third smaller.
    image.save(buffer, quality=90, optimize=False, progressive=False, subsampling="4:2:0", dpi=(300, 300))
    data = buffer.getvalue()
    if not data:
        raise RenderError("the cover image could not be encoded")
    return data


def cover_jpeg_beside(cover: CoverText) -> Callable[[], bytes]:
    """`cover_jpeg` started on a thread now; the returned function waits for the bytes
    (or raises what drawing raised). Pillow lets go of the GIL while it fills the
    4-megapixel canvas and while libjpeg encodes it (about half the cover's 40 ms), so
    the EPUB's pages render meanwhile on a second core. Same bytes as `cover_jpeg`."""
    import threading

    if cover.picture is not None:  # Pillow may read the picture's EXIF on the thread
        load_exif_tags()
    outcome: list = []

    def draw() -> None:
        try:
            outcome.append((True, cover_jpeg(cover)))
        except BaseException as error:  # handed to the waiting caller, not lost on the thread
            outcome.append((False, error))

    worker = threading.Thread(target=draw, name="cover", daemon=True)
    worker.start()

    def result() -> bytes:
        worker.join()
        done, value = outcome[0]
        if not done:
            raise value
        return value

    return result
