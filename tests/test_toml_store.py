"""The package's TOML parsed once, then read from file (exporter/_toml_store.py): the
same data as tomllib's parse, a fresh copy each call, bad TOML still refused,
documents marshal cannot hold parsed each time, a damaged file ignored."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from exporter import _toml_store
from exporter.cleaning.rules import parse_rules
from exporter.errors import ConfigError

SHIPPED = [resources.files("exporter").joinpath("labels.toml"),
           resources.files("exporter.cleaning").joinpath("rules.toml"),
           resources.files("exporter.cleaning").joinpath("bio_rules.toml")]


@pytest.fixture
def store(empty_stores):
    return _toml_store.store_path()


def test_the_shipped_files_read_back_as_tomllib_parses_them(store):
    texts = [f.read_text(encoding="utf-8") for f in SHIPPED]
    for text in texts:
        assert _toml_store.loads(text) == tomllib.loads(text)
    _toml_store.forget_loaded()  # the next process: from the file, no parse
    for text in texts:
        stored = _toml_store.loads(text)
        assert stored == tomllib.loads(text) and list(stored) == list(tomllib.loads(text))  # same order
    assert len(_toml_store._documents()) == len(texts)


def test_each_call_gets_its_own_copy(store):
    text = 'a = [1, 2]\n[t]\nb = "x"\n'
    first = _toml_store.loads(text)
    first["a"].append(3)
    first["t"]["b"] = "changed"
    assert _toml_store.loads(text) == {"a": [1, 2], "t": {"b": "x"}}


def test_bad_toml_is_still_refused_with_the_file_named(store):
    with pytest.raises(tomllib.TOMLDecodeError):
        _toml_store.loads("a = = 1")
    with pytest.raises(ConfigError, match="not valid TOML"):
        parse_rules("[[drop_line]\npattern = 'x'", origin="mine.toml")


def test_a_document_with_dates_is_parsed_each_time(store):
    text = "when = 2016-07-27\n"
    assert _toml_store.loads(text) == tomllib.loads(text)
    assert not store.exists()


@pytest.mark.parametrize("garbage", [b"", b"\x00junk", b"\xe9\x03\x00\x00"])
def test_a_damaged_file_is_ignored_and_rewritten(store, garbage):
    store.parent.mkdir(parents=True)
    store.write_bytes(garbage)
    assert _toml_store.loads("x = 1\n") == {"x": 1}
    _toml_store.forget_loaded()
    assert _toml_store.loads("x = 1\n") == {"x": 1} and len(_toml_store._documents()) == 1
