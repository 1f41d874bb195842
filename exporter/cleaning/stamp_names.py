"""The author's name in a blog or magazine stamp line that gives the date first and no "By".

Blog and magazine themes print the post's stamp as the date, the time, the
author's linked name and the comment count on one line, with no "By" (the
CSS or an icon says it): "07.11.23 - 10:11 | Jane Doe 0 Kommentare",
"1. Februar 2022 , Jane Doe", "17/11/2019 ~ Jane Doe", "3 декабря 2020,
18:47 • Jane Doe • 3375"; a whole-page scrape also glues the name's link to
the time beside it ("Jane Doe15:35, Oct 29 2020"). What is left of such a
line once its date, time, stamp words and counts are taken out is the name.

A place before the date with only a comma between is a dateline ("New York,
May 3, 2020"), not a byline. A line with anything else left (a second phrase of two words or more, a
sentence) is no stamp: a section label after the date ("12.03.2021 |
Politik Ausland") still reads as a name, so the callers take a stamp's name
only where a bare name line would be taken (right by the headline, not a
word of the opening paragraphs).
"""

from __future__ import annotations

import re

from .. import _re_store
from .dates import date_spans, month_number
from .names import names_line

# A scrape glues a link's text to the next element's: "Jane Doe15:35", "Lutz Doe2021-12-14T12:38".
_GLUED_DIGIT = _re_store.compile(r"(?<=[^\W\d_]{2})(?=\d)")
_ISO_TIME = _re_store.compile(r"T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?")
# A theme printing the first and the last edit's dates side by side glues them up in a scrape:
# "28. Juni 201914. Januar 2020", "20 janvier 202020 janvier 2020", "26.10.202326.10.2023".
_GLUED_YEAR = _re_store.compile(r"(?<=[^\W\d_]\s|\d\.)((?:19|20)\d\d)(?=\d{1,2}(?:\.|\s+[^\W\d_]))")
_TIME = _re_store.compile(r"(?<![\d.:])\d{1,2}[:.h]\d{2}(?![\d.:])(?:\s*(?:uhr|am|pm|h))?"
                          r"|(?<![\d.:])\d{1,2}\s*(?:am|pm)\b", re.IGNORECASE)  # "06 PM | 18 Mai"
# A stamp's day and month with no year ("06 PM | 18 Mai", "· May 5 ·"): only beside a time or a full
# date is it read as a date, not as a number before a word.
_DAY_MONTH = _re_store.compile(r"\b\d{1,2}\.?\s+([^\W\d_]{3,12})\.?(?![\w])(?!\s*\d)"
                               r"|\b([^\W\d_]{3,12})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*[,.]?\s*\d)")
# The comment count a theme prints after the author ("0 Kommentare", "Kommentare 4", "No Comments",
# "Keine Kommentare", "3 commentaires", "Un comentario"), in the corpus languages.
_COUNT = _re_store.compile(
    r"(?:\b(?:\d+|no|keine|aucun|sin|sem|nessun|un|one|ein)\s+)?\b(?:comments?|kommentare?|commentaires?|"
    r"comentarios?|comentários?|commenti|commento|reacties|reactions?)\b(?:\s+\d+)?", re.IGNORECASE)
# The stamp's own words around the date ("Published on", "Veröffentlicht am", "Stand:", "Le", "Updated").
_STAMP_LABEL = (r"(?:published|posted|updated|last updated|veröffentlicht|erschienen|aktualisiert|stand|publié|"
                r"mis à jour|publicado|publicada|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b")
_STAMP_WORDS = _re_store.compile(
    r"\b" + _STAMP_LABEL + r"\s*(?:on|am|le|el|em|il|op)?\s*:?"
    r"|(?:^|(?<=[|•·~]))\s*(?:on|am|le|el|em|il|op|um|at|à|alle|om)\b(?=\s*(?:[|•·~,]|$))", re.IGNORECASE)
# A line that opens with a stamp's label ("Published Wed, Nov 20 2019…"), even one whose date is glued up.
STAMP_OPENING = _re_store.compile(_STAMP_LABEL, re.IGNORECASE)
_SEPARATORS = _re_store.compile(r"\s*(?:[|•·~/–—]+|\s-\s)\s*")
# What may stand beside the name: a number (a view count), a word of one token (a category label).
_NUMBER = _re_store.compile(r"^[\d\s.,:]+$")
LINE_CHARS = 120


def stamp_names(text: str) -> tuple[str, ...]:
    """The names of a stamp line that holds a date and, beside it, only names (and the stamp's
    time, words and counts, a one-word category label at most); () for any other line."""
    if len(text) > LINE_CHARS:
        return ()
    text = _GLUED_DIGIT.sub(" ", _ISO_TIME.sub(" ", _GLUED_YEAR.sub(r"\1 ", text)))
    spans = date_spans(text)
    if not spans and _TIME.search(text):
        spans = [m.span() for m in _DAY_MONTH.finditer(text) if month_number(m.group(1) or m.group(2))]
    if not spans:
        return ()
    lead = text[:min(start for start, _end in spans)].rstrip()
    if lead.endswith(",") and not _TIME.search(lead) and not _SEPARATORS.search(lead):
        return ()  # "New York, May 3, 2020", "Berlin, 12. März 2021": a dateline's place
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " | " + text[end:]
    text = _COUNT.sub(" | ", _TIME.sub(" | ", text))
    text = _STAMP_WORDS.sub(" | ", text)
    names: tuple[str, ...] = ()
    for part in _SEPARATORS.split(text):
        part = part.strip(" ,.;:")
        if not part or _NUMBER.match(part):
            continue
        found, _titled = names_line(part)
        if found and not names:
            names = found
        elif found or len(part.split()) > 1:
            return ()  # a second name or phrase: a teaser's or a list's line, not one post's stamp
    return names


# What a news theme sets after the byline's bare name on its line, with no date to make it a stamp:
# the writer's @handle and the story's age ("Catherine Shu @catherineshu / 2 days", a tech
# blog's header), the wire service the writer files for ("Tom Davies Associated Press", a local
# paper running an agency story), or the site's one-word name after a dash ("Vidya Pinandhita -
# detikHealth", a portal's channel). Read off, what is left is read as a line of names alone.
_AGE = (r"\d{1,3}\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?|months?|years?|minuten?|stunden?|std\.?|tagen?|"
        r"wochen?|monaten?|jahren?|heures?|jours?|semaines?|mois|ans|horas?|días?|dias?|semanas?|meses|años|anos|"
        r"minuti|ore|giorni|settimane|mesi|anni)\b(?:\s+(?:ago|her|fa|atrás))?")
_NAME_TAIL = _re_store.compile(
    r"(?:\s*(?:[|/·•–—]|\s-\s)\s*(?:(?:vor|il y a|hace|há)\s+)?" + _AGE + r"|[,\s]*@\w{1,30}"
    r"|,?\s+(?:the\s+)?(?:associated press|reuters|afp|agence france-presse|dpa|apa|ansa|efe|europa press|lusa|bloomberg"
    r"|upi|press association|pa media)|\s*(?:[|·•–—]|\s-\s)\s*[^\W\d_][\w.]{1,24})\s*$", re.IGNORECASE)


def name_beside_furniture(text: str) -> str:
    """The line with the handle, age, agency or site name a theme set after a bare name read off
    (at most three of them, from the end); the line as it is when it has none."""
    for _ in range(3):
        cut = _NAME_TAIL.sub("", text)
        if cut == text or not cut:
            break
        text = cut
    return text
