"""The Article model saves to JSON and loads back to an equal value."""

from __future__ import annotations

import json

import pytest

from exporter.model import (
    Article, Bio, BlockQuote, Emphasis, Figure, Heading, LineBreak, Link, ListBlock, Meta, Paragraph, Rule,
    Strong, Text,
)
from exporter.pipeline import load_article

from .conftest import SEED


def every_kind() -> Article:
    meta = Meta("Title", subtitle="Sub", authors=("A B", "C D"), published="2020-01-02",
                updated="2020-02-03", publisher="P",
                language="fr-CA", source_url="https://example.org/a", identifier="urn:uuid:x",
                description="D", bios=(Bio("A B is a writer.", "A B"), Bio("C D draws.", "C D")))
    inline = (Text("plain "), Emphasis((Text("em"),)), Strong((Link((Text("link"),), "https://e.org"),)), LineBreak())
    blocks = (Heading(2, inline), Paragraph(inline), BlockQuote((Paragraph((Text("q"),)),)),
              ListBlock(True, ((Paragraph((Text("one"),)),), (Paragraph((Text("two"),)),))),
              Figure(None, "alt", (Text("caption"),)), Rule())
    return Article(meta, blocks)


@pytest.mark.parametrize("make", [every_kind, lambda: load_article(SEED)], ids=["every-kind", "seed"])
def test_json_round_trip_is_exact(make):
    article = make()
    text = article.to_json()
    assert Article.from_json(text) == article
    assert json.loads(text)["type"] == "Article"


def test_unknown_node_types_are_refused():
    with pytest.raises(ValueError):
        Article.from_json('{"type": "Script", "code": "alert(1)"}')
