"""The bio stage on a whole-page text scrape that glues an author box onto one line (issue 13,
sixth round): a scrape ends a line only at a block element, so a box whose label, name link,
text, "more articles by" link and share buttons are inline in one block is one line.

Each page is written here in the shape of such a scrape; the traps (a news sentence glued to a
photo credit, a promo glued to share and tag words, a prose box that reads on) are pages too.
"""

from exporter.cleaning import load_rules
from exporter.cleaning.bio_glued import unglued
from exporter.cleaning.bio_rules import lexicon
from exporter.cleaning.text_lines import Line

from tests.test_bio import STORY_DE, STORY_EN
from tests.test_bio_text_scrapes import MENU_DE, MENU_EN, bios_of, body_of, cleaned_text

FOOTER_EN = ["Privacy policy | Contact", "© 2022 The Courier"]
FOOTER_DE = ["Impressum | Kontakt", "© 2022 Kasseler Bote"]


def pieces(text: str, authors: tuple[str, ...] = ()) -> list[str]:
    lines, _ = unglued((Line(text),), (0, 0), authors, lexicon(load_rules().bio))
    return [line.text for line in lines]


def test_a_german_author_box_glued_into_one_line_after_the_article_gives_its_text_alone():
    bio = "Jonas Berger ist Redakteur im Ressort Wirtschaft und schreibt seit 2015 über Energie und Verkehr."
    lines = [*MENU_DE, "Fernwärme wird teurer", "Von Jonas Berger", "12. Oktober 2022", *STORY_DE,
             f"Über den Autor Jonas Berger {bio} Alle Artikel von Jonas Berger Teilen Twittern", *FOOTER_DE]
    assert bios_of(lines) == [("Jonas Berger", bio)]
    # and the box, furniture and all, is not printed again at the body's end
    body = body_of(cleaned_text(lines))
    assert "Alle Artikel von" not in body and "Redakteur im Ressort" not in body


def test_trap_a_news_sentence_glued_to_a_photo_credit_mid_story_is_no_bio_beside_the_glued_box():
    # The story's paragraph opens with a person, a bio verb and a job; glued to the picture's
    # credit it is still the story, while the box glued after the article is the author's.
    bio = "Jonas Berger ist Redakteur im Ressort Wirtschaft und schreibt seit 2015 über Energie und Verkehr."
    caption = "Foto: dpa Maria Lehmann ist Krankenpflegerin und Autorin in Kassel und wartet seit Monaten auf einen Termin."
    lines = [*MENU_DE, "Fernwärme wird teurer", "Von Jonas Berger", "12. Oktober 2022", *STORY_DE[:2], caption,
             *STORY_DE[2:], f"Teilen Twittern E-Mail {bio} Alle Artikel von Jonas Berger", *FOOTER_DE]
    result = cleaned_text(lines)
    assert [(b.author, b.text) for b in result.meta.bios] == [("Jonas Berger", bio)]
    assert "Maria Lehmann ist" in body_of(result)


def test_an_english_box_glued_to_share_words_and_its_link_gives_its_text_alone_and_a_glued_promo_none():
    bio = "Jane Doe is a reporter at the Courier covering city hall and the county courts."
    promo = "Share Tweet Email Get our free morning newsletter, delivered to your inbox. Sign up now Tags: transport"
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Jane Doe", "Dec 23, 2020", *STORY_EN,
             promo, f"March 12, 2021 Share Tweet Email {bio} More articles by Jane Doe Tags: transport, city hall",
             *FOOTER_EN]
    assert bios_of(lines) == [("Jane Doe", bio)]


def test_two_authors_bios_glued_into_one_box_are_each_authors():
    first = "Lars Berg ist Chemiker und Redakteur bei der Wissenschaftsredaktion."
    second = "Alina Vogt leitet die Redaktion des Magazins."
    lines = [*MENU_DE, "Neue Variante des Virus entdeckt", "Von Lars Berg und Alina Vogt", "12. Oktober 2022", *STORY_DE,
             f"Diesen Artikel empfehlen: Lars Berg {first} @larsberg folgen {second} @alinavogt folgen", *FOOTER_DE]
    result = cleaned_text(lines)
    assert [(b.author, b.text) for b in result.meta.bios] == [("Lars Berg", f"{first} @larsberg folgen"),
                                                               ("Alina Vogt", second)]


def test_a_glued_box_is_read_from_its_heading_and_name_link_to_its_last_sentence():
    bio = "Owen R. Gallagher has covered economics since 2012 and joined the paper in 2007."
    assert pieces(f"Share Tweet Email {bio} @owen Tags: economy", ("Owen R. Gallagher",)) == [bio]
    assert pieces(f"About the author Owen R. Gallagher {bio} More by Owen R. Gallagher", ("Owen R. Gallagher",)) == [
        "About the author", "Owen R. Gallagher", bio]
    # With no byline, another person's name opens no box (nor does a speaker's label over the first person).
    # (The tag list the tail rules know is left out of any line; the share words before the name stay.)
    assert pieces(f"Share Tweet Email {bio} @owen Tags: economy") == [f"Share Tweet Email {bio} @owen"]
    answer = "Bartsch: Ich bin gerne bereit, über andere Punkte nachzudenken, sagt der Fraktionschef."
    assert pieces(answer, ("Jana Berg",)) == [answer]


def test_a_story_sentence_before_the_authors_name_is_prose_not_a_glued_label():
    # A paragraph that names the byline's author after a sentence of its own is the story (or a
    # note in it), read as one text; furniture before a glued box is no sentence.
    text = "Der Bürgermeister dankte dem Rat für die Zusammenarbeit. Jana Berg ist seit 2015 im Rat und leitet den Ausschuss."
    assert pieces(text, ("Jana Berg",)) == [text]
    text = "In a statement on Monday, Jane Doe is expected to announce that she will leave the council."
    assert pieces(text, ("Jane Doe",)) == [text]  # (a sentence under way: a comma, words in lower case)
    assert pieces("Teilen Twittern Jana Berg ist seit 2015 Redakteurin im Ressort Politik.", ("Jana Berg",)) == [
        "Jana Berg ist seit 2015 Redakteurin im Ressort Politik."]


def test_a_glued_bios_last_sentence_without_its_full_stop_is_not_cut_as_furniture():
    bio = "Jana Berg ist Redakteurin. Sie schreibt seit 2010 über Politik, Wirtschaft und Kultur in der Region"
    assert pieces(f"Teilen Twittern {bio}", ("Jana Berg",)) == [bio]
    assert pieces(f"Teilen Twittern {bio}. Alle Artikel von Jana Berg", ("Jana Berg",)) == [f"{bio}."]
