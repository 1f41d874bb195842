"""bio_stress.py's first-person variants: a blogger's "about me" box where blogs put it, and the
first-person texts that are no author's box (every word written here, not corpus text).

Pages with a bio, the bio replaced by a first-person box with the byline's first name:

- ``self_sidebar``: the box, under its widget's title ("Über mich"), before the headline (a
  sidebar widget comes first in a whole-page scrape);
- ``self_end``: the box at the page's very end, after the comments and the footer.

Pages without a bio, one trap each (in the page's language):

- ``self_opinion``: an opinion piece's first-person sentence mid-body ("I'm a teacher, and I think ...");
- ``self_podcast``: a podcast host's intro mid-body, with the byline's first name when there is one;
- ``self_comment``: a reader's comment under the comments' head ("Leave a Reply" / "Mark" /
  "Hi, I'm Mark, I tried this recipe ...");
- ``self_testimonial``: a customer's testimonial after the body;
- ``self_promo``: a newsletter promo in the first person after the body ("I'm sending a weekly letter ...").
"""

from __future__ import annotations

SELF_HEADINGS = {"en": "About me", "de": "Über mich", "fr": "À propos de moi", "es": "Sobre mí",
                 "pt": "Sobre mim", "it": "Chi sono"}
SIDEBAR_BOXES = {
    "en": "My name is {first}, and I write here about food, small towns and the people who keep them going.",
    "de": "Ich bin {first}, ich schreibe hier über Reisen mit der Bahn, gutes Essen und das Leben auf dem Land.",
    "fr": "Je m'appelle {first} et j'écris sur les voyages en train, la cuisine et la vie à la campagne.",
    "es": "Me llamo {first} y escribo sobre viajes en tren, cocina y la vida en el campo.",
    "pt": "Meu nome é {first} e escrevo sobre viagens de trem, culinária e a vida no interior.",
    "it": "Mi chiamo {first} e scrivo di viaggi in treno, cucina e vita di campagna.",
}
END_BOXES = {
    "en": "Hey there, I'm {first}! I started this blog in 2015 to keep notes on my garden, and I have been "
          "blogging about plants ever since.",
    "de": "Moin, ich bin {first}! Ich blogge seit 2015 über meinen Garten und alles, was darin wächst.",
    "fr": "Salut, moi c'est {first} ! Je tiens ce blog depuis 2015 pour parler de mon jardin.",
    "es": "¡Hola! Soy {first} y llevo este blog desde 2015 para hablar de mi huerto.",
    "pt": "Oi, eu sou {first}! Mantenho este blog desde 2015 para falar da minha horta.",
    "it": "Ciao, io sono {first}! Curo questo blog dal 2015 per raccontare il mio orto.",
}
# The page's footer lines the end box comes after.
FOOTERS = {"en": "© 2021 All rights reserved", "de": "© 2021 Alle Rechte vorbehalten",
           "fr": "© 2021 Tous droits réservés", "es": "© 2021 Todos los derechos reservados",
           "pt": "© 2021 Todos os direitos reservados", "it": "© 2021 Tutti i diritti riservati"}

SELF_TRAPS = {
    "en": {
        "opinion": "I'm a teacher, and I think the new timetable asks too much of children who already "
                   "start school at half past seven.",
        "podcast": "Hi, I'm {first}, and welcome back to the show. Today I talk to a baker who opened her "
                   "shop in the middle of the crisis.",
        "comment_head": "Leave a Reply", "commenter": "Mark", "comment_date": "March 3, 2021 at 9:12 am",
        "comment": "Hi, I'm Mark, I tried this recipe last weekend and my kids loved it. I will make it again.",
        "testimonial": "Hi, I'm Sarah, a nurse and a mother of two, and this planner has saved me hours every "
                       "week!",
        "promo": "I'm sending a weekly letter with my best recipes and notes from the road: sign up and get it "
                 "every Sunday.",
    },
    "de": {
        "opinion": "Ich bin Lehrerin, und ich finde, der neue Stundenplan verlangt zu viel von Kindern, die "
                   "schon um halb acht in der Schule sitzen.",
        "podcast": "Hallo, ich bin {first}, willkommen zu einer neuen Folge. Heute spreche ich mit einer "
                   "Bäckerin, die mitten in der Krise ihren Laden eröffnet hat.",
        "comment_head": "Kommentare", "commenter": "Markus", "comment_date": "Kommentar von Markus am 3. März 2021",
        "comment": "Hallo, ich bin Markus, ich habe das Rezept am Wochenende ausprobiert und die Kinder waren "
                   "begeistert.",
        "testimonial": "Hallo, ich bin Sarah, Krankenpflegerin und Mutter von zwei Kindern, und dieser Planer "
                       "spart mir jede Woche Stunden!",
        "promo": "Ich verschicke jeden Sonntag einen Brief mit meinen besten Rezepten und Notizen von "
                 "unterwegs: Jetzt eintragen.",
    },
    "fr": {
        "opinion": "Je suis enseignante, et je pense que le nouvel emploi du temps demande trop aux enfants "
                   "qui commencent déjà à sept heures et demie.",
        "podcast": "Bonjour, je suis {first}, bienvenue dans ce nouvel épisode. Aujourd'hui je parle avec une "
                   "boulangère qui a ouvert sa boutique en pleine crise.",
        "comment_head": "Laisser un commentaire", "commenter": "Marc", "comment_date": "3 mars 2021 à 9 h 12",
        "comment": "Bonjour, je suis Marc, j'ai testé la recette ce week-end et mes enfants ont adoré.",
        "testimonial": "Bonjour, je suis Sarah, infirmière et mère de deux enfants, et cet agenda me fait "
                       "gagner des heures chaque semaine !",
        "promo": "Je vous envoie chaque dimanche une lettre avec mes meilleures recettes : inscrivez-vous.",
    },
    "es": {
        "opinion": "Soy profesora, y creo que el nuevo horario exige demasiado a unos niños que ya entran "
                   "a clase a las siete y media.",
        "podcast": "Hola, soy {first}, bienvenidos a un nuevo episodio. Hoy hablo con una panadera que abrió "
                   "su tienda en plena crisis.",
        "comment_head": "Deja un comentario", "commenter": "Marcos", "comment_date": "3 de marzo de 2021 a las 9:12",
        "comment": "Hola, soy Marcos, probé la receta el fin de semana y a mis hijos les encantó.",
        "testimonial": "Hola, soy Sara, enfermera y madre de dos hijos, ¡y esta agenda me ahorra horas cada "
                       "semana!",
        "promo": "Envío cada domingo una carta con mis mejores recetas: suscríbete y recíbela gratis.",
    },
    "pt": {
        "opinion": "Sou professora, e acho que o novo horário exige demais de crianças que já entram na "
                   "escola às sete e meia.",
        "podcast": "Olá, sou {first}, bem-vindos a mais um episódio. Hoje converso com uma padeira que abriu "
                   "a loja em plena crise.",
        "comment_head": "Deixe um comentário", "commenter": "Marcos", "comment_date": "3 de março de 2021 às 9:12",
        "comment": "Olá, sou Marcos, testei a receita no fim de semana e meus filhos adoraram.",
        "testimonial": "Olá, sou Sara, enfermeira e mãe de dois filhos, e esta agenda me poupa horas toda "
                       "semana!",
        "promo": "Envio todo domingo uma carta com as minhas melhores receitas: inscreva-se.",
    },
    "it": {
        "opinion": "Sono un'insegnante, e penso che il nuovo orario chieda troppo a bambini che entrano già "
                   "a scuola alle sette e mezza.",
        "podcast": "Ciao, sono {first}, benvenuti a una nuova puntata. Oggi parlo con una fornaia che ha "
                   "aperto il suo negozio in piena crisi.",
        "comment_head": "Lascia un commento", "commenter": "Marco", "comment_date": "3 marzo 2021 alle 9:12",
        "comment": "Ciao, sono Marco, ho provato la ricetta nel fine settimana e ai miei figli è piaciuta.",
        "testimonial": "Ciao, sono Sara, infermiera e mamma di due bambini, e questa agenda mi fa risparmiare "
                       "ore ogni settimana!",
        "promo": "Ogni domenica mando una lettera con le mie ricette migliori: iscriviti.",
    },
}
SELF_BIO_VARIANTS = ("self_sidebar", "self_end")
SELF_TRAP_VARIANTS = ("self_opinion", "self_podcast", "self_comment", "self_testimonial", "self_promo")


def _headline_index(lines: list[str], title: str | None, before: int) -> int:
    """The headline's line (the labelled title's), else the line above the byline."""
    key = " ".join((title or "").split()).casefold()
    found = next((i for i, line in enumerate(lines[:before + 1]) if key and line.casefold() == key), None)
    return found if found is not None else max(0, before - 1)


def self_bio_variants(lines: list[str], span: range, authors: list[str], lang: str, bylines: list[int],
                      title: str | None):
    """(variant, lines, expected bio): the page's bio replaced by a first-person box in a blog's places."""
    first = next((a for a in authors if a), "").split()[:1]
    if not first or not bylines or lang not in SIDEBAR_BOXES:
        return
    rest = lines[:span.start] + lines[span.stop:]
    at = _headline_index(rest, title, bylines[0])
    box = SIDEBAR_BOXES[lang].format(first=first[0])
    yield "self_sidebar", rest[:at] + [SELF_HEADINGS[lang], box] + rest[at:], box
    box = END_BOXES[lang].format(first=first[0])
    yield "self_end", rest + [FOOTERS[lang], box], box


def self_trap_variants(lines: list[str], lang: str, authors: list[str], middle: int, after: int):
    """(variant, lines, the trap's text) for a page without a bio: first-person texts that are no author's box."""
    traps = SELF_TRAPS.get(lang, SELF_TRAPS["en"])
    first = next((a for a in authors if a), "Tom").split()[0]
    for variant in ("opinion", "podcast"):
        text = traps[variant].format(first=first)
        yield f"self_{variant}", lines[:middle] + [text] + lines[middle:], text
    thread = [traps["comment_head"], traps["commenter"], traps["comment_date"], traps["comment"]]
    yield "self_comment", lines[:after] + thread + lines[after:], traps["comment"]
    for variant in ("testimonial", "promo"):
        yield f"self_{variant}", lines[:after] + [traps[variant]] + lines[after:], traps[variant]
