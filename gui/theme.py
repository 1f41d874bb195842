"""A dark palette for Fusion, for desktops whose dark theme Qt does not pick up by itself."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#2b2b2b", role.WindowText: "#e6e6e6", role.Base: "#1f1f1f", role.AlternateBase: "#2b2b2b",
        role.ToolTipBase: "#3a3a3a", role.ToolTipText: "#e6e6e6", role.Text: "#e6e6e6", role.Button: "#353535",
        role.ButtonText: "#e6e6e6", role.BrightText: "#ff6b6b", role.Link: "#7fb2ff", role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff", role.PlaceholderText: "#8c8c8c", role.Mid: "#444444",
        role.Dark: "#1a1a1a", role.Light: "#505050", role.Midlight: "#3c3c3c", role.Shadow: "#111111",
    }
    for color_role, value in colors.items():
        palette.setColor(color_role, QColor(value))
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, color_role, QColor("#7a7a7a"))
    return palette
