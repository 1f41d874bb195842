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
from .dates import month_day, parse_date, url_date
from .draft import squash
from .rules import MetadataRule

PUBLISHED_METAS = ("article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date",
                   "pubdate", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
                   "citation_publication_date", "article.published", "published-date", "publication_date",
                   "date.release", "dc.date.created")
# Metas that say only "a date" of the page: CMSs fill them with the last edit or the time the page
# was made (a German outdoor magazine's <meta name="date"> five days after the <time> in its header),
# so they come after the article's own markup.
GENERIC_DATE_METAS = ("date", "dc.date", "dcterms.date")
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
              _itemprop(root, "datePublished"), _article_time(root),
              *(metas.get(n) for n in GENERIC_DATE_METAS), _ld_text(ld.get("dateCreated"))]
    for raw in stated:
        day = parse_date(raw)
        if day:
            return _shown_day(raw, day, root, metas, url), updated
    stamped, stamped_update = labelled_stamps(root, labelled)
    updated = updated or stamped_update
    if stamped:
        return stamped, updated
    dateline = headline_dateline(root, labelled)
    if dateline:
        return dateline, updated
    found = _with_shown_month_day(htmldate_publication(root, url), root)
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
# An <aside> that holds the post's own meta row (date, author, tags) beside its text, as magazine
# themes mark it up: <article> … <aside class="meta"><time …>. Class words, split at - and _.
_META_ASIDE = re.compile(r"(?:^|[\s_-])(?:meta|metadata|post-?meta|entry-?meta|byline|dateline|info)(?:$|[\s_-])",
                         re.IGNORECASE)


# An embedded social post inside an article body (Instagram's and Twitter's embed code is a
# <blockquote class="instagram-media">/"twitter-tweet" holding the post's own <time>): its
# stamp dates the post quoted, often months before the article.
_EMBEDDED_POST = re.compile(r"instagram|twitter-tweet|tiktok-embed|fb-post|(?:^|[\s_-])embed(?:$|[\s_-])", re.IGNORECASE)


def _in_article(element) -> bool:
    """Inside <article>/<main>, and not in an aside, a comment thread, a teaser list or an
    embedded post on the way up (an aside that is the article's own meta row excepted)."""
    for ancestor in element.iterancestors():
        if ancestor.tag == "aside" and _META_ASIDE.search(ancestor.get("class") or ""):
            continue
        if ancestor.tag in ("aside", "nav", "footer", "blockquote") or _OUTSIDE_ARTICLE.search(ancestor.get("class") or "") \
                or _EMBEDDED_POST.search(ancestor.get("class") or ""):
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


# The lines under the headline read for a dateline, and the elements looked at for them.
_DATELINE_LINES = 3
_DATELINE_REACH = 40


def headline_dateline(root, rules: Sequence[MetadataRule]) -> str | None:
    """The date on a short line right under the article's <h1>, before its prose: magazines and
    association sites print "1. Februar 2022 , Daniel Dillenburg" there and state no date in
    their markup. The rules file's date rules read the line (a bare dateline rule too); a line
    an update rule reads is no publication date."""
    headline = next((h for h in itertools.islice(root.iter("h1"), 5) if _outside_teasers(h)), None)
    if headline is None:
        return None
    date_rules = [rule for rule in rules if rule.kind == "date"]
    update_rules = [rule for rule in rules if rule.kind == "updated"]
    seen, read = 0, set()
    for element in headline.xpath(f"following::*[position() <= {_DATELINE_REACH}]"):
        if element.getparent() in read:  # its text was read with its holder's
            read.add(element)
            continue
        if element.tag not in _STAMP_HOLDERS or any(child.tag in _BLOCK_HOLDERS for child in element):
            continue
        read.add(element)
        for line in _lines(element):
            if len(line) > _MAX_STAMP_LINE:
                return None  # the prose has begun
            seen += 1
            if seen > _DATELINE_LINES:
                return None
            if any(rule.pattern.search(line) for rule in update_rules):
                continue
            for rule in date_rules:
                m = rule.pattern.search(line)
                day = parse_date(m.group("value")) if m else None
                if day:
                    return day
    return None


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
    counts anywhere but in comments and teasers (WordPress's older comment
    templates mark every comment's <time pubdate>). One classed as the update
    only is skipped: WordPress themes class a never-edited post's stamp
    "entry-date published updated", and that one is the publication.
    """
    for element in _iter_times(root, 200):
        kind = (element.get("class") or "").lower()
        marked = (element.get("pubdate") is not None or "publi" in kind) and _outside_teasers(element)
        if not (marked or _in_article(element)):
            continue
        if ("updat" in kind or "modif" in kind) and "publi" not in kind:
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
    for text in _shown_date_texts(root):
        day = parse_date(text)
        if day:
            return day
    return None


def _shown_date_texts(root):
    """The text of the article's date elements (see ``_visible_time_day``), in that order."""
    marked = root.xpath("//*[@itemprop='datePublished']")[:3]
    classed = list(itertools.islice((e for e in root.xpath("//body//*[contains(translate(@class, 'DATEIMSP', 'dateimsp'), 'date')"
                                     " or contains(translate(@class, 'DATEIMSP', 'dateimsp'), 'timestamp')]")
               if _DATE_CLASS.search(e.get("class") or "") and not re.search("updat|modif", e.get("class") or "", re.I)
               and _outside_teasers(e)), 3))
    for element in [*marked, *(t for t in _iter_times(root, 200) if _in_article(t)), *classed]:
        yield squash(" ".join(element.itertext()))


# How far a yearless shown day may lie from the date found elsewhere on the page.
_YEARLESS_REACH = timedelta(days=45)


def _with_shown_month_day(found: str | None, root) -> str | None:
    """``found`` (a date read from the URL or the page by htmldate) replaced by the day the article's
    date element shows without a year, the year taken from ``found``: Japanese news headers print
    "[06月24日 11時30分]" while the address holds the day the story was filed."""
    if not found:
        return found
    for text in _shown_date_texts(root):
        if parse_date(text):
            return found  # the element shows a full date: htmldate has read it, or chose better
        shown = month_day(text)
        if shown:
            base = date.fromisoformat(found)
            for year in (base.year, base.year + 1, base.year - 1):
                try:
                    day = date(year, *shown)
                except ValueError:
                    continue
                if abs(day - base) <= _YEARLESS_REACH:
                    return day.isoformat()
            return found
    return found


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
