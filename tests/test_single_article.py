"""One article, paying only for what it needs (issue 18): no pool for a single input,
the fonts' coverage remembered across runs, the PDF written beside the EPUB.

Speed itself is measured by benchmarks/single_article.py, never here; these tests
hold the behaviour that makes it fast, and that the results did not change."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from exporter import font_cache
from exporter.atomic import TEMP_PREFIX
from exporter.resources import fonts_dir

LIBERTINE = fonts_dir() / "LinLibertine_R.otf"
TAMIL = Path("/usr/share/fonts/truetype/noto/NotoSansTamil-Regular.ttf")
# Modules one EPUB export must not load (delivery's settings and service: only --send and `send` need them).
# platformdirs: the cache folder is worked out without it on Linux (font_cache.cache_folder).
HEAVY = ("concurrent.futures", "multiprocessing", "fontTools", "exporter.pool", "exporter.forked_pdf",
         "exporter.delivery.config", "exporter.delivery.service", "platformdirs")


def python(code: str, cache: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, XDG_CACHE_HOME=str(cache)))


def no_temporaries(folder: Path) -> bool:
    return not list(folder.rglob(TEMP_PREFIX + "*"))


def books(folder: Path, suffix: str) -> list[Path]:
    return sorted(folder.glob(f"*{suffix}"))


def suffixes(folder: Path) -> list[str]:
    """The kinds of book in an output folder (books are named after their titles)."""
    return sorted(p.suffix for p in folder.glob("*") if p.suffix in (".epub", ".pdf"))


# ---------------------------------------------------------------- what one EPUB imports


def test_one_epub_starts_no_pool_and_with_a_warm_cache_reads_no_font(tmp_path, seed_path):
    code = (
        "import sys\n"
        "from exporter.cli import main\n"
        f"status = main(['--epub', '-q', '--force', '-o', {str(tmp_path / 'out')!r}, {str(seed_path)!r}])\n"
        "assert status == 0, status\n"
        f"print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))\n"
    )
    cold = python(code, tmp_path / "cache")
    assert cold.returncode == 0, cold.stderr
    assert "concurrent.futures" not in cold.stdout and "multiprocessing" not in cold.stdout, cold.stdout
    warm = python(code, tmp_path / "cache")  # the cover's font coverage is now on file
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.strip().splitlines()[-1] == "[]", warm.stdout
    assert len(list((tmp_path / "out").glob("*.epub"))) == 1


@pytest.mark.parametrize("xdg", [None, "", "/tmp/x-dir", "/tmp/x-dir/", "relative/dir", " /tmp/space"])
@pytest.mark.parametrize("home", [None, "/home/someone", "/home/someone/", "relative-home"])
def test_the_user_folders_are_platformdirs_answers(monkeypatch, xdg, home):
    import platformdirs

    from exporter import _user_dirs
    from exporter.delivery.paths import default_config_path

    for kind, ours, theirs in (("CACHE", _user_dirs.user_cache_path, platformdirs.user_cache_path),
                               ("CONFIG", _user_dirs.user_config_path, platformdirs.user_config_path)):
        for name, value in ((f"XDG_{kind}_HOME", xdg), ("HOME", home)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        try:
            expected = theirs("article-exporter")
        except RuntimeError:  # no usable home: platformdirs says so, and so does the fallback to it
            with pytest.raises(RuntimeError):
                ours("article-exporter")
            continue
        assert ours("article-exporter") == expected
    assert font_cache.cache_folder() == platformdirs.user_cache_path("article-exporter")
    assert default_config_path() == platformdirs.user_config_path("article-exporter") / "config.toml"


def test_one_epub_reads_no_system_mime_tables_and_a_warm_one_no_babel(tmp_path, seed_path):
    """The cover's media type is given to ebooklib (its guess would have mimetypes read
    /etc/mime.types), and with the stores warm, the dates and names come without Babel."""
    code = (
        "import sys, mimetypes\n"
        "from exporter.cli import main\n"
        f"assert main(['--epub', '-q', '--force', '-o', {str(tmp_path / 'out')!r}, {str(seed_path)!r}]) == 0\n"
        "print(mimetypes.inited, sorted({m.split('.')[0] for m in sys.modules} & {'babel', 'pytz', 'tomllib'}))\n"
    )
    cold = python(code, tmp_path / "cache")
    assert cold.returncode == 0 and cold.stdout.splitlines()[-1].startswith("False "), cold.stdout + cold.stderr
    warm = python(code, tmp_path / "cache")
    assert warm.returncode == 0 and warm.stdout.splitlines()[-1] == "False []", warm.stdout + warm.stderr


def test_the_delivery_packages_names_load_on_first_use():
    code = (
        "import sys, exporter.delivery as d\n"
        "assert 'exporter.delivery.service' not in sys.modules\n"
        "missing = [n for n in d.__all__ if getattr(d, n, None) is None]\n"
        "assert not missing, missing\n"
        "from exporter.delivery import send_book, DeliveryConfigError\n"
        "from exporter.delivery.service import send_book as defined\n"
        "assert send_book is defined and set(d.__all__) <= set(dir(d))\n"
        "try:\n    d.no_such_name\nexcept AttributeError as err:\n    print(err)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "has no attribute 'no_such_name'" in done.stdout


def test_a_batch_of_two_still_runs_in_worker_processes(tmp_path, seed_path):
    for name in ("one", "two"):
        shutil.copy(seed_path, tmp_path / f"{name}.txt")
    code = (
        "import os, sys\n"
        "from exporter.batch import export_batch\n"
        "from exporter.options import ExportOptions\n"
        f"report = export_batch([{str(tmp_path)!r}], ExportOptions(formats=('epub',), output_dir={str(tmp_path / 'out')!r}), jobs=2)\n"
        "assert not report.failed, report.failed\n"
        "print('exporter.pool' in sys.modules)\n"
    )
    done = python(code, tmp_path / "cache")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    assert len(list((tmp_path / "out").glob("*.epub"))) == 2  # one title: named "<title>", "<title>-2"


# ---------------------------------------------------------------- the font cache


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty font cache in this test's folder, and a count of character maps read."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    font_cache.forget_loaded()
    reads: list[Path] = []
    real = font_cache._read_cmap

    def counting(path):
        reads.append(Path(path))
        return real(path)

    monkeypatch.setattr(font_cache, "_read_cmap", counting)
    yield reads
    font_cache.forget_loaded()


def test_a_fonts_coverage_is_read_once_and_kept_on_file(cache):
    first = font_cache.font_coverage(LIBERTINE)
    assert font_cache.covers(first, "Déjà vu, Ωμέγα, Жизнь") and not font_cache.covers(first, "日本")
    font_cache.forget_loaded()  # as a new process would: only the file is left
    assert font_cache.font_coverage(LIBERTINE) == first
    assert cache == [LIBERTINE]
    stored = json.loads(font_cache.cache_path().read_text("utf-8"))
    assert stored["version"] == font_cache.VERSION and f"font:{LIBERTINE.resolve()}" in stored["entries"]


@pytest.mark.skipif(not TAMIL.is_file(), reason="needs fonts-noto-core (scripts/setup-system.sh)")
def test_a_replaced_font_file_is_read_again(cache, tmp_path):
    face = tmp_path / "face.otf"
    shutil.copy(LIBERTINE, face)
    assert not font_cache.covers(font_cache.font_coverage(face), "தமிழ்")
    shutil.copy(TAMIL, face)  # same path, another font: its size and time change
    assert font_cache.covers(font_cache.font_coverage(face), "தமிழ்")
    assert cache == [face, face]


def test_a_corrupt_or_foreign_cache_file_is_ignored_and_rewritten(cache):
    path = font_cache.cache_path()
    path.parent.mkdir(parents=True)
    for junk in ("{not json", '{"version": 999, "entries": {}}', '["a list"]', '{"version": 1, "entries": 3}'):
        path.write_text(junk, "utf-8")
        font_cache.forget_loaded()
        assert font_cache.font_coverage(LIBERTINE) is not None
        assert json.loads(path.read_text("utf-8"))["version"] == font_cache.VERSION
    assert len(cache) == 4


def test_an_unreadable_font_is_no_candidate_and_that_is_remembered(cache, tmp_path):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font at all")
    assert font_cache.font_coverage(broken) is None
    font_cache.forget_loaded()
    assert font_cache.font_coverage(broken) is None and cache == [broken]
    assert font_cache.font_coverage(tmp_path / "absent.ttf") is None


def test_concurrent_runs_never_leave_a_half_written_cache(tmp_path):
    fonts = sorted(Path("/usr/share/fonts").rglob("*.ttf"))[:6] or [LIBERTINE]
    code = "import sys; from exporter import font_cache; print(font_cache.font_coverage(sys.argv[1]) is not None)"
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    runs = [subprocess.Popen([sys.executable, "-c", code, str(font)], stdout=subprocess.PIPE, text=True, env=env)
            for font in fonts * 2]
    assert all(run.communicate()[0].strip() == "True" for run in runs)
    folder = tmp_path / "cache" / font_cache.APP_NAME
    entries = json.loads((folder / font_cache.CACHE_FILE).read_text("utf-8"))["entries"]
    assert entries and set(entries) <= {f"font:{font.resolve()}" for font in fonts}
    assert [p.name for p in folder.iterdir()] == [font_cache.CACHE_FILE]  # no temporary left behind


def test_the_installed_fonts_stamp_changes_when_a_font_is_added(tmp_path, monkeypatch):
    monkeypatch.setattr(font_cache, "_FONT_ROOTS", (str(tmp_path / "fonts"),))
    (tmp_path / "fonts" / "truetype").mkdir(parents=True)
    font_cache.installed_fonts_stamp.cache_clear()
    before = font_cache.installed_fonts_stamp()
    font_cache.installed_fonts_stamp.cache_clear()
    assert font_cache.installed_fonts_stamp() == before  # nothing changed, same stamp
    os.utime(tmp_path / "fonts" / "truetype", ns=(1, 1))  # a font added or removed touches its folder
    font_cache.installed_fonts_stamp.cache_clear()
    assert font_cache.installed_fonts_stamp() != before
    font_cache.installed_fonts_stamp.cache_clear()


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="needs fontconfig's fc-match")
def test_the_cover_asks_fontconfig_once_until_the_fonts_change(cache, tmp_path, monkeypatch):
    from exporter import cover

    asked: list[str] = []
    real = cover._ask_fc_match
    monkeypatch.setattr(cover, "_ask_fc_match", lambda pattern: asked.append(pattern) or real(pattern))
    monkeypatch.setattr(font_cache, "_FONT_ROOTS", (str(tmp_path / "fonts"),))
    (tmp_path / "fonts").mkdir()
    font_cache.installed_fonts_stamp.cache_clear()
    arabic = "مقالة عن البحر"
    found = cover._fontconfig_match(arabic)
    font_cache.forget_loaded()
    assert cover._fontconfig_match(arabic) == found and len(asked) == 1
    os.utime(tmp_path / "fonts", ns=(1, 1))
    font_cache.forget_loaded()
    cover._fontconfig_match(arabic)
    assert len(asked) == 2


# ---------------------------------------------------------------- the PDF beside the EPUB


FORK_COUNTER = """
import json, os, sys
forks = []
real_fork = os.fork
def counting_fork():
    forks.append(1)
    return real_fork()
os.fork = counting_fork
{setup}
from exporter.cli import main
status = main(sys.argv[1:])
print(json.dumps({{"status": status, "forks": len(forks)}}))
"""


def export(tmp_path: Path, out: str, *args: str, setup: str = "") -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", FORK_COUNTER.format(setup=setup), "-q", "--force",
                           "-o", str(tmp_path / out), *args], capture_output=True, text=True)
    assert done.stdout.strip(), done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_epub_and_pdf_side_by_side_give_the_same_books(tmp_path, seed_path):
    beside, _ = export(tmp_path, "beside", "-j", "2", str(seed_path))
    alone, _ = export(tmp_path, "alone", "-j", "1", str(seed_path))
    assert beside == {"status": 0, "forks": 1} and alone == {"status": 0, "forks": 0}
    for suffix in (".epub", ".pdf"):
        [beside_book], [alone_book] = books(tmp_path / "beside", suffix), books(tmp_path / "alone", suffix)
        assert beside_book.name == alone_book.name and beside_book.read_bytes() == alone_book.read_bytes(), suffix
    [pdf] = books(tmp_path / "beside", ".pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 3 and "repentance" in "".join(p.extract_text() for p in reader.pages).lower()
    assert no_temporaries(tmp_path)


def test_the_pdfs_warnings_reach_the_report_and_stderr_once_and_in_order(tmp_path):
    from exporter._fontconfig import missing_scripts

    if not missing_scripts("\U00010570"):
        pytest.skip("an installed font covers Vithkuqi (or fc-list is missing): no warning to follow")
    page = tmp_path / "in" / "vithkuqi.html"
    page.parent.mkdir()
    page.write_text("<html lang='en'><head><title>Letters of Old</title></head><body><article>"
                    "<h1>Letters of Old</h1><p>By Ann Writer</p>"
                    + "<p>The inscription reads \U00010570\U00010571\U00010572 and it is very old indeed. </p>" * 6
                    + "</article></body></html>", "utf-8")
    runs = {}
    for jobs in ("2", "1"):
        done = subprocess.run([sys.executable, "-m", "exporter", "--json", "--force", "-j", jobs,
                               "-o", str(tmp_path / jobs), str(page)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        runs[jobs] = (json.loads(done.stdout)["files"][0]["warnings"], done.stderr)
    assert runs["2"] == runs["1"]
    warnings, stderr = runs["2"]
    # Vithkuqi (Unicode 14) is in no font of fonts-noto-core: the PDF backend warns about it.
    assert any("Vithkuqi" in w for w in warnings), warnings
    assert stderr.count("Vithkuqi") == 1, stderr


def test_a_pdf_that_fails_beside_its_epub_fails_as_before(tmp_path, seed_path):
    results = {}
    for jobs in ("2", "1"):
        result, stderr = export(tmp_path, jobs, "-j", jobs, "--max-pdf-chars", "50", str(seed_path))
        results[jobs] = (result["status"], stderr.replace(str(tmp_path / jobs), "OUT"))
        assert suffixes(tmp_path / jobs) == [".epub"]
    assert results["2"] == results["1"]
    status, stderr = results["2"]
    assert status == 1 and stderr.count("exporter: error:") == 1 and seed_path.name in stderr
    assert no_temporaries(tmp_path)


def test_a_bad_single_input_is_one_error_line_and_exit_1_either_way(tmp_path):
    bad = tmp_path / "in" / "empty.html"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    results = {}
    for jobs in ("2", "1"):
        result, stderr = export(tmp_path, jobs, "-j", jobs, str(bad))
        results[jobs] = (result["status"], stderr)
        assert suffixes(tmp_path / jobs) == []
    assert results["2"] == results["1"]
    status, stderr = results["2"]
    assert status == 1 and stderr.count("exporter: error:") == 1 and "empty.html" in stderr, stderr


def test_a_pdf_process_killed_by_the_os_fails_only_the_pdf(tmp_path, seed_path):
    kill_in_pdf = ("import exporter.backends.pdf as pdf, signal\n"
                   "pdf.write_pdf = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n")
    result, stderr = export(tmp_path, "out", "-j", "2", str(seed_path), setup=kill_in_pdf)
    assert result == {"status": 1, "forks": 1}
    assert "the PDF process died (killed by signal 9)" in stderr and seed_path.name in stderr, stderr
    assert suffixes(tmp_path / "out") == [".epub"]
    assert no_temporaries(tmp_path)


def test_no_fork_while_other_threads_run_or_off_the_main_thread():
    from exporter import forked_pdf

    # (That it does fork in a one-thread process: test_epub_and_pdf_side_by_side_give_the_same_books.)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not forked_pdf.possible()  # another thread might hold a lock the child would need
    finally:
        stop.set()
        other.join()
    seen: list[bool] = []
    worker = threading.Thread(target=lambda: seen.append(forked_pdf.possible()))  # as the GUI's exports run
    worker.start()
    worker.join()
    assert seen == [False]


def test_a_pdf_process_killed_while_loading_weasyprint_fails_only_the_pdf(tmp_path, seed_path):
    die_in_preload = ("import exporter.backends as backends, signal\n"
                      "def dying(formats):\n"
                      "    os.kill(os.getpid(), signal.SIGKILL)\n"
                      "backends.preload = dying\n")
    result, stderr = export(tmp_path, "out", "-j", "2", str(seed_path), setup=die_in_preload)
    assert result == {"status": 1, "forks": 1}
    assert "the PDF process died (killed by signal 9)" in stderr, stderr
    assert suffixes(tmp_path / "out") == [".epub"]
    assert no_temporaries(tmp_path)


# ---------------------------------------------------------------- the process's exit


@pytest.mark.parametrize("as_process", [True, False])
def test_only_the_whole_process_tunes_the_collector_and_skips_it_at_exit(tmp_path, seed_path, as_process):
    # The checker is registered first, so it runs after main's hook (atexit is last in, first out).
    args = ["--epub", "-q", "-o", str(tmp_path), str(seed_path)]
    call = f"sys.argv = ['exporter', *{args!r}]\nstatus = main()\n" if as_process else f"status = main({args!r})\n"
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen' if gc.get_freeze_count() else 'collected', flush=True))\n"
        "from exporter.cli import main\n" + call + "print(status, gc.get_threshold()[0])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    young = "50000" if as_process else "700"  # a library caller's collector is left as it was
    assert done.stdout.split()[-3:] == ["0", young, "frozen" if as_process else "collected"]
    assert (tmp_path / "an-act-of-repentance.epub").is_file()
