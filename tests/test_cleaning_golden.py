"""The seed article, cleaned, against its checked-in golden JSON.

A change to tests/golden/act-of-repentance.json must be reviewed in the diff,
never regenerated blindly.
"""

import json
from pathlib import Path

from exporter.cleaning import clean, scorer_view
from exporter.model import Article, from_dict, plain_text, to_dict
from exporter.reading import read_source

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "source" / "act-of-repentance.txt"
GOLDEN = ROOT / "tests" / "golden" / "act-of-repentance.json"


def _seed() -> Article:
    return clean(read_source(SEED))


def test_seed_matches_golden_json_exactly():
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert to_dict(_seed()) == expected
    assert from_dict(expected) == _seed()


def test_seed_metadata():
    meta = _seed().meta
    assert meta.title == "An Act of Repentance"
    assert meta.authors == ("William Taubman",)
    assert meta.author == "William Taubman"
    assert meta.date == "2016-07-27"
    # The scrape gives only ". Last Updated: 07/27/2016": an update stamp, not the publication.
    assert (meta.published, meta.updated, meta.date_is_update) == (None, "2016-07-27", True)
    assert meta.publisher == "The New York Times"
    assert meta.language == "en"
    assert meta.bio is not None
    assert meta.bio.author == "William Taubman"
    assert meta.bio.text.startswith("William Taubman, professor of political science at Amherst College, is the author of")
    assert meta.bio.text.endswith("He contributed this comment to The New York Times.")


def test_seed_body_is_the_twelve_paragraphs_whole_and_in_order():
    article = _seed()
    source_blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    view = scorer_view(article)
    assert len(view["paragraphs"]) == 12
    assert view["paragraphs"] == source_blocks[3:15]
    assert view["paragraphs"][0].startswith("Fifty years ago Saturday")
    assert view["paragraphs"][-1].startswith("In his case, it wasn't the road to hell")
    assert view["bio"] == source_blocks[15]


def test_seed_has_no_boilerplate_anywhere():
    article = _seed()
    everything = json.dumps(to_dict(article), ensure_ascii=False) + json.dumps(scorer_view(article), ensure_ascii=False)
    assert "Get the latest updates" not in everything
    assert "right on your browser" not in everything
    assert "Last Updated" not in everything
    assert "07/27/2016" not in everything
    body = " ".join(plain_text(b) for b in article.blocks)
    assert "An Act of Repentance" not in body  # the title is metadata, not a body paragraph
    assert "professor of political science" not in body  # the bio is kept apart
