"""A story body the page splits into chunks around ad rows, sign-up boxes and "related" rows is read whole,
and what is not the story (another story, a comment thread, an author card) never joins it."""

from __future__ import annotations

from lxml import html as lxml_html

from exporter.cleaning import clean, scorer_view
from exporter.cleaning.body_chunks import joined_body
from exporter.reading import decode_source

STORY = [
    "The harbour board voted on Tuesday to close the old ferry terminal at the end of the summer season.",
    "Board members said the building had become too costly to repair after two winters of storm damage.",
    "Passengers will use a temporary pier on the north side of the harbour until a new terminal opens.",
    "The ferry operator said timetables would not change, although boarding may take a few minutes longer.",
    "Local traders worried that fewer visitors would pass their shops once the terminal moved away.",
    "A public meeting on the design of the new terminal is planned for the autumn, the board said.",
    "Engineers expect the construction work to take at least two years once the plans are approved.",
    "The board will publish the full cost estimate next month, together with the results of a survey.",
    "Until then the old building stays open for ticket sales, though its waiting room is already closed.",
]
AD_ROW = '<div class="row full-bleed-ad"><div class="ad ad--mid-content">Advertisement</div></div>'
SIGN_UP = ('<div class="inline-promo"><h3>The Morning Briefing</h3>'
           '<p>Get the day\'s top stories delivered every weekday.</p><a href="/signup">Sign up</a></div>')
RELATED_ROW = ('<div class="story-recirc"><h4>Related</h4><ul><li><a href="/a">Council delays the bridge plan</a></li>'
               '<li><a href="/b">School board backs a four-day week</a></li></ul></div>')


def _chunk(paragraphs: list[str], wrapped: bool) -> str:
    body = '<div class="article-body">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    if wrapped:  # each chunk in its own layout row, beside an empty ad rail
        return f'<div class="grid grid-layout--adrail">{body}<div class="grid-layout__aside"></div></div>'
    return body


def _page(*parts: str) -> str:
    return ("<html><head><title>Harbour board closes the ferry terminal</title></head><body>"
            "<header><a href='/'>Home</a></header><article><h1>Harbour board closes the ferry terminal</h1>"
            + "".join(parts) + "</article><footer>© The Harbour Gazette</footer></body></html>")


def _paragraphs(page: str) -> list[str]:
    return scorer_view(clean(decode_source(page.encode("utf-8"), kind="html")))["paragraphs"]


def _split_page(wrapped: bool) -> str:
    return _page(_chunk(STORY[:3], wrapped), AD_ROW, _chunk(STORY[3:6], wrapped), SIGN_UP, RELATED_ROW,
                 _chunk(STORY[6:], wrapped))


def test_a_body_split_around_ad_and_promo_rows_is_read_whole_in_order():
    assert _paragraphs(_split_page(wrapped=False)) == STORY


def test_a_body_split_into_layout_rows_beside_an_ad_rail_is_read_whole_in_order():
    assert _paragraphs(_split_page(wrapped=True)) == STORY


def test_a_picture_between_the_chunks_stays_and_the_promo_rows_go():
    figure = ('<div class="inline-media"><figure><img src="https://example.org/pier.jpg" alt="The pier">'
              "<figcaption>The temporary pier</figcaption></figure></div>")
    root = lxml_html.document_fromstring(_page(_chunk(STORY[:3], False), SIGN_UP, figure, _chunk(STORY[3:], False)))
    joined_body(root)
    assert root.find(".//figure") is not None
    assert root.find(".//div[@class='inline-promo']") is None


def test_the_join_moves_the_later_chunks_into_the_first():
    root = lxml_html.document_fromstring(_split_page(wrapped=True))
    first = root.find(".//div[@class='article-body']")
    assert joined_body(root) is first
    assert [p.text for p in first.iter("p")] == STORY
    assert root.findall(".//div[@class='article-body']") == [first]


# the next story on the same site and subject: its words are the body's, only its headline tells
OTHER_STORY = [
    "The harbour board also voted on Tuesday to raise the mooring fees for private boats next season.",
    "Board members said the fees had not changed in ten years, although repair costs kept climbing.",
]
COMMENTS = [
    "I have taken that ferry every morning for twenty years and nobody ever asked us what we wanted here.",
    "Does anyone know whether the car deck on the temporary pier will be big enough for delivery vans?",
]


def test_a_second_story_with_its_own_headline_is_not_joined():
    next_story = ('<div class="grid grid-layout--adrail"><h1>Mooring fees go up next season</h1>'
                  + _chunk(OTHER_STORY, False) + '<div class="grid-layout__aside"></div></div>')
    root = lxml_html.document_fromstring(_page(_chunk(STORY, True), AD_ROW, next_story))
    joined_body(root)
    assert len(root.findall(".//div[@class='article-body']")) == 2


def test_a_comment_thread_or_an_author_card_in_the_body_class_is_not_joined():
    # the paragraphs sit right in the chunk, as the story's do: only their markup tells them apart
    thread = '<div class="article-body">' + "".join(f'<p class="comment-text">{c}</p>' for c in COMMENTS) + "</div>"
    card = ('<div class="article-body"><p class="author-bio">Jane Roe is the Gazette\'s harbour reporter. '
            'She has covered the port and its ferries since 2015 and lives on the north shore.</p>'
            '<p class="author-bio">Her book on the coastal railways, published last spring, won a regional prize.</p></div>')
    for after in (thread, card):
        root = lxml_html.document_fromstring(_page(_chunk(STORY, False), AD_ROW, after))
        joined_body(root)
        assert len(root.findall(".//div[@class='article-body']")) == 2


def test_quotes_with_their_sources_between_them_keep_their_order():
    # a round-up of reviews: each quote's source is a short paragraph of the story's own flow
    quotes = "".join(f'<p>[ Review {i} ]</p><blockquote class="wp-block-quote"><p>{STORY[i]} {STORY[i + 1]}</p>'
                     f'<p>{STORY[i + 2]}</p></blockquote>' for i in range(0, 6, 3))
    root = lxml_html.document_fromstring(_page(f'<div class="entry">{quotes}</div>'))
    before = [p.text for p in root.iter("p")]
    joined_body(root)
    assert [p.text for p in root.iter("p")] == before
