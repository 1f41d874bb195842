"""Running blocking work (cleaning a file, SMTP, a slow USB stick) off the window's thread.

`run_call` starts one call on its own `QThread` and hands the result (or the
exception it raised) back on the window's thread. The window never blocks, and
a test can wait for `Call.done` with ``qtbot.waitSignal``.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class Call(QObject):
    """One blocking call; ``done`` carries its result or the exception it raised."""

    done = Signal(object)

    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self._function = function

    @Slot()
    def run(self) -> None:
        try:
            result = self._function()
        except Exception as err:  # shown to the user as one line; the traceback goes to the log
            if not isinstance(err, _EXPECTED):
                log.exception("background call failed")
            result = err
        self.done.emit(result)


def _expected() -> tuple[type[BaseException], ...]:
    from exporter import ExporterError

    return (ExporterError,)


_EXPECTED = _expected()


class Running(QObject):
    """A started call. Lives on the caller's thread, so ``done`` reaches ``on_done`` there;
    keeps the thread and the worker alive until the result is delivered."""

    finished = Signal(object)  # the result, after on_done ran (tests wait for it)

    def __init__(self, parent: QObject, function: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self.thread = QThread(parent)
        self.call = Call(function)
        self.call.moveToThread(self.thread)
        self._on_done = on_done
        self.thread.started.connect(self.call.run)
        self.call.done.connect(self._finish)
        self.thread.finished.connect(self.thread.deleteLater)

    @Slot(object)
    def _finish(self, result: Any) -> None:
        self.wait()
        self._on_done(result)
        self.finished.emit(result)
        self.deleteLater()

    def wait(self) -> None:
        self.thread.quit()
        self.thread.wait()


def run_call(parent: QObject, function: Callable[[], Any], on_done: Callable[[Any], None]) -> Running:
    """Run ``function`` on a new thread; ``on_done(result)`` runs on ``parent``'s thread."""
    running = Running(parent, function, on_done)
    running.thread.start()
    return running
