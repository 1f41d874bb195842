"""Print-only touches to a section's text: where a line may and may not break.

Pure string steps on the rendered markup (tags are left alone, only the text
between them changes), applied by the PDF backend just before layout. The
e-book gets none of them: its reader's engine breaks lines for its own screen
(the steps both books take are in `text_runs`).
"""

from __future__ import annotations

import re

from .text_runs import in_text as _in_text

# A word joiner (U+2060) forbids a line break where it stands; Pango draws it
# as nothing, and the PDF's outline is cleaned of it (`_weasyprint`).
WORD_JOINER = "\u2060"

# Korean is written in words with spaces between them, and breaks lines only
# there (CSS word-break: keep-all, which WeasyPrint 70 lacks: it broke "의외로"
# as "의 / 외로" in titles and text). A word joiner between two Hangul syllables
# keeps each word whole.
_HANGUL_PAIR = re.compile(r"(?<=[\uac00-\ud7a3])(?=[\uac00-\ud7a3])")


def keep_korean_words(body: str) -> str:
    """``body`` with a word joiner between the Hangul syllables of each word of its text (not its tags)."""
    return _in_text(body, lambda text: _HANGUL_PAIR.sub(WORD_JOINER, text))


# Kinsoku (line-start and line-end rules of CJK setting): an opening bracket
# or quote never ends a line, a closing one never starts one. UAX #14 covers
# the CJK brackets, but Korean and Chinese pages mark titles with ASCII angle
# brackets ("<왔다, 장보리>"), which it treats as letters: a Korean article's
# lines ended on "하지만 <" and "SBS <". Markup escapes them as &lt; and &gt;.
# A bracket at the edge of a text run is joined across the tag ("(<a>www…"):
# Pango had ended a line on "엔터미디어(" before a link.
_OPENING_BRACKETS = "([{‘“〈《「『【〔（［｛"
_CLOSING_BRACKETS = ")]}’”〉》」』】〕）］｝"
_AFTER_OPENING = re.compile(rf"(?:(?<=[{re.escape(_OPENING_BRACKETS)}])|(?<=&lt;))(?=\S|$)")
_BEFORE_CLOSING = re.compile(rf"(?:(?<=\S)|^)(?=[{re.escape(_CLOSING_BRACKETS)}]|&gt;)")


def keep_cjk_brackets(body: str) -> str:
    """``body`` with each opening bracket or quote joined to the character after
    it, and each closing one to the character before it (not across a space)."""
    return _in_text(body, lambda text: _BEFORE_CLOSING.sub(WORD_JOINER, _AFTER_OPENING.sub(WORD_JOINER, text)))


# A paragraph's last line should hold at least one whole word: hyphenating the
# last word left fragments alone on it ("testi- / mony.", "Reu- / ters.", seen
# in CBS and Reuters articles). Book typesetters turn hyphenation off for a
# paragraph's last word (TeX's \finalhyphendemerits, InDesign's "Hyphenate Last
# Word" off); print.css gives `.last-word` `hyphens: manual`.
_LAST_WORD = re.compile(r"(?<=[\s>])([^\s<>]+)((?:</(?:em|i|strong|b|a|span|code)>)*</p>)")


def keep_last_words_whole(body: str) -> str:
    """``body`` with the last word of each paragraph in a ``<span class="last-word">``."""
    return _LAST_WORD.sub(r'<span class="last-word">\1</span>\2', body)


# A chapter opens with its first words in small capitals (BOOK-DESIGN: "small caps for the first
# words"). CSS ::first-line would set the first line so, but WeasyPrint applies it again to the
# first line of each page a long opening paragraph runs onto (small capitals mid-sentence at the
# top of page 4), so print marks the words themselves: up to the first pause of the sense within
# the first OPENING_MAX_WORDS words ("Fifty years ago Saturday,"), else the first OPENING_WORDS.
OPENING_MAX_WORDS = 7
OPENING_WORDS = 4
# The body's first paragraph: its first child, or the one after a lead picture's <figure>.
_FIRST_PARAGRAPH = re.compile(r'(<div class="article-body">\s*(?:<figure\b(?:(?!</figure>).)*</figure>\s*)?<p\b[^>]*>)([^<]+)',
                              re.DOTALL)
_PAUSE = (",", ";", ":", ".", "!", "?", "\u2014", "\u2013")


def mark_opening_words(body: str) -> str:
    """``body`` with the opening words of its article's first paragraph in ``<span class="opening-words">``."""
    def marked(m: re.Match) -> str:
        text = m.group(2)
        words = text.split(" ")
        count = next((i + 1 for i, word in enumerate(words[:OPENING_MAX_WORDS]) if word.endswith(_PAUSE)),
                     OPENING_WORDS)
        if count >= len(words):
            return m.group(0)  # the paragraph's text before its first tag is all opening: leave it
        head = " ".join(words[:count])
        return f'{m.group(1)}<span class="opening-words">{head}</span> {" ".join(words[count:])}'

    return _FIRST_PARAGRAPH.sub(marked, body, count=1)
