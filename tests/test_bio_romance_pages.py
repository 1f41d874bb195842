"""Bios in French, Spanish, Portuguese and Italian on real-shaped pages written here, as saved
HTML (nav, share bar, related posts, comments, footer) and as whole-page text scrapes; and the
traps of each language that must give no bio (issue 13: bios in any language; the shapes of
benchmarks/bio_shapes.py).
"""

import pytest

from tests.test_bio import article, cleaned, page
from tests.test_bio_text_scrapes import cleaned_text

# (lang, byline word, author, story paragraphs, share bar, related head, comments head)
PAGES = {
    "fr": ("Par", "Claire Noval", [
        "Le tribunal administratif a suspendu mardi le permis de construire du nouveau centre commercial de "
        "Saint-Aubin, donnant raison à l'association de riverains qui le contestait depuis deux ans.",
        "Les juges estiment que l'étude d'impact sous-estimait le trafic attendu sur la route départementale "
        "et n'examinait pas les effets du chantier sur la nappe phréatique.",
        "Le promoteur dispose de deux mois pour faire appel. La mairie, qui soutenait le projet, n'a pas "
        "encore fait savoir si elle comptait s'associer à ce recours.",
    ], "Partager sur Facebook · Partager sur Twitter", "Sur le même sujet", "4 commentaires"),
    "es": ("Por", "Lucía Prado", [
        "El juzgado de lo contencioso suspendió el martes la licencia del nuevo centro comercial de San Albar, "
        "y dio la razón a la asociación de vecinos que la recurría desde hace dos años.",
        "Los jueces consideran que el estudio de impacto subestimaba el tráfico previsto en la carretera "
        "comarcal y no analizaba los efectos de las obras sobre el acuífero.",
        "La promotora tiene dos meses para recurrir. El ayuntamiento, que apoyaba el proyecto, todavía no "
        "ha dicho si se sumará a ese recurso.",
    ], "Compartir en Facebook · Compartir en Twitter", "Noticias relacionadas", "4 comentarios"),
    "pt": ("Por", "Inês Moura", [
        "O tribunal administrativo suspendeu na terça-feira a licença do novo centro comercial de São Albino, "
        "dando razão à associação de moradores que a contestava há dois anos.",
        "Os juízes consideram que o estudo de impacto subestimava o trânsito previsto na estrada municipal e "
        "não analisava os efeitos das obras sobre o lençol freático.",
        "O promotor tem dois meses para recorrer. A câmara, que apoiava o projeto, ainda não disse se vai "
        "juntar-se a esse recurso.",
    ], "Partilhar no Facebook · Partilhar no Twitter", "Artigos relacionados", "4 comentários"),
    "it": ("Di", "Giulia Sarti", [
        "Il tribunale amministrativo ha sospeso martedì il permesso di costruire del nuovo centro commerciale "
        "di Sant'Albino, dando ragione al comitato di residenti che lo contestava da due anni.",
        "Secondo i giudici lo studio di impatto sottostimava il traffico previsto sulla strada provinciale e "
        "non esaminava gli effetti del cantiere sulla falda acquifera.",
        "Il costruttore ha due mesi per fare ricorso. Il comune, che sosteneva il progetto, non ha ancora "
        "detto se si unirà al ricorso.",
    ], "Condividi su Facebook · Condividi su Twitter", "Articoli correlati", "4 commenti"),
}
HEADLINES = {"fr": "Le centre commercial de Saint-Aubin suspendu", "es": "Suspendido el centro comercial de San Albar",
             "pt": "Suspenso o centro comercial de São Albino", "it": "Sospeso il centro commerciale di Sant'Albino"}


def html_page(lang: str, *, closing: str = "", box: str = "", aside: str = "", comment: str = "") -> str:
    by, author, story, share, related, comments = PAGES[lang]
    prose = story + ([closing] if closing else [])
    thread = (f'<section class="comments"><h3>{comments}</h3><div class="comment"><b>Marc L.</b>'
              f"<p>{comment}</p></div></section>" if comment else "")
    after = (f'{box}<div class="share">{share}</div><aside class="related"><h3>{related}</h3><ul><li>'
             f'<a href="/a">{HEADLINES["fr"]}</a></li></ul></aside>{thread}{aside}')
    return page(article(HEADLINES[lang], f'{by} <a href="/auteur/x">{author}</a>', prose, after=after), lang=lang)


def scrape_lines(lang: str, *, closing: str = "", box: tuple[str, ...] = (), aside: tuple[str, ...] = (),
                 comment: str = "") -> list[str]:
    by, author, story, share, related, comments = PAGES[lang]
    lines = ["Accueil", "Actualité", "Politique", "Sport", HEADLINES[lang], f"{by} {author}", "12/03/2024", share,
             *story, *([closing] if closing else []), *box, share, related, HEADLINES["fr"], HEADLINES["es"]]
    if comment:
        lines += [comments, "Marc L.", "il y a 2 heures", comment]
    return lines + [*aside, "Mentions légales · Contact", "© 2024"]


def html_bios(html: str) -> list[tuple[str | None, str]]:
    return [(b.author, b.text) for b in cleaned(html).meta.bios]


def text_bios(lines: list[str]) -> list[tuple[str | None, str]]:
    return [(b.author, b.text) for b in cleaned_text(lines).meta.bios]


# ------------------------------------------------------------------ bios each language's pages give

HEADED = [
    # "L'auteure" / a role label, then the full name and a beat verb ("couvre")
    ("fr", "L'auteure", "Journaliste indépendante, Claire Noval couvre la justice et l'environnement pour "
                        "plusieurs quotidiens régionaux."),
    # "Chi è <Name>" names the author; the text that follows names no one
    ("it", "Chi è Giulia Sarti", "Giornalista, scrive di giustizia e ambiente dal 2015 e collabora con diverse "
                                 "testate locali."),
    ("es", "¿Quién es Lucía Prado?", "Periodista, escribe sobre tribunales y medio ambiente desde 2015 para "
                                     "varios diarios regionales."),
    ("pt", "Sobre a autora", "Jornalista, Inês Moura acompanha os tribunais e o ambiente para vários jornais "
                             "regionais desde 2015."),
]


@pytest.mark.parametrize("lang, heading, bio", HEADED)
def test_a_headed_box_after_the_article_is_the_bio_in_both_inputs(lang, heading, bio):
    author = PAGES[lang][1]
    box = f'<div class="box"><h4>{heading}</h4><p>{bio}</p></div>'
    assert html_bios(html_page(lang, box=box)) == [(author, bio)]
    assert text_bios(scrape_lines(lang, box=(heading, bio))) == [(author, bio)]


CLOSING = [
    # a pronoun or the first name, and what a writer does ("covers ... for <paper>")
    ("fr", "Elle couvre l'actualité judiciaire pour Le Courrier de Saint-Aubin depuis 2016."),
    ("es", "Lucía cubre los tribunales para El Heraldo de San Albar y vive en la ciudad desde 2012."),
    ("pt", "Inês acompanha a justiça para o Diário de São Albino e vive na cidade desde 2012."),
    ("it", "Giulia segue la cronaca giudiziaria per il Corriere di Sant'Albino e vive in città dal 2012."),
    # an academic contributor's line: the role is a lecturer's
    ("fr", "Claire Noval est maîtresse de conférences en droit public à l'université de Saint-Aubin."),
    ("it", "Giulia Sarti è docente di diritto amministrativo all'Università di Sant'Albino."),
]


@pytest.mark.parametrize("lang, note", CLOSING)
def test_a_closing_note_on_the_author_is_the_bio_in_both_inputs(lang, note):
    author = PAGES[lang][1]
    html = html_page(lang, closing=f"<em>{note}</em>")
    assert [a for a, _ in html_bios(html)] == [author]
    assert note.split()[1] in html_bios(html)[0][1]
    assert [a for a, _ in text_bios(scrape_lines(lang, closing=note))] == [author]


# ------------------------------------------------------------------ traps: no bio

TRAPS = {
    "fr": {"expert": "Le professeur Henri Vasseur, vice-recteur de l'université d'Estmoor, estime que la décision "
                     "fera date.",
           "closing": "Elle couvre les frais de l'avocat elle-même depuis des mois.",
           "sidebar": ("Nos chroniqueurs", "Paul Rivet couvre le sport pour Le Courrier de Saint-Aubin depuis 2010."),
           "comment": "Je suis ingénieur à la retraite et j'habite à côté du terrain depuis trente ans ; enfin une "
                      "bonne nouvelle."},
    "es": {"expert": "El catedrático Andrés Vidal, vicerrector de la Universidad de Estemor, opina que el fallo "
                     "sentará precedente.",
           "closing": "Ella cubre los gastos del abogado desde hace meses con sus ahorros.",
           "sidebar": ("Nuestros columnistas", "Pablo Ribas cubre el deporte para El Heraldo de San Albar desde 2010."),
           "comment": "Soy ingeniero jubilado y vivo al lado del solar desde hace treinta años; por fin una buena "
                      "noticia."},
    "pt": {"expert": "O professor Henrique Vaz, vice-reitor da Universidade de Estemor, considera que a decisão vai "
                     "fazer escola.",
           "closing": "Ela cobre as despesas do advogado há meses com as suas poupanças.",
           "sidebar": ("Os nossos colunistas", "Paulo Ribeiro acompanha o desporto para o Diário de São Albino desde 2010."),
           "comment": "Sou engenheiro reformado e moro ao lado do terreno há trinta anos; finalmente uma boa notícia."},
    "it": {"expert": "Il professor Enrico Valli, prorettore dell'Università di Estmoro, ritiene che la sentenza "
                     "farà scuola.",
           "closing": "Lei copre le spese dell'avvocato da mesi con i suoi risparmi.",
           "sidebar": ("I nostri editorialisti", "Paolo Rinaldi segue lo sport per il Corriere di Sant'Albino dal 2010."),
           "comment": "Sono un ingegnere in pensione e abito accanto al terreno da trent'anni; finalmente una buona "
                      "notizia."},
}


@pytest.mark.parametrize("lang", sorted(TRAPS))
def test_traps_in_each_language_give_no_bio_in_either_input(lang):
    trap = TRAPS[lang]
    story = PAGES[lang][2]
    # a quoted expert with a role, in the story's middle
    with_expert = [story[0], trap["expert"], *story[1:]]
    by, author = PAGES[lang][:2]
    html = page(article(HEADLINES[lang], f"{by} {author}", with_expert), lang=lang)
    assert html_bios(html) == []
    lines = scrape_lines(lang)
    at = lines.index(story[1])
    assert text_bios(lines[:at] + [trap["expert"]] + lines[at:]) == []
    # the story's closing line about the woman it quotes, opening with a pronoun and a beat verb
    assert html_bios(html_page(lang, closing=trap["closing"])) == []
    assert text_bios(scrape_lines(lang, closing=trap["closing"])) == []
    # another columnist's card in the sidebar, the byline someone else's
    head, card = trap["sidebar"]
    assert html_bios(html_page(lang, aside=f'<aside class="sidebar"><h3>{head}</h3><p>{card}</p></aside>')) == []
    assert text_bios(scrape_lines(lang, aside=(head, card))) == []
    # a reader's first-person comment under the thread's head (a scrape's densest run swallows the thread)
    assert html_bios(html_page(lang, comment=trap["comment"])) == []
    assert text_bios(scrape_lines(lang, comment=trap["comment"])) == []


# ------------------------------------------------------------------ a schema.org description backs a visible box

LD_BIO = {"fr": "Claire Noval suit le tribunal de Saint-Aubin depuis douze ans et anime la page des lecteurs.",
          "es": "Lucía Prado sigue el juzgado de San Albar desde hace doce años y anima la página de los lectores.",
          "pt": "Inês Moura segue o tribunal de São Albino há doze anos e anima a página dos leitores.",
          "it": "Giulia Sarti segue il tribunale di Sant'Albino da dodici anni e anima la pagina dei lettori."}


@pytest.mark.parametrize("lang", sorted(LD_BIO))
def test_a_visible_box_the_json_ld_author_description_repeats_is_the_bio_in_any_words(lang):
    import json

    by, author = PAGES[lang][:2]
    box = f'<div class="author-card"><span>{author}</span><p>{LD_BIO[lang]}</p></div>'
    body = article(HEADLINES[lang], f"{by} {author}", PAGES[lang][2], after=box)
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINES[lang],
          "author": {"@type": "Person", "name": author, "description": LD_BIO[lang]}}
    head = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    assert html_bios(page(body, lang=lang, head=head)) == [(author, LD_BIO[lang])]
    # the same box with no description behind it says nothing a bio says: no bio
    assert html_bios(page(body, lang=lang)) == []
    # a site that calls itself the "Person" author, its tagline shown in the header: no bio
    site = {**ld, "author": {"@type": "Person", "name": "Courrier.fr", "description": "Courrier.fr - toute "
                             "l'actualité de Saint-Aubin et de sa région, chaque jour."}}
    tagline = f'<p class="tagline">{site["author"]["description"]}</p>'
    site_head = f'<script type="application/ld+json">{json.dumps(site, ensure_ascii=False)}</script>'
    assert html_bios(page(article(HEADLINES[lang], "Courrier.fr", PAGES[lang][2], after=tagline), lang=lang,
                          head=site_head)) == []
    # a description of the author that the page does not show is not taken by itself
    assert html_bios(page(article(HEADLINES[lang], f"{by} {author}", PAGES[lang][2]), lang=lang, head=head)) == []


# ------------------------------------------------------------------ German: the role first, the verb second

STORY_DE_COURT = [
    "Das Verwaltungsgericht hat am Dienstag die Baugenehmigung für das neue Einkaufszentrum in Sankt Alben "
    "ausgesetzt und damit der Anwohnerinitiative recht gegeben, die seit zwei Jahren dagegen klagt.",
    "Nach Ansicht der Richter unterschätzte das Gutachten den erwarteten Verkehr auf der Landstraße und ließ "
    "die Folgen der Baustelle für das Grundwasser außer Acht.",
    "Der Investor kann innerhalb von zwei Monaten Beschwerde einlegen. Die Stadt, die das Projekt unterstützt "
    "hatte, hat noch nicht erklärt, ob sie sich anschließen wird.",
]


def test_a_german_bio_opening_on_the_writers_role_with_the_verb_second_is_the_bio():
    note = "Als Gerichtsreporterin berichtet Jana Roth seit 2016 für das Tageblatt aus Sankt Alben."
    html = page(article("Einkaufszentrum gestoppt", "Von Jana Roth", [*STORY_DE_COURT, f"<em>{note}</em>"]), lang="de")
    assert html_bios(html) == [("Jana Roth", note)]
    lines = ["Startseite", "Politik", "Einkaufszentrum gestoppt", "Von Jana Roth", "12.03.2024", *STORY_DE_COURT, note,
             "Teilen", "Mehr zum Thema", "3 Kommentare", "Impressum"]
    assert text_bios(lines) == [("Jana Roth", note)]


def test_trap_a_german_closing_line_on_an_interviewees_job_with_the_verb_second_is_no_bio():
    note = "Als Krankenschwester arbeitet sie seit zwanzig Jahren im Klinikum und wohnt direkt neben der Baustelle."
    html = page(article("Einkaufszentrum gestoppt", "Von Jana Roth", [*STORY_DE_COURT, note]), lang="de")
    assert html_bios(html) == []
    lines = ["Startseite", "Politik", "Einkaufszentrum gestoppt", "Von Jana Roth", "12.03.2024", *STORY_DE_COURT, note,
             "Teilen", "Impressum"]
    assert text_bios(lines) == []


def test_trap_another_columnists_card_with_the_verb_second_is_no_bio():
    card = "Als Kolumnist schreibt Paul Brenner für das Tageblatt über Essen und Wein."
    html = page(article("Einkaufszentrum gestoppt", "Von Jana Roth", STORY_DE_COURT,
                        after=f'<aside class="sidebar"><h3>Unsere Kolumnisten</h3><p>{card}</p></aside>'), lang="de")
    assert html_bios(html) == []
    lines = ["Startseite", "Politik", "Einkaufszentrum gestoppt", "Von Jana Roth", "12.03.2024", *STORY_DE_COURT,
             "Teilen", "Unsere Kolumnisten", card, "Impressum"]
    assert text_bios(lines) == []


# ------------------------------------------------------------------ a writer's own newsletter in a first-person box

SELF_NEWSLETTER = {
    "fr": "Je suis Claire, journaliste au tribunal depuis douze ans. J'écris ma newsletter chaque vendredi.",
    "es": "Soy Lucía, periodista de tribunales desde hace doce años. Escribo este boletín cada viernes.",
    "pt": "Sou a Inês, jornalista de tribunais há doze anos. Escrevo esta newsletter todas as sextas-feiras.",
    "it": "Sono Giulia, giornalista di giudiziaria da dodici anni. Scrivo questa newsletter ogni venerdì.",
}
PROMO_NEWSLETTER = {
    "fr": "Je suis votre rendez-vous du vendredi : recevez notre newsletter, inscrivez-vous.",
    "es": "Soy tu cita de los viernes: recibe nuestra newsletter, suscríbete.",
    "pt": "Sou o seu encontro de sexta-feira: receba a nossa newsletter, inscreva-se.",
    "it": "Sono il vostro appuntamento del venerdì: ricevi la nostra newsletter, iscriviti.",
}


@pytest.mark.parametrize("lang", sorted(SELF_NEWSLETTER))
def test_a_first_person_box_naming_the_writers_own_newsletter_is_the_bio_and_a_sign_up_box_is_not(lang):
    author, own, promo = PAGES[lang][1], SELF_NEWSLETTER[lang], PROMO_NEWSLETTER[lang]
    assert html_bios(html_page(lang, box=f'<div class="about-box"><p>{own}</p></div>')) == [(author, own)]
    assert text_bios(scrape_lines(lang, box=(own,))) == [(author, own)]
    assert html_bios(html_page(lang, box=f'<div class="about-box"><p>{promo}</p></div>')) == []
    assert text_bios(scrape_lines(lang, box=(promo,))) == []
