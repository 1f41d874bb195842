"""The hyphenation patterns kept on file (exporter/_pyphen.py): the same hyphenation
as pyphen's own parse, read again only when the dictionary or pyphen changes, a
bad stored file ignored, and the same PDF from a cold and a warm store."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pyphen
import pytest

from exporter import _pyphen

WORDS = ("hyphenation", "extraordinary", "repentance", "responsibility", "international", "a", "")


@pytest.fixture
def store(tmp_path, monkeypatch):
    """An empty cache folder, a private copy of English's dictionary, and a count of parses."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    dic = tmp_path / "hyph_en_US.dic"
    shutil.copy(pyphen.LANGUAGES["en_US"], dic)
    parses = []
    real = pyphen.HyphDict.__init__

    def counting(self, path):
        parses.append(path)
        real(self, path)

    monkeypatch.setattr(pyphen.HyphDict, "__init__", counting)
    return dic, parses


def test_stored_patterns_hyphenate_as_pyphens_own_parse(store):
    dic, parses = store
    parsed = _pyphen.load(dic)
    stored = _pyphen.load(dic)  # as the next process would: from the file
    assert len(parses) == 1 and stored is not parsed
    assert stored.patterns == parsed.patterns and stored.maxlen == parsed.maxlen
    for word in WORDS:
        assert stored.positions(word) == parsed.positions(word), word


def test_a_changed_dictionary_is_parsed_again(store):
    dic, parses = store
    before = _pyphen.load(dic)
    with dic.open("a", encoding="utf-8") as extra:
        extra.write("\n1z1z1\n")  # a new pattern: the file's size and time change
    after = _pyphen.load(dic)
    assert len(parses) == 2 and "zzz" not in before.patterns and after.patterns != before.patterns


@pytest.mark.parametrize("garbage", [b"", b"\x00not marshal", b"\xe9\x03\x00\x00"])
def test_a_bad_stored_file_is_ignored_and_rewritten(store, garbage):
    dic, parses = store
    _pyphen.load(dic)
    stored_file = _pyphen._store_path(dic)
    stored_file.write_bytes(garbage)
    _pyphen.load(dic)
    _pyphen.load(dic)
    assert len(parses) == 2  # the bad file cost one parse, then the rewritten one served


def test_preload_fills_pyphens_cache_for_the_languages_asked(store, monkeypatch):
    monkeypatch.setattr(pyphen, "hdcache", {})
    _pyphen.preload(["en", "fr-CA", None, "x-unknown"])
    assert pyphen.LANGUAGES[pyphen.language_fallback("en")] in pyphen.hdcache
    assert pyphen.LANGUAGES[pyphen.language_fallback("fr-CA")] in pyphen.hdcache
    assert len(pyphen.hdcache) == 2


def test_the_pdf_is_the_same_from_a_cold_and_a_warm_store(tmp_path, seed_path):
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    books = []
    for run in ("cold", "warm"):
        out = tmp_path / run
        done = subprocess.run([sys.executable, "-m", "exporter", "--pdf", "-q", "-j", "1", "-o", str(out),
                               str(seed_path)], capture_output=True, text=True, env=env)
        assert done.returncode == 0, done.stderr
        books.append(next(out.glob("*.pdf")).read_bytes())
    assert list((tmp_path / "cache" / "article-exporter").glob("hyphenation-hyph_en*.marshal"))
    assert books[0] == books[1]


def test_a_cache_folder_that_cannot_be_made_still_hyphenates(store, tmp_path, monkeypatch):
    # A read-only or broken home: storing fails, removing the temporary fails too, the words break.
    dic, parses = store
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    hyphenator = _pyphen.load(dic)
    assert len(parses) == 1 and not _pyphen._store_path(dic).exists()
    assert [int(p) for p in hyphenator.positions("hyphenation")] == [2, 6]
