"""Letter case for text a page SHOUTED: bylines and bios scraped in ALL CAPS.

Pure text functions; `exporter.transforms` applies them to the model. A page's
stylesheet often sets bylines and bio lines with ``text-transform: uppercase``
and some sites type them in capitals (the Herald Sun's "LAURIE OAKES IS THE
NINE NETWORK POLITICAL EDITOR"); printed in a book they shout. Names go to title
case; a bio goes to sentence case, with the words whose case we can know put
back: the authors' names, the publisher, words the article itself writes with
capitals (proper names, acronyms), place names and day and month names from
CLDR, and letter runs with no vowel ("BBC", "NSW"), which are acronyms.
"""

from __future__ import annotations

import re

from . import _re_store
from collections import Counter, defaultdict
from typing import Iterable

# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_WORD = _re_store.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos",
                   "das", "ten", "ter", "bin", "ibn"}
_ROMAN = _re_store.compile(r"^[IVX]+$")
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "mt"}  # vowel-less but not acronyms
_VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûüÿæœ")
# An honorific and the name it introduces: "MR JONES" → "Mr Jones".
_HONORIFIC = _re_store.compile(r"(?<!\w)(mr|mrs|ms|dr|prof|sir|dame|lord|lady)(\.?\s+)([^\W\d_]+)", re.UNICODE)
_SENTENCE_END = _re_store.compile(r"([.!?…]\s+|^\s*)([^\W\d_])", re.UNICODE)


def is_shouted(text: str | None, *, min_letters: int = 6) -> bool:
    """Is ``text`` written in capitals only (and long enough not to be one acronym)?"""
    if not text:
        return False
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= min_letters and all(c.isupper() for c in cased)


def _capitalize_part(part: str) -> str:
    if _ROMAN.match(part) and len(part) > 1:
        return part  # "Henry VIII"
    low = part.lower()
    if low.startswith("mc") and len(low) > 4:
        return "Mc" + low[2:].capitalize()  # MCDONALD → McDonald
    return low[:1].upper() + low[1:]


def name_case(name: str) -> str:
    """"LAURIE OAKES" → "Laurie Oakes", "JEAN-PAUL O'BRIEN" → "Jean-Paul O'Brien",
    "LUDWIG VAN BEETHOVEN" → "Ludwig van Beethoven". A name not shouted is kept."""
    if not is_shouted(name, min_letters=4):
        return name
    words = name.split()
    out = []
    for n, word in enumerate(words):
        if 0 < n < len(words) - 1 and word.lower() in _NAME_PARTICLES:
            out.append(word.lower())
            continue
        out.append(re.sub(r"[^\W\d_]+", lambda m: _capitalize_part(m.group(0)), word))
    return " ".join(out)


def known_casings(texts: Iterable[str]) -> dict[str, str]:
    """Words the article writes with capitals inside a sentence (so not just because
    they open one), and never in lower case: its proper names and acronyms."""
    forms: dict[str, Counter] = defaultdict(Counter)
    lowered: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text):
            word = match.group(0)
            key = word.casefold()
            if word == word.lower():
                lowered.add(key)
                continue
            before = text[max(0, match.start() - 8):match.start()].rstrip()  # a window: no O(n²) slicing
            if not before or before[-1] in ".!?…\"“”‘’«»:(":
                continue  # sentence-initial: its capital says nothing
            forms[key][word] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in forms.items() if key not in lowered}


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern | None:
    unique = sorted({p for p in phrases if p and p != p.lower()}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in unique) + r")(?!\w)", re.IGNORECASE)


def _known_case(shouted: str, casings: dict[str, str]) -> str | None:
    """The case a word written in capitals keeps: the article's own form of it (``casings``),
    or the capitals of an acronym (a run of letters with no vowel: BBC, NSW, TV); else None."""
    key = shouted.casefold()
    if key in casings:
        return casings[key]
    if len(shouted) >= 2 and key not in _ABBREVIATIONS and not (set(key) & _VOWELS):
        return shouted
    return None


def sentence_case(text: str, *, names: Iterable[str] = (), casings: dict[str, str] | None = None,
                  dated_names: Iterable[str] = (), language: str = "en") -> str:
    """A shouted ``text`` in sentence case, keeping the case of what can be known:
    ``names`` (phrases: authors, publisher, places), ``casings`` (word → form, from
    the article), ``dated_names`` (month names: capitalised only next to a number,
    since "MAY" is also a verb), acronyms (no vowel). Text not shouted is kept."""
    if not is_shouted(text):
        return text
    original_words = {m.start(): m.group(0) for m in _WORD.finditer(text)}
    out = text.lower()
    casings = casings or {}

    def word_form(match: re.Match) -> str:
        word = match.group(0)
        key = word.casefold()
        known = _known_case(original_words.get(match.start(), word), casings)
        if known is not None:
            return known
        if key == "i" and language.startswith("en"):
            return "I"
        return word

    out = _WORD.sub(word_form, out)
    if language.startswith("en"):
        out = _HONORIFIC.sub(lambda m: m.group(1).capitalize() + m.group(2) + m.group(3).capitalize(), out)
    by_key = {p.casefold(): p for p in names}
    pattern = _phrase_pattern(by_key.values())
    if pattern is not None:
        out = pattern.sub(lambda m: by_key.get(m.group(0).casefold(), m.group(0)), out)
    months = {m.casefold(): m for m in dated_names}
    if months:
        alternation = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
        out = re.sub(rf"(?<!\w)({alternation})(?=\s+\d)|(?<=\d\s)({alternation})(?!\w)",
                     lambda m: months[m.group(0).casefold()], out, flags=re.IGNORECASE)
    return _SENTENCE_END.sub(lambda m: m.group(1) + m.group(2).upper(), out)


# The words in capitals that open an article's first paragraph, a house style of
# tabloids and News Corp papers ("A HIGH-powered federal government team",
# "TONY Abbott has", "A TEENAGER who"): the book opens its first line in small
# capitals, where the page's capitals stand out as shouting. The run ends where a
# word goes on in lower case ("HIGH-powered") or before the first word that is not
# all capitals; a dateline's capitals, before its agency or state, stay.
_OPENING_CAPS = _re_store.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_OPENING_LETTERS = 3


def opening_capitals(text: str) -> list[re.Match]:
    """The words in capitals that ``text`` opens with and `opening_in_case` would set in
    sentence case ([] when the text opens otherwise). Cheap: the transform asks it first,
    before reading the article's casings."""
    if is_shouted(text):
        return []  # a paragraph in capitals throughout is `sentence_case`'s
    run: list[re.Match] = []
    for match in _OPENING_CAPS.finditer(text):
        between = text[run[-1].end():match.start()] if run else text[:match.start()]
        if between.strip(" -\u2010\u2011") or not match.group(0).isupper():
            break
        run.append(match)
    if not run or sum(len(m.group(0)) for m in run) < _MIN_OPENING_LETTERS or all(len(m.group(0)) < 2 for m in run):
        return []
    # A lone capitals word before lower-case text is a name or an acronym as often as
    # house style ("NASA has", "BBC News"): only a run of words, or one going on in lower
    # case ("HIGH-powered"), is the style.
    full = [m for m in run if m.end() == len(text) or not text[m.end()].isalpha()]
    goes_on = run[-1].end() < len(text) and text[run[-1].end()] in "-\u2010\u2011"
    if len(full) < 2 and not goes_on:
        return []
    # The style runs into the sentence: lower-case text follows. A wire dateline is
    # in capitals too and stays so ("LOS ANGELES (Reuters) -", "MIAMI-DADE, FLA. (WSVN)").
    if not goes_on and not text[run[-1].end():].lstrip(" -\u2010\u2011")[:1].islower():
        return []
    return run


def opening_in_case(text: str, *, names: Iterable[str] = (), casings: dict[str, str] | None = None) -> str:
    """``text`` with the run of capitals it opens with (`opening_capitals`) in sentence case,
    keeping the case the article gives its words elsewhere (``casings``: names, acronyms),
    ``names``' and acronyms' (no vowel). A text that opens otherwise is kept."""
    run = opening_capitals(text)
    if not run:
        return text
    name_words = {w.casefold(): w for name in names for w in _WORD.findall(name)}
    pieces, last = [], 0
    for n, match in enumerate(run):
        word = match.group(0)
        key = word.casefold()
        form = (casings or {}).get(key) or name_words.get(key) or _known_case(word, {}) or word.lower()
        pieces += [text[last:match.start()], form[:1].upper() + form[1:] if n == 0 else form]
        last = match.end()
    return "".join(pieces) + text[last:]
