"""Big digits that grow with the screen: Textual's 3×3 box-drawing font, drawn 1, 2 or 3 times as large.

A glyph is scaled by drawing its strokes longer, not by repeating characters: a corner stays one corner and the
lines between grow (`┏━┓` becomes `┏━━━┓`). Which way a box-drawing character reaches is read from its Unicode
name ("BOX DRAWINGS HEAVY DOWN AND RIGHT" reaches down and right), so the font's every glyph scales the same way.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widgets import Digits

LARGEST_SCALE = 3
ROWS_PER_SCALE_STEP = 12  # screen rows each step of scale needs beyond a small screen's 24: 2× at 36, 3× at 48


@cache
def _reaches(character: str) -> tuple[bool, bool, bool]:
    """(reaches right, reaches down, heavy) for a box-drawing character; no reach for anything else."""
    try:
        name = unicodedata.name(character)
    except ValueError:
        return False, False, False
    if not name.startswith("BOX DRAWINGS"):
        return False, False, False
    words = name.split()
    right = "RIGHT" in words or "HORIZONTAL" in words
    down = "DOWN" in words or "VERTICAL" in words
    return right, down, "HEAVY" in words


def scaled_lines(lines: list[str], scale: int) -> list[str]:
    """The glyph rows drawn `scale` times as wide and as tall, strokes joined."""
    if scale <= 1:
        return lines
    wide: list[str] = []
    for line in lines:
        cells = []
        for character in line:
            right, _down, heavy = _reaches(character)
            cells.append(character + ("━" if heavy else "─") * (scale - 1) if right
                         else character + " " * (scale - 1))
        wide.append("".join(cells))
    tall: list[str] = []
    for index, line in enumerate(wide):
        tall.append(line)
        if index < len(wide) - 1:  # strokes grow between rows, none hang below the last
            between = "".join(("┃" if _reaches(c)[2] else "│") if _reaches(c)[1] else " " for c in line)
            tall.extend([between] * (scale - 1))
    return tall


def scaled_height(scale: int) -> int:
    return 3 + 2 * (scale - 1)


def digit_rows(value: str, style: Style | None = None) -> list[str]:
    """The three rows Textual's `Digits` draws for `value`."""
    style = style or Style()
    text = "".join(segment.text for segment in DigitsRenderable(value, style).render(style))
    return text.split("\n")[:3]


def fitting_scale(value: str, width: int, screen_height: int) -> int:
    """The largest scale the screen's height allows at which `value` still fits in `width` columns."""
    by_height = 1 + max(0, screen_height - 24) // ROWS_PER_SCALE_STEP
    natural = DigitsRenderable.get_width(value)
    scale = min(LARGEST_SCALE, by_height)
    while scale > 1 and natural * scale > width:
        scale -= 1
    return scale


class BigDigits(Digits):
    """`Digits` whose size follows the screen: a number to keep, an amount or a NIK as typed fills a large kiosk
    screen and stays 3 rows on a small one."""

    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(value, id=id)
        self.scale = 1

    def _fitting(self, width: int) -> int:
        return fitting_scale(self.value, width, self.app.size.height)

    def render(self):
        scale = self.scale = self._fitting(self.content_region.width or self.app.size.width)
        if scale == 1:
            return super().render()
        return Text("\n".join(scaled_lines(digit_rows(self.value, self.rich_style), scale)), style=self.rich_style,
                    no_wrap=True, overflow="crop")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return DigitsRenderable.get_width(self.value) * self._fitting(container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return scaled_height(self._fitting(width))
