"""Article Exporter: scraped articles to EPUB 3 and print-ready PDF.

`gui/` and other callers use only the names in ``__all__``. Importing this
package is cheap: no Qt, no WeasyPrint (backends load on first use), and each
public name's module is imported when the name is first used (PEP 562), so the
command line exporting one EPUB does not pay for e-mail delivery or previews.
"""

from importlib import import_module

__version__ = "0.1.0"

# Public name -> the module that defines it.
_PUBLIC = {
    **dict.fromkeys(("BatchReport", "FileReport", "default_jobs", "export_batch"), "batch"),
    **dict.fromkeys(("DeliveryResult", "list_devices", "load_config", "send_book"), "delivery"),
    **dict.fromkeys(("ExitStatus", "ExporterError", "exit_code_for"), "errors"),
    **dict.fromkeys(("Article", "Bio", "Meta", "plain_text"), "model"),
    **dict.fromkeys(("DEFAULT_PAGE_SIZE", "FORMATS", "PAGE_SIZES", "PDF_VARIANTS", "ExportOptions", "MetaOverrides",
                     "PageSize", "parse_length", "parse_page_size"), "options"),
    **dict.fromkeys(("export_file", "load_article", "prepared_article"), "pipeline"),
    **dict.fromkeys(("preview_fonts", "preview_html"), "preview"),
    "SUPPORTED_SUFFIXES": "reading",
}

__all__ = [
    "Article", "Bio", "Meta", "plain_text",
    "ExportOptions", "MetaOverrides", "PageSize", "PAGE_SIZES", "DEFAULT_PAGE_SIZE", "FORMATS", "PDF_VARIANTS",
    "parse_length", "parse_page_size",
    "export_batch", "export_file", "load_article", "prepared_article", "default_jobs",
    "preview_html", "preview_fonts",
    "BatchReport", "FileReport",
    "send_book", "load_config", "list_devices", "DeliveryResult",
    "ExitStatus", "ExporterError", "exit_code_for",
    "SUPPORTED_SUFFIXES",
    "__version__",
]


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups are ordinary attribute reads
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
