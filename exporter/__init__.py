"""Article Exporter: scraped articles to EPUB 3 and print-ready PDF.

`gui/` and other callers use only the names in ``__all__``. Importing this
package is cheap: no Qt, no WeasyPrint (backends load on first use).
"""

from .batch import BatchReport, FileReport, default_jobs, export_batch
from .delivery import DeliveryResult, list_devices, load_config, send_book
from .errors import ExitStatus, ExporterError, exit_code_for
from .model import Article, Bio, Meta, plain_text
from .options import (
    DEFAULT_PAGE_SIZE, FORMATS, PAGE_SIZES, PDF_VARIANTS, ExportOptions, MetaOverrides, PageSize, parse_length,
    parse_page_size,
)
from .pipeline import export_file, load_article, prepared_article
from .preview import preview_fonts, preview_html
from .reading import SUPPORTED_KINDS, SUPPORTED_SUFFIXES
from .sources import is_url

__version__ = "0.1.0"

__all__ = [
    "Article", "Bio", "Meta", "plain_text",
    "ExportOptions", "MetaOverrides", "PageSize", "PAGE_SIZES", "DEFAULT_PAGE_SIZE", "FORMATS", "PDF_VARIANTS",
    "parse_length", "parse_page_size",
    "export_batch", "export_file", "load_article", "prepared_article", "default_jobs",
    "preview_html", "preview_fonts",
    "BatchReport", "FileReport",
    "send_book", "load_config", "list_devices", "DeliveryResult",
    "ExitStatus", "ExporterError", "exit_code_for",
    "SUPPORTED_SUFFIXES", "SUPPORTED_KINDS", "is_url",
    "__version__",
]
