"""The publication date and the update date of a saved HTML page, kept apart.

Order of trust (the first that reads wins):
1. what the publisher states for the article: JSON-LD ``datePublished``, the
   publication <meta> tags, ``itemprop=datePublished``, a <time> inside the
   <article> (not one in a sidebar or teaser), JSON-LD ``dateCreated``;
2. a stamp the page labels in words ("Veröffentlicht am 16.08.2019",
   "Datum: 18.10.2021", a blog's "... was posted on May 19th, 2010 at 11:03
   pm"): the rules file's ``labelled`` date rules, on short lines outside
   sidebars, teasers and comments;
3. htmldate (original date), which reads the URL, headers and date elements;
4. nothing: the page's update stamp stays ``updated`` only.

A stated stamp in UTC ("2023-11-01T23:01:00Z"), or with no zone, is moved to
the day the page shows: the day in its URL or its visible <time> text when
that is one day off, or (stated UTC only) the day in the site's own time zone
when another stamp on the page carries an offset. Where ours wins over htmldate alone: explicit article
markup (``itemprop=datePublished``, JSON-LD) is preferred to header and
navigation dates it picks up first, and a <time>'s visible text is read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from lxml import etree

from ._htmldate import htmldate_publication
from .dates import parse_date, url_date
from .draft import squash
from .rules import MetadataRule

PUBLISHED_METAS = ("article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date",
                   "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                   "sailthru.date", "parsely-pub-date", "citation_publication_date", "article.published",
                   "published-date", "publication_date", "date.release", "dc.date.created")
UPDATED_METAS = ("article:modified_time", "og:updated_time", "last-modified", "datemodified",
                 "dcterms.modified", "dc.date.modified")
# seconds as CMSs write them, "23:15:00Z" and also "23:15:0Z"
# and with no zone at all: CMSs of US and Canadian papers write the UTC time bare ("2019-03-05T01:30:00")
_UTC_STAMP = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(Z|[+-]00:?00)?\s*$")
_OFFSET = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})\s*$")


def page_dates(root: etree._Element, ld: dict, metas: dict[str, str], url: str | None,
               labelled: Sequence[MetadataRule] = ()) -> tuple[str | None, str | None]:
    """``(published, updated)`` as YYYY-MM-DD strings (either may be None); ``labelled``:
    the rules that read a stamp by its label (see the module note)."""
    updated = _first_date((_ld_text(ld.get("dateModified")), *(metas.get(n) for n in UPDATED_METAS),
                           _itemprop(root, "dateModified")))
    stated = [_ld_text(ld.get("datePublished")), *(metas.get(n) for n in PUBLISHED_METAS),
              _itemprop(root, "datePublished"), _article_time(root), _ld_text(ld.get("dateCreated"))]
    for raw in stated:
        day = parse_date(raw)
        if day:
            return _shown_day(raw, day, root, metas, url), updated
    stamped, stamped_update = labelled_stamps(root, labelled)
    updated = updated or stamped_update
    if stamped:
        return stamped, updated
    found = htmldate_publication(root, url)
    if found == updated:
        return None, updated  # htmldate fell back on the update stamp: that is no publication date
    return found, updated


def _first_date(values) -> str | None:
    for value in values:
        day = parse_date(value)
        if day:
            return day
    return None


def _shown_day(raw: str, day: str, root, metas: dict[str, str], url: str | None) -> str:
    """The day the page shows for a stamp given in UTC (see the module note)."""
    m = _UTC_STAMP.match(raw or "")
    if not m:
        return day
    utc_day = date.fromisoformat(day)
    minute = int(m.group(2)) * 60 + int(m.group(3))
    # Only a day some time zone can reach: UTC+14 at the most ahead, UTC-12 behind.
    near = {(utc_day + timedelta(days=step)).isoformat() for step, reachable in
            ((1, minute + 14 * 60 >= 24 * 60), (-1, minute < 12 * 60)) if reachable}
    for shown in (url_date(url), _visible_time_day(root)):
        if shown in near:
            return shown
    offset = _site_offset(root, metas)
    if offset is not None and m.group(4):  # a bare stamp may be local time already: only a stated UTC moves
        try:
            stamp = datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}:00+00:00")
        except ValueError:  # "T24:00" is valid ISO 8601 but no datetime; the stated day stands
            return day
        return stamp.astimezone(timezone(offset)).date().isoformat()
    return day


def _site_offset(root, metas: dict[str, str]) -> timedelta | None:
    """A non-zero UTC offset that another stamp on the page carries (the site's time zone)."""
    values = list(metas.values()) + [t.get("datetime") or "" for t in _iter_times(root, 50)]
    for value in values:
        m = _OFFSET.search(value or "")
        if m and (m.group(2), m.group(3)) != ("00", "00"):
            minutes = int(m.group(2)) * 60 + int(m.group(3))
            return timedelta(minutes=minutes if m.group(1) == "+" else -minutes)
    return None


def _iter_times(root, limit: int):
    for count, element in enumerate(root.iter("time")):
        if count >= limit:
            return
        yield element


_OUTSIDE_ARTICLE = re.compile(r"comment|related|teaser|sidebar|widget|recommend", re.IGNORECASE)


def _in_article(element) -> bool:
    """Inside <article>/<main>, and not in an aside, a comment thread or a teaser list on the way up."""
    for ancestor in element.iterancestors():
        if ancestor.tag in ("aside", "nav", "footer") or _OUTSIDE_ARTICLE.search(ancestor.get("class") or ""):
            return False
        if ancestor.tag in ("article", "main") or ancestor.get("itemprop") == "articleBody":
            return True
    return False


# Elements whose lines may be a stamp, and the longest line read: a stamp is short.
_STAMP_HOLDERS = ("p", "div", "span", "li", "small", "dd", "td", "em", "header")
_MAX_STAMP_LINE = 160
# Holders that are visited on their own: an element holding one is not read whole, so a hostile
# page of 250 nested <div>s around megabytes of text costs one read of the text, not 250.
_BLOCK_HOLDERS = frozenset(("p", "div", "li", "dd", "td", "header"))


def labelled_stamps(root, rules: Sequence[MetadataRule]) -> tuple[str | None, str | None]:
    """``(published, updated)`` from the first lines the ``labelled`` rules read, in page order.

    A line is an element's text cut at its <br>s. Only elements holding a few
    children are read (a stamp is a leaf or near one), and none inside an
    aside, a comment thread or a teaser list: those lines date other pieces.
    """
    rules = [rule for rule in rules if rule.labelled and rule.kind in ("date", "updated")]
    found: dict[str, str] = {}
    if not rules:
        return None, None
    body = root.find("body")
    for element in (body if body is not None else root).iter(_STAMP_HOLDERS):
        if len(element) > 8 or any(child.tag in _BLOCK_HOLDERS for child in element):
            continue
        for line in _lines(element):
            if len(line) > _MAX_STAMP_LINE or not any(ch.isdigit() for ch in line):
                continue
            for rule in rules:
                m = rule.kind not in found and rule.pattern.search(line)
                day = parse_date(m.group("value")) if m else None
                # The ancestors are looked at only for a stamp found (a walk up per element is
                # the page's size times its depth).
                if day and _outside_teasers(element):
                    found[rule.kind] = day
                    break
        if "date" in found:
            break
    return found.get("date"), found.get("updated")


def _lines(element) -> list[str]:
    """The element's text, one string per line its <br>s make."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "br":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in ("script", "style"):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return [squash(line) for line in "".join(parts).split("\n") if line.strip()]


def _outside_teasers(element) -> bool:
    return not any(a.tag in ("aside", "nav") or _OUTSIDE_ARTICLE.search(a.get("class") or "")
                   for a in (element, *element.iterancestors()))


def _article_time(root) -> str | None:
    """The first <time> inside the article, its visible text when that is a full date.

    Pages list older dated teasers and comments in sidebars; a <time> there is
    another article's. A <time pubdate> or one classed as a publication stamp
    counts anywhere.
    """
    for element in _iter_times(root, 200):
        marked = element.get("pubdate") is not None or "publi" in (element.get("class") or "").lower()
        if not (marked or _in_article(element)):
            continue
        if "updat" in (element.get("class") or "").lower() or "modif" in (element.get("class") or "").lower():
            continue
        text = squash(" ".join(element.itertext()))
        if parse_date(text):
            return text
        if element.get("datetime") and parse_date(element.get("datetime")):
            return element.get("datetime")
    return None


# A class that names a date holder: "ArticleHeader_date", "post-date", "entry-dateline", "timestamp".
_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|dateline|timestamp|published)(?:$|[\s_-])", re.IGNORECASE)


def _visible_time_day(root) -> str | None:
    """The day written (for readers) in the article's first <time> or datePublished element,
    or in an element classed as the date (news headers that print "January 19, 2020 / 12:25 PM"
    in a <div>, under a stamp in UTC, as wire services do)."""
    marked = root.xpath("//*[@itemprop='datePublished']")[:3]
    classed = list(itertools.islice((e for e in root.xpath("//body//*[contains(translate(@class, 'DATEIMSP', 'dateimsp'), 'date')"
                                     " or contains(translate(@class, 'DATEIMSP', 'dateimsp'), 'timestamp')]")
               if _DATE_CLASS.search(e.get("class") or "") and not re.search("updat|modif", e.get("class") or "", re.I)
               and _outside_teasers(e)), 3))
    for element in [*marked, *(t for t in _iter_times(root, 200) if _in_article(t)), *classed]:
        day = parse_date(squash(" ".join(element.itertext())))
        if day:
            return day
    return None


def _itemprop(root, prop: str) -> str | None:
    for element in root.xpath(f"//*[@itemprop='{prop}']"):
        value = element.get("content") or element.get("datetime") or squash(" ".join(element.itertext()))
        if value:
            return value
    return None


def _ld_text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None
