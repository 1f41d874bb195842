"""The bio stage on whole-page text scrapes whose byline the byline steps do not find, and on
scrapes whose bio is a lone line far from the body (a WordPress widget set at the page's very
end, after the footer), with the traps of each (issue 13).

Each page is written here in the shape of a whole-page scrape (one block a line, menus, share
buttons, comment forms and footers still in); every name and sentence is invented.
"""

from tests.test_bio import STORY_DE, STORY_EN
from tests.test_bio_text_scrapes import MENU_DE, cleaned_text

FOOTER_DE = ["Impressum | Kontakt", "Abonnieren Sie unseren Newsletter", "Email *"]
JOB_AD_DE = [
    "Wir suchen zum ersten März eine Redakteurin oder einen Redakteur für unser Büro in der Innenstadt, "
    "zunächst befristet auf zwei Jahre und in Teilzeit mit zwanzig Stunden in der Woche.",
    "Sie betreuen unsere Projekte mit Schulen und Jugendzentren, planen Workshops und schreiben Berichte "
    "für unsere Förderer, gemeinsam mit einem kleinen Team aus drei Kolleginnen.",
    "Bewerbungen mit Anschreiben und Lebenslauf bitte bis Ende Januar an unser Büro senden, gern auch "
    "per E-Mail an die Adresse unten auf dieser Seite.",
]


# ------------------------------------------------------------------ what the byline steps must not take for a name

def test_a_title_case_subheading_with_a_possessive_under_the_headline_is_no_byline():
    # A job ad on an agency's blog: "Ihre Aufgaben" ("your tasks") heading the ad's list among the
    # body's first lines is two capitalised words, read as a byline when the page has none; the card
    # of the agency's director under "Über den Autor" then named "someone else" and was refused.
    lines = [*MENU_DE, "Redakteurin in Kassel gesucht", *JOB_AD_DE[:2], "Ihre Aufgaben",
             "Workshops mit Schulklassen planen", "Berichte für Förderer schreiben", *JOB_AD_DE[2:], "Teilen",
             "Über den Autor",
             "Paul Brandt ist seit 2014 Geschäftsführer der Agentur Lernwerk und leitet dort die Medienprojekte "
             "für Schulen in Nordhessen.", *FOOTER_DE]
    result = cleaned_text(lines)
    assert "Ihre Aufgaben" not in result.meta.authors
    assert [(b.author, b.text[:22]) for b in result.meta.bios] == [("Paul Brandt", "Paul Brandt ist seit 2")]


# ------------------------------------------------------------------ the header names the author the byline steps missed

MENU_EN = ["Harbour Review ON LAW AND CITIES", "ABOUT", "AUTHORS", "DEBATES", "EVENTS", "IMPRINT"]
# A blog theme's header: headline, name, date, the profile link, then the related posts above the
# body (the longest teaser, a question, is read for the headline, so the name is no byline).
TEASERS_EN = ["Related Posts", "The ring road inquiry: what the minutes say about the council's vote",
              "The harbour in the town hall: what would the residents have voted for in the referendum on the bridge?",
              "Ferries against bridges: a short history of the harbour crossing"]
COMMENTS_EN = ["3 Comments", "Citizen, Thu 1 Aug 2019 / 01:15 Reply", "The trams were promised in 1998 already.",
               "WRITE A COMMENT", "Name *", "Email *"]
FOOTER_EN = ["Harbour Review is a forum of debate on the law and politics of cities in Europe and beyond, published "
             "since 2009.", "ABOUT", "AUTHORS", "IMPRINT", "NEWSLETTER", "FOLLOW US"]
WIDGET_EN = "Jonas Whitfield is a legal journalist and the founder and chief editor of the Harbour Review."


def header_page(names: list[str], widget: str) -> list[str]:
    header = ["COLUMN", "Ten Years of Tram Politics", names[0], "Sat 13 Jul 2019", "WEBSITE", "SHOW ALL ARTICLES OF",
              *names]
    return [*MENU_EN, *header, *TEASERS_EN, *STORY_EN, *COMMENTS_EN, *FOOTER_EN, widget]


def test_a_widget_at_the_page_end_opening_with_the_name_the_header_sets_alone_is_the_bio():
    result = cleaned_text(header_page(["Jonas Whitfield"], WIDGET_EN))
    assert [(b.author, b.text) for b in result.meta.bios] == [("Jonas Whitfield", WIDGET_EN)]
    assert result.meta.authors == ("Jonas Whitfield",)


def test_trap_a_widget_at_the_page_end_about_someone_the_header_does_not_name_is_no_bio():
    other = "Tom Reyes is a columnist for the paper and the author of two books about city politics."
    assert cleaned_text(header_page(["Jonas Whitfield"], other)).meta.bios == ()


def test_trap_with_two_people_named_alone_in_the_header_a_card_of_one_is_no_bio():
    # "SHOW ALL ARTICLES OF" / "Jonas Whitfield" / "Anna Kerr": a list of the site's writers, not a byline.
    assert cleaned_text(header_page(["Jonas Whitfield", "Anna Kerr"], WIDGET_EN)).meta.bios == ()


def test_trap_a_readers_comment_opening_with_the_name_the_header_sets_alone_is_no_bio():
    comment = "Jonas Whitfield is a legal journalist who has never ridden a tram in his life, and it shows in every line."
    lines = header_page(["Jonas Whitfield"], "FOLLOW US ON MASTODON")
    at = lines.index(COMMENTS_EN[2]) + 1
    assert cleaned_text([*lines[:at], "Martha, Thu 1 Aug 2019 / 02:15 Reply", comment, *lines[at:]]).meta.bios == ()


# ------------------------------------------------------------------ a card under the byline's name line that names someone else

def test_trap_another_writers_card_under_a_closing_credit_is_not_the_bylines_bio():
    # A wire story's closing credit names the byline's author; the theme's widget after it, at the
    # page's very end, is another columnist's card: it opens with his full name, not hers.
    other = "Tom Reyes is a columnist for the paper and the author of two books about city politics."
    lines = ["Home", "World", "Science", "Tram line to the northern suburbs approved", "By Jane Doe", "Dec 23, 2020",
             *STORY_EN, "Reporting by Jane Doe; Editing by Mark Hill", other]
    result = cleaned_text(lines)
    assert result.meta.authors == ("Jane Doe",)
    assert result.meta.bios == ()


def test_trap_an_interviews_opening_under_the_byline_describing_the_interviewee_is_no_bio():
    # An interview's header sets the interviewer's name alone on a line, then a photo credit; the
    # first paragraph describes the interviewee after a role word ("Die Bloggerin Mara Olsen ist ..."),
    # so it opens with no name and was tied to the name line above it.
    opening = ("Die Bloggerin Mara Olsen ist ein alter Hase im Internet. Sie betreibt seit neun Jahren ihren "
               "Blog über Reisen und ist auch auf Instagram aktiv.")
    lines = [*MENU_DE, "Mara Olsen im Interview", "Der Fall Mara Olsen: Müssen wir jedes Bild kennzeichnen?",
             "Lisa Brandner", "Foto: Mara Olsen.", opening, *STORY_DE, "Teilen", *FOOTER_DE]
    result = cleaned_text(lines)
    assert result.meta.authors == ("Lisa Brandner",)
    assert result.meta.bios == ()


def test_a_byline_naming_the_piece_before_its_writer_gives_the_writers_name():
    # A fashion magazine's header: "Artikel von Jana Berg" under the headline (and its translations);
    # the words naming the piece were kept in the author's name, so no card naming "Jana Berg" tied.
    card = "Jana Berg ist Redakteurin im Ressort Mode und schreibt seit 2015 über Trends und Handwerk."
    for byline in ("Artikel von Jana Berg", "Ein Beitrag von Jana Berg"):
        lines = [*MENU_DE, "Fernwärme wird teurer", byline, "19. Juni 2019", *STORY_DE, "Teilen", "Über die Autorin", card,
                 *FOOTER_DE]
        result = cleaned_text(lines)
        assert result.meta.authors == ("Jana Berg",)
        assert [(b.author, b.text) for b in result.meta.bios] == [("Jana Berg", card)]


# ------------------------------------------------------------------ a widget scraped before the headline

def test_a_card_text_scraped_right_above_the_headline_is_outside_the_body():
    # A WordPress theme sets the author widget's text in a sidebar the scrape reads before the
    # article; the densest run of prose starts at it, one line above the headline. Its heading
    # ("Über Jonas Berger") stands after the post, and the page has no byline.
    card = "Jonas Berger ist Pilot und Fotograf. Er veröffentlicht regelmäßig Beiträge in Luftfahrtmagazinen."
    lines = [*MENU_DE, card, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE,
             "Teilen", "Über Jonas Berger", *FOOTER_DE]
    result = cleaned_text(lines)
    assert [(b.author, b.text) for b in result.meta.bios] == [("Jonas Berger", card)]
    assert card[:20] not in " ".join(b.text for b in result.blocks if hasattr(b, "text"))


def test_trap_a_story_paragraph_under_the_headline_opening_with_the_named_person_is_no_card():
    # The heading names a person the story is about; the paragraph opening with his name is under
    # the headline (the body), not above it.
    para = "Karl Brenner ist Vorstand der Stadtwerke und seit 2015 für die Fernwärme zuständig, sagte ein Sprecher."
    lines = [*MENU_DE, "Fernwärme wird teurer", para, *STORY_DE, "Teilen", "Über Karl Brenner", *FOOTER_DE]
    assert cleaned_text(lines).meta.bios == ()


# ------------------------------------------------------------------ a column's credit after the footer

FOOTER_COURIER = ["About us | Contact | Advertise", "Get our free morning newsletter", "Email address",
                  "© 2020 The Courier. All rights reserved."]


def courier_page(end_line: str) -> list[str]:
    return ["Home", "News", "Columns", "Ask Martha: My neighbour parks in front of my garage every night",
            "By Martha Quill", "Dec 23, 2020", *STORY_EN, "Share this story", "3 Comments", "Great advice as always.", "Leave a Reply", "Related Articles",
            "Ask Martha: My sister wants my wedding dress", *FOOTER_COURIER, end_line]


def test_a_columns_credit_after_the_footer_naming_the_byline_is_the_bio():
    # A syndicated advice column: the theme sets the column's credit at the page's very end, past
    # the footer; it names the byline's author inside its first sentence, not as its opening.
    credit = ("Ask Martha is written by Martha Quill, a family counsellor who has answered readers' letters "
              "since 1998. Write to her at the Courier.")
    result = cleaned_text(courier_page(credit))
    assert [(b.author, b.text) for b in result.meta.bios] == [("Martha Quill", credit)]


def test_trap_another_columns_credit_after_the_footer_is_no_bio():
    credit = ("Dear Tom is written by Tom Reyes, a retired judge who has answered readers' letters since 1998. "
              "Write to him at the Courier.")
    assert cleaned_text(courier_page(credit)).meta.bios == ()


def test_trap_a_copyright_line_after_the_footer_naming_the_byline_is_no_bio():
    line = "All columns © 2020 Martha Quill and the Courier, reprinted with permission of the syndicate."
    assert cleaned_text(courier_page(line)).meta.bios == ()


def test_trap_another_columns_credit_closing_the_body_is_not_the_bylines_bio():
    # The page's closing line credits another column's writer (a syndicate's line under the story):
    # the credit names someone other than the byline, so it is not Martha Quill's bio.
    credit = ("Dear Tom is written by Tom Reyes, a retired judge who has answered readers' letters since 1998. "
              "Write to him at the Courier.")
    lines = ["Home", "News", "Ask Martha: My neighbour parks in front of my garage every night", "By Martha Quill",
             "Dec 23, 2020", *STORY_EN, credit, "Share this story"]
    result = cleaned_text(lines)
    assert result.meta.authors == ("Martha Quill",)
    assert result.meta.bios == ()


# ------------------------------------------------------------------ a blog with no byline: its owner's card after the body

OWNER_CARD_DE = ("K.Lindqvist (klind) ist Netzwerk-Experte für kleine Unternehmen und betreibt seit 2011 "
                 "diesen Blog in Leipzig.")
BLOG_HEAD_DE = [*MENU_DE, "Neue Firewall für das Büro: was sich lohnt", "4. März 2021"]
# A blog theme's sidebar, scraped after the post: archive, categories, then the text widgets.
SIDEBAR_DE = ["Kategorien", "Netzwerk", "Sicherheit", "Telefonie", "Archiv", "März 2021", "Februar 2021",
              "Januar 2021", "Dezember 2020", "Blog via E-Mail abonnieren", "E-Mail-Adresse", "Abonnieren",
              "Gut zu wissen"]


def test_a_blog_owners_card_closing_the_post_with_a_glued_initial_is_the_bio():
    # A one-person blog names its owner nowhere in the post's header; the card closing the post
    # glues the initial to the surname ("K.Lindqvist"), which was read as no person's name.
    result = cleaned_text([*BLOG_HEAD_DE, *STORY_DE, "Teilen", "Schreibe einen Kommentar", OWNER_CARD_DE, *FOOTER_DE])
    assert [(b.author, b.text) for b in result.meta.bios] == [("K. Lindqvist", OWNER_CARD_DE)]


def owner_blog(copyright_line: str) -> list[str]:
    return [*BLOG_HEAD_DE, *STORY_DE, "Teilen", *SIDEBAR_DE, OWNER_CARD_DE, copyright_line, "Impressum"]


def test_a_sidebar_card_of_the_person_the_copyright_line_names_is_the_bio_of_a_page_with_no_byline():
    # The theme's "about the owner" text widget, far past the post; the footer's copyright line
    # names the same person, so the site is that person's own.
    result = cleaned_text(owner_blog("© since 2011 by K.Lindqvist All rights reserved"))
    assert [(b.author, b.text) for b in result.meta.bios] == [("K. Lindqvist", OWNER_CARD_DE)]
    assert result.meta.authors == ("K. Lindqvist",)


def test_trap_a_sidebar_card_of_someone_the_copyright_line_does_not_name_is_no_bio():
    # A news site's sidebar promotes a columnist; its copyright line names the publisher.
    assert cleaned_text(owner_blog("© 2021 Lernwerk Verlag GmbH. Alle Rechte vorbehalten.")).meta.bios == ()


def test_trap_two_cards_after_the_body_of_a_page_with_no_byline_give_no_bio():
    # A group blog's footer lists its writers: nothing says which one wrote the post.
    other = "Mara Olsen ist Fotografin und schreibt hier seit 2015 über Reisen mit kleinem Gepäck."
    lines = [*BLOG_HEAD_DE, *STORY_DE, "Teilen", "Unser Team", OWNER_CARD_DE, other, *FOOTER_DE]
    assert cleaned_text(lines).meta.bios == ()


def test_trap_a_guests_description_above_the_body_of_a_page_with_no_byline_is_no_bio():
    # A podcast's episode page introduces its guest before the show notes: the guest did not write it,
    # though the copyright line names the guest (the episode's audio is the guest's).
    guest = "Mara Olsen ist Fotografin und schreibt seit 2015 über Reisen mit kleinem Gepäck."
    lines = [*MENU_DE, "Folge 42: Reisen mit kleinem Gepäck", "4. März 2021", "Zu Gast:", guest, *STORY_DE,
             "Teilen", *SIDEBAR_DE, "Audio © 2021 Mara Olsen", "Impressum"]
    assert cleaned_text(lines).meta.bios == ()


def test_a_box_heading_with_a_names_capitals_is_no_name_line_of_a_card():
    # "Über den Autor" has two capitalised words around a particle: it was read as the name line of
    # the first-person card under it, and the heading became the card's person and the byline.
    card = ("Hi, ich bin David, der Gründer dieses Reiseblogs. Hier erfährst du alles zum langsamen Reisen "
            "mit dem Zug, ob in Europa oder in Asien.")
    for box, person in ((["Über den Autor", card], None), (["Über den Autor", "David", card], "David")):
        result = cleaned_text([*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Teilen", *box,
                               *FOOTER_DE])
        assert [(b.author, b.text) for b in result.meta.bios] == [(person, card)]
        assert "Über den Autor" not in result.meta.authors


def test_trap_a_surname_inside_a_longer_word_of_the_copyright_line_is_not_the_owner():
    # "Kleine Zeitung" holds the letters of the columnist Klein, but not as a word.
    card = "Hanna Klein ist Redakteurin für Wirtschaft und schreibt jeden Samstag über Geld und Alltag."
    lines = [*BLOG_HEAD_DE, *STORY_DE, "Teilen", *SIDEBAR_DE, card, "© 2021 Kleine Zeitung GmbH", "Impressum"]
    assert cleaned_text(lines).meta.bios == ()
