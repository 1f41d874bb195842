"""A text scrape's lines and how much each one reads as article prose (shared by the text steps)."""

from __future__ import annotations

from functools import cached_property

from .. import _re_store  # re.compile, from the code an earlier run stored
from .._dataclass_store import dataclass
from .scripts import ends_sentence, word_count


@dataclass(frozen=True)
class Line:
    text: str
    role: str = "text"  # "text" | "boilerplate" | "meta"

    @cached_property
    def words(self) -> int:
        """Script-aware: a Japanese or Thai sentence counts as its words, not as one token."""
        return word_count(self.text)


# Where a teaser card's headline runs into its summary with no space between them:
# the headline's last word (a word of five letters or more, a number, or a closing
# question mark, bracket or quote) glued to the summary's capitalised first word
# ("... In Eastern OntarioOntario Ministry of ...", "... To 250,000The state ...").
_GLUED_SUMMARY = _re_store.compile(r"(?:[^\W\d_][^\W\d_A-Z]{4,}|\d|[?!)”\"])(?=[A-Z][^\W\d_A-Z])")
GLUED_HEADLINE_MIN_WORDS = 3  # words of the headline before the glued one
GLUED_SUMMARY_MIN_WORDS = 8  # words of the summary after it
GLUED_HEADLINE_CAPITALS = 0.75  # share of the headline's words that start with a capital or a digit
_TITLE_CASE_MINOR_WORDS = frozenset("a an the and but or nor for of in on at to by up as off per via vs".split())
GLUED_TOKEN_MAX_CHARS = 40  # a longer "word" is no glued pair (and the search would cost its square)


def is_glued_teaser(text: str) -> bool:
    """Whether a line is a teaser card's headline run into its summary sentence.

    Local-news portals print a mega-menu and story rails of cards (a Title Case
    headline, then a summary sentence) whose elements a text scrape joins with
    no space: each card is one long line ending in a full stop, and a page of
    them outweighs a short article at its foot. Article prose does not open on
    three or more capitalised words glued to a sentence; brand names written
    in camel case ('MacBook', 'GoPro', 'LinkedIn') stand among lower-case words.
    """
    tokens = text.split()
    for index, token in enumerate(tokens[:25]):
        glue = _GLUED_SUMMARY.search(token) if len(token) <= GLUED_TOKEN_MAX_CHARS else None
        if glue is None:
            continue
        headline = tokens[:index] + [token[:glue.end()]]
        capitals = sum(1 for w in headline if not w[:1].isalpha() or w[:1].isupper())
        # Title Case leaves only English's minor words in lower case ("Death of Toddler in …"); prose
        # in a language that capitalises its nouns has its own ("Der Vorstand der GlaxoSmithKline hat …").
        small_in_lower_case = any(w[:1].islower() and w.casefold() not in _TITLE_CASE_MINOR_WORDS for w in headline)
        return (index >= GLUED_HEADLINE_MIN_WORDS and len(tokens) - index > GLUED_SUMMARY_MIN_WORDS
                and capitals >= GLUED_HEADLINE_CAPITALS * len(headline) and not small_in_lower_case)
    return False


def prose_value(line: Line) -> float:
    """How much a line speaks for being article prose: long sentences count for, short lines against
    (and a teaser card's headline glued to its summary, `is_glued_teaser`, counts as a short line)."""
    if line.role != "text":
        return 0.0
    words = line.words
    if words >= 12 and is_glued_teaser(line.text):
        return _short_line_value(words)
    if words >= 12 and ends_sentence(line.text):
        return float(words)
    if words >= 25:
        return words * 0.5
    return _short_line_value(words)


def _short_line_value(words: int) -> float:
    """What a line that is no prose counts against the run it stands in (the longer, the more, up to 10 words)."""
    return -2.0 - min(words, 10) * 0.3
