"""Text inputs laid out one block a line, with blank lines only here and there, or hard-wrapped.

What a browser's copy or many scrapers give of a page is one block a line with no blank
lines; saved e-mails and plain-text notes are wrapped at ~72 columns with blank lines
between paragraphs. Each must come out in its paragraphs, with its headline, byline,
date and bio (exporter.cleaning.text_blocks).
"""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.text_blocks import text_blocks
from exporter.reading import decode_source

PAGES = {
    "en": {
        "menu": ["Skip to content", "The Riverside Gazette", "News", "Local", "Business", "Opinion", "Sport",
                 "Subscribe", "Sign in"],
        "headline": "Night buses return to the eastern suburbs after two years",
        "byline": ["By Martin Hale", "14 March 2025"],
        "share": ["Share on Facebook", "Share on X", "Email this article", "Comments (8)"],
        "body": [
            "The night bus service to the eastern suburbs will run again from Monday, the transport "
            "authority said, two years after it was cut to save money during a budget crisis.",
            "Three routes will leave the central station every half hour between midnight and five in the "
            "morning, serving the hospital, the industrial estate and the new housing by the river.",
            "Shift workers had campaigned for the return of the service, saying that taxis cost them "
            "a large part of a night's pay and that walking home after a late shift felt unsafe.",
            "The authority said the routes would be reviewed after six months and kept if at least "
            "forty passengers used each journey on average.",
        ],
        "bio": "Martin Hale is a reporter for The Riverside Gazette who covers transport and housing.",
        "after": ["Share", "Facebook", "X", "More from Martin Hale", "Tram fares to rise in April",
                  "Why the ring road is always closed", "Most read", "Council approves new swimming pool",
                  "Privacy policy", "Cookie settings", "© 2025 The Riverside Gazette"],
        "authors": ["Martin Hale"], "date": "2025-03-14",
    },
    "de": {
        "menu": ["Zum Inhalt springen", "Kreisbote am Main", "Startseite", "Politik", "Wirtschaft", "Kultur",
                 "Sport", "Abo", "Anmelden"],
        "headline": "Das Freibad am Stadtrand öffnet nach der Sanierung wieder",
        "byline": ["Von Jana Keller", "3. Juni 2024"],
        "share": ["Auf Facebook teilen", "Auf X teilen", "Per E-Mail senden", "Kommentare (5)"],
        "body": [
            "Nach zwei Jahren Bauzeit öffnet das Freibad am Stadtrand am Samstag wieder seine Tore, "
            "und der Eintritt bleibt für Kinder und Jugendliche bis zum Ende der Saison kostenlos.",
            "Die Stadt hat die Becken neu abgedichtet, die Umkleiden erneuert und eine Solaranlage auf "
            "das Dach des Kassenhauses gesetzt, die einen Teil des Wassers erwärmen soll.",
            "Der Förderverein hatte über dreitausend Unterschriften gesammelt, als die Schließung des "
            "Bades im Gemeinderat zur Abstimmung stand, und die Sanierung zur Hälfte mitfinanziert.",
            "Geöffnet ist das Bad täglich von neun bis zwanzig Uhr, bei Gewitter wird es geschlossen.",
        ],
        "bio": "Jana Keller ist Redakteurin im Lokalressort des Kreisboten und schreibt über Schulen, "
               "Vereine und die Kommunalpolitik.",
        "after": ["Teilen", "Facebook", "X", "Mehr von Jana Keller", "Neue Radwege für die Innenstadt",
                  "Wochenmarkt zieht um", "Meistgelesen", "Impressum", "Datenschutz", "© 2024 Kreisbote am Main"],
        "authors": ["Jana Keller"], "date": "2024-06-03",
    },
    "es": {
        "menu": ["Saltar al contenido", "Diario del Valle", "Portada", "Local", "Economía", "Opinión",
                 "Deportes", "Suscríbete", "Iniciar sesión"],
        "headline": "El mercado de abastos vuelve a abrir los domingos por la mañana",
        "byline": ["Lucía Ferrer Gil", "8 de mayo de 2025 - 09:30"],
        "share": ["Compartir en Facebook", "Compartir en X", "Enviar por correo", "Comentarios (3)"],
        "body": [
            "El mercado de abastos del centro abrirá de nuevo los domingos por la mañana a partir de "
            "junio, después de que los comerciantes y el ayuntamiento cerraran un acuerdo sobre los horarios.",
            "Los puestos podrán abrir de nueve a dos, y al menos la mitad de ellos tendrá que hacerlo "
            "cada domingo para que el edificio no parezca vacío a los visitantes.",
            "La asociación de vecinos celebra la decisión, aunque pide que se refuerce la limpieza de las "
            "calles cercanas, que los lunes amanecen llenas de cajas de cartón.",
            "El ayuntamiento revisará el horario en otoño, cuando conozca las cifras de afluencia del verano.",
        ],
        "bio": "Lucía Ferrer Gil es periodista y cubre la información municipal en el Diario del Valle.",
        "after": ["Compartir", "Facebook", "X", "Más artículos de Lucía Ferrer Gil",
                  "Las obras del puente acabarán en otoño", "Cinco terrazas para esta primavera",
                  "Te puede interesar", "Aviso legal", "Política de cookies", "© 2025 Diario del Valle"],
        "authors": ["Lucía Ferrer Gil"], "date": "2025-05-08",
    },
}


def _head(page) -> list[str]:
    return [*page["menu"], page["headline"], *page["byline"], *page["share"]]


def one_block_a_line(page) -> str:
    """The whole page, each block on a line of its own, no blank line anywhere."""
    return "\n".join([*_head(page), *page["body"], page["bio"], *page["after"]])


def mixed(page) -> str:
    """Blank lines around the paragraphs (and the bio), the furniture on single lines."""
    return "\n\n".join(["\n".join(_head(page)), *page["body"], page["bio"], "\n".join(page["after"])])


def view(text: str, name: str = "scrape.txt") -> dict:
    return scorer_view(clean(decode_source(text.encode("utf-8"), path=Path(name), kind="text")))


@pytest.mark.parametrize("layout", [one_block_a_line, mixed])
@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_page_copied_one_block_a_line_comes_out_in_its_blocks(lang, layout):
    page = PAGES[lang]
    result = view(layout(page))
    assert result["title"] == page["headline"]
    assert result["authors"] == page["authors"]
    assert result["date"] == page["date"]
    assert result["paragraphs"][:len(page["body"])] == page["body"]
    assert result["bio"] == page["bio"]


EMAIL_BODY = [
    "Friends of the Old Mill Library,",
    "The library committee met on Thursday evening to decide what to do with the reading room now that "
    "the county has stopped paying for its heating. We looked at three offers and chose the one that "
    "keeps the room open on weekday afternoons.",
    "Volunteers will staff the desk from two until six, and the primary school has agreed to bring its "
    "pupils over on Wednesdays for a story hour. The so-called winter fund that we raised last year will "
    "cover the heating until March, and the parish council has promised to look at the bill after that.",
    "We still need people for Friday afternoons, and someone who can open the building on Saturdays.",
    "If you can spare an afternoon a month, please write back to this message or leave your name with the "
    "librarian, who has kindly offered to keep the rota.",
]


def test_a_hard_wrapped_e_mail_keeps_its_paragraphs():
    wrapped = [textwrap.fill(p, 72) for p in EMAIL_BODY]
    assert all("\n" in p for p in wrapped[1:3])  # the paragraphs do run over several lines
    text = "\n\n".join(["Reading room to stay open on weekday afternoons", "By Helen Marsh",
                        "2 November 2024", *wrapped, "Helen Marsh\nSecretary, Old Mill Library committee"])
    result = view(text)
    assert result["title"] == "Reading room to stay open on weekday afternoons"
    assert result["authors"] == ["Helen Marsh"]
    assert result["date"] == "2024-11-02"
    assert result["paragraphs"][:len(EMAIL_BODY) - 1] == EMAIL_BODY[1:]


def test_short_wrapped_paragraphs_take_the_files_wrap_width():
    """A paragraph of two lines shows no wrap width of its own; the file's longer ones do."""
    long_one = textwrap.fill(EMAIL_BODY[2], 72)
    short_one = textwrap.fill(EMAIL_BODY[3], 72)
    assert short_one.count("\n") == 1
    assert text_blocks(long_one + "\n\n" + short_one) == EMAIL_BODY[2:4]


def test_a_balanced_wrap_and_a_break_after_a_hyphen_are_joined():
    # `fmt` and `par` break a few columns before the width (the third line could have taken
    # "old"); a wrapper may break a compound word after its hyphen
    lines = ["The committee looked at three offers for the heating and in the end it chose",
             "the one that keeps the reading room open on weekday afternoons, the so-",
             "called core hours, until the county decides what is to become of the",
             "old building in the spring."]
    assert len(lines[2]) + 1 + len("old") < max(map(len, lines))
    assert text_blocks("\n".join(lines)) == [" ".join(lines).replace("so- called", "so-called")]


@pytest.mark.parametrize("lines", [
    # Title Case teaser headlines of like length: each is full at the width, none runs on
    ["Council Approves New Swimming Pool For The Northern Estate",
     "Ring Road Works To Last Another Three Months Says Engineer",
     "Local Bakery Wins National Prize For Its Sourdough Loaf"],
    # dated entries of an archive list
    ["Jan 20, 2024 Interview With The Harbour Master Jan 20, 2024",
     "Jan 14, 2024 Winter Concert At The Town Hall Jan 14, 2024",
     "Jan 2, 2024 New Year Swim In The Old Harbour Jan 2, 2024"],
    # a site's banner and a headline of like length, each over a short line
    ["Welcome to the Riverside Gazette's new weekly newsletter for readers", "Learn More",
     "Thousands of teachers march to the town hall for better pay and hours", "Tom Davies, Press Association",
     "Published 11:34 PM 19 Nov 2019"],
    # a headline over its byline, dateline and share buttons
    ["Night buses return to the eastern suburbs after two years", "By Martin Hale", "14 March 2025",
     "Share on Facebook", "Share on X"],
    # short paragraphs of one sentence a line
    ["The pool opens at nine on weekdays and at ten at the weekend.",
     "Children under six swim free when an adult comes with them.",
     "Lockers take a one-euro coin that is given back afterwards."],
])
def test_lines_that_are_not_wrapped_prose_stay_lines(lines):
    assert text_blocks("\n".join(lines)) == lines


def test_no_headline_and_no_byline_in_a_text_is_warned_about(caplog):
    text = "\n\n".join(PAGES["en"]["body"])
    with caplog.at_level(logging.WARNING, logger="exporter"):
        result = view(text, name="notes-from-the-meeting.txt")
    assert result["paragraphs"] == PAGES["en"]["body"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "notes-from-the-meeting.txt" in warnings[0] and "no headline" in warnings[0]


def test_a_text_with_its_headline_is_not_warned_about(caplog):
    with caplog.at_level(logging.WARNING, logger="exporter"):
        view(one_block_a_line(PAGES["en"]))
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
