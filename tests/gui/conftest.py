"""GUI tests: offscreen Qt, settings in a temporary folder, dialogs that never block."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("PySide6", reason="the GUI tests need PySide6 (pip install -e '.[test]')")
pytest.importorskip("pytestqt", reason="the GUI tests need pytest-qt")

from lxml import etree  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

import gui.dialogs  # noqa: E402

EXPORT_TIMEOUT_MS = 180_000  # a ceiling for slow CI machines, not a wait: waitSignal returns at the signal


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory):
    """QSettings (output folder, window size) go to a fresh folder for every test."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return folder


class DialogLog:
    """What the window asked or told the user, instead of modal dialogs."""

    def __init__(self) -> None:
        self.informed: list[str] = []
        self.errors: list[str] = []
        self.asked: list[str] = []
        self.opened: list[Path] = []
        self.answer = True


@pytest.fixture
def dialog_log(monkeypatch) -> DialogLog:
    log = DialogLog()
    monkeypatch.setattr(gui.dialogs, "inform", lambda parent, title, text: log.informed.append(text))
    monkeypatch.setattr(gui.dialogs, "error", lambda parent, title, text: log.errors.append(text))

    def ask(parent, title, text):
        log.asked.append(text)
        return log.answer

    monkeypatch.setattr(gui.dialogs, "ask", ask)
    monkeypatch.setattr(gui.dialogs, "open_folder", lambda path: log.opened.append(Path(path)) or True)

    def no_file_dialog(*args, **kwargs):
        raise AssertionError("a test opened a real file dialog")

    monkeypatch.setattr(gui.dialogs, "ask_open_files", no_file_dialog)
    monkeypatch.setattr(gui.dialogs, "ask_folder", no_file_dialog)
    return log


@pytest.fixture
def window(qtbot, dialog_log, tmp_path):
    from gui.main_window import MainWindow

    main_window = MainWindow()
    qtbot.addWidget(main_window)
    main_window.resize(1280, 800)
    main_window.output_edit.setText(str(tmp_path / "out"))
    main_window.show()
    yield main_window
    if main_window.is_exporting():  # never leave a thread running past its test
        main_window.cancel_export()
        with qtbot.waitSignal(main_window.exportFinished, timeout=EXPORT_TIMEOUT_MS):
            pass


def export_and_wait(qtbot, window):
    """Press Export and return the BatchReport once the window has shown it."""
    with qtbot.waitSignal(window.exportFinished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        window.export_button.click()
    return blocker.args[0]


_OPF_NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container", "dc": "http://purl.org/dc/elements/1.1/"}


def epub_title(path: Path) -> str:
    """dc:title of the package document, found through META-INF/container.xml."""
    with zipfile.ZipFile(path) as archive:
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.find(".//c:rootfile", _OPF_NS).get("full-path")
        opf = etree.fromstring(archive.read(opf_path))
    return opf.find(".//dc:title", _OPF_NS).text


def pdf_title(path: Path) -> str:
    from pypdf import PdfReader

    return PdfReader(path).metadata.title


CHECK_TIMEOUT_MS = 60_000  # ceilings, not waits: waitUntil returns as soon as the condition holds
RENDER_TIMEOUT_MS = 120_000


def add_and_check(qtbot, window, paths):
    """Add ``paths`` and wait until the background check has marked every article."""
    window.add_paths(paths)
    qtbot.waitUntil(lambda: all(entry.checked for entry in window.entries.values()), timeout=CHECK_TIMEOUT_MS)


def wait_for_pages(qtbot, window, count=None):
    """Wait until the preview shows pages (``count`` of them, when given) and draws nothing more."""
    def ready():
        preview = window.preview
        done = preview.page_count() > 0 and not preview.is_rendering() and not window._preview_timer.isActive()
        return done and (count is None or preview.page_count() == count)

    qtbot.waitUntil(ready, timeout=RENDER_TIMEOUT_MS)
    return window.preview.page_count()


def file_names(window):
    """The file name under each article's title, in the list's order."""
    from gui.article_list import PATH_ROLE

    return [Path(window.input_list.item(row).data(PATH_ROLE)).name for row in range(window.input_list.count())]


def two_articles_second_retitled(qtbot, window, seed_path, folder, title="The Second One"):
    """Two copies of the sample in ``folder``, both listed and read, the second one retitled."""
    import shutil

    folder.mkdir(exist_ok=True)
    first, second = folder / "first.txt", folder / "second.txt"
    shutil.copy(seed_path, first)
    shutil.copy(seed_path, second)
    add_and_check(qtbot, window, [first, second])
    window.input_list.setCurrentRow(1)
    window.set_field("title", title)
    return first, second


def send_through_dialog(qtbot, monkeypatch, press, address=None):
    """Press "Send to e-reader…" (``press()``), send from the dialog (to ``address`` when given,
    else to the first device) and return (the device lines shown, the result lines)."""
    import gui.dialogs

    shown = []

    def drive(dialog):
        shown.append([dialog.device_list.item(i).text() for i in range(dialog.device_list.count())])
        if address is not None:
            dialog.address_edit.setText(address)
        with qtbot.waitSignal(dialog.sent, timeout=30_000) as sent:
            dialog.send_button.click()
        shown.append(sent.args[0])
        return 0

    monkeypatch.setattr(gui.dialogs, "run_dialog", drive)
    press()
    return shown[0], shown[1]
