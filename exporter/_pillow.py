"""Pillow adapter: ``PIL.Image`` without building ``PIL.ExifTags``'s enums at import.

``PIL.Image`` imports ``PIL.ExifTags`` at its top, and that module is five
``IntEnum`` classes of some 400 members in all: building them was 26 M of a
one-article EPUB export's 658 M instructions (more than importing ``PIL.Image``
itself), while Pillow reads them only in its EXIF methods (``getexif``,
``Exif.get_ifd``), which the generated cover never calls. So the module is
loaded with the standard library's own `importlib.util.LazyLoader`: the module
object exists at once, and its code runs on first attribute access (a
picture's orientation read through EXIF, on the thread reading pictures). What
any caller sees is the same module, the same enums.

Import ``Image`` from here (Pillow's other modules after it), so the deferral is
in place before ``PIL.Image`` first loads; if something imported ``PIL.Image``
earlier, ``PIL.ExifTags`` is loaded already and nothing changes.
"""

from __future__ import annotations

import importlib.util
import sys


def _defer(name: str) -> None:
    """Put a lazily executed module for ``name`` in ``sys.modules`` (unless it is there)."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)  # imports the parent package (PIL/__init__: small)
    if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as an import of the submodule would


_defer("PIL.ExifTags")

from PIL import Image  # noqa: E402 - after the deferral, on purpose

__all__ = ["Image", "load_exif_tags"]


def load_exif_tags() -> None:
    """Run ``PIL.ExifTags``'s deferred code now, on this thread (nothing when it ran).
    Python 3.11's LazyLoader takes no lock: a second thread reading the module while a
    first one builds it could find it half-built. Call this before handing a picture,
    whose EXIF Pillow may read, to another thread (the cover's)."""
    getattr(sys.modules.get("PIL.ExifTags"), "Base", None)
