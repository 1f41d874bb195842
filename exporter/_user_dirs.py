"""platformdirs adapter: the user's cache and config folders.

On Linux the answer is worked out here, the way platformdirs' Unix class works it
out (``$XDG_CACHE_HOME`` / ``$XDG_CONFIG_HOME`` when absolute, else ``~/.cache`` /
``~/.config`` when ``$HOME`` is absolute, then the application's name), because
importing platformdirs and asking it cost 24 M instructions measured alone (its
seven modules, plus tempfile and random, which the export loads anyway), and the
caches are found, and ``--send-config``'s help names the config file, on every run.
Anywhere else (another system, Android, no usable home) platformdirs answers.
tests/test_single_article.py compares both answers over the environments that matter.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_XDG = {"cache": ("XDG_CACHE_HOME", "~/.cache"), "config": ("XDG_CONFIG_HOME", "~/.config")}


def user_cache_path(app: str) -> Path:
    """``platformdirs.user_cache_path(app)``."""
    return _linux_folder("cache", app) or _platformdirs().user_cache_path(app)


def user_config_path(app: str) -> Path:
    """``platformdirs.user_config_path(app)``."""
    return _linux_folder("config", app) or _platformdirs().user_config_path(app)


def _linux_folder(kind: str, app: str) -> Path | None:
    if not sys.platform.startswith("linux") or hasattr(sys, "getandroidapilevel") or "ANDROID_DATA" in os.environ:
        return None
    variable, default = _XDG[kind]
    base = os.environ.get(variable, "")
    if os.path.isabs(base):
        return Path(base, app)
    if os.path.isabs(os.environ.get("HOME", "")):
        return Path(os.path.expanduser(default), app)
    return None


def _platformdirs():
    import platformdirs

    return platformdirs
