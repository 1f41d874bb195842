"""Every cache file is read through `font_cache.trusted_bytes`: a FIFO, a symlink, a file
others may write, another user's file or a damaged one at a cache path is ignored (the
answer is computed again, the same as with no cache), and never hangs or crashes a run.
Every reader is checked: the font coverage (JSON), pyphen's patterns, the compiled CSS
selectors (pickle), Babel's calendar words, the compiled regexes, the parsed TOML and
the CLDR facts; the marshalled ones carry a checksum, so one changed byte is a miss too."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pyphen
import pytest
import soupsieve

from exporter import _babel, _dataclass_store, _pyphen, _re_store, _toml_store, font_cache
from exporter.cleaning import _calendar_words, _selector_cache

ROOT = Path(__file__).resolve().parents[1]
SELECTOR = "div.Social-Share-top, nav"

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="files have no owners here")


@pytest.fixture
def cache_home(tmp_path, monkeypatch, empty_stores):
    font_cache.forget_loaded()
    yield tmp_path / "cache"
    font_cache.forget_loaded()


def _within(seconds: float, call):
    """``call()``'s result, failing (not hanging the suite) when it takes longer."""
    result, failure = [], []

    def run():
        try:
            result.append(call())
        except BaseException as error:  # noqa: BLE001 - handed to the test below
            failure.append(error)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still reading the cache after {seconds} s (a FIFO blocks?)"
    if failure:
        raise failure[0]
    return result[0]


# Each reader: store a good file, then read it back as the next process would, counting
# how often the answer had to be computed.

def _font_reader(tmp_path):
    computed = []

    def compute():
        computed.append(1)
        return [[65, 90]]

    font_cache.remembered("test:font", [1, 2], compute)  # cold: stored
    assert computed == [1]
    computed.clear()

    def read():
        font_cache.forget_loaded()
        return font_cache.remembered("test:font", [1, 2], compute), len(computed)

    return font_cache.cache_path(), read, [[65, 90]]


def _pyphen_reader(tmp_path):
    dic = tmp_path / "hyph_en_US.dic"
    shutil.copy(pyphen.LANGUAGES["en_US"], dic)
    parsed = _pyphen.load(dic)  # cold: parsed and stored
    stamp = [pyphen.__version__, sys.version, str(dic), font_cache.file_stamp(dic)]
    store = _pyphen._store_path(dic)

    def read():
        stored = _pyphen._read(store, stamp)
        loaded = _pyphen.load(dic)  # the same dictionary either way: from file or parsed again
        return (loaded.patterns == parsed.patterns and loaded.maxlen == parsed.maxlen), int(stored is None)

    return store, read, True


def _selector_reader(tmp_path):
    _selector_cache.write({SELECTOR: soupsieve.compile(SELECTOR)})

    def read():
        patterns = _selector_cache.read()
        return True, int(SELECTOR not in patterns)

    return _selector_cache.store_path(), read, True


def _calendar_reader(tmp_path):
    locales = ("en", "de")
    months = _calendar_words.month_table(locales)  # cold: from Babel, stored

    def read():
        stored = _calendar_words._stored("months", locales, dict)
        return _calendar_words.month_table(locales), int(stored is None)

    return _calendar_words._path("months", locales), read, months


PATTERN, FLAGS = r"\b(?:harbour|wall)\s+(\d+)", int(re.IGNORECASE)


def _regex_reader(tmp_path):
    _re_store.compile(PATTERN, FLAGS)  # cold: compiled by re, stored
    _re_store.flush()

    def read():
        _re_store.forget_loaded()
        stored = (PATTERN, FLAGS) in _re_store._table()
        return _re_store.compile(PATTERN, FLAGS) == re.compile(PATTERN, FLAGS), int(not stored)

    return _re_store.store_path(), read, True


TOML = 'title = "harbour"\n[wall]\nheight = 3\n'


def _toml_reader(tmp_path):
    parsed = _toml_store.loads(TOML)  # cold: parsed, stored

    def read():
        _toml_store.forget_loaded()
        stored = len(_toml_store._documents())
        return _toml_store.loads(TOML), int(not stored)

    return _toml_store.store_path(), read, parsed


def _cldr_reader(tmp_path):
    from datetime import date

    day = date(2016, 7, 27)
    expected = _babel.locale_facts("de").date(day)  # cold: asked of Babel, checked, stored

    def read():
        _babel.forget_loaded()
        stored = "de" in _babel._stored()
        return _babel.locale_facts("de").date(day), int(not stored)

    return _babel.store_path(), read, expected


def _dataclass_reader(tmp_path):
    def make():
        @_dataclass_store.dataclass(frozen=True)
        class Harbour:
            wall: int = 3

        return Harbour

    expected = repr(make()(4))  # cold: its methods compiled, stored
    _dataclass_store.flush()

    def read():
        _dataclass_store.forget_loaded()
        stored = len(_dataclass_store._table())
        return repr(make()(4)), int(not stored)

    return _dataclass_store.store_path(), read, expected


READERS = {"font coverage": _font_reader, "hyphenation": _pyphen_reader, "css selectors": _selector_reader,
           "calendar words": _calendar_reader, "regex code": _regex_reader, "parsed toml": _toml_reader,
           "cldr facts": _cldr_reader, "dataclass code": _dataclass_reader}


def _fifo(path: Path, tmp_path: Path) -> None:
    path.unlink()
    os.mkfifo(path, 0o600)


def _symlink(path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / f"elsewhere-{path.name}"
    path.rename(elsewhere)  # the good file, so following the link would "work"
    path.symlink_to(elsewhere)


def _group_writable(path: Path, tmp_path: Path) -> None:
    path.chmod(0o620)


def _world_writable(path: Path, tmp_path: Path) -> None:
    path.chmod(0o602)


def _foreign_owned(path: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    os.chown(path, 65534, -1)


def _corrupt(path: Path, tmp_path: Path) -> None:
    path.write_bytes(b"\x80\x04not json, marshal or pickle\xff")
    path.chmod(0o600)


def _one_byte_changed(path: Path, tmp_path: Path) -> None:
    """A bit flipped near the end (in the data, past any header), the file otherwise intact."""
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x01
    path.write_bytes(bytes(data))


SPOILERS = {"fifo": _fifo, "symlink": _symlink, "group-writable": _group_writable,
            "world-writable": _world_writable, "foreign-owned": _foreign_owned, "corrupt": _corrupt}
SEALED = ("hyphenation", "calendar words", "regex code", "parsed toml", "dataclass code")  # the marshalled stores


@pytest.mark.parametrize("reader", SEALED)
def test_a_marshalled_store_with_one_byte_changed_is_computed_again(cache_home, tmp_path, reader):
    path, read, expected = READERS[reader](tmp_path)
    _one_byte_changed(path, tmp_path)
    value, computed = _within(10, read)
    assert value == expected and computed == 1


@pytest.mark.parametrize("reader", SEALED)
def test_a_marshalled_store_opens_with_the_crc32_of_its_data(cache_home, tmp_path, reader):
    """The seal is the check for damage zip and gzip make (CRC-32), not a SHA-256 of the
    whole store on every run; a torn file (its end lost) is a miss like a flipped bit."""
    import zlib

    path, read, expected = READERS[reader](tmp_path)
    data = path.read_bytes()
    assert data[:4] == zlib.crc32(data[4:]).to_bytes(4, "big")
    path.write_bytes(data[:-7])
    value, computed = _within(10, read)
    assert value == expected and computed == 1


@pytest.mark.parametrize("reader", READERS)
def test_a_good_file_is_read_back(cache_home, tmp_path, reader):
    """The control: the user's own private file is trusted (so the cases below test the checks)."""
    path, read, expected = READERS[reader](tmp_path)
    assert _within(10, read) == (expected, 0)


@pytest.mark.parametrize("spoil", SPOILERS)
@pytest.mark.parametrize("reader", READERS)
def test_an_untrusted_or_damaged_file_is_computed_again(cache_home, tmp_path, reader, spoil):
    path, read, expected = READERS[reader](tmp_path)
    SPOILERS[spoil](path, tmp_path)
    value, computed = _within(10, read)
    assert value == expected and computed == 1


def test_trusted_bytes_caps_the_size(tmp_path):
    path = tmp_path / "big"
    path.write_bytes(b"x" * 101)
    path.chmod(0o600)
    assert font_cache.trusted_bytes(path, 100) is None
    assert font_cache.trusted_bytes(path, 101) == b"x" * 101
    assert font_cache.trusted_bytes(tmp_path / "absent", 100) is None
    assert font_cache.trusted_bytes(tmp_path, 100) is None  # a folder


def test_an_export_with_fifos_at_every_cache_path_finishes(tmp_path):
    """The reviewer's repro: a FIFO at font-coverage.json hung the exporter forever."""
    folder = tmp_path / "cache" / "article-exporter"
    folder.mkdir(parents=True)
    for name in ("font-coverage.json", "css-selectors.pickle"):
        os.mkfifo(folder / name, 0o600)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "exporter", "--epub", str(ROOT / "source" / "act-of-repentance.txt"),
                           "-o", str(tmp_path / "out")], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "out").glob("*.epub"))


def test_a_changed_code_word_in_the_regex_store_is_a_miss_not_a_crash(tmp_path):
    """The reviewer's repro: two code words of one stored pattern changed on disk (names'
    "... by ..." pattern: word 9 to 1, word 52 to 0) made _sre.compile segfault on every
    later run. The file's checksum now makes it a miss: the pattern is compiled again."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "exporter", "clean", "--json", str(ROOT / "source" / "act-of-repentance.txt")]
    first = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    store = tmp_path / "cache" / "article-exporter" / _re_store.STORE_FILE
    data = store.read_bytes()
    pattern, flags = r"(?<=\S)\s+by:?\s+(?=[^\W\d_])", int(re.IGNORECASE)
    code = _re_store._entry(pattern, flags, re.compile(pattern, flags))[1]
    assert data.count(code) == 1, "the pattern's code is stored once"
    words = _re_store._unpacked(code)
    words[9], words[52] = 1, 0
    store.write_bytes(data.replace(code, _re_store._packed(words)))
    again = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, f"rc {again.returncode}: {again.stderr[-300:]}"
    assert again.stdout == first.stdout


@pytest.mark.parametrize("damage", [{"date": "%(d)s %(MMMM)s %(y)s %(E)s"}, {"list": {}},
                                    {"date": "%(d)s {0} %(y)s%"}])
def test_damaged_cldr_facts_are_answered_by_babel(cache_home, damage):
    """The reviewer's repro: a pattern with a field not replicated ('E') or a list without its
    'start' failed every export in that locale (KeyError); Babel now answers instead."""
    import json
    from datetime import date

    from babel.dates import format_date
    from babel.lists import format_list

    _babel.locale_facts("en_GB")  # stored
    path = _babel.store_path()
    data = json.loads(path.read_text())
    data["locales"]["en_GB"].update(damage)
    path.write_text(json.dumps(data))
    path.chmod(0o600)
    _babel.forget_loaded()
    facts = _babel.locale_facts("en_GB")
    day = date(2016, 7, 27)
    assert facts.date(day) == format_date(day, "long", locale="en_GB")
    assert facts.names(["Ann", "Bo", "Cy"]) == format_list(["Ann", "Bo", "Cy"], locale="en_GB")
