"""Book typography as a transform on the model (never in the cleaner).

Straight quotes become curly ones in the article's language, ``--`` (and a
hyphen spaced as a dash) becomes a dash, ``...`` an ellipsis, and a non-breaking space goes where typography
wants one (French punctuation, English honorifics). Text that is already
typographic passes through unchanged, so the transform is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import _re_store
from .model import (
    Article, Block, BlockQuote, Emphasis, Figure, Heading, Inline, Link, ListBlock, Paragraph, Strong, Table, Text,
)

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, before French ; : ! ? and inside « »

# (open double, close double, open single, close single) by language.
_QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "nl": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "cs": ("„", "“", "‚", "‘"),
    "pl": ("„", "”", "‚", "’"),
    "fr": ("«" + NNBSP, NNBSP + "»", "“", "”"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "pt": ("«", "»", "“", "”"),
    "sv": ("”", "”", "’", "’"),
    "fi": ("”", "”", "’", "’"),
}
_APOSTROPHE = "’"

# "--" between words: a closed em dash in English (US house style, as the
# NYT and most American books set it), a spaced en dash elsewhere.
# Module patterns: re.compile, from the code an earlier run stored (`_re_store`).
_DOUBLE_HYPHEN = _re_store.compile(r"\s*(?<!-)---?(?!-)\s*")
# A lone hyphen with a space each side stands for a dash in typed text ("comwrap auf der
# DMEXCO 2018 - Take C.A.R.E.", "The harbour - and the town"): set as "--" is. In English only
# between letters or closing punctuation and a letter: "5 - 3" is a subtraction.
_SPACED_HYPHEN = _re_store.compile(r"(?<=\S) - (?=\S)")
_SPACED_HYPHEN_EN = _re_store.compile(r"(?<=[^\W\d_]|[,;:!?.)’”\"']) - (?=[^\W\d_]|[(‘“\"'])")
_ELLIPSIS = _re_store.compile(r"(?<!\.)\.\.\.(?!\.)")
_HONORIFIC = _re_store.compile(r"\b(Mr|Mrs|Ms|Dr|Prof|St|Mt|Gen|Sen|Rep|Gov|Sgt|Lt|Col|Capt)\. (?=[A-Z])")
_FRENCH_PUNCT = _re_store.compile(r" ?([;:!?])(?=\s|$)")
_OPENERS = "([{–—-/\"“„«‘‚"
_WORD_CHAR = _re_store.compile(r"\w", re.UNICODE)
_STRAIGHT_QUOTE = _re_store.compile("[\"']")


def _quotes_for(language: str) -> tuple[str, str, str, str]:
    return _QUOTES.get(language.split("-")[0].lower(), _QUOTES["en"])


def smarten(text: str, language: str = "en", previous: str = " ") -> str:
    """Typographic form of ``text``; ``previous`` is the character before it
    (from the preceding inline) so quotes at inline boundaries turn right."""
    lang = language.split("-")[0].lower()
    open_double, close_double, open_single, close_single = _quotes_for(language)
    # Each pattern needs its literal ("--", "...", ". "): a text without it is left alone
    # without the regex scan (the dash's leading \s* is tried at every position).
    if "--" in text:
        text = _DOUBLE_HYPHEN.sub("—" if lang == "en" else " – ", text)
    if " - " in text:
        text = (_SPACED_HYPHEN_EN.sub("—", text) if lang == "en" else _SPACED_HYPHEN.sub(" – ", text))
    if "..." in text:
        text = _ELLIPSIS.sub("…", text)
    # Only straight quotes change below, and each one's choice reads the character before
    # it as already set (a quote's replacement, else the text's own) and the one after it as
    # found: so the text between quotes is copied in one piece, not character by character.
    out: list[str] = []
    prev = previous
    start = 0
    for found in _STRAIGHT_QUOTE.finditer(text):
        i = found.start()
        if i > start:
            out.append(text[start:i])
            prev = text[i - 1]
        char = text[i]
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if char == '"':
            # Opening after space or opening punctuation, closing after a word or stop.
            opening = prev.isspace() or prev in _OPENERS
            mark = open_double if opening else close_double
        elif _WORD_CHAR.match(prev) and _WORD_CHAR.match(nxt):
            mark = _APOSTROPHE  # don't, Khrushchev's
        elif (prev.isspace() or prev in _OPENERS) and nxt.isdigit():
            mark = _APOSTROPHE  # '90s
        elif prev.isspace() or prev in _OPENERS:
            mark = open_single
        else:
            mark = close_single if lang != "en" or not _WORD_CHAR.match(nxt) else _APOSTROPHE
        out.append(mark)
        prev = mark[-1]
        start = i + 1
    out.append(text[start:])
    result = "".join(out)
    if lang == "en":
        if ". " in result:
            result = _HONORIFIC.sub(lambda m: m.group(1) + "." + NBSP, result)
    elif lang == "fr":
        result = _FRENCH_PUNCT.sub(lambda m: NNBSP + m.group(1), result)
        result = result.replace("« ", "«" + NNBSP).replace(" »", NNBSP + "»")
        result = result.replace("«" + NNBSP + NNBSP, "«" + NNBSP).replace(NNBSP + NNBSP + "»", NNBSP + "»")
    return result


class _Smartener:
    """Walks inlines in reading order carrying the last character seen."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.previous = " "

    def text(self, value: str) -> str:
        result = smarten(value, self.language, self.previous)
        if result:
            self.previous = result[-1]
        return result

    def inlines(self, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(Text(self.text(node.text)))
            elif isinstance(node, (Emphasis, Strong, Link)):
                out.append(replace(node, children=self.inlines(node.children)))
            else:
                self.previous = " "
                out.append(node)
        return tuple(out)

    def block(self, block: Block) -> Block:
        self.previous = " "
        if isinstance(block, (Paragraph, Heading)):
            return replace(block, children=self.inlines(block.children))
        if isinstance(block, BlockQuote):
            return replace(block, blocks=tuple(self.block(b) for b in block.blocks))
        if isinstance(block, ListBlock):
            return replace(block, items=tuple(tuple(self.block(b) for b in item) for item in block.items))
        if isinstance(block, Figure):
            return replace(block, caption=self.inlines(block.caption))
        if isinstance(block, Table):
            def row(cells):
                out = []
                for cell in cells:
                    self.previous = " "
                    out.append(replace(cell, children=self.inlines(cell.children)))
                return tuple(out)
            return replace(block, caption=self.inlines(block.caption), head=tuple(row(r) for r in block.head),
                           body=tuple(row(r) for r in block.body))
        return block  # CodeBlock: code's quotes and dashes are not prose


def apply_typography(article: Article) -> Article:
    """The article with typographic quotes, dashes, ellipses and spaces."""
    language = article.meta.language or "en"
    smart = _Smartener(language)
    blocks = tuple(smart.block(b) for b in article.blocks)
    meta = article.meta

    def fix(value: str | None) -> str | None:
        return smarten(value, language) if value else value

    bios = tuple(replace(bio, text=smarten(bio.text, language)) for bio in meta.bios)
    new_meta = replace(meta, title=fix(meta.title) or meta.title, subtitle=fix(meta.subtitle),
                       description=fix(meta.description), bios=bios)
    return replace(article, meta=new_meta, blocks=blocks)
