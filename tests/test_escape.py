"""exporter._escape.escape is html.escape, without importing the html package."""

from __future__ import annotations

import html

from hypothesis import given, strategies as st

from exporter._escape import escape

# Text heavy in the characters that are replaced, and in ones already escaped.
_TEXT = st.text(alphabet=st.sampled_from(list("&<>\"'#;x27ampltgquo é—\u00a0\n")) | st.characters(), max_size=60)


@given(_TEXT, st.booleans())
def test_escape_is_the_standard_librarys(text, quote):
    assert escape(text, quote=quote) == html.escape(text, quote=quote)
    assert escape(text) == html.escape(text)


def test_an_ampersand_is_escaped_once_and_first():
    assert escape('&lt; "a" & \'b\' <c>') == "&amp;lt; &quot;a&quot; &amp; &#x27;b&#x27; &lt;c&gt;"
    assert escape('"a" <b>', quote=False) == '"a" &lt;b&gt;'
