"""Both palettes keep hints, placeholders and disabled labels readable; dark check boxes show their box."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

from lms365_desktop.ui.theme import apply_theme, contrast_ratio, dark_palette, light_palette

Role, Group = QPalette.ColorRole, QPalette.ColorGroup


@pytest.mark.parametrize("palette", [dark_palette(), light_palette()], ids=["dark", "light"])
def test_hint_and_disabled_text_meet_4_5_to_1(qapp, palette):
    pairs = {
        "placeholder on base": (palette.color(Group.Active, Role.PlaceholderText), palette.color(Role.Base)),
        "disabled label on window": (palette.color(Group.Disabled, Role.WindowText), palette.color(Role.Window)),
        "disabled text on base": (palette.color(Group.Disabled, Role.Text), palette.color(Role.Base)),
        "text on base": (palette.color(Role.Text), palette.color(Role.Base)),
    }
    low = {name: round(contrast_ratio(fg, bg), 2) for name, (fg, bg) in pairs.items() if contrast_ratio(fg, bg) < 4.5}
    assert low == {}


@pytest.fixture
def dark_app(qapp):
    previous_style, previous_palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    apply_theme(qapp, "dark")
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(previous_style)
    qapp.setPalette(previous_palette)


@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
def test_dark_indicators_have_a_visible_frame(qtbot, dark_app, kind):
    box = kind("Show the course in the catalog")
    qtbot.addWidget(box)
    box.show()
    image = box.grab().toImage()
    option = QStyleOptionButton()
    box.initStyleOption(option)
    element = QStyle.SubElement.SE_CheckBoxIndicator if kind is QCheckBox else QStyle.SubElement.SE_RadioButtonIndicator
    rect = box.style().subElementRect(element, option, box)
    ratio = image.devicePixelRatio()
    base = box.palette().color(Role.Base)
    # The indicator's outline: the most contrasting pixel on its left edge column.
    edge = max((QColor(image.pixel(int((rect.left() + dx) * ratio), int(rect.center().y() * ratio)))
                for dx in (0, 1)), key=lambda colour: contrast_ratio(colour, base))
    assert contrast_ratio(edge, base) >= 3.0, edge.name()
