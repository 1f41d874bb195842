"""Author-bio rules as data: the ``[[bio]]`` tables of the rules files.

Each entry has a ``kind`` (what the pattern is evidence of, see
``bio_rules.toml``), a ``lang`` (documentation and counting: every language's
rules apply to every page, since a page's declared language is often wrong
and German blogs quote English author boxes) and a ``pattern``. Adding a
language is adding entries; the code knows no phrase of any language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import ConfigError

BIO_KINDS = ("heading", "box", "statement", "self", "role", "verb", "pronoun", "speech", "promo")


@dataclass(frozen=True)
class BioRule:
    kind: str
    lang: str
    pattern: str


def parse_bio_rules(items: object, origin) -> tuple[BioRule, ...]:
    """The ``[[bio]]`` entries of one rules file, checked (a bad one is a one-line ConfigError)."""
    if items is None:
        return ()
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ConfigError("[[bio]] must be an array of tables", path=origin)
    rules = []
    for item in items:
        kind, pattern = item.get("kind"), item.get("pattern")
        if kind not in BIO_KINDS:
            raise ConfigError(f"[[bio]] kind must be one of {BIO_KINDS}, not {kind!r}", path=origin)
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError("every [[bio]] needs a non-empty string 'pattern'", path=origin)
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error as err:
            raise ConfigError(f"bad pattern in [[bio]] {pattern!r}: {err}", path=origin) from None
        rules.append(BioRule(kind, str(item.get("lang") or "any"), pattern))
    return tuple(rules)


@dataclass(frozen=True)
class BioLexicon:
    """One compiled alternation per kind: a page's candidates are tested against
    each kind once, whatever the number of languages."""

    heading: re.Pattern[str]
    box: re.Pattern[str]
    statement: re.Pattern[str]
    self: re.Pattern[str]
    role: re.Pattern[str]
    verb: str  # an alternation spliced after a name pattern, not a pattern alone
    pronoun: re.Pattern[str]
    speech: re.Pattern[str]
    promo: re.Pattern[str]
    headings: tuple[re.Pattern[str], ...]  # kept apart: each may carry its own (?P<name>) group


_NEVER = "(?!x)x"


@functools.lru_cache(maxsize=8)
def lexicon(rules: tuple[BioRule, ...]) -> BioLexicon:
    def alternation(kind: str) -> str:
        parts = [f"(?:{r.pattern})" for r in rules if r.kind == kind]
        return "|".join(parts) or _NEVER

    def compiled(kind: str) -> re.Pattern[str]:
        # Named groups would clash across entries; only headings use them, and they are kept apart.
        return re.compile(re.sub(r"\(\?P<\w+>", "(?:", alternation(kind)), re.IGNORECASE)

    return BioLexicon(
        heading=compiled("heading"), box=compiled("box"), statement=compiled("statement"),
        self=compiled("self"), role=compiled("role"), verb=re.sub(r"\(\?P<\w+>", "(?:", alternation("verb")),
        pronoun=compiled("pronoun"), speech=compiled("speech"), promo=compiled("promo"),
        headings=tuple(re.compile(r.pattern, re.IGNORECASE) for r in rules if r.kind == "heading"),
    )


def languages(rules: tuple[BioRule, ...]) -> tuple[str, ...]:
    """The languages the bio rules speak (for documentation and tests)."""
    return tuple(sorted({r.lang for r in rules if r.lang != "any"}))
