"""The bio stage on scrapes with no byline whose body's run of prose goes on past the author's card
(the next story of an endless-scroll page, readers' comments without their stamps), and the traps
of that shape: a portrait of the story's own subject set in the story, a list of portraits, a
reader's reply opening with a salutation (issue 13).

Each page is written here in the shape of a whole-page scrape; every name and sentence is invented.
"""

from tests.test_bio import STORY_DE, STORY_EN
from tests.test_bio_text_scrapes import MENU_DE, MENU_EN, cleaned_text

HEADLINE_DE = "Fernwärme wird im Januar deutlich teurer"
HEADLINE_EN = "Tram line to the northern suburbs approved"
CARD_DE = ["Mara Lindqvist", "Mara Lindqvist ist Redakteurin im Ressort Wirtschaft und schreibt seit 2019 "
           "über Energiepolitik und die Stadtwerke."]
CARD_EN = ["Owen Marsh", "Owen Marsh is a reporter on the city desk and has covered transport and planning "
           "for the paper since 2016."]
# The next story's paragraphs, run on after the card with no headline of its own between.
NEXT_DE = [
    "Im Hafen haben am Montag die Arbeiten an der neuen Kaimauer begonnen, die nach Angaben der Hafenbehörde "
    "bis zum Herbst des kommenden Jahres fertig sein soll und rund achtzig Millionen Euro kostet.",
    "Die alte Mauer aus den Fünfzigerjahren war bei der Sturmflut im vergangenen Winter an mehreren Stellen "
    "unterspült worden; seither dürfen dort nur noch kleinere Schiffe anlegen.",
    "Während der Bauzeit werden die Fähren zum gegenüberliegenden Ufer an den Nordkai verlegt, was für viele "
    "Pendler einen Umweg von etwa zehn Minuten bedeutet, wie die Verkehrsbetriebe mitteilten.",
    "Anwohner hatten gegen den Baulärm protestiert; die Behörde sagte zu, nachts und an Sonntagen nicht zu "
    "rammen und die Arbeiten an den Wochenenden auf das Nötigste zu beschränken.",
]
NEXT_EN = [
    "Work on the new harbour wall began on Monday and is due to finish next autumn, the port authority said, "
    "at a cost of about eighty million pounds to be shared with the county.",
    "The old wall, built in the 1950s, was undermined in several places by last winter's storm surge, and only "
    "smaller ships have been allowed to berth there since.",
    "During the works the ferries to the far bank will leave from the north quay, which the transport company "
    "said would add a detour of about ten minutes for many commuters.",
    "Residents had protested against the noise; the authority promised not to drive piles at night or on "
    "Sundays and to keep weekend work to what is strictly needed.",
]
FOOTER_DE = ["Impressum | Kontakt", "© 2024 Stadtanzeiger"]
FOOTER_EN = ["Contact | Imprint", "© 2024 The Harbour Courier"]


def test_a_card_the_bodys_run_goes_on_past_is_the_bio_with_no_byline():
    result = cleaned_text([*MENU_DE, HEADLINE_DE, *STORY_DE, *CARD_DE, *NEXT_DE, *FOOTER_DE])
    assert [(b.author, b.text) for b in result.meta.bios] == [("Mara Lindqvist", CARD_DE[1])]
    assert result.meta.authors == ("Mara Lindqvist",)


def test_an_english_card_before_readers_comments_without_stamps_is_the_bio():
    result = cleaned_text([*MENU_EN, HEADLINE_EN, *STORY_EN, *CARD_EN, *NEXT_EN, *FOOTER_EN])
    assert [(b.author, b.text) for b in result.meta.bios] == [("Owen Marsh", CARD_EN[1])]


PORTRAIT_DE = ["Anna Kovac", "Anna Kovac ist Schriftstellerin und schreibt seit 2015 eine Kolumne für den Abendstern."]
PORTRAIT_EN = ["Anna Kovac", "Anna Kovac is a novelist and has written a column for the Evening Star since 2015."]


def test_trap_a_portrait_of_the_storys_subject_named_again_further_on_is_no_bio():
    # An interview's portrait of a novelist set in the story, the story naming her again by her surname.
    again = "Kovac sagt, an dem neuen Buch habe sie sechs Jahre gearbeitet, mit drei Verlagen und zwei Lektoren."
    lines = [*MENU_DE, HEADLINE_DE, *STORY_DE[:2], *PORTRAIT_DE, *STORY_DE[2:3], again, *STORY_DE[3:], *FOOTER_DE]
    assert cleaned_text(lines).meta.bios == ()
    again = "Kovac says the new book took her six years, three publishers and two editors to finish."
    lines = [*MENU_EN, HEADLINE_EN, *STORY_EN[:2], *PORTRAIT_EN, *STORY_EN[2:3], again, *STORY_EN[3:], *FOOTER_EN]
    assert cleaned_text(lines).meta.bios == ()


def test_trap_a_list_of_two_portraits_in_the_run_is_no_bio():
    second = ["Ben Ortmann", "Ben Ortmann ist Redakteur und berichtet seit zehn Jahren für den Abendstern über den Stadtrat."]
    lines = [*MENU_DE, HEADLINE_DE, *STORY_DE[:2], *PORTRAIT_DE, *second, *STORY_DE[2:], *NEXT_DE, *FOOTER_DE]
    assert cleaned_text(lines).meta.bios == ()


def test_trap_a_readers_reply_opening_with_a_salutation_is_no_card():
    # A reply under the comments' stamps: "Hallo Herr Berger," reads as a name line over prose.
    reply = ["Hallo Herr Berger,", "das sehen wir anders, schreibt die Redaktion: die Preise steigen für alle "
             "Kunden gleich, und die Stadtwerke haben das auch so mitgeteilt."]
    lines = [*MENU_DE, HEADLINE_DE, *STORY_DE, *reply, *NEXT_DE, *FOOTER_DE]
    assert cleaned_text(lines).meta.bios == ()


def test_trap_a_writers_portrait_closing_the_story_whose_subject_the_story_names_again_is_no_bio():
    # No name line over it: the portrait is a paragraph in the story's closing part, where an
    # author's card also stands; the story naming her again by the surname says she is its subject.
    portrait = "Anna Kovac ist Schriftstellerin und schreibt seit 2015 eine Kolumne für den Abendstern."
    again = "Kovac sagt, an dem neuen Buch habe sie sechs Jahre gearbeitet, mit drei Verlagen und zwei Lektoren."
    for lines in ([*MENU_DE, HEADLINE_DE, *STORY_DE[:3], portrait, again, *STORY_DE[3:], *FOOTER_DE],
                  [*MENU_DE, HEADLINE_DE, *STORY_DE[:3], again, *STORY_DE[3:], portrait, *FOOTER_DE]):
        assert cleaned_text(lines).meta.bios == ()
