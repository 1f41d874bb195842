"""USB delivery against temporary folders laid out like a Kindle, a Kobo and a plain folder."""

from __future__ import annotations

import io
import resource
import signal
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from exporter.cli import main
from exporter.delivery import (
    DeviceNotMountedError,
    NoSpaceError,
    UnknownTargetError,
    list_devices,
    load_config,
    send_book,
)
from exporter.delivery import usb
from exporter.delivery.config import parse_config
from exporter.delivery.kepub import kepubify_document, split_sentences

from .conftest import file_digest
from .test_delivery_support import build_epub, epub_book  # noqa: F401  (fixture)

XHTML = "{http://www.w3.org/1999/xhtml}"


def make_kindle(root: Path) -> Path:
    (root / "documents").mkdir(parents=True)
    (root / "system").mkdir()
    return root


def make_kobo(root: Path) -> Path:
    (root / ".kobo").mkdir(parents=True)
    return root


def config_with(**devices: dict) -> object:
    return parse_config({"devices": devices})


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_kindle_gets_the_epub_in_documents(tmp_path, epub_book):
    kindle = make_kindle(tmp_path / "KINDLE")
    digest = file_digest(epub_book)
    result = send_book(epub_book, "kindle", config_with(kindle={"path": str(kindle)}))
    written = kindle / "documents" / epub_book.name
    assert result.kind == "kindle" and Path(result.destination) == written
    assert written.read_bytes() == epub_book.read_bytes()
    assert listing(kindle) == ["documents", f"documents/{epub_book.name}", "system"]  # no temp file left
    assert any("do not open EPUB" in notice for notice in result.notices)
    assert file_digest(epub_book) == digest


def test_plain_folder_gets_a_copy(tmp_path, epub_book):
    folder = tmp_path / "reader"
    folder.mkdir()
    result = send_book(epub_book, "pb", config_with(pb={"path": str(folder)}))
    assert result.kind == "folder"
    assert (folder / epub_book.name).read_bytes() == epub_book.read_bytes()
    assert result.notices == ()


def test_kobo_gets_a_kepub_with_spans_that_is_still_a_valid_epub(tmp_path, epub_book):
    kobo = make_kobo(tmp_path / "KOBOeReader")
    digest = file_digest(epub_book)
    result = send_book(epub_book, "kobo", config_with(kobo={"path": str(kobo)}))
    kepub = kobo / "a-small-test-book.kepub.epub"
    assert result.kind == "kobo" and Path(result.destination) == kepub
    assert listing(kobo) == [".kobo", kepub.name]
    with zipfile.ZipFile(kepub) as archive, zipfile.ZipFile(epub_book) as original:
        assert archive.testzip() is None
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert first.extra == b"" and archive.read(first) == b"application/epub+zip"
        assert sorted(archive.namelist()) == sorted(original.namelist())
        for unchanged in ("OEBPS/content.opf", "OEBPS/nav.xhtml", "OEBPS/pic.png", "META-INF/container.xml"):
            assert archive.read(unchanged) == original.read(unchanged)
        before = etree.fromstring(original.read("OEBPS/text.xhtml"))
        after = etree.fromstring(archive.read("OEBPS/text.xhtml"))
    spans = after.findall(f".//{XHTML}span[@class='koboSpan']")
    ids = [span.get("id") for span in spans]
    assert len(ids) == len(set(ids)) >= 8
    assert all(i.startswith("kobo.") and len(i.split(".")) == 3 for i in ids)
    texts = [span.text for span in spans if span.text]
    assert "The first sentence is short. " in texts and "The second one asks a question? " in texts
    # An image is a segment of its own; the text around it stays in its own spans.
    assert any(span.find(f"{XHTML}img") is not None for span in spans)
    # Only wrapped, never changed: the body reads the same.
    assert "".join(after.find(f"{XHTML}body").itertext()) == "".join(before.find(f"{XHTML}body").itertext())
    assert after.find(f"{XHTML}body/{XHTML}div[@id='book-columns']/{XHTML}div[@id='book-inner']") is not None
    assert file_digest(epub_book) == digest


def test_kepub_document_keeps_declaration_doctype_and_skips_code():
    source = (b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
              b'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>'
              b'<body><p>One. Two.</p><pre>keep. this. raw.</pre></body></html>')
    converted = kepubify_document(source)
    assert converted.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<!DOCTYPE html>")
    root = etree.fromstring(converted)
    assert root.find(f".//{XHTML}pre").text == "keep. this. raw." and len(root.find(f".//{XHTML}pre")) == 0
    assert [s.get("id") for s in root.iter(f"{XHTML}span")] == ["kobo.1.1", "kobo.1.2"]
    assert kepubify_document(converted) == converted  # already a kepub: left alone


@pytest.mark.parametrize("text, pieces", [
    ("One. Two? Three!", ["One. ", "Two? ", "Three!"]),
    ("\u201cQuoted.\u201d Next\u2026 end", ["\u201cQuoted.\u201d ", "Next\u2026 ", "end"]),
    ("No end mark", ["No end mark"]),
    ("3.14 is pi. Yes.", ["3.14 is pi. ", "Yes."]),
])
def test_split_sentences(text, pieces):
    assert split_sentences(text) == pieces
    assert "".join(pieces) == text


def test_full_disk_gives_no_space_and_writes_nothing(tmp_path, epub_book, monkeypatch):
    kobo = make_kobo(tmp_path / "KOBOeReader")
    seen = []
    monkeypatch.setattr(usb, "free_bytes", lambda folder: seen.append(folder) or 4096)
    with pytest.raises(NoSpaceError, match="not enough space on kobo") as caught:
        send_book(epub_book, "kobo", config_with(kobo={"path": str(kobo)}))
    assert seen == [kobo]
    assert "MB free" in str(caught.value) and "\n" not in str(caught.value)
    assert listing(kobo) == [".kobo"]


def test_failure_while_writing_keeps_the_old_copy_and_no_partial_file(tmp_path):
    """A real write failure: the file-size rlimit makes write() fail part-way (EFBIG)."""
    big = build_epub(tmp_path / "book.epub")
    with zipfile.ZipFile(big, "a") as archive:  # incompressible bulk so the copy needs several writes
        archive.writestr("OEBPS/noise.bin", bytes(range(256)) * 400, compress_type=zipfile.ZIP_STORED)
    folder = tmp_path / "reader"
    folder.mkdir()
    (folder / "book.epub").write_bytes(b"the previous version")
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (32 * 1024, hard))
    try:
        with pytest.raises(NoSpaceError):
            send_book(big, "pb", config_with(pb={"path": str(folder)}))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert listing(folder) == ["book.epub"]
    assert (folder / "book.epub").read_bytes() == b"the previous version"


def test_missing_device_folder_is_not_mounted(tmp_path, epub_book):
    with pytest.raises(DeviceNotMountedError, match="kobo is not mounted"):
        send_book(epub_book, "kobo", config_with(kobo={"path": str(tmp_path / "gone")}))


def test_empty_mount_point_for_a_kobo_is_not_mounted(tmp_path, epub_book):
    mount_point = tmp_path / "KOBOeReader"
    mount_point.mkdir()  # what /media/user/X looks like with the reader unplugged
    with pytest.raises(DeviceNotMountedError, match=r"no \.kobo/"):
        send_book(epub_book, "kobo", config_with(kobo={"path": str(mount_point), "kind": "kobo"}))
    assert listing(mount_point) == []


def test_mounted_readers_are_listed_and_usable_by_name(tmp_path, epub_book):
    root = tmp_path / "media" / "user"
    make_kindle(root / "Kindle")
    make_kobo(root / "KOBOeReader")
    (root / "USB STICK" / "documents").mkdir(parents=True)  # documents/ alone is not a Kindle
    gone = tmp_path / "gone"
    config = config_with(mail={"email": "me_1@kindle.com"}, old={"path": str(gone)})
    roots = [root, tmp_path / "absent-root"]

    devices = {d.name: d for d in list_devices(config, roots=roots)}

    assert set(devices) == {"mail", "old", "Kindle", "KOBOeReader"}
    assert devices["mail"].kind == "email" and devices["mail"].configured
    assert devices["old"].mounted is False
    assert devices["Kindle"].kind == "kindle" and devices["Kindle"].mounted and not devices["Kindle"].configured
    assert devices["KOBOeReader"].kind == "kobo" and devices["KOBOeReader"].free_bytes > 0
    result = send_book(epub_book, "koboereader", config, roots=roots)
    assert Path(result.destination) == (root / "KOBOeReader" / "a-small-test-book.kepub.epub").resolve()


def test_unknown_target_lists_the_known_names(tmp_path, epub_book):
    config = config_with(kindle={"path": str(tmp_path)})
    with pytest.raises(UnknownTargetError, match=r"unknown target 'kobo'.*known: kindle"):
        send_book(epub_book, "kobo", config, roots=[])


def test_sending_to_the_folder_it_is_in_changes_nothing(epub_book):
    digest = file_digest(epub_book)
    result = send_book(epub_book, "here", config_with(here={"path": str(epub_book.parent)}))
    assert "already" in result.notices[-1]
    assert file_digest(epub_book) == digest and listing(epub_book.parent) == [epub_book.name]


def test_cli_devices_lists_configured_readers(tmp_path):
    kobo = make_kobo(tmp_path / "KOBOeReader")
    config = tmp_path / "c.toml"
    config.write_text(f'[devices.kobo]\npath = "{kobo}"\n[devices.k]\nemail = "me_1@kindle.com"\n')
    out, err = io.StringIO(), io.StringIO()
    assert main(["devices", "--config", str(config)], stdout=out, stderr=err) == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert any(line.split()[:3] == ["kobo", "kobo", str(kobo)] and "GB free" in line for line in lines)
    assert any(line.split()[:3] == ["k", "email", "me_1@kindle.com"] for line in lines)


def test_cli_send_to_unplugged_device_exits_1(tmp_path, epub_book):
    config = tmp_path / "c.toml"
    config.write_text(f'[devices.kobo]\npath = "{tmp_path / "gone"}"\n')
    out, err = io.StringIO(), io.StringIO()
    code = main(["send", str(epub_book), "--to", "kobo", "--config", str(config)], stdout=out, stderr=err)
    assert code == 1 and out.getvalue() == ""
    assert "exporter: error:" in err.getvalue() and "not mounted" in err.getvalue()
    assert load_config(config).devices["kobo"].path == tmp_path / "gone"
