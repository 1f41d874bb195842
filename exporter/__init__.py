"""Article Exporter: scraped articles to EPUB 3 and print-ready PDF.

`gui/` and other callers use only the names in ``__all__``. Importing this
package is cheap: no Qt, no WeasyPrint (backends load on first use), and each
public name's module is imported when the name is first used (PEP 562), so the
command line exporting one EPUB does not pay for e-mail delivery or previews.
"""

from ._lazy import lazy_names

__version__ = "0.1.0"

# Public name -> the module that defines it.
_PUBLIC = {
    **dict.fromkeys(("BatchReport", "FileReport", "default_jobs", "export_batch"), "batch"),
    **dict.fromkeys(("DeliveryResult", "list_devices", "load_config", "send_book", "DeliveryConfig", "SmtpSettings",
                     "DeviceSettings", "default_config_path"), "delivery"),
    **dict.fromkeys(("DEFAULT_PORTS", "DEVICE_KINDS", "is_email_address"), "delivery.config"),
    **dict.fromkeys(("save_config", "store_smtp_password", "has_smtp_password", "send_test_message"),
                    "delivery.setup"),
    **dict.fromkeys(("ExitStatus", "ExporterError", "exit_code_for"), "errors"),
    **dict.fromkeys(("Article", "Bio", "Meta", "plain_text"), "model"),
    **dict.fromkeys(("DEFAULT_PAGE_SIZE", "FORMATS", "PAGE_SIZES", "PDF_VARIANTS", "ExportOptions", "MetaOverrides",
                     "PageSize", "parse_length", "parse_page_size"), "options"),
    **dict.fromkeys(("export_file", "load_article", "prepared_article"), "pipeline"),
    **dict.fromkeys(("preview_fonts", "preview_html", "book_pdf", "check_article", "CheckedArticle",
                     "prepare_article"), "preview"),
    "validate_overrides": "transforms",
    **dict.fromkeys(("SUPPORTED_SUFFIXES", "SUPPORTED_KINDS"), "reading"),
    "is_url": "sources",
}

__all__ = [
    "Article", "Bio", "Meta", "plain_text",
    "ExportOptions", "MetaOverrides", "PageSize", "PAGE_SIZES", "DEFAULT_PAGE_SIZE", "FORMATS", "PDF_VARIANTS",
    "parse_length", "parse_page_size", "validate_overrides",
    "export_batch", "export_file", "load_article", "prepared_article", "default_jobs",
    "preview_html", "preview_fonts", "book_pdf", "check_article", "CheckedArticle", "prepare_article",
    "BatchReport", "FileReport",
    "send_book", "load_config", "list_devices", "DeliveryResult",
    "DeliveryConfig", "SmtpSettings", "DeviceSettings", "default_config_path", "save_config", "store_smtp_password",
    "has_smtp_password", "send_test_message", "is_email_address", "DEFAULT_PORTS", "DEVICE_KINDS",
    "ExitStatus", "ExporterError", "exit_code_for",
    "SUPPORTED_SUFFIXES", "SUPPORTED_KINDS", "is_url",
    "__version__",
]


__getattr__, __dir__ = lazy_names(__name__, _PUBLIC, __all__)
