"""Other stories' teasers and sign-up boxes set in or after the body are not printed: a paragraph that is
nothing but one link, a row of other stories' cards, a newsletter box; the story's own links and a shopping
list's linked headings are."""

from __future__ import annotations

from exporter.cleaning import clean, load_rules, scorer_view
from exporter.reading import decode_source
from tests.test_cleaning_body_chunks import STORY


def _paragraphs(body: str, after: str = "") -> list[str]:
    page = ("<html><head><title>Harbour board closes the ferry terminal</title></head><body><article>"
            f"<h1>Harbour board closes the ferry terminal</h1><div class='story'>{body}</div>{after}</article>"
            "</body></html>")
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


def test_a_row_of_other_stories_cards_after_the_body_goes():
    cards = "".join(f'<div class="card"><h3><a href="https://example.org/news/{i}">{title}</a></h3>'
                    f"<p>{teaser}</p></div>" for i, (title, teaser) in enumerate([
                        ("Council delays the bridge plan again", "The vote was put off after a long debate."),
                        ("School board backs a four-day week", "Parents will be asked for their views in May."),
                        ("Museum trustees weigh a new wing", "The plans would double the space for shows.")]))
    paragraphs = _paragraphs("".join(f"<p>{s}</p>" for s in STORY),
                             after=f'<section class="bottom-list"><h2>Keep reading</h2>{cards}</section>')
    assert paragraphs[:len(STORY)] == STORY
    assert not any("bridge plan" in p or "four-day" in p or "new wing" in p or "double the space" in p
                   for p in paragraphs)


def test_a_newsletter_box_named_in_any_case_goes():
    box = ('<section class="Newsletter-container"><h3>The Harbour Letter</h3>'
           "<p>Every Friday: the week on the waterfront, the boats and the people who work on them.</p>"
           '<label>Yes, the Gazette may write to me</label></section>')
    body = "".join(f"<p>{s}</p>" for s in STORY[:5]) + box + "".join(f"<p>{s}</p>" for s in STORY[5:])
    assert _paragraphs(body) == STORY


FOLLOW_CALLS = ["Follow Harbourbeat on Instagram, Facebook, Twitter and YouTube.", "Follow The Harbour Gazette on X",
                "Follow us on Twitter for the latest updates",
                "Folgen Sie uns auf Facebook und Instagram", "Suivez-nous sur Twitter et Facebook",
                "Síguenos en Instagram", "Siga-nos no Twitter", "Seguici su Facebook e Instagram"]
FOLLOW_TRAPS = ["Follow-up reports on Twitter suggested the account had been hacked, the police said.",
                "Following the scandal on Facebook, the company apologised to its users.",
                "Follow the money, the reporter on Twitter wrote.", "Follow the latest news on our website.",
                # verbs that also mean "go on" or "keep to", and a sentence that goes on after the network
                "Sigue la polémica en X tras las declaraciones del ministro sobre la inmigración.",
                "Sigue abierto el debate en Facebook sobre la nueva ley de vivienda.",
                "Siga as regras no Instagram, pediu o ministro aos jovens.",
                "Segui il dibattito su Facebook: i commenti sono migliaia.",
                "Follow the money on X, says the auditor, and you find the shell companies.",
                "Folgen Sie dem Geld auf X, rät der Ermittler."]


def test_calls_to_follow_the_newsroom_on_social_networks_are_furniture():
    rules = load_rules()
    assert [line for line in FOLLOW_CALLS if not rules.is_boilerplate(line)] == []
    assert [line for line in FOLLOW_TRAPS if rules.is_boilerplate(line)] == []


TAG_LISTS = ["Tags: Politics, Brexit, Elections", "Tags harbour 2018, ferry lines, island life",
             "Schlagwörter: Politik, Bundestag", "Mots-clés : politique, élections", "Etiquetas: fútbol, Liga"]
TAG_TRAPS = ["Topics discussed included the budget, the bridge and the schools.",
             "Themen der Woche sind Politik, Sport und Kultur", "Tag der offenen Tür am Samstag, 12. Mai, ab 10 Uhr",
             "Tag der offenen Tür, Samstag, 10 bis 16 Uhr", "Topics covered include housing, jobs, schools and transport",
             "Temas como la vivienda, el empleo y la sanidad, en el centro del debate",
             "Themes of loss, grief, and memory run through the novel", "Tag 1: Ankunft in Lissabon, Stadtrundgang, Abendessen"]


def test_tag_lists_under_the_article_are_furniture():
    rules = load_rules()
    assert [line for line in TAG_LISTS if not rules.is_boilerplate(line)] == []
    assert [line for line in TAG_TRAPS if rules.is_boilerplate(line)] == []


def test_a_closing_list_of_linked_sources_stays():
    # a reference list closes the text: no paragraph of the story after it
    sources = ['<p><a href="https://doi.example.org/10.1/tides">Roe, J. (2010). Tidal patterns of the northern '
               'harbour. Coastal Journal 1, 12-20.</a></p>',
               '<p><a href="https://doi.example.org/10.1/ferries">Doe, A. (2015). Island ferries and their '
               'passengers. Transport Review 4, 3-9.</a></p>']
    paragraphs = _paragraphs("".join(f"<p>{s}</p>" for s in STORY) + "".join(sources))
    assert len(paragraphs) == len(STORY) + 2 and paragraphs[-1].startswith("Doe, A. (2015)")


def test_a_roundup_of_linked_items_with_no_body_holder_stays():
    # the intro sits right under <article>; each item is a linked name and a short note
    items = [("Harbour Steel Kettle", "Boils a litre in three minutes and keeps it hot for an hour."),
             ("Quayside Tea Tin", "Holds two hundred grams and closes tight against the sea air."),
             ("Ferry Flask", "Fits the cup holders of every boat on the island route.")]
    page = ("<html><head><title>The best kit for the morning ferry</title></head><body><article>"
            "<h1>The best kit for the morning ferry</h1><p>" + STORY[0] + "</p><div class='roundup'>"
            + "".join(f"<div class='item'><h3><a href='https://shop.example.com/{i}'>{name}</a></h3><p>{note}</p></div>"
                      for i, (name, note) in enumerate(items))
            + "</div></article></body></html>")
    paragraphs = scorer_view(clean(decode_source(page.encode("utf-8"), kind="html")))["paragraphs"]
    assert all(name in paragraphs for name, _ in items) and all(note in paragraphs for _, note in items)
