"""`bio_choice.choose` on weighed candidates: which become the article's bios (issue 13)."""

from exporter.cleaning.bio_choice import choose
from exporter.cleaning.bio_evidence import Candidate, Verdict

FULL = "Jane Doe is a housing reporter and writes about the city's rents and its tenants' courts."
SHORT = "Jane grew up above a laundrette on the ring road and has covered housing since 2015."
OTHER = "Mara Olsen is a photographer who travels with one bag and writes about trains."


def verdict(text: str, author: str, score: float, order: int) -> Verdict:
    return Verdict(Candidate(text=text, place="after_body", order=order), score, author, ("name_verb",))


def test_with_no_byline_a_card_by_full_name_and_one_by_first_name_are_one_person():
    # a one-person blog's two widgets: "Jane Doe is ..." and "Jane grew up ..."
    kept = choose([verdict(FULL, "Jane Doe", 5.0, 1), verdict(SHORT, "Jane", 4.0, 2)], ())
    assert [v.text for v in kept] == [FULL]


def test_trap_with_no_byline_cards_of_two_people_give_no_bio():
    assert choose([verdict(FULL, "Jane Doe", 4.0, 1), verdict(OTHER, "Mara Olsen", 4.5, 2)], ()) == []
