"""`draft.squash` is the regex it replaced (issue 18 made it str.split/join): the same
white space, every code point of it, collapsed the same way."""

from __future__ import annotations

import random
import re
import sys

from exporter.cleaning.draft import squash

_REGEX = re.compile(r"\s+")


def _by_regex(text: str) -> str:
    return _REGEX.sub(" ", text.replace("\u00ad", "")).strip()


def test_str_split_and_re_agree_on_every_white_space_code_point():
    assert [c for c in range(sys.maxunicode + 1) if bool(_REGEX.match(chr(c))) != chr(c).isspace()] == []


def test_squash_is_the_regex_on_mixed_runs():
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    alphabet = spaces + ["\u00ad", "a", "é", "\u200b", "\ufeff", "-"]
    rng = random.Random(18)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert squash(text) == _by_regex(text), repr(text)
    assert squash("  Two\u00a0words\n\tand\u2028a\u00adline  ") == "Two words and aline"
