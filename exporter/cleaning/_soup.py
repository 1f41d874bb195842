"""Adapter for BeautifulSoup 4 (built with the lxml parser) and its CSS selector engine, soupsieve.

The rules' drop selectors are matched by soupsieve in a BeautifulSoup tree of
the sanitised page; the extractor (trafilatura) and the block converter read
an lxml tree, and this module is the one boundary between the two.

Quirks held here (bs4 4.15, soupsieve 4.1 as installed):
- One parse: ``BeautifulSoup(markup, "lxml")`` would tokenise the page again
  (libxml2, through Python callbacks) and build its tree through per-node
  bookkeeping (``handle_starttag``, ``endData``, ``object_was_parsed``): 9.3 ms
  median a corpus page, against 0.5 ms for lxml's own parse of the same string.
  `soup_of_tree` hands bs4's lxml builder the tree lxml already parsed;
  `_build` walks it once (iteratively: libxml2's 256-level bound holds, as the
  tree is the sanitiser's output) and makes the nodes, links and soup state
  bs4's parse makes: 2.5 ms. A test compares every field of every node, links
  included, with ``BeautifulSoup(markup, "lxml")`` on sanitised corpus pages and
  odd markup. Only that shape is promised: one root element with comments and
  processing instructions beside it (no doctype, no text after the root). The rules to match (bs4's own): a blank run between tags becomes one
  newline or space, except inside <pre> and <textarea>; strings inside <rt>,
  <rp> (and <script>, <style>, <template>) get bs4's special string classes; a
  <meta> charset gets bs4's substitution. ``class`` is kept as one string
  (``multi_valued_attributes=None``): soupsieve splits it itself. Each tag is
  made from one element, which `_Index.element_of` gives back: nothing has to
  line the two trees up afterwards.
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
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Sequence

from lxml import etree

from . import _selector_cache

FEATURES = "lxml"


@lru_cache(maxsize=1)
def _builder_class():
    from bs4.builder._lxml import LXMLTreeBuilder

    class _TreeWalkingBuilder(LXMLTreeBuilder):
        """bs4's lxml HTML builder, handed the tree lxml already parsed: it walks that tree
        instead of tokenising the markup a second time (`_build`)."""

        def __init__(self, root: etree._Element, **kwargs) -> None:
            super().__init__(**kwargs)
            self.root = root

        def feed(self, markup) -> None:
            self.nodes, self.tags_in_order, self.elements_in_order = _build(self.soup, self, self.root)

    return _TreeWalkingBuilder


def soup_of_tree(root: etree._Element | None):
    """A BeautifulSoup tree of the lxml tree ``root`` (as bs4's lxml builder would build it
    from the markup lxml parsed), and its `_Index`: the soup's tags with ``root``'s
    elements beside them, both in document order."""
    from bs4 import BeautifulSoup

    builder = _builder_class()(root, multi_valued_attributes=None)
    soup = BeautifulSoup("", FEATURES, builder=builder)
    return soup, _Index(builder.tags_in_order, builder.elements_in_order, builder.nodes)


def _build(soup, builder, root: etree._Element) -> tuple[list, list, list]:
    """Fill ``soup`` with ``root``'s nodes: the Tag and NavigableString objects, links and
    soup state that bs4's own parse makes (bs4's `handle_starttag`, `endData` and
    `object_was_parsed`, without their per-node bookkeeping), in one iterative walk.
    Gives back every node made, the tags, and the element each tag was made from."""
    from bs4 import Comment, NavigableString
    from bs4.element import ProcessingInstruction, Tag

    namespaces = builder.active_namespace_prefixes[-1]
    preserve, containers = builder.preserve_whitespace_tags, builder.string_containers
    spaces = soup.ASCII_SPACES
    new_tag, new_string = Tag.__new__, str.__new__
    templates: dict[str, dict] = {}  # tag name -> the fields bs4's Tag() sets for it, links aside
    nodes, tags, elements = [], [], []
    open_tags, kinds = [soup], [NavigableString]  # kinds: the string class inside each open tag
    preserving = 0  # open <pre>/<textarea>: white space kept as written
    last = None  # the node made last (bs4's _most_recent_element)

    def attach(node, fields: dict) -> None:
        """``node`` (with ``fields``) as the open tag's last child, made after ``last``."""
        nonlocal last
        parent = open_tags[-1]
        siblings = parent.contents
        previous = siblings[-1] if siblings else None
        fields["parent"], fields["previous_element"], fields["previous_sibling"] = parent, last, previous
        node.__dict__ = fields
        if last is not None:
            last.next_element = node
        if previous is not None:
            previous.next_sibling = node
        siblings.append(node)
        nodes.append(node)
        last = node

    def add_string(text: str, kind) -> None:
        if not preserving and not text.strip(spaces):
            text = "\n" if "\n" in text else " "  # bs4 keeps a blank run as one newline or space
        attach(new_string(kind, text), {"hidden": False, "parent": None, "previous_element": None,
                                        "next_element": None, "next_sibling": None, "previous_sibling": None})

    for event, element in _document_order(root):
        if event == "start":
            name = element.tag
            template = templates.get(name)
            if template is None:
                template = templates[name] = Tag(soup, builder, name, None, None, None, namespaces=namespaces).__dict__
            fields = template.copy()
            fields["attrs"] = type(template["attrs"])(element.items())  # the attribute dict class bs4's Tag() uses
            fields["contents"] = []
            if name in containers:
                fields["interesting_string_types"] = {containers[name]}
            tag = new_tag(Tag)
            attach(tag, fields)
            if name == "meta":
                builder.set_up_substitutions(tag)  # as Tag() does: a <meta> charset follows the output encoding
            open_tags.append(tag)
            tags.append(tag)
            elements.append(element)
            if name in preserve:
                preserving += 1
            kinds.append(containers.get(name, kinds[-1]))
            if element.text:
                add_string(element.text, kinds[-1])
            continue
        if event == "end":
            if open_tags.pop().name in preserve:
                preserving -= 1
            kinds.pop()
        elif event == "comment":
            add_string(element.text or "", Comment)
        else:
            add_string(f"{element.target} {element.text or ''}", ProcessingInstruction)
        if element.tail and len(open_tags) > 1:
            add_string(element.tail, kinds[-1])
    soup._most_recent_element = last
    soup.open_tag_counter.update(dict.fromkeys(templates, 0))  # every tag opened and closed again
    return nodes, tags, elements


def _document_order(root: etree._Element | None):
    """lxml's walk of the whole document: ``root``'s subtree, and the comments and processing
    instructions beside it (an XML declaration parsed as HTML is one: bs4 keeps it too).

    Built for the sanitiser's output: one root element, no doctype, no text after the
    root. Markup lxml parses into more (a second <html> for text after ``</html>``) is
    refused rather than built unlike bs4's parse of it."""
    if root is None:
        return
    for top in (*reversed(list(root.itersiblings(preceding=True))), root, *root.itersiblings()):
        if top is root:
            yield from etree.iterwalk(root, events=("start", "end", "comment", "pi"))
        elif top.tag is etree.Comment:
            yield "comment", top
        elif top.tag is etree.PI:
            yield "pi", top
        else:
            raise ValueError(f"a <{top.tag}> beside the root <{root.tag}>: not a tree this builds as bs4 would")


@contextmanager
def page_soup(root: etree._Element):
    """`soup_of_tree` for the length of a ``with`` block, the soup taken apart at its end
    (do not keep its tags), with Python's cycle collector paused meanwhile.

    Why: a soup is one big reference cycle (every node links its parent, siblings and
    neighbours, and the builder and the soup link each other), so once dropped only the
    cycle collector can free it; and while it lives, its thousands of container objects
    make that collector start every 700 allocations and walk them again each time, and
    promote them to older generations that are walked in full later: 4-7 ms a page of
    gen-1 and gen-2 collections of earlier pages' soups (measured with gc.callbacks).
    Every node is cleared at the end, as bs4's `decompose` clears them (0.2 ms a page
    against decompose's 0.7: no walk along the links), so the soup is freed the moment
    it is dropped, by reference counting, and the collector, paused, never sees it. Its
    state is put back as it was (a caller that turned it off keeps it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    soup = None
    try:
        soup, index = soup_of_tree(root)
        yield soup, index
    finally:
        if soup is not None:
            for node in index.nodes:
                vars(node).clear()
            vars(soup).clear()
            vars(index).clear()  # its lists hold every node: freed now, not when the caller returns
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
    """The soup's elements in document order, by tag name and by attribute name; with the
    lxml tree's element each one was made from (``elements``, in the same order), when known."""

    def __init__(self, order: list, elements: list | None = None, nodes: list | None = None) -> None:
        self.order = order
        self.elements = elements
        self.nodes = nodes  # every node of the soup (strings too), when known
        self.by_tag: dict[str, list] = {}
        self.by_attribute: dict[str, list] = {}
        for node in order:
            self.by_tag.setdefault(node.name, []).append(node)
            for name in node.attrs:
                self.by_attribute.setdefault(name, []).append(node)
        self.position = {id(tag): index for index, tag in enumerate(self.order)}
        self._value_cache: dict[tuple[str, bool], list] = {}
        self._token_cache: dict[str, dict[str, list]] = {}

    def element_of(self, tag) -> etree._Element:
        """The lxml element ``tag`` was made from."""
        return self.elements[self.position[id(tag)]]

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
