"""Coverage-guided fuzzing (atheris/libFuzzer) of reading → sanitising → cleaning → prepare → rendering.

Not part of the test suite: pytest does not collect it (the file name does not
start with ``test_``) and atheris is not a project dependency. To run it::

    .venv/bin/pip install atheris
    mkdir -p /tmp/fuzz-corpus
    timeout 660 .venv/bin/python tests/fuzz/fuzz_cleaner.py /tmp/fuzz-corpus \\
        -max_total_time=600 -rss_limit_mb=4096 -timeout=30 -max_len=65536 \\
        -artifact_prefix=/tmp/fuzz-crash-

Seeds: put a few ``.txt``/``.html`` articles in the corpus folder first (e.g.
``cp source/* /tmp/fuzz-corpus/``). A crash is written as
``/tmp/fuzz-crash-<hash>``; replay it with
``.venv/bin/python tests/fuzz/fuzz_cleaner.py /tmp/fuzz-crash-<hash>``.

What counts as a crash: any exception other than `InputError` (which
includes `CleaningError`), a rendered section that is not well-formed XML,
a sanitiser output with a tag, attribute or URL scheme off the allow-list, and
libFuzzer's own timeouts (``-timeout``) and memory limit.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["exporter"]):
    from exporter.cleaning import clean
    from exporter.errors import InputError
    from exporter.options import ExportOptions
    from exporter.reading import decode_source
    from exporter.render import render_article, xhtml_document
    from exporter.sanitize import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, URL_SCHEMES, sanitize_html
    from exporter.transforms import prepare

from lxml import etree
from lxml import html as lxml_html

logging.disable(logging.CRITICAL)  # the cleaner's warnings are expected on garbage

_NAMES = (Path("fuzz.html"), Path("fuzz.txt"), Path("fuzz"))
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
_OPTIONS = ExportOptions()
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def check_sanitised(cleaned: str) -> None:
    """Every element and attribute of the sanitiser's output is on the allow-list (checked on
    the parsed tree: escaped text such as ``&lt;script&gt;`` is harmless and allowed)."""
    if not cleaned.strip():
        return
    for element in lxml_html.fragment_fromstring(cleaned, create_parent="div").iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag not in ALLOWED_TAGS | {"div"}:
            raise AssertionError(f"tag <{element.tag}> survived the sanitiser")
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(element.tag, set())
        for name, value in element.attrib.items():
            if name not in allowed and not name.startswith("aria-"):
                raise AssertionError(f"attribute {name}= on <{element.tag}> survived the sanitiser")
            scheme = _SCHEME.match(value) if name in ("href", "cite") else None
            if scheme and scheme.group(1).lower() not in URL_SCHEMES:
                raise AssertionError(f"URL {value[:80]!r} survived the sanitiser")


def one_input(data: bytes) -> None:
    if not data:
        return
    path = _NAMES[data[0] % len(_NAMES)]
    payload = data[1:]
    try:
        source = decode_source(payload, path=path, max_bytes=1_000_000)
    except InputError:
        return
    if source.kind == "html":
        check_sanitised(sanitize_html(source.text))
    try:
        article = clean(source)
    except InputError:
        return
    book = render_article(prepare(article, _OPTIONS), font_name="Fuzz")
    for section in book.sections:
        document = xhtml_document(section, title=book.title)
        etree.fromstring(document.encode("utf-8"), _XML)  # raises on malformed XHTML


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
