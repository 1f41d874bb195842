"""Dashes typed as a spaced hyphen (`typography.smarten`)."""

from __future__ import annotations

import pytest

from exporter.typography import smarten


@pytest.mark.parametrize(("text", "language", "expected"), [
    # Typed text sets a dash as " - " (titles of blog posts, wire copy): English closes it
    # up into an em dash as it does "--"; other languages set a spaced en dash.
    ("The harbour - and the town - agreed.", "en", "The harbour—and the town—agreed."),
    ('He said "no" - then left.', "en", "He said “no”—then left."),
    ("Take C.A.R.E. - comwrap auf der DMEXCO 2018", "de", "Take C.A.R.E. – comwrap auf der DMEXCO 2018"),
    ("Le port - et la ville", "fr", "Le port – et la ville"),
    # Not a dash: a subtraction in English, a hyphen without its spaces, one at the end.
    ("5 - 3 is 2", "en", "5 - 3 is 2"),
    ("a well-known - ", "en", "a well-known - "),
    ("x -y", "en", "x -y"),
])
def test_a_spaced_hyphen_is_a_dash(text, language, expected):
    assert smarten(text, language) == expected
    assert smarten(expected, language) == expected  # idempotent
