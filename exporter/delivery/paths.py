"""Where the delivery settings live: kept apart from `config` (the settings' parser and
classes) because the CLI names this path in ``--send-config``'s help on every run."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "article-exporter"
CONFIG_FILE_NAME = "config.toml"


def default_config_path() -> Path:
    """``config.toml`` in the platform's user config folder (e.g. ~/.config/article-exporter)."""
    from .._user_dirs import user_config_path  # platformdirs' answer, on Linux without importing it

    return user_config_path(APP_NAME) / CONFIG_FILE_NAME
