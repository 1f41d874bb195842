"""Where the GUI remembers things between runs (output folder, export choices, window size).

One INI file per user under the organisation/application names, on every
platform, so tests can point it at a temporary folder with
``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "Article Exporter"
APPLICATION = "Article Exporter"


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
