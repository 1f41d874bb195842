"""The article's language: the page's own tag, unless the text plainly speaks another
(`language.contradicted_language`). Invented pages."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean
from exporter.cleaning.language import contradicted_language
from exporter.reading import decode_source

GERMAN = ("Die Stadt hat am Dienstag beschlossen, den Hafen noch vor dem Winter auszubaggern. "
          "Der Rat und die Fischer sind sich einig, dass die Fahrrinne für die Boote zu flach ist, "
          "und auch die Lotsen warnen seit Jahren vor der Gefahr. Das Geld dafür kommt von dem Land, "
          "das sich mit einem Drittel an den Kosten beteiligt. ")
ENGLISH = ("The council decided on Tuesday that the harbour would be dredged before the winter. "
           "The board and the fishermen agree that the channel is too shallow for the boats, and "
           "the pilots have warned of the danger for years. The money comes from the state, which "
           "pays a third of the cost and has asked for a report by the end of the year. ")


def _paragraphs(text: str, count: int) -> list[str]:
    """``count`` different paragraphs of ``text``'s sentences (a page repeats none)."""
    sentences = [x.strip() + "." for x in text.split(". ") if x.strip(" .")]
    return [" ".join(sentences[i:] + sentences[:i]) + f" ({i + 1})" for i in range(count)]


def _language(tag: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (f'<html lang="{tag}"><head><title>Hafen | Der Bote</title></head><body><article>'
            f"<h1>Der Hafen wird ausgebaggert</h1>{body}</article></body></html>")
    return clean(decode_source(page.encode(), kind="html")).meta.language


def test_a_theme_tagged_english_page_in_german_is_a_german_book():
    # WordPress themes ship lang="en-US" whatever the posts' language.
    assert _language("en-US", _paragraphs(GERMAN, 4)) == "de"


def test_an_english_piece_on_a_german_portal_is_an_english_book():
    assert _language("de", _paragraphs(ENGLISH, 4)) == "en"


@pytest.mark.parametrize(("tag", "paragraphs"), [
    ("de", _paragraphs(GERMAN, 3) + [ENGLISH]),  # a German story quoting an English statement at length
    ("en", [GERMAN[:120]]),  # too little text to overrule the page
    ("ja", _paragraphs(ENGLISH, 4)),  # a tag the stop-word guess cannot judge is kept
])
def test_the_pages_tag_stands_unless_plainly_contradicted(tag, paragraphs):
    assert _language(tag, paragraphs) == tag


def test_contradicted_language_needs_a_clear_margin():
    assert contradicted_language("en", GERMAN * 3) == "de"
    assert contradicted_language("de-DE", GERMAN * 3) is None
    assert contradicted_language("en", GERMAN * 3 + ENGLISH * 2) is None
