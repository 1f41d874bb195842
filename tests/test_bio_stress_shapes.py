"""The bio stage on text scrapes made harder in the ways benchmarks/bio_stress.py makes them
(issue 13, fifth round): the bio away from its heading at the page's end, a closing note that
stands for the byline's author by a pronoun or the first name only; and the traps of each.

Each page is written here in the shape of a whole-page scrape (one block a line, menus,
share buttons, comment forms and footers still in).
"""

from exporter.cleaning import load_rules
from exporter.cleaning.bio_rules import lexicon

from tests.test_bio import STORY_DE, STORY_EN
from tests.test_bio_text_scrapes import MENU_DE, MENU_EN, bios_of, body_of, cleaned_text

FORM_DE = ["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert.",
           "Kommentar", "Name *"]
FOOTER_DE = ["Impressum | Kontakt", "Abonnieren Sie unseren Newsletter", "Email *"]
RELATED_DE = ["Ähnliche Beiträge", "Flughafen Bremen: Neue Schule für Piloten", "Lufthansa bestellt zehn neue Maschinen",
              "Mehr laden"]


def lex():
    return lexicon(load_rules().bio)


# ------------------------------------------------------------------ a card's heading names the author, its text is elsewhere

def test_with_no_byline_a_named_card_heading_ties_the_card_text_at_the_page_end():
    # A WordPress flight blog: "Über Jonas Berger" heads the card, the comment form follows it,
    # and the theme sets the card's text at the very end, after the related posts and the footer.
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Teilen", "Über Jonas Berger", *FORM_DE,
             *RELATED_DE, *FOOTER_DE, "Jonas Berger ist Pilot und Fotograf. Er veröffentlicht regelmäßig Beiträge in Luftfahrtmagazinen."]
    result = cleaned_text(lines)
    assert [(b.author, b.text[:20]) for b in result.meta.bios] == [("Jonas Berger", "Jonas Berger ist Pil")]
    assert result.meta.authors == ("Jonas Berger",)


def test_a_comment_forms_notice_under_a_card_heading_is_no_bio():
    assert lex().promo.search(FORM_DE[1])
    assert lex().promo.search("Your email address will not be published. Required fields are marked *")
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Über Jonas Berger", *FORM_DE, *FOOTER_DE]
    assert bios_of(lines) == []


def test_trap_a_heading_naming_someone_ties_no_paragraph_of_the_story():
    # A teaser titled "Über Karl Brenner" in the related posts; the story's own paragraph that
    # opens with his name is the story, not his card (and the page has no byline).
    story = [*STORY_DE[:2],
             "Karl Brenner ist Vorstand der Stadtwerke und seit 2015 für die Fernwärme zuständig. Er verweist auf die Kosten.",
             *STORY_DE[2:]]
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *story, "Teilen", "Ähnliche Beiträge",
             "Über Karl Brenner", "Lufthansa bestellt zehn neue Maschinen", *FOOTER_DE]
    assert bios_of(lines) == []


def test_trap_two_named_card_headings_tie_no_one():
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Teilen", "Über Jonas Berger",
             "Über Lena Vogt", *FORM_DE, *RELATED_DE, *FOOTER_DE,
             "Jonas Berger ist Pilot und Fotograf. Er veröffentlicht regelmäßig Beiträge in Luftfahrtmagazinen."]
    assert bios_of(lines) == []


# ------------------------------------------------------------------ a pronoun or the first name for the byline's author

def test_a_closing_pronoun_note_that_says_a_writers_job_is_the_bylines_bio():
    for note in ("He covers City Hall. Since joining the Courier in 2015, he has covered transport and housing.",
                 "She joined the Courier's news team in 2018 and is a graduate of Leeds University."):
        lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Jane Doe", "Dec 23, 2020", *STORY_EN,
                 note, "Share this story", "Advertisement"]
        result = cleaned_text(lines)
        assert [(b.author, b.text) for b in result.meta.bios] == [("Jane Doe", note)]
        assert note[:20] not in body_of(result)


def test_a_closing_first_name_note_that_says_a_writers_job_is_the_bylines_bio():
    # (A note that says two roles, "... as a reporter", was kept already: one role and the first name is the case.)
    for byline, note in (("By Madison Weil", "Madison joined the Courier's news team in June 2018. Learn more about Madison here."),
                         ("Von Daniel Weber", "Daniel ist Redakteur im Ressort Wirtschaft. Er wohnt in Kassel.")):
        story = STORY_EN if byline.startswith("By") else STORY_DE
        lines = [*MENU_EN, "Tram line to the northern suburbs approved", byline, "Dec 23, 2020", *story, note, "Advertisement"]
        assert [text for _, text in bios_of(lines)] == [note]


def test_trap_a_storys_closing_pronoun_paragraph_about_someone_else_is_no_bio():
    # The story ends on the player or the teacher it is about: a pronoun and a role, no writer's job.
    for story, closing in ((STORY_EN, "He joined the team in 2019 from a second-division club and has been its captain since."),
                           (STORY_EN, "She is a retired teacher and has lived on the street for thirty years."),
                           (STORY_DE, "Sie ist seit 2009 Lehrerin an der Grundschule am Markt und lebt in der Altstadt.")):
        lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Jane Doe", "Dec 23, 2020", *story, closing,
                 "Share this story", "Advertisement"]
        assert bios_of(lines) == []


def test_trap_with_two_bylined_authors_a_pronoun_note_belongs_to_neither():
    note = "He covers City Hall. Since joining the Courier in 2015, he has covered transport and housing."
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Jane Doe and Tom Brown", "Dec 23, 2020",
             *STORY_EN, note, "Advertisement"]
    assert bios_of(lines) == []


# ------------------------------------------------------------------ no byline: the card's own link, inside the body's run

TEASERS_LONG_DE = [
    "Grundsteuer: Einsprüche stapeln sich in den Finanzämtern des Landes, die Bearbeitung dauert nach Angaben "
    "der Verwaltung noch viele Monate, weil Personal fehlt und die Software immer wieder ausfällt.",
    "Wohnungsmarkt: In den Großstädten steigen die Mieten weiter, während auf dem Land immer mehr Häuser leer "
    "stehen und Gemeinden nach neuen Wegen suchen, junge Familien anzulocken.",
]
CARD_DE = "Daniel Weber arbeitete viele Jahre als Redakteur bei einer großen Tageszeitung. Er schreibt hier unter Pseudonym."


def test_with_no_byline_the_link_right_under_a_card_inside_the_body_run_ties_it():
    # A short post whose scrape's densest run goes on into long teasers: the card and its
    # "mehr von ..." link are inside the run, not after it.
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", "Keine Kommentare", *STORY_DE,
             "Jetzt neu! Besuchen Sie unseren Shop!", CARD_DE, "Bild: Screenshot", "mehr von Daniel Weber auf example.de",
             *TEASERS_LONG_DE, *TEASERS_LONG_DE[::-1]]
    result = cleaned_text(lines)
    assert [(b.author, b.text) for b in result.meta.bios] == [("Daniel Weber", CARD_DE)]
    assert result.meta.authors == ("Daniel Weber",)


def test_trap_a_card_link_under_a_story_paragraph_quoting_its_person_ties_nothing():
    quoted = "Daniel Weber sagte am Dienstag, die Preise seien angemessen. Er ist Sprecher der Stadtwerke."
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, quoted, "Bild: Screenshot",
             "mehr von Daniel Weber auf example.de", *TEASERS_LONG_DE, *TEASERS_LONG_DE[::-1]]
    assert bios_of(lines) == []


def test_trap_two_card_links_naming_two_people_tie_no_one():
    other = "Lena Vogt ist Redakteurin im Ressort Wirtschaft und schreibt seit 2012 für die Zeitung."
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, CARD_DE, "mehr von Daniel Weber auf example.de",
             other, "mehr von Lena Vogt auf example.de", *TEASERS_LONG_DE, *TEASERS_LONG_DE[::-1]]
    assert bios_of(lines) == []


def test_a_comment_count_is_no_persons_name():
    # "Keine Kommentare" under a post's date is its comment count, never its byline.
    from exporter.cleaning.names import is_person_name

    assert not any(is_person_name(t) for t in ("Keine Kommentare", "3 Commentaires", "Alle Autoren"))
    assert is_person_name("Daniel Weber")


def test_trap_a_colleagues_card_sharing_the_authors_first_name_is_no_bio():
    # Under Tom Brown's byline, the closing card of Tom Reyes, another columnist of the paper.
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Tom Brown", "Dec 23, 2020", *STORY_EN,
             "Tom Reyes is a columnist for the paper and the author of two books about city politics.", "Advertisement"]
    assert bios_of(lines) == []
    # The author's own card that names him by first name and surname is still his.
    own = "Tom Brown is a columnist for the paper and the author of two books about city politics."
    lines[-2] = own
    assert bios_of(lines) == [("Tom Brown", own)]
