"""Real-shaped saved pages with pictures, written into a test's tmp_path.

- `singlefile_page`: what SingleFile/monolith write: one HTML file, every picture
  inlined as a ``data:`` URI (a photo carrying GPS EXIF, a line-art chart, an
  icon inside a sentence), figures with captions and credits, a table, code.
- `saved_complete_page`: what a browser's "Save Page As, complete" writes:
  ``story.html`` and ``story_files/`` beside it, with what news sites do to
  pictures: a lazy-loading placeholder with ``data-src``, ``srcset`` with a
  remote candidate, ``<picture><source srcset>`` (WebP), a ``<noscript>``
  fallback, and a 4000×3000 photograph.
Pictures are drawn with Pillow (noise and gradients, so JPEG is the right
encoding for the photos and PNG for the chart).
"""

from __future__ import annotations

import base64
import io
import random
import struct
import zlib
from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

PROSE = ("The harbour wakes before the town does, and the boats go out on a tide that nobody in the "
         "market seems to notice until the first crates of fish are carried up the steps. ")


def photo(width: int, height: int, seed: int = 1) -> Image.Image:
    """A photograph-like picture: a gradient with noise (thousands of colours)."""
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    image = Image.blend(image, noise, 0.35)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        r = rng.randrange(10, max(11, width // 6))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(rng.randrange(255), rng.randrange(255), 90))
    return image


def chart(width: int = 600, height: int = 360) -> Image.Image:
    """Line art: a bar chart in three flat colours."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    for n, value in enumerate((120, 220, 180, 300, 90)):
        draw.rectangle((40 + n * 110, height - 30 - value, 120 + n * 110, height - 30), fill=(30, 80, 160))
    draw.line((30, height - 30, width - 20, height - 30), fill="black", width=3)
    return image


def encoded(image: Image.Image, fmt: str, **save_args) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **save_args)
    return out.getvalue()


def jpeg_with_gps(width: int = 900, height: int = 600, *, orientation: int | None = None) -> bytes:
    """A JPEG carrying a GPS position and a camera serial number in its EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "ExampleCam"
    exif[ExifTags.Base.BodySerialNumber] = "SN-123456789"
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 36.0)
    return encoded(photo(width, height, seed=7), "JPEG", quality=90, exif=exif.tobytes())


def data_uri(data: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"


# A 1×1 transparent GIF: the placeholder lazy-loading sites put in src.
PLACEHOLDER_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


def bomb_png(width: int = 40_000, height: int = 40_000) -> bytes:
    """A PNG that claims 1.6 gigapixels in a few hundred bytes (a decompression bomb)."""
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    row = b"\x00" + b"\x00" * width  # one greyscale row, repeated: compresses to almost nothing
    stream = zlib.compressobj(9)
    body = b"".join(stream.compress(row) for _ in range(64)) + stream.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def _document(title: str, body: str, head: str = "") -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}'
            f'</head><body><header class="site"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
            f'<main><article><h1>{title}</h1>{body}</article></main>'
            f'<footer class="site">© Example Daily</footer></body></html>\n')


def _paragraphs(n: int, extra: str = "") -> str:
    return "".join(f"<p>{PROSE * 3}{extra if i == 0 else ''}</p>" for i in range(n))


def singlefile_page(folder: Path) -> Path:
    gps_photo = data_uri(jpeg_with_gps(), "image/jpeg")
    chart_png = data_uri(encoded(chart(), "PNG"), "image/png")
    flag = Image.new("RGB", (16, 16), (200, 30, 30))
    ImageDraw.Draw(flag).rectangle((0, 0, 3, 15), fill=(40, 40, 40))  # two colours: a flat box is a placeholder
    icon = data_uri(encoded(flag, "PNG"), "image/png")
    body = (
        _paragraphs(2)
        + f'<figure><img src="{gps_photo}" alt="Fishing boats leaving the harbour at dawn">'
          '<figcaption>Boats leave at first light. <span class="credit">Photo: Ana Lima</span></figcaption></figure>'
        + _paragraphs(1, f' The root of the object, <code>rekt</code>, contains 300 lists; the flag '
                         f'<img src="{icon}" alt="red flag" width="16" height="16"> marks the oldest.')
        + f'<figure><img src="{chart_png}" alt="Bar chart of the catch by month">'
          '<figcaption>The catch by month, in tonnes.</figcaption></figure>'
        + '<table><caption>Catch by boat</caption><thead><tr><th>Boat</th><th align="right">Tonnes</th></tr>'
          '</thead><tbody><tr><td>Maria</td><td align="right">12.5</td></tr>'
          '<tr><td>Esperança</td><td align="right">9.0</td></tr></tbody></table>'
        + '<pre><code>def tide(hour):\n    return "high" if hour % 12 &lt; 6 else "low"\n</code></pre>'
        + _paragraphs(2)
    )
    path = folder / "harbour-singlefile.html"
    path.write_text("<!--\n Page saved with SingleFile \n url: https://example.org/harbour\n-->\n"
                    + _document("The harbour at dawn", body), encoding="utf-8")
    return path


def saved_complete_page(folder: Path) -> Path:
    files = folder / "story_files"
    files.mkdir(parents=True, exist_ok=True)
    (files / "lazy.jpg").write_bytes(encoded(photo(800, 533, seed=2), "JPEG", quality=88))
    (files / "small.jpg").write_bytes(encoded(photo(400, 300, seed=3), "JPEG", quality=88))
    (files / "large.jpg").write_bytes(encoded(photo(1200, 900, seed=3), "JPEG", quality=88))
    (files / "pic.webp").write_bytes(encoded(photo(1000, 700, seed=4), "WEBP", quality=80))
    (files / "pic.jpg").write_bytes(encoded(photo(500, 350, seed=4), "JPEG", quality=80))
    (files / "fallback.png").write_bytes(encoded(chart(500, 300), "PNG"))
    (files / "huge.jpg").write_bytes(encoded(photo(4000, 3000, seed=5), "JPEG", quality=85))
    body = (
        _paragraphs(2)
        + f'<figure><img class="lazyload" src="{PLACEHOLDER_GIF}" data-src="story_files/lazy.jpg" '
          'alt="Nets drying on the quay"><figcaption>Nets drying on the quay.</figcaption></figure>'
        + _paragraphs(1)
        + '<figure><img src="story_files/small.jpg" srcset="story_files/small.jpg 400w, '
          'story_files/large.jpg 1200w, https://cdn.example.com/huge-3000.jpg 3000w" sizes="100vw" '
          'alt="The fish market"><figcaption>The market at seven. <span class="credit">Reuters</span>'
          '</figcaption></figure>'
        + _paragraphs(1)
        + '<figure><picture><source type="image/webp" srcset="story_files/pic.webp 1000w">'
          '<img src="story_files/pic.jpg" alt="A gull on a mooring post"></picture>'
          '<figcaption>A gull keeps watch.</figcaption></figure>'
        + _paragraphs(1)
        + f'<figure><img class="js-lazy" src="{PLACEHOLDER_GIF}" alt="Chart of boats by year">'
          '<noscript><img src="story_files/fallback.png" alt="Chart of boats by year"></noscript>'
          '<figcaption>Boats registered each year.</figcaption></figure>'
        + _paragraphs(1)
        + '<figure><img src="story_files/huge.jpg" alt="The whole bay from the lighthouse">'
          '<figcaption>The bay from the lighthouse.</figcaption></figure>'
        + _paragraphs(2)
    )
    path = folder / "story.html"
    path.write_text(_document("Nets, gulls and the market", body), encoding="utf-8")
    return path
