"""A small stop-word guess at a text's language (BCP 47 primary tag)."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the and of to in is that for it with as was on be by this are have from at not but which",
    "fr": "le la les et des est une dans que pour qui pas sur au aux du avec ce sont par plus",
    "de": "der die und das ist nicht mit sich des auf für ein eine dem den auch von zu im wird",
    "es": "el la los las y de que en un una es por con para se del al lo como más pero",
    "it": "il la di che è e un una per non sono con del della gli le dei nel anche come",
    "pt": "o a os as e de que em um uma para com não por se do da dos das mais como",
    "nl": "de het een en van is dat op te in zijn met voor niet aan er ook als bij",
    "ru": "и в не на что с как по он это его но из к то за от так все",
}
_SETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def _scores(text: str) -> Counter:
    words = Counter(w.casefold() for w in _WORD.findall(text[:20000]))
    return Counter({lang: sum(words[w] for w in stop) for lang, stop in _SETS.items()}) \
        if sum(words.values()) >= 5 else Counter()


def guess_language(text: str, default: str = "en") -> str:
    scores = _scores(text)
    best = max(scores, key=scores.get) if scores else None
    return best if best and scores[best] > 0 else default


# How clearly the text must speak another language to overrule the page's own tag:
# so many of its stop words, and that many times the tagged language's.
_OVERRULE_HITS = 40
_OVERRULE_RATIO = 4


def contradicted_language(declared: str, text: str) -> str | None:
    """The text's language where it plainly is not ``declared`` (a language this guess
    knows), else None. Blog themes ship ``<html lang="en-US">`` whatever the posts'
    language (German company blogs in the corpus), and an English piece on a German
    portal keeps the portal's ``lang="de"``: the book must be in the article's language."""
    primary = declared.split("-")[0].lower()
    if primary not in _SETS:
        return None  # a language (or script) this guess cannot judge
    scores = _scores(text)
    best = max(scores, key=scores.get) if scores else None
    if best is None or best == primary or scores[best] < _OVERRULE_HITS \
            or scores[best] < _OVERRULE_RATIO * scores[primary]:
        return None
    return best
