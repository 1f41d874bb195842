"""Markdown notes (``.md``, ``.markdown``) → an HTML page the cleaner reads like any other.

Web clippers (Obsidian Web Clipper, MarkDownload and the like) save an
article as CommonMark with YAML front matter. The body is rendered by
markdown-it-py (CommonMark, plus GitHub-style tables: the parser the
developers' guide names, maintained by the Executable Books project), the
front matter parsed by PyYAML's safe loader, never by hand. The front
matter becomes the page's JSON-LD and <meta> tags, so the cleaner's metadata,
boilerplate and bio steps work on a note exactly as on a saved page; only the
body extraction differs (the whole note is the article: there is no page
chrome around it, see ``cleaning.steps_html.whole_body``).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import logging
import re
from typing import Any

from ..reading import SourceDocument

log = logging.getLogger(__name__)

# Front matter: a first line of three dashes, YAML, then a line of three dashes (or dots).
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
MAX_FRONT_MATTER = 64_000  # characters: a clipper writes a few hundred
_WIKI_LINK = re.compile(r"\[\[([^\[\]\n|#]*)(?:#[^\[\]\n|]*)?(?:\|([^\[\]\n]*))?\]\]")


def markdown_document(source: SourceDocument) -> SourceDocument:
    """``source`` (decoded Markdown) as kind "markdown": an HTML page carrying its front matter."""
    front, body = split_front_matter(source.text, shown=source.name)
    page = note_page(front, render_markdown(body))
    return SourceDocument(path=source.path, text=page, kind="markdown", encoding=source.encoding,
                          source_url=source.source_url, parts=source.parts, resolver=source.resolver)


def split_front_matter(text: str, *, shown: str = "<note>") -> tuple[dict[str, Any], str]:
    """The front matter's mapping (empty when absent or unreadable) and the Markdown after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    raw, body = match.group(1) or "", text[match.end():]
    if len(raw) > MAX_FRONT_MATTER:
        log.warning("%s: front matter over %d characters ignored", shown, MAX_FRONT_MATTER)
        return {}, body
    import yaml

    try:
        data = yaml.load(raw, Loader=_front_matter_loader())  # noqa: S506 (a SafeLoader without aliases)
    except yaml.YAMLError as err:
        problem = str(err).splitlines()[0] if str(err) else type(err).__name__
        log.warning("%s: front matter is not valid YAML (%s); the note is read without it", shown, problem)
        return {}, body
    return (data if isinstance(data, dict) else {}), body


@functools.cache
def _front_matter_loader():
    """PyYAML's SafeLoader refusing aliases: a few lines of nested aliases expand to
    gigabytes ("billion laughs"), and no clipper writes them. Built on first use so
    that importing this module does not import yaml."""
    import yaml

    class FrontMatterLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):  # type: ignore[override]
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError("aliases (*name) are not allowed in front matter")
            return super().compose_node(parent, index)

    return FrontMatterLoader


# ------------------------------------------------------------------ rendering


def render_markdown(body: str) -> str:
    """CommonMark + tables as HTML; Obsidian's ``[[wiki links]]`` as their text."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    parser.inline.ruler.before("link", "wiki_link", _wiki_link_rule)
    env: dict = {}
    tokens = parser.parse(body, env)
    for token in tokens:
        _align_attribute(token)
    return parser.renderer.render(tokens, parser.options, env)


def _align_attribute(token) -> None:
    """A table cell's alignment as the ``align`` attribute: markdown-it writes it as
    ``style="text-align:right"``, and the sanitiser drops every style from the page."""
    style = token.attrGet("style") if token.type in ("th_open", "td_open") else None
    if style and style.startswith("text-align:"):
        token.attrs.pop("style")
        token.attrSet("align", style.split(":", 1)[1].strip())


def _wiki_link_rule(state, silent: bool) -> bool:
    """``[[Note]]`` / ``[[Note|shown text]]`` → the text (the note it links is not in the book);
    ``![[picture.png]]`` → an image reference the resolver may find beside the note."""
    start = state.pos
    embed = state.src.startswith("![[", start)
    if not (embed or state.src.startswith("[[", start)):
        return False
    match = _WIKI_LINK.match(state.src, start + (1 if embed else 0))
    if not match:
        return False
    target, shown = match.group(1).strip(), (match.group(2) or "").strip()
    if not silent:
        if embed:
            token = state.push("html_inline", "", 0)
            token.content = f'<img src="{html.escape(target)}" alt="{html.escape(shown)}">'
        else:
            token = state.push("text", "", 0)
            token.content = shown or target
    state.pos = match.end()
    return True


# ------------------------------------------------------------------ front matter → page metadata


def note_page(front: dict[str, Any], body_html: str) -> str:
    """A whole HTML page: the front matter as JSON-LD and <meta>, the rendered note as its body."""
    title = _scalar(_first(front, "title", "headline"))
    authors = people(_first(front, "author", "authors", "creator", "byline"))
    published = _date(_first(front, "published", "date", "datePublished", "pubDate", "publish_date"))
    updated = _date(_first(front, "updated", "modified", "dateModified", "lastmod"))
    # "created" is when the note was clipped, not when the article came out: never the date.
    source = _scalar(_first(front, "source", "url", "link", "canonical", "original_url"))
    description = _scalar(_first(front, "description", "summary", "excerpt"))
    language = _scalar(_first(front, "lang", "language", "locale"))
    publisher = _scalar(_first(front, "site", "site_name", "publisher", "publication"))
    ld: dict[str, Any] = {"@context": "https://schema.org", "@type": "Article"}
    for key, value in (("headline", title), ("datePublished", published), ("dateModified", updated),
                       ("description", description), ("url", source), ("inLanguage", language)):
        if value:
            ld[key] = value
    if authors:
        ld["author"] = [{"@type": "Person", "name": name} for name in authors]
    if publisher:
        ld["publisher"] = {"@type": "Organization", "name": publisher}
    head = ['<meta charset="utf-8">']
    if title:
        head.append(f"<title>{html.escape(title)}</title>")
    if description:
        head.append(f'<meta name="description" content="{html.escape(description)}">')
    if source and source.startswith(("http://", "https://")):
        head.append(f'<link rel="canonical" href="{html.escape(source)}">')
    # "</" cannot end the script early once escaped; the JSON is read before the page is sanitised.
    head.append('<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
                + "</script>")
    lang = f' lang="{html.escape(language)}"' if language else ""
    return f"<!DOCTYPE html>\n<html{lang}><head>{''.join(head)}</head>\n<body>\n{body_html}</body></html>\n"


def people(value: Any) -> tuple[str, ...]:
    """Author names from a string ("A, B"), a list, or Obsidian ``[[wiki links]]``."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):  # a person's note is named after them: [[Ben Okafor|Ben]] is Ben Okafor
            item = _WIKI_LINK.sub(lambda m: m.group(1).strip(), item)
        text = _scalar(item)
        if not text:
            continue
        for name in re.split(r"\s*(?:;|,|\band\b|&)\s*", text) if not isinstance(value, list) else [text]:
            name = name.strip().strip('"').strip()
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _first(front: dict[str, Any], *keys: str) -> Any:
    folded = {str(k).casefold(): v for k, v in front.items()}
    for key in keys:
        value = folded.get(key.casefold())
        if value not in (None, "", []):
            return value
    return None


def _scalar(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or isinstance(value, (dict, bool)):
        return None
    text = " ".join(str(value).split())
    return _WIKI_LINK.sub(lambda m: (m.group(2) or m.group(1)).strip(), text) or None


def _date(value: Any) -> str | None:
    """YAML reads ``2024-05-01`` as a date and ``2024-05-01T10:00:00Z`` as a datetime; keep ISO text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return _scalar(value)
