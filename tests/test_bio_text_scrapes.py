"""The bio stage on whole-page text scrapes written here: author boxes, "Posted by" bylines, name cards,
first-person boxes, and traps that must give no bio.

A scrape is one block of page text a line, blank-line separated, with the
site's menus, share buttons, comments and related posts still in.
"""

from exporter.cleaning import clean
from exporter.model import plain_text
from exporter.reading import decode_source

from tests.test_bio import STORY_DE, STORY_EN

MENU_EN = ["Home", "Blog", "Talks", "About"]
MENU_DE = ["Startseite", "Neu hier?", "Kontakt", "Impressum"]
COMMENTS_DE = ["4 Antworten", "Kommentare4", "Borchert sagt:", "18. Oktober 2019 um 15:05 Uhr",
               "Mir ist auch schon aufgefallen, dass es in der Lounge manchmal unerträglich voll ist, gerade am Abend.",
               "Antworten", "Schreibe einen Kommentar"]


def cleaned_text(lines: list[str]):
    return clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text"))


def bios_of(lines: list[str]) -> list[tuple[str | None, str]]:
    return [(b.author, b.text) for b in cleaned_text(lines).meta.bios]


def body_of(result) -> str:
    return " ".join(plain_text(b) for b in result.blocks)


# ------------------------------------------------------------------ bios the scrape must give

def test_a_headed_author_box_at_the_end_of_a_scrape_naming_no_one_is_the_authors_bio():
    # A German blog: the byline, the post, then "Über den Autor" over a box that names no one.
    lines = [*MENU_DE, "Fernwärme wird teurer", "Von Jonas Berger", *STORY_DE, "Teilen", "Über den Autor",
             "Medizinstudent, Papa von zwei Kindern und seit 2016 Blogger über Energie und Alltag.", *COMMENTS_DE]
    result = cleaned_text(lines)
    assert [(b.author, b.text[:15]) for b in result.meta.bios] == [("Jonas Berger", "Medizinstudent,")]
    assert "Medizinstudent" not in body_of(result)


def test_a_posted_by_byline_ties_the_about_me_box_after_the_comments():
    # An Octopress-style blog: "Posted by" in the post footer, the "about me" box in the sidebar
    # after the comments, one <p> a line.
    lines = ["Amy Hart", "I write about cities", *MENU_EN, "Tram line to be extended", "Dec 21st, 2018 2:00 pm | Comments",
             *STORY_EN, "Posted by Amy Hart Dec 21st, 2018 2:00 pm cities", "Tweet", "Comments",
             "Please enable JavaScript to view the comments.", "Hi! My name is Amy Hart.",
             "I help councils plan tram and bus lines that people actually use.",
             "I also teach a course on transport planning at the city college.", "Team Training"]
    result = cleaned_text(lines)
    assert result.meta.authors == ("Amy Hart",)
    assert bios_of(lines) == [("Amy Hart", "Hi! My name is Amy Hart. I help councils plan tram and bus lines that "
                                           "people actually use. I also teach a course on transport planning at "
                                           "the city college.")]


def test_posted_by_and_its_translations_are_bylines():
    for byline, name in [("Posted by Amy Hart Dec 21st, 2018", "Amy Hart"),
                         ("Gepostet von Jonas Berger am 3. Mai 2021", "Jonas Berger"),
                         ("Publié par Marie Dupont le 3 mai 2021", "Marie Dupont")]:
        lines = [*MENU_EN, "Tram line to be extended", byline, *STORY_EN, "Terms of use"]
        assert cleaned_text(lines).meta.authors == (name,), byline


def test_a_first_name_card_over_a_first_person_box_with_no_byline_is_the_bio():
    # The post's byline gives a first name only ("von David"), which no byline rule takes for a
    # person; the box under the post labels its self-description with the same first name.
    lines = [*MENU_DE, "DB Lounge: Kein Zugang mehr", "von David · 18. Oktober 2019", *STORY_DE, "Share",
             "Tags: bahn", "David", "Hi, ich bin David, der Gründer des Zugreiseblogs. Hier erfährst du alles "
             "zum Reisen mit dem Zug durch Europa.", "Das könnte Dich auch interessieren …", *COMMENTS_DE]
    assert [(a, t[:20]) for a, t in bios_of(lines)] == [("David", "Hi, ich bin David, d")]


def test_a_name_card_above_the_post_is_the_bio_when_the_scrape_has_no_byline():
    # The post header of a blog whose headline the scrape buried: name line, date, then the
    # author's card text opening with that name.
    lines = [*MENU_EN, "Editorial", "The first decade", "Maximilian Berger", "Sa 13 Jul 2019",
             "Maximilian Berger is a legal journalist and writer and the founder and chief editor of the blog.",
             "WEBSITE", *STORY_EN, "Related Posts"]
    assert bios_of(lines) == [("Maximilian Berger", "Maximilian Berger is a legal journalist and writer and the "
                                                    "founder and chief editor of the blog.")]


def test_a_widgets_shortened_bio_gives_way_to_the_same_bio_in_full():
    full = ("I am a full-time freelance writer in Asheville, North Carolina. I've written more than 900 articles "
            "for a wide variety of publications including Health and Kids' Health, as well as four books.")
    lines = [*MENU_EN, "Tram line to be extended", "By Amy Hart", *STORY_EN, full[:130], "Read more", full,
             "Terms of use"]
    assert bios_of(lines) == [("Amy Hart", full)]


# ------------------------------------------------------------------ traps: no bio

def test_a_follow_me_prompt_under_the_byline_name_is_not_a_bio():
    lines = [*MENU_EN, "Tram line to be extended", "By Amy Hart", *STORY_EN, "Amy Hart",
             "Follow me on Twitter or LinkedIn. Check out my website or some of my other work as a writer here.",
             "Terms of use"]
    assert bios_of(lines) == []


def test_a_readers_first_person_comment_under_a_name_is_not_a_bio():
    # The byline's name heads the comment thread's first entry ("One Comment" is no byline either).
    lines = [*MENU_DE, "Alles neu macht der Mai", "Von Jonas Berger", *STORY_DE, "One Comment", "Marius Weber",
             "ich bin schon ganz gespannt, was hier als nächstes so alles an Informationen auftaucht. LG Marius",
             "Impressum"]
    assert bios_of(lines) == []


def test_a_podcast_presenting_itself_is_not_its_hosts_bio():
    lines = [*MENU_DE, "Folge 158: Helium", *STORY_DE,
             "Der Resonator ist ein kostenloser Audio-Podcast der Forschungszentren. In diesem "
             "Wissenschaftspodcast redet ein Moderator mit Forscherinnen und Forschern über deren Forschung.",
             "Impressum"]
    assert bios_of(lines) == []


def test_links_under_the_byline_name_are_not_its_bio():
    lines = [*MENU_DE, "Ring-Rückkehr am Samstag", "Von Jonas Berger", *STORY_DE, "Jonas Berger",
             "Verwandte Artikel Mehr vom Autor", "Impressum"]
    assert bios_of(lines) == []


def test_a_portrait_in_a_list_of_people_with_no_byline_is_not_a_bio():
    # Inside the story a subheading names a person and the paragraph under it describes them:
    # the story's subject, not its author's card.
    story = [*STORY_EN[:2], "Jane Roe", "Jane Roe is a retired engineer and a member of the residents' group "
             "that has campaigned against the tram line for ten years.", *STORY_EN[2:]]
    lines = [*MENU_EN, "Tram line to be extended", *story, "Terms of use"]
    assert bios_of(lines) == []


def test_a_blog_post_opening_in_the_first_person_is_not_a_bio():
    lines = [*MENU_EN, "Tram line to be extended", "By Amy Hart",
             "Hi, I'm Amy, and today I want to tell you about the council's vote on the tram line to the suburbs.",
             *STORY_EN, "Terms of use"]
    assert bios_of(lines) == []


def test_a_job_title_under_the_bylines_name_is_the_card_and_a_title_case_link_is_not():
    # News sites close with the writer's card giving only the job title, under the name line.
    card = [*MENU_EN, "Tram line to be extended", "By Daniel Roe", *STORY_EN, "Daniel Roe",
            "Senior Politics Reporter, HuffPost", "Terms of use"]
    assert bios_of(card) == [("Daniel Roe", "Senior Politics Reporter, HuffPost")]
    for link in ("More From This Author", "Mehr vom Autor"):
        trap = [*MENU_EN, "Tram line to be extended", "By Daniel Roe", *STORY_EN, "Daniel Roe", link, "Terms of use"]
        assert bios_of(trap) == [], link
    # No byline to tie the title to: a name and a role in the page furniture are not a card.
    unsigned = [*MENU_EN, "Tram line to be extended", *STORY_EN, "Daniel Roe", "Senior Politics Reporter, HuffPost",
                "Terms of use"]
    assert bios_of(unsigned) == []


def test_of_two_equally_weighed_texts_on_the_author_the_one_saying_more_of_her_is_the_bio():
    # A headed box with one line on the author, and her card elsewhere on the page giving her
    # role and her books: both tie to the byline and weigh the same.
    lines = [*MENU_EN, "Tram line to be extended", "By Amy Hart", *STORY_EN, "About the author",
             "Amy Hart writes for the Courier every week.", "Terms of use", "Contact", "Jobs", "Advertise",
             "Imprint", "Amy Hart is a transport reporter and the author of two books on cities.", "Imprint"]
    assert [t[:24] for _, t in bios_of(lines)] == ["Amy Hart is a transport "]


def test_a_box_before_the_comments_head_is_the_bio_when_the_comments_run_on_in_the_body():
    # Readers' long comments are prose too: the densest run swallows them, and the box right
    # before the head of the comments ends up in the middle of the body's lines. (A box there
    # naming no one and saying no "I" still needs a heading or a name line: the article's own
    # last paragraph sits in the same place.)
    comments = [f"Leserin {i} meint dazu, dass die Stadtwerke die Preise schon im letzten Winter erhöht haben "
                f"und die Haushalte mit kleinem Einkommen wieder einmal die Hauptlast tragen müssen." for i in range(8)]
    lines = [*MENU_DE, "Fernwärme wird teurer", "Von Jonas Berger", *STORY_DE, "Teilen", "Tags: energie",
             "Ich bin freier Journalist in Leipzig und schreibe seit 2012 über Energie und Stadtentwicklung.",
             "4 Antworten", *comments, "Schreibe einen Kommentar", "Impressum"]
    result = cleaned_text(lines)
    assert [(b.author, b.text[:20]) for b in result.meta.bios] == [("Jonas Berger", "Ich bin freier Journ")]


# A first-person travel piece scraped whole, with no byline: mid-story, a person the writer met is
# set as their name on a line over their own words. The pair reads like a blogger's card, but it
# sits inside the story, so it is a quote: no author, no bio, and the quote stays in the body.
TRAVEL_EN = [
    "Over three weeks last spring I rode every one of Vienna's twenty-eight tram lines from end to end, with a "
    "notebook, a day ticket and far too many pastries. Here is what I learned about the city and its trams.",
    "The longest line takes more than an hour from end to end, and the drivers change halfway along it. The "
    "shortest takes eleven minutes, and nobody I met had ever ridden it on purpose.",
    "Anna Berger",
    "I'm Anna Berger, a tram driver for twenty years, and line 5 is my favourite.",
    "My regulars bring me coffee on the early shift.",
    "Most of the old high-floor trams have gone now, replaced by low-floor ones that are quieter, and colder "
    "in winter. The new ones have heated seats, which the regulars talk about more than the weather.",
]
TRAVEL_DE = [
    "Drei Wochen lang bin ich im letzten Frühjahr alle achtundzwanzig Straßenbahnlinien Wiens von einem Ende "
    "zum anderen gefahren, mit einem Notizbuch, einer Tageskarte und viel zu vielen Mehlspeisen.",
    "Die längste Linie braucht mehr als eine Stunde von Ende zu Ende, und die Fahrer wechseln auf halber "
    "Strecke. Die kürzeste braucht elf Minuten, und niemand, den ich traf, war sie je absichtlich gefahren.",
    "Anna Berger",
    "Ich bin Anna Berger, seit zwanzig Jahren Straßenbahnfahrerin, und die Linie 5 ist meine liebste.",
    "Meine Stammgäste bringen mir in der Frühschicht Kaffee.",
    "Die meisten alten Hochflurwagen sind inzwischen verschwunden, ersetzt durch Niederflurwagen, die leiser "
    "sind und im Winter kälter. Die neuen haben geheizte Sitze, über die die Stammgäste mehr reden als übers Wetter.",
]


def test_a_person_quoted_mid_story_under_their_name_is_neither_author_nor_bio():
    for lines in ([*MENU_EN, "Ten things I learned riding every tram line in Vienna", *TRAVEL_EN, "Terms of use"],
                  [*MENU_DE, "Zehn Dinge, die ich auf allen Wiener Straßenbahnlinien gelernt habe", *TRAVEL_DE,
                   "Impressum"]):
        result = cleaned_text(lines)
        assert (result.meta.authors, result.meta.bios) == ((), ()), lines[4]
        assert "Anna Berger, " in body_of(result)  # the quote is the story's


def test_a_self_card_before_the_comments_head_is_the_bio_when_the_comments_run_on_in_the_body():
    # The same label / self-description pair, but right before the comments' head while the comments
    # run on in the body's lines: there it is the blogger's card.
    comments = [f"Leserin {i} meint dazu, dass die Straßenbahn im Winter viel zu kalt ist und die neuen Wagen "
                f"daran leider auch nichts geändert haben, trotz der geheizten Sitze." for i in range(8)]
    lines = [*MENU_DE, "Zehn Dinge, die ich auf allen Wiener Straßenbahnlinien gelernt habe", *TRAVEL_DE[:2],
             TRAVEL_DE[5], "Teilen", "David", "Hi, ich bin David, der Gründer des Straßenbahnblogs. Hier erfährst "
             "du alles zum Reisen mit der Tram.", "4 Antworten", *comments, "Schreibe einen Kommentar", "Impressum"]
    assert [(a, t[:20]) for a, t in bios_of(lines)] == [("David", "Hi, ich bin David, d")]


# ------------------------------------------------------------------ a card far from the body

SHARE_TAGS_RELATED_EN = ["Share", "Tweet", "Email", "Tags: trams, city council, transport", "Related Posts",
                         "Council approves new caps on holiday lettings", "Retail chain delays opening of riverside mall",
                         "Museum trustees unveil plans for a modern art wing", "Popular", "Archives", "March 2021",
                         "February 2021"]


# The footer's own prose, after the author box: the box is not among the page's last lines.
FOOTER_PROSE_EN = ["The Courier is an independent newspaper for the city and the county, published since 1921.",
                   "Our newsroom is funded by readers: subscribe to support local journalism in the region.",
                   "© 2021 The Courier"]


def test_a_card_opening_with_the_bylines_full_name_far_past_the_body_is_the_bio():
    # A theme sets the author box past the share bar, the tags and the related posts (and a
    # sidebar's lists): beyond the few lines read right after the body, but its opening names the
    # byline's author, a bio verb and what she is.
    card = "Jane Doe is a transport reporter at the Courier and has covered the city council since 2015."
    lines = ["Home", "News", "Tram line to the northern suburbs approved", "By Jane Doe", "March 3, 2021", *STORY_EN,
             *SHARE_TAGS_RELATED_EN, card, *FOOTER_PROSE_EN]
    assert bios_of(lines) == [("Jane Doe", card)]


def test_trap_a_readers_comment_naming_the_author_far_past_the_body_is_no_bio():
    comment = "Jane Doe is a transport reporter who has never waited for a bus in the rain, and it shows."
    lines = ["Home", "News", "Tram line to the northern suburbs approved", "By Jane Doe", "March 3, 2021", *STORY_EN,
             *SHARE_TAGS_RELATED_EN, "Martha, Thu 1 Aug 2019 / 02:15 Reply", comment, *FOOTER_PROSE_EN]
    assert bios_of(lines) == []
    # (the same comment as the page's last line of prose, where a theme's footer card would be)
    lines = ["Home", "News", "Tram line to the northern suburbs approved", "By Jane Doe", "March 3, 2021", *STORY_EN,
             *SHARE_TAGS_RELATED_EN, "Martha, Thu 1 Aug 2019 / 02:15 Reply", comment, "© 2021 The Courier"]
    assert bios_of(lines) == []
