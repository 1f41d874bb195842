"""Clutter lines of whole-page text scrapes, by kind: photo credits, gallery furniture, bracketed teaser
links, comment forms, newsletter appeals. Each kind has a trap: an article line of like shape that stays."""

from __future__ import annotations

import pytest

from exporter.cleaning import clean, scorer_view
from exporter.reading import decode_source

from .test_text_teaser_rails import BODY as ARTICLE, FOOTER, HEADLINE

BODY = ARTICLE[:4]  # the harbour article of the rail tests


def body_of(*inserted: str) -> list[str]:
    """The paragraphs found when the lines are set between the article's second and third paragraphs."""
    page = ["Home", "News", HEADLINE, *BODY[:2], *inserted, *BODY[2:], *FOOTER]
    return scorer_view(clean(decode_source("\n\n".join(page).encode("utf-8"), kind="text")))["paragraphs"]


@pytest.mark.parametrize("clutter", [
    ["Photo: Hau Dinh, AP"],  # a credit line under a picture
    ["Protesters have worn masks to protect their identities (Image: GETTY )"],  # a caption ending in its credit
    ["(Reed Saxon / Associated Press)"],  # a lone agency credit
    ["Foto: dpa"],
    ["Image 1 of 8", "Caption", "1 / 8", "Back to Gallery"],  # a slide show's furniture
    ["Zum Vergrößern bitte anklicken", "Click image to enlarge", "Cliquez pour agrandir",
     "Haga clic para ampliar", "Clique para ampliar", "Clicca per ingrandire"],  # a picture's zoom prompt
    ["DON'T MISS", "China furious at Macron for Hong Kong protest jibe [INSIGHT]",
     "Lakers vs Nets: NBA make final decision on game amid turmoil [VIDEO]"],  # a tabloid's teaser links
    ["Leave a Reply", "Want to join the discussion?", "Feel free to contribute!", "Leave a Reply Cancel reply",
     "Your email address will not be published. Required fields are marked *"],  # a blog's comment form
    ["Stay up to date with Coast News. Subscribe to our newsletter.",
     "You have succesfully subscribed. Thank you!"],  # a newsletter appeal and its form's message
    ["Abonnez-vous à notre newsletter"],
    ["Login using your Newspass account", "Sign in with Google"],  # a log-in widget
    ["Share on Facebook | Share on X | Email"], ["Auf Facebook teilen · Per Mail teilen"],  # a share bar's labels
    ["Partager sur Facebook Partager sur X"],
    ["Teilen mit:", "Gefällt mir:", "Gefällt mir Wird geladen …", "%d Bloggern gefällt das:"],  # WordPress's widget
    ["Share this:", "Like this:", "Like Loading...", "3 bloggers like this:"],
    ["PREVIOUS Harbour tolls to rise for cargo ships in the spring"],  # a teaser whose label is a span in capitals
    ["RELATED COVERAGE New ferry terminal opens on the north shore"],
    ["LESEN SIE AUCH Hafengebühren steigen im Frühjahr deutlich"],
    ["12 Kommentare", "Antworten", "Antworten"],  # a German comment thread's count and reply buttons
    ["3 commentaires", "Répondre"], ["Comentarios", "Responder"], ["4 commenti", "Rispondi"],
])
def test_clutter_line_is_not_printed(clutter):
    assert body_of(*clutter) == BODY


@pytest.mark.parametrize("article_line", [
    # a dateline credit opens a wire story's paragraph: it is the article
    "WASHINGTON (AP) — The Senate passed the harbour bill on Tuesday after a debate that lasted well into the "
    "night, sending it to the president.",
    # an editor's bracketed note in lower case ends a quoted sentence
    "“We will fight this in every court of the land, and we will win,” the residents' spokeswoman said [laughs]",
    # a newsletter article's own sign-off, not the site's appeal
    "You can also subscribe to this newsletter here — just tick the box for the weekly digest.",
    # an article sentence that mentions a reply
    "Leave a reply in the comments below and tell us what you think of the plans for the eastern quay.",
    # a sentence that opens like a log-in widget
    "Sign in with your library card to borrow the photographs of the quay, the harbour museum said.",
    # a sentence opening with a teaser label's word in sentence case, or ending as a sentence in capitals' style
    "Related talks between the port and the ferry operators broke down in March, the harbour master said.",
    "READ MORE Harbour news in our weekly paper, the port authority's spokeswoman told the council.",
    "RELATED RESEARCH ON TIDES AND THE HARBOUR WALL",  # a section heading set wholly in capitals
    # a sentence that opens with a reply
    "Reply to the council's letter by the end of the month, the harbour authority told the residents.",
    # a sentence that opens like a like button
    "Like this: the council wants the ferry to stop at every island twice a day, all year round.",
    # a sentence that names a share button
    "Share on Facebook was the button most readers pressed, the harbour museum's survey found.",
    # a sentence that asks the reader to click a picture
    "Click to enlarge the map of the quay and you will see where the new cranes are to stand next year.",
    # a sentence that mentions a photo
    "Photo 1 of the exhibition shows the quay as it was in 1920, before the first cranes were built on it.",
])
def test_article_line_of_like_shape_stays(article_line):
    assert body_of(article_line) == [*BODY[:2], article_line, *BODY[2:]]


@pytest.mark.parametrize("teasers", [
    ["Related", "Harbour tolls to rise in the spring", "New ferry terminal opens on the north shore"],
    ["Mehr zum Thema", "Hafengebühren steigen im Frühjahr deutlich", "Neues Fährterminal am Nordufer eröffnet"],
    ["Weitere Top-Artikel zu diesem Themengebiet:", "[Hafen] Hafengebühren steigen im Frühjahr deutlich",
     "[Fähren] Neues Fährterminal am Nordufer eröffnet",
     # a headline long enough to read as prose, with no full stop
     "[Fähren] So finden Sie heraus, welche Fähre im Winter noch zu den Inseln fährt und wann sie ablegt",
     "[Hafen] Wie teuer wird der Liegeplatz im Sommer für kleine Boote ?"],  # a German blog's related posts
    ["Ähnliche Beiträge", "Hafengebühren steigen im Frühjahr deutlich", "Neues Fährterminal am Nordufer eröffnet"],
    ["À lire aussi", "Les tarifs du port augmenteront au printemps", "Un nouveau terminal de ferry ouvre au nord"],
    ["Related Topics", "Harbour tolls", "Ferry services in the north", "Shipping and the economy"],
    ["Você pode gostar...", "Tarifas do porto sobem na primavera", "Novo terminal de balsas abre no norte"],
    ["Vous aimerez aussi", "Les tarifs du port augmenteront au printemps", "Un nouveau terminal ouvre au nord"],
    ["Das könnte Ihnen auch gefallen", "Hafengebühren steigen im Frühjahr", "Neues Fährterminal am Nordufer"],
    ["Ti potrebbe interessare", "Le tariffe del porto aumentano in primavera", "Nuovo terminal dei traghetti"],
    ["Related Videos", "Watch the first container ship dock at the quay", "Harbour tolls explained"],
    ["Weitere Videos", "So sieht das neue Fährterminal aus", "Hafengebühren einfach erklärt"],
])
def test_a_related_stories_list_inside_the_body_is_not_printed(teasers):
    # the heading alone was dropped before; the headlines under it read as the article's subheadings
    assert body_of(*teasers) == BODY


def test_a_tutorials_own_like_this_line_stays_but_the_widgets_goes():
    # "Like this:" is the WordPress like widget's heading only beside the widget's other lines
    example = ["You can write the whole rule on one line.", "Like this:", "rule = '^like this$'"]
    assert body_of(*example) == [*BODY[:2], *example, *BODY[2:]]
    assert body_of("Share this:", "Like this:", "Like Loading...") == BODY
    assert body_of("Like this:", "Like Loading...") == BODY


def test_the_articles_question_after_a_related_stories_list_stays():
    # A short paragraph asking a question ends the list as a sentence does; only a bracketed
    # teaser ("[Hafen] Wie teuer ... ?") ending in one belongs to the list.
    teasers = ["Mehr zum Thema", "Hafengebühren steigen im Frühjahr deutlich", "Neues Fährterminal am Nordufer eröffnet"]
    question = "Was bedeutet das nun für die Pendler, die jeden Morgen mit der ersten Fähre zur Arbeit fahren?"
    assert body_of(*teasers, question) == [*BODY[:2], question, *BODY[2:]]


def test_an_articles_own_list_after_an_ad_label_stays():
    items = ["Three new berths for cargo ships", "A second ferry for the island route", "Longer opening hours"]
    assert body_of("Advertisement", *items) == [*BODY[:2], *items, *BODY[2:]]


@pytest.mark.parametrize("heading", ["Empfehlungen", "Recommended by doctors"])
def test_an_articles_own_list_under_a_plain_recommendations_heading_stays(heading):
    # only a widget's own heading ("Empfehlungen für Sie", "Recommended by Outbrain") heads a rail
    items = ["Drink water through the day", "Stay out of the midday sun", "Check on older neighbours"]
    assert body_of(heading, *items) == [*BODY[:2], heading, *items, *BODY[2:]]


def test_a_lone_x_or_threads_is_no_share_bar_but_beside_other_labels_it_is():
    from exporter.cleaning import load_rules

    rules = load_rules()
    assert not rules.is_boilerplate("X")  # a long read's section number
    assert not rules.is_boilerplate("Threads")
    assert rules.is_boilerplate("Facebook X Threads") and rules.is_boilerplate("Share on X")
