"""calibre reads our EPUB back (ebook-meta) and converts it to AZW3 (ebook-convert)."""

from __future__ import annotations

import pytest

from exporter.options import ExportOptions
from exporter.pipeline import export_file
from tests.epub_util import SEED
from tests.interop.calibre_interop import INSTALL_HINT, calibre_available, check_with_calibre

pytestmark = pytest.mark.slow


def test_calibre_reads_metadata_and_converts_to_azw3(tmp_path):
    if not calibre_available():
        pytest.skip(INSTALL_HINT)
    [written] = export_file(SEED, ExportOptions(formats=("epub",), output_dir=tmp_path))
    result = check_with_calibre(written.path, tmp_path)
    assert result.fields.get("Title") == "An Act of Repentance", result.meta_output
    assert result.fields.get("Author(s)", "").startswith("William Taubman"), result.meta_output
    assert result.fields.get("Languages") in ("eng", "en"), result.meta_output
    assert result.convert_returncode == 0, result.convert_output[-3000:]
    assert result.azw3.is_file() and result.azw3.stat().st_size > 10_000
    assert not result.convert_errors, result.convert_errors
