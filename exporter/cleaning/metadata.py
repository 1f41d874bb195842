"""Metadata a whole HTML page carries: JSON-LD, <meta>, <time>, lang, <h1>/<title>.

Read before any heuristic: publishers state title, authors and dates for
search engines and social cards, and that is more reliable than guessing from
the visible text.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence

from lxml import etree

from .._dataclass_store import dataclass
from .draft import element_text, loose as _loose, squash
from .headline_byline import headline_byline
from .names import byline_names, is_person_name
from .page_dates import page_dates
from .page_stamps import outside_teasers
from .rules import MetadataRule

log = logging.getLogger(__name__)

_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "opinionnewsarticle",
                  "analysisnewsarticle", "scholarlyarticle", "techarticle", "report", "posting",
                  "socialmediaposting", "liveblogposting", "webpage", "backgroundnewsarticle", "reviewnewsarticle"}
# A title separator followed by a short site name ("Headline | The Daily Planet").
_SITE_SUFFIX = re.compile(r"\s+(?:[|–—·•:»]|-{1,2})\s+[^|–—·•»]{2,60}$")
_MAX_JSONLD = 2_000_000


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    h1s: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    date: str | None = None
    updated: str | None = None
    publisher: str | None = None
    language: str | None = None
    source_url: str | None = None
    description: str | None = None


def read_page_meta(root: etree._Element, stamp_rules: Sequence[MetadataRule] = ()) -> PageMeta:
    """The page's stated metadata; ``stamp_rules``: the metadata rules (they read a labelled date
    stamp, and a byline line by the headline)."""
    ld = _json_ld_article(root)
    metas = _metas(root)

    def meta(*names: str) -> str | None:
        for name in names:
            value = metas.get(name)
            if value:
                return value
        return None

    # The document's own <title>: "//title[1]" also matches each inline SVG icon's first <title>
    # ("Menu", "Chevron", "Facebook"), which news sites set by the dozen after the head's.
    titles = root.xpath("/html/head/title[1]") or root.xpath("(//title[not(ancestor::svg)])[1]")
    doc_title = (element_text(titles[0]) if titles else None) or None
    h1s = tuple(t for t in (squash(" ".join(h.itertext())) for h in root.iter("h1")) if t)[:5]
    social = meta("og:title", "twitter:title", "dc.title", "title", "sailthru.title")
    headline = _text(ld.get("headline")) or _text(ld.get("name"))
    publisher = _ld_name(ld.get("publisher")) or meta("og:site_name", "application-name", "publisher", "dc.publisher")
    subheads = () if h1s else tuple(t for t in map(element_text, root.iter("h2")) if t)[:5]
    title = choose_title(headline, social, doc_title, h1s, site=squash(publisher) if publisher else None,
                         subheads=subheads)

    authors = _ld_authors(ld.get("author")) or _ld_authors(ld.get("creator"))
    if not authors:
        for name in ("author", "article:author", "dc.creator", "sailthru.author", "byl", "parsely-author",
                     "citation_author", "dcterms.creator"):
            value = metas.get(name)
            if value and not value.startswith("http"):
                authors = byline_names(value) or (tuple(n for n in re.split(r"\s*[,;]\s*", value) if is_person_name(n)))
                if authors:
                    break
    visible = _visible_byline(root)
    # Metadata often names only the first of several writers: a visible byline holding
    # every name it gives and more is the fuller list.
    if not authors or (set(authors) < set(visible)):
        authors = visible or authors
    if not authors:
        authors = headline_byline(root, title, stamp_rules)

    if publisher:
        publisher = spelled_out(squash(publisher), root, doc_title)
    else:
        publisher = _site_from_title(doc_title, title, root)
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or meta(
        "content-language", "og:locale", "language", "dc.language") or _text(ld.get("inLanguage"))
    language = _bcp47(lang)
    url = _canonical(root) or meta("og:url") or _text(ld.get("url"))
    date, updated = page_dates(root, ld, metas, url, stamp_rules, language, title)
    description = meta("description", "og:description", "twitter:description") or _text(ld.get("description"))
    return PageMeta(title=title, h1s=h1s, authors=authors, date=date, updated=updated, publisher=squash(publisher) if publisher else None,
                    language=language, source_url=url if url and url.startswith("http") else None,
                    description=squash(description) if description else None)


# Two capitalised words run together ("HeraldSun"): how a logo reads, not always the name.
_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _site_from_title(doc_title: str | None, title: str | None, root: etree._Element) -> str | None:
    """The site's name a <title> ends with after the headline ("Headline – Radelnde Gedanken"), when
    the masthead shows it too (a link home, the theme's site title or logo): a blog with no
    og:site_name names its publisher so (a WordPress blog of the new-user trial had no colophon source)."""
    if not doc_title or not title:
        return None
    m = re.match(re.escape(squash(title)) + _SEPARATOR + r"(?P<site>[^|–—·•»]{2,60})$", squash(doc_title), re.I)
    site = m.group("site").strip() if m else ""
    if not site or len(site.split()) > 6 or any(c.isdigit() for c in site):
        return None
    key = _loose(site)
    for element in _MASTHEAD(root):
        if _loose(squash(" ".join(element.itertext()))) == key:
            return site
    return None


_MASTHEAD = etree.XPath("//a[@href='/' or @rel='home'] | //*[contains(@class, 'site-title') or "
                        "contains(@class, 'site-name') or contains(@class, 'logo') or contains(@class, 'brand')]")


def spelled_out(name: str, root: etree._Element, doc_title: str | None) -> str:
    """A site name glued from a logo's words ("HeraldSun", the Herald Sun's og:site_name)
    as the page itself spells it ("… | Herald Sun" in its <title>, "Subscribe to Herald
    Sun"). Brands that are glued in their own text (TechCrunch, HuffPost) stay glued."""
    if " " in name or not _GLUED_WORDS.search(name):
        return name
    words = _GLUED_WORDS.sub(" ", name).split()
    spaced = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
    for text in (doc_title or "", " ".join(root.xpath("//body//text()"))):
        if spaced.search(text):
            return " ".join(words)
    return name


def choose_title(headline: str | None, social: str | None, doc_title: str | None,
                 h1s: tuple[str, ...], site: str | None = None, subheads: tuple[str, ...] = ()) -> str | None:
    """The headline among the page's candidates.

    An <h1> that the social/document title starts with or contains is the
    headline without the site suffix; otherwise JSON-LD's headline, then the
    social title with a site suffix cut off. ``site``: the publisher's name the page
    states (og:site_name), which is never the headline and is cut from a title's ends;
    ``subheads``: the <h2>s of a page with no <h1>, one of which the title may start with.
    """
    labelled = [_without_site(_without_credit(squash(t)), site) for t in (headline, social, doc_title) if t]
    # Of the <h1>s the labels contain, the longest: a section heading set as the first <h1>
    # ("World News") is contained in "World News: Headline | Site" too. A blog theme's <h1>
    # holding the site's name is no headline, though the <title> ends with it.
    named_site = _loose(site) if site else None
    matching = [h1 for h1 in h1s if len(h1.split()) >= 2 and _loose(h1) != named_site
                and any(_loose(h1) and _loose(h1) in _loose(t) for t in labelled)]
    if matching:
        return max(matching, key=lambda h1: len(h1.split()))
    # A page with no <h1> (themes that set the headline as <h2 class="entry-title">) whose title
    # starts with one of its <h2>s: that heading is the headline, whatever the suffixes after it.
    opening = [h2 for h2 in subheads if len(h2.split()) >= 2 and _loose(h2) != named_site
               and any(_separated_prefix(h2).match(t) for t in labelled)]
    if opening:
        return max(opening, key=lambda h2: len(h2.split()))
    for candidate in labelled:
        if headline and candidate == _without_site(_without_credit(squash(headline)), site):
            return candidate
        cut = _SITE_SUFFIX.sub("", candidate)
        if len(cut.split()) >= 2:
            return cut
    if h1s:
        # A page whose first <h1> is its section or site name ("Politics", "Mondial 2022")
        # sets the headline in a later one.
        return next((h1 for h1 in h1s if len(h1.split()) >= 4), h1s[0])
    return labelled[0] if labelled else None


# A photo credit inside a <title> or social title: "Headline | Photo: Jane Doe/AP | Site",
# "Headline (Foto: dpa)", "Headline - Crédit photo : AFP".
_CREDIT_SEGMENT = re.compile(
    r"\s*(?:[|–—·•»]|-{1,2})\s*(?:photo|photos|foto|fotos|bild|image|picture|crédit(?: photo)?|credit|©)s?\s*:?\s*"
    r"[^|–—·•»]{1,60}?(?=\s*(?:[|–—·•»]|-{1,2})\s|$)"
    r"|\s*[(\[](?:photo|photos|foto|fotos|bild|image|crédit(?: photo)?|credit)s?\s*:[^)\]]{1,60}[)\]]",
    re.IGNORECASE)


_SEPARATOR = r"\s+(?:[|–—·•:»]|-{1,2})\s+"


def _separated_prefix(heading: str) -> re.Pattern:
    """A title that opens with ``heading`` and goes on after a separator (or ends there)."""
    return re.compile(re.escape(heading) + r"(?:" + _SEPARATOR + r"|$)", re.IGNORECASE)


def _without_site(title: str, site: str | None) -> str:
    """``title`` without the publisher's name the page states at either end ("Site: Headline",
    "Headline - Site | Tagline | City"): the one suffix cut below would leave part of a long one."""
    if not site or len(site) < 2:
        return title
    name = re.escape(site)
    cut = re.sub(_SEPARATOR + name + r"(?:" + _SEPARATOR + r".{1,60})?$", "", title, flags=re.IGNORECASE)
    cut = re.sub(r"^" + name + r"\s*(?:[|–—·•:»]|-{1,2})\s+", "", cut, flags=re.IGNORECASE)
    return cut if len(cut.split()) >= 2 else title


def _without_credit(title: str) -> str:
    cut = _CREDIT_SEGMENT.sub("", title).strip()
    return cut if len(cut.split()) >= 2 else title


# How many teasers' microdata <meta>s are passed over before the next is taken as it comes:
# each costs a walk up the tree, and a hostile page may nest thousands of them deep.
_TEASER_METAS_SKIPPED = 50


def _metas(root) -> dict[str, str]:
    out: dict[str, str] = {}
    skipped = 0
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        value = element.get("content")
        if not (key and value and value.strip()) or key in out:
            continue
        if element.get("itemprop") and skipped < _TEASER_METAS_SKIPPED and not outside_teasers(element):
            skipped += 1
            continue  # a teaser's microdata (portals' "Latest news" rails) describes the teaser
        out[key] = value.strip()
    return out


def _json_ld_article(root) -> dict:
    """The first JSON-LD object whose @type is an article kind (looking into @graph and lists)."""
    found: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # some CMSs leave control characters or a trailing semicolon in the block
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw).rstrip(";"))
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                    found.append(item)
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                if isinstance(item.get("mainEntity"), (dict, list)):
                    stack.append(item["mainEntity"])
    # Prefer a real article type over a WebPage wrapper.
    found.sort(key=lambda item: str(item.get("@type")).lower() in ("webpage", "['webpage']"))
    if not found:
        return {}
    article = found[0]
    # SEO plugins' graphs (WordPress's Yoast) may state the dates on the WebPage node only:
    # the article's page is the same page, so its dates stand for the article's.
    missing = [key for key in ("datePublished", "dateModified") if not article.get(key)]
    pages = [item for item in found[1:] if str(item.get("@type")).lower() in ("webpage", "['webpage']")]
    if missing and pages:
        article = {**article, **{key: pages[0][key] for key in missing if pages[0].get(key)}}
    return article


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return squash(str(value)) if isinstance(value, (str, int, float)) and str(value).strip() else None


def _ld_name(value) -> str | None:
    return _text(value)


def _ld_authors(value) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            kind = str(item.get("@type", "person")).lower()
            if "organization" in kind:
                continue
            raw = item.get("name")
        else:
            raw = item
        if isinstance(raw, list):
            raw = ", ".join(str(r) for r in raw)
        if isinstance(raw, str) and raw.strip() and not raw.strip().startswith("http"):
            for name in byline_names(raw):
                if name not in names:
                    names.append(name)
    return tuple(names)


# Byline containers: rel/itemprop author, or "byline"/"author-name" in the class, id or test id
# (React news templates name them only in data-testid: <div data-testid="prism-byline">).
# One pass over the page, in document order (a union of three passes finds the same elements,
# a third slower); the class's words are split out only where 'byline' is in it at all.
_BYLINE_XPATH = ("//*[@rel='author' or @itemprop='author'"
                 " or contains(@class, 'byline') and (contains(concat(' ', normalize-space(@class), ' '), ' byline')"
                 " or contains(@class, 'byline__name'))"
                 " or contains(@class, 'author-name') or contains(@class, 'authorName')"
                 " or contains(@class, 'author_name') or contains(@id, 'byline') or contains(@data-testid, 'byline')]")


def _visible_byline(root) -> tuple[str, ...]:
    """Names in a visible byline element (rel=author, itemprop=author, class byline/author-name)."""
    try:
        elements = root.xpath(_BYLINE_XPATH)
    except etree.XPathError:
        return ()
    for index, element in enumerate(elements[:10]):
        text = squash(" ".join(element.itertext()))
        if not text or len(text) > 150:
            continue
        names = byline_names(text)
        if names:
            # Co-authors as sibling links marked up alike in one byline (<a rel="author">A</a>,
            # <a rel="author">B</a>); a column label beside the byline is marked up otherwise.
            parent = element.getparent()
            for other in elements[index + 1:10]:
                same_markup = all(other.get(a) == element.get(a) for a in ("class", "rel", "itemprop"))
                if parent is not None and other.getparent() is parent and other.tag == element.tag and same_markup:
                    names += tuple(n for n in byline_names(squash(" ".join(other.itertext()))) if n not in names)
            return names
    return ()


def _canonical(root) -> str | None:
    for element in root.iter("link"):
        if (element.get("rel") or "").lower() == "canonical" and element.get("href"):
            return element.get("href").strip()
    return None


def _bcp47(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?\b", value)
    if not m:
        return None
    tag = m.group(1).lower()
    return f"{tag}-{m.group(2).upper()}" if m.group(2) else tag
