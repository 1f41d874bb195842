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


def guess_language(text: str, default: str = "en") -> str:
    words = Counter(w.casefold() for w in _WORD.findall(text[:20000]))
    if sum(words.values()) < 5:
        return default
    scores = {lang: sum(words[w] for w in stop) for lang, stop in _SETS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default
