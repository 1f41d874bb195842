"""Real-shaped saved articles written by the tests: a clipped Markdown note, a
Chromium MHTML archive, a Safari webarchive, and a small PNG to put in them."""

from __future__ import annotations

import base64
import io
import plistlib
import quopri
from pathlib import Path


def png_bytes(size: tuple[int, int] = (48, 32), colour: tuple[int, int, int] = (20, 90, 160)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


# What Obsidian Web Clipper writes (its default template), with a body as a news page gives it.
CLIPPED_NOTE = """---
title: "Harbour Dredging Plan Approved After Long Debate"
source: "https://news.example.org/2024/05/harbour-dredging"
author:
  - "[[Maria Lopez]]"
published: 2024-05-02
created: 2024-06-10
description: "The council voted to deepen the harbour channel."
tags:
  - "clippings"
---

# Harbour Dredging Plan Approved After Long Debate

The town council voted on Tuesday to approve the *long-delayed* plan to deepen the harbour channel, \
ending a **two-year** dispute between fishermen and the port authority.

## What the plan includes

The work will take place over three winters, and the council said the cost would be shared:

- the port authority pays for the dredging itself;
- the town covers the new [sea wall](https://news.example.org/sea-wall) repairs;
- fishermen get compensation for lost days at sea.

> "We have waited long enough," said the harbour master, who has pushed for the plan since 2019.

![The harbour at low tide](harbour.png)

Opponents said they would appeal the decision, and that the plan does not account for the silt \
that returns after each storm season. See also [[Harbour history|the harbour's history]].

Maria Lopez is a reporter covering the coast and its towns for the Example News.
"""

FERRY_URL = "https://coast.example.com/2023/night-ferry"
FERRY_IMAGE_URL = "https://coast.example.com/img/ferry.png"
FERRY_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Night Ferry Returns to the Islands | Coast Courier</title>
<meta name="author" content="Tom Baker"><meta property="article:published_time" content="2023-11-04T08:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Night Ferry Returns to the Islands</h1>
<p>The night ferry to the outer islands will run again from December, the operator said on Friday, after a \
winter without service left residents \u2014 and their doctors \u2014 stranded on the mainland.</p>
<figure><img src="https://coast.example.com/img/ferry.png" alt="The ferry at the quay">
<figcaption>The ferry at the quay in Portmore.</figcaption></figure>
<p>The service was cut last year when the old ship failed its inspection; a chartered vessel will sail three \
nights a week until the new ferry is delivered in the spring.</p>
<p>Islanders welcomed the news but said the timetable leaves early-morning hospital appointments out of reach \
for many of the older residents.</p>
</article><footer>Copyright 2023 Coast Courier</footer></body></html>"""


def ferry_mhtml(image: bytes) -> bytes:
    """The ferry page as Chromium saves it ("Webpage, Single File"): quoted-printable HTML,
    the picture as a base64 part located by its URL, CRLF line ends."""
    html = quopri.encodestring(FERRY_PAGE.encode("utf-8")).decode("ascii")
    picture = base64.encodebytes(image).decode("ascii")
    text = f"""From: <Saved by Blink>
Snapshot-Content-Location: {FERRY_URL}
Subject: Night Ferry Returns to the Islands | Coast Courier
Date: Sat, 4 Nov 2023 10:00:00 -0000
MIME-Version: 1.0
Content-Type: multipart/related;
\ttype="text/html";
\tboundary="----MultipartBoundary--Gx1Ferry----"

------MultipartBoundary--Gx1Ferry----
Content-Type: text/html
Content-ID: <frame-7F3A@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: {FERRY_URL}

{html}
------MultipartBoundary--Gx1Ferry----
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Location: {FERRY_IMAGE_URL}

{picture}
------MultipartBoundary--Gx1Ferry------
"""
    return text.replace("\n", "\r\n").encode("ascii")


def ferry_webarchive(image: bytes) -> bytes:
    """The ferry page as Safari saves it (File ▸ Save As ▸ Web Archive): a binary plist."""
    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": FERRY_PAGE.encode("utf-8"), "WebResourceMIMEType": "text/html",
                            "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": FERRY_URL,
                            "WebResourceFrameName": ""},
        "WebSubresources": [{"WebResourceData": image, "WebResourceMIMEType": "image/png",
                             "WebResourceURL": FERRY_IMAGE_URL}],
    }, fmt=plistlib.FMT_BINARY)


def write_note(folder: Path, image: bytes, name: str = "Harbour dredging.md") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "harbour.png").write_bytes(image)
    note = folder / name
    note.write_text(CLIPPED_NOTE, "utf-8")
    return note
