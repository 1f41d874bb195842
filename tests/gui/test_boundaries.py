"""The split between the core and the GUI: the CLI never loads Qt, and gui/
uses only the names the core publishes in exporter.__all__."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import exporter

GUI_DIR = Path(__file__).resolve().parents[2] / "gui"


def test_importing_the_cli_does_not_import_pyside6():
    code = "import exporter.cli, exporter, sys; assert 'PySide6' not in sys.modules, sorted(sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def _exporter_uses(tree: ast.AST) -> tuple[set[str], list[str]]:
    """Names taken from ``exporter`` and any reach into its submodules."""
    names: set[str] = set()
    private: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "exporter":
                names.update(alias.name for alias in node.names)
            elif node.module.startswith("exporter."):
                private.append(f"from {node.module} import …")
        elif isinstance(node, ast.Import):
            private.extend(a.name for a in node.names if a.name.startswith("exporter."))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "exporter":
            names.add(node.attr)
    return names, private


def test_gui_uses_only_public_names_of_the_core():
    sources = sorted(GUI_DIR.glob("*.py"))
    assert len(sources) >= 5
    public = set(exporter.__all__) | {"__all__"}
    for source in sources:
        names, private = _exporter_uses(ast.parse(source.read_text("utf-8"), str(source)))
        assert not private, f"{source.name} imports exporter submodules: {private}"
        assert names <= public, f"{source.name} uses names outside exporter.__all__: {sorted(names - public)}"


def test_the_checker_catches_a_private_import():
    names, private = _exporter_uses(ast.parse("from exporter.batch import run_one\nfrom exporter import _x\n"
                                              "import exporter.render\nexporter.secret()"))
    assert private == ["from exporter.batch import …", "exporter.render"]
    assert names == {"_x", "secret"}


def test_no_gui_module_is_over_about_400_lines():
    """The window is split into parts a newcomer can find (article list, details, settings, preview, …)."""
    lengths = {source.name: len(source.read_text("utf-8").splitlines()) for source in GUI_DIR.glob("*.py")}
    assert max(lengths.values()) <= 400, sorted(lengths.items(), key=lambda item: -item[1])[:3]
    for part in ("article_list", "details_form", "export_settings", "preview", "delivery_settings", "ereader"):
        assert f"{part}.py" in lengths
