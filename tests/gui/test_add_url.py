"""Add URL…: a page served by a real local HTTP server is fetched once, in the background,
listed by its title, previewed from what was fetched, and exported with the user's edits."""

from __future__ import annotations

import zipfile

import gui.dialogs

from ..local_http import Route, serve
from .conftest import export_and_wait, wait_for_pages

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse Keeper Retires After 40 Years | Coast Courier</title>
<meta name="author" content="Ines Duarte"></head>
<body><nav><a href="/">Home</a></nav><article>
<h1>Lighthouse Keeper Retires After 40 Years</h1>
<p>The last keeper of the point lighthouse retired on Sunday after four decades of climbing its 120 steps
every evening, the coastguard said, and the light will now be run from the mainland.</p>
<p>He plans to stay in the keeper's cottage beside the tower, which the town has agreed to rent to him
for the rest of his life; the cafe below it will stay open all year.</p>
<p>Neighbours said they would miss the lamp he lit by hand on the darkest nights of the winter.</p>
</article><footer>Copyright Coast Courier</footer></body></html>"""


def test_a_typed_url_is_fetched_once_listed_previewed_and_exported_with_its_edits(
        qtbot, window, tmp_path, monkeypatch):
    with serve({"/story": Route(200, "text/html; charset=utf-8", PAGE.encode())}) as site:
        url = site.url("/story")
        monkeypatch.setattr(gui.dialogs, "ask_text", lambda *args: url)
        window.add_url_action.trigger()
        qtbot.waitUntil(lambda: window.entries[url].checked, timeout=60_000)
        entry = window.entries[url]
        assert entry.status == "ok", entry.problem()
        item = window.input_list.item(0)
        assert item.text() == "Lighthouse Keeper Retires After 40 Years"
        assert window.fields["author"].text() == "Ines Duarte"

        window.set_field("title", "The Last Keeper")
        wait_for_pages(qtbot, window)
        qtbot.waitUntil(lambda: "The Last Keeper" in window.preview.ebook_view.toPlainText(), timeout=60_000)
        assert site.requests == ["GET /story"]  # previews use what was fetched: asked once

        window.pdf_check.setChecked(False)
        report = export_and_wait(qtbot, window)
    assert not report.failed
    book = tmp_path / "out" / "the-last-keeper.epub"  # named after the edited title
    with zipfile.ZipFile(book) as archive:
        text = " ".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".xhtml"))
    assert "The Last Keeper" in text and "darkest nights" in text
    assert window.results.item(0).text().startswith(f"{url} → the-last-keeper.epub")


def test_a_url_that_cannot_be_fetched_is_marked_and_not_an_address_is_refused(qtbot, window, dialog_log):
    with serve({}) as site:
        missing = site.url("/gone")
        assert window.add_url(missing)
        qtbot.waitUntil(lambda: window.entries[missing].checked, timeout=60_000)
    assert window.entries[missing].status == "error"
    assert "404" in window.input_list.item(0).toolTip()
    assert not window.add_url("ftp://example.org/file.txt")
    assert dialog_log.errors and "Not a web address" in dialog_log.errors[-1]
