"""The publication date and the update date of a saved HTML page, kept apart.

Order of trust (the first that reads wins):
1. what the publisher states for the article: JSON-LD ``datePublished``, the
   publication <meta> tags, ``itemprop=datePublished``, a <time> inside the
   <article> (not one in a sidebar, teaser or embedded post); or the stated
   update, when that is the day the article's date element shows unlabelled;
2. a stamp the page labels in words ("Veröffentlicht am 16.08.2019",
   "Datum: 18.10.2021", a blog's "... was posted on May 19th, 2010 at 11:03
   pm"): the rules file's ``labelled`` date rules, on short lines outside
   sidebars, teasers and comments (``page_stamps``);
3. a dateline on a short line right under the <h1> ("1. Februar 2022 , Name");
3b. the generic ``<meta name="date">`` and JSON-LD ``dateCreated``: a CMS fills
   them with "a date" of the page (the last edit, the record's creation), so a
   date printed for readers, labelled or under the headline, says more (on the
   tuning half the dateline dated 12 pages, all right; a generic meta 2, one right);
4. htmldate (original date), which reads the URL, headers and date elements;
   a header that shows the day without its year ("06月24日") lends it the year;
5. nothing: the page's update stamp stays ``updated`` only.

Numeric dates with slashes read day first on pages in any language but US
English ("05/03/2020" is 5 March on a French page).

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
from .htmldate_view import META_ASIDE as _META_ASIDE, outside_parts, without
from .dates import month_day, numeric_date_order, parse_date, states_its_region, url_date, writes_day_first
from .draft import squash
from .page_stamps import (headline_dateline, labelled_stamps, names_outside_part, outside_teasers, update_stamp_holders,
                          visible_body_text)
from .rules import MetadataRule

# The publication <meta>s CMSs and analytics tags write (after htmldate's list of them), most
# specific first; a creation stamp is near the publication, and comes after.
PUBLISHED_METAS = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
                   "publishdate", "publish-date", "publish_date", "published_date", "published-date",
                   "published_time", "publisheddate", "publish_time", "date_published", "pubdate", "og:pubdate",
                   "og:publish_date", "og:datepublished", "og:article:published", "article:published",
                   "article:published_date", "article:publicationdate", "article:post_date", "article.published",
                   "article_date_original", "originalpublicationdate", "dcsext.articlefirstpublished",
                   "dc.date.issued", "dcterms.issued", "dc.date.publication", "publication_date",
                   "citation_publication_date", "citation_date", "sailthru.date", "parsely-pub-date",
                   "rnews:datepublished", "rbpubdate", "bt:pubdate", "cxenseparse:recs:publishtime",
                   "shareaholic:article_published_time", "twt-published-at", "mediator_published_time",
                   "vr:published_time", "analyticsattributes.articledate", "displaydate", "dateposted",
                   "date.release", "dcterms.created", "dc.date.created", "dc.created", "dc:created",
                   "article.created", "datecreated", "date_created", "content_create_date")
UPDATED_METAS = ("article:modified_time", "og:updated_time", "og:modified_time", "og:article:modified_time",
                 "article:modified", "article:modified_date", "article:post_modified", "last-modified",
                 "lastmodified", "lastmod", "modified", "modified_time", "updated_time", "modificationdate",
                 "datemodified", "dateupdate", "dcterms.modified", "dc.date.modified", "dc.modified",
                 "revision_date", "bt:moddate")
# Metas that say only "a date" of the page: CMSs fill them with the last edit or the time the page
# was made (a German outdoor magazine's <meta name="date"> five days after the <time> in its header),
# so they come after the article's own markup and after a date printed for readers (a labelled stamp,
# a dateline under the headline).
GENERIC_DATE_METAS = ("date", "dc.date", "dc:date", "dcterms.date")
# seconds as CMSs write them, "23:15:00Z" and also "23:15:0Z"
# and with no zone at all: CMSs of US and Canadian papers write the UTC time bare ("2019-03-05T01:30:00")
# and with the zone as a word ("2019-03-05 01:30:00 UTC", "… GMT")
_UTC_STAMP = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]00:?00)?\s*$",
                        re.IGNORECASE)
_OFFSET = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})\s*$")


def page_dates(root: etree._Element, ld: dict, metas: dict[str, str], url: str | None,
               labelled: Sequence[MetadataRule] = (), language: str | None = None,
               title: str | None = None) -> tuple[str | None, str | None]:
    """``(published, updated)`` as YYYY-MM-DD strings (either may be None); ``labelled``:
    the rules that read a stamp by its label (see the module note); ``language``: the page's,
    which says how it writes "05/03/2020" (``dates.writes_day_first``); ``title``: the
    article's headline, whose <h1> a dateline follows."""
    day_first = _writes_day_first(root, language, url)
    updated = _first_date((_ld_text(ld.get("dateModified")), *(metas.get(n) for n in UPDATED_METAS),
                           _itemprop(root, "dateModified")), day_first)
    stated = [_ld_text(ld.get("datePublished")), *(metas.get(n) for n in PUBLISHED_METAS),
              _itemprop(root, "datePublished"), _article_time(root, day_first)]
    for raw in stated:
        day = parse_date(raw, day_first)
        if day:
            day = _shown_day(raw, day, root, metas, url, day_first)
            return _shown_update_or(day, updated, root, labelled, day_first), updated
    stamped, stamped_update = labelled_stamps(root, labelled, day_first)
    if stamped:
        return stamped, updated or stamped_update
    updated = updated or stamped_update
    dateline = headline_dateline(root, labelled, day_first, title)
    if dateline:
        return dateline, updated
    for raw in [*(metas.get(n) for n in GENERIC_DATE_METAS), _ld_text(ld.get("dateCreated"))]:
        day = parse_date(raw, day_first)
        if day:
            day = _shown_day(raw, day, root, metas, url, day_first)
            return _shown_update_or(day, updated, root, labelled, day_first), updated
    outside = outside_parts(root, title)
    found = htmldate_publication(without(root, outside) if outside else root, url, language)
    if found and found == updated:
        found = htmldate_publication(without(root, [*outside, *update_stamp_holders(root, labelled, day_first)]), url,
                                     language)
    found = _with_shown_month_day(found, root)
    if found == updated:
        return None, updated  # htmldate fell back on the update stamp: that is no publication date
    return found, updated


# How much of the page's text is looked through for its own way of writing numeric dates.
_ORDER_TEXT = 200_000


def _writes_day_first(root, language: str | None, url: str | None):
    """How the page writes "08/11/2023": its language when that settles it, else its own other
    dates or its country domain (``dates.numeric_date_order``), else US English's month first.
    The page's text is read only when a slashed date is (most pages write none)."""
    if states_its_region(language):
        return writes_day_first(language)
    return _PageDayOrder(root, language, url)


class _PageDayOrder:
    """A truth value worked out the first time it is asked (see ``_writes_day_first``)."""

    def __init__(self, root, language: str | None, url: str | None):
        self._args: tuple | None = (root, language, url)
        self._value = False

    def __bool__(self) -> bool:
        if self._args is not None:
            root, language, url = self._args
            self._args = None
            text = visible_body_text(root, _ORDER_TEXT)
            order = numeric_date_order(text, url)
            self._value = writes_day_first(language) if order is None else order
        return self._value


def _shown_update_or(day: str, updated: str | None, root, labelled: Sequence[MetadataRule], day_first: bool) -> str:
    """``day`` (the stated publication), or the stated update when that is the date the page
    shows readers as its date: news portals and magazines (a German TV channel's site, a
    geographic magazine's headline block) print only the latest version's day under the
    headline, unlabelled, and the stated first publication is nowhere on the page. A date
    shown with an update label ("Aktualisiert am …") is no such date."""
    if not updated or updated <= day:
        return day
    update_rules = [rule for rule in labelled if rule.kind == "updated"]
    for element, text in _shown_date_elements(root):
        shown = parse_date(text, day_first)
        if not shown:
            continue
        holder = element.getparent()
        labels = (text, squash(" ".join(holder.itertext())) if holder is not None else "", f"{_label_before(element)} {text}")
        if any(rule.search(line) for rule in update_rules for line in labels):
            continue
        return updated if shown == updated else day
    return day


# Elements inside a line: a date's label is looked for in the date's own line, so only these are
# climbed from the date (a <dd> up to its <dl>, whose <dt> labels it).
_IN_LINE = frozenset(("time", "span", "a", "em", "strong", "b", "i", "small", "abbr", "font", "dd"))


def _label_before(element) -> str:
    """The text just before ``element`` in its own line, read up to three levels: a label in the
    sibling before ("<span class="label">Updated</span> <span><time>…") or in the <dt> of the
    date's <dd> ("<dt>Aktualisiert</dt><dd><time>…") is the date's label too."""
    before: list[str] = []
    node = element
    for _ in range(3):
        parent = node.getparent()
        if parent is None or node.tag not in _IN_LINE:
            break
        previous = node.getprevious()
        while previous is not None and not isinstance(previous.tag, str):  # a comment or a processing instruction
            previous = previous.getprevious()
        if previous is None:
            before.insert(0, parent.text or "")
        elif previous.tag not in ("script", "style"):
            before.insert(0, " ".join(previous.itertext()) + (previous.tail or ""))
        node = parent
    return squash(" ".join(before))


def _first_date(values, day_first: bool) -> str | None:
    for value in values:
        day = parse_date(value, day_first)
        if day:
            return day
    return None


def _shown_day(raw: str, day: str, root, metas: dict[str, str], url: str | None, day_first: bool) -> str:
    """The day the page shows for a stamp given in UTC (see the module note)."""
    m = _UTC_STAMP.match(raw or "")
    if not m:
        return day
    utc_day = date.fromisoformat(day)
    minute = int(m.group(2)) * 60 + int(m.group(3))
    # Only a day some time zone can reach: UTC+14 at the most ahead, UTC-12 behind.
    near = {(utc_day + timedelta(days=step)).isoformat() for step, reachable in
            ((1, minute + 14 * 60 >= 24 * 60), (-1, minute < 12 * 60)) if reachable}
    for shown in (url_date(url), _visible_time_day(root, day_first)):
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
        if ancestor.tag in ("aside", "nav", "footer", "blockquote") or names_outside_part(ancestor.get("class")) \
                or _EMBEDDED_POST.search(ancestor.get("class") or ""):
            return False
        if ancestor.tag in ("article", "main") or ancestor.get("itemprop") == "articleBody":
            return True
    return False


def _article_time(root, day_first: bool = False) -> str | None:
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
        marked = (element.get("pubdate") is not None or "publi" in kind) and outside_teasers(element)
        if not (marked or _in_article(element)):
            continue
        if ("updat" in kind or "modif" in kind) and "publi" not in kind:
            continue
        text = squash(" ".join(element.itertext()))
        if parse_date(text, day_first):
            return text
        if element.get("datetime") and parse_date(element.get("datetime")):
            return element.get("datetime")
    return None


# A class that names a date holder: "ArticleHeader_date", "post-date", "entry-dateline", "timestamp".
_DATE_CLASS = re.compile(r"(?:^|[\s_-])(?:date|dateline|timestamp|published)(?:$|[\s_-])", re.IGNORECASE)


def _visible_time_day(root, day_first: bool = False) -> str | None:
    """The day written (for readers) in the article's first <time> or datePublished element,
    or in an element classed as the date (news headers that print "January 19, 2020 / 12:25 PM"
    in a <div>, under a stamp in UTC, as wire services do)."""
    for text in _shown_date_texts(root):
        day = parse_date(text, day_first)
        if day:
            return day
    return None


def _shown_date_texts(root):
    """The text of the article's date elements (see ``_visible_time_day``), in that order."""
    for _element, text in _shown_date_elements(root):
        yield text


def _shown_date_elements(root):
    """``(element, text)`` of the article's date elements (see ``_visible_time_day``), in that order."""
    marked = root.xpath("//*[@itemprop='datePublished']")[:3]
    classed = list(itertools.islice((e for e in root.xpath("//body//*[contains(translate(@class, 'DATEIMSP', 'dateimsp'), 'date')"
                                     " or contains(translate(@class, 'DATEIMSP', 'dateimsp'), 'timestamp')]")
               if _DATE_CLASS.search(e.get("class") or "") and not re.search("updat|modif", e.get("class") or "", re.I)
               and outside_teasers(e)), 3))
    for element in [*marked, *(t for t in _iter_times(root, 200) if _in_article(t)), *classed]:
        yield element, squash(" ".join(element.itertext()))


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
    """The first ``prop`` stamp in schema.org microdata that is not a teaser's or a comment's:
    portals mark up every teaser of their "Latest news" rails with its own datePublished."""
    for element in root.xpath(f"//*[@itemprop='{prop}']")[:50]:  # a walk up each: a hostile page has thousands
        if not outside_teasers(element):
            continue
        value = element.get("content") or element.get("datetime") or squash(" ".join(element.itertext()))
        if value:
            return value
    return None


def _ld_text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value.strip() if isinstance(value, str) and value.strip() else None
