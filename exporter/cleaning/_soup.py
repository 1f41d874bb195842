"""Adapter for BeautifulSoup 4 (built with the lxml parser) and its CSS selector engine, soupsieve.

The rules' drop selectors are matched by soupsieve in a BeautifulSoup tree of
the sanitised page; the extractor (trafilatura) and the block converter read
an lxml tree, and this module is the one boundary between the two.

Quirks held here (bs4 4.15, soupsieve 4.1 as installed):
- ``BeautifulSoup(markup, "lxml")`` feeds lxml's HTML parser (libxml2) through
  Python callbacks, so it inherits libxml2's depth bound (256 levels without
  ``huge_tree``, which bs4 never sets); it is only ever given the sanitiser's
  output. Its stock ``start`` callback does namespace book-keeping per tag that
  an HTML parse never needs (libxml2's HTML parser reports no namespaces):
  `_HtmlBuilder` skips it. ``class`` is kept as one string
  (``multi_valued_attributes=None``): soupsieve splits it itself. Together
  they take about a sixth off the parse (8.0 → 6.5 ms median on the corpus).
- soupsieve is pure Python and tests every element against every selector
  (18 ms a page for the four shipped rules). `select_each` asks it only about
  candidates: elements that have what the selector's rightmost compound needs
  (its tag, id, first class, or an attribute whose value passes soupsieve's
  own compiled pattern), indexed as the parse goes (1.2 ms a page); soupsieve's
  ``filter`` (one matcher for the whole page, as ``select`` makes) has the
  last word on every element. A selector whose parsed form this does not
  know gets soupsieve's ``select`` over the whole tree.
- First-in-process cost: importing bs4 and soupsieve takes ~75 ms, and soupsieve's
  first ``compile`` another ~150 ms: its tokenizer's patterns are case-insensitive
  over the whole Unicode range, which Python's ``re`` compiles slowly (15-20 ms
  each). Later compiles take under 1 ms; `compile_css` keeps the rules' patterns,
  in the process and, through `_selector_cache`, across runs (reading them back
  takes under 1 ms and leaves the tokenizer's patterns uncompiled).
- Back to lxml: both trees come from libxml2 reading the same string, so their
  elements line up one for one in document order; `lxml_twins` checks that
  they do (tag by tag); when they do not, `lxml_from_soup` builds the lxml tree
  from the soup itself (BeautifulSoup keeps a blank run between tags as one
  space or newline, so only blank text differs from lxml's own parse).
"""

from __future__ import annotations

import gc
import re
import warnings
from contextlib import contextmanager
from functools import lru_cache
from typing import Sequence

from lxml import etree

from . import _selector_cache

FEATURES = "lxml"


@lru_cache(maxsize=1)
def _builder_class():
    from bs4.builder._lxml import LXMLTreeBuilder

    class _HtmlBuilder(LXMLTreeBuilder):
        """bs4's lxml HTML builder without the per-tag namespace work (HTML has none),
        noting the tags in the order they open (document order) as it goes."""

        def initialize_soup(self, soup):
            super().initialize_soup(soup)
            self.tags_in_order = []

        def start(self, tag, attrib, nsmap=None):
            made = self.soup.handle_starttag(tag, None, None, dict(attrib),
                                             namespaces=self.active_namespace_prefixes[-1])
            if made is not None:
                self.tags_in_order.append(made)

        def end(self, tag):
            self.soup.endData()
            self.soup.handle_endtag(tag, None)

    return _HtmlBuilder


def parse_soup(markup: str):
    """A BeautifulSoup tree of ``markup`` built with the lxml parser (``class`` as one string)."""
    return parse_indexed(markup)[0]


def parse_indexed(markup: str):
    """`parse_soup`, with the soup's `_Index` (made from what the parse saw: no second walk)."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    builder = _builder_class()(multi_valued_attributes=None)
    with warnings.catch_warnings(), _no_cyclic_gc():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(markup, FEATURES, builder=builder)
        return soup, _Index(builder.tags_in_order)


@contextmanager
def _no_cyclic_gc():
    """Python's cycle collector paused while the soup is built: a parse makes thousands of
    container objects and no garbage, yet each 700 allocations start a collection, and
    the older generations, which hold the whole process, are walked again and again
    (a third of the parse's time on the corpus: 14.5 → 10.7 ms median). The collector's
    state is put back as it was (a caller that turned it off keeps it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Compiled:
    """This process's patterns: those read from the selector cache (`_selector_cache`, read
    on the first compile), and those it used, to be stored when one had to be compiled."""

    stored: dict[str, object] | None = None
    used: dict[str, object] = {}
    unsaved = False


@lru_cache(maxsize=256)
def compile_css(selector: str):
    """A compiled soupsieve pattern; ValueError when ``selector`` is not valid CSS."""
    if _Compiled.stored is None:
        _Compiled.stored = _selector_cache.read()
    pattern = _Compiled.stored.get(selector)
    if pattern is None:
        import soupsieve

        try:
            pattern = soupsieve.compile(selector)
        except soupsieve.SelectorSyntaxError as err:
            raise ValueError(str(err).splitlines()[0]) from None
        _Compiled.unsaved = True
    _Compiled.used[selector] = pattern
    return pattern


def store_compiled() -> None:
    """Keep the patterns used so far for the next process, if one had to be compiled."""
    if _Compiled.unsaved:
        # Those stored before are kept too: runs with other rules files (a user's, the shipped
        # ones alone) would otherwise evict each other's and compile again each time.
        _selector_cache.write({**(_Compiled.stored or {}), **_Compiled.used})
        _Compiled.unsaved = False


def forget_compiled() -> None:
    """As a fresh process: nothing read from the selector cache, nothing compiled."""
    compile_css.cache_clear()
    _needs.cache_clear()
    _Compiled.stored, _Compiled.used, _Compiled.unsaved = None, {}, False


# ------------------------------------------------------------ matching


class _Index:
    """The soup's elements in document order, by tag name and by attribute name."""

    def __init__(self, order: list) -> None:
        self.order = order
        self.by_tag: dict[str, list] = {}
        self.by_attribute: dict[str, list] = {}
        for node in order:
            self.by_tag.setdefault(node.name, []).append(node)
            for name in node.attrs:
                self.by_attribute.setdefault(name, []).append(node)
        self.position = {id(tag): index for index, tag in enumerate(self.order)}
        self._value_cache: dict[tuple[str, bool], list] = {}
        self._token_cache: dict[str, dict[str, list]] = {}

    def candidates(self, need) -> list:
        kind, name, pattern, ignore_case = need
        if kind == "tag":
            return self.by_tag.get(name, [])
        if kind in ("id", "class"):
            return self._tokens(name).get(pattern, [])
        if pattern is None:
            return self.by_attribute.get(name, [])
        # The value test soupsieve itself makes (css_match.match_attributes).
        values = self._values(name, ignore_case)
        return [tag for value, tag in values if pattern.search(value)]

    def _values(self, name: str, lowered: bool) -> list[tuple[str, object]]:
        key = (name, lowered)
        if key not in self._value_cache:
            self._value_cache[key] = [(_ascii_lower(str(tag.attrs[name])) if lowered else str(tag.attrs[name]), tag)
                                      for tag in self.by_attribute.get(name, [])]
        return self._value_cache[key]

    def _tokens(self, name: str) -> dict[str, list]:
        """Elements by each (lower-cased) word of their ``id`` or ``class``: read once per page."""
        if name not in self._token_cache:
            tokens: dict[str, list] = {}
            for value, tag in self._values(name, False):
                words = _CLASS_SPACE.split(value.lower()) if name == "class" else (value.lower(),)
                for word in dict.fromkeys(words):
                    tokens.setdefault(word, []).append(tag)
            self._token_cache[name] = tokens
        return self._token_cache[name]


# soupsieve splits class on CSS white space only, and lowers case the ASCII way.
_CLASS_SPACE = re.compile(r"[ \t\r\n\f]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _ascii_lower(text: str) -> str:
    return text.translate(_ASCII_LOWER)


@lru_cache(maxsize=256)
def _needs(selector: str):
    """For each comma part of ``selector``, one thing its rightmost compound requires of an
    element (a superset test: case is ignored where soupsieve might); None when some part
    requires nothing this index can look up (``*``, ``:not(...)`` alone, namespaces)."""
    from soupsieve import css_types

    pattern = compile_css(selector)
    try:
        parts = pattern.selectors
        if parts.is_not:
            return None
        needs = []
        for part in parts.selectors:
            if not isinstance(part, css_types.Selector):
                return None
            need = _need(part)
            if need is None:
                return None
            needs.append(need)
        return tuple(needs)
    except AttributeError:  # a soupsieve whose parsed form we do not know: no shortcut
        return None


def _need(part):
    if part.ids:
        return ("id", "id", part.ids[0].lower(), False)
    if part.classes:
        return ("class", "class", part.classes[0].lower(), False)
    plain = [a for a in part.attributes if not a.inverse and not a.prefix]
    for a in plain:
        if a.pattern is not None and a.xml_type_pattern is None:
            return ("value", a.attribute.lower(), a.pattern, a.ignore_case)
    if part.tag is not None and part.tag.prefix is None and part.tag.name not in ("*", ""):
        return ("tag", part.tag.name.lower(), None, False)
    if plain:
        return ("value", plain[0].attribute.lower(), None, False)
    return None


def index_soup(soup) -> _Index:
    """The soup's elements in document order, and looked up by tag and attribute name (one pass)."""
    from bs4 import Tag

    return _Index([node for node in soup.descendants if isinstance(node, Tag)])


def select_each(index: _Index, soup, selectors: Sequence[str]) -> list[list]:
    """For each selector, the soup's elements it matches, in document order (soupsieve decides)."""
    found = []
    for selector in selectors:
        pattern, needs = compile_css(selector), _needs(selector)
        if needs is None:
            found.append(pattern.select(soup))
            continue
        candidates = {id(tag): tag for need in needs for tag in index.candidates(need)}
        ordered = sorted(candidates.values(), key=lambda tag: index.position[id(tag)])
        found.append(pattern.filter(ordered))  # one matcher for the page, as select() makes
    store_compiled()
    return found


# ------------------------------------------------------------ back to lxml


def lxml_twins(index: _Index, root: etree._Element) -> dict[int, etree._Element] | None:
    """``id(tag)`` → the element of ``root`` standing where the soup's tag stands;
    None when the two trees do not line up tag for tag."""
    elements = list(root.iter(etree.Element))
    if [e.tag for e in elements] != [t.name for t in index.order]:
        return None
    return _Twins(index.position, elements)


class _Twins(dict):
    """``id(tag)`` → lxml element, looked up by document position when asked (no dict of every tag)."""

    def __init__(self, position: dict[int, int], elements: list) -> None:
        super().__init__()
        self._position, self._elements = position, elements

    def __missing__(self, key: int) -> etree._Element:
        return self._elements[self._position[key]]


def lxml_from_soup(index: _Index) -> tuple[etree._Element, dict[int, etree._Element]]:
    """An lxml.html tree built from the soup itself, with its twins (the slow, sure way
    back, for when `lxml_twins` finds the trees apart). Iterative: no recursion limit."""
    from bs4 import Comment, NavigableString
    from lxml import html as lxml_html

    make = lxml_html.HTMLParser().makeelement
    twins: dict[int, etree._Element] = {}
    root = None
    for tag in index.order:
        parent = twins.get(id(tag.parent))
        element = make(tag.name) if parent is None else etree.SubElement(parent, tag.name)
        for name, value in tag.attrs.items():
            try:
                element.set(name, value if isinstance(value, str) else " ".join(value))
            except ValueError:  # a name libxml2's HTML parser lets through but lxml will not set
                continue
        if root is None:
            root = element
        twins[id(tag)] = element
    for tag in index.order:  # text: a string goes to its element's text, or to the tail of the element before it
        element = twins[id(tag)]
        previous = None
        for child in tag.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if previous is None:
                    element.text = (element.text or "") + str(child)
                else:
                    previous.tail = (previous.tail or "") + str(child)
            else:
                previous = twins[id(child)]
    if root is None:
        root = make("html", {})
    return root, twins
