"""Every cache file is read through `font_cache.trusted_bytes`: a FIFO, a symlink, a file
others may write, another user's file or a damaged one at a cache path is ignored (the
answer is computed again, the same as with no cache), and never hangs or crashes a run.
The readers on main are checked: the font coverage (JSON), pyphen's patterns (marshal),
the compiled CSS selectors (pickle) and Babel's calendar words (marshal)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pyphen
import pytest
import soupsieve

from exporter import _pyphen, font_cache
from exporter.cleaning import _calendar_words, _selector_cache

ROOT = Path(__file__).resolve().parents[1]
SELECTOR = "div.Social-Share-top, nav"

pytestmark = pytest.mark.skipif(not hasattr(os, "getuid"), reason="files have no owners here")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
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


READERS = {"font coverage": _font_reader, "hyphenation": _pyphen_reader, "css selectors": _selector_reader,
           "calendar words": _calendar_reader}


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


SPOILERS = {"fifo": _fifo, "symlink": _symlink, "group-writable": _group_writable,
            "world-writable": _world_writable, "foreign-owned": _foreign_owned, "corrupt": _corrupt}


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
