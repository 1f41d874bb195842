"""A paragraph that is nothing but one link (another story's headline set in the body) is not printed;
links inside the story's own sentences, and linked headings of a shopping list, are."""

from __future__ import annotations

from exporter.cleaning import clean, scorer_view
from exporter.reading import decode_source
from tests.test_cleaning_body_chunks import STORY


def _paragraphs(body: str) -> list[str]:
    page = ("<html><head><title>Harbour board closes the ferry terminal</title></head><body><article>"
            f"<h1>Harbour board closes the ferry terminal</h1><div class='story'>{body}</div></article></body></html>")
    return scorer_view(clean(decode_source(page.encode("utf-8"), kind="html")))["paragraphs"]


def test_linked_headlines_between_the_paragraphs_go_and_the_storys_links_stay():
    teasers = ['<p><strong><a href="/news/bridge-plan">COUNCIL DELAYS THE BRIDGE PLAN AGAIN</a></strong></p>',
               '<p><a href="/news/school-week">School board backs a four-day week</a></p>',
               '<p><em><a href="https://example.org/app">Get our app for the latest local news</a></em></p>']
    linked = ('The board\'s <a href="/docs/report.pdf">full report</a> lists every repair '
              'since the terminal opened, with the costs of each winter.')
    body = "".join(f"<p>{s}</p>{teasers[i] if i < len(teasers) else ''}" for i, s in enumerate(STORY[:6]))
    body += (f"<p>{linked}</p>"  # a sentence of the story's own, with a link in it
             '<h3><a href="https://shop.example.com/kettle">Harbour Steel Kettle</a></h3>'  # a list item's name
             f"<p>{STORY[6]}</p>")
    assert _paragraphs(body) == [*STORY[:6], "The board's full report lists every repair since the terminal "
                                 "opened, with the costs of each winter.", "Harbour Steel Kettle", STORY[6]]
