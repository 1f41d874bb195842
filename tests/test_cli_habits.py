"""Command-line habits people bring from pandoc and calibre: -o book.epub, -o -, every
subcommand in --help, JSON for usage errors under --json, send refusing non-EPUBs,
ordinary permissions on a device, an unchanged collection skipped."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from exporter.cli import main

from .test_cli import run
from .test_delivery_support import epub_book  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parent.parent


def test_o_with_a_book_file_name_writes_that_file(seed_path, tmp_path):
    code, stdout, stderr = run("-o", str(tmp_path / "books" / "mine.epub"), str(seed_path))
    assert code == 0, stderr
    assert stdout.splitlines() == [str(tmp_path / "books" / "mine.epub")]
    assert sorted(p.name for p in (tmp_path / "books").iterdir() if not p.name.startswith(".")) == ["mine.epub"]
    with zipfile.ZipFile(tmp_path / "books" / "mine.epub") as archive:
        assert archive.read("mimetype") == b"application/epub+zip"


def test_o_with_a_pdf_name_makes_only_the_pdf(seed_path, tmp_path):
    code, _, stderr = run("-o", str(tmp_path / "print.pdf"), str(seed_path))
    assert code == 0, stderr
    assert (tmp_path / "print.pdf").read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.epub"))


def test_o_a_book_name_names_a_collection_too(seed_path, tmp_path):
    code, _, stderr = run("--collection", "Two Copies", "-o", str(tmp_path / "both.epub"), str(seed_path), str(seed_path))
    assert code == 0, stderr
    assert sorted(p.name for p in tmp_path.glob("*.epub")) == ["both.epub"]


@pytest.mark.parametrize("argv, words", [
    (("-o", "{tmp}/book.epub", "{seed}", "{seed}"), "names one book, but several inputs were given"),
    (("-o", "{tmp}/book.epub", "--pdf", "{seed}"), "ends in .epub but --pdf was asked for"),
    (("-o", "-", "{seed}"), "-o - writes one book in one format: add --epub or --pdf"),
    (("-o", "-", "--epub", "--json", "{seed}"), "both write to standard output"),
])
def test_o_misuse_is_a_usage_error_before_anything_is_written(seed_path, tmp_path, argv, words):
    argv = [a.format(tmp=tmp_path, seed=seed_path) for a in argv]
    code, stdout, stderr = run(*argv)
    assert code == 2 and words in stderr and len(stderr.splitlines()) == 1, stderr
    assert not list(tmp_path.glob("*.epub"))


def test_o_dash_writes_the_book_to_standard_output(seed_path, tmp_path):
    done = subprocess.run([sys.executable, "-m", "exporter", "-q", "--epub", "-o", "-", str(seed_path)],
                          capture_output=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    book = tmp_path / "piped.epub"
    book.write_bytes(done.stdout)
    with zipfile.ZipFile(book) as archive:
        assert archive.namelist()[0] == "mimetype" and archive.read("mimetype") == b"application/epub+zip"
    assert [p.name for p in tmp_path.iterdir()] == ["piped.epub"]  # nothing left behind in the working folder


def test_help_names_every_subcommand():
    code, stdout, _ = run("--help")
    assert code == 0
    for command in ("exporter clean", "exporter send", "exporter devices"):
        assert command in stdout, command


@pytest.mark.parametrize("argv", [("--json", "--no-such-option"), ("clean", "--json"),
                                  ("--json", "--jobs", "0", "x.txt")])
def test_json_usage_errors_still_print_a_json_object(argv):
    code, stdout, stderr = run(*argv)
    assert code == 2
    report = json.loads(stdout)
    assert report["kind"] == "usage" and report["exit"] == 2 and report["error"] in stderr


# ------------------------------------------------------------------ delivery


def _folder_config(tmp_path: Path) -> tuple[Path, Path]:
    reader = tmp_path / "reader"
    reader.mkdir()
    config = tmp_path / "c.toml"
    config.write_text(f'[devices.pb]\npath = "{reader}"\n')
    return reader, config


@pytest.mark.parametrize("name, data, words", [
    ("notes.txt", b"just some text", "not an EPUB (not a zip archive)"),
    ("book.epub", b"%PDF-1.7 pretending", "is a PDF, not an EPUB"),
    ("other.epub", None, "not an EPUB (its mimetype is 'application/zip'"),
])
def test_send_refuses_what_is_not_an_epub_in_one_line(tmp_path, name, data, words):
    reader, config = _folder_config(tmp_path)
    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/zip")
    else:
        path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    code = main(["send", str(path), "--to", "pb", "--config", str(config)], stdout=out, stderr=err)
    errors = [line for line in err.getvalue().splitlines() if line.startswith("exporter: error:")]
    assert code == 1 and out.getvalue() == ""
    assert len(errors) == 1 and str(path) in errors[0] and words in errors[0], err.getvalue()
    assert "0 books sent" in err.getvalue()
    assert list(reader.iterdir()) == []


def test_a_book_copied_to_a_device_has_ordinary_permissions(tmp_path, epub_book):
    reader, config = _folder_config(tmp_path)
    old = os.umask(0o022)
    try:
        code = main(["send", str(epub_book), "--to", "pb", "--config", str(config)],
                    stdout=io.StringIO(), stderr=io.StringIO())
    finally:
        os.umask(old)
    assert code == 0
    assert stat.S_IMODE((reader / epub_book.name).stat().st_mode) == 0o644


def test_delivery_commands_do_not_import_the_cli():
    probe = ("import sys, exporter.delivery.commands as c; c.build_send_parser(); "
             "print('exporter.cli' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.stdout.strip() == "False", done.stderr


# ------------------------------------------------------------------ collections


def test_an_unchanged_collection_is_skipped_like_a_single_book(seed_path, tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_bytes(seed_path.read_bytes())
    second.write_bytes(seed_path.read_bytes())
    out = tmp_path / "out"
    args = ("--epub", "--json", "-o", str(out), "--collection", "Penance Papers", str(first), str(second))
    code, stdout, stderr = run(*args)
    assert code == 0, stderr
    book = out / "penance-papers.epub"
    built = book.stat().st_mtime_ns
    code, stdout, _ = run(*args)
    report = json.loads(stdout)
    assert code == 0 and report["collection"]["skipped"] and book.stat().st_mtime_ns == built
    assert report["collection"]["outputs"][0]["path"] == str(book)
    code, stdout, _ = run(*args[:-2], str(second), str(first))  # another order is another book
    assert not json.loads(stdout)["collection"]["skipped"]
    code, stdout, _ = run(*args, "--no-smart-quotes")  # other options too
    assert not json.loads(stdout)["collection"]["skipped"]
    second.write_text(second.read_text("utf-8") + "\nA new closing line of the second copy.\n", "utf-8")
    code, stdout, _ = run(*args, "--no-smart-quotes")  # a changed input too
    assert not json.loads(stdout)["collection"]["skipped"]
