"""Batch runs through the CLI: failure isolation, names, incremental skips,
--json, standard input, job-count independence, Ctrl-C, debug output."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from exporter.atomic import TEMP_PREFIX

from .conftest import file_digest
from .test_cli import run

ARTICLE_HTML = """<!doctype html><html lang="en"><head><title>{title} | The Daily Example</title>
<meta name="author" content="{author}"><meta property="article:published_time" content="2021-03-0{day}T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p class="byline">By {author}</p>
{paragraphs}
<p><em>{author} is a staff writer covering science and the environment.</em></p></article>
<footer>Copyright 2021 The Daily Example. All rights reserved.</footer></body></html>"""


def make_article(folder: Path, stem: str, title: str, author: str, day: int = 1) -> Path:
    sentences = " ".join(f"This is sentence {n} of the article {title.lower()}, written to fill a real paragraph of prose."
                         for n in range(6))
    paragraphs = "\n".join(f"<p>{sentences} Paragraph {k}.</p>" for k in range(5))
    path = folder / f"{stem}.html"
    path.write_text(ARTICLE_HTML.format(title=title, author=author, day=day, paragraphs=paragraphs), "utf-8")
    return path


@pytest.fixture
def inputs(tmp_path: Path, seed_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / seed_path.name)
    make_article(folder, "rivers", "The Rivers Return", "Ana Lima", 1)
    make_article(folder, "forests", "Forests in Winter", "Ben Okafor", 2)
    return folder


def no_temporaries(folder: Path) -> bool:
    return not list(folder.rglob(TEMP_PREFIX + "*"))


def test_broken_files_are_named_and_the_rest_exported(inputs, tmp_path):
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(os.urandom(4096))
    (inputs / "undecodable.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x00, 0x01]) * 300)
    digests = {p: file_digest(p) for p in inputs.iterdir()}
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), "-j", "2", str(inputs))
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("exporter: error: ")]
    assert len(errors) == 3, stderr
    for name in ("empty.txt", "binary.txt", "undecodable.txt"):
        assert sum(name in line for line in errors) == 1
    # Books are named after their articles' titles.
    assert sorted(p.name for p in out.glob("*.epub")) == [
        "an-act-of-repentance.epub", "forests-in-winter.epub", "the-rivers-return.epub"]
    assert sorted(Path(line).name for line in stdout.splitlines()) == sorted(p.name for p in out.glob("*.epub"))
    assert no_temporaries(out)
    assert {p: file_digest(p) for p in inputs.iterdir()} == digests
    assert "3 exported, 3 failed" in stderr


def test_json_report_and_quiet_stderr(inputs, tmp_path):
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "--json", "-o", str(out), "-j", "1", str(inputs))
    assert code == 0, stderr
    assert stderr == ""
    report = json.loads(stdout)
    assert report["failed"] == 0
    assert [Path(f["input"]).name for f in report["files"]] == ["act-of-repentance.txt", "forests.html", "rivers.html"]
    for entry in report["files"]:
        assert entry["error"] is None and not entry["skipped"]
        (output,) = entry["outputs"]
        assert output["format"] == "epub"
        assert Path(output["path"]).stat().st_size == output["bytes"] > 1000
        assert entry["seconds"]["clean"] >= 0 and entry["seconds"]["epub"] > 0


def test_output_order_and_status_do_not_depend_on_jobs(inputs, tmp_path):
    (inputs / "empty.txt").write_bytes(b"")
    reports = []
    for jobs in ("1", "2"):
        code, stdout, _ = run("--epub", "--json", "--force", "-o", str(tmp_path / f"out{jobs}"), "-j", jobs, str(inputs))
        assert code == 1
        reports.append([(Path(f["input"]).name, f["error"] is None) for f in json.loads(stdout)["files"]])
    assert reports[0] == reports[1]


def test_incremental_skip_force_and_option_change(inputs, tmp_path):
    out = tmp_path / "out"
    args = ("--epub", "--json", "-o", str(out), "-j", "1", str(inputs))
    run(*args)
    code, stdout, _ = run(*args)
    assert code == 0
    assert all(f["skipped"] for f in json.loads(stdout)["files"])
    code, stdout, _ = run(*args, "--force")
    assert not any(f["skipped"] for f in json.loads(stdout)["files"])
    code, stdout, _ = run(*args, "--no-smart-quotes")  # other options: rebuilt
    assert not any(f["skipped"] for f in json.loads(stdout)["files"])
    time.sleep(0.01)
    (inputs / "rivers.html").write_text((inputs / "rivers.html").read_text() + "\n", "utf-8")
    code, stdout, _ = run("--epub", "--json", "-o", str(out), "-j", "1", "--no-smart-quotes", str(inputs))
    skipped = {Path(f["input"]).name: f["skipped"] for f in json.loads(stdout)["files"]}
    assert skipped == {"act-of-repentance.txt": True, "forests.html": True, "rivers.html": False}


def test_inputs_of_one_name_get_their_titles_as_names(tmp_path):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        make_article(tmp_path / folder, "source", f"Story from {folder.upper()}", "Cy Young")
    out = tmp_path / "out"
    code, _, stderr = run("--epub", "-o", str(out), "-j", "2", *(str(tmp_path / f) for f in "abc"))
    assert code == 0, stderr
    assert sorted(p.name for p in out.glob("*.epub")) == ["story-from-a.epub", "story-from-b.epub", "story-from-c.epub"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_same_title_gets_distinct_names_and_a_warning(tmp_path, jobs):
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        make_article(tmp_path / folder, "story", "One Same Story", "Cy Young")
    out = tmp_path / "out"
    code, stdout, stderr = run("--epub", "-o", str(out), "-j", jobs, *(str(tmp_path / f) for f in "abc"))
    assert code == 0, stderr
    names = ["one-same-story-2.epub", "one-same-story-3.epub", "one-same-story.epub"]
    assert sorted(p.name for p in out.glob("*.epub")) == names
    assert sorted(Path(line).name for line in stdout.splitlines()) == names
    assert stderr.count("exporter: note: ") == 2 and stderr.count("also named 'one-same-story'") == 2, stderr
    assert no_temporaries(out)  # the name reservations are swept with the run's temporaries


def test_standard_input_with_name(seed_path, tmp_path, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(seed_path.read_bytes())))
    code, stdout, stderr = run("--epub", "-o", str(tmp_path), "--name", "piped.txt", "-")
    assert code == 0, stderr
    assert stdout.strip() == str(tmp_path / "an-act-of-repentance.epub")  # named after the title, not --name


def test_plain_progress_lines_when_not_a_terminal_and_none_when_quiet(inputs, tmp_path):
    _, _, stderr = run("--epub", "-o", str(tmp_path / "o1"), "-j", "1", str(inputs))
    assert [line.split(":")[0] for line in stderr.splitlines()[:3]] == [
        f"[1/3] {inputs / 'act-of-repentance.txt'}", f"[2/3] {inputs / 'forests.html'}", f"[3/3] {inputs / 'rivers.html'}"]
    _, _, stderr = run("--epub", "-q", "-o", str(tmp_path / "o2"), str(inputs))
    assert stderr == ""


def test_debug_pipeline_writes_article_json_and_xhtml(seed_path, tmp_path):
    debug = tmp_path / "debug"
    code, _, _ = run("--epub", "-o", str(tmp_path / "out"), "--debug-pipeline", str(debug), str(seed_path))
    assert code == 0
    data = json.loads((debug / "act-of-repentance.article.json").read_text())
    assert data["meta"]["title"] == "An Act of Repentance"
    xhtml = sorted(p.name for p in debug.glob("*.xhtml"))
    assert any("article" in name for name in xhtml) and any("about-author" in name for name in xhtml)


def test_cancel_through_the_api_leaves_no_partial_files(inputs, tmp_path):
    import threading

    from exporter import ExportOptions, export_batch

    cancel = threading.Event()
    out = tmp_path / "out"

    def progress(done, total, file_report):
        cancel.set()  # cancel as soon as the first file is done

    report = export_batch([inputs], ExportOptions(formats=("epub",), output_dir=out), jobs=1,
                          progress=progress, cancel=cancel)
    assert report.interrupted
    assert len(list(out.glob("*.epub"))) == 1
    assert no_temporaries(out)


def test_ctrl_c_stops_workers_exits_130_and_leaves_no_partial_files(tmp_path, seed_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        shutil.copy(seed_path, folder / f"article-{n:02d}.txt")
    out = tmp_path / "out"
    exporter = Path(sys.executable).parent / "exporter"
    process = subprocess.Popen([str(exporter), "-o", str(out), "-j", "2", str(folder)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("*.pdf")):
        time.sleep(0.05)
    assert list(out.glob("*.pdf")), "no output appeared in time"
    os.killpg(process.pid, signal.SIGINT)  # what the terminal sends to the whole group on Ctrl-C
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("exporter did not stop promptly after Ctrl-C")
    assert process.returncode == 130
    assert no_temporaries(out)
    assert len(list(out.glob("*.pdf"))) < 40
    for book in out.glob("*.epub"):
        with zipfile.ZipFile(book) as archive:
            assert archive.testzip() is None


from exporter.batch import run_one as _real_run_one  # noqa: E402


def _die_on_rivers(item, **kwargs):
    """A worker task that kills its own process on one input, as the OOM killer would."""
    if item.stem == "rivers":
        os._exit(9)
    return _real_run_one(item, **kwargs)


def test_a_worker_killed_by_the_os_fails_its_file_and_the_batch_goes_on(inputs, tmp_path, monkeypatch):
    import exporter.batch as batch
    from exporter import ExportOptions

    for n in range(4):
        make_article(inputs, f"extra-{n}", f"Extra Story {n}", "Dee Writer")
    monkeypatch.setattr(batch, "run_one", _die_on_rivers)
    out = tmp_path / "out"
    report = batch.export_batch([inputs], ExportOptions(formats=("epub",), output_dir=out), jobs=2)
    failed = {Path(f.input).name: f.error for f in report.files if not f.ok}
    assert list(failed) == ["rivers.html"], failed  # only the input that kills its worker
    assert "worker failed" in failed["rivers.html"]
    assert len(report.files) == 7 and not report.interrupted
    assert len(list(out.glob("*.epub"))) == 6 == sum(f.ok for f in report.files)
    assert no_temporaries(out)


def test_an_input_built_again_in_one_run_gets_its_own_name_back(tmp_path):
    # When a worker dies, the books its pool was building are built again one by one; a book that
    # was written before the pool broke must be rewritten under its name, not doubled as "-2"
    # (seen as 7 books for 6 inputs when the machine was loaded).
    from exporter.sources.naming import claim_stem

    assert claim_stem(tmp_path, "harbour-plan", owner="a.html") == "harbour-plan"
    assert claim_stem(tmp_path, "harbour-plan", owner="b.html") == "harbour-plan-2"  # another input: numbered
    assert claim_stem(tmp_path, "harbour-plan", owner="a.html") == "harbour-plan"  # the same one: its name
    assert claim_stem(tmp_path, "harbour-plan", owner="b.html") == "harbour-plan-2"
    assert claim_stem(tmp_path, "harbour-plan") == "harbour-plan-3"  # no owner: always a new name


def test_editing_a_rules_file_rebuilds_outputs(inputs, tmp_path):
    rules = tmp_path / "mine.toml"
    rules.write_text('[[drop_line]]\nwhy = "test"\npattern = \'^zzz$\'\n', "utf-8")
    args = ("--epub", "--json", "-o", str(tmp_path / "out"), "-j", "1", "--rules", str(rules), str(inputs))
    run(*args)
    assert all(f["skipped"] for f in json.loads(run(*args)[1])["files"])
    rules.write_text('[[drop_line]]\nwhy = "test"\npattern = \'^yyy$\'\n', "utf-8")
    assert not any(f["skipped"] for f in json.loads(run(*args)[1])["files"])
