"""Does calibre read our EPUB back? ``ebook-meta`` must find title, author and
language, and ``ebook-convert`` must make an AZW3 (Kindle's format) without
errors.

Run by hand (prints calibre's own output, for the record):

    .venv/bin/python -m tests.interop.calibre_interop [BOOK.epub]

With no argument it exports the seed first. test_calibre_interop.py runs the
same checks and skips, saying so, when calibre is not installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

# calibre's Qt WebEngine refuses to start as root without these, and has no display here.
CALIBRE_ENV = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox", "QT_QPA_PLATFORM": "offscreen"}
INSTALL_HINT = "calibre is not installed (`apt-get install calibre` gives ebook-meta and ebook-convert)"


@dataclass(frozen=True)
class InteropResult:
    meta_output: str
    fields: dict[str, str]  # ebook-meta's "Key : value" lines
    convert_returncode: int
    convert_output: str
    azw3: Path

    @property
    def convert_errors(self) -> list[str]:
        return [line for line in self.convert_output.splitlines()
                if re.search(r"\b(error|traceback|failed)\b", line, re.IGNORECASE)]


def calibre_available() -> bool:
    return shutil.which("ebook-meta") is not None and shutil.which("ebook-convert") is not None


def _run(command: list[str], timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, **CALIBRE_ENV}
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env)


def check_with_calibre(epub: Path, workdir: Path) -> InteropResult:
    meta = _run(["ebook-meta", str(epub)])
    fields = {}
    for line in meta.stdout.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    azw3 = Path(workdir) / (Path(epub).stem + ".azw3")
    converted = _run(["ebook-convert", str(epub), str(azw3)])
    return InteropResult(meta.stdout + meta.stderr, fields, converted.returncode,
                         converted.stdout + converted.stderr, azw3)


def _seed_epub(folder: Path) -> Path:
    from exporter.options import ExportOptions
    from exporter.pipeline import export_file

    seed = Path(__file__).resolve().parents[2] / "source" / "act-of-repentance.txt"
    [written] = export_file(seed, ExportOptions(formats=("epub",), output_dir=folder))
    return written.path


def main(argv: list[str]) -> int:
    if not calibre_available():
        print(f"skipped: {INSTALL_HINT}")
        return 0
    with tempfile.TemporaryDirectory(prefix="calibre-interop-") as work:
        epub = Path(argv[0]) if argv else _seed_epub(Path(work))
        result = check_with_calibre(epub, Path(work))
        print(f"$ ebook-meta {epub.name}\n{result.meta_output.rstrip()}\n")
        print(f"$ ebook-convert {epub.name} {result.azw3.name}  (exit {result.convert_returncode})")
        print("\n".join(result.convert_output.rstrip().splitlines()[-6:]))
        size = result.azw3.stat().st_size if result.azw3.is_file() else 0
        print(f"\nAZW3: {size} bytes; error lines in the conversion log: {len(result.convert_errors)}")
        return 0 if result.convert_returncode == 0 and size and not result.convert_errors else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
