"""Tables and code in the model and in the XHTML both books are made from."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from exporter.cleaning.html_tree import element_blocks, parse_html
from exporter.model import (Article, Code, CodeBlock, Figure, Image, ImageAsset, Meta, Paragraph, Table, TableCell,
                            Text, asset_key, plain_text, read_bundle, write_bundle)
from exporter.options import ExportOptions
from exporter.render import render_article
from exporter.transforms import prepare

PROSE = "The tide turned at noon and the harbour emptied as the boats went out again to sea. "


def blocks(html: str):
    return element_blocks(parse_html(f"<html><body>{html}</body></html>").find("body"))


def test_inline_code_stays_in_its_sentence():
    (paragraph,) = blocks("<p>The root of the object, <code>rekt</code>, contains 300 lists.</p>")
    assert paragraph.children == (Text("The root of the object, "), Code("rekt"), Text(", contains 300 lists."))
    (paragraph,) = blocks("<div>Press <kbd>Ctrl</kbd> and <samp>ok</samp> appears.</div>")
    assert [type(c).__name__ for c in paragraph.children] == ["Text", "Code", "Text", "Code", "Text"]


def test_pre_keeps_its_line_breaks_and_spaces():
    (code,) = blocks("<pre>\nfor x in xs:\n    print(x)<br>done\n\n</pre>")
    assert code == CodeBlock("for x in xs:\n    print(x)\ndone")
    # trafilatura writes <pre> as a block-level <code>, often doubled
    (code,) = blocks("<code><code>a = 1\nb = 2\n</code></code>")
    assert code == CodeBlock("a = 1\nb = 2")


def test_a_one_line_command_between_paragraphs_is_a_code_block():
    # trafilatura's <code><code> for a tutorial's <pre><code>pip install foo</code></pre>, amid paragraphs
    found = blocks(f"<p>{PROSE}</p><code><code>pip install foo</code></code><p>{PROSE}</p>")
    assert found[1] == CodeBlock("pip install foo")
    # beside a link in a list item it is inline, as it was
    (items,) = blocks("<ul><li><code>make test</code><a href='/docs'> docs</a></li></ul>")
    assert not any(isinstance(b, CodeBlock) for item in items.items for b in item)


def _cleaned_blocks(middle: str):
    from exporter.cleaning import clean
    from exporter.reading import decode_source
    page = (f"<html><body><article><h1>Packaging made simple</h1><p>{PROSE * 2}</p><p>{PROSE}Again.</p>"
            f"{middle}<p>{PROSE}Then.</p></article></body></html>")
    return clean(decode_source(page.encode(), kind="html")).blocks


def test_a_command_said_inline_and_then_shown_as_a_block_keeps_both():
    # the reverse-echo repair (an unclosed inline <code> repeated as a block by trafilatura)
    # must not take a tutorial's own repetition for one
    for said in ("<p>Install with <code>pip install foo</code> as shown below.</p>",
                 "<p>Install with <code>pip install foo</code></p>"):
        found = _cleaned_blocks(said + "<pre><code>pip install foo</code></pre>")
        assert CodeBlock("pip install foo") in found, said
        assert any(plain_text(b).startswith("Install with pip install foo") for b in found)


def test_a_data_table_keeps_caption_header_rows_and_alignment():
    (table,) = blocks('<table><caption>Catch</caption><thead><tr><th>Boat</th><th align="right">t</th></tr></thead>'
                      '<tbody><tr><td>Maria</td><td align="right">12.5</td></tr>'
                      '<tr><td colspan="2">Total <em>only</em></td></tr></tbody></table>')
    assert isinstance(table, Table)
    assert table.caption == (Text("Catch"),)
    assert [[plain_text(c.children) for c in row] for row in table.head] == [["Boat", "t"]]
    assert table.head[0][1].align == "right" and table.body[0][1].align == "right"
    assert table.body[1][0].colspan == 2 and table.columns == 2


def test_trafilatura_tables_become_tables_with_their_header_row():
    (table,) = blocks('<table><row><cell role="head">Name</cell><cell role="head">Score</cell></row>'
                      "<row><cell>Ann</cell><cell>3</cell></row></table>")
    assert [c.header for c in table.head[0]] == [True, True]
    assert plain_text(table.body[0][0].children) == "Ann"


def test_a_layout_table_is_read_as_blocks():
    found = blocks(f"<table><tr><td><p>{PROSE}</p><p>{PROSE}Second.</p></td></tr></table>")
    assert [type(b) for b in found] == [Paragraph, Paragraph]


def _article(*body, assets=()) -> Article:
    return Article(Meta(title="Tables", language="en"), tuple(body), tuple(assets))


def test_tables_and_code_in_the_xhtml():
    table = Table(((TableCell((Text("Boat"),), True), TableCell((Text("Tonnes"),), True, "right")),),
                  ((TableCell((Text("Maria"),)), TableCell((Text("12.5"),), align="right")),),
                  (Text("Catch by boat"),))
    article = prepare(_article(Paragraph((Text(PROSE), Code('x = "a" -- b'))), table,
                               CodeBlock('if a < b:\n    say("hi")')), ExportOptions())
    body = render_article(article).sections[1].body
    from exporter.render import xhtml_document

    etree.fromstring(xhtml_document(render_article(article).sections[1], title="t").encode())  # well-formed
    assert '<code>x = "a" -- b</code>' in body  # typography leaves code alone
    assert '<pre class="code-block"><code>if a &lt; b:\n    say("hi")</code></pre>' in body
    assert "<caption>Catch by boat</caption>" in body
    assert '<thead><tr><th scope="col">Boat</th><th class="align-right" scope="col">Tonnes</th></tr></thead>' in body
    assert '<td class="align-right">12.5</td>' in body


def test_a_wide_table_is_set_smaller():
    row = tuple(TableCell((Text(f"c{n}"),)) for n in range(7))
    body = render_article(_article(Paragraph((Text(PROSE),)), Table((), (row,)))).sections[1].body
    assert 'class="table table-wide"' in body


def test_figures_and_inline_pictures_in_the_xhtml():
    data = b"\x89PNG fake"
    asset = ImageAsset(asset_key(data), "image/png", 400, 300, data, "x.png")
    icon = ImageAsset(asset_key(b"icon"), "image/png", 16, 16, b"icon", "i.png")
    article = _article(Paragraph((Text(PROSE), Image(icon.key, "flag"))),
                       Figure(asset.key, 'A "quoted" alt', (Text("Caption."),), "Photo: A. B."),
                       Figure(None, "", (Text("Lost picture."),)), assets=(asset, icon))
    body = render_article(article).sections[1].body
    assert (f'<figure class="figure figure-landscape"><img class="figure-image" src="images/{asset.key}.png" '
            'alt="A &quot;quoted&quot; alt"/><figcaption>Caption. '
            '<span class="credit">Photo: A. B.</span></figcaption></figure>') in body
    assert f'<img class="inline-image" src="images/{icon.key}.png" alt="flag"/>' in body
    assert '<figure class="figure-text"><figcaption>Lost picture.</figcaption></figure>' in body


def test_assets_round_trip_through_json_with_their_bytes_beside_it(tmp_path: Path):
    data = b"\xff\xd8 a jpeg"
    asset = ImageAsset(asset_key(data), "image/jpeg", 10, 20, data, "a.jpg")
    article = _article(Figure(asset.key, "alt", (Text("c"),), "credit"),
                       Table(((TableCell((Code("k"),), True),),), ()), CodeBlock("x\n y"), assets=(asset,))
    assert "a jpeg" not in article.to_json()  # the JSON holds no bytes
    write_bundle(article, tmp_path)
    assert read_bundle(tmp_path) == article
    (tmp_path / "assets" / asset.file_name).write_bytes(b"changed")
    import pytest

    with pytest.raises(ValueError, match="do not match"):
        read_bundle(tmp_path)


def test_a_wide_table_and_a_long_code_line_stay_inside_the_page(tmp_path: Path):
    """Laid out by WeasyPrint: every word of the table and the code is drawn inside
    the text block (pdftotext's word boxes), so nothing is cut off at the edge."""
    import shutil
    import subprocess

    import pytest

    from exporter.backends.pdf import page_geometry
    from exporter.pipeline import export_file

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    head = "".join(f"<th>Column heading {i}</th>" for i in range(9))
    rows = "".join("<tr>" + "".join(f"<td>v{r}.{i}</td>" for i in range(8))
                   + "<td>https://example.org/a/very/long/unbroken/path/segment</td></tr>" for r in range(4))
    code = "    result = compute(first_argument, second_argument, third_argument, fourth_argument)  # and on"
    page = tmp_path / "wide.html"
    page.write_text(f"<html><head><title>Wide</title></head><body><article><h1>Wide</h1><p>{PROSE * 4}</p>"
                    f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
                    f"<pre>def f():\n{code}\n    return 1</pre><p>{PROSE * 4}</p></article></body></html>")
    options = ExportOptions(output_dir=tmp_path / "out", formats=("pdf",))
    pdf = export_file(page, options)[0].path
    boxes = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes)
    geo, width = page_geometry(options.page_size), options.page_size.width_pt
    inner = min(geo.inside, geo.outside) - 1
    assert any("fourth_argument" in w for *_, w in words) and any("v3.7" == w for *_, w in words)
    for x_min, x_max, word in words:
        assert float(x_min) >= inner and float(x_max) <= width - inner, word


def test_a_footer_that_repeats_the_header_is_dropped_and_a_real_footer_ends_the_table():
    from exporter.cleaning.html_media import table_block
    import lxml.html

    head = "<tr><th>Pos</th><th>Player</th><th>Plays</th></tr>"
    table = lxml.html.fromstring(
        f"<table><thead>{head}</thead><tfoot>{head}</tfoot><tbody><tr><td>DL</td><td>Larry Ogunjobi</td>"
        "<td>63</td></tr></tbody></table>")
    found = table_block(table, 0)
    assert len(found.head) == 1 and [[c.children[0].text for c in row] for row in found.body] == [
        ["DL", "Larry Ogunjobi", "63"]]
    totals = lxml.html.fromstring(
        "<table><thead><tr><th>Boat</th><th>Tonnes</th></tr></thead><tfoot><tr><td>Total</td><td>21.5</td></tr>"
        "</tfoot><tbody><tr><td>Maria</td><td>12.5</td></tr><tr><td>Esperança</td><td>9.0</td></tr></tbody></table>")
    rows = [[c.children[0].text for c in row] for row in table_block(totals, 0).body]
    assert rows == [["Maria", "12.5"], ["Esperança", "9.0"], ["Total", "21.5"]]
    # The repeated header set in <td> cells (review of the look branches) is dropped as well.
    td_repeat = lxml.html.fromstring(
        f"<table><thead>{head}</thead><tfoot><tr><td>Pos</td><td>Player</td><td> Plays</td></tr></tfoot>"
        "<tbody><tr><td>DL</td><td>Larry Ogunjobi</td><td>63</td></tr></tbody></table>")
    assert [[c.children[0].text for c in row] for row in table_block(td_repeat, 0).body] == [
        ["DL", "Larry Ogunjobi", "63"]]


def test_short_columns_keep_their_words_whole_in_the_pdf(tmp_path):
    """A five-column stats table with a long last column: "Pos", "Plays" and
    "85%" are never broken inside (they were set "Po/s", "Play/s", "85/%")."""
    import shutil
    import subprocess

    import pytest

    from exporter.pipeline import export_file

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    rows = "".join(f"<tr><td>DL</td><td>Sheldon Richardson</td><td>{50 + r}</td><td>{60 + r}%</td>"
                   f"<td>{PROSE[:150]}</td></tr>" for r in range(5))
    page = tmp_path / "stats.html"
    page.write_text(f"<html lang='en'><head><title>Stats</title></head><body><article><h1>Stats</h1><p>{PROSE * 4}</p>"
                    "<table><thead><tr><th>Pos</th><th>Player</th><th>Plays</th><th>%</th><th>Stats</th></tr>"
                    f"</thead><tbody>{rows}</tbody></table><p>{PROSE * 4}</p></article></body></html>")
    pdf = export_file(page, ExportOptions(output_dir=tmp_path / "out", formats=("pdf",)))[0].path
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    for word in ("Pos", "Plays", "50", "60%"):
        assert word in words, word
    assert "Po" not in words and "Play" not in words
