"""Recognising person names in bylines and bios."""

from __future__ import annotations

import re

from .. import _re_store  # re.compile, from the code an earlier run stored

# Lower-case particles inside names (Ludwig van Beethoven, Charles de Gaulle).
_PARTICLES = {"de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
              "bin", "ibn", "al", "el", "y", "ter", "ten", "zu"}
# Words that start with a capital but mark a role or an organisation, not a name.
_NOT_NAME_WORDS = {
    "the", "a", "an", "by", "and", "staff", "reporter", "editor", "writer", "correspondent", "contributor",
    "news", "press", "associated", "reuters", "agency", "media", "team", "desk", "service", "updated",
    "published", "posted", "share", "comment", "comments", "more", "times", "post", "daily", "weekly", "magazine",
    "admin", "guest", "author", "photo", "photos", "video", "opinion", "analysis", "columnist",
    # the job nouns of the corpus languages, as the English ones above: an author box's job line
    # ("Motorsport-Magazin.com Redakteur") is no name line
    "redakteur", "redakteurin", "journalist", "journalistin", "korrespondent", "korrespondentin",
    "rédacteur", "rédactrice", "journaliste", "redactor", "redactora", "periodista", "corresponsal",
    "giornalista", "redator", "redatora", "repórter", "redacteur", "verslaggever",
    "senior", "chief", "contributing", "special", "to", "for", "in", "on", "at", "of", "with", "via",
    "from", "newsroom", "online", "digital", "wire", "wires", "bureau", "report", "reports",
    "he", "she", "they", "it", "we", "i", "you", "this", "that", "his", "her", "their", "our", "my",
    # the same pronouns and possessives in the corpus languages: a job ad's or a guide's Title-Case
    # subheading under the headline ("Ihre Aufgaben", "Unsere Leistungen", "Nuestros servicios")
    # is read as a name line when the byline is missing
    "ihre", "ihr", "unsere", "unser", "meine", "mein", "seine", "deine", "dein", "eure", "euer", "wir",
    "notre", "votre", "nos", "vos", "nous", "nuestro", "nuestra", "nuestros", "nuestras", "nosso", "nossa",
    "nossos", "nossas", "nostro", "nostra", "vostro", "vostra",
    # the labels of a paper's unsigned editorial column ("Telegraph View", "Our View", "Leitartikel")
    "view", "views", "editorial", "editorials", "leitartikel", "kommentar", "éditorial",
    "editoriale", "hoofdredactioneel",
    # a blog post's comment count under its date ("Keine Kommentare", "3 commentaires"), read as a
    # byline name when the scrape has none, and a card's "Alle Autoren" link
    "keine", "kommentare", "commentaire", "commentaires", "comentario", "comentarios", "comentário",
    "comentários", "commento", "commenti", "autoren", "autorinnen",
    # site menus and account links in Title Case beside the headline ("User Login", "Top Stories")
    "login", "log", "user", "account", "sign", "subscribe", "newsletter", "newsletters", "menu", "home", "search",
    "contact", "help", "settings", "profile", "register", "top", "latest", "breaking", "live", "watch", "listen",
    "follow", "sections", "section", "edition", "stories", "story", "topics", "podcast", "podcasts",
    # a theme's teaser heads between the headline and the body ("Related Posts", "Recent Articles")
    "posts", "articles", "related", "recent",
    # a photo credit's label and the share and print tools beside a byline, in the corpus languages
    # ("Foto: Cortesía", "Bildrechte", "Download PDF", "Réagir"): read as a name line under the headline
    "foto", "fotos", "bild", "bildrechte", "credit", "credits", "crédit", "crédits", "courtesy", "cortesía",
    "cortesia", "download", "pdf", "print", "email", "feedback", "teilen", "drucken", "partager", "imprimer",
    "réagir", "compartir", "imprimir", "compartilhar", "condividi", "stampa", "commenta",
    # a newsroom's desk signing for itself ("Multimedia Redaktion", "La Rédaction", "Redazione Web")
    "redaktion", "rédaction", "redacción", "redação", "redazione", "multimedia",
    # a news agency's credit in the corpus languages ("Por: Agência Lusa", "Agence France-Presse")
    "agência", "agencia", "agence", "agenzia", "agentur", "nachrichtenagentur",
}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "md"}
_WORD = _re_store.compile(r"^[^\W\d_][\w'’.\-]*$")
_DOMAIN = _re_store.compile(r"\w\.(?:com|net|org|de|at|ch|fr|es|it|pt|nl|uk|co|io|info|online)$", re.IGNORECASE)
# A nickname in quotes inside a name (Jonathan "Jono" Smith, Hans „Hansi“ Meier).
_NICKNAME = _re_store.compile(r"^[\"“”„«»'‘’]\s?[^\W\d_][\w'’.\-]*\s?[\"“”„«»'‘’]$")
# Job titles written before the name in bylines ("By Senior Political Correspondent Jane Doe",
# "Staff Writer Jane Doe", "Redakteurin Anna Müller"): dropped when a name follows.
_ROLE_WORDS = {
    "senior", "chief", "staff", "editor", "writer", "reporter", "correspondent", "contributor", "contributing",
    "political", "foreign", "business", "science", "sports", "health", "technology", "tech", "culture",
    "investigative", "national", "international", "deputy", "managing", "associate", "assistant", "executive",
    "special", "white", "house", "washington", "bureau", "columnist", "critic", "producer", "analyst", "economics",
    "economy", "legal", "affairs", "environment", "climate", "digital", "news", "opinion", "photographer",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin", "journalist",
    "journalistin", "rédacteur", "rédactrice", "journaliste", "envoyé", "envoyée", "spécial", "spéciale",
    "redactor", "redactora", "periodista", "corresponsal", "giornalista", "inviato", "inviata", "redator",
    "redatora", "repórter", "correspondente", "redacteur", "verslaggever", "correspondent", "by",
    "editorial", "leitartikel", "kommentar", "éditorial", "editoriale",  # a column label before the name
}


def is_person_name(text: str) -> bool:
    """``text`` looks like a person's name: 2 to 5 capitalised words (particles and initials allowed)."""
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 60:
        return False
    capitalised = 0
    for index, word in enumerate(words):
        bare = word.rstrip(",")
        if bare.casefold() in _SUFFIXES and index > 0:
            continue
        if bare.casefold() in _PARTICLES and 0 < index < len(words) - 1:
            continue
        if _NICKNAME.match(bare) and 0 < index < len(words) - 1:
            continue
        if not _WORD.match(bare) or not bare[0].isupper():
            return False
        folded = bare.strip(".").casefold()
        if folded in _NOT_NAME_WORDS or (index == 0 and folded in _NOT_FIRST_NAME_WORDS) or _DOMAIN.search(bare):
            return False  # (a web address, "Motorsport-Magazin.com", is a site's name)
        capitalised += 1
    return capitalised >= 2


# "more" and "all" of the corpus languages, as the English "more", open a rail's or menu's label
# under the headline ("Mehr Sport", "Alle Meldungen", "Tous les articles"): no byline. Only as the
# first word: after a first name they are surnames ("Thomas Mehr", "Rosa Tous").
_NOT_FIRST_NAME_WORDS = {"mehr", "alle", "weitere", "plus", "tous", "toutes", "más", "todos", "todas", "mais",
                         "più", "tutti"}


def tidy_name(name: str) -> str:
    """Title-case an ALL-CAPS byline name; leave mixed case as written."""
    name = " ".join(name.split()).strip(" ,;:|-–—")
    if name.isupper():
        name = " ".join(part.capitalize() if len(part) > 2 else part for part in name.split())
        name = re.sub(r"(?<=[-'’])[a-z]", lambda m: m.group(0).upper(), name)
        name = re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), name)
    return name


# "By", "Von", "Par", "Por", "Di", "Door", "Av", "Af", "Texte :", "Escrito por", "Scritto da", ...
_BYLINE_PREFIX = _re_store.compile(
    r"^(?:by|written by|words by|story by|text by|reporting by|report by|reporter(?=\s*:)|reportage de|reporte de|"
    r"servizio di|texto(?=\s*:)|testo(?=\s*:)|testo di|posted by|gepostet von|geschrieben von|"
    r"verfasst von|veröffentlicht von|(?:ein )?(?:artikel|beitrag) von|article by|(?:un )?article de|(?:un )?artículo de|"
    r"(?:um )?artigo de|(?:un )?articolo di|publié par|écrit par|publicado por|postado por|pubblicato da|par|texte|text|von|por|escrito por|"
    r"reportagem de|di|scritto da|a cura di|door|av|af|autor|autorin|auteur|auteure|author|ein bericht von)"
    r"\s*:?\s+", re.IGNORECASE)
# "A, B, C and D", "A und B", "A et B", "A y B", "A e B", "A en B", "A og B", "A och B", "A & B"
# (Dutch "en" is "and"; French "en chef" is a rank: "Rédacteur en chef")
_SPLIT = _re_store.compile(r"\s*(?:,|;|&|\+|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b(?!\s+chef\b)|\bog\b|\boch\b)\s*",
                    re.IGNORECASE)
_MID_BY = _re_store.compile(r"(?<=\S)\s+by:?\s+(?=[^\W\d_])", re.IGNORECASE)
# "Par A (avec B et C)", "By A (with B)", "Von A (mit B)": the co-authors in brackets are authors too.
_WITH = _re_store.compile(r"\s*[(\[]\s*(?:avec|with|mit|con|com|met|amb|med)\s+([^)\]]+)[)\]]", re.IGNORECASE)
# "Jane Doe, Reuters" / "Jane Doe | Staff writer" / "Jane Doe — Updated ..." : the tail is not a name.
_TAIL = _re_store.compile(
    r"\s*(?:\||•|·|—|–| - |@|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:mon|tue|wed|thu|fri|sat|sun)"
    # the date stamp's label in the corpus languages, where the scrape runs the byline into the line
    # under it ("Von Katrin Müller Veröffentlicht am 16.08.2023", "Par A Publié le 3 mai")
    r"|\s(?:veröffentlicht|aktualisiert|erschienen|publié|mis à jour|publicado|actualizado|atualizado|pubblicato"
    r"|aggiornato|gepubliceerd|bijgewerkt)\b"  # after a name: "Veröffentlicht von A" opens a byline
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\s(?:on|am|le|el|em|il|op)\s+(?=\d)|\s(?:on|am|le|el|em|il|op)\s+(?=[^\W\d_]{3,12}\.?\s+\d)|\d"
    # "Gepostet von A am 3. Mai", "Publié par A le 3 mai", "By A on March 3, 2021"
    # a theme's separators and post labels after the name ("Von A // 1. November 2023", "A ~ date",
    # "Von A Kategorien: Mode", "By A Filed under: Politics", "By A Tags: ...")
    r"|\s//?\s|\s~\s|\s(?:kategorien?|categories|category|catégories?|categorías?|categorias?|categorie|"
    r"rubriken?|rubrique|tags?|schlagwörter|schlagworte|filed under|abgelegt unter)\s*:"
    # the photo credit after the writer's ("Text: A | Photos: B", "Texto: A. Fotos: B", "Texte : A / Photos : B")
    r"|[\s,.;]*\b(?:photos?|fotos?|bilder?|images?|imagen|imágenes|immagini|illustrations?|grafik)"
    r"\s*(?::|by\b|von\b|par\b|por\b|di\b|de\b)).*$",
    re.IGNORECASE,
)
# A bracket closing the byline that names no co-author: the agency ("Par A (AFP)", "A (dpa)").
_BRACKET_TAIL = _re_store.compile(r"\s*\((?!\s*(?:avec|with|mit|con|com|met|amb|med)\b)[^()]{1,40}\)$", re.IGNORECASE)


# A social handle beside the name ("By Jane Doe (@janedoe)", "Jane Doe | Twitter: @janedoe").
_HANDLE = _re_store.compile(r"\s*(?:\b(?:twitter|x|instagram|mastodon|bluesky)\s*:\s*)?\(?@[\w.]{1,30}\)?", re.IGNORECASE)
# The editors credited after the writers in a wire story's closing line ("Reporting by A and B;
# Editing by C", "Reportage de A ; édité par B", "Reportagem de A; Edição de B"): no authors.
_EDITING_TAIL = _re_store.compile(
    r"\s*[;,/]\s*(?:(?:additional |further )?editing|edited|redigiert|bearbeitet|redaktion|édité|édition|editado|"
    r"edición|edição|editing|revisione|a cura)\b.*$", re.IGNORECASE)


def byline_names(text: str) -> tuple[str, ...]:
    """The person names in a byline ("By Jane Doe and John Roe, Reuters" → both names)."""
    text = " ".join(text.split())
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]  # a wire story's closing credit in brackets
    text = _EDITING_TAIL.sub("", _HANDLE.sub(" ", text))
    if text.count(")") > text.count("("):
        text = text.rstrip(") ")  # the bracket's end, its opening read off with the "(Reporting by" prefix
    text = unglue_role(_BYLINE_PREFIX.sub("", " ".join(text.split())))
    # A column or section label before the byline ("The Deal Professor By Jane Doe"): the names follow "By".
    if m := _MID_BY.search(text):
        text = text[m.end():]
    text = _WITH.sub(lambda m: ", " + m.group(1), text)
    text = _BRACKET_TAIL.sub("", _TAIL.sub("", text))
    text = _before_weekday(text)
    text = _leading_role_cut(text)
    names: list[str] = []
    for part in _SPLIT.split(text):
        part = _without_role(tidy_name(part))
        last = part.split()[-1] if part.split() else ""
        if last.endswith(".") and len(last) > 3 and last.casefold() not in _SUFFIXES:
            part = part[:-1]  # a sentence's full stop after the name, not an initial or "Jr."
        if part and is_person_name(part) and part not in names and not is_job_title(part):
            names.append(part)
    return tuple(names)


# A scrape glues a byline card's name to the role printed after it ("Ben DoeReporter",
# "Anna MüllerRedakteurin"): a lower-case letter, then a capitalised role word closing the line.
_GLUED_ROLE = _re_store.compile(r"(?<=[^\W\d_A-ZÀ-ÞА-Я]{2})(?=([A-ZÀ-ÞА-Я][^\W\d_]+)$)")


def unglue_role(text: str) -> str:
    """"Ben DoeReporter" → "Ben Doe, Reporter" (the role word glued to the name); other text as it is."""
    head, _, last = text.rpartition(" ")
    if not head or len(last) < 5 or last.istitle() or last.islower() or last.isupper():
        return text  # (called on every name candidate: only a last word with a capital inside it is read)
    m = _GLUED_ROLE.search(last)
    return f"{head} {last[:m.start()]}, {m.group(1)}" if m and m.group(1).casefold() in _ROLE_WORDS else text


def names_line(text: str) -> tuple[tuple[str, ...], bool]:
    """The names of a line that holds only names, with no "By": ("Jane Doe", "Jane Doe and John Roe",
    "Science Editor Jane Doe"), and whether a job title led them; ((), False) for any other line."""
    names: list[str] = []
    text = _BRACKET_TAIL.sub("", unglue_role(" ".join(text.split())))
    if _BYLINE_PREFIX.match(text):
        return (), False  # a "By" line is the byline rules' to read, not a line of names alone
    untitled = _leading_role_cut(text)
    titled = untitled != text
    for index, part in enumerate(p for p in _SPLIT.split(untitled) if p):
        if index > 0 and is_job_title(part):
            titled = True  # "Jane Doe, Senior Editor": the title after the name
            continue
        bare = _without_role(part) if index == 0 else part
        titled = titled or bare != part
        if not is_person_name(bare) or is_job_title(bare):
            return (), False
        names.append(tidy_name(bare))
    return tuple(names), titled


def _before_weekday(text: str) -> str:
    """A byline glued to its dateline ("By Alex Roe Thursday, November 9"): the names end at the weekday."""
    from .dates import weekday_words

    words = text.split()
    for index, word in enumerate(words[2:], start=2):
        if word.casefold().strip(".,") in weekday_words():
            return " ".join(words[:index])
    return text


# The nouns that end a job title: whatever beat words stand before them ("Chief Transport
# Correspondent", "Wine Critic", "Bundestags-Korrespondentin"), the name follows them.
_ROLE_HEADS = {
    "editor", "writer", "reporter", "correspondent", "contributor", "columnist", "critic", "producer", "analyst",
    "photographer", "journalist", "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalistin",
    "rédacteur", "rédactrice", "journaliste", "correspondante", "redactor", "redactora", "periodista",
    "corresponsal", "giornalista", "inviato", "inviata", "redator", "redatora", "repórter", "correspondente",
    "redacteur", "verslaggever", "editora", "redattore", "redattrice", "caporedattore", "caporedattrice",
    "reporterin", "chefredakteur", "chefredakteurin", "cronista", "colunista", "editorialista",
}
# German job titles are compounds of a beat and one of these ("Wirtschaftsredakteur",
# "Chefkorrespondentin", "Sportreporter").
_COMPOUND_HEADS = ("redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporter", "reporterin",
                   "journalist", "journalistin")
# What follows the head of a Romance job title: its beat after a preposition ("Editora de Ciência",
# "Corresponsal de Economía", "Rédacteur en chef") or a rank ("Redactora jefe", "Inviata speciale").
_ROLE_PREPOSITIONS = {"de", "en", "da", "di", "do", "del", "della", "du", "des", "dello"}
_ROLE_RANKS = {"jefe", "jefa", "chef", "chefe", "capo", "speciale", "spécial", "spéciale", "especial", "senior",
               "adjunto", "adjunta", "adjoint", "adjointe", "aggiunto"}


def _is_role_head(word: str) -> bool:
    word = word.casefold().strip(".:,")
    return word in _ROLE_HEADS or any(word.endswith(h) and len(word) > len(h) + 2 for h in _COMPOUND_HEADS)


def is_job_title(part: str) -> bool:
    """``part`` holds a job title's head noun ("Senior Editor", "Editora de Ciência", "Wirtschaftsredakteur")."""
    return any(_is_role_head(word) for word in part.split())


def _leading_role_cut(text: str) -> str:
    """A job title leading a line of names, cut off before the names are split ("Senior Editor
    Jane Doe and John Roe", "Rédacteur en chef Jean Dupont"); a title after a name stays, for
    the split to drop as a part of its own ("Jane Doe, Senior Editor")."""
    words = text.split()
    leads = bool(words) and (words[0].casefold().strip(".:,") in _ROLE_WORDS or _is_role_head(words[0]))
    return _without_role(text) if leads else text


def _without_role(part: str) -> str:
    """The name after a job title ("Senior Political Correspondent Jane Doe" → "Jane Doe",
    "Editora de Ciência Ana Souza" → "Ana Souza")."""
    words = part.split()
    cut = 0
    while cut < len(words) - 2 and words[cut].casefold().strip(".:,") in _ROLE_WORDS:
        cut += 1
    heads = [i + 1 for i, w in enumerate(words[:-2]) if _is_role_head(w)]
    cut = max([cut, *heads])
    if heads and cut == heads[-1]:
        if cut < len(words) - 3 and words[cut].casefold() in _ROLE_PREPOSITIONS:
            cut += 2  # the beat after its preposition
        while cut < len(words) - 2 and words[cut].casefold().strip(".:,") in _ROLE_RANKS:
            cut += 1
    return " ".join(words[cut:]) if cut else part
