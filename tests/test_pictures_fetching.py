"""--fetch-images against a real server on 127.0.0.1: the page's pictures are
fetched through the guarded fetcher, a picture on a private address is refused,
and nothing at all is fetched without the flag (the server counts requests)."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from exporter.cleaning import clean
from exporter.cli import main
from exporter.fetching import GuardedFetcher
from exporter.options import ExportOptions
from exporter.pipeline import export_file
from exporter.reading import read_source
from exporter.resolver import Resolver

from .local_http import Route, serve
from .pdf_support import collected_warnings
from .picture_pages import PROSE, encoded, photo


@pytest.fixture()
def site():
    picture = encoded(photo(640, 400, seed=11), "JPEG")
    with serve({"/pictures/harbour.jpg": Route(200, "image/jpeg", picture),
                "/pictures/private.jpg": Route(200, "image/jpeg", picture)}) as running:
        yield running


def _page(folder: Path, site) -> Path:
    body = "".join(f"<p>{PROSE * 3}</p>" for _ in range(3))
    # 127.0.0.1 stands for the public web (the test trusts it, as the API allows);
    # "localhost" is the same machine under a name the fetcher has no reason to trust.
    figures = (f'<figure><img src="{site.url("/pictures/harbour.jpg")}" alt="The harbour">'
               "<figcaption>Fetched from the page's server.</figcaption></figure>"
               f'<img src="http://localhost:{site.port}/pictures/private.jpg" alt="Intranet">')
    path = folder / "remote.html"
    path.write_text(f"<html lang=en><head><title>Remote</title></head><body><article><h1>Remote</h1>{body}"
                    f"{figures}{body}</article></body></html>", encoding="utf-8")
    return path


def test_pictures_are_fetched_and_a_private_address_refused(tmp_path, site):
    page = _page(tmp_path, site)
    fetcher = GuardedFetcher(trusted_hosts=frozenset({"127.0.0.1"}))
    source = replace(read_source(page), resolver=Resolver(base_dir=tmp_path, fetcher=fetcher))
    with collected_warnings() as warnings:
        article = clean(source)
    assert [a.origin for a in article.assets] == [site.url("/pictures/harbour.jpg")]
    assert article.assets[0].media_type == "image/jpeg" and article.assets[0].width == 640
    assert site.requests == ["GET /pictures/harbour.jpg"]  # the private one was refused before connecting
    # One warning names the picture (exporter.fetching also logs its own refusal line).
    naming = [w for w in warnings if "private.jpg" in w]
    assert len(naming) == 1 and "loopback" in naming[0], warnings
    assert all("localhost" in w for w in warnings), warnings


def test_nothing_is_fetched_without_the_flag(tmp_path, site):
    page = _page(tmp_path, site)
    with collected_warnings() as warnings:
        written = export_file(page, ExportOptions(output_dir=tmp_path / "out", formats=("epub",)))
    assert site.requests == []
    assert warnings == []  # not fetching is the policy, not a fault
    with zipfile.ZipFile(written[0].path) as archive:
        assert not [n for n in archive.namelist() if n.startswith("EPUB/images/img-")]


def test_the_cli_flag_fetches_only_public_addresses(tmp_path, site, capsys):
    # From the command line nothing is trusted: loopback is refused like any private address.
    page = _page(tmp_path, site)
    status = main(["--epub", "--fetch-images", "-q", "-o", str(tmp_path / "out"), str(page)])
    assert status == 0
    assert site.requests == []
    err = capsys.readouterr().err
    assert "harbour.jpg" in err or "remote.html" in err
