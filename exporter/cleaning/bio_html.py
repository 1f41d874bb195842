"""Bio candidates on a whole HTML page: author boxes, announced sections, text after the body, JSON-LD.

The main-text extractor keeps the story and cuts author boxes away (they sit
in asides, footers and sidebars), so this looks at the sanitised page itself:
elements whose class or id names an author box, a short heading announcing
the author ("Über den Autor", "About the author") and what follows it, the few
text elements right after the body's last paragraph, and (from the raw page,
before sanitising drops <script>) the schema.org author's ``description``.
"""

from __future__ import annotations

import json
import re

from lxml import etree

from .. import _re_store  # re.compile, from the code an earlier run stored
from .bio_evidence import Candidate
from .bio_rules import BioLexicon
from .draft import loose, short_text, squash
from .names import is_person_name, tidy_name

BLOCK_TAGS = frozenset({"p", "div", "section", "article", "aside", "header", "footer", "ul", "ol", "li", "dl", "dt",
                        "dd", "table", "tr", "td", "th", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
                        "figcaption", "address", "br", "hr", "main", "nav"})
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that may hold an announcing heading (themes set it in <strong> or a <div>, not only <h3>).
_HEADING_LIKE = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "div", "span", "dt", "header", "em")
_SHORT_TEXTS = etree.XPath("//text()[string-length(.) < 140][normalize-space(.) != '']", smart_strings=False)
_WITH_TEXT = etree.XPath("//*[text() = $t]")
# A box holding more than this is a container (a sidebar, the whole article), not an author box.
MAX_BOX_CHARS = 2500
# How many text pieces after the body's last paragraph may hold a signature bio.
AFTER_BODY_PIECES = 3
# Furniture lines inside an author box: contact and profile links, not the bio.
_FURNITURE = _re_store.compile(r"^(?:e-?mail|twitter|facebook|instagram|linkedin|x|mastodon|website|homepage|rss|pgp)\b"
                        r"|@\w|https?://|www\.|\S+@\S+\.\w+", re.IGNORECASE)
_MAX_JSONLD = 2_000_000
# Inline pieces are joined with a space; a stop right after a link ("... <a>training</a>.") is glued back.
_GLUED_STOP = _re_store.compile(r" (?=[.,;:!?)](?:\s|$))")


class LinksPiece(str):
    """A piece that is a block of short links only (an author box's profile and follow links)."""


def text_pieces(element) -> list[str]:
    """The element's text cut at block boundaries (a <p>, <div>, <br> starts a new piece)."""
    pieces: list[str] = []
    current: list[str] = []

    def flush():
        text = _GLUED_STOP.sub("", squash(" ".join(current)))
        if text:
            pieces.append(text)
        current.clear()

    def walk(node, depth=0):
        if not isinstance(node.tag, str):
            if node.tail:
                current.append(node.tail)
            return
        block = node.tag in BLOCK_TAGS
        if block:
            flush()
            if _links_only(node):  # the box's profile and follow links ("Voir tous ses articles · Le suivre sur X")
                text = _GLUED_STOP.sub("", squash(" ".join(node.itertext())))
                if text:
                    pieces.append(LinksPiece(text))
                if node.tail:
                    current.append(node.tail)
                return
        if node.text:
            current.append(node.text)
        if depth < 60:
            for child in node:
                walk(child, depth + 1)
        if block:
            flush()
        if node.tail:
            current.append(node.tail)

    tail, element.tail = element.tail, None
    try:
        walk(element)
    finally:
        element.tail = tail
    flush()
    return pieces


# A link's text that is a profile or follow link's ("Voir tous ses articles", "Folgen Sie ihr auf X"),
# not a bio set inside a link (some themes link the whole card).
_LINK_WORDS = 5
_ONLY_PUNCTUATION = _re_store.compile(r"^[\W_]*$")


def _links_only(node) -> bool:
    """A block whose text is all short links with separators between ("<p><a>Voir tous ses articles</a> ·
    <a>Le suivre sur X</a></p>"): an author box's furniture, whatever language its words are in."""
    # Only a block with no block inside it (its direct children tell, cheaply: this runs on every block
    # of every box, so a container is never walked here) and a link among its children.
    if not len(node) or any(child.tag in BLOCK_TAGS for child in node):
        return False
    links = list(node.iter("a"))
    if not links:
        return False
    texts = [squash(" ".join(a.itertext())) for a in links]
    if any(len(text.split()) > _LINK_WORDS for text in texts):
        return False  # a bio inside a link (a name's link alone is still read as the box's label)
    rest = squash(" ".join(node.itertext()))
    for text in texts:
        rest = rest.replace(text, " ", 1)
    return bool(_ONLY_PUNCTUATION.match(rest))


def describe(pieces: list[str], lex: BioLexicon) -> tuple[str, str | None, bool]:
    """A box's (description, name label, announced?): name lines, headings and links set apart."""
    label, announced, kept = None, False, []
    links_from = len(pieces)
    while links_from and isinstance(pieces[links_from - 1], LinksPiece):
        links_from -= 1
    for index, piece in enumerate(pieces):
        heading = heading_match(piece, lex)
        if heading is not None:
            announced = True
            label = label or heading
            continue
        if len(piece) <= 60 and is_person_name(piece.rstrip(":")):
            label = label or tidy_name(piece.rstrip(":"))
            continue
        if _FURNITURE.search(piece) and len(piece.split()) <= 8:
            continue
        if index >= links_from and kept:
            continue  # the profile and follow links closing the box, in any language
        if len(piece.split()) <= 3 and not lex.role.search(piece):
            continue  # "Alle Artikel", "Follow", "Mehr"
        if piece not in kept:
            kept.append(piece)
    return " ".join(kept), label, announced


def heading_match(text: str, lex: BioLexicon) -> str | None:
    """"" when ``text`` announces the author box, the named person when it names one, else None."""
    if len(text) > 70 or not lex.heading.match(text):
        return None
    for pattern in lex.headings:
        m = pattern.match(text)
        if not m:
            continue
        name = m.groupdict().get("name")
        if name is None:
            return ""
        if is_person_name(name):
            return tidy_name(name)
    return None


def without_heading(text: str, lex: BioLexicon, most_words: int = 6) -> str:
    """The bio without the box's heading that a scrape ran into it ("Über die Autorin Katrin Müller
    ist …", "About the author Jane Roe is …"): the heading is the bio page's own, not the bio's."""
    words = text.split()
    for count in range(1, min(most_words, len(words) - 1) + 1):
        rest = " ".join(words[count:])
        if rest[:1].isupper() and heading_match(" ".join(words[:count]), lex) is not None:
            return rest
    return text


def _box_names(value: str, lex: BioLexicon) -> bool:
    """A class or id attribute naming an author box (each token tested whole: ^ and $ per line)."""
    return bool(lex.box.search("\n".join(value.lower().split())))


def _doc_order(element) -> int:
    """Document order without walking the tree: the parser's line number."""
    return element.sourceline or 0


def _is_comment(element) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return "comment" in names


def box_candidates(root, lex: BioLexicon) -> list[Candidate]:
    """The innermost author boxes with a description (their name taken from the box around them)."""
    # The attribute values are read as plain strings in C and tested first; element proxies are
    # made only for the few values that name a box (a page has thousands of classed elements).
    values = _NAME_VALUES(root)
    if not lex.box.search("\n".join(" ".join(values).lower().split())):
        values = []  # one search over all the page's names: most pages have no author box
    values = {v for v in values if _box_names(v, lex)}
    boxes = [el for value in sorted(values) for el in _WITH_NAME(root, v=value)]
    boxes += [el for el in _REL_AUTHOR(root) if el not in boxes]
    boxes = sorted({el: None for el in boxes if not _is_comment(el)}, key=_doc_order)
    marked = set(boxes)
    found: dict = {}
    for box in boxes:
        if short_text(box, MAX_BOX_CHARS * 2) is None:
            continue  # a container (the article, a sidebar) whose class mentions the author
        description, label, announced = describe(text_pieces(box), lex)
        if description:
            found[box] = (description, label, announced)
    inner: dict = {}
    for box in found:
        for ancestor in box.iterancestors():
            if ancestor in found:
                inner.setdefault(ancestor, []).append(box)
    dropped = set()
    for outer, boxes_inside in inner.items():
        if len({found[b][0] for b in boxes_inside}) >= 2:
            dropped.add(outer)  # a wrapper around several authors' boxes: each speaks for itself
        else:  # one box inside (a name line or profile link, or the same text): the outer one is the box
            dropped.update(b for b in boxes_inside if loose(found[b][0]) in loose(found[outer][0]))
    out = []
    for box, (description, label, announced) in found.items():
        if box in dropped:
            continue
        if label is None:
            label = _label_around(box, marked, lex)
        out.append(Candidate(text=description, place="box", box=True, heading=announced, label=label,
                             order=_doc_order(box)))
    return out


_NAME_VALUES = etree.XPath("//@class | //@id", smart_strings=False)
_WITH_NAME = etree.XPath("//*[@class = $v or @id = $v]")
_REL_AUTHOR = etree.XPath("//a[@rel = 'author']")


def _label_around(box, marked: set, lex: BioLexicon) -> str | None:
    """The author's name in the box that wraps this description (two levels up at most)."""
    parent = box.getparent()
    for _ in range(2):
        if parent is None:
            return None
        if parent in marked or len(parent) <= 6:
            _, label, _ = describe(text_pieces(parent), lex)
            if label:
                return label
        parent = parent.getparent()
    return None


def heading_candidates(root, lex: BioLexicon) -> list[Candidate]:
    """What follows a short heading that announces the author ("Über den Autor", "About Jane Doe")."""
    out = []
    # A heading is one short text node ("Über den Autor", "About Jane Doe"): the page's short
    # texts are read as plain strings in C and tested; elements are looked up for the matches only.
    texts = _SHORT_TEXTS(root)
    if not lex.heading_lines.search("\n".join(" ".join(t.split()) for t in texts)):
        return []  # one search over all short texts: most pages announce no author
    announcing = {t for t in texts if lex.heading.match(squash(t))}
    headings = [el for text in sorted(announcing) for el in _WITH_TEXT(root, t=text)]
    for element in sorted({el: None for el in headings}, key=_doc_order):
        label = heading_match(squash(element.text or ""), lex)
        if label is None or element.tag not in _HEADING_LIKE:
            continue
        index = _doc_order(element)
        pieces: list[str] = []
        node = element
        while node is not None and not pieces:
            for sibling in node.itersiblings():
                if not isinstance(sibling.tag, str):
                    continue
                if sibling.tag in HEADING_TAGS and pieces:
                    break
                pieces.extend(text_pieces(sibling))
                if sum(len(p.split()) for p in pieces) > 120:
                    break
            node = node.getparent() if not pieces else None
            if node is not None and node.tag in ("body", "html"):
                break
        description, name, _ = describe(pieces, lex)
        if description:
            out.append(Candidate(text=description, place="heading", heading=True, label=label or name,
                                 order=index))
    return out


def after_body_candidates(root, last_paragraph: str | None) -> list[Candidate]:
    """The few text pieces right after the body's last paragraph, up to the next heading.

    Signature lines and "the author is ..." notes sit just outside the article
    element, so extractors drop them; related stories and comments begin with
    a heading.
    """
    if not last_paragraph:
        return []
    anchor = find_paragraph(root, last_paragraph)
    if anchor is None:
        return []
    out: list[Candidate] = []
    for index, element in enumerate(anchor.xpath("following::*")):
        if element.tag in HEADING_TAGS:
            break
        if element.tag not in ("p", "div", "span", "section", "aside", "em", "i", "small") or any(
                isinstance(child.tag, str) and child.tag in BLOCK_TAGS for child in element):
            continue
        text = squash(" ".join(element.itertext()))
        if text:
            out.append(Candidate(text=text, place="after_body", order=100_000 + index))
        if len(out) >= AFTER_BODY_PIECES:
            break
    return out


def find_paragraph(root, text: str):
    """The last leaf-ish element whose text starts like ``text``."""
    probe = text[:60]
    head = probe.split(" ", 1)[0]
    anchor = None
    for element in root.iter("p", "div", "blockquote", "li", "section"):
        lead = squash(element.text or "")
        if lead and not (lead.startswith(head) or head.startswith(lead)):
            continue  # cheap reject before joining the element's text (pages have thousands of these)
        if element.tag != "p" and any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element):
            continue
        if squash(" ".join(element.itertext())).startswith(probe):
            anchor = element
    return anchor


def structured_descriptions(raw_root) -> tuple[tuple[str, str], ...]:
    """(author name, description) of each schema.org Person an article's JSON-LD names as its author."""
    found: list[tuple[str, str]] = []
    for script in raw_root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        if not raw or len(raw) > _MAX_JSONLD or "description" not in raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack, people = [data], []
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                types = item.get("@type")
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and t.lower() == "person" for t in types):
                    people.append(item)
                for key in ("@graph", "author", "creator", "mainEntity"):
                    if isinstance(item.get(key), (dict, list)):
                        stack.append(item[key])
        for person in people:
            name, text = person.get("name"), person.get("description")
            if isinstance(name, str) and isinstance(text, str) and squash(text):
                pair = (squash(name), squash(text))
                if pair not in found:
                    found.append(pair)
    return tuple(found)
