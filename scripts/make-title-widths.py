#!/usr/bin/env python3
"""Writes styles/fonts/LinLibertine_R.widths.json: the advance width of every character of
Linux Libertine O Regular, in font units, for `exporter.backends.title_balance`.

A PDF's display titles are balanced from these widths. Reading them from the font with
fontTools takes about 0.2 s (its cmap table), a seventh of a one-article PDF, for the same
answer each run, so the table is shipped beside the font; tests/test_pdf_title_balance.py
checks that it still matches the font.

    .venv/bin/python scripts/make-title-widths.py
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from exporter.backends.title_balance import FONT_FILE, WIDTHS_FILE, widths_from_font  # noqa: E402


def main() -> int:
    table = widths_from_font(FONT_FILE)
    WIDTHS_FILE.write_text(json.dumps(table, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{WIDTHS_FILE.relative_to(ROOT)}: {len(table['widths'])} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
