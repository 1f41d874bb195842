"""Shared fixtures. Tests that need ../shared (the corpus) skip when it is absent:
a user's clone has no ../shared."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SEED = REPO_ROOT / "source" / "act-of-repentance.txt"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the shared corpus is absent ({corpus}): it exists only beside the team's checkout")
    return corpus


@pytest.fixture
def empty_stores(tmp_path, monkeypatch):
    """A cache folder of this test's own, and the stores kept in memory (compiled patterns,
    CLDR facts, parsed TOML, dataclass code) read again from it: the test starts as a first run would."""
    from exporter import _babel, _dataclass_store, _re_store, _toml_store

    stores = (_babel, _dataclass_store, _re_store, _toml_store)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for store in stores:
        store.forget_loaded()
    yield
    for store in stores:
        store.forget_loaded()


@pytest.fixture(scope="session", autouse=True)
def private_user_cache(tmp_path_factory):
    """The font cache (exporter.font_cache) goes to a folder of this session, not the
    user's: tests start cold and never leave files in a real home (subprocesses inherit it)."""
    folder = tmp_path_factory.mktemp("user-cache")
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


def the_book(folder: Path, suffix: str = ".epub") -> Path:
    """The one book of ``suffix`` in ``folder`` (books are named after their titles)."""
    books = sorted(Path(folder).glob(f"*{suffix}"))
    assert len(books) == 1, books
    return books[0]


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
