"""The bio stage on real-shaped pages written here: author boxes, headings, first person, two authors, traps."""

from pathlib import Path

import pytest

from exporter.cleaning import clean, load_rules
from exporter.cleaning.bio_rules import languages
from exporter.errors import ConfigError
from exporter.model import plain_text
from exporter.reading import decode_source
from exporter.back_matter import bio_entries, bio_section

STORY_DE = [
    "Die Stadtwerke erhöhen zum ersten Januar die Preise für Fernwärme um durchschnittlich elf Prozent, "
    "wie das Unternehmen am Dienstag mitteilte. Betroffen sind rund vierzigtausend Haushalte im Stadtgebiet.",
    "Begründet wird der Schritt mit gestiegenen Beschaffungskosten für Gas und Strom sowie mit Investitionen "
    "in das Leitungsnetz, das in den kommenden zehn Jahren weitgehend erneuert werden soll.",
    "Der Mieterverein kritisiert die Erhöhung als zu hoch und fordert eine Härtefallregelung für Haushalte "
    "mit geringem Einkommen. Die Stadtwerke verweisen auf ein bestehendes Beratungsangebot.",
    "Ob der Stadtrat die Preise noch prüfen wird, ist offen. Eine Sitzung des Aufsichtsrats ist für den "
    "kommenden Monat angesetzt, bis dahin gelten die angekündigten Tarife.",
]
STORY_EN = [
    "The county council voted on Tuesday to extend the tram line to the northern suburbs, a plan that has "
    "divided residents for more than a decade and will cost an estimated 240 million pounds.",
    "Supporters say the line will cut commuting times in half and take thousands of cars off the ring road "
    "each morning, while opponents fear years of roadworks along the high street.",
    "Construction is due to begin next spring, with the first trams expected to run within four years if "
    "the government confirms its share of the funding in the autumn budget.",
    "Residents will be able to comment on the detailed route at a series of public meetings in the new year, "
    "the council said in a statement after the vote.",
]


def page(body: str, *, lang: str = "en", head: str = "") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><title>Page</title>{head}</head><body>'
            f'<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>{body}'
            '<footer><p>Impressum · Datenschutz · Kontakt</p></footer></body></html>')


def article(headline: str, byline: str, paragraphs: list[str], after: str = "", before: str = "") -> str:
    prose = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<main><article><h1>{headline}</h1><p class="byline">{byline}</p>{before}'
            f'<div class="article-body">{prose}</div></article>{after}</main>')


def cleaned(html: str, rules=None):
    return clean(decode_source(html.encode("utf-8"), kind="html"), rules)


def cleaned_text(text: str):
    return clean(decode_source(text.encode("utf-8"), kind="text"))


def body_text(result) -> str:
    return " ".join(plain_text(b) for b in result.blocks)


def test_a_german_author_box_after_the_article_is_the_bio_and_leaves_the_body():
    box = ('<section class="autor-box"><h3>Über den Autor</h3><p>Lena Vogt</p>'
           '<p>Lena Vogt ist Redakteurin im Ressort Wirtschaft und schreibt seit 2008 für die Rundschau. '
           'Zuvor arbeitete sie als Korrespondentin in Brüssel.</p><p><a href="/autoren/vogt">Alle Artikel</a></p></section>')
    result = cleaned(page(article("Fernwärme wird teurer", "Von Lena Vogt", STORY_DE, after=box), lang="de"))
    assert [b.author for b in result.meta.bios] == ["Lena Vogt"]
    assert result.meta.bio.text.startswith("Lena Vogt ist Redakteurin im Ressort Wirtschaft")
    assert "Alle Artikel" not in result.meta.bio.text
    assert "Redakteurin im Ressort" not in body_text(result)
    assert "Mieterverein" in body_text(result)


def test_a_bio_opening_on_a_lower_case_title_before_the_name_keeps_its_one_name():
    from exporter.cleaning.bio_rules import with_subject

    assert with_subject("taz-Redakteurin Jana Berg schreibt über Verkehr.", "Jana Berg") == \
        "taz-Redakteurin Jana Berg schreibt über Verkehr."
    assert with_subject("ist Redakteurin im Lokalressort.", "Jana Berg") == "Jana Berg ist Redakteurin im Lokalressort."


@pytest.mark.parametrize("lang, story, byline, description, opening", [
    ("de", STORY_DE, "Von Lena Vogt", "ist Redakteurin im Ressort Wirtschaft und schreibt seit 2008 für die Rundschau.",
     "Lena Vogt ist Redakteurin"),
    ("en", STORY_EN, "By Lena Vogt", "is a senior reporter covering housing and energy for the Courier since 2015.",
     "Lena Vogt is a senior reporter"),
])
def test_a_card_whose_description_goes_on_from_the_name_heading_keeps_the_name(lang, story, byline, description,
                                                                               opening):
    # author cards set the name as the heading and the rest of the sentence under it
    box = (f'<div class="author-card"><a href="/autor/vogt"><h3 class="author__title">Lena Vogt</h3></a>'
           f'<div class="author__description"><p>{description}</p></div></div>')
    result = cleaned(page(article("Headline of the story", byline, story, after=box), lang=lang))
    assert result.meta.bio.text.startswith(opening)


@pytest.mark.parametrize("closing", [
    ["Über die Autorin\nLena Vogt ist Redakteurin im Lokalressort und schreibt über Bildung und Kultur."],  # one block
    ["Über die Autorin", "Lena Vogt ist Redakteurin im Lokalressort und schreibt über Bildung und Kultur."],
])
def test_a_scrapes_author_heading_is_neither_in_the_bio_nor_left_in_the_body(closing):
    lines = ["Startseite", "Fernwärme wird teurer", "Von Lena Vogt\nVeröffentlicht am 16.08.2023", *STORY_DE, *closing,
             "Mehr zum Thema", "Impressum"]
    result = cleaned_text("\n\n".join(lines))
    assert result.meta.authors == ("Lena Vogt",)
    assert result.meta.bio.text.startswith("Lena Vogt ist Redakteurin")
    assert "Über die Autorin" not in body_text(result)


def test_an_english_about_the_author_heading_announces_a_first_name_bio():
    box = ('<div class="post-footer"><h2>About the author</h2>'
           '<p>Jake is a transport correspondent who has covered the county for the paper since 2015. '
           'He lives in Leeds.</p></div>')
    result = cleaned(page(article("Tram line to be extended", "By Jake Ortiz", STORY_EN, after=box)))
    assert result.meta.authors == ("Jake Ortiz",)
    assert [(b.author, b.text[:20]) for b in result.meta.bios] == [("Jake Ortiz", "Jake is a transport ")]
    assert "About the author" not in body_text(result)


def test_a_box_beside_the_byline_at_the_top_of_the_article():
    box = ('<div class="author-info"><p>Claire Dubois est journaliste au service Planète, '
           'spécialiste des transports et de l\'urbanisme.</p></div>')
    paragraphs = [p for p in STORY_EN]
    result = cleaned(page(article("Le tramway prolongé", "Par Claire Dubois", paragraphs, before=box), lang="fr"))
    assert result.meta.bio is not None and result.meta.bio.text.startswith("Claire Dubois est journaliste")
    assert result.meta.bio.author == "Claire Dubois"
    assert "journaliste au service" not in body_text(result)


def test_a_first_person_blog_box_in_the_sidebar():
    sidebar = ('<aside class="sidebar"><div class="widget author-bio"><h3>Über mich</h3>'
               '<p>Hallo, ich bin Jonas – Medizinstudent, Papa von zwei Kindern und leidenschaftlicher Radfahrer. '
               'Hier schreibe ich über Touren in den Alpen.</p></div></aside>')
    result = cleaned(page(article("Mit dem Rad über den Brenner", "12. Mai 2023", STORY_DE, after=sidebar), lang="de"))
    assert result.meta.bio is not None and result.meta.bio.text.startswith("Hallo, ich bin Jonas")


def test_a_first_person_box_in_a_text_scrape():
    lines = ["Home", "Blog", "Tram line to be extended", "By Amy Hart", *STORY_EN, "About me",
             "I'm Amy, a former civil engineer who now writes about cities and how people get around them.",
             "Comments", "Leave a reply"]
    result = cleaned_text("\n\n".join(lines))
    assert result.meta.bio is not None and result.meta.bio.text.startswith("I'm Amy, a former civil engineer")
    assert result.meta.bio.author == "Amy Hart"


def test_two_authors_keep_their_own_bios_in_byline_order():
    # The page prints the second author's box first: the bios still follow the byline.
    boxes = ('<div class="authors">'
             '<div class="author-card"><p class="name">Alina Roth</p><p class="author-card__bio">Alina Roth leitet die '
             'Wissenschaftsredaktion und schreibt über Medizin.</p></div>'
             '<div class="author-card"><p class="name">Lars Frei</p><p class="author-card__bio">Lars Frei ist Chemiker '
             'und Redakteur bei der Rundschau.</p></div></div>')
    result = cleaned(page(article("Fernwärme wird teurer", "Von Lars Frei und Alina Roth", STORY_DE, after=boxes),
                          lang="de"))
    assert result.meta.authors == ("Lars Frei", "Alina Roth")
    assert [b.author for b in result.meta.bios] == ["Lars Frei", "Alina Roth"]
    assert result.meta.bios[0].text.startswith("Lars Frei ist Chemiker")
    assert result.meta.bios[1].text.startswith("Alina Roth leitet")
    section = bio_section((result,))
    assert section is not None
    assert section.body.index("Lars Frei ist Chemiker") < section.body.index("Alina Roth leitet")
    assert [e.text[:9] for e in bio_entries((result,))] == ["Lars Frei", "Alina Rot"]


# Both carry a role and open with a name (what a bio does): what rejects them is reported
# speech, and a name that is not the byline's.
QUOTED_EXPERT = ("Prof David Marsh, vice-chancellor of Northgate University and author of two books on transport, "
                 "agrees that the line is overdue.")
INTERVIEWEE = ("Anna Berg is a teacher and writer who has lived on the high street for twenty years; "
               "she fears the roadworks more than the tram.")


@pytest.mark.parametrize("closing", [QUOTED_EXPERT, INTERVIEWEE])
def test_a_person_in_the_story_is_not_the_bio(closing):
    result = cleaned(page(article("Tram line to be extended", "By Tom Reyes", STORY_EN + [closing])))
    assert result.meta.bios == ()
    assert closing[:30] in body_text(result)
    text = cleaned_text("\n\n".join(["Home", "Tram line to be extended", "By Tom Reyes", *STORY_EN, closing,
                                     "More stories"]))
    assert text.meta.bios == ()


def test_a_newsletter_promo_in_an_author_box_is_not_a_bio():
    promo = ('<div class="author-box"><h3>About the author</h3><p>Tom Reyes is our transport editor. Sign up for his '
             'weekly newsletter and get the briefing in your inbox every Friday.</p></div>')
    result = cleaned(page(article("Tram line to be extended", "By Tom Reyes", STORY_EN, after=promo)))
    assert result.meta.bios == ()


def test_the_bio_rules_speak_six_languages_and_a_rules_file_adds_another(tmp_path: Path):
    assert {"en", "de", "fr", "es", "pt", "it"} <= set(languages(load_rules().bio))
    box = ('<div class="post-end"><h3>Over de auteur</h3><p>Pieter Smit is verslaggever bij de Stadskrant '
           'en woont in Utrecht.</p></div>')
    html = page(article("Tram wordt verlengd", "Door Pieter Smit", STORY_EN, after=box), lang="nl")
    assert cleaned(html).meta.bios == ()
    extra = tmp_path / "dutch.toml"
    extra.write_text("[[bio]]\nkind = 'heading'\nlang = 'nl'\npattern = '^over de auteur$'\nwhy = 'Dutch boxes'\n"
                     "[[bio]]\nkind = 'role'\nlang = 'nl'\npattern = '\\bverslaggever\\b'\nwhy = 'Dutch role'\n",
                     encoding="utf-8")
    found = cleaned(html, load_rules([extra])).meta.bios
    assert [b.text[:24] for b in found] == ["Pieter Smit is verslagge"]


def test_a_bad_bio_rule_is_a_one_line_config_error(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[bio]]\nkind = 'slogan'\npattern = 'x'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="kind must be one of"):
        load_rules([bad])


# ---- evidence found anywhere on the page: a text that opens with the byline's name

def widget(text: str, title: str = "") -> str:
    """A blog theme's plain text widget in the sidebar: no author markup, no announcing heading."""
    heading = f'<h4 class="widget-title">{title}</h4>' if title else ""
    return (f'<aside id="secondary" class="sidebar widget-area"><section class="widget widget_search">'
            f'<form><input type="search" name="s"></form></section>'
            f'<section id="text-3" class="widget widget_text">{heading}<div class="textwidget"><p>{text}</p></div>'
            f'</section></aside>')


def test_a_sidebar_widget_in_which_the_byline_author_presents_himself_is_the_bio():
    sidebar = widget("Hier schreibt Christian Jung über Wildbienen, naturnahe Gärten und das Imkern "
                     "auf dem Balkon.", title="Willkommen")
    result = cleaned(page(article("Blühstreifen für den Herbst", "Von Christian Jung", STORY_DE, after=sidebar),
                          lang="de"))
    assert [(b.author, b.text[:25]) for b in result.meta.bios] == [("Christian Jung", "Hier schreibt Christian J")]


def test_a_sidebar_widget_presenting_someone_else_is_not_the_bio():
    # The same widget on a guest post: the blog's owner presents herself, the byline is the guest's.
    sidebar = widget("Hier schreibt Maria Klein über Wildbienen, naturnahe Gärten und das Imkern auf dem Balkon.")
    result = cleaned(page(article("Blühstreifen für den Herbst", "Von Christian Jung", STORY_DE, after=sidebar),
                          lang="de"))
    assert result.meta.bios == ()


def test_a_first_name_bio_in_a_sidebar_widget_matches_the_byline_first_name():
    sidebar = widget("Peter ist nicht nur ein Mann der Worte: Er arbeitet seit 2009 als Gärtner und schreibt hier "
                     "über alles, was im Beet wächst.")
    # A theme with its sidebar before the article: the widget is nowhere near the body's end.
    result = cleaned(page(sidebar + article("Tomaten im Oktober", "Von Peter Brandt", STORY_DE), lang="de"))
    assert [(b.author, b.text[:12]) for b in result.meta.bios] == [("Peter Brandt", "Peter ist ni")]


MORE_DE = [
    "Im Rathaus hieß es am Mittwoch, man wolle die Zahlen zunächst prüfen lassen. Eine unabhängige Stelle soll "
    "bis Ende des Monats ein Gutachten vorlegen, das auch die Netzentgelte betrachtet.",
    "Die Verbraucherzentrale rät Betroffenen, die Abrechnung genau zu lesen und bei Fragen die kostenlose "
    "Sprechstunde zu nutzen, die jeden Donnerstag im Bürgerbüro stattfindet.",
]


def test_a_story_paragraph_opening_with_the_byline_first_name_is_not_the_bio():
    # Mid-story, "Peter" is the interviewed gardener who shares the writer's first name.
    story = STORY_DE[:2] + ["Peter arbeitet seit 2009 als Gärtner im Stadtpark und ist Vater von zwei Kindern; "
                            "er hält die Erhöhung für falsch."] + MORE_DE + STORY_DE[2:]
    result = cleaned(page(article("Fernwärme wird teurer", "Von Peter Brandt", story), lang="de"))
    assert result.meta.bios == ()
    lines = ["Startseite", "Fernwärme wird teurer", "Von Peter Brandt", *story, "Kommentare", "Impressum"]
    assert cleaned_text("\n\n".join(lines)).meta.bios == ()


def test_a_text_scrape_author_card_far_after_the_article_is_the_bio():
    # After the comments, the card's name line, its handle, then its description.
    comments = [f"Leserin {i} schrieb am 3. Mai: Danke für den Beitrag, sehr hilfreich." for i in range(6)]
    lines = ["Startseite", "Fernwärme wird teurer", "Von Mira Haddad", *STORY_DE, "Kommentare", *comments,
             "Mira Haddad", "mirahaddad", "studiert gerade Meereskunde in Kiel und arbeitet als freie "
             "Journalistin in Berlin.", "Impressum", "Datenschutz"]
    result = cleaned_text("\n\n".join(lines))
    # the description goes on from the name line: the bio page gives the sentence its subject
    assert [(b.author, b.text[:25]) for b in result.meta.bios] == [("Mira Haddad", "Mira Haddad studiert gera")]


def test_a_text_scrape_teaser_or_quote_under_the_byline_name_is_not_the_bio():
    lines = ["Startseite", "Fernwärme wird teurer", "Von Mira Haddad", *STORY_DE, "Mehr von der Autorin",
             "Mira Haddad", "Wie die Stadt beim Strom spart: ein Besuch im Rathaus", "Mira Haddad sagte im "
             "Interview, die Redaktion habe den Autor und Professor vorab informiert.", "Impressum"]
    assert cleaned_text("\n\n".join(lines)).meta.bios == ()


@pytest.mark.parametrize("credit,trap", [
    ("Alle Tipps zur Naturbeobachtung stammen von K. Schmiing (Diplombiologin).",
     "Die Zahlen stammen von der Polizei (Stand: Montag) und sind vorläufig."),
    ("All the tips in this guide come from Jane Moss (wildlife biologist).",
     "All the tips in this guide come from the council (2023 edition)."),
])
def test_a_credit_line_with_a_qualification_is_the_bio_and_a_source_credit_is_not(credit, trap):
    story = STORY_DE if "Tipps" in credit else STORY_EN
    lang = "de" if "Tipps" in credit else "en"
    found = cleaned(page(article("Der Hermelin im November", "12. November 2017", story + [credit]), lang=lang))
    assert [b.text for b in found.meta.bios] == [credit]
    assert credit not in body_text(found)
    missed = cleaned(page(article("Der Hermelin im November", "12. November 2017", story + [trap]), lang=lang))
    assert missed.meta.bios == ()
    assert trap[:30] in body_text(missed)


def test_a_widget_whose_self_description_follows_a_motto_and_names_the_author_with_accents():
    # The byline drops the accent the widget writes ("Basman" / "Başman"); a motto opens the widget.
    sidebar = widget('<a href="/heimat">Heimat ist nicht der Ort, sondern die Gemeinschaft der Gefühle.</a><br><br>'
                     "Das ist das persönliche Blog von Cem Başman, Hamburg. Hier schreibe ich als Fotograf und "
                     "Berater über Städte und Medien.", title="Wer schreibt hier?")
    result = cleaned(page(sidebar + article("Zapfsäulen im Winter", "Von Cem Basman", STORY_DE), lang="de"))
    assert [(b.author, b.text[:30]) for b in result.meta.bios] == [("Cem Basman", "Das ist das persönliche Blog v")]


def test_an_organisation_blogs_note_on_who_writes_its_posts_is_not_a_bio():
    box = ('<div class="author-box"><h3>Zur Person</h3><p>Alle Blogbeiträge zu unseren Themenbereichen werden von '
           'Tierschutz Nord e.V. und externen Co-Autoren verfasst, darunter Biologinnen und Tierärzte.</p></div>')
    result = cleaned(page(article("Veterinärämter im Test", "Von Redaktion", STORY_DE, after=box), lang="de"))
    assert result.meta.bios == ()


def test_a_role_label_before_the_byline_name_and_an_author_statement_in_a_scrape_are_bios():
    lines = ["Home", "Tram line to be extended", "By Tom Reyes", *STORY_EN, "Comments (2)", "Great piece.",
             "Pulitzer Prize-winning journalist Tom Reyes writes about transport and cities for the Courier.",
             "Terms of use"]
    assert [(b.author, b.text[:20]) for b in cleaned_text("\n\n".join(lines)).meta.bios] == [
        ("Tom Reyes", "Pulitzer Prize-winni")]
    lines = ["Startseite", "Fernwärme wird teurer", "Von Lena Vogt", *STORY_DE, "Kommentare", "Danke!",
             "Die Autorin ist Wirtschaftsredakteurin und schreibt seit 2015 über Energie.", "Impressum"]
    assert [b.text[:15] for b in cleaned_text("\n\n".join(lines)).meta.bios] == ["Die Autorin ist"]


def test_reported_speech_after_a_role_label_and_the_byline_name_is_not_a_bio():
    lines = ["Home", "Tram line to be extended", "By Tom Reyes", *STORY_EN, "Comments (2)",
             "Transport reporter Tom Reyes said the council, its director and the mayor had not replied.",
             "Terms of use"]
    assert cleaned_text("\n\n".join(lines)).meta.bios == ()


def test_two_authors_under_one_about_the_authors_heading_get_one_bio_each():
    # A magazine's "About the authors" section: one paragraph per contributor, the names in bold.
    box = ('<section class="contributors"><h2>About the authors</h2>'
           '<div class="contributor"><p><b>Ada Brook</b> is a transport correspondent at the Courier, '
           'where she covers rail and buses across the north.</p></div>'
           '<div class="contributor"><p><b>Ben Stone</b> is a data editor at the Courier. He has built its '
           'election maps since 2015.</p></div></section>')
    result = cleaned(page(article("Tram line approved", "By Ada Brook and Ben Stone", STORY_EN, after=box)))
    assert [(b.author, b.text) for b in result.meta.bios] == [
        ("Ada Brook", "Ada Brook is a transport correspondent at the Courier, where she covers rail and buses "
                      "across the north."),
        ("Ben Stone", "Ben Stone is a data editor at the Courier. He has built its election maps since 2015.")]
    assert "data editor" not in body_text(result)


def test_an_author_box_whose_paragraph_holds_its_profile_link_is_the_bio_without_the_link():
    # WordPress themes set "Alle Artikel von X anzeigen" inside the box's paragraph; the link text is
    # the box's furniture, not a promo that voids the box (a sidebar's "Über mich" had won instead).
    box = ('<div class="author-info"><div class="author-description"><h2 class="author-title">Über die Autorin</h2>'
           '<p class="author-bio">Lena Vogt arbeitet als Stadtplanerin in Freiburg und schreibt seit 2016 über '
           'Alltagsradeln und Verkehrswende. <a class="author-link" href="/author/lena/" rel="author">Alle Artikel '
           'von Lena Vogt anzeigen</a></p></div></div>')
    result = cleaned(page(article("Fernwärme wird teurer", "Von Lena Vogt", STORY_DE, after=box), lang="de"))
    assert [b.text for b in result.meta.bios] == [
        "Lena Vogt arbeitet als Stadtplanerin in Freiburg und schreibt seit 2016 über Alltagsradeln und Verkehrswende."]
