"""Bylines in the shapes news pages write them, in the corpus languages (lines and pages written here)."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.names import byline_names
from exporter.reading import decode_source

from tests.test_cleaning_text_scrapes import BODY, HEADLINE


@pytest.mark.parametrize("line, names", [
    ("Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
     ("Martin Untersinger", "Damien Leloup", "Morgane Tual")),
    ("By Jane Doe, John Roe, Max Moe and Ann Poe", ("Jane Doe", "John Roe", "Max Moe", "Ann Poe")),
    ('By Jonathan "Jono" Smith', ('Jonathan "Jono" Smith',)),  # a nickname in quotes
    ("Hans „Hansi“ Meier", ("Hans „Hansi“ Meier",)),
    ("By Senior Political Correspondent Jane Doe", ("Jane Doe",)),  # a job title before the name
    ("Staff Writer Jane Doe", ("Jane Doe",)),
    ("Redakteurin Anna Müller", ("Anna Müller",)),
    ("Von Anna Müller und Jörg Schmidt", ("Anna Müller", "Jörg Schmidt")),
    ("Por María García y José Pérez", ("María García", "José Pérez")),
    ("Por João Silva e Ana Souza", ("João Silva", "Ana Souza")),
    ("Di Mario Rossi e Luca Bianchi", ("Mario Rossi", "Luca Bianchi")),
    ("Door Jan de Vries en Piet Jansen", ("Jan de Vries", "Piet Jansen")),
    ("Av Lars Nilsson och Eva Berg", ("Lars Nilsson", "Eva Berg")),
    ("By Jane Doe (with John Roe)", ("Jane Doe", "John Roe")),
    ("By: CNN Wire", ()),  # a wire credit is no person
    ("By Associated Press", ()),
    # an unsigned editorial's column label is no person; before a name it is dropped like a job title
    ("Telegraph View", ()), ("By Our View", ()), ("The Times View", ()), ("Editorial Board", ()),
    ("Leitartikel Hans Meier", ("Hans Meier",)), ("Éditorial Marie Dupont", ("Marie Dupont",)),
    ("Mary Leader", ("Mary Leader",)),
    ("By Jane Doe (@janedoe)", ("Jane Doe",)),  # a handle in brackets beside the name
    # a wire story's closing credit: the reporters, not the editors after them
    ("Reporting by Jane Doe and John Roe; Editing by Max Moe", ("Jane Doe", "John Roe")),
    ("(Reporter: Anna Müller; bearbeitet von Jörg Schmidt)", ("Anna Müller",)),
    ("Reportagem de João Silva; Edição de Ana Souza", ("João Silva",)),
    ("Reporte de María García; Editado por José Pérez", ("María García",)),
    # job titles in the corpus languages: a Romance title's beat or rank, a German compound, after the name
    ("Rédactrice en chef Marie Dupont", ("Marie Dupont",)), ("Editora de Ciência Ana Souza", ("Ana Souza",)),
    ("Wirtschaftsredakteur Jörg Schmidt", ("Jörg Schmidt",)), ("Caporedattore Mario Rossi", ("Mario Rossi",)),
    ("Por: Agência Lusa", ()), ("Par : Agence France-Presse", ()),
    # the agency in brackets after the writer, the photographer's credit after the writer's
    ("Par Marie Dupont (AFP)", ("Marie Dupont",)), ("Anna Müller (dpa)", ("Anna Müller",)),
    ("Texte : Marie Dupont / Photos : Jean Petit", ("Marie Dupont",)),
    ("Anna Müller. Fotos: Jörg Schmidt", ("Anna Müller",)),
    ("By Jane Roe on March 12, 2021", ("Jane Roe",)),  # the date after its preposition
    # a scrape runs the byline into the date stamp's line under it; the label may also open a byline
    ("Von Katrin Müller Veröffentlicht am 16.08.2023", ("Katrin Müller",)),
    ("Par Jeanne Roux Publié le 3 mai 2021", ("Jeanne Roux",)), ("Di Mario Rossi Aggiornato alle 12:30", ("Mario Rossi",)),
    ("Veröffentlicht von Max Muster am 3. Mai 2020", ("Max Muster",)),
])
def test_byline_names(line, names):
    assert byline_names(line) == names


def view_text(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


@pytest.mark.parametrize("header, authors", [
    (["Par Martin Untersinger (avec Damien Leloup et Morgane Tual)", "Publié le 27 juin 2019"],
     ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
    (["Jane Roe", "May 4, 2022"], ["Jane Roe"]),  # a bare name line with no "By"
    (["Jane Roe | Berlin | 12.03.2020"], ["Jane Roe"]),  # name | place | date
    (["By: CNN Wire", "By Jane Roe", "May 4, 2022"], ["Jane Roe"]),  # wire credit before the person
    (['By Jonathan "Jono" Smith', "May 4, 2022"], ['Jonathan "Jono" Smith']),
    (["By Senior Political Correspondent Jane Roe", "May 4, 2022"], ["Jane Roe"]),
    (["By", "Jane Doe, John Roe, Max Moe and Ann Poe", "May 4, 2022"], ["Jane Doe", "John Roe", "Max Moe", "Ann Poe"]),
    (["Door Jan de Vries en Piet Jansen", "3 mrt. 2021"], ["Jan de Vries", "Piet Jansen"]),
    (["Di Mario Rossi e Luca Bianchi", "02 Novembre 2023"], ["Mario Rossi", "Luca Bianchi"]),
    (["Jane Roe, Senior Editor", "May 4, 2022"], ["Jane Roe"]),  # a bare name line, its job title after it
    (["Rédacteur en chef Jean Dupont", "27 juin 2019"], ["Jean Dupont"]),
    (["Texto: Ana Souza | Fotos: João Silva", "12 de março de 2021"], ["Ana Souza"]),  # writer and photographer
    (["Testo di Mario Rossi, foto di Luca Bianchi"], ["Mario Rossi"]),
])
def test_text_scrape_bylines(header, authors):
    result = view_text("Home", "World", "Sign in", HEADLINE, *header, *BODY, "Most popular", "© 2022 Example Media")
    assert result["title"] == HEADLINE
    assert result["authors"] == authors
    assert result["paragraphs"] == BODY


def view_html(head: str, byline: str) -> dict:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (f"<html><head><title>{HEADLINE} | Example News</title>{head}</head><body><article>"
            f"<h1>{HEADLINE}</h1>{byline}{body}</article></body></html>")
    return scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))


@pytest.mark.parametrize("head, byline, authors", [
    ("", '<div class="byline">By: CNN Wire</div><div class="byline">By Jane Roe</div>', ["Jane Roe"]),
    ("", '<p class="byline">Par Martin Untersinger (avec Damien Leloup et Morgane Tual)</p>',
     ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
    ("", '<span class="author-name">Senior Editor Jane Roe</span>', ["Jane Roe"]),
    ('<meta name="author" content="Jane Doe, John Roe, Max Moe and Ann Poe">', "",
     ["Jane Doe", "John Roe", "Max Moe", "Ann Poe"]),
    ('<meta name="author" content="CNN Wire">', '<p class="byline">By Jane Roe</p>', ["Jane Roe"]),
])
def test_html_bylines(head, byline, authors):
    result = view_html(head, byline)
    assert result["authors"] == authors
    assert result["paragraphs"] == BODY


@pytest.mark.parametrize("line, names", [
    ("By Alex Roe Thursday, November 9, 2023", ("Alex Roe",)),  # byline glued to its dateline
    ("Von Anna Müller Donnerstag, 9. November 2023", ("Anna Müller",)),
    ("By Sue Mon-Williams", ("Sue Mon-Williams",)),  # a weekday abbreviation inside a name is no dateline
])
def test_byline_ends_at_the_weekday_of_its_dateline(line, names):
    assert byline_names(line) == names


def test_byline_in_a_container_named_only_by_its_test_id():
    # React news templates: <div data-testid="prism-byline"><span>By</span><a>Name</a> date</div>
    result = view_html("", '<div data-testid="prism-byline"><span>By</span><span><a href="/team/alex-roe">'
                           'Alex Roe</a></span> <span>Thursday, November 9, 2023</span></div>')
    assert result["authors"] == ["Alex Roe"]


def test_byline_as_the_last_segment_of_a_stamp_line():
    # French dailies: "Site | date • Mis à jour le date | Par Name (avec Name et Name)"
    stamp = ("Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | "
             "Par Martin Untersinger (avec Damien Leloup et Morgane Tual)")
    result = view_text("Accueil", "Pixels", HEADLINE, stamp, *BODY, "Les plus lus")
    assert result["authors"] == ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
    assert result["paragraphs"] == BODY


def test_co_authors_as_sibling_author_links():
    # local TV news sites: one byline, each writer linked with rel="author"
    byline = ('<div class="meta"><a rel="author" href="/author/jane-roe/">Jane Roe</a>, '
              '<a rel="author" href="/author/john-doe/">John Doe</a></div>')
    assert view_html("", byline)["authors"] == ["Jane Roe", "John Doe"]


def test_visible_byline_with_more_names_than_the_metadata():
    byline = ('<div class="meta"><a rel="author" href="/author/jane-roe/">Jane Roe</a>, '
              '<a rel="author" href="/author/john-doe/">John Doe</a></div>')
    assert view_html('<meta name="author" content="Jane Roe">', byline)["authors"] == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize("line, names", [
    ("The Deal Professor By Steven Davidoff Solomon", ("Steven Davidoff Solomon",)),  # column label first
    ("Opinion by Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("Ursula von der Leyen", ("Ursula von der Leyen",)),
])
def test_column_label_before_the_byline(line, names):
    assert byline_names(line) == names


def test_byline_holders_found_in_one_pass_are_those_of_three(corpus_dir):
    """The byline XPath is one pass over the page for speed; it must find exactly the elements,
    in the same order, that the three plain passes (rel, itemprop, class/id/test id) find."""
    from exporter.cleaning.html_tree import parse_html
    from exporter.cleaning.metadata import _BYLINE_XPATH

    three = ("//*[@rel='author'] | //*[@itemprop='author'] | "
             "//*[contains(concat(' ', normalize-space(@class), ' '), ' byline')"
             " or contains(@class, 'author-name') or contains(@class, 'byline__name')"
             " or contains(@class, 'authorName') or contains(@class, 'author_name')"
             " or contains(@id, 'byline') or contains(@data-testid, 'byline')]")
    found = 0
    for path in sorted(corpus_dir.glob("*/*/source.html"))[::5]:
        root = parse_html(decode_source(path.read_bytes(), path=path, kind="html").text)
        expected = root.xpath(three)
        assert root.xpath(_BYLINE_XPATH) == expected, path
        found += len(expected)
    assert found  # the pages do hold bylines


def test_wire_story_signed_in_its_closing_line():
    # no byline above the story; it closes "(Reporting by ...; Editing by ...)"
    closing = "(Reporting by Jane Roe and John Doe; Editing by Max Moe)"
    body = "".join(f"<p>{p}</p>" for p in (*BODY, closing))
    html = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>{body}"
            f"</article></body></html>")
    result = scorer_view(clean(decode_source(html.encode("utf-8"), kind="html")))
    assert result["authors"] == ["Jane Roe", "John Doe"]
    assert result["paragraphs"][:len(BODY)] == BODY


def test_the_byline_under_the_headline_before_a_rail_byline_above_it():
    # a scrape of a page whose "Most read" rail ends just above the headline
    result = view_text("Home", "Most read", "Why the old bridge still matters to the city", "By Max Moe", HEADLINE,
                       "By Jane Roe", "May 4, 2022", *BODY, "© 2022 Example Media")
    assert result["authors"] == ["Jane Roe"]
