"""Look and feel: a light or dark Fusion palette that follows the system, and tinted SVG icons."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

ICON_SIZES = (16, 20, 24, 32, 48, 64)
ACCENT = QColor(0, 120, 212)


def icons_dir() -> Path:
    """Icons ship inside the package, so a wheel, a pipx install and the bundle all have them."""
    return Path(__file__).resolve().parents[1] / "resources" / "icons"


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def icon(name: str) -> QIcon:
    """The named icon from lms365_desktop/resources/icons, its strokes in the palette's text colour."""
    colour = QGuiApplication.palette().color(QPalette.ColorRole.WindowText).name() if QGuiApplication.instance() else "#303030"
    return QIcon(_icon(name, colour))


def tinted_icon(name: str, colour: str) -> QIcon:
    """The named icon in a given colour, e.g. white on an accent-coloured button."""
    return QIcon(_icon(name, colour))


@lru_cache(maxsize=256)
def _icon(name: str, colour: str) -> QIcon:
    path = icons_dir() / f"{name}.svg"
    result = QIcon()
    if not path.exists():
        return result
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    ratio = max(1.0, QGuiApplication.instance().devicePixelRatio() if QGuiApplication.instance() else 1.0)
    for size in ICON_SIZES:
        pixels = int(size * ratio)
        pixmap = QPixmap(pixels, pixels)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, pixels, pixels))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        result.addPixmap(pixmap)
    return result


def light_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#f3f3f5",
        QPalette.ColorRole.WindowText: "#1f2328",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f8fa",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2328",
        QPalette.ColorRole.PlaceholderText: "#6e7781",
        QPalette.ColorRole.Text: "#1f2328",
        QPalette.ColorRole.Button: "#f6f6f8",
        QPalette.ColorRole.ButtonText: "#1f2328",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e4e4e8",
        QPalette.ColorRole.Mid: "#c8c8cc",
        QPalette.ColorRole.Dark: "#a0a0a6",
        QPalette.ColorRole.Shadow: "#60606a",
        QPalette.ColorRole.Highlight: ACCENT.name(),
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#0969da",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    _disabled(palette, "#646b74", button="#9a9aa0")
    return palette


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e6e6e8",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#1e1f22",
        QPalette.ColorRole.ToolTipBase: "#2b2c30",
        QPalette.ColorRole.ToolTipText: "#e6e6e8",
        QPalette.ColorRole.PlaceholderText: "#9a9ca3",
        QPalette.ColorRole.Text: "#e6e6e8",
        QPalette.ColorRole.Button: "#2b2c30",
        QPalette.ColorRole.ButtonText: "#e6e6e8",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#3a3b40",
        QPalette.ColorRole.Midlight: "#323338",
        QPalette.ColorRole.Mid: "#45464c",
        QPalette.ColorRole.Dark: "#141517",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#2f7fd8",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6cb6ff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    _disabled(palette, "#9a9ca3", button="#7d7f85")
    return palette


def _disabled(palette: QPalette, colour: str, *, button: str) -> None:
    """Disabled text stays readable (>= 4.5:1: hints are disabled labels); a disabled button's
    text is dimmer, so it still looks unavailable."""
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.PlaceholderText):
        palette.setColor(disabled, role, QColor(colour))
    palette.setColor(disabled, QPalette.ColorRole.ButtonText, QColor(button))


def contrast_ratio(foreground: QColor, background: QColor) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    def luminance(colour: QColor) -> float:
        channels = []
        for value in (colour.redF(), colour.greenF(), colour.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


class IndicatorStyle(QProxyStyle):
    """Fusion, with a visible frame round check boxes and radio buttons on a dark palette.

    Fusion draws that frame in the window colour darkened, which vanishes on a dark base.
    """

    _INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton,
                   QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 (Qt override)
        super().drawPrimitive(element, option, painter, widget)
        if element not in self._INDICATORS or not is_dark(option.palette):
            return
        group = QPalette.ColorGroup.Disabled if not option.state & QStyle.StateFlag.State_Enabled \
            else QPalette.ColorGroup.Active
        colour = option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        side = min(rect.width(), rect.height())
        rect = QRectF(rect.x(), rect.y() + (rect.height() - side) / 2, side, side)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def table_style() -> QStyle:
    """Plain Fusion for the big tables, which draw no check boxes: IndicatorStyle is Python,
    so every primitive of every painted cell went through an interpreter call (a full repaint
    of the users table took ~8.8 ms with it here, ~5.1 ms without)."""
    app = QApplication.instance()
    style = app.property("lms365TableStyle") if app is not None else None
    if style is None:
        style = QStyleFactory.create("Fusion")
        if app is not None:
            style.setParent(app)  # lives as long as the application, like its own style
            app.setProperty("lms365TableStyle", style)
    return style


def system_prefers_dark(app: QApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, scheme: str = "auto") -> None:
    """Fusion with our palette; ``auto`` follows the system and keeps following it."""
    # The proxy's base style is set explicitly: QProxyStyle() alone would wrap the platform's.
    app.setStyle(IndicatorStyle(QStyleFactory.create("Fusion")))
    dark = scheme == "dark" or (scheme == "auto" and system_prefers_dark(app))
    app.setPalette(dark_palette() if dark else light_palette())
    app.setStyleSheet(_STYLE)
    if scheme == "auto" and not app.property("lms365ThemeFollowing"):
        app.setProperty("lms365ThemeFollowing", True)
        app.styleHints().colorSchemeChanged.connect(lambda *_: apply_theme(app, "auto"))


def icon_size() -> QSize:
    return QSize(20, 20)


# Small touches Fusion lacks; colours come from the palette so both schemes work.
_STYLE = """
QTableView { gridline-color: palette(midlight); selection-background-color: palette(highlight); }
QHeaderView::section { padding: 4px 6px; border: none; border-right: 1px solid palette(midlight);
  border-bottom: 1px solid palette(mid); background: palette(button); }
QToolBar { spacing: 4px; padding: 2px; border: none; }
QTabBar::tab { padding: 6px 14px; }
QStatusBar QLabel { padding: 0 6px; }
QLineEdit, QComboBox { padding: 3px 6px; }
QTreeView { border: none; }
"""
