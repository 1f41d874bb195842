"""What scripts/setup-system.sh must give a fresh machine, and how the PDF
adapter behaves where something is missing.

The subsetter test below fails on a machine where libharfbuzz-subset0 is
absent: that is the point (a user's machine lacked it and CI never saw it).
"""

from __future__ import annotations

import logging
import shutil
import subprocess

import pytest

from exporter import _fontconfig, _weasyprint
from exporter.backends.pdf import build_pdf
from exporter.options import ExportOptions
from exporter.render import Book

from .epub_util import sample_article as small_article

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:weasyprint.*")


def test_harfbuzz_subsetter_loads():
    """setup-system.sh installs libharfbuzz-subset0: WeasyPrint must find it, or every PDF is slow and warns."""
    _weasyprint.weasyprint_module()
    from weasyprint.text import ffi

    assert ffi.harfbuzz_subset is not None, "libharfbuzz-subset0 missing: run scripts/setup-system.sh"
    assert ffi.harfbuzz.hb_version_atleast(4, 1, 0)


@pytest.mark.parametrize("tool", ["pdffonts", "pdftotext", "pdftoppm", "fc-list", "java"])
def test_tools_the_suite_uses_are_installed(tool):
    assert shutil.which(tool), f"{tool} missing: run scripts/setup-system.sh"


def test_setup_script_is_quiet_when_nothing_is_missing():
    done = subprocess.run(["bash", "scripts/setup-system.sh"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("", "")


@pytest.fixture
def without_subsetter(monkeypatch):
    """WeasyPrint as on a machine without libharfbuzz-subset0."""
    _weasyprint.weasyprint_module()
    from weasyprint.pdf import fonts
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    monkeypatch.setattr(fonts, "harfbuzz_subset", None)
    yield
    weasy_log = logging.getLogger("weasyprint")
    for dropped in [f for f in weasy_log.filters if isinstance(f, _weasyprint._DropFontToolsFallback)]:
        weasy_log.removeFilter(dropped)


def test_missing_subsetter_is_said_once_in_one_line_and_books_carry_no_font_warnings(
        without_subsetter, tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        _weasyprint._check_font_subsetter()
    ours = [r.getMessage() for r in caplog.records if r.name == "exporter._weasyprint"]
    assert len(ours) == 1 and "\n" not in ours[0]
    assert "libharfbuzz-subset0" in ours[0] and "slower" in ours[0]

    caplog.clear()
    with caplog.at_level(logging.WARNING):
        result = build_pdf(Book.single(small_article()), ExportOptions(formats=("pdf",)), tmp_path / "a.pdf")
    assert result.warnings == ()
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
    assert (tmp_path / "a.pdf").stat().st_size > 1000  # fontTools still subset and embedded the fonts


def test_script_names_come_from_the_unicode_script_property():
    assert _fontconfig.script_name("ア") == "Katakana"
    assert _fontconfig.script_name("\U00010300") == "Old Italic"
    assert _fontconfig.script_name("中") == "Han"
    assert _fontconfig.script_name("🙂") == "emoji"
    assert _fontconfig.script_name("❤") == "emoji"
    assert _fontconfig.script_name("∑") == "Mathematical Operators"


def test_an_emoji_no_font_has_is_called_emoji(monkeypatch):
    monkeypatch.setattr(_fontconfig, "covered_ranges", lambda: ((0x20,), (0x2FF,)))
    found = _fontconfig.missing_scripts("Slightly smiling 🙂 and 😀")
    assert [(s.name, s.count) for s in found] == [("emoji", 2)]
    assert found[0].describe().startswith("no installed font has emoji characters (e.g. U+1F642 SLIGHTLY SMILING")


def test_emoji_print_from_the_installed_emoji_font(tmp_path):
    """fonts-noto-color-emoji is installed by the setup script: emoji are embedded, not boxes."""
    text = "A sentence with a smile 🙂 in it."
    assert _fontconfig.missing_scripts(text) == []
    from exporter.model import Paragraph, Text

    article = small_article()
    article = type(article)(article.meta, article.blocks + (Paragraph((Text(text),)),))
    result = build_pdf(Book.single(article), ExportOptions(formats=("pdf",)), tmp_path / "e.pdf")
    assert result.warnings == ()
    fonts = subprocess.run(["pdffonts", str(tmp_path / "e.pdf")], capture_output=True, text=True, check=True).stdout
    assert "Emoji" in fonts
