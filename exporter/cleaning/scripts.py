"""Script-aware text length: how many words a line holds, whatever its writing system.

Chinese and Japanese are written without spaces between words, and so are
Thai, Lao, Khmer, Myanmar and Tibetan: there ``len(text.split())`` counts a
whole sentence (or a whole paragraph) as one word, and every length rule of the
cleaner would take prose for a menu label. Such runs are counted by
characters instead, at a rate that makes a sentence weigh about what its
English translation would: a CJK word is about two characters, a Thai/Khmer
word about four (vowel signs and tone marks are separate code points).
Korean separates its words with spaces, so Hangul is counted as words.
"""

from __future__ import annotations

from .. import _re_store  # re.compile, from the code an earlier run stored

# Han (with extensions A and compatibility ideographs), Hiragana, Katakana
# (with phonetic extensions and half-width forms), and the Bopomofo letters.
_CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u3100-\u312f"
# Thai, Lao, Tibetan, Myanmar, Khmer.
_SOUTHEAST_ASIAN = "\u0e00-\u0e7f\u0e80-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
_CJK_RUN = _re_store.compile(f"[{_CJK}]+")
_SEA_RUN = _re_store.compile(f"[{_SOUTHEAST_ASIAN}]+")
_UNSPACED = _re_store.compile(f"[{_CJK}{_SOUTHEAST_ASIAN}]")

CJK_CHARS_PER_WORD = 2.0
SEA_CHARS_PER_WORD = 4.0

# Sentence-final punctuation: the Latin set, the ideographic full stop and
# full-width marks, the Devanagari danda, Arabic and Urdu marks, the Khmer khan,
# the Myanmar section mark and the Tibetan shad. Thai and Lao have no full stop
# (a space ends a sentence), see `ends_sentence`.
SENTENCE_FINAL = ".!?…:;\"”’)\\]。！？」』）】।॥؟۔។။།"
_NO_FULL_STOP = _re_store.compile("[\u0e00-\u0eff]$")


def ends_sentence(text: str) -> bool:
    """``text`` ends like a sentence in its script (any Thai or Lao line may)."""
    text = text.rstrip()
    return bool(text) and (text[-1] in SENTENCE_FINAL or bool(_NO_FULL_STOP.search(text)))


def word_count(text: str) -> int:
    """Words in ``text``: space-separated tokens, with unspaced-script runs counted by characters."""
    if not _UNSPACED.search(text):
        return len(text.split())
    cjk = sum(len(run) for run in _CJK_RUN.findall(text))
    sea = sum(len(run) for run in _SEA_RUN.findall(text))
    rest = _UNSPACED.sub(" ", text)
    spaced = len(rest.split())
    return spaced + round(cjk / CJK_CHARS_PER_WORD + sea / SEA_CHARS_PER_WORD)


def is_caseless(char: str) -> bool:
    """``char`` is a letter of a script without upper and lower case (CJK, Arabic, Hebrew, Thai...)."""
    return char.isalpha() and char.upper() == char.lower()
