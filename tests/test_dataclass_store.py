"""The dataclass methods' code kept on file (exporter/_dataclass_store.py): classes made
from the stored code are the ones `dataclasses` makes, and a warm export compiles none."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import InitVar, field
from pathlib import Path

import pytest

from exporter import _dataclass_store, font_cache

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__", "__lt__", "__le__",
             "__gt__", "__ge__")
CODE_PARTS = ("co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_flags",
              "co_argcount", "co_kwonlyargcount", "co_posonlyargcount", "co_filename", "co_name")


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _dataclass_store.forget_loaded()
    yield _dataclass_store
    _dataclass_store.forget_loaded()


def kinds(decorate):
    """One class of each shape our modules use (and some they may), made by ``decorate``."""

    @decorate(frozen=True)
    class Frozen:
        text: str
        level: int = 2
        tags: tuple[str, ...] = ()

    @decorate
    class Plain:
        items: list[int] = field(default_factory=list)
        seed: InitVar[int] = 0
        hidden: str = field(default="x", repr=False, compare=False)

        def __post_init__(self, seed):
            self.items.append(seed)

    @decorate(order=True, kw_only=True)
    class Ordered:
        rank: int
        name: str = "a"

    @decorate(eq=False, slots=True)
    class Slotted:
        one: float

    return Frozen, Plain, Ordered, Slotted


def code_of(function):
    code = function.__code__
    parts = [getattr(code, part) for part in CODE_PARTS]
    return parts, function.__annotations__, function.__defaults__, function.__kwdefaults__


def generated(cls):
    return {name: code_of(vars(cls)[name]) for name in GENERATED if callable(vars(cls).get(name))}


def same_classes(ours, theirs):
    for mine, stdlib in zip(ours, theirs):
        assert generated(mine) == generated(stdlib), mine.__name__
        assert mine.__doc__ == stdlib.__doc__ and mine.__match_args__ == stdlib.__match_args__
        assert [f.name for f in dataclasses.fields(mine)] == [f.name for f in dataclasses.fields(stdlib)]


def test_classes_from_the_stored_code_are_the_stdlib_ones(store):
    stdlib = kinds(dataclasses.dataclass)
    cold = kinds(store.dataclass)
    assert len(store._added) >= 10, "cold: every method compiled, to be stored"
    same_classes(cold, stdlib)
    store.flush()
    assert store.store_path().is_file() and not store._added

    store.forget_loaded()
    warm = kinds(store.dataclass)  # read back from the file, as the next process does
    assert not store._added, "warm: nothing compiled"
    same_classes(warm, stdlib)
    frozen, plain, ordered, slotted = warm
    assert repr(frozen("a")) == repr(stdlib[0]("a")).replace(stdlib[0].__qualname__, frozen.__qualname__)
    assert hash(frozen("a")) == hash(frozen("a")) and frozen("a") == frozen("a") != frozen("b")
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen("a").text = "b"
    assert plain(seed=4).items == [4] and plain() == plain(hidden="y")
    assert ordered(rank=1) < ordered(rank=2)
    assert not hasattr(slotted(1.0), "__dict__") and slotted(1.0) != slotted(1.0)


def test_a_class_without_a_docstring_reads_the_signature_dataclasses_writes(store):
    @store.dataclass
    class Wall:
        height: int = 3
        name: str = "harbour"

    @dataclasses.dataclass
    class Theirs:
        height: int = 3
        name: str = "harbour"

    @store.dataclass
    class Documented:
        """A wall."""
        height: int = 3

    assert Wall.__doc__ == Theirs.__doc__.replace("Theirs", "Wall") == "Wall(height: 'int' = 3, name: 'str' = 'harbour')"
    assert Wall().__doc__ == Wall.__doc__ and Documented.__doc__ == Documented().__doc__ == "A wall."


def test_the_future_flags_of_the_caller_do_not_leak_into_the_code(store):
    """``exec(text)`` in dataclasses compiles without ``from __future__ import annotations``
    (its module has none); this module and the store's have it. Compiled with them, the
    generated code differs in its flags, and co_flags would show it."""
    ours = store.dataclass(type("Wall", (), {"__annotations__": {"height": int}}))
    assert not ours.__init__.__code__.co_flags & 0x1000000  # CO_FUTURE_ANNOTATIONS
    assert ours.__init__.__annotations__ == {"height": int, "return": None}


def test_a_stored_entry_that_is_not_code_is_a_miss(store):
    kinds(store.dataclass)
    texts = list(store._added)
    store.flush()
    font_cache.store_marshalled(store.store_path(), store.stamp(), dict.fromkeys(texts, 42), "test")
    store.forget_loaded()
    same_classes(kinds(store.dataclass), kinds(dataclasses.dataclass))
    assert len(store._added) == len(texts)


def test_a_file_of_another_python_is_ignored(store, monkeypatch):
    kinds(store.dataclass)
    store.flush()
    store.forget_loaded()
    monkeypatch.setattr(sys, "version", sys.version + " another build")
    kinds(store.dataclass)
    assert store._added, "another interpreter's code is not used"


def _epub_members(path: Path) -> dict[str, bytes]:
    """The book's members, its modification stamp blanked (the one part that changes by the clock)."""
    with zipfile.ZipFile(path) as book:
        members = {name: book.read(name) for name in book.namelist()}
    return {name: re.sub(rb'(property="dcterms:modified">)[^<]*', rb"\\1", data) for name, data in members.items()}


def test_a_warm_export_compiles_no_dataclass_method_and_writes_the_same_book(tmp_path, seed_path):
    code = (
        "from exporter.cli import main\n"
        "from exporter import _dataclass_store as store\n"
        f"status = main(['--epub', '-q', '--force', '-o', OUT, {str(seed_path)!r}])\n"
        "assert status == 0, status\n"
        "print(len(store._added), len(store._used))\n"
    )
    runs = []
    for name in ("cold", "warm"):
        out = tmp_path / name
        done = subprocess.run([sys.executable, "-c", f"OUT = {str(out)!r}\n" + code], capture_output=True, text=True,
                              env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), PYTHONPATH=str(ROOT)),
                              timeout=120)
        assert done.returncode == 0, done.stderr
        runs.append(([int(n) for n in done.stdout.splitlines()[-1].split()], _epub_members(next(out.glob("*.epub")))))
    (cold_added, cold_used), cold_book = runs[0]
    (warm_added, warm_used), warm_book = runs[1]
    assert cold_added > 100 and warm_added == 0 and warm_used == cold_used
    assert cold_book == warm_book
