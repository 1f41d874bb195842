"""The cleaner finds the article on pages of every shape and script, and refuses only pages without one.

The corpus-wide check (every corpus input cleans) is in test_corpus_floors.py,
which already runs the cleaner over every case; these are the page shapes
behind it, made up here.
"""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.scripts import ends_sentence, word_count
from exporter.errors import CleaningError
from exporter.reading import decode_source

SENTENCE = ("The city council voted on Tuesday to extend the tram line to the northern suburbs, "
            "a plan that has divided residents for more than a decade.")
JA_HEADLINE = "路面電車の延伸計画が可決"
JA_BODY = ["市議会は火曜日、路面電車を北部の郊外まで延伸する計画を賛成多数で可決した。",
           "この計画は十年以上にわたって住民の意見を二分しており、費用の負担をめぐる議論が続いていた。",
           "市長は記者会見で、工事は来年の春に始まり、五年後の開業を目指すと述べた。"]
TH_BODY = ("สภาเมืองลงมติเมื่อวันอังคารให้ขยายเส้นทางรถรางไปยังชานเมืองทางเหนือ "
           "ซึ่งเป็นแผนที่ทำให้ผู้อยู่อาศัยแตกแยกกันมานานกว่าทศวรรษ")
TH_MORE = "นายกเทศมนตรีกล่าวว่าการก่อสร้างจะเริ่มขึ้นในฤดูใบไม้ผลิปีหน้าและคาดว่าจะเปิดให้บริการภายในห้าปี"


def text_view(*lines: str) -> dict:
    return scorer_view(clean(decode_source("\n\n".join(lines).encode("utf-8"), kind="text")))


def html_view(page: str) -> dict:
    return scorer_view(clean(decode_source(page.encode("utf-8"), kind="html")))


# ------------------------------------------------------------------ script-aware length

def test_word_count_counts_unspaced_scripts_by_characters():
    assert word_count(SENTENCE) == len(SENTENCE.split())
    assert word_count(JA_BODY[0]) == pytest.approx(len(JA_BODY[0]) / 2, abs=2)  # one token by split()
    assert 20 <= word_count(TH_BODY) <= 40  # two tokens by split()
    assert word_count("Kindle アプリの設定") == 1 + 3  # mixed: Latin words plus kana/kanji by length
    assert word_count("서울시는 화요일 노선 연장을 결정했다") == 5  # Korean spaces its words


@pytest.mark.parametrize("text, expected", [
    (SENTENCE, True), (JA_BODY[0], True), ("यह एक वाक्य है।", True), (TH_BODY, True),
    ("Most popular", False), (JA_HEADLINE + "、", False),
])
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


# ------------------------------------------------------------------ text scrapes

MENU = ["Home", "World", "Politics", "Sign in", "Search"]


def test_japanese_scrape_keeps_its_prose_and_headline():
    view = text_view("ホーム", "ニュース", "お問い合わせ", JA_HEADLINE, "2018-08-16", *JA_BODY,
                     "関連記事", "人気の記事一覧", "カテゴリ")
    assert view["paragraphs"] == JA_BODY
    assert view["title"] == JA_HEADLINE
    assert view["date"] == "2018-08-16"


def test_thai_scrape_without_full_stops_is_prose():
    assert text_view(*MENU, TH_BODY, TH_MORE, "Share")["paragraphs"] == [TH_BODY, TH_MORE]


def test_short_item_among_teasers_keeps_its_body_and_headline():
    # A two-paragraph news flash followed by a rail of teasers (headline, byline, stamp).
    teasers = []
    for number in range(8):
        teasers += [f"Teaser headline number {number} about the election race", "By WIRE STAFF",
                    f"11/{10 + number}/2019 01:14 PM"]
    view = text_view(*MENU, "Breaking news", "Council approves the northern tram extension",
                     "By WIRE STAFF", "November 20, 2019 10:43", SENTENCE,
                     "Work on the first section is due to begin next spring, the council said in a statement.",
                     *teasers, "© 2019 Example Media. All rights reserved.")
    assert view["title"] == "Council approves the northern tram extension"
    assert view["paragraphs"] == [SENTENCE,
                                  "Work on the first section is due to begin next spring, the council said in a statement."]
    assert view["date"] == "2019-11-20"


def test_one_short_sentence_among_menu_lines_is_kept_not_refused():
    view = text_view(*MENU, "Library hours change", "The branch library will close at noon on Fridays from May.",
                     "Share", "Contact us")
    assert view["paragraphs"] == ["The branch library will close at noon on Fridays from May."]
    assert view["title"] == "Library hours change"


@pytest.mark.parametrize("lines", [
    ["Share this article", "Subscribe now", "Read more"],
    ["Home", "World news", "Business", "Sport", "Weather", "Contact us", "© 2024 Example Media"],
    ["ホーム", "ニュース", "お問い合わせ", "カテゴリ"],
])
def test_pages_without_prose_still_raise(lines):
    with pytest.raises(CleaningError, match="no article text"):
        text_view(*lines)


# ------------------------------------------------------------------ HTML pages

def test_page_whose_text_is_preformatted_exports():
    # Extractors turn <pre> into a quote; a page made of one is still an article.
    view = html_view(f"<html><body><pre>{SENTENCE}\n\n{SENTENCE}</pre></body></html>")
    assert SENTENCE in " ".join(view["paragraphs"])


@pytest.mark.parametrize("page", [
    "<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>",
    "<html><body><ul><li><a href='/a'>Products</a></li><li><a href='/b'>Pricing</a></li>"
    "<li><a href='/c'>About us</a></li></ul></body></html>",
])
def test_html_pages_without_an_article_still_raise(page):
    with pytest.raises(CleaningError, match="no article text"):
        html_view(page)
