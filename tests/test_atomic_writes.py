"""No data loss: an output is replaced whole or not at all, a folder that cannot
be written gives one clear line and exit 1, and the source is never touched.

The tests run as root here, where ``chmod 0o555`` does not stop writes; the
unwritable folder is made another way (its parent is a regular file), and
"read-only file system" and "disk full" come from ``os.replace`` and the
writer raising the real errno.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from exporter.atomic import TEMP_PREFIX, atomic_output

from .conftest import REPO_ROOT, file_digest
from .test_cli import run


@pytest.fixture
def article(tmp_path: Path, seed_path: Path) -> Path:
    target = tmp_path / "in" / "article.txt"
    target.parent.mkdir()
    shutil.copy(seed_path, target)
    return target


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


# ---------------------------------------------------------------- a writer that dies half-way


def test_a_writer_failing_half_way_leaves_the_old_file(tmp_path, monkeypatch, article):
    out = tmp_path / "out"
    out.mkdir()
    old = out / "an-act-of-repentance.epub"
    old.write_bytes(b"the previous book")

    def half_then_crash(book, options, destination):
        Path(destination).write_bytes(b"PK\x03\x04" + b"x" * 50_000)
        raise RuntimeError("simulated crash after writing half the book")

    monkeypatch.setattr("exporter.pipeline.get_writer", lambda fmt: half_then_crash)
    digest = file_digest(article)
    code, out_text, err = run(str(article), "--epub", "-o", str(out), "-q")
    assert code == 1
    assert old.read_bytes() == b"the previous book"
    assert leftovers(out) == []
    assert file_digest(article) == digest
    assert "simulated crash" in err and err.count("\n") == 1, err


def test_the_book_is_synced_to_disk_and_the_build_state_only_replaced(tmp_path, monkeypatch, seed_path):
    """A book survives a crash right after the export; the build state need not (unreadable,
    it means "rebuild"), so it skips the fsync and is still replaced atomically."""
    synced = []
    real = os.fsync

    def recording(descriptor):
        synced.append(Path(os.readlink(f"/proc/self/fd/{descriptor}")).suffix)
        real(descriptor)

    monkeypatch.setattr("exporter.atomic.os.fsync", recording)
    code, _, _ = run("--epub", "-q", "-o", str(tmp_path), str(seed_path))
    assert code == 0 and synced == [".epub"]
    assert (tmp_path / ".exporter-state.json").is_file() and not list(tmp_path.glob(TEMP_PREFIX + "*"))


@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, SystemExit])
def test_an_interrupt_inside_the_writer_removes_the_temporary(tmp_path, interrupt):
    target = tmp_path / "book.pdf"
    target.write_bytes(b"old")
    with pytest.raises(interrupt):
        with atomic_output(target) as temporary:
            temporary.write_bytes(b"half a new book")
            raise interrupt()
    assert target.read_bytes() == b"old"
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------- SIGKILL at random moments

_KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from exporter.atomic import atomic_output

    target, chunk, count = Path(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
    print("ready", flush=True)
    with atomic_output(target) as temporary:
        with open(temporary, "wb") as handle:
            for _ in range(count):
                handle.write(chunk * 4096)
                handle.flush()
                time.sleep(0.002)
""")


def test_sigkill_at_random_moments_never_leaves_a_partial_file(tmp_path):
    """A writer process killed at a random moment: the target is the old file or the whole new one."""
    rng = random.Random(int(os.environ.get("ATOMIC_SEED", "8")))
    target = tmp_path / "book.epub"
    old = b"A" * 4096 * 200
    new = b"B" * 4096 * 200
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    outcomes = set()
    for attempt in range(8):
        target.write_bytes(old)
        process = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(target), "B", "200"],
                                   stdout=subprocess.PIPE, env=env)
        assert process.stdout.readline().strip() == b"ready"
        if attempt:  # the write takes about 0.5 s: kill anywhere in it, or just after it
            time.sleep(rng.uniform(0.0, 0.8))
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)  # the first attempt runs to the end
        data = target.read_bytes()
        assert data in (old, new), f"partial file after SIGKILL: {len(data)} bytes"
        outcomes.add("new" if data == new else "old")
        for name in leftovers(tmp_path):  # a killed process cannot clean up; the next run does
            (tmp_path / name).unlink()
    assert outcomes == {"old", "new"}  # killed mid-write at least once; the first attempt finished


def test_sigkill_during_a_real_pdf_export(tmp_path, article):
    """The real command, killed while WeasyPrint lays out the book: the old PDF stays whole."""
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(str(article), "--pdf", "-o", str(out), "-q")
    assert code == 0, err
    previous = (out / "an-act-of-repentance.pdf").read_bytes()
    digest = file_digest(article)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(3)
    for delay in (rng.uniform(0.8, 2.5), rng.uniform(2.5, 4.0)):
        process = subprocess.Popen([sys.executable, "-m", "exporter", str(article), "--pdf", "-o", str(out),
                                    "--force", "--title", "A New Title", "-q"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        data = (out / "an-act-of-repentance.pdf").read_bytes()
        assert data == previous or _is_complete_pdf(data), f"partial PDF after SIGKILL at {delay:.2f} s"
        previous = data
    assert file_digest(article) == digest


def _is_complete_pdf(data: bytes) -> bool:
    from pypdf import PdfReader

    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        return False
    return len(PdfReader(io.BytesIO(data)).pages) > 0


# ---------------------------------------------------------------- folders that cannot be written


def test_output_folder_under_a_regular_file_is_a_clear_error(tmp_path, article):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    digest = file_digest(article)
    code, out, err = run(str(article), "--epub", "-o", str(blocker / "out"), "-q")
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("exporter: error: "), err
    assert "not-a-folder" in lines[0] and "Traceback" not in err
    assert file_digest(article) == digest


def test_read_only_folder_is_a_clear_error(tmp_path, article):
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o555)
    try:
        if os.access(out, os.W_OK):  # root ignores the mode bits; see the module notes
            pytest.skip("running as root: chmod 0o555 does not stop writes (covered by the EROFS test)")
        code, _, err = run(str(article), "--epub", "-o", str(out), "-q")
        assert code == 1
        assert "not writable" in err and err.count("\n") == 1, err
    finally:
        out.chmod(0o755)


@pytest.mark.parametrize("code_, words", [(errno.EROFS, "not writable"), (errno.ENOSPC, "no space left"),
                                          (errno.EACCES, "not writable")])
def test_replace_failing_with_a_real_errno_keeps_the_old_file(tmp_path, monkeypatch, article, code_, words):
    out = tmp_path / "out"
    out.mkdir()
    old = out / "an-act-of-repentance.epub"
    old.write_bytes(b"the previous book")

    def refuse(source, destination):
        raise OSError(code_, os.strerror(code_), str(destination))

    monkeypatch.setattr("exporter.atomic.os.replace", refuse)
    digest = file_digest(article)
    code, out_text, err = run(str(article), "--epub", "-o", str(out), "-q")
    assert code == 1
    assert out_text == ""
    assert words in err and err.count("\n") == 1 and "Traceback" not in err, err
    assert str(old) in err
    assert old.read_bytes() == b"the previous book"
    assert leftovers(out) == []
    assert file_digest(article) == digest


def test_disk_full_while_writing_is_a_clear_error(tmp_path, monkeypatch, article):
    """ENOSPC raised by the writer itself (the disk fills during the write)."""
    out = tmp_path / "out"

    def full(book, options, destination):
        with open(destination, "wb") as handle:
            handle.write(b"PK\x03\x04")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(destination))

    monkeypatch.setattr("exporter.pipeline.get_writer", lambda fmt: full)
    code, _, err = run(str(article), "--epub", "-o", str(out), "-q")
    assert code == 1
    assert "no space left on the device" in err and err.count("\n") == 1, err
    assert not (out / "an-act-of-repentance.epub").exists()
    assert leftovers(out) == []


def test_tiny_tmpfs_fills_up_with_a_clear_error(tmp_path, article):
    """A real full disk, where mounting is allowed (root in a VM; skipped in most containers)."""
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip() or result.returncode}")
    try:
        (mount_point / "an-act-of-repentance.pdf").write_bytes(b"old")
        code, _, err = run(str(article), "--pdf", "-o", str(mount_point), "-q")
        assert code == 1
        assert "no space left" in err and err.count("\n") == 1, err
        assert (mount_point / "an-act-of-repentance.pdf").read_bytes() == b"old"
        assert leftovers(mount_point) == []
    finally:
        subprocess.run(["umount", str(mount_point)], capture_output=True)


def test_exports_never_modify_the_source(tmp_path, article):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in article.parent.iterdir()}
    stat_before = article.stat()
    code, _, err = run(str(article), "-o", str(tmp_path / "out"), "-q")
    assert code == 0, err
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in article.parent.iterdir()}
    assert after == before, "the input folder changed"
    assert article.stat().st_mtime_ns == stat_before.st_mtime_ns
