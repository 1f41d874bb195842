"""A whole-page scrape's author box glued to its furniture (issue 13): the post's date and share
buttons before it, the box's heading and name link (sometimes twice, the link and the text's
opening), its "more articles by" link, share words and the tag list after it, all on one line.
The bio is read from such a line in every language we clean, and printed without the furniture.

The traps are what the same gluing makes of other text: a related post's teaser card, a reader's
comment under its date, a masthead naming the editors. Every page is written here.
"""

import pytest

from exporter.cleaning import load_rules
from exporter.cleaning.bio_rules import lexicon, without_lead, without_tail

from tests.test_bio import STORY_DE, STORY_EN, article, cleaned, page as html_page
from tests.test_bio_glued_scrapes import FOOTER_DE, FOOTER_EN, pieces
from tests.test_bio_self_boxes import STORY_FR
from tests.test_bio_text_scrapes import MENU_DE, MENU_EN, bios_of

STORIES = {
    "fr": ["Le conseil municipal a voté mardi le prolongement de la ligne de tramway vers les quartiers nord, "
           "un projet qui divise les habitants depuis plus de dix ans et dont le coût est estimé à deux cents "
           "millions d'euros.",
           "Les partisans du projet affirment que la ligne réduira de moitié les temps de trajet, tandis que les "
           "opposants redoutent des années de travaux le long de la rue principale.",
           "Les travaux doivent commencer au printemps prochain, et les premières rames devraient circuler dans "
           "quatre ans si l'État confirme sa part du financement."],
    "es": ["El pleno del ayuntamiento aprobó el martes la ampliación de la línea de tranvía hacia los barrios del "
           "norte, un proyecto que divide a los vecinos desde hace más de diez años y que costará unos doscientos "
           "millones de euros.",
           "Sus defensores aseguran que la línea reducirá a la mitad los tiempos de viaje, mientras que los "
           "detractores temen años de obras a lo largo de la calle mayor.",
           "Las obras comenzarán la próxima primavera y los primeros tranvías podrían circular dentro de cuatro "
           "años si el Gobierno confirma su parte de la financiación."],
    "pt": ["A câmara municipal aprovou na terça-feira o prolongamento da linha de elétrico para os bairros do "
           "norte, um projeto que divide os moradores há mais de dez anos e que deverá custar duzentos milhões "
           "de euros.",
           "Os defensores dizem que a linha vai reduzir para metade o tempo das viagens, enquanto os opositores "
           "receiam anos de obras ao longo da rua principal.",
           "As obras devem começar na próxima primavera e os primeiros elétricos poderão circular dentro de "
           "quatro anos se o Governo confirmar a sua parte do financiamento."],
    "it": ["Il consiglio comunale ha approvato martedì il prolungamento della linea del tram verso i quartieri "
           "nord, un progetto che divide i residenti da più di dieci anni e che costerà circa duecento milioni "
           "di euro.",
           "I sostenitori affermano che la linea dimezzerà i tempi di percorrenza, mentre gli oppositori temono "
           "anni di cantieri lungo la via principale.",
           "I lavori dovrebbero iniziare la prossima primavera e i primi tram potrebbero circolare entro quattro "
           "anni se il governo confermerà la sua quota di finanziamento."],
    "de": STORY_DE, "en": STORY_EN,
}
# (byline, name, bio, heading, profile link and share words, date and share words, tags), per language.
BOXES = {
    "en": ("By Jane Doe", "Jane Doe", "Jane Doe is a reporter at the Courier and has covered city hall since 2015.",
           "About the author", "More articles by Jane Doe Share Tweet Email", "March 12, 2021 Share Tweet Email",
           "Tags: politics, city council"),
    "de": ("Von Jana Beispiel", "Jana Beispiel", "Jana Beispiel ist Redakteurin bei der Rundschau und schreibt über Stadtpolitik.",
           "Über die Autorin", "Alle Artikel von Jana Beispiel Teilen Twittern E-Mail", "12. März 2021 Teilen Twittern E-Mail",
           "Schlagwörter: Politik, Stadtrat"),
    "fr": ("Par Marie Dupont", "Marie Dupont", "Marie Dupont est journaliste au service politique et suit la vie municipale depuis 2015.",
           "À propos de l'auteur", "Tous les articles de Marie Dupont Partager Tweeter", "12 mars 2021 Partager Tweeter",
           "Mots-clés : politique, conseil municipal"),
    "es": ("Por Ana García", "Ana García", "Ana García es periodista del diario y cubre la política municipal desde 2015.",
           "Sobre la autora", "Más artículos de Ana García Compartir Tuitear", "12 de marzo de 2021 Compartir Tuitear",
           "Etiquetas: política, ayuntamiento"),
    "pt": ("Por João Silva", "João Silva", "João Silva é jornalista do jornal e acompanha a política municipal desde 2015.",
           "Sobre o autor", "Mais artigos de João Silva Compartilhar Tuitar", "12 de março de 2021 Compartilhar Tuitar",
           "Tags: política, câmara municipal"),
    "it": ("Di Marco Rossi", "Marco Rossi", "Marco Rossi è giornalista del quotidiano e segue la politica comunale dal 2015.",
           "L'autore", "Altri articoli di Marco Rossi Condividi Twitta", "12 marzo 2021 Condividi Twitta",
           "Tag: politica, consiglio comunale"),
}


def page(lang: str, box_line: str, byline: bool = True) -> list[str]:
    by = [BOXES[lang][0]] if byline else []
    return ["Accueil", "Contact", "Tram", *by, "12/03/2021", *STORIES[lang], box_line, "© 2022"]


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_a_box_glued_to_its_date_heading_doubled_name_link_and_tail_gives_its_bio_alone(lang):
    _, name, bio, heading, link, date, tags = BOXES[lang]
    assert bios_of(page(lang, f"{heading} {name} {bio} {link}")) == [(name, bio)]
    assert bios_of(page(lang, f"{date} {bio} {tags}")) == [(name, bio)]
    # the date and share words before the heading, the name link glued to the text's opening name
    assert pieces(f"{date} {heading} {bio.replace(name, f'{name} {name}', 1)} {link} {tags}", (name,)) == [
        heading, name, bio]


@pytest.mark.parametrize("lang", sorted(BOXES))
def test_the_printed_bio_leaves_out_the_glued_profile_link_share_words_tags_and_date(lang):
    _, name, bio, _, link, date, tags = BOXES[lang]
    lex = lexicon(load_rules().bio)
    assert without_tail(f"{bio} {link}", lex) == bio
    assert without_tail(f"{bio} {tags}", lex) == bio
    assert without_lead(f"{date} {bio}", lex) == bio
    # the author's handle after the last sentence is the bio's; a share word in a sentence is no button
    assert without_tail(f"{bio} @handle {link}", lex) == f"{bio} @handle"
    assert without_tail(f"{bio} Share your tips with her.", lex) == f"{bio} Share your tips with her."


def test_a_headed_box_after_a_date_is_read_with_no_byline_found():
    bio = "Danilo Brandt ist seit 2014 Geschäftsführer einer Agentur für Medienbildung in Leipzig."
    line = f"12. März 2021 Teilen Twittern E-Mail Über den Autor {bio} Schlagwörter: Medien"
    assert pieces(line) == ["Über den Autor", bio]
    # with no heading, another person's name and role after the same furniture opens nothing
    caption = "12. März 2021 Teilen Twittern E-Mail Maria Lehmann ist Krankenpflegerin in Kassel und wartet auf einen Termin."
    assert pieces(caption) == [caption]


def test_a_self_description_giving_the_bylines_name_after_share_words_closes_the_article():
    bio = "Hi! My name is Jane Doe. I write about trams, buses and the city for the Courier."
    lines = [*MENU_EN, "Tram line approved", "By Jane Doe", "Dec 23, 2020", *STORY_EN,
             f"March 12, 2021 Share Tweet Email {bio} Tags: transport", *FOOTER_EN]
    assert bios_of(lines) == [("Jane Doe", bio)]


def test_a_name_link_before_a_role_label_is_the_label_not_a_surname_opening():
    bio = "Projektleiterin. Miriam Ruhenstroth hat das Projekt seit Beginn begleitet, zuerst als freie Autorin."
    assert pieces(f"12. März 2021 Teilen Twittern E-Mail Miriam Ruhenstroth {bio}", ("Miriam Ruhenstroth",)) == [
        "Miriam Ruhenstroth", bio]


# ------------------------------------------------------------------ traps: no bio

TEASERS = [
    "12. März 2021 Teilen Twittern Jana Beispiel ist für uns nach Kassel gefahren und hat sich die neue "
    "Tramlinie angesehen. Weiterlesen",
    "12. März 2021 Teilen Twittern Maria Lehmann ist neue Leiterin der Stadtbibliothek. Sie will die "
    "Öffnungszeiten verlängern. Weiterlesen",
]
COMMENTS_DE = ["2 Kommentare", "Mark sagt: 12. März 2021 um 10:15 Uhr Ich bin Lehrer in Kassel und lese Ihre "
               "Artikel seit Jahren sehr gern. Danke! Antworten"]
MASTHEAD_DE = ["Herausgeber: Jonas Keller Redaktion: Jana Beispiel Jana Beispiel ist verantwortlich für den Inhalt "
               "nach § 55 RStV. Anschrift: Marktstraße 1, 34117 Kassel."]


def german_page(after: list[str], byline: bool = True) -> list[str]:
    return [*MENU_DE, "Fernwärme wird teurer", *(["Von Jana Beispiel"] if byline else []), "12. Oktober 2022",
            *STORY_DE, *after, *FOOTER_DE]


@pytest.mark.parametrize("teaser", TEASERS)
@pytest.mark.parametrize("byline", [True, False])
def test_trap_a_glued_teaser_card_after_the_article_is_no_bio(teaser, byline):
    assert bios_of(german_page([teaser], byline)) == []


@pytest.mark.parametrize("after", [COMMENTS_DE, COMMENTS_DE[1:], MASTHEAD_DE])
def test_trap_a_glued_comment_or_masthead_is_no_bio(after):
    assert bios_of(german_page(after)) == []


@pytest.mark.parametrize("after", [
    ["4 Comments", "March 12, 2021 at 10:15 am Hi, I'm Jane Doe's neighbour and I have read every one of her "
     "articles. Reply"],
    # (no comments head: the possessive says the name is not the writer's)
    ["March 12, 2021 Share Hi, I'm Jane Doe's neighbour and I have read every one of her articles about the tram. "
     "Reply"],
    ["4 Comments", "Mark says: March 12, 2021 at 10:15 am I'm a teacher in Leeds and I have read your articles "
     "for years. Reply"],
])
def test_trap_a_readers_glued_self_description_is_no_bio_even_naming_the_author(after):
    lines = [*MENU_EN, "Tram line approved", "By Jane Doe", "Dec 23, 2020", *STORY_EN, *after, *FOOTER_EN]
    assert bios_of(lines) == []


def test_a_card_whose_name_link_is_glued_to_its_texts_opening_name_is_read_with_no_byline():
    bio = "Jane Doe is a senior reporter for the Courier, based in Leeds."
    lines = [*MENU_EN, "Tram line approved", "Dec 23, 2020", *STORY_EN,
             f"March 12, 2021 Share Tweet Email Jane Doe {bio} Tags: transport", *FOOTER_EN]
    assert pieces(lines[-3]) == ["Jane Doe", bio]
    assert bios_of(lines) == [("Jane Doe", bio)]


@pytest.mark.parametrize("byline", [True, False])
def test_trap_a_name_given_twice_in_a_glued_caption_mid_story_is_no_bio(byline):
    caption = ("Foto: dpa Maria Lehmann Maria Lehmann ist Krankenpflegerin in Kassel und wartet seit Monaten auf "
               "einen Termin beim Amt.")
    lines = [*MENU_DE, "Fernwärme wird teurer", *(["Von Jana Beispiel"] if byline else []), "12. Oktober 2022",
             *STORY_DE[:2], caption, *STORY_DE[2:], *FOOTER_DE]
    assert bios_of(lines) == []


RELATED = "Trams are back in fashion across the cities of Europe"


def test_a_box_glued_after_a_related_posts_headline_opens_at_its_heading_and_card():
    bio = "Jane Doe is a reporter at the Courier and has covered city hall since 2015."
    line = f"{RELATED} About the Author Jane Doe {bio} Advertisement"
    assert pieces(line) == ["About the Author", "Jane Doe", bio]
    lines = [*MENU_EN, "Tram line approved", "By Jane Doe", "Dec 23, 2020", *STORY_EN, line, *FOOTER_EN]
    assert bios_of(lines) == [("Jane Doe", bio)]
    # after text that reads on, a heading with no card after it opens nothing
    prose = f"{RELATED} The author Maria Lopez is a nurse who wrote a book about the hospital and its waiting lists."
    assert pieces(prose) == [prose]


@pytest.mark.parametrize("mid", [True, False])
def test_trap_another_writers_card_glued_after_a_related_headline_is_no_bio(mid):
    card = f"{RELATED} About the Author Tom Reyes Tom Reyes is a columnist for the paper and the author of two books."
    story = [*STORY_EN[:2], card, *STORY_EN[2:]] if mid else [*STORY_EN, card]
    lines = [*MENU_EN, "Tram line approved", "By Jane Doe", "Dec 23, 2020", *story, *FOOTER_EN]
    assert bios_of(lines) == []


# ------------------------------------------------------------------ an HTML author box's closing links

@pytest.mark.parametrize("links", [
    '<a href="/auteurs/jeanne-roux">Voir tous ses articles</a> · <a href="#">La suivre sur X</a>',
    '<a href="/autoren/jana-roth">Alle Artikel</a> | <a href="#">Folgen</a>',
    '<a href="/autores/ana-ruiz">Ver perfil</a>',
])
def test_an_author_box_closing_with_a_line_of_links_prints_its_bio_without_them(links):
    # A French regional paper's author box: its bio paragraph, then a paragraph of profile and follow
    # links only; the links are furniture whatever their words (the words of each language need no rule).
    box = ('<aside class="author-box"><h3>À propos de l\'autrice</h3><p><strong>Jeanne Roux</strong> est '
           "journaliste au service société du Courrier de l'Ouest depuis 2018. Elle suit l'éducation et la santé "
           f"en Loire-Atlantique.</p><p>{links}</p></aside>")
    html = html_page(article("La cantine bio gagne les collèges", "Par Jeanne Roux", STORY_FR, after=box), lang="fr")
    bios = [(b.author, b.text) for b in cleaned(html).meta.bios]
    assert bios == [("Jeanne Roux", "Jeanne Roux est journaliste au service société du Courrier de l'Ouest depuis "
                                    "2018. Elle suit l'éducation et la santé en Loire-Atlantique.")]


def test_a_bio_set_inside_its_link_is_kept():
    # Some themes link the whole card: a long link is the bio itself, not a profile link.
    box = ('<aside class="author-box"><h3>À propos de l\'autrice</h3><p><a href="/auteurs/jeanne-roux">Jeanne Roux '
           "est journaliste au service société du Courrier de l'Ouest depuis 2018.</a></p></aside>")
    html = html_page(article("La cantine bio gagne les collèges", "Par Jeanne Roux", STORY_FR, after=box), lang="fr")
    assert [b.text for b in cleaned(html).meta.bios] == [
        "Jeanne Roux est journaliste au service société du Courrier de l'Ouest depuis 2018."]
