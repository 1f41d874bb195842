"""The argument parser every ``exporter`` command builds on: errors raise, never exit.

Shared by `exporter.cli` and `exporter.delivery.commands` (which used to import
the CLI's private class while the CLI imported it back).
"""

from __future__ import annotations

import argparse

from .errors import UsageError


class RaisingParser(argparse.ArgumentParser):
    """argparse that raises `UsageError` instead of exiting, so ``main`` maps usage errors to 2
    (and can still print a JSON object for ``--json``)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)
