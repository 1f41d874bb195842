"""Month and weekday words kept on file (exporter/cleaning/_calendar_words.py): the same words
as Babel's own CLDR data, read from the file by the next process, a bad or foreign file
ignored and written again, and a cache folder that refuses costing only Babel's load."""

from __future__ import annotations


import pytest

from exporter.cleaning import _calendar_words as words
from exporter.font_cache import store_marshalled

LOCALES = ("en", "de", "fr")


@pytest.fixture
def builds(tmp_path, monkeypatch):
    """An empty cache folder, and a list of the languages Babel was asked for."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    asked: list[tuple[str, ...]] = []
    real = words._build_months

    def counting(locales):
        asked.append(locales)
        return real(locales)

    monkeypatch.setattr(words, "_build_months", counting)
    return asked


def test_stored_months_are_babels_and_read_from_file_the_next_time(builds):
    fresh = words.month_table(LOCALES)
    stored = words.month_table(LOCALES)  # as the next process would: from the file
    assert builds == [LOCALES] and stored == fresh and stored is not fresh
    assert fresh["august"] == 8 and fresh["juin"] == 6 and fresh["märz"] == 3 and fresh["sept"] == 9


def test_weekdays_are_stored_too(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    fresh = words.weekday_list(LOCALES)
    assert words.weekday_list(LOCALES) == fresh and {"montag", "monday", "lundi"} <= set(fresh)


@pytest.mark.parametrize("content", [
    b"", b"\x00not marshal",
    "ANOTHER BABEL",  # another Babel's or Python's words
    "STAMP",  # this stamp, but a value that is not plain words
    "MONTH 13",
])
def test_a_bad_or_foreign_stored_file_is_ignored_and_rewritten(builds, content):
    words.month_table(LOCALES)
    path = words._path("months", LOCALES)
    if content == "STAMP":  # sealed, so it is the shape check that turns it away
        store_marshalled(path, words._stamp("months", LOCALES), {"august": "8"}, "test")
    elif content == "MONTH 13":  # a number that names no month
        store_marshalled(path, words._stamp("months", LOCALES), {"august": 13}, "test")
    elif content == "ANOTHER BABEL":
        store_marshalled(path, ["another babel"], {"august": 8}, "test")
    else:
        path.write_bytes(content)
    assert words.month_table(LOCALES)["august"] == 8 and len(builds) == 2
    assert words.month_table(LOCALES)["august"] == 8 and len(builds) == 2  # the file was written again


def test_a_cache_folder_that_cannot_be_made_costs_only_the_load(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert words.month_table(LOCALES)["august"] == 8
