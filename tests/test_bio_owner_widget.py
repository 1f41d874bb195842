"""A one-person blog's saved page with no byline: the theme's text widget describing the owner is the
bio when the page's copyright text names the same person (issue 13). Every name and sentence is invented."""

from tests.test_bio import STORY_DE, cleaned, widget

OWNER = ("K.Lindqvist (klind) ist Netzwerk-Experte für kleine Unternehmen und betreibt seit 2011 "
         "diesen Blog in Leipzig.")


# The theme's other widgets, set between the article and the owner's (as a sidebar lists them).
OTHER_WIDGETS = ('<aside class="widget-area"><section class="widget"><h3>Kategorien</h3><ul>'
                 + "".join(f'<li><a href="/c/{n}">{n}</a></li>' for n in ("Netzwerk", "Sicherheit", "Telefonie"))
                 + '</ul></section><section class="widget"><h3>Archiv</h3><ul>'
                 + "".join(f'<li><a href="/a/{m}">{m} 2021</a></li>' for m in ("März", "Februar", "Januar"))
                 + '</ul></section><section class="widget"><p>Blog via E-Mail abonnieren</p>'
                 '<form><input type="email"></form></section></aside>')


def blog_page(sidebar: str, copyright_line: str) -> str:
    prose = "".join(f"<p>{p}</p>" for p in STORY_DE)
    return ('<!doctype html><html lang="de"><head><title>Neue Firewall für das Büro</title></head><body>'
            '<header><p class="site-title"><a href="/">Gut zu wissen</a></p><nav><a href="/">Start</a></nav></header>'
            f'<main><article><h1>Neue Firewall für das Büro: was sich lohnt</h1><p class="date">4. März 2021</p>'
            f'<div class="entry-content">{prose}</div></article></main>{OTHER_WIDGETS}{sidebar}'
            f'<footer><div class="textwidget">{copyright_line}</div></footer></body></html>')


def test_the_owners_widget_after_the_article_is_the_bio_when_the_copyright_names_the_owner():
    result = cleaned(blog_page(widget(OWNER, title="Gut zu wissen"), "© since 2011 by K.Lindqvist All rights reserved"))
    assert [(b.author, b.text) for b in result.meta.bios] == [("K. Lindqvist", OWNER)]
    assert result.meta.authors == ("K. Lindqvist",)
    assert OWNER[:30] not in " ".join(str(b) for b in result.blocks)


def test_trap_a_widget_about_someone_the_copyright_does_not_name_is_no_bio():
    # A magazine's sidebar promotes a columnist; its copyright names the publisher.
    result = cleaned(blog_page(widget(OWNER), "© 2021 Lernwerk Verlag GmbH. Alle Rechte vorbehalten."))
    assert result.meta.bios == ()


def test_trap_two_peoples_widgets_give_no_bio():
    other = "Mara Olsen ist Fotografin und schreibt hier seit 2015 über Reisen mit kleinem Gepäck."
    result = cleaned(blog_page(widget(OWNER) + widget(other), "© 2021 K.Lindqvist und Mara Olsen"))
    assert result.meta.bios == ()


def test_a_microdata_author_box_whose_description_is_a_job_line_gives_that_line():
    # A motor-sport site's Person box: the name, then "<site> Redakteur". The job line has two
    # capitalised words and was read as a second name line, leaving the box no description.
    box = ('<div class="msm_author_box" itemprop="author" itemscope itemtype="http://schema.org/Person">'
           '<strong itemprop="name">Lena Hartwig</strong><p itemprop="description">Rennsport-Magazin.de Redakteurin</p>'
           '</div>')
    prose = "".join(f"<p>{p}</p>" for p in STORY_DE)
    page = ('<!doctype html><html lang="de"><head><title>Fernwärme wird teurer</title></head><body><main><article>'
            f'<h1>Fernwärme wird teurer</h1><div class="author">02.02.2022 von Lena Hartwig</div>{prose}{box}'
            '</article></main></body></html>')
    result = cleaned(page)
    assert result.meta.authors == ("Lena Hartwig",)
    assert [(b.author, b.text) for b in result.meta.bios] == [("Lena Hartwig", "Rennsport-Magazin.de Redakteurin")]


def test_a_web_address_or_a_job_noun_is_no_name_word():
    from exporter.cleaning.names import is_person_name

    assert not is_person_name("Motorsport-Magazin.com Redakteur")
    assert not is_person_name("Rennsport-Magazin.de Team")
    assert is_person_name("Lena Hartwig") and is_person_name("Lena M. Hartwig")
    # a rail's or menu's label under the headline, read as a bare byline
    assert not is_person_name("Mehr Sport") and not is_person_name("Alle Meldungen")
    assert not is_person_name("Tous les articles")
    # ... but those words are surnames too, after a first name
    assert is_person_name("Thomas Mehr") and is_person_name("Rosa Tous") and is_person_name("Anna Plus")
    assert is_person_name("Jan van der Meer")


def test_an_owners_widget_with_a_line_break_is_still_the_owners_card():
    # Themes break a widget's text with <br>; a break is no block inside the card.
    broken = OWNER.replace(" und betreibt", "<br>und betreibt")
    result = cleaned(blog_page(widget(broken), "© since 2011 by K.Lindqvist All rights reserved"))
    assert [(b.author, b.text) for b in result.meta.bios] == [("K. Lindqvist", OWNER)]


def test_trap_a_surname_inside_a_longer_word_of_the_copyright_is_not_the_owner():
    # A regional paper's sidebar promotes its columnist Klein; the copyright names "Kleine Zeitung",
    # whose letters hold the surname but not as a word.
    columnist = "Hanna Klein ist Redakteurin für Wirtschaft und schreibt jeden Samstag über Geld und Alltag."
    result = cleaned(blog_page(widget(columnist), "© 2021 Kleine Zeitung GmbH. Alle Rechte vorbehalten."))
    assert result.meta.bios == ()
