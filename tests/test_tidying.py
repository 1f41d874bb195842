"""Text tidying on the model: shouted bylines and bios, a bio's final stop, and a
publisher name glued from a logo (each a named transform or cleaner step)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from exporter.casing import is_shouted, known_casings, name_case, opening_in_case, sentence_case
from exporter.cleaning.metadata import spelled_out
from exporter.model import Bio
from exporter.options import ExportOptions
from exporter.pipeline import prepared_article
from exporter.transforms import end_bios_with_stop, unshout_bios, unshout_bylines, unshout_opening
from tests.epub_util import para, sample_article


@pytest.mark.parametrize(("shouted", "named"), [
    ("LAURIE OAKES", "Laurie Oakes"),
    ("JEAN-PAUL O'BRIEN", "Jean-Paul O'Brien"),
    ("LUDWIG VAN BEETHOVEN", "Ludwig van Beethoven"),
    ("RONALD MCDONALD", "Ronald McDonald"),
    ("HENRY VIII", "Henry VIII"),
    ("AFP", "AFP"),  # an agency's acronym is not shouting
    ("Laurie Oakes", "Laurie Oakes"),
    ("danah boyd", "danah boyd"),  # a name written in lower case on purpose stays
])
def test_name_case(shouted, named):
    assert name_case(shouted) == named


def test_sentence_case_keeps_names_acronyms_places_and_dated_months():
    shouted = "JOHN SMITH IS A BBC REPORTER IN NSW, AUSTRALIA, SINCE MAY 2010. HE MAY WRITE ABOUT MR JONES"
    assert sentence_case(shouted, names=("John Smith", "Australia"), dated_names=("May",)) == (
        "John Smith is a BBC reporter in NSW, Australia, since May 2010. He may write about Mr Jones")
    assert sentence_case("Already fine, NASA.") == "Already fine, NASA."


def test_known_casings_come_from_inside_sentences_and_never_lowercase_words():
    casings = known_casings(["The Nine Network said so. Network effects matter to ASIO and the network."])
    assert casings["nine"] == "Nine" and casings["asio"] == "ASIO"
    assert "network" not in casings  # written in lower case once: an ordinary word


def test_unshout_bylines_and_bios_on_the_model():
    article = sample_article(authors=("LAURIE OAKES",), bio="LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR",
                             publisher="Herald Sun",
                             blocks=(para("Reporters at the Nine Network and the ABC were briefed."),))
    article = article.with_meta(bios=(Bio(article.meta.bios[0].text, "LAURIE OAKES"),))
    tidy = end_bios_with_stop(unshout_bios(unshout_bylines(article)))
    assert tidy.meta.authors == ("Laurie Oakes",)
    assert tidy.meta.bios == (Bio("Laurie Oakes is the Nine Network political editor.", "Laurie Oakes"),)


def test_a_bio_ends_with_a_stop_in_its_language():
    cases = [("en", "She writes", "She writes."), ("en", "She wrote “Harbours.”", "She wrote “Harbours.”"),
             ("en", "She writes,", "She writes."), ("ja", "東京在住のライター", "東京在住のライター。"),
             ("en", "Is she?", "Is she?")]
    for language, bio, ended in cases:
        article = sample_article(language=language, bio=bio)
        assert end_bios_with_stop(article).meta.bios[0].text == ended


def test_text_not_shouted_is_left_alone():
    article = sample_article(bio="Jane Q. Writer covers the BBC.")
    assert unshout_bios(article) is article and unshout_bylines(article) is article
    assert not is_shouted("BBC") and is_shouted("WRITES FOR THE BBC")


def test_a_logo_glued_site_name_takes_the_pages_own_spelling():
    page = lxml_html.fromstring("<html><head><title>Story | Herald Sun</title></head>"
                                "<body><p>Subscribe to TechCrunch</p></body></html>")
    assert spelled_out("HeraldSun", page, "Story | Herald Sun") == "Herald Sun"
    # Brands glued in their own text stay glued; nothing is invented.
    assert spelled_out("TechCrunch", page, "Story | TechCrunch") == "TechCrunch"
    assert spelled_out("YouTube", page, None) == "YouTube"
    assert spelled_out("The Coastal Weekly", page, None) == "The Coastal Weekly"


def test_the_herald_sun_page_gets_a_quiet_bio_and_its_real_name(corpus_dir):
    article = prepared_article(corpus_dir / "readability" / "herald-sun-1" / "source.html", ExportOptions())
    assert article.meta.publisher == "Herald Sun"
    assert article.meta.authors == ("Laurie Oakes",)
    [bio] = article.meta.bios
    assert not is_shouted(bio.text)
    assert bio.text.startswith("Laurie Oakes is the ") and bio.text.endswith("political editor.")


@pytest.mark.parametrize(("text", "expected"), [
    # Tabloid and News Corp house style opens the first paragraph in capitals; the
    # book's first line is in small capitals, where they shout.
    ("A HIGH-powered federal team has been doing the rounds", "A high-powered federal team has been doing the rounds"),
    ("A TEENAGER who stole a car was caught", "A teenager who stole a car was caught"),
    ("TONY ABBOTT has said that he will stay", "Tony Abbott has said that he will stay"),  # names from the article
    ("NSW POLICE have charged a man", "NSW police have charged a man"),  # an acronym keeps its capitals
    # Kept: a lone word (a name or an acronym as often as style), a wire dateline, ordinary text.
    ("NASA has announced a new mission", "NASA has announced a new mission"),
    ("LOS ANGELES (Reuters) - South Korean thriller", "LOS ANGELES (Reuters) - South Korean thriller"),
    ("SOUTHWEST MIAMI-DADE, FLA. (WSVN) - An overnight crash", "SOUTHWEST MIAMI-DADE, FLA. (WSVN) - An overnight crash"),
    ("The council met on Tuesday", "The council met on Tuesday"),
    ("THE WHOLE PARAGRAPH IS IN CAPITALS", "THE WHOLE PARAGRAPH IS IN CAPITALS"),  # sentence_case's business
])
def test_opening_capitals_in_sentence_case(text, expected):
    assert opening_in_case(text, casings={"tony": "Tony", "abbott": "Abbott"}) == expected


def test_unshout_opening_on_the_model_reads_names_from_the_rest_of_the_article():
    article = sample_article(blocks=(para("PRIME MINISTER TONY ABBOTT has promised a review."),
                                     para("On Tuesday Tony Abbott said the Prime Minister would lead it himself.")))
    [first, second] = unshout_opening(article).blocks
    assert first.children[0].text == "Prime Minister Tony Abbott has promised a review."
    assert second == article.blocks[1]
