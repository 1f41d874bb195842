"""The CLDR facts kept on file (exporter/_babel.py): the book's dates and name lists
formatted from them are Babel's own strings, in every language the labels speak
and for regional tags; a warm file spares a book Babel's import; a locale Babel
does not know stays unknown; a damaged file or another Babel's is ignored."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from babel.dates import format_date, format_skeleton
from babel.lists import format_list

from exporter import _babel
from exporter.labels import _tables, labels_for

REGIONAL = ("en_US", "en_AU", "pt_BR", "fr_CA", "de_AT", "de_CH", "es_MX", "zh_Hant_TW", "sr_Latn", "ar_EG", "th")
DATES = [date(year, month, day) for year in (5, 99, 1999, 2016, 2024) for month in range(1, 13)
         for day in (1, 2, 10, 21, 28)] + [date(2024, 2, 29), date(2016, 7, 31)]
NAMES = (["Émile Zola"], ["A", "B"], ["Ann Lee", "Bo Ng", "Cy"], ["1", "2", "3", "4", "5"], ["{0}", "%s"])


@pytest.fixture
def store(empty_stores):
    return _babel.store_path()


def _every_locale() -> list[str]:
    return sorted({t.locale for t in _tables().values()} | set(REGIONAL))


def test_stored_facts_format_as_babel_in_every_language_and_region(store):
    cold = {tag: _babel.locale_facts(tag) for tag in _every_locale()}
    _babel.forget_loaded()  # as the next process: from the file
    warm = {tag: _babel.locale_facts(tag) for tag in _every_locale()}
    assert store.is_file()
    for tag in _every_locale():
        for facts in (cold[tag], warm[tag]):
            for day in DATES:
                assert facts.date(day) == format_date(day, "long", locale=tag), (tag, day)
                assert facts.year_month(day) == format_skeleton("yMMMM", day, locale=tag), (tag, day)
            for names in NAMES:
                assert facts.names(names) == format_list(names, locale=tag), (tag, names)
    kept = json.loads(store.read_text("utf-8"))["locales"]
    assert isinstance(kept["fr"], dict) and kept["fr"]["months"]["MMMM"][6] == "juillet"
    assert kept["th"] == _babel.ASK_BABEL  # a Buddhist-era date: formatted by Babel itself
    assert type(warm["th"]).__name__ == "_AskBabel"


def test_a_warm_file_spares_the_book_babel(store):
    labels_for("fr").date("2016-07-27")
    labels_for("en-US").names(["A", "B"])
    code = (
        "import sys\n"
        "from exporter.labels import labels_for\n"
        "print(labels_for('fr').date('2016-07-27'), '|', labels_for('fr').date('2016-07'), '|',"
        " labels_for('en-US').date('2016-07-27'), '|', labels_for('en-US').names(['A', 'B', 'C']))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('babel', 'pytz')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "27 juillet 2016 | juillet 2016 | July 27, 2016 | A, B, and C"
    assert lines[1] == "[]"


def test_an_unknown_locale_stays_unknown_from_the_file(store):
    for _ in range(2):
        with pytest.raises(_babel.UnknownLocale):
            _babel.locale_facts("zz_ZZ")
        _babel.forget_loaded()
    assert json.loads(store.read_text("utf-8"))["locales"] == {"zz_ZZ": None}
    assert labels_for("en-QQ").locale == labels_for("en").locale  # a region Babel lacks: the language's


@pytest.mark.parametrize("content", ["", "{not json", json.dumps({"stamp": ["another babel"], "locales": {}}),
                                     json.dumps({"stamp": None, "locales": {"fr": {"date": 1}}})])
def test_a_bad_or_foreign_file_is_ignored_and_rewritten(store, content):
    store.parent.mkdir(parents=True)
    store.write_text(content, "utf-8")
    assert _babel.locale_facts("fr").date(date(2016, 7, 27)) == "27 juillet 2016"
    kept = json.loads(store.read_text("utf-8"))
    assert kept["stamp"] == _babel.babel_stamp() and set(kept["locales"]) == {"fr"}


def test_a_stored_entry_of_the_wrong_shape_is_asked_again(store):
    _babel.locale_facts("de")
    data = json.loads(store.read_text("utf-8"))
    data["locales"]["de"] = {"date": "%(d)s", "year_month": "%(y)s", "months": {"MMMM": ["x"]}, "list": {}}
    store.write_text(json.dumps(data), "utf-8")
    _babel.forget_loaded()
    assert _babel.locale_facts("de").date(date(2016, 7, 27)) == "27. Juli 2016"
