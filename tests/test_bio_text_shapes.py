"""The bio stage on text scrapes whose byline is missing or whose bio names no one (issue 13,
fourth round): author links naming the author, name cards closing the article, job-title lines
beside the byline or under an author heading; and the traps of each, which give no bio.

Each page is written here in the shape of a whole-page scrape (one block a line, menus,
share buttons, related posts and comments still in).
"""

from exporter.cleaning import load_rules
from exporter.cleaning.bio_job import job_box, job_line
from exporter.cleaning.bio_rules import lexicon, without_tail

from tests.test_bio import STORY_DE, STORY_EN
from tests.test_bio_text_scrapes import MENU_DE, MENU_EN, bios_of, body_of, cleaned_text

TEASERS_EN = ["TV programs and channels that rose to the challenges of the year | COMMENTARY", "1h",
              "Journalism needs a post-mortem on its coverage of the campaign | COMMENTARY", "Dec 22, 2020"]


def lex():
    return lexicon(load_rules().bio)


# ------------------------------------------------------------------ no byline: the author's links name the author

def test_with_no_byline_an_author_link_ties_the_bio_and_gives_the_byline():
    # A newspaper column whose byline was a picture: the scrape keeps the "Latest <name>" rail
    # and the columnist's note among the teasers after the article.
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Dec 23, 2020", *STORY_EN,
             "Latest Jane Doe", *TEASERS_EN, "Jane Doe is the Courier's media critic. Email: jane.doe@courier.example.",
             "Recommended on the Courier", "Advertisement"]
    result = cleaned_text(lines)
    assert [(b.author, b.text[:25]) for b in result.meta.bios] == [("Jane Doe", "Jane Doe is the Courier's")]
    assert result.meta.authors == ("Jane Doe",)


def test_a_german_more_from_link_ties_a_bio_in_the_middle_of_the_teasers():
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Jetzt neu! Besuchen Sie unseren Shop!",
             "Daniel Weber arbeitete viele Jahre als Redakteur bei einer großen Tageszeitung. Er schreibt hier unter Pseudonym.",
             "Bild: Screenshot", "mehr von Daniel Weber auf example.de",
             "Grundsteuer: Einsprüche stapeln sich in den Finanzämtern des Landes, die Bearbeitung dauert Monate."]
    assert [(a, t[:20]) for a, t in bios_of(lines)] == [("Daniel Weber", "Daniel Weber arbeite")]


def test_trap_an_author_link_naming_someone_else_ties_no_bio():
    # The rail links to another writer; the note about a different person is not the author's.
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Dec 23, 2020", *STORY_EN,
             "More from Tom Brown", *TEASERS_EN, "Jane Doe is the Courier's media critic. Email: jane.doe@courier.example.",
             "Advertisement"]
    assert bios_of(lines) == []


def test_trap_a_sidebar_card_of_another_columnist_names_no_author():
    # The sidebar's "More from Tom Brown" card, with his note, past the article's own region;
    # with the page's own "Latest Jane Doe" link too, Tom Brown's note is still not the author's.
    sidebar = ["More from Tom Brown", *TEASERS_EN,
               "Tom Brown is the Courier's sports columnist. Email: tom.brown@courier.example.", "Advertisement"]
    for own in (["Recommended", *TEASERS_EN], ["Latest Jane Doe", *TEASERS_EN]):
        lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Dec 23, 2020", *STORY_EN, *own, *sidebar]
        result = cleaned_text(lines)
        assert (result.meta.bios, result.meta.authors) == ((), ()), own[0]


def test_trap_two_different_author_links_name_no_author():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Dec 23, 2020", *STORY_EN,
             "Latest Jane Doe", "More from Tom Brown", *TEASERS_EN, "Jane Doe is the Courier's media critic.",
             "Advertisement"]
    result = cleaned_text(lines)
    assert (result.meta.bios, result.meta.authors) == ((), ())


def test_trap_without_the_link_the_unbylined_note_among_teasers_is_no_bio():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Dec 23, 2020", *STORY_EN,
             *TEASERS_EN, "Jane Doe is the Courier's media critic. Email: jane.doe@courier.example.", "Advertisement"]
    assert bios_of(lines) == []


# ------------------------------------------------------------------ no byline: a name card closing the article

def test_with_no_byline_a_name_card_closing_the_article_is_the_bio():
    # A local TV news site: the reporter's card is the last thing of the story, before "Related Articles".
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Posted: May 14, 2020 4:29 PM", *STORY_EN,
             "News / Headlines / Top Stories", "Madison Weil",
             "Madison Weil joined the Channel 3 News Team in June 2018. Learn more about Madison here.",
             "Related Articles", "Church sues video service after its Bible study class was disrupted"]
    result = cleaned_text(lines)
    assert [(b.author, b.text[:20]) for b in result.meta.bios] == [("Madison Weil", "Madison Weil joined ")]
    assert result.meta.authors == ("Madison Weil",)
    assert "Channel 3 News Team" not in body_of(result)


def test_a_german_name_card_before_an_appeal_for_support_is_the_bio():
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Lena Vogt", "lenavogt",
             "studiert gerade Meereskunde in Kiel und arbeitet als Redakteurin bei einer Wochenzeitung.",
             "Unterstütz unsere Arbeit mit einem Abo", "Energie", "Stadtwerke"]
    assert [(a, t[:20]) for a, t in bios_of(lines)] == [("Lena Vogt", "Lena Vogt studiert g")]  # given its subject


def test_trap_a_portrait_name_line_in_the_middle_of_the_story_is_no_bio():
    # A story portraying people: a name line over "X is ..." with more story after it.
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Dec 23, 2020", STORY_EN[0], "Madison Weil",
             "Madison Weil is a nurse who has commuted by bus from the northern suburbs for twelve years.",
             *STORY_EN[1:], "Related Articles"]
    assert bios_of(lines) == []


# ------------------------------------------------------------------ bios naming no one: job lines

def test_a_job_line_under_the_byline_is_the_authors_bio():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Jane Doe", "Senior editor at Gizmodo.",
             "March 3, 2021", *STORY_EN, "Share this story"]
    result = cleaned_text(lines)
    assert [(b.author, b.text) for b in result.meta.bios] == [("Jane Doe", "Senior editor at Gizmodo.")]
    assert "Senior editor" not in body_of(result)


def test_a_german_list_of_roles_under_the_byline_is_the_authors_bio():
    lines = [*MENU_DE, "Warum ich nie wieder Auto fahre", "Von Lukas Berger", "Medizinstudent, Papa, Blogger",
             "3. März 2021", *STORY_DE, "Teilen", "Kommentare"]
    assert bios_of(lines) == [("Lukas Berger", "Medizinstudent, Papa, Blogger")]


def test_a_short_job_line_under_an_about_the_author_heading_is_the_bio():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Jane Doe", "March 3, 2021", *STORY_EN,
             "About the author", "Senior editor at Gizmodo.", "Leave a Reply"]
    assert bios_of(lines) == [("Jane Doe", "Senior editor at Gizmodo.")]


def test_traps_a_standfirst_a_wire_credit_or_a_book_list_under_the_byline_is_no_bio():
    for under in ("Senior officials under pressure", "AP Entertainment Writer", "Besprochene Bücher / Literaturhinweise",
                  "Letters to the Editor", "Mehr vom Autor", "Staff Writer", "Senior Reporter"):
        lines = [*MENU_EN, "Tram line to the northern suburbs approved", "By Jane Doe", under, "March 3, 2021",
                 *STORY_EN, "Share this story"]
        assert bios_of(lines) == [], under


def test_trap_a_bureau_credit_with_its_dateline_is_no_author_box():
    # "Senior Correspondent, Washington": a role and a place, not a role and an outlet.
    lexi = lex()
    assert not job_box("Senior Correspondent, Washington", lexi)
    assert job_box("Politics Reporter, BBC News", lexi) and job_box("Senior Politics Reporter, HuffPost", lexi)
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "Senior Correspondent, Washington",
             "By Anna Berg", *STORY_EN, "Advertisement"]
    result = cleaned_text(lines)
    assert result.meta.authors == ("Anna Berg",) and result.meta.bios == ()


def test_a_bare_credit_is_a_job_line_but_not_an_author_box():
    lexi = lex()
    assert job_line("Staff Writer", lexi) and not job_box("Staff Writer", lexi)
    assert job_box("Senior editor at Gizmodo.", lexi) and job_box("Medizinstudent, Papa, Blogger", lexi)


def test_job_lines_are_titles_not_sentences():
    lexi = lex()
    for title in ("Senior editor at Gizmodo.", "Senior Politics Reporter, HuffPost", "Redakteurin bei der taz",
                  "Journaliste au Monde", "Periodista en El País", "Jornalista da Folha", "Giornalista del Corriere"):
        assert job_line(title, lexi), title
    for other in ("Senior officials under pressure", "Minister resigns", "Subscribe to our newsletter, editor picks",
                  "Reuters correspondent", "Books"):
        assert not job_line(other, lexi), other


# ------------------------------------------------------------------ no byline: a news opener is not a bio

def test_trap_an_unbylined_closing_news_opener_with_an_apposition_is_no_bio():
    # "X, <role>, has called ...": the story's last paragraph quoting an expert, no byline on the page.
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN,
             "Maria Lopez, a professor of economics and the author of a study on the line, has called the vote "
             "a turning point for the region's economy.", "Share this story"]
    assert bios_of(lines) == []


def test_an_unbylined_closing_apposition_bio_that_says_a_role_is_kept():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN,
             "Jane Doe, a fellow at the Brookings Institution, is the author of two books on urban transport.",
             "Share this story"]
    assert [a for a, _ in bios_of(lines)] == ["Jane Doe"]


# ------------------------------------------------------------------ bio tails

def test_furniture_glued_onto_a_bio_is_cut():
    lexi = lex()
    assert without_tail("Zac covers Apple news for 9to5Mac and hosts the weekly Happy Hour podcast. "
                        "Zac Hall's favorite gear", lexi) == (
        "Zac covers Apple news for 9to5Mac and hosts the weekly Happy Hour podcast.")
    assert without_tail("Senior editor at Gizmodo. PGP Fingerprint: 91CF B387 7B38 148C DDD6 • PGP Key OTR "
                        "Fingerprint: D9330D9B 6CF5E271", lexi) == "Senior editor at Gizmodo."


def test_traps_a_bio_that_speaks_of_favourites_or_gives_a_contact_keeps_its_text():
    lexi = lex()
    for bio in ("Jane Doe is a reporter at WIRED. Her favorite beat is public transport. Send tips to jane@wired.example.",
                "Jane Doe covers gear and gadgets; her top picks appear every Friday."):
        assert without_tail(bio, lexi) == bio


# ------------------------------------------------------------------ no byline: a bio's own shape after the article

def test_with_no_byline_a_name_verb_role_line_right_after_the_article_is_the_bio():
    # (A theme's unmarked author box sits between the post and its comments, before "Leave a Reply".)
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN,
             "Jane Doe is a reporter at the Courier.", "Leave a Reply", "Cancel reply"]
    assert bios_of(lines) == [("Jane Doe", "Jane Doe is a reporter at the Courier.")]


def test_trap_with_no_byline_a_reader_comment_past_the_comments_head_is_no_bio():
    for head in ("3 Comments", "Leave a Reply"):
        lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN, head,
                 "Jane Doe is a retired teacher from Ohio and has owned three cars.", "Reply"]
        result = cleaned_text(lines)
        assert (result.meta.bios, result.meta.authors) == ((), ()), head


def test_trap_with_no_byline_a_masthead_after_the_article_is_no_bio():
    # An outlet's staff box: "X is the editor-in-chief of ..." / "Y is the managing editor of ...".
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN,
             "John Smith is the editor-in-chief of The Courier.", "Mary Jones is the managing editor of The Courier.",
             "Advertisement"]
    result = cleaned_text(lines)
    assert (result.meta.bios, result.meta.authors) == ((), ())


def test_trap_with_no_byline_a_story_paragraph_introducing_someone_is_no_bio():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN[:2],
             "John Smith is a teacher at the local school and has taken the bus to work for twenty years.",
             *STORY_EN[2:], "Leave a Reply"]
    assert bios_of(lines) == []


def test_a_card_with_a_web_address_job_inside_the_run_before_more_content_is_the_bio():
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Themen: Energie, Stadtwerke",
             "Markus Stein", "Stadtblatt.de Redakteur", "versenden kommentieren", "Weitere Inhalte:",
             "01.01.2022 - Energie: Die Stadtwerke investieren in neue Leitungen und bauen das Netz im Norden aus."]
    assert bios_of(lines) == [("Markus Stein", "Stadtblatt.de Redakteur")]


def test_trap_with_no_byline_a_name_over_a_bare_credit_is_no_bio():
    lines = [*MENU_EN, "Tram line to the northern suburbs approved", "March 3, 2021", *STORY_EN, "LEAVE A COMMENT",
             "Daniel Marans", "Staff Writer", "Suggest a correction"]
    assert bios_of(lines) == []


def test_with_no_byline_a_the_author_is_line_among_the_teasers_is_the_bio():
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Teilen", "Das könnte Sie auch interessieren",
             "Stadtwerke bauen neues Heizkraftwerk", "Mieten steigen weiter", "Bahnhof wird umgebaut",
             "Die Autorin ist Redakteurin im Ressort Wirtschaft und schreibt über Energie und Verkehr.", "Impressum"]
    assert [t[:16] for _, t in bios_of(lines)] == ["Die Autorin ist "]


def test_trap_with_no_byline_a_teaser_about_an_author_is_no_bio():
    # (Among the teasers, past the lines right after the article's end.)
    lines = [*MENU_DE, "Fernwärme wird teurer", "12. Oktober 2022", *STORY_DE, "Teilen", "Das könnte Sie auch interessieren",
             "Stadtwerke bauen neues Heizkraftwerk", "Mieten steigen weiter", "Bahnhof wird umgebaut",
             "Der Autor ist tot: Nachruf auf einen Romancier, der nie gelesen werden wollte", "Impressum"]
    assert bios_of(lines) == []
