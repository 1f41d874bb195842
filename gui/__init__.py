"""Article Exporter desktop GUI (PySide6). Uses only the names in `exporter.__all__`."""
