"""Article Exporter: scraped articles to EPUB 3 and print-ready PDF.

`gui/` and other callers use only the names in ``__all__``.
"""

from .errors import ExitStatus, ExporterError
from .model import Article, Bio, Meta
from .options import ExportOptions, MetaOverrides

__version__ = "0.1.0"

__all__ = [
    "Article", "Bio", "Meta",
    "ExportOptions", "MetaOverrides",
    "ExitStatus", "ExporterError",
    "__version__",
]
