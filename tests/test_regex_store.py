"""The rules' compiled patterns kept on file (exporter/_re_store.py): rebuilt from the
file they equal what ``re.compile`` makes (same flags, groups and engine code) and
match alike; bad patterns still raise re.error; a damaged file or one of another
build is ignored; the shipped rules come from the file on the next run."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys

import pytest

from exporter import _re_store
from exporter.cleaning import bio_rules, rules

PATTERNS = [
    (r"^(?:advertisement|anzeige)$", re.IGNORECASE),
    (r"(?P<value>\d{1,2}\.\s*(?:januar|märz|décembre)\s+\d{4})", re.IGNORECASE),
    (r"^\s*by\s+(?P<value>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)*)\s*$", 0),
    (r"(?:^|\s)(?:über|about)\s+the\s+author", re.IGNORECASE | re.MULTILINE),
    (r"[\u0600-\u06ff]+|[\u0900-\u097f]+", 0),
    (r"(a|b)?c(?(1)d|e)", 0),
]
TEXTS = ["Advertisement", "ANZEIGE", "am 3. März 2016 erschienen", "By Jane Q. Doe", "Über the author",
         "text\nabout the author", "مرحبا नमस्ते", "acd", "ce", "bce", ""]


@pytest.fixture
def store(empty_stores):
    return _re_store.store_path()


def _as_next_process() -> None:
    _re_store.flush()
    _re_store.forget_loaded()


def test_stored_patterns_equal_and_match_as_re_compile(store):
    fresh = [_re_store.compile(p, f) for p, f in PATTERNS]
    _as_next_process()
    assert store.is_file()
    stored = [_re_store.compile(p, f) for p, f in PATTERNS]
    assert len(_re_store._table()) == len(PATTERNS) and not _re_store._added  # all read from the file
    for (pattern, flags), one, other in zip(PATTERNS, fresh, stored):
        expected = re.compile(pattern, flags)
        # Pattern equality is CPython's: same pattern, flags and compiled engine code.
        assert one == expected and other == expected, pattern
        assert other.groupindex == expected.groupindex and other.groups == expected.groups
        for text in TEXTS:
            found, wanted = other.search(text), expected.search(text)
            assert (found and found.group(0)) == (wanted and wanted.group(0)), (pattern, text)


def test_a_bad_pattern_still_raises_re_error(store):
    with pytest.raises(re.error):
        _re_store.compile(r"(unclosed", 0)
    _as_next_process()
    assert not store.exists()  # nothing was compiled, nothing written


def test_the_store_keeps_what_other_runs_stored(store):
    _re_store.compile("first", 0)
    _as_next_process()
    _re_store.compile("second", 0)
    _as_next_process()
    _re_store.compile("first", 0)
    _re_store.compile("second", 0)
    assert not _re_store._added


@pytest.mark.parametrize("garbage", [b"", b"\x00not marshal", marshal.dumps(("other", {})),
                                     marshal.dumps(((0, "another build"), {("x", 0): (0, b"\x01\x00\x00\x00", 0, {}, (), "x", 0)}))])
def test_a_bad_or_foreign_file_is_ignored_and_rewritten(store, garbage):
    store.parent.mkdir(parents=True)
    store.write_bytes(garbage)
    assert _re_store.compile("x", 0) == re.compile("x")
    _as_next_process()
    assert _re_store.compile("x", 0) == re.compile("x") and not _re_store._added


def test_a_stored_entry_that_does_not_rebuild_is_compiled_again(store):
    _re_store.compile("abc", 0)
    _re_store.flush()
    stamp, entries = marshal.loads(store.read_bytes())
    entries[("abc", 0)] = (0, b"\xe7\x03\x00\x00" * 2, 0, {}, (), "abc", 0)  # code _sre rejects
    store.write_bytes(marshal.dumps((stamp, entries)))
    _re_store.forget_loaded()
    assert _re_store.compile("abc", 0) == re.compile("abc")


def test_the_shipped_rules_come_from_the_file_on_the_next_run(store):
    """A fresh process with the file in place compiles none of the rules' patterns."""
    rules._load_rules.cache_clear()
    bio_rules.lexicon.cache_clear()
    loaded = rules.load_rules()
    bio_rules.lexicon(loaded.bio)
    assert store.is_file()
    script = (
        "from unittest import mock; import re\n"
        "from exporter import _re_store\n"
        "from exporter.cleaning import bio_rules, rules\n"
        "import tomllib  # its own patterns compiled (were the parsed rules not stored) before re.compile is watched\n"
        "_re_store._table()  # the file read (platformdirs imported) before re.compile is watched\n"
        "with mock.patch.object(_re_store.re, 'compile', side_effect=AssertionError('compiled')):\n"
        "    loaded = rules.load_rules(); lexicon = bio_rules.lexicon(loaded.bio)\n"
        "assert loaded.drop_lines[0] == re.compile(loaded.drop_lines[0].pattern, re.IGNORECASE)\n"
        "assert lexicon.statement.patterns and not _re_store._added\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_without_re_internals_it_is_plain_re_compile(store, monkeypatch):
    monkeypatch.setattr(_re_store, "_sre", None)
    _re_store.forget_loaded()
    assert _re_store.compile(r"(?P<value>x)", re.IGNORECASE) == re.compile(r"(?P<value>x)", re.IGNORECASE)
    _as_next_process()
    assert not store.exists()


def test_patterns_compiled_after_the_last_flush_are_stored_at_exit(store):
    """A module's own patterns (compiled at import, nothing flushing after them) reach the file."""
    code = "from exporter import _re_store\n_re_store.compile(r'only (?P<at>exit)', 0)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    stamp, entries = marshal.loads(store.read_bytes())
    assert stamp == _re_store.stamp() and (r"only (?P<at>exit)", 0) in entries



def test_an_entry_filed_under_another_patterns_key_is_never_used(store):
    """Whatever put it there, code made from one pattern is not served for another."""
    _re_store.compile(r"^(con|prn|aux)$", 0)
    _re_store.compile(".*", 0)
    _re_store.flush()
    stamp, entries = marshal.loads(store.read_bytes())
    entries[(r"^(con|prn|aux)$", 0)] = entries[(".*", 0)]
    store.write_bytes(marshal.dumps((stamp, entries)))
    _re_store.forget_loaded()
    served = _re_store.compile(r"^(con|prn|aux)$", 0)
    assert served == re.compile(r"^(con|prn|aux)$") and not served.match("an-act-of-repentance")
