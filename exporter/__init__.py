"""Article Exporter: scraped articles to EPUB 3 and print-ready PDF.

`gui/` and other callers use only the names in ``__all__``. Importing this
package is cheap: no Qt, no WeasyPrint (backends load on first use).
"""

from .batch import BatchReport, FileReport, default_jobs, export_batch
from .delivery import (
    DeliveryConfig, DeliveryResult, DeviceSettings, SmtpSettings, default_config_path, list_devices, load_config,
    send_book,
)
from .delivery.config import DEFAULT_PORTS, DEVICE_KINDS, is_email_address
from .delivery.setup import has_smtp_password, save_config, send_test_message, store_smtp_password
from .errors import ExitStatus, ExporterError, exit_code_for
from .model import Article, Bio, Meta, plain_text
from .options import (
    DEFAULT_PAGE_SIZE, FORMATS, PAGE_SIZES, PDF_VARIANTS, ExportOptions, MetaOverrides, PageSize, parse_length,
    parse_page_size,
)
from .pipeline import export_file, load_article, prepared_article
from .preview import CheckedArticle, book_pdf, check_article, preview_fonts, preview_html
from .reading import SUPPORTED_SUFFIXES
from .transforms import validate_overrides

__version__ = "0.1.0"

__all__ = [
    "Article", "Bio", "Meta", "plain_text",
    "ExportOptions", "MetaOverrides", "PageSize", "PAGE_SIZES", "DEFAULT_PAGE_SIZE", "FORMATS", "PDF_VARIANTS",
    "parse_length", "parse_page_size", "validate_overrides",
    "export_batch", "export_file", "load_article", "prepared_article", "default_jobs",
    "preview_html", "preview_fonts", "book_pdf", "check_article", "CheckedArticle",
    "BatchReport", "FileReport",
    "send_book", "load_config", "list_devices", "DeliveryResult",
    "DeliveryConfig", "SmtpSettings", "DeviceSettings", "default_config_path", "save_config", "store_smtp_password",
    "has_smtp_password", "send_test_message", "is_email_address", "DEFAULT_PORTS", "DEVICE_KINDS",
    "ExitStatus", "ExporterError", "exit_code_for",
    "SUPPORTED_SUFFIXES",
    "__version__",
]
