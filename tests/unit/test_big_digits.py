"""Big digits scaled by drawing their strokes longer: corners stay corners, the screen decides the size."""

from __future__ import annotations

import pytest

from gemilang_tui.widgets.big_digits import digit_rows, fitting_scale, scaled_height, scaled_lines


def test_scale_one_is_textual_own_font() -> None:
    assert scaled_lines(digit_rows("0"), 1) == digit_rows("0")


def test_a_zero_drawn_twice_as_large_is_one_closed_box() -> None:
    assert scaled_lines(digit_rows("0"), 2) == [
        "╭───╮ ",
        "│   │ ",
        "│   │ ",
        "│   │ ",
        "╰───╯ ",
    ]


@pytest.mark.parametrize("scale", [2, 3])
def test_every_glyph_keeps_its_corners_and_grows_evenly(scale: int) -> None:
    for character in "0123456789":
        rows = digit_rows(character)
        big = scaled_lines(rows, scale)
        assert len(big) == scaled_height(scale)
        assert {len(row) for row in big} == {3 * scale}
        corners = [c for row in rows for c in row if c not in " ─│━┃"]
        big_corners = [c for row in big for c in row if c not in " ─│━┃"]
        assert big_corners == corners, character


def test_the_scale_follows_the_height_and_never_overflows_the_width() -> None:
    assert fitting_scale("112", width=104, screen_height=24) == 1
    assert fitting_scale("112", width=104, screen_height=36) == 2
    assert fitting_scale("112", width=104, screen_height=50) == 3
    long_number = "3603 2845 0871 0003"  # 57 columns at scale 1
    assert fitting_scale(long_number, width=104, screen_height=50) == 1
    assert fitting_scale("Rp1.150.500"[2:], width=104, screen_height=50) == 3
