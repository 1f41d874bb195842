"""A text scrape's lines and how much each one reads as article prose (shared by the text steps)."""

from __future__ import annotations

from functools import cached_property

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


def prose_value(line: Line) -> float:
    """How much a line speaks for being article prose: long sentences count for, short lines against."""
    if line.role != "text":
        return 0.0
    words = line.words
    if words >= 12 and ends_sentence(line.text):
        return float(words)
    if words >= 25:
        return words * 0.5
    return -2.0 - min(words, 10) * 0.3
