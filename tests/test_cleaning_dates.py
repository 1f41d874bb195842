"""Publication and update dates: written dates in many forms, page metadata, URLs, htmldate.

Pages and lines are written here in the shapes real news pages have.
"""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, load_rules, scorer_view
from exporter.cleaning.dates import parse_date, url_date
from exporter.cleaning.html_tree import parse_html
from exporter.cleaning.metadata import read_page_meta
from exporter.reading import decode_source

PROSE = ("The city council voted on Tuesday to extend the tram line to the northern suburbs, "
         "a plan that has divided residents for more than a decade. ") * 3


@pytest.mark.parametrize("text, expected", [
    ("6. August 2009", "2009-08-06"),  # German day with a full stop
    ("12. Jänner 2021", "2021-01-12"),  # Austrian German
    ("Veröffentlicht am 19.10.2019, 05:00 Uhr", "2019-10-19"),  # dotted day-first
    ("2018/6/19 10:02", "2018-06-19"),  # year-first with slashes (East Asian and some German sites)
    ("Publié le 29 juin 2019 à 15h14", "2019-06-29"),
    ("1er mai 2020", "2020-05-01"),
    ("5 de março de 2020", "2020-03-05"),  # Portuguese
    ("13 de diciembre de 2019", "2019-12-13"),  # Spanish (10 letters)
    ("02 Novembre 2023", "2023-11-02"),  # Italian
    ("3 mrt. 2021", "2021-03-03"),  # Dutch abbreviation
    ("7 września 2020", "2020-09-07"),  # Polish genitive
    ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19"),
    ("Nov 8, 2023 / 10:35 PM PST", "2023-11-08"),
    ("07/27/2016", "2016-07-27"),  # US month-first with slashes
    ("veröffentlicht am 14 Feb ’20", "2020-02-14"),  # blog themes' year after an apostrophe
    ("Posted Mar 3, '21 at 10:00", "2021-03-03"),
    ("Nov 28 '99", "1999-11-28"),  # 69-99 are 19xx, as strptime's %y reads them
    ("15.01.98, 10:32 Uhr", "1998-01-15"),  # the same century rule for a numeric date: an archive's 1998
    ("15.01.16", "2016-01-15"),
])
def test_written_dates_in_many_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://www.example.com/2020/03/16/council-votes-tram/", "2020-03-16"),
    ("https://www.example.com/news/20200413/second-suspect-arrested", "2020-04-13"),
    ("https://blog.example.de/2014-05-18-alles-neu", "2014-05-18"),
    ("https://www.example.com/news/12345/council-votes", None),
    ("http://example.blogspot.de/2011/", None),  # a year archive is no day
])
def test_dates_in_article_urls(url, expected):
    assert url_date(url) == expected


def page(head: str = "", body: str = "") -> str:
    return f"<html><head><title>Tram line</title>{head}</head><body>{body}<article><h1>Tram line</h1>" \
           f"<p>{PROSE}</p></article></body></html>"


def dates_of(html: str) -> tuple[str | None, str | None]:
    meta = read_page_meta(parse_html(html))
    return meta.date, meta.updated


def ld(**fields) -> str:
    import json

    return f'<script type="application/ld+json">{json.dumps({"@type": "NewsArticle", **fields})}</script>'


@pytest.mark.parametrize("html, published, updated", [
    # JSON-LD datePublished wins over dateCreated and dateModified
    (page(ld(dateModified="2021-05-02T10:00:00+02:00", dateCreated="2021-04-30T09:00:00+02:00",
             datePublished="2021-05-01T08:00:00+02:00")), "2021-05-01", "2021-05-02"),
    # the update stamp alone stays an update; the article's date falls back on it in the model
    (page('<meta property="article:modified_time" content="2016-07-27T10:00:00+00:00">'), None, "2016-07-27"),
    # a UTC stamp late in the evening: the day in the URL is the day the page shows
    (page('<link rel="canonical" href="https://news.example.it/esteri/2023/11/02/diretta/">'
          '<meta property="article:published_time" content="2023-11-01T23:01:00Z">'), "2023-11-02", None),
    # a UTC stamp, and the site's own offset on another stamp
    (page(ld(datePublished="2019-10-18T22:04:00Z") + '<meta name="date" content="Sat, 19 Oct 2019 00:04:00 +0200">'),
     "2019-10-19", None),
    # a UTC stamp early in the morning cannot be a day later anywhere: a comment's later <time> is ignored
    (page('<meta property="article:published_time" content="2015-12-12T05:00:37+00:00">',
          '<article><time datetime="2015-12-13T01:10:03+01:00">13 Dezember, 2015</time></article>'),
     "2015-12-12", None),
])
def test_page_metadata_dates(html, published, updated):
    assert dates_of(html) == (published, updated)


def test_time_inside_the_article_not_in_a_sidebar():
    html = ("<html><body><aside><ul><li><time datetime='2019-07-30'>30 juil. 2019</time> Older post</li></ul>"
            "</aside><article><p class='meta'><time datetime='2019-07-03T10:18:46Z'>Publié le 29 juin 2019</time>"
            f"</p><p>{PROSE}</p></article></body></html>")
    # the day the page shows (the <time>'s text), not its machine stamp, and not the sidebar's
    assert dates_of(html)[0] == "2019-06-29"


def test_htmldate_reads_a_page_that_states_no_date_in_its_metadata():
    html = (f"<html><head><link rel='canonical' href='https://blog.example.de/2014/05/18/alles-neu/'></head>"
            f"<body><div><p>{PROSE}</p></div></body></html>")
    assert dates_of(html)[0] == "2014-05-18"


def test_update_date_kept_apart_in_the_article():
    html = page(ld(datePublished="2020-01-03T09:48:24Z", dateModified="2020-01-06T09:22:36Z"))
    article = clean(decode_source(html.encode(), kind="html"))
    assert (article.meta.published, article.meta.updated, article.meta.date) == ("2020-01-03", "2020-01-06",
                                                                                 "2020-01-03")


@pytest.mark.parametrize("dateline, expected", [
    ("6. August 2009", "2009-08-06"),
    ("19.10.2019, 05:00 Uhr", "2019-10-19"),
    ("2018/6/19", "2018-06-19"),
    ("Publié le 27 juin 2019", "2019-06-27"),
    ("5 de março de 2020", "2020-03-05"),
])
def test_text_scrape_datelines(dateline, expected):
    text = "\n\n".join(["Home", "World", "Tram line to reach the northern suburbs by 2030", dateline,
                        PROSE, PROSE.replace("council", "mayor")])
    assert scorer_view(clean(decode_source(text.encode(), kind="text")))["date"] == expected


def test_utc_stamp_with_one_digit_seconds_moves_to_the_day_the_article_shows():
    # Italian regional daily: JSON-LD in UTC with "0Z" seconds, the visible date under the headline
    html = page(ld(datePublished="2020-12-05T23:15:0Z"), "")
    html = html.replace("<article>", '<article><p itemprop="datePublished">06 Dicembre 2020</p>')
    assert dates_of(html)[0] == "2020-12-06"


@pytest.mark.parametrize("lines, published, updated", [
    (["Publié le 27 juin 2019", "Mis à jour le 28 juin 2019"], "2019-06-27", "2019-06-28"),
    (["Veröffentlicht am 19.10.2019", "Aktualisiert am 20.10.2019"], "2019-10-19", "2019-10-20"),
    (["Aggiornato il 2 novembre 2023"], None, "2023-11-02"),  # an update stamp alone stays an update
])
def test_text_scrape_publication_and_update_stamps_in_other_languages(lines, published, updated):
    text = "\n\n".join(["Home", "Tram line to reach the northern suburbs by 2030", *lines, PROSE,
                        PROSE.replace("council", "mayor")])
    meta = clean(decode_source(text.encode(), kind="text")).meta
    assert (meta.published, meta.updated) == (published, updated)


def labelled_dates_of(body: str) -> tuple[str | None, str | None]:
    from exporter.cleaning import load_rules

    html = f"<html><head><title>Tram line</title></head><body>{body}<div><p>{PROSE}</p></div></body></html>"
    meta = read_page_meta(parse_html(html), load_rules().metadata)
    return meta.date, meta.updated


@pytest.mark.parametrize("body, published, updated", [
    # a podcast page's episode box: the label, a <br>, the length on the next line
    ("<p>Veröffentlicht am 16.08.2019<br/>Dauer: 1 Stunde</p>"
     "<div><time datetime='2019-08-24T03:36:11+02:00'>24. August 2019</time></div>", "2019-08-16", None),
    # an agency's notice: a label and its value in two spans
    ("<div class='docData'><span class='label'>Datum:</span> <span class='value'>18.10.2021</span></div>",
     "2021-10-18", None),
    # WordPress's default theme, in German and in English, the date split across <nobr>s
    ("<p class='news'><a href='/p/'>Literatur</a> wurde am <nobr>19. Mai 2010</nobr> um <nobr>23:03</nobr> Uhr "
     "gepostet und unter <a href='/c/'>Lesenswert</a> abgelegt.</p>", "2010-05-19", None),
    ("<p class='postmetadata'>This entry was posted on Wednesday, May 19th, 2010 at 11:03 pm and is filed under "
     "<a href='/c/'>News</a>.</p>", "2010-05-19", None),
    ("<p>Publié le 27 juin 2019<br>Mis à jour le 28 juin 2019</p>", "2019-06-27", "2019-06-28"),
])
def test_a_stamp_the_page_labels_in_words(body, published, updated):
    assert labelled_dates_of(body) == (published, updated)


def test_a_wiki_page_created_stamp_is_its_publication():
    # static-site wikis and blogs print the page's first version and its last edit under the text
    # (and a tag line with another day above them)
    html = ('<html lang="en"><head><title>Shell paths</title></head><body><div class="page">'
            f'<h1>Shell paths</h1><p>{PROSE}</p><p><a href="/tags/shell">shell</a> 2020-09-30</p><div class="pagedate"><span class="created">Created late in the '
            'afternoon of Sunday, October 18th, 2020.</span> <span class="edited">Edited Wednesday, November 4th, '
            '2020.</span></div></div></body></html>')
    meta = read_page_meta(parse_html(html), load_rules().metadata)
    assert (meta.date, meta.updated) == ("2020-10-18", "2020-11-04")


def test_a_labelled_stamp_in_a_teaser_or_comment_dates_another_piece():
    from exporter.cleaning import load_rules
    from exporter.cleaning.page_dates import labelled_stamps

    body = ("<aside><p>Veröffentlicht am 01.02.2018</p></aside>"
            "<div class='comments'><p>Posted on March 3, 2020</p></div>"
            "<div class='article-meta'><p>Posted on March 1, 2020</p></div>")
    root = parse_html(f"<html><body>{body}<div><p>{PROSE}</p></div></body></html>")
    assert labelled_stamps(root, load_rules().metadata) == ("2020-03-01", None)


def test_prose_with_a_date_is_no_stamp():
    # "wurde am ..." in a sentence of news, with no clock time after it, is no post footer
    from exporter.cleaning import load_rules
    from exporter.cleaning.page_dates import labelled_stamps

    root = parse_html("<html><body><p>Der Vertrag wurde am 3. Mai 2010 in Berlin unterzeichnet.</p></body></html>")
    assert labelled_stamps(root, load_rules().metadata) == (None, None)


@pytest.mark.parametrize("stamp", ["2020-01-20T09:49:32+0000", "2020-01-20T09:49:32", "2020-01-20 09:49:32 UTC"])
def test_a_morning_utc_stamp_under_a_header_date_of_the_evening_before(stamp):
    # a wire service's header prints its own US day in a <div> classed as the date; the stamp is UTC,
    # stated or (US and Canadian CMSs) bare
    html = page(f'<meta property="article:published_time" content="{stamp}">')
    html = html.replace("<article>", '<article><div class="ArticleHeader_date">January 19, 2020 / 12:25 PM</div>')
    assert dates_of(html)[0] == "2020-01-19"


def test_a_bare_stamp_is_not_moved_by_the_sites_offset():
    # with no zone the stamp may be local already: another stamp's +02:00 does not move it
    html = page(ld(datePublished="2019-10-18T23:04:00") + '<meta name="dc.date" content="2019-10-18T23:04:00+02:00">')
    assert dates_of(html)[0] == "2019-10-18"


def test_a_stamp_at_24_00_beside_a_zoned_stamp_keeps_its_day():
    # ISO 8601 allows "T24:00" (the end of the day); datetime refuses it: the stated day stands,
    # not an internal error (a page whose other stamp gives the site's zone took that path)
    head = ('<meta property="article:published_time" content="2020-01-20T24:00:00Z">'
            '<meta property="article:modified_time" content="2020-01-21T10:00:00+02:00">')
    assert dates_of(page(head)) == ("2020-01-20", "2020-01-21")


def test_a_labelled_stamp_deep_in_nested_blocks_is_read_from_its_own_holder():
    # Holders with a block inside are not read whole (each block is visited itself): a page of
    # nested <div>s around a long text reads that text once, and the stamp is still found.
    inner = f"<p>Veröffentlicht am 19.10.2019</p><p>{PROSE * 200}</p>"
    assert labelled_dates_of("<div>" * 200 + inner + "</div>" * 200) == ("2019-10-19", None)


def test_a_generic_meta_date_comes_after_the_time_in_the_articles_meta_row():
    # a German outdoor magazine: <meta name="date"> holds the last edit, five days after the
    # <time> its theme prints in an <aside class="meta"> inside the <article>
    html = ('<html><head><meta name="date" content="2022-1-26T14:32:06+02:00"></head><body><article>'
            '<header><h1>Ein Schuh für Touren und Freeride</h1></header><div class="article__intro">'
            f'<p>{PROSE}</p></div><aside class="meta" role="complementary"><div class="meta__row">'
            '<p class="meta__content"><time datetime="2022-01-21" class="meta__label">21.01.2022 - 13:30</time>'
            f'</p></div></aside><p>{PROSE}</p></article></body></html>')
    assert dates_of(html)[0] == "2022-01-21"


def test_a_generic_meta_date_still_dates_a_page_with_no_other_stamp():
    # the trap: a sidebar aside's <time> dates another post; the meta is all the page states
    html = ('<html><head><meta name="date" content="2022-01-26"></head><body><article>'
            f'<h1>Ein Schuh für Touren</h1><p>{PROSE}</p></article><aside class="sidebar-info">'
            '<time datetime="2021-12-01">01.12.2021</time> Älterer Beitrag</aside></body></html>')
    assert dates_of(html)[0] == "2022-01-26"


@pytest.mark.parametrize("text, expected", [
    ("2019年6月24日 11時30分", "2019-06-24"),  # Japanese and Chinese news
    ("2019년 6월 24일", "2019-06-24"),  # Korean
])
def test_east_asian_written_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("19 октября 2019", "2019-10-19"),  # Russian, the month in the genitive as dates write it
    ("3 мая 2021 г.", "2021-05-03"),
    ("5 травня 2020", "2020-05-05"),  # Ukrainian
    ("12 Οκτωβρίου 2019", "2019-10-12"),  # Greek
])
def test_dates_written_in_other_alphabets(text, expected):
    assert parse_date(text) == expected


def test_a_japanese_header_date_without_its_year_takes_the_year_of_the_filed_day():
    # NHK's easy-news pages print "[06月24日 11時30分]" and name the filed day only in a link's address
    html = ("<html><head><title>ニュース</title></head><body><article><h1>ニュース</h1>"
            '<p class="article-main__date" id="js-article-date">[06月24日 11時30分]</p>'
            f"<p>{PROSE}</p><a href='https://www3.nhk.or.jp/news/html/20190619/k10011959621000.html'>NHK</a>"
            "</article></body></html>")
    assert dates_of(html)[0] == "2019-06-24"
    # across a new year the nearer year is taken; a month and day far from the filed day are not used
    assert dates_of(html.replace("06月24日", "01月02日").replace("20190619", "20191230"))[0] == "2020-01-02"
    assert dates_of(html.replace("06月24日", "11月02日"))[0] == "2019-06-19"


def test_a_dateline_right_under_the_headline():
    # an association's news page: no date in its markup, "1. Februar 2022 , Daniel Dillenburg"
    # on the line under the <h1>, a teaser's date further down
    body = ('<article><p>Nachruf</p><div><h1>Aus dem Ghetto nach Augusta</h1><div><p class="grey">'
            '<br class="md:hidden"> 1. Februar 2022 , Daniel Dillenburg</p></div>'
            f'<p>{PROSE}</p></div></article><div class="more"><p>21.01.2022 Turnier in Köln</p></div>')
    assert labelled_dates_of(body) == ("2022-02-01", None)


@pytest.mark.parametrize("after_headline", [
    f"<p>{PROSE}</p><p>1. Februar 2022</p>",  # a date after the prose has begun is no dateline
    "<p>Aktualisiert am 1. Februar 2022</p>",  # an update stamp is no publication date
])
def test_no_dateline_under_the_headline(after_headline):
    from exporter.cleaning import load_rules
    from exporter.cleaning.page_dates import headline_dateline

    body = f"<article><h1>Aus dem Ghetto nach Augusta</h1>{after_headline}<p>{PROSE}</p></article>"
    assert headline_dateline(parse_html(f"<html><body>{body}</body></html>"), load_rules().metadata) is None


def test_an_embedded_social_posts_time_dates_that_post():
    # a celebrity magazine quotes an Instagram post: the embed's <time> is the post's, months earlier
    embed = ('<blockquote class="instagram-media"><div><p><a href="https://instagram.com/p/x/">Ein Beitrag</a> '
             '<time datetime="2019-04-21T23:47:18+00:00">Apr 21, 2019 um 4:47 PDT</time></p></div></blockquote>')
    html = (f"<html><head><link rel='canonical' href='https://www.example.de/2019/10/18/einbetoniert/'></head>"
            f"<body><article><h1>Einbetoniert</h1><p>{PROSE}</p>{embed}<p>{PROSE}</p></article></body></html>")
    assert dates_of(html)[0] == "2019-10-18"


def test_wordpress_time_classed_published_and_updated_is_the_publication():
    # WordPress themes class a never-edited post's stamp "entry-date published updated"; the
    # teaser list under the post has older stamps
    html = ("<html><body><article><header class='entry-header'><h1>Benko-Firma insolvent</h1>"
            "<div class='entry-meta'><span class='posted-on'><a href='/p/'><time class='entry-date published updated'"
            " datetime='2023-11-01T09:35:13+01:00'>1. November 2023 09:35</time></a></span></div></header>"
            f"<p>{PROSE}</p><ul><li><time class='entry-date published' datetime='2023-10-25T16:01:43+02:00'>"
            "25. Oktober 2023</time></li></ul></article></body></html>")
    assert dates_of(html)[0] == "2023-11-01"


def test_a_comments_time_marked_pubdate_dates_the_comment():
    # WordPress's older comment templates print <time pubdate> on every comment
    html = ("<html><head><link rel='canonical' href='https://blog.example.de/2015/12/12/beitrag/'></head><body>"
            f"<div class='post'><h1>Beitrag</h1><p>{PROSE}</p></div><ol class='commentlist'><li class='comment'>"
            "<time pubdate datetime='2015-12-13T01:10:03+01:00'>13 Dezember, 2015 um 01:10</time> Danke!</li></ol>"
            "</body></html>")
    assert dates_of(html)[0] == "2015-12-12"


@pytest.mark.parametrize("body, published, updated", [
    ("<p class='meta'>Erstellt am 12.03.2020, 10:00 Uhr</p>", "2020-03-12", None),
    ("<div class='info'>Stand: 16.08.2019 14:00 Uhr</div>", None, "2019-08-16"),  # German news: the version's time
    ("<p>Mis en ligne le 3 mai 2021<br>Dernière modification : 4 mai 2021</p>", "2021-05-03", "2021-05-04"),
    ("<span>Fecha de publicación: 13/12/2019</span> <span>Última actualización: 14/12/2019</span>",
     "2019-12-13", "2019-12-14"),
    ("<p>Zuletzt geändert: 20.10.2019</p>", None, "2019-10-20"),
    ("<p>Laatst gewijzigd op 3 mrt. 2021</p><p>Geplaatst op 1 mrt. 2021</p>", "2021-03-01", "2021-03-03"),
])
def test_publication_and_update_labels_in_the_corpus_languages(body, published, updated):
    assert labelled_dates_of(body) == (published, updated)


@pytest.mark.parametrize("line", ["Data show 12 May 2020 was the wettest day", "Stand der Technik 2019"])
def test_words_that_are_also_prose_are_no_label_without_a_colon(line):
    from exporter.cleaning import load_rules
    from exporter.cleaning.page_stamps import labelled_stamps

    root = parse_html(f"<html><body><p>{line}</p></body></html>")
    assert labelled_stamps(root, load_rules().metadata) == (None, None)


@pytest.mark.parametrize("language, expected", [
    ("fr", True), ("de-DE", True), ("en-GB", True), ("en-AU", True), ("pt_BR", True),
    ("en-US", False), ("en", False), (None, False),
])
def test_which_languages_write_the_day_first(language, expected):
    from exporter.cleaning.dates import writes_day_first

    assert writes_day_first(language) is expected


@pytest.mark.parametrize("lang, stamp, expected", [
    ("fr", "Publié le 05/03/2020", "2020-03-05"),  # French, Spanish, British pages write the day first
    ("en-GB", "Published 05/03/2020", "2020-03-05"),
    ("en-US", "Posted 05/03/2020", "2020-05-03"),  # US pages the month
    ("fr", "Publié le 2020/03/05", "2020-03-05"),  # year first reads the same everywhere
])
def test_a_slashed_date_reads_in_the_pages_own_order(lang, stamp, expected):
    from exporter.cleaning import load_rules

    html = f"<html lang='{lang}'><body><p class='meta'>{stamp}</p><div><p>{PROSE}</p></div></body></html>"
    assert read_page_meta(parse_html(html), load_rules().metadata).date == expected


def test_a_teasers_microdata_stamp_dates_the_teaser():
    # a portal's "Latest news" rail above the article marks each teaser up with its own datePublished
    rail = ("<div class='teaser-list'><div itemscope itemtype='https://schema.org/NewsArticle'>"
            "<meta itemprop='datePublished' content='2021-02-01'><a href='/t'>Other story</a></div></div>")
    html = (f"<html><body>{rail}<article itemscope itemtype='https://schema.org/NewsArticle'><h1>Tram line</h1>"
            f"<meta itemprop='datePublished' content='2021-03-04T08:00:00+01:00'><p>{PROSE}</p></article></body></html>")
    assert dates_of(html)[0] == "2021-03-04"


def test_dates_stated_on_the_webpage_node_of_an_seo_graph():
    # an SEO plugin's graph: the Article node names the headline and author, the WebPage node the dates
    import json

    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "headline": "Tram line", "author": {"@type": "Person", "name": "Jane Doe"}},
        {"@type": "WebPage", "name": "Tram line", "datePublished": "2021-05-01T08:00:00+02:00",
         "dateModified": "2021-05-03T09:00:00+02:00"}]}
    html = page(f'<script type="application/ld+json">{json.dumps(graph)}</script>')
    assert dates_of(html) == ("2021-05-01", "2021-05-03")


def test_thousands_of_teaser_stamps_deep_in_nested_blocks_stay_cheap(monkeypatch):
    # each teaser's microdata costs a walk up the tree: a hostile page nesting thousands deep
    # must not cost thousands of walks (5000 teasers under 250 <div>s: 1.3 s CPU uncapped, 0.1 s)
    from exporter.cleaning import metadata, page_dates

    walks = []

    def counting(element, real=metadata.outside_teasers):
        walks.append(element)
        return real(element)

    monkeypatch.setattr(metadata, "outside_teasers", counting)
    monkeypatch.setattr(page_dates, "outside_teasers", counting)
    teaser = "<div class='teaser'><meta itemprop='datePublished' content='2001-01-01'></div>"
    html = ("<html><body>" + "<div>" * 250 + teaser * 5000 + "</div>" * 250
            + f"<article><h1>Tram line</h1><p>{PROSE}</p></article></body></html>")
    read_page_meta(parse_html(html))
    assert len(walks) <= 110


def test_the_dateline_follows_the_headlines_h1_not_a_logos():
    # a regional portal sets its logo as the first <h1>; its top bar prints today's date under it
    html = ("<html><head><title>Neue Brücke eröffnet | Stadtanzeiger</title></head><body>"
            "<header><h1>Stadtanzeiger</h1><div class='topbar'><span>Mittwoch, 2. Dezember 2026</span></div></header>"
            "<main><h1>Neue Brücke eröffnet</h1><p class='meta'>14. März 2021 , Anna Berger</p>"
            f"<p>{PROSE}</p></main></body></html>")
    from exporter.cleaning import load_rules

    assert read_page_meta(parse_html(html), load_rules().metadata).date == "2021-03-14"


# A paragraph of prose may open with the verbs the pages' stamps use ("Released on 4 May 2019,
# the report found ..."); the page's real stamp, printed after the article, dates it, and the
# sentence stays in the article.
@pytest.mark.parametrize("lang, sentence, stamp, published, updated", [
    ("en", "Released on 4 May 2019, the report found the line would pay for itself.",
     "Published: 16 August 2021", "2021-08-16", None),
    ("de", "Erschienen am 3. Mai 1999, wurde das Buch ein Bestseller.",
     "Veröffentlicht am 16.08.2019", "2019-08-16", None),
    ("de", "Erstellt am 1. März 2015, gilt der Plan bis heute.",
     "Veröffentlicht am 16.08.2019", "2019-08-16", None),
    ("de", "Geändert am 2. Februar 2021 wurde nur der Fahrplan.",
     "Veröffentlicht am 16.08.2019", "2019-08-16", None),
    ("fr", "Paru le 3 mai 1999, le livre a été un succès.",
     "Publié le 16 août 2021", "2021-08-16", None),
    ("fr", "Modifié le 3 mai 1999, le texte n'a plus changé depuis.",
     "Publié le 16 août 2021", "2021-08-16", None),
    ("it", "Inserito il 3 maggio 1999 nel piano, il progetto è rimasto fermo.",
     "Pubblicato il 16 agosto 2021", "2021-08-16", None),
])
def test_a_sentence_opening_with_a_stamps_verb_is_no_stamp(lang, sentence, stamp, published, updated):
    body = (f"<article><h1>Tram line</h1><p>{PROSE}</p><p>{sentence}</p><p>{PROSE} Again.</p>"
            f"<p>{stamp}</p></article>")
    html = f"<html lang='{lang}'><head><title>Tram line</title></head><body>{body}</body></html>"
    article = clean(decode_source(html.encode(), kind="html"))
    assert (article.meta.published, article.meta.updated) == (published, updated)


@pytest.mark.parametrize("line, published, updated", [
    ("Erstellt am 3. Mai 2021 um 10:00 Uhr", "2021-05-03", None),
    ("Mis en ligne le 3 mai 2021 à 10h", "2021-05-03", None),
    ("Geplaatst op 3 mei 2021", "2021-05-03", None),
    ("Released on 4 May 2019, by Jane Doe", "2019-05-04", None),
    ("Posted on May 4, 2019 by admin", "2019-05-04", None),
    ("Publié le 04.05.2015 à 13h36 | Par Martin Untersinger (avec Damien Leloup)", "2015-05-04", None),
    ("Updated 3:04 PM ET, Tue March 7, 2017", None, "2017-03-07"),
    ("Aangepast op 3 mei 2021, 10:00", None, "2021-05-03"),
])
def test_stamp_lines_that_go_on_after_their_date_are_still_stamps(line, published, updated):
    assert labelled_dates_of(f"<p>{line}</p>") == (published, updated)


@pytest.mark.parametrize("language, expected", [("de-AT", ["de", "en"]), ("en", ["en"]), ("tlh", None), (None, None)])
def test_htmldate_free_text_parser_knows_the_page_language_and_english(monkeypatch, language, expected):
    # The free-text date parser loads each locale it tries: a page that states its language is read in that
    # language and English only (24 locales cost ~0.3 s the first time a page reaches it in a process).
    from lxml.html import fromstring

    from exporter.cleaning import _htmldate
    from htmldate import extractors

    _htmldate._find_date()  # installs our lookup into htmldate
    seen = []
    monkeypatch.setattr(_htmldate, "_find_date", lambda: lambda *a, **k: seen.append(
        extractors.get_external_parser().languages))
    _htmldate.htmldate_publication(fromstring("<html><body><p>x</p></body></html>"), language=language)
    assert seen == [expected or list(_htmldate.DATEPARSER_LANGUAGES)]
    assert _htmldate._page_language.get() is None  # reset after the page
