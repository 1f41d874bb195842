"""In-process CLI tests: exit codes, stdout/stderr discipline, --json, bad input.

Every test that gives the CLI a source file checks the file is unchanged after."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from exporter.cli import main

from .conftest import file_digest


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def seed_copy(tmp_path: Path, seed_path: Path) -> Path:
    target = tmp_path / "in" / seed_path.name
    target.parent.mkdir()
    shutil.copy(seed_path, target)
    return target


@pytest.fixture
def unchanged():
    """Register files whose bytes must not change during the test."""
    watched: dict[Path, str] = {}

    def watch(*paths: Path) -> None:
        for path in paths:
            watched[path] = file_digest(path)

    yield watch
    for path, digest in watched.items():
        assert file_digest(path) == digest, f"{path} was modified"


# ---------------------------------------------------------------- clean


def test_clean_json_gives_the_seed_facts_and_nothing_on_stderr(seed_copy, unchanged):
    unchanged(seed_copy)
    code, out, err = run("clean", str(seed_copy), "--json")
    assert code == 0, err
    assert err == ""
    data = json.loads(out)
    assert data["title"] == "An Act of Repentance"
    assert data["author"] == "William Taubman"
    assert data["authors"] == ["William Taubman"]
    assert data["date"] == "2016-07-27"
    assert len(data["paragraphs"]) == 12
    assert data["bio"].startswith("William Taubman, professor of political science at Amherst College")
    assert "Get the latest updates" not in out
    assert "Last Updated" not in out
    assert data["article"]["type"] == "Article"


def test_clean_overrides_apply(seed_copy):
    code, out, _ = run("clean", str(seed_copy), "--json", "--title", "Repentance", "--author", "A. Writer; B. Writer")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Repentance"
    assert data["authors"] == ["A. Writer", "B. Writer"]


def test_clean_reads_standard_input(seed_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(seed_path.read_bytes())))
    code, out, err = run("clean", "-", "--name", "piped.txt", "--json")
    assert code == 0, err
    assert json.loads(out)["title"] == "An Act of Repentance"


def test_a_folder_with_no_articles_is_a_one_line_error_and_the_rest_is_done(tmp_path, seed_copy):
    empty = tmp_path / "empty"
    (empty / "pictures").mkdir(parents=True)
    (empty / "pictures" / "cover.jpg").write_bytes(b"\xff\xd8\xff")
    code, out, err = run(str(empty), str(seed_copy), "-o", str(tmp_path / "out"), "--epub")
    assert code == 1
    assert f"exporter: error: {empty}: no articles in this folder; the exporter reads" in err
    assert [p.name for p in (tmp_path / "out").glob("*.epub")] == ["an-act-of-repentance.epub"]


PIPED_PAGE = ("<!DOCTYPE html>\n<html lang='en'><head><title>Ferry kept | Island Post</title></head><body><article>"
              "<h1>Ferry kept</h1>" + "<p>The council voted on Tuesday to keep the island ferry running for another "
              "ten years, after a long campaign by the residents.</p>" * 3 + "</article></body></html>")


@pytest.mark.parametrize("command", [["clean", "--json"], ["--json", "--epub"]])
def test_a_page_piped_in_without_a_name_is_read_as_html(command, monkeypatch, tmp_path):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PIPED_PAGE.encode())))
    code, out, err = run(*command, "-", "-o", str(tmp_path / "out")) if "--epub" in command else run(*command, "-")
    assert code == 0, err
    if "--epub" in command:
        epub = next((tmp_path / "out").glob("*.epub"))
        assert epub.name == "ferry-kept.epub"
    else:
        assert json.loads(out)["title"] == "Ferry kept" and "<p>" not in out


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"   \n\n\t  \n", "white space"),
    "binary.txt": (bytes(range(256)) * 64, "binary"),
    "no-article.html": (b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>", "no article"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_clean_bad_input_is_one_line_naming_the_file(tmp_path, name, unchanged):
    data, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    unchanged(path)
    code, out, err = run("clean", str(path), "--json")
    assert code == 1
    # a caller reading JSON gets the same one line as JSON: nothing cleaned, and why
    assert json.loads(out) == {"error": err.strip().removeprefix("exporter: error: "), "kind": "input", "exit": 1}
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"exporter: error: {path}: ")
    assert words in lines[0].lower()
    assert "Traceback" not in err


def test_clean_undecodable_bytes_in_unknown_encoding(tmp_path):
    # Bytes that are not UTF-8 and carry many C1 controls: no encoding reads them as text.
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x00, 0x01, 0x02]) * 400)
    code, _, err = run("clean", str(path))
    assert code == 1
    assert err.startswith(f"exporter: error: {path}: ")
    assert len(err.strip().splitlines()) == 1


def test_missing_file_is_an_error_naming_it(tmp_path):
    code, out, err = run("clean", str(tmp_path / "nope.txt"))
    assert code == 1
    assert out == ""
    assert "nope.txt" in err and "no such file" in err


# ---------------------------------------------------------------- usage


def test_version_and_help_exit_zero():
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("exporter ")
    code, out, _ = run("--help")
    assert code == 0 and "--epub" in out and "--pdf" in out and "--collection" in out


@pytest.mark.parametrize("argv, words", [
    (["--bogus"], "unrecognized arguments"),
    (["--page-size", "huge"], "page size"),
    (["--bleed", "3"], "length"),
    (["--date", "27/07/2016"], "--date"),
    (["--date", "2024-13-01"], "--date"),  # shaped as a date, but no month 13
    (["--date", "2023-02-29"], "--date"),
    (["--lang", "english!"], "--lang"),
    (["--jobs", "0"], "--jobs"),
    (["--crop-marks"], "--bleed"),
    (["--sort", "date"], "--collection"),
    (["--rules", "/no/such/rules.toml"], "rules file"),
])
def test_usage_errors_exit_2_with_one_line(argv, words, tmp_path, seed_copy):
    code, out, err = run(*argv, str(seed_copy), "-o", str(tmp_path / "out"))
    assert code == 2, err
    assert out == ""
    assert err.startswith("exporter: error: ")
    assert words in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_internal_errors_show_traceback_only_when_asked(seed_copy, monkeypatch):
    def explode(*args, **kwargs):
        raise ValueError("boom")

    monkeypatch.setattr("exporter.pipeline.clean_source", explode)
    code, _, err = run("clean", str(seed_copy))
    assert code == 1
    assert "internal error: ValueError: boom" in err and "Traceback" not in err
    with pytest.raises(ValueError):
        run("clean", str(seed_copy), "--traceback")


def test_send_without_smtp_setup_fails_before_exporting(seed_copy, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('[devices.kindle]\nemail = "reader_1@kindle.com"\n', "utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), "--send", "kindle", "--send-config", str(config), str(seed_copy))
    assert code == 2, stderr
    assert stdout == ""
    assert "smtp" in stderr.lower() and len(stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_traceback_flag_shows_the_traceback_of_an_expected_error_too(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, _, err = run("clean", str(path), "--traceback")
    assert code == 1
    assert "Traceback (most recent call last)" in err and "InputError" in err
    assert err.rstrip().splitlines()[-1] == f"exporter: error: {path}: file is empty"
    code, _, err = run("--epub", "-o", str(tmp_path / "out"), "--traceback", str(path))
    assert code == 1
    assert "Traceback (most recent call last)" in err and "file is empty" in err


@pytest.mark.parametrize("value", ["inf", "nan", "0", "-1"])
def test_max_input_size_must_be_a_positive_number(value, seed_copy):
    code, _, err = run("clean", str(seed_copy), "--max-input-size", value)
    assert code == 2 and "--max-input-size" in err and "internal error" not in err


def test_a_stylesheet_that_loads_files_is_one_usage_error_before_any_export(seed_copy, tmp_path):
    style = tmp_path / "mine.css"
    style.write_text('@import url("http://127.0.0.1:9/x.css"); p { margin: 0 }', "utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), "--style", str(style), str(seed_copy), str(seed_copy))
    assert code == 2 and stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and "mine.css" in stderr and "@import" in stderr
    assert not out.exists()
