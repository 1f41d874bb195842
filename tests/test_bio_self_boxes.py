"""First-person author boxes ("Hallo, ich bin Jana", "Hi, I'm Amy", "Je m'appelle ...") where blogs put
them (a sidebar widget before the article, right under the byline, after the comments and the footer),
in saved HTML and in whole-page text scrapes, in six languages; and the first-person texts that are
no author's box (an opinion piece's "I'm a teacher, and I think ...", a reader's comment, a
testimonial, a newsletter promo, a podcast host's intro), which must give no bio.
"""

import pytest

from exporter.cleaning import clean
from exporter.reading import decode_source

from tests.test_bio import STORY_DE, STORY_EN

STORY_FR = [
    "La mairie a annoncé mardi le prolongement de la ligne de tramway vers les quartiers nord, un projet "
    "qui divise les habitants depuis plus de dix ans et dont le coût est estimé à deux cents millions d'euros.",
    "Ses partisans affirment que la ligne réduira de moitié les temps de trajet et retirera chaque matin des "
    "milliers de voitures du périphérique, tandis que les opposants redoutent des années de travaux.",
    "Les travaux doivent commencer au printemps prochain, et les premières rames pourraient circuler d'ici "
    "quatre ans si l'État confirme sa part du financement à l'automne.",
]
STORY_ES = [
    "El ayuntamiento anunció el martes la ampliación de la línea de tranvía hacia los barrios del norte, un "
    "proyecto que divide a los vecinos desde hace más de una década y que costará unos doscientos millones.",
    "Sus defensores aseguran que la línea reducirá a la mitad el tiempo de viaje y sacará miles de coches de "
    "la ronda cada mañana, mientras que los críticos temen años de obras en la calle mayor.",
    "Las obras empezarán la próxima primavera y los primeros tranvías podrían circular dentro de cuatro años "
    "si el Gobierno confirma su parte de la financiación en otoño.",
]
STORY_PT = [
    "A prefeitura anunciou na terça-feira a extensão da linha de bonde até os bairros do norte, um projeto "
    "que divide os moradores há mais de uma década e deve custar cerca de duzentos milhões.",
    "Os defensores dizem que a linha vai reduzir pela metade o tempo de viagem e tirar milhares de carros do "
    "anel viário todas as manhãs, enquanto os críticos temem anos de obras na rua principal.",
    "As obras devem começar na próxima primavera, e os primeiros bondes podem circular em quatro anos se o "
    "governo confirmar a sua parte do financiamento no outono.",
]
STORY_IT = [
    "Il comune ha annunciato martedì il prolungamento della linea del tram verso i quartieri nord, un "
    "progetto che divide i residenti da oltre dieci anni e che costerà circa duecento milioni di euro.",
    "I sostenitori dicono che la linea dimezzerà i tempi di viaggio e toglierà ogni mattina migliaia di auto "
    "dalla tangenziale, mentre i contrari temono anni di cantieri lungo il corso.",
    "I lavori dovrebbero cominciare la prossima primavera e i primi tram potrebbero circolare entro quattro "
    "anni se il governo confermerà in autunno la sua parte dei fondi.",
]
# (language, story, byline, the author's first-person box, comments' head, footer)
LANGS = {
    "en": (STORY_EN, "By Jana Berg", "Hi, I'm Jana! I write about trams, bikes and the small joys of city life, "
           "and I have been running this blog since 2014.", "Leave a Reply", "© 2023 Jana's Blog"),
    "de": (STORY_DE, "Von Jana Berg", "Hallo, ich bin Jana! Ich schreibe hier über Straßenbahnen, Fahrräder und "
           "das Leben in der Stadt.", "Kommentare", "© 2023 Janas Blog · Impressum"),
    "fr": (STORY_FR, "Par Jeanne Morel", "Je m'appelle Jeanne et j'écris sur les tramways, le vélo et la vie en "
           "ville depuis 2014.", "Laisser un commentaire", "© 2023 Le blog de Jeanne · Mentions légales"),
    "es": (STORY_ES, "Por Juana Ortega", "Me llamo Juana y escribo sobre tranvías, bicicletas y la vida en la "
           "ciudad desde 2014.", "Deja un comentario", "© 2023 El blog de Juana · Aviso legal"),
    "pt": (STORY_PT, "Por Joana Prado", "Meu nome é Joana e escrevo sobre bondes, bicicletas e a vida na cidade "
           "desde 2014.", "Deixe um comentário", "© 2023 Blog da Joana · Contato"),
    "it": (STORY_IT, "Di Giovanna Neri", "Mi chiamo Giovanna e scrivo di tram, biciclette e vita di città dal "
           "2014.", "Lascia un commento", "© 2023 Il blog di Giovanna · Contatti"),
}
HEADLINES = {"en": "The tram line goes north", "de": "Die Straßenbahn fährt nach Norden",
             "fr": "Le tramway part vers le nord", "es": "El tranvía llega al norte",
             "pt": "O bonde chega ao norte", "it": "Il tram arriva a nord"}
# A reader's comment in the first person under the comments' head: (commenter's line, the comment).
COMMENTS = {
    "en": ("Mark says: March 3, 2023 at 9:12 am", "Hi, I'm Mark, I tried this route last weekend and my kids "
           "loved it. I have been riding trams for years and this one is the best."),
    "de": ("Kommentar von Markus am 3. März 2023", "Hallo, ich bin Markus, ich bin die Strecke am Wochenende "
           "gefahren und die Kinder waren begeistert. Ich schreibe hier nur selten."),
    "fr": ("Marc le 3 mars 2023 à 9 h 12", "Bonjour, je suis Marc, j'ai testé la ligne ce week-end et mes "
           "enfants ont adoré. J'écris rarement ici."),
    "es": ("Marcos el 3 de marzo de 2023", "Hola, soy Marcos, probé la línea el fin de semana y a mis hijos "
           "les encantó. Escribo aquí muy poco."),
    "pt": ("Marcos em 3 de março de 2023", "Olá, sou Marcos, testei a linha no fim de semana e meus filhos "
           "adoraram. Escrevo aqui muito pouco."),
    "it": ("Marco il 3 marzo 2023", "Ciao, sono Marco, ho provato la linea nel fine settimana e ai miei figli "
           "è piaciuta. Scrivo qui di rado."),
}


def author_of(lang: str) -> str:
    return LANGS[lang][1].split(" ", 1)[1]


def html_page(lang: str, *, before: str = "", under_byline: str = "", after: str = "", end: str = "") -> str:
    story, byline, _, comments_head, footer = LANGS[lang]
    prose = "".join(f"<p>{p}</p>" for p in story)
    return (f'<!doctype html><html lang="{lang}"><head><title>{HEADLINES[lang]}</title></head><body>'
            f'<header><nav><a href="/">Home</a> <a href="/blog">Blog</a></nav></header>{before}'
            f'<main><article><h1>{HEADLINES[lang]}</h1><p class="byline">{byline}</p>{under_byline}'
            f'<div class="entry-content">{prose}</div></article>{after}'
            f'<section id="comments"><h2>{comments_head}</h2><ol><li class="comment"><p>{COMMENTS[lang][0]}</p>'
            f'<p>{COMMENTS[lang][1]}</p></li></ol></section></main>'
            f'<footer><p>{footer}</p></footer>{end}</body></html>')


def scrape(lang: str, *, top: list[str] = (), under_byline: list[str] = (), mid: list[str] = (),
           after: list[str] = (), end: list[str] = ()) -> list[str]:
    story, byline, _, comments_head, footer = LANGS[lang]
    half = len(story) // 2 + 1
    return ["Home", "Blog", "Contact", *top, HEADLINES[lang], byline, *under_byline, *story[:half], *mid,
            *story[half:], *after, "Share", comments_head, *COMMENTS[lang], footer, *end]


def bios_html(html: str) -> list[tuple[str | None, str]]:
    return [(b.author, b.text) for b in clean(decode_source(html.encode("utf-8"), kind="html")).meta.bios]


def bios_text(lines: list[str]) -> list[tuple[str | None, str]]:
    text = "\n\n".join(lines)
    return [(b.author, b.text) for b in clean(decode_source(text.encode("utf-8"), kind="text")).meta.bios]


# ------------------------------------------------------------------ the author's box, wherever it is

@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_first_person_sidebar_widget_before_the_article_is_the_bio(lang):
    box = LANGS[lang][2]
    widget = f'<aside class="sidebar"><div class="widget widget_text"><div class="textwidget"><p>{box}</p></div></div></aside>'
    assert bios_html(html_page(lang, before=widget)) == [(author_of(lang), box)]
    assert bios_text(scrape(lang, top=[box])) == [(author_of(lang), box)]


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_first_person_box_right_under_the_byline_is_the_bio(lang):
    box = LANGS[lang][2]
    assert bios_html(html_page(lang, under_byline=f'<div class="intro-box"><p>{box}</p></div>')) == [
        (author_of(lang), box)]
    assert bios_text(scrape(lang, under_byline=[box])) == [(author_of(lang), box)]


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_first_person_box_after_the_comments_and_the_footer_is_the_bio(lang):
    box = LANGS[lang][2]
    assert bios_html(html_page(lang, end=f'<div class="widget"><p>{box}</p></div>')) == [(author_of(lang), box)]
    assert bios_text(scrape(lang, end=[box])) == [(author_of(lang), box)]


def test_a_first_person_box_under_a_byline_the_byline_steps_miss_names_its_writer():
    # A blog theme's "von Jana · 3. März 2023": a first name alone, which no byline rule takes for a
    # person; the box right under it gives that name, so it is the writer's box and names the author.
    box = "Hallo, ich bin Jana! Ich schreibe hier über Straßenbahnen, Fahrräder und das Leben in der Stadt."
    lines = scrape("de", under_byline=[box])
    lines[lines.index("Von Jana Berg")] = "von Jana · 3. März 2023"
    assert bios_text(lines) == [("Jana", box)]


# ------------------------------------------------------------------ first-person texts that are no author's box

OPINION = {"en": "I'm a teacher, and I think the council forgets the children who will cross these tracks "
                 "twice a day on their way to school.",
           "de": "Ich bin Lehrerin, und ich finde, der Stadtrat vergisst die Kinder, die diese Gleise zweimal "
                 "am Tag auf dem Schulweg überqueren.",
           "fr": "Je suis enseignante, et je pense que la mairie oublie les enfants qui traverseront ces voies "
                 "deux fois par jour.",
           "es": "Soy profesora, y creo que el ayuntamiento olvida a los niños que cruzarán estas vías dos "
                 "veces al día.",
           "pt": "Sou professora, e acho que a prefeitura esquece as crianças que vão atravessar estes trilhos "
                 "duas vezes por dia.",
           "it": "Sono un'insegnante, e penso che il comune dimentichi i bambini che attraverseranno questi "
                 "binari due volte al giorno."}
PODCAST = {"en": "Hi, I'm Jana, and welcome back to the show. Today I talk to a driver who has worked on the "
                 "line for twenty years.",
           "de": "Hallo, ich bin Jana, willkommen zu einer neuen Folge. Heute spreche ich mit einem Fahrer, der "
                 "seit zwanzig Jahren auf der Linie unterwegs ist.",
           "fr": "Bonjour, je suis Jeanne, bienvenue dans ce nouvel épisode. Aujourd'hui je parle avec un "
                 "conducteur qui travaille sur la ligne depuis vingt ans.",
           "es": "Hola, soy Juana, bienvenidos a un nuevo episodio. Hoy hablo con un conductor que lleva veinte "
                 "años en la línea.",
           "pt": "Olá, sou Joana, bem-vindos a mais um episódio. Hoje converso com um motorista que trabalha na "
                 "linha há vinte anos.",
           "it": "Ciao, sono Giovanna, benvenuti a una nuova puntata. Oggi parlo con un tranviere che lavora "
                 "sulla linea da vent'anni."}
TESTIMONIAL = {"en": "Hi, I'm Sarah, a nurse and a mother of two, and this planner has saved me hours every week!",
               "de": "Hallo, ich bin Sarah, Krankenpflegerin und Mutter von zwei Kindern, und dieser Planer spart "
                     "mir jede Woche Stunden!",
               "fr": "Bonjour, je suis Sarah, infirmière et mère de deux enfants, et cet agenda me fait gagner "
                     "des heures !",
               "es": "Hola, soy Sara, enfermera y madre de dos hijos, ¡y esta agenda me ahorra horas cada semana!",
               "pt": "Olá, sou Sara, enfermeira e mãe de dois filhos, e esta agenda me poupa horas toda semana!",
               "it": "Ciao, sono Sara, infermiera e mamma di due bambini, e questa agenda mi fa risparmiare ore!"}
PROMO = {"en": "I'm sending a weekly letter with my best routes and notes from the road: sign up and get it "
               "every Sunday.",
         "de": "Ich verschicke jeden Sonntag einen Brief mit meinen besten Strecken: Jetzt für den Newsletter "
               "eintragen.",
         "fr": "Je vous envoie chaque dimanche une lettre avec mes meilleurs trajets : inscrivez-vous à la "
               "newsletter.",
         "es": "Envío cada domingo una carta con mis mejores rutas: suscríbete a la newsletter.",
         "pt": "Envio todo domingo uma carta com as minhas melhores rotas: assine a newsletter.",
         "it": "Ogni domenica mando una lettera con i miei percorsi migliori: iscriviti alla newsletter."}


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_an_opinion_pieces_first_person_sentence_and_a_podcast_intro_in_the_body_are_no_bio(lang):
    for text in (OPINION[lang], PODCAST[lang]):
        assert bios_text(scrape(lang, mid=[text])) == []
        assert bios_text(scrape(lang, under_byline=[text])) == []
        story, byline = LANGS[lang][:2]
        html = html_page(lang).replace(f"<p>{story[1]}</p>", f"<p>{story[1]}</p><p>{text}</p>")
        assert bios_html(html) == []


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_readers_testimonial_and_a_first_person_promo_are_no_bio(lang):
    for text in (TESTIMONIAL[lang], PROMO[lang]):
        assert bios_text(scrape(lang, after=[text])) == []
        assert bios_text(scrape(lang, end=[text])) == []
        assert bios_html(html_page(lang, after=f'<div class="widget"><p>{text}</p></div>')) == []


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_readers_first_person_comment_is_no_bio(lang):
    # The page's own comment (in html_page and scrape) speaks in the first person under a name line.
    assert bios_html(html_page(lang)) == []
    assert bios_text(scrape(lang)) == []


def test_a_readers_comment_under_a_commenter_line_on_a_page_with_no_byline_is_no_bio():
    # "Kommentar von Markus am 3. März" reads like a byline the byline steps missed, and the comment
    # under it gives that name and says "ich schreibe hier": past the comments' head, it is a reader's.
    for lang in ("de", "en"):
        lines = scrape(lang)
        lines[lines.index(LANGS[lang][1])] = "12. März 2023"
        lines[lines.index(COMMENTS[lang][0])] = {"de": "Kommentar von Markus am 3. März 2023",
                                                 "en": "Comment by Mark on March 3, 2023"}[lang]
        assert bios_text(lines) == []


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_testimonial_giving_a_first_name_on_a_page_with_no_byline_is_no_bio(lang):
    # Nothing on the page says who wrote it, and "Hi, I'm Sarah, a nurse ..." says nothing of a writer.
    lines = scrape(lang, after=[TESTIMONIAL[lang]])
    lines[lines.index(LANGS[lang][1])] = "12.03.2023"
    assert bios_text(lines) == []


def test_a_comment_sharing_a_lower_case_word_with_the_bylines_name_is_no_bio():
    # "I will ride it again" under Will Hart's byline: the comment names Mark, not Will.
    lines = scrape("en")
    lines[lines.index("By Jana Berg")] = "By Will Hart"
    lines[lines.index(COMMENTS["en"][1])] = ("Hi, I'm Mark, I rode the new line last weekend and my kids loved it. "
                                             "I will ride it again.")
    assert bios_text(lines) == []


def test_a_footer_box_giving_the_name_of_a_byline_the_steps_miss_is_the_bio_and_a_comment_is_not():
    # No byline found ("von Jana · 3. März 2023"); the "about me" widget after the footer gives that
    # name and says what its writer does: the author's. A reader's "Hallo, ich bin Jana, ..." under
    # the comments' head says nothing of writing here: no box.
    box = "Moin, ich bin Jana! Ich blogge seit 2015 über Straßenbahnen und das Leben in der Stadt."
    lines = scrape("de", end=[box])
    lines[lines.index("Von Jana Berg")] = "von Jana · 3. März 2023"
    assert bios_text(lines) == [("Jana", box)]
    lines[lines.index(COMMENTS["de"][1])] = "Hallo, ich bin Jana, tolle Strecke, die fahre ich auch jeden Tag!"
    lines.remove(box)
    assert bios_text(lines) == []
