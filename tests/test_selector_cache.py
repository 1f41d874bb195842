"""The compiled CSS selectors kept on file (exporter/cleaning/_selector_cache.py): the same
pruned pages from stored patterns as from freshly compiled ones, soupsieve's compiler left
alone once they are stored, a file that is damaged or not the user's own ignored, and the
store following the rules when a user's rules file adds a selector."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import soupsieve.css_parser
from lxml import etree

from exporter.cleaning import _selector_cache, load_rules
from exporter.cleaning._soup import compile_css, forget_compiled
from exporter.cleaning.html_tree import parse_html
from exporter.cleaning.pruning import without_selected
from exporter.reading import decode_source
from exporter.sanitize import sanitize_page_html

ROOT = Path(__file__).resolve().parents[1]
PROSE = "The harbour board met on Tuesday and agreed to dredge the channel before the winter storms arrive. "
PAGE = f"""<html lang="en"><body><nav><a href="/">Home</a></nav>
<div class="Social-Share-top" id="div-gpt-ad-1">share</div><span class="sr-only">Skip</span>
<article><p>{PROSE}</p><form><input name="q"></form><p hidden>gone</p><p>{PROSE}</p></article>
<footer><p>© The Harbour Times</p></footer></body></html>"""


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """An empty cache folder, and this process as if fresh (nothing read or compiled yet)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    forget_compiled()
    yield tmp_path / "cache"
    forget_compiled()


def _compiles() -> int:
    """How many selectors soupsieve itself has parsed in this process (its own compile cache)."""
    return soupsieve.css_parser._cached_css_compile.cache_info().misses


def _pruned(page_html: str, selectors) -> bytes:
    root = etree.fromstring(page_html, etree.HTMLParser())
    return etree.tostring(without_selected(root, selectors))


def _cold_then_warm(page_html: str, selectors) -> tuple[bytes, bytes]:
    """The page pruned with freshly compiled patterns, then (as the next run) with stored ones."""
    soupsieve.purge()
    cold = _pruned(page_html, selectors)
    assert _selector_cache.store_path().is_file()
    forget_compiled()
    soupsieve.purge()
    before = _compiles()
    warm = _pruned(page_html, selectors)
    assert _compiles() == before, "the stored patterns were compiled again"
    return cold, warm


def test_stored_patterns_prune_a_page_byte_for_byte_as_compiled_ones(cache_home):
    page = sanitize_page_html(parse_html(PAGE))
    cold, warm = _cold_then_warm(page, load_rules().drop_selectors)
    assert cold == warm
    assert b"Social-Share" not in warm and b"<nav" not in warm and PROSE.strip().encode() in warm


def test_stored_patterns_prune_corpus_pages_byte_for_byte_as_compiled_ones(cache_home, corpus_dir):
    selectors = load_rules().drop_selectors
    pages = sorted(corpus_dir.glob("*/*/source.html"))[::20]
    assert pages
    for path in pages:
        page = sanitize_page_html(parse_html(decode_source(path.read_bytes(), path=path, kind="html").text))
        cold, warm = _cold_then_warm(page, selectors)
        assert cold == warm, path


def test_a_second_process_compiles_no_selector(cache_home, tmp_path):
    """The point of the store, seen from outside: a fresh process prunes a page without
    soupsieve compiling anything, and finds what the first process found."""
    page = tmp_path / "page.html"
    page.write_text(sanitize_page_html(parse_html(PAGE)), encoding="utf-8")
    script = (
        "import sys, soupsieve.css_parser as p\n"
        "from lxml import etree\n"
        "from exporter.cleaning import load_rules\n"
        "from exporter.cleaning.pruning import without_selected\n"
        "html = open(sys.argv[1], encoding='utf-8').read()\n"
        "pruned = without_selected(etree.fromstring(html, etree.HTMLParser()), load_rules().drop_selectors)\n"
        "print(p._cached_css_compile.cache_info().misses, len(etree.tostring(pruned)))\n")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", script, str(page)], env=env, capture_output=True,
                           text=True, check=True).stdout.split() for _ in range(2)]
    assert runs[0][0] == str(len(load_rules().drop_selectors))  # the first run compiles the rules
    assert runs[1] == ["0", runs[0][1]]  # the second compiles none, and prunes the same


def _store_one(selector: str) -> Path:
    compile_css(selector)
    from exporter.cleaning._soup import store_compiled

    store_compiled()
    forget_compiled()
    return _selector_cache.store_path()


def test_a_corrupt_store_is_ignored_and_rewritten(cache_home):
    path = _store_one("nav")
    path.write_bytes(b"\x80\x05not a pickle at all")
    assert _selector_cache.read() == {}
    page = sanitize_page_html(parse_html(PAGE))
    assert b"<nav" not in _pruned(page, ["nav"])  # compiled instead
    assert set(_selector_cache.read()) == {"nav"}


def test_a_store_of_another_soupsieve_or_python_is_ignored(cache_home):
    path = _store_one("nav")
    _, patterns = pickle.loads(path.read_bytes())
    path.write_bytes(pickle.dumps(((_selector_cache.FORMAT, "0.0", sys.version, "x"), patterns)))
    assert _selector_cache.read() == {}


def test_a_store_others_may_write_is_not_read(cache_home):
    path = _store_one("nav")
    assert set(_selector_cache.read()) == {"nav"}
    for mode in (0o666, 0o620, 0o602):
        path.chmod(mode)
        assert _selector_cache.read() == {}, oct(mode)
    path.chmod(0o600)
    assert set(_selector_cache.read()) == {"nav"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root")
def test_a_store_owned_by_someone_else_is_not_read(cache_home):
    path = _store_one("nav")
    os.chown(path, 54321, -1)
    assert _selector_cache.read() == {}


def test_a_symlinked_store_is_not_followed(cache_home, tmp_path):
    path = _store_one("nav")
    elsewhere = tmp_path / "elsewhere.pickle"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert _selector_cache.read() == {}


def test_a_pattern_stored_under_another_selectors_text_is_not_used(cache_home):
    """A store whose entry names one selector but holds another's pattern is not believed."""
    path = _store_one("nav")
    stamp, patterns = pickle.loads(path.read_bytes())
    path.write_bytes(pickle.dumps((stamp, {"footer": patterns["nav"]})))
    assert _selector_cache.read() == {}
    assert compile_css("footer").pattern == "footer"


def test_a_selector_a_users_rules_file_adds_is_compiled_and_stored(cache_home, tmp_path):
    page = sanitize_page_html(parse_html(PAGE))
    shipped = load_rules().drop_selectors
    _pruned(page, shipped)
    assert set(_selector_cache.read()) == set(shipped)
    rules_file = tmp_path / "mine.toml"
    rules_file.write_text('[[drop_selector]]\nwhy = "test"\nselector = "article > form"\n', encoding="utf-8")
    forget_compiled()  # the next run, with the user's rules
    soupsieve.purge()
    before = _compiles()
    selectors = load_rules([rules_file]).drop_selectors
    assert _compiles() == before + 1  # only the new selector (checked as the rules load)
    assert b"<form" not in _pruned(page, selectors)
    assert set(_selector_cache.read()) == set(shipped) | {"article > form"}


def test_a_cache_folder_that_cannot_be_made_costs_nothing_but_the_store(tmp_path, monkeypatch):
    # A read-only or broken home (here the cache "folder" is a file): even removing the stale
    # temporary file fails (ENOTDIR, or EROFS on a read-only mount) and must not fail the page.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    forget_compiled()
    try:
        selectors = load_rules().drop_selectors
        page_html = sanitize_page_html(parse_html(PAGE))
        assert b"Social-Share-top" not in _pruned(page_html, selectors)
        assert not _selector_cache.store_path().exists()
    finally:
        forget_compiled()
