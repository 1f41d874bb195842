"""Cleaning rules as data: the shipped ``rules.toml`` plus the user's ``--rules`` files.

A rules file is TOML with these arrays of tables (every entry may carry a
``why`` string; the shipped file gives one for each):

``[[drop_line]] pattern = '...'``
    a regular expression; a block of text it matches (``re.search``, so anchor
    it) is dropped. Only blocks up to `MAX_RULE_TEXT` characters are tested:
    boilerplate lines are short, and this bounds the regex's work.
``[[article_end]] pattern = '...'``
    a line that is furniture (as a drop_line) and that ends the article in a
    text scrape, when prose came before it: post navigation ("Next Post").
``[[teaser_heading]] pattern = '...'``
    a line that is furniture (as a drop_line) and heads a list of other
    stories' headlines ("Related", "Mehr zum Thema"): in a text scrape the
    headline lines under it, up to the next paragraph, are furniture too.
``[[widget_line]] pattern = '...'``
    a line that is furniture only beside another furniture line: a widget's
    heading that an article may write as a line of its own ("Like this:").
``[[drop_phrase]] pattern = '...'``
    removed from inside a block's text (e.g. "Advertisement" glued into a paragraph).
``[[drop_selector]] selector = '...'``
    a CSS selector; matching HTML elements are removed before extraction.
``[[metadata]] kind = "date" | "updated" | "author" pattern = '...'``
    a block matching the pattern is metadata, not text: its named group
    ``value`` is read as a date or a byline and the block is dropped.
    ``labelled = true`` on a date rule says its pattern names the stamp
    ("Published", "Veröffentlicht am"): such a line is trusted anywhere on a
    saved page, not only among the article's first blocks.
    ``stamp_line = true`` on a date rule whose pattern names no stamp (a bare
    date with room around it) says the line must read as a stamp, not as a
    sentence that holds a date (``dates.reads_as_prose``).
``[[bio]] kind = "heading" | "box" | "role" | ... lang = "de" pattern = '...'``
    evidence for author bios, per language (see ``bio_rules.toml``, shipped
    beside ``rules.toml`` and loaded with it, and `bio_rules`).

User files are layered after the shipped one: their rules add to it.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Sequence

from .._dataclass_store import dataclass
from .. import _re_store, _toml_store
from ..errors import ConfigError
from .bio_rules import BioRule, parse_bio_rules
from .dates import reads_as_prose

log = logging.getLogger(__name__)
_HERE = Path(__file__).parent  # the shipped rules files live beside this module

# Boilerplate lines are short; a longer block is prose and rules never see it
# whole, which also bounds the time any one pattern can take.
MAX_RULE_TEXT = 400
METADATA_KINDS = ("date", "updated", "author")
# Shipped beside rules.toml and loaded after it: the author-bio evidence (kept
# apart because it is long and grows by language).
SHIPPED_EXTRA = ("bio_rules.toml",)


@dataclass(frozen=True)
class MetadataRule:
    kind: str
    pattern: re.Pattern[str]
    labelled: bool = False  # the pattern names what the stamp is (see the module note)
    stamp_line: bool = False  # the line around the value must not be prose (see the module note)

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's match in ``text``, or None (also when a ``stamp_line`` rule meets prose)."""
        m = self.pattern.search(text)
        if m and self.stamp_line and reads_as_prose(text, m.span("value")):
            return None
        return m


@dataclass(frozen=True)
class Rules:
    drop_lines: tuple[re.Pattern[str], ...] = ()
    article_ends: tuple[re.Pattern[str], ...] = ()
    teaser_headings: tuple[re.Pattern[str], ...] = ()
    widget_lines: tuple[re.Pattern[str], ...] = ()
    drop_phrases: tuple[re.Pattern[str], ...] = ()
    drop_selectors: tuple[str, ...] = ()
    metadata: tuple[MetadataRule, ...] = ()
    bio: tuple[BioRule, ...] = ()

    def merged(self, other: "Rules") -> "Rules":
        return Rules(
            drop_lines=self.drop_lines + other.drop_lines,
            article_ends=self.article_ends + other.article_ends,
            teaser_headings=self.teaser_headings + other.teaser_headings,
            widget_lines=self.widget_lines + other.widget_lines,
            drop_phrases=self.drop_phrases + other.drop_phrases,
            drop_selectors=self.drop_selectors + other.drop_selectors,
            metadata=self.metadata + other.metadata,
            bio=self.bio + other.bio,
        )

    def is_boilerplate(self, text: str) -> bool:
        if len(text) > MAX_RULE_TEXT:
            return False
        return (any(p.search(text) for p in self.drop_lines) or self.ends_article(text)
                or self.heads_teasers(text))

    def is_widget_line(self, text: str) -> bool:
        """Furniture when a neighbouring line is (`widget_lines_beside` decides)."""
        return len(text) <= MAX_RULE_TEXT and any(p.search(text) for p in self.widget_lines)

    def ends_article(self, text: str) -> bool:
        return len(text) <= MAX_RULE_TEXT and any(p.search(text) for p in self.article_ends)

    def heads_teasers(self, text: str) -> bool:
        return len(text) <= MAX_RULE_TEXT and any(p.search(text) for p in self.teaser_headings)

    def strip_phrases(self, text: str) -> str:
        for p in self.drop_phrases:
            text = p.sub("", text)
        return text


def load_rules(extra_files: Sequence[Path] = ()) -> Rules:
    """The shipped rules, then each of ``extra_files`` added in order.

    Memoised per file and modification time: a batch cleans hundreds of articles
    with the same rules, and the GUI sees a user's edit to a rules file."""
    stamps = []
    for path in extra_files:
        try:
            info = Path(path).stat()
            stamps.append((str(Path(path).resolve()), info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((str(path), 0, 0))  # _load_rules reports the unreadable file
    return _load_rules(tuple(Path(p) for p in extra_files), tuple(stamps))


@functools.lru_cache(maxsize=16)
def _load_rules(extra_files: tuple[Path, ...], stamps: tuple) -> Rules:
    # Read beside this module, not through importlib.resources (its imports: ~2 ms a run; see resources.py).
    shipped = (_HERE / "rules.toml").read_text(encoding="utf-8")
    # The shipped selectors and bio patterns are checked by the test suite, not on every
    # run: checking selectors needs BeautifulSoup and soupsieve (~80 ms of imports) that a
    # text scrape never uses, and checking the bio patterns compiles each an extra time.
    shipped_checks = {"check_selectors": False, "check_bio_patterns": False}
    rules = parse_rules(shipped, origin="rules.toml (shipped)", **shipped_checks)
    for name in SHIPPED_EXTRA:
        text = (_HERE / name).read_text(encoding="utf-8")
        rules = rules.merged(parse_rules(text, origin=f"{name} (shipped)", **shipped_checks))
    for path in extra_files:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"cannot read rules file: {getattr(err, 'strerror', None) or err}", path=path) from None
        rules = rules.merged(parse_rules(text, origin=path))
    _re_store.flush()  # the patterns compiled now are read from file next run
    return rules


def widget_lines_beside(texts: list[str], furniture: list[bool], rules: "Rules") -> list[bool]:
    """``furniture`` with each widget line beside a furniture line marked too (a run of them
    beside one all goes: "Share this:" / "Like this:" / "Like Loading...")."""
    marked = list(furniture)
    if not rules.widget_lines:
        return marked
    widget = [not f and rules.is_widget_line(t) for t, f in zip(texts, furniture)]
    for i in range(1, len(marked)):  # runs after a furniture line
        marked[i] = marked[i] or (widget[i] and marked[i - 1])
    for i in range(len(marked) - 2, -1, -1):  # and before one
        marked[i] = marked[i] or (widget[i] and marked[i + 1])
    return marked


def parse_rules(text: str, *, origin: Path | str = "<rules>", check_selectors: bool = True,
                check_bio_patterns: bool = True) -> Rules:
    try:
        data = _toml_store.loads(text)  # tomllib.loads, from the stored parse of this same text
    except ValueError as err:  # tomllib.TOMLDecodeError
        raise ConfigError(f"not valid TOML: {err}", path=origin) from None
    known = {"drop_line", "article_end", "teaser_heading", "widget_line", "drop_phrase", "drop_selector", "metadata", "bio"}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"unknown rule kind(s) {sorted(unknown)}; known: {sorted(known)}", path=origin)

    def entries(key: str, field: str) -> list[dict]:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ConfigError(f"[[{key}]] must be an array of tables", path=origin)
        for item in items:
            if not isinstance(item.get(field), str) or not item[field]:
                raise ConfigError(f"every [[{key}]] needs a non-empty string '{field}'", path=origin)
        return items

    def compile_(pattern: str, key: str) -> re.Pattern[str]:
        try:
            return _re_store.compile(pattern, re.IGNORECASE)  # re.compile, from stored code when there is some
        except re.error as err:
            raise ConfigError(f"bad pattern in [[{key}]] {pattern!r}: {err}", path=origin) from None

    metadata = []
    for item in entries("metadata", "pattern"):
        kind = item.get("kind")
        if kind not in METADATA_KINDS:
            raise ConfigError(f"[[metadata]] kind must be one of {METADATA_KINDS}, not {kind!r}", path=origin)
        pattern = compile_(item["pattern"], "metadata")
        if "value" not in pattern.groupindex:
            raise ConfigError(f"[[metadata]] pattern {item['pattern']!r} needs a (?P<value>...) group", path=origin)
        labelled = item.get("labelled", False)
        if not isinstance(labelled, bool) or (labelled and kind == "author"):
            raise ConfigError(f"[[metadata]] labelled must be true or false, on a date rule only: {item['pattern']!r}",
                              path=origin)
        stamp_line = item.get("stamp_line", False)
        if not isinstance(stamp_line, bool) or (stamp_line and kind == "author"):
            raise ConfigError(f"[[metadata]] stamp_line must be true or false, on a date rule only: {item['pattern']!r}",
                              path=origin)
        metadata.append(MetadataRule(kind, pattern, labelled, stamp_line))
    selectors = tuple(item["selector"] for item in entries("drop_selector", "selector"))
    for selector in selectors if check_selectors else ():
        _check_selector(selector, origin)
    return Rules(
        drop_lines=tuple(compile_(i["pattern"], "drop_line") for i in entries("drop_line", "pattern")),
        article_ends=tuple(compile_(i["pattern"], "article_end") for i in entries("article_end", "pattern")),
        teaser_headings=tuple(compile_(i["pattern"], "teaser_heading") for i in entries("teaser_heading", "pattern")),
        widget_lines=tuple(compile_(i["pattern"], "widget_line") for i in entries("widget_line", "pattern")),
        drop_phrases=tuple(compile_(i["pattern"], "drop_phrase") for i in entries("drop_phrase", "pattern")),
        drop_selectors=selectors,
        metadata=tuple(metadata),
        bio=parse_bio_rules(data.get("bio"), origin, check_patterns=check_bio_patterns),
    )


def _check_selector(selector: str, origin: Path | str) -> None:
    from ._soup import compile_css as compile_selector  # deferred: the text path needs no CSS

    try:
        compile_selector(selector)
    except ValueError as err:
        raise ConfigError(f"bad CSS selector {selector!r}: {err}", path=origin) from None
