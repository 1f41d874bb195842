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


def test_cli_export_of_epub_only_never_imports_weasyprint_or_qt(tmp_path, seed_path):
    code = (
        "import sys\n"
        "from exporter.cli import main\n"
        f"status = main(['--epub', '-q', '-o', {str(tmp_path)!r}, {str(seed_path)!r}])\n"
        "assert status == 0, status\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'PySide6'))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "an-act-of-repentance.epub").is_file()  # named after the title
