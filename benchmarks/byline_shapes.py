"""The byline shapes and traps of byline_stress.py: the words (written here, per corpus language)
and, for each shape, the lines it prints and the authors it names.

``shape(name, rng, case)`` → (lines above the headline, lines under it, closing lines, expected
authors). A case with no personal byline gets invented names; traps keep the case's own list.
"""

from __future__ import annotations

LANGS = ("en", "de", "fr", "es", "pt", "it")
# by, with, and, updated by, reporting by, editing by
WORDS = {
    "en": ("By", "with", "and", "Updated by", "Reporting by", "Editing by"),
    "de": ("Von", "mit", "und", "Aktualisiert von", "Reporter:", "bearbeitet von"),
    "fr": ("Par", "avec", "et", "Mis à jour par", "Reportage de", "édité par"),
    "es": ("Por", "con", "y", "Actualizado por", "Reporte de", "Editado por"),
    "pt": ("Por", "com", "e", "Atualizado por", "Reportagem de", "Edição de"),
    "it": ("Di", "con", "e", "Aggiornato da", "Servizio di", "editing di"),
}
NAMES = ["Nadia Okafor", "Tomás Ferreira", "Lena Brandt", "Owen Gallagher", "Priya Raman", "Giulia Conti",
         "Jean-Luc Moreau", "Henrik Voss", "Ana Beatriz Souza", "Camille Durand", "Javier Molina",
         "Sofia Lindqvist", "Mateus Carvalho", "Francesca Ricci", "Daniel Osei"]
NICKS = [("Robert", "Bob", "Hale"), ("Katharina", "Kathi", "Seidl"), ("Francisco", "Paco", "Ibarra"),
         ("Giuseppe", "Peppe", "Marino"), ("Margaret", "Peggy", "Lund")]
JOBS = {"en": ["Chief Political Correspondent", "Senior Editor", "Science Reporter"],
        "de": ["Korrespondentin", "Wirtschaftsredakteur"], "fr": ["Correspondante", "Rédacteur en chef"],
        "es": ["Corresponsal", "Redactora jefe"], "pt": ["Correspondente", "Editora de Ciência"],
        "it": ["Inviata", "Caporedattore"]}
WIRES = {"en": ["By: Metro Wire", "AP", "Reuters"], "de": ["dpa", "Von: dpa"], "fr": ["AFP", "Par : AFP"],
         "es": ["EFE", "Por: Agencia EFE"], "pt": ["Lusa", "Por: Agência Lusa"], "it": ["ANSA", "Di: ANSA"]}
CITIES = ["Leeds", "Hamburg", "Lyon", "Valencia", "Porto", "Bologna"]
DATES = {"en": "March 12, 2021", "de": "12.03.2021", "fr": "12 mars 2021", "es": "12 de marzo de 2021",
         "pt": "12 de março de 2021", "it": "12 marzo 2021"}
PHOTO = {"en": "Photo: {n}/Metro Wire", "de": "Foto: {n}/dpa", "fr": "Photo : {n} / AFP",
         "es": "Foto: {n} / EFE", "pt": "Foto: {n}/Lusa", "it": "Foto: {n}/ANSA"}
AGENCY_TEXT = {"en": "Text: AP", "de": "Text: dpa", "fr": "Texte : AFP", "es": "Texto: EFE",
               "pt": "Texto: Lusa", "it": "Testo: ANSA"}
QUOTE = {"en": "“We will not wait another year.” — {n}, mayor",
         "de": "„Wir warten kein weiteres Jahr.“ — {n}, Bürgermeisterin",
         "fr": "« Nous n'attendrons pas un an de plus. » — {n}, maire",
         "es": "«No esperaremos otro año». — {n}, alcaldesa", "pt": "“Não vamos esperar mais um ano.” — {n}, prefeita",
         "it": "«Non aspetteremo un altro anno». — {n}, sindaca"}
PICKS = {"en": "Editor's Picks", "de": "Empfehlungen der Redaktion", "fr": "La sélection de la rédaction",
         "es": "Selección del editor", "pt": "Escolhas do editor", "it": "Scelti dalla redazione"}
TEASER = {"en": "Why the old bridge still matters", "de": "Warum die alte Brücke noch zählt",
          "fr": "Pourquoi le vieux pont compte encore", "es": "Por qué el viejo puente aún importa",
          "pt": "Por que a ponte velha ainda importa", "it": "Perché il vecchio ponte conta ancora"}
COMMENT = {"en": ("Comments", "Great piece, thanks for writing about our town at last."),
           "de": ("Kommentare", "Toller Artikel, danke, dass endlich jemand über unsere Stadt schreibt."),
           "fr": ("Commentaires", "Très bon article, merci d'enfin parler de notre ville."),
           "es": ("Comentarios", "Gran artículo, gracias por escribir por fin sobre nuestra ciudad."),
           "pt": ("Comentários", "Ótimo texto, obrigado por escrever finalmente sobre a nossa cidade."),
           "it": ("Commenti", "Ottimo articolo, grazie per aver scritto finalmente della nostra città.")}


def _join(names: list[str], lang: str) -> str:
    conj = WORDS[lang][2]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {conj} {names[-1]}"


def _others(rng, authors, k):
    return rng.sample([n for n in NAMES if n not in authors], k)


# ------------------------------------------------------------------ the shapes
# Each: (rng, lang, authors) → (head lines, closing lines, expected authors, html markup hint).
# ``authors`` is the case's own list, or invented names when the case has none; traps get the
# case's own list as it is ([] stays []).

def _plain(rng, lang, a):
    return [f"{WORDS[lang][0]} {_join(a, lang)}"], [], a


def _with(rng, lang, a):
    by, with_, conj = WORDS[lang][:3]
    extra = _others(rng, a, 2)
    return [f"{by} {a[0]} ({with_} {extra[0]} {conj} {extra[1]})"], [], [a[0], *extra]


def _bare(rng, lang, a):
    return [_join(a, lang)], [], a


def _pipe(rng, lang, a):
    return [f"{_join(a, lang)} | {rng.choice(CITIES)} | {DATES[lang]}"], [], a


def _wire(rng, lang, a):
    return [rng.choice(WIRES[lang]), f"{WORDS[lang][0]} {_join(a, lang)}"], [], a


def _nick(rng, lang, a):
    first, nick, last = rng.choice(NICKS)
    quote = rng.choice(['"{}"', "“{}”", "„{}“", "«{}»", "'{}'"])
    name = f"{first} {quote.format(nick)} {last}"
    return [f"{WORDS[lang][0]} {name}"], [], [name]  # the nickname as printed


def _job_before(rng, lang, a):
    job = rng.choice(JOBS[lang])
    return [rng.choice([f"{job} {a[0]}", f"{WORDS[lang][0]} {job} {a[0]}"])], [], a[:1]


def _job_after(rng, lang, a):
    job = rng.choice(JOBS[lang])
    return [rng.choice([f"{a[0]}, {job}", f"{WORDS[lang][0]} {a[0]}, {job}"])], [], a[:1]


def _four(rng, lang, a):
    names = [a[0], *_others(rng, a, 3)]
    return [f"{WORDS[lang][0]} {_join(names, lang)}"], [], names


def _two(rng, lang, a):
    names = [a[0], *_others(rng, a, 1)]
    return [f"{WORDS[lang][0]} {names[0]} {WORDS[lang][2]} {names[1]}"], [], names


def _updated(rng, lang, a):
    return [f"{WORDS[lang][0]} {_join(a, lang)}", f"{WORDS[lang][3]} {_others(rng, a, 1)[0]}"], [], a


def _reporting(rng, lang, a):
    names = a[:2]
    words = WORDS[lang]
    line = f"{words[4]} {_join(names, lang)}; {words[5]} {_others(rng, a, 1)[0]}"
    return [], [rng.choice((line, f"({line})"))], names


def _caps(rng, lang, a):
    return [f"{WORDS[lang][0]} {_join(a, lang)}".upper()], [], a


def _link(rng, lang, a):
    handle = "@" + a[0].split()[-1].casefold().replace("-", "")
    return [rng.choice([f"{WORDS[lang][0]} {a[0]} {handle}", f"{WORDS[lang][0]} {a[0]} ({handle})",
                        f"{WORDS[lang][0]} {a[0]} | Twitter: {handle}"])], [], a[:1]


CREDITS = {"en": "Text: {a} | Photos: {b}", "de": "Text: {a}, Fotos: {b}", "fr": "Texte : {a} / Photos : {b}",
           "es": "Texto: {a}. Fotos: {b}", "pt": "Texto: {a} | Fotos: {b}", "it": "Testo di {a}, foto di {b}"}
AGENCY_AFTER = {"en": ["By {a}, Reuters", "By {a} | AP"], "de": ["Von {a}, dpa", "{a} (dpa)"],
                "fr": ["Par {a} (AFP)", "Par {a}, AFP"], "es": ["Por {a} (EFE)"], "pt": ["Por {a}, da Lusa"],
                "it": ["Di {a} (ANSA)"]}
STAMPS = {"en": ["By {a} | Updated {d}", "By {a} on {d}"], "de": ["Von {a} | Stand: {d}", "Von {a}, {d}"],
          "fr": ["Par {a} le {d}", "Par {a}, publié le {d}"], "es": ["Por {a} el {d}", "Por {a} | {d}"],
          "pt": ["Por {a} em {d}", "Por {a}, {d}"], "it": ["Di {a}, {d}", "Di {a} | {d}"]}


def _credits(rng, lang, a):
    return [CREDITS[lang].format(a=a[0], b=_others(rng, a, 1)[0])], [], a[:1]


def _agency_after(rng, lang, a):
    return [rng.choice(AGENCY_AFTER[lang]).format(a=a[0])], [], a[:1]


def _stamp(rng, lang, a):
    return [rng.choice(STAMPS[lang]).format(a=_join(a, lang), d=DATES[lang])], [], a


# A blog or magazine stamp that gives the date first: the byline after it, with its word ("Oct 30 2020
# by A", "Veröffentlicht am date von A"), or alone after a separator, with the time and the comment count
# beside it ("date - 10:11 | A 0 Kommentare", "date ~ A", "date , A").
DATE_FIRST = {"en": ["{d} by {a}", "Published on {d} by {a}"], "de": ["Veröffentlicht am {d} von {a}", "{d} von {a}"],
              "fr": ["Publié le {d} par {a}", "{d} par {a}"], "es": ["Publicado el {d} por {a}", "{d} por {a}"],
              "pt": ["Publicado em {d} por {a}", "{d} por {a}"], "it": ["Pubblicato il {d} di {a}", "{d} di {a}"]}
COMMENTS = {"en": "Comments", "de": "Kommentare", "fr": "commentaires", "es": "comentarios", "pt": "comentários",
            "it": "commenti"}
DATE_NAME = ["{d} | {a}", "{d} - 10:11 | {a} 0 {c}", "{d} ~ {a}", "{d} , {a}", "{a} 15:35, {d}"]
# A scrape glues the name's link to the role or the time printed after it ("Jane DoeReporter",
# "Jane Doe15:35, date").
GLUED_ROLE = {"en": "Reporter", "de": "Redakteurin", "fr": "Journaliste", "es": "Redactora", "pt": "Repórter",
              "it": "Giornalista"}
# A section's two Title-Case words after the date ("12.03.2021 | Politik Ausland"): no person.
SECTIONS = {"en": "Local Politics", "de": "Politik Ausland", "fr": "Société Justice", "es": "Deportes Motor",
            "pt": "Esportes Futebol", "it": "Cronaca Bologna"}


def _date_first(rng, lang, a):
    return [rng.choice(DATE_FIRST[lang]).format(a=_join(a, lang), d=DATES[lang])], [], a


def _date_name(rng, lang, a):
    return [rng.choice(DATE_NAME).format(a=_join(a, lang), d=DATES[lang], c=COMMENTS[lang])], [], a


def _glued(rng, lang, a):
    return [rng.choice([f"{a[0]}{GLUED_ROLE[lang]}", f"{a[0]}15:35, {DATES[lang]}"])], [], a[:1]


def _trap(make):
    def shape(rng, lang, a):
        head = [f"{WORDS[lang][0]} {_join(a, lang)}"] if a else []
        extra_head, tail = make(rng, lang, a)
        return head + extra_head, tail, a
    return shape


SHAPES = {
    "plain": _plain, "with": _with, "bare": _bare, "pipe": _pipe, "wire": _wire, "nick": _nick,
    "job-before": _job_before, "job-after": _job_after, "four": _four, "two": _two, "updated": _updated,
    "reporting": _reporting, "caps": _caps, "link": _link, "meta": _plain, "above": _plain,
    "credits": _credits, "agency-after": _agency_after, "stamp": _stamp,
    "date-first": _date_first, "date-name": _date_name, "glued": _glued,
    "section": _trap(lambda rng, lang, a: ([f"{DATES[lang]} | {SECTIONS[lang]}"], [])),
    "photo": _trap(lambda rng, lang, a: ([PHOTO[lang].format(n=_others(rng, a, 1)[0])], [])),
    "agency": _trap(lambda rng, lang, a: ([AGENCY_TEXT[lang]], [])),
    "quote": _trap(lambda rng, lang, a: ([], [QUOTE[lang].format(n=_others(rng, a, 1)[0])])),
    "picks": _trap(lambda rng, lang, a: ([], [])),  # the list goes above the headline (see _picks)
    "rail": _trap(lambda rng, lang, a: ([], [])),  # teasers with their bylines above the headline (_picks)
    "comment": _trap(lambda rng, lang, a: ([], [COMMENT[lang][0], _others(rng, a, 1)[0], "2 h",
                                                COMMENT[lang][1]])),
}
TRAPS = {"photo", "agency", "quote", "picks", "comment", "rail", "section"}


def _picks(rng, lang, a) -> list[str]:
    lines = [PICKS[lang]]
    for name in _others(rng, a, 3):
        lines += [name, TEASER[lang]]
    return lines


def _rail(rng, lang, a) -> list[str]:
    """A "most read" rail just above the article: teaser headlines, each with its own byline."""
    lines = [PICKS[lang]]
    for name in _others(rng, a, 2):
        lines += [TEASER[lang], f"{WORDS[lang][0]} {name}"]
    return lines


def shape(name, rng, case):
    lang = rng.choice(LANGS)
    own = list(case.get("authors") or [])
    authors = own if (own or name in TRAPS) else rng.sample(NAMES, rng.choice((1, 1, 2)))
    head, tail, expected = SHAPES[name](rng, lang, authors)
    above = _picks(rng, lang, authors) if name == "picks" else _rail(rng, lang, authors) if name == "rail" else []
    if name == "above":  # the byline set above the headline, beside the kicker
        above, head = head, []
    return above, head, tail, expected
