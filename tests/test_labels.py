"""The labels table (exporter/labels.toml) and the words the renderer takes from it:
dates by CLDR, name lists, the colophon's "Published"/"Last updated", the bio page."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from exporter.labels import common_language, known_languages, labels_for
from exporter.model import Bio
from exporter.preview import preview_html
from exporter.render import Book, render_book
from tests.epub_util import sample_article

LABELS_FILE = Path(__file__).resolve().parents[1] / "exporter" / "labels.toml"
CORPUS_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "ru", "ja", "zh", "ar", "ko")


def text(markup: str) -> str:
    """Visible text: a space between blocks, none for inline tags; no-break spaces kept."""
    spaced = re.sub(r"</(p|h\d|li|span)>|<br/>", " ", markup)
    return re.sub(r"[ \t\n]+", " ", re.sub(r"<[^>]+>", "", spaced)).strip()


def section_text(book: Book, kind: str) -> str:
    return text(next(s.body for s in render_book(book, font_name="Linux Libertine").sections if s.kind == kind))


# ---------------------------------------------------------------- the table


def test_every_language_of_the_corpus_has_a_table_with_every_key():
    data = tomllib.loads(LABELS_FILE.read_text(encoding="utf-8"))
    assert set(CORPUS_LANGUAGES) <= set(known_languages())
    keys = set(data["en"])
    gendered = {"about_author_feminine", "about_authors_feminine", "feminine_words", "masculine_words",
                "role_words", "feminine_endings", "masculine_endings", "nouns_capitalised"}
    for language, table in data.items():
        # the gendered bio headings are optional; a table that has them has both headings and both word lists
        assert set(table) - gendered == keys, f"[{language}] differs from [en]: {(set(table) - gendered) ^ keys}"
        if set(table) & gendered:
            assert {"about_author_feminine", "about_authors_feminine", "feminine_words", "masculine_words"} <= set(table)
        for key, placeholder in (("published", "{date}"), ("updated", "{date}"), ("source", "{source}"),
                                 ("set_in", "{font}"), ("cover_alt_by", "{author}")):
            assert placeholder in table[key], f"[{language}] {key} lacks {placeholder}"
        # A language's table is its own: no English left in it by copy and paste.
        if language != "en":
            assert table["made_with"] != data["en"]["made_with"] and table["contents"] != "Contents", language


@pytest.mark.parametrize(("language", "iso", "shown"), [
    ("en", "2016-07-27", "27 July 2016"),
    ("en-GB", "2016-07-27", "27 July 2016"),
    ("en-US", "2016-07-27", "July 27, 2016"),
    ("fr", "2015-05-04", "4 mai 2015"),
    ("fr-CA", "2015-05-04", "4 mai 2015"),
    ("de", "2015-05-04", "4. Mai 2015"),
    ("es", "2015-05-04", "4 de mayo de 2015"),
    ("ja", "2015-05-04", "2015年5月4日"),
    ("zh", "2015-05-04", "2015年5月4日"),
    ("ru", "2015-05-04", "4 мая 2015\u202fг."),
    ("fr", "2015-05", "mai 2015"),
    ("de", "2015", "2015"),
    ("xx-unknown", "2016-07-27", "27 July 2016"),  # unknown language: English
    ("fr", "not a date", "not a date"),
])
def test_dates_are_formatted_by_cldr_for_the_language(language, iso, shown):
    assert labels_for(language).date(iso) == shown


def test_name_lists_follow_the_language():
    assert labels_for("en").names(["A", "B", "C"]) == "A, B and C"
    assert labels_for("fr").names(["A", "B", "C"]) == "A, B et C"
    assert labels_for("de").names(["A", "B"]) == "A und B"
    assert labels_for("ja").names(["山田", "佐藤"]) == "山田、佐藤"
    assert labels_for("en").names([]) is None


def test_collection_subject_uses_the_plural_category():
    assert labels_for("en").collection_subject(10) == "A collection of 10 articles"
    assert labels_for("ru").collection_subject(3) == "Сборник: 3 статьи"
    assert labels_for("ru").collection_subject(5) == "Сборник: 5 статей"


def test_common_language_of_a_collection():
    assert common_language(["fr", "fr-CA"]) == "fr"
    assert common_language(["fr", "de"]) == "en"
    assert common_language([]) == "en"


# ---------------------------------------------------------------- the book's words


def test_a_french_book_says_everything_in_french():
    article = sample_article(language="fr", date="2015-05-04", publisher="Le Monde.fr",
                             source_url="https://www.lemonde.fr/x", bio=None)
    book = Book.single(article)
    colophon = section_text(book, "colophon")
    # no full stop after the web address: it would read as part of it
    assert "Source\u00a0: Le Monde.fr, https://www.lemonde.fr/x Publication" in colophon
    assert "Publication\u00a0: 4 mai 2015." in colophon
    assert "Composé en Linux Libertine." in colophon and "Réalisé avec Article Exporter." in colophon
    for english in ("Published", "Source:", "Made with", "Set in", "2015-05-04"):
        assert english not in colophon
    assert "4 mai 2015" in section_text(book, "titlepage")


def test_german_and_japanese_colophons_and_bio_headings():
    german = Book.single(sample_article(language="de", date="2019-11-19", bio="Sie schreibt über Häfen."))
    assert "Veröffentlicht: 19. November 2019." in section_text(german, "colophon")
    assert "Erstellt mit Article Exporter." in section_text(german, "colophon")
    # the bio's own words say the author is a woman ("Sie schreibt ..."): the heading agrees
    assert section_text(german, "backmatter").startswith("Über die Autorin")
    japanese = Book.single(sample_article(language="ja", date="2018-08-16", publisher="ノート100YEN.com",
                                          source_url=None, bio="東京在住のライター"))
    colophon = section_text(japanese, "colophon")
    assert "出典：ノート100YEN.com。公開日：2018年8月16日。" in colophon.replace(" ", "")
    assert "Article Exporterで作成。" in colophon
    assert section_text(japanese, "backmatter").startswith("著者について")


def test_the_bio_heading_takes_the_gender_the_bio_itself_states():
    heading = lambda lang, *bios: labels_for(lang).about(bios)  # noqa: E731
    assert heading("de", "Jana Beispiel ist Redakteurin im Ressort Wissen.") == "Über die Autorin"
    assert heading("de", "Jan Beispiel ist Redakteur im Ressort Wissen.") == "Über den Autor"
    # "sie" is also "they", and a word of each gender says nothing: the usual heading
    assert heading("de", "Jan Beispiel schreibt über Häfen und wie sie wachsen.") == "Über den Autor"
    assert heading("de", "Die Autorin und ihr Kollege: Er schreibt über Häfen.") == "Über den Autor"
    assert heading("de", "Die Autorin ist Ärztin.", "Sie ist Juristin.") == "Über die Autorinnen"
    assert heading("de", "Die Autorin ist Ärztin.", "Er ist Jurist.") == "Über die Autoren"
    assert heading("fr", "Marta Ruiz est journaliste. Elle couvre l’Europe.") == "À propos de l’autrice"
    assert heading("fr", "Marta Ruiz est journaliste à Lyon.") == "À propos de l’auteur"  # epicene
    assert heading("fr", "Marta Ruiz est journaliste indépendante.") == "À propos de l’autrice"  # the adjective agrees
    assert heading("es", "Ana Ruiz es profesora de historia.") == "Sobre la autora"
    assert heading("it", "Giulia Neri è scrittrice e vive a Torino.") == "L’autrice"
    assert heading("pt", "Ela é pesquisadora em Lisboa.") == "Sobre a autora"
    assert heading("en", "She covers science.") == "About the Author"  # English headings have no gender
    # a role noun's ending after "ist"/"als"/"est", the author's own name aside
    about = lambda lang, text, author: labels_for(lang).about([(text, author)])  # noqa: E731
    assert about("de", "Katrin Obermeier arbeitet als Stadtplanerin in Freiburg.", "Katrin Obermeier") == "Über die Autorin"
    assert about("de", "Valentin Berg schreibt über Alltagsradeln.", "Valentin Berg") == "Über den Autor"
    assert about("de", "Jan Berg ist Stadtplaner und Vater einer Tochter, die Ärztin ist.", "Jan Berg") == "Über den Autor"
    assert about("de", "Jana Berg ist Redakteurin unserer Zeitung.", "Jana Berg") == "Über die Autorin"
    assert about("de", "Die Autorin ist Mutter von zwei Kindern.", "") == "Über die Autorin"
    assert about("fr", "Marie Dubois est rédactrice en chef adjointe.", "Marie Dubois") == "À propos de l’autrice"
    assert about("fr", "Marc Petit est rédacteur ; sa fille est directrice.", "Marc Petit") == "À propos de l’auteur"
    assert about("it", "Giulia Neri è traduttrice e vive a Torino.", "Giulia Neri") == "L’autrice"
    assert about("pt", "Ana Couto é cronista do Jornal da Serra e professora de história.", "Ana Couto") == "Sobre a autora"


def test_the_seed_like_update_stamp_is_never_called_the_publication():
    updated_only = sample_article(date=None)
    updated_only = updated_only.with_meta(updated="2016-07-27")
    book = Book.single(updated_only)
    colophon = section_text(book, "colophon")
    assert "Last updated 27 July 2016." in colophon
    assert "ublished" not in colophon
    assert "Last updated 27 July 2016" in section_text(book, "titlepage")
    both = Book.single(sample_article(date="2006-02-24").with_meta(updated="2016-07-27"))
    assert "Published 24 February 2006. Last updated 27 July 2016." in section_text(both, "colophon")


def test_a_mixed_collection_speaks_english_in_its_own_pages_and_each_article_its_own():
    articles = (
        sample_article(title="Le projet", language="fr", date="2015-05-04", authors=("Martin U.", "Ann Lee")),
        sample_article(title="Zehn Dinge", language="de", date="2019-11-19", authors=("Charlie Wood",)),
        sample_article(title="ショートカット", language="ja", date="2018-08-16", authors=()),
        sample_article(title="An Act", language="en", date=None, authors=("W. T.",)).with_meta(updated="2016-07-27"),
    )
    book = Book("Around the World", articles, is_collection=True)
    assert book.language == "en"
    rendered = render_book(book, font_name="Linux Libertine")
    by_kind = {}
    for section in rendered.sections:
        by_kind.setdefault(section.kind, []).append(section)
    assert [s.language for s in by_kind["bodymatter"]] == ["fr", "de", "ja", "en"]
    assert all(s.language == "en" for k in ("titlepage", "toc", "backmatter", "colophon") for s in by_kind[k])
    colophon = text(by_kind["colophon"][0].body)
    # One date style in the back matter, the collection's.
    assert "Published 4 May 2015" in colophon and "Published 19 November 2019" in colophon
    assert "Published 16 August 2018" in colophon and "Last updated 27 July 2016" in colophon
    assert not re.search(r"\d{4}-\d{2}-\d{2}|mai|November 19", colophon)
    assert text(by_kind["toc"][0].body).startswith("Contents")
    assert "Martin U. and Ann Lee" in text(by_kind["toc"][0].body)
    # Each article's byline in its own language.
    # (A byline keeps each name on one line: no-break spaces inside the names.)
    assert "Martin U. et Ann Lee · 4 mai 2015" in text(by_kind["bodymatter"][0].body).replace("\u00a0", " ")
    assert "19. November 2019" in text(by_kind["bodymatter"][1].body)
    assert "2018年8月16日" in text(by_kind["bodymatter"][2].body)
    assert "Last updated 27 July 2016" in text(by_kind["bodymatter"][3].body)


def test_a_collection_in_one_language_uses_it_for_its_own_pages():
    book = Book("Recueil", (sample_article(language="fr"), sample_article(title="Deux", language="fr")),
                is_collection=True)
    assert section_text(book, "toc").startswith("Table des matières")
    assert section_text(book, "backmatter").startswith("À propos de l’auteur")


# ---------------------------------------------------------------- the bio page


def test_the_bio_is_signed_only_when_it_does_not_begin_with_the_name():
    begins = sample_article(bio="Jane Q. Writer covers coastal towns.")
    plain = sample_article(bio="She covers coastal towns.")
    for article, signed in ((begins, False), (plain, True)):
        bio = next(s.body for s in render_book(Book.single(article)).sections if s.kind == "backmatter")
        preview = preview_html(article)
        assert ('class="bio-name"' in bio) is signed
        assert ('class="bio-name"' in preview) is signed
        if signed:
            assert '<p class="bio-name">Jane Q. Writer</p>' in bio and "Jane Q. Writer</p>" in preview


def test_two_authors_bios_each_signed_unless_they_begin_with_the_name():
    article = sample_article(authors=("Ann Lee", "Bo Ma"))
    article = article.with_meta(bios=(Bio("Ann Lee writes.", "Ann Lee"), Bio("He draws maps.", "Bo Ma")))
    body = next(s.body for s in render_book(Book.single(article)).sections if s.kind == "backmatter")
    assert text(body) == "About the Authors Ann Lee writes. He draws maps. Bo Ma"
    assert replace(article.meta.bios[0]).author == "Ann Lee"
