"""export_batch(overrides_by_path=...): each input carries its own metadata edits (the GUI's per-article form)."""

from __future__ import annotations

import json
import shutil
import zipfile

from lxml import etree

from exporter import ExportOptions, MetaOverrides, export_batch

DC = "{http://purl.org/dc/elements/1.1/}"


def _opf_metadata(path):
    with zipfile.ZipFile(path) as archive:
        opf_name = next(n for n in archive.namelist() if n.endswith(".opf"))
        opf = etree.fromstring(archive.read(opf_name))
    return {tag: [e.text for e in opf.iter(DC + tag)] for tag in ("title", "creator", "publisher")}


def test_each_input_gets_its_own_overrides_over_the_batchs(seed_path, tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    shutil.copy(seed_path, first)
    shutil.copy(seed_path, second)
    options = ExportOptions(formats=("epub",), output_dir=tmp_path / "out",
                            overrides=MetaOverrides(publisher="Batch Press"))
    report = export_batch([first, second], options, jobs=1,
                          overrides_by_path={str(first): MetaOverrides(title="First, Edited", author="A. Editor")})
    assert not report.failed
    # Books are named after their (overridden) titles.
    edited = _opf_metadata(tmp_path / "out" / "first-edited.epub")
    untouched = _opf_metadata(tmp_path / "out" / "an-act-of-repentance.epub")
    assert edited["title"] == ["First, Edited"] and edited["creator"] == ["A. Editor"]
    assert untouched["title"] == ["An Act of Repentance"] and untouched["creator"] == ["William Taubman"]
    assert edited["publisher"] == untouched["publisher"] == ["Batch Press"]  # the batch's override still applies


def test_a_changed_override_rebuilds_only_that_input(seed_path, tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    shutil.copy(seed_path, first)
    shutil.copy(seed_path, second)
    options = ExportOptions(formats=("epub",), output_dir=tmp_path / "out")
    export_batch([first, second], options, jobs=1, overrides_by_path={first: MetaOverrides(title="One")})
    again = export_batch([first, second], options, jobs=1, overrides_by_path={first: MetaOverrides(title="Two")})
    assert {f.input.rsplit("/", 1)[-1]: f.skipped for f in again.files} == {"first.txt": False, "second.txt": True}
    assert _opf_metadata(tmp_path / "out" / "two.epub")["title"] == ["Two"]  # named after the new title
    state = json.loads((tmp_path / "out" / ".exporter-state.json").read_text())
    assert "Two" in state["two.epub"]["options"] and "Two" not in state["an-act-of-repentance.epub"]["options"]
    assert "one.epub" not in state  # the book of the old title is no longer this input's output
