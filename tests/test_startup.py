"""Start-up cost guards: what the CLI path imports, and no subprocesses while
loading WeasyPrint (each ctypes.util.find_library miss spawns ldconfig/gcc)."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import subprocess
spawned = []
original = subprocess.Popen.__init__
def counting(self, *args, **kwargs):
    spawned.append(args[0] if args else kwargs.get("args"))
    return original(self, *args, **kwargs)
subprocess.Popen.__init__ = counting
from exporter._weasyprint import weasyprint_module
weasyprint_module()
print(len(spawned))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the quick library lookup is for Linux sonames")
def test_loading_weasyprint_spawns_no_subprocess():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0", done.stderr


def _epub_only_then(tmp_path, seed_path, checks: str) -> None:
    """Export the seed's EPUB alone in a fresh interpreter, then run ``checks`` in it."""
    code = (
        "import sys\n"
        "from exporter.cli import main\n"
        f"status = main(['--epub', '-q', '-o', {str(tmp_path)!r}, {str(seed_path)!r}])\n"
        "assert status == 0, status\n"
    ) + checks
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "an-act-of-repentance.epub").is_file()  # named after the title


def test_cli_export_of_epub_only_never_imports_weasyprint_qt_or_html(tmp_path, seed_path):
    _epub_only_then(tmp_path, seed_path, (
        # html: its entities table and regexes are unescape's; the writers escape with _escape.
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'PySide6', 'html'))\n"
        "assert not loaded, loaded\n"
    ))


def test_cli_export_of_epub_only_leaves_pillow_exif_tags_unbuilt(tmp_path, seed_path):
    """The cover never reads EXIF: PIL.ExifTags (five enums, 26 M instructions to build) is
    deferred by exporter._pillow, and still there, whole, for whoever reads EXIF later."""
    _epub_only_then(tmp_path, seed_path, (
        "exif_tags = sys.modules['PIL.ExifTags']\n"
        "assert type(exif_tags).__name__ == '_LazyModule', type(exif_tags)\n"
        "from PIL import ExifTags, Image\n"
        "assert ExifTags is exif_tags and ExifTags.Base.Orientation == 0x0112\n"
        "assert Image.ExifTags is ExifTags and type(ExifTags).__name__ == 'module'\n"
    ))


def test_a_cover_with_a_picture_builds_exif_tags_before_its_thread_starts():
    """Python 3.11's LazyLoader has no lock: the picture's EXIF must not be the cover
    thread's to build while the calling thread might read it too."""
    code = (
        "import io, sys\n"
        "from exporter.cover import CoverText, cover_jpeg_beside\n"
        "from exporter._pillow import Image\n"
        "assert type(sys.modules['PIL.ExifTags']).__name__ == '_LazyModule'\n"
        "buffer = io.BytesIO()\n"
        "Image.new('RGB', (40, 30), (200, 120, 40)).save(buffer, 'JPEG')\n"
        "result = cover_jpeg_beside(CoverText('A title', picture=buffer.getvalue()))\n"
        "assert type(sys.modules['PIL.ExifTags']).__name__ == 'module'\n"
        "assert result()[:2] == b'\\xff\\xd8'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
